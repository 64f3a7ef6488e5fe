//! Versions of the model format, and how an older document becomes a current
//! (`workforce-ecosystem/v1`) one when it is loaded.
//!
//! Migration works on the parsed JSON value, before the v1 shape is checked,
//! so every later check runs on the migrated document; [`Migrated::source_path`]
//! then maps the paths of the problems found there back to the document the
//! user actually wrote.
//!
//! # `workforce-ecosystem/v0`
//!
//! The first exchange format, written by the spreadsheet exporter that came
//! before this tool. It has no scale (always 0–4), no weights, units named by
//! id only, cells written `"theme/player"`, and integrations listed on the
//! system that sends the data:
//!
//! ```json
//! {
//!   "schema": "workforce-ecosystem/v0",
//!   "organization": "Example Co",
//!   "players": [{"id": "hr", "label": "HR"}],
//!   "themes": [{"id": "integration", "label": "Integration architectures"}],
//!   "units": ["retail"],
//!   "scores": [{"cell": "integration/hr", "unit": "retail", "now": 1, "goal": 3,
//!               "comment": "text"}],
//!   "contributors": [{"id": "gig", "name": "Gig workers", "external": true, "count": 120}],
//!   "owners": [{"contributor": "gig", "cell": "integration/procurement",
//!               "activity": "sourcing", "control": "strict"}],
//!   "systems": [{"id": "vms", "name": "Vendor management system", "owner": "procurement",
//!                "tracks": ["gig"], "feeds": ["hris"]}]
//! }
//! ```
//!
//! | v0 | v1 |
//! |---|---|
//! | `organization` | `name` |
//! | `players`, `themes` (optional, both or neither) | `framework.players`, `framework.themes` |
//! | `units: ["retail"]` | `units: [{"id": "retail", "label": "retail"}]` |
//! | `scores[].cell: "theme/player"`, `now`, `goal`, `comment` | `assessments[].theme`, `player`, `current`, `target`, `note` |
//! | `contributors[].name`, `external: bool`, `count` | `label`, `kind: "external" \| "internal"`, `headcount` |
//! | `owners[]` (`cell` as above) | `responsibilities[]` |
//! | `systems[].name`, `tracks`, `feeds: [to, ...]` | `label`, `contributors`, and one `integrations[]` entry `{from: id, to}` per feed |

use crate::language::{noun, say};
use crate::model::SCHEMA_V1;
use crate::validate::fields::expected_found;
use crate::validate::path::{self, Seg};
use crate::validate::{wording, Problem};
use serde_json::{Map, Value};

/// A JSON object.
type Object = Map<String, Value>;

/// The tag of the first, superseded format.
pub const SCHEMA_V0: &str = "workforce-ecosystem/v0";
/// Every tag this version of the crate reads, newest first.
pub const SUPPORTED: [&str; 2] = [SCHEMA_V1, SCHEMA_V0];

/// A version of the model format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    V0,
    V1,
}

/// A document brought to the current format.
#[derive(Debug, Clone)]
pub struct Migrated {
    /// The document in the v1 shape (not yet checked).
    pub value: Value,
    /// The version it was written in.
    pub from: Version,
    /// Problems found while migrating (bad schema tag, v0 values that could
    /// not be converted); their paths are in the source document.
    pub problems: Vec<Problem>,
    /// v1 paths holding placeholders for values that could not be converted;
    /// they are already reported, so later checks leave them alone.
    pub placeholders: Vec<String>,
    /// `integrations[k]` came from `systems[i].feeds[j]`: `feeds[k] = (i, j)`.
    feeds: Vec<(usize, usize)>,
}

/// Detects the version from the `schema` tag and migrates to v1. An unknown,
/// missing or mistyped tag is reported and the document is read as v1, so its
/// other problems are still found.
pub fn migrate(mut value: Value) -> Migrated {
    let mut problems = Vec::new();
    let Value::Object(obj) = &mut value else {
        // Not an object: the shape check says so.
        return Migrated::unchanged(value, problems);
    };
    let tag_problem = match obj.get("schema") {
        Some(Value::String(s)) if s == SCHEMA_V1 => None,
        Some(Value::String(s)) if s == SCHEMA_V0 => {
            let obj = std::mem::take(obj);
            return from_v0(obj);
        }
        Some(Value::String(s)) if is_newer(s) => Some({
            let (schema, reads) = (wording::quote(s), SUPPORTED.join(", "));
            say(
                "problem.newerSchema",
                &[("schema", &schema), ("reads", &reads)],
                || format!("{schema} is newer than this program understands (it reads {reads})"),
            )
        }),
        Some(Value::String(s)) => Some({
            let (schema, also) = (wording::quote(s), SUPPORTED[1..].join(", "));
            say(
                "problem.unknownSchema",
                &[
                    ("schema", &schema),
                    ("expected", SCHEMA_V1),
                    ("also", &also),
                ],
                || format!("unknown schema {schema} (expected \"{SCHEMA_V1}\"; also read: {also})"),
            )
        }),
        Some(other) => Some(expected_found(
            &say(
                "value.string",
                &[("value", &format!("\"{SCHEMA_V1}\""))],
                || format!("the string \"{SCHEMA_V1}\""),
            ),
            &wording::describe(other),
        )),
        None => Some(say("problem.noSchema", &[("schema", SCHEMA_V1)], || {
            format!("missing: every model starts with \"schema\": \"{SCHEMA_V1}\"")
        })),
    };
    if let Some(message) = tag_problem {
        problems.push(Problem::new("schema".into(), message));
        obj.insert("schema".into(), Value::String(SCHEMA_V1.into()));
    }
    Migrated::unchanged(value, problems)
}

/// `workforce-ecosystem/vN` with N > 1.
fn is_newer(tag: &str) -> bool {
    tag.strip_prefix("workforce-ecosystem/v")
        .and_then(|n| n.parse::<u32>().ok())
        .is_some_and(|n| n > 1)
}

impl Migrated {
    fn unchanged(value: Value, problems: Vec<Problem>) -> Migrated {
        Migrated {
            value,
            from: Version::V1,
            problems,
            placeholders: Vec::new(),
            feeds: Vec::new(),
        }
    }

    /// Where a v1 path of the migrated document points in the source document.
    pub fn source_path(&self, v1_path: &str) -> String {
        if self.from == Version::V1 {
            return v1_path.to_string();
        }
        let Some(segs) = path::split(v1_path) else {
            return v1_path.to_string();
        };
        let key = |s: &str| Seg::Key(s.to_string());
        let renamed = |seg: Option<&Seg>, table: &[(&str, &str)]| -> Option<Seg> {
            match seg? {
                Seg::Key(k) => Some(Seg::Key(
                    table
                        .iter()
                        .find(|(v1, _)| v1 == k)
                        .map_or(k.as_str(), |(_, v0)| v0)
                        .to_string(),
                )),
                s => Some(s.clone()),
            }
        };
        let top = match segs.first() {
            Some(Seg::Key(k)) => k.as_str(),
            _ => return v1_path.to_string(),
        };
        // A list item and one renamed field below it; deeper steps keep their names.
        let item = |list: &str, table: &[(&str, &str)]| -> Vec<Seg> {
            let mut out = vec![key(list)];
            out.extend(segs.get(1).cloned());
            out.extend(renamed(segs.get(2), table));
            out.extend(segs.iter().skip(3).cloned());
            out
        };
        let mapped: Vec<Seg> = match top {
            "name" => vec![key("organization")],
            "framework" => match segs.get(1) {
                Some(Seg::Key(k)) if k == "players" || k == "themes" => segs[1..].to_vec(),
                _ => Vec::new(),
            },
            "scale" => Vec::new(),
            "units" => segs.iter().take(2).cloned().collect(),
            "assessments" => item(
                "scores",
                &[
                    ("theme", "cell"),
                    ("player", "cell"),
                    ("current", "now"),
                    ("target", "goal"),
                    ("note", "comment"),
                ],
            ),
            "contributors" => item(
                "contributors",
                &[
                    ("label", "name"),
                    ("kind", "external"),
                    ("headcount", "count"),
                ],
            ),
            "responsibilities" => item("owners", &[("theme", "cell"), ("player", "cell")]),
            "systems" => item("systems", &[("label", "name"), ("contributors", "tracks")]),
            "integrations" => match segs.get(1) {
                Some(Seg::Index(k)) => match self.feeds.get(*k) {
                    Some(&(i, j)) => {
                        vec![key("systems"), Seg::Index(i), key("feeds"), Seg::Index(j)]
                    }
                    None => vec![key("systems")],
                },
                _ => vec![key("systems")],
            },
            _ => segs.clone(),
        };
        path::format(&mapped)
    }
}

/// Fields of each v0 object, for telling unknown ones apart.
const V0_TOP: &[&str] = &[
    "schema",
    "organization",
    "players",
    "themes",
    "units",
    "scores",
    "contributors",
    "owners",
    "systems",
];
const V0_SCORE: &[&str] = &["cell", "unit", "now", "goal", "comment"];
const V0_CONTRIBUTOR: &[&str] = &["id", "name", "external", "count"];
const V0_OWNER: &[&str] = &["contributor", "cell", "activity", "control"];
const V0_SYSTEM: &[&str] = &["id", "name", "owner", "tracks", "feeds"];

struct V0 {
    problems: Vec<Problem>,
    placeholders: Vec<String>,
    feeds: Vec<(usize, usize)>,
    integrations: Vec<Value>,
}

impl V0 {
    fn problem(&mut self, path: String, message: String) {
        self.problems.push(Problem::new(path, message));
    }

    fn unknown_fields(&mut self, obj: &Object, at: &str, known: &[&str]) {
        for k in obj.keys() {
            if !known.contains(&k.as_str()) {
                self.problem(path::key(at, k), {
                    let (field, names) = (wording::quote(k), known.join(", "));
                    say(
                        "problem.unknownField",
                        &[
                            ("field", &field),
                            ("what", &noun("a v0 model")),
                            ("names", &names),
                        ],
                        || {
                            format!(
                                "unknown field {field} in a v0 model (expected one of: {names})"
                            )
                        },
                    )
                });
            }
        }
    }

    /// Moves the fields of a v0 list item to their v1 names.
    fn rename(&mut self, obj: Object, at: &str, known: &[&str], table: &[(&str, &str)]) -> Object {
        self.unknown_fields(&obj, at, known);
        let mut out = Map::new();
        for (k, v) in obj {
            if !known.contains(&k.as_str()) {
                continue;
            }
            let name = table
                .iter()
                .find(|(v0, _)| *v0 == k)
                .map_or(k.as_str(), |(_, v1)| v1);
            out.insert(name.to_string(), v);
        }
        out
    }

    /// Splits `cell: "theme/player"` into `theme` and `player`.
    fn split_cell(&mut self, item: &mut Object, source: &str, v1_item: &str) {
        let cell = item.remove("cell");
        let parts = match &cell {
            Some(Value::String(s)) => s
                .split_once('/')
                .filter(|(t, p)| !t.is_empty() && !p.is_empty() && !p.contains('/')),
            _ => None,
        };
        let (theme, player) = match parts {
            Some((t, p)) => (t.to_string(), p.to_string()),
            None => {
                let found = cell
                    .as_ref()
                    .map_or_else(|| noun("nothing").into_owned(), wording::describe);
                self.problem(
                    path::key(source, "cell"),
                    expected_found(&noun("a cell written \"theme/player\""), &found),
                );
                self.placeholders.push(path::key(v1_item, "theme"));
                self.placeholders.push(path::key(v1_item, "player"));
                (String::new(), String::new())
            }
        };
        item.insert("theme".into(), Value::String(theme));
        item.insert("player".into(), Value::String(player));
    }

    /// Applies `f` to each object of a list; anything else passes through
    /// for the v1 shape check to report.
    fn each_object(
        &mut self,
        list: Value,
        f: &mut dyn FnMut(&mut V0, usize, Object) -> Object,
    ) -> Value {
        match list {
            Value::Array(items) => Value::Array(
                items
                    .into_iter()
                    .enumerate()
                    .map(|(i, item)| match item {
                        Value::Object(o) => Value::Object(f(self, i, o)),
                        other => other,
                    })
                    .collect(),
            ),
            other => other,
        }
    }
}

fn from_v0(obj: Object) -> Migrated {
    let mut m = V0 {
        problems: Vec::new(),
        placeholders: Vec::new(),
        feeds: Vec::new(),
        integrations: Vec::new(),
    };
    m.unknown_fields(&obj, "", V0_TOP);
    let mut out = Map::new();
    out.insert("schema".into(), Value::String(SCHEMA_V1.into()));
    let mut framework = Map::new();
    for (k, v) in obj {
        match k.as_str() {
            "organization" => {
                out.insert("name".into(), v);
            }
            "players" | "themes" => {
                framework.insert(k, v);
            }
            "units" => {
                let v = match v {
                    Value::Array(ids) => Value::Array(
                        ids.into_iter()
                            .enumerate()
                            .map(|(i, id)| {
                                if !id.is_string() {
                                    m.problem(
                                        path::index("units", i),
                                        expected_found(
                                            &noun("a unit id (a string)"),
                                            &wording::describe(&id),
                                        ),
                                    );
                                    m.placeholders.push(path::index("units", i));
                                    return pair("id", "".into(), "label", "".into());
                                }
                                pair("id", id.clone(), "label", id)
                            })
                            .collect(),
                    ),
                    other => other,
                };
                out.insert("units".into(), v);
            }
            "scores" => {
                let v = m.each_object(v, &mut |m, i, o| {
                    let at = path::index("scores", i);
                    let mut o = m.rename(
                        o,
                        &at,
                        V0_SCORE,
                        &[("now", "current"), ("goal", "target"), ("comment", "note")],
                    );
                    m.split_cell(&mut o, &at, &path::index("assessments", i));
                    o
                });
                out.insert("assessments".into(), v);
            }
            "contributors" => {
                let v = m.each_object(v, &mut |m, i, o| {
                    let at = path::index("contributors", i);
                    let mut o = m.rename(
                        o,
                        &at,
                        V0_CONTRIBUTOR,
                        &[("name", "label"), ("count", "headcount")],
                    );
                    if let Some(ext) = o.remove("external") {
                        let kind = match ext {
                            Value::Bool(true) => "external",
                            Value::Bool(false) => "internal",
                            other => {
                                m.problem(
                                    path::key(&at, "external"),
                                    expected_found(
                                        &noun("true or false"),
                                        &wording::describe(&other),
                                    ),
                                );
                                m.placeholders.push(path::key(&at, "kind"));
                                "internal"
                            }
                        };
                        o.insert("kind".into(), Value::String(kind.into()));
                    }
                    o
                });
                out.insert("contributors".into(), v);
            }
            "owners" => {
                let v = m.each_object(v, &mut |m, i, o| {
                    let at = path::index("owners", i);
                    let mut o = m.rename(o, &at, V0_OWNER, &[]);
                    m.split_cell(&mut o, &at, &path::index("responsibilities", i));
                    o
                });
                out.insert("responsibilities".into(), v);
            }
            "systems" => {
                let v = m.each_object(v, &mut |m, i, o| {
                    let at = path::index("systems", i);
                    let mut o = m.rename(
                        o,
                        &at,
                        V0_SYSTEM,
                        &[("name", "label"), ("tracks", "contributors")],
                    );
                    match o.remove("feeds") {
                        Some(Value::Array(to)) => {
                            let from = o.get("id").cloned().unwrap_or(Value::Null);
                            for (j, t) in to.into_iter().enumerate() {
                                m.feeds.push((i, j));
                                m.integrations.push(pair("from", from.clone(), "to", t));
                            }
                        }
                        Some(other) => m.problem(
                            path::key(&at, "feeds"),
                            expected_found(
                                &noun("a list of system ids"),
                                &wording::describe(&other),
                            ),
                        ),
                        None => {}
                    }
                    o
                });
                out.insert("systems".into(), v);
            }
            _ => {}
        }
    }
    if !framework.is_empty() {
        out.insert("framework".into(), Value::Object(framework));
    }
    if !m.integrations.is_empty() {
        out.insert(
            "integrations".into(),
            Value::Array(std::mem::take(&mut m.integrations)),
        );
    }
    Migrated {
        value: Value::Object(out),
        from: Version::V0,
        problems: m.problems,
        placeholders: m.placeholders,
        feeds: m.feeds,
    }
}

/// A two-member object.
fn pair(k1: &str, v1: Value, k2: &str, v2: Value) -> Value {
    let mut o = Map::new();
    o.insert(k1.into(), v1);
    o.insert(k2.into(), v2);
    Value::Object(o)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn v1_passes_through() {
        let v = json!({"schema": SCHEMA_V1, "name": "x"});
        let m = migrate(v.clone());
        assert_eq!((m.from, &m.value), (Version::V1, &v));
        assert!(m.problems.is_empty());
        assert_eq!(
            m.source_path("assessments[2].current"),
            "assessments[2].current"
        );
    }

    #[test]
    fn bad_tags_are_reported_and_read_as_v1() {
        for (tag, words) in [
            (
                serde_json::json!("workforce-ecosystem/v7"),
                "newer than this program",
            ),
            (serde_json::json!("wfe/v1"), "unknown schema \"wfe/v1\""),
            (serde_json::json!(1), "expected the string"),
        ] {
            let m = migrate(json!({"schema": tag}));
            assert_eq!(m.problems.len(), 1, "{tag}");
            assert_eq!(m.problems[0].path, "schema");
            assert!(
                m.problems[0].message.contains(words),
                "{}",
                m.problems[0].message
            );
            assert_eq!(
                m.value.get("schema").and_then(Value::as_str),
                Some(SCHEMA_V1)
            );
        }
        let m = migrate(json!({"name": "x"}));
        assert!(m.problems[0].message.starts_with("missing"));
    }

    #[test]
    fn v0_becomes_v1() {
        let m = migrate(json!({
            "schema": SCHEMA_V0,
            "organization": "Old Co",
            "units": ["north"],
            "scores": [{"cell": "integration/hr", "unit": "north", "now": 1, "goal": 3, "comment": "c"}],
            "contributors": [{"id": "gig", "name": "Gig", "external": true, "count": 5},
                             {"id": "emp", "name": "Staff", "external": false}],
            "owners": [{"contributor": "gig", "cell": "integration/procurement", "control": "strict"}],
            "systems": [{"id": "vms", "name": "VMS", "owner": "procurement", "tracks": ["gig"], "feeds": ["hris"]},
                        {"id": "hris", "name": "HRIS", "owner": "hr", "tracks": ["emp"]}]
        }));
        assert!(m.problems.is_empty(), "{:?}", m.problems);
        assert_eq!(m.from, Version::V0);
        assert_eq!(
            m.value,
            json!({
                "schema": SCHEMA_V1,
                "name": "Old Co",
                "units": [{"id": "north", "label": "north"}],
                "assessments": [{"theme": "integration", "player": "hr", "unit": "north",
                                 "current": 1, "target": 3, "note": "c"}],
                "contributors": [{"id": "gig", "label": "Gig", "kind": "external", "headcount": 5},
                                 {"id": "emp", "label": "Staff", "kind": "internal"}],
                "responsibilities": [{"contributor": "gig", "theme": "integration",
                                      "player": "procurement", "control": "strict"}],
                "systems": [{"id": "vms", "label": "VMS", "owner": "procurement", "contributors": ["gig"]},
                            {"id": "hris", "label": "HRIS", "owner": "hr", "contributors": ["emp"]}],
                "integrations": [{"from": "vms", "to": "hris"}]
            })
        );
    }

    #[test]
    fn v0_paths_map_back() {
        let m = migrate(json!({
            "schema": SCHEMA_V0,
            "systems": [{"id": "a", "name": "A", "owner": "it"},
                        {"id": "b", "name": "B", "owner": "it", "feeds": ["a", "zzz"]}]
        }));
        assert_eq!(m.source_path("assessments[4].current"), "scores[4].now");
        assert_eq!(m.source_path("assessments[4].player"), "scores[4].cell");
        assert_eq!(m.source_path("assessments[4]"), "scores[4]");
        assert_eq!(
            m.source_path("contributors[1].kind"),
            "contributors[1].external"
        );
        assert_eq!(m.source_path("responsibilities[0].theme"), "owners[0].cell");
        assert_eq!(
            m.source_path("systems[1].contributors[2]"),
            "systems[1].tracks[2]"
        );
        assert_eq!(m.source_path("integrations[1].to"), "systems[1].feeds[1]");
        assert_eq!(m.source_path("framework.players[2].id"), "players[2].id");
        assert_eq!(m.source_path("units[0].label"), "units[0]");
        assert_eq!(m.source_path("name"), "organization");
        assert_eq!(m.source_path("scale.min"), "");
    }

    #[test]
    fn v0_problems_carry_v0_paths() {
        let m = migrate(json!({
            "schema": SCHEMA_V0,
            "units": ["ok", 3],
            "scores": [{"cell": "no-slash", "now": 1, "current": 2}],
            "contributors": [{"id": "x", "name": "X", "external": "yes"}],
            "systems": [{"id": "s", "name": "S", "owner": "it", "feeds": "t"}],
            "assessments": []
        }));
        // Sorted: the order of a JSON object's keys is not part of the contract.
        let mut paths: Vec<&str> = m.problems.iter().map(|p| p.path.as_str()).collect();
        paths.sort();
        assert_eq!(
            paths,
            vec![
                "assessments",
                "contributors[0].external",
                "scores[0].cell",
                "scores[0].current",
                "systems[0].feeds",
                "units[1]",
            ]
        );
        let mut placeholders = m.placeholders.clone();
        placeholders.sort();
        assert_eq!(
            placeholders,
            vec![
                "assessments[0].player",
                "assessments[0].theme",
                "contributors[0].kind",
                "units[1]",
            ]
        );
    }
}
