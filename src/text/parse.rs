//! Reads the text syntax (docs/text-syntax.md) into the model's JSON value,
//! line by line, remembering where each item and field was written so that
//! the validator's problems — which name JSON paths — can be shown at their
//! line and column.
//!
//! Only the syntax is checked here: the shape, the limits on every text and
//! the rules are the JSON reader's (`validate::check_value`), so a model
//! means the same whichever way it was written. What the syntax alone can
//! make costly is limited here, while reading: the size of the text, the
//! number of lines, the length of a line and the number of list items.

use super::lex::{self, Kind, Token};
use super::wording;
use super::{MAX_LINES, MAX_LINE_CHARS};
use crate::framework;
use crate::model::SCHEMA_V1;
use crate::validate::{self, limits, Invalid, Problem};
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// Where each JSON path of the value was written: (line, column), 1-based.
pub(super) type Places = HashMap<String, (usize, usize)>;

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
];

/// The model's JSON value and the places of its paths, or every syntax
/// problem of the text (the first [`limits::MAX_PROBLEMS`] listed).
pub(super) fn read(text: &str) -> Result<(Value, Places), Invalid> {
    if text.len() > validate::MAX_BYTES {
        return Err(validate::too_large_as("the model", text.len() as u64));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut b = Builder::default();
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
    Ok(b.finish())
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

/// The tokens of one line, read from the left.
struct Statement {
    tokens: Vec<Token>,
    next: usize,
    line: usize,
    /// The column just past the line's end, where "nothing" is found.
    end: usize,
}

type Step<T> = Result<T, Problem>;

impl Statement {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.next)
    }

    fn column(&self) -> usize {
        self.peek().map_or(self.end, |t| t.column)
    }

    /// What the next token is called in a message.
    fn found(&self) -> String {
        wording::found(
            self.peek()
                .map(|t| (t.kind == Kind::Quoted, t.text.as_str())),
        )
    }

    fn expected(&self, what: &str) -> Problem {
        place(
            self.line,
            self.column(),
            wording::expected(what, &self.found()),
        )
    }

    fn take(&mut self) -> Option<Token> {
        let t = self.tokens.get(self.next).cloned();
        self.next += 1;
        t
    }

    /// An id: a word or a quoted text.
    fn id(&mut self, what: &str) -> Step<(String, usize)> {
        match self.peek() {
            Some(t) if t.kind != Kind::Arrow => {
                let t = self.take().unwrap_or_else(|| unreachable!());
                Ok((t.text, t.column))
            }
            _ => Err(self.expected(what)),
        }
    }

    /// A quoted text.
    fn text(&mut self, what: &str) -> Step<(String, usize)> {
        match self.peek() {
            Some(t) if t.kind == Kind::Quoted => {
                let t = self.take().unwrap_or_else(|| unreachable!());
                Ok((t.text, t.column))
            }
            _ => Err(self.expected(what)),
        }
    }

    /// A quoted text if one comes next.
    fn optional_text(&mut self) -> Option<(String, usize)> {
        self.text("").ok()
    }

    /// A number written as `-12.5` or `1e3`; nothing else (no `inf`, `nan`, `+1`).
    fn number(&mut self, what: &str) -> Step<(f64, usize)> {
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
    fn keyword(&mut self, words: &[&str]) -> Option<(String, usize)> {
        let t = self.peek()?;
        if t.kind == Kind::Word && words.contains(&t.text.as_str()) {
            let t = self.take()?;
            return Some((t.text, t.column));
        }
        None
    }

    fn arrow(&mut self) -> bool {
        let is = self.peek().is_some_and(|t| t.kind == Kind::Arrow);
        if is {
            self.next += 1;
        }
        is
    }

    fn done(&self) -> bool {
        self.peek().is_none()
    }
}

/// The value of a word [`is_number`] accepts, if finite. serde_json's
/// reader (already in the Wasm module for JSON) rather than std's, which
/// would add its own float parser; JSON refuses leading zeros, which are
/// dropped first.
fn read_number(word: &str) -> Option<f64> {
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
fn is_number(s: &str) -> bool {
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

/// The model as its statements build it, and where each part was written.
#[derive(Default)]
struct Builder {
    name: Option<(Value, usize)>,
    players: Vec<Value>,
    themes: Vec<Value>,
    /// min, max and the line of the `scale` statement
    scale: Option<(f64, f64, usize)>,
    labels: Vec<Value>,
    units: Vec<Value>,
    assessments: Vec<Value>,
    contributors: Vec<Value>,
    responsibilities: Vec<Value>,
    systems: Vec<Map<String, Value>>,
    /// The last system declared with each id, for `tracks`.
    system_index: HashMap<String, usize>,
    integrations: Vec<Value>,
    places: Places,
    items: usize,
}

/// Lists and the paths of their items.
const PLAYERS: &str = "framework.players";
const THEMES: &str = "framework.themes";

impl Builder {
    fn statement(&mut self, s: &mut Statement) -> Step<()> {
        let Some((keyword, column)) = s.keyword(KEYWORDS) else {
            let message = wording::statement(&KEYWORDS.join(", "), &s.found());
            return Err(place(s.line, s.column(), message));
        };
        match keyword.as_str() {
            "name" => self.name(s, column)?,
            "player" => self.item(s, column, PLAYERS, "a player id")?,
            "theme" => self.item(s, column, THEMES, "a theme id")?,
            "unit" => self.item(s, column, "units", "a unit id")?,
            "scale" => self.scale(s, column)?,
            "labels" => self.labels(s)?,
            "score" => self.score(s, column)?,
            "contributor" => self.contributor(s, column)?,
            "owner" => self.owner(s, column)?,
            "system" => self.system(s, column)?,
            "tracks" => self.tracks(s)?,
            _ => self.link(s, column)?,
        }
        if s.done() {
            Ok(())
        } else {
            Err(s.expected("the end of the line"))
        }
    }

    fn mark(&mut self, path: String, line: usize, column: usize) {
        self.places.entry(path).or_insert((line, column));
    }

    /// Appends `item` to the list at `list` (one of the builder's), with
    /// its fields' places, and counts it.
    fn push(&mut self, list: &str, line: usize, column: usize, fields: Vec<(&str, Value, usize)>) {
        let items = match list {
            PLAYERS => &mut self.players,
            THEMES => &mut self.themes,
            "units" => &mut self.units,
            "assessments" => &mut self.assessments,
            "contributors" => &mut self.contributors,
            "responsibilities" => &mut self.responsibilities,
            _ => &mut self.integrations,
        };
        let path = format!("{list}[{}]", items.len());
        let mut object = Map::new();
        let mut places = Vec::new();
        for (key, value, at) in fields {
            places.push((format!("{path}.{key}"), at));
            object.insert(key.to_string(), value);
        }
        items.push(Value::Object(object));
        self.items += 1;
        self.mark(list.to_string(), line, column);
        if list.starts_with("framework.") {
            self.mark("framework".to_string(), line, column);
        }
        self.mark(path, line, column);
        for (p, at) in places {
            self.mark(p, line, at);
        }
    }

    fn name(&mut self, s: &mut Statement, column: usize) -> Step<()> {
        if let Some((_, first)) = self.name {
            return Err(place(s.line, column, wording::again("the name", first)));
        }
        let (name, at) = s.text("the model's name in double quotes")?;
        self.name = Some((Value::String(name), s.line));
        self.mark("name".to_string(), s.line, at);
        Ok(())
    }

    /// `player|theme|unit ID ["LABEL"]`: the label defaults to the id.
    fn item(&mut self, s: &mut Statement, column: usize, list: &str, what: &str) -> Step<()> {
        let (id, id_at) = s.id(what)?;
        let (label, label_at) = s.optional_text().unwrap_or((id.clone(), id_at));
        self.push(
            list,
            s.line,
            column,
            vec![
                ("id", Value::String(id), id_at),
                ("label", Value::String(label), label_at),
            ],
        );
        Ok(())
    }

    fn scale(&mut self, s: &mut Statement, column: usize) -> Step<()> {
        if let Some((_, _, first)) = self.scale {
            return Err(place(s.line, column, wording::again("the scale", first)));
        }
        let (min, min_at) = s.number("the lowest score of the scale (a number)")?;
        let (max, max_at) = s.number("the highest score of the scale (a number)")?;
        self.scale = Some((min, max, s.line));
        self.mark("scale".to_string(), s.line, column);
        self.mark("scale.min".to_string(), s.line, min_at);
        self.mark("scale.max".to_string(), s.line, max_at);
        self.labels(s)
    }

    /// The scale's labels, in quotes, up to the end of the line.
    fn labels(&mut self, s: &mut Statement) -> Step<()> {
        if self.scale.is_none() {
            return Err(place(s.line, s.tokens[0].column, wording::labels_first()));
        }
        while !s.done() {
            let (label, at) = s.text("a label of the scale in double quotes")?;
            let path = format!("scale.labels[{}]", self.labels.len());
            self.mark("scale.labels".to_string(), s.line, at);
            self.mark(path, s.line, at);
            self.labels.push(Value::String(label));
            self.items += 1;
        }
        Ok(())
    }

    /// `score PLAYER THEME CURRENT [-> TARGET] [unit ID] [weight N] [note "TEXT"]`
    fn score(&mut self, s: &mut Statement, column: usize) -> Step<()> {
        let (player, player_at) = s.id("a player id")?;
        let (theme, theme_at) = s.id("a theme id")?;
        let (current, current_at) = s.number("the current score (a number)")?;
        let mut fields = vec![
            ("theme", Value::String(theme), theme_at),
            ("player", Value::String(player), player_at),
            ("current", json!(current), current_at),
        ];
        if s.arrow() {
            let (target, at) = s.number("the target score (a number) after the arrow")?;
            fields.push(("target", json!(target), at));
        }
        options(s, &mut fields, &["unit", "weight", "note"], |s, key| {
            Ok(match key {
                "unit" => s.id("a unit id").map(|(v, at)| (Value::String(v), at))?,
                "weight" => s
                    .number("a weight (a number)")
                    .map(|(v, at)| (json!(v), at))?,
                _ => s
                    .text("a note in double quotes")
                    .map(|(v, at)| (Value::String(v), at))?,
            })
        })?;
        self.push("assessments", s.line, column, fields);
        Ok(())
    }

    /// `contributor ID ["LABEL"] internal|external [headcount N]`
    fn contributor(&mut self, s: &mut Statement, column: usize) -> Step<()> {
        let (id, id_at) = s.id("a contributor id")?;
        let (label, label_at) = s.optional_text().unwrap_or((id.clone(), id_at));
        let (kind, kind_at) = s
            .keyword(&["internal", "external"])
            .ok_or_else(|| s.expected("internal or external"))?;
        let mut fields = vec![
            ("id", Value::String(id), id_at),
            ("label", Value::String(label), label_at),
            ("kind", Value::String(kind), kind_at),
        ];
        options(s, &mut fields, &["headcount"], |s, _| {
            let what = "a headcount (a whole number, 0 or more)";
            match s.peek() {
                Some(t) if t.kind == Kind::Word => match t.text.parse::<u64>() {
                    Ok(n) if t.text.bytes().all(|b| b.is_ascii_digit()) => {
                        let at = t.column;
                        s.next += 1;
                        Ok((json!(n), at))
                    }
                    _ => Err(s.expected(what)),
                },
                _ => Err(s.expected(what)),
            }
        })?;
        self.push("contributors", s.line, column, fields);
        Ok(())
    }

    /// `owner PLAYER THEME CONTRIBUTOR [activity "TEXT"] [strict|moderate|light]`
    fn owner(&mut self, s: &mut Statement, column: usize) -> Step<()> {
        let (player, player_at) = s.id("a player id")?;
        let (theme, theme_at) = s.id("a theme id")?;
        let (contributor, contributor_at) = s.id("a contributor id")?;
        let mut fields = vec![
            ("contributor", Value::String(contributor), contributor_at),
            ("theme", Value::String(theme), theme_at),
            ("player", Value::String(player), player_at),
        ];
        // The control level is a bare word; it is stored under `control`.
        let mut control = None;
        while !s.done() {
            if let Some((level, at)) = s.keyword(&["strict", "moderate", "light"]) {
                if control.is_some() {
                    return Err(place(s.line, at, wording::twice("the control level")));
                }
                control = Some((Value::String(level), at));
                continue;
            }
            let before = fields.len();
            options(s, &mut fields, &["activity"], |s, _| {
                s.text("an activity in double quotes")
                    .map(|(v, at)| (Value::String(v), at))
            })?;
            if fields.len() == before {
                return Err(s.expected("activity, strict, moderate, light or the end of the line"));
            }
        }
        if let Some((value, at)) = control {
            fields.push(("control", value, at));
        }
        self.push("responsibilities", s.line, column, fields);
        Ok(())
    }

    /// `system ID ["LABEL"] owner PLAYER [tracks ID …]`
    fn system(&mut self, s: &mut Statement, column: usize) -> Step<()> {
        let (id, id_at) = s.id("a system id")?;
        let (label, label_at) = s.optional_text().unwrap_or((id.clone(), id_at));
        if s.keyword(&["owner"]).is_none() {
            return Err(s.expected("owner and the id of the player who owns the system"));
        }
        let (owner, owner_at) = s.id("the id of the player who owns the system")?;
        let index = self.systems.len();
        let path = format!("systems[{index}]");
        self.mark("systems".to_string(), s.line, column);
        self.mark(path.clone(), s.line, column);
        self.mark(format!("{path}.id"), s.line, id_at);
        self.mark(format!("{path}.label"), s.line, label_at);
        self.mark(format!("{path}.owner"), s.line, owner_at);
        self.mark(format!("{path}.contributors"), s.line, column);
        let mut system = Map::new();
        system.insert("id".into(), Value::String(id.clone()));
        system.insert("label".into(), Value::String(label));
        system.insert("owner".into(), Value::String(owner));
        system.insert("contributors".into(), Value::Array(Vec::new()));
        self.systems.push(system);
        self.system_index.insert(id, index);
        self.items += 1;
        if s.keyword(&["tracks"]).is_some() {
            self.track(s, index)?;
        }
        Ok(())
    }

    /// `tracks SYSTEM ID …`: more contributors for the system declared above.
    fn tracks(&mut self, s: &mut Statement) -> Step<()> {
        let (system, at) = s.id("the id of a system declared above")?;
        let Some(&index) = self.system_index.get(&system) else {
            return Err(place(s.line, at, wording::no_system(&system)));
        };
        self.track(s, index)
    }

    /// The contributor ids up to the end of the line, for system `index`.
    fn track(&mut self, s: &mut Statement, index: usize) -> Step<()> {
        if s.done() {
            return Err(s.expected("the ids of the contributors the system tracks"));
        }
        while !s.done() {
            let (id, at) = s.id("a contributor id")?;
            let Some(Value::Array(list)) = self.systems[index].get_mut("contributors") else {
                unreachable!("every system is built with its list")
            };
            let path = format!("systems[{index}].contributors[{}]", list.len());
            list.push(Value::String(id));
            self.items += 1;
            self.mark(path, s.line, at);
        }
        Ok(())
    }

    /// `link FROM -> TO`
    fn link(&mut self, s: &mut Statement, column: usize) -> Step<()> {
        let (from, from_at) = s.id("the id of a system")?;
        if !s.arrow() {
            return Err(s.expected("-> between the two systems"));
        }
        let (to, to_at) = s.id("the id of a system")?;
        self.push(
            "integrations",
            s.line,
            column,
            vec![
                ("from", Value::String(from), from_at),
                ("to", Value::String(to), to_at),
            ],
        );
        Ok(())
    }

    fn finish(self) -> (Value, Places) {
        let mut model = Map::new();
        model.insert("schema".into(), Value::String(SCHEMA_V1.into()));
        if let Some((name, _)) = self.name {
            model.insert("name".into(), name);
        }
        if !self.players.is_empty() || !self.themes.is_empty() {
            let standard = framework::standard();
            let or_standard = |list: Vec<Value>, items: &[crate::model::Item]| {
                if list.is_empty() {
                    items
                        .iter()
                        .map(|i| json!({"id": i.id, "label": i.label}))
                        .collect()
                } else {
                    list
                }
            };
            model.insert(
                "framework".into(),
                json!({
                    "players": or_standard(self.players, &standard.players),
                    "themes": or_standard(self.themes, &standard.themes),
                }),
            );
        }
        if let Some((min, max, _)) = self.scale {
            model.insert(
                "scale".into(),
                json!({"min": min, "max": max, "labels": self.labels}),
            );
        }
        let systems: Vec<Value> = self.systems.into_iter().map(Value::Object).collect();
        for (key, list) in [
            ("units", self.units),
            ("assessments", self.assessments),
            ("contributors", self.contributors),
            ("responsibilities", self.responsibilities),
            ("systems", systems),
            ("integrations", self.integrations),
        ] {
            if !list.is_empty() {
                model.insert(key.into(), Value::Array(list));
            }
        }
        (Value::Object(model), self.places)
    }
}

/// Reads `key value` pairs up to the end of the line, each key one of
/// `keys` and given once, into `fields`; `value` reads the value after a key.
/// Stops, without error, at a word that is not one of `keys`.
fn options<'k>(
    s: &mut Statement,
    fields: &mut Vec<(&'k str, Value, usize)>,
    keys: &[&'k str],
    mut value: impl FnMut(&mut Statement, &str) -> Step<(Value, usize)>,
) -> Step<()> {
    while let Some(t) = s.peek() {
        let Some(&key) = keys.iter().find(|k| t.kind == Kind::Word && **k == t.text) else {
            break;
        };
        let at = t.column;
        if fields.iter().any(|(k, _, _)| *k == key) {
            return Err(place(s.line, at, wording::twice(key)));
        }
        s.next += 1;
        let (v, v_at) = value(s, key)?;
        fields.push((key, v, v_at));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_written() {
        for (word, x) in [
            ("0", 0.0),
            ("007", 7.0),
            ("-00.5", -0.5),
            ("1e3", 1000.0),
            ("2.50", 2.5),
            ("-0", 0.0),
        ] {
            assert_eq!(read_number(word), Some(x), "{word}");
        }
        assert_eq!(read_number("1e999"), None);
    }

    #[test]
    fn numbers_are_plain_decimals() {
        for ok in ["0", "-1", "2.5", "1e3", "1E-2", "-0.125e+2"] {
            assert!(is_number(ok), "{ok}");
        }
        for bad in [
            "", "-", "+1", ".5", "5.", "inf", "NaN", "1e", "0x10", "1_000", "1,5",
        ] {
            assert!(!is_number(bad), "{bad}");
        }
    }

    #[test]
    fn statements_build_the_json_value() {
        let (value, places) = read(
            "name \"Co\"\nunit retail\nscore hr integration 1 -> 3 unit retail weight 2 note \"n\"\n\
             contributor gig \"Gig\" external headcount 12\n\
             owner procurement integration gig strict activity \"sourcing\"\n\
             system vms \"VMS\" owner procurement tracks gig\nsystem hris owner hr\nlink vms -> hris",
        )
        .unwrap();
        assert_eq!(
            value,
            json!({
                "schema": SCHEMA_V1, "name": "Co",
                "units": [{"id": "retail", "label": "retail"}],
                "assessments": [{"theme": "integration", "player": "hr", "current": 1.0,
                                 "target": 3.0, "unit": "retail", "weight": 2.0, "note": "n"}],
                "contributors": [{"id": "gig", "label": "Gig", "kind": "external", "headcount": 12}],
                "responsibilities": [{"contributor": "gig", "theme": "integration",
                                      "player": "procurement", "activity": "sourcing", "control": "strict"}],
                "systems": [{"id": "vms", "label": "VMS", "owner": "procurement", "contributors": ["gig"]},
                            {"id": "hris", "label": "hris", "owner": "hr", "contributors": []}],
                "integrations": [{"from": "vms", "to": "hris"}]
            })
        );
        assert_eq!(places["assessments[0].unit"], (3, 34));
        assert_eq!(places["systems[0].contributors[0]"], (6, 43));
        assert_eq!(places["integrations[0].to"], (8, 13));
    }
}
