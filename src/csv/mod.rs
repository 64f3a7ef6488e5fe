//! Assessments as CSV, for people who score their organization in a
//! spreadsheet: export a model's assessments, edit them, import them back.
//!
//! Writing is in `export`, the formula guard in `formula`, the problems a
//! file can have in `problem`. Reading is in `import`, one data row at a
//! time in `row`, which finds ids as people type them in `lookup`; `place`
//! puts the validation problems of the model read at rows and columns, and
//! `rfc4180` reads and writes the records themselves.
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

mod export;
mod formula;
mod import;
mod lookup;
mod place;
mod problem;
mod rfc4180;
mod row;
#[cfg(test)]
mod tests;

pub use export::export_csv;
pub use formula::{defuse, restore};
pub use import::{import_csv, import_csv_bytes};
pub use problem::{CsvInvalid, CsvProblem};
pub use rfc4180::detect_separator;
pub(crate) use rfc4180::write_record;

/// The columns, in the order export writes them.
pub const COLUMNS: [&str; 7] = [
    "theme", "player", "unit", "current", "target", "weight", "note",
];

/// The columns every CSV must have.
pub const REQUIRED: [&str; 3] = ["theme", "player", "current"];
