//! The language the core writes its sentences and numbers in.
//!
//! English is built in: every writer has its English words in code, so the
//! English output depends on no catalogue and stays as it was. Another
//! language comes as data: a catalogue of the core's message templates with
//! named placeholders (`www/i18n/core-fr.json`), handed over at run time
//! (`setLanguage` in the Wasm, `--lang` in the CLI). Its words cost the Wasm
//! nothing, and [`MESSAGES`] lists every key the core looks up with its
//! placeholders, so that a test can hold each catalogue to it.
//!
//! The language is the thread's current one (the Wasm has one thread; the
//! CLI sets it once): sentences are written deep inside serialization, where
//! passing a language along would change every writer's signature.

use crate::model::{Framework, Model, Scale};
use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt::{self, Write};
use std::rc::Rc;

/// A catalogue of message templates, keyed as in [`MESSAGES`], plus the
/// keys `number.decimal` and `number.thousands` (the separators).
#[derive(Debug, Clone, PartialEq)]
pub struct Language {
    /// A JSON object rather than a map of strings: reading a `Value` is in
    /// the Wasm already, a map of strings would add its own reader.
    templates: serde_json::Map<String, serde_json::Value>,
    decimal: char,
    thousands: String,
    /// Words that elide before a vowel, each with its elided form (`"de"`,
    /// `"d’"`): the catalogue's `elision` object. French writes "la
    /// maturité d’Achats", not "de Achats", whatever name fills the template.
    elisions: Vec<(String, String)>,
}

thread_local! {
    static CURRENT: RefCell<Option<Rc<Language>>> = const { RefCell::new(None) };
    static GENERATION: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Makes `language` the one the core writes in (`None`: English).
pub fn set(language: Option<Language>) {
    // the same language again (a page starting in English) keeps what is drawn
    if CURRENT.with(|c| c.borrow().as_deref() == language.as_ref()) {
        return;
    }
    CURRENT.with(|c| *c.borrow_mut() = language.map(Rc::new));
    GENERATION.with(|g| g.set(g.get().wrapping_add(1)));
}

/// Changes with every [`set`]: what was drawn in another language is
/// drawn again.
pub fn generation() -> u32 {
    GENERATION.with(|g| g.get())
}

/// The language the core writes in, `None` for English.
pub fn current() -> Option<Rc<Language>> {
    CURRENT.with(|c| c.borrow().clone())
}

impl Language {
    /// Reads a catalogue: a JSON object of strings.
    pub fn from_json(text: &str) -> Result<Language, String> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| format!("language catalogue: {e}"))?;
        let serde_json::Value::Object(templates) = value else {
            return Err("language catalogue: not a JSON object".into());
        };
        let string = |key: &str| templates.get(key).and_then(serde_json::Value::as_str);
        let decimal = string("number.decimal")
            .and_then(|s| s.chars().next())
            .unwrap_or('.');
        let thousands = string("number.thousands").unwrap_or(",").to_string();
        let elisions = match templates.get("elision") {
            Some(serde_json::Value::Object(words)) => words
                .iter()
                .filter_map(|(word, elided)| Some((word.clone(), elided.as_str()?.to_string())))
                .collect(),
            _ => Vec::new(),
        };
        Ok(Language {
            templates,
            decimal,
            thousands,
            elisions,
        })
    }

    /// The template of `key`, if the catalogue has one.
    pub fn text(&self, key: &str) -> Option<&str> {
        self.templates.get(key).and_then(serde_json::Value::as_str)
    }

    /// Writes the template of `key` with each `{name}` replaced by its value
    /// in `args` (values are written as they are, never read as templates);
    /// a name without a value stays as written. Writes the key itself when
    /// the catalogue lacks it, so that a gap shows rather than hides.
    pub fn fill(&self, out: &mut dyn Write, key: &str, args: &[(&str, &str)]) -> fmt::Result {
        let Some(template) = self.text(key) else {
            return out.write_str(key);
        };
        fill(out, template, args, &self.elisions)
    }

    /// [`Language::fill`] into a new string.
    pub fn filled(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut s = String::new();
        let _ = self.fill(&mut s, key, args);
        s
    }

    /// A number as written in English ("2.5", "1,200") in this language's
    /// separators.
    pub fn number(&self, english: &str) -> String {
        english
            .chars()
            .fold(String::with_capacity(english.len()), |mut s, c| {
                match c {
                    '.' => s.push(self.decimal),
                    ',' => s.push_str(&self.thousands),
                    c => s.push(c),
                }
                s
            })
    }

    /// The model as shown in this language: the standard players and themes
    /// and the default scale's steps that keep their English names are
    /// named from the catalogue; names the model gives them stay.
    pub fn localized<'a>(&self, model: &'a Model) -> Cow<'a, Model> {
        let framework = self.framework(&model.framework);
        let scale = self.scale(&model.scale);
        if framework.is_none() && scale.is_none() {
            return Cow::Borrowed(model);
        }
        let mut shown = model.clone();
        if let Some(f) = framework {
            shown.framework = f;
        }
        if let Some(s) = scale {
            shown.scale = s;
        }
        Cow::Owned(shown)
    }

    fn framework(&self, framework: &Framework) -> Option<Framework> {
        let standard = crate::framework::standard();
        let rename =
            |items: &mut Vec<crate::model::Item>, defaults: &[crate::model::Item], kind| {
                let mut changed = false;
                for item in items.iter_mut() {
                    let default = defaults.iter().find(|d| d.id == item.id);
                    if default.is_some_and(|d| d.label == item.label) {
                        if let Some(label) = self.text(&format!("framework.{kind}.{}", item.id)) {
                            item.label = label.to_string();
                            changed = true;
                        }
                    }
                }
                changed
            };
        let mut shown = framework.clone();
        let players = rename(&mut shown.players, &standard.players, "player");
        let themes = rename(&mut shown.themes, &standard.themes, "theme");
        (players || themes).then_some(shown)
    }

    fn scale(&self, scale: &Scale) -> Option<Scale> {
        let default = Scale::default();
        let mut shown = scale.clone();
        let mut changed = false;
        for (i, label) in shown.labels.iter_mut().enumerate() {
            if default.labels.get(i) == Some(label) {
                if let Some(text) = self.text(&format!("scale.default.{i}")) {
                    *label = text.to_string();
                    changed = true;
                }
            }
        }
        changed.then_some(shown)
    }
}

/// The model as shown in the current language (see [`Language::localized`]).
pub fn localized(model: &Model) -> Cow<'_, Model> {
    match current() {
        Some(language) => match language.localized(model) {
            Cow::Borrowed(_) => Cow::Borrowed(model),
            Cow::Owned(m) => Cow::Owned(m),
        },
        None => Cow::Borrowed(model),
    }
}

/// The framework and scale of `model` as shown in the current language (see
/// [`Language::localized`]), without copying the rest of the model: what a
/// page names cells, players, themes and levels by.
pub fn localized_names(model: &Model) -> (Cow<'_, Framework>, Cow<'_, Scale>) {
    let language = current();
    let framework = language
        .as_ref()
        .and_then(|l| l.framework(&model.framework));
    let scale = language.as_ref().and_then(|l| l.scale(&model.scale));
    (
        framework.map_or(Cow::Borrowed(&model.framework), Cow::Owned),
        scale.map_or(Cow::Borrowed(&model.scale), Cow::Owned),
    )
}

/// What `f` returns with the core speaking French (English again after),
/// for tests.
#[cfg(test)]
pub(crate) fn in_french<T>(f: impl FnOnce() -> T) -> T {
    let french = include_str!("../../www/i18n/core-fr.json");
    set(Some(Language::from_json(french).unwrap()));
    let out = f();
    set(None);
    out
}

/// A percentage as the current language writes it, from its number already
/// written ("75"): "75%", in French "75 %" (a narrow no-break space).
pub fn percent(value: &str) -> String {
    say_template("export.percent", &[("value", value)], "{value}%")
}

/// A number as written in English, in the current language's separators.
pub fn number(english: String) -> String {
    match current() {
        Some(language) => language.number(&english),
        None => english,
    }
}

/// Writes `template` with each `{name}` replaced by its value in `args`
/// (values are written as they are, never read as templates); a name
/// without a value stays as written. A word of `elisions` (with its space)
/// right before a value that starts with a vowel is written elided.
fn fill(
    out: &mut dyn Write,
    template: &str,
    args: &[(&str, &str)],
    elisions: &[(String, String)],
) -> fmt::Result {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let before = &rest[..open];
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.write_str(before)?;
            out.write_char('{')?;
            rest = after;
            continue;
        };
        let name = &after[..close];
        match args.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => {
                match elided(before, value, elisions) {
                    Some((kept, elided)) => {
                        out.write_str(kept)?;
                        out.write_str(elided)?;
                    }
                    None => out.write_str(before)?,
                }
                out.write_str(value)?;
            }
            None => {
                out.write_str(before)?;
                write!(out, "{{{name}}}")?;
            }
        }
        rest = &after[close + 1..];
    }
    out.write_str(rest)
}

/// `before` without its last word and that word's elided form, when the
/// word is one of `elisions` (each written with its space: `"de "`), a whole
/// word, and `value` starts with a vowel.
fn elided<'t, 'e>(
    before: &'t str,
    value: &str,
    elisions: &'e [(String, String)],
) -> Option<(&'t str, &'e str)> {
    // names in sentences come isolated for bidirectional text (crate::bidi)
    let first = value
        .trim_start_matches(['\u{2066}', '\u{2067}', '\u{2068}'])
        .chars()
        .next()?;
    // both cases spelled out: `to_lowercase` would bring Unicode's case
    // tables (some 10 KB) into the embeddable diagram's module
    if !"aeiouyàâäéèêëîïôöùûüœæAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ".contains(first)
    {
        return None;
    }
    elisions.iter().find_map(|(word, elided)| {
        let kept = before.strip_suffix(word.as_str())?;
        let whole = kept
            .chars()
            .next_back()
            .map_or(true, |c| !c.is_alphanumeric());
        whole.then_some((kept, elided.as_str()))
    })
}

/// A sentence from a template: in English `english` filled with `args`, in
/// another language the template of `key`. Unlike [`say`], one copy serves
/// every call: the English is a template too, not code.
pub fn say_template(key: &str, args: &[(&str, &str)], english: &str) -> String {
    if let Some(language) = current() {
        return language.filled(key, args);
    }
    let mut s = String::new();
    let _ = fill(&mut s, english, args, &[]);
    s
}

/// A sentence of the core: `english()` in English (the English stays in
/// code, as it was written); in another language, the template of `key`
/// filled with `args`.
pub fn say(key: &str, args: &[(&str, &str)], english: impl FnOnce() -> String) -> String {
    // The generic part stays a call and a branch: it is copied at each of
    // the many call sites.
    translated(key, args).unwrap_or_else(english)
}

/// The template of `key` filled with `args`, unless the language is English.
#[inline(never)]
fn translated(key: &str, args: &[(&str, &str)]) -> Option<String> {
    current().map(|language| language.filled(key, args))
}

/// A noun phrase a sentence is built around ("a string", "an assessment",
/// "the file"), as the current language writes it: the template of
/// `noun.<english>`, or the English when there is none. One key per phrase
/// keeps the sentences generic ("expected {what}") instead of one template
/// per phrase; a test holds the catalogue to the phrases the core uses.
pub fn noun(english: &str) -> Cow<'_, str> {
    match current().and_then(|l| l.text(&format!("noun.{english}")).map(str::to_string)) {
        Some(text) => Cow::Owned(text),
        None => Cow::Borrowed(english),
    }
}

/// Every key the core looks up, with the placeholders its template may use.
/// Besides these: `number.decimal`, `number.thousands`, the noun phrases
/// of [`noun`] (`noun.<english>`), serde_json's syntax messages
/// (`json.<english>`, and `json.other` for the rest), and the names of the
/// standard framework (`framework.player.<id>`, `framework.theme.<id>`,
/// `scale.default.<0–4>`), the exported document's words
/// (`exportdoc.<key>` for each key of [`crate::export::DEFAULT_TEXTS`]) and
/// the report's names of each finding kind (`report.kind.<kind>`,
/// `report.meaning.<kind>`), which have no placeholders.
pub const MESSAGES: &[(&str, &[&str])] = &[
    ("export.percent", &["value"]),
    ("export.colon", &[]),
    ("plan.heading", &[]),
    ("plan.page", &[]),
    ("plan.page.named", &["name"]),
    ("plan.scope", &[]),
    ("plan.scope.unit", &["unit"]),
    ("plan.changes.one", &["count"]),
    ("plan.changes.other", &["count"]),
    ("plan.steps.one", &["count"]),
    ("plan.steps.other", &["count"]),
    ("plan.findings.one", &["count"]),
    ("plan.findings.other", &["count"]),
    (
        "plan.summary",
        &["after", "before", "changes", "scope", "steps"],
    ),
    ("plan.reached", &["value"]),
    ("plan.notReached", &["value"]),
    ("plan.stepHeading", &["n", "title"]),
    ("plan.stepSummary", &["after", "before", "findings"]),
    ("plan.resolves", &[]),
    ("plan.left", &[]),
    ("plan.leftIntro", &["findings"]),
    ("report.title", &[]),
    ("report.page", &[]),
    ("report.page.named", &["name"]),
    ("report.whatIf", &["name", "whatIf"]),
    ("report.summary", &[]),
    ("report.overall.one", &["count", "max", "min", "percent"]),
    ("report.overall.other", &["count", "max", "min", "percent"]),
    ("report.unassessed", &[]),
    ("report.found.one", &["count"]),
    ("report.found.other", &["count"]),
    ("report.kindColumn", &[]),
    ("report.countColumn", &[]),
    ("report.top", &[]),
    ("report.nothingToAct", &[]),
    ("report.severity", &["value"]),
    ("report.readinessColumn", &[]),
    ("report.byTheme", &[]),
    ("report.byPlayer", &[]),
    ("report.byUnit", &[]),
    ("report.theme", &[]),
    ("report.player", &[]),
    ("report.unit", &[]),
    ("report.cells", &[]),
    ("report.cellsNote", &["max", "min"]),
    ("report.noneFound", &[]),
    ("report.more", &["count"]),
    ("report.disagreements", &[]),
    ("report.disagreementsIntro", &[]),
    ("report.spread", &["value"]),
    ("report.systems", &[]),
    ("report.noSystems", &[]),
    ("report.systemCount.one", &["count"]),
    ("report.systemCount.other", &["count"]),
    ("report.groupCount.one", &["count"]),
    ("report.groupCount.other", &["count"]),
    ("report.systemsForm", &["groups", "systems"]),
    ("report.moreGroups", &["count"]),
    ("compare.title", &[]),
    ("compare.page.named", &["name"]),
    ("compare.differs", &["ours", "theirs", "what", "whose"]),
    ("compare.otherFramework", &["differ"]),
    ("teach.otherFramework", &["differ"]),
    ("compare.overall", &["after", "before", "change"]),
    ("compare.noChange", &[]),
    ("compare.tinyDown", &[]),
    ("compare.tinyUp", &[]),
    ("compare.points", &["value"]),
    (
        "compare.changed.one",
        &["count", "introduced", "resolved", "unchanged"],
    ),
    (
        "compare.changed.other",
        &["count", "introduced", "resolved", "unchanged"],
    ),
    ("compare.changedCells", &[]),
    ("compare.changes", &["changes"]),
    ("compare.change.scores.one", &["count"]),
    ("compare.change.scores.other", &["count"]),
    ("compare.change.owners.one", &["count"]),
    ("compare.change.owners.other", &["count"]),
    ("compare.change.contributors.one", &["count"]),
    ("compare.change.contributors.other", &["count"]),
    ("compare.change.systems.one", &["count"]),
    ("compare.change.systems.other", &["count"]),
    ("compare.change.links.one", &["count"]),
    ("compare.change.links.other", &["count"]),
    ("compare.change.units.one", &["count"]),
    ("compare.change.units.other", &["count"]),
    ("compare.change.name.one", &[]),
    ("compare.change.name.other", &[]),
    ("compare.change.framework.one", &[]),
    ("compare.change.framework.other", &[]),
    ("compare.change.scale.one", &[]),
    ("compare.change.scale.other", &[]),
    ("compare.noScoreChanged", &[]),
    ("compare.before", &[]),
    ("compare.after", &[]),
    ("compare.change", &[]),
    ("compare.wholeOrganization", &[]),
    ("compare.target", &["current", "target"]),
    ("compare.noTarget", &["current"]),
    ("compare.moreCells", &["count"]),
    ("compare.resolved", &[]),
    ("compare.introduced", &[]),
    ("compare.noneResolved", &[]),
    ("compare.noneIntroduced", &[]),
    ("compare.moreFindings", &["count"]),
    ("list.and", &[]),
    ("contributor.person", &["label"]),
    ("contributor.people", &["label", "count"]),
    ("contributor.inBrackets", &[]),
    (
        "finding.gap",
        &["player", "theme", "current", "target", "gap"],
    ),
    (
        "finding.gap.unit",
        &["unit", "player", "theme", "current", "target", "gap"],
    ),
    ("finding.weighted", &["gap", "weight"]),
    ("finding.uncovered", &["contributor", "theme"]),
    (
        "finding.redundant.activity",
        &["players", "activity", "contributor", "theme"],
    ),
    ("finding.redundant", &["players", "contributor", "theme"]),
    (
        "finding.conflict.activity",
        &["players", "activity", "contributor", "theme", "controls"],
    ),
    (
        "finding.conflict",
        &["players", "contributor", "theme", "controls"],
    ),
    ("finding.untracked", &["contributor"]),
    ("finding.fragmented", &["contributor", "systems"]),
    (
        "finding.fragmented.groups",
        &["contributor", "count", "groups"],
    ),
    ("finding.silo", &["system", "owner"]),
    ("finding.silo.data", &["system", "owner", "contributors"]),
    ("plan.step.owners", &[]),
    ("plan.step.leads", &[]),
    ("plan.step.controls", &[]),
    ("plan.step.tracking", &[]),
    ("plan.step.integrations", &[]),
    ("plan.step.scores", &["theme"]),
    ("plan.raise", &["current", "player", "target", "theme"]),
    (
        "plan.raise.unit",
        &["current", "player", "target", "theme", "unit"],
    ),
    ("plan.own", &["contributor", "player", "theme"]),
    ("plan.drop", &["contributor", "lead", "player", "theme"]),
    (
        "plan.drop.activity",
        &["activity", "contributor", "lead", "player", "theme"],
    ),
    ("plan.control", &["contributor", "level", "player", "theme"]),
    (
        "plan.control.activity",
        &["activity", "contributor", "level", "player", "theme"],
    ),
    ("plan.track", &["contributor", "system"]),
    ("plan.link", &["from", "to"]),
    ("control.strict", &[]),
    ("control.moderate", &[]),
    ("control.light", &[]),
    ("cell.notAssessed", &["player", "theme"]),
    ("cell.noTarget", &["current", "player", "theme"]),
    (
        "cell.scores",
        &["current", "gap", "player", "target", "theme"],
    ),
    (
        "cell.scores.mean",
        &["count", "current", "gap", "player", "target", "theme"],
    ),
    (
        "cell.noTarget.mean",
        &["count", "current", "player", "theme"],
    ),
    ("diagram.what.none", &[]),
    ("diagram.what.current", &[]),
    ("diagram.what.target", &[]),
    ("diagram.what.gap", &[]),
    ("diagram.what.agreement", &[]),
    ("diagram.title.none", &[]),
    ("diagram.title.current", &[]),
    ("diagram.title.target", &[]),
    ("diagram.title.gap", &[]),
    ("diagram.title.agreement", &[]),
    ("diagram.named", &["name", "what"]),
    (
        "diagram.desc",
        &["playerList", "players", "themeList", "themes"],
    ),
    ("diagram.by.current", &[]),
    ("diagram.by.target", &[]),
    ("diagram.by.gap", &[]),
    ("diagram.by.agreement", &[]),
    ("diagram.forUnit", &["unit"]),
    ("diagram.allUnits", &[]),
    ("diagram.coloured", &["assessed", "by", "place", "total"]),
    ("legend.current", &[]),
    ("legend.target", &[]),
    ("legend.gap", &[]),
    ("legend.agreement", &[]),
    ("legend.allAgree", &[]),
    ("legend.apart.one", &[]),
    ("legend.apart.other", &["count"]),
    ("legend.apart.more", &["count"]),
    ("legend.noResponses", &[]),
    ("legend.widest", &[]),
    ("legend.onTarget", &[]),
    ("legend.below.one", &["count"]),
    ("legend.below.other", &["count"]),
    ("legend.aboutBelow", &["value"]),
    ("legend.about", &["value"]),
    ("legend.notAssessed", &[]),
    ("legend.notAssessedOrNoTarget", &[]),
    ("legend.averaged", &[]),
    ("caption.untitled", &[]),
    ("caption.none", &[]),
    ("caption.current", &[]),
    ("caption.target", &[]),
    ("caption.gap", &[]),
    ("caption.allUnits", &[]),
    ("caption.scenario", &["name"]),
    ("problems.count.one", &["count"]),
    ("problems.count.other", &["count"]),
    ("problems.more.one", &["count"]),
    ("problems.more.other", &["count"]),
    ("problems.notLoaded", &["problems"]),
    ("problem.at", &["message", "path"]),
    ("problem.lineColumn", &["column", "line", "message", "path"]),
    ("problem.expected", &["expected", "found"]),
    ("problem.object", &["what"]),
    ("problem.missing", &[]),
    ("problem.unknownField", &["field", "names", "what"]),
    ("problem.tooLong", &["count", "limit", "what"]),
    (
        "problem.tooMany",
        &["count", "holder", "limit", "note", "what"],
    ),
    ("problem.tooManyKinds", &["count", "kinds"]),
    ("problem.diagramDraws", &["count", "max", "min", "what"]),
    ("problem.notUtf8", &["offset"]),
    ("problem.notAModel", &["what"]),
    ("problem.svgNoModel", &[]),
    ("problem.htmlNoModel", &[]),
    ("problem.markdownNoModel", &[]),
    ("problem.overItems", &["limit"]),
    ("problem.listItems", &["count", "limit"]),
    ("problem.duplicateKey", &[]),
    ("problem.tooLarge", &["limit", "size", "what"]),
    ("problem.json", &["detail"]),
    ("problem.emptyFile", &[]),
    ("problem.csvNotModel", &[]),
    ("problem.emptyId", &["kind"]),
    ("problem.duplicateId", &["first", "id", "kind"]),
    ("problem.unknown", &["id", "kind", "known"]),
    ("problem.outsideScale", &["max", "min", "value"]),
    ("problem.scaleFinite", &["max", "min"]),
    ("problem.scaleBound", &["bound", "max", "min"]),
    ("problem.scaleOrder", &["max", "min"]),
    ("problem.scaleLabels", &["count", "max", "min", "steps"]),
    ("problem.scaleWhole", &["max", "min"]),
    ("problem.tooHeavy", &["max", "weight"]),
    ("problem.forUnit", &["unit"]),
    (
        "problem.secondAssessment",
        &["first", "player", "theme", "unit"],
    ),
    ("problem.listedTwice", &["id", "other"]),
    ("problem.selfLink", &["id"]),
    ("known", &["ids"]),
    ("known.more", &["count", "ids"]),
    ("value.boolean", &["value"]),
    ("value.number", &["value"]),
    ("value.string", &["value"]),
    ("size.bytes", &["count"]),
    ("size.mb", &["value"]),
    ("encoding.halfCharacter", &["offset"]),
    ("encoding.oddLength", &["count"]),
    ("encoding.utf32", &[]),
    ("problem.newerSchema", &["reads", "schema"]),
    ("problem.unknownSchema", &["also", "expected", "schema"]),
    ("problem.noSchema", &["schema"]),
    ("csv.rowColumn", &["column", "message", "row"]),
    ("csv.row", &["message", "row"]),
    ("csv.column", &["column", "message"]),
    ("csv.rowNumber", &["row"]),
    ("csv.empty", &["what"]),
    ("csv.notOfModel", &["column", "known", "value"]),
    ("csv.notNumber", &["value"]),
    ("csv.emptyFile", &["columns"]),
    ("csv.columnTwice", &[]),
    ("csv.columnNoName", &["n"]),
    ("csv.unknownColumn", &["known"]),
    ("csv.missingColumn", &[]),
    ("csv.tooManyRows", &["limit"]),
    ("csv.noRows", &[]),
    ("csv.fieldCount", &["count", "width"]),
    ("csv.saveUtf8", &["what"]),
    ("csv.notUtf8", &["byte"]),
    ("csv.unclosed", &[]),
    ("csv.afterQuote", &[]),
    ("text.foundText", &["text"]),
    ("text.statement", &["found", "keywords"]),
    ("text.unseen", &["code", "escape"]),
    ("text.control", &["code", "escape"]),
    ("text.unclosed", &[]),
    ("text.escape", &["unicode"]),
    ("text.notChar", &["escape"]),
    ("text.lineTooLong", &["count", "limit"]),
    ("text.tooManyLines", &["limit"]),
    ("text.again", &["line", "what"]),
    ("text.twice", &["what"]),
    ("text.labelsFirst", &[]),
    ("text.noSystem", &["id"]),
    ("text.cellFirst", &[]),
    ("progress.title", &[]),
    ("progress.none", &[]),
    ("progress.desc", &["count", "first", "last"]),
    ("progress.desc.one", &["first"]),
    ("progress.at", &["date", "value"]),
    ("progress.descLine", &["label", "values"]),
    ("progress.descUnscored", &["label"]),
    ("progress.byTheme", &[]),
    ("progress.byPlayer", &[]),
    ("progress.latest", &["label", "value"]),
    ("progress.unscored", &["label"]),
    ("problem.noRespondent", &[]),
    ("problem.duplicateRespondent", &["first", "who"]),
    ("problem.duplicateSnapshot", &["date", "first"]),
    ("problem.date", &["date"]),
    ("problem.unknownCell", &["id", "kind"]),
    ("problem.secondScore", &["first"]),
    ("step.start", &["name"]),
    ("step.plan", &["name"]),
    ("step.rename", &["name"]),
    ("step.keep", &[]),
    ("step.discard", &[]),
    ("step.model", &[]),
    ("step.change", &[]),
    ("step.whole", &[]),
    ("step.score", &["player", "theme"]),
    ("step.name", &[]),
    ("step.scores", &[]),
    ("step.unit", &[]),
    ("step.contributor", &[]),
    ("step.owner", &[]),
    ("step.system", &[]),
    ("step.link", &[]),
    ("step.changes", &[]),
    ("edit.blankLabel", &[]),
    ("edit.sameLabel", &["label"]),
    ("edit.usedId", &["id"]),
    ("merge.otherFramework", &[]),
    ("merge.otherScale", &[]),
    ("merge.noRespondent", &[]),
    ("merge.noScores", &[]),
    ("merge.unknownUnit", &["unit"]),
    ("merge.duplicate", &["who"]),
    ("merge.tooMany", &[]),
    ("snapshot.tooMany", &[]),
    ("compare.noHistory", &["date"]),
    ("survey.lang", &[]),
    ("survey.title", &[]),
    ("survey.titleOf", &["name"]),
    ("survey.titleUnit", &["title", "unit"]),
    ("survey.unknownUnit", &["known", "unit"]),
    ("survey.noUnits", &[]),
    ("survey.intro", &[]),
    ("survey.blocked", &[]),
    ("survey.name", &[]),
    ("survey.role", &[]),
    ("survey.yourUnit", &[]),
    ("survey.cells", &[]),
    ("survey.allCells", &[]),
    ("survey.theme", &[]),
    ("survey.player", &[]),
    ("survey.current", &[]),
    ("survey.target", &[]),
    ("survey.save", &[]),
    ("survey.needName", &[]),
    ("survey.needUnit", &[]),
    ("survey.needScore", &[]),
    ("survey.saved.one", &[]),
    ("survey.saved.other", &["count"]),
    ("compare.noSnapshot", &["date", "known", "now"]),
    (
        "disagreement",
        &["count", "high", "low", "player", "spread", "theme"],
    ),
    ("disagreement.by", &["score", "who"]),
    ("disagreement.unit", &["sentence", "unit"]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    const FRENCH: &str = include_str!("../../www/i18n/core-fr.json");

    #[test]
    fn setting_the_language_on_show_again_redraws_nothing() {
        set(None);
        let start = generation();
        set(None);
        assert_eq!(generation(), start, "English again");
        let french = Language::from_json(FRENCH).unwrap();
        set(Some(french.clone()));
        assert_ne!(generation(), start, "French is drawn again");
        let now = generation();
        set(Some(french));
        assert_eq!(generation(), now, "French again");
        set(None);
        assert_ne!(generation(), now, "back to English");
    }

    /// Every phrase the core hands to [`noun`]: each needs a `noun.` template.
    pub(super) const NOUNS: &[&str] = &[
        "a PNG image",
        "a JPEG image",
        "a GIF image",
        "a PDF document",
        "a zip archive (an Excel or Word file is one)",
        "an old Office document (Excel or Word)",
        "a v0 model",
        "nothing",
        "a cell written \"theme/player\"",
        "a unit id (a string)",
        "a list of system ids",
        "a string",
        "a number",
        "true or false",
        "a list",
        "an empty array",
        "an array",
        "an object",
        " or ",
        "a finite number",
        "a positive number",
        "(model)",
        "none",
        "with no unit",
        "the model",
        "the file",
        "a unit",
        "a player",
        "a theme",
        "an assessment",
        "a contributor",
        "a responsibility",
        "a system",
        "an integration",
        "a scenario",
        "a cell",
        "a framework",
        "a scale",
        "a workforce ecosystem model",
        "a saved session",
        "export options",
        "words by key",
        "render options",
        "true, false or a caption",
        "view options",
        "a position (a whole number, 0 or more)",
        crate::validate::limits::HEADCOUNT,
        "an id",
        "a label",
        "a name",
        "an activity",
        "a note",
        "name",
        "id",
        "label",
        "theme",
        "player",
        "unit",
        "contributor",
        "system",
        "owner",
        "from",
        "to",
        "activity",
        "note",
        "players",
        "themes",
        "the instructor's",
        "the page",
        "the baseline's",
        "units",
        "contributors",
        "systems",
        "labels",
        "what-if scenarios",
        "a scale may have",
        "a session may hold",
        "a model may define",
        " (one per step)",
        "the framework has no players",
        "the framework has no themes",
        "the model defines no units",
        "the model defines no contributors",
        "the model defines no systems",
        "a current score",
        "the saved session",
        "-> between the two systems",
        "a contributor id",
        "a label of the scale in double quotes",
        "a note in double quotes",
        "a player id",
        "a system id",
        "a theme id",
        "a unit id",
        "a weight (a number)",
        "activity, strict, moderate, light or the end of the line",
        "an activity in double quotes",
        "internal or external",
        "the respondent",
        "an anonymous code",
        "a role in double quotes",
        "a date written YYYY-MM-DD",
        "the respondent's name or code",
        "owner and the id of the player who owns the system",
        "the current score (a number)",
        "the end of the line",
        "the highest score of the scale (a number)",
        "the id of a system",
        "the id of a system declared above",
        "the id of the player who owns the system",
        "the ids of the contributors the system tracks",
        "the lowest score of the scale (a number)",
        "the model's name in double quotes",
        "the target score (a number) after the arrow",
        "a headcount (a whole number from 0 to 1,000,000,000)",
        "the name",
        "the scale",
        "the control level",
        "a score",
        "a response",
        "a snapshot",
        "a respondent",
        "a date",
        "responses",
        "snapshots",
    ];

    fn placeholders(template: &str) -> BTreeSet<&str> {
        template
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name))
            .collect()
    }

    #[test]
    fn the_french_catalogue_has_every_key_with_its_placeholders() {
        let fr = Language::from_json(FRENCH).unwrap();
        for (key, names) in MESSAGES {
            let template = fr
                .text(key)
                .unwrap_or_else(|| panic!("no French template for {key}"));
            let want: BTreeSet<&str> = names.iter().copied().collect();
            assert_eq!(placeholders(template), want, "placeholders of {key}");
        }
        let standard = crate::framework::standard();
        for (kind, items) in [("player", &standard.players), ("theme", &standard.themes)] {
            for item in items {
                let key = format!("framework.{kind}.{}", item.id);
                assert!(fr.text(&key).is_some(), "no French name for {key}");
            }
        }
        for i in 0..Scale::default().labels.len() {
            assert!(fr.text(&format!("scale.default.{i}")).is_some());
        }
        let export_words = crate::export::DEFAULT_TEXTS.map(|(key, _)| key);
        for key in export_words {
            let text = fr.text(&format!("exportdoc.{key}"));
            assert!(text.is_some_and(|t| !t.is_empty()), "no French for {key}");
        }
        let kinds = crate::analysis::Kind::ALL.map(|k| k.as_str());
        for kind in kinds {
            for key in [
                format!("report.kind.{kind}"),
                format!("report.meaning.{kind}"),
            ] {
                let text = fr.text(&key);
                assert!(text.is_some_and(|t| !t.is_empty()), "no French for {key}");
            }
        }
        assert_eq!(fr.number("1,234.5"), "1\u{202f}234,5");
        // No template the core never asks for (a renamed key left behind).
        let known = |k: &str| {
            MESSAGES.iter().any(|(m, _)| *m == k)
                || k.starts_with("framework.")
                || k.starts_with("scale.default.")
                || k.starts_with("number.")
                || k == "elision"
                || k.starts_with("json.")
                || k.strip_prefix("exportdoc.")
                    .is_some_and(|w| export_words.contains(&w))
                || k.strip_prefix("noun.").is_some_and(|n| NOUNS.contains(&n))
                || k.strip_prefix("report.kind.")
                    .or_else(|| k.strip_prefix("report.meaning."))
                    .is_some_and(|w| kinds.contains(&w))
        };
        for n in NOUNS {
            assert!(
                fr.text(&format!("noun.{n}")).is_some(),
                "no French for {n:?}"
            );
        }
        assert!(fr.text("json.other").is_some());
        let stray: Vec<&String> = fr.templates.keys().filter(|k| !known(k)).collect();
        assert!(stray.is_empty(), "keys the core does not use: {stray:?}");
    }

    #[test]
    fn french_elides_de_and_que_before_a_vowel_whatever_fills_the_template() {
        let fr = Language::from_json(
            r#"{"elision": {"de ": "d’", "que ": "qu’", "la ": "l’"},
                "a": "la maturité de {player}", "b": "alors que {what} en a au plus 200",
                "c": "{player} de la {theme}", "d": "monde {player}"}"#,
        )
        .unwrap();
        let say =
            |key, value| fr.filled(key, &[("player", value), ("what", value), ("theme", value)]);
        assert_eq!(say("a", "Achats"), "la maturité d’Achats");
        assert_eq!(
            say("a", "\u{2068}Informatique\u{2069}"),
            "la maturité d’\u{2068}Informatique\u{2069}"
        );
        assert_eq!(say("a", "Élus"), "la maturité d’Élus");
        assert_eq!(say("a", "RH"), "la maturité de RH");
        assert_eq!(say("a", "8 personnes"), "la maturité de 8 personnes");
        assert_eq!(say("b", "un nom"), "alors qu’un nom en a au plus 200");
        assert_eq!(say("c", "intégration"), "intégration de l’intégration");
        // only whole words: "monde" does not end in the word "de"
        assert_eq!(say("d", "Achats"), "monde Achats");
        // English never elides
        crate::language::set(None);
        assert_eq!(
            say_template("k", &[("player", "IT")], "the maturity of {player}"),
            "the maturity of IT"
        );
        // and the shipped catalogue does: a finding in French names "d’Achats"
        let findings = in_french(|| {
            let model = crate::framework::sample();
            crate::analysis::analyze(&model)
                .findings
                .iter()
                .map(|f| f.explanation())
                .collect::<Vec<_>>()
                .join("\n")
        });
        assert!(
            !findings.contains("de Achats") && !findings.contains("de Informatique"),
            "{findings}"
        );
        assert!(findings.contains("d’"), "{findings}");
    }

    #[test]
    fn templates_fill_their_placeholders_and_only_theirs() {
        let lang =
            Language::from_json(r#"{"a": "{x} et {y} {z}", "b": "{open", "number.decimal": ","}"#)
                .unwrap();
        assert_eq!(
            lang.filled("a", &[("x", "{y}"), ("y", "B")]),
            "{y} et B {z}"
        );
        assert_eq!(lang.filled("b", &[]), "{open");
        assert_eq!(lang.filled("missing", &[]), "missing");
        assert_eq!(lang.number("2.5"), "2,5");
        assert!(Language::from_json("[1]").is_err());
    }

    #[test]
    fn default_names_are_translated_and_the_models_own_kept() {
        let fr = Language::from_json(FRENCH).unwrap();
        let mut model = crate::framework::sample();
        model.framework.players[1].label = "Buying".into();
        let shown = fr.localized(&model);
        assert_eq!(shown.framework.players[1].label, "Buying");
        assert_eq!(
            shown.framework.players[5].label,
            fr.text("framework.player.hr").unwrap()
        );
        assert_ne!(shown.framework.themes[0].label, "Leadership approaches");
        assert_eq!(shown.assessments, model.assessments);
        assert!(matches!(fr.localized(&Model::empty("x")), Cow::Owned(_)));
        let mut custom = Model::empty("x");
        custom.framework.players = vec![crate::model::Item::new("a", "A")];
        custom.framework.themes = vec![crate::model::Item::new("b", "B")];
        custom.scale.labels = vec!["Low".into()];
        assert!(matches!(fr.localized(&custom), Cow::Borrowed(_)));
    }

    /// Every finding of a model that has each kind, the legend of each
    /// overlay and the diagram, written in French: no English sentence and
    /// no "2.5"-style number; and English again once the language is unset.
    #[test]
    fn french_findings_legends_and_diagram_have_no_english() {
        let json = include_str!("../../tests/fixtures/analysis/every-kind.json");
        let model = crate::validate::parse_model(json).unwrap();
        let english = crate::analysis::analyze(&model);
        set(Some(Language::from_json(FRENCH).unwrap()));
        let french = crate::analysis::analyze(&model);
        let svg = crate::render::render_svg(
            &model,
            &crate::render::RenderOptions {
                overlay: crate::render::Overlay::Gap,
                ..Default::default()
            },
        );
        let legends: Vec<String> = [crate::render::Overlay::Current, crate::render::Overlay::Gap]
            .into_iter()
            .flat_map(|o| {
                let spec = crate::render::legend_spec(o, &model.scale).unwrap();
                std::iter::once(spec.title).chain(spec.items.into_iter().map(|i| i.text))
            })
            .collect();
        // Sentences are written when asked for, in the language of the moment.
        let sentences: Vec<String> = french.findings.iter().map(|f| f.explanation()).collect();
        set(None);
        assert_eq!(crate::analysis::analyze(&model), english, "English is back");
        let kinds: BTreeSet<_> = french.findings.iter().map(|f| f.kind).collect();
        assert_eq!(kinds.len(), crate::analysis::Kind::ALL.len());
        let english_words = [
            " and ",
            "maturity",
            "target",
            " people)",
            " person)",
            "nobody",
            "system",
            "split",
            "owned",
            "level",
            "Not assessed",
            "below",
            "about",
            "Gap",
            "Current",
        ];
        let decimal_point = |s: &str| {
            s.as_bytes()
                .windows(3)
                .any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit())
        };
        // The model's own names (English here) are not the core's words.
        let mut names: Vec<&str> = (model.contributors.iter().map(|c| c.label.as_str()))
            .chain(model.systems.iter().map(|x| x.label.as_str()))
            .chain(model.units.iter().map(|u| u.label.as_str()))
            .chain(
                model
                    .responsibilities
                    .iter()
                    .filter_map(|r| r.activity.as_deref()),
            )
            .collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        for text in sentences.into_iter().chain(legends) {
            let text = names.iter().fold(text, |t, n| t.replace(n, "·"));
            for word in english_words {
                assert!(!text.contains(word), "English “{word}” in: {text}");
            }
            assert!(!decimal_point(&text), "a decimal point in: {text}");
        }
        for (f, e) in french.findings.iter().zip(&english.findings) {
            assert_eq!(f.id(), e.id(), "the same findings, in the same order");
        }
        assert!(svg.contains("Écart à la cible"), "the legend");
        assert!(
            svg.contains(">RH<") || svg.contains("RH"),
            "a player's name"
        );
        assert!(!svg.contains("Leadership approaches"));
        // The diagram's title, description and cells' names (what a screen
        // reader says) are the core's words in French too.
        let named: Vec<&str> = (svg.split("aria-label=\"").skip(1))
            .chain(svg.split("<title>").skip(1))
            .chain(svg.split("<desc>").skip(1))
            .filter_map(|s| s.split(['"', '<']).next())
            .collect();
        assert!(named.len() > 2, "{named:?}");
        for text in named {
            let text = names
                .iter()
                .fold(text.to_string(), |t, n| t.replace(n, "·"));
            for word in [
                "current",
                "target",
                "gap",
                "not assessed",
                "players",
                "Themes",
                "coloured",
                "workforce",
                "all units",
            ] {
                assert!(!text.contains(word), "English “{word}” in: {text}");
            }
        }
    }

    /// Every validation and CSV problem of a set of broken models and
    /// files, written in French: no English sentence, numbers with a
    /// decimal comma; the same problems, in the same places, as in English.
    #[test]
    fn french_validation_and_csv_problems_have_no_english() {
        let invalid: Vec<&str> = vec![
            include_str!("../../tests/fixtures/invalid/duplicate-key.json"),
            include_str!("../../tests/fixtures/invalid/framework-too-small.json"),
            include_str!("../../tests/fixtures/invalid/not-an-object.json"),
            include_str!("../../tests/fixtures/invalid/references.json"),
            include_str!("../../tests/fixtures/invalid/schema-missing.json"),
            include_str!("../../tests/fixtures/invalid/schema-unknown.json"),
            include_str!("../../tests/fixtures/invalid/syntax-trailing-comma.json"),
            include_str!("../../tests/fixtures/invalid/syntax-unterminated.json"),
            include_str!("../../tests/fixtures/invalid/types.json"),
            r#"{"schema": "workforce-ecosystem/v1", "name": 3, "extra": 1,
                "scale": {"min": 0, "max": 4.5, "labels": ["a"]},
                "units": [{"id": "", "label": "U"}, {"id": "u1", "label": "V"}, {"id": "u1", "label": "W"}],
                "assessments": [{"theme": "zz9", "player": "hr", "current": 7.5, "weight": 0},
                                {"theme": "leadership", "player": "hr", "current": 1, "weight": 5000},
                                {"theme": "leadership", "player": "hr", "current": 1, "note": []},
                                {"theme": "leadership", "player": "hr", "unit": "u1", "current": true}],
                "systems": [{"id": "s1", "label": "S", "owner": "hr", "contributors": ["c9", "c9"]}],
                "integrations": [{"from": "s1", "to": "s1"}, {"to": "s1"}]}"#,
            r#"{"schema": "workforce-ecosystem/v1", "scale": {"min": 3, "max": 1}}"#,
            r#"{"schema": "workforce-ecosystem/v1", "scale": {"min": 0, "max": 1e300}}"#,
            "{\"a\": \"\u{0}\"}",
        ];
        let csvs: Vec<&[u8]> = vec![
            b"",
            b"theme,player,theme,bogus,,current\n",
            b"theme,player,unit,current\nzz9,hr,,x\nleadership,,,\n\"open,hr\n",
            b"theme,player,current\nleadership,hr,1,extra\nleadership,hr,\"1\"x\nleadership,hr,9\n",
            b"theme,player,current\nleadership,hr,1\nleadership,hr,2\n",
            b"theme,player,current\n\xff\n",
            b"\xff\xfea\x00b",
        ];
        let model = crate::framework::sample();
        let english = |set_to: Option<Language>| {
            set(set_to);
            let models: Vec<crate::validate::Invalid> = invalid
                .iter()
                .map(|t| crate::validate::parse_model(t).unwrap_err())
                .collect();
            let files: Vec<crate::csv::CsvInvalid> = csvs
                .iter()
                .map(|b| crate::csv::import_csv_bytes(&model, b).unwrap_err())
                .collect();
            // Places and counts are written when shown, in the language of
            // the moment.
            let shown: Vec<String> = (models.iter().map(|m| m.to_string()))
                .chain(files.iter().map(|f| f.to_string()))
                .collect();
            set(None);
            (models, files, shown)
        };
        let (en_models, en_files, _) = english(None);
        let (fr_models, fr_files, shown) = english(Some(Language::from_json(FRENCH).unwrap()));
        let words = [
            "expected",
            "found",
            "unknown",
            "known:",
            "must",
            "is not",
            "empty",
            "row ",
            "column",
            "line ",
            "problem",
            "required",
            "missing",
            "too ",
            "characters",
            "duplicate",
            "appears",
            "outside",
            "invalid J",
            " or ",
            "fields",
            "header",
            "twice",
            "itself",
            "second",
            "string",
            "number",
            "object",
            "the ",
            " and ",
            "needs",
            "save",
            "file",
            "EOF",
            "while",
            "trailing",
            "array",
            "heavy",
            "boolean",
            "steps",
            "whole",
            "defines",
            "(model)",
            "bytes",
            "cut short",
        ];
        let mut messages = Vec::new();
        for (fr, en) in fr_models.iter().zip(&en_models) {
            assert_eq!(fr.problems.len(), en.problems.len());
            for (f, e) in fr.problems.iter().zip(&en.problems) {
                assert_eq!((&f.path, f.line, f.column), (&e.path, e.line, e.column));
                assert_ne!(f.message, e.message, "still English: {}", e.message);
                messages.push(f.message.clone());
            }
        }
        for (fr, en) in fr_files.iter().zip(&en_files) {
            assert_eq!(fr.problems.len(), en.problems.len());
            for (f, e) in fr.problems.iter().zip(&en.problems) {
                assert_eq!((f.row, &f.column), (e.row, &e.column));
                assert_ne!(f.message, e.message, "still English: {}", e.message);
                messages.push(f.message.clone());
            }
        }
        // Each problem on its line, its path (inert, as in English) taken out.
        let paths: Vec<&str> = (fr_models.iter().flat_map(|m| &m.problems))
            .map(|p| p.path.as_str())
            .filter(|p| !p.is_empty())
            .collect();
        for text in shown {
            for line in text.lines() {
                let line = paths
                    .iter()
                    .fold(line.to_string(), |l, p| l.replacen(p, "·", 1));
                messages.push(line);
            }
        }
        assert!(messages.iter().any(|m| m.contains("(ligne 4, colonne ")));
        assert!(messages.len() > 60, "{} messages", messages.len());
        // Paths, ids and the file's own text are quoted as they are.
        let quoted = |m: &str| {
            let mut out = String::new();
            let mut inside = false;
            for c in m.chars() {
                if c == '"' {
                    inside = !inside;
                } else if !inside {
                    out.push(c);
                }
            }
            out.split(|c: char| c.is_whitespace() || c == '(' || c == ')')
                .filter(|w| !(w.contains('[') || w.contains('.') && !w.ends_with('.')))
                .collect::<Vec<_>>()
                .join(" ")
        };
        for m in &messages {
            let text = quoted(m);
            for word in words {
                assert!(!text.contains(word), "English “{word}” in: {m}");
            }
        }
        let all = messages.join("\n");
        for french in [
            "attendu",
            "inconnu",
            "ligne",
            "colonne",
            "JSON invalide",
            "4,5",
        ] {
            assert!(all.contains(french), "no “{french}” in:\n{all}");
        }
    }
}
