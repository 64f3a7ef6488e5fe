//! Parsing and validation of models: every rule of docs/design.md §3, every problem
//! reported at once with its JSON path, and a line and column in the source
//! text when there is one.
//!
//! [`parse_model`] runs, in order:
//!
//! 1. the size limit ([`MAX_BYTES`]), on the text's length alone;
//! 2. a cheap scan (`scan.rs`) that counts list items against [`MAX_ITEMS`]
//!    and finds repeated object keys, before any parsing;
//! 3. JSON parsing (syntax errors stop here, with path, line and column);
//! 4. migration of older versions ([`crate::migrate`]);
//! 5. the shape check (`read.rs`): types, missing and unknown fields, and
//!    the limits on every text and list (`limits.rs`), so that nothing
//!    oversized is kept;
//! 6. the rules (`rules/`, also available alone as [`validate`]): ids,
//!    references, scale, duplicates.
//!
//! Problems from steps 4–6 are collected together and sorted by their place
//! in the text; the first [`limits::MAX_PROBLEMS`] are listed and the rest
//! counted, and problems that cannot be among the first are never written
//! out (`budget.rs`).
//!
//! This is the only way a model is read: no model type derives
//! `Deserialize`. Saved sessions ([`crate::session`]) read each model they
//! hold through steps 3–6 too, and every other input (edits, options) is
//! read with the same field reader (`fields.rs`).

mod budget;
pub(crate) mod fields;
pub mod limits;
pub(crate) mod path;
pub(crate) mod read;
mod rules;
mod scan;
pub mod voices;
pub mod wording;

use crate::language::{noun, say};
use crate::migrate::{self, Version};
use crate::model::Model;
use serde::Serialize;
use std::borrow::Cow;
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
            noun("(model)")
        } else {
            Cow::Borrowed(self.path.as_str())
        };
        let (l, c) = (self.line.map(|l| l.to_string()), self.column);
        let message = &self.message;
        match (l, c.map(|c| c.to_string())) {
            (Some(l), Some(c)) => f.write_str(&say(
                "problem.lineColumn",
                &[
                    ("path", &path),
                    ("line", &l),
                    ("column", &c),
                    ("message", message),
                ],
                || format!("{path} (line {l}, column {c}): {message}"),
            )),
            _ => f.write_str(&say(
                "problem.at",
                &[("path", &path), ("message", message)],
                || format!("{path}: {message}"),
            )),
        }
    }
}

/// Every problem found in a model that cannot be used: the first
/// [`limits::MAX_PROBLEMS`] in the order of the text, and how many more
/// there are.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Invalid {
    pub problems: Vec<Problem>,
    /// Problems found beyond those listed.
    pub more: usize,
}

impl Invalid {
    /// The problems, the first [`limits::MAX_PROBLEMS`] of them listed and
    /// the rest counted.
    pub fn new(mut problems: Vec<Problem>) -> Invalid {
        let more = cap(&mut problems);
        Invalid { problems, more }
    }

    fn one(path: &str, message: String) -> Invalid {
        Invalid::new(vec![Problem::new(path.to_string(), message)])
    }

    /// How many problems were found, listed or not.
    pub fn total(&self) -> usize {
        self.problems.len() + self.more
    }

    /// Each listed problem as one line of text (path, place and message).
    pub fn lines(&self) -> Vec<String> {
        self.problems.iter().map(|p| p.to_string()).collect()
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_lines(f, &self.problems, self.more)
    }
}

/// Keeps the first [`limits::MAX_PROBLEMS`] of `problems`; returns how many
/// were dropped.
pub(crate) fn cap<T>(problems: &mut Vec<T>) -> usize {
    let more = problems.len().saturating_sub(limits::MAX_PROBLEMS);
    problems.truncate(limits::MAX_PROBLEMS);
    more
}

/// "… and 98,900 more problems": the line that stands for the problems a
/// list leaves out.
pub fn more_line(more: usize) -> String {
    let count = wording::Count(more as u64).to_string();
    let key = if more == 1 {
        "problems.more.one"
    } else {
        "problems.more.other"
    };
    say(key, &[("count", &count)], || {
        format!(
            "… and {count} more problem{}",
            if more == 1 { "" } else { "s" }
        )
    })
}

/// "1 problem", "99,000 problems".
pub fn problem_count(n: usize) -> String {
    let count = wording::Count(n as u64).to_string();
    let key = if n == 1 {
        "problems.count.one"
    } else {
        "problems.count.other"
    };
    say(key, &[("count", &count)], || {
        format!("{count} problem{}", if n == 1 { "" } else { "s" })
    })
}

/// The last line of a file's problems where it could not be read: their
/// count, and that nothing was loaded (the CLI's).
pub fn not_loaded(n: usize) -> String {
    let problems = problem_count(n);
    say("problems.notLoaded", &[("problems", &problems)], || {
        format!("{problems}; the model was not loaded")
    })
}

/// Each item on a line of its own, then the count of those left out: how a
/// list of problems reads as one error message (the model's here, the
/// CSV's in `csv`).
pub(crate) fn write_lines<T: fmt::Display>(
    f: &mut fmt::Formatter<'_>,
    items: &[T],
    more: usize,
) -> fmt::Result {
    for (i, p) in items.iter().enumerate() {
        if i > 0 {
            writeln!(f)?;
        }
        write!(f, "{p}")?;
    }
    if more > 0 {
        if !items.is_empty() {
            writeln!(f)?;
        }
        f.write_str(&more_line(more))?;
    }
    Ok(())
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
    decode_utf8(bytes)
}

/// [`decode`] without the size limit, for a caller that has applied its own
/// (an exported page's, [`crate::opened::MAX_PAGE_BYTES`]).
pub(crate) fn decode_utf8(bytes: &[u8]) -> Result<&str, Invalid> {
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
        // Everything before the bad byte is valid UTF-8.
        let before = std::str::from_utf8(valid).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Invalid::new(vec![Problem {
            path: String::new(),
            message: {
                let offset = e.valid_up_to().to_string();
                say("problem.notUtf8", &[("offset", &offset)], || {
                    format!("not UTF-8 text (bad byte at offset {offset}); save the model as UTF-8")
                })
            },
            line: Some(line),
            column: Some(column),
        }])
    })
}

/// Like [`parse_model`], also telling which version the text was written in
/// (it has been migrated to the current one).
pub fn parse_versioned(text: &str) -> Result<(Model, Version), Invalid> {
    if text.len() > MAX_BYTES {
        return Err(too_large(text.len()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let outline = scan::outline(text, MAX_ITEMS, true);
    if outline.over_limit {
        return Err(over_items());
    }
    let (model, version, problems, more) = read_value(parse_json(text)?);
    report(text, outline.duplicate_keys, problems, more)?;
    Ok((model, version))
}

/// The problem of a model with more than [`MAX_ITEMS`] list items.
pub(crate) fn over_items() -> Invalid {
    Invalid::one(
        "",
        say(
            "problem.overItems",
            &[("limit", &wording::Count(MAX_ITEMS as u64).to_string())],
            || format!("more than {MAX_ITEMS} list items; a model may hold at most {MAX_ITEMS}"),
        ),
    )
}

/// The rules on a model read from another syntax than JSON (the text
/// syntax, [`crate::text`], whose reader gives every field its type): the
/// model, or its problems, each given the line and column `place` finds for
/// its path or its nearest ancestor's, sorted by place, the first
/// [`limits::MAX_PROBLEMS`] listed.
pub(crate) fn check_model(
    model: Model,
    place: &dyn Fn(&str) -> Option<(usize, usize)>,
) -> Result<Model, Invalid> {
    let (problems, more) = validate_within(&model);
    if problems.is_empty() && more == 0 {
        return Ok(model);
    }
    let (problems, thinned) = budget::thin(problems);
    let mut placed: Vec<Problem> = problems
        .into_iter()
        .map(|mut p| {
            let at = path::self_and_ancestors(&p.path)
                .into_iter()
                .find_map(place);
            (p.line, p.column) = (at.map(|a| a.0), at.map(|a| a.1));
            p
        })
        .collect();
    // Problems without a place go last; equal places keep their order.
    crate::order::sort_by_key(&mut placed, |p| {
        (p.line.unwrap_or(usize::MAX), p.column.unwrap_or(0))
    });
    let mut invalid = Invalid::new(placed);
    invalid.more += more + thinned;
    Err(invalid)
}

/// Reads a model's JSON text for its shape alone (types, missing and
/// unknown fields, repeated keys), without migration or the rules: for
/// looking at what a file holds even where the rules would refuse it.
/// Problems carry their places as with [`parse_model`].
pub fn read_shape(text: &str) -> Result<Model, Invalid> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let read = read::read_model(parse_json(text)?);
    report(text, duplicate_keys(text), read.problems, read.more)?;
    Ok(read.model)
}

/// Step 3: the text as a JSON value, or its syntax error with path, line
/// and column.
pub(crate) fn parse_json(text: &str) -> Result<serde_json::Value, Invalid> {
    // Said plainly: serde_json's "EOF while parsing a value" at line 1 is
    // what an empty file (or one of spaces, or a byte-order mark alone) gets.
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(Invalid::new(vec![Problem {
            path: String::new(),
            message: say("problem.emptyFile", &[], || {
                "the file is empty: it holds no model".into()
            }),
            line: Some(1),
            column: Some(1),
        }]));
    }
    serde_json::from_str(text).map_err(|e| syntax_problem(text, &e))
}

/// Steps 4–6 on a parsed model: migration, the shape check and the rules.
/// Gives the model as far as it could be read, the version it was written
/// in, the problems that may be among the first of the text, with paths as
/// in the document (not yet placed), and how many others there are.
pub(crate) fn read_value(value: serde_json::Value) -> (Model, Version, Vec<Problem>, usize) {
    let mut migrated = migrate::migrate(value);
    let read = read::read_model(std::mem::take(&mut migrated.value));
    let placeholders: HashSet<&str> = read
        .placeholders
        .iter()
        .chain(&migrated.placeholders)
        .map(String::as_str)
        .collect();
    let (rule_problems, dropped) = rules::check_within(&read.model, &placeholders);
    let (read_problems, thinned) = budget::thin(read.problems);
    let mut problems = std::mem::take(&mut migrated.problems);
    for mut p in read_problems.into_iter().chain(rule_problems) {
        p.path = migrated.source_path(&p.path);
        problems.push(p);
    }
    (
        read.model,
        migrated.from,
        problems,
        read.more + dropped + thinned,
    )
}

/// The offset of every key that repeats an earlier key of its object, for
/// texts the item limit does not apply to.
pub(crate) fn duplicate_keys(text: &str) -> Vec<usize> {
    scan::outline(text, usize::MAX, true).duplicate_keys
}

/// Whether the text's top-level `schema` is the string `tag`, told by the
/// scanner before any parsing (which the limits of a model must come
/// before). Only the plain spelling of the tag counts, as this crate
/// writes it.
pub(crate) fn has_schema(text: &str, tag: &str) -> bool {
    let Some(rest) = scan::locate(text, &HashSet::from(["schema"]))
        .get("schema")
        .and_then(|&at| text.get(at..))
    else {
        return false;
    };
    // `rest` starts with the key, which, being "schema" however escaped,
    // holds no colon: the first one ends it.
    let Some(value) = rest.split_once(':').map(|(_, v)| v.trim_start()) else {
        return false;
    };
    let quoted = serde_json::to_string(tag).unwrap_or_default();
    value.strip_prefix(&quoted).is_some_and(|after| {
        matches!(
            after.trim_start().chars().next(),
            None | Some(',') | Some('}')
        )
    })
}

/// The problems of one text — `problems`, `more` others found but not
/// written out, and a problem at each repeated key at `duplicates` —
/// placed at their lines and columns and sorted, the first
/// [`limits::MAX_PROBLEMS`] listed and the rest counted; `Ok` when there
/// are none.
pub(crate) fn report(
    text: &str,
    duplicates: Vec<usize>,
    problems: Vec<Problem>,
    more: usize,
) -> Result<(), Invalid> {
    if duplicates.is_empty() && problems.is_empty() && more == 0 {
        return Ok(());
    }
    // Only what may be among the first is placed: placing costs a walk of
    // the text and a path per problem.
    let (problems, thinned) = budget::thin(problems);
    // (problem, offset of its own when the scan already knows it)
    let mut found: Vec<(Problem, Option<usize>)> =
        problems.into_iter().map(|p| (p, None)).collect();
    let mut sorted = duplicates;
    crate::order::sort(&mut sorted);
    sorted.dedup();
    // Repeated keys are known by offset, in text order: past the first
    // hundred they cannot be among the first.
    let later_duplicates = cap(&mut sorted);
    let duplicate_paths = scan::paths_at(text, &sorted);
    for offset in sorted {
        let path = duplicate_paths.get(&offset).cloned().unwrap_or_default();
        found.push((
            Problem::new(
                path,
                say("problem.duplicateKey", &[], || {
                    "this key appears twice in the same object; JSON keeps only the last one, so remove one"
                        .into()
                }),
            ),
            Some(offset),
        ));
    }
    let mut invalid = Invalid::new(place(text, found));
    invalid.more += more + thinned + later_duplicates;
    Err(invalid)
}

/// Checks the cross-references and ranges of an already typed model (one
/// edited in memory, say). Problems carry paths but no line or column.
pub fn validate(model: &Model) -> Vec<Problem> {
    rules::check(model, &HashSet::new())
}

/// [`validate`] of a model that was valid until its assessment at `index`
/// was set: to a changed one, or added at the end, of a cell no other
/// assessment holds. Checks that assessment alone (see
/// `rules::check_assessment`), with the same problems [`validate`] finds.
pub fn validate_assessment(model: &Model, index: usize) -> Vec<Problem> {
    rules::check_assessment(model, index)
}

/// [`validate`], writing out only the problems that may be among the
/// first [`limits::MAX_PROBLEMS`] of each list (in list order); returns
/// them and how many others there are.
pub fn validate_within(model: &Model) -> (Vec<Problem>, usize) {
    rules::check_within(model, &HashSet::new())
}

fn too_large(len: usize) -> Invalid {
    too_large_as("the model", len as u64)
}

/// The problem of a text of `len` bytes over [`MAX_BYTES`], which `what`
/// names ("the model", "the file"): its size and the limit, both as people
/// read them.
pub fn too_large_as(what: &str, len: u64) -> Invalid {
    Invalid::one("", size_message(what, len))
}

/// "the file is 52.3 MB; the limit is 10 MB".
pub fn size_message(what: &str, len: u64) -> String {
    size_message_within(what, len, MAX_BYTES as u64)
}

/// [`size_message`] for another limit than [`MAX_BYTES`] (an exported
/// page's): "the page is 90.1 MB; the limit is 80 MB".
pub fn size_message_within(what: &str, len: u64, limit: u64) -> String {
    let size = wording::size(len, limit);
    let limit = wording::size(limit, u64::MAX);
    say(
        "problem.tooLarge",
        &[("what", &noun(what)), ("size", &size), ("limit", &limit)],
        || format!("{what} is {size}; the limit is {limit}"),
    )
}

/// serde_json's account of a syntax error ("expected `,` or `}`") in the
/// current language: its `json.<message>` template, or a generic one for a
/// message the catalogue does not know (serde_json's words are English).
fn json_detail(english: &str) -> String {
    // serde_json names half of a UTF-16 pair (`\ud800`, as a tool that cut a
    // string inside an emoji writes) in terms only a parser's author reads.
    let plain = match english {
        "lone leading surrogate in hex escape" | "unexpected end of hex escape" => {
            "a \\u escape holds half a character (a lone surrogate, \\ud800 to \\udfff); \
             write the character itself"
        }
        _ => english,
    };
    match crate::language::current() {
        Some(language) => language
            .text(&format!("json.{english}"))
            .or_else(|| language.text("json.other"))
            .unwrap_or(plain)
            .to_string(),
        None => plain.to_string(),
    }
}

/// A JSON syntax error with its path, line and column.
fn syntax_problem(text: &str, e: &serde_json::Error) -> Invalid {
    // serde_json's message ends with the place, which is given here in
    // characters rather than bytes.
    let message = e.to_string();
    let place = format!(" at line {} column {}", e.line(), e.column());
    let what = message.strip_suffix(&place).unwrap_or(&message);
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
    Invalid::new(vec![Problem {
        path: scan::path_at(text, offset),
        message: {
            let detail = json_detail(what);
            say("problem.json", &[("detail", &detail)], || {
                format!("invalid JSON: {detail}")
            })
        },
        line: Some(line),
        column: Some(column),
    }])
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
    crate::order::sort_by_key(&mut out, |(off, _)| off.unwrap_or(usize::MAX));
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

    #[test]
    fn half_a_character_is_named_as_such() {
        // a lone high half, a lone low half, a high half before another escape
        for label in [r"Emp\ud800loyees", r"Emp\udc00", r"Emp\ud800\u0041"] {
            let text = format!("{{\"name\": \"{label}\"}}");
            let p = &parse_model(&text).unwrap_err().problems[0];
            assert_eq!(p.path, "name", "{label}");
            assert_eq!(
                p.message,
                r"invalid JSON: a \u escape holds half a character (a lone surrogate, \ud800 to \udfff); write the character itself",
                "{label}"
            );
        }
    }

    /// The path says where the text went wrong: the value that is broken,
    /// or, after a whole value, the object or list it is in.
    #[test]
    fn syntax_errors_name_the_broken_value_or_its_container() {
        let path = |text: &str| parse_model(text).unwrap_err().problems[0].path.clone();
        let start = r#"{"schema": "workforce-ecosystem/v1", "name": "x""#;
        // the file ends after a whole value: the model itself, not `name`
        assert_eq!(path(start), "");
        assert_eq!(path(&format!("{start},")), "");
        // a list cut short, a comma missing between items, a trailing comma
        assert_eq!(path(&format!(r#"{start}, "units": ["#)), "units");
        assert_eq!(path(&format!(r#"{start}, "units": [1 2]}}"#)), "units");
        assert_eq!(
            path(&format!(r#"{start}, "units": [{{"id": "a",}}]}}"#)),
            "units[0]"
        );
        // a value that is itself broken
        assert_eq!(
            path(r#"{"schema": "workforce-ecosystem/v1", "name": tru}"#),
            "name"
        );
        assert_eq!(
            path(r#"{"schema": "workforce-ecosystem/v1", "name": "x"#),
            "name"
        );
        assert_eq!(
            path(r#"{"schema": "workforce-ecosystem/v1", "name": "#),
            "name"
        );
    }

    #[test]
    fn the_shape_alone_can_be_read() {
        // Refused by the rules, but of the right shape.
        let text =
            r#"{"schema": "other", "assessments": [{"theme": "t", "player": "p", "current": 99}]}"#;
        assert!(parse_model(text).is_err());
        let m = read_shape(text).unwrap();
        assert_eq!(
            (m.schema.as_str(), m.assessments[0].current),
            ("other", 99.0)
        );
        let err = read_shape("{\n\"name\": 1, \"name\": 2}").unwrap_err();
        let got: Vec<String> = err.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            got,
            [
                "schema (line 1, column 1): required, but missing",
                "name (line 2, column 1): expected a string, found the number 2",
                "name (line 2, column 12): this key appears twice in the same object; JSON keeps only the last one, so remove one",
            ]
        );
        assert!(read_shape("[").is_err());
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
        assert_eq!(
            err.problems[0].message,
            "the model is 10,485,761 bytes; the limit is 10 MB"
        );
        let err = too_large_as("the file", 52_300_000);
        assert_eq!(
            err.problems[0].message,
            "the file is 49.9 MB; the limit is 10 MB"
        );
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
