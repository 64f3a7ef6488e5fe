//! `wfe merge`, `wfe snapshot` and `wfe progress` on real files: the
//! three-respondent fixture of tests/fixtures/voices.

mod common;

use common::{fixture, text, wfe};
use std::path::PathBuf;
use std::process::Output;
use workforce_ecosystem::parse_model;

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("wfe-cli-voices-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn responses() -> Vec<String> {
    ["alice", "bob", "cho"]
        .map(|n| fixture(&format!("voices/responses/{n}.json")))
        .to_vec()
}

#[test]
fn merge_writes_the_means_and_merging_again_changes_nothing() {
    let d = dir("merge");
    let out = d.join("merged.json");
    let mut args = vec!["merge".to_string(), fixture("voices/model.json")];
    args.extend(responses());
    args.extend(["-o".into(), out.display().to_string()]);
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = wfe(&argv);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(text(&o.stderr), "3 merged, 0 already merged, 0 refused\n");
    let first = std::fs::read_to_string(&out).unwrap();
    let m = parse_model(&first).unwrap();
    let hr = m
        .assessments
        .iter()
        .find(|a| a.theme == "integration" && a.player == "hr")
        .unwrap();
    assert_eq!((hr.current, hr.target), (1.67, Some(3.5)));

    // The merged file merged with the same responses again: byte for byte the same.
    let again = d.join("again.json");
    let mut args = vec!["merge".to_string(), out.display().to_string()];
    args.extend(responses());
    args.extend(["-o".into(), again.display().to_string()]);
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = wfe(&argv);
    assert!(o.status.success());
    assert_eq!(text(&o.stderr), "0 merged, 3 already merged, 0 refused\n");
    assert_eq!(std::fs::read_to_string(&again).unwrap(), first);

    // `wfe analyze` of the merged model reports the disagreement.
    let o = wfe(&["analyze", out.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let d = &v["disagreements"][0];
    assert_eq!(d["kind"], "disagreement");
    assert_eq!(
        (d["theme"].as_str(), d["player"].as_str()),
        (Some("integration"), Some("hr"))
    );
    assert_eq!(d["spread"], 3.0);
    assert_eq!(d["low"], serde_json::json!(["HR lead"]));
}

#[test]
fn refused_and_unreadable_responses_are_listed_and_the_rest_merge() {
    let d = dir("refused");
    let broken = d.join("broken.json");
    std::fs::write(&broken, "{").unwrap();
    let out = d.join("merged.json");
    let mut args = vec!["merge".to_string(), fixture("voices/model.json")];
    args.extend(responses());
    args.push(fixture("voices/refused/other-framework.json"));
    args.push(broken.display().to_string());
    args.extend(["-o".into(), out.display().to_string()]);
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = wfe(&argv);
    assert_eq!(o.status.code(), Some(3));
    let err = text(&o.stderr);
    assert!(
        err.contains("other-framework.json: refused: another framework"),
        "{err}"
    );
    assert!(
        err.contains("broken.json: (model) (line 1, column 1): invalid JSON"),
        "{err}"
    );
    assert!(
        err.ends_with("3 merged, 0 already merged, 2 refused\n"),
        "{err}"
    );
    // The three good responses are merged all the same.
    assert_eq!(
        parse_model(&std::fs::read_to_string(&out).unwrap())
            .unwrap()
            .responses
            .len(),
        3
    );
    // An invalid model to merge into stops everything with status 2.
    let o = wfe(&[
        "merge",
        broken.to_str().unwrap(),
        &fixture("voices/responses/alice.json"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
}

#[test]
fn snapshots_then_progress_over_three_dates() {
    let d = dir("progress");
    let path = |n: &str| d.join(n).display().to_string();
    let o = wfe(&[
        "snapshot",
        &fixture("voices/model.json"),
        "--date",
        "2026-01-15",
        "-o",
        &path("a.json"),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let mut args = vec!["merge".to_string(), path("a.json")];
    args.extend(responses());
    args.extend(["-o".into(), path("b.json")]);
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    assert!(wfe(&argv).status.success());
    assert!(wfe(&[
        "snapshot",
        &path("b.json"),
        "--date",
        "2026-04-15",
        "-o",
        &path("c.json")
    ])
    .status
    .success());
    // A third date with IT's technology raised to 4.
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path("c.json")).unwrap()).unwrap();
    for a in v["assessments"].as_array_mut().unwrap() {
        if a["theme"] == "technology" {
            a["current"] = 4.into();
        }
    }
    std::fs::write(path("c.json"), v.to_string()).unwrap();
    let o = wfe(&[
        "snapshot",
        &path("c.json"),
        "--date",
        "2026-07-15",
        "-o",
        &path("d.json"),
    ]);
    assert!(o.status.success());
    let m = parse_model(&std::fs::read_to_string(path("d.json")).unwrap()).unwrap();
    let dates: Vec<&str> = m.history.iter().map(|h| h.date.as_str()).collect();
    assert_eq!(dates, ["2026-01-15", "2026-04-15", "2026-07-15"]);

    let o = wfe(&["progress", &path("d.json"), "-o", &path("progress.svg")]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let svg = std::fs::read_to_string(path("progress.svg")).unwrap();
    assert!(svg.starts_with("<svg"));
    for date in dates {
        assert!(svg.contains(date));
    }
    // Integration is assessed on all three dates: 1/4, then 1.67/4, 1.67/4.
    assert!(svg.contains("Integration architectures: 25%"), "{svg}");
    assert!(svg.contains("Integration architectures: 42%"));
    // Technology: not assessed, then 2.33/4 = 58%, then 4/4 = 100%.
    assert!(svg.contains("Technology enablers: 58%"));
    assert!(svg.contains("Technology enablers: 100%"));

    let o = wfe(&[
        "snapshot",
        &fixture("voices/model.json"),
        "--date",
        "15/01/2026",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        text(&o.stderr),
        "--date: \"15/01/2026\" is not a date written YYYY-MM-DD\n"
    );
}

/// `wfe compare quarters.json --from FROM --to TO`, and more arguments.
fn compare_dates(from: &str, to: &str, more: &[&str]) -> Output {
    let model = fixture("voices/quarters.json");
    let mut args = vec!["compare", &model, "--from", from, "--to", to];
    args.extend(more);
    wfe(&args)
}

#[test]
fn compare_takes_two_dates_of_one_model() {
    let model = fixture("voices/quarters.json");
    let o = compare_dates("2026-03-31", "2026-06-30", &[]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let cmp: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    // By hand from the fixture: between March and June, HR's integration in
    // Ports went 1 → 2 and IT's technology in Retail 2 → 3; nothing else.
    let cells: Vec<_> = cmp["changedCells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["player"].as_str().unwrap().to_string(),
                c["before"]["current"].as_f64().unwrap(),
                c["after"]["current"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(cells, [("hr".into(), 1.0, 2.0), ("it".into(), 2.0, 3.0)]);

    // --to defaults to now: from September to now nothing changed.
    // (the model's dates without compare_dates: --to left out)
    let o = wfe(&["compare", &model, "--from", "2026-09-30"]);
    let cmp: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(cmp["changedCells"], serde_json::json!([]));

    // The Markdown report reads the same cells, labelled.
    let o = compare_dates("2026-06-30", "2026-09-30", &["--format", "markdown"]);
    let report = text(&o.stdout);
    assert!(
        report.contains(
            "| Integration architectures | Procurement | Ports | 1 (target 3) | 1.5 (target 3) |"
        ),
        "{report}"
    );
}

#[test]
fn compare_refuses_unknown_dates_and_mixed_arguments() {
    let model = fixture("voices/quarters.json");
    let o = compare_dates("2026-03-31", "2026-12-31", &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert_eq!(
        text(&o.stderr),
        "--to: no snapshot dated \"2026-12-31\" (the model's snapshots: 2026-03-31, 2026-06-30, \
         2026-09-30; or now)\n"
    );
    let o = wfe(&[
        "compare",
        &fixture("voices/model.json"),
        "--from",
        "2026-03-31",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("the model holds no snapshots yet"));
    let o = wfe(&["compare", &model, &model, "--from", "now"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("cannot be used with"));
    let o = wfe(&["compare", &model, "--to", "now"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn survey_for_one_unit_or_every_unit_in_french() {
    let model = fixture("voices/quarters.json");
    let o = wfe(&["survey", &model, "--unit", "ports", "--lang", "fr"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let page = text(&o.stdout);
    assert!(page.contains("<html lang=\"fr\">"));
    assert!(page.contains(
        "<h1>Harbour \"Quarters\" — enquête sur l’écosystème de main-d’œuvre — Ports</h1>"
    ));
    assert!(!page.contains("<select id=\"survey-unit\""));
    let o = wfe(&["survey", &model, "--all-units"]);
    assert!(text(&o.stdout).contains("<select id=\"survey-unit\""));
    let o = wfe(&["survey", &model, "--unit", "shops", "--lang", "fr"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        text(&o.stderr),
        "--unit: aucune unité \"shops\" dans le modèle (connus : ports, retail)\n"
    );
    let o = wfe(&["survey", &fixture("voices/model.json"), "--all-units"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("the model defines no units"));
    let o = wfe(&["survey", &model, "--all-units", "--unit", "ports"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn progress_without_snapshots_says_so_and_how_to_take_one() {
    let o = wfe(&["progress", &fixture("voices/model.json")]);
    assert!(o.status.success(), "the chart is still written");
    let svg = text(&o.stdout);
    assert!(svg.contains("No snapshots yet") && !svg.contains("Readiness by theme"));
    let said = text(&o.stderr);
    assert!(
        said.contains("no snapshots yet") && said.contains("`wfe snapshot`"),
        "{said}"
    );
}

#[test]
fn merge_says_its_refusals_in_the_language_asked() {
    let refused = fixture("voices/refused/unknown-unit.json");
    let o = wfe(&[
        "merge",
        &fixture("voices/model.json"),
        &refused,
        "--lang",
        "fr",
    ]);
    assert_eq!(o.status.code(), Some(3));
    let said = text(&o.stderr);
    assert!(said.contains("que le modèle ne définit pas"), "{said}");
    let o = wfe(&["merge", &fixture("voices/model.json"), &refused]);
    assert!(text(&o.stderr).contains("which the model does not define"));
}

#[test]
fn a_snapshot_without_a_date_is_dated_today() {
    let days = |secs: u64| (secs / 86_400) as i64;
    let now = || {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs()
    };
    let before = days(now());
    let o = wfe(&["snapshot", &fixture("voices/model.json")]);
    let after = days(now());
    assert!(o.status.success(), "{}", text(&o.stderr));
    let model = parse_model(&text(&o.stdout)).unwrap();
    let taken = &model.history.last().unwrap().date;
    // (a run across midnight may date it either day)
    let today: Vec<String> = (before..=after)
        .map(workforce_ecosystem::voices::date_of_day)
        .collect();
    assert!(today.contains(taken), "{taken} not in {today:?}");
}
