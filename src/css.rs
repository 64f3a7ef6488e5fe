//! Stylesheets as the core ships them. The source files' comments explain the
//! rules to whoever edits them, but every page load, export and standalone SVG
//! would carry them, so they are dropped when the crate is compiled:
//! `const BYTES: [u8; stripped_len(SRC)] = strip(SRC);` in a constant, then
//! [`text`] on the result.
//!
//! The stripper does not know CSS strings: a `/*` inside quotes or `url(…)`
//! would be taken for a comment. The shipped stylesheets have none, and
//! `shipped_stylesheets_keep_every_rule` would notice rules going missing.

/// How long `css` is without its `/* … */` comments and the blank lines they leave.
pub(crate) const fn stripped_len(css: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < css.len() {
        let (keep, next) = step(css, i);
        if keep {
            n += 1;
        }
        i = next;
    }
    n
}

/// `css` without its comments; `N` must be [`stripped_len`] of it.
pub(crate) const fn strip<const N: usize>(css: &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    let mut n = 0;
    let mut i = 0;
    while i < css.len() {
        let (keep, next) = step(css, i);
        if keep {
            out[n] = css[i];
            n += 1;
        }
        i = next;
    }
    out
}

/// The stripped bytes as text. Comments are cut at ASCII delimiters, so the
/// rest stays UTF-8; the check runs when the crate is compiled.
pub(crate) const fn text(bytes: &[u8]) -> &str {
    match core::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(_) => panic!("a stylesheet is not UTF-8"),
    }
}

/// Whether byte `i` stays, and where to look next: a comment is skipped
/// whole, and so is a line that holds nothing else (or nothing at all).
const fn step(css: &[u8], i: usize) -> (bool, usize) {
    if i == 0 || css[i - 1] == b'\n' {
        if let Some(next) = blank_line(css, i) {
            return (false, next);
        }
    }
    if starts(css, i, b"/*") {
        return (false, comment_end(css, i));
    }
    (true, i + 1)
}

/// Where the comment starting at `i` ends (the end of `css` if it never does).
const fn comment_end(css: &[u8], i: usize) -> usize {
    let mut j = i + 2;
    while j < css.len() && !starts(css, j, b"*/") {
        j += 1;
    }
    if j < css.len() {
        j + 2
    } else {
        css.len()
    }
}

/// If the line from `i` holds only spaces and comments, where the next begins.
const fn blank_line(css: &[u8], mut i: usize) -> Option<usize> {
    while i < css.len() {
        match css[i] {
            b' ' | b'\t' => i += 1,
            b'/' if starts(css, i, b"/*") => i = comment_end(css, i),
            b'\n' => return Some(i + 1),
            _ => return None,
        }
    }
    Some(css.len())
}

const fn starts(css: &[u8], i: usize, pat: &[u8; 2]) -> bool {
    i + 1 < css.len() && css[i] == pat[0] && css[i + 1] == pat[1]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stripped(css: &str) -> String {
        let n = stripped_len(css.as_bytes());
        // Room for the tests' short inputs; the first `n` bytes are the result.
        let out = strip::<256>(css.as_bytes());
        text(&out[..n]).to_string()
    }

    #[test]
    fn comments_and_the_lines_they_leave_go() {
        let css =
            "/* head\n   more */\n:root {\n  --a: 1; /* why */\n\n  /* alone */\n  --b: 2;\n}\n";
        assert_eq!(stripped(css), ":root {\n  --a: 1; \n  --b: 2;\n}\n");
    }

    #[test]
    fn text_outside_comments_is_untouched() {
        let css = ".a > .b { content: \"é\"; }\n@media print { .c { fill: #000; } }\n";
        assert_eq!(stripped(css), css);
    }

    #[test]
    fn an_unclosed_comment_runs_to_the_end() {
        assert_eq!(stripped(".a {}\n/* open"), ".a {}\n");
    }

    #[test]
    fn shipped_stylesheets_keep_every_rule() {
        for (src, shipped) in [
            (
                include_str!("../www/diagram.css"),
                crate::render::STYLESHEET,
            ),
            (include_str!("export/export.css"), crate::export::EXPORT_CSS),
        ] {
            assert!(!shipped.contains("/*") && shipped.len() < src.len());
            let rules = |s: &str| s.matches('{').count();
            assert_eq!(rules(shipped), rules(src));
            assert!(shipped.contains("--wfe-") || shipped.contains(":root"));
        }
    }
}
