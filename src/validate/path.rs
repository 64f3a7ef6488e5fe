//! JSON paths such as `assessments[3].player` or `systems[0]["odd key"]`:
//! building them, splitting them into segments and walking up to ancestors.
//!
//! Every part of validation names places with these strings, so the form is
//! defined once here: identifier-like keys are written `.key` (no dot at the
//! start), array positions `[n]`, and any other key as a JSON string in
//! brackets, so that a key holding `.`, `[` or quotes can never be mistaken
//! for structure.

use std::fmt::Write;

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

fn is_plain_key(key: &str) -> bool {
    let mut chars = key.chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' => {}
        _ => return false,
    }
    chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Appends an object key to `path`.
pub fn push_key(path: &mut String, key: &str) {
    if is_plain_key(key) {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(key);
    } else {
        path.push('[');
        // A string always serializes.
        path.push_str(&serde_json::to_string(key).unwrap_or_default());
        path.push(']');
    }
}

/// Appends an array position to `path`.
pub fn push_index(path: &mut String, index: usize) {
    let _ = write!(path, "[{index}]");
}

/// `parent` followed by the key `key`.
pub fn key(parent: &str, key: &str) -> String {
    let mut p = String::with_capacity(parent.len() + key.len() + 1);
    p.push_str(parent);
    push_key(&mut p, key);
    p
}

/// `parent` followed by the position `index`.
pub fn index(parent: &str, index: usize) -> String {
    let mut p = String::with_capacity(parent.len() + 6);
    p.push_str(parent);
    push_index(&mut p, index);
    p
}

/// `rest`, a path inside the value at `prefix`, as a path from the root.
pub fn join(prefix: &str, rest: &str) -> String {
    if prefix.is_empty() || rest.is_empty() || rest.starts_with('[') {
        format!("{prefix}{rest}")
    } else {
        format!("{prefix}.{rest}")
    }
}

/// Writes segments back as a path.
pub fn format(segs: &[Seg]) -> String {
    let mut p = String::new();
    for s in segs {
        match s {
            Seg::Key(k) => push_key(&mut p, k),
            Seg::Index(i) => push_index(&mut p, *i),
        }
    }
    p
}

/// A segment as written: a bare key, a quoted key (still in JSON form, with
/// its quotes) or an index.
enum Raw<'a> {
    Plain(&'a str),
    Quoted(&'a str),
    Index(usize),
}

/// Splits a path into raw segments, each with the byte offset where it ends,
/// without decoding anything. `None` for text that is not a path in the form
/// written here.
fn raw_segments(path: &str) -> Option<Vec<(Raw<'_>, usize)>> {
    let bytes = path.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'[' if bytes.get(i + 1) == Some(&b'"') => {
                // A quoted key: find the closing quote, skipping escapes.
                let start = i + 1;
                let mut j = start + 1;
                loop {
                    match bytes.get(j)? {
                        b'\\' => j += 2,
                        b'"' => break,
                        _ => j += 1,
                    }
                }
                if bytes.get(j + 1) != Some(&b']') {
                    return None;
                }
                out.push((Raw::Quoted(path.get(start..=j)?), j + 2));
                i = j + 2;
            }
            b'[' => {
                let close = i + path.get(i..)?.find(']')?;
                let n: usize = path.get(i + 1..close)?.parse().ok()?;
                i = close + 1;
                out.push((Raw::Index(n), i));
            }
            b'.' if i > 0 => {
                i += 1;
            }
            _ => {
                let rest = path.get(i..)?;
                let len = rest.find(['.', '[']).unwrap_or(rest.len());
                if len == 0 {
                    return None;
                }
                out.push((Raw::Plain(rest.get(..len)?), i + len));
                i += len;
            }
        }
    }
    Some(out)
}

/// The text of a JSON string literal (quotes included), or `None` when `quoted`
/// is not one.
pub(crate) fn unquote(quoted: &str) -> Option<String> {
    match serde_json::from_str(quoted) {
        Ok(serde_json::Value::String(s)) => Some(s),
        _ => None,
    }
}

/// The segments of a path, or `None` when it is not a path.
pub fn split(path: &str) -> Option<Vec<Seg>> {
    raw_segments(path)?
        .into_iter()
        .map(|(raw, _)| match raw {
            Raw::Plain(k) => Some(Seg::Key(k.to_string())),
            Raw::Quoted(q) => unquote(q).map(Seg::Key),
            Raw::Index(n) => Some(Seg::Index(n)),
        })
        .collect()
}

/// The path itself, then each ancestor up to the root (`""`), nearest first.
pub fn self_and_ancestors(path: &str) -> Vec<&str> {
    let mut out = vec![path];
    if let Some(segs) = raw_segments(path) {
        for (_, end) in segs.iter().rev().skip(1) {
            if let Some(p) = path.get(..*end) {
                out.push(p);
            }
        }
    }
    if !path.is_empty() {
        out.push("");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_quoted_keys() {
        let mut p = String::new();
        push_key(&mut p, "assessments");
        push_index(&mut p, 3);
        push_key(&mut p, "player");
        assert_eq!(p, "assessments[3].player");
        assert_eq!(
            key("systems[0]", "a.b[\"c\"]"),
            r#"systems[0]["a.b[\"c\"]"]"#
        );
        assert_eq!(key("", "9lives"), r#"["9lives"]"#);
        assert_eq!(key("", ""), r#"[""]"#);
    }

    #[test]
    fn join_nests_paths() {
        assert_eq!(join("baseline", "units[0].id"), "baseline.units[0].id");
        assert_eq!(
            join("scenarios[1].model", r#"["9lives"]"#),
            r#"scenarios[1].model["9lives"]"#
        );
        assert_eq!(join("baseline", ""), "baseline");
        assert_eq!(join("", "name"), "name");
    }

    #[test]
    fn split_inverts_format() {
        for p in [
            "assessments[3].player",
            "framework.players[0].id",
            r#"systems[0]["a.b[\"c\"]"].x"#,
            r#"["9lives"][2][0]"#,
            "",
        ] {
            let segs = split(p).unwrap();
            assert_eq!(format(&segs), p);
        }
        assert_eq!(
            split("framework.players[10]").unwrap(),
            vec![
                Seg::Key("framework".into()),
                Seg::Key("players".into()),
                Seg::Index(10)
            ]
        );
        assert_eq!(split("a[x]"), None);
        assert_eq!(split(r#"a["unterminated"#), None);
    }

    #[test]
    fn ancestors_nearest_first() {
        assert_eq!(
            self_and_ancestors("assessments[3].player"),
            vec!["assessments[3].player", "assessments[3]", "assessments", ""]
        );
        assert_eq!(
            self_and_ancestors(r#"a["x.y"].b"#),
            vec![r#"a["x.y"].b"#, r#"a["x.y"]"#, "a", ""]
        );
        assert_eq!(self_and_ancestors(""), vec![""]);
    }
}
