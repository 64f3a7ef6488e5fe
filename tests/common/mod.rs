//! What the CLI tests share: running the built `wfe` as a user does, in
//! the package's folder or in a scratch directory of a test's own, and
//! reading what it wrote. One copy, so that every CLI test runs the binary
//! alike: standard input empty unless a test gives it some, both outputs
//! captured.

// Each test file compiles its own copy of this module and uses only part
// of it.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// `wfe ARGS…` run in the package's folder (where a relative path such as
/// `www/models/sample.json` leads), with nothing on standard input.
pub fn wfe(args: &[&str]) -> Output {
    wfe_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// `wfe ARGS…` run in the package's folder with `input` on standard input.
pub fn wfe_stdin(args: &[&str], input: impl AsRef<[u8]>) -> Output {
    wfe_stdin_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, input)
}

/// `wfe ARGS…` run in `dir`, with nothing on standard input.
pub fn wfe_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wfe"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("wfe starts")
}

/// `wfe ARGS…` run in `dir` with `input` on standard input.
pub fn wfe_stdin_in(dir: &Path, args: &[&str], input: impl AsRef<[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wfe"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("wfe starts");
    // A refused command may stop before reading it all.
    let _ = child.stdin.take().unwrap().write_all(input.as_ref());
    child.wait_with_output().unwrap()
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

pub fn stdout(o: &Output) -> String {
    text(&o.stdout)
}

pub fn stderr(o: &Output) -> String {
    text(&o.stderr)
}

/// The standard output of a command that must have succeeded (its
/// standard error says why when it did not).
pub fn ok(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    stdout(o)
}

/// The one JSON value a command that must have succeeded wrote.
pub fn json(o: &Output) -> serde_json::Value {
    serde_json::from_str(&ok(o)).expect("one JSON value")
}

/// The absolute path of `name` in tests/fixtures.
pub fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// A fresh empty directory named `name` (unique across the test files).
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The sample model's absolute path.
pub fn sample_path() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("www/models/sample.json")
        .display()
        .to_string()
}
