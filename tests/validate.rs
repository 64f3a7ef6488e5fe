//! Validation as a user meets it: every kind of problem, many at once with
//! their paths and places, the limits, migration, and the JSON Schema.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use workforce_ecosystem::migrate::Version;
use workforce_ecosystem::model::{Model, SCHEMA_V1};
use workforce_ecosystem::validate::{
    self, parse_model, parse_versioned, Invalid, MAX_BYTES, MAX_ITEMS,
};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn invalid(text: &str) -> Invalid {
    match parse_model(text) {
        Ok(_) => panic!("expected problems in {text}"),
        Err(e) => e,
    }
}

/// (path, message) of every problem, sorted by path: tests that build their
/// JSON with serde_json get its keys in alphabetical order, so text order is
/// checked only on the hand-written fixtures.
fn sorted_problems(text: &str) -> Vec<(String, String)> {
    let mut p = problems(text);
    p.sort();
    p
}

fn sorted(mut v: Vec<(String, String)>) -> Vec<(String, String)> {
    v.sort();
    v
}

/// (path, message) of every problem, in text order.
fn problems(text: &str) -> Vec<(String, String)> {
    invalid(text)
        .problems
        .into_iter()
        .map(|p| (p.path, p.message))
        .collect()
}

fn paths(text: &str) -> Vec<String> {
    problems(text).into_iter().map(|p| p.0).collect()
}

/// The sample with one change applied to its JSON value.
fn sample_with(change: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(workforce_ecosystem::framework::SAMPLE_JSON).unwrap();
    change(&mut v);
    serde_json::to_string_pretty(&v).unwrap()
}

/// Every `*.json` directly in a fixtures folder.
fn fixtures_in(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    out.sort();
    out
}

#[test]
fn a_valid_model_passes() {
    for name in [
        "minimal.json",
        "custom-framework.json",
        "hostile.json",
        "hostile-ids.json",
    ] {
        let model = parse_model(&fixture(name)).unwrap_or_else(|e| panic!("{name}:\n{e}"));
        assert!(validate::validate(&model).is_empty(), "{name}");
    }
    let sample = workforce_ecosystem::framework::sample();
    assert!(validate::validate(&sample).is_empty());
}

#[test]
fn defaults_apply_when_framework_and_scale_are_absent() {
    let m = parse_model(&fixture("minimal.json")).unwrap();
    assert_eq!(m.framework, workforce_ecosystem::framework::standard());
    assert_eq!(
        (m.scale.min, m.scale.max, m.scale.labels.len()),
        (0.0, 4.0, 5)
    );
    let m = parse_model(&fixture("custom-framework.json")).unwrap();
    assert_eq!(m.framework.players.len(), 5);
    assert_eq!(m.scale.labels[0], "Initial");
    assert_eq!(m.assessments[0].weight, 0.5);
    assert_eq!(m.assessments[1].weight, 1.0);
}

#[test]
fn unknown_ids_in_every_reference() {
    let text = sample_with(|v| {
        v["assessments"][3]["player"] = json!("marketing");
        v["assessments"][4]["theme"] = json!("culture");
        v["assessments"][5]["unit"] = json!("warehouses");
        v["responsibilities"][0]["contributor"] = json!("interns");
        v["responsibilities"][1]["theme"] = json!("ethics");
        v["responsibilities"][2]["player"] = json!("legal");
        v["systems"][0]["owner"] = json!("purchasing");
        v["systems"][1]["contributors"][0] = json!("drivers");
        v["integrations"][0]["from"] = json!("crm");
        v["integrations"][1]["to"] = json!("payroll");
    });
    let got = sorted_problems(&text);
    let expected = [
        ("assessments[3].player", "unknown player \"marketing\" (known: senior-leaders, procurement, finance-legal, business-unit-leaders, it, hr)"),
        ("assessments[4].theme", "unknown theme \"culture\" (known: leadership, integration, technology, management)"),
        ("assessments[5].unit", "unknown unit \"warehouses\" (known: ports, retail)"),
        ("responsibilities[0].contributor", "unknown contributor \"interns\" (known: employees, contractors, gig-drivers, stevedores, app-developers, partners, agency-temps, alumni)"),
        ("responsibilities[1].theme", "unknown theme \"ethics\" (known: leadership, integration, technology, management)"),
        ("responsibilities[2].player", "unknown player \"legal\" (known: senior-leaders, procurement, finance-legal, business-unit-leaders, it, hr)"),
        ("systems[0].owner", "unknown player \"purchasing\" (known: senior-leaders, procurement, finance-legal, business-unit-leaders, it, hr)"),
        ("systems[1].contributors[0]", "unknown contributor \"drivers\" (known: employees, contractors, gig-drivers, stevedores, app-developers, partners, agency-temps, alumni)"),
        ("integrations[0].from", "unknown system \"crm\" (known: hris, vms, onboarding, dev-portal, erp, delivery-platform, driver-sheet)"),
        ("integrations[1].to", "unknown system \"payroll\" (known: hris, vms, onboarding, dev-portal, erp, delivery-platform, driver-sheet)"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(p, m)| (p.to_string(), m.to_string()))
        .collect();
    assert_eq!(got, sorted(expected));
}

#[test]
fn long_lists_of_known_ids_are_shortened() {
    let units: Vec<Value> = (0..20)
        .map(|i| json!({"id": format!("u{i}"), "label": "U"}))
        .collect();
    let text = json!({
        "schema": SCHEMA_V1,
        "units": units,
        "assessments": [{"theme": "integration", "player": "hr", "unit": "nope", "current": 1}]
    })
    .to_string();
    assert_eq!(
        problems(&text)[0].1,
        "unknown unit \"nope\" (known: u0, u1, u2, u3, u4, u5, u6, u7, … 12 more)"
    );
}

#[test]
fn duplicate_ids_in_every_list() {
    let text = json!({
        "schema": SCHEMA_V1,
        "framework": {
            "players": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}, {"id": "a", "label": "A2"}],
            "themes": [{"id": "t", "label": "T"}, {"id": "t", "label": "T2"}]
        },
        "units": [{"id": "u", "label": "U"}, {"id": "u", "label": "U2"}],
        "contributors": [{"id": "c", "label": "C", "kind": "external"},
                         {"id": "c", "label": "C2", "kind": "internal"}],
        "systems": [{"id": "s", "label": "S", "owner": "a"}, {"id": "s", "label": "S2", "owner": "b"}]
    })
    .to_string();
    assert_eq!(
        sorted_problems(&text),
        sorted(vec![
            (
                "framework.players[2].id".to_string(),
                "duplicate player id \"a\" (first at framework.players[0])".to_string()
            ),
            (
                "framework.themes[1].id".to_string(),
                "duplicate theme id \"t\" (first at framework.themes[0])".to_string()
            ),
            (
                "units[1].id".to_string(),
                "duplicate unit id \"u\" (first at units[0])".to_string()
            ),
            (
                "contributors[1].id".to_string(),
                "duplicate contributor id \"c\" (first at contributors[0])".to_string()
            ),
            (
                "systems[1].id".to_string(),
                "duplicate system id \"s\" (first at systems[0])".to_string()
            ),
        ])
    );
}

#[test]
fn scores_and_targets_outside_the_scale() {
    let text = sample_with(|v| {
        v["assessments"][0]["current"] = json!(5);
        v["assessments"][1]["target"] = json!(-1);
        v["assessments"][2]["current"] = json!(4.5);
        v["assessments"][3]["weight"] = json!(-2);
    });
    assert_eq!(
        problems(&text),
        vec![
            (
                "assessments[0].current".to_string(),
                "5 is outside the scale 0 to 4".to_string()
            ),
            (
                "assessments[1].target".to_string(),
                "-1 is outside the scale 0 to 4".to_string()
            ),
            (
                "assessments[2].current".to_string(),
                "4.5 is outside the scale 0 to 4".to_string()
            ),
            (
                "assessments[3].weight".to_string(),
                "expected a positive number, found -2".to_string()
            ),
        ]
    );
    // A custom scale moves the bounds.
    let custom = fixture("custom-framework.json").replace(
        "\"current\": 2, \"target\": 4",
        "\"current\": 0, \"target\": 6",
    );
    assert_eq!(
        paths(&custom),
        vec!["assessments[0].current", "assessments[0].target"]
    );
    assert!(problems(&custom)[0].1.ends_with("outside the scale 1 to 5"));
}

#[test]
fn scale_rules() {
    let text = sample_with(|v| v["scale"] = json!({"min": 0, "max": 4, "labels": ["a", "b"]}));
    assert_eq!(
        problems(&text),
        vec![(
            "scale.labels".to_string(),
            "2 labels for the 5 steps from 0 to 4; give one label per step, or none".to_string()
        )]
    );
    let text = sample_with(|v| v["scale"] = json!({"min": 4, "max": 0}));
    assert_eq!(
        problems(&text),
        vec![(
            "scale".to_string(),
            "min (4) must be less than max (0)".to_string()
        )]
    );
    let ok = sample_with(|v| v["scale"] = json!({"min": 0, "max": 4.5}));
    assert!(parse_model(&ok).is_ok());
}

#[test]
fn two_assessments_of_the_same_cell_and_unit() {
    let text = sample_with(|v| {
        let copy = v["assessments"][30].clone();
        v["assessments"].as_array_mut().unwrap().push(copy);
    });
    assert_eq!(
        problems(&text),
        vec![(
            "assessments[48]".to_string(),
            "second assessment of the cell (theme \"integration\", player \"senior-leaders\") for unit \"retail\"; the first is assessments[30]".to_string()
        )]
    );
    // The same cell for another unit, or with no unit, is a different assessment.
    let text = sample_with(|v| {
        let mut copy = v["assessments"][30].clone();
        copy.as_object_mut().unwrap().remove("unit");
        v["assessments"].as_array_mut().unwrap().push(copy);
    });
    assert!(parse_model(&text).is_ok());
}

#[test]
fn wrong_or_missing_schema_tag() {
    assert_eq!(
        problems(&fixture("invalid/schema-missing.json")),
        vec![(
            "schema".to_string(),
            "missing: every model starts with \"schema\": \"workforce-ecosystem/v1\"".to_string()
        )]
    );
    let text = sample_with(|v| v["schema"] = json!("workforce/v1"));
    assert_eq!(
        problems(&text),
        vec![(
            "schema".to_string(),
            "unknown schema \"workforce/v1\" (expected \"workforce-ecosystem/v1\"; also read: workforce-ecosystem/v0)".to_string()
        )]
    );
    // The rest of the model is still checked.
    let text = sample_with(|v| {
        v["schema"] = json!(1);
        v["assessments"][0]["current"] = json!(9);
    });
    assert_eq!(
        sorted_problems(&text)
            .into_iter()
            .map(|p| p.0)
            .collect::<Vec<_>>(),
        vec!["assessments[0].current", "schema"]
    );
}

#[test]
fn wrong_types_everywhere_at_once() {
    let got = problems(&fixture("invalid/types.json"));
    let expected = [
        ("name", "expected a string, found the number 42"),
        ("units[1]", "expected a unit (an object), found the string \"retail\""),
        ("assessments[0].current", "expected a number, found the string \"low\""),
        ("assessments[1].player", "expected a string, found an array"),
        ("assessments[1].weight", "expected a number, found the string \"heavy\""),
        ("assessments[2].player", "required, but missing"),
        ("assessments[2].colour", "unknown field \"colour\" (an assessment has: theme, player, unit, current, target, weight, note)"),
        ("assessments[3].player", "unknown player \"marketing\" (known: senior-leaders, procurement, finance-legal, business-unit-leaders, it, hr)"),
        ("contributors[0].kind", "expected \"internal\" or \"external\", found the string \"freelance\""),
        ("contributors[0].headcount", "expected a whole number of people (0 to 1,000,000,000), found the number -5"),
        ("contributors[1].headcount", "expected a whole number of people (0 to 1,000,000,000), found the number 12.5"),
        ("responsibilities[0].control", "expected \"strict\", \"moderate\" or \"light\", found the string \"tight\""),
        ("systems[0].contributors", "expected a list, found the string \"gig\""),
        ("integrations", "expected a list, found an object"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(p, m)| (p.to_string(), m.to_string()))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn a_headcount_is_at_most_a_billion_however_it_is_written() {
    // A page's JavaScript holds whole numbers exactly only up to 2^53, and
    // `1e+20` is a whole number: the message says the range, not "0 or more".
    let sample = workforce_ecosystem::framework::SAMPLE_JSON;
    let expected = |found: &str| {
        format!("expected a whole number of people (0 to 1,000,000,000), found the number {found}")
    };
    for (written, found) in [("5000000000", "5000000000"), ("1e+20", "1e+20")] {
        let text = sample.replacen(
            "\"headcount\": 4200",
            &format!("\"headcount\": {written}"),
            1,
        );
        assert_ne!(text, sample);
        let got = problems(&text);
        assert_eq!(
            got,
            vec![("contributors[0].headcount".to_string(), expected(found))],
            "{written}"
        );
    }
    let text = sample.replacen("\"headcount\": 4200", "\"headcount\": 1000000000", 1);
    assert!(parse_model(&text).is_ok(), "a billion is allowed");
    // the text syntax and an edit are held to it too
    let mut m = workforce_ecosystem::framework::sample();
    m.contributors[0].headcount = Some(1_000_000_001);
    let found = workforce_ecosystem::validate::validate(&m);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].path, "contributors[0].headcount");
    let text = workforce_ecosystem::text::to_text(&workforce_ecosystem::framework::sample())
        .replacen("headcount 4200", "headcount 1000000001", 1);
    let err = workforce_ecosystem::text::parse_text(&text).unwrap_err();
    assert!(
        err.problems[0].message.contains("0 to 1,000,000,000"),
        "{:?}",
        err.problems[0]
    );
    let edit = serde_json::json!({"addContributor": {"id": "x", "label": "X", "kind": "internal", "headcount": 5_000_000_000u64}});
    let err = workforce_ecosystem::edit::Edit::from_json(edit).unwrap_err();
    assert_eq!(
        err.problems[0].path, "edit.addContributor.headcount",
        "at the page's field"
    );
}

#[test]
fn type_errors_carry_line_and_column() {
    let err = invalid(&fixture("invalid/types.json"));
    let at = |path: &str| {
        let p = err.problems.iter().find(|p| p.path == path).unwrap();
        (p.line.unwrap(), p.column.unwrap())
    };
    // Each points at the key of the offending field, or at the object that
    // lacks a required one.
    assert_eq!(at("name"), (3, 3));
    assert_eq!(at("assessments[0].current"), (6, 63));
    assert_eq!(at("assessments[2].player"), (8, 5));
    assert_eq!(at("integrations"), (21, 3));
    let line6 = fixture("invalid/types.json")
        .lines()
        .nth(5)
        .unwrap()
        .to_string();
    assert_eq!(
        line6.chars().skip(62).take(9).collect::<String>(),
        "\"current\""
    );
}

#[test]
fn many_problems_at_once_with_paths_and_places() {
    let err = invalid(&fixture("invalid/references.json"));
    let got: Vec<String> = err.problems.iter().map(|p| p.to_string()).collect();
    let expected = [
        "scale.labels (line 4, column 33): 3 labels for the 5 steps from 0 to 4; give one label per step, or none",
        "units[2].id (line 8, column 6): duplicate unit id \"ports\" (first at units[0])",
        "assessments[1].player (line 12, column 30): unknown player \"marketing\" (known: senior-leaders, procurement, finance-legal, business-unit-leaders, it, hr)",
        "assessments[2].theme (line 13, column 6): unknown theme \"culture\" (known: leadership, integration, technology, management)",
        "assessments[3].unit (line 14, column 46): unknown unit \"warehouses\" (known: ports, retail)",
        "assessments[4].current (line 15, column 63): 5 is outside the scale 0 to 4",
        "assessments[4].target (line 15, column 77): 7 is outside the scale 0 to 4",
        "assessments[5] (line 16, column 5): second assessment of the cell (theme \"technology\", player \"it\") for unit \"retail\"; the first is assessments[4]",
        "assessments[5].weight (line 16, column 77): expected a positive number, found 0",
        "assessments[6] (line 17, column 5): second assessment of the cell (theme \"integration\", player \"hr\") for unit \"ports\"; the first is assessments[0]",
        "contributors[1].id (line 21, column 6): duplicate contributor id \"gig\" (first at contributors[0])",
        "contributors[2].id (line 22, column 6): empty id: every contributor needs one",
        "responsibilities[0].contributor (line 25, column 6): unknown contributor \"freelancers\" (known: gig)",
        "responsibilities[1].theme (line 26, column 28): unknown theme \"ethics\" (known: leadership, integration, technology, management)",
        "responsibilities[1].player (line 26, column 47): unknown player \"legal\" (known: senior-leaders, procurement, finance-legal, business-unit-leaders, it, hr)",
        "systems[0].owner (line 29, column 35): unknown player \"purchasing\" (known: senior-leaders, procurement, finance-legal, business-unit-leaders, it, hr)",
        "systems[0].contributors[1] (line 29, column 82): unknown contributor \"drivers\" (known: gig)",
        "systems[0].contributors[2] (line 29, column 93): \"gig\" is listed twice (also systems[0].contributors[0])",
        "systems[1].id (line 30, column 6): duplicate system id \"vms\" (first at systems[0])",
        "integrations[0].to (line 33, column 21): unknown system \"hris\" (known: vms)",
        "integrations[1].from (line 34, column 6): unknown system \"crm\" (known: vms)",
        "integrations[2] (line 35, column 5): connects system \"vms\" to itself",
    ];
    assert_eq!(got, expected);
}

#[test]
fn syntax_errors_carry_path_line_and_column() {
    let err = invalid(&fixture("invalid/syntax-trailing-comma.json"));
    assert_eq!(err.problems.len(), 1);
    assert_eq!(
        err.problems[0].to_string(),
        "units[1] (line 5, column 3): invalid JSON: trailing comma"
    );
    let err = invalid("{\"schema\": \"workforce-ecosystem/v1\", \"units\": [");
    assert_eq!(
        err.problems[0].to_string(),
        "units (line 1, column 47): invalid JSON: EOF while parsing a list"
    );
    let err = invalid("");
    assert_eq!(
        (err.problems[0].line, err.problems[0].column),
        (Some(1), Some(1))
    );
}

#[test]
fn hostile_values_stay_inert_in_messages() {
    let text = sample_with(|v| {
        v["assessments"][0]["player"] = json!("\u{202e}<script>\n\u{1b}[2J");
    });
    let msg = &problems(&text)[0].1;
    assert!(
        msg.starts_with(r#"unknown player "\u{202e}<script>\n\u{001b}[2J" (known:"#),
        "{msg}"
    );
    assert!(!msg.contains('\n') && !msg.contains('\u{1b}') && !msg.contains('\u{202e}'));
}

#[test]
fn hostile_fixture_keeps_every_payload_exactly() {
    let text = fixture("hostile.json");
    let model = parse_model(&text).unwrap();
    let raw: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        model.framework.players[0].label,
        "<script>alert(1)</script>"
    );
    assert_eq!(model.name, raw["name"].as_str().unwrap());
    let notes: Vec<&str> = model
        .assessments
        .iter()
        .filter_map(|a| a.note.as_deref())
        .collect();
    for payload in [
        "]]>",
        "</svg>",
        "javascript:",
        "{{x}}",
        "\u{202e}",
        "\u{0}",
        "onerror=alert(1)",
    ] {
        assert!(
            notes.iter().any(|n| n.contains(payload)),
            "no note with {payload:?}"
        );
    }
    assert!(notes.iter().any(|n| n.chars().count() > 4000));
}

#[test]
fn repeated_keys_are_reported() {
    let err = invalid(&fixture("invalid/duplicate-key.json"));
    assert_eq!(err.problems.len(), 1);
    assert_eq!(err.problems[0].path, "assessments[0].current");
    assert_eq!(
        (err.problems[0].line, err.problems[0].column),
        (Some(4), Some(60))
    );
}

#[test]
fn limits_are_checked_before_anything_else() {
    // Just over 10 MB of otherwise valid JSON.
    let padding = " ".repeat(MAX_BYTES);
    let big = format!("{{\"schema\": \"{SCHEMA_V1}\"}}{padding}");
    let err = invalid(&big);
    assert_eq!(err.problems.len(), 1);
    // Just over the limit, the size is told in bytes (in MB both would
    // read "10 MB").
    assert_eq!(
        err.problems[0].message,
        "the model is 10,485,796 bytes; the limit is 10 MB"
    );
    assert!(validate::parse_model_bytes(big.as_bytes()).is_err());

    // One item too many, in a model that is otherwise broken in several ways:
    // only the limit is reported.
    let list: Vec<Value> = (0..MAX_ITEMS + 1).map(|_| json!(0)).collect();
    let text = json!({"schema": 3, "extra": list}).to_string();
    assert_eq!(
        problems(&text),
        vec![(
            String::new(),
            "more than 100000 list items; a model may hold at most 100000".to_string()
        )]
    );
}

/// A valid model with exactly `n` assessments (the other lists stay small).
fn model_with_assessments(n: usize) -> String {
    let units: Vec<Value> = (0..n.div_ceil(24))
        .map(|u| json!({"id": format!("u{u}"), "label": format!("Unit {u}")}))
        .collect();
    let players = [
        "senior-leaders",
        "procurement",
        "finance-legal",
        "business-unit-leaders",
        "it",
        "hr",
    ];
    let themes = ["leadership", "integration", "technology", "management"];
    let assessments: Vec<Value> = (0..n)
        .map(|i| {
            json!({"theme": themes[i % 4], "player": players[(i / 4) % 6],
                   "unit": format!("u{}", i / 24), "current": (i % 5) as f64, "target": 4,
                   "note": "a note"})
        })
        .collect();
    json!({"schema": SCHEMA_V1, "units": units, "assessments": assessments}).to_string()
}

#[test]
fn a_model_at_the_item_limit_is_valid() {
    // units + assessments + the default framework and scale labels (15 items) = MAX_ITEMS
    let n = 95_000;
    let text = model_with_assessments(n);
    let units = n.div_ceil(24);
    let model = parse_model(&text).unwrap();
    assert_eq!(model.item_count(), n + units + 15);
    assert!(model.item_count() <= MAX_ITEMS);
}

#[test]
fn many_problems_in_a_large_model_are_counted_past_the_first_hundred() {
    let text = model_with_assessments(24_000).replace("\"target\":4", "\"target\":9");
    let err = invalid(&text);
    assert_eq!(err.problems.len(), validate::limits::MAX_PROBLEMS);
    assert_eq!(err.more, 24_000 - 100);
    assert_eq!(err.total(), 24_000);
    // The first hundred in the text's order: columns grow along the single line.
    assert!(err
        .problems
        .iter()
        .all(|p| p.line == Some(1) && p.path.ends_with(".target")));
    assert!(err.problems.windows(2).all(|w| w[0].column < w[1].column));
    assert_eq!(err.problems[0].path, "assessments[0].target");
    assert_eq!(err.problems[99].path, "assessments[99].target");
    let message = err.to_string();
    assert_eq!(message.lines().count(), 101);
    assert!(
        message.ends_with("\n… and 23,900 more problems"),
        "{message}"
    );
}

#[test]
fn the_shape_check_alone_reads_valid_models_alike() {
    for name in [
        "minimal.json",
        "custom-framework.json",
        "hostile.json",
        "hostile-ids.json",
    ] {
        let text = fixture(name);
        let shape = validate::read_shape(&text).unwrap();
        assert_eq!(parse_model(&text).unwrap(), shape, "{name}");
    }
    let sample = validate::read_shape(workforce_ecosystem::framework::SAMPLE_JSON).unwrap();
    assert_eq!(sample, workforce_ecosystem::framework::sample());
    // Shape errors refuse; a model of the right shape that breaks the rules
    // reads.
    for name in [
        "invalid/types.json",
        "invalid/not-an-object.json",
        "invalid/duplicate-key.json",
        "invalid/syntax-trailing-comma.json",
    ] {
        assert!(validate::read_shape(&fixture(name)).is_err(), "{name}");
    }
    for name in [
        "invalid/references.json",
        "invalid/framework-too-small.json",
    ] {
        assert!(parse_model(&fixture(name)).is_err(), "{name}");
        assert!(validate::read_shape(&fixture(name)).is_ok(), "{name}");
    }
}

#[test]
fn round_trip_parse_serialize_parse() {
    let sample = workforce_ecosystem::framework::sample();
    let text = sample.to_json_pretty();
    assert_eq!(parse_model(&text).unwrap(), sample);
    let compact = serde_json::to_string(&sample).unwrap();
    assert_eq!(parse_model(&compact).unwrap(), sample);
    for name in ["custom-framework.json", "hostile.json", "hostile-ids.json"] {
        let m = parse_model(&fixture(name)).unwrap();
        assert_eq!(parse_model(&m.to_json_pretty()).unwrap(), m, "{name}");
    }
}

#[test]
fn validate_checks_models_built_in_memory() {
    let mut m = workforce_ecosystem::framework::sample();
    m.assessments[0].current = f64::NAN;
    let copy = m.contributors[0].clone();
    m.contributors.push(copy);
    let got: Vec<String> = validate::validate(&m)
        .into_iter()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(
        got,
        vec![
            "contributors[8].id: duplicate contributor id \"employees\" (first at contributors[0])",
            "assessments[0].current: expected a finite number, found NaN",
        ]
    );
}

#[test]
fn v0_models_are_migrated_on_load() {
    let (model, version) = parse_versioned(&fixture("v0-model.json")).unwrap();
    assert_eq!(version, Version::V0);
    let expected: Model = validate::read_shape(&json!({
        "schema": SCHEMA_V1,
        "name": "Harbourline Group (2023 export)",
        "units": [{"id": "ports", "label": "ports"}, {"id": "retail", "label": "retail"}],
        "assessments": [
            {"theme": "integration", "player": "hr", "unit": "ports", "current": 1, "target": 2,
             "note": "HR sees crew members only through incident reports."},
            {"theme": "integration", "player": "procurement", "unit": "retail", "current": 2, "target": 3},
            {"theme": "technology", "player": "it", "unit": "retail", "current": 3}
        ],
        "contributors": [
            {"id": "employees", "label": "Employees", "kind": "internal", "headcount": 4200},
            {"id": "gig-drivers", "label": "Delivery drivers via a gig platform", "kind": "external"}
        ],
        "responsibilities": [
            {"contributor": "gig-drivers", "theme": "integration", "player": "procurement",
             "activity": "platform contract", "control": "moderate"},
            {"contributor": "employees", "theme": "management", "player": "hr"}
        ],
        "systems": [
            {"id": "hris", "label": "HR information system", "owner": "hr", "contributors": ["employees"]},
            {"id": "delivery-platform", "label": "Delivery platform dashboard",
             "owner": "business-unit-leaders", "contributors": ["gig-drivers"]}
        ],
        "integrations": [{"from": "delivery-platform", "to": "hris"}]
    })
    .to_string())
    .unwrap();
    assert_eq!(model, expected);
    // Saved again, it is a v1 model.
    let (again, version) = parse_versioned(&model.to_json_pretty()).unwrap();
    assert_eq!((again, version), (expected, Version::V1));
}

#[test]
fn v0_problems_point_into_the_v0_document() {
    let err = invalid(&fixture("invalid/v0-broken.json"));
    let got: Vec<String> = err.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        got,
        vec![
            "units[1] (line 4, column 22): expected a unit id (a string), found the number 7",
            "scores[0].now (line 6, column 49): expected a number, found the string \"one\"",
            "scores[1].cell (line 7, column 6): expected a cell written \"theme/player\", found the string \"integration-hr\"",
            "scores[2].cell (line 8, column 6): unknown player \"marketing\" (known: senior-leaders, procurement, finance-legal, business-unit-leaders, it, hr)",
            "scores[2].now (line 8, column 56): 9 is outside the scale 0 to 4",
            "contributors[0].external (line 11, column 42): expected true or false, found the string \"yes\"",
            "systems[0].feeds[0] (line 14, column 87): unknown system \"hris\" (known: vms)",
        ]
    );
}

#[test]
fn every_invalid_fixture_is_refused() {
    for path in fixtures_in("tests/fixtures/invalid") {
        let text = std::fs::read_to_string(&path).unwrap();
        let err = parse_model(&text).expect_err(&path.display().to_string());
        for p in &err.problems {
            assert!(!p.message.is_empty());
            assert!(
                p.line.is_some() && p.column.is_some(),
                "{}: {p}",
                path.display()
            );
        }
    }
}

mod json_schema {
    use super::*;

    fn compile() -> (boon::Schemas, boon::SchemaIndex) {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/workforce-ecosystem.v1.schema.json");
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        compiler
            .add_resource("urn:workforce-ecosystem:schema:v1", schema)
            .unwrap();
        let index = compiler
            .compile("urn:workforce-ecosystem:schema:v1", &mut schemas)
            .unwrap();
        (schemas, index)
    }

    fn schema_accepts(text: &str) -> bool {
        let (schemas, index) = compile();
        let value: Value = serde_json::from_str(text).unwrap();
        schemas.validate(&value, index).is_ok()
    }

    #[test]
    fn the_sample_and_every_valid_fixture_pass() {
        assert!(schema_accepts(workforce_ecosystem::framework::SAMPLE_JSON));
        for path in fixtures_in("tests/fixtures") {
            let text = std::fs::read_to_string(&path).unwrap();
            let (_, version) = parse_versioned(&text).unwrap();
            // The schema describes v1 only; v0 documents are migrated by the tool.
            let expected = version == Version::V1;
            assert_eq!(schema_accepts(&text), expected, "{}", path.display());
        }
    }

    #[test]
    fn responses_merged_responses_and_history_pass() {
        let read = |dir: &str| {
            fixtures_in(dir)
                .into_iter()
                .map(|p| {
                    let text = std::fs::read_to_string(&p).unwrap();
                    assert!(schema_accepts(&text), "{}", p.display());
                    (p.display().to_string(), parse_model(&text).unwrap())
                })
                .collect::<Vec<_>>()
        };
        let (_, model) = read("tests/fixtures/voices").remove(0);
        let merged =
            workforce_ecosystem::voices::merge(&model, &read("tests/fixtures/voices/responses"));
        let dated = workforce_ecosystem::voices::snapshot(&merged.model, "2026-03-31").unwrap();
        assert!(!dated.responses.is_empty() && !dated.history.is_empty());
        assert!(schema_accepts(&dated.to_json_pretty()));
        let mut bad: Value = serde_json::from_str(&dated.to_json_pretty()).unwrap();
        bad["history"][0]["date"] = "31/03/2026".into();
        assert!(!schema_accepts(&bad.to_string()));
    }

    #[test]
    fn invalid_fixtures_fail_where_the_schema_can_tell() {
        // Cross-references and scale-relative ranges are beyond JSON Schema;
        // everything about shape is not.
        let expectations = [
            ("duplicate-key.json", true),
            ("framework-too-small.json", false),
            ("not-an-object.json", false),
            ("references.json", false),
            ("schema-missing.json", false),
            ("schema-unknown.json", false),
            ("types.json", false),
            ("v0-broken.json", false),
        ];
        let mut checked = Vec::new();
        for path in fixtures_in("tests/fixtures/invalid") {
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            let text = std::fs::read_to_string(&path).unwrap();
            if serde_json::from_str::<Value>(&text).is_err() {
                continue; // not JSON at all
            }
            let expected = expectations
                .iter()
                .find(|(n, _)| *n == name)
                .unwrap_or_else(|| panic!("no schema expectation for {name}"))
                .1;
            assert_eq!(schema_accepts(&text), expected, "{name}");
            checked.push(name);
        }
        assert_eq!(checked.len(), expectations.len());
    }

    #[test]
    fn schema_rejects_each_shape_error() {
        let base: Value =
            serde_json::from_str(workforce_ecosystem::framework::SAMPLE_JSON).unwrap();
        type Break = (&'static str, fn(&mut Value));
        let breaks: [Break; 15] = [
            ("unknown top-level field", |v| v["colour"] = json!("red")),
            ("score as text", |v| {
                v["assessments"][0]["current"] = json!("2")
            }),
            ("zero weight", |v| v["assessments"][0]["weight"] = json!(0)),
            ("missing player", |v| {
                v["assessments"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("player");
            }),
            ("bad kind", |v| {
                v["contributors"][0]["kind"] = json!("freelance")
            }),
            ("negative headcount", |v| {
                v["contributors"][0]["headcount"] = json!(-1)
            }),
            ("bad control", |v| {
                v["responsibilities"][0]["control"] = json!("tight")
            }),
            ("blank id", |v| v["systems"][0]["id"] = json!("  ")),
            ("zero-width id", |v| {
                v["systems"][0]["id"] = json!("\u{200b}\u{2060}")
            }),
            ("label over 200 characters", |v| {
                v["contributors"][0]["label"] = json!("x".repeat(201))
            }),
            ("note over 5,000 characters", |v| {
                v["assessments"][0]["note"] = json!("x".repeat(5001))
            }),
            ("weight over 1,000", |v| {
                v["assessments"][0]["weight"] = json!(1000.5)
            }),
            ("scale beyond a million", |v| {
                v["scale"] = json!({"min": 0, "max": 2e6})
            }),
            ("reference over 100 characters", |v| {
                v["integrations"][0]["to"] = json!("s".repeat(101))
            }),
            ("wrong tag", |v| {
                v["schema"] = json!("workforce-ecosystem/v0")
            }),
        ];
        let (schemas, index) = compile();
        assert!(schemas.validate(&base, index).is_ok());
        for (what, change) in breaks {
            let mut v = base.clone();
            change(&mut v);
            assert!(
                schemas.validate(&v, index).is_err(),
                "schema accepted: {what}"
            );
            assert!(parse_model(&v.to_string()).is_err(), "wfe accepted: {what}");
        }
    }
}

mod no_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn arbitrary_text(text in ".{0,200}") {
            let _ = parse_model(&text);
        }

        #[test]
        fn mutated_sample(cut in 0usize..20_000, len in 0usize..40, insert in "[\\[\\]{}\",:0-9a-z\\\\ \u{e9}\u{1F6A2}]{0,6}") {
            let sample = workforce_ecosystem::framework::SAMPLE_JSON;
            let start = sample.char_indices().map(|(i, _)| i).find(|&i| i >= cut.min(sample.len())).unwrap_or(sample.len());
            let end = sample.char_indices().map(|(i, _)| i).find(|&i| i >= start + len).unwrap_or(sample.len());
            let text = format!("{}{}{}", &sample[..start], insert, &sample[end..]);
            if let Err(e) = parse_model(&text) {
                prop_assert!(!e.problems.is_empty());
                for p in &e.problems {
                    prop_assert!(p.line.is_some() && p.column.is_some(), "{}", p);
                }
            }
        }
    }
}
