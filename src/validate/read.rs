//! The shape check: reads a parsed JSON value into a [`Model`], reporting
//! every value of the wrong type, every missing required field and every
//! unknown field, instead of stopping at the first as serde would.
//!
//! Where a value cannot be read, a placeholder takes its place (so list
//! positions, and therefore paths, stay right) and its path is recorded; the
//! rules then leave placeholders alone instead of reporting them twice.
//!
//! What this accepts is exactly what the serde derives of [`crate::model`]
//! accept; the tests hold the two together.

use super::path;
use super::wording::{describe, quote};
use super::Problem;
use crate::model::{
    Assessment, Contributor, ContributorKind, Control, Framework, Integration, Item, Model,
    Responsibility, Scale, System,
};
use serde_json::{Map, Value};
use std::collections::HashSet;

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
];
const FRAMEWORK_FIELDS: &[&str] = &["players", "themes"];
const SCALE_FIELDS: &[&str] = &["min", "max", "labels"];
const ITEM_FIELDS: &[&str] = &["id", "label"];
const ASSESSMENT_FIELDS: &[&str] = &[
    "theme", "player", "unit", "current", "target", "weight", "note",
];
const CONTRIBUTOR_FIELDS: &[&str] = &["id", "label", "kind", "headcount"];
const RESPONSIBILITY_FIELDS: &[&str] = &["contributor", "theme", "player", "activity", "control"];
const SYSTEM_FIELDS: &[&str] = &["id", "label", "owner", "contributors"];
const INTEGRATION_FIELDS: &[&str] = &["from", "to"];

/// The model as far as it could be read, what was wrong with its shape, and
/// which paths hold placeholders.
pub struct Read {
    pub model: Model,
    pub problems: Vec<Problem>,
    pub placeholders: HashSet<String>,
}

#[derive(Default)]
struct Reader {
    problems: Vec<Problem>,
    placeholders: HashSet<String>,
}

type Obj = Map<String, Value>;

/// A list field of objects: its key, whether it must be there, what one item
/// is called in messages, and the fields an item may have.
struct List<'a> {
    key: &'a str,
    required: bool,
    what: &'a str,
    fields: &'a [&'a str],
}

impl Reader {
    fn fail(&mut self, at: String, message: String) {
        self.placeholders.insert(at.clone());
        self.problems.push(Problem::new(at, message));
    }

    fn missing(&mut self, parent: &str, key: &str) {
        self.fail(path::key(parent, key), "required, but missing".into());
    }

    fn wrong(&mut self, parent: &str, key: &str, expected: &str, found: &Value) {
        self.fail(
            path::key(parent, key),
            format!("expected {expected}, found {}", describe(found)),
        );
    }

    /// `v` as an object of the given fields; `what` names it in messages
    /// ("an assessment").
    fn object<'v>(
        &mut self,
        v: &'v Value,
        at: &str,
        what: &str,
        fields: &[&str],
    ) -> Option<&'v Obj> {
        let Value::Object(obj) = v else {
            self.fail(
                at.to_string(),
                format!("expected {what} (an object), found {}", describe(v)),
            );
            return None;
        };
        for k in obj.keys() {
            if !fields.contains(&k.as_str()) {
                self.problems.push(Problem::new(
                    path::key(at, k),
                    format!(
                        "unknown field {} ({what} has: {})",
                        quote(k),
                        fields.join(", ")
                    ),
                ));
            }
        }
        Some(obj)
    }

    fn req_str(&mut self, o: &Obj, at: &str, key: &str) -> String {
        match o.get(key) {
            Some(Value::String(s)) => s.clone(),
            Some(other) => {
                self.wrong(at, key, "a string", other);
                String::new()
            }
            None => {
                self.missing(at, key);
                String::new()
            }
        }
    }

    fn opt_str(&mut self, o: &Obj, at: &str, key: &str) -> Option<String> {
        match o.get(key) {
            Some(Value::String(s)) => Some(s.clone()),
            None | Some(Value::Null) => None,
            Some(other) => {
                self.wrong(at, key, "a string", other);
                None
            }
        }
    }

    /// A string field with a default: absent means the default, but `null`
    /// is as wrong as any other non-string (as in serde).
    fn def_str(&mut self, o: &Obj, at: &str, key: &str) -> String {
        match o.get(key) {
            None => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(other) => {
                self.wrong(at, key, "a string", other);
                String::new()
            }
        }
    }

    fn req_num(&mut self, o: &Obj, at: &str, key: &str) -> f64 {
        match o.get(key) {
            Some(Value::Number(n)) => n.as_f64().unwrap_or(0.0),
            Some(other) => {
                self.wrong(at, key, "a number", other);
                0.0
            }
            None => {
                self.missing(at, key);
                0.0
            }
        }
    }

    fn opt_num(&mut self, o: &Obj, at: &str, key: &str) -> Option<f64> {
        match o.get(key) {
            Some(Value::Number(n)) => n.as_f64(),
            None | Some(Value::Null) => None,
            Some(other) => {
                self.wrong(at, key, "a number", other);
                None
            }
        }
    }

    fn def_num(&mut self, o: &Obj, at: &str, key: &str, default: f64) -> f64 {
        match o.get(key) {
            None => default,
            Some(Value::Number(n)) => n.as_f64().unwrap_or(default),
            Some(other) => {
                self.wrong(at, key, "a number", other);
                default
            }
        }
    }

    fn opt_count(&mut self, o: &Obj, at: &str, key: &str) -> Option<u64> {
        match o.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) if n.as_u64().is_some() => n.as_u64(),
            Some(other) => {
                self.wrong(at, key, "a whole number of people (0 or more)", other);
                None
            }
        }
    }

    fn req_kind(&mut self, o: &Obj, at: &str, key: &str) -> ContributorKind {
        match o.get(key) {
            Some(Value::String(s)) if s == "internal" => ContributorKind::Internal,
            Some(Value::String(s)) if s == "external" => ContributorKind::External,
            Some(other) => {
                self.wrong(at, key, "\"internal\" or \"external\"", other);
                ContributorKind::Internal
            }
            None => {
                self.missing(at, key);
                ContributorKind::Internal
            }
        }
    }

    fn opt_control(&mut self, o: &Obj, at: &str, key: &str) -> Option<Control> {
        match o.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s == "strict" => Some(Control::Strict),
            Some(Value::String(s)) if s == "moderate" => Some(Control::Moderate),
            Some(Value::String(s)) if s == "light" => Some(Control::Light),
            Some(other) => {
                self.wrong(at, key, "\"strict\", \"moderate\" or \"light\"", other);
                None
            }
        }
    }

    /// The items of a list field; absent is empty unless `required`.
    fn list<'v>(&mut self, o: &'v Obj, at: &str, key: &str, required: bool) -> &'v [Value] {
        match o.get(key) {
            Some(Value::Array(items)) => items,
            None if !required => &[],
            None => {
                self.missing(at, key);
                &[]
            }
            Some(other) => {
                self.wrong(at, key, "a list", other);
                &[]
            }
        }
    }

    /// A list of strings; a non-string keeps its position as an empty
    /// placeholder.
    fn str_list(&mut self, o: &Obj, at: &str, key: &str) -> Vec<String> {
        let list_at = path::key(at, key);
        let items = self.list(o, at, key, false);
        items
            .iter()
            .enumerate()
            .map(|(i, v)| match v {
                Value::String(s) => s.clone(),
                other => {
                    self.fail(
                        path::index(&list_at, i),
                        format!("expected a string, found {}", describe(other)),
                    );
                    String::new()
                }
            })
            .collect()
    }

    /// A list of objects read by `read`, each at its own path; an item that
    /// is not an object becomes `placeholder`.
    fn objects<T>(
        &mut self,
        o: &Obj,
        at: &str,
        list: &List,
        placeholder: impl Fn() -> T,
        read: impl Fn(&mut Reader, &Obj, &str) -> T,
    ) -> Vec<T> {
        let list_at = path::key(at, list.key);
        let items = self.list(o, at, list.key, list.required);
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.iter().enumerate() {
            let item_at = path::index(&list_at, i);
            out.push(match self.object(v, &item_at, list.what, list.fields) {
                Some(obj) => read(self, obj, &item_at),
                None => placeholder(),
            });
        }
        out
    }

    fn items(&mut self, o: &Obj, at: &str, key: &str, required: bool, what: &str) -> Vec<Item> {
        self.objects(
            o,
            at,
            &List {
                key,
                required,
                what,
                fields: ITEM_FIELDS,
            },
            || Item::new("", ""),
            |r, obj, at| Item {
                id: r.req_str(obj, at, "id"),
                label: r.req_str(obj, at, "label"),
            },
        )
    }

    fn framework(&mut self, v: &Value) -> Framework {
        let Some(o) = self.object(v, "framework", "a framework", FRAMEWORK_FIELDS) else {
            return Framework::default();
        };
        Framework {
            players: self.items(o, "framework", "players", true, "a player"),
            themes: self.items(o, "framework", "themes", true, "a theme"),
        }
    }

    fn scale(&mut self, v: &Value) -> Scale {
        let Some(o) = self.object(v, "scale", "a scale", SCALE_FIELDS) else {
            return Scale::default();
        };
        Scale {
            min: self.req_num(o, "scale", "min"),
            max: self.req_num(o, "scale", "max"),
            labels: self.str_list(o, "scale", "labels"),
        }
    }
}

fn read_assessment(r: &mut Reader, o: &Obj, at: &str) -> Assessment {
    Assessment {
        theme: r.req_str(o, at, "theme"),
        player: r.req_str(o, at, "player"),
        unit: r.opt_str(o, at, "unit"),
        current: r.req_num(o, at, "current"),
        target: r.opt_num(o, at, "target"),
        weight: r.def_num(o, at, "weight", 1.0),
        note: r.opt_str(o, at, "note"),
    }
}

fn read_contributor(r: &mut Reader, o: &Obj, at: &str) -> Contributor {
    Contributor {
        id: r.req_str(o, at, "id"),
        label: r.req_str(o, at, "label"),
        kind: r.req_kind(o, at, "kind"),
        headcount: r.opt_count(o, at, "headcount"),
    }
}

fn read_responsibility(r: &mut Reader, o: &Obj, at: &str) -> Responsibility {
    Responsibility {
        contributor: r.req_str(o, at, "contributor"),
        theme: r.req_str(o, at, "theme"),
        player: r.req_str(o, at, "player"),
        activity: r.opt_str(o, at, "activity"),
        control: r.opt_control(o, at, "control"),
    }
}

fn read_system(r: &mut Reader, o: &Obj, at: &str) -> System {
    System {
        id: r.req_str(o, at, "id"),
        label: r.req_str(o, at, "label"),
        owner: r.req_str(o, at, "owner"),
        contributors: r.str_list(o, at, "contributors"),
    }
}

fn read_integration(r: &mut Reader, o: &Obj, at: &str) -> Integration {
    Integration {
        from: r.req_str(o, at, "from"),
        to: r.req_str(o, at, "to"),
    }
}

/// Reads a whole model, collecting every shape problem.
pub fn read_model(v: &Value) -> Read {
    let mut r = Reader::default();
    let mut model = Model::empty("");
    if let Some(o) = r.object(v, "", "a workforce ecosystem model", MODEL_FIELDS) {
        model.schema = r.req_str(o, "", "schema");
        model.name = r.def_str(o, "", "name");
        if let Some(fw) = o.get("framework") {
            model.framework = r.framework(fw);
        }
        if let Some(scale) = o.get("scale") {
            model.scale = r.scale(scale);
        }
        model.units = r.items(o, "", "units", false, "a unit");
        model.assessments = r.objects(
            o,
            "",
            &List {
                key: "assessments",
                required: false,
                what: "an assessment",
                fields: ASSESSMENT_FIELDS,
            },
            || Assessment {
                theme: String::new(),
                player: String::new(),
                unit: None,
                current: 0.0,
                target: None,
                weight: 1.0,
                note: None,
            },
            read_assessment,
        );
        model.contributors = r.objects(
            o,
            "",
            &List {
                key: "contributors",
                required: false,
                what: "a contributor",
                fields: CONTRIBUTOR_FIELDS,
            },
            || Contributor {
                id: String::new(),
                label: String::new(),
                kind: ContributorKind::Internal,
                headcount: None,
            },
            read_contributor,
        );
        model.responsibilities = r.objects(
            o,
            "",
            &List {
                key: "responsibilities",
                required: false,
                what: "a responsibility",
                fields: RESPONSIBILITY_FIELDS,
            },
            || Responsibility {
                contributor: String::new(),
                theme: String::new(),
                player: String::new(),
                activity: None,
                control: None,
            },
            read_responsibility,
        );
        model.systems = r.objects(
            o,
            "",
            &List {
                key: "systems",
                required: false,
                what: "a system",
                fields: SYSTEM_FIELDS,
            },
            || System {
                id: String::new(),
                label: String::new(),
                owner: String::new(),
                contributors: Vec::new(),
            },
            read_system,
        );
        model.integrations = r.objects(
            o,
            "",
            &List {
                key: "integrations",
                required: false,
                what: "an integration",
                fields: INTEGRATION_FIELDS,
            },
            || Integration {
                from: String::new(),
                to: String::new(),
            },
            read_integration,
        );
    }
    Read {
        model,
        problems: r.problems,
        placeholders: r.placeholders,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn problems(v: Value) -> Vec<(String, String)> {
        read_model(&v)
            .problems
            .into_iter()
            .map(|p| (p.path, p.message))
            .collect()
    }

    #[test]
    fn a_well_formed_value_reads_like_serde() {
        let v = json!({
            "schema": "workforce-ecosystem/v1",
            "name": "n",
            "scale": {"min": 1, "max": 3, "labels": ["a", "b", "c"]},
            "units": [{"id": "u", "label": "U"}],
            "assessments": [{"theme": "integration", "player": "hr", "unit": "u", "current": 1,
                             "target": null, "weight": 2.5, "note": "x"}],
            "contributors": [{"id": "c", "label": "C", "kind": "external", "headcount": 3}],
            "responsibilities": [{"contributor": "c", "theme": "integration", "player": "hr",
                                  "control": "light"}],
            "systems": [{"id": "s", "label": "S", "owner": "it", "contributors": ["c"]}],
            "integrations": [{"from": "s", "to": "s"}]
        });
        let read = read_model(&v);
        assert!(read.problems.is_empty());
        let serde: Model = serde_json::from_value(v).unwrap();
        assert_eq!(read.model, serde);
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
            "expected a whole number of people (0 or more), found the number -3"
        );
        assert!(msg("colour").starts_with(
            "unknown field \"colour\" (a workforce ecosystem model has: schema, name,"
        ));
    }

    #[test]
    fn placeholders_keep_positions() {
        let read = read_model(&json!({
            "schema": "workforce-ecosystem/v1",
            "assessments": [5, {"theme": "t", "player": "p", "current": 1}]
        }));
        assert_eq!(read.model.assessments.len(), 2);
        assert_eq!(read.model.assessments[1].theme, "t");
        assert!(read.placeholders.contains("assessments[0]"));
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
