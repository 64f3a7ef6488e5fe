//! Markdown to HTML for the reports the core writes: headings, paragraphs,
//! lists, pipe tables, block quotes, code, rules, `**strong**`, `*emphasis*`,
//! `` `code` `` and backslash escapes.
//!
//! It is not a general Markdown engine: it only needs to render what
//! [`crate::analysis`] produces, and anything it does not recognise comes out
//! as escaped text. Raw HTML in the Markdown is never passed through — a label
//! such as `<img onerror=…>` shows as those characters.

use super::{escape_text, push_attr};

/// Converts Markdown to an HTML fragment in which all text is escaped.
pub fn markdown_to_html(md: &str) -> String {
    let lines: Vec<&str> = md.lines().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            i += 1;
        } else if let Some(fence) = fence(trimmed) {
            i += 1;
            let mut code = String::new();
            while i < lines.len() && !lines[i].trim_start().starts_with(fence) {
                code.push_str(lines[i]);
                code.push('\n');
                i += 1;
            }
            i += 1;
            out.push_str("<pre><code>");
            out.push_str(&escape_text(&code));
            out.push_str("</code></pre>\n");
        } else if let Some((level, text)) = heading(trimmed) {
            let h = match level {
                1 => "h1",
                2 => "h2",
                3 => "h3",
                4 => "h4",
                5 => "h5",
                _ => "h6",
            };
            tag(&mut out, "<", h, ">");
            inline_into(&mut out, text);
            tag(&mut out, "</", h, ">\n");
            i += 1;
        } else if is_rule(trimmed) {
            out.push_str("<hr>\n");
            i += 1;
        } else if trimmed.starts_with('|') && lines.get(i + 1).is_some_and(|l| is_separator(l)) {
            i = table(&lines, i, &mut out);
        } else if trimmed.starts_with('>') {
            let mut text = Vec::new();
            while i < lines.len() && lines[i].trim_start().starts_with('>') {
                let l = lines[i].trim_start();
                text.push(l.strip_prefix('>').unwrap_or(l).trim());
                i += 1;
            }
            out.push_str("<blockquote><p>");
            inline_into(&mut out, &text.join(" "));
            out.push_str("</p></blockquote>\n");
        } else if list_item(line).is_some() {
            i = list(&lines, i, &mut out);
        } else {
            let mut text = Vec::new();
            while i < lines.len() && starts_paragraph_line(lines[i], text.is_empty()) {
                text.push(lines[i].trim());
                i += 1;
            }
            out.push_str("<p>");
            inline_into(&mut out, &text.join(" "));
            out.push_str("</p>\n");
        }
    }
    out
}

fn fence(line: &str) -> Option<&'static str> {
    if line.starts_with("```") {
        Some("```")
    } else if line.starts_with("~~~") {
        Some("~~~")
    } else {
        None
    }
}

fn heading(line: &str) -> Option<(usize, &str)> {
    let level = line.chars().take_while(|&c| c == '#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let rest = line.get(level..)?;
    if rest.is_empty() {
        return Some((level, ""));
    }
    let text = rest.strip_prefix(' ')?;
    Some((level, text.trim().trim_end_matches('#').trim_end()))
}

fn is_rule(line: &str) -> bool {
    // Three or more of one of `-`, `*`, `_`, and nothing else but spaces.
    let mut marks = line.chars().filter(|c| !c.is_whitespace());
    let first = marks.next();
    let mut count = 1;
    matches!(first, Some('-' | '*' | '_'))
        && marks.all(|c| {
            count += 1;
            Some(c) == first
        })
        && count >= 3
}

fn is_separator(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('|') && t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// A paragraph goes on until a blank line or the start of another block.
fn starts_paragraph_line(line: &str, first: bool) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    if first {
        return true;
    }
    !(heading(t).is_some()
        || fence(t).is_some()
        || is_rule(t)
        || t.starts_with('>')
        || t.starts_with('|')
        || list_item(line).is_some())
}

/// Splits a table row into cells at pipes that are not escaped or in code.
fn cells(line: &str) -> Vec<String> {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = t.chars().peekable();
    let mut in_code = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cur.push('\\');
                cur.push('|');
                chars.next();
            }
            '`' => {
                in_code = !in_code;
                cur.push(c);
            }
            '|' if !in_code => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur);
    }
    out.iter().map(|c| c.trim().to_string()).collect()
}

fn table(lines: &[&str], start: usize, out: &mut String) -> usize {
    let head = cells(lines[start]);
    let aligns: Vec<&str> = cells(lines[start + 1])
        .iter()
        .map(|c| match (c.starts_with(':'), c.ends_with(':')) {
            (true, true) => " class=\"center\"",
            (false, true) => " class=\"num\"",
            _ => "",
        })
        .collect();
    let align = |k: usize| aligns.get(k).copied().unwrap_or("");
    // A table wider than a phone scrolls in its own box, not the page with it;
    // the box takes focus so that a keyboard can scroll it.
    out.push_str("<div class=\"table-scroll\" tabindex=\"0\">\n<table>\n<thead><tr>");
    for (k, h) in head.iter().enumerate() {
        tag(out, "<th", align(k), ">");
        inline_into(out, h);
        out.push_str("</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let mut i = start + 2;
    while i < lines.len() && lines[i].trim().starts_with('|') {
        out.push_str("<tr>");
        for (k, c) in cells(lines[i]).iter().enumerate() {
            tag(out, "<td", align(k), ">");
            inline_into(out, c);
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
        i += 1;
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    i
}

/// `(indent, ordered, text)` of a list item line.
fn list_item(line: &str) -> Option<(usize, bool, &str)> {
    let indent = line.len() - line.trim_start().len();
    let t = line.trim_start();
    for m in ["- ", "* ", "+ "] {
        if let Some(rest) = t.strip_prefix(m) {
            return Some((indent, false, rest));
        }
    }
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    if (1..=9).contains(&digits) {
        let rest = t.get(digits..)?;
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some((indent, true, r));
        }
    }
    None
}

/// Renders a list starting at `start` (nested lists by indentation) and
/// returns the index of the first line after it.
fn list(lines: &[&str], start: usize, out: &mut String) -> usize {
    let Some((base, ordered, _)) = list_item(lines[start]) else {
        return start + 1;
    };
    let name = if ordered { "ol" } else { "ul" };
    tag(out, "<", name, ">\n");
    let mut i = start;
    while i < lines.len() {
        let Some((indent, ord, text)) = list_item(lines[i]) else {
            break;
        };
        if indent < base || (indent == base && ord != ordered) {
            break;
        }
        if indent > base {
            // A deeper item without a parent on this level: render it nested.
            out.push_str("<li>");
            i = list(lines, i, out);
            out.push_str("</li>\n");
            continue;
        }
        let mut text = vec![text.trim()];
        i += 1;
        // Continuation lines: indented further, not themselves list items.
        while i < lines.len() {
            let l = lines[i];
            let ind = l.len() - l.trim_start().len();
            if l.trim().is_empty() || ind <= base || list_item(l).is_some() {
                break;
            }
            text.push(l.trim());
            i += 1;
        }
        out.push_str("<li>");
        inline_into(out, &text.join(" "));
        if i < lines.len() {
            if let Some((ind, _, _)) = list_item(lines[i]) {
                if ind > base {
                    out.push('\n');
                    i = list(lines, i, out);
                }
            }
        }
        out.push_str("</li>\n");
        // A blank line between items keeps the list going.
        if i + 1 < lines.len()
            && lines[i].trim().is_empty()
            && list_item(lines[i + 1]).is_some_and(|(ind, o, _)| ind == base && o == ordered)
        {
            i += 1;
        }
    }
    tag(out, "</", name, ">\n");
    i
}

/// Appends `<`/`</`, a tag name and the rest of the tag, piece by piece.
fn tag(out: &mut String, open: &str, name: &str, close: &str) {
    out.push_str(open);
    out.push_str(name);
    out.push_str(close);
}

/// Appends inline Markdown as HTML: escapes, code spans, strong, emphasis
/// and links.
fn inline_into(out: &mut String, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    render_inline(&chars, out);
}

/// [`inline_into`] a new string.
#[cfg(test)]
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    inline_into(&mut out, text);
    out
}

fn find_closing(chars: &[char], from: usize, delim: &[char]) -> Option<usize> {
    let mut i = from;
    while i + delim.len() <= chars.len() {
        if chars[i] == '\\' {
            i += 2;
            continue;
        }
        if chars[i..i + delim.len()] == *delim {
            // A single `*` must not be half of a `**`.
            let single_star = delim == ['*'];
            if single_star && chars.get(i + 1) == Some(&'*') {
                i += 2;
                continue;
            }
            return Some(i);
        }
        i += 1;
    }
    None
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '\0' => {}
        _ => out.push(c),
    }
}

fn render_inline(chars: &[char], out: &mut String) {
    let mut i = 0;
    // The report isolates model text with U+2066–U+2069 (`crate::bidi`);
    // in HTML they become `<bdi>` elements, each closed within this span.
    let mut isolates = 0usize;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\u{2066}'..='\u{2068}' => {
                out.push_str(match c {
                    '\u{2066}' => "<bdi dir=\"ltr\">",
                    '\u{2067}' => "<bdi dir=\"rtl\">",
                    _ => "<bdi>",
                });
                isolates += 1;
                i += 1;
            }
            '\u{2069}' => {
                if isolates > 0 {
                    out.push_str("</bdi>");
                    isolates -= 1;
                }
                i += 1;
            }
            '\\' if chars.get(i + 1).is_some_and(|n| n.is_ascii_punctuation()) => {
                push_escaped(out, chars[i + 1]);
                i += 2;
            }
            '`' => match find_closing(chars, i + 1, &['`']) {
                Some(end) => {
                    out.push_str("<code>");
                    let code: String = chars[i + 1..end].iter().collect();
                    out.push_str(&escape_text(&code));
                    out.push_str("</code>");
                    i = end + 1;
                }
                None => {
                    out.push('`');
                    i += 1;
                }
            },
            '*' if chars.get(i + 1) == Some(&'*') => {
                match find_closing(chars, i + 2, &['*', '*']) {
                    Some(end) if end > i + 2 => {
                        out.push_str("<strong>");
                        render_inline(&chars[i + 2..end], out);
                        out.push_str("</strong>");
                        i = end + 2;
                    }
                    _ => {
                        out.push_str("**");
                        i += 2;
                    }
                }
            }
            '*' => match find_closing(chars, i + 1, &['*']) {
                Some(end) if end > i + 1 && !chars[i + 1].is_whitespace() => {
                    out.push_str("<em>");
                    render_inline(&chars[i + 1..end], out);
                    out.push_str("</em>");
                    i = end + 1;
                }
                _ => {
                    out.push('*');
                    i += 1;
                }
            },
            '[' => match link(chars, i) {
                Some((text_end, url, end)) => {
                    let safe = url.starts_with("https://") || url.starts_with("http://");
                    if safe {
                        push_attr(out, "<a href=\"", &url, "\">");
                    }
                    render_inline(&chars[i + 1..text_end], out);
                    if safe {
                        out.push_str("</a>");
                    }
                    i = end;
                }
                None => {
                    out.push('[');
                    i += 1;
                }
            },
            _ => {
                push_escaped(out, c);
                i += 1;
            }
        }
    }
    for _ in 0..isolates {
        out.push_str("</bdi>");
    }
}

/// `[text](url)` starting at `start`: (index of `]`, url, index after `)`).
fn link(chars: &[char], start: usize) -> Option<(usize, String, usize)> {
    let close = find_closing(chars, start + 1, &[']'])?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = find_closing(chars, close + 2, &[')'])?;
    let url: String = chars[close + 2..end].iter().collect();
    if url.contains(char::is_whitespace) {
        return None;
    }
    Some((close, url, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_three_or_more_of_one_mark() {
        // The former definition, by string comparison.
        let before = |line: &str| {
            let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
            compact.len() >= 3
                && ["-", "*", "_"]
                    .iter()
                    .any(|m| compact.chars().all(|c| c.to_string() == *m))
        };
        for line in [
            "---", "- - -", "***", "___", "__", "-*-", "", "   ", "***x", "----- ", "é--",
            "-- -\t-", "**", "+++", "-",
        ] {
            assert_eq!(is_rule(line), before(line), "{line:?}");
        }
        assert!(is_rule("* * *"));
        assert!(!is_rule("-*-"));
    }

    #[test]
    fn blocks() {
        let md = "# Title\n\nSome *text* and **bold**.\nSame paragraph.\n\n## Findings\n\n\
                  1. first\n2. second\n   continued\n\n- a\n  - nested\n- b\n\n---\n\n> quote\n";
        let html = markdown_to_html(md);
        assert_eq!(
            html,
            "<h1>Title</h1>\n<p>Some <em>text</em> and <strong>bold</strong>. Same paragraph.</p>\n\
             <h2>Findings</h2>\n<ol>\n<li>first</li>\n<li>second continued</li>\n</ol>\n\
             <ul>\n<li>a\n<ul>\n<li>nested</li>\n</ul>\n</li>\n<li>b</li>\n</ul>\n<hr>\n\
             <blockquote><p>quote</p></blockquote>\n"
        );
    }

    #[test]
    fn tables_with_alignment_and_escaped_pipes() {
        let md = "| Theme | Readiness |\n|---|---:|\n| A \\| B | 50% |\n| `x|y` | 1 |\n";
        let html = markdown_to_html(md);
        assert!(html.contains("<th>Theme</th><th class=\"num\">Readiness</th>"));
        assert!(html.contains("<td>A | B</td><td class=\"num\">50%</td>"));
        assert!(html.contains("<td><code>x|y</code></td>"));
    }

    #[test]
    fn raw_html_and_scripts_stay_text() {
        let md = "# <script>alert(1)</script>\n\n<img src=x onerror=alert(1)> & `<b>`\n\n\
                  | <i>a</i> |\n|---|\n| </table><script> |\n\n[x](javascript:alert(1)) [y](https://e.x/?a=\"b)\n";
        let html = markdown_to_html(md);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<i>"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; <code>&lt;b&gt;</code>"));
        assert!(html.contains("<a href=\"https://e.x/?a=&quot;b\">y</a>"));
    }

    #[test]
    fn unmatched_delimiters_are_literal() {
        assert_eq!(inline("2 * 3 ** 4 `x [a]("), "2 * 3 ** 4 `x [a](");
        assert_eq!(inline("\\*not em\\*"), "*not em*");
        assert_eq!(inline("a_b_c"), "a_b_c");
    }

    #[test]
    fn multibyte_text_is_safe_everywhere() {
        let md = "# Ré**sumé** — 日本\n\n- 🎉 *é*\n\n| é | ü |\n|:-:|--|\n| 日 | 本 |\n";
        let html = markdown_to_html(md);
        assert!(html.contains("<h1>Ré<strong>sumé</strong> — 日本</h1>"));
        assert!(html.contains("<li>🎉 <em>é</em></li>"));
        assert!(html.contains("<td class=\"center\">日</td>"));
    }
}
