//! `wfe analyze` and `wfe compare`, run as the built binary: exit codes, the
//! JSON shape the page relies on, and the sections of the Markdown reports.

mod common;

use common::{fixture, json, stdout, wfe, wfe_stdin};
use serde_json::Value;

#[test]
fn analyze_prints_one_json_object_of_the_documented_shape() {
    let v = json(&wfe(&["analyze", &fixture("analysis/every-kind.json")]));
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["findings", "readiness", "systems"]);
    let r = &v["readiness"];
    assert!(r["overall"]
        .as_f64()
        .is_some_and(|x| (0.0..=1.0).contains(&x)));
    assert_eq!(r["themes"].as_object().unwrap().len(), 4);
    assert_eq!(r["players"].as_object().unwrap().len(), 6);
    assert_eq!(r["units"].as_object().unwrap().len(), 3);
    let findings = v["findings"].as_array().unwrap();
    let kinds: std::collections::BTreeSet<&str> = findings
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        [
            "conflict",
            "fragmented",
            "maturity-gap",
            "redundant",
            "silo",
            "uncovered",
            "untracked"
        ]
    );
    for f in findings {
        for key in [
            "id",
            "kind",
            "severity",
            "explanation",
            "cells",
            "players",
            "themes",
            "contributors",
            "systems",
            "units",
        ] {
            assert!(!f[key].is_null(), "{key} missing in {f}");
        }
    }
    assert_eq!(v["systems"]["components"], 4);
    assert!(v["systems"]["tracking"].is_object());
    assert!(v["systems"]["groups"].is_array());
}

#[test]
fn analyze_reads_standard_input_and_reports_null_readiness_when_nothing_is_assessed() {
    let o = wfe_stdin(
        &["analyze", "-", "--format", "json"],
        r#"{"schema": "workforce-ecosystem/v1", "name": "Empty"}"#,
    );
    let v = json(&o);
    assert!(v["readiness"]["overall"].is_null());
    assert!(v["readiness"]["themes"]["leadership"].is_null());
    assert_eq!(v["findings"], serde_json::json!([]));
    assert_eq!(v["systems"]["components"], 0);
}

#[test]
fn analyze_markdown_is_a_report_with_one_section_per_kind() {
    let o = wfe(&[
        "analyze",
        &fixture("analysis/every-kind.json"),
        "--format",
        "markdown",
    ]);
    assert!(o.status.success());
    let md = stdout(&o);
    assert!(md.starts_with("# Workforce ecosystem analysis — Northwind Logistics\n"));
    for heading in [
        "## Summary",
        "## Top priorities",
        "## Readiness",
        "### By theme",
        "### By player",
        "## Maturity gaps",
        "## Uncovered themes",
        "## Redundancies",
        "## Conflicts",
        "## Untracked contributors",
        "## Fragmented data",
        "## Silos",
        "## Systems",
    ] {
        assert!(md.contains(&format!("\n{heading}\n")), "missing {heading}");
    }
    assert!(md.contains("Overall readiness is **44%**"));
    assert!(md.contains("\n1. **Conflict**"));
    assert!(!md.contains("None found."), "the fixture has every kind");
}

#[test]
fn compare_prints_changes_and_resolved_and_introduced_findings() {
    let base = fixture("analysis/every-kind.json");
    let scenario = fixture("analysis/every-kind-scenario.json");
    let v = json(&wfe(&["compare", &base, &scenario]));
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "changedCells",
            "changedContributors",
            "changedOwners",
            "changedSystems",
            "changes",
            "introduced",
            "readiness",
            "resolved",
            "unchanged"
        ]
    );
    assert_eq!(v["changedCells"].as_array().unwrap().len(), 2);
    // every kind of change the scenario made, counted
    assert_eq!(
        v["changes"],
        serde_json::json!([
            {"kind": "scores", "count": 2},
            {"kind": "owners", "count": 1},
            {"kind": "links", "count": 1},
            {"kind": "name", "count": 1}
        ])
    );
    let hr = &v["changedCells"][0];
    assert_eq!(
        (&hr["theme"], &hr["player"], &hr["unit"]),
        (
            &Value::from("integration"),
            &Value::from("hr"),
            &Value::from("retail")
        )
    );
    assert_eq!(hr["before"]["current"], 1.0);
    assert_eq!(hr["after"]["current"], 3.0);
    let overall = &v["readiness"]["overall"];
    let delta = overall["after"].as_f64().unwrap() - overall["before"].as_f64().unwrap();
    assert!((overall["delta"].as_f64().unwrap() - delta).abs() < 1e-12);
    assert!(v["readiness"]["units"]["retail"]["delta"].as_f64().unwrap() > 0.0);
    assert_eq!(v["resolved"].as_array().unwrap().len(), 3);
    assert_eq!(
        v["introduced"][0]["id"],
        "maturity-gap:technology:finance-legal:"
    );
    assert_eq!(v["unchanged"], 25);

    let same = json(&wfe(&["compare", &base, &base]));
    assert_eq!(same["changedCells"], serde_json::json!([]));
    assert_eq!(same["changes"], serde_json::json!([]));
    assert_eq!(same["resolved"], serde_json::json!([]));
    assert_eq!(same["readiness"]["overall"]["delta"], 0.0);

    let o = wfe(&["compare", &base, &scenario, "--format", "markdown"]);
    assert!(o.status.success());
    let md = stdout(&o);
    for heading in [
        "## Summary",
        "## Changed cells",
        "## Readiness",
        "## Resolved findings",
        "## Introduced findings",
    ] {
        assert!(md.contains(&format!("\n{heading}\n")), "missing {heading}");
    }
    assert!(md.contains("3** resolved, **1** introduced"));
}

#[test]
fn invalid_input_exits_2_and_a_missing_file_1() {
    let o = wfe_stdin(&["analyze", "-"], r#"{"schema": "something-else"}"#);
    assert_eq!(o.status.code(), Some(2));
    assert!(!o.stderr.is_empty());
    assert!(o.stdout.is_empty());
    let o = wfe_stdin(&["analyze", "-"], "{ not json");
    assert_eq!(o.status.code(), Some(2));
    let o = wfe(&["analyze", &fixture("analysis/no-such-file.json")]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("no-such-file.json"), "{stderr}");
    let o = wfe(&[
        "compare",
        &fixture("analysis/every-kind.json"),
        &fixture("analysis/missing.json"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let o = wfe(&[
        "analyze",
        &fixture("analysis/every-kind.json"),
        "--format",
        "yaml",
    ]);
    assert_eq!(o.status.code(), Some(2), "clap rejects unknown formats");
}

#[test]
fn labels_cannot_inject_markup_into_the_markdown_report() {
    let model = r#"{
      "schema": "workforce-ecosystem/v1",
      "name": "<script>alert(1)</script>",
      "units": [{"id": "u", "label": "[click](javascript:alert(1))"}],
      "assessments": [{"theme": "integration", "player": "hr", "unit": "u", "current": 1, "target": 3}],
      "contributors": [{"id": "c", "label": "<img src=x onerror=alert(1)> | a", "kind": "external"}]
    }"#;
    let o = wfe_stdin(&["analyze", "-", "--format", "markdown"], model);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let md = stdout(&o);
    // Every `<` and `[` that comes from a label is backslash-escaped.
    let bare = |ch: char| {
        md.char_indices()
            .any(|(i, c)| c == ch && !md[..i].ends_with('\\'))
    };
    assert!(!bare('<') && !bare('['), "{md}");
    assert!(md.contains("\\<script\\>") && md.contains("\\[click\\]"));
    assert!(
        md.contains("javascript\\:"),
        "no scheme: an autolink could form"
    );
}

#[test]
fn compare_refuses_models_of_different_frameworks_saying_what_differs() {
    let root = env!("CARGO_MANIFEST_DIR");
    let (org, studio) = (
        format!("{root}/www/models/sample.json"),
        format!("{root}/www/models/studio.json"),
    );
    for format in ["json", "markdown"] {
        let o = wfe(&["compare", &org, &studio, "--format", format]);
        assert_eq!(o.status.code(), Some(2), "{format}");
        assert!(o.stdout.is_empty(), "{format}");
        let err = String::from_utf8(o.stderr).unwrap();
        assert!(
            err.starts_with(&format!(
                "{studio}: another framework than the baseline's (its "
            )),
            "{err}"
        );
        assert!(
            err.ends_with("; compare two models of one framework\n"),
            "{err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    let o = wfe(&["compare", &org, &studio, "--lang", "fr"]);
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.starts_with(&format!(
            "{studio}: un autre cadre que celui de la référence (ses "
        )),
        "{err}"
    );
}

#[test]
fn the_readme_names_every_key_of_the_comparison_json() {
    let (base, scenario) = (
        fixture("analysis/every-kind.json"),
        fixture("analysis/every-kind-scenario.json"),
    );
    let v = json(&wfe(&["compare", &base, &scenario]));
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let at = readme
        .find("`compare` prints `{")
        .expect("the README documents compare's JSON");
    let documented = &readme[at..at + readme[at..].find("\n\n").unwrap()];
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert!(keys.len() >= 6, "{keys:?}");
    for key in keys {
        assert!(
            documented.contains(&format!("\"{key}\"")),
            "{key} in {documented}"
        );
    }
    assert!(
        !documented.contains('_'),
        "a key the binary does not write: {documented}"
    );
}
