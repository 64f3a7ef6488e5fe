//! `wfe`: the command-line surface of the core (validate, render, analyze,
//! compare, example).

use clap::{Parser, Subcommand, ValueEnum};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use workforce_ecosystem::{analysis, csv, export, framework, render, teaching, validate, Model};

#[derive(Parser)]
#[command(
    name = "wfe",
    version,
    about = "Lay out and analyse a workforce ecosystem model"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Markdown,
}

#[derive(Subcommand)]
enum Command {
    /// Check a model and list every problem with its JSON path
    Validate {
        /// Model file (JSON); `-` reads standard input
        file: PathBuf,
    },
    /// Draw the diagram as SVG
    Render {
        /// Model file (JSON); `-` reads standard input
        file: PathBuf,
        /// Write the SVG here instead of standard output
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// What the cells show
        #[arg(long, default_value = "none", value_parser = ["none", "current", "target", "gap"])]
        overlay: String,
        /// Show one unit's scores instead of the mean over units
        #[arg(long)]
        unit: Option<String>,
    },
    /// Readiness, findings and the systems graph of a model
    Analyze {
        /// Model file (JSON); `-` reads standard input
        file: PathBuf,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
    /// What changed between a baseline and a scenario
    Compare {
        /// The baseline model file
        base: PathBuf,
        /// The scenario model file
        scenario: PathBuf,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
    /// Print the sample organization's model
    Example,
    /// Write a model as a self-contained HTML file, a report, or its assessments as CSV
    Export {
        /// Model file (JSON); `-` reads standard input
        file: PathBuf,
        #[arg(long, value_enum, default_value = "html")]
        format: ExportFormat,
        /// Write here instead of standard output
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// What the diagram's cells show (html only)
        #[arg(long, default_value = "current", value_parser = ["none", "current", "target", "gap"])]
        overlay: String,
        /// Show one unit's scores (html only)
        #[arg(long)]
        unit: Option<String>,
        /// Language tag of the HTML document
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Replace a model's assessments with those of a CSV file and print the new model
    ImportCsv {
        /// Model file (JSON) whose framework, units and scale the CSV refers to
        model: PathBuf,
        /// CSV file with the columns theme,player,unit,current,target,weight,note; `-` reads standard input
        csv: PathBuf,
        /// Write the new model here instead of standard output
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Print the students' blank worksheet of a model (same framework, nothing scored)
    Blank {
        /// Model file (JSON); `-` reads standard input
        file: PathBuf,
    },
    /// Print the steps of the teaching tour of a model's framework as JSON
    Tour {
        /// Model file (JSON); `-` reads standard input
        file: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// One self-contained HTML file: diagram, readiness, findings and the model
    Html,
    /// The analysis report as an HTML document
    ReportHtml,
    /// The analysis report as Markdown
    ReportMd,
    /// The assessments as CSV
    Csv,
}

/// A failure the user can act on, with the exit code it deserves.
struct Failure {
    code: u8,
    message: String,
}

fn read_input(path: &Path) -> Result<String, Failure> {
    let io_err = |e: std::io::Error| Failure {
        code: 1,
        message: format!("{}: {e}", path.display()),
    };
    let mut text = String::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .take(validate::MAX_BYTES as u64 + 1)
            .read_to_string(&mut text)
            .map_err(io_err)?;
    } else {
        let file = std::fs::File::open(path).map_err(io_err)?;
        file.take(validate::MAX_BYTES as u64 + 1)
            .read_to_string(&mut text)
            .map_err(io_err)?;
    }
    Ok(text)
}

fn load(path: &Path) -> Result<Model, Failure> {
    let text = read_input(path)?;
    validate::parse_model(&text).map_err(|invalid| {
        let name = path.display();
        let lines: Vec<String> = invalid
            .problems
            .iter()
            .map(|p| format!("{name}: {p}"))
            .collect();
        Failure {
            code: 2,
            message: lines.join("\n"),
        }
    })
}

fn write_output(output: Option<&Path>, text: &str) -> Result<(), Failure> {
    match output {
        Some(path) => std::fs::write(path, text).map_err(|e| Failure {
            code: 1,
            message: format!("{}: {e}", path.display()),
        }),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

fn json<T: serde::Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).expect("analysis results serialize");
    s.push('\n');
    s
}

/// Refuses a `--unit` the model does not define.
fn check_unit(model: &Model, unit: Option<&str>) -> Result<(), Failure> {
    let Some(u) = unit else { return Ok(()) };
    if model.units.iter().any(|x| x.id == u) {
        return Ok(());
    }
    let known: Vec<&str> = model.units.iter().map(|x| x.id.as_str()).collect();
    Err(Failure {
        code: 2,
        message: format!(
            "--unit: unknown unit \"{u}\" (known: {})",
            if known.is_empty() {
                "none".to_string()
            } else {
                known.join(", ")
            }
        ),
    })
}

fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Validate { file } => {
            let model = load(&file)?;
            eprintln!(
                "{}: valid ({} assessments, {} contributors, {} systems)",
                file.display(),
                model.assessments.len(),
                model.contributors.len(),
                model.systems.len()
            );
            Ok(())
        }
        Command::Render {
            file,
            output,
            overlay,
            unit,
        } => {
            let model = load(&file)?;
            let overlay = overlay
                .parse()
                .map_err(|message| Failure { code: 2, message })?;
            if let Some(u) = &unit {
                if !model.units.iter().any(|x| &x.id == u) {
                    let known: Vec<&str> = model.units.iter().map(|x| x.id.as_str()).collect();
                    return Err(Failure {
                        code: 2,
                        message: format!(
                            "--unit: unknown unit \"{u}\" (known: {})",
                            if known.is_empty() {
                                "none".to_string()
                            } else {
                                known.join(", ")
                            }
                        ),
                    });
                }
            }
            let opts = render::RenderOptions {
                overlay,
                unit,
                standalone: true,
            };
            write_output(output.as_deref(), &render::render_svg(&model, &opts))
        }
        Command::Analyze { file, format } => {
            let model = load(&file)?;
            let report = analysis::analyze(&model);
            let text = match format {
                Format::Json => json(&report),
                Format::Markdown => analysis::analysis_markdown(&model, &report),
            };
            write_output(None, &text)
        }
        Command::Compare {
            base,
            scenario,
            format,
        } => {
            let base = load(&base)?;
            let scenario = load(&scenario)?;
            let cmp = analysis::compare(&base, &scenario);
            let text = match format {
                Format::Json => json(&cmp),
                Format::Markdown => analysis::comparison_markdown(&base, &scenario, &cmp),
            };
            write_output(None, &text)
        }
        Command::Example => write_output(None, framework::SAMPLE_JSON),
        Command::Export {
            file,
            format,
            output,
            overlay,
            unit,
            lang,
        } => {
            let model = load(&file)?;
            let text = match format {
                ExportFormat::Html => {
                    check_unit(&model, unit.as_deref())?;
                    let opts = export::ExportOptions {
                        overlay: overlay
                            .parse()
                            .map_err(|message| Failure { code: 2, message })?,
                        unit,
                        lang,
                        texts: Default::default(),
                    };
                    export::export_html(&model, &opts)
                }
                ExportFormat::ReportHtml => export::report_html(&model, &lang),
                ExportFormat::ReportMd => export::report_markdown(&model),
                ExportFormat::Csv => csv::export_csv(&model),
            };
            write_output(output.as_deref(), &text)
        }
        Command::ImportCsv {
            model,
            csv: csv_path,
            output,
        } => {
            let base = load(&model)?;
            let text = read_input(&csv_path)?;
            let imported = csv::import_csv(&base, &text).map_err(|invalid| Failure {
                code: 2,
                message: invalid
                    .problems
                    .iter()
                    .map(|p| format!("{}: {p}", csv_path.display()))
                    .collect::<Vec<_>>()
                    .join("\n"),
            })?;
            write_output(output.as_deref(), &json(&imported))
        }
        Command::Blank { file } => {
            let model = load(&file)?;
            write_output(None, &json(&teaching::blank_model(&model)))
        }
        Command::Tour { file } => {
            let model = load(&file)?;
            write_output(None, &json(&teaching::tour_steps(&model.framework)))
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("{}", f.message);
            ExitCode::from(f.code)
        }
    }
}
