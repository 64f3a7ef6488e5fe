//! The commands of people's voices: responses merged, snapshots taken,
//! the survey page and the progress chart.

use crate::args::set_language;
use crate::files::{json, load, source_name, stdin_once, write_output, Failure};
use crate::words::{about, counted, say};
use std::io::Write;
use std::path::{Path, PathBuf};
use workforce_ecosystem::voices;

/// `wfe merge`: every response that can be read is offered to the core;
/// those it refuses, and those that cannot be read, are listed on standard
/// error and the exit status says so, while the rest are merged.
pub fn merge(
    model: &Path,
    responses: &[PathBuf],
    output: Option<&Path>,
    lang: &str,
) -> Result<(), Failure> {
    set_language(lang);
    let inputs: Vec<&Path> = std::iter::once(model)
        .chain(responses.iter().map(PathBuf::as_path))
        .collect();
    stdin_once(&inputs)?;
    let base = load(model)?;
    let mut unread = Vec::new();
    let mut read = Vec::new();
    for path in responses {
        match load(path) {
            Ok(m) => read.push((source_name(path), m)),
            Err(f) => unread.push(f.message),
        }
    }
    let merged = voices::merge(&base, &read);
    write_output(output, &json(&merged.model))?;
    let mut lines = unread;
    lines.extend(merged.refusals.iter().map(|r| {
        about(
            &r.source,
            format!("{}{}", say("refused: ", "refusée : "), r.message),
        )
    }));
    let summary = [
        counted(
            merged.added,
            ("merged", "merged"),
            ("fusionnée", "fusionnées"),
        ),
        counted(
            merged.unchanged,
            ("already merged", "already merged"),
            ("déjà fusionnée", "déjà fusionnées"),
        ),
        counted(lines.len(), ("refused", "refused"), ("refusée", "refusées")),
    ]
    .join(", ");
    if lines.is_empty() {
        let _ = writeln!(std::io::stderr(), "{summary}");
        return Ok(());
    }
    lines.push(summary);
    Err(Failure {
        code: 3,
        message: lines.join("\n"),
    })
}

/// Today's date in UTC, YYYY-MM-DD, for a snapshot taken without `--date`.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    voices::date_of_day((secs / 86_400) as i64)
}

/// `wfe snapshot`.
pub fn snapshot(file: &Path, date: Option<String>, output: Option<&Path>) -> Result<(), Failure> {
    let model = load(file)?;
    let date = date.unwrap_or_else(today);
    let dated = voices::snapshot(&model, &date).map_err(|message| Failure {
        code: 2,
        message: format!("--date: {message}"),
    })?;
    write_output(output, &json(&dated))
}

/// `wfe survey`.
pub fn survey(
    file: &Path,
    output: Option<&Path>,
    unit: Option<&str>,
    all_units: bool,
    lang: &str,
) -> Result<(), Failure> {
    set_language(lang);
    let model = load(file)?;
    let scope = voices::SurveyScope::of(unit, all_units);
    let page = voices::survey_html(&model, scope).map_err(|message| Failure {
        code: 2,
        message: format!(
            "{}: {message}",
            if all_units { "--all-units" } else { "--unit" }
        ),
    })?;
    write_output(output, &page)
}

/// `wfe progress`.
pub fn progress(file: &Path, output: Option<&Path>, lang: &str) -> Result<(), Failure> {
    set_language(lang);
    let model = load(file)?;
    if model.history.is_empty() {
        // The chart says so too, in page words; the terminal's user
        // gets the command that takes one.
        let name = source_name(file);
        let hint = say(
            "no snapshots yet, so the chart has no lines; \
             `wfe snapshot` keeps a model's current scores as a dated snapshot",
            "pas encore d’instantané, le graphique n’a donc pas de ligne ; \
             `wfe snapshot` garde les scores actuels d’un modèle en instantané daté",
        );
        eprintln!("{}", about(name, hint));
    }
    write_output(output, &voices::progress_svg(&model))
}
