//! The edits of assessments (a cell's scores, in a unit or the whole
//! organization), and the one made in place, the edit the page makes most.

use super::{find, ids, problem, CellKey};
use crate::model::{Assessment, Model};
use crate::validate::{self, Invalid};

/// Where [`set_assessment`] put an assessment, and the one it replaced
/// there (`None` when it was added at the end).
#[derive(Debug, Clone, PartialEq)]
pub struct SetAt {
    pub index: usize,
    pub replaced: Option<Assessment>,
}

/// Where `SetAssessment(a)` puts `a` in `model`: the index of the
/// assessment of its cell, or `None` when it would be added at the end.
pub fn assessment_index(model: &Model, a: &Assessment) -> Option<usize> {
    model.assessments.iter().position(|x| same_cell(x, a))
}

/// [`apply`](super::apply) of `SetAssessment(a)` to a valid `model`, made
/// in place and checked with [`validate::validate_assessment`] rather than
/// on a copy checked whole: the same model and the same problems, without
/// copying or reading the other items (the edit the page makes most, and
/// the one a large model felt). On error `model` is as it was.
pub fn set_assessment(model: &mut Model, a: &Assessment) -> Result<SetAt, Invalid> {
    let a = checked_assessment(model, a)?;
    let at = match assessment_index(model, &a) {
        Some(index) => SetAt {
            index,
            replaced: Some(std::mem::replace(&mut model.assessments[index], a)),
        },
        None => {
            model.assessments.push(a);
            SetAt {
                index: model.assessments.len() - 1,
                replaced: None,
            }
        }
    };
    let problems = validate::validate_assessment(model, at.index);
    if problems.is_empty() {
        return Ok(at);
    }
    match &at.replaced {
        Some(old) => model.assessments[at.index] = old.clone(),
        None => {
            model.assessments.pop();
        }
    }
    Err(Invalid::new(problems))
}

/// `SetAssessment`: the assessment of its cell replaced, or added at the end.
pub(super) fn replace_or_add(m: &mut Model, assessment: &Assessment) -> Result<(), Invalid> {
    let a = checked_assessment(m, assessment)?;
    match assessment_index(m, &a) {
        Some(i) => m.assessments[i] = a,
        None => m.assessments.push(a),
    }
    Ok(())
}

pub(super) fn remove_assessment(m: &mut Model, key: &CellKey) -> Result<(), Invalid> {
    let CellKey {
        theme,
        player,
        unit,
    } = key;
    let before = m.assessments.len();
    m.assessments
        .retain(|x| !(x.theme == *theme && x.player == *player && x.unit == *unit));
    if m.assessments.len() == before {
        return Err(problem(
            "assessments",
            format!(
                "no assessment of theme \"{theme}\" and player \"{player}\"{}",
                unit_suffix(unit.as_deref())
            ),
        ));
    }
    Ok(())
}

/// Whether two assessments are of one cell: theme, player and unit.
pub(crate) fn same_cell(x: &Assessment, a: &Assessment) -> bool {
    x.theme == a.theme && x.player == a.player && x.unit == a.unit
}

fn unit_suffix(unit: Option<&str>) -> String {
    unit.map(|u| format!(" in unit \"{u}\""))
        .unwrap_or_default()
}

fn score_problem(m: &Model, value: f64, path: &str, what: &str) -> Option<Invalid> {
    if !value.is_finite() {
        return Some(problem(path, format!("the {what} must be a number")));
    }
    let (lo, hi) = (m.scale.min, m.scale.max);
    if value < lo || value > hi {
        return Some(problem(
            path,
            format!("the {what} {value} is outside the scale {lo}–{hi}"),
        ));
    }
    None
}

pub(super) fn checked_assessment(m: &Model, a: &Assessment) -> Result<Assessment, Invalid> {
    let fw = &m.framework;
    find(&ids(&fw.themes), &a.theme, "assessments", "theme")?;
    find(&ids(&fw.players), &a.player, "assessments", "player")?;
    if let Some(u) = &a.unit {
        find(&ids(&m.units), u, "assessments", "unit")?;
    }
    if let Some(p) = score_problem(m, a.current, "assessments", "current score") {
        return Err(p);
    }
    if let Some(t) = a.target {
        if let Some(p) = score_problem(m, t, "assessments", "target") {
            return Err(p);
        }
    }
    if !a.weight.is_finite() || a.weight <= 0.0 {
        return Err(problem(
            "assessments",
            format!("the weight must be a positive number, not {}", a.weight),
        ));
    }
    let mut a = a.clone();
    a.note = a
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string);
    Ok(a)
}
