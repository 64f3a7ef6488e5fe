//! `wfe plan`, run as the built binary: the JSON shape, the formats, the
//! options and their errors, and `--apply`, whose model `wfe analyze` finds
//! free of every finding of the chosen kinds — on the sample and on
//! generated models.

mod common;

use common::{json, ok, wfe};
use std::path::PathBuf;
use workforce_ecosystem::{framework, generate};

/// A model written to a file of its own in the target directory.
fn file(name: &str, text: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli_plan");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn findings(path: &str) -> Vec<(String, String)> {
    json(&wfe(&["analyze", path]))["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["kind"].as_str().unwrap().to_string(),
                f["id"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_json_plan_lists_steps_with_changes_and_resolves() {
    let sample = file("sample.json", framework::SAMPLE_JSON);
    let p = json(&wfe(&["plan", sample.to_str().unwrap()]));
    let steps = p["steps"].as_array().unwrap();
    assert!(steps.len() >= 5);
    let mut resolved = Vec::new();
    for s in steps {
        let changes = s["changes"].as_array().unwrap();
        assert!(!changes.is_empty());
        for c in changes {
            let edit = c.as_object().unwrap();
            assert_eq!(edit.len(), 1, "one operation per edit object: {c}");
        }
        resolved.extend(
            s["resolves"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_string()),
        );
        assert!(s["readiness"]["before"].is_number() && s["readiness"]["after"].is_number());
    }
    let mut all: Vec<String> = findings(sample.to_str().unwrap())
        .into_iter()
        .map(|f| f.1)
        .collect();
    all.sort();
    resolved.sort();
    assert_eq!(resolved, all, "each finding resolved once");
    assert_eq!(p["left"], serde_json::json!([]));
    // byte for byte the same every run
    let once = ok(&wfe(&["plan", sample.to_str().unwrap()]));
    assert_eq!(ok(&wfe(&["plan", sample.to_str().unwrap()])), once);
}

#[test]
fn apply_leaves_no_finding_of_the_chosen_kinds_on_sample_and_generated_models() {
    let sample = framework::sample();
    for factor in [1, 4, 10] {
        let m = generate::scaled(&sample, factor);
        let model = file(&format!("scaled-{factor}.json"), &m.to_json_pretty());
        for kinds in [
            "",
            "maturity-gap",
            "conflict,redundant",
            "silo,fragmented,untracked",
            "uncovered",
        ] {
            let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!(
                "cli_plan/planned-{factor}-{}.json",
                kinds.replace(',', "_")
            ));
            let mut args = vec![
                "plan",
                model.to_str().unwrap(),
                "--apply",
                "-o",
                out.to_str().unwrap(),
            ];
            if !kinds.is_empty() {
                args.extend(["--kinds", kinds]);
            }
            ok(&wfe(&args));
            ok(&wfe(&["validate", out.to_str().unwrap()]));
            let left = findings(out.to_str().unwrap());
            let chosen: Vec<&str> = kinds.split(',').filter(|k| !k.is_empty()).collect();
            let stray: Vec<_> = left
                .iter()
                .filter(|(k, _)| chosen.is_empty() || chosen.contains(&k.as_str()))
                .collect();
            assert!(stray.is_empty(), "×{factor} {kinds}: {stray:?}");
            if !chosen.is_empty() {
                let before = findings(model.to_str().unwrap());
                let others = |v: &[(String, String)]| {
                    v.iter()
                        .filter(|(k, _)| !chosen.contains(&k.as_str()))
                        .count()
                };
                assert_eq!(
                    others(&left),
                    others(&before),
                    "×{factor} {kinds}: other kinds untouched"
                );
            }
        }
    }
}

#[test]
fn budgets_units_and_formats() {
    let sample = file("sample-b.json", framework::SAMPLE_JSON);
    let path = sample.to_str().unwrap();
    let p = json(&wfe(&["plan", path, "--max-changes", "3"]));
    assert_eq!(p["changeCount"], 3);
    let r = json(&wfe(&["plan", path, "--readiness", "0.5"]));
    assert_eq!(r["reached"], true);
    assert!(r["readiness"]["after"].as_f64().unwrap() >= 0.5 - 1e-9);
    let u = json(&wfe(&["plan", path, "--unit", "retail"]));
    assert_eq!(u["unit"], "retail");
    for s in u["steps"].as_array().unwrap() {
        for c in s["changes"].as_array().unwrap() {
            assert_eq!(c["setAssessment"]["unit"], "retail");
        }
    }
    let md = ok(&wfe(&["plan", path, "--format", "markdown"]));
    assert!(md.starts_with("# Plan — Harbourline Group\n") && md.contains("## Step 1. "));
    let html = ok(&wfe(&["plan", path, "--format", "html"]));
    assert!(html.starts_with("<!doctype html>") && html.contains("default-src 'none'"));
    let csv = ok(&wfe(&["plan", path, "--format", "csv"]));
    let rows = csv.lines().count() - 1;
    assert_eq!(
        rows,
        json(&wfe(&["plan", path]))["changeCount"].as_u64().unwrap() as usize
    );
    let fr = ok(&wfe(&[
        "plan", path, "--format", "markdown", "--lang", "fr",
    ]));
    assert!(fr.contains("Nommer un responsable"), "{fr}");
}

#[test]
fn bad_options_are_refused_with_what_and_where() {
    let sample = file("sample-c.json", framework::SAMPLE_JSON);
    let path = sample.to_str().unwrap();
    for (args, expected) in [
        (
            vec!["--kinds", "gaps"],
            "--kinds: unknown kind \"gaps\" (known: maturity-gap,",
        ),
        (
            vec!["--readiness", "75"],
            "--readiness: a target between 0 and 1",
        ),
        (vec!["--unit", "moon"], "--unit: unknown unit \"moon\""),
    ] {
        let mut all = vec!["plan", path];
        all.extend(args);
        let o = wfe(&all);
        assert_eq!(o.status.code(), Some(2));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(expected), "{err}");
    }
    let o = wfe(&["plan", "/nonexistent/model.json"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn hostile_labels_stay_inert_in_every_format_and_the_plan_applies() {
    let hostile = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile.json");
    for format in ["markdown", "csv", "html", "json"] {
        let text = ok(&wfe(&["plan", hostile, "--format", format]));
        let control: Vec<char> = text
            .chars()
            .filter(|c| c.is_control() && !['\n', '\r'].contains(c))
            .collect();
        assert!(control.is_empty(), "{format}: {control:?}");
        match format {
            "markdown" | "html" => assert!(!text.contains("<script>"), "{format}"),
            // no cell a spreadsheet would run as a formula
            "csv" => assert!(!text.contains(",=") && !text.contains("\n=")),
            _ => {}
        }
    }
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli_plan/hostile-planned.json");
    ok(&wfe(&[
        "plan",
        hostile,
        "--apply",
        "-o",
        out.to_str().unwrap(),
    ]));
    assert!(findings(out.to_str().unwrap()).is_empty());
}
