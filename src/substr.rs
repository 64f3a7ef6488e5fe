//! Substring search for the few places that look for a fixed marker in text.
//!
//! `str::find` and `str::contains` with a `&str` pattern pull the standard
//! library's two-way searcher (about 2 KB of Wasm); a plain scan is enough for
//! the short markers the crate looks for.

/// The byte offset of the first `needle` in `hay`, as `hay.find(needle)`.
///
/// A match always starts on a char boundary: UTF-8 is self-synchronising, so
/// the needle's first byte (never a continuation byte) cannot match inside a
/// character of `hay`.
pub(crate) fn find(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.as_bytes()
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
}

/// Whether `needle` occurs in `hay`, as `hay.contains(needle)`.
pub(crate) fn contains(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_str_find() {
        let hays = [
            "",
            "a",
            "abc",
            "aab",
            "é assessments[0] é",
            "xx<svg<svg",
            "ééé",
            "<?xml ?><svg>",
        ];
        let needles = [
            "",
            "a",
            "b",
            "ab",
            "assessments[",
            "<svg",
            "é",
            "é é",
            "abcd",
            "?>",
        ];
        for h in hays {
            for n in needles {
                assert_eq!(find(h, n), h.find(n), "{h:?} {n:?}");
                assert_eq!(contains(h, n), h.contains(n), "{h:?} {n:?}");
            }
        }
    }

    #[test]
    fn first_of_overlapping_matches() {
        assert_eq!(find("aaaa", "aa"), Some(0));
        assert_eq!(find("xaxaa", "aa"), Some(3));
    }
}
