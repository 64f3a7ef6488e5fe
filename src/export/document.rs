//! The self-contained HTML export: one file with the diagram, readiness, the
//! findings and the model, readable offline, printable, and with no script.

use super::{html_page, json_for_script, push_attr, push_text};
use crate::analysis::{self, Analysis};
use crate::model::{Item, Model};
use crate::render::{self, Caption, Overlay, RenderOptions};
use crate::validate::fields::{self, Fields, Need, Reader};
use crate::validate::Invalid;
use serde_json::Value;
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;

/// The `id` of the `<script type="application/json">` element holding the
/// model, so that the file can be loaded back into the page.
pub const MODEL_ELEMENT_ID: &str = "workforce-ecosystem-model";

/// The end of the data block's start tag, after which the model's JSON
/// begins (spelled out: a `format!` per read costs the Wasm module bytes).
const MODEL_MARKER: &str = "id=\"workforce-ecosystem-model\">";

/// The words of the exported document, by key, in English. In another
/// language the core says them itself, from its catalogue's
/// `exportdoc.<key>` ([`crate::language`]), so that `wfe export --lang fr`
/// and the page's export are French alike. A caller may still override any
/// of them in [`ExportOptions::texts`]. Finding kinds are `kind.<kind>`.
/// What is shown (overlay, unit, what-if, date) is said by the drawing's
/// title block, in the core's language.
pub const DEFAULT_TEXTS: [(&str, &str); 19] = [
    ("subtitle", "Workforce ecosystem orchestration framework"),
    ("diagram", "Diagram"),
    ("readiness", "Readiness"),
    ("overall", "Overall"),
    ("themes", "Themes"),
    ("players", "Players"),
    ("units", "Units"),
    ("findings", "Findings"),
    ("noFindings", "No findings."),
    ("notAssessed", "not assessed"),
    ("severity", "severity"),
    (
        "modelNote",
        "This file also holds the model as JSON, so it can be opened again in the workforce ecosystem orchestrator.",
    ),
    ("kind.maturity-gap", "Maturity gap"),
    ("kind.uncovered", "Uncovered"),
    ("kind.redundant", "Redundant"),
    ("kind.conflict", "Conflict"),
    ("kind.untracked", "Untracked"),
    ("kind.fragmented", "Fragmented"),
    ("kind.silo", "Silo"),
];

/// What to export and in which words. In JSON every option may be left out
/// or `null`.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportOptions {
    pub overlay: Overlay,
    /// One unit's scores; `None` shows the mean over units.
    pub unit: Option<String>,
    /// The diagram's layout.
    pub layout: crate::layout::LayoutKind,
    /// The document's language tag (`lang`); `en` when empty.
    pub lang: String,
    /// Words overriding [`DEFAULT_TEXTS`] (and the current language's
    /// words for them), by key. The page leaves it empty: the core says
    /// the words in the page's language.
    pub texts: HashMap<String, String>,
    /// What the header's title block says beside the overlay and unit (the
    /// what-if on show, the date), as an exported SVG's title block says
    /// it; `false` (or `None`) says neither. The drawing has no title block
    /// of its own: the header above it is one.
    pub caption: Option<Caption>,
}

impl Default for ExportOptions {
    fn default() -> ExportOptions {
        ExportOptions {
            overlay: Overlay::default(),
            unit: None,
            layout: crate::layout::LayoutKind::default(),
            lang: String::new(),
            texts: HashMap::new(),
            caption: Some(Caption::default()),
        }
    }
}

impl ExportOptions {
    /// Reads the options from their JSON form; `null` means every default.
    pub fn from_json(v: Value) -> Result<ExportOptions, Invalid> {
        fields::read_options(v, "export options", |r, mut f| ExportOptions {
            overlay: render::read_overlay(r, &mut f),
            unit: f.string(r, "unit", Need::Optional),
            layout: render::read_layout(r, &mut f),
            lang: f.string(r, "lang", Need::Optional).unwrap_or_default(),
            texts: read_texts(r, &mut f),
            caption: render::read_caption(r, &mut f).unwrap_or(Some(Caption::default())),
        })
    }

    /// The word for `key`: the caller's, else the current language's
    /// `exportdoc.<key>`, else the English default, else the key.
    pub fn text<'a>(&'a self, key: &'a str) -> Cow<'a, str> {
        if let Some(t) = self.texts.get(key) {
            return Cow::Borrowed(t);
        }
        let english = DEFAULT_TEXTS.iter().find(|(k, _)| *k == key);
        if let (Some(_), Some(language)) = (english, crate::language::current()) {
            if let Some(t) = language.text(&format!("exportdoc.{key}")) {
                return Cow::Owned(t.to_string());
            }
        }
        Cow::Borrowed(english.map_or(key, |(_, v)| *v))
    }
}

/// The `texts` option: an object of words by key.
fn read_texts(r: &mut Reader, f: &mut Fields) -> HashMap<String, String> {
    let Some(v) = f.take(r, "texts", Need::Optional) else {
        return HashMap::new();
    };
    let at = f.at().key("texts");
    let Some(words) = r.open_object(v, at, "words by key") else {
        return HashMap::new();
    };
    let mut texts = HashMap::new();
    for (key, v) in words.into_entries() {
        if let Some(word) = r.string(v, &at.key(&key)) {
            texts.insert(key, word);
        }
    }
    texts
}

fn percent(x: Option<f64>, opts: &ExportOptions) -> String {
    match x {
        Some(v) if v.is_finite() => crate::language::percent(&crate::decimal::whole_percent(v)),
        _ => opts.text("notAssessed").into_owned(),
    }
}

/// A table of readiness per item, in the model's order.
fn readiness_table(
    out: &mut String,
    caption: &str,
    items: &[Item],
    values: &crate::analysis::ById<Option<f64>>,
    opts: &ExportOptions,
) {
    if items.is_empty() {
        return;
    }
    // In its own scroll box, as the reports' tables are: a name of 200
    // letters without a space widens the table, not the page.
    push_text(
        out,
        "<div class=\"table-scroll\" tabindex=\"0\">\n<table class=\"readiness\">\n<caption>",
        caption,
        "</caption>\n<tbody>\n",
    );
    for item in items {
        let v = values.get(item.id.as_str()).copied().flatten();
        let bar = v
            .filter(|x| x.is_finite())
            .map(|x| (x.clamp(0.0, 1.0) * 100.0).round() as u32);
        push_text(out, "<tr><th scope=\"row\">", &item.label, "</th>");
        push_text(
            out,
            "<td class=\"num\">",
            &percent(v, opts),
            "</td><td class=\"bar\">",
        );
        if let Some(b) = bar {
            // The bar is drawn with a <meter>, so no inline style is needed.
            let _ = write!(out, "<meter min=\"0\" max=\"100\" value=\"{b}\"></meter>");
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
}

/// The self-contained HTML document of a valid model.
pub fn export_html(model: &Model, opts: &ExportOptions) -> String {
    let report = analysis::analyze(model);
    body_and_page(model, &report, opts)
}

fn body_and_page(model: &Model, report: &Analysis, opts: &ExportOptions) -> String {
    let t = |key| opts.text(key);
    // The standard names as the diagram and the findings say them.
    let shown_model = crate::language::localized(model);
    let fw = &shown_model.framework;
    let mut body = String::new();

    let diagram = RenderOptions {
        overlay: opts.overlay,
        unit: opts.unit.clone(),
        standalone: true,
        layout: opts.layout,
        // The header is the document's title block; the same block in the
        // drawing said it all a second time.
        caption: None,
        ..RenderOptions::default()
    };
    let shown = opts.caption.clone().unwrap_or_default();
    let (name, shown) = render::caption_lines(model, &diagram, &shown);
    push_text(&mut body, "<header>\n<h1>", &name, "</h1>\n");
    push_text(
        &mut body,
        "<p class=\"subtitle\">",
        &t("subtitle"),
        "</p>\n",
    );
    super::push_isolated_text(&mut body, "<p class=\"shown\">", &shown, "</p>\n");
    body.push_str("</header>\n<main>\n");

    let svg = render::render_svg(model, &diagram);
    // The SVG is the renderer's own escaped output; an XML declaration would
    // be stray text inside HTML, so it is left out.
    let svg = match svg.find("<svg") {
        Some(start) if svg.starts_with("<?xml") => &svg[start..],
        _ => svg.as_str(),
    };
    push_attr(
        &mut body,
        "<figure class=\"diagram\" aria-label=\"",
        &t("diagram"),
        "\">\n",
    );
    body.push_str(svg);
    body.push_str("\n</figure>\n");

    push_text(
        &mut body,
        "<section class=\"readiness-section\">\n<h2>",
        &t("readiness"),
        "</h2>\n",
    );
    push_text(&mut body, "<p class=\"overall\">", &t("overall"), "");
    // French puts a no-break space before the colon.
    body.push_str(&crate::language::say_template("export.colon", &[], ": "));
    push_text(
        &mut body,
        "<strong>",
        &percent(report.readiness.overall, opts),
        "</strong></p>\n",
    );
    let r = &report.readiness;
    body.push_str("<div class=\"tables\">\n");
    readiness_table(&mut body, &t("themes"), &fw.themes, &r.themes, opts);
    readiness_table(&mut body, &t("players"), &fw.players, &r.players, opts);
    readiness_table(&mut body, &t("units"), &model.units, &r.units, opts);
    body.push_str("</div>\n</section>\n");

    push_text(
        &mut body,
        "<section class=\"findings\">\n<h2>",
        &t("findings"),
        "</h2>\n",
    );
    if report.findings.is_empty() {
        push_text(&mut body, "<p>", &t("noFindings"), "</p>\n");
    } else {
        body.push_str("<ol>\n");
        for f in &report.findings {
            let key = format!("kind.{}", f.kind.as_str());
            let kind = opts.text(&key);
            let kind = if kind == key.as_str() {
                f.kind.as_str()
            } else {
                &kind
            };
            let b = &mut body;
            push_attr(
                b,
                "<li class=\"finding\" data-kind=\"",
                f.kind.as_str(),
                "\">",
            );
            push_text(b, "<span class=\"kind\">", kind, "</span> ");
            push_text(b, "<span class=\"severity\">", &t("severity"), " ");
            let severity = crate::language::number(format_severity(f.severity));
            push_text(b, "", &severity, "</span>");
            super::push_isolated_text(b, "<p>", &f.explanation(), "</p></li>\n");
        }
        body.push_str("</ol>\n");
    }
    body.push_str("</section>\n");
    disagreements(&mut body, report);
    body.push_str("</main>\n");
    push_text(&mut body, "<footer><p>", &t("modelNote"), "</p></footer>\n");
    body.push_str("<script type=\"application/json\" id=\"");
    body.push_str(MODEL_ELEMENT_ID);
    body.push_str("\">\n");
    body.push_str(&json_for_script(model));
    body.push_str("\n</script>\n");

    let title = if model.name.trim().is_empty() {
        t("subtitle").to_string()
    } else {
        format!("{} — {}", crate::bidi::isolate(&model.name), t("subtitle"))
    };
    html_page(&opts.lang, &title, "export", &body)
}

/// Where merged responses disagree, as the report lists them: a handout
/// that showed only the means would hide it.
fn disagreements(body: &mut String, report: &Analysis) {
    use crate::language::say_template as say;
    if report.disagreements.is_empty() {
        return;
    }
    let heading = say("report.disagreements", &[], "Disagreements");
    push_text(
        body,
        "<section class=\"disagreements\">\n<h2>",
        &heading,
        "</h2>\n",
    );
    let intro = say(
        "report.disagreementsIntro",
        &[],
        "Cells whose respondents are two scale steps apart or more: their mean hides the difference.",
    );
    push_text(body, "<p>", &intro, "</p>\n<ol>\n");
    for d in &report.disagreements {
        let value = crate::language::number(format_severity(d.severity));
        let spread = say("report.spread", &[("value", &value)], "(spread {value})");
        push_attr(body, "<li class=\"finding\" data-kind=\"", d.kind, "\">");
        push_text(body, "<p>", &spread, " ");
        super::push_isolated_text(body, "", &d.explanation, "</p></li>\n");
    }
    body.push_str("</ol>\n</section>\n");
}

/// Severity with at most two decimals, trailing zeros dropped.
fn format_severity(s: f64) -> String {
    if !s.is_finite() {
        return String::new();
    }
    let hundredths = (s * 100.0).round() as i64;
    let (whole, frac) = (hundredths / 100, (hundredths % 100).abs());
    let sign = if hundredths < 0 && whole == 0 {
        "-"
    } else {
        ""
    };
    match frac {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        f => format!("{sign}{whole}.{f:02}"),
    }
}

/// Reads the model back out of an exported document's data block. Its
/// marker cannot occur earlier: the model's text before it is escaped (`>`
/// in text, `"` in attributes), so a label cannot imitate it.
pub fn model_from_export(html: &str) -> Option<String> {
    let start = html.find(MODEL_MARKER)? + MODEL_MARKER.len();
    let len = html[start..].find("</script>")?;
    Some(html[start..start + len].trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_holds_diagram_sections_and_model() {
        let model = crate::framework::sample();
        let html = export_html(&model, &ExportOptions::default());
        assert!(html.starts_with("<!doctype html>"));
        assert!(html.contains("<figure class=\"diagram\""));
        assert!(html.contains("<svg"));
        assert!(html.contains("<h2>Readiness</h2>"));
        assert!(html.contains("<h2>Findings</h2>"));
        let json = model_from_export(&html).unwrap();
        let back = crate::validate::parse_model(&json).unwrap();
        assert_eq!(back, model);
        assert_eq!(MODEL_MARKER, format!("id=\"{MODEL_ELEMENT_ID}\">"));
    }

    #[test]
    fn the_header_carries_the_title_block_once() {
        let mut model = crate::framework::sample();
        model.units[0].label = "Retail \u{202e}RTL".into();
        let opts = ExportOptions::from_json(serde_json::json!({
            "overlay": "gap", "unit": model.units[0].id.clone(),
            "caption": {"scenario": "Hire <b>two</b>", "date": "4 December 2026"}
        }))
        .unwrap();
        let html = export_html(&model, &opts);
        let shown = "Gaps to target · <bdi>Retail \u{202e}RTL</bdi> · What-if: \
                     Hire &lt;b&gt;two&lt;/b&gt; · 4\u{a0}December\u{a0}2026";
        assert!(
            html.contains(&format!("<p class=\"shown\">{shown}</p>")),
            "{html}"
        );
        assert!(html.contains("<h1>Harbourline Group</h1>"));
        // The drawing does not say it all again.
        let svg = &html[html.find("<svg").unwrap()..];
        assert!(!svg.contains("class=\"caption\""));
        assert!(!svg.contains("Harbourline Group\n</text>"));
        assert!(!svg.contains("What-if"));
        // Asked for none, the header says what is shown without the what-if
        // and the date.
        let bare = ExportOptions {
            caption: None,
            ..opts
        };
        let html = export_html(&model, &bare);
        assert!(!html.contains("class=\"caption\""));
        assert!(
            html.contains("<p class=\"shown\">Gaps to target · <bdi>Retail \u{202e}RTL</bdi></p>")
        );
    }

    #[test]
    fn severities_print_short() {
        let cases = [
            (2.0, "2"),
            (1.5, "1.5"),
            (0.125, "0.13"),
            (-0.5, "-0.5"),
            (12.3456, "12.35"),
        ];
        for (x, want) in cases {
            assert_eq!(format_severity(x), want);
        }
        assert_eq!(format_severity(f64::NAN), "");
    }

    #[test]
    fn texts_and_lang_follow_the_options() {
        let model = crate::framework::sample();
        let opts = ExportOptions::from_json(serde_json::json!(
            {"overlay": "gap", "lang": "fr", "texts": {"findings": "Constats", "subtitle": "Cadre"}}
        ))
        .unwrap();
        let html = export_html(&model, &opts);
        assert!(html.contains("<html lang=\"fr\">"));
        assert!(html.contains("<h2>Constats</h2>"));
        assert!(html.contains("<p class=\"subtitle\">Cadre</p>"));
        // Unset texts keep their English defaults.
        assert!(html.contains("<h2>Readiness</h2>"));
    }

    /// In another language the core says the document's words itself; a
    /// caller's word still wins.
    #[test]
    fn the_document_speaks_the_cores_language() {
        let french = include_str!("../../www/i18n/core-fr.json");
        let fr = crate::language::Language::from_json(french).unwrap();
        crate::language::set(Some(fr.clone()));
        let opts = ExportOptions {
            texts: HashMap::from([("themes".into(), "Axes".into())]),
            ..ExportOptions::default()
        };
        let html = export_html(&crate::framework::sample(), &opts);
        let words: Vec<(&str, String)> = DEFAULT_TEXTS
            .iter()
            .map(|(key, _)| (*key, opts.text(key).into_owned()))
            .collect();
        crate::language::set(None);
        for (key, word) in words {
            let want = match key {
                "themes" => "Axes",
                _ => fr.text(&format!("exportdoc.{key}")).unwrap(),
            };
            assert_eq!(word, want, "{key}");
        }
        assert!(html.contains("<h2>Constats</h2>") && html.contains("<caption>Axes</caption>"));
        assert!(html.contains("Globale\u{a0}: <strong>42\u{202f}%</strong>"));
        assert!(html.contains("<th scope=\"row\">Approches de leadership</th>"));
        assert_eq!(opts.text("findings"), "Findings", "English again");
    }

    #[test]
    fn the_callers_word_then_the_default_then_the_key() {
        let opts = ExportOptions {
            texts: HashMap::from([("findings".into(), "Résultats".into())]),
            ..ExportOptions::default()
        };
        assert_eq!(opts.text("findings"), "Résultats");
        assert_eq!(opts.text("readiness"), "Readiness");
        assert_eq!(opts.text("no such key"), "no such key");
    }

    #[test]
    fn export_options_read_their_json_form() {
        let read = |v| ExportOptions::from_json(v).map_err(|e| e.to_string());
        let texts = HashMap::from([("findings".to_string(), "Constats".to_string())]);
        assert_eq!(
            read(
                serde_json::json!({"unit": "hq", "lang": null, "layout": "square", "texts": {"findings": "Constats"}, "more": 1})
            ),
            Ok(ExportOptions {
                overlay: Overlay::None,
                unit: Some("hq".into()),
                layout: crate::layout::LayoutKind::Square,
                lang: String::new(),
                texts,
                caption: Some(Caption::default()),
            })
        );
        assert_eq!(read(Value::Null), Ok(ExportOptions::default()));
        let caption = |v| read(serde_json::json!({ "caption": v })).map(|o| o.caption);
        assert_eq!(caption(Value::Null), Ok(Some(Caption::default())));
        assert_eq!(caption(serde_json::json!(false)), Ok(None));
        assert_eq!(
            caption(serde_json::json!({"scenario": "Hire", "date": "2026-12-04"})),
            Ok(Some(Caption {
                scenario: Some("Hire".into()),
                date: Some("2026-12-04".into())
            }))
        );
        assert_eq!(
            read(serde_json::json!({"lang": 5, "texts": {"a": "x", "odd key": 1}})),
            Err("options.lang: expected a string, found the number 5\n\
                 options.texts[\"odd key\"]: expected a string, found the number 1"
                .into())
        );
        assert_eq!(
            read(serde_json::json!({"texts": ["x"]})),
            Err("options.texts: expected words by key (an object), found an array".into())
        );
    }
}
