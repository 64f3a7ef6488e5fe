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
//!
//! `template` fills a template's placeholders, for English and a catalogue
//! alike; `messages` lists the keys a catalogue must have.

mod messages;
mod template;

pub use messages::MESSAGES;
use template::fill;

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

/// Whether `n` takes the singular ("one") form in the language of the
/// moment, as the page's `Intl.PluralRules` has it: in English 1 alone; in
/// a language whose catalogue says `"plural.one": "below-two"` (French)
/// everything from 0 up to 2 ("0,4 point", "0 case").
pub fn plural_one(n: f64) -> bool {
    let below_two = current().is_some_and(|l| l.text("plural.one") == Some("below-two"));
    if below_two {
        n.abs() < 2.0
    } else {
        n == 1.0
    }
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

#[cfg(test)]
mod tests;
