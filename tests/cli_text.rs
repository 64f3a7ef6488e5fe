//! `wfe convert` and `wfe markdown` run as a user runs them, on real files
//! in a scratch directory, and the other commands reading the text syntax.

mod common;

use common::{sample_path, text, wfe_in};
use std::path::{Path, PathBuf};

/// A fresh empty directory for one test.
fn scratch(name: &str) -> PathBuf {
    common::scratch(&format!("cli_text-{name}"))
}

#[test]
fn convert_goes_to_text_and_back_losslessly() {
    let dir = scratch("convert");
    let out = wfe_in(
        &dir,
        &["convert", &sample_path(), "--to", "text", "-o", "org.txt"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let written = std::fs::read_to_string(dir.join("org.txt")).unwrap();
    assert!(
        written.starts_with("name \"Harbourline Group\"\n"),
        "{written}"
    );
    // text → JSON, told by the extension
    let out = wfe_in(
        &dir,
        &["convert", "org.txt", "--to", "json", "-o", "org.json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json = std::fs::read_to_string(dir.join("org.json")).unwrap();
    let sample = workforce_ecosystem::framework::sample();
    assert_eq!(workforce_ecosystem::parse_model(&json).unwrap(), sample);
    // JSON → text again gives the same text, on standard output
    let out = wfe_in(&dir, &["convert", "org.json", "--to", "text"]);
    assert_eq!(text(&out.stdout), written);
    // a text file without the extension is told by its content
    std::fs::write(dir.join("model"), &written).unwrap();
    let out = wfe_in(&dir, &["convert", "model", "--to", "json"]);
    assert_eq!(
        workforce_ecosystem::parse_model(&text(&out.stdout)).unwrap(),
        sample
    );
}

#[test]
fn other_commands_read_the_text_syntax() {
    let dir = scratch("commands");
    std::fs::write(
        dir.join("acme.txt"),
        "name \"Acme\"\nscore hr integration 1 -> 3\nscore it technology 2\n",
    )
    .unwrap();
    let out = wfe_in(&dir, &["validate", "acme.txt"]);
    assert_eq!(
        (out.status.code(), text(&out.stdout).as_str()),
        (
            Some(0),
            "acme.txt: valid (2 assessments, 0 contributors, 0 systems)\n"
        )
    );
    let out = wfe_in(&dir, &["render", "acme.txt", "--overlay", "gap"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("<svg"));
    let out = wfe_in(&dir, &["analyze", "acme.txt"]);
    assert!(
        text(&out.stdout).contains("maturity-gap"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn bad_text_is_refused_with_line_and_column() {
    let dir = scratch("bad");
    std::fs::write(
        dir.join("bad.txt"),
        "name \"Acme\"\nscore hr integration one\nunit u\nunit u\n",
    )
    .unwrap();
    let out = wfe_in(&dir, &["convert", "bad.txt", "--to", "json"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "bad.txt: (model) (line 2, column 22): expected the current score (a number), found \"one\"\n\
         bad.txt: 1 problem; the model was not loaded\n"
    );
    assert!(out.stdout.is_empty());
    std::fs::write(dir.join("dup.txt"), "unit u\nunit u\n").unwrap();
    let out = wfe_in(&dir, &["validate", "dup.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("dup.txt: units[1].id (line 2, column 6): "),
        "{}",
        text(&out.stderr)
    );
}

const README: &str = "# Our ecosystem\n\nToday:\n\n```workforce-ecosystem\nname \"Today\"\n\
score hr integration 1 -> 3\n```\n\nAn example of the syntax, not drawn:\n\n\
````markdown\n```workforce-ecosystem\nunit x\n```\n````\n\nNext year:\n\n\
~~~workforce-ecosystem\nname \"Next [year]\"\nscore hr integration 3\n~~~\n\nThe end.\n";

#[test]
fn markdown_names_its_images_for_the_document_keeping_its_letters() {
    let dir = scratch("markdown-names");
    std::fs::write(dir.join("Équipe nord.md"), README).unwrap();
    let out = wfe_in(
        &dir,
        &["markdown", "Équipe nord.md", "-o", "-", "--svg-dir", "img"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("![Today](img/Équipe-nord-1.svg)"),
        "{}",
        text(&out.stdout)
    );
    assert!(dir.join("img/Équipe-nord-2.svg").is_file());
}

#[test]
fn markdown_replaces_each_block_with_an_svg_link() {
    let dir = scratch("markdown");
    std::fs::write(dir.join("README.md"), README).unwrap();
    std::fs::create_dir_all(dir.join("site")).unwrap();
    let out = wfe_in(
        &dir,
        &[
            "markdown",
            "README.md",
            "-o",
            "site/index.md",
            "--svg-dir",
            "site/img",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let md = std::fs::read_to_string(dir.join("site/index.md")).unwrap();
    assert_eq!(
        md,
        "# Our ecosystem\n\nToday:\n\n![Today](img/index-1.svg)\n\nAn example of the syntax, not drawn:\n\n\
         ````markdown\n```workforce-ecosystem\nunit x\n```\n````\n\nNext year:\n\n\
         ![Next \\[year\\]](img/index-2.svg)\n\nThe end.\n"
    );
    let first = std::fs::read_to_string(dir.join("site/img/index-1.svg")).unwrap();
    let second = std::fs::read_to_string(dir.join("site/img/index-2.svg")).unwrap();
    assert!(
        first.starts_with("<svg") || first.starts_with("<?xml"),
        "{}",
        &first[..60]
    );
    // Each image draws its own block's model, scores shown.
    let today =
        workforce_ecosystem::text::parse_text("name \"Today\"\nscore hr integration 1 -> 3\n")
            .unwrap();
    let opts = workforce_ecosystem::render::RenderOptions {
        overlay: workforce_ecosystem::render::Overlay::Current,
        standalone: true,
        ..Default::default()
    };
    assert_eq!(
        first,
        workforce_ecosystem::render::render_svg(&today, &opts)
    );
    assert_ne!(first, second);
}

#[test]
fn a_bad_block_is_named_by_its_line_and_nothing_is_written() {
    let dir = scratch("markdown-bad");
    let bad = README.replace("score hr integration 3", "score hr integration 9");
    std::fs::write(dir.join("in.md"), bad).unwrap();
    let out = wfe_in(
        &dir,
        &["markdown", "in.md", "-o", "out.md", "--svg-dir", "img"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.starts_with(
            "in.md: the block at line 20 is not a valid model:\n\
             in.md: assessments[0].current (line 22, column 22): 9 is outside the scale 0 to 4\n"
        ),
        "{err}"
    );
    assert!(!dir.join("out.md").exists() && !dir.join("img").exists());
    std::fs::write(
        dir.join("open.md"),
        "text\n```workforce-ecosystem\nunit a\n",
    )
    .unwrap();
    let out = wfe_in(
        &dir,
        &["markdown", "open.md", "-o", "out.md", "--svg-dir", "img"],
    );
    assert_eq!(
        text(&out.stderr),
        "open.md: the ```workforce-ecosystem block opened at line 2 is never closed\n"
    );
}

#[test]
fn markdown_draws_the_readme_and_the_syntax_guide() {
    let dir = scratch("docs");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (doc, blocks) in [("README.md", 1), ("docs/text-syntax.md", 3)] {
        let input = root.join(doc).display().to_string();
        let output = dir.join("out").join(Path::new(doc).file_name().unwrap());
        let svgs = dir.join("out/img");
        let out = wfe_in(
            &dir,
            &[
                "markdown",
                &input,
                "-o",
                &output.display().to_string(),
                "--svg-dir",
                &svgs.display().to_string(),
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{doc}: {}", text(&out.stderr));
        let md = std::fs::read_to_string(&output).unwrap();
        let stem = output.file_stem().unwrap().to_string_lossy().to_string();
        for n in 1..=blocks {
            // linked relative to the output, though both were given as absolute paths
            assert!(
                md.contains(&format!("](img/{stem}-{n}.svg)\n")),
                "{doc}: block {n}\n{md}"
            );
            assert!(svgs.join(format!("{stem}-{n}.svg")).exists());
        }
        assert!(!md.contains(&format!("](img/{stem}-{}.svg)", blocks + 1)));
        assert!(
            !md.contains("\n```workforce-ecosystem\n"),
            "{doc}: a block is left"
        );
    }
}
