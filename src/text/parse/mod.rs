//! Reads the text syntax (docs/text-syntax.md) into a model, line by line,
//! remembering where each item and field was written so that the
//! validator's problems — which name JSON paths — can be shown at their line
//! and column.
//!
//! Only the syntax is checked here: the limits on every text and list and
//! the rules are the validator's (`validate::check_model`), the same as for
//! JSON, so a model means the same whichever way it was written. What the
//! syntax alone can make costly is limited here, while reading: the size of
//! the text, the number of lines, the length of a line and the number of
//! list items.
//!
//! A line's tokens are read from the left in `statement`; the statements
//! build the model in `framework` (name, players, themes, units, scale,
//! scores), `ecosystem` (contributors, owners, systems, links) and `voices`
//! (respondent, responses, snapshots and their cells); `places` keeps where
//! each part was written.

mod ecosystem;
mod framework;
mod places;
mod statement;
#[cfg(test)]
mod tests;
mod voices;

use super::lex;
use super::wording;
use super::{MAX_LINES, MAX_LINE_CHARS};
use crate::model::Model;
use crate::validate::{self, limits, Invalid, Problem};
use places::{ItemAt, Places};
use statement::Statement;
use std::collections::HashMap;

/// The statements' keywords, as the syntax lists them.
pub(super) const KEYWORDS: &[&str] = &[
    "name",
    "player",
    "theme",
    "scale",
    "labels",
    "unit",
    "score",
    "contributor",
    "owner",
    "system",
    "tracks",
    "link",
    "respondent",
    "response",
    "snapshot",
    "cell",
];

/// The model's JSON value and the places of its paths, or every syntax
/// problem of the text (the first [`limits::MAX_PROBLEMS`] listed).
pub(super) fn read(text: &str) -> Result<(Model, Places), Invalid> {
    if text.len() > validate::MAX_BYTES {
        return Err(validate::too_large_as("the model", text.len() as u64));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut b = Builder::new();
    let mut problems = Vec::new();
    for (n, line) in text.split('\n').enumerate() {
        let number = n + 1;
        if number > MAX_LINES {
            return Err(at_line(number, 1, wording::too_many_lines(MAX_LINES)));
        }
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some(chars) = limits::over(line, MAX_LINE_CHARS) {
            problems.push(place(
                number,
                1,
                wording::line_too_long(chars, MAX_LINE_CHARS),
            ));
            continue;
        }
        let tokens = match lex::tokens(line) {
            Ok(t) => t,
            Err(e) => {
                problems.push(place(number, e.column, e.message));
                continue;
            }
        };
        if tokens.is_empty() {
            continue;
        }
        let mut s = Statement {
            tokens,
            next: 0,
            line: number,
            end: line.chars().count() + 1,
        };
        if let Err(p) = b.statement(&mut s) {
            problems.push(p);
        }
        if b.items > validate::MAX_ITEMS {
            return Err(validate::over_items());
        }
        if problems.len() > limits::MAX_PROBLEMS * 10 {
            break;
        }
    }
    if !problems.is_empty() {
        return Err(Invalid::new(problems));
    }
    Ok((b.model, b.places))
}

fn place(line: usize, column: usize, message: String) -> Problem {
    Problem {
        path: String::new(),
        message,
        line: Some(line),
        column: Some(column),
    }
}

fn at_line(line: usize, column: usize, message: String) -> Invalid {
    Invalid::new(vec![place(line, column, message)])
}

type Step<T> = Result<T, Problem>;

/// The model as its statements build it, and where each part was written.
struct Builder {
    model: Model,
    /// Whether a `player` (`theme`) line replaced the standard players (themes).
    players: bool,
    themes: bool,
    /// The lines of the `name` and `scale` statements.
    name_line: Option<usize>,
    scale_line: Option<usize>,
    /// The last system declared with each id, for `tracks`.
    system_index: HashMap<String, usize>,
    /// The line of the `respondent` statement.
    respondent_line: Option<usize>,
    /// The response or snapshot declared last above (0: a response, 1: a
    /// snapshot; its index), which `cell` lines add to.
    block: Option<(usize, usize)>,
    places: Places,
    items: usize,
}

impl Builder {
    fn new() -> Builder {
        Builder {
            model: Model::empty(""),
            players: false,
            themes: false,
            name_line: None,
            scale_line: None,
            system_index: HashMap::new(),
            respondent_line: None,
            block: None,
            places: Places::default(),
            items: 0,
        }
    }

    fn statement(&mut self, s: &mut Statement) -> Step<()> {
        let Some((keyword, column)) = s.keyword(KEYWORDS) else {
            let message = wording::statement(&KEYWORDS.join(", "), &s.found());
            return Err(place(s.line, s.column(), message));
        };
        let at = (s.line, column);
        match keyword.as_str() {
            "name" => self.name(s, column)?,
            "player" | "theme" | "unit" => self.item(s, at, &keyword)?,
            "scale" => self.scale(s, column)?,
            "labels" => self.labels(s)?,
            "score" => self.score(s, at)?,
            "contributor" => self.contributor(s, at)?,
            "owner" => self.owner(s, at)?,
            "system" => self.system(s, at)?,
            "tracks" => self.tracks(s)?,
            "link" => self.link(s, at)?,
            "respondent" => self.respondent(s, column)?,
            "response" => self.response(s, at)?,
            "snapshot" => self.snapshot(s, at)?,
            _ => self.cell(s, at)?,
        }
        if s.done() {
            Ok(())
        } else {
            Err(s.expected("the end of the line"))
        }
    }

    /// Records an item of `list` written at `at`, with its fields' columns.
    fn placed(
        &mut self,
        list: &'static str,
        at: (usize, usize),
        fields: Vec<(&'static str, usize)>,
    ) {
        self.items += 1;
        self.places.list(list).push(ItemAt {
            line: at.0,
            column: at.1,
            fields,
        });
    }
}
