//! The `wfe` binary as a user runs it: `validate` and `example`, files and
//! standard input, exit codes and messages.

mod common;

use common::{text, wfe, wfe_stdin};
use std::process::{Command, Stdio};

#[test]
fn validate_accepts_a_valid_file() {
    let out = wfe(&["validate", "www/models/sample.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "www/models/sample.json: valid (48 assessments, 8 contributors, 7 systems)\n"
    );
    assert!(out.stderr.is_empty());
}

#[test]
fn validate_lists_every_problem_and_exits_2() {
    // relative, as the messages name it
    let out = wfe(&["validate", "tests/fixtures/invalid/references.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 23, "{err}");
    assert_eq!(
        lines[2],
        "tests/fixtures/invalid/references.json: assessments[1].player (line 12, column 30): unknown player \"marketing\" (known: senior-leaders, procurement, finance-legal, business-unit-leaders, it, hr)"
    );
    assert_eq!(
        lines[22],
        "tests/fixtures/invalid/references.json: 22 problems; the model was not loaded"
    );
    for l in &lines {
        assert!(l.starts_with("tests/fixtures/invalid/references.json: "));
    }
}

#[test]
fn validate_reports_syntax_errors_with_their_place() {
    let out = wfe(&[
        "validate",
        "tests/fixtures/invalid/syntax-trailing-comma.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "tests/fixtures/invalid/syntax-trailing-comma.json: units[1] (line 5, column 3): invalid JSON: trailing comma\n\
         tests/fixtures/invalid/syntax-trailing-comma.json: 1 problem; the model was not loaded\n"
    );
}

#[test]
fn validate_reads_stdin_with_a_dash() {
    let good = std::fs::read("tests/fixtures/custom-framework.json").unwrap();
    let out = wfe_stdin(&["validate", "-"], &good);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        "<stdin>: valid (4 assessments, 2 contributors, 1 system)\n"
    );

    let bad = std::fs::read("tests/fixtures/invalid/types.json").unwrap();
    let out = wfe_stdin(&["validate", "-"], &bad);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.starts_with(
            "<stdin>: name (line 3, column 3): expected a string, found the number 42\n"
        ),
        "{err}"
    );
    assert!(err.ends_with("<stdin>: 14 problems; the model was not loaded\n"));
}

#[test]
fn validate_says_when_it_migrated() {
    let out = wfe(&["validate", "tests/fixtures/v0-model.json"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        "tests/fixtures/v0-model.json: valid (3 assessments, 2 contributors, 2 systems; migrated from workforce-ecosystem/v0)\n"
    );
}

#[test]
fn validate_refuses_oversized_and_non_utf8_input() {
    // The real size is counted, even past the limit, from a stream…
    let big = vec![b' '; 10 * 1024 * 1024 + 10];
    let out = wfe_stdin(&["validate", "-"], &big);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "<stdin>: the file is 10,485,770 bytes; the limit is 10 MB\n"
    );
    let huge = vec![b' '; 52 * 1024 * 1024 + 300 * 1024];
    let out = wfe_stdin(&["validate", "-"], &huge);
    assert_eq!(
        text(&out.stderr),
        "<stdin>: the file is 52.3 MB; the limit is 10 MB\n"
    );
    // …and from a file's size, without reading it.
    let path = std::env::temp_dir().join(format!("wfe-cli-big-{}.json", std::process::id()));
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(52 * 1024 * 1024 + 300 * 1024).unwrap();
    let out = wfe(&["validate", path.to_str().unwrap()]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        format!(
            "{}: the file is 52.3 MB; the limit is 10 MB\n",
            path.display()
        )
    );

    let out = wfe_stdin(&["validate", "-"], b"{\"name\": \"caf\xe9\"}");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with(
        "<stdin>: (model) (line 1, column 14): not UTF-8 text (bad byte at offset 13)"
    ));
}

/// The page decodes a file's bytes with the same function (`bytesToText`),
/// so these are the answers the editor gives too (tests/e2e/page-storage).
#[test]
fn validate_reads_utf16_and_refuses_two_byte_order_marks() {
    let model = r#"{"schema": "workforce-ecosystem/v1", "name": "Société Générale Müller"}"#;
    let mut le = vec![0xFF, 0xFE];
    le.extend(model.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(model.encode_utf16().flat_map(u16::to_be_bytes));
    for bytes in [le, be] {
        let out = wfe_stdin(&["validate", "-"], &bytes);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert_eq!(
            text(&out.stdout),
            "<stdin>: valid (0 assessments, 0 contributors, 0 systems)\n"
        );
    }
    let out = wfe_stdin(&["render", "-"], &{
        let mut le = vec![0xFF, 0xFE];
        le.extend(model.encode_utf16().flat_map(u16::to_le_bytes));
        le
    });
    assert!(text(&out.stdout).contains("Société Générale Müller"));

    let twice = format!("\u{feff}\u{feff}{model}");
    let out = wfe_stdin(&["validate", "-"], twice.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "<stdin>: (model) (line 1, column 1): two byte order marks (U+FEFF) at the start; \
         remove one (a model may start with one at most)\n<stdin>: 1 problem; the model was not loaded\n"
    );
}

#[test]
fn validate_of_a_missing_file_is_an_io_error() {
    let out = wfe(&["validate", "tests/fixtures/no-such-file.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with("tests/fixtures/no-such-file.json: "));
}

#[test]
fn example_prints_the_sample_which_validates() {
    let out = wfe(&["example"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        std::fs::read_to_string("www/models/sample.json").unwrap()
    );
    let check = wfe_stdin(&["validate", "-"], &out.stdout);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
}

#[test]
fn each_command_has_help() {
    for (cmd, words) in [
        ("validate", "every problem with its JSON path"),
        ("example", "sample organization"),
    ] {
        let out = wfe(&[cmd, "--help"]);
        assert_eq!(out.status.code(), Some(0), "{cmd}");
        let help = text(&out.stdout);
        assert!(help.contains(words), "{cmd}: {help}");
        assert!(help.contains(&format!("Usage: wfe {cmd}")), "{cmd}: {help}");
    }
    let out = wfe(&["validate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("<FILE>"));
}

/// `wfe ARGS` with its standard output going to `stdout`.
fn wfe_to(args: &[&str], stdout: Stdio) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_wfe"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .expect("wfe starts")
}

#[test]
fn a_full_disk_is_an_io_error_not_a_panic() {
    for args in [
        &["validate", "www/models/sample.json"][..],
        &["analyze", "www/models/sample.json"],
        &["export", "www/models/sample.json", "--format", "csv"],
        &["render", "tests/fixtures/hostile.json"],
        &["example"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = wfe_to(args, Stdio::from(full)).wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            text(&out.stderr),
            "standard output: No space left on device\n",
            "{args:?}"
        );
    }
}

#[test]
fn a_reader_that_goes_away_ends_the_output_quietly() {
    use std::io::Read;
    // Outputs far larger than a pipe's buffer (64 KB), so wfe is still
    // writing when the reader has read ten bytes and closes its end, as
    // `| head -c 10` does: a model of 3,000 contributors nobody covers.
    let contributors: Vec<String> = (0..3000)
        .map(|i| format!("{{\"id\":\"c{i}\",\"label\":\"Contributor {i}\",\"kind\":\"external\"}}"))
        .collect();
    let model = format!(
        "{{\"schema\":\"workforce-ecosystem/v1\",\"contributors\":[{}]}}",
        contributors.join(",")
    );
    let path = std::env::temp_dir().join(format!("wfe-cli-pipe-{}.json", std::process::id()));
    std::fs::write(&path, model).unwrap();
    let file = path.to_str().unwrap();
    // The diagram of a 12 × 8 framework with labels and notes near their
    // limits is an SVG of about 140 KB: `wfe render … | head -c 10`.
    let players: Vec<String> = (0..12)
        .map(|i| {
            format!(
                "{{\"id\":\"p{i}\",\"label\":\"Player {i} {}\"}}",
                "x".repeat(180)
            )
        })
        .collect();
    let themes: Vec<String> = (0..8)
        .map(|i| {
            format!(
                "{{\"id\":\"t{i}\",\"label\":\"Theme {i} {}\"}}",
                "y".repeat(180)
            )
        })
        .collect();
    let cells: Vec<String> = (0..8)
        .flat_map(|t| (0..12).map(move |p| (t, p)))
        .map(|(t, p)| {
            format!(
                "{{\"theme\":\"t{t}\",\"player\":\"p{p}\",\"current\":2,\"target\":4,\"note\":\"{}\"}}",
                "n".repeat(4000)
            )
        })
        .collect();
    let drawing = format!(
        "{{\"schema\":\"workforce-ecosystem/v1\",\"framework\":{{\"players\":[{}],\"themes\":[{}]}},\"assessments\":[{}]}}",
        players.join(","),
        themes.join(","),
        cells.join(",")
    );
    let drawn = std::env::temp_dir().join(format!("wfe-cli-pipe-svg-{}.json", std::process::id()));
    std::fs::write(&drawn, drawing).unwrap();
    let big_svg = drawn.to_str().unwrap();
    let full = wfe(&["render", big_svg]);
    assert!(full.stdout.len() > 100_000, "{}", text(&full.stderr));
    for args in [
        &["analyze", file][..],
        &["export", file],
        &["render", big_svg],
        &["render", "tests/fixtures/hostile.json"],
    ] {
        let mut child = wfe_to(args, Stdio::piped());
        let mut first = [0u8; 10];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(out.stderr.is_empty(), "{args:?}: {}", text(&out.stderr));
        assert!(matches!(first[0], b'<' | b'{' | b'#'), "{args:?}");
    }
    std::fs::remove_file(&path).unwrap();
    std::fs::remove_file(&drawn).unwrap();
}

#[test]
fn problems_are_listed_up_to_a_hundred_then_counted() {
    // 30,000 assessments of a theme that does not exist.
    let rows: Vec<String> = (0..30_000)
        .map(|i| format!("{{\"theme\":\"t{i}\",\"player\":\"hr\",\"current\":1}}"))
        .collect();
    let model = format!(
        "{{\"schema\":\"workforce-ecosystem/v1\",\"assessments\":[{}]}}",
        rows.join(",")
    );
    let out = wfe_stdin(&["validate", "-"], model.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 102, "{err}");
    assert!(lines[0].starts_with("<stdin>: assessments[0].theme (line 1, column "));
    assert!(lines[99].starts_with("<stdin>: assessments[99].theme "));
    assert_eq!(lines[100], "<stdin>: … and 29,900 more problems");
    assert_eq!(
        lines[101],
        "<stdin>: 30,000 problems; the model was not loaded"
    );
}

#[test]
fn a_unit_argument_is_escaped_in_its_message() {
    let out = wfe(&[
        "render",
        "www/models/sample.json",
        "--unit",
        "\u{1b}[2Jx\u{202e}",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "--unit: unknown unit \"\\u{1b}[2Jx\\u{202e}\" (known: ports, retail)\n"
    );
}

#[test]
fn import_csv_messages_never_reach_the_terminal_raw() {
    // A CSV whose header and cells hold an escape sequence that would clear
    // the screen and a right-to-left override: both are written escaped.
    let csv =
        "theme,player,current,\u{1b}[2J\u{202e}colour\nintegration,\u{1b}[31mhr\u{202e},2,x\n";
    let out = wfe_stdin(
        &["import-csv", "www/models/sample.json", "-"],
        csv.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    assert!(
        !err.contains('\u{1b}') && !err.contains('\u{202e}'),
        "{err:?}"
    );
    assert!(
        err.contains("column \"\\u{001b}[2J\\u{202e}colour\": unknown column"),
        "{err}"
    );
}

#[test]
fn labels_of_a_megabyte_are_refused_before_drawing() {
    // Eight theme labels of a megabyte: once a 249 MB SVG after minutes.
    let themes: Vec<String> = (0..8)
        .map(|i| format!("{{\"id\":\"t{i}\",\"label\":\"{}\"}}", "a".repeat(1 << 20)))
        .collect();
    let players: Vec<String> = ["a", "b", "c"]
        .iter()
        .map(|id| format!("{{\"id\":\"{id}\",\"label\":\"{id}\"}}"))
        .collect();
    let model = format!(
        "{{\"schema\":\"workforce-ecosystem/v1\",\"framework\":{{\"players\":[{}],\"themes\":[{}]}}}}",
        players.join(","),
        themes.join(",")
    );
    let out = wfe_stdin(&["render", "-"], model.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing drawn");
    let err = text(&out.stderr);
    assert_eq!(err.lines().count(), 9, "{err}");
    assert!(err.contains("framework.themes[7].label (line 1, column "));
    assert!(err.contains("too long: 1,048,576 characters, where a label may have at most 200"));
}

#[test]
fn extreme_numbers_are_refused_by_the_cli_with_their_bounds() {
    let model = r#"{"schema":"workforce-ecosystem/v1","assessments":[{"theme":"integration","player":"hr","current":2,"weight":1.7976931348623157e308}]}"#;
    let out = wfe_stdin(&["analyze", "-"], model.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        text(&out.stderr).contains("1.7976931348623157e308 is too heavy; a weight is at most 1000")
    );
    let model = r#"{"schema":"workforce-ecosystem/v1","scale":{"min":-1.797e308,"max":1.797e308},"assessments":[{"theme":"integration","player":"hr","current":2}]}"#;
    let out = wfe_stdin(&["analyze", "-"], model.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains(
        "min and max must lie between -1,000,000 and 1,000,000, found -1.797e308 and 1.797e308"
    ));
}
