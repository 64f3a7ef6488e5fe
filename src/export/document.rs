//! The self-contained HTML export: one file with the diagram, readiness, the
//! findings and the model, readable offline, printable, and with no script.

use super::{escape_attr, escape_text, html_page, json_for_script};
use crate::analysis::{self, Analysis};
use crate::model::{Item, Model};
use crate::render::{self, Overlay, RenderOptions};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The `id` of the `<script type="application/json">` element holding the
/// model, so that the file can be loaded back into the page.
pub const MODEL_ELEMENT_ID: &str = "workforce-ecosystem-model";

/// The words of the exported document. English by default; the page passes
/// its current language's strings so the file reads like the page.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ExportTexts {
    pub subtitle: String,
    pub diagram: String,
    pub readiness: String,
    pub overall: String,
    pub themes: String,
    pub players: String,
    pub units: String,
    pub findings: String,
    pub no_findings: String,
    pub not_assessed: String,
    pub severity: String,
    pub model_note: String,
    /// Names of finding kinds (`maturity-gap`, `uncovered`, ...).
    pub kinds: BTreeMap<String, String>,
    /// Names of overlays (`current`, `target`, `gap`).
    pub overlays: BTreeMap<String, String>,
}

impl Default for ExportTexts {
    fn default() -> ExportTexts {
        let map = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        ExportTexts {
            subtitle: "Workforce ecosystem orchestration framework".into(),
            diagram: "Diagram".into(),
            readiness: "Readiness".into(),
            overall: "Overall".into(),
            themes: "Themes".into(),
            players: "Players".into(),
            units: "Units".into(),
            findings: "Findings".into(),
            no_findings: "No findings.".into(),
            not_assessed: "not assessed".into(),
            severity: "severity".into(),
            model_note: "This file also holds the model as JSON, so it can be opened again in the workforce ecosystem orchestrator.".into(),
            kinds: map(&[
                ("maturity-gap", "Maturity gap"),
                ("uncovered", "Uncovered"),
                ("redundant", "Redundant"),
                ("conflict", "Conflict"),
                ("untracked", "Untracked"),
                ("fragmented", "Fragmented"),
                ("silo", "Silo"),
            ]),
            overlays: map(&[
                ("current", "Current scores"),
                ("target", "Target scores"),
                ("gap", "Gaps"),
            ]),
        }
    }
}

/// What to export and in which words.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ExportOptions {
    pub overlay: Overlay,
    /// One unit's scores; `None` shows the mean over units.
    pub unit: Option<String>,
    /// The document's language tag (`lang`); `en` when empty.
    pub lang: String,
    pub texts: ExportTexts,
}

fn percent(x: Option<f64>, texts: &ExportTexts) -> String {
    match x {
        Some(v) if v.is_finite() => format!("{:.0}%", v * 100.0),
        _ => texts.not_assessed.clone(),
    }
}

fn label<'a>(items: &'a [Item], id: &'a str) -> &'a str {
    items
        .iter()
        .find(|i| i.id == id)
        .map(|i| i.label.as_str())
        .unwrap_or(id)
}

/// A table of readiness per item, in the model's order.
fn readiness_table(
    out: &mut String,
    caption: &str,
    items: &[Item],
    values: &BTreeMap<String, Option<f64>>,
    texts: &ExportTexts,
) {
    if items.is_empty() {
        return;
    }
    out.push_str(&format!(
        "<table class=\"readiness\">\n<caption>{}</caption>\n<tbody>\n",
        escape_text(caption)
    ));
    for item in items {
        let v = values.get(&item.id).copied().flatten();
        let bar = v
            .filter(|x| x.is_finite())
            .map(|x| (x.clamp(0.0, 1.0) * 100.0).round() as u32);
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"bar\">{}</td></tr>\n",
            escape_text(&item.label),
            escape_text(&percent(v, texts)),
            match bar {
                // The bar is drawn with a <meter>, so no inline style is needed.
                Some(b) => format!("<meter min=\"0\" max=\"100\" value=\"{b}\"></meter>"),
                None => String::new(),
            }
        ));
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The self-contained HTML document of a valid model.
pub fn export_html(model: &Model, opts: &ExportOptions) -> String {
    let report = analysis::analyze(model);
    body_and_page(model, &report, opts)
}

fn body_and_page(model: &Model, report: &Analysis, opts: &ExportOptions) -> String {
    let texts = &opts.texts;
    let fw = &model.framework;
    let mut body = String::new();

    body.push_str("<header>\n");
    if !model.name.trim().is_empty() {
        body.push_str(&format!("<h1>{}</h1>\n", escape_text(&model.name)));
    }
    let mut sub = texts.subtitle.clone();
    if let Some(o) = texts.overlays.get(match opts.overlay {
        Overlay::None => "",
        Overlay::Current => "current",
        Overlay::Target => "target",
        Overlay::Gap => "gap",
    }) {
        sub = format!("{sub} · {o}");
    }
    if let Some(u) = &opts.unit {
        sub = format!("{sub} · {}", label(&model.units, u));
    }
    body.push_str(&format!(
        "<p class=\"subtitle\">{}</p>\n",
        escape_text(&sub)
    ));
    body.push_str("</header>\n<main>\n");

    let svg = render::render_svg(
        model,
        &RenderOptions {
            overlay: opts.overlay,
            unit: opts.unit.clone(),
            standalone: true,
        },
    );
    // The SVG is the renderer's own escaped output; an XML declaration would
    // be stray text inside HTML, so it is left out.
    let svg = match svg.find("<svg") {
        Some(start) if svg.starts_with("<?xml") => &svg[start..],
        _ => svg.as_str(),
    };
    body.push_str(&format!(
        "<figure class=\"diagram\" aria-label=\"{}\">\n{svg}\n</figure>\n",
        escape_attr(&texts.diagram)
    ));

    body.push_str(&format!(
        "<section class=\"readiness-section\">\n<h2>{}</h2>\n<p class=\"overall\">{}: <strong>{}</strong></p>\n",
        escape_text(&texts.readiness),
        escape_text(&texts.overall),
        escape_text(&percent(report.readiness.overall, texts))
    ));
    let r = &report.readiness;
    body.push_str("<div class=\"tables\">\n");
    readiness_table(&mut body, &texts.themes, &fw.themes, &r.themes, texts);
    readiness_table(&mut body, &texts.players, &fw.players, &r.players, texts);
    readiness_table(&mut body, &texts.units, &model.units, &r.units, texts);
    body.push_str("</div>\n</section>\n");

    body.push_str(&format!(
        "<section class=\"findings\">\n<h2>{}</h2>\n",
        escape_text(&texts.findings)
    ));
    if report.findings.is_empty() {
        body.push_str(&format!("<p>{}</p>\n", escape_text(&texts.no_findings)));
    } else {
        body.push_str("<ol>\n");
        for f in &report.findings {
            let kind = texts.kinds.get(&f.kind).unwrap_or(&f.kind);
            body.push_str(&format!(
                "<li class=\"finding\" data-kind=\"{}\"><span class=\"kind\">{}</span> \
                 <span class=\"severity\">{} {}</span><p>{}</p></li>\n",
                escape_attr(&f.kind),
                escape_text(kind),
                escape_text(&texts.severity),
                escape_text(&format_severity(f.severity)),
                escape_text(&f.explanation)
            ));
        }
        body.push_str("</ol>\n");
    }
    body.push_str("</section>\n</main>\n");
    body.push_str(&format!(
        "<footer><p>{}</p></footer>\n",
        escape_text(&texts.model_note)
    ));
    body.push_str(&format!(
        "<script type=\"application/json\" id=\"{MODEL_ELEMENT_ID}\">\n{}\n</script>\n",
        json_for_script(model)
    ));

    let title = if model.name.trim().is_empty() {
        texts.subtitle.clone()
    } else {
        format!("{} — {}", model.name, texts.subtitle)
    };
    html_page(&opts.lang, &title, "export", &body)
}

fn format_severity(s: f64) -> String {
    if !s.is_finite() {
        return String::new();
    }
    let rounded = (s * 100.0).round() / 100.0;
    format!("{rounded}")
}

/// Reads the model back out of an exported document's data block.
pub fn model_from_export(html: &str) -> Option<String> {
    let marker = format!("id=\"{MODEL_ELEMENT_ID}\">");
    let start = html.find(&marker)? + marker.len();
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
    }

    #[test]
    fn texts_and_lang_follow_the_options() {
        let model = crate::framework::sample();
        let opts: ExportOptions = serde_json::from_str(
            r#"{"overlay":"gap","lang":"fr","texts":{"findings":"Constats","overlays":{"gap":"Écarts"}}}"#,
        )
        .unwrap();
        let html = export_html(&model, &opts);
        assert!(html.contains("<html lang=\"fr\">"));
        assert!(html.contains("<h2>Constats</h2>"));
        assert!(html.contains("· Écarts"));
        // Unset texts keep their English defaults.
        assert!(html.contains("<h2>Readiness</h2>"));
    }
}
