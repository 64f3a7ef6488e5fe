//! The tokens of one line, read from the left, and the parts of a line
//! several statements share: the scores of a cell and the option keywords.

use super::{place, Step};
use crate::model::Score;
use crate::text::lex::{Kind, Token};
use crate::text::wording;
use crate::validate::Problem;

/// The tokens of one line, read from the left.
pub(super) struct Statement {
    pub(super) tokens: Vec<Token>,
    pub(super) next: usize,
    pub(super) line: usize,
    /// The column just past the line's end, where "nothing" is found.
    pub(super) end: usize,
}

impl Statement {
    pub(super) fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.next)
    }

    pub(super) fn column(&self) -> usize {
        self.peek().map_or(self.end, |t| t.column)
    }

    /// What the next token is called in a message.
    pub(super) fn found(&self) -> String {
        wording::found(
            self.peek()
                .map(|t| (t.kind == Kind::Quoted, t.text.as_str())),
        )
    }

    pub(super) fn expected(&self, what: &str) -> Problem {
        place(
            self.line,
            self.column(),
            wording::expected(what, &self.found()),
        )
    }

    /// The next token, taken when `wanted` says so.
    fn take_if(&mut self, wanted: impl FnOnce(&Token) -> bool) -> Option<Token> {
        let t = self.peek().filter(|t| wanted(t))?.clone();
        self.next += 1;
        Some(t)
    }

    /// An id: a word or a quoted text.
    pub(super) fn id(&mut self, what: &str) -> Step<(String, usize)> {
        match self.take_if(|t| t.kind != Kind::Arrow) {
            Some(t) => Ok((t.text, t.column)),
            None => Err(self.expected(what)),
        }
    }

    /// A quoted text.
    pub(super) fn text(&mut self, what: &str) -> Step<(String, usize)> {
        match self.take_if(|t| t.kind == Kind::Quoted) {
            Some(t) => Ok((t.text, t.column)),
            None => Err(self.expected(what)),
        }
    }

    /// A quoted text if one comes next.
    pub(super) fn optional_text(&mut self) -> Option<(String, usize)> {
        self.text("").ok()
    }

    /// A number written as `-12.5` or `1e3`; nothing else (no `inf`, `nan`, `+1`).
    pub(super) fn number(&mut self, what: &str) -> Step<(f64, usize)> {
        let parsed = match self.peek() {
            Some(t) if t.kind == Kind::Word && is_number(&t.text) => read_number(&t.text),
            _ => None,
        };
        match parsed {
            Some(x) => {
                let column = self.column();
                self.next += 1;
                Ok((x, column))
            }
            None => Err(self.expected(what)),
        }
    }

    /// A word that is one of `words`, if one comes next.
    pub(super) fn keyword(&mut self, words: &[&str]) -> Option<(String, usize)> {
        let t = self.take_if(|t| t.kind == Kind::Word && words.contains(&t.text.as_str()))?;
        Some((t.text, t.column))
    }

    pub(super) fn arrow(&mut self) -> bool {
        let is = self.peek().is_some_and(|t| t.kind == Kind::Arrow);
        if is {
            self.next += 1;
        }
        is
    }

    pub(super) fn done(&self) -> bool {
        self.peek().is_none()
    }
}

/// The value of a word [`is_number`] accepts, if finite. serde_json's
/// reader (already in the Wasm module for JSON) rather than std's, which
/// would add its own float parser; JSON refuses leading zeros, which are
/// dropped first.
pub(super) fn read_number(word: &str) -> Option<f64> {
    let (sign, digits) = match word.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", word),
    };
    let trimmed = digits.trim_start_matches('0');
    let digits = if trimmed.starts_with(|c: char| c.is_ascii_digit()) {
        trimmed
    } else {
        // nothing but zeros before the fraction or the end: keep one
        &digits[digits.len() - trimmed.len() - 1..]
    };
    serde_json::from_str::<f64>(&format!("{sign}{digits}"))
        .ok()
        .filter(|x| x.is_finite())
}

/// `-?digits(.digits)?([eE][+-]?digits)?`
pub(super) fn is_number(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let digits = |d: &str| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((whole, frac)) => digits(whole) && digits(frac),
        None => digits(mantissa),
    };
    let exponent_ok = exponent.map_or(true, |e| digits(e.strip_prefix(['+', '-']).unwrap_or(e)));
    mantissa_ok && exponent_ok
}

/// `PLAYER THEME CURRENT [-> TARGET]`: the scores of a `score` or a `cell`
/// line, with the columns of their fields.
pub(super) fn scores(s: &mut Statement) -> Step<(Score, Vec<(&'static str, usize)>)> {
    let [(player, player_at), (theme, theme_at)] = cell(s)?;
    let (current, current_at) = s.number("the current score (a number)")?;
    let mut fields = vec![
        ("player", player_at),
        ("theme", theme_at),
        ("current", current_at),
    ];
    let mut target = None;
    if s.arrow() {
        let (t, at) = s.number("the target score (a number) after the arrow")?;
        target = Some(t);
        fields.push(("target", at));
    }
    let score = Score {
        theme,
        player,
        unit: None,
        current,
        target,
    };
    Ok((score, fields))
}

/// `PLAYER THEME`: the cell a `score` or an `owner` line is about.
pub(super) fn cell(s: &mut Statement) -> Step<[(String, usize); 2]> {
    Ok([s.id("a player id")?, s.id("a theme id")?])
}

/// The option keyword among `keys` that comes next, if any, stepping over
/// it; each may come once (`seen` holds those already given).
pub(super) fn option(
    s: &mut Statement,
    keys: &[&'static str],
    seen: &mut u32,
) -> Step<Option<&'static str>> {
    let Some(t) = s.peek() else { return Ok(None) };
    let Some(i) = keys
        .iter()
        .position(|k| t.kind == Kind::Word && *k == t.text)
    else {
        return Ok(None);
    };
    if *seen & (1 << i) != 0 {
        return Err(place(s.line, t.column, wording::twice(keys[i])));
    }
    *seen |= 1 << i;
    s.next += 1;
    Ok(Some(keys[i]))
}
