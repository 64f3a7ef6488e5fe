//! The text syntax's own messages, in the current language
//! ([`crate::language`]): what the reader expected and found, and what is
//! wrong with a line. The phrases for what is expected ("a player id", "the
//! current score (a number)") are noun phrases, translated as such.

use crate::language::{noun, say};
use crate::validate::wording::{quote, Count};

/// "expected a player id, found "x"".
pub(super) fn expected(what: &str, found: &str) -> String {
    crate::validate::fields::expected_found(&noun(what), found)
}

/// How a token is named where it is not what was expected: a word in
/// quotes, a text as "the text "…"", or the end of the line.
pub(super) fn found(token: Option<(bool, &str)>) -> String {
    match token {
        None => noun("the end of the line").into_owned(),
        Some((true, text)) => {
            let text = quote(text);
            say("text.foundText", &[("text", &text)], || {
                format!("the text {text}")
            })
        }
        Some((false, word)) => quote(word),
    }
}

/// "expected a statement (name, player, …), found "x"".
pub(super) fn statement(keywords: &str, found: &str) -> String {
    say(
        "text.statement",
        &[("keywords", keywords), ("found", found)],
        || format!("expected a statement ({keywords}), found {found}"),
    )
}

/// U+202E as written in messages, and its escape in a text.
fn code(c: char) -> (String, String) {
    (
        format!("U+{:04X}", c as u32),
        format!("\\u{{{:x}}}", c as u32),
    )
}

/// A character that shows nothing, outside quotes.
pub(super) fn unseen(c: char) -> String {
    let (code, escape) = code(c);
    say(
        "text.unseen",
        &[("code", &code), ("escape", &escape)],
        || {
            format!(
            "the character {code} shows nothing; outside quotes write only visible characters, \
             inside them write it as {escape}"
        )
        },
    )
}

/// A raw control character inside quotes.
pub(super) fn control(c: char) -> String {
    let (code, escape) = code(c);
    say(
        "text.control",
        &[("code", &code), ("escape", &escape)],
        || format!("the control character {code} cannot stand in a text; write it as {escape}"),
    )
}

pub(super) fn unclosed() -> String {
    say("text.unclosed", &[], || {
        "this text has no closing quote (\"); a text ends on its own line".into()
    })
}

pub(super) fn bad_escape() -> String {
    // The braces of \u{…} would read as a placeholder in a template.
    let unicode = "\\u{…}";
    say("text.escape", &[("unicode", unicode)], || {
        format!("unknown escape; write \\\" \\\\ \\n \\r \\t or {unicode} with 1 to 6 hex digits")
    })
}

pub(super) fn not_a_character(digits: &str) -> String {
    let escape = format!("\\u{{{digits}}}");
    say("text.notChar", &[("escape", &escape)], || {
        format!("{escape} is not a character")
    })
}

pub(super) fn line_too_long(chars: usize, limit: usize) -> String {
    let (count, limit) = (
        Count(chars as u64).to_string(),
        Count(limit as u64).to_string(),
    );
    say(
        "text.lineTooLong",
        &[("count", &count), ("limit", &limit)],
        || format!("this line is {count} characters long; a line may have at most {limit}"),
    )
}

pub(super) fn too_many_lines(limit: usize) -> String {
    let limit = Count(limit as u64).to_string();
    say("text.tooManyLines", &[("limit", &limit)], || {
        format!("more than {limit} lines; a model's text may have at most {limit}")
    })
}

/// "the name is already given on line 3" (`what`: "the name", "the scale").
pub(super) fn again(what: &str, line: usize) -> String {
    let (what, line) = (noun(what), line.to_string());
    say("text.again", &[("what", &what), ("line", &line)], || {
        format!("{what} is already given on line {line}")
    })
}

/// "weight is given twice" (`what`: a keyword as written, or "the control
/// level", which is translated).
pub(super) fn twice(what: &str) -> String {
    let what = if what == "the control level" {
        noun(what)
    } else {
        what.into()
    };
    say("text.twice", &[("what", &what)], || {
        format!("{what} is given twice")
    })
}

pub(super) fn labels_first() -> String {
    say("text.labelsFirst", &[], || {
        "labels of a scale come after its `scale MIN MAX` line".into()
    })
}

pub(super) fn no_system(id: &str) -> String {
    let id = quote(id);
    say("text.noSystem", &[("id", &id)], || {
        format!("no system {id} is declared above this line")
    })
}

pub(super) fn cell_first() -> String {
    say("text.cellFirst", &[], || {
        "a `cell` line gives a score of the `response` or `snapshot` above it; \
         none is declared above this line"
            .into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_named_as_a_reader_sees_them() {
        assert_eq!(found(None), "the end of the line");
        assert_eq!(found(Some((false, "x\u{202e}"))), "\"x\\u{202e}\"");
        assert_eq!(found(Some((true, "a \"b\""))), "the text \"a \\\"b\\\"\"");
        assert_eq!(
            expected("a player id", "\"x\""),
            "expected a player id, found \"x\""
        );
    }

    #[test]
    fn characters_are_named_by_code_and_escape() {
        assert_eq!(
            control('\u{7}'),
            "the control character U+0007 cannot stand in a text; write it as \\u{7}"
        );
        assert!(unseen('\u{200b}').contains("U+200B"));
        assert_eq!(twice("weight"), "weight is given twice");
        assert_eq!(
            line_too_long(70_000, 65_536),
            "this line is 70,000 characters long; a line may have at most 65,536"
        );
    }
}
