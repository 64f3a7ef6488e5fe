//! A small, forgiving JSON scanner over the source text.
//!
//! `serde_json::Value` forgets where things were, and silently keeps the last
//! of two equal keys. This scanner walks the text once, without recursion or
//! allocation per value, and tells (a) how many list items a document holds,
//! cheaply and before any parsing, (b) which object keys appear twice, and
//! (c) where in the text a given JSON path starts, so that problems found on
//! the parsed value can carry a line and a column.
//!
//! It never fails: on text that is not JSON it simply stops, and the real
//! parser reports the syntax error.
//!
//! Why a scanner of our own: serde_json keeps no positions in its `Value`.
//! The small crates that do (`json-spanned-value`, `spanned_json_parser`)
//! read JSON into value types of their own, so they would replace serde_json
//! as the reader rather than add places to it; none of them counts items
//! before building the tree or reports repeated keys. The scan costs little
//! beside the parse: on the sample scaled 100× (1.9 MB, 4,800 assessments)
//! about 2–3 ms of CPU, against about 10 ms for `serde_json::from_str` and
//! 25 ms for the whole `parse_model`.

use super::path;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// Deeper than this the scanner stops; serde_json refuses such nesting
/// anyway (its recursion limit is the same).
const MAX_DEPTH: usize = 128;

/// What the scanner calls back with.
trait Visit {
    /// A value starts. Inside an object `offset` is where its key starts, which
    /// is where a reader looks first. `in_array` tells list items apart.
    /// Returning `false` stops the walk.
    fn enter(&mut self, path: &str, offset: usize, in_array: bool) -> bool;
    /// An object with these keys (and their offsets), in text order, ended.
    fn object_end(&mut self, _path: &str, _keys: &[(Cow<'_, str>, usize)]) {}
    /// The walk stops at `offset`, in the container at `path`, where a key
    /// or what follows a whole value should be and is not (`at_end`: the
    /// text ends there).
    fn stuck(&mut self, _path: &str, _offset: usize, _at_end: bool) {}
}

enum Frame {
    Array { index: usize, path_len: usize },
    Object { path_len: usize, keys_start: usize },
}

fn skip_ws(b: &[u8], mut pos: usize) -> usize {
    while matches!(b.get(pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        pos += 1;
    }
    pos
}

/// The offset just past the string starting (with its quote) at `pos`.
fn skip_string(b: &[u8], pos: usize) -> Option<usize> {
    let mut j = pos + 1;
    loop {
        match b.get(j)? {
            b'\\' => j += 2,
            b'"' => return Some(j + 1),
            _ => j += 1,
        }
    }
}

fn skip_scalar(b: &[u8], pos: usize) -> usize {
    let mut j = pos;
    while let Some(c) = b.get(j) {
        if matches!(
            c,
            b',' | b']' | b'}' | b'[' | b'{' | b'"' | b':' | b' ' | b'\t' | b'\n' | b'\r'
        ) {
            break;
        }
        j += 1;
    }
    j
}

/// Reads the key starting at `pos`; returns it and the offset past it.
fn read_key<'t>(text: &'t str, pos: usize) -> Option<(Cow<'t, str>, usize)> {
    let b = text.as_bytes();
    if b.get(pos) != Some(&b'"') {
        return None;
    }
    let end = skip_string(b, pos)?;
    let raw = text.get(pos + 1..end - 1)?;
    let key = if raw.contains('\\') {
        match path::unquote(text.get(pos..end)?) {
            Some(k) => Cow::Owned(k),
            None => Cow::Borrowed(raw),
        }
    } else {
        Cow::Borrowed(raw)
    };
    Some((key, end))
}

/// Walks `text`, calling `v` for every value it can make out.
/// What a walk keeps track of besides offsets: the keys of each object (for
/// duplicates) and the path of each value (for locating); each costs time.
#[derive(Clone, Copy)]
struct Track {
    keys: bool,
    paths: bool,
}

/// Walks `text`, calling `v` for every value it can make out. Without
/// `track.paths` the visitor sees every path as `""`.
fn walk(text: &str, v: &mut impl Visit, track: Track) {
    let track_keys = track.keys;
    let b = text.as_bytes();
    let mut pos = skip_ws(b, 0);
    let mut path = String::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut keys: Vec<(Cow<'_, str>, usize)> = Vec::new();

    // Reads an object member's key and colon, leaving `pos` at its value.
    // Returns false when the text stops making sense or the visitor says stop.
    macro_rules! member {
        ($path_len:expr) => {{
            let Some((key, end)) = read_key(text, pos) else {
                v.stuck(path.get(..$path_len).unwrap_or(""), pos, pos >= b.len());
                return;
            };
            if track.paths {
                path.truncate($path_len);
                path::push_key(&mut path, &key);
            }
            if !v.enter(&path, pos, false) {
                return;
            }
            if track_keys {
                keys.push((key, pos));
            }
            pos = skip_ws(b, end);
            if b.get(pos) != Some(&b':') {
                return;
            }
            pos = skip_ws(b, pos + 1);
        }};
    }

    if !v.enter("", pos, false) {
        return;
    }
    loop {
        // A value starts at `pos`; its path is `path`.
        match b.get(pos) {
            None => return,
            Some(b'{') | Some(b'[') if stack.len() >= MAX_DEPTH => return,
            Some(b'{') => {
                pos = skip_ws(b, pos + 1);
                if b.get(pos) == Some(&b'}') {
                    pos += 1;
                } else {
                    let path_len = path.len();
                    stack.push(Frame::Object {
                        path_len,
                        keys_start: keys.len(),
                    });
                    member!(path_len);
                    continue;
                }
            }
            Some(b'[') => {
                pos = skip_ws(b, pos + 1);
                if b.get(pos) == Some(&b']') {
                    pos += 1;
                } else {
                    let path_len = path.len();
                    stack.push(Frame::Array { index: 0, path_len });
                    if track.paths {
                        path::push_index(&mut path, 0);
                    }
                    if !v.enter(&path, pos, true) {
                        return;
                    }
                    continue;
                }
            }
            Some(b'"') => match skip_string(b, pos) {
                Some(end) => pos = end,
                None => return,
            },
            Some(_) => {
                let end = skip_scalar(b, pos);
                if end == pos {
                    return;
                }
                pos = end;
            }
        }
        // A value ended just before `pos`: move on to the next one, closing
        // the containers that end here.
        loop {
            pos = skip_ws(b, pos);
            let next = b.get(pos).copied();
            match stack.last_mut() {
                None => return,
                Some(Frame::Array { index, path_len }) => match next {
                    Some(b',') => {
                        *index += 1;
                        let (i, len) = (*index, *path_len);
                        if track.paths {
                            path.truncate(len);
                            path::push_index(&mut path, i);
                        }
                        pos = skip_ws(b, pos + 1);
                        if !v.enter(&path, pos, true) {
                            return;
                        }
                        break;
                    }
                    Some(b']') => {
                        let len = *path_len;
                        stack.pop();
                        path.truncate(len);
                        pos += 1;
                    }
                    _ => {
                        v.stuck(path.get(..*path_len).unwrap_or(""), pos, pos >= b.len());
                        return;
                    }
                },
                Some(Frame::Object {
                    path_len,
                    keys_start,
                }) => match next {
                    Some(b',') => {
                        let len = *path_len;
                        pos = skip_ws(b, pos + 1);
                        member!(len);
                        break;
                    }
                    Some(b'}') => {
                        let (len, start) = (*path_len, *keys_start);
                        stack.pop();
                        path.truncate(len);
                        if track_keys {
                            v.object_end(&path, keys.get(start..).unwrap_or(&[]));
                            keys.truncate(start);
                        }
                        pos += 1;
                    }
                    _ => {
                        v.stuck(path.get(..*path_len).unwrap_or(""), pos, pos >= b.len());
                        return;
                    }
                },
            }
        }
    }
}

/// What a first, cheap pass learns about a document.
#[derive(Debug, Default)]
pub struct Outline {
    /// List items seen, all lists together; past the limit, counting stops.
    pub items: usize,
    /// The scan stopped because `items` passed the limit.
    pub over_limit: bool,
    /// The offset of every key that repeats an earlier key of the same
    /// object, in text order (only when asked for).
    pub duplicate_keys: Vec<usize>,
}

struct OutlineVisitor {
    outline: Outline,
    max_items: usize,
}

impl Visit for OutlineVisitor {
    fn enter(&mut self, _path: &str, _offset: usize, in_array: bool) -> bool {
        if in_array {
            self.outline.items += 1;
            if self.outline.items > self.max_items {
                self.outline.over_limit = true;
                return false;
            }
        }
        true
    }

    fn object_end(&mut self, _path: &str, keys: &[(Cow<'_, str>, usize)]) {
        let dups = &mut self.outline.duplicate_keys;
        if keys.len() <= 16 {
            // Objects of a model have a handful of keys: compare pairwise
            // rather than allocate.
            for (i, (k, off)) in keys.iter().enumerate() {
                if keys[..i].iter().any(|(earlier, _)| earlier == k) {
                    dups.push(*off);
                }
            }
        } else {
            let mut order: Vec<usize> = (0..keys.len()).collect();
            // Equal keys stay in text order, so the first is kept.
            crate::order::sort_by_key(&mut order, |&i| (&keys[i].0, i));
            for w in order.windows(2) {
                if keys[w[0]].0 == keys[w[1]].0 {
                    dups.push(keys[w[1]].1);
                }
            }
        }
    }
}

/// Counts list items, stopping past `max_items`; with `find_duplicates`,
/// also finds keys repeated within an object.
pub fn outline(text: &str, max_items: usize, find_duplicates: bool) -> Outline {
    let mut v = OutlineVisitor {
        outline: Outline::default(),
        max_items,
    };
    let track = Track {
        keys: find_duplicates,
        paths: false,
    };
    walk(text, &mut v, track);
    crate::order::sort(&mut v.outline.duplicate_keys);
    v.outline
}

struct PathsAt<'w> {
    /// Sorted, without repeats.
    offsets: &'w [usize],
    /// In the order of the walk, which is the order of the offsets.
    found: Vec<(usize, String)>,
}

impl Visit for PathsAt<'_> {
    fn enter(&mut self, path: &str, offset: usize, _in_array: bool) -> bool {
        let new = self.found.last().map_or(true, |last| last.0 < offset);
        if new && self.offsets.binary_search(&offset).is_ok() {
            self.found.push((offset, path.to_string()));
        }
        self.found.len() < self.offsets.len()
    }
}

/// The path of the value (or key) that starts at each of `offsets` (sorted,
/// without repeats).
pub fn paths_at(text: &str, offsets: &[usize]) -> HashMap<usize, String> {
    let mut v = PathsAt {
        offsets,
        found: Vec::new(),
    };
    if !offsets.is_empty() {
        walk(text, &mut v, ALL_PATHS);
    }
    v.found.into_iter().collect()
}

const ALL_PATHS: Track = Track {
    keys: false,
    paths: true,
};

struct Locator<'w> {
    wanted: &'w HashSet<&'w str>,
    /// Each wanted path met, with its first offset.
    found: HashMap<String, usize>,
}

impl Visit for Locator<'_> {
    fn enter(&mut self, path: &str, offset: usize, _in_array: bool) -> bool {
        if self.wanted.contains(path) && !self.found.contains_key(path) {
            self.found.insert(path.to_string(), offset);
        }
        self.found.len() < self.wanted.len()
    }
}

/// The byte offset where each wanted path starts in `text` (its key, for
/// object members), for those that occur.
pub fn locate(text: &str, wanted: &HashSet<&str>) -> HashMap<String, usize> {
    let mut v = Locator {
        wanted,
        found: HashMap::with_capacity(wanted.len()),
    };
    if !wanted.is_empty() {
        walk(text, &mut v, ALL_PATHS);
    }
    v.found
}

struct PathAt {
    offset: usize,
    path: String,
}

impl Visit for PathAt {
    fn enter(&mut self, path: &str, offset: usize, _in_array: bool) -> bool {
        if offset > self.offset {
            return false;
        }
        self.path.clear();
        self.path.push_str(path);
        true
    }

    fn stuck(&mut self, path: &str, offset: usize, at_end: bool) {
        // what is wrong is in the container, after its last whole value
        if offset <= self.offset || at_end {
            self.path.clear();
            self.path.push_str(path);
        }
    }
}

/// Where a reader was when the text stopped being valid JSON at `offset`:
/// the path of the last value that starts at or before it, or of the
/// container it is in when that value is whole (a missing comma, a key
/// expected, an unclosed object or list at the end).
pub fn path_at(text: &str, offset: usize) -> String {
    let mut v = PathAt {
        offset,
        path: String::new(),
    };
    walk(text, &mut v, ALL_PATHS);
    v.path
}

/// 1-based line and column (in characters) of each byte offset, in one pass.
pub fn line_col(text: &str, offsets: &[usize]) -> HashMap<usize, (usize, usize)> {
    let mut sorted: Vec<usize> = offsets.to_vec();
    crate::order::sort(&mut sorted);
    sorted.dedup();
    let mut out: Vec<(usize, (usize, usize))> = Vec::with_capacity(sorted.len());
    let (mut line, mut line_start) = (1usize, 0usize);
    // Where the last column was computed, so long lines are counted once.
    let (mut done_at, mut done_col) = (0usize, 1usize);
    let mut scanned = 0usize;
    for off in sorted {
        let off = off.min(text.len());
        if let Some(seg) = text.get(scanned..off) {
            for (i, c) in seg.bytes().enumerate() {
                if c == b'\n' {
                    line += 1;
                    line_start = scanned + i + 1;
                }
            }
            scanned = off;
        }
        if done_at < line_start {
            done_at = line_start;
            done_col = 1;
        }
        let col = done_col + text.get(done_at..off).map_or(0, |s| s.chars().count());
        done_at = off;
        done_col = col;
        // Offsets past the end all stand for the end.
        if out.last().map_or(true, |last| last.0 < off) {
            out.push((off, (line, col)));
        }
    }
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_items_in_every_list() {
        let o = outline(
            r#"{"a": [1, [2, 3], {"b": []}], "c": ["x", "y"]}"#,
            100,
            false,
        );
        // 1, [2,3], {..} in a; 2, 3 in the inner list; "x", "y" in c
        assert_eq!(o.items, 7);
        assert!(!o.over_limit);
        let o = outline("[1,2,3,4]", 3, false);
        assert!(o.over_limit);
    }

    #[test]
    fn finds_repeated_keys_with_their_paths() {
        let text = "{\"a\": 1, \"list\": [{\"x\": 1, \"y\": 2, \"x\": 3}], \"a\": 2}";
        let o = outline(text, 100, true);
        assert_eq!(o.duplicate_keys.len(), 2);
        let paths = paths_at(text, &o.duplicate_keys);
        let got: Vec<&str> = o
            .duplicate_keys
            .iter()
            .map(|d| paths.get(d).unwrap().as_str())
            .collect();
        assert_eq!(got, vec!["list[0].x", "a"]);
        assert_eq!(&text[o.duplicate_keys[0]..o.duplicate_keys[0] + 3], "\"x\"");
        // Escapes are decoded before comparing.
        let o = outline(r#"{"k": 1, "\u006b": 2}"#, 100, true);
        assert_eq!(o.duplicate_keys.len(), 1);
        // Large objects take the sorting route.
        let keys: Vec<String> = (0..40).map(|i| format!("\"k{}\": 0", i % 30)).collect();
        let o = outline(&format!("{{{}}}", keys.join(",")), 100, true);
        assert_eq!(o.duplicate_keys.len(), 10);
        assert!(!outline(text, 100, false)
            .duplicate_keys
            .iter()
            .any(|_| true));
    }

    /// `paths_at` keeps what it finds in the order of the walk, sorted only
    /// because the walk meets values in the order they start.
    #[test]
    fn the_walk_meets_offsets_in_increasing_order() {
        struct Offsets(Vec<usize>);
        impl Visit for Offsets {
            fn enter(&mut self, _path: &str, offset: usize, _in_array: bool) -> bool {
                self.0.push(offset);
                true
            }
        }
        let text =
            r#" {"a": [1, [[2], {}], {"b": [], "c": {"d": "x"}}], "e": [[]], "a": {"f": 3}} "#;
        let mut v = Offsets(Vec::new());
        walk(text, &mut v, ALL_PATHS);
        assert_eq!(v.0.len(), 15);
        assert!(v.0.windows(2).all(|w| w[0] < w[1]), "{:?}", v.0);
        let paths = paths_at(text, &v.0);
        assert_eq!(paths.len(), 15);
        assert_eq!(paths.get(&v.0[14]).map(String::as_str), Some("a.f"));
    }

    #[test]
    fn locates_paths() {
        let text = "{\n  \"units\": [\n    {\"id\": \"a\"},\n    {\"id\": 5}\n  ]\n}";
        let wanted = HashSet::from(["units[1].id", "units[1]", "units", "nope"]);
        let found = locate(text, &wanted);
        assert_eq!(found.len(), 3);
        let at = |p: &str| *found.get(p).unwrap();
        let lc = line_col(text, &[at("units[1].id"), at("units[1]"), at("units")]);
        assert_eq!(lc.get(&at("units[1].id")), Some(&(4, 6)));
        assert_eq!(lc.get(&at("units[1]")), Some(&(4, 5)));
        assert_eq!(lc.get(&at("units")), Some(&(2, 3)));
        assert_eq!(found.get("nope"), None);
        // Past the end is the end.
        let end = line_col(text, &[text.len() + 5, text.len() + 1]);
        assert_eq!(end.len(), 1);
        assert_eq!(end.get(&text.len()), Some(&(6, 2)));
    }

    #[test]
    fn columns_count_characters() {
        let text = "{\"é🙂\": 1, \"b\": 2}";
        let wanted = HashSet::from(["b"]);
        let b = *locate(text, &wanted).get("b").unwrap();
        assert_eq!(line_col(text, &[b]).get(&b), Some(&(1, 11)));
    }

    #[test]
    fn survives_garbage() {
        for text in [
            "",
            "{",
            "[",
            "{\"a\"",
            "{\"a\":",
            "[1,",
            "\"abc",
            "{\"a\" 1}",
            "]]]",
            "{,}",
            "[1 2]",
            "{\"\\",
            "\u{feff}",
            "{\"a\":[{\"b\":[{\"c\":",
        ] {
            let _ = outline(text, 10, true);
            let wanted = HashSet::from(["a", "a[0]"]);
            let _ = locate(text, &wanted);
        }
        let deep = "[".repeat(10_000);
        assert_eq!(outline(&deep, 100_000, true).items, MAX_DEPTH);
    }
}
