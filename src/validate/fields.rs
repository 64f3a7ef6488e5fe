//! Reading typed values out of parsed JSON, naming every problem by its path.
//!
//! Every input of the crate — models, saved sessions, the page's edits and
//! options — is parsed into a `serde_json::Value` and read with these
//! helpers rather than with derived `Deserialize` code, which stops at the
//! first problem: here each problem says where it is (its JSON path) and
//! what was expected, and reading goes on past the first problem so that all
//! of them are reported at once.
//!
//! Values are taken apart as they are read: strings move into the result
//! instead of being copied, and a path is written out only when there is a
//! problem at it.

use super::budget::{stream_of, Budget};
use super::limits;
use super::path;
use super::wording::{describe, quote};
use super::{Invalid, Problem};
use crate::language::{noun, say};
use serde_json::{Map, Value};

/// Where a value sits: steps kept on the stack while reading descends, and
/// written out as a path only when a problem needs one.
#[derive(Debug, Clone, Copy)]
pub(crate) enum At<'a> {
    /// Where reading starts, as a path (`""` for the whole document).
    Root(&'a str),
    Key(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl<'a> At<'a> {
    pub fn key(&'a self, key: &'a str) -> At<'a> {
        At::Key(self, key)
    }

    pub fn index(&'a self, index: usize) -> At<'a> {
        At::Index(self, index)
    }

    /// The path, as [`path`] writes them.
    pub fn path(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match *self {
            At::Root(p) => out.push_str(p),
            At::Key(parent, k) => {
                parent.write(out);
                path::push_key(out, k);
            }
            At::Index(parent, i) => {
                parent.write(out);
                path::push_index(out, i);
            }
        }
    }
}

/// Whether a field may be left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Need {
    /// It must be there; `null` is a value of the wrong type.
    Required,
    /// Left out, it takes its default; `null` is a value of the wrong type
    /// (what the model's format has always said of `name`, `weight` and
    /// the lists).
    Defaulted,
    /// It may be left out or `null`.
    Optional,
}

/// What has been found wrong so far.
#[derive(Debug, Default)]
pub(crate) struct Reader {
    pub problems: Vec<Problem>,
    /// The paths of values that could not be read: a placeholder stands in
    /// for each, so that later checks can leave them alone.
    pub placeholders: Vec<String>,
    /// Problems found but not written out: a model in a saved session had
    /// more than a report lists, or a list had more than could be among the
    /// first of the text (`budget.rs`).
    pub more: usize,
    /// What each list has had written out (`budget.rs`).
    budget: Budget,
}

impl Reader {
    /// A value at `at` cannot be read.
    pub fn fail(&mut self, at: &At, message: String) {
        let mut message = Some(message);
        self.fail_with(at, &mut || message.take().unwrap_or_default());
    }

    /// [`Reader::fail`], writing the message only when the problem may be
    /// among the first of the text; the placeholder is always kept.
    fn fail_with(&mut self, at: &At, message: &mut dyn FnMut() -> String) {
        let path = at.path();
        if self.admits(&path) {
            self.problems.push(Problem::new(path.clone(), message()));
        }
        self.placeholders.push(path);
    }

    /// Whether a problem at `path` may be among the first of the text; if
    /// not, it is only counted.
    fn admits(&mut self, path: &str) -> bool {
        let Some((stream, index)) = stream_of(path) else {
            return true;
        };
        let admitted = self.budget.admits(stream, index);
        if !admitted {
            self.more += 1;
        }
        admitted
    }

    pub fn wrong(&mut self, at: &At, expected: &str, found: &Value) {
        self.fail_with(at, &mut || {
            expected_found(&noun(expected), &describe(found))
        });
    }

    /// `value` when nothing was found wrong, else every problem.
    pub fn finish<T>(self, value: T) -> Result<T, Invalid> {
        if self.problems.is_empty() && self.more == 0 {
            Ok(value)
        } else {
            let mut invalid = Invalid::new(self.problems);
            invalid.more += self.more;
            Err(invalid)
        }
    }

    pub fn string(&mut self, v: Value, at: &At) -> Option<String> {
        match v {
            Value::String(s) => Some(s),
            other => {
                self.wrong(at, "a string", &other);
                None
            }
        }
    }

    /// `text` when it is within `limit` (what it is, and its most
    /// characters); else a problem at `at`, and the text is dropped.
    pub fn limited(
        &mut self,
        text: String,
        at: &At,
        limit: Option<(&str, usize)>,
    ) -> Option<String> {
        match limit.and_then(|(what, max)| Some((what, max, limits::over(&text, max)?))) {
            Some((what, max, chars)) => {
                self.fail(at, limits::too_long(what, chars, max));
                None
            }
            None => Some(text),
        }
    }

    pub fn number(&mut self, v: Value, at: &At) -> Option<f64> {
        match &v {
            Value::Number(n) => n.as_f64(),
            other => {
                self.wrong(at, "a number", other);
                None
            }
        }
    }

    /// A whole number, 0 or more; `what` says what it counts ("a whole
    /// number of people (0 or more)").
    /// A whole number from 0 to `max`; `what` names the range.
    pub fn count(&mut self, v: Value, at: &At, what: &str, max: u64) -> Option<u64> {
        let n = v.as_u64().filter(|&n| n <= max);
        if n.is_none() {
            self.wrong(at, what, &v);
        }
        n
    }

    pub fn boolean(&mut self, v: Value, at: &At) -> Option<bool> {
        match v {
            Value::Bool(b) => Some(b),
            other => {
                self.wrong(at, "true or false", &other);
                None
            }
        }
    }

    /// One of the values in `all`, written as its `name`.
    pub fn choice<T: Copy>(
        &mut self,
        v: Value,
        at: &At,
        all: &[T],
        name: fn(T) -> &'static str,
    ) -> Option<T> {
        let found = match &v {
            Value::String(s) => all.iter().copied().find(|&t| name(t) == s),
            _ => None,
        };
        if found.is_none() {
            let names: Vec<&str> = all.iter().map(|&t| name(t)).collect();
            self.wrong(at, &one_of(&names), &v);
        }
        found
    }

    pub fn list(&mut self, v: Value, at: &At) -> Option<Vec<Value>> {
        match v {
            Value::Array(items) => Some(items),
            other => {
                self.wrong(at, "a list", &other);
                None
            }
        }
    }

    /// `v` as an object with the fields `names` and no other; `what` names
    /// it in messages ("an assessment"). Each unknown field is reported.
    pub fn object<'a>(
        &mut self,
        v: Value,
        at: At<'a>,
        what: &str,
        names: &[&str],
    ) -> Option<Fields<'a>> {
        let fields = self.open_object(v, at, what)?;
        for k in fields.map.keys() {
            if names.contains(&k.as_str()) {
                continue;
            }
            let path = at.key(k).path();
            if self.admits(&path) {
                self.problems.push(Problem::new(path, {
                    let (field, names) = (quote(k), names.join(", "));
                    let what = noun(what);
                    say(
                        "problem.unknownField",
                        &[("field", &field), ("what", &what), ("names", &names)],
                        || format!("unknown field {field} ({what} has: {names})"),
                    )
                }));
            }
        }
        Some(fields)
    }

    /// `v` as an object whose unknown fields are ignored.
    pub fn open_object<'a>(&mut self, v: Value, at: At<'a>, what: &str) -> Option<Fields<'a>> {
        match v {
            Value::Object(map) => Some(Fields { at, map }),
            other => {
                let what = noun(what);
                let object = say("problem.object", &[("what", &what)], || {
                    format!("{what} (an object)")
                });
                self.wrong(&at, &object, &other);
                None
            }
        }
    }

    /// Reads `v` as one item of `shape`; `None` when it is not an object.
    pub fn item<T>(&mut self, v: Value, at: At, shape: &Shape<T>) -> Option<T> {
        let fields = self.object(v, at, shape.what, shape.fields)?;
        Some((shape.read)(self, fields))
    }
}

/// Reads an options object, rooted at the path `options`: `null` means
/// every default, and unknown fields are ignored (the page may pass more
/// state than a reader needs). `what` names the object in messages ("view
/// options").
pub(crate) fn read_options<T: Default>(
    v: Value,
    what: &str,
    read: impl FnOnce(&mut Reader, Fields<'_>) -> T,
) -> Result<T, Invalid> {
    let mut r = Reader::default();
    let options = match v {
        Value::Null => T::default(),
        v => match r.open_object(v, At::Root("options"), what) {
            Some(fields) => read(&mut r, fields),
            None => T::default(),
        },
    };
    r.finish(options)
}

/// "expected a string, found the number 3": `expected` and `found` as the
/// current language writes them.
pub(crate) fn expected_found(expected: &str, found: &str) -> String {
    say(
        "problem.expected",
        &[("expected", expected), ("found", found)],
        || format!("expected {expected}, found {found}"),
    )
}

/// `"a", "b" or "c"`.
fn one_of(names: &[&str]) -> String {
    let mut out = String::new();
    for (i, n) in names.iter().enumerate() {
        if i > 0 {
            out.push_str(&if i + 1 == names.len() {
                noun(" or ")
            } else {
                ", ".into()
            });
        }
        out.push_str(&quote(n));
    }
    out
}

/// How one kind of object is read: what messages call it, its fields, how
/// they are read, and what stands in for one that is not an object.
pub(crate) struct Shape<T> {
    pub what: &'static str,
    pub fields: &'static [&'static str],
    pub read: fn(&mut Reader, Fields<'_>) -> T,
    pub placeholder: fn() -> T,
}

/// The fields of one object, taken out one by one as they are read.
#[derive(Debug)]
pub(crate) struct Fields<'a> {
    at: At<'a>,
    map: Map<String, Value>,
}

impl<'a> Fields<'a> {
    /// Where the object sits.
    pub fn at(&self) -> &At<'a> {
        &self.at
    }

    /// The value of `key`; `None` when it is left out (reported when it is
    /// required) or, for an optional field, `null`.
    pub fn take(&mut self, r: &mut Reader, key: &str, need: Need) -> Option<Value> {
        match self.map.remove(key) {
            None => {
                if need == Need::Required {
                    r.fail(
                        &self.at.key(key),
                        say("problem.missing", &[], || "required, but missing".into()),
                    );
                }
                None
            }
            Some(Value::Null) if need == Need::Optional => None,
            some => some,
        }
    }

    /// The string of `key`, refused when it is longer than the limit on
    /// such a field ([`limits::text_limit`]).
    pub fn string(&mut self, r: &mut Reader, key: &str, need: Need) -> Option<String> {
        let v = self.take(r, key, need)?;
        let at = self.at.key(key);
        let s = r.string(v, &at)?;
        r.limited(s, &at, limits::text_limit(key))
    }

    pub fn number(&mut self, r: &mut Reader, key: &str, need: Need) -> Option<f64> {
        let v = self.take(r, key, need)?;
        r.number(v, &self.at.key(key))
    }

    pub fn count(
        &mut self,
        r: &mut Reader,
        key: &str,
        need: Need,
        what: &str,
        max: u64,
    ) -> Option<u64> {
        let v = self.take(r, key, need)?;
        r.count(v, &self.at.key(key), what, max)
    }

    pub fn boolean(&mut self, r: &mut Reader, key: &str, need: Need) -> Option<bool> {
        let v = self.take(r, key, need)?;
        r.boolean(v, &self.at.key(key))
    }

    pub fn choice<T: Copy>(
        &mut self,
        r: &mut Reader,
        key: &str,
        need: Need,
        all: &[T],
        name: fn(T) -> &'static str,
    ) -> Option<T> {
        let v = self.take(r, key, need)?;
        r.choice(v, &self.at.key(key), all, name)
    }

    /// The items of a list; empty when it is left out, not a list, or
    /// longer than the limit on such a list ([`limits::list_limit`]), which
    /// is then refused before any item is read.
    pub fn list(&mut self, r: &mut Reader, key: &str, need: Need) -> Vec<Value> {
        let items = self
            .take(r, key, need)
            .and_then(|v| r.list(v, &self.at.key(key)))
            .unwrap_or_default();
        let at = self.at.key(key);
        match limits::list_limit(key) {
            Some((what, max)) if items.len() > max => {
                r.fail(&at, limits::too_many(what, items.len(), max));
                Vec::new()
            }
            _ => items,
        }
    }

    /// A list of strings; an item that is not one keeps its position as an
    /// empty placeholder.
    pub fn strings(&mut self, r: &mut Reader, key: &str, need: Need) -> Vec<String> {
        let items = self.list(r, key, need);
        let list_at = self.at.key(key);
        let limit = limits::list_text_limit(key);
        items
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                let at = list_at.index(i);
                r.string(v, &at)
                    .and_then(|s| r.limited(s, &at, limit))
                    .unwrap_or_default()
            })
            .collect()
    }

    /// A list of objects of one shape, each read at its own path; an item
    /// that is not an object keeps its position as a placeholder.
    pub fn objects<T>(
        &mut self,
        r: &mut Reader,
        key: &str,
        need: Need,
        shape: &Shape<T>,
    ) -> Vec<T> {
        let items = self.list(r, key, need);
        let list_at = self.at.key(key);
        items
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                r.item(v, list_at.index(i), shape)
                    .unwrap_or_else(shape.placeholder)
            })
            .collect()
    }

    /// The remaining fields, in key order, for objects whose keys are data
    /// (a map of words, say) rather than field names.
    pub fn into_entries(self) -> impl Iterator<Item = (String, Value)> {
        self.map.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const PAIR: Shape<(String, f64)> = Shape {
        what: "a pair",
        fields: &["name", "size"],
        read: |r, mut f| {
            (
                f.string(r, "name", Need::Required).unwrap_or_default(),
                f.number(r, "size", Need::Defaulted).unwrap_or(1.0),
            )
        },
        placeholder: || (String::new(), 0.0),
    };

    fn messages(r: &Reader) -> Vec<String> {
        r.problems.iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn paths_are_written_only_from_their_steps() {
        let root = At::Root("edit");
        let list = root.key("odd key");
        assert_eq!(list.index(3).key("x").path(), r#"edit["odd key"][3].x"#);
        assert_eq!(At::Root("").key("units").path(), "units");
    }

    #[test]
    fn objects_report_every_problem_and_keep_positions() {
        let mut r = Reader::default();
        let mut root = r
            .object(
                json!({"pairs": [{"name": "a"}, 7, {"size": "big", "extra": 1}]}),
                At::Root(""),
                "a root",
                &["pairs"],
            )
            .unwrap();
        let got = root.objects(&mut r, "pairs", Need::Required, &PAIR);
        assert_eq!(
            got,
            vec![
                ("a".to_string(), 1.0),
                (String::new(), 0.0),
                (String::new(), 1.0)
            ]
        );
        assert_eq!(
            messages(&r),
            vec![
                "pairs[1]: expected a pair (an object), found the number 7",
                "pairs[2].extra: unknown field \"extra\" (a pair has: name, size)",
                "pairs[2].name: required, but missing",
                "pairs[2].size: expected a number, found the string \"big\"",
            ]
        );
        // Unknown fields are reported but stand for no placeholder.
        assert_eq!(
            r.placeholders,
            vec!["pairs[1]", "pairs[2].name", "pairs[2].size"]
        );
    }

    #[test]
    fn need_says_what_missing_and_null_mean() {
        let mut r = Reader::default();
        let mut f = r
            .open_object(json!({"a": null, "b": null, "c": null}), At::Root("o"), "o")
            .unwrap();
        assert_eq!(f.string(&mut r, "a", Need::Optional), None);
        assert_eq!(f.string(&mut r, "b", Need::Defaulted), None);
        assert_eq!(f.string(&mut r, "c", Need::Required), None);
        assert_eq!(f.string(&mut r, "gone", Need::Optional), None);
        assert_eq!(f.string(&mut r, "gone2", Need::Defaulted), None);
        assert_eq!(f.string(&mut r, "gone3", Need::Required), None);
        assert_eq!(
            messages(&r),
            vec![
                "o.b: expected a string, found null",
                "o.c: expected a string, found null",
                "o.gone3: required, but missing",
            ]
        );
    }

    #[test]
    fn scalars_name_what_they_expected() {
        #[derive(Debug, Clone, Copy, PartialEq)]
        enum Size {
            Small,
            Large,
        }
        fn name(s: Size) -> &'static str {
            match s {
                Size::Small => "small",
                Size::Large => "large",
            }
        }
        let mut r = Reader::default();
        let mut f = r
            .open_object(
                json!({"n": -1, "b": 1, "s": "huge", "t": "large", "l": {}, "ok": true}),
                At::Root("options"),
                "options",
            )
            .unwrap();
        let all = [Size::Small, Size::Large];
        assert_eq!(
            f.count(&mut r, "n", Need::Optional, "a count (0 or more)", u64::MAX),
            None
        );
        assert_eq!(f.boolean(&mut r, "b", Need::Optional), None);
        assert_eq!(f.choice(&mut r, "s", Need::Optional, &all, name), None);
        assert_eq!(
            f.choice(&mut r, "t", Need::Optional, &all, name),
            Some(Size::Large)
        );
        assert_eq!(f.strings(&mut r, "l", Need::Optional), Vec::<String>::new());
        assert_eq!(f.boolean(&mut r, "ok", Need::Optional), Some(true));
        assert_eq!(
            messages(&r),
            vec![
                "options.n: expected a count (0 or more), found the number -1",
                "options.b: expected true or false, found the number 1",
                "options.s: expected \"small\" or \"large\", found the string \"huge\"",
                "options.l: expected a list, found an object",
            ]
        );
    }

    #[test]
    fn options_take_null_as_defaults_and_ignore_unknown_fields() {
        let flag = |v: Value| {
            read_options(v, "test options", |r, mut f| {
                f.boolean(r, "flag", Need::Optional) == Some(true)
            })
        };
        assert_eq!(flag(Value::Null), Ok(false));
        assert_eq!(flag(json!({"whatever": 1, "flag": null})), Ok(false));
        assert_eq!(flag(json!({"flag": true})), Ok(true));
        assert_eq!(
            flag(json!("x")).unwrap_err().to_string(),
            "options: expected test options (an object), found the string \"x\""
        );
    }

    #[test]
    fn one_of_lists_names() {
        assert_eq!(one_of(&["a"]), "\"a\"");
        assert_eq!(one_of(&["a", "b", "c"]), "\"a\", \"b\" or \"c\"");
    }
}
