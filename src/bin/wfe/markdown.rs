//! `wfe markdown`: the ```workforce-ecosystem blocks of a Markdown file
//! replaced by links to SVG images of their diagrams.

use crate::files::{
    invalid_failure, io_failure, is_standard, missing_folder, read_input, source_name,
    write_output, Failure,
};
use std::path::{Path, PathBuf};
use workforce_ecosystem::{analysis, encoding, opened, render, text};

/// `wfe markdown`: every block's diagram drawn first (any problem stops
/// the run before a file is written), then the images and the document.
pub fn markdown(input: &Path, output: &Path, svg_dir: &Path, overlay: &str) -> Result<(), Failure> {
    let overlay: render::Overlay = overlay
        .parse()
        .map_err(|message| Failure { code: 2, message })?;
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
            // letters of any script kept, as the page names its files
            if c.is_alphanumeric() || c == '-' || c == '_' {
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
            // (the reports' escaping: it cannot close the brackets, start a tag or break the line)
            analysis::escape_markdown(alt),
            link.to_string_lossy()
                .replace('\\', "/")
                .replace(' ', "%20")
        )
    });
    write_output(Some(output), &document)
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
