//! Reading an [`Edit`] from the JSON the page sends: `{"setName": "Acme"}`,
//! `{"updateResponsibility": [3, {...}]}`. The arguments are read with the
//! model's own shapes, so a bad field gets the same message as in a model
//! file, under the path `edit.<kind>`.

use super::{CellKey, Edit};
use crate::validate::fields::{At, Need, Reader, Shape};
use crate::validate::read::{ASSESSMENT, CONTRIBUTOR, INTEGRATION, RESPONSIBILITY, SYSTEM, UNIT};
use crate::validate::wording::quote;
use crate::validate::{Invalid, Problem};
use serde_json::Value;

const CELL_KEY: Shape<CellKey> = Shape {
    what: "a cell",
    fields: &["theme", "player", "unit"],
    read: |r, mut f| CellKey {
        theme: f.string(r, "theme", Need::Required).unwrap_or_default(),
        player: f.string(r, "player", Need::Required).unwrap_or_default(),
        unit: f.string(r, "unit", Need::Optional),
    },
    placeholder: || CellKey {
        theme: String::new(),
        player: String::new(),
        unit: None,
    },
};

/// Reads the argument of one kind of edit; `None` when it could not be read
/// (the reader has the problem).
type ReadArgument = fn(&mut Reader, Value, At) -> Option<Edit>;

/// Every kind of edit, as JSON names it, with the reader of its argument.
const KINDS: [(&str, ReadArgument); 17] = [
    ("setName", |r, v, at| r.string(v, &at).map(Edit::SetName)),
    ("setAssessment", |r, v, at| {
        r.item(v, at, &ASSESSMENT).map(Edit::SetAssessment)
    }),
    ("removeAssessment", |r, v, at| {
        r.item(v, at, &CELL_KEY).map(Edit::RemoveAssessment)
    }),
    ("addUnit", |r, v, at| {
        r.item(v, at, &UNIT).map(Edit::AddUnit)
    }),
    ("renameUnit", |r, v, at| {
        r.item(v, at, &UNIT).map(Edit::RenameUnit)
    }),
    ("removeUnit", |r, v, at| {
        r.string(v, &at).map(Edit::RemoveUnit)
    }),
    ("addContributor", |r, v, at| {
        r.item(v, at, &CONTRIBUTOR).map(Edit::AddContributor)
    }),
    ("updateContributor", |r, v, at| {
        r.item(v, at, &CONTRIBUTOR).map(Edit::UpdateContributor)
    }),
    ("removeContributor", |r, v, at| {
        r.string(v, &at).map(Edit::RemoveContributor)
    }),
    ("addResponsibility", |r, v, at| {
        r.item(v, at, &RESPONSIBILITY).map(Edit::AddResponsibility)
    }),
    ("updateResponsibility", update_responsibility),
    ("removeResponsibility", |r, v, at| {
        position(r, v, &at).map(Edit::RemoveResponsibility)
    }),
    ("addSystem", |r, v, at| {
        r.item(v, at, &SYSTEM).map(Edit::AddSystem)
    }),
    ("updateSystem", |r, v, at| {
        r.item(v, at, &SYSTEM).map(Edit::UpdateSystem)
    }),
    ("removeSystem", |r, v, at| {
        r.string(v, &at).map(Edit::RemoveSystem)
    }),
    ("addIntegration", |r, v, at| {
        r.item(v, at, &INTEGRATION).map(Edit::AddIntegration)
    }),
    ("removeIntegration", |r, v, at| {
        r.item(v, at, &INTEGRATION).map(Edit::RemoveIntegration)
    }),
];

/// A position in a list. One too large for this machine is kept as the
/// largest there is: no list has it, and applying the edit says so.
fn position(r: &mut Reader, v: Value, at: &At) -> Option<usize> {
    r.count(v, at, "a position (a whole number, 0 or more)", u64::MAX)
        .map(|n| usize::try_from(n).unwrap_or(usize::MAX))
}

fn update_responsibility(r: &mut Reader, v: Value, at: At) -> Option<Edit> {
    const EXPECTED: &str = "[position, responsibility]";
    let [index, responsibility] = match v {
        Value::Array(items) => match <[Value; 2]>::try_from(items) {
            Ok(pair) => pair,
            Err(items) => {
                let message = format!("expected {EXPECTED}, found a list of {}", items.len());
                r.fail(&at, message);
                return None;
            }
        },
        other => {
            r.wrong(&at, EXPECTED, &other);
            return None;
        }
    };
    let index = position(r, index, &at.index(0));
    let responsibility = r.item(responsibility, at.index(1), &RESPONSIBILITY);
    Some(Edit::UpdateResponsibility(index?, responsibility?))
}

fn read_edit(r: &mut Reader, v: Value, root: At) -> Option<Edit> {
    let (kind, argument) = match v {
        Value::Object(map) if map.len() == 1 => map.into_iter().next()?,
        Value::Object(map) => {
            r.fail(
                &root,
                format!(
                    "expected one key, the kind of edit, found {} keys",
                    map.len()
                ),
            );
            return None;
        }
        other => {
            r.wrong(
                &root,
                "an edit (an object whose one key is its kind)",
                &other,
            );
            return None;
        }
    };
    let Some((_, read)) = KINDS.iter().find(|(name, _)| *name == kind) else {
        let known: Vec<&str> = KINDS.iter().map(|(name, _)| *name).collect();
        r.fail(
            &root,
            format!(
                "unknown kind {}; expected one of {}",
                quote(&kind),
                known.join(", ")
            ),
        );
        return None;
    };
    read(r, argument, root.key(&kind))
}

impl Edit {
    /// Reads an edit from its JSON form (see [`Edit`]). Every problem is
    /// named with its path under `edit`: `edit.setAssessment.current:
    /// expected a number, found the string "high"`.
    pub fn from_json(v: Value) -> Result<Edit, Invalid> {
        let mut r = Reader::default();
        let edit = read_edit(&mut r, v, At::Root("edit"));
        // Every `None` comes with a problem, which `finish` reports.
        r.finish(edit)?
            .ok_or_else(|| Invalid::new(vec![Problem::new("edit".into(), "unreadable".into())]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Assessment, Contributor, ContributorKind, Control, Integration, Item, Responsibility,
        System,
    };
    use serde_json::json;

    fn read(v: Value) -> Result<Edit, String> {
        Edit::from_json(v).map_err(|e| e.to_string())
    }

    #[test]
    fn every_kind_reads_into_its_edit() {
        let s = |x: &str| x.to_string();
        let responsibility = Responsibility {
            contributor: s("gig"),
            theme: s("integration"),
            player: s("hr"),
            activity: Some(s("sourcing")),
            control: Some(Control::Light),
        };
        let contributor = |kind, headcount| Contributor {
            id: s("gig"),
            label: s("Gig"),
            kind,
            headcount,
        };
        let system = |contributors: Vec<String>| System {
            id: s("vms"),
            label: s("VMS"),
            owner: s("it"),
            contributors,
        };
        let integration = Integration {
            from: s("a"),
            to: s("b"),
        };
        let cases = [
            (json!({"setName": "Acme"}), Edit::SetName(s("Acme"))),
            (
                json!({"setAssessment": {"theme": "t", "player": "p", "current": 2, "weight": 2, "note": null}}),
                Edit::SetAssessment(Assessment {
                    theme: s("t"),
                    player: s("p"),
                    unit: None,
                    current: 2.0,
                    target: None,
                    weight: 2.0,
                    note: None,
                }),
            ),
            (
                json!({"removeAssessment": {"theme": "t", "player": "p", "unit": "u"}}),
                Edit::RemoveAssessment(CellKey {
                    theme: s("t"),
                    player: s("p"),
                    unit: Some(s("u")),
                }),
            ),
            (
                json!({"addUnit": {"id": "", "label": "Retail"}}),
                Edit::AddUnit(Item::new("", "Retail")),
            ),
            (
                json!({"renameUnit": {"id": "retail", "label": "Shops"}}),
                Edit::RenameUnit(Item::new("retail", "Shops")),
            ),
            (
                json!({"removeUnit": "retail"}),
                Edit::RemoveUnit(s("retail")),
            ),
            (
                json!({"addContributor": {"id": "gig", "label": "Gig", "kind": "external", "headcount": 4}}),
                Edit::AddContributor(contributor(ContributorKind::External, Some(4))),
            ),
            (
                json!({"updateContributor": {"id": "gig", "label": "Gig", "kind": "internal"}}),
                Edit::UpdateContributor(contributor(ContributorKind::Internal, None)),
            ),
            (
                json!({"removeContributor": "gig"}),
                Edit::RemoveContributor(s("gig")),
            ),
            (
                json!({"addResponsibility": responsibility}),
                Edit::AddResponsibility(responsibility.clone()),
            ),
            (
                json!({"updateResponsibility": [3, responsibility]}),
                Edit::UpdateResponsibility(3, responsibility.clone()),
            ),
            (
                json!({"removeResponsibility": 0}),
                Edit::RemoveResponsibility(0),
            ),
            (
                json!({"addSystem": {"id": "vms", "label": "VMS", "owner": "it", "contributors": ["gig"]}}),
                Edit::AddSystem(system(vec![s("gig")])),
            ),
            (
                json!({"updateSystem": {"id": "vms", "label": "VMS", "owner": "it"}}),
                Edit::UpdateSystem(system(vec![])),
            ),
            (json!({"removeSystem": "vms"}), Edit::RemoveSystem(s("vms"))),
            (
                json!({"addIntegration": {"from": "a", "to": "b"}}),
                Edit::AddIntegration(integration.clone()),
            ),
            (
                json!({"removeIntegration": {"from": "a", "to": "b"}}),
                Edit::RemoveIntegration(integration),
            ),
        ];
        assert_eq!(cases.len(), KINDS.len());
        for (v, expected) in cases {
            assert_eq!(read(v.clone()), Ok(expected), "{v:?}");
        }
    }

    #[test]
    fn bad_edits_say_what_and_where() {
        let cases = [
            (json!(null), "edit: expected an edit (an object whose one key is its kind), found null"),
            (json!("setName"), "edit: expected an edit (an object whose one key is its kind), found the string \"setName\""),
            (json!({}), "edit: expected one key, the kind of edit, found 0 keys"),
            (json!({"setName": "a", "removeUnit": "b"}), "edit: expected one key, the kind of edit, found 2 keys"),
            (
                json!({"dropTables": {}}),
                "edit: unknown kind \"dropTables\"; expected one of setName, setAssessment, removeAssessment, \
                 addUnit, renameUnit, removeUnit, addContributor, updateContributor, removeContributor, \
                 addResponsibility, updateResponsibility, removeResponsibility, addSystem, updateSystem, \
                 removeSystem, addIntegration, removeIntegration",
            ),
            (json!({"setName": 3}), "edit.setName: expected a string, found the number 3"),
            (
                json!({"setAssessment": {"theme": "t", "player": "p", "current": "high"}}),
                "edit.setAssessment.current: expected a number, found the string \"high\"",
            ),
            (
                json!({"setAssessment": {"theme": "t", "current": 1}}),
                "edit.setAssessment.player: required, but missing",
            ),
            (
                json!({"removeAssessment": {"theme": "x", "player": "y", "extra": 1}}),
                "edit.removeAssessment.extra: unknown field \"extra\" (a cell has: theme, player, unit)",
            ),
            (
                json!({"addContributor": {"id": "", "label": "G", "kind": "outside"}}),
                "edit.addContributor.kind: expected \"internal\" or \"external\", found the string \"outside\"",
            ),
            (
                json!({"addSystem": [1]}),
                "edit.addSystem: expected a system (an object), found an array",
            ),
            (
                json!({"removeResponsibility": -1}),
                "edit.removeResponsibility: expected a position (a whole number, 0 or more), found the number -1",
            ),
            (
                json!({"updateResponsibility": {"contributor": "c"}}),
                "edit.updateResponsibility: expected [position, responsibility], found an object",
            ),
            (
                json!({"updateResponsibility": [1]}),
                "edit.updateResponsibility: expected [position, responsibility], found a list of 1",
            ),
            (
                json!({"updateResponsibility": [1.5, {"contributor": "c", "theme": "t"}]}),
                "edit.updateResponsibility[0]: expected a position (a whole number, 0 or more), found the number 1.5\n\
                 edit.updateResponsibility[1].player: required, but missing",
            ),
        ];
        for (v, expected) in cases {
            assert_eq!(read(v.clone()).unwrap_err(), expected, "{v:?}");
        }
    }

    #[test]
    fn a_huge_position_reads_as_none_there_is() {
        assert_eq!(
            read(json!({"removeResponsibility": u64::MAX})).unwrap(),
            Edit::RemoveResponsibility(usize::try_from(u64::MAX).unwrap_or(usize::MAX))
        );
    }
}
