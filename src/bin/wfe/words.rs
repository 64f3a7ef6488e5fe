//! The CLI's own lines (a file it cannot read, merge's summary, progress's
//! hint) in the language `--lang` chose. The core's sentences come from its
//! catalogue; these few are the CLI's, in English and French, the only two
//! it speaks.

use std::fmt::Display;

/// Whether `--lang` chose French (the core speaks it then).
pub fn french() -> bool {
    workforce_ecosystem::language::current().is_some()
}

/// `english` or `french`, as `--lang` chose.
pub fn say(english: &str, french_text: &str) -> String {
    if french() { french_text } else { english }.to_string()
}

/// "name: message", French with its space before the colon.
pub fn about(name: impl Display, message: impl Display) -> String {
    if french() {
        format!("{name} : {message}")
    } else {
        format!("{name}: {message}")
    }
}

/// `n` and its noun, `(one, other)` in each language, the form chosen by
/// the core's rule for the language (French takes the singular for 0 and 1).
pub fn counted(n: usize, english: (&str, &str), french_forms: (&str, &str)) -> String {
    let (singular, plural) = if french() { french_forms } else { english };
    let one = workforce_ecosystem::language::plural_one(n as f64);
    format!("{n} {}", if one { singular } else { plural })
}
