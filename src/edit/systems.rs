//! The edits of systems and of the integrations between them.

use super::{checked_label, contributor_ids, find, ids, new_id, problem};
use crate::model::{Integration, Model, System};
use crate::validate::Invalid;

pub(super) fn add_system(m: &mut Model, system: &System) -> Result<String, Invalid> {
    let at = "edit.addSystem";
    let labels = m.systems.iter().map(|s| &s.label);
    let label = checked_label(&system.label, at, labels, None)?;
    let taken = system_ids(m);
    let id = new_id(&system.id, &label, at, &taken)?;
    let (owner, contributors) =
        checked_system_refs(m, &system.owner, &system.contributors, "systems")?;
    m.systems.push(System {
        id: id.clone(),
        label,
        owner,
        contributors,
    });
    Ok(id)
}

pub(super) fn update_system(m: &mut Model, system: &System) -> Result<(), Invalid> {
    let taken = system_ids(m);
    let i = find(&taken, &system.id, "systems", "system")?;
    let labels = m.systems.iter().map(|s| &s.label);
    let label = checked_label(&system.label, "edit.updateSystem", labels, Some(i))?;
    let path = format!("systems[{i}]");
    let (owner, contributors) = checked_system_refs(m, &system.owner, &system.contributors, &path)?;
    let s = &mut m.systems[i];
    s.label = label;
    s.owner = owner;
    s.contributors = contributors;
    Ok(())
}

pub(super) fn remove_system(m: &mut Model, id: &str) -> Result<(), Invalid> {
    let taken = system_ids(m);
    let i = find(&taken, id, "systems", "system")?;
    m.systems.remove(i);
    m.integrations.retain(|x| x.from != id && x.to != id);
    Ok(())
}

pub(super) fn add_integration(m: &mut Model, integration: &Integration) -> Result<(), Invalid> {
    let Integration { from, to } = integration;
    let taken = system_ids(m);
    find(&taken, from, "integrations", "system")?;
    find(&taken, to, "integrations", "system")?;
    if from == to {
        return Err(problem(
            "integrations",
            format!("a system cannot be integrated with itself (\"{from}\")"),
        ));
    }
    if m.integrations.iter().any(|x| connects(x, from, to)) {
        return Err(problem(
            "integrations",
            format!("systems \"{from}\" and \"{to}\" are already integrated"),
        ));
    }
    m.integrations.push(Integration {
        from: from.clone(),
        to: to.clone(),
    });
    Ok(())
}

pub(super) fn remove_integration(m: &mut Model, integration: &Integration) -> Result<(), Invalid> {
    let Integration { from, to } = integration;
    let before = m.integrations.len();
    m.integrations.retain(|x| !connects(x, from, to));
    if m.integrations.len() == before {
        return Err(problem(
            "integrations",
            format!("systems \"{from}\" and \"{to}\" are not integrated"),
        ));
    }
    Ok(())
}

fn system_ids(m: &Model) -> Vec<&str> {
    m.systems.iter().map(|s| s.id.as_str()).collect()
}

fn connects(x: &Integration, a: &str, b: &str) -> bool {
    (x.from == a && x.to == b) || (x.from == b && x.to == a)
}

fn checked_system_refs(
    m: &Model,
    owner: &str,
    contributors: &[String],
    path: &str,
) -> Result<(String, Vec<String>), Invalid> {
    find(&ids(&m.framework.players), owner, path, "player")?;
    let taken = contributor_ids(m);
    let mut out: Vec<String> = Vec::new();
    for c in contributors {
        find(&taken, c, path, "contributor")?;
        if !out.contains(c) {
            out.push(c.clone());
        }
    }
    Ok((owner.to_string(), out))
}
