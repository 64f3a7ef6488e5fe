//! Many voices and many dates: merging the three-respondent fixture of
//! tests/fixtures/voices, checked against values worked out by hand.

use workforce_ecosystem::model::Model;
use workforce_ecosystem::validate::parse_model;
use workforce_ecosystem::voices::{agreement, disagreements, merge, snapshot, snapshot_scores};

fn read(name: &str) -> Model {
    let path = format!(
        "{}/tests/fixtures/voices/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    parse_model(&std::fs::read_to_string(&path).unwrap()).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn three() -> Vec<(String, Model)> {
    ["alice", "bob", "cho"]
        .map(|n| (format!("{n}.json"), read(&format!("responses/{n}.json"))))
        .to_vec()
}

fn cell<'m>(m: &'m Model, theme: &str, player: &str) -> &'m workforce_ecosystem::model::Assessment {
    m.assessments
        .iter()
        .find(|a| a.theme == theme && a.player == player)
        .unwrap()
}

#[test]
fn three_responses_merge_into_their_means() {
    let merged = merge(&read("model.json"), &three());
    assert!(merged.refusals.is_empty(), "{:?}", merged.refusals);
    assert_eq!((merged.added, merged.unchanged), (3, 0));
    let m = &merged.model;
    // integration × HR: currents 0, 3, 2 → 5/3; targets 3, 4 (Cho gave none) → 3.5.
    let a = cell(m, "integration", "hr");
    assert_eq!((a.current, a.target), (1.67, Some(3.5)));
    // The model's own weight and note stay.
    assert_eq!(a.weight, 2.0);
    assert!(a.note.as_deref().unwrap().starts_with("Contract labour"));
    // technology × IT: currents 2, 2, 3 → 7/3; targets 4, 3, 4 → 11/3.
    let t = cell(m, "technology", "it");
    assert_eq!((t.current, t.target), (2.33, Some(3.67)));
    // leadership × senior leaders: Alice alone, 1, no target.
    let l = cell(m, "leadership", "senior-leaders");
    assert_eq!((l.current, l.target), (1.0, None));
    assert_eq!(m.assessments.len(), 3);
    // The anonymous respondent is kept by code, never by name.
    let who: Vec<&str> = m.responses.iter().map(|r| r.respondent.as_str()).collect();
    assert_eq!(who, ["Alice Martin", "Bob Okafor", "r-17"]);
    // The merged model is valid, and survives a round trip through its JSON.
    let back = parse_model(&m.to_json_pretty()).unwrap();
    assert_eq!(&back, m);
}

#[test]
fn a_cell_no_respondent_gives_a_target_keeps_the_models_target() {
    let mut responses = three();
    for (_, r) in &mut responses {
        for a in &mut r.assessments {
            a.target = None;
        }
        for s in r.responses.iter_mut().flat_map(|r| &mut r.scores) {
            s.target = None;
        }
    }
    let merged = merge(&read("model.json"), &responses);
    assert!(merged.refusals.is_empty(), "{:?}", merged.refusals);
    // integration × HR: the model's target 3 stays; the currents are merged.
    let a = cell(&merged.model, "integration", "hr");
    assert_eq!((a.current, a.target), (1.67, Some(3.0)));
    // A cell the model did not score gets none.
    let l = cell(&merged.model, "leadership", "senior-leaders");
    assert_eq!(l.target, None);
}

#[test]
fn merging_the_same_responses_twice_changes_nothing() {
    let once = merge(&read("model.json"), &three()).model;
    let twice = merge(&once, &three());
    assert!(twice.refusals.is_empty());
    assert_eq!((twice.added, twice.unchanged), (0, 3));
    assert_eq!(twice.model, once);
}

#[test]
fn agreement_counts_spreads_and_names_roles() {
    let m = merge(&read("model.json"), &three()).model;
    let cells = agreement(&m);
    let hr = cells.iter().find(|c| c.theme == "integration").unwrap();
    assert_eq!((hr.count, hr.spread, hr.target_spread), (3, 3.0, Some(1.0)));
    assert_eq!((hr.lowest, hr.highest), (0.0, 3.0));
    assert_eq!(hr.low, ["HR lead"]);
    assert_eq!(hr.high, ["IT lead"]);
    let it = cells.iter().find(|c| c.theme == "technology").unwrap();
    assert_eq!((it.count, it.spread), (3, 1.0));
    // Three people scored it, so the code of the one without a role is named.
    assert_eq!(it.high, ["r-17"]);
    assert_eq!(it.low, ["HR lead", "IT lead"]);

    let found = disagreements(&m);
    assert_eq!(found.len(), 1, "{found:#?}");
    let d = &found[0];
    assert_eq!((d.kind, d.severity), ("disagreement", 3.0));
    assert_eq!(
        d.explanation,
        "The 3 respondents disagree on HR in Integration architectures: current scores range from 0 (HR lead) to 3 (IT lead), 3 steps apart."
    );
    let json = serde_json::to_value(d).unwrap();
    assert_eq!(json["kind"], "disagreement");
    assert_eq!(json["theme"], "integration");
    assert_eq!(json["count"], 3);
}

#[test]
fn bad_responses_are_refused_and_the_rest_merge() {
    let model = read("model.json");
    let mut batch = three();
    for n in ["other-framework", "unknown-unit", "bob-again"] {
        batch.push((format!("{n}.json"), read(&format!("refused/{n}.json"))));
    }
    let merged = merge(&model, &batch);
    assert_eq!(merged.added, 3);
    let said: Vec<(&str, &str)> = merged
        .refusals
        .iter()
        .map(|r| (r.source.as_str(), r.message.as_str()))
        .collect();
    assert_eq!(
        said,
        [
            ("other-framework.json", "another framework: its players or themes are not the model's"),
            ("unknown-unit.json", "scores a cell of unit \"retail\", which the model does not define"),
            ("bob-again.json", "a second response from \"Bob Okafor\", with other scores: remove the first to replace it"),
        ]
    );
    // The refused responses left no trace: the same as merging the three alone.
    assert_eq!(merged.model, merge(&model, &three()).model);
    // Refusals never touch the model they were merged into.
    assert_eq!(model, read("model.json"));
}

#[test]
fn snapshots_keep_dated_scores_in_order() {
    let m = merge(&read("model.json"), &three()).model;
    let a = snapshot(&m, "2026-03-31").unwrap();
    let mut later = a.clone();
    later.assessments[0].current = 3.0;
    let b = snapshot(&later, "2026-01-15").unwrap();
    let dates: Vec<&str> = b.history.iter().map(|h| h.date.as_str()).collect();
    assert_eq!(dates, ["2026-01-15", "2026-03-31"]);
    // Taking a snapshot again on a day replaces that day's.
    let c = snapshot(&b, "2026-01-15").unwrap();
    assert_eq!(c, b);
    // The model as it stood on a date: that day's scores, weights and notes kept.
    let then = snapshot_scores(&b, "2026-03-31").unwrap();
    assert_eq!(cell(&then, "integration", "hr").current, 1.67);
    assert_eq!(cell(&then, "integration", "hr").weight, 2.0);
    assert!(snapshot_scores(&b, "2025-01-01").is_none());
    assert_eq!(
        snapshot(&m, "2026-02-30").unwrap_err(),
        "\"2026-02-30\" is not a date written YYYY-MM-DD"
    );
    assert_eq!(parse_model(&b.to_json_pretty()).unwrap(), b);
}

#[test]
fn validation_names_what_is_wrong_in_responses_and_history() {
    let text = r#"{"schema": "workforce-ecosystem/v1",
      "respondent": {"date": "yesterday"},
      "responses": [
        {"respondent": "A", "scores": [{"theme": "integration", "player": "hx", "current": 9}]},
        {"respondent": "A", "role": "HR", "scores": []},
        {"respondent": " ", "scores": [{"theme": "integration", "player": "hr", "current": 1},
                                        {"theme": "integration", "player": "hr", "current": 2}]}
      ],
      "history": [{"date": "2026-01-01", "scores": []}, {"date": "2026-01-01", "scores": []},
                  {"scores": [{"theme": "integration", "player": "hr", "unit": "u", "current": 1}]}]
    }"#;
    let problems = parse_model(text).unwrap_err().problems;
    let got: Vec<(String, String)> = problems.into_iter().map(|p| (p.path, p.message)).collect();
    let want = [
        (
            "respondent.date",
            "\"yesterday\" is not a date written YYYY-MM-DD",
        ),
        ("responses[0].scores[0].player", "unknown player \"hx\""),
        (
            "responses[0].scores[0].current",
            "9 is outside the scale 0 to 4",
        ),
        (
            "responses[1].respondent",
            "second response from \"A\" (the first is responses[0])",
        ),
        (
            "responses[2].respondent",
            "empty: every response needs its respondent's name or code",
        ),
        (
            "responses[2].scores[1]",
            "second score of the same cell (the first is responses[2].scores[0])",
        ),
        (
            "history[1].date",
            "second snapshot dated \"2026-01-01\" (the first is history[0])",
        ),
        ("history[2].date", "required, but missing"),
        ("history[2].scores[0].unit", "unknown unit \"u\""),
    ];
    for (path, message) in want {
        assert!(
            got.iter().any(|(p, m)| p == path && m == message),
            "no {path}: {message} in {got:#?}"
        );
    }
    // An over-long respondent is refused while reading.
    let long = format!(
        r#"{{"schema": "workforce-ecosystem/v1", "responses": [{{"respondent": "{}", "scores": []}}]}}"#,
        "x".repeat(300)
    );
    let e = parse_model(&long).unwrap_err().problems;
    assert_eq!(e[0].path, "responses[0].respondent");
    assert!(
        e[0].message.starts_with("too long: 300 characters"),
        "{}",
        e[0].message
    );
}

#[test]
fn the_agreement_overlay_colours_cells_by_spread() {
    use workforce_ecosystem::render::{cell_states, legend_spec, Overlay, RenderOptions};
    let m = merge(&read("model.json"), &three()).model;
    let opts = RenderOptions {
        overlay: Overlay::Agreement,
        ..Default::default()
    };
    let states = cell_states(&m, &opts);
    let of = |t: &str, p: &str| {
        let s = states
            .iter()
            .find(|s| s.theme == t && s.player == p)
            .unwrap();
        (s.class.clone(), s.value.clone())
    };
    // Spreads worked out by hand: 3 and 1 steps; Alice alone answered
    // leadership × senior leaders, which has no spread (a zero would read
    // as all agreeing); nobody answered the rest.
    assert_eq!(
        of("integration", "hr"),
        ("cell ring-1 agree-3".into(), "3".into())
    );
    assert_eq!(
        of("technology", "it"),
        ("cell ring-2 agree-1".into(), "1".into())
    );
    assert_eq!(
        of("leadership", "senior-leaders"),
        ("cell ring-0 unassessed".into(), "–".into())
    );
    assert_eq!(of("management", "hr").0, "cell ring-3 unassessed");
    let legend = legend_spec(Overlay::Agreement, &m.scale).unwrap();
    let keys: Vec<&str> = legend.items.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "agree-0",
            "agree-1",
            "agree-2",
            "agree-3",
            "agree-4",
            "unassessed"
        ]
    );
    assert_eq!(legend.items[2].text, "2 steps apart: disagreement");
    let svg = workforce_ecosystem::render::render_svg(&m, &opts);
    assert!(svg.contains("data-overlay=\"agreement\""));
    assert_eq!("agreement".parse::<Overlay>(), Ok(Overlay::Agreement));
}

#[test]
fn the_report_lists_the_disagreements_of_merged_responses() {
    use workforce_ecosystem::analysis::{analysis_markdown, analyze};
    let before = read("model.json");
    let plain = analysis_markdown(&before, &analyze(&before));
    assert!(
        !plain.contains("## Disagreements"),
        "nothing merged, no section"
    );
    let merged = merge(&before, &three()).model;
    let report = analysis_markdown(&merged, &analyze(&merged));
    let section = &report[report.find("## Disagreements").expect("a section")..];
    let section = &section[..section.find("## Systems").unwrap()];
    // integration × HR: 0 (HR lead) to 3 (IT lead), the one cell 2 steps apart or more
    assert_eq!(section.matches("\n- (spread ").count(), 1, "{section}");
    assert!(section.contains("- (spread 3) The 3 respondents disagree on HR in Integration architectures\\: current scores range from 0 (HR lead) to 3 (IT lead), 3 steps apart."), "{section}");
}

#[test]
fn the_html_export_lists_the_disagreements_as_the_report_does() {
    use workforce_ecosystem::export::{export_html, ExportOptions};
    let merged = merge(&read("model.json"), &three()).model;
    let found = disagreements(&merged);
    assert!(!found.is_empty());
    let html = export_html(&merged, &ExportOptions::default());
    assert!(html.contains("<h2>Disagreements</h2>"));
    assert_eq!(
        html.matches("data-kind=\"disagreement\"").count(),
        found.len()
    );
    // each with its spread and its sentence, names as text
    let first = &found[0];
    assert!(
        html.contains(&format!("(spread {})", first.severity)),
        "{html}"
    );
}
