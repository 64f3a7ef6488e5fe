//! Where the `wfe` commands write: `-o -` is standard output for every
//! command that has `-o`, as `-` is standard input for every input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn wfe(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wfe"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("wfe starts")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A fresh empty directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli_output-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn sample() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("www/models/sample.json")
        .display()
        .to_string()
}

#[test]
fn dash_output_is_standard_output_for_every_command() {
    let dir = scratch("dash");
    let sample = sample();
    let csv = dir.join("scores.csv").display().to_string();
    let o = wfe(&dir, &["export", &sample, "--format", "csv", "-o", &csv]);
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
        let default = wfe(&dir, args);
        assert_eq!(default.status.code(), Some(0), "{args:?}");
        let mut dashed = args.to_vec();
        dashed.extend(["-o", "-"]);
        let o = wfe(&dir, &dashed);
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
    let o = wfe(
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
    let o = wfe(
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
