//! `wfe`: the command-line surface of the core (validate, render, analyze,
//! compare, plan, example, convert, markdown, merge, snapshot, progress…).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::{ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use workforce_ecosystem::migrate::{self, Version};
use workforce_ecosystem::{
    analysis, csv, encoding, export, framework, opened, render, teaching, text, validate, voices,
    Model,
};

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

/// The title block a drawn diagram has by default (`render`; the header of
/// `export --format html`, whose drawing has none of its own).
#[derive(Args)]
struct CaptionArgs {
    /// Date the title block (organization, overlay, unit) with this text
    #[arg(long, value_name = "DATE", conflicts_with = "no_caption")]
    caption: Option<String>,
    /// Leave out the title block a drawn diagram has by default
    #[arg(long)]
    no_caption: bool,
}

impl CaptionArgs {
    fn caption(self) -> Option<render::Caption> {
        (!self.no_caption).then_some(render::Caption {
            scenario: None,
            date: self.caption,
        })
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Markdown,
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

#[derive(Clone, Copy, ValueEnum)]
enum Syntax {
    /// The text syntax, in canonical form
    Text,
    /// Pretty-printed JSON
    Json,
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

#[derive(Clone, Copy, ValueEnum)]
enum PlanFormat {
    Json,
    /// A roadmap in Markdown
    Markdown,
    /// The roadmap as an HTML document
    Html,
    /// One row per change
    Csv,
}

/// The plan options of the command line, checked.
fn plan_options(
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

/// A failure the user can act on, with the exit code it deserves.
struct Failure {
    code: u8,
    message: String,
}

impl Failure {
    /// The reader of standard output went away (`wfe render … | head`):
    /// stop at once, successfully and silently, as Unix tools do.
    fn reader_gone() -> Failure {
        Failure {
            code: 0,
            message: String::new(),
        }
    }
}

/// How a model's source is named in messages.
fn source_name(path: &Path) -> String {
    if is_standard(path) {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// The raw bytes of a file or standard input. A source over its size limit
/// (a model's, or the larger one of an exported page, told by its first
/// bytes) is refused with its real size, counted without holding more than
/// the page's limit: a file says its size up front; the rest of a stream is
/// read and dropped.
fn read_input(path: &Path) -> Result<Vec<u8>, Failure> {
    let io_err = |e: std::io::Error| io_failure(path, &e, false);
    let refuse = |start: &[u8], size: u64| {
        opened::over_limit(start, size).map(|message| Failure {
            code: 2,
            message: format!("{}: {message}", source_name(path)),
        })
    };
    let cap = opened::MAX_PAGE_BYTES as u64;
    let mut source: Box<dyn Read> = if is_standard(path) {
        Box::new(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(path).map_err(io_err)?;
        match file.metadata() {
            Ok(meta) if meta.is_file() && meta.len() > validate::MAX_BYTES as u64 => {
                let mut start = Vec::new();
                (&file).take(1024).read_to_end(&mut start).map_err(io_err)?;
                if let Some(failure) = refuse(&start, meta.len()) {
                    return Err(failure);
                }
                Box::new(std::io::Cursor::new(start).chain(file))
            }
            _ => Box::new(file),
        }
    };
    let mut bytes = Vec::new();
    source
        .by_ref()
        .take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(io_err)?;
    let mut size = bytes.len() as u64;
    if size > cap {
        size += std::io::copy(&mut source, &mut std::io::sink()).map_err(io_err)?;
    }
    match refuse(&bytes, size) {
        Some(failure) => Err(failure),
        None => Ok(bytes),
    }
}

/// Every problem on its own line, prefixed with the source, then a count.
fn invalid_failure(path: &Path, invalid: &validate::Invalid) -> Failure {
    let name = source_name(path);
    let mut lines: Vec<String> = invalid
        .problems
        .iter()
        .map(|p| format!("{name}: {p}"))
        .collect();
    if invalid.more > 0 {
        lines.push(format!("{name}: {}", validate::more_line(invalid.more)));
    }
    lines.push(format!("{name}: {}", validate::not_loaded(invalid.total())));
    Failure {
        code: 2,
        message: lines.join("\n"),
    }
}

/// Reads, migrates and validates a model, with the version it was written in:
/// from its JSON, or from the HTML page the page exports, which carries it.
fn load_versioned(path: &Path) -> Result<(Model, Version), Failure> {
    read_model(path, &read_input(path)?)
}

/// The model in the bytes read from `path`, as [`load_versioned`] reads it.
fn read_model(path: &Path, bytes: &[u8]) -> Result<(Model, Version), Failure> {
    let name = source_name(path);
    encoding::decode(bytes)
        .and_then(|text| opened::read_model(&name, &text))
        .map_err(|invalid| invalid_failure(path, &invalid))
}

fn load(path: &Path) -> Result<Model, Failure> {
    load_versioned(path).map(|(model, _)| model)
}

/// An I/O error in plain words, without the system's "(os error N)".
fn plain(e: &std::io::Error) -> String {
    match e.kind() {
        ErrorKind::NotFound => "no such file or folder".into(),
        ErrorKind::IsADirectory => "a folder, not a file".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let text = e.to_string();
            match text.rfind(" (os error ") {
                Some(at) if text.ends_with(')') => text[..at].to_string(),
                _ => text,
            }
        }
    }
}

/// "the folder out does not exist", when the folder a file is to be
/// written in is missing.
fn missing_folder(output: &Path) -> Option<String> {
    let folder = output.parent().filter(|f| !f.as_os_str().is_empty())?;
    (!is_standard(output) && !folder.is_dir())
        .then(|| format!("the folder {} does not exist", folder.display()))
}

/// The failure of reading or writing `path`, naming it and saying why.
fn io_failure(path: &Path, e: &std::io::Error, writing: bool) -> Failure {
    let why = match e.kind() {
        ErrorKind::NotFound if writing => missing_folder(path).unwrap_or_else(|| plain(e)),
        ErrorKind::NotFound => "no such file".into(),
        _ => plain(e),
    };
    Failure {
        code: 1,
        message: format!("{}: {why}", source_name(path)),
    }
}

/// Refuses standard input named for two inputs: it can be read once.
fn stdin_once(inputs: &[&Path]) -> Result<(), Failure> {
    if inputs.iter().filter(|p| is_standard(p)).count() < 2 {
        return Ok(());
    }
    Err(Failure {
        code: 2,
        message: "standard input can be read only once: give `-` for one input at most".into(),
    })
}

/// Whether a path names standard input or output: `-`, as for every tool.
fn is_standard(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Writes `text` to the file `output`, or to standard output when there is
/// none or it is `-`.
fn write_output(output: Option<&Path>, text: &str) -> Result<(), Failure> {
    match output.filter(|path| !is_standard(path)) {
        Some(path) => std::fs::write(path, text).map_err(|e| io_failure(path, &e, true)),
        None => write_stdout(text),
    }
}

/// Writes to standard output, which may be full (`> /dev/full`: exit 1 and
/// say so) or closed by its reader (`| head`: stop quietly).
fn write_stdout(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Err(Failure::reader_gone()),
        Err(e) => Err(Failure {
            code: 1,
            message: format!("standard output: {}", plain(&e)),
        }),
    }
}

fn json(value: &impl serde::Serialize) -> String {
    // Controls escaped: `wfe analyze` to a terminal must not drive it.
    let mut s = export::json_pretty(value);
    s.push('\n');
    s
}

/// Refuses a `--unit` the model does not define.
fn check_unit(model: &Model, unit: Option<&str>) -> Result<(), Failure> {
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

fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Validate { file, lang } => {
            set_language(&lang);
            let (model, version) = load_versioned(&file)?;
            // The summary speaks the problems' language; French counts
            // 0 and 1 in the singular.
            let french = primary_subtag(&lang) == "fr";
            let count = |n: usize, en: &str, fr: &str| match french {
                true => format!("{n} {fr}{}", if n < 2 { "" } else { "s" }),
                false => format!("{n} {en}{}", if n == 1 { "" } else { "s" }),
            };
            let (valid, migrated_from) = match french {
                true => (" : valide", "migré depuis"),
                false => (": valid", "migrated from"),
            };
            let migrated = match version {
                Version::V1 => String::new(),
                Version::V0 => format!("; {migrated_from} {}", migrate::SCHEMA_V0),
            };
            write_stdout(&format!(
                "{}{valid} ({}, {}, {}{migrated})\n",
                source_name(&file),
                count(model.assessments.len(), "assessment", "évaluation"),
                count(model.contributors.len(), "contributor", "contributeur"),
                count(model.systems.len(), "system", "système"),
            ))
        }
        Command::Render {
            file,
            output,
            overlay,
            unit,
            layout,
            caption,
            lang,
            picture,
        } => {
            set_language(&lang);
            let model = load(&file)?;
            let overlay = overlay
                .parse()
                .map_err(|message| Failure { code: 2, message })?;
            let layout = layout
                .parse()
                .map_err(|message| Failure { code: 2, message })?;
            check_unit(&model, unit.as_deref())?;
            let mut opts = render::RenderOptions {
                overlay,
                unit,
                standalone: true,
                layout,
                caption: caption.caption(),
                no_legend: false,
            };
            let Some(form) = picture else {
                return write_output(output.as_deref(), &render::render_svg(&model, &opts));
            };
            // as the element draws: its form, and a title block only where
            // its `caption` attribute asks for one
            opts.standalone = form == "readonly";
            opts.caption = opts.caption.filter(|c| c.date.is_some());
            write_output(output.as_deref(), &render::picture(&model, &opts))
        }
        Command::Analyze { file, format, lang } => {
            set_language(&lang);
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
            from,
            to,
            format,
            lang,
        } => {
            set_language(&lang);
            stdin_once(&[&base, scenario.as_deref().unwrap_or(Path::new(""))])?;
            let model = load(&base)?;
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
        } => {
            set_language(&lang);
            let model = load(&file)?;
            let options = plan_options(&model, &kinds, min_severity, max_changes, readiness, unit)?;
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
                    PlanFormat::Html => analysis::plan::plan_html(&model, &plan, &lang),
                    PlanFormat::Csv => analysis::plan::plan_csv(&plan),
                }
            };
            write_output(output.as_deref(), &text)
        }
        Command::Example => write_output(None, framework::SAMPLE_JSON),
        Command::Export {
            file,
            format,
            output,
            overlay,
            unit,
            layout,
            caption,
            lang,
        } => {
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
                    message:
                        "--lang does not apply to --format csv: the CSV is data, written as read"
                            .into(),
                });
            }
            let lang = lang.unwrap_or_else(|| "en".into());
            set_language(&lang);
            let model = load(&file)?;
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
            write_output(output.as_deref(), &text)
        }
        Command::ImportCsv {
            model,
            csv: csv_path,
            output,
        } => {
            stdin_once(&[&model, &csv_path])?;
            let bytes = read_input(&model)?;
            let (base, _) = read_model(&model, &bytes).map_err(|mut failure| {
                // `wfe import-csv scores.csv org.json`: say which comes first.
                let csv = encoding::decode(&bytes).is_ok_and(|text| {
                    opened::kind_of(&source_name(&model), &text) == opened::FileKind::Csv
                });
                if csv {
                    failure.message.push_str(
                        "\nimport-csv takes the model first, then the CSV: wfe import-csv MODEL CSV",
                    );
                }
                failure
            })?;
            let text = read_input(&csv_path)?;
            let imported = csv::import_csv_bytes(&base, &text).map_err(|invalid| {
                let name = csv_path.display();
                let mut lines: Vec<String> = invalid
                    .problems
                    .iter()
                    .map(|p| format!("{name}: {p}"))
                    .collect();
                if invalid.more > 0 {
                    lines.push(format!("{name}: {}", validate::more_line(invalid.more)));
                }
                Failure {
                    code: 2,
                    message: lines.join("\n"),
                }
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
        Command::Convert { file, to, output } => {
            let model = load(&file)?;
            let text = match to {
                Syntax::Text => text::to_text(&model),
                Syntax::Json => json(&model),
            };
            write_output(output.as_deref(), &text)
        }
        Command::Markdown {
            input,
            output,
            svg_dir,
            overlay,
        } => {
            let overlay = overlay
                .parse()
                .map_err(|message| Failure { code: 2, message })?;
            markdown(&input, &output, &svg_dir, overlay)
        }
        Command::Merge {
            model,
            responses,
            output,
            lang,
        } => {
            set_language(&lang);
            merge(&model, &responses, output.as_deref())
        }
        Command::Snapshot { file, date, output } => {
            let model = load(&file)?;
            let date = date.unwrap_or_else(today);
            let dated = voices::snapshot(&model, &date).map_err(|message| Failure {
                code: 2,
                message: format!("--date: {message}"),
            })?;
            write_output(output.as_deref(), &json(&dated))
        }
        Command::Survey {
            file,
            output,
            unit,
            all_units,
            lang,
        } => {
            set_language(&lang);
            let model = load(&file)?;
            let scope = voices::SurveyScope::of(unit.as_deref(), all_units);
            let page = voices::survey_html(&model, scope).map_err(|message| Failure {
                code: 2,
                message: format!(
                    "{}: {message}",
                    if all_units { "--all-units" } else { "--unit" }
                ),
            })?;
            write_output(output.as_deref(), &page)
        }
        Command::Progress { file, output, lang } => {
            set_language(&lang);
            let model = load(&file)?;
            if model.history.is_empty() {
                // The chart says so too, in page words; the terminal's user
                // gets the command that takes one.
                let name = source_name(&file);
                eprintln!(
                    "{name}: no snapshots yet, so the chart has no lines; \
                     `wfe snapshot` keeps a model's current scores as a dated snapshot"
                );
            }
            write_output(output.as_deref(), &voices::progress_svg(&model))
        }
    }
}

/// `wfe markdown`: every block's diagram drawn first (any problem stops
/// the run before a file is written), then the images and the document.
fn markdown(
    input: &Path,
    output: &Path,
    svg_dir: &Path,
    overlay: render::Overlay,
) -> Result<(), Failure> {
    let name = source_name(input);
    let bytes = read_input(input)?;
    let source = encoding::decode(&bytes).map_err(|invalid| invalid_failure(input, &invalid))?;
    let blocks = text::fenced::blocks(&source).map_err(|unclosed| Failure {
        code: 2,
        message: format!(
            "{name}: the ```{} block opened at line {} is never closed",
            text::fenced::LANGUAGE,
            unclosed.line
        ),
    })?;
    if is_standard(svg_dir) {
        return Err(Failure {
            code: 2,
            message: "--svg-dir: the images are files; name a folder for them, not `-`".into(),
        });
    }
    // The images are named for the document written, or with `-o -` for
    // the Markdown read (`diagram` when that is standard input too).
    let named = [output, input]
        .into_iter()
        .find(|path| !is_standard(path))
        .and_then(Path::file_stem)
        .map_or("diagram".into(), |s| s.to_string_lossy());
    let stem: String = named
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let opts = render::RenderOptions {
        overlay,
        standalone: true,
        ..Default::default()
    };
    let mut images = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let file = format!("{stem}-{}.svg", i + 1);
        let (model, _) =
            opened::read_model("block.txt", &block.source).map_err(|mut invalid| {
                // Lines of the block, counted from the fence, become lines of the file.
                for p in &mut invalid.problems {
                    p.line = p.line.map(|l| l + block.line);
                }
                let mut failure = invalid_failure(input, &invalid);
                failure.message = format!(
                    "{name}: the block at line {} is not a valid model:\n{}",
                    block.line, failure.message
                );
                failure
            })?;
        images.push((file, model.name.clone(), render::render_svg(&model, &opts)));
    }
    // Nothing is written when the document cannot be: its folder is
    // checked before the images go to theirs (which, created with its
    // parents, may make the document's folder too: `-o site/a.md --svg-dir
    // site/img`).
    let made = |folder: &Path| {
        let inside = relative_to(svg_dir, folder);
        inside.is_relative()
            && !inside
                .components()
                .any(|c| c == std::path::Component::ParentDir)
    };
    let folder = output.parent().unwrap_or(Path::new(""));
    if let Some(missing) = missing_folder(output).filter(|_| !made(folder)) {
        return Err(Failure {
            code: 1,
            message: format!("{}: {missing}", output.display()),
        });
    }
    std::fs::create_dir_all(svg_dir).map_err(|e| io_failure(svg_dir, &e, true))?;
    let link_dir = relative_to(svg_dir, output.parent().unwrap_or(Path::new("")));
    for (file, _, svg) in &images {
        write_output(Some(&svg_dir.join(file)), svg)?;
    }
    let mut next = images.iter();
    let document = text::fenced::replace(&source, &blocks, |_| {
        let Some((file, title, _)) = next.next() else {
            return String::new();
        };
        let alt = if title.is_empty() {
            "Workforce ecosystem diagram"
        } else {
            title
        };
        let link = link_dir.join(file);
        format!(
            "![{}]({})\n",
            markdown_escape(alt),
            link.to_string_lossy()
                .replace('\\', "/")
                .replace(' ', "%20")
        )
    });
    write_output(Some(output), &document)
}

/// Alt text that cannot close its brackets, start a tag or break the line.
fn markdown_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\\' | '[' | ']' | '(' | ')' | '<' | '>' | '*' | '_' | '`' | '!' | '&' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `target` as a path from `base`, both taken from the working directory
/// when relative and normalized lexically (`.` and `..`); `target` itself
/// when no such path can be made (another drive).
fn relative_to(target: &Path, base: &Path) -> PathBuf {
    use std::path::Component;
    let cwd = std::env::current_dir().unwrap_or_default();
    let normal = |p: &Path| -> Vec<std::ffi::OsString> {
        let mut parts: Vec<std::ffi::OsString> = Vec::new();
        for c in cwd.join(p).components() {
            match c {
                Component::CurDir => {}
                Component::ParentDir => {
                    parts.pop();
                }
                other => parts.push(other.as_os_str().to_os_string()),
            }
        }
        parts
    };
    let (t, b) = (normal(target), normal(base));
    if t.first() != b.first() {
        return target.to_path_buf();
    }
    let common = t.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for part in &t[common..] {
        out.push(part);
    }
    out
}

/// `wfe merge`: every response that can be read is offered to the core;
/// those it refuses, and those that cannot be read, are listed on standard
/// error and the exit status says so, while the rest are merged.
fn merge(model: &Path, responses: &[PathBuf], output: Option<&Path>) -> Result<(), Failure> {
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
    lines.extend(
        merged
            .refusals
            .iter()
            .map(|r| format!("{}: refused: {}", r.source, r.message)),
    );
    let summary = format!(
        "{} merged, {} already merged, {} refused",
        merged.added,
        merged.unchanged,
        lines.len()
    );
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

/// A language tag the core speaks, as a document's `lang` may carry it:
/// `en` or `fr`, or either with subtags (`fr-CA`); any other is refused
/// rather than written on a document in another language.
fn spoken_tag(tag: &str) -> Result<String, String> {
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
fn set_language(lang: &str) {
    const FRENCH: &str = include_str!("../../../www/i18n/core-fr.json");
    let language = match primary_subtag(lang).as_str() {
        "fr" => workforce_ecosystem::language::Language::from_json(FRENCH).ok(),
        _ => None,
    };
    workforce_ecosystem::language::set(language);
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
