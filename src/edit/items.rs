//! The edits of the organization's own items: its name, its units and its
//! contributors, with what their removal takes along.

use super::{checked_label, contributor_ids, find, ids, new_id};
use crate::model::{Contributor, Item, Model};
use crate::validate::Invalid;

pub(super) fn set_name(m: &mut Model, name: &str) {
    m.name = name.trim().to_string();
}

pub(super) fn add_unit(m: &mut Model, unit: &Item) -> Result<String, Invalid> {
    let at = "edit.addUnit";
    let label = checked_label(&unit.label, at, m.units.iter().map(|u| &u.label), None)?;
    let id = new_id(&unit.id, &label, at, &ids(&m.units))?;
    m.units.push(Item::new(&id, &label));
    Ok(id)
}

pub(super) fn rename_unit(m: &mut Model, unit: &Item) -> Result<(), Invalid> {
    let i = find(&ids(&m.units), &unit.id, "units", "unit")?;
    let labels = m.units.iter().map(|u| &u.label);
    let label = checked_label(&unit.label, "edit.renameUnit", labels, Some(i))?;
    m.units[i].label = label;
    Ok(())
}

pub(super) fn remove_unit(m: &mut Model, id: &str) -> Result<(), Invalid> {
    let i = find(&ids(&m.units), id, "units", "unit")?;
    m.units.remove(i);
    m.assessments.retain(|a| a.unit.as_deref() != Some(id));
    Ok(())
}

pub(super) fn add_contributor(m: &mut Model, c: &Contributor) -> Result<String, Invalid> {
    let at = "edit.addContributor";
    let labels = m.contributors.iter().map(|c| &c.label);
    let label = checked_label(&c.label, at, labels, None)?;
    let taken = contributor_ids(m);
    let id = new_id(&c.id, &label, at, &taken)?;
    m.contributors.push(Contributor {
        id: id.clone(),
        label,
        kind: c.kind,
        headcount: c.headcount,
    });
    Ok(id)
}

pub(super) fn update_contributor(m: &mut Model, c: &Contributor) -> Result<(), Invalid> {
    let taken = contributor_ids(m);
    let i = find(&taken, &c.id, "contributors", "contributor")?;
    let labels = m.contributors.iter().map(|c| &c.label);
    let label = checked_label(&c.label, "edit.updateContributor", labels, Some(i))?;
    let slot = &mut m.contributors[i];
    slot.label = label;
    slot.kind = c.kind;
    slot.headcount = c.headcount;
    Ok(())
}

pub(super) fn remove_contributor(m: &mut Model, id: &str) -> Result<(), Invalid> {
    let taken = contributor_ids(m);
    let i = find(&taken, id, "contributors", "contributor")?;
    m.contributors.remove(i);
    m.responsibilities.retain(|r| r.contributor != id);
    for s in &mut m.systems {
        s.contributors.retain(|c| c != id);
    }
    Ok(())
}
