//! Assessments through CSV: round trips, spreadsheet habits, and errors that
//! name the row and the column.

use workforce_ecosystem::csv::{export_csv, import_csv, COLUMNS};
use workforce_ecosystem::model::{Assessment, Item, Model};

fn assessment(theme: &str, player: &str, unit: Option<&str>, current: f64) -> Assessment {
    Assessment {
        theme: theme.into(),
        player: player.into(),
        unit: unit.map(Into::into),
        current,
        target: None,
        weight: 1.0,
        note: None,
    }
}

fn model() -> Model {
    let mut m = Model::empty("CSV test");
    m.units = vec![
        Item::new("retail", "Retail"),
        Item::new("hq", "Head office"),
    ];
    let mut a = assessment("integration", "hr", Some("retail"), 1.0);
    a.target = Some(3.5);
    a.weight = 2.25;
    a.note = Some("Contractors onboarded \"store by store\", no HR view".into());
    let mut b = assessment("leadership", "senior-leaders", None, 0.0);
    b.note = Some("=HYPERLINK(\"http://evil.example\",\"click\")".into());
    let mut c = assessment("technology", "it", Some("hq"), 4.0);
    c.target = Some(4.0);
    c.note = Some("line one\nline two, with comma; and semicolon\r\n'quoted' — é 日本 🎉".into());
    let mut d = assessment("management", "procurement", Some("hq"), 2.0);
    d.note = Some("-1 is how bad it was; @channel +more\tand a tab".into());
    let mut e = assessment("management", "finance-legal", None, 3.0);
    e.note = Some("'=already prefixed once".into());
    m.assessments = vec![a, b, c, d, e];
    m
}

#[test]
fn export_writes_the_documented_header_then_one_row_per_assessment() {
    let text = export_csv(&model());
    assert!(
        text.starts_with('\u{feff}'),
        "starts with a byte-order mark"
    );
    let first = text
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .next()
        .unwrap();
    assert_eq!(first, COLUMNS.join(","));
    assert_eq!(first, "theme,player,unit,current,target,weight,note");
    assert!(text.contains("\r\nintegration,hr,retail,1,3.5,2.25,\"Contractors onboarded \"\"store by store\"\", no HR view\"\r\n"));
}

#[test]
fn round_trip_gives_back_the_same_model() {
    let m = model();
    let back = import_csv(&m, &export_csv(&m)).expect("own export imports");
    assert_eq!(back, m);
}

#[test]
fn formulas_are_defused_on_export_and_restored_on_import() {
    let text = export_csv(&model());
    // No cell of the file starts with a formula character.
    for line in text.split("\r\n") {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(
                !cell.starts_with(['=', '+', '@', '\t', '\r']),
                "live cell {cell:?} in {line:?}"
            );
        }
    }
    assert!(text.contains("\"'=HYPERLINK("));
    assert!(text.contains("'-1 is how bad"));
    assert!(text.contains("''=already prefixed once"));
    let back = import_csv(&model(), &text).unwrap();
    assert_eq!(
        back.assessments[1].note.as_deref(),
        Some("=HYPERLINK(\"http://evil.example\",\"click\")")
    );
    assert_eq!(
        back.assessments[4].note.as_deref(),
        Some("'=already prefixed once")
    );
}

#[test]
fn import_replaces_assessments_and_keeps_everything_else() {
    let m = model();
    let csv = "theme,player,current\nintegration,procurement,2\n";
    let out = import_csv(&m, csv).unwrap();
    assert_eq!(
        out.assessments,
        vec![assessment("integration", "procurement", None, 2.0)]
    );
    assert_eq!(
        (out.name.as_str(), &out.units, &out.framework),
        (m.name.as_str(), &m.units, &m.framework)
    );
}

#[test]
fn a_file_without_assessments_is_refused_rather_than_clearing_every_score() {
    let m = model();
    assert!(!m.assessments.is_empty());
    for csv in [
        "theme,player,current\r\n",
        "theme,player,current",
        "\u{feff}theme;player;current\n;;\n\n ; ; \n",
    ] {
        let e = import_csv(&m, csv).expect_err(csv);
        assert_eq!(
            e.to_string(),
            "the file holds no assessment, only its header row; importing it would remove every score",
            "{csv:?}"
        );
    }
}

#[test]
fn spreadsheet_habits_are_accepted() {
    let m = model();
    // Columns in another order and case, labels instead of ids, LF endings,
    // blank rows, spaces around numbers, empty optional cells.
    let csv = "Note,CURRENT,Player,Theme,Unit,Target,Weight\n\
               hello,  2 ,Finance & Legal,Technology enablers,head office,,\n\
               \n\
               ,1,HR,integration,,3,0.5\n";
    let out = import_csv(&m, csv).unwrap();
    assert_eq!(out.assessments.len(), 2);
    let a = &out.assessments[0];
    assert_eq!(
        (
            a.theme.as_str(),
            a.player.as_str(),
            a.unit.as_deref(),
            a.current,
            a.target,
            a.weight,
            a.note.as_deref()
        ),
        (
            "technology",
            "finance-legal",
            Some("hq"),
            2.0,
            None,
            1.0,
            Some("hello")
        )
    );
    let b = &out.assessments[1];
    assert_eq!(
        (b.unit.as_deref(), b.target, b.weight, b.note.as_deref()),
        (None, Some(3.0), 0.5, None)
    );
}

fn messages(m: &Model, csv: &str) -> Vec<String> {
    import_csv(m, csv)
        .expect_err("the CSV is refused")
        .problems
        .iter()
        .map(|p| p.to_string())
        .collect()
}

#[test]
fn every_bad_cell_is_reported_with_its_row_and_column() {
    let csv = "theme,player,unit,current,target,weight,note\n\
               integration,hr,retail,2,3,1,fine\n\
               integration,hr,retail,three,3,1,x\n\
               leadership,cfo,,1,,,\n\
               ,it,,1,,,\n\
               technology,it,mars,1,x2,heavy,\n\
               technology,it,,,,,\n\
               only,three,fields\n";
    let got = messages(&model(), csv);
    assert_eq!(
        got,
        vec![
            "row 3, column \"current\": \"three\" is not a number".to_string(),
            "row 4, column \"player\": \"cfo\" is not a player of the model (known: senior-leaders, procurement, finance-legal, business-unit-leaders, it, hr)".into(),
            "row 5, column \"theme\": empty; every row needs a theme".into(),
            "row 6, column \"unit\": \"mars\" is not a unit of the model (known: retail, hq)".into(),
            "row 6, column \"target\": \"x2\" is not a number".into(),
            "row 6, column \"weight\": \"heavy\" is not a number".into(),
            "row 7, column \"current\": empty; every row needs a current score".into(),
            "row 8: 3 fields where the header has 7 (a note with a comma must be in double quotes)".into(),
        ]
    );
}

#[test]
fn scale_and_duplicate_problems_are_reported_with_the_unreadable_rows() {
    // Rows 2 and 4 cannot be read; rows 3, 5 and 6 can, and are checked as
    // a model all the same, so that one run lists every problem.
    let csv = "theme,player,unit,current,target\n\
               leadership,marketing,retail,1,2\n\
               leadership,hr,retail,1,9\n\
               leadership,hr,hq,x,2\n\
               integration,it,hq,1,2\n\
               integration,it,hq,2,3\n";
    assert_eq!(
        messages(&model(), csv),
        vec![
            "row 2, column \"player\": \"marketing\" is not a player of the model (known: senior-leaders, procurement, finance-legal, business-unit-leaders, it, hr)".to_string(),
            "row 3, column \"target\": 9 is outside the scale 0 to 4".into(),
            "row 4, column \"current\": \"x\" is not a number".into(),
            "row 6: second assessment of the cell (theme \"integration\", player \"it\") for unit \"hq\"; the first is row 5".into(),
        ]
    );
}

#[test]
fn header_problems_name_the_column() {
    let got = messages(&model(), "theme,player,score,note,note\n");
    assert_eq!(
        got,
        vec![
            "row 1, column \"score\": unknown column (known: theme, player, unit, current, target, weight, note)".to_string(),
            "row 1, column \"note\": the column appears twice".into(),
            "row 1, column \"current\": this required column is missing from the header row".into(),
        ]
    );
    assert_eq!(
        messages(&model(), ""),
        vec!["the file is empty; its first row must name the columns (theme,player,unit,current,target,weight,note)"]
    );
    assert_eq!(messages(&model(), "\u{feff}"), messages(&model(), ""));
}

#[test]
fn broken_quoting_names_row_and_column() {
    let csv = "theme,player,current,note\nintegration,hr,1,\"never closed\nleadership,it,2,x\n";
    assert_eq!(
        messages(&model(), csv),
        vec!["row 2, column \"note\": the quoted field is never closed (a \" is missing)"]
    );
    let csv = "theme,player,current,note\nintegration,hr,1,ok\nintegration,it,1,\"a\"b\n";
    assert_eq!(
        messages(&model(), csv),
        vec!["row 3, column \"note\": text follows the closing quote of a quoted field (a quote inside a quoted field must be doubled)"]
    );
}

#[test]
fn rows_count_like_a_spreadsheet_even_with_multiline_notes() {
    // Row 2's note spans three lines of the file but is one spreadsheet row.
    let csv = "theme,player,current,note\nintegration,hr,1,\"a\nb\nc\"\nintegration,it,bad,x\n";
    assert_eq!(
        messages(&model(), csv),
        vec!["row 3, column \"current\": \"bad\" is not a number"]
    );
}

#[test]
fn arbitrary_bytes_never_panic() {
    let m = model();
    let samples = [
        "\"",
        "\"\"\"",
        ",,,\n,,,",
        "theme,player,current\n\"",
        "theme,player,current\n\r\r\r",
        "theme;player;current\n1;2;3;4",
        "theme\tplayer\tcurrent\nintegration\thr\t1",
        "theme,player,current\nintegration,hr,1e308\nintegration,it,-1e308",
        "\u{feff}\u{feff}theme",
        "théme,plàyer,cürrent\n日本,🎉,é",
    ];
    for s in samples {
        let _ = import_csv(&m, s);
    }
}

mod round_trip {
    use super::*;
    use proptest::prelude::*;

    fn any_assessment() -> impl Strategy<Value = Assessment> {
        let themes = ["leadership", "integration", "technology", "management"];
        let players = [
            "senior-leaders",
            "procurement",
            "finance-legal",
            "business-unit-leaders",
            "it",
            "hr",
        ];
        (
            0..4usize,
            0..6usize,
            prop::option::of(prop_oneof![Just("retail"), Just("hq")]),
            0.0f64..=4.0,
            prop::option::of(0.0f64..=4.0),
            0.001f64..1000.0,
            // Any text but controls, which the export writes as U+FFFD.
            prop::option::of("[^\\p{Cc}]+"),
        )
            .prop_map(
                move |(t, p, unit, current, target, weight, note)| Assessment {
                    theme: themes[t].into(),
                    player: players[p].into(),
                    unit: unit.map(Into::into),
                    current,
                    target,
                    weight,
                    note,
                },
            )
    }

    proptest! {
        #[test]
        fn any_assessments_survive_export_then_import(mut list in prop::collection::vec(any_assessment(), 1..12)) {
            // One assessment per (theme, player, unit), as validation requires.
            let mut seen = std::collections::HashSet::new();
            list.retain(|a| seen.insert((a.theme.clone(), a.player.clone(), a.unit.clone())));
            let mut m = model();
            m.assessments = list;
            let back = import_csv(&m, &export_csv(&m)).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(back, m);
        }
    }
}

mod no_panic {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_imports_or_fails_cleanly(body in "([a-z\",;\t\r\n'=0-9. -]|\\PC){0,300}") {
            let m = model();
            for header in ["theme,player,current,note\n", "theme;player;unit;current;target;weight;note\r\n", ""] {
                let text = format!("{header}{body}");
                if let Err(e) = import_csv(&m, &text) {
                    prop_assert!(!e.problems.is_empty());
                    for p in &e.problems {
                        prop_assert!(!p.message.is_empty());
                    }
                }
            }
        }
    }
}

#[test]
fn validation_rules_are_reported_at_their_row_and_column() {
    let csv = "theme,player,unit,current,target,weight\n\
               integration,hr,retail,5,3,1\n\
               integration,it,retail,1,-1,1\n\
               integration,procurement,,1,2,0\n\
               integration,hr,retail,1,2,1\n";
    let problems = import_csv(&model(), csv).expect_err("refused").problems;
    let placed: Vec<(Option<usize>, Option<&str>)> = problems
        .iter()
        .map(|p| (p.row, p.column.as_deref()))
        .collect();
    for want in [
        (Some(2), Some("current")),
        (Some(3), Some("target")),
        (Some(4), Some("weight")),
    ] {
        assert!(placed.contains(&want), "{want:?} in {problems:#?}");
    }
    // The duplicate (theme, player, unit) is reported on the second row.
    let dup = problems
        .iter()
        .find(|p| p.row == Some(5))
        .expect("row 5 reported");
    assert!(
        dup.message.contains("row 2") && !dup.message.contains("assessments["),
        "{dup:?}"
    );
    let text = import_csv(&model(), csv).unwrap_err().to_string();
    assert!(text.starts_with("row 2, column \"current\": "), "{text}");
}
