//! Typed edit operations on a model, as the page sends them.
//!
//! [`apply`] works on a copy: it checks the edit itself (known ids, labels,
//! scores on the scale), applies it, cascades removals to what referred to the
//! removed item, and finally runs the model validation. Any problem is returned
//! and the original model is left as it was, so an invalid edit can never
//! replace a valid model.
//!
//! Ids are chosen once, from the label, when an item is added, and never change
//! afterwards: renaming an item changes its label only, so nothing that refers
//! to it has to follow.

use crate::language::say_template;
use crate::model::{Assessment, Contributor, Integration, Item, Model, Responsibility, System};
use crate::validate::{self, Invalid, Problem};
use serde::Serialize;
use std::collections::hash_map::{Entry, HashMap};

mod items;
mod owners;
mod read;
mod scores;
mod systems;

pub(crate) use scores::same_cell;
pub use scores::{assessment_index, set_assessment, SetAt};

/// One change to a model. In JSON the operation is the only key and its
/// argument reuses the model's own shapes: `{"setAssessment": {...}}`,
/// `{"removeSystem": "vms"}`, `{"updateResponsibility": [3, {...}]}`.
/// [`Edit::from_json`] reads that form.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Edit {
    /// Renames the organization.
    SetName(String),
    /// Adds or replaces the assessment of (theme, player, unit).
    SetAssessment(Assessment),
    /// Removes the assessment of (theme, player, unit).
    RemoveAssessment(CellKey),
    /// Adds a unit; with an empty id, one is made from the label.
    AddUnit(Item),
    /// Changes a unit's label.
    RenameUnit(Item),
    /// Removes a unit (by id) and its assessments.
    RemoveUnit(String),
    /// Adds a contributor; with an empty id, one is made from the label.
    AddContributor(Contributor),
    /// Changes a contributor's label, kind and headcount.
    UpdateContributor(Contributor),
    /// Removes a contributor, its responsibilities and its tracking by systems.
    RemoveContributor(String),
    AddResponsibility(Responsibility),
    /// Replaces the responsibility at an index (model order).
    UpdateResponsibility(usize, Responsibility),
    RemoveResponsibility(usize),
    /// Adds a system; with an empty id, one is made from the label.
    AddSystem(System),
    /// Changes a system's label, owner and the contributors it tracks.
    UpdateSystem(System),
    /// Removes a system and its integrations.
    RemoveSystem(String),
    AddIntegration(Integration),
    /// Removes the integration between two systems, whichever its direction.
    RemoveIntegration(Integration),
}

/// Which assessment: a cell, and a unit or the whole organization.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct CellKey {
    pub theme: String,
    pub player: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

impl CellKey {
    /// The assessment's cell and unit.
    pub fn of(a: &Assessment) -> CellKey {
        CellKey {
            theme: a.theme.clone(),
            player: a.player.clone(),
            unit: a.unit.clone(),
        }
    }
}

/// A successful edit: the new model and, for additions, the id given to the
/// new item.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    pub model: Model,
    pub created: Option<String>,
}

fn problem(path: impl Into<String>, message: impl Into<String>) -> Invalid {
    Invalid::new(vec![Problem {
        path: path.into(),
        message: message.into(),
        line: None,
        column: None,
    }])
}

/// Applies `edit` to a copy of `model`; `model` itself never changes.
pub fn apply(model: &Model, edit: &Edit) -> Result<Applied, Invalid> {
    let mut next = model.clone();
    let created = apply_to(&mut next, edit)?;
    let problems = validate::validate(&next);
    if !problems.is_empty() {
        return Err(Invalid::new(problems));
    }
    Ok(Applied {
        model: next,
        created,
    })
}

/// Applies `edits` in order to a copy of `model`, checking each edit as
/// [`apply`] does and the whole model once at the end (a plan's many
/// changes cost one validation, not one each). `model` itself never changes.
pub fn apply_all(model: &Model, edits: &[Edit]) -> Result<Model, Invalid> {
    let mut next = model.clone();
    // A plan sets thousands of scores: each cell found by a linear search
    // ([`assessment_index`]) took a plan of 4,800 assessments 28 ms of its
    // 37 natively (three times that in Wasm, while the page waits). The
    // cells' places, indexed while only scores are set, find each at once.
    let mut places: Option<HashMap<CellKey, usize>> = None;
    for e in edits {
        let Edit::SetAssessment(assessment) = e else {
            places = None;
            apply_to(&mut next, e)?;
            continue;
        };
        let a = scores::checked_assessment(&next, assessment)?;
        let places = places.get_or_insert_with(|| {
            let mut at = HashMap::with_capacity(next.assessments.len());
            for (i, x) in next.assessments.iter().enumerate() {
                // the first of a cell, as assessment_index finds it
                at.entry(CellKey::of(x)).or_insert(i);
            }
            at
        });
        match places.entry(CellKey::of(&a)) {
            Entry::Occupied(i) => next.assessments[*i.get()] = a,
            Entry::Vacant(slot) => {
                slot.insert(next.assessments.len());
                next.assessments.push(a);
            }
        }
    }
    let problems = validate::validate(&next);
    if !problems.is_empty() {
        return Err(Invalid::new(problems));
    }
    Ok(next)
}

/// Makes one edit in place, checking the edit itself but not the model.
/// Never inlined: [`apply`] and [`apply_all`] share one copy in the Wasm.
#[inline(never)]
pub(crate) fn apply_to(m: &mut Model, edit: &Edit) -> Result<Option<String>, Invalid> {
    match edit {
        Edit::SetName(name) => items::set_name(m, name),
        Edit::SetAssessment(a) => scores::replace_or_add(m, a)?,
        Edit::RemoveAssessment(key) => scores::remove_assessment(m, key)?,
        Edit::AddUnit(unit) => return items::add_unit(m, unit).map(Some),
        Edit::RenameUnit(unit) => items::rename_unit(m, unit)?,
        Edit::RemoveUnit(id) => items::remove_unit(m, id)?,
        Edit::AddContributor(c) => return items::add_contributor(m, c).map(Some),
        Edit::UpdateContributor(c) => items::update_contributor(m, c)?,
        Edit::RemoveContributor(id) => items::remove_contributor(m, id)?,
        Edit::AddResponsibility(r) => owners::add_responsibility(m, r)?,
        Edit::UpdateResponsibility(index, r) => owners::update_responsibility(m, *index, r)?,
        Edit::RemoveResponsibility(index) => owners::remove_responsibility(m, *index)?,
        Edit::AddSystem(system) => return systems::add_system(m, system).map(Some),
        Edit::UpdateSystem(system) => systems::update_system(m, system)?,
        Edit::RemoveSystem(id) => systems::remove_system(m, id)?,
        Edit::AddIntegration(integration) => systems::add_integration(m, integration)?,
        Edit::RemoveIntegration(integration) => systems::remove_integration(m, integration)?,
    }
    Ok(None)
}

fn ids(items: &[Item]) -> Vec<&str> {
    items.iter().map(|i| i.id.as_str()).collect()
}

fn contributor_ids(m: &Model) -> Vec<&str> {
    m.contributors.iter().map(|c| c.id.as_str()).collect()
}

fn find(ids: &[&str], id: &str, path: &str, what: &str) -> Result<usize, Invalid> {
    ids.iter()
        .position(|x| *x == id)
        .ok_or_else(|| problem(path, format!("there is no {what} with id \"{id}\"")))
}

/// A new label, trimmed: not blank, and not one that another item of its
/// list has (ignoring case), which no menu, table or finding could tell
/// apart. `labels` are the list's, `except` the position of the item
/// relabelled (which may keep its own). `at` is the edit's path; the
/// problem names its `label` field.
fn checked_label<'a>(
    label: &str,
    at: &str,
    labels: impl Iterator<Item = &'a String>,
    except: Option<usize>,
) -> Result<String, Invalid> {
    let label = label.trim();
    let path = format!("{at}.label");
    if label.is_empty() {
        let message = say_template("edit.blankLabel", &[], "the label must not be empty");
        return Err(problem(path, message));
    }
    let folded = label.to_lowercase();
    let mut others = labels.enumerate().filter(|(i, _)| Some(*i) != except);
    if others.any(|(_, o)| o.trim().to_lowercase() == folded) {
        let message = say_template(
            "edit.sameLabel",
            &[("label", label)],
            "the label \"{label}\" is already taken",
        );
        return Err(problem(path, message));
    }
    Ok(label.to_string())
}

/// An explicit id must be free; an empty one is made from the label and made
/// unique with a number. `at` is the edit's path.
fn new_id(explicit: &str, label: &str, at: &str, taken: &[&str]) -> Result<String, Invalid> {
    let id = explicit.trim();
    if !id.is_empty() {
        if taken.contains(&id) {
            let message = say_template(
                "edit.usedId",
                &[("id", id)],
                "the id \"{id}\" is already used",
            );
            return Err(problem(format!("{at}.id"), message));
        }
        return Ok(id.to_string());
    }
    let base = slug(label);
    if !taken.contains(&base.as_str()) {
        return Ok(base);
    }
    let mut n = 2usize;
    loop {
        let candidate = format!("{base}-{n}");
        if !taken.contains(&candidate.as_str()) {
            return Ok(candidate);
        }
        n += 1;
    }
}

/// A readable id from a label: letters and digits of any script, lower-cased,
/// other characters folded into single hyphens.
pub fn slug(label: &str) -> String {
    let mut out = String::new();
    let mut pending_hyphen = false;
    for ch in label.chars() {
        if ch.is_alphanumeric() {
            if pending_hyphen && !out.is_empty() {
                out.push('-');
            }
            pending_hyphen = false;
            // Letters only: the one capital whose lower case is two
            // characters, `İ`, becomes `i` without its combining dot.
            out.extend(ch.to_lowercase().filter(|c| c.is_alphanumeric()));
        } else {
            pending_hyphen = true;
        }
        if out.chars().count() >= 40 {
            break;
        }
    }
    if out.is_empty() {
        "item".to_string()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ContributorKind, Control};

    fn model() -> Model {
        let mut m = Model::empty("Test");
        m.units = vec![Item::new("retail", "Retail")];
        m.contributors = vec![
            Contributor {
                id: "gig".into(),
                label: "Gig workers".into(),
                kind: ContributorKind::External,
                headcount: Some(10),
            },
            Contributor {
                id: "staff".into(),
                label: "Employees".into(),
                kind: ContributorKind::Internal,
                headcount: None,
            },
        ];
        m.responsibilities = vec![Responsibility {
            contributor: "gig".into(),
            theme: "integration".into(),
            player: "procurement".into(),
            activity: Some("sourcing".into()),
            control: Some(Control::Strict),
        }];
        m.systems = vec![
            System {
                id: "vms".into(),
                label: "VMS".into(),
                owner: "procurement".into(),
                contributors: vec!["gig".into()],
            },
            System {
                id: "hris".into(),
                label: "HRIS".into(),
                owner: "hr".into(),
                contributors: vec!["staff".into(), "gig".into()],
            },
        ];
        m.integrations = vec![Integration {
            from: "vms".into(),
            to: "hris".into(),
        }];
        m.assessments = vec![assessment("integration", "hr", Some("retail"), 1.0)];
        m
    }

    fn assessment(theme: &str, player: &str, unit: Option<&str>, current: f64) -> Assessment {
        Assessment {
            theme: theme.into(),
            player: player.into(),
            unit: unit.map(Into::into),
            current,
            target: Some(3.0),
            weight: 1.0,
            note: None,
        }
    }

    fn edit(json: &str) -> Edit {
        Edit::from_json(serde_json::from_str(json).unwrap()).unwrap()
    }

    #[test]
    fn many_edits_at_once_make_the_model_each_in_turn_makes() {
        let base = crate::framework::sample();
        let first = base.assessments[0].clone();
        let mut raised = first.clone();
        raised.current = 4.0;
        let mut again = first.clone();
        again.current = 3.0;
        let mut new_cell = first.clone();
        new_cell.unit = None;
        new_cell.player = base.framework.players[1].id.clone();
        new_cell.current = 2.0;
        let key = CellKey::of(&first);
        let edits = [
            Edit::SetAssessment(raised.clone()),
            Edit::SetAssessment(new_cell),
            Edit::SetAssessment(again),
            Edit::RemoveAssessment(key),
            Edit::SetName("Renamed".into()),
            // set again once gone: added at the end, as one at a time does
            Edit::SetAssessment(raised),
        ];
        let mut one_by_one = base.clone();
        for e in &edits {
            one_by_one = apply(&one_by_one, e).unwrap().model;
        }
        assert_eq!(apply_all(&base, &edits).unwrap(), one_by_one);
        assert_eq!(one_by_one.assessments.last().map(|a| a.current), Some(4.0));
        // a bad edit anywhere: refused whole
        let mut bad = first.clone();
        bad.theme = "nowhere".into();
        assert!(apply_all(&base, &[edits[0].clone(), Edit::SetAssessment(bad)]).is_err());
    }

    #[test]
    fn set_assessment_inserts_then_replaces_by_theme_player_unit() {
        let m = model();
        let added = apply(&m, &edit(r#"{"setAssessment":{"theme":"integration","player":"hr","current":2,"note":"  "}}"#)).unwrap();
        assert_eq!(added.model.assessments.len(), 2);
        assert_eq!(
            added.model.assessments[1].note, None,
            "blank notes are dropped"
        );
        let replaced = apply(
            &added.model,
            &edit(r#"{"setAssessment":{"theme":"integration","player":"hr","unit":"retail","current":4,"target":4,"note":"done"}}"#),
        )
        .unwrap();
        assert_eq!(replaced.model.assessments.len(), 2);
        assert_eq!(replaced.model.assessments[0].current, 4.0);
        assert_eq!(replaced.model.assessments[0].note.as_deref(), Some("done"));
    }

    #[test]
    fn invalid_edits_name_the_problem() {
        let m = model();
        let cases = [
            (
                r#"{"setAssessment":{"theme":"integration","player":"hr","current":7}}"#,
                "outside the scale",
            ),
            (
                r#"{"setAssessment":{"theme":"nope","player":"hr","current":1}}"#,
                "no theme with id \"nope\"",
            ),
            (
                r#"{"setAssessment":{"theme":"integration","player":"hr","unit":"x","current":1}}"#,
                "no unit with id \"x\"",
            ),
            (
                r#"{"setAssessment":{"theme":"integration","player":"hr","current":1,"weight":0}}"#,
                "weight must be a positive number",
            ),
            (
                r#"{"removeAssessment":{"theme":"technology","player":"it"}}"#,
                "no assessment",
            ),
            (
                r#"{"addUnit":{"id":"","label":"   "}}"#,
                "must not be empty",
            ),
            (
                r#"{"addUnit":{"id":"retail","label":"Retail again"}}"#,
                "already used",
            ),
            (
                r#"{"removeContributor":"ghost"}"#,
                "no contributor with id \"ghost\"",
            ),
            (
                r#"{"addResponsibility":{"contributor":"gig","theme":"integration","player":"procurement","activity":"sourcing"}}"#,
                "already has this responsibility",
            ),
            (
                r#"{"updateResponsibility":[5,{"contributor":"gig","theme":"integration","player":"hr"}]}"#,
                "no responsibility at this position",
            ),
            (
                r#"{"addSystem":{"id":"","label":"X","owner":"nobody"}}"#,
                "no player with id \"nobody\"",
            ),
            (r#"{"addIntegration":{"from":"vms","to":"vms"}}"#, "itself"),
            (
                r#"{"addIntegration":{"from":"hris","to":"vms"}}"#,
                "already integrated",
            ),
            (
                r#"{"removeIntegration":{"from":"vms","to":"ghost"}}"#,
                "not integrated",
            ),
        ];
        for (json, expected) in cases {
            let err = apply(&m, &edit(json)).unwrap_err();
            let text = err.to_string();
            assert!(text.contains(expected), "{json}: got {text}");
        }
    }

    #[test]
    fn labels_are_checked_at_the_edit_field_they_come_from() {
        let m = model();
        let refused = |json: &str| {
            let problems = apply(&m, &edit(json)).unwrap_err().problems;
            assert_eq!(problems.len(), 1, "{json}");
            (problems[0].path.clone(), problems[0].message.clone())
        };
        let blank = r#"{"addContributor":{"id":"","label":" ","kind":"external"}}"#;
        assert_eq!(
            refused(blank),
            (
                "edit.addContributor.label".to_string(),
                "the label must not be empty".to_string()
            )
        );
        // Another's label, whatever its case and spaces, could not be told
        // apart in a menu or a table.
        let twin =
            r#"{"updateContributor":{"id":"staff","label":"  gig WORKERS ","kind":"internal"}}"#;
        assert_eq!(
            refused(twin),
            (
                "edit.updateContributor.label".to_string(),
                "the label \"gig WORKERS\" is already taken".to_string()
            )
        );
        let used = refused(r#"{"addSystem":{"id":"vms","label":"Another","owner":"hr"}}"#);
        assert_eq!(used.0, "edit.addSystem.id");
        assert_eq!(
            refused(r#"{"addUnit":{"id":"","label":"retail"}}"#).0,
            "edit.addUnit.label"
        );
        // An item keeps its own label, in another case too.
        let own = r#"{"updateContributor":{"id":"gig","label":"GIG workers","kind":"external"}}"#;
        let a = apply(&m, &edit(own)).unwrap();
        assert_eq!(a.model.contributors[0].label, "GIG workers");
        let renamed = apply(
            &m,
            &edit(r#"{"renameUnit":{"id":"retail","label":"Retail"}}"#),
        );
        assert!(renamed.is_ok());
        // The page shows them in its language.
        crate::language::in_french(|| {
            assert_eq!(refused(twin).1, "le libellé « gig WORKERS » est déjà pris");
            assert_eq!(refused(blank).1, "le libellé ne doit pas être vide");
        });
    }

    #[test]
    fn additions_get_unique_ids_from_their_labels() {
        let m = model();
        let a = apply(
            &m,
            &edit(r#"{"addContributor":{"id":"","label":"Gig workers!","kind":"external"}}"#),
        )
        .unwrap();
        assert_eq!(a.created.as_deref(), Some("gig-workers"));
        let b = apply(
            &a.model,
            &edit(r#"{"addContributor":{"id":" ","label":"gig  workers","kind":"internal"}}"#),
        )
        .unwrap();
        assert_eq!(b.created.as_deref(), Some("gig-workers-2"));
        let u = apply(&m, &edit(r#"{"addUnit":{"id":"","label":"Über Läden"}}"#)).unwrap();
        assert_eq!(u.created.as_deref(), Some("über-läden"));
        assert_eq!(slug("***"), "item");
    }

    #[test]
    fn ids_are_lower_cased_in_every_script() {
        assert_eq!(slug("ΑΘΗΝΑ Отдел ŁÓDŹ"), "αθηνα-отдел-łódź");
        assert_eq!(slug("İSTANBUL"), "istanbul", "no combining dot");
        assert_eq!(slug("ΣΟΦΙΑΣ"), "σοφιασ", "one character at a time");
        assert_eq!(slug("ႠႡ Ꭰ ⰀⰁ"), "ⴀⴁ-ꭰ-ⰰⰱ", "Georgian, Cherokee, Glagolitic");
        assert_eq!(slug("ǄEMAL Ǉ"), "ǆemal-ǉ");
        assert_eq!(slug("東京 チーム"), "東京-チーム", "other scripts are kept");
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = slug(&c.to_string());
            assert!(s == "item" || s.chars().all(char::is_alphanumeric), "{c:?}");
        }
    }

    #[test]
    fn removals_cascade_to_what_referred_to_the_item() {
        let m = model();
        let c = apply(&m, &edit(r#"{"removeContributor":"gig"}"#))
            .unwrap()
            .model;
        assert!(c.responsibilities.is_empty());
        assert!(c
            .systems
            .iter()
            .all(|s| !s.contributors.contains(&"gig".to_string())));
        let s = apply(&m, &edit(r#"{"removeSystem":"hris"}"#))
            .unwrap()
            .model;
        assert!(s.integrations.is_empty());
        let u = apply(&m, &edit(r#"{"removeUnit":"retail"}"#))
            .unwrap()
            .model;
        assert!(u.assessments.is_empty());
        let i = apply(
            &m,
            &edit(r#"{"removeIntegration":{"from":"hris","to":"vms"}}"#),
        )
        .unwrap()
        .model;
        assert!(i.integrations.is_empty());
    }

    #[test]
    fn updates_keep_ids_and_dedupe_tracked_contributors() {
        let m = model();
        let u = apply(&m, &edit(r#"{"updateSystem":{"id":"vms","label":"Vendors","owner":"it","contributors":["staff","staff"]}}"#)).unwrap().model;
        assert_eq!(u.systems[0].id, "vms");
        assert_eq!(u.systems[0].owner, "it");
        assert_eq!(u.systems[0].contributors, vec!["staff".to_string()]);
        let r = apply(&m, &edit(r#"{"updateResponsibility":[0,{"contributor":"gig","theme":"integration","player":"procurement","activity":"sourcing","control":"light"}]}"#)).unwrap().model;
        assert_eq!(r.responsibilities[0].control, Some(Control::Light));
        let c = apply(&m, &edit(r#"{"updateContributor":{"id":"staff","label":"Staff","kind":"internal","headcount":5}}"#)).unwrap().model;
        assert_eq!(
            (
                c.contributors[1].label.as_str(),
                c.contributors[1].headcount
            ),
            ("Staff", Some(5))
        );
    }
}
