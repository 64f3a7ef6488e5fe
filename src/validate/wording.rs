//! How problem messages show the values they complain about: quoted, escaped,
//! shortened, and never able to act on the terminal or page that shows them.

use serde_json::Value;

/// Longest stretch of a user's text repeated in a message, in characters.
const QUOTE_CHARS: usize = 60;
/// How many known ids a message lists before summarising the rest.
const KNOWN_SHOWN: usize = 8;

/// `s` in double quotes, with quotes, backslashes, control characters and
/// bidirectional overrides escaped, and cut after `QUOTE_CHARS` characters.
/// Escaping the bidi controls keeps a hostile id from reversing the rest of
/// the message line.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(QUOTE_CHARS * 2) + 2);
    out.push('"');
    push_escaped(&mut out, s);
    out.push('"');
    out
}

/// `s` escaped and cut as [`quote`] does, without the quotes: for a name
/// that a message already sets in quotes of its own (a CSV column).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(QUOTE_CHARS * 2));
    push_escaped(&mut out, s);
    out
}

fn push_escaped(out: &mut String, s: &str) {
    for (n, c) in s.chars().enumerate() {
        if n == QUOTE_CHARS {
            out.push('…');
            break;
        }
        push_escaped_char(out, c, is_bidi_control);
    }
}

/// `c` as a quoted text shows it: `"`, `\\`, line breaks and tabs as their
/// escapes, controls and the characters `unseen` picks as `\\u{…}`, the
/// rest as itself. Messages escape bidi controls; the text syntax
/// ([`crate::text`]) every character that shows nothing.
pub(crate) fn push_escaped_char(out: &mut String, c: char, unseen: fn(char) -> bool) {
    match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if c.is_control() || unseen(c) => {
            out.push_str(&format!("\\u{{{:04x}}}", c as u32));
        }
        c => out.push(c),
    }
}

/// A count as people read it: 98900 → "98,900".
#[derive(Debug, Clone, Copy)]
pub struct Count(pub u64);

impl std::fmt::Display for Count {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let digits = self.0.to_string();
        let language = crate::language::current();
        let separator = language
            .as_ref()
            .and_then(|l| l.text("number.thousands"))
            .unwrap_or(",");
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                f.write_str(separator)?;
            }
            write!(f, "{c}")?;
        }
        Ok(())
    }
}

/// A size in bytes as people read it: "52.3 MB", or the exact number of
/// bytes when that is too close to `limit` to tell them apart in MB.
pub fn size(bytes: u64, limit: u64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    let shown = crate::decimal::fixed(bytes as f64 / MB, 1);
    if bytes > limit && shown == crate::decimal::fixed(limit as f64 / MB, 1) {
        let count = Count(bytes).to_string();
        say("size.bytes", &[("count", &count)], || {
            format!("{count} bytes")
        })
    } else {
        let value = crate::language::number(shown.clone());
        say("size.mb", &[("value", &value)], || format!("{shown} MB"))
    }
}

use crate::bidi::is_bidi_control;
use crate::language::{noun, say};

/// A number as people write it: `5`, `0.5`, `-3`, `1e300` (`0,5` in
/// French).
pub fn num(x: f64) -> String {
    crate::language::number(if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e15 {
        crate::decimal::fixed(x, 0)
    } else {
        format!("{x:?}")
    })
}

/// What a JSON value is, for "expected X, found Y" messages.
pub fn describe(v: &Value) -> String {
    let (key, value) = match v {
        Value::Null => return "null".into(),
        Value::Bool(b) => ("value.boolean", b.to_string()),
        Value::Number(n) => ("value.number", n.to_string()),
        Value::String(s) => ("value.string", quote(s)),
        Value::Array(a) if a.is_empty() => return noun("an empty array").into_owned(),
        Value::Array(_) => return noun("an array").into_owned(),
        Value::Object(_) => return noun("an object").into_owned(),
    };
    say(key, &[("value", &value)], || match v {
        Value::Bool(_) => format!("the boolean {value}"),
        Value::Number(_) => format!("the number {value}"),
        _ => format!("the string {value}"),
    })
}

/// `(known: a, b, c)`, shortened after `KNOWN_SHOWN` ids, or a note that
/// there are none.
pub fn known<'a>(ids: impl ExactSizeIterator<Item = &'a str>, none: &str) -> String {
    let total = ids.len();
    if total == 0 {
        return format!("({})", noun(none));
    }
    let (mut list, _) = shown_ids(ids, KNOWN_SHOWN);
    if total > KNOWN_SHOWN {
        let count = (total - KNOWN_SHOWN).to_string();
        list = say("known.more", &[("ids", &list), ("count", &count)], || {
            format!("{list}, … {count} more")
        });
    }
    say("known", &[("ids", &list)], || format!("(known: {list})"))
}

/// The first `at_most` of `ids`, comma-separated, each as [`shown_id`]
/// shows it; and whether there are more.
pub(crate) fn shown_ids<'a>(
    ids: impl IntoIterator<Item = &'a str>,
    at_most: usize,
) -> (String, bool) {
    let mut ids = ids.into_iter();
    let mut list = String::new();
    for (i, id) in ids.by_ref().take(at_most).enumerate() {
        if i > 0 {
            list.push_str(", ");
        }
        list.push_str(&shown_id(id));
    }
    (list, ids.next().is_some())
}

/// [`shown_ids`], with `…` after the last when there are more.
pub(crate) fn first_ids<'a>(ids: impl IntoIterator<Item = &'a str>, at_most: usize) -> String {
    match shown_ids(ids, at_most) {
        (list, true) => format!("{list}, …"),
        (list, false) => list,
    }
}

/// Ids made of ordinary characters are listed bare, as the issue's examples
/// show them; anything else is quoted so it cannot blur the list.
pub(crate) fn shown_id(id: &str) -> String {
    let plain = !id.is_empty()
        && id.chars().count() <= QUOTE_CHARS
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | ':'));
    if plain {
        id.to_string()
    } else {
        quote(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_escapes_and_shortens() {
        assert_eq!(quote("hr"), "\"hr\"");
        assert_eq!(quote("a\"b\\c\nd"), r#""a\"b\\c\nd""#);
        assert_eq!(quote("\u{1b}[31m"), r#""\u{001b}[31m""#);
        assert_eq!(quote("ab\u{202e}cd"), r#""ab\u{202e}cd""#);
        let long = "é".repeat(100);
        let q = quote(&long);
        assert_eq!(q.chars().count(), QUOTE_CHARS + 3);
        assert!(q.ends_with("…\""));
        assert_eq!(quote("🙂 שלום"), "\"🙂 שלום\"");
    }

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(num(5.0), "5");
        assert_eq!(num(-3.0), "-3");
        assert_eq!(num(0.5), "0.5");
        assert_eq!(num(1e300), "1e300");
        assert_eq!(num(f64::NAN), "NaN");
        assert_eq!(num(1.5e-7), "1.5e-7");
        assert_eq!(num(-0.0), "0");
    }

    #[test]
    fn known_lists_shorten() {
        let ids = ["a", "b", "c"];
        assert_eq!(known(ids.iter().copied(), "none"), "(known: a, b, c)");
        assert_eq!(known([].iter().copied(), "no units"), "(no units)");
        let many: Vec<String> = (0..12).map(|i| format!("p{i}")).collect();
        let k = known(many.iter().map(|s| s.as_str()), "none");
        assert_eq!(k, "(known: p0, p1, p2, p3, p4, p5, p6, p7, … 4 more)");
        assert_eq!(
            known(["<b>x</b>", "ok"].iter().copied(), "none"),
            "(known: \"<b>x</b>\", ok)"
        );
    }

    #[test]
    fn describe_names_the_value() {
        assert_eq!(describe(&serde_json::json!("x")), "the string \"x\"");
        assert_eq!(describe(&serde_json::json!(3)), "the number 3");
        assert_eq!(describe(&serde_json::json!(null)), "null");
        assert_eq!(describe(&serde_json::json!([])), "an empty array");
        assert_eq!(describe(&serde_json::json!({})), "an object");
    }
}
