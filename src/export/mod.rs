//! Files a user takes away: a self-contained HTML document (diagram, readiness,
//! findings and the model itself, readable from disk with no network and no
//! script), and the analysis report as Markdown or HTML.
//!
//! Every label, note and id in a model is untrusted. Here it only ever reaches
//! the output through [`escape_text`], [`escape_attr`] or [`json_for_script`],
//! and the documents carry a content-security policy that forbids scripts,
//! so even a label that somehow broke out of its element could not run.
//! Control characters become U+FFFD, so that a document printed to a
//! terminal cannot drive it.

mod document;
mod markdown;
pub mod what_if;

pub use document::{
    export_html, model_from_export, ExportOptions, DEFAULT_TEXTS, MODEL_ELEMENT_ID,
};
pub use markdown::markdown_to_html;

use crate::analysis;
use crate::model::Model;

/// The stylesheet of exported documents, screen and print (`export.css`
/// without its comments).
pub const EXPORT_CSS: &str = crate::css::text(&SHEET);
const SRC: &[u8] = include_bytes!("export.css");
const SHEET: [u8; crate::css::stripped_len(SRC)] = crate::css::strip(SRC);

/// The policy every exported document declares: nothing loads, nothing runs;
/// only the document's own `<style>` applies.
pub const EXPORT_CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/// Escapes text for an HTML element's content.
pub fn escape_text(text: &str) -> String {
    escape(text, false)
}

/// Escapes text for a double- or single-quoted HTML attribute value.
pub fn escape_attr(text: &str) -> String {
    escape(text, true)
}

fn escape(text: &str, in_attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, "", text, "", in_attribute);
    out
}

/// Appends `before`, `text` escaped for element content, then `after`:
/// the pieces of a document go straight into it, without a `format!`
/// string per element.
pub(crate) fn push_text(out: &mut String, before: &str, text: &str, after: &str) {
    push_escaped(out, before, text, after, false);
}

/// [`push_text`] for a sentence in which model text is isolated with
/// U+2066–U+2069 ([`crate::bidi`]): each isolate becomes a `<bdi>` element,
/// every one closed before `after`.
pub(crate) fn push_isolated_text(out: &mut String, before: &str, text: &str, after: &str) {
    out.push_str(before);
    let mut open = 0usize;
    let mut rest = text;
    while let Some(at) = rest.find(['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}']) {
        push_escaped(out, "", rest.get(..at).unwrap_or_default(), "", false);
        let mark = rest
            .get(at..)
            .and_then(|r| r.chars().next())
            .unwrap_or('\u{2069}');
        match mark {
            '\u{2066}' => out.push_str("<bdi dir=\"ltr\">"),
            '\u{2067}' => out.push_str("<bdi dir=\"rtl\">"),
            '\u{2068}' => out.push_str("<bdi>"),
            _ if open == 0 => {}
            _ => {
                out.push_str("</bdi>");
                open -= 1;
            }
        }
        if mark != '\u{2069}' {
            open += 1;
        }
        rest = rest.get(at + mark.len_utf8()..).unwrap_or_default();
    }
    push_escaped(out, "", rest, "", false);
    for _ in 0..open {
        out.push_str("</bdi>");
    }
    out.push_str(after);
}

/// [`push_text`] for a quoted attribute value.
pub(crate) fn push_attr(out: &mut String, before: &str, text: &str, after: &str) {
    push_escaped(out, before, text, after, true);
}

fn push_escaped(out: &mut String, before: &str, text: &str, after: &str, in_attribute: bool) {
    out.push_str(before);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if in_attribute => out.push_str("&quot;"),
            '\'' if in_attribute => out.push_str("&#39;"),
            // NUL is replaced by parsers anyway; dropping it keeps output clean.
            '\0' => {}
            c if stray_control(c) => out.push('\u{FFFD}'),
            _ => out.push(c),
        }
    }
    out.push_str(after);
}

/// A control character other than tab and line breaks: never text a reader
/// means to see, and in a file printed to a terminal an escape sequence (a
/// cleared screen, a new window title). HTML and CSV outputs write U+FFFD in
/// its place, as the SVG does ([`crate::render`]'s XML cleaning).
pub(crate) fn stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// A value as pretty-printed JSON in which every control character is a
/// `\u` escape. serde_json escapes the C0 controls but writes DEL and the C1
/// controls as they are, and a C1 control (U+009B opens an escape sequence)
/// in a file printed to a terminal drives it as ESC does. Only strings can
/// hold them, so escaping them after writing reads back to the same value.
pub fn json_pretty(value: &impl serde::Serialize) -> String {
    // Writing to a string fails only for a map with keys that are not
    // strings, which no type of the crate has.
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    json_escaping(text, |_| false)
}

/// [`json_pretty`] that can sit inside `<script type="application/json">`:
/// the characters that could end the element (`</script`), open a comment
/// (`<!--`) or start an entity are `\u` escapes too.
pub fn json_for_script(value: &impl serde::Serialize) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    json_escaping(text, |c| {
        matches!(c, '<' | '>' | '&' | '\u{2028}' | '\u{2029}')
    })
}

/// `text` with the characters `also` picks and every control character
/// serde_json left raw written as JSON `\u` escapes.
fn json_escaping(text: String, also: impl Fn(char) -> bool) -> String {
    let escaped = |c: char| stray_control(c) || also(c);
    if !text.contains(escaped) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if escaped(c) {
            use std::fmt::Write;
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// The analysis report of a model in Markdown.
pub fn report_markdown(model: &Model) -> String {
    analysis::analysis_markdown(model, &analysis::analyze(model))
}

/// The analysis report of a model as a complete HTML document: the Markdown
/// report's content, every piece of text escaped.
pub fn report_html(model: &Model, lang: &str) -> String {
    let body = markdown_to_html(&report_markdown(model));
    let title = if model.name.trim().is_empty() {
        crate::language::say_template("report.page", &[], "Workforce ecosystem report")
    } else {
        crate::language::say_template(
            "report.page.named",
            &[("name", &model.name)],
            "{name} — workforce ecosystem report",
        )
    };
    html_page(lang, &title, "report", &format!("<main>\n{body}</main>\n"))
}

/// A complete HTML document around `body` (already escaped HTML).
pub(crate) fn html_page(lang: &str, title: &str, class: &str, body: &str) -> String {
    let lang = if lang.trim().is_empty() { "en" } else { lang };
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"workforce-ecosystem {version}\">\n\
         <title>{title}</title>\n<style>\n{css}</style>\n</head>\n\
         <body class=\"{class}\">\n{body}</body>\n</html>\n",
        lang = escape_attr(lang),
        csp = EXPORT_CSP,
        version = env!("CARGO_PKG_VERSION"),
        title = escape_text(title),
        css = EXPORT_CSS,
        class = escape_attr(class),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attribute_escaping() {
        assert_eq!(escape_text("a<b>&c\"'"), "a&lt;b&gt;&amp;c\"'");
        assert_eq!(
            escape_attr("\"x' onload='y\"<>&"),
            "&quot;x&#39; onload=&#39;y&quot;&lt;&gt;&amp;"
        );
    }

    #[test]
    fn script_json_cannot_end_its_element_and_reads_back() {
        let mut value = crate::model::Model::empty("</script><!-- & \u{2028} -->");
        value
            .units
            .push(crate::model::Item::new("u", "<b>&amp;</b>"));
        let text = json_for_script(&value);
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        assert!(!text.contains('\u{2028}'));
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, serde_json::to_value(&value).unwrap());
    }

    #[test]
    fn json_escapes_every_control_and_reads_back() {
        let name = "a\u{9b}31m\u{1b}]0;t\u{7}\u{7f}\u{85}é\t";
        let value = crate::model::Model::empty(name);
        for text in [json_pretty(&value), value.to_json_pretty()] {
            assert!(!text.chars().any(stray_control), "{text:?}");
            assert!(text.contains("\\u009b") && text.contains("\\u007f"));
            assert!(text.contains('é'), "printable text stays as it is");
            let back: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(back["name"], name);
        }
        // without controls, serde_json's own text
        let plain = crate::model::Model::empty("plain");
        assert_eq!(
            json_pretty(&plain),
            serde_json::to_string_pretty(&plain).unwrap()
        );
    }

    #[test]
    fn pages_declare_a_policy_without_scripts() {
        let page = html_page("fr\" onload=\"x", "<t>", "c", "<p>b</p>");
        assert!(page.contains("lang=\"fr&quot; onload=&quot;x\""));
        assert!(page.contains("<title>&lt;t&gt;</title>"));
        assert!(page.contains("default-src 'none'"));
        assert!(!page.contains("script-src"));
    }
}
