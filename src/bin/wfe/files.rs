//! Files and standard streams: reading a model or any input, writing
//! output, and the failures they end in, with their exit codes and the
//! messages a user can act on.

use crate::words::{about, french, say};
use std::fmt::Display;
use std::io::{ErrorKind, Read, Write};
use std::path::Path;
use workforce_ecosystem::migrate::Version;
use workforce_ecosystem::{encoding, export, opened, validate, Model};

/// A failure the user can act on, with the exit code it deserves.
pub struct Failure {
    pub code: u8,
    pub message: String,
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
pub fn source_name(path: &Path) -> String {
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
pub fn read_input(path: &Path) -> Result<Vec<u8>, Failure> {
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

/// Every problem on its own line, prefixed with `name`, then how many more
/// the list leaves out, if any (a model's problems or a CSV file's).
pub fn problem_lines(name: &str, problems: &[impl Display], more: usize) -> Vec<String> {
    let mut lines: Vec<String> = problems.iter().map(|p| format!("{name}: {p}")).collect();
    if more > 0 {
        lines.push(format!("{name}: {}", validate::more_line(more)));
    }
    lines
}

/// Every problem on its own line, prefixed with the source, then a count.
pub fn invalid_failure(path: &Path, invalid: &validate::Invalid) -> Failure {
    let name = source_name(path);
    let mut lines = problem_lines(&name, &invalid.problems, invalid.more);
    lines.push(format!("{name}: {}", validate::not_loaded(invalid.total())));
    Failure {
        code: 2,
        message: lines.join("\n"),
    }
}

/// Reads, migrates and validates a model, with the version it was written in:
/// from its JSON, or from the HTML page the page exports, which carries it.
pub fn load_versioned(path: &Path) -> Result<(Model, Version), Failure> {
    read_model(path, &read_input(path)?)
}

/// The model in the bytes read from `path`, as [`load_versioned`] reads it.
pub fn read_model(path: &Path, bytes: &[u8]) -> Result<(Model, Version), Failure> {
    let name = source_name(path);
    encoding::decode(bytes)
        .and_then(|text| opened::read_model(&name, &text))
        .map_err(|invalid| invalid_failure(path, &invalid))
}

pub fn load(path: &Path) -> Result<Model, Failure> {
    load_versioned(path).map(|(model, _)| model)
}

/// An I/O error in plain words, without the system's "(os error N)".
fn plain(e: &std::io::Error) -> String {
    match e.kind() {
        ErrorKind::NotFound => say("no such file or folder", "fichier ou dossier introuvable"),
        ErrorKind::IsADirectory => say("a folder, not a file", "un dossier, pas un fichier"),
        ErrorKind::PermissionDenied => say("permission denied", "accès refusé"),
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
pub fn missing_folder(output: &Path) -> Option<String> {
    let folder = output.parent().filter(|f| !f.as_os_str().is_empty())?;
    (!is_standard(output) && !folder.is_dir()).then(|| match french() {
        true => format!("le dossier {} n’existe pas", folder.display()),
        false => format!("the folder {} does not exist", folder.display()),
    })
}

/// The failure of reading or writing `path`, naming it and saying why.
pub fn io_failure(path: &Path, e: &std::io::Error, writing: bool) -> Failure {
    let why = match e.kind() {
        ErrorKind::NotFound if writing => missing_folder(path).unwrap_or_else(|| plain(e)),
        ErrorKind::NotFound => say("no such file", "fichier introuvable"),
        _ => plain(e),
    };
    Failure {
        code: 1,
        message: about(source_name(path), why),
    }
}

/// Refuses standard input named for two inputs: it can be read once.
pub fn stdin_once(inputs: &[&Path]) -> Result<(), Failure> {
    if inputs.iter().filter(|p| is_standard(p)).count() < 2 {
        return Ok(());
    }
    Err(Failure {
        code: 2,
        message: "standard input can be read only once: give `-` for one input at most".into(),
    })
}

/// Whether a path names standard input or output: `-`, as for every tool.
pub fn is_standard(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Writes `text` to the file `output`, or to standard output when there is
/// none or it is `-`.
pub fn write_output(output: Option<&Path>, text: &str) -> Result<(), Failure> {
    match output.filter(|path| !is_standard(path)) {
        Some(path) => std::fs::write(path, text).map_err(|e| io_failure(path, &e, true)),
        None => write_stdout(text),
    }
}

/// Writes to standard output, which may be full (`> /dev/full`: exit 1 and
/// say so) or closed by its reader (`| head`: stop quietly).
pub fn write_stdout(text: &str) -> Result<(), Failure> {
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

pub fn json(value: &impl serde::Serialize) -> String {
    // Controls escaped: `wfe analyze` to a terminal must not drive it.
    let mut s = export::json_pretty(value);
    s.push('\n');
    s
}
