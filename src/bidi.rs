//! Keeping a user's text from reordering the text around it.
//!
//! A label may hold right-to-left script, or bidirectional controls such as
//! an unclosed U+202E (right-to-left override), which in a sentence such as
//! "The maturity of [U+202E]HR on Integration…" would reverse everything
//! after the label. Wherever the core puts model text inside text of its own — the
//! findings' sentences, the Markdown report — it isolates it: U+2068 (first
//! strong isolate) before, U+2069 (pop directional isolate) after, which
//! also ends any embedding or override left open inside. HTML writers use
//! `<bdi>` for the same purpose.
//!
//! Text with neither right-to-left letters nor bidi controls cannot affect
//! its surroundings in the core's left-to-right sentences, and is written as
//! it is: the marks are invisible but not free (terminals may show them), and
//! ordinary reports stay byte-for-byte what they were.

use std::borrow::Cow;
use std::fmt::{self, Write};

/// U+2068 FIRST STRONG ISOLATE.
pub const FSI: char = '\u{2068}';
/// U+2069 POP DIRECTIONAL ISOLATE.
pub const PDI: char = '\u{2069}';

/// The explicit bidirectional formatting characters, and the marks.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana,
/// N'Ko and their neighbours, and their presentation forms).
pub(crate) fn is_right_to_left(c: char) -> bool {
    matches!(
        c,
        '\u{0590}'..='\u{08ff}'
            | '\u{fb1d}'..='\u{fdff}'
            | '\u{fe70}'..='\u{feff}'
            | '\u{10800}'..='\u{10fff}'
            | '\u{1e800}'..='\u{1efff}'
    )
}

/// Whether `text` could change the direction of the text around it.
pub fn needs_isolation(text: &str) -> bool {
    text.chars()
        .any(|c| is_bidi_control(c) || is_right_to_left(c))
}

/// Writes `text` isolated from what surrounds it (see the module's doc).
/// Isolates the text opens itself are closed before the final U+2069, and
/// a U+2069 of its own with nothing of its own to close (which would close
/// the isolate around it) is left out.
///
/// One compiled copy for every writer (`dyn`): it sits in the sentences'
/// hot path only for labels that need it.
pub fn write_isolated(out: &mut dyn Write, text: &str) -> fmt::Result {
    if !needs_isolation(text) {
        return out.write_str(text);
    }
    write_marked(out, text)
}

fn write_marked(out: &mut dyn Write, text: &str) -> fmt::Result {
    out.write_char(FSI)?;
    let mut open = 0usize;
    for c in text.chars() {
        match c {
            '\u{2066}'..='\u{2068}' => {
                open += 1;
                out.write_char(c)?;
            }
            PDI if open == 0 => {}
            PDI => {
                open -= 1;
                out.write_char(c)?;
            }
            c => out.write_char(c)?,
        }
    }
    for _ in 0..open {
        out.write_char(PDI)?;
    }
    out.write_char(PDI)
}

/// `text` isolated, as [`write_isolated`] writes it.
pub fn isolate(text: &str) -> Cow<'_, str> {
    if !needs_isolation(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let _ = write_isolated(&mut out, text);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_left_alone() {
        for s in ["", "HR", "Société Générale", "👩🏽‍💻 crews", "<b>&amp;"] {
            assert_eq!(isolate(s), s);
        }
    }

    #[test]
    fn right_to_left_text_and_controls_are_isolated() {
        assert_eq!(isolate("שלום"), "\u{2068}שלום\u{2069}");
        assert_eq!(isolate("مرحبا"), "\u{2068}مرحبا\u{2069}");
        // An unclosed override ends with the isolate around it.
        assert_eq!(
            isolate("\u{202e}gnp.exe"),
            "\u{2068}\u{202e}gnp.exe\u{2069}"
        );
        // An isolate the text opens is closed; a stray close is dropped, so
        // the text cannot close the isolate around it early.
        assert_eq!(isolate("a\u{2067}b"), "\u{2068}a\u{2067}b\u{2069}\u{2069}");
        assert_eq!(isolate("a\u{2069}b"), "\u{2068}ab\u{2069}");
        assert_eq!(
            isolate("\u{2066}x\u{2069}\u{2069}y"),
            "\u{2068}\u{2066}x\u{2069}y\u{2069}"
        );
    }

    #[test]
    fn every_isolate_is_balanced() {
        for s in [
            "\u{2069}\u{2069}\u{2066}",
            "\u{2068}\u{2068}\u{202e}x",
            "a\u{200f}",
        ] {
            let out = isolate(s);
            let mut depth = 0i32;
            for c in out.chars() {
                match c {
                    '\u{2066}'..='\u{2068}' => depth += 1,
                    PDI => depth -= 1,
                    _ => {}
                }
                assert!(depth >= 0, "{out:?}");
            }
            assert_eq!(depth, 0, "{out:?}");
        }
    }
}
