//! Splits one line of the text syntax into its tokens: bare words, quoted
//! texts (with their escapes undone) and arrows, each with the column it
//! starts at. A `#` that begins a token starts a comment to the end of the
//! line.
//!
//! Control characters and characters that show nothing (bidi controls,
//! zero-width characters) are refused outside quotes: a word must look like
//! what it is. Inside quotes they are allowed except for raw controls, which
//! must be written as escapes, so that a line of the text is always one line
//! on screen.

use super::wording;
use crate::validate::limits::invisible;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A run of visible characters: a keyword, an id or a number.
    Word,
    /// A text in double quotes, escapes undone.
    Quoted,
    /// `->` or `→`.
    Arrow,
}

/// One token of a line.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Token {
    pub kind: Kind,
    pub text: String,
    /// 1-based column, in characters, where the token starts.
    pub column: usize,
}

/// A line that cannot be split: where and why.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct LexError {
    pub column: usize,
    pub message: String,
}

/// The tokens of `line` (which holds no line break).
pub(super) fn tokens(line: &str) -> Result<Vec<Token>, LexError> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let column = i + 1;
        if c.is_whitespace() {
            i += 1;
        } else if c == '#' {
            break;
        } else if c == '"' {
            let (text, next) = quoted(&chars, i)?;
            out.push(Token {
                kind: Kind::Quoted,
                text,
                column,
            });
            i = next;
        } else if is_arrow(&chars, i) {
            let len = if c == '→' { 1 } else { 2 };
            out.push(Token {
                kind: Kind::Arrow,
                text: chars[i..i + len].iter().collect(),
                column,
            });
            i += len;
        } else if c.is_control() || invisible(c) {
            return Err(unseen(column, c));
        } else {
            let start = i;
            while chars.get(i).is_some_and(|&c| {
                !(c.is_whitespace() || c == '"' || c.is_control() || invisible(c))
            }) && !is_arrow(&chars, i)
            {
                i += 1;
            }
            out.push(Token {
                kind: Kind::Word,
                text: chars[start..i].iter().collect(),
                column,
            });
        }
    }
    Ok(out)
}

fn is_arrow(chars: &[char], i: usize) -> bool {
    match chars.get(i) {
        Some('→') => true,
        Some('-') => chars.get(i + 1) == Some(&'>'),
        _ => false,
    }
}

fn unseen(column: usize, c: char) -> LexError {
    LexError {
        column,
        message: wording::unseen(c),
    }
}

/// The text of the quoted token opening at `start`, and the index after
/// its closing quote.
fn quoted(chars: &[char], start: usize) -> Result<(String, usize), LexError> {
    let mut text = String::new();
    let mut i = start + 1;
    loop {
        let Some(&c) = chars.get(i) else {
            return Err(LexError {
                column: start + 1,
                message: wording::unclosed(),
            });
        };
        match c {
            '"' => return Ok((text, i + 1)),
            '\\' => {
                let (c, next) = escape(chars, i)?;
                text.push(c);
                i = next;
            }
            c if c.is_control() => {
                return Err(LexError {
                    column: i + 1,
                    message: wording::control(c),
                });
            }
            c => {
                text.push(c);
                i += 1;
            }
        }
    }
}

/// The character the escape at `at` (a backslash) stands for, and the
/// index after it.
fn escape(chars: &[char], at: usize) -> Result<(char, usize), LexError> {
    let bad = |column: usize| LexError {
        column,
        message: wording::bad_escape(),
    };
    let simple = match chars.get(at + 1) {
        Some('"') => '"',
        Some('\\') => '\\',
        Some('n') => '\n',
        Some('r') => '\r',
        Some('t') => '\t',
        Some('u') => {
            if chars.get(at + 2) != Some(&'{') {
                return Err(bad(at + 1));
            }
            let digits: String = chars
                .iter()
                .skip(at + 3)
                .take_while(|c| c.is_ascii_hexdigit())
                .take(7)
                .collect();
            let close = at + 3 + digits.chars().count();
            if digits.is_empty() || digits.len() > 6 || chars.get(close) != Some(&'}') {
                return Err(bad(at + 1));
            }
            let c = u32::from_str_radix(&digits, 16)
                .ok()
                .and_then(char::from_u32)
                .ok_or_else(|| LexError {
                    column: at + 1,
                    message: wording::not_a_character(&digits),
                })?;
            return Ok((c, close + 1));
        }
        _ => return Err(bad(at + 1)),
    };
    Ok((simple, at + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(line: &str) -> Vec<(Kind, String, usize)> {
        tokens(line)
            .unwrap()
            .into_iter()
            .map(|t| (t.kind, t.text, t.column))
            .collect()
    }

    #[test]
    fn words_texts_arrows_and_comments() {
        use Kind::*;
        assert_eq!(
            kinds("score hr  \"a \\\"b\\\"\\n\\u{202e}\" 1->3 → # comment \"x"),
            vec![
                (Word, "score".into(), 1),
                (Word, "hr".into(), 7),
                (Quoted, "a \"b\"\n\u{202e}".into(), 11),
                (Word, "1".into(), 31),
                (Arrow, "->".into(), 32),
                (Word, "3".into(), 34),
                (Arrow, "→".into(), 36),
            ]
        );
        assert_eq!(
            kinds("a#b -5"),
            vec![(Word, "a#b".into(), 1), (Word, "-5".into(), 5)]
        );
        assert!(kinds("   # only a comment").is_empty());
    }

    #[test]
    fn bad_lines_say_where() {
        let err = |line: &str| tokens(line).unwrap_err();
        let e = err("unit \"Retail");
        assert_eq!(e.column, 6);
        assert!(e.message.contains("no closing quote"), "{}", e.message);
        assert_eq!(err("unit \"a\\qb\"").column, 8);
        assert_eq!(err("unit \"\\u{110000}\"").column, 7);
        assert_eq!(err("unit \"\\u{}\"").column, 7);
        let e = err("unit ab\u{202e}c");
        assert_eq!(e.column, 8);
        assert!(e.message.contains("U+202E"), "{}", e.message);
        let e = err("unit \"a\u{7}\"");
        assert_eq!(e.column, 8);
        assert!(e.message.contains("\\u{7}"), "{}", e.message);
        assert_eq!(err("\u{0}").column, 1);
    }
}
