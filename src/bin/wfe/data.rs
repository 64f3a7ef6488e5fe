//! The commands that write a model, or its data, as it is or in another
//! form: the sample, a CSV's scores imported, the text syntax, the
//! classroom's blank worksheet and tour.

use crate::args::Syntax;
use crate::files::{
    json, load, problem_lines, read_input, read_model, source_name, stdin_once, write_output,
    Failure,
};
use std::path::Path;
use workforce_ecosystem::{csv, encoding, framework, opened, teaching, text};

/// `wfe example`.
pub fn example() -> Result<(), Failure> {
    write_output(None, framework::SAMPLE_JSON)
}

/// `wfe import-csv`.
pub fn import_csv(model: &Path, csv_path: &Path, output: Option<&Path>) -> Result<(), Failure> {
    stdin_once(&[model, csv_path])?;
    let bytes = read_input(model)?;
    let (base, _) = read_model(model, &bytes).map_err(|mut failure| {
        // `wfe import-csv scores.csv org.json`: say which comes first.
        let csv = encoding::decode(&bytes)
            .is_ok_and(|text| opened::kind_of(&source_name(model), &text) == opened::FileKind::Csv);
        if csv {
            failure.message.push_str(
                "\nimport-csv takes the model first, then the CSV: wfe import-csv MODEL CSV",
            );
        }
        failure
    })?;
    let text = read_input(csv_path)?;
    let imported = csv::import_csv_bytes(&base, &text).map_err(|invalid| {
        let name = csv_path.display().to_string();
        Failure {
            code: 2,
            message: problem_lines(&name, &invalid.problems, invalid.more).join("\n"),
        }
    })?;
    write_output(output, &json(&imported))
}

/// `wfe blank`.
pub fn blank(file: &Path) -> Result<(), Failure> {
    let model = load(file)?;
    write_output(None, &json(&teaching::blank_model(&model)))
}

/// `wfe tour`.
pub fn tour(file: &Path) -> Result<(), Failure> {
    let model = load(file)?;
    write_output(None, &json(&teaching::tour_steps(&model.framework)))
}

/// `wfe convert`.
pub fn convert(file: &Path, to: Syntax, output: Option<&Path>) -> Result<(), Failure> {
    let model = load(file)?;
    let text = match to {
        Syntax::Text => text::to_text(&model),
        Syntax::Json => json(&model),
    };
    write_output(output, &text)
}
