//! Running the built `wfe` as a user does, in a scratch directory of its
//! own: shared by the CLI tests that write files (`cli_text`, `cli_output`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// `wfe ARGS…` run in `dir`, with nothing on standard input.
pub fn wfe(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wfe"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("wfe starts")
}

/// `wfe ARGS…` run in `dir` with `input` on standard input.
#[allow(dead_code)] // not every test file pipes input
pub fn wfe_stdin(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_wfe"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("wfe starts");
    // A refused command may stop before reading it all.
    let _ = child.stdin.take().unwrap().write_all(input);
    child.wait_with_output().unwrap()
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
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
