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

use super::lex::{self, Kind, Token};
use super::wording;
use super::{MAX_LINES, MAX_LINE_CHARS};
use crate::model::{
    Assessment, Contributor, ContributorKind, Control, Integration, Item, Model, Respondent,
    Response, Responsibility, Scale, Score, Snapshot, System,
};
use crate::validate::{self, limits, Invalid, Problem};
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

    /// The next token, taken when `wanted` says so.
    fn take_if(&mut self, wanted: impl FnOnce(&Token) -> bool) -> Option<Token> {
        let t = self.peek().filter(|t| wanted(t))?.clone();
        self.next += 1;
        Some(t)
    }

    /// An id: a word or a quoted text.
    fn id(&mut self, what: &str) -> Step<(String, usize)> {
        match self.take_if(|t| t.kind != Kind::Arrow) {
            Some(t) => Ok((t.text, t.column)),
            None => Err(self.expected(what)),
        }
    }

    /// A quoted text.
    fn text(&mut self, what: &str) -> Step<(String, usize)> {
        match self.take_if(|t| t.kind == Kind::Quoted) {
            Some(t) => Ok((t.text, t.column)),
            None => Err(self.expected(what)),
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
        let t = self.take_if(|t| t.kind == Kind::Word && words.contains(&t.text.as_str()))?;
        Some((t.text, t.column))
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

/// Where each part of the model was written, found by the JSON path the
/// validator gives a problem: (line, column), 1-based. Kept per item rather
/// than as a string per path, which for 100,000 lines would be half a
/// million strings.
#[derive(Default)]
pub(super) struct Places {
    /// Per list (its path, `assessments`, `framework.players`…), per item:
    /// its line, its keyword's column and its fields' columns.
    lists: Vec<(&'static str, Vec<ItemAt>)>,
    /// `name`, `scale`, `scale.min`, `scale.max`.
    single: Vec<(&'static str, (usize, usize))>,
    /// `scale.labels[i]`
    labels: Vec<(usize, usize)>,
    /// `systems[i].contributors[j]`
    tracked: Vec<Vec<(usize, usize)>>,
    /// `responses[i].scores[j]` and `history[i].scores[j]`: the `cell`
    /// lines of each response and snapshot.
    cells: [Vec<Vec<ItemAt>>; 2],
}

struct ItemAt {
    line: usize,
    column: usize,
    fields: Vec<(&'static str, usize)>,
}

impl ItemAt {
    /// The place of one of the item's fields, if it was written.
    fn field(&self, field: Option<&str>) -> Option<(usize, usize)> {
        let field = field?;
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, c)| (self.line, *c))
    }

    /// The place of a field, or of the item's line when the field was left
    /// out (a score's missing unit is its cell line's problem).
    fn place(&self, field: Option<&str>) -> (usize, usize) {
        self.field(field).unwrap_or((self.line, self.column))
    }
}

impl Places {
    fn list(&mut self, list: &'static str) -> &mut Vec<ItemAt> {
        let i = match self.lists.iter().position(|(l, _)| *l == list) {
            Some(i) => i,
            None => {
                self.lists.push((list, Vec::new()));
                self.lists.len() - 1
            }
        };
        &mut self.lists[i].1
    }

    /// The place of exactly `path`, if it was written.
    pub(super) fn at(&self, path: &str) -> Option<(usize, usize)> {
        use crate::validate::path::{split, Seg};
        let segs = split(path)?;
        let key = |i: usize| match segs.get(i) {
            Some(Seg::Key(k)) => Some(k.as_str()),
            _ => None,
        };
        let index = |i: usize| match segs.get(i) {
            Some(Seg::Index(n)) => Some(*n),
            _ => None,
        };
        // `framework.players[…]` is one list path of two keys.
        let (list, rest) = match (key(0), key(1)) {
            (Some("framework"), Some(k)) => (format!("framework.{k}"), 2),
            (Some(k), _) => (k.to_string(), 1),
            _ => return None,
        };
        if list == "scale.labels" || (list == "scale" && key(1) == Some("labels")) {
            return match index(2) {
                Some(i) => self.labels.get(i).copied(),
                None => self.labels.first().copied(),
            };
        }
        if let (true, Some(j)) = (
            list == "systems" && key(2) == Some("contributors"),
            index(3),
        ) {
            return self.tracked.get(index(1)?)?.get(j).copied();
        }
        let block = [RESPONSES, HISTORY].iter().position(|b| *b == list);
        if let (Some(b), Some("scores")) = (block, key(2)) {
            let cells = self.cells[b].get(index(1)?)?;
            let Some(item) = index(3).and_then(|j| cells.get(j)) else {
                // the list itself, or a cell that was not written: the
                // response's or snapshot's own line
                let i = index(1)?;
                let items = &self.lists.iter().find(|(l, _)| *l == list)?.1;
                return items.get(i).map(|x| (x.line, x.column));
            };
            return Some(item.place(key(4)));
        }
        if let Some((_, items)) = self.lists.iter().find(|(l, _)| *l == list) {
            let Some(i) = index(rest) else {
                // the list itself: its first item, when nothing more is asked
                return (segs.len() == rest).then(|| items.first().map(|x| (x.line, x.column)))?;
            };
            let item = items.get(i)?;
            return match key(rest + 1) {
                None => Some((item.line, item.column)),
                field => item.field(field),
            };
        }
        if list == "framework" && segs.len() == 1 {
            // the framework: its first player or theme line
            return self
                .lists
                .iter()
                .filter(|(l, _)| l.starts_with("framework."))
                .filter_map(|(_, items)| items.first().map(|x| (x.line, x.column)))
                .min();
        }
        let whole = match segs.len() {
            1 => list,
            _ => format!("{list}.{}", key(1)?),
        };
        self.single
            .iter()
            .find(|(p, _)| *p == whole)
            .map(|(_, at)| *at)
    }
}

/// The framework's lists, as paths.
const PLAYERS: &str = "framework.players";
const THEMES: &str = "framework.themes";
/// The lists whose items hold `cell` lines, in the order of `Places::cells`.
const RESPONSES: &str = "responses";
const HISTORY: &str = "history";

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

    fn name(&mut self, s: &mut Statement, column: usize) -> Step<()> {
        if let Some(first) = self.name_line {
            return Err(place(s.line, column, wording::again("the name", first)));
        }
        let (name, at) = s.text("the model's name in double quotes")?;
        self.model.name = name;
        self.name_line = Some(s.line);
        self.places.single.push(("name", (s.line, at)));
        Ok(())
    }

    /// `player|theme|unit ID ["LABEL"]`: the label defaults to the id.
    fn item(&mut self, s: &mut Statement, at: (usize, usize), keyword: &str) -> Step<()> {
        let (list, what, items) = match keyword {
            "player" => {
                if !std::mem::replace(&mut self.players, true) {
                    self.model.framework.players.clear();
                }
                (PLAYERS, "a player id", &mut self.model.framework.players)
            }
            "theme" => {
                if !std::mem::replace(&mut self.themes, true) {
                    self.model.framework.themes.clear();
                }
                (THEMES, "a theme id", &mut self.model.framework.themes)
            }
            _ => ("units", "a unit id", &mut self.model.units),
        };
        let (id, id_at) = s.id(what)?;
        let (label, label_at) = s.optional_text().unwrap_or((id.clone(), id_at));
        items.push(Item { id, label });
        self.placed(list, at, vec![("id", id_at), ("label", label_at)]);
        Ok(())
    }

    fn scale(&mut self, s: &mut Statement, column: usize) -> Step<()> {
        if let Some(first) = self.scale_line {
            return Err(place(s.line, column, wording::again("the scale", first)));
        }
        let (min, min_at) = s.number("the lowest score of the scale (a number)")?;
        let (max, max_at) = s.number("the highest score of the scale (a number)")?;
        self.scale_line = Some(s.line);
        self.model.scale = Scale {
            min,
            max,
            labels: Vec::new(),
        };
        let single = &mut self.places.single;
        single.push(("scale", (s.line, column)));
        single.push(("scale.min", (s.line, min_at)));
        single.push(("scale.max", (s.line, max_at)));
        self.labels(s)
    }

    /// The scale's labels, in quotes, up to the end of the line.
    fn labels(&mut self, s: &mut Statement) -> Step<()> {
        if self.scale_line.is_none() {
            return Err(place(s.line, s.tokens[0].column, wording::labels_first()));
        }
        while !s.done() {
            let (label, at) = s.text("a label of the scale in double quotes")?;
            self.model.scale.labels.push(label);
            self.places.labels.push((s.line, at));
            self.items += 1;
        }
        Ok(())
    }

    /// `score PLAYER THEME CURRENT [-> TARGET] [unit ID] [weight N] [note "TEXT"]`
    fn score(&mut self, s: &mut Statement, at: (usize, usize)) -> Step<()> {
        let (scores, mut fields) = scores(s)?;
        let mut a = Assessment {
            theme: scores.theme,
            player: scores.player,
            unit: None,
            current: scores.current,
            target: scores.target,
            weight: 1.0,
            note: None,
        };
        let mut seen = 0;
        while let Some(key) = option(s, &["unit", "weight", "note"], &mut seen)? {
            let at = match key {
                "unit" => s.id("a unit id").map(|(v, at)| (a.unit = Some(v), at))?,
                "weight" => s
                    .number("a weight (a number)")
                    .map(|(v, at)| (a.weight = v, at))?,
                _ => s
                    .text("a note in double quotes")
                    .map(|(v, at)| (a.note = Some(v), at))?,
            }
            .1;
            fields.push((key, at));
        }
        self.model.assessments.push(a);
        self.placed("assessments", at, fields);
        Ok(())
    }

    /// `contributor ID ["LABEL"] internal|external [headcount N]`
    fn contributor(&mut self, s: &mut Statement, at: (usize, usize)) -> Step<()> {
        let (id, id_at) = s.id("a contributor id")?;
        let (label, label_at) = s.optional_text().unwrap_or((id.clone(), id_at));
        let (kind, kind_at) = s
            .keyword(&["internal", "external"])
            .ok_or_else(|| s.expected("internal or external"))?;
        let mut fields = vec![("id", id_at), ("label", label_at), ("kind", kind_at)];
        let mut headcount = None;
        let mut seen = 0;
        if option(s, &["headcount"], &mut seen)?.is_some() {
            let what = "a headcount (a whole number from 0 to 1,000,000,000)";
            let n = match s.peek() {
                Some(t) if t.kind == Kind::Word && t.text.bytes().all(|b| b.is_ascii_digit()) => t
                    .text
                    .parse::<u64>()
                    .ok()
                    .filter(|&n| n <= limits::MAX_HEADCOUNT),
                _ => None,
            };
            let column = s.column();
            headcount = Some(n.ok_or_else(|| s.expected(what))?);
            s.next += 1;
            fields.push(("headcount", column));
        }
        self.model.contributors.push(Contributor {
            id,
            label,
            kind: if kind == "external" {
                ContributorKind::External
            } else {
                ContributorKind::Internal
            },
            headcount,
        });
        self.placed("contributors", at, fields);
        Ok(())
    }

    /// `owner PLAYER THEME CONTRIBUTOR [activity "TEXT"] [strict|moderate|light]`
    fn owner(&mut self, s: &mut Statement, at: (usize, usize)) -> Step<()> {
        let [(player, player_at), (theme, theme_at)] = cell(s)?;
        let (contributor, contributor_at) = s.id("a contributor id")?;
        let mut fields = vec![
            ("player", player_at),
            ("theme", theme_at),
            ("contributor", contributor_at),
        ];
        let mut r = Responsibility {
            contributor,
            theme,
            player,
            activity: None,
            control: None,
        };
        let mut seen = 0;
        while !s.done() {
            // The control level is a bare word; it is stored under `control`.
            if let Some((level, level_at)) = s.keyword(&["strict", "moderate", "light"]) {
                if r.control.is_some() {
                    return Err(place(s.line, level_at, wording::twice("the control level")));
                }
                r.control = Control::ALL.into_iter().find(|c| c.as_str() == level);
                fields.push(("control", level_at));
            } else if option(s, &["activity"], &mut seen)?.is_some() {
                let (activity, activity_at) = s.text("an activity in double quotes")?;
                r.activity = Some(activity);
                fields.push(("activity", activity_at));
            } else {
                return Err(s.expected("activity, strict, moderate, light or the end of the line"));
            }
        }
        self.model.responsibilities.push(r);
        self.placed("responsibilities", at, fields);
        Ok(())
    }

    /// `system ID ["LABEL"] owner PLAYER [tracks ID …]`
    fn system(&mut self, s: &mut Statement, at: (usize, usize)) -> Step<()> {
        let (id, id_at) = s.id("a system id")?;
        let (label, label_at) = s.optional_text().unwrap_or((id.clone(), id_at));
        if s.keyword(&["owner"]).is_none() {
            return Err(s.expected("owner and the id of the player who owns the system"));
        }
        let (owner, owner_at) = s.id("the id of the player who owns the system")?;
        let index = self.model.systems.len();
        self.system_index.insert(id.clone(), index);
        self.model.systems.push(System {
            id,
            label,
            owner,
            contributors: Vec::new(),
        });
        self.placed(
            "systems",
            at,
            vec![
                ("id", id_at),
                ("label", label_at),
                ("owner", owner_at),
                ("contributors", at.1),
            ],
        );
        self.places.tracked.push(Vec::new());
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
            self.model.systems[index].contributors.push(id);
            self.places.tracked[index].push((s.line, at));
            self.items += 1;
        }
        Ok(())
    }

    /// `respondent [code ID] [role "TEXT"] [date DATE]`: who answered, when
    /// the model is one person's response (once).
    fn respondent(&mut self, s: &mut Statement, column: usize) -> Step<()> {
        if let Some(first) = self.respondent_line {
            return Err(place(
                s.line,
                column,
                wording::again("the respondent", first),
            ));
        }
        self.respondent_line = Some(s.line);
        let mut who = Respondent::default();
        let single = &mut self.places.single;
        single.push(("respondent", (s.line, column)));
        let mut seen = 0;
        while let Some(key) = option(s, &["code", "role", "date"], &mut seen)? {
            let (value, at) = match key {
                "code" => s.id("an anonymous code")?,
                "role" => s.text("a role in double quotes")?,
                _ => s.id("a date written YYYY-MM-DD")?,
            };
            let (field, path) = match key {
                "code" => (&mut who.code, "respondent.code"),
                "role" => (&mut who.role, "respondent.role"),
                _ => (&mut who.date, "respondent.date"),
            };
            *field = Some(value);
            single.push((path, (s.line, at)));
        }
        self.model.respondent = Some(who);
        Ok(())
    }

    /// `response ID [role "TEXT"] [date DATE]`: one respondent's scores, on
    /// the `cell` lines that follow.
    fn response(&mut self, s: &mut Statement, at: (usize, usize)) -> Step<()> {
        let (respondent, who_at) = s.id("the respondent's name or code")?;
        let mut r = Response {
            respondent,
            role: None,
            date: None,
            scores: Vec::new(),
        };
        let mut fields = vec![("respondent", who_at)];
        let mut seen = 0;
        while let Some(key) = option(s, &["role", "date"], &mut seen)? {
            let (value, at) = match key {
                "role" => s.text("a role in double quotes")?,
                _ => s.id("a date written YYYY-MM-DD")?,
            };
            *(if key == "role" {
                &mut r.role
            } else {
                &mut r.date
            }) = Some(value);
            fields.push((key, at));
        }
        self.block = Some((0, self.model.responses.len()));
        self.model.responses.push(r);
        self.places.cells[0].push(Vec::new());
        self.placed(RESPONSES, at, fields);
        Ok(())
    }

    /// `snapshot DATE`: the scores on a date, on the `cell` lines that follow.
    fn snapshot(&mut self, s: &mut Statement, at: (usize, usize)) -> Step<()> {
        let (date, date_at) = s.id("a date written YYYY-MM-DD")?;
        self.block = Some((1, self.model.history.len()));
        self.model.history.push(Snapshot {
            date,
            scores: Vec::new(),
        });
        self.places.cells[1].push(Vec::new());
        self.placed(HISTORY, at, vec![("date", date_at)]);
        Ok(())
    }

    /// `cell PLAYER THEME CURRENT [-> TARGET] [unit ID]`: one cell's scores
    /// in the response or snapshot declared last above.
    fn cell(&mut self, s: &mut Statement, at: (usize, usize)) -> Step<()> {
        let Some((block, index)) = self.block else {
            return Err(place(s.line, at.1, wording::cell_first()));
        };
        let (mut score, mut fields) = scores(s)?;
        let mut seen = 0;
        if option(s, &["unit"], &mut seen)?.is_some() {
            let (unit, unit_at) = s.id("a unit id")?;
            score.unit = Some(unit);
            fields.push(("unit", unit_at));
        }
        let list = match block {
            0 => &mut self.model.responses[index].scores,
            _ => &mut self.model.history[index].scores,
        };
        list.push(score);
        self.items += 1;
        self.places.cells[block][index].push(ItemAt {
            line: at.0,
            column: at.1,
            fields,
        });
        Ok(())
    }

    /// `link FROM -> TO`
    fn link(&mut self, s: &mut Statement, at: (usize, usize)) -> Step<()> {
        let (from, from_at) = s.id("the id of a system")?;
        if !s.arrow() {
            return Err(s.expected("-> between the two systems"));
        }
        let (to, to_at) = s.id("the id of a system")?;
        self.model.integrations.push(Integration { from, to });
        self.placed("integrations", at, vec![("from", from_at), ("to", to_at)]);
        Ok(())
    }
}

/// `PLAYER THEME CURRENT [-> TARGET]`: the scores of a `score` or a `cell`
/// line, with the columns of their fields.
fn scores(s: &mut Statement) -> Step<(Score, Vec<(&'static str, usize)>)> {
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
fn cell(s: &mut Statement) -> Step<[(String, usize); 2]> {
    Ok([s.id("a player id")?, s.id("a theme id")?])
}

/// The option keyword among `keys` that comes next, if any, stepping over
/// it; each may come once (`seen` holds those already given).
fn option(s: &mut Statement, keys: &[&'static str], seen: &mut u32) -> Step<Option<&'static str>> {
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
    fn statements_build_the_model_and_its_places() {
        let (m, places) = read(
            "name \"Co\"\nunit retail\nscore hr integration 1 -> 3 unit retail weight 2 note \"n\"\n\
             contributor gig \"Gig\" external headcount 12\n\
             owner procurement integration gig strict activity \"sourcing\"\n\
             system vms \"VMS\" owner procurement tracks gig\nsystem hris owner hr\nlink vms -> hris\n\
             player a\nscale 0 1 \"no\" \"yes\"",
        )
        .unwrap();
        let json = r#"{"schema": "workforce-ecosystem/v1", "name": "Co",
            "framework": {"players": [{"id": "a", "label": "a"}],
                          "themes": [{"id": "leadership", "label": "Leadership approaches"},
                                     {"id": "integration", "label": "Integration architectures"},
                                     {"id": "technology", "label": "Technology enablers"},
                                     {"id": "management", "label": "Management practices"}]},
            "scale": {"min": 0, "max": 1, "labels": ["no", "yes"]},
            "units": [{"id": "retail", "label": "retail"}],
            "assessments": [{"theme": "integration", "player": "hr", "current": 1,
                             "target": 3, "unit": "retail", "weight": 2, "note": "n"}],
            "contributors": [{"id": "gig", "label": "Gig", "kind": "external", "headcount": 12}],
            "responsibilities": [{"contributor": "gig", "theme": "integration",
                                  "player": "procurement", "activity": "sourcing", "control": "strict"}],
            "systems": [{"id": "vms", "label": "VMS", "owner": "procurement", "contributors": ["gig"]},
                        {"id": "hris", "label": "hris", "owner": "hr", "contributors": []}],
            "integrations": [{"from": "vms", "to": "hris"}]}"#;
        assert_eq!(m, crate::validate::read_shape(json).unwrap());
        let at = |p: &str| places.at(p);
        assert_eq!(at("assessments[0].unit"), Some((3, 34)));
        assert_eq!(at("assessments[0]"), Some((3, 1)));
        assert_eq!(at("assessments"), Some((3, 1)));
        assert_eq!(at("assessments[0].zz"), None);
        assert_eq!(at("systems[0].contributors[0]"), Some((6, 43)));
        assert_eq!(at("systems[0].contributors"), Some((6, 1)));
        assert_eq!(at("integrations[0].to"), Some((8, 13)));
        assert_eq!(at("framework.players[0].id"), Some((9, 8)));
        assert_eq!(at("framework"), Some((9, 1)));
        assert_eq!(at("scale.labels[1]"), Some((10, 16)));
        assert_eq!(at("scale.max"), Some((10, 9)));
        assert_eq!(at("name"), Some((1, 6)));
        assert_eq!(at("units[5]"), None);
    }
}
