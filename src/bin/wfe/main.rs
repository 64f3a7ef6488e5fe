//! `wfe`: the command-line surface of the core (validate, render, analyze,
//! compare, plan, example, convert, markdown, merge, snapshot, progress…).
//!
//! This file declares the commands and their options, and hands each to the
//! function that runs it; the modules hold the commands by what they do and
//! what they share (arguments, files).

mod args;
mod check;
mod data;
mod draw;
mod files;
mod markdown;
mod report;
mod voices;
mod words;

use args::{spoken_tag, CaptionArgs, ExportFormat, Format, PlanFormat, Syntax};
use clap::{Parser, Subcommand};
use files::Failure;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

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

#[derive(Subcommand)]
enum Command {
    /// Check a model and list every problem with its JSON path
    #[command(
        long_about = "Check a model and list every problem with its JSON path.\n\n\
        Reads the model (older schema versions are migrated first) and checks its JSON syntax, \
        the type of every field, and the rules that relate one part to another: known and unique \
        ids, scores and targets on the scale, one assessment per theme, player and unit, \
        and the limits on every text and list (see the README). \
        Models over 10 MB (an exported page: over 80 MB, or carrying a model over 10 MB) \
        or with more than 100,000 list items are refused.\n\n\
        Exit status: 0 when the model is valid (a summary goes to standard output), \
        2 when it is not (the problems go to standard error as \
        `FILE: PATH (line L, column C): MESSAGE`, the first hundred in the order of the \
        file and then a count of the rest), 1 when the file cannot be read."
    )]
    Validate {
        /// Model file (JSON, or an HTML page exported by the page); `-` reads standard input
        file: PathBuf,
        /// Language of the problems' messages: en or fr, or a regional tag of either (fr-CA)
        #[arg(long, default_value = "en", value_parser = spoken_tag)]
        lang: String,
    },
    /// Draw the diagram as SVG
    Render {
        /// Model file (JSON, or an HTML page exported by the page); `-` reads standard input
        file: PathBuf,
        /// Write the SVG here instead of standard output
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// What the cells show
        #[arg(long, default_value = "none", value_parser = ["none", "current", "target", "gap", "agreement"])]
        overlay: String,
        /// Show one unit's scores instead of the mean over units
        #[arg(long)]
        unit: Option<String>,
        /// Legend and long names beside the diagram (wide, screens), in its square (square, slides and posters) or below it (narrow, phones)
        #[arg(long, default_value = "wide", value_parser = ["wide", "square", "narrow"])]
        layout: String,
        #[command(flatten)]
        caption: CaptionArgs,
        /// Language of the standard names, the legend and the numbers: en or fr, or a regional tag of either (fr-CA)
        #[arg(long, default_value = "en", value_parser = spoken_tag)]
        lang: String,
        /// Instead of an SVG, the picture to put inside a <workforce-ecosystem> element
        /// with these attributes: a <template> per layout the element could choose for its
        /// width, shown before its core has started (see the README); `interactive` for an
        /// element without `readonly`. No title block unless --caption dates one; with
        /// --lang fr, for an element that speaks French (lang="fr").
        #[arg(long, value_name = "FORM", num_args = 0..=1, default_missing_value = "readonly",
              value_parser = ["readonly", "interactive"], conflicts_with_all = ["layout", "no_caption"])]
        picture: Option<String>,
    },
    /// Readiness, findings and the systems graph of a model
    Analyze {
        /// Model file (JSON, or an HTML page exported by the page); `-` reads standard input
        file: PathBuf,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// Language of the findings' sentences, and of the Markdown report's words and names: en or fr, or a regional tag of either (fr-CA)
        #[arg(long, default_value = "en", value_parser = spoken_tag)]
        lang: String,
    },
    /// What changed between a baseline and a scenario, or between two dates of a model
    #[command(
        long_about = "What changed between a baseline and a scenario: the changed cells, how \
        readiness moved, the findings resolved and introduced.\n\n\
        With --from (and --to) it compares two dates of one model instead: the model as it stood \
        on a snapshot's date is the baseline, on the other date the scenario; `now` stands for \
        the model as it is (the default for --to). An unknown date is refused (exit 2) with the \
        dates the model holds."
    )]
    Compare {
        /// The baseline model file (with --from: the model whose dates are compared)
        base: PathBuf,
        /// The scenario model file
        #[arg(required_unless_present = "from", conflicts_with = "from")]
        scenario: Option<PathBuf>,
        /// Compare the model as it stood on this snapshot's date (YYYY-MM-DD, or `now`)…
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// …with the model as it stood on this date (default: now)
        #[arg(long, value_name = "DATE", requires = "from")]
        to: Option<String>,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// Language of the findings' sentences, and of the Markdown report's words and names: en or fr, or a regional tag of either (fr-CA)
        #[arg(long, default_value = "en", value_parser = spoken_tag)]
        lang: String,
    },
    /// The fewest changes that resolve a model's findings, in steps
    #[command(
        long_about = "The fewest changes that resolve a model's findings, ordered into steps.\n\n\
        Each step lists its changes (the edit objects the page sends), the findings it resolves \
        and how readiness moves; docs/plan.md says how the plan is made and what it guarantees. \
        With --max-changes or --readiness the plan is the best within that budget: readiness \
        gained per change first, then severity resolved per change. With --apply it writes \
        the model with every change made instead of the plan."
    )]
    Plan {
        /// Model file (JSON, or an HTML page exported by the page); `-` reads standard input
        file: PathBuf,
        /// The finding kinds to resolve, comma-separated (default: every kind)
        #[arg(long, value_delimiter = ',', value_name = "KIND,...")]
        kinds: Vec<String>,
        /// Only resolve findings at least this severe
        #[arg(long, value_name = "X")]
        min_severity: Option<f64>,
        /// At most this many changes
        #[arg(long, value_name = "N")]
        max_changes: Option<usize>,
        /// Stop once readiness reaches this value (0 to 1), with the fewest score changes
        #[arg(long, value_name = "X")]
        readiness: Option<f64>,
        /// Plan one unit's scores (its maturity gaps; its readiness)
        #[arg(long)]
        unit: Option<String>,
        #[arg(long, value_enum, default_value = "json", conflicts_with = "apply")]
        format: PlanFormat,
        /// Write the model with the plan applied (JSON) instead of the plan
        #[arg(long)]
        apply: bool,
        /// Write here instead of standard output
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Language of the sentences: en or fr, or a regional tag of either (fr-CA)
        #[arg(long, default_value = "en", value_parser = spoken_tag)]
        lang: String,
    },
    /// Print the sample organization's model
    #[command(
        long_about = "Print the sample organization's model (JSON) on standard output.\n\n\
        Harbourline Group, a port operator and retailer with two units (ports, retail), \
        eight kinds of contributor and seven systems, with every cell assessed for both units. \
        It is the page's default model and a starting point for your own: \
        `wfe example > org.json`."
    )]
    Example,
    /// Write a model as a self-contained HTML file, a report, or its assessments as CSV
    Export {
        /// Model file (JSON, or an HTML page exported by the page); `-` reads standard input
        file: PathBuf,
        #[arg(long, value_enum, default_value = "html")]
        format: ExportFormat,
        /// Write here instead of standard output
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// What the diagram's cells show (html only) [default: current]
        #[arg(long, value_parser = ["none", "current", "target", "gap", "agreement"])]
        overlay: Option<String>,
        /// Show one unit's scores (html only)
        #[arg(long)]
        unit: Option<String>,
        /// The diagram's layout (html only): wide, square or narrow [default: wide]
        #[arg(long, value_parser = ["wide", "square", "narrow"])]
        layout: Option<String>,
        #[command(flatten)]
        caption: CaptionArgs,
        /// Language tag of the HTML document and the reports (not the CSV): `en` or `fr`, or a
        /// regional tag of either (`fr-CA`, `en-GB`, …); in French they are written in French
        /// (their words, the findings, the legend and the standard names) [default: en]
        #[arg(long, value_parser = spoken_tag)]
        lang: Option<String>,
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
        /// Model file (JSON, or an HTML page exported by the page); `-` reads standard input
        file: PathBuf,
    },
    /// Print the steps of the teaching tour of a model's framework as JSON
    Tour {
        /// Model file (JSON, or an HTML page exported by the page); `-` reads standard input
        file: PathBuf,
    },
    /// Write a model in the text syntax or as JSON
    #[command(
        long_about = "Write a model in the text syntax (docs/text-syntax.md) or as JSON.\n\n\
        The model is read whatever it is written in (JSON, the text syntax, an exported HTML page: \
        told by the file's content, then by its name, `.txt` and `.wfe` being text) and checked \
        as `wfe validate` does. The round trip is lossless: JSON → text → JSON gives the same \
        model, text → JSON → text the same canonical text."
    )]
    Convert {
        /// Model file (JSON, text syntax, or an exported HTML page); `-` reads standard input
        file: PathBuf,
        /// What to write
        #[arg(long, value_enum)]
        to: Syntax,
        /// Write here instead of standard output
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Replace each ```workforce-ecosystem block of a Markdown file with an image of its diagram
    #[command(
        long_about = "Replace each ```workforce-ecosystem fenced block of a Markdown file \
        with a link to an SVG image of its diagram, as mermaid-cli does, so that static site \
        generators and README files show the diagram without JavaScript.\n\n\
        Each block holds a model in the text syntax (or JSON). The images are written to \
        --svg-dir as NAME-1.svg, NAME-2.svg… (NAME from the output file), linked relative to the \
        output file. A block that is not a valid model stops the run with its problems, each \
        placed at its line in the Markdown file; nothing is written then."
    )]
    Markdown {
        /// Markdown file; `-` reads standard input
        input: PathBuf,
        /// The Markdown file to write; `-` writes standard output (the images then named
        /// for the input and linked from the working directory)
        #[arg(short, long)]
        output: PathBuf,
        /// Where to write the SVG images (created if missing)
        #[arg(long, value_name = "DIR")]
        svg_dir: PathBuf,
        /// What the cells show
        #[arg(long, default_value = "current", value_parser = ["none", "current", "target", "gap"])]
        overlay: String,
    },
    /// Merge people's responses into a model: each cell they score gets their mean
    #[command(
        long_about = "Merge people's responses into a model: each cell they score gets their mean.\n\n\
        A response is a model file of the same framework and scale (a survey's saved answer, or any \
        model); its name names the respondent, or its respondent code when it has one. \
        The merged model keeps every response, so merging the same responses again changes nothing. \
        A response for another framework or scale, for a unit the model lacks, from a respondent \
        already merged with other scores, or that cannot be read, is refused with a message on \
        standard error; the rest merge.\n\n\
        Exit status: 0 when every response merged, 3 when some were refused (the merged model is \
        still written), 2 when the model itself is invalid, 1 when a file cannot be read or written."
    )]
    Merge {
        /// The model to merge into
        model: PathBuf,
        /// Response files
        responses: Vec<PathBuf>,
        /// Write the merged model here instead of standard output
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Language of the problems' and refusals' messages: en or fr, or a regional tag of either (fr-CA)
        #[arg(long, default_value = "en", value_parser = spoken_tag)]
        lang: String,
    },
    /// Keep a model's current scores as a dated snapshot in its history
    Snapshot {
        /// Model file (JSON, or an HTML page exported by the page); `-` reads standard input
        file: PathBuf,
        /// The snapshot's date, YYYY-MM-DD (default: today, in UTC)
        #[arg(long)]
        date: Option<String>,
        /// Write the model here instead of standard output
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Write a self-contained, offline survey page for one respondent to score the model's cells
    Survey {
        /// Model file (JSON, or an HTML page exported by the page); `-` reads standard input
        file: PathBuf,
        /// Write the page here instead of standard output
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Ask about one unit's cells (default: the whole organization's)
        #[arg(long, value_name = "ID", conflicts_with = "all_units")]
        unit: Option<String>,
        /// Ask about the cells of the unit each respondent chooses among the model's
        #[arg(long)]
        all_units: bool,
        /// Language of the page's words and of the standard framework's names: en or fr, or a regional tag of either (fr-CA)
        #[arg(long, default_value = "en", value_parser = spoken_tag)]
        lang: String,
    },
    /// Draw readiness per theme and per player across a model's snapshots (SVG)
    Progress {
        /// Model file (JSON, or an HTML page exported by the page); `-` reads standard input
        file: PathBuf,
        /// Write the SVG here instead of standard output
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Language of the titles and standard names: en or fr, or a regional tag of either (fr-CA)
        #[arg(long, default_value = "en", value_parser = spoken_tag)]
        lang: String,
    },
}

fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Validate { file, lang } => check::validate(&file, &lang),
        Command::Render {
            file,
            output,
            overlay,
            unit,
            layout,
            caption,
            lang,
            picture,
        } => draw::render(
            &file,
            output.as_deref(),
            &overlay,
            unit,
            &layout,
            caption,
            &lang,
            picture,
        ),
        Command::Analyze { file, format, lang } => report::analyze(&file, format, &lang),
        Command::Compare {
            base,
            scenario,
            from,
            to,
            format,
            lang,
        } => report::compare(&base, scenario, from, to, format, &lang),
        Command::Plan {
            file,
            kinds,
            min_severity,
            max_changes,
            readiness,
            unit,
            format,
            apply,
            output,
            lang,
        } => report::plan(
            &file,
            &kinds,
            min_severity,
            max_changes,
            readiness,
            unit,
            format,
            apply,
            output.as_deref(),
            &lang,
        ),
        Command::Example => data::example(),
        Command::Export {
            file,
            format,
            output,
            overlay,
            unit,
            layout,
            caption,
            lang,
        } => report::export(
            &file,
            format,
            output.as_deref(),
            overlay,
            unit,
            layout,
            caption,
            lang,
        ),
        Command::ImportCsv { model, csv, output } => {
            data::import_csv(&model, &csv, output.as_deref())
        }
        Command::Blank { file } => data::blank(&file),
        Command::Tour { file } => data::tour(&file),
        Command::Convert { file, to, output } => data::convert(&file, to, output.as_deref()),
        Command::Markdown {
            input,
            output,
            svg_dir,
            overlay,
        } => markdown::markdown(&input, &output, &svg_dir, &overlay),
        Command::Merge {
            model,
            responses,
            output,
            lang,
        } => voices::merge(&model, &responses, output.as_deref(), &lang),
        Command::Snapshot { file, date, output } => {
            voices::snapshot(&file, date, output.as_deref())
        }
        Command::Survey {
            file,
            output,
            unit,
            all_units,
            lang,
        } => voices::survey(&file, output.as_deref(), unit.as_deref(), all_units, &lang),
        Command::Progress { file, output, lang } => {
            voices::progress(&file, output.as_deref(), &lang)
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            if !f.message.is_empty() {
                // Standard error may be closed too; there is no one left to tell.
                let _ = writeln!(std::io::stderr(), "{}", f.message);
            }
            ExitCode::from(f.code)
        }
    }
}
