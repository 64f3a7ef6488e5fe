//! What is wrong with a CSV: one problem by row and column, every problem
//! of a file that cannot be imported, and those found so far while reading.

use crate::language::say;
use serde::Serialize;
use std::fmt;

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

/// The problems found so far, in the order of the file's rows: the first
/// [`crate::validate::limits::MAX_PROBLEMS`] written out, the rest only
/// counted (their messages never written).
#[derive(Default)]
pub(super) struct Listed {
    pub(super) problems: Vec<CsvProblem>,
    pub(super) more: usize,
}

impl Listed {
    pub(super) fn push(&mut self, problem: &dyn Fn() -> CsvProblem) {
        if self.problems.len() < crate::validate::limits::MAX_PROBLEMS {
            self.problems.push(problem());
        } else {
            self.more += 1;
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.problems.is_empty() && self.more == 0
    }
}
