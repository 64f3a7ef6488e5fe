//! Untrusted text on its way into the SVG.
//!
//! Every attribute value and text node the SVG writer (`writer.rs`) writes
//! goes through `push_escaped`: `& < >` are escaped in text and `& < > " '` in
//! attribute values (as the `svg` crate this replaced did), so markup cannot
//! get in, and characters XML 1.0 forbids even when escaped (most C0
//! controls, U+FFFE, U+FFFF) become U+FFFD, since one of those would make a
//! standalone file unreadable.

/// `text` with every character XML 1.0 cannot carry replaced by U+FFFD.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        out.push(if allowed(c) { c } else { '\u{FFFD}' });
    }
    out
}

fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Appends `text` cleaned (see [`clean`]) and escaped for a text node, or
/// for a double-quoted attribute value when `in_attribute`.
pub(super) fn push_escaped(out: &mut String, text: &str, in_attribute: bool) {
    let mut plain_from = 0;
    for (i, c) in text.char_indices() {
        let replacement = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' if in_attribute => "&quot;",
            '\'' if in_attribute => "&apos;",
            c if !allowed(c) => "\u{FFFD}",
            _ => continue,
        };
        // `get`, not indexing: both ends are char boundaries, and indexing
        // would pull core's slice-error formatting into the Wasm.
        out.push_str(text.get(plain_from..i).unwrap_or_default());
        out.push_str(replacement);
        plain_from = i + c.len_utf8();
    }
    out.push_str(text.get(plain_from..).unwrap_or_default());
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
            clean("a\u{0}b\u{1b}c\u{FFFF}"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}"
        );
        assert_eq!(clean("<tab>\there & 😀"), "<tab>\there & 😀");
    }

    fn escaped(text: &str, in_attribute: bool) -> String {
        let mut out = String::from("~");
        push_escaped(&mut out, text, in_attribute);
        out
    }

    #[test]
    fn markup_is_escaped_and_forbidden_characters_replaced() {
        let nasty = "<a href='x'>\"&amp;\"</a>\u{0}\u{FFFE}é😀\t\n";
        assert_eq!(
            escaped(nasty, false),
            "~&lt;a href='x'&gt;\"&amp;amp;\"&lt;/a&gt;\u{FFFD}\u{FFFD}é😀\t\n"
        );
        assert_eq!(
            escaped(nasty, true),
            "~&lt;a href=&apos;x&apos;&gt;&quot;&amp;amp;&quot;&lt;/a&gt;\u{FFFD}\u{FFFD}é😀\t\n"
        );
        assert_eq!(escaped("", true), "~");
        assert_eq!(escaped("plain text", true), "~plain text");
    }

    #[test]
    fn escaping_is_clean_then_the_svg_crates_replacements() {
        // The rule the writer took over, spelled out as the old code applied it.
        let old = |s: &str, attr: bool| {
            let s = clean(s)
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            let s = if attr {
                s.replace('"', "&quot;").replace('\'', "&apos;")
            } else {
                s
            };
            format!("~{s}")
        };
        for s in [
            "a&b<c>d\"e'f",
            "\u{1}\u{1f}\u{7f}\u{85}",
            "&amp;&lt;",
            "'\"'",
        ] {
            assert_eq!(escaped(s, false), old(s, false), "{s:?}");
            assert_eq!(escaped(s, true), old(s, true), "{s:?}");
        }
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
