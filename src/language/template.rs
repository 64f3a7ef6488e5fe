//! Filling a template's `{name}` placeholders, eliding a word before a
//! vowel as French does. One filler serves a catalogue's templates and the
//! English templates of [`say_template`](super::say_template), so both read
//! placeholders alike; it is handed the elisions rather than reading the
//! current language, so that English, which has none, passes none.

use std::fmt::{self, Write};

/// Writes `template` with each `{name}` replaced by its value in `args`
/// (values are written as they are, never read as templates); a name
/// without a value stays as written. A word of `elisions` (with its space)
/// right before a value that starts with a vowel is written elided.
pub(super) fn fill(
    out: &mut dyn Write,
    template: &str,
    args: &[(&str, &str)],
    elisions: &[(String, String)],
) -> fmt::Result {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let before = &rest[..open];
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.write_str(before)?;
            out.write_char('{')?;
            rest = after;
            continue;
        };
        let name = &after[..close];
        match args.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => {
                match elided(before, value, elisions) {
                    Some((kept, elided)) => {
                        out.write_str(kept)?;
                        out.write_str(elided)?;
                    }
                    None => out.write_str(before)?,
                }
                out.write_str(value)?;
            }
            None => {
                out.write_str(before)?;
                write!(out, "{{{name}}}")?;
            }
        }
        rest = &after[close + 1..];
    }
    out.write_str(rest)
}

/// `before` without its last word and that word's elided form, when the
/// word is one of `elisions` (each written with its space: `"de "`), a whole
/// word, and `value` starts with a vowel.
fn elided<'t, 'e>(
    before: &'t str,
    value: &str,
    elisions: &'e [(String, String)],
) -> Option<(&'t str, &'e str)> {
    // names in sentences come isolated for bidirectional text (crate::bidi)
    let first = value
        .trim_start_matches(['\u{2066}', '\u{2067}', '\u{2068}'])
        .chars()
        .next()?;
    // both cases spelled out: `to_lowercase` would bring Unicode's case
    // tables (some 10 KB) into the embeddable diagram's module
    if !"aeiouyàâäéèêëîïôöùûüœæAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ".contains(first)
    {
        return None;
    }
    elisions.iter().find_map(|(word, elided)| {
        let kept = before.strip_suffix(word.as_str())?;
        let whole = kept
            .chars()
            .next_back()
            .map_or(true, |c| !c.is_alphanumeric());
        whole.then_some((kept, elided.as_str()))
    })
}
