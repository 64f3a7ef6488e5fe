//! The guard against formula injection (see the module's documentation):
//! a `'` in front of text a spreadsheet would run, removed on import.

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
