//! Untrusted text on its way into the SVG.
//!
//! The `svg` crate escapes `& < >` in text and `& < > " '` in attribute values
//! (svg 0.18: `node::text::escape` and `node::element::escape`), so markup
//! cannot get in. What it lets through are characters XML 1.0 forbids even
//! when escaped (most C0 controls, U+FFFE, U+FFFF): one of those would make a
//! standalone file unreadable, so [`clean`] turns them into U+FFFD, and the
//! C1 controls and DEL with them, which XML discourages and a terminal reads
//! as escape sequences. The
//! markup the crate writes never contains one, so cleaning the finished
//! document cleans exactly the text and attribute values in it, and no
//! piece of text can be forgotten.

/// `text` with every character XML 1.0 cannot carry, and every other control
/// but tab and line breaks, replaced by U+FFFD.
pub fn clean(text: String) -> String {
    if text.chars().all(allowed) {
        return text;
    }
    text.chars()
        .map(|c| if allowed(c) { c } else { '\u{FFFD}' })
        .collect()
}

fn allowed(c: char) -> bool {
    // C1 controls (U+0080–U+009F) are XML, but discouraged there; one of them
    // in a file printed to a terminal starts an escape sequence.
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{7E}' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// A coordinate as written in the SVG: two decimals at most, no "-0".
pub fn num(v: f64) -> String {
    crate::decimal::fixed(v, 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_replaced_and_the_rest_kept() {
        assert_eq!(
            clean("a\u{0}b\u{1b}c\u{FFFF}\u{FFFE}\u{9b}\u{7f}".into()),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
        );
        assert_eq!(clean("<tab>\there & 😀\r\n".into()), "<tab>\there & 😀\r\n");
        assert_eq!(clean(String::new()), "");
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(12.346), "12.35");
        assert_eq!(num(-3.1), "-3.1");
        assert_eq!(num(259.8076211353316), "259.81");
    }
}
