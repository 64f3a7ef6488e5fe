//! The CLI's export, import-csv, blank and tour commands.

mod common;

use common::{text, wfe, wfe_stdin};

fn tmp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("wfe-cli-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

const MODEL: &str = r#"{"schema":"workforce-ecosystem/v1","name":"Cli <Co>",
  "units":[{"id":"retail","label":"Retail"}],
  "assessments":[{"theme":"integration","player":"hr","unit":"retail","current":1,"target":3,"note":"=cmd()"}]}"#;

#[test]
fn export_html_writes_a_self_contained_file() {
    let model = tmp("m.json");
    std::fs::write(&model, MODEL).unwrap();
    let out = tmp("m.html");
    let o = wfe(&[
        "export",
        model.to_str().unwrap(),
        "--format",
        "html",
        "-o",
        out.to_str().unwrap(),
        "--overlay",
        "gap",
        "--unit",
        "retail",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(
        html.starts_with("<!doctype html>")
            && html.contains("<svg")
            && html.contains("Cli &lt;Co&gt;")
    );
    assert!(html.contains("id=\"workforce-ecosystem-model\""));
}

#[test]
fn export_html_header_is_the_title_block_dated_unless_told_not_to() {
    let html = |args: &[&str]| {
        let mut all = vec!["export", "-", "--overlay", "gap", "--unit", "retail"];
        all.extend(args);
        let o = wfe_stdin(&all, MODEL);
        assert!(o.status.success(), "{}", text(&o.stderr));
        text(&o.stdout)
    };
    let dated = html(&["--caption", "3 May 2026"]);
    let shown = "Gaps to target · Retail · 3\u{a0}May\u{a0}2026";
    assert!(dated.contains(&format!("<p class=\"shown\">{shown}</p>")));
    // once: the drawing under the header has none
    assert!(!dated.contains("<g class=\"caption\">"));
    let bare = html(&["--no-caption"]);
    assert!(!bare.contains("<g class=\"caption\">"));
    assert!(bare.contains("<p class=\"shown\">Gaps to target · Retail</p>"));
    let o = wfe(&["export", "-", "--caption", "x", "--no-caption"]);
    assert_eq!(o.status.code(), Some(2), "the two flags conflict");
}

#[test]
fn export_formats_go_to_stdout_from_stdin() {
    let o = wfe_stdin(&["export", "-", "--format", "csv"], MODEL);
    assert!(o.status.success());
    let csv = text(&o.stdout);
    assert!(csv.contains("theme,player,unit,current,target,weight,note\r\nintegration,hr,retail,1,3,1,'=cmd()\r\n"), "{csv}");
    let o = wfe_stdin(
        &["export", "-", "--format", "report-html", "--lang", "fr"],
        MODEL,
    );
    assert!(o.status.success());
    let html = text(&o.stdout);
    assert!(html.contains("<html lang=\"fr\">"));
    // The report's title in the tag's language, with the name's markup
    // shown as text.
    assert!(
        html.contains("<h1>Analyse de l’écosystème de main-d’œuvre — Cli &lt;Co&gt;</h1>"),
        "{html}"
    );
    let o = wfe_stdin(&["export", "-", "--format", "report-md"], MODEL);
    assert!(o.status.success());
    let md = text(&o.stdout);
    let analyze = wfe_stdin(&["analyze", "-", "--format", "markdown"], MODEL);
    assert_eq!(md, text(&analyze.stdout), "the same report as wfe analyze");
}

#[test]
fn export_refuses_unknown_units_and_invalid_models() {
    let o = wfe_stdin(&["export", "-", "--unit", "mars"], MODEL);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("unknown unit \"mars\" (known: retail)"));
    let o = wfe_stdin(&["export", "-"], "{\"schema\":\"nope\"}");
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("schema"));
}

#[test]
fn import_csv_replaces_assessments_or_names_row_and_column() {
    let model = tmp("base.json");
    std::fs::write(&model, MODEL).unwrap();
    let good = "theme,player,current,target\nleadership,Senior leaders,2,4\n";
    let o = wfe_stdin(&["import-csv", model.to_str().unwrap(), "-"], good);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        out["assessments"],
        serde_json::json!([{"theme":"leadership","player":"senior-leaders","current":2.0,"target":4.0}])
    );
    assert_eq!(out["name"], "Cli <Co>");

    let bad = tmp("bad.csv");
    std::fs::write(
        &bad,
        "theme,player,current\nleadership,hr,1\nleadership,it,three\n",
    )
    .unwrap();
    let o = wfe(&["import-csv", model.to_str().unwrap(), bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.contains("bad.csv: row 3, column \"current\": \"three\" is not a number"),
        "{err}"
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn blank_and_tour_print_json() {
    let o = wfe_stdin(&["blank", "-"], MODEL);
    assert!(o.status.success());
    let blank: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(blank["assessments"], serde_json::json!([]));
    assert_eq!(blank["units"][0]["id"], "retail");
    let o = wfe_stdin(&["tour", "-"], MODEL);
    assert!(o.status.success());
    let steps: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(steps.as_array().unwrap().len(), 8);
    assert_eq!(
        steps[6]["players"],
        serde_json::json!(["hr", "procurement"])
    );
}

#[test]
fn commands_read_the_model_an_exported_page_carries() {
    let model = tmp("back.json");
    std::fs::write(&model, MODEL).unwrap();
    let page = tmp("back.html");
    let o = wfe(&[
        "export",
        model.to_str().unwrap(),
        "--format",
        "html",
        "-o",
        page.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let page = page.to_str().unwrap();
    let o = wfe(&["validate", page]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(
        text(&o.stdout),
        format!("{page}: valid (1 assessment, 0 contributors, 0 systems)\n")
    );
    // the same model as the JSON it was exported from: the same drawing
    let from_json = wfe(&["render", model.to_str().unwrap()]);
    let from_page = wfe(&["render", page]);
    assert!(from_page.status.success(), "{}", text(&from_page.stderr));
    assert_eq!(text(&from_page.stdout), text(&from_json.stdout));

    // a page that carries no model (the report) is refused, naming the file
    let report = tmp("report.html");
    let o = wfe(&[
        "export",
        model.to_str().unwrap(),
        "--format",
        "report-html",
        "-o",
        report.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let report = report.to_str().unwrap();
    let o = wfe(&["validate", report]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.starts_with(&format!(
            "{report}: (model): this HTML page carries no model"
        )),
        "{err}"
    );
}

#[test]
fn options_that_do_not_apply_to_the_format_are_refused() {
    for (args, said) in [
        (
            &["--format", "csv", "--unit", "nope", "--overlay", "gap"][..],
            "--overlay applies to --format html only",
        ),
        (
            &["--format", "report-md", "--unit", "retail"],
            "--unit applies to --format html only",
        ),
        (
            &["--format", "report-html", "--layout", "square"],
            "--layout applies to --format html only",
        ),
        (
            &["--format", "report-html", "--no-caption"],
            "--no-caption applies to --format html only",
        ),
        (
            &["--format", "csv", "--caption", "Q1"],
            "--caption applies to --format html only",
        ),
        (
            &["--format", "csv", "--lang", "fr"],
            "--lang does not apply to --format csv: the CSV is data, written as read",
        ),
    ] {
        let mut all = vec!["export", "-"];
        all.extend(args);
        let o = wfe_stdin(&all, MODEL);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        assert_eq!(text(&o.stderr), format!("{said}\n"), "{args:?}");
    }
    // Where they apply they are taken, defaults included.
    for args in [
        &["--unit", "retail", "--overlay", "gap", "--layout", "square"][..],
        &["--format", "report-md", "--lang", "fr"],
        &["--format", "csv"],
        &[],
    ] {
        let mut all = vec!["export", "-"];
        all.extend(args);
        let o = wfe_stdin(&all, MODEL);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", text(&o.stderr));
    }
    // The plan's format is not the applied model's.
    let o = wfe_stdin(&["plan", "-", "--apply", "--format", "markdown"], MODEL);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("'--apply' cannot be used with '--format <FORMAT>'"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn the_page_of_a_model_just_under_the_limit_reads_back() {
    // 100 units of 24 cells, whole-number scores (the page writes `2.0`)
    // and long notes with characters the page escapes (`<` as `\u003c`):
    // the page is well over the model's 10 MB, its model just under.
    let limit = workforce_ecosystem::validate::MAX_BYTES;
    let standard = workforce_ecosystem::framework::standard();
    let units: Vec<serde_json::Value> = (0..100)
        .map(|u| serde_json::json!({"id": format!("u{u}"), "label": format!("Unit {u}")}))
        .collect();
    let model_of = |note_chars: usize| {
        let note = format!("{}<b>&</b>", "x".repeat(note_chars));
        let mut assessments = Vec::new();
        for u in 0..100 {
            for t in &standard.themes {
                for p in &standard.players {
                    assessments.push(serde_json::json!({
                        "theme": t.id, "player": p.id, "unit": format!("u{u}"),
                        "current": 1, "target": 3, "note": note,
                    }));
                }
            }
        }
        serde_json::json!({
            "schema": "workforce-ecosystem/v1", "name": "Big",
            "units": units, "assessments": assessments,
        })
        .to_string()
    };
    let first = model_of(4_000).len();
    let source = model_of(4_000 + (limit - 1_000 - first) / 2_400);
    assert!(
        source.len() > limit - 4_000 && source.len() <= limit,
        "{}",
        source.len()
    );
    let (json, page) = (tmp("near-limit.json"), tmp("near-limit.html"));
    std::fs::write(&json, &source).unwrap();
    let (json, page) = (json.to_str().unwrap(), page.to_str().unwrap());
    let o = wfe(&["export", json, "-o", page]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    // The page, and the model it carries as written (pretty, escaped), are
    // both over the model's limit.
    let html = std::fs::read_to_string(page).unwrap();
    let marker = "id=\"workforce-ecosystem-model\">";
    let start = html.find(marker).unwrap() + marker.len();
    let block = html[start..].find("</script>").unwrap();
    assert!(block > limit, "the model in the page is {block} bytes");
    assert!(html.len() > block);
    let o = wfe(&["validate", page]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(
        text(&o.stdout),
        format!("{page}: valid (2400 assessments, 0 contributors, 0 systems)\n")
    );
    // The same model read from the page and from its file.
    let from_page = wfe(&["convert", page, "--to", "json"]);
    let from_file = wfe(&["convert", json, "--to", "json"]);
    assert_eq!(from_page.stdout, from_file.stdout);
}
