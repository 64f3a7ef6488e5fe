//! The shape check: reads a parsed JSON value into a [`Model`], reporting
//! every value of the wrong type, every missing required field and every
//! unknown field, instead of stopping at the first.
//!
//! Where a value cannot be read, a placeholder takes its place (so list
//! positions, and therefore paths, stay right) and its path is recorded; the
//! rules then leave placeholders alone instead of reporting them twice.
//!
//! This is the only reader of models, and its [`Shape`]s of the model's
//! items also read the page's edits ([`crate::edit`]).

use super::fields::{At, Fields, Need, Reader, Shape};
use super::Problem;
use crate::model::{
    Assessment, Contributor, ContributorKind, Control, Framework, Integration, Item, Model,
    Respondent, Response, Responsibility, Scale, Score, Snapshot, System,
};
use serde_json::Value;
use Need::{Defaulted, Optional, Required};

const MODEL_FIELDS: &[&str] = &[
    "schema",
    "name",
    "framework",
    "scale",
    "units",
    "assessments",
    "contributors",
    "responsibilities",
    "systems",
    "integrations",
    "respondent",
    "responses",
    "history",
];
const FRAMEWORK_FIELDS: &[&str] = &["players", "themes"];
const SCALE_FIELDS: &[&str] = &["min", "max", "labels"];

/// The model as far as it could be read, what was wrong with its shape, and
/// which paths hold placeholders.
pub struct Read {
    pub model: Model,
    pub problems: Vec<Problem>,
    pub placeholders: Vec<String>,
    /// Problems found but not written out: they cannot be among the first
    /// of the text.
    pub more: usize,
}

const fn item_shape(what: &'static str) -> Shape<Item> {
    Shape {
        what,
        fields: &["id", "label"],
        read: |r, mut f| Item {
            id: f.string(r, "id", Required).unwrap_or_default(),
            label: f.string(r, "label", Required).unwrap_or_default(),
        },
        placeholder: || Item::new("", ""),
    }
}

pub(crate) const UNIT: Shape<Item> = item_shape("a unit");
const PLAYER: Shape<Item> = item_shape("a player");
const THEME: Shape<Item> = item_shape("a theme");

pub(crate) const ASSESSMENT: Shape<Assessment> = Shape {
    what: "an assessment",
    fields: &[
        "theme", "player", "unit", "current", "target", "weight", "note",
    ],
    read: |r, mut f| Assessment {
        theme: f.string(r, "theme", Required).unwrap_or_default(),
        player: f.string(r, "player", Required).unwrap_or_default(),
        unit: f.string(r, "unit", Optional),
        current: f.number(r, "current", Required).unwrap_or(0.0),
        target: f.number(r, "target", Optional),
        weight: f.number(r, "weight", Defaulted).unwrap_or(1.0),
        note: f.string(r, "note", Optional),
    },
    placeholder: || Assessment {
        theme: String::new(),
        player: String::new(),
        unit: None,
        current: 0.0,
        target: None,
        weight: 1.0,
        note: None,
    },
};

pub(crate) const CONTRIBUTOR: Shape<Contributor> = Shape {
    what: "a contributor",
    fields: &["id", "label", "kind", "headcount"],
    read: |r, mut f| Contributor {
        id: f.string(r, "id", Required).unwrap_or_default(),
        label: f.string(r, "label", Required).unwrap_or_default(),
        kind: f
            .choice(
                r,
                "kind",
                Required,
                &ContributorKind::ALL,
                ContributorKind::as_str,
            )
            .unwrap_or(ContributorKind::Internal),
        headcount: f.count(
            r,
            "headcount",
            Optional,
            super::limits::HEADCOUNT,
            super::limits::MAX_HEADCOUNT,
        ),
    },
    placeholder: || Contributor {
        id: String::new(),
        label: String::new(),
        kind: ContributorKind::Internal,
        headcount: None,
    },
};

pub(crate) const RESPONSIBILITY: Shape<Responsibility> = Shape {
    what: "a responsibility",
    fields: &["contributor", "theme", "player", "activity", "control"],
    read: |r, mut f| Responsibility {
        contributor: f.string(r, "contributor", Required).unwrap_or_default(),
        theme: f.string(r, "theme", Required).unwrap_or_default(),
        player: f.string(r, "player", Required).unwrap_or_default(),
        activity: f.string(r, "activity", Optional),
        control: f.choice(r, "control", Optional, &Control::ALL, Control::as_str),
    },
    placeholder: || Responsibility {
        contributor: String::new(),
        theme: String::new(),
        player: String::new(),
        activity: None,
        control: None,
    },
};

pub(crate) const SYSTEM: Shape<System> = Shape {
    what: "a system",
    fields: &["id", "label", "owner", "contributors"],
    read: |r, mut f| System {
        id: f.string(r, "id", Required).unwrap_or_default(),
        label: f.string(r, "label", Required).unwrap_or_default(),
        owner: f.string(r, "owner", Required).unwrap_or_default(),
        contributors: f.strings(r, "contributors", Defaulted),
    },
    placeholder: || System {
        id: String::new(),
        label: String::new(),
        owner: String::new(),
        contributors: Vec::new(),
    },
};

pub(crate) const INTEGRATION: Shape<Integration> = Shape {
    what: "an integration",
    fields: &["from", "to"],
    read: |r, mut f| Integration {
        from: f.string(r, "from", Required).unwrap_or_default(),
        to: f.string(r, "to", Required).unwrap_or_default(),
    },
    placeholder: || Integration {
        from: String::new(),
        to: String::new(),
    },
};

const SCORE: Shape<Score> = Shape {
    what: "a score",
    fields: &["theme", "player", "unit", "current", "target"],
    read: |r, mut f| Score {
        theme: f.string(r, "theme", Required).unwrap_or_default(),
        player: f.string(r, "player", Required).unwrap_or_default(),
        unit: f.string(r, "unit", Optional),
        current: f.number(r, "current", Required).unwrap_or(0.0),
        target: f.number(r, "target", Optional),
    },
    placeholder: || Score {
        theme: String::new(),
        player: String::new(),
        unit: None,
        current: 0.0,
        target: None,
    },
};

const RESPONSE: Shape<Response> = Shape {
    what: "a response",
    fields: &["respondent", "role", "date", "scores"],
    read: |r, mut f| Response {
        respondent: f.string(r, "respondent", Required).unwrap_or_default(),
        role: f.string(r, "role", Optional),
        date: f.string(r, "date", Optional),
        scores: f.objects(r, "scores", Defaulted, &SCORE),
    },
    placeholder: || Response {
        respondent: String::new(),
        role: None,
        date: None,
        scores: Vec::new(),
    },
};

const SNAPSHOT: Shape<Snapshot> = Shape {
    what: "a snapshot",
    fields: &["date", "scores"],
    read: |r, mut f| Snapshot {
        date: f.string(r, "date", Required).unwrap_or_default(),
        scores: f.objects(r, "scores", Defaulted, &SCORE),
    },
    placeholder: || Snapshot {
        date: String::new(),
        scores: Vec::new(),
    },
};

const RESPONDENT: Shape<Respondent> = Shape {
    what: "a respondent",
    fields: &["code", "role", "date"],
    read: |r, mut f| Respondent {
        code: f.string(r, "code", Optional),
        role: f.string(r, "role", Optional),
        date: f.string(r, "date", Optional),
    },
    placeholder: Respondent::default,
};

fn framework(r: &mut Reader, f: &mut Fields) -> Option<Framework> {
    let v = f.take(r, "framework", Defaulted)?;
    let at = f.at().key("framework");
    let mut fw = r.object(v, at, "a framework", FRAMEWORK_FIELDS)?;
    Some(Framework {
        players: fw.objects(r, "players", Required, &PLAYER),
        themes: fw.objects(r, "themes", Required, &THEME),
    })
}

fn scale(r: &mut Reader, f: &mut Fields) -> Option<Scale> {
    let v = f.take(r, "scale", Defaulted)?;
    let at = f.at().key("scale");
    let mut s = r.object(v, at, "a scale", SCALE_FIELDS)?;
    Some(Scale {
        min: s.number(r, "min", Required).unwrap_or(0.0),
        max: s.number(r, "max", Required).unwrap_or(0.0),
        labels: s.strings(r, "labels", Defaulted),
    })
}

/// Reads a whole model, collecting every shape problem.
pub fn read_model(v: Value) -> Read {
    let mut r = Reader::default();
    let mut model = Model::empty("");
    if let Some(mut f) = r.object(v, At::Root(""), "a workforce ecosystem model", MODEL_FIELDS) {
        let r = &mut r;
        model.schema = f.string(r, "schema", Required).unwrap_or_default();
        model.name = f.string(r, "name", Defaulted).unwrap_or_default();
        if let Some(fw) = framework(r, &mut f) {
            model.framework = fw;
        }
        if let Some(s) = scale(r, &mut f) {
            model.scale = s;
        }
        model.units = f.objects(r, "units", Defaulted, &UNIT);
        model.assessments = f.objects(r, "assessments", Defaulted, &ASSESSMENT);
        model.contributors = f.objects(r, "contributors", Defaulted, &CONTRIBUTOR);
        model.responsibilities = f.objects(r, "responsibilities", Defaulted, &RESPONSIBILITY);
        model.systems = f.objects(r, "systems", Defaulted, &SYSTEM);
        model.integrations = f.objects(r, "integrations", Defaulted, &INTEGRATION);
        if let Some(v) = f.take(r, "respondent", Optional) {
            let at = f.at().key("respondent");
            model.respondent = r.item(v, at, &RESPONDENT);
        }
        model.responses = f.objects(r, "responses", Defaulted, &RESPONSE);
        model.history = f.objects(r, "history", Defaulted, &SNAPSHOT);
    }
    Read {
        model,
        problems: r.problems,
        placeholders: r.placeholders,
        more: r.more,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::collections::HashSet;

    fn problems(v: Value) -> Vec<(String, String)> {
        read_model(v)
            .problems
            .into_iter()
            .map(|p| (p.path, p.message))
            .collect()
    }

    #[test]
    fn a_well_formed_value_reads_into_the_model() {
        let v = json!({
            "schema": "workforce-ecosystem/v1",
            "name": "n",
            "framework": {"players": [{"id": "p", "label": "P"}], "themes": [{"id": "t", "label": "T"}]},
            "scale": {"min": 1, "max": 3, "labels": ["a", "b", "c"]},
            "units": [{"id": "u", "label": "U"}],
            "assessments": [{"theme": "integration", "player": "hr", "unit": "u", "current": 1,
                             "target": null, "weight": 2.5, "note": "x"},
                            {"theme": "t", "player": "p", "current": 0.5, "target": 2}],
            "contributors": [{"id": "c", "label": "C", "kind": "external", "headcount": 3},
                             {"id": "d", "label": "D", "kind": "internal"}],
            "responsibilities": [{"contributor": "c", "theme": "integration", "player": "hr",
                                  "activity": "a", "control": "light"},
                                 {"contributor": "d", "theme": "t", "player": "p"}],
            "systems": [{"id": "s", "label": "S", "owner": "it", "contributors": ["c"]},
                        {"id": "s2", "label": "S2", "owner": "it"}],
            "integrations": [{"from": "s", "to": "s2"}]
        });
        let read = read_model(v);
        assert!(read.problems.is_empty(), "{:?}", read.problems);
        assert!(read.placeholders.is_empty());
        let s = |x: &str| x.to_string();
        let expected = Model {
            schema: s("workforce-ecosystem/v1"),
            name: s("n"),
            framework: Framework {
                players: vec![Item::new("p", "P")],
                themes: vec![Item::new("t", "T")],
            },
            scale: Scale {
                min: 1.0,
                max: 3.0,
                labels: vec![s("a"), s("b"), s("c")],
            },
            units: vec![Item::new("u", "U")],
            assessments: vec![
                Assessment {
                    theme: s("integration"),
                    player: s("hr"),
                    unit: Some(s("u")),
                    current: 1.0,
                    target: None,
                    weight: 2.5,
                    note: Some(s("x")),
                },
                Assessment {
                    theme: s("t"),
                    player: s("p"),
                    unit: None,
                    current: 0.5,
                    target: Some(2.0),
                    weight: 1.0,
                    note: None,
                },
            ],
            contributors: vec![
                Contributor {
                    id: s("c"),
                    label: s("C"),
                    kind: ContributorKind::External,
                    headcount: Some(3),
                },
                Contributor {
                    id: s("d"),
                    label: s("D"),
                    kind: ContributorKind::Internal,
                    headcount: None,
                },
            ],
            responsibilities: vec![
                Responsibility {
                    contributor: s("c"),
                    theme: s("integration"),
                    player: s("hr"),
                    activity: Some(s("a")),
                    control: Some(Control::Light),
                },
                Responsibility {
                    contributor: s("d"),
                    theme: s("t"),
                    player: s("p"),
                    activity: None,
                    control: None,
                },
            ],
            systems: vec![
                System {
                    id: s("s"),
                    label: s("S"),
                    owner: s("it"),
                    contributors: vec![s("c")],
                },
                System {
                    id: s("s2"),
                    label: s("S2"),
                    owner: s("it"),
                    contributors: vec![],
                },
            ],
            integrations: vec![Integration {
                from: s("s"),
                to: s("s2"),
            }],
            respondent: None,
            responses: vec![],
            history: vec![],
        };
        assert_eq!(read.model, expected);
    }

    #[test]
    fn left_out_parts_take_their_defaults() {
        let read = read_model(json!({"schema": "workforce-ecosystem/v1"}));
        assert!(read.problems.is_empty());
        assert_eq!(read.model, Model::empty(""));
    }

    #[test]
    fn every_shape_problem_is_reported() {
        let got = problems(json!({
            "schema": "workforce-ecosystem/v1",
            "name": null,
            "colour": "red",
            "framework": {"players": "hr"},
            "assessments": [
                {"theme": 1, "current": "high", "weight": null, "target": [], "extra": 0},
                7
            ],
            "contributors": [{"id": "c", "label": "C", "kind": "outside", "headcount": -3}],
            "responsibilities": [{"contributor": "c", "theme": "t", "player": "p", "control": "tight"}],
            "systems": [{"id": "s", "label": "S", "owner": "it", "contributors": ["c", 4]}],
            "integrations": {}
        }));
        let paths: HashSet<&str> = got.iter().map(|p| p.0.as_str()).collect();
        for expected in [
            "name",
            "colour",
            "framework.players",
            "framework.themes",
            "assessments[0].theme",
            "assessments[0].player",
            "assessments[0].current",
            "assessments[0].weight",
            "assessments[0].target",
            "assessments[0].extra",
            "assessments[1]",
            "contributors[0].kind",
            "contributors[0].headcount",
            "responsibilities[0].control",
            "systems[0].contributors[1]",
            "integrations",
        ] {
            assert!(
                paths.contains(expected),
                "no problem at {expected}: {got:?}"
            );
        }
        assert_eq!(got.len(), 16, "{got:#?}");
        let msg = |p: &str| got.iter().find(|x| x.0 == p).unwrap().1.clone();
        assert_eq!(
            msg("assessments[0].current"),
            "expected a number, found the string \"high\""
        );
        assert_eq!(msg("assessments[0].player"), "required, but missing");
        assert_eq!(
            msg("assessments[1]"),
            "expected an assessment (an object), found the number 7"
        );
        assert_eq!(
            msg("contributors[0].headcount"),
            "expected a whole number of people (0 to 1,000,000,000), found the number -3"
        );
        assert!(msg("colour").starts_with(
            "unknown field \"colour\" (a workforce ecosystem model has: schema, name,"
        ));
    }

    #[test]
    fn placeholders_keep_positions() {
        let read = read_model(json!({
            "schema": "workforce-ecosystem/v1",
            "assessments": [5, {"theme": "t", "player": "p", "current": 1}]
        }));
        assert_eq!(read.model.assessments.len(), 2);
        assert_eq!(read.model.assessments[1].theme, "t");
        assert_eq!(read.placeholders, vec!["assessments[0]"]);
    }

    #[test]
    fn root_must_be_an_object() {
        let got = problems(json!([1, 2]));
        assert_eq!(
            got,
            vec![(
                String::new(),
                "expected a workforce ecosystem model (an object), found an array".to_string()
            )]
        );
    }
}
