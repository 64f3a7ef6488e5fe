//! The commands that report on a model: its analysis, a comparison, the
//! plan that resolves its findings, and its exports (the HTML document,
//! the reports, the CSV).

use crate::args::{
    check_unit, plan_options, set_language, CaptionArgs, ExportFormat, Format, PlanFormat,
};
use crate::files::{json, load, source_name, stdin_once, write_output, Failure};
use std::path::{Path, PathBuf};
use workforce_ecosystem::{analysis, csv, export, voices};

/// `wfe analyze`.
pub fn analyze(file: &Path, format: Format, lang: &str) -> Result<(), Failure> {
    set_language(lang);
    let model = load(file)?;
    let report = analysis::analyze(&model);
    let text = match format {
        Format::Json => json(&report),
        Format::Markdown => analysis::analysis_markdown(&model, &report),
    };
    write_output(None, &text)
}

/// `wfe compare`: a baseline and a scenario, or two dates of one model.
pub fn compare(
    base: &Path,
    scenario: Option<PathBuf>,
    from: Option<String>,
    to: Option<String>,
    format: Format,
    lang: &str,
) -> Result<(), Failure> {
    set_language(lang);
    stdin_once(&[base, scenario.as_deref().unwrap_or(Path::new(""))])?;
    let model = load(base)?;
    let named = scenario;
    let scenario = named.as_deref().map(load).transpose()?;
    let (base, scenario) = match (scenario, named) {
        (Some(scenario), Some(path)) => {
            analysis::comparable(&model, &scenario).map_err(|message| Failure {
                code: 2,
                message: format!("{}: {message}", source_name(&path)),
            })?;
            (model, scenario)
        }
        _ => {
            let from = from.unwrap_or_else(|| voices::NOW.into());
            let to = to.unwrap_or_else(|| voices::NOW.into());
            let on = |flag: &str, date: &str| {
                voices::model_on(&model, date).map_err(|message| Failure {
                    code: 2,
                    message: format!("{flag}: {message}"),
                })
            };
            (on("--from", &from)?, on("--to", &to)?)
        }
    };
    let cmp = analysis::compare(&base, &scenario);
    let text = match format {
        Format::Json => json(&cmp),
        Format::Markdown => analysis::comparison_markdown(&base, &scenario, &cmp),
    };
    write_output(None, &text)
}

/// `wfe plan`, one parameter per option of the command.
#[allow(clippy::too_many_arguments)]
pub fn plan(
    file: &Path,
    kinds: &[String],
    min_severity: Option<f64>,
    max_changes: Option<usize>,
    readiness: Option<f64>,
    unit: Option<String>,
    format: PlanFormat,
    apply: bool,
    output: Option<&Path>,
    lang: &str,
) -> Result<(), Failure> {
    set_language(lang);
    let model = load(file)?;
    let options = plan_options(&model, kinds, min_severity, max_changes, readiness, unit)?;
    let plan = analysis::plan(&model, &options);
    let text = if apply {
        let planned = analysis::plan::apply(&model, &plan).map_err(|invalid| Failure {
            code: 1,
            message: format!("the plan could not be applied: {invalid}"),
        })?;
        json(&planned)
    } else {
        match format {
            PlanFormat::Json => json(&plan),
            PlanFormat::Markdown => analysis::plan::plan_markdown(&model, &plan),
            PlanFormat::Html => analysis::plan::plan_html(&model, &plan, lang),
            PlanFormat::Csv => analysis::plan::plan_csv(&plan),
        }
    };
    write_output(output, &text)
}

/// `wfe export`, one parameter per option of the command.
#[allow(clippy::too_many_arguments)]
pub fn export(
    file: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    overlay: Option<String>,
    unit: Option<String>,
    layout: Option<String>,
    caption: CaptionArgs,
    lang: Option<String>,
) -> Result<(), Failure> {
    // An option of the diagram given for a report or the CSV (a
    // "retail report" that is the whole organization's) is refused
    // rather than ignored.
    let diagram_only = [
        ("--overlay", overlay.is_some()),
        ("--unit", unit.is_some()),
        ("--layout", layout.is_some()),
        ("--caption", caption.caption.is_some()),
        ("--no-caption", caption.no_caption),
    ];
    let not_html = !matches!(format, ExportFormat::Html);
    if let Some((flag, _)) = diagram_only.iter().find(|(_, given)| *given && not_html) {
        return Err(Failure {
            code: 2,
            message: format!("{flag} applies to --format html only"),
        });
    }
    // The document and the reports speak their tag's language, as
    // the page's exports speak the page's. The CSV is data: its
    // numbers and names stay as read, in no language.
    if matches!(format, ExportFormat::Csv) && lang.is_some() {
        return Err(Failure {
            code: 2,
            message: "--lang does not apply to --format csv: the CSV is data, written as read"
                .into(),
        });
    }
    let lang = lang.unwrap_or_else(|| "en".into());
    set_language(&lang);
    let model = load(file)?;
    let text = match format {
        ExportFormat::Html => {
            check_unit(&model, unit.as_deref())?;
            let opts = export::ExportOptions {
                overlay: overlay
                    .as_deref()
                    .unwrap_or("current")
                    .parse()
                    .map_err(|message| Failure { code: 2, message })?,
                unit,
                layout: layout
                    .as_deref()
                    .unwrap_or("wide")
                    .parse()
                    .map_err(|message| Failure { code: 2, message })?,
                lang,
                texts: Default::default(),
                caption: caption.caption(),
            };
            export::export_html(&model, &opts)
        }
        ExportFormat::ReportHtml => export::report_html(&model, &lang),
        ExportFormat::ReportMd => export::report_markdown(&model),
        ExportFormat::Csv => csv::export_csv(&model),
    };
    write_output(output, &text)
}
