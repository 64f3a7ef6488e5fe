//! The arguments several commands share and how they are checked: the
//! title block, the output formats, the plan's options, a `--unit` and the
//! `--lang` tag the core is told to speak.

use crate::files::Failure;
use clap::{Args, ValueEnum};
use workforce_ecosystem::{analysis, render, Model};

/// The title block a drawn diagram has by default (`render`; the header of
/// `export --format html`, whose drawing has none of its own).
#[derive(Args)]
pub struct CaptionArgs {
    /// Date the title block (organization, overlay, unit) with this text
    #[arg(long, value_name = "DATE", conflicts_with = "no_caption")]
    pub caption: Option<String>,
    /// Leave out the title block a drawn diagram has by default
    #[arg(long)]
    pub no_caption: bool,
}

impl CaptionArgs {
    pub fn caption(self) -> Option<render::Caption> {
        (!self.no_caption).then_some(render::Caption {
            scenario: None,
            date: self.caption,
        })
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Json,
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Syntax {
    /// The text syntax, in canonical form
    Text,
    /// Pretty-printed JSON
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// One self-contained HTML file: diagram, readiness, findings and the model
    Html,
    /// The analysis report as an HTML document
    ReportHtml,
    /// The analysis report as Markdown
    ReportMd,
    /// The assessments as CSV
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum PlanFormat {
    Json,
    /// A roadmap in Markdown
    Markdown,
    /// The roadmap as an HTML document
    Html,
    /// One row per change
    Csv,
}

/// The plan options of the command line, checked.
pub fn plan_options(
    model: &Model,
    kinds: &[String],
    min_severity: Option<f64>,
    max_changes: Option<usize>,
    readiness: Option<f64>,
    unit: Option<String>,
) -> Result<analysis::PlanOptions, Failure> {
    let usage = |message: String| Failure { code: 2, message };
    let mut chosen = Vec::new();
    for k in kinds.iter().filter(|k| !k.trim().is_empty()) {
        let kind = analysis::plan::kind_named(k).ok_or_else(|| {
            let known: Vec<&str> = analysis::Kind::ALL.iter().map(|k| k.as_str()).collect();
            usage(format!(
                "--kinds: unknown kind \"{}\" (known: {})",
                k.escape_debug(),
                known.join(", ")
            ))
        })?;
        if !chosen.contains(&kind) {
            chosen.push(kind);
        }
    }
    if readiness.is_some_and(|x| !(0.0..=1.0).contains(&x)) {
        return Err(usage(
            "--readiness: a target between 0 and 1, such as 0.75".into(),
        ));
    }
    if min_severity.is_some_and(|x| !x.is_finite()) {
        return Err(usage("--min-severity: a number".into()));
    }
    check_unit(model, unit.as_deref())?;
    Ok(analysis::PlanOptions {
        kinds: chosen,
        min_severity,
        max_changes,
        readiness,
        unit,
    })
}

/// Refuses a `--unit` the model does not define.
pub fn check_unit(model: &Model, unit: Option<&str>) -> Result<(), Failure> {
    let Some(u) = unit else { return Ok(()) };
    if model.units.iter().any(|x| x.id == u) {
        return Ok(());
    }
    // Ids are the model's text: escaped (`escape_debug`) before they reach
    // the terminal, like every value a message repeats.
    let known: Vec<String> = model
        .units
        .iter()
        .map(|x| x.id.escape_debug().to_string())
        .collect();
    Err(Failure {
        code: 2,
        message: format!(
            "--unit: unknown unit \"{}\" (known: {})",
            u.escape_debug(),
            if known.is_empty() {
                "none".to_string()
            } else {
                known.join(", ")
            }
        ),
    })
}

/// A language tag the core speaks, as a document's `lang` may carry it:
/// `en` or `fr`, or either with subtags (`fr-CA`); any other is refused
/// rather than written on a document in another language.
pub fn spoken_tag(tag: &str) -> Result<String, String> {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    let spoken = ["en", "fr"].contains(&primary.to_ascii_lowercase().as_str());
    let subtags =
        parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if spoken && subtags {
        return Ok(tag.to_string());
    }
    Err("wfe writes English (en) and French (fr), or a regional tag of either such as fr-CA".into())
}

/// The language of a tag `spoken_tag` took, lower-cased: `fr` of `fr-CA`.
fn primary_subtag(lang: &str) -> String {
    lang.split('-')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// Makes the core write in the language of the tag `lang` (its primary
/// subtag: `fr-CA` is French): English is built in, French is the page's
/// catalogue of the core's templates, compiled into the CLI only.
pub fn set_language(lang: &str) {
    const FRENCH: &str = include_str!("../../../www/i18n/core-fr.json");
    let language = match primary_subtag(lang).as_str() {
        "fr" => workforce_ecosystem::language::Language::from_json(FRENCH).ok(),
        _ => None,
    };
    workforce_ecosystem::language::set(language);
}
