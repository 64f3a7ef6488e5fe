//! Tests of the CSV import and export.

use super::lookup::Lookup;
use super::place::{place, rows_in_message};
use super::row::parse_number;
use super::*;
use crate::model::{Item, Model};
use crate::validate::wording::quote;

#[test]
fn long_cells_are_quoted_to_sixty_characters() {
    assert_eq!(quote("a\"b"), "\"a\\\"b\"");
    let sixty = "é".repeat(60);
    assert_eq!(quote(&sixty), format!("\"{sixty}\""));
    assert_eq!(quote(&format!("{sixty}xyz")), format!("\"{sixty}…\""));
}

fn model() -> Model {
    let mut m = Model::empty("t");
    m.units = vec![
        Item::new("retail", "Retail"),
        Item::new("hq", "Head office"),
    ];
    m
}

#[test]
fn defuse_and_restore_are_inverse() {
    for s in [
        "=1+1", "+x", "-3", "@SUM", "\tx", "\rx", "'=a", "''+b", "'plain", "plain", "", "'", "a=b",
    ] {
        let d = defuse(s);
        assert!(!matches!(
            d.chars().next(),
            Some('=' | '+' | '-' | '@' | '\t' | '\r')
        ));
        assert_eq!(restore(&d), s, "{s:?} → {d:?}");
    }
    assert_eq!(defuse("=1+1"), "'=1+1");
    assert_eq!(defuse("a=b"), "a=b");
}

#[test]
fn numbers_accept_spaces_and_decimal_comma_but_not_words() {
    assert_eq!(parse_number(" 2.5 "), Some(2.5));
    assert_eq!(parse_number("2,5"), Some(2.5));
    assert_eq!(parse_number("-1"), Some(-1.0));
    assert_eq!(parse_number("1e0"), Some(1.0));
    assert_eq!(parse_number("+3"), Some(3.0));
    assert_eq!(parse_number(".5"), Some(0.5));
    assert_eq!(parse_number("-,5"), Some(-0.5));
    assert_eq!(parse_number("4."), Some(4.0));
    for bad in [
        "three", "inf", "NaN", "1,2,3", "1.2,3", "", "1e999", "٣", "--1", "+-1", "1 2", "0x10",
        "1_000", ".", "-", "e5",
    ] {
        assert_eq!(parse_number(bad), None, "{bad}");
    }
}

#[test]
fn long_decimals_read_back_to_the_value_written() {
    // Values whose shortest text has 16–17 digits: the cases where a fast
    // decimal parser can miss the nearest double.
    let mut x: f64 = 1.926_694_165_608_148;
    for _ in 0..2000 {
        let text = format!("{x}");
        assert_eq!(parse_number(&text), Some(x), "{text}");
        let neg = format!("{}", -x);
        assert_eq!(parse_number(&neg), Some(-x), "{neg}");
        x = (x * 1.618_033_988_749_895 + 0.000_123_456_789) % 4.0;
    }
    assert_eq!(parse_number("1.50"), Some(1.5));
    assert_eq!(parse_number("0"), Some(0.0));
}

#[test]
fn ids_resolve_from_labels_case_insensitively() {
    let m = model();
    let players = Lookup::new(&m.framework.players);
    assert_eq!(players.resolve("HR"), Some("hr".into()));
    assert_eq!(
        players.resolve(" finance & LEGAL "),
        Some("finance-legal".into())
    );
    let units = Lookup::new(&m.units);
    assert_eq!(units.resolve("head office"), Some("hq".into()));
    assert_eq!(units.resolve("nowhere"), None);
    // A label two items share names neither.
    let twins = [Item::new("a", "Same"), Item::new("b", "same ")];
    assert_eq!(Lookup::new(&twins).resolve("SAME"), None);
    assert_eq!(Lookup::new(&twins).resolve("b"), Some("b".into()));
    let shops = [Item::new("shops", "Über Läden")];
    assert_eq!(
        Lookup::new(&shops).resolve("ÜBER LÄDEN"),
        Some("shops".into())
    );
}

#[test]
fn validation_paths_become_rows_and_columns() {
    let p = place("assessments[1].current", "too high".into(), &[2, 5]);
    assert_eq!((p.row, p.column.as_deref()), (Some(5), Some("current")));
    let p = place("assessments[0]", "duplicate".into(), &[2, 5]);
    assert_eq!((p.row, p.column), (Some(2), None));
    let p = place("units[0].id", "bad".into(), &[2]);
    assert_eq!(p.to_string(), "units[0].id: bad");
}

#[test]
fn messages_name_rows_not_json_paths() {
    assert_eq!(
        rows_in_message("second; the first is assessments[1]", &[2, 7]),
        "second; the first is row 7"
    );
    assert_eq!(
        rows_in_message("assessments[9] and assessments[x", &[2]),
        "assessments[9] and assessments[x"
    );
    assert_eq!(rows_in_message("é assessments[0]] é", &[3]), "é row 3] é");
}

#[test]
fn problem_display_names_row_and_column() {
    let p = CsvProblem {
        row: Some(4),
        column: Some("current".into()),
        message: "\"three\" is not a number".into(),
    };
    assert_eq!(
        p.to_string(),
        "row 4, column \"current\": \"three\" is not a number"
    );
}

#[test]
fn legacy_encodings_are_refused_with_their_row() {
    let m = model();
    // "é" in Windows-1252 is the single byte 0xE9.
    let bytes = b"theme,player,current,note\nintegration,hr,1,ok\nleadership,it,2,caf\xe9\n";
    let e = import_csv_bytes(&m, bytes).unwrap_err();
    assert_eq!(
        e.to_string(),
        "row 3: not UTF-8 text (byte 66 cannot be read); save the file as \"CSV UTF-8\""
    );
    let e = import_csv_bytes(&m, b"\xff").unwrap_err();
    assert_eq!(e.problems[0].row, Some(1));
    let ok = import_csv_bytes(
        &m,
        "theme,player,current,note\nintegration,hr,1,café\n".as_bytes(),
    )
    .unwrap();
    assert_eq!(ok.assessments[0].note.as_deref(), Some("café"));
}

#[test]
fn semicolon_files_with_decimal_commas_import() {
    let m = model();
    let csv = "theme;player;current;target\nintegration;HR;1,5;3\n";
    let out = import_csv(&m, csv).unwrap();
    assert_eq!(out.assessments.len(), 1);
    assert_eq!(out.assessments[0].current, 1.5);
    assert_eq!(out.assessments[0].player, "hr");
    assert_eq!(out.assessments[0].target, Some(3.0));
    assert_eq!(out.assessments[0].weight, 1.0);
}
