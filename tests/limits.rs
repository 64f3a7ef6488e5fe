//! The limits on what a model may hold, and what becomes of hostile input:
//! the freezes of a few kilobytes reproduced (99,000 invalid assessments,
//! labels of a megabyte, 120,000 CSV rows naming unknown units), every text
//! and list limit, bounded scales and weights, blank ids, escaped CSV
//! messages, and user text isolated in sentences, reports and HTML.

use serde_json::{json, Value};
use workforce_ecosystem::analysis::{analysis_markdown, analyze};
use workforce_ecosystem::csv::import_csv;
use workforce_ecosystem::edit::Edit;
use workforce_ecosystem::export::{export_html, report_html, report_markdown, ExportOptions};
use workforce_ecosystem::model::{Item, Model, SCHEMA_V1};
use workforce_ecosystem::session::Session;
use workforce_ecosystem::validate::limits::{
    ID_CHARS, ITEMS_OF_A_KIND, LABEL_CHARS, MAX_PROBLEMS, NOTE_CHARS, SCALE_LABELS, SCENARIOS,
};
use workforce_ecosystem::validate::{parse_model, Invalid};

fn sample() -> Value {
    serde_json::from_str(workforce_ecosystem::framework::SAMPLE_JSON).unwrap()
}

fn problems_of(text: &str) -> Invalid {
    parse_model(text).expect_err("the model is refused")
}

fn pairs(err: &Invalid) -> Vec<(String, String)> {
    err.problems
        .iter()
        .map(|p| (p.path.clone(), p.message.clone()))
        .collect()
}

/// A model with `n` assessments, each of a theme that does not exist and
/// a score off the scale: three problems each (with the repeated cell).
fn invalid_assessments(n: usize) -> String {
    let list: Vec<Value> = (0..n)
        .map(|_| json!({"theme": "nope", "player": "hr", "current": 9}))
        .collect();
    json!({"schema": SCHEMA_V1, "assessments": list}).to_string()
}

fn assert_capped(err: &Invalid, total: usize) {
    assert_eq!(err.problems.len(), MAX_PROBLEMS);
    assert_eq!(err.total(), total);
    let text = err.to_string();
    assert_eq!(text.lines().count(), MAX_PROBLEMS + 1, "{text}");
    let more = total - MAX_PROBLEMS;
    let grouped = more
        .to_string()
        .as_bytes()
        .rchunks(3)
        .rev()
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join(",");
    assert!(
        text.ends_with(&format!("\n… and {grouped} more problems")),
        "{}",
        text.lines().last().unwrap()
    );
}

#[test]
fn a_link_of_99000_invalid_assessments_lists_a_hundred_problems() {
    let text = invalid_assessments(99_000);
    // 99,000 unknown themes and scores off the scale, 98,999 repeated cells.
    let total = 99_000 * 3 - 1;
    let err = problems_of(&text);
    assert_capped(&err, total);
    // They are the first hundred of the text, in its order (serde_json
    // writes the keys of each assessment in alphabetical order).
    let first: Vec<&str> = err
        .problems
        .iter()
        .take(4)
        .map(|p| p.path.as_str())
        .collect();
    assert_eq!(
        first,
        [
            "assessments[0].current",
            "assessments[0].theme",
            "assessments[1]",
            "assessments[1].current",
        ]
    );
    assert_eq!(err.problems[99].path, "assessments[33].current");
    assert!(err
        .problems
        .windows(2)
        .all(|w| (w[0].line, w[0].column) <= (w[1].line, w[1].column)));
    // The page opens links as sessions: the same answer.
    let err = Session::from_text(&text).err().unwrap();
    assert_capped(&err, total);
}

#[test]
fn a_saved_session_holding_such_a_model_is_capped_too() {
    let model: Value = serde_json::from_str(&invalid_assessments(5_000)).unwrap();
    let session = json!({
        "schema": "workforce-ecosystem/session/v1",
        "baseline": {"schema": SCHEMA_V1},
        "scenarios": [{"name": "What if", "model": model}],
    });
    let err = Session::from_text(&session.to_string()).err().unwrap();
    assert_capped(&err, 5_000 * 3 - 1);
    assert_eq!(
        err.problems[0].path,
        "scenarios[0].model.assessments[0].current"
    );
}

#[test]
fn wrong_types_in_every_item_are_capped_alike() {
    let list: Vec<Value> = (0..20_000)
        .map(|_| json!({"theme": "integration", "player": "hr", "current": "x", "colour": 1}))
        .collect();
    let text = json!({"schema": SCHEMA_V1, "assessments": list}).to_string();
    let err = problems_of(&text);
    // A wrong score and an unknown field in each, and 19,999 repeated cells.
    assert_capped(&err, 20_000 * 3 - 1);
    assert_eq!(
        pairs(&err)[..2],
        [
            (
                "assessments[0].colour".to_string(),
                "unknown field \"colour\" (an assessment has: theme, player, unit, current, target, weight, note)".to_string()
            ),
            (
                "assessments[0].current".to_string(),
                "expected a number, found the string \"x\"".to_string()
            ),
        ]
    );
}

#[test]
fn eight_theme_labels_of_a_megabyte_are_refused_before_any_layout() {
    let label = "Orchestration ".repeat(75_000);
    let label = &label[..1024 * 1024];
    let themes: Vec<Value> = (0..8)
        .map(|i| json!({"id": format!("t{i}"), "label": label}))
        .collect();
    let players: Vec<Value> = [
        "senior-leaders",
        "procurement",
        "finance-legal",
        "business-unit-leaders",
        "it",
        "hr",
    ]
    .iter()
    .map(|p| json!({"id": p, "label": p}))
    .collect();
    let mut m = sample();
    m["framework"] = json!({"players": players, "themes": themes});
    m["assessments"] = json!([]);
    m["responsibilities"] = json!([]);
    let err = Session::from_text(&m.to_string()).err().unwrap();
    let expected: Vec<(String, String)> = (0..8)
        .map(|i| {
            (
                format!("framework.themes[{i}].label"),
                "too long: 1,048,576 characters, where a label may have at most 200".to_string(),
            )
        })
        .collect();
    assert_eq!(pairs(&err), expected);
}

#[test]
fn eight_labels_of_100_kb_are_refused_too() {
    let label = "x".repeat(100_000);
    let item = |id: String| json!({"id": id, "label": label});
    let m = json!({
        "schema": SCHEMA_V1,
        "framework": {
            "players": (0..6).map(|i| item(format!("p{i}"))).collect::<Vec<_>>(),
            "themes": (0..2).map(|i| item(format!("t{i}"))).collect::<Vec<_>>(),
        }
    });
    let err = problems_of(&m.to_string());
    assert_eq!(err.problems.len(), 8);
    assert!(err.problems.iter().all(
        |p| p.path.ends_with(".label") && p.message.starts_with("too long: 100,000 characters")
    ));
}

#[test]
fn labels_at_the_limit_draw() {
    let label = "Orchestrating without authority ".repeat(10);
    let label = &label[..LABEL_CHARS];
    let item = |id: String| json!({"id": id, "label": label});
    let m = json!({
        "schema": SCHEMA_V1,
        "name": label,
        "framework": {
            "players": (0..12).map(|i| item(format!("p{i}"))).collect::<Vec<_>>(),
            "themes": (0..8).map(|i| item(format!("t{i}"))).collect::<Vec<_>>(),
        }
    });
    let model = parse_model(&m.to_string()).unwrap();
    let svg = workforce_ecosystem::render::render_svg(&model, &Default::default());
    assert!(svg.contains("Orchestrating"));
}

/// The sample with `value` at the JSON pointer `at` (whose last step may
/// be a field the sample leaves out).
fn sample_with(at: &str, value: Value) -> String {
    let mut m = sample();
    m["scale"] = json!({"min": 0, "max": 4, "labels": ["A", "B", "C", "D", "E"]});
    let (parent, key) = at.rsplit_once('/').unwrap();
    let parent = m.pointer_mut(parent).unwrap_or_else(|| panic!("{at}"));
    match parent {
        Value::Array(items) => items[key.parse::<usize>().unwrap()] = value,
        other => other[key] = value,
    }
    m.to_string()
}

#[test]
fn every_text_has_a_limit() {
    let cases = [
        ("/name", "name", LABEL_CHARS, "a name"),
        ("/units/0/id", "units[0].id", ID_CHARS, "an id"),
        ("/units/0/label", "units[0].label", LABEL_CHARS, "a label"),
        (
            "/assessments/0/theme",
            "assessments[0].theme",
            ID_CHARS,
            "an id",
        ),
        (
            "/assessments/0/unit",
            "assessments[0].unit",
            ID_CHARS,
            "an id",
        ),
        (
            "/assessments/0/note",
            "assessments[0].note",
            NOTE_CHARS,
            "a note",
        ),
        (
            "/contributors/0/id",
            "contributors[0].id",
            ID_CHARS,
            "an id",
        ),
        (
            "/contributors/0/label",
            "contributors[0].label",
            LABEL_CHARS,
            "a label",
        ),
        (
            "/responsibilities/0/activity",
            "responsibilities[0].activity",
            LABEL_CHARS,
            "an activity",
        ),
        (
            "/responsibilities/0/player",
            "responsibilities[0].player",
            ID_CHARS,
            "an id",
        ),
        (
            "/systems/0/label",
            "systems[0].label",
            LABEL_CHARS,
            "a label",
        ),
        ("/systems/0/owner", "systems[0].owner", ID_CHARS, "an id"),
        (
            "/systems/0/contributors/0",
            "systems[0].contributors[0]",
            ID_CHARS,
            "an id",
        ),
        (
            "/integrations/0/from",
            "integrations[0].from",
            ID_CHARS,
            "an id",
        ),
    ];
    for (at, path, limit, what) in cases {
        // At the limit a text is read (an unknown reference is another matter).
        let fits = sample_with(at, json!("é".repeat(limit)));
        let fits_problems = parse_model(&fits)
            .err()
            .map(|e| pairs(&e))
            .unwrap_or_default();
        assert!(
            !fits_problems.iter().any(|p| p.1.starts_with("too long")),
            "{at}: {fits_problems:?}"
        );
        // One character more is refused, at its path, and nothing follows
        // from it (no unknown reference to an id that was refused).
        let text = sample_with(at, json!("é".repeat(limit + 1)));
        let err = problems_of(&text);
        assert_eq!(
            pairs(&err),
            [(
                path.to_string(),
                format!(
                    "too long: {} characters, where {what} may have at most {}",
                    group(limit + 1),
                    group(limit)
                )
            )],
            "{at}"
        );
    }
    // Scale labels are labels.
    let text = sample_with("/scale/labels/2", json!("x".repeat(LABEL_CHARS + 1)));
    assert_eq!(pairs(&problems_of(&text))[0].0, "scale.labels[2]");
}

fn group(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[test]
fn every_list_has_a_limit() {
    let many = |n: usize, f: &dyn Fn(usize) -> Value| (0..n).map(f).collect::<Vec<_>>();
    // Over the limit, a list is refused as a whole, and what refers to it is
    // not reported again.
    let units = sample_with(
        "/units",
        json!(many(
            ITEMS_OF_A_KIND + 1,
            &|i| json!({"id": format!("u{i}"), "label": "U"})
        )),
    );
    assert_eq!(
        pairs(&problems_of(&units)),
        [(
            "units".to_string(),
            "5,001 units; a model may define at most 5,000".to_string()
        )]
    );
    let contributors = sample_with(
        "/contributors",
        json!(many(ITEMS_OF_A_KIND + 1, &|i| {
            json!({"id": format!("c{i}"), "label": "C", "kind": "external"})
        })),
    );
    assert_eq!(
        pairs(&problems_of(&contributors)),
        [(
            "contributors".to_string(),
            "5,001 contributors; a model may define at most 5,000".to_string()
        )]
    );
    let systems = sample_with(
        "/systems",
        json!(many(ITEMS_OF_A_KIND + 1, &|i| {
            json!({"id": format!("s{i}"), "label": "S", "owner": "it"})
        })),
    );
    assert_eq!(pairs(&problems_of(&systems))[0].0, "systems");
    let labels = sample_with(
        "/scale",
        json!({"min": 0, "max": SCALE_LABELS, "labels": many(SCALE_LABELS + 1, &|i| json!(format!("L{i}")))}),
    );
    assert!(parse_model(&sample_with(
        "/scale",
        json!({"min": 0, "max": SCALE_LABELS - 1, "labels": many(SCALE_LABELS, &|i| json!(format!("L{i}")))}),
    ))
    .is_ok());
    assert_eq!(
        pairs(&problems_of(&labels)),
        [(
            "scale.labels".to_string(),
            "102 labels; a scale may have at most 101 (one per step)".to_string()
        )]
    );
    let players = sample_with(
        "/framework",
        json!({"players": many(13, &|i| json!({"id": format!("p{i}"), "label": "P"})),
               "themes": (["leadership", "integration", "technology", "management"].map(|t| json!({"id": t, "label": t})))}),
    );
    let err = problems_of(&players);
    assert_eq!(
        pairs(&err),
        [(
            "framework.players".to_string(),
            "13 players; the diagram draws 3 to 12".to_string()
        )]
    );
    // No assessment is said to name an unknown player of a list that was refused.
    assert!(!err
        .problems
        .iter()
        .any(|p| p.message.starts_with("unknown player")));
    // Scenarios of a saved session.
    let scenarios: Vec<Value> = (0..=SCENARIOS)
        .map(|i| json!({"name": format!("S{i}"), "model": {"schema": SCHEMA_V1}}))
        .collect();
    let session = json!({"schema": "workforce-ecosystem/session/v1",
                         "baseline": {"schema": SCHEMA_V1}, "scenarios": scenarios});
    let err = Session::from_text(&session.to_string()).err().unwrap();
    assert_eq!(
        pairs(&err),
        [(
            "scenarios".to_string(),
            "101 what-if scenarios; a session may hold at most 100".to_string()
        )]
    );
}

#[test]
fn edits_and_what_ifs_keep_to_the_limits() {
    let mut s = Session::new(workforce_ecosystem::framework::sample());
    let long = "x".repeat(LABEL_CHARS + 1);
    let err = s
        .apply(&Edit::AddUnit(Item::new("", &long)))
        .expect_err("a long label is refused");
    assert_eq!(err.problems[0].path, "units[2].label");
    assert!(err.problems[0]
        .message
        .starts_with("too long: 201 characters"));
    let err = s.apply(&Edit::SetName(long.clone())).unwrap_err();
    assert_eq!(err.problems[0].path, "name");
    assert!(s.start_scenario(&long).is_err());
    for i in 0..SCENARIOS {
        s.start_scenario(&format!("What if {i}")).unwrap();
    }
    let err = s.start_scenario("One too many").unwrap_err();
    assert_eq!(
        err.problems[0].message,
        "a session holds at most 100 what-if scenarios; keep or discard one first"
    );
}

#[test]
fn ids_of_invisible_characters_are_blank() {
    for blank in [
        "\u{200b}",
        "\u{200b}\u{200d}",
        "\u{2066}\u{2069}",
        "\u{feff}",
        "\u{3164}",
        " \u{00ad} ",
    ] {
        let text = sample_with("/contributors/3/id", json!(blank));
        let err = problems_of(&text);
        assert_eq!(
            pairs(&err)[0],
            (
                "contributors[3].id".to_string(),
                "empty id: every contributor needs one".to_string()
            ),
            "{blank:?}"
        );
    }
    // Visible text beside them is an id.
    let text = sample_with("/units/0/id", json!("\u{200b}north"));
    assert!(parse_model(&text).err().map_or(true, |e| !e
        .problems
        .iter()
        .any(|p| p.message.starts_with("empty id"))));
}

#[test]
fn extreme_numbers_are_refused_with_their_bounds() {
    let text = sample_with("/assessments/0/weight", json!(1.797_693_134_862_315_7e308));
    assert_eq!(
        pairs(&problems_of(&text)),
        [(
            "assessments[0].weight".to_string(),
            "1.7976931348623157e308 is too heavy; a weight is at most 1000".to_string()
        )]
    );
    let mut m = sample();
    m["scale"] = json!({"min": -1.797e308, "max": 1.797e308});
    let err = problems_of(&m.to_string());
    assert_eq!(
        pairs(&err)[0],
        (
            "scale".to_string(),
            "min and max must lie between -1,000,000 and 1,000,000, found -1.797e308 and 1.797e308"
                .to_string()
        )
    );
    // At the bounds everything computed stays a number.
    m["scale"] = json!({"min": -1_000_000, "max": 1_000_000});
    m["assessments"] = json!([
        {"theme": "integration", "player": "hr", "current": -1_000_000, "target": 1_000_000, "weight": 1000},
        {"theme": "leadership", "player": "hr", "current": 999_999.5}
    ]);
    let model = parse_model(&m.to_string()).unwrap();
    let report = analyze(&model);
    let json = serde_json::to_value(&report).unwrap();
    assert!(report.readiness.overall.is_some());
    for f in json["findings"].as_array().unwrap() {
        assert!(f["severity"].is_number(), "{f}");
    }
    let gap = &json["findings"][0];
    assert_eq!(gap["severity"], json!(2e9));
    assert!(!analysis_markdown(&model, &report).contains("Nothing is assessed"));
}

#[test]
fn a_csv_of_120000_rows_naming_unknown_units_lists_a_hundred() {
    let model = workforce_ecosystem::framework::sample();
    let mut csv = String::from("theme,player,unit,current\n");
    for i in 0..120_000 {
        csv.push_str(&format!("integration,hr,mars{i},2\n"));
    }
    let err = import_csv(&model, &csv).unwrap_err();
    assert_eq!(err.problems.len(), MAX_PROBLEMS);
    // 100,000 rows read (the limit), the first hundred listed, then the rest
    // and the row past the limit counted.
    assert_eq!(err.total(), 100_001);
    assert_eq!(
        err.problems[0].to_string(),
        "row 2, column \"unit\": \"mars0\" is not a unit of the model (known: ports, retail)"
    );
    let text = err.to_string();
    assert_eq!(text.lines().count(), MAX_PROBLEMS + 1);
    assert!(text.ends_with("\n… and 99,901 more problems"), "{text}");
}

#[test]
fn csv_messages_escape_what_the_file_holds() {
    let model = workforce_ecosystem::framework::sample();
    let csv =
        "theme,player,current,\u{1b}[2J\u{202e}colour\nintegration,\u{1b}[31mhr\u{202e},2,x\n";
    let err = import_csv(&model, csv).unwrap_err();
    let text = err.to_string();
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "{text:?}"
    );
    assert_eq!(
        err.problems[0].to_string(),
        "row 1, column \"\\u{001b}[2J\\u{202e}colour\": unknown column (known: theme, player, unit, current, target, weight, note)"
    );
    let csv = "theme,player,current\nintegration,\u{1b}[31mhr\u{202e},2\nleadership,hr,\u{202e}3\n";
    let err = import_csv(&model, csv).unwrap_err();
    let got: Vec<String> = err.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        got,
        [
            "row 2, column \"player\": \"\\u{001b}[31mhr\\u{202e}\" is not a player of the model (known: senior-leaders, procurement, finance-legal, business-unit-leaders, it, hr)",
            "row 3, column \"current\": \"\\u{202e}3\" is not a number",
        ]
    );
    // Ids of the model listed as known are escaped too.
    let mut hostile = model.clone();
    hostile.units[0].id = "\u{1b}[2Jports".into();
    let err = import_csv(
        &hostile,
        "theme,player,unit,current\nintegration,hr,mars,2\n",
    )
    .unwrap_err();
    assert!(
        err.problems[0]
            .message
            .ends_with("(known: \"\\u{001b}[2Jports\", retail)"),
        "{}",
        err.problems[0].message
    );
}

/// The sample with a contributor, a unit and a player labelled with an
/// unclosed right-to-left override.
fn overridden() -> Model {
    let mut m = workforce_ecosystem::framework::sample();
    m.contributors[0].label = "\u{202e}Employees".into();
    m.framework.players[5].label = "\u{202e}HR".into();
    m.units[0].label = "\u{202e}Ports".into();
    m.name = "\u{202e}Harbourline".into();
    m
}

/// Whether every U+2068 in `text` is closed by its U+2069 on the same line
/// and no override is left open outside an isolate.
fn isolated_lines(text: &str) -> bool {
    text.lines().all(|line| {
        let mut depth = 0i32;
        for c in line.chars() {
            match c {
                '\u{2066}'..='\u{2068}' => depth += 1,
                '\u{2069}' => depth -= 1,
                '\u{202a}'..='\u{202e}' if depth == 0 => return false,
                _ => {}
            }
            if depth < 0 {
                return false;
            }
        }
        depth == 0
    })
}

#[test]
fn labels_are_isolated_in_sentences_and_reports() {
    let m = overridden();
    let report = analyze(&m);
    let sentences: Vec<String> = report.findings.iter().map(|f| f.explanation()).collect();
    let about_hr = sentences
        .iter()
        .find(|s| s.contains("\u{202e}HR"))
        .expect("a finding names HR");
    assert!(
        about_hr.contains("\u{2068}\u{202e}HR\u{2069}"),
        "{about_hr}"
    );
    assert!(sentences.iter().all(|s| isolated_lines(s)));
    let md = report_markdown(&m);
    assert!(isolated_lines(&md));
    assert!(
        md.starts_with("# Workforce ecosystem analysis — \u{2068}\u{202e}Harbourline\u{2069}\n")
    );
    // A label without right-to-left text is written as it was.
    assert!(md.contains("| Integration architectures |"));
    // In HTML, isolates are <bdi> elements.
    let html = report_html(&m, "en");
    assert!(html.contains("<bdi>\u{202e}HR</bdi>"), "no <bdi> for HR");
    assert!(!html.contains('\u{2068}'));
    let opts = ExportOptions {
        unit: Some("ports".into()),
        ..Default::default()
    };
    let html = export_html(&m, &opts);
    assert!(html.contains(" · <bdi>\u{202e}Ports</bdi></p>"));
    assert!(html.contains(", the maturity of <bdi>\u{202e}HR</bdi> on "));
    assert!(html.contains("<title>\u{2068}\u{202e}Harbourline\u{2069} — "));
}
