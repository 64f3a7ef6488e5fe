//! A validation problem of the imported model, which names JSON paths,
//! placed at the spreadsheet row and column it came from.

use super::problem::CsvProblem;
use super::COLUMNS;
use crate::language::say;

/// Rewrites `assessments[N]` in a validation message (e.g. "the first is
/// assessments[0]") as the spreadsheet row it came from.
pub(super) fn rows_in_message(message: &str, rows: &[usize]) -> String {
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
pub(super) fn place(path: &str, message: String, rows: &[usize]) -> CsvProblem {
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
