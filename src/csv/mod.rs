//! Assessments as CSV, for people who score their organization in a
//! spreadsheet: export a model's assessments, edit them, import them back.
//!
//! # Columns
//!
//! | column    | required | content |
//! |-----------|----------|---------|
//! | `theme`   | yes | theme id (or its label) |
//! | `player`  | yes | player id (or its label) |
//! | `unit`    | no  | unit id (or its label); empty = the whole organization |
//! | `current` | yes | current score, a number on the model's scale |
//! | `target`  | no  | target score; empty = no target |
//! | `weight`  | no  | importance of the cell's gap; empty = 1 |
//! | `note`    | no  | free text |
//!
//! The first row names the columns, in any order; every other row is one
//! assessment. Export writes all seven columns in this order, comma-separated,
//! CRLF-terminated (RFC 4180), after a UTF-8 byte-order mark so spreadsheets
//! read accented text correctly. Import also accepts `;` or tab as separator
//! (detected from the first row), a decimal comma (`2,5`), LF line ends, and
//! ignores the byte-order mark and empty rows.
//!
//! Rows are numbered as a spreadsheet shows them: the header is row 1.
//!
//! # Formula injection
//!
//! A spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` (and some
//! also after a tab or carriage return) as a formula, so a note such as
//! `=HYPERLINK(...)` would become live when the file is opened. Export puts a
//! `'` in front of any text cell that begins with one of those characters — or
//! with `'`s followed by one — and import removes exactly one such `'`, so text
//! survives a round trip unchanged. Numbers are written by the program and
//! never prefixed.

mod rfc4180;

use crate::language::{noun, say};
use crate::model::{Assessment, Item, Model};
use crate::validate::wording::{escape, quote};
use serde::Serialize;
use std::collections::HashMap;
use std::fmt;

pub use rfc4180::detect_separator;
pub(crate) use rfc4180::write_record;

/// The columns, in the order export writes them.
pub const COLUMNS: [&str; 7] = [
    "theme", "player", "unit", "current", "target", "weight", "note",
];

/// The columns every CSV must have.
pub const REQUIRED: [&str; 3] = ["theme", "player", "current"];

/// One thing wrong with a CSV, by spreadsheet row and column name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CsvProblem {
    /// 1-based; row 1 is the header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    pub message: String,
}

impl fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = &self.message;
        let row = self.row.map(|r| r.to_string());
        let text = match (&row, &self.column) {
            (Some(r), Some(c)) => say(
                "csv.rowColumn",
                &[("row", r), ("column", c), ("message", message)],
                || format!("row {r}, column \"{c}\": {message}"),
            ),
            (Some(r), None) => say("csv.row", &[("row", r), ("message", message)], || {
                format!("row {r}: {message}")
            }),
            (None, Some(c)) => say("csv.column", &[("column", c), ("message", message)], || {
                format!("column \"{c}\": {message}")
            }),
            (None, None) => message.clone(),
        };
        f.write_str(&text)
    }
}

/// Every problem found in a CSV that cannot be imported: the first
/// [`crate::validate::limits::MAX_PROBLEMS`], and how many more there are.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CsvInvalid {
    pub problems: Vec<CsvProblem>,
    /// Problems found beyond those listed.
    pub more: usize,
}

impl CsvInvalid {
    /// The problems, the first ones listed and the rest counted.
    pub fn new(mut problems: Vec<CsvProblem>) -> CsvInvalid {
        let more = crate::validate::cap(&mut problems);
        CsvInvalid { problems, more }
    }

    /// How many problems were found, listed or not.
    pub fn total(&self) -> usize {
        self.problems.len() + self.more
    }
}

impl fmt::Display for CsvInvalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::validate::write_lines(f, &self.problems, self.more)
    }
}

impl std::error::Error for CsvInvalid {}

/// Whether a text cell would be run as a formula, after any `'`s already in
/// front of it.
fn formula_like(text: &str) -> bool {
    matches!(
        text.trim_start_matches('\'').chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    )
}

/// The text as written to a cell: prefixed with `'` when a spreadsheet would
/// otherwise run it.
pub fn defuse(text: &str) -> String {
    if formula_like(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The inverse of [`defuse`].
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if formula_like(rest) => rest,
        _ => cell,
    }
}

fn number(x: f64) -> String {
    // `Display` for f64 is the shortest text that reads back to the same value
    // and never uses exponents, which spreadsheets would misread.
    x.to_string()
}

/// The model's assessments as CSV text, in model order.
pub fn export_csv(model: &Model) -> String {
    let mut out = String::from("\u{feff}");
    rfc4180::write_record(&mut out, &COLUMNS);
    for a in &model.assessments {
        let theme = defuse(&a.theme);
        let player = defuse(&a.player);
        let unit = defuse(a.unit.as_deref().unwrap_or(""));
        let current = number(a.current);
        let target = a.target.map(number).unwrap_or_default();
        let weight = number(a.weight);
        let note = defuse(a.note.as_deref().unwrap_or(""));
        rfc4180::write_record(
            &mut out,
            &[&theme, &player, &unit, &current, &target, &weight, &note],
        );
    }
    out
}

/// Reads a number the way people type them in spreadsheets: surrounding
/// spaces and a decimal comma are accepted; infinities and NaN are not.
fn parse_number(text: &str) -> Option<f64> {
    let t = text.trim();
    let owned;
    let t = if t.contains(',') && !t.contains('.') && t.matches(',').count() == 1 {
        owned = t.replace(',', ".");
        owned.as_str()
    } else {
        t
    };
    // JSON's number grammar: plain decimals, no "inf" or "nan". Spreadsheets
    // also write "+1", ".5" and "5.", which JSON spells "1", "0.5", "5.0".
    let (sign, digits) = if let Some(rest) = t.strip_prefix('-') {
        ("-", rest)
    } else {
        ("", t.strip_prefix('+').unwrap_or(t))
    };
    if !digits.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        || !digits.contains(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let lead = if digits.starts_with('.') { "0" } else { "" };
    let trail = if digits.ends_with('.') { "0" } else { "" };
    let json = format!("{sign}{lead}{digits}{trail}");
    // serde_json rather than `str::parse`, which would also take "01" and
    // "1.e5"; it rounds correctly (its `float_roundtrip` feature), so a
    // value written as its shortest text reads back exactly.
    serde_json::from_str::<f64>(&json)
        .ok()
        .filter(|x| x.is_finite())
}

/// Finds ids among `items` by id, or else by label ignoring case and
/// surrounding spaces, so that a spreadsheet user may type `HR` for `hr` or
/// `ÜBER` for `Über`. Both are looked up in maps built once per import: a
/// file of 100,000 rows against thousands of units must not compare every
/// row with every unit.
struct Lookup<'a> {
    items: &'a [Item],
    /// id → position of the first item with it
    ids: HashMap<&'a str, usize>,
    /// trimmed, lower-cased label → position of the first item with it
    labels: HashMap<String, usize>,
    /// By position: whether another item has the same label (which then
    /// names none of them).
    shared: Vec<bool>,
    /// What the messages list as known: the first ids, escaped.
    known: String,
}

impl<'a> Lookup<'a> {
    fn new(items: &'a [Item]) -> Lookup<'a> {
        let mut ids = HashMap::with_capacity(items.len());
        let mut labels: HashMap<String, usize> = HashMap::with_capacity(items.len());
        let mut shared = vec![false; items.len()];
        for (i, item) in items.iter().enumerate() {
            ids.entry(item.id.as_str()).or_insert(i);
            let label = item.label.trim().to_lowercase();
            let first = *labels.entry(label).or_insert(i);
            if first != i {
                shared[first] = true;
            }
        }
        Lookup {
            items,
            ids,
            labels,
            shared,
            known: known(items),
        }
    }

    fn resolve(&self, text: &str) -> Option<String> {
        let t = text.trim();
        let at = match self.ids.get(text).or_else(|| self.ids.get(t)) {
            Some(&i) => Some(i),
            None => self
                .labels
                .get(&t.to_lowercase())
                .copied()
                .filter(|&i| !self.shared[i]),
        };
        at.and_then(|i| self.items.get(i))
            .map(|item| item.id.clone())
    }
}

/// The first ids of `items`, each escaped as messages quote the file's text
/// (an id is the model's text, and may hold anything).
fn known(items: &[Item]) -> String {
    if items.is_empty() {
        return noun("none").into_owned();
    }
    crate::validate::wording::first_ids(items.iter().map(|i| i.id.as_str()), 12)
}

/// "empty; every row needs a theme": a required cell left empty.
fn empty_cell(what: &str) -> String {
    let what = format!("a {what}");
    say("csv.empty", &[("what", &noun(&what))], || {
        format!("empty; every row needs {what}")
    })
}

/// The problem of a file of `len` bytes, over the size limit.
fn too_large(len: u64) -> CsvInvalid {
    CsvInvalid::new(vec![CsvProblem {
        row: None,
        column: None,
        message: crate::validate::size_message("the file", len),
    }])
}

/// One data row being read: its cells by column (positions in [`COLUMNS`]),
/// and the problems found so far.
struct Row<'a> {
    rec: &'a rfc4180::Record,
    /// Where each column of [`COLUMNS`] sits in the row, if present.
    index: &'a [Option<usize>; 7],
    problems: &'a mut Listed,
    /// Whether a cell of this row had a problem.
    bad: bool,
}

/// The problems found so far, in the order of the file's rows: the first
/// [`crate::validate::limits::MAX_PROBLEMS`] written out, the rest only
/// counted (their messages never written).
#[derive(Default)]
struct Listed {
    problems: Vec<CsvProblem>,
    more: usize,
}

impl Listed {
    fn push(&mut self, problem: &dyn Fn() -> CsvProblem) {
        if self.problems.len() < crate::validate::limits::MAX_PROBLEMS {
            self.problems.push(problem());
        } else {
            self.more += 1;
        }
    }

    fn is_empty(&self) -> bool {
        self.problems.is_empty() && self.more == 0
    }
}

impl<'a> Row<'a> {
    /// The text of column `k`, with a formula guard removed.
    fn cell(&self, k: usize) -> Option<&'a str> {
        let rec = self.rec;
        self.index[k]
            .and_then(|i| rec.fields.get(i))
            .map(|s| restore(s))
    }

    fn problem(&mut self, k: usize, message: &dyn Fn() -> String) {
        let row = self.rec.row;
        self.problems.push(&|| CsvProblem {
            row: Some(row),
            column: Some(COLUMNS[k].into()),
            message: message(),
        });
        self.bad = true;
    }

    /// The id named in column `k` (`theme`, `player` or `unit`) among `items`.
    fn id(&mut self, k: usize, items: &Lookup, required: bool) -> Option<String> {
        let what = COLUMNS[k];
        let text = self.cell(k).unwrap_or("");
        if text.trim().is_empty() {
            if required {
                self.problem(k, &|| empty_cell(what));
            }
            return None;
        }
        let id = items.resolve(text);
        if id.is_none() {
            self.problem(k, &|| {
                let value = quote(text);
                let known = &items.known;
                say(
                    "csv.notOfModel",
                    &[("value", &value), ("column", what), ("known", known)],
                    || format!("{value} is not a {what} of the model (known: {known})"),
                )
            });
        }
        id
    }

    /// The number in column `k`; of the numbers only `current` is
    /// required, which the message for a missing one names.
    fn num(&mut self, k: usize, required: bool) -> Option<f64> {
        let text = self.cell(k).unwrap_or("");
        if text.trim().is_empty() {
            if required {
                self.problem(k, &|| empty_cell("current score"));
            }
            return None;
        }
        let x = parse_number(text);
        if x.is_none() {
            self.problem(k, &|| {
                let value = quote(text);
                say("csv.notNumber", &[("value", &value)], || {
                    format!("{value} is not a number")
                })
            });
        }
        x
    }
}

/// Replaces `model`'s assessments with those of `text` and validates the
/// result with [`crate::validate::validate`]. Every problem is reported at
/// once, by row and column; the model passed in is never changed.
pub fn import_csv(model: &Model, text: &str) -> Result<Model, CsvInvalid> {
    let mut problems = Vec::new();
    let fail = |problems: Vec<CsvProblem>| Err(CsvInvalid::new(problems));
    if text.len() > crate::validate::MAX_BYTES {
        return Err(too_large(text.len() as u64));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let sep = rfc4180::detect_separator(text);
    let records = match rfc4180::parse(text, sep) {
        Ok(r) => r,
        Err(e) => {
            // Name the column when the header has been read far enough.
            let header = rfc4180::parse(text.lines().next().unwrap_or(""), sep)
                .ok()
                .and_then(|r| r.into_iter().next());
            let column = header.and_then(|h| h.fields.get(e.field).map(|c| escape(c.trim())));
            return fail(vec![CsvProblem {
                row: Some(e.row),
                column,
                message: e.message,
            }]);
        }
    };
    let mut records = records.into_iter();
    let Some(header) = records.next() else {
        return fail(vec![CsvProblem {
            row: None,
            column: None,
            message: {
                let columns = COLUMNS.join(",");
                say("csv.emptyFile", &[("columns", &columns)], || {
                    format!("the file is empty; its first row must name the columns ({columns})")
                })
            },
        }]);
    };

    // Column positions, by name.
    let mut index: [Option<usize>; 7] = [None; 7];
    for (pos, name) in header.fields.iter().enumerate() {
        let name = name.trim();
        match COLUMNS.iter().position(|c| c.eq_ignore_ascii_case(name)) {
            Some(k) if index[k].is_some() => problems.push(CsvProblem {
                row: Some(1),
                column: Some(COLUMNS[k].into()),
                message: say("csv.columnTwice", &[], || "the column appears twice".into()),
            }),
            Some(k) => index[k] = Some(pos),
            None if name.is_empty() => problems.push(CsvProblem {
                row: Some(1),
                column: None,
                message: {
                    let n = (pos + 1).to_string();
                    say("csv.columnNoName", &[("n", &n)], || {
                        format!("column {n} has no name")
                    })
                },
            }),
            // A name from the file, kept escaped and short like any text of
            // the file a message repeats.
            None => problems.push(CsvProblem {
                row: Some(1),
                column: Some(escape(name)),
                message: {
                    let known = COLUMNS.join(", ");
                    say("csv.unknownColumn", &[("known", &known)], || {
                        format!("unknown column (known: {known})")
                    })
                },
            }),
        }
    }
    for req in REQUIRED {
        let k = COLUMNS.iter().position(|c| *c == req).unwrap_or(0);
        if index[k].is_none() {
            problems.push(CsvProblem {
                row: Some(1),
                column: Some(req.into()),
                message: say("csv.missingColumn", &[], || {
                    "this required column is missing from the header row".into()
                }),
            });
        }
    }
    if !problems.is_empty() {
        return fail(problems);
    }
    let width = header.fields.len();

    let fw = &model.framework;
    let (themes, players, units) = (
        Lookup::new(&fw.themes),
        Lookup::new(&fw.players),
        Lookup::new(&model.units),
    );
    let mut assessments = Vec::new();
    // The spreadsheet row of each assessment, to place validation problems.
    let mut rows = Vec::new();
    let mut listed = Listed::default();
    for rec in records {
        if rec.fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if assessments.len() + listed.problems.len() + listed.more >= crate::validate::MAX_ITEMS {
            listed.push(&|| CsvProblem {
                row: Some(rec.row),
                column: None,
                message: say(
                    "csv.tooManyRows",
                    &[(
                        "limit",
                        &crate::validate::wording::Count(crate::validate::MAX_ITEMS as u64)
                            .to_string(),
                    )],
                    || {
                        format!(
                            "too many rows (at most {} assessments)",
                            crate::validate::MAX_ITEMS
                        )
                    },
                ),
            });
            break;
        }
        if rec.fields.len() != width {
            listed.push(&|| CsvProblem {
                row: Some(rec.row),
                column: None,
                message: {
                    let (count, width) = (rec.fields.len().to_string(), width.to_string());
                    say("csv.fieldCount", &[("count", &count), ("width", &width)], || {
                        format!("{count} fields where the header has {width} (a note with a comma must be in double quotes)")
                    })
                },
            });
            continue;
        }
        let mut row = Row {
            rec: &rec,
            index: &index,
            problems: &mut listed,
            bad: false,
        };
        // Columns by their position in `COLUMNS`.
        let theme = row.id(0, &themes, true);
        let player = row.id(1, &players, true);
        let unit = row.id(2, &units, false);
        let current = row.num(3, true);
        let target = row.num(4, false);
        let weight = row.num(5, false);
        let note = row.cell(6).filter(|n| !n.is_empty()).map(str::to_string);
        if row.bad {
            continue;
        }
        if let (Some(theme), Some(player), Some(current)) = (theme, player, current) {
            assessments.push(Assessment {
                theme,
                player,
                unit,
                current,
                target,
                weight: weight.unwrap_or(1.0),
                note,
            });
            rows.push(rec.row);
        }
    }
    // A header alone (a truncated spreadsheet export) would remove every
    // score: a file with a problem changes nothing, and this is one.
    if assessments.is_empty() && listed.is_empty() {
        return fail(vec![CsvProblem {
            row: None,
            column: None,
            message: say("csv.noRows", &[], || {
                "the file holds no assessment, only its header row; importing it would remove every score".into()
            }),
        }]);
    }

    // The rows that were read are checked as a model even when others
    // were not, so that every problem is reported at once: a score off the
    // scale or a duplicate cell is not left for a second run.
    let mut out = model.clone();
    out.assessments = assessments;
    let (found, more) = crate::validate::validate_within(&out);
    let Listed {
        mut problems,
        more: unlisted,
    } = listed;
    problems.extend(found.into_iter().map(|p| place(&p.path, p.message, &rows)));
    if problems.is_empty() {
        return Ok(out);
    }
    // By row, as a spreadsheet user reads them; problems of no row last.
    crate::order::sort_by_key(&mut problems, |p| p.row.unwrap_or(usize::MAX));
    let mut invalid = CsvInvalid::new(problems);
    invalid.more += more + unlisted;
    Err(invalid)
}

/// Like [`import_csv`], from the file's bytes: text that is not UTF-8 (a CSV
/// saved in a legacy spreadsheet encoding) is refused with the row of the
/// first bad byte, instead of importing garbled accents.
pub fn import_csv_bytes(model: &Model, bytes: &[u8]) -> Result<Model, CsvInvalid> {
    // UTF-16 with its mark (a spreadsheet's "Unicode text") reads as a model
    // file does: the decoding rules are crate::encoding's everywhere.
    match crate::encoding::utf16(bytes) {
        Some(Ok(text)) => return import_csv(model, &text),
        Some(Err(e)) => {
            return Err(CsvInvalid::new(vec![CsvProblem {
                row: Some(row_after(&e.before)),
                column: None,
                message: {
                    let what = e.describe();
                    say("csv.saveUtf8", &[("what", &what)], || {
                        format!("{what}; save the file as \"CSV UTF-8\"")
                    })
                },
            }]))
        }
        None => {}
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => import_csv(model, text),
        Err(e) => {
            let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
            let before = std::str::from_utf8(valid).unwrap_or_default();
            let before = before.strip_prefix('\u{feff}').unwrap_or(before);
            // The records read so far; the bad byte is in the last, or starts
            // the next when the text before it ends a line.
            let sep = rfc4180::detect_separator(before);
            let row = match rfc4180::parse(before, sep) {
                Ok(recs) if before.ends_with(['\n', '\r']) || recs.is_empty() => recs.len() + 1,
                Ok(recs) => recs.len(),
                Err(_) => before.matches('\n').count() + 1,
            };
            Err(CsvInvalid::new(vec![CsvProblem {
                row: Some(row),
                column: None,
                message: {
                    let byte = (e.valid_up_to() + 1).to_string();
                    say("csv.notUtf8", &[("byte", &byte)], || {
                        format!("not UTF-8 text (byte {byte} cannot be read); save the file as \"CSV UTF-8\"")
                    })
                },
            }]))
        }
    }
}

/// The row of a CSV in which a character that cannot be read sits, given
/// the text before it: the records read so far, the last of which it is
/// in, or it starts the next when the text before it ends a line.
fn row_after(before: &str) -> usize {
    let before = before.strip_prefix('\u{feff}').unwrap_or(before);
    let sep = rfc4180::detect_separator(before);
    match rfc4180::parse(before, sep) {
        Ok(recs) if before.ends_with(['\n', '\r']) || recs.is_empty() => recs.len() + 1,
        Ok(recs) => recs.len(),
        Err(_) => before.matches('\n').count() + 1,
    }
}

/// Rewrites `assessments[N]` in a validation message (e.g. "the first is
/// assessments[0]") as the spreadsheet row it came from.
fn rows_in_message(message: &str, rows: &[usize]) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find("assessments[") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "assessments[".len()..];
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        let (number, close) = after.split_at_checked(digits).unwrap_or_default();
        let row = number
            .parse::<usize>()
            .ok()
            .and_then(|i| rows.get(i))
            .filter(|_| close.starts_with(']'));
        match row {
            Some(r) => {
                let r = r.to_string();
                out.push_str(&say("csv.rowNumber", &[("row", &r)], || format!("row {r}")));
                rest = close.get(1..).unwrap_or_default();
            }
            None => {
                out.push_str("assessments[");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Turns a validation problem's JSON path (`assessments[3].current`) into the
/// row and column it came from.
fn place(path: &str, message: String, rows: &[usize]) -> CsvProblem {
    let message = rows_in_message(&message, rows);
    let located = path.strip_prefix("assessments[").and_then(|rest| {
        let (num, rest) = rest.split_once(']')?;
        let row = *rows.get(num.parse::<usize>().ok()?)?;
        let field = rest.strip_prefix('.').unwrap_or("");
        let field = field.split(['.', '[']).next().unwrap_or("");
        let column = COLUMNS.iter().find(|c| **c == field).map(|c| c.to_string());
        Some((row, column))
    });
    match located {
        Some((row, column)) => CsvProblem {
            row: Some(row),
            column,
            message,
        },
        None => CsvProblem {
            row: None,
            column: None,
            message: if path.is_empty() {
                message
            } else {
                say(
                    "problem.at",
                    &[("path", path), ("message", &message)],
                    || format!("{path}: {message}"),
                )
            },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_cells_are_quoted_to_sixty_characters() {
        assert_eq!(quote("a\"b"), "\"a\\\"b\"");
        let sixty = "é".repeat(60);
        assert_eq!(quote(&sixty), format!("\"{sixty}\""));
        assert_eq!(quote(&format!("{sixty}xyz")), format!("\"{sixty}…\""));
    }

    fn model() -> Model {
        let mut m = Model::empty("t");
        m.units = vec![
            Item::new("retail", "Retail"),
            Item::new("hq", "Head office"),
        ];
        m
    }

    #[test]
    fn defuse_and_restore_are_inverse() {
        for s in [
            "=1+1", "+x", "-3", "@SUM", "\tx", "\rx", "'=a", "''+b", "'plain", "plain", "", "'",
            "a=b",
        ] {
            let d = defuse(s);
            assert!(!matches!(
                d.chars().next(),
                Some('=' | '+' | '-' | '@' | '\t' | '\r')
            ));
            assert_eq!(restore(&d), s, "{s:?} → {d:?}");
        }
        assert_eq!(defuse("=1+1"), "'=1+1");
        assert_eq!(defuse("a=b"), "a=b");
    }

    #[test]
    fn numbers_accept_spaces_and_decimal_comma_but_not_words() {
        assert_eq!(parse_number(" 2.5 "), Some(2.5));
        assert_eq!(parse_number("2,5"), Some(2.5));
        assert_eq!(parse_number("-1"), Some(-1.0));
        assert_eq!(parse_number("1e0"), Some(1.0));
        assert_eq!(parse_number("+3"), Some(3.0));
        assert_eq!(parse_number(".5"), Some(0.5));
        assert_eq!(parse_number("-,5"), Some(-0.5));
        assert_eq!(parse_number("4."), Some(4.0));
        for bad in [
            "three", "inf", "NaN", "1,2,3", "1.2,3", "", "1e999", "٣", "--1", "+-1", "1 2", "0x10",
            "1_000", ".", "-", "e5",
        ] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn long_decimals_read_back_to_the_value_written() {
        // Values whose shortest text has 16–17 digits: the cases where a fast
        // decimal parser can miss the nearest double.
        let mut x: f64 = 1.926_694_165_608_148;
        for _ in 0..2000 {
            let text = format!("{x}");
            assert_eq!(parse_number(&text), Some(x), "{text}");
            let neg = format!("{}", -x);
            assert_eq!(parse_number(&neg), Some(-x), "{neg}");
            x = (x * 1.618_033_988_749_895 + 0.000_123_456_789) % 4.0;
        }
        assert_eq!(parse_number("1.50"), Some(1.5));
        assert_eq!(parse_number("0"), Some(0.0));
    }

    #[test]
    fn ids_resolve_from_labels_case_insensitively() {
        let m = model();
        let players = Lookup::new(&m.framework.players);
        assert_eq!(players.resolve("HR"), Some("hr".into()));
        assert_eq!(
            players.resolve(" finance & LEGAL "),
            Some("finance-legal".into())
        );
        let units = Lookup::new(&m.units);
        assert_eq!(units.resolve("head office"), Some("hq".into()));
        assert_eq!(units.resolve("nowhere"), None);
        // A label two items share names neither.
        let twins = [Item::new("a", "Same"), Item::new("b", "same ")];
        assert_eq!(Lookup::new(&twins).resolve("SAME"), None);
        assert_eq!(Lookup::new(&twins).resolve("b"), Some("b".into()));
        let shops = [Item::new("shops", "Über Läden")];
        assert_eq!(
            Lookup::new(&shops).resolve("ÜBER LÄDEN"),
            Some("shops".into())
        );
    }

    #[test]
    fn validation_paths_become_rows_and_columns() {
        let p = place("assessments[1].current", "too high".into(), &[2, 5]);
        assert_eq!((p.row, p.column.as_deref()), (Some(5), Some("current")));
        let p = place("assessments[0]", "duplicate".into(), &[2, 5]);
        assert_eq!((p.row, p.column), (Some(2), None));
        let p = place("units[0].id", "bad".into(), &[2]);
        assert_eq!(p.to_string(), "units[0].id: bad");
    }

    #[test]
    fn messages_name_rows_not_json_paths() {
        assert_eq!(
            rows_in_message("second; the first is assessments[1]", &[2, 7]),
            "second; the first is row 7"
        );
        assert_eq!(
            rows_in_message("assessments[9] and assessments[x", &[2]),
            "assessments[9] and assessments[x"
        );
        assert_eq!(rows_in_message("é assessments[0]] é", &[3]), "é row 3] é");
    }

    #[test]
    fn problem_display_names_row_and_column() {
        let p = CsvProblem {
            row: Some(4),
            column: Some("current".into()),
            message: "\"three\" is not a number".into(),
        };
        assert_eq!(
            p.to_string(),
            "row 4, column \"current\": \"three\" is not a number"
        );
    }

    #[test]
    fn legacy_encodings_are_refused_with_their_row() {
        let m = model();
        // "é" in Windows-1252 is the single byte 0xE9.
        let bytes = b"theme,player,current,note\nintegration,hr,1,ok\nleadership,it,2,caf\xe9\n";
        let e = import_csv_bytes(&m, bytes).unwrap_err();
        assert_eq!(
            e.to_string(),
            "row 3: not UTF-8 text (byte 66 cannot be read); save the file as \"CSV UTF-8\""
        );
        let e = import_csv_bytes(&m, b"\xff").unwrap_err();
        assert_eq!(e.problems[0].row, Some(1));
        let ok = import_csv_bytes(
            &m,
            "theme,player,current,note\nintegration,hr,1,café\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(ok.assessments[0].note.as_deref(), Some("café"));
    }

    #[test]
    fn semicolon_files_with_decimal_commas_import() {
        let m = model();
        let csv = "theme;player;current;target\nintegration;HR;1,5;3\n";
        let out = import_csv(&m, csv).unwrap();
        assert_eq!(out.assessments.len(), 1);
        assert_eq!(out.assessments[0].current, 1.5);
        assert_eq!(out.assessments[0].player, "hr");
        assert_eq!(out.assessments[0].target, Some(3.0));
        assert_eq!(out.assessments[0].weight, 1.0);
    }
}
