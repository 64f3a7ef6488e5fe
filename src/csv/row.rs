//! One data row read cell by cell: its ids, its numbers and its note, each
//! cell's problem by column.

use super::formula::restore;
use super::lookup::Lookup;
use super::problem::{CsvProblem, Listed};
use super::{rfc4180, COLUMNS};
use crate::language::{noun, say};
use crate::validate::wording::quote;

/// One data row being read: its cells by column (positions in [`COLUMNS`]),
/// and the problems found so far.
pub(super) struct Row<'a> {
    pub(super) rec: &'a rfc4180::Record,
    /// Where each column of [`COLUMNS`] sits in the row, if present.
    pub(super) index: &'a [Option<usize>; 7],
    pub(super) problems: &'a mut Listed,
    /// Whether a cell of this row had a problem.
    pub(super) bad: bool,
}

impl<'a> Row<'a> {
    /// The text of column `k`, with a formula guard removed.
    pub(super) fn cell(&self, k: usize) -> Option<&'a str> {
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
    pub(super) fn id(&mut self, k: usize, items: &Lookup, required: bool) -> Option<String> {
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
    pub(super) fn num(&mut self, k: usize, required: bool) -> Option<f64> {
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

/// "empty; every row needs a theme": a required cell left empty.
fn empty_cell(what: &str) -> String {
    let what = format!("a {what}");
    say("csv.empty", &[("what", &noun(&what))], || {
        format!("empty; every row needs {what}")
    })
}

/// Reads a number the way people type them in spreadsheets: surrounding
/// spaces and a decimal comma are accepted; infinities and NaN are not.
pub(super) fn parse_number(text: &str) -> Option<f64> {
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
