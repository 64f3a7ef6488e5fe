//! The crate's JSON writer against serde_json: for the sample model and every
//! fixture, the text of the model, its analysis, comparisons, layout, cell
//! views, cell details, tour, saved session and problems is byte for byte
//! what `serde_json::to_string` and `to_string_pretty` write for the same
//! values (the types keep their `Serialize` derives as this oracle).

use workforce_ecosystem::json_out::{self, ToJson};
use workforce_ecosystem::model::Model;
use workforce_ecosystem::session::Session;
use workforce_ecosystem::validate::parse_model;
use workforce_ecosystem::view::{self, FindingScope, Marks};
use workforce_ecosystem::{analysis, csv, framework, generate, layout, teaching};

fn same<T: ToJson + serde::Serialize>(what: &str, value: &T) {
    assert_eq!(
        json_out::to_string(value),
        serde_json::to_string(value).unwrap(),
        "compact JSON of {what}"
    );
    assert_eq!(
        json_out::to_string_pretty(value),
        serde_json::to_string_pretty(value).unwrap(),
        "pretty JSON of {what}"
    );
}

fn read(path: &str) -> String {
    let path = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn models() -> Vec<(String, Model)> {
    let mut out = vec![("sample".to_string(), framework::sample())];
    for name in [
        "minimal.json",
        "custom-framework.json",
        "hostile.json",
        "hostile-ids.json",
        "v0-model.json",
        "analysis/every-kind.json",
        "analysis/every-kind-scenario.json",
    ] {
        let model = parse_model(&read(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        out.push((name.to_string(), model));
    }
    out.push((
        "sample scaled".into(),
        generate::scaled(&framework::sample(), 3),
    ));
    out
}

#[test]
fn models_analyses_layouts_and_tours_match_serde_json() {
    for (name, model) in models() {
        same(&name, &model);
        assert_eq!(
            model.to_json_pretty(),
            serde_json::to_string_pretty(&model).unwrap()
        );
        let report = analysis::analyze(&model);
        assert!(
            name == "minimal.json" || !report.findings.is_empty() || name.starts_with("hostile"),
            "{name}: the comparison covers findings"
        );
        same(&format!("analysis of {name}"), &report);
        same(
            &format!("layout of {name}"),
            &layout::layout(&model.framework),
        );
        same(
            &format!("tour of {name}"),
            &teaching::tour_steps(&model.framework),
        );
        same(&format!("blank of {name}"), &teaching::blank_model(&model));
    }
}

#[test]
fn comparisons_match_serde_json() {
    let all = models();
    let every = &all
        .iter()
        .find(|(n, _)| n.ends_with("every-kind.json"))
        .unwrap()
        .1;
    let scenario = &all
        .iter()
        .find(|(n, _)| n.ends_with("every-kind-scenario.json"))
        .unwrap()
        .1;
    let cmp = analysis::compare(every, scenario);
    assert!(!cmp.changed_cells.is_empty() && !cmp.resolved.is_empty());
    same("every-kind comparison", &cmp);
    same("reverse comparison", &analysis::compare(scenario, every));
    for (name, model) in &all {
        same(
            &format!("{name} against the sample"),
            &analysis::compare(&framework::sample(), model),
        );
    }
}

#[test]
fn cell_views_and_details_match_serde_json() {
    for (name, model) in models() {
        let baseline = framework::sample();
        let report = analysis::analyze(&model);
        let mut marks = Marks {
            highlighted: None,
            changed: view::changed_cells(&baseline, &model, None),
            selected: None,
        };
        same(
            &format!("cells of {name}"),
            &view::cell_infos(&model, None, &marks),
        );
        if let Some(f) = report.findings.first() {
            marks.highlighted = Some(view::finding_cells(&model, &FindingScope::of(f)));
        }
        if let Some(unit) = model.units.first() {
            same(
                &format!("cells of {name}, unit {}", unit.id),
                &view::cell_infos(&model, Some(&unit.id), &marks),
            );
        }
        for t in &model.framework.themes {
            for p in &model.framework.players {
                if let Some(d) = view::cell_detail(&model, &t.id, &p.id) {
                    same(&format!("detail {}/{} of {name}", t.id, p.id), &d);
                }
            }
        }
    }
}

#[test]
fn saved_sessions_match_serde_json() {
    let mut session = Session::new(framework::sample());
    same("plain session", &session.saved());
    session.start_scenario("What if </script>").unwrap();
    same("session with a scenario", &session.saved());
    assert_eq!(
        session.saved_json(),
        serde_json::to_string(&session.saved()).unwrap()
    );
}

#[test]
fn problems_match_serde_json() {
    for name in [
        "duplicate-key.json",
        "framework-too-small.json",
        "not-an-object.json",
        "references.json",
        "schema-missing.json",
        "schema-unknown.json",
        "syntax-trailing-comma.json",
        "syntax-unterminated.json",
        "types.json",
        "v0-broken.json",
    ] {
        let invalid = parse_model(&read(&format!("invalid/{name}"))).unwrap_err();
        assert!(!invalid.problems.is_empty());
        same(name, &invalid);
        same(name, &invalid.problems);
    }
    let model = framework::sample();
    let bad = csv::import_csv(
        &model,
        "theme,player,unit,current\nnope,\"x\ny\",,\u{1}five\n",
    )
    .unwrap_err();
    assert!(!bad.problems.is_empty());
    same("csv problems", &bad);
}
