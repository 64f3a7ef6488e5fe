//! The edits of responsibilities: which contributor answers for which
//! cell, and in what activity.

use super::{contributor_ids, find, ids, problem};
use crate::model::{Model, Responsibility};
use crate::validate::Invalid;

pub(super) fn add_responsibility(m: &mut Model, r: &Responsibility) -> Result<(), Invalid> {
    let r = checked_responsibility(m, r, None)?;
    m.responsibilities.push(r);
    Ok(())
}

pub(super) fn update_responsibility(
    m: &mut Model,
    index: usize,
    responsibility: &Responsibility,
) -> Result<(), Invalid> {
    let path = format!("responsibilities[{index}]");
    if index >= m.responsibilities.len() {
        return Err(problem(path, "there is no responsibility at this position"));
    }
    let r = checked_responsibility(m, responsibility, Some(index))?;
    m.responsibilities[index] = r;
    Ok(())
}

pub(super) fn remove_responsibility(m: &mut Model, index: usize) -> Result<(), Invalid> {
    if index >= m.responsibilities.len() {
        return Err(problem(
            format!("responsibilities[{index}]"),
            "there is no responsibility at this position",
        ));
    }
    m.responsibilities.remove(index);
    Ok(())
}

/// `replacing`: the index of the responsibility this one replaces.
fn checked_responsibility(
    m: &Model,
    r: &Responsibility,
    replacing: Option<usize>,
) -> Result<Responsibility, Invalid> {
    let path = match replacing {
        Some(i) => format!("responsibilities[{i}]"),
        None => "responsibilities".to_string(),
    };
    let path = path.as_str();
    let taken = contributor_ids(m);
    find(&taken, &r.contributor, path, "contributor")?;
    find(&ids(&m.framework.themes), &r.theme, path, "theme")?;
    find(&ids(&m.framework.players), &r.player, path, "player")?;
    let mut r = r.clone();
    r.activity = r
        .activity
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string);
    let duplicate = m.responsibilities.iter().enumerate().any(|(i, x)| {
        x.contributor == r.contributor
            && x.theme == r.theme
            && x.player == r.player
            && x.activity == r.activity
            && replacing != Some(i)
    });
    if duplicate {
        return Err(problem(
            path,
            format!(
                "player \"{}\" already has this responsibility for \"{}\"",
                r.player, r.contributor
            ),
        ));
    }
    Ok(r)
}
