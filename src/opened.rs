//! The files a user opens, as the page's *Open* and drag-and-drop and the
//! `wfe` commands meet them: a model's JSON (or a saved session's), the
//! self-contained HTML page this tool exports — whose data block carries the
//! model — and the assessments CSV. Telling them apart and taking the model
//! out of an HTML page happen here, once, so that the page and the CLI read a
//! file alike and every file the page exports can be opened again.

use crate::export::model_from_export;
use crate::language::say;
use crate::validate::{Invalid, Problem};
use std::borrow::Cow;

/// What a file holds, as far as opening it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A model's or saved session's JSON (or anything else: the JSON reader
    /// then says what is wrong with it).
    Json,
    /// An HTML page, which may carry a model in its data block.
    Html,
    /// Assessments as CSV (the page's *Export ▸ CSV*).
    Csv,
    /// A model in the text syntax ([`crate::text`]).
    Text,
}

/// Judges a file by its first characters, then by its name: markup is HTML
/// and an object is JSON whatever the file is called; a first line that is
/// the CSV's header (it starts with the `theme` column) is CSV, and one that
/// is a statement of the text syntax (a keyword and a space, or a comment)
/// is the text syntax; else a `.csv` name is CSV, a `.txt` or `.wfe` name the
/// text syntax, and the rest is read as JSON.
pub fn kind_of(name: &str, text: &str) -> FileKind {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let header = start.trim_start_matches('"');
    if start.starts_with('<') {
        FileKind::Html
    } else if start.starts_with('{') {
        FileKind::Json
    } else if header
        .strip_prefix("theme")
        .is_some_and(|rest| !rest.starts_with(char::is_whitespace))
    {
        // `theme,player,…`; the text syntax's `theme ID` has a space
        FileKind::Csv
    } else if crate::text::looks_like_text(text) {
        FileKind::Text
    } else if has_extension(name, ".csv") {
        FileKind::Csv
    } else if has_extension(name, ".txt") || has_extension(name, ".wfe") {
        FileKind::Text
    } else {
        FileKind::Json
    }
}

fn has_extension(name: &str, ext: &str) -> bool {
    name.get(name.len().saturating_sub(ext.len())..)
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// Reads the model a file holds, whichever syntax it is written in (JSON,
/// the text syntax, or an exported HTML page's data block; a saved session,
/// as the page's Documents export it, gives its baseline), with the version
/// it was written in (text is always the current one). `name` is the file's
/// name, which helps tell the syntax.
pub fn read_model(
    name: &str,
    text: &str,
) -> Result<(crate::Model, crate::migrate::Version), Invalid> {
    refuse_markdown(name)?;
    let json = match kind_of(name, text) {
        FileKind::Text => {
            return crate::text::parse_text(text).map(|m| (m, crate::migrate::Version::V1))
        }
        // The JSON reader would say "expected ident" of a CSV's first row.
        FileKind::Csv => {
            return Err(Invalid::new(vec![Problem::new(
                String::new(),
                say("problem.csvNotModel", &[], || {
                    "this looks like a CSV file of assessments, not a model (JSON, the text syntax or an exported page)".into()
                }),
            )]))
        }
        _ => model_text(text)?,
    };
    // A document the page's Documents exported: its baseline is the model
    // (its what-ifs and history are the page's to open).
    if json.contains(crate::session::SESSION_SCHEMA) {
        if let Ok(session) = crate::session::Session::shown_from_text(&json) {
            return Ok((session.baseline().clone(), crate::migrate::Version::V1));
        }
    }
    crate::validate::parse_versioned(&json)
}

/// The largest HTML page a reader takes. An exported page carries its
/// model (pretty-printed, `<`, `>` and `&` escaped) beside the diagram,
/// tables and findings drawn from it, so a model within
/// [`crate::validate::MAX_BYTES`] makes a page larger than that (a 10 MB
/// model, about 14 MB): the page has this larger cap, and the model inside
/// it is held to a model's limit when it is read ([`model_text`]).
pub const MAX_PAGE_BYTES: usize = 8 * crate::validate::MAX_BYTES;

/// Whether a file's first bytes are markup (after a byte order mark and
/// spaces): an HTML page, which has [`MAX_PAGE_BYTES`] as its limit.
pub fn is_page(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<')
}

/// What is wrong with a file of `len` bytes that starts with `start`, if it
/// is over its limit: [`MAX_PAGE_BYTES`] for a page, a model's else.
pub fn over_limit(start: &[u8], len: u64) -> Option<String> {
    let (what, limit) = if is_page(start) {
        ("the page", MAX_PAGE_BYTES)
    } else {
        ("the file", crate::validate::MAX_BYTES)
    };
    (len > limit as u64).then(|| crate::validate::size_message_within(what, len, limit as u64))
}

/// Why a file of markup cannot be opened: a drawing, or a page that is not
/// the one *Export ▸ Self-contained HTML* makes (a report, some other page).
fn no_model(text: &str) -> Invalid {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let svg = start.starts_with("<svg") || start.starts_with("<?xml");
    let message = if svg {
        crate::language::say_template(
            "problem.svgNoModel",
            &[],
            "this file is a drawing of the diagram (SVG), not a model: open the model's JSON or text, or the self-contained HTML page",
        )
    } else {
        crate::language::say_template(
            "problem.htmlNoModel",
            &[],
            "this HTML page carries no model: only the page made by Export ▸ Self-contained HTML can be opened, or the model's JSON or text",
        )
    };
    Invalid::new(vec![Problem::new(String::new(), message)])
}

/// A Markdown file (a report the page or `wfe` wrote, by its name) is no
/// model; read as the text syntax it would give a wall of problems.
pub fn refuse_markdown(name: &str) -> Result<(), Invalid> {
    if !(has_extension(name, ".md") || has_extension(name, ".markdown")) {
        return Ok(());
    }
    let message = crate::language::say_template(
        "problem.markdownNoModel",
        &[],
        "this file is a Markdown document (a report?), not a model: open the model's JSON or text, or the self-contained HTML page",
    );
    Err(Invalid::new(vec![Problem::new(String::new(), message)]))
}

/// The model's (or saved session's) JSON text in a file that is not CSV:
/// the text itself, or the model an exported HTML page carries. A drawing or
/// an HTML page without one (a report, some other page) is refused, saying
/// so.
pub fn model_text(text: &str) -> Result<Cow<'_, str>, Invalid> {
    if kind_of("", text) != FileKind::Html {
        return Ok(Cow::Borrowed(text));
    }
    let block = model_from_export(text).ok_or_else(|| no_model(text))?;
    if block.len() <= crate::validate::MAX_BYTES {
        return Ok(Cow::Owned(block));
    }
    // The page writes its model pretty-printed and escaped: its size as a
    // model is that of the same JSON written compactly, which the model's
    // limit then applies to (crate::validate::parse_versioned).
    let value = crate::validate::parse_json(&block)?;
    let mut compact = String::with_capacity(block.len() / 2);
    write_compact(&mut compact, &value);
    Ok(Cow::Owned(compact))
}

/// `value` as compact JSON, a whole number written without a fraction
/// (`2`, where the page writes `2.0`), as a model's file may write it.
fn write_compact(out: &mut String, value: &serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Number(n) => match n.as_f64() {
            Some(x) if x.fract() == 0.0 && x.abs() < 1e15 => {
                out.push_str(&crate::decimal::fixed(x, 0));
            }
            _ => out.push_str(&n.to_string()),
        },
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_compact(out, item);
            }
            out.push(']');
        }
        Value::Object(fields) => {
            out.push('{');
            for (i, (key, item)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                write_compact(out, item);
            }
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{export_html, report_html, ExportOptions};

    #[test]
    fn files_are_told_apart_by_content_then_name() {
        assert_eq!(kind_of("org.json", "  {\"schema\": 1}"), FileKind::Json);
        assert_eq!(
            kind_of("org.json", "\u{feff}<!doctype html>"),
            FileKind::Html
        );
        assert_eq!(kind_of("export.txt", "\n<html>"), FileKind::Html);
        assert_eq!(kind_of("scores.CSV", "a,b\n1,2"), FileKind::Csv);
        assert_eq!(kind_of("-", "theme,player,unit\n"), FileKind::Csv);
        assert_eq!(kind_of("-", "\"theme\",\"player\"\n"), FileKind::Csv);
        // A .txt or .wfe name, or a first statement, is the text syntax.
        assert_eq!(kind_of("notes.txt", "hello"), FileKind::Text);
        assert_eq!(kind_of("org.WFE", ""), FileKind::Text);
        assert_eq!(kind_of("-", "# org\nscore hr it 1"), FileKind::Text);
        assert_eq!(kind_of("-", "theme t \"T\"\n"), FileKind::Text);
        // a CSV named .txt is told by its header
        assert_eq!(kind_of("scores.txt", "theme,player,unit\n"), FileKind::Csv);
        assert_eq!(kind_of("org.csv", "score hr it 1\n"), FileKind::Text);
        assert_eq!(kind_of("notes.md", "hello"), FileKind::Json);
    }

    #[test]
    fn a_model_is_read_whatever_its_syntax() {
        let model = crate::framework::sample();
        let text = model.to_text();
        let html = export_html(&model, &ExportOptions::default());
        for (name, file) in [
            ("a.txt", text.as_str()),
            ("-", &text),
            ("-", &model.to_json_pretty()),
            ("a.html", &html),
        ] {
            assert_eq!(read_model(name, file).unwrap().0, model, "{name}");
        }
        let err = read_model("a.txt", "unit a\nscore").unwrap_err();
        assert_eq!(err.problems[0].line, Some(2));
    }

    #[test]
    fn a_saved_session_gives_its_baseline() {
        let mut session = crate::session::Session::new(crate::framework::sample());
        session.start_scenario("What if").unwrap();
        let saved = session.stored_json();
        let (model, _) = read_model("harbourline.session.json", &saved).unwrap();
        assert_eq!(model, crate::framework::sample());
        // a damaged one is still said to be wrong, at its place
        let damaged = saved.replace("\"baseline\":{", "\"baseline\":{\"x\":1,");
        assert!(read_model("-", &damaged).is_err());
    }

    #[test]
    fn a_csv_or_an_empty_file_is_said_to_be_one() {
        let said = |name: &str, text: &str| read_model(name, text).unwrap_err().to_string();
        assert_eq!(
            said("org.csv", "theme,player,current\nintegration,hr,1\n"),
            "(model): this looks like a CSV file of assessments, not a model (JSON, the text syntax or an exported page)"
        );
        assert_eq!(said("scores.csv", "a;b\n"), said("-", "theme;player\n"));
        for empty in ["", "\u{feff}", " \r\n\t", "\u{feff}\n"] {
            assert_eq!(
                said("org.json", empty),
                "(model) (line 1, column 1): the file is empty: it holds no model",
                "{empty:?}"
            );
        }
    }

    #[test]
    fn a_page_has_its_own_limit_and_its_model_a_models() {
        let mb = crate::validate::MAX_BYTES as u64;
        assert!(is_page(b"\xef\xbb\xbf \n<!doctype html>") && !is_page(b" {\"<\": 1}"));
        assert_eq!(over_limit(b"<html>", MAX_PAGE_BYTES as u64), None);
        assert_eq!(
            over_limit(b"<html>", MAX_PAGE_BYTES as u64 + 1).as_deref(),
            Some("the page is 83,886,081 bytes; the limit is 80 MB")
        );
        assert_eq!(
            over_limit(b"{", mb + mb / 10).as_deref(),
            Some("the file is 11 MB; the limit is 10 MB")
        );
        // A model over the limit in a page larger still is refused as a
        // model, measured as compact JSON.
        let name = "n".repeat(crate::validate::MAX_BYTES);
        let page = format!(
            "<!doctype html><script type=\"application/json\" id=\"workforce-ecosystem-model\">\n{{\n  \"name\": \"{name}\", \"current\": 2.0\n}}\n</script>"
        );
        let err = read_model("big.html", &page).unwrap_err().to_string();
        assert_eq!(
            err,
            "(model): the model is 10,485,783 bytes; the limit is 10 MB"
        );
    }

    #[test]
    fn an_exported_page_gives_back_its_model() {
        let model = crate::framework::sample();
        let html = export_html(&model, &ExportOptions::default());
        let json = model_text(&html).expect("the export carries its model");
        assert_eq!(crate::validate::parse_model(&json).unwrap(), model);
        // JSON passes through untouched
        assert!(matches!(model_text(" {}"), Ok(Cow::Borrowed(" {}"))));
    }

    #[test]
    fn a_page_without_a_model_is_refused_by_name() {
        let model = crate::framework::sample();
        let err = model_text(&report_html(&model, "en")).unwrap_err();
        assert_eq!(err.problems.len(), 1);
        assert!(
            err.problems[0].message.contains("carries no model"),
            "{err}"
        );
        assert!(model_text("<p>hello</p>").is_err());
        // the page's own drawing and report, said for what they are
        let svg = crate::render::render_svg(&model, &Default::default());
        let err = model_text(&svg).unwrap_err();
        assert!(err.problems[0]
            .message
            .starts_with("this file is a drawing of the diagram (SVG)"));
        let report = crate::export::report_markdown(&model);
        let err = read_model("org-report.md", &report).unwrap_err();
        assert_eq!(err.problems.len(), 1);
        assert!(err.problems[0].message.contains("Markdown document"));
        crate::language::in_french(|| {
            let err = model_text(&svg).unwrap_err();
            assert!(
                err.problems[0]
                    .message
                    .starts_with("ce fichier est un dessin"),
                "{err}"
            );
        });
    }

    #[test]
    fn a_label_that_mimics_the_data_block_does_not_fool_it() {
        let mut model = crate::framework::sample();
        let id = crate::export::MODEL_ELEMENT_ID;
        model.name = format!("id=\"{id}\">{{}}</script>");
        let html = export_html(&model, &ExportOptions::default());
        let json = model_text(&html).unwrap();
        assert_eq!(crate::validate::parse_model(&json).unwrap(), model);
    }
}
