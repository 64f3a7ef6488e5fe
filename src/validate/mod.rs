//! Parsing and validation of models: every rule of DESIGN §3, every problem
//! reported at once with its JSON path, and a line and column in the source
//! text when there is one.
//!
//! [`parse_model`] runs, in order:
//!
//! 1. the size limit ([`MAX_BYTES`]), on the text's length alone;
//! 2. a cheap scan ([`scan`]) that counts list items against [`MAX_ITEMS`]
//!    and finds repeated object keys, before any parsing;
//! 3. JSON parsing (syntax errors stop here, with path, line and column);
//! 4. migration of older versions ([`crate::migrate`]);
//! 5. the shape check ([`read`]): types, missing and unknown fields;
//! 6. the rules ([`rules`], also available alone as [`validate`]): ids,
//!    references, scale, duplicates.
//!
//! Problems from steps 4–6 are collected together and sorted by their place
//! in the text.

pub(crate) mod path;
mod read;
mod rules;
mod scan;
pub(crate) mod wording;

use crate::migrate::{self, Version};
use crate::model::Model;
use serde::Serialize;
use std::collections::HashSet;
use std::fmt;

pub use rules::{PLAYERS, THEMES};

/// Models larger than this are refused before parsing.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// Models with more list items than this (all lists together) are refused.
pub const MAX_ITEMS: usize = 100_000;

/// One thing wrong with a model, where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// JSON path such as `assessments[3].player`; empty for the whole document.
    pub path: String,
    pub message: String,
    /// 1-based line in the source text, when the problem has a place there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column, in characters, on that line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl Problem {
    /// A problem at `path` with no position yet.
    pub fn new(path: String, message: String) -> Problem {
        Problem {
            path,
            message,
            line: None,
            column: None,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "(model)"
        } else {
            &self.path
        };
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{path} (line {l}, column {c}): {}", self.message),
            _ => write!(f, "{path}: {}", self.message),
        }
    }
}

/// Every problem found in a model that cannot be used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Invalid {
    pub problems: Vec<Problem>,
}

impl Invalid {
    fn one(path: &str, message: String) -> Invalid {
        Invalid {
            problems: vec![Problem::new(path.to_string(), message)],
        }
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Invalid {}

/// Parses, migrates and validates a model's JSON text.
pub fn parse_model(text: &str) -> Result<Model, Invalid> {
    parse_versioned(text).map(|(model, _)| model)
}

/// Like [`parse_model`], for raw bytes (a file or standard input).
pub fn parse_model_bytes(bytes: &[u8]) -> Result<Model, Invalid> {
    parse_model(decode(bytes)?)
}

/// The text of a model given as bytes: refuses more than [`MAX_BYTES`] and
/// anything that is not UTF-8, saying where.
pub fn decode(bytes: &[u8]) -> Result<&str, Invalid> {
    if bytes.len() > MAX_BYTES {
        return Err(too_large(bytes.len()));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
        // Everything before the bad byte is valid UTF-8.
        let before = std::str::from_utf8(valid).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Invalid {
            problems: vec![Problem {
                path: String::new(),
                message: format!(
                    "not UTF-8 text (bad byte at offset {}); save the model as UTF-8",
                    e.valid_up_to()
                ),
                line: Some(line),
                column: Some(column),
            }],
        }
    })
}

/// Like [`parse_model`], also telling which version the text was written in
/// (it has been migrated to the current one).
pub fn parse_versioned(text: &str) -> Result<(Model, Version), Invalid> {
    if text.len() > MAX_BYTES {
        return Err(too_large(text.len()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if scan::outline(text, MAX_ITEMS, false).over_limit {
        return Err(Invalid::one(
            "",
            format!("more than {MAX_ITEMS} list items; a model may hold at most {MAX_ITEMS}"),
        ));
    }
    // Fast path: a current model of the right shape deserializes directly
    // (serde accepts exactly what the shape check accepts, and refuses
    // repeated keys), and only the rules remain. Anything else takes the
    // slow path, which finds every problem.
    if let Ok(model) = serde_json::from_str::<Model>(text) {
        if model.schema == crate::model::SCHEMA_V1 && validate(&model).is_empty() {
            return Ok((model, Version::V1));
        }
    }
    parse_fully(text)
}

/// Steps 3–6 for any text within the limits, collecting every problem.
fn parse_fully(text: &str) -> Result<(Model, Version), Invalid> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| syntax_problem(text, &e))?;

    let migrated = migrate::migrate(value);
    let read = read::read_model(&migrated.value);
    let mut placeholders = read.placeholders;
    placeholders.extend(migrated.placeholders.iter().cloned());
    let rule_problems = rules::check(&read.model, &placeholders);

    // (problem, offset of its own when the scan already knows it)
    let mut found: Vec<(Problem, Option<usize>)> = Vec::new();
    found.extend(migrated.problems.iter().cloned().map(|p| (p, None)));
    let duplicates = scan::outline(text, MAX_ITEMS, true).duplicate_keys;
    let duplicate_paths = scan::paths_at(text, &duplicates.iter().copied().collect());
    for offset in duplicates {
        let path = duplicate_paths.get(&offset).cloned().unwrap_or_default();
        found.push((
            Problem::new(
                path,
                "this key appears twice in the same object; JSON keeps only the last one, so remove one"
                    .into(),
            ),
            Some(offset),
        ));
    }
    for mut p in read.problems.into_iter().chain(rule_problems) {
        p.path = migrated.source_path(&p.path);
        found.push((p, None));
    }
    if found.is_empty() {
        return Ok((read.model, migrated.from));
    }
    Err(Invalid {
        problems: place(text, found),
    })
}

/// Checks the cross-references and ranges of an already typed model (one
/// edited in memory, say). Problems carry paths but no line or column.
pub fn validate(model: &Model) -> Vec<Problem> {
    rules::check(model, &HashSet::new())
}

fn too_large(len: usize) -> Invalid {
    Invalid::one(
        "",
        format!(
            "the model is {} bytes; the limit is {MAX_BYTES} bytes (10 MB)",
            len
        ),
    )
}

/// A JSON syntax error with its path, line and column.
fn syntax_problem(text: &str, e: &serde_json::Error) -> Invalid {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let what = full.strip_suffix(&suffix).unwrap_or(&full);
    // serde_json counts columns in bytes; find the byte and recount in characters.
    let line_start: usize = text
        .split_inclusive('\n')
        .take(e.line().saturating_sub(1))
        .map(str::len)
        .sum();
    let offset = floor_char_boundary(text, line_start + e.column().saturating_sub(1));
    let (line, column) = scan::line_col(text, &[offset])
        .get(&offset)
        .copied()
        .unwrap_or((e.line(), e.column()));
    Invalid {
        problems: vec![Problem {
            path: scan::path_at(text, offset),
            message: format!("invalid JSON: {what}"),
            line: Some(line),
            column: Some(column),
        }],
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Gives each problem the line and column of its path (or of the nearest
/// ancestor present in the text, for a missing field), in one scan, and
/// sorts them by place.
fn place(text: &str, found: Vec<(Problem, Option<usize>)>) -> Vec<Problem> {
    let found_paths: Vec<(Problem, Option<usize>)> = found;
    let wanted: HashSet<&str> = found_paths
        .iter()
        .filter(|(_, at)| at.is_none())
        .flat_map(|(p, _)| path::self_and_ancestors(&p.path))
        .collect();
    let located = scan::locate(text, &wanted);
    let offsets: Vec<Option<usize>> = found_paths
        .iter()
        .map(|(p, at)| {
            at.or_else(|| {
                path::self_and_ancestors(&p.path)
                    .into_iter()
                    .find_map(|a| located.get(a).copied())
            })
        })
        .collect();
    let all: Vec<usize> = offsets.iter().flatten().copied().collect();
    let positions = scan::line_col(text, &all);
    let mut out: Vec<(Option<usize>, Problem)> = found_paths
        .into_iter()
        .zip(offsets)
        .map(|((mut p, _), off)| {
            if let Some(&(l, c)) = off.and_then(|o| positions.get(&o)) {
                p.line = Some(l);
                p.column = Some(c);
            }
            (off, p)
        })
        .collect();
    // Problems without a place go last; equal places keep their order.
    crate::sort::sort_by_key(&mut out, |(off, _)| off.unwrap_or(usize::MAX));
    out.into_iter().map(|(_, p)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_have_path_line_and_column() {
        let text = "{\n  \"units\": [\n    {\"id\": \"é\", \"label\": x}\n  ]\n}";
        let err = parse_model(text).unwrap_err();
        assert_eq!(err.problems.len(), 1);
        let p = &err.problems[0];
        assert_eq!(p.path, "units[0].label");
        assert_eq!((p.line, p.column), (Some(3), Some(26)));
        assert_eq!(p.message, "invalid JSON: expected value");
    }

    /// Both roads give the same answer on every fixture, and on damaged
    /// copies of the sample cut at many places.
    #[test]
    fn the_fast_road_agrees_with_the_full_one() {
        let mut texts: Vec<String> = vec![crate::framework::SAMPLE_JSON.to_string()];
        for dir in ["tests/fixtures", "tests/fixtures/invalid"] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|x| x == "json") {
                    texts.push(std::fs::read_to_string(path).unwrap());
                }
            }
        }
        let sample = crate::framework::SAMPLE_JSON;
        for cut in (0..sample.len()).step_by(97) {
            if let (Some(a), Some(b)) = (sample.get(..cut), sample.get(cut + 1..)) {
                texts.push(format!("{a}{b}"));
                texts.push(format!("{a}\"x\": 1, {b}"));
            }
        }
        let mut valid = 0;
        for text in &texts {
            let fast = parse_versioned(text);
            assert_eq!(fast, parse_fully(text), "{text}");
            valid += fast.is_ok() as usize;
        }
        // Both kinds were compared.
        assert!(
            valid > 5 && valid < texts.len() - 5,
            "{valid} of {}",
            texts.len()
        );
    }

    #[test]
    fn bom_is_ignored() {
        let text = "\u{feff}{\"schema\": \"workforce-ecosystem/v1\"}";
        assert!(parse_model(text).is_ok());
    }

    #[test]
    fn not_utf8_is_refused_with_its_place() {
        let err = parse_model_bytes(b"{\n  \"name\": \"\xff\"}").unwrap_err();
        let p = &err.problems[0];
        assert!(p.message.starts_with("not UTF-8 text"), "{}", p.message);
        assert_eq!((p.line, p.column), (Some(2), Some(12)));
    }

    #[test]
    fn limits_come_first() {
        let big = " ".repeat(MAX_BYTES + 1);
        let err = parse_model(&big).unwrap_err();
        assert!(err.problems[0]
            .message
            .contains("the limit is 10485760 bytes"));
        // Far too many items, and broken JSON after them: the limit is what is said.
        let many = format!("[{}", "0,".repeat(MAX_ITEMS + 1));
        let err = parse_model(&many).unwrap_err();
        assert_eq!(err.problems.len(), 1);
        assert!(err.problems[0]
            .message
            .starts_with("more than 100000 list items"));
    }

    #[test]
    fn missing_fields_point_at_their_object() {
        let text = "{\"schema\": \"workforce-ecosystem/v1\",\n \"units\": [{\"id\": \"u\"}]}";
        let err = parse_model(text).unwrap_err();
        let p = &err.problems[0];
        assert_eq!(p.path, "units[0].label");
        assert_eq!((p.line, p.column), (Some(2), Some(12)));
    }

    #[test]
    fn duplicate_keys_are_problems() {
        let text = "{\"schema\": \"workforce-ecosystem/v1\", \"name\": \"a\", \"name\": \"b\"}";
        let err = parse_model(text).unwrap_err();
        assert_eq!(err.problems[0].path, "name");
        assert_eq!(err.problems[0].column, Some(51));
    }

    #[test]
    fn problems_come_in_text_order() {
        let text = r#"{"schema": "workforce-ecosystem/v1",
 "units": [{"id": "u", "label": "U"}, {"id": "u", "label": "U2"}],
 "assessments": [{"theme": "nope", "player": "hr", "current": 9, "zz": 1}],
 "name": 4}"#;
        let err = parse_model(text).unwrap_err();
        let got: Vec<(&str, Option<usize>)> = err
            .problems
            .iter()
            .map(|p| (p.path.as_str(), p.line))
            .collect();
        assert_eq!(
            got,
            vec![
                ("units[1].id", Some(2)),
                ("assessments[0].theme", Some(3)),
                ("assessments[0].current", Some(3)),
                ("assessments[0].zz", Some(3)),
                ("name", Some(4)),
            ]
        );
    }
}
