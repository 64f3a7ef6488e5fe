//! Where the `wfe` commands write: `-o -` is standard output for every
//! command that has `-o`, as `-` is standard input for every input.

mod common;

use common::{sample_path, text, wfe_in, wfe_stdin_in};
use std::path::PathBuf;

/// A fresh empty directory for one test.
fn scratch(name: &str) -> PathBuf {
    common::scratch(&format!("cli_output-{name}"))
}

#[test]
fn dash_output_is_standard_output_for_every_command() {
    let dir = scratch("dash");
    let sample = sample_path();
    let csv = dir.join("scores.csv").display().to_string();
    let o = wfe_in(&dir, &["export", &sample, "--format", "csv", "-o", &csv]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let commands: [&[&str]; 11] = [
        &["render", &sample],
        &["render", &sample, "--picture"],
        &["plan", &sample],
        &["plan", &sample, "--apply"],
        &["export", &sample],
        &["import-csv", &sample, &csv],
        &["convert", &sample, "--to", "text"],
        &["merge", &sample],
        &["snapshot", &sample, "--date", "2026-03-31"],
        &["survey", &sample],
        &["progress", &sample],
    ];
    for args in commands {
        let default = wfe_in(&dir, args);
        assert_eq!(default.status.code(), Some(0), "{args:?}");
        let mut dashed = args.to_vec();
        dashed.extend(["-o", "-"]);
        let o = wfe_in(&dir, &dashed);
        assert_eq!(o.status.code(), Some(0), "{dashed:?}: {}", text(&o.stderr));
        assert!(!o.stdout.is_empty(), "{dashed:?}");
        assert_eq!(o.stdout, default.stdout, "{dashed:?}");
        assert!(!dir.join("-").exists(), "{dashed:?} wrote a file named -");
    }
}

#[test]
fn markdown_to_standard_output_names_its_images_for_the_input() {
    let dir = scratch("markdown");
    let doc = "# Plan\n\n```workforce-ecosystem\nscore hr integration 1 -> 3\n```\n";
    std::fs::write(dir.join("plan.md"), doc).unwrap();
    let o = wfe_in(
        &dir,
        &["markdown", "plan.md", "-o", "-", "--svg-dir", "img"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(
        text(&o.stdout),
        "# Plan\n\n![Workforce ecosystem diagram](img/plan-1.svg)\n"
    );
    assert!(dir.join("img/plan-1.svg").exists());
    assert!(!dir.join("-").exists() && !dir.join("img/--1.svg").exists());
    // Images cannot go to standard output.
    let o = wfe_in(
        &dir,
        &["markdown", "plan.md", "-o", "out.md", "--svg-dir", "-"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        text(&o.stderr),
        "--svg-dir: the images are files; name a folder for them, not `-`\n"
    );
    assert!(!dir.join("out.md").exists() && !dir.join("-").exists());
}

#[test]
fn a_missing_output_folder_is_named_and_markdown_then_writes_nothing() {
    let dir = scratch("folder");
    let sample = sample_path();
    let o = wfe_in(&dir, &["render", &sample, "-o", "newdir/x.svg"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        text(&o.stderr),
        "newdir/x.svg: the folder newdir does not exist\n"
    );
    let o = wfe_in(&dir, &["analyze", "missing.json"]);
    assert_eq!(text(&o.stderr), "missing.json: no such file\n");
    let o = wfe_in(&dir, &["analyze", "."]);
    assert_eq!(text(&o.stderr), ".: a folder, not a file\n");
    std::fs::write(
        dir.join("doc.md"),
        "```workforce-ecosystem\nscore hr integration 1\n```\n",
    )
    .unwrap();
    let o = wfe_in(
        &dir,
        &[
            "markdown",
            "doc.md",
            "-o",
            "site/doc.md",
            "--svg-dir",
            "img",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        text(&o.stderr),
        "site/doc.md: the folder site does not exist\n"
    );
    assert!(!dir.join("img").exists(), "images written for no document");
}

#[test]
fn standard_input_is_read_once() {
    let dir = scratch("stdin");
    let model = std::fs::read(sample_path()).unwrap();
    for args in [
        &["import-csv", "-", "-"][..],
        &["compare", "-", "-"],
        &["merge", "-", "-"],
        &["merge", "x.json", "-", "y.json", "-"],
    ] {
        let o = wfe_stdin_in(&dir, args, &model);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(
            text(&o.stderr),
            "standard input can be read only once: give `-` for one input at most\n",
            "{args:?}"
        );
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn an_empty_file_or_a_csv_given_as_the_model_is_said_to_be_one() {
    let dir = scratch("what");
    std::fs::write(dir.join("empty.json"), "").unwrap();
    std::fs::write(dir.join("bom.json"), "\u{feff}").unwrap();
    for file in ["empty.json", "bom.json"] {
        let o = wfe_in(&dir, &["validate", file]);
        assert_eq!(o.status.code(), Some(2));
        assert_eq!(
            text(&o.stderr),
            format!("{file}: (model) (line 1, column 1): the file is empty: it holds no model\n{file}: 1 problem; the model was not loaded\n")
        );
    }
    let sample = sample_path();
    let o = wfe_in(
        &dir,
        &["export", &sample, "--format", "csv", "-o", "org.csv"],
    );
    assert_eq!(o.status.code(), Some(0));
    // The arguments swapped: the CSV where the model goes.
    let o = wfe_in(&dir, &["import-csv", "org.csv", &sample]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        text(&o.stderr),
        "org.csv: (model): this looks like a CSV file of assessments, not a model (JSON, the text syntax or an exported page)\n\
         org.csv: 1 problem; the model was not loaded\n\
         import-csv takes the model first, then the CSV: wfe import-csv MODEL CSV\n"
    );
    let o = wfe_in(&dir, &["validate", "org.csv"]);
    assert!(text(&o.stderr).contains("this looks like a CSV file"));
}
