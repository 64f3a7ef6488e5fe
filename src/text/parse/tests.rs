//! Tests of the reader: numbers, and the model and places its statements
//! build.

use super::statement::{is_number, read_number};
use super::*;

#[test]
fn numbers_read_as_written() {
    for (word, x) in [
        ("0", 0.0),
        ("007", 7.0),
        ("-00.5", -0.5),
        ("1e3", 1000.0),
        ("2.50", 2.5),
        ("-0", 0.0),
    ] {
        assert_eq!(read_number(word), Some(x), "{word}");
    }
    assert_eq!(read_number("1e999"), None);
}

#[test]
fn numbers_are_plain_decimals() {
    for ok in ["0", "-1", "2.5", "1e3", "1E-2", "-0.125e+2"] {
        assert!(is_number(ok), "{ok}");
    }
    for bad in [
        "", "-", "+1", ".5", "5.", "inf", "NaN", "1e", "0x10", "1_000", "1,5",
    ] {
        assert!(!is_number(bad), "{bad}");
    }
}

#[test]
fn statements_build_the_model_and_its_places() {
    let (m, places) = read(
        "name \"Co\"\nunit retail\nscore hr integration 1 -> 3 unit retail weight 2 note \"n\"\n\
         contributor gig \"Gig\" external headcount 12\n\
         owner procurement integration gig strict activity \"sourcing\"\n\
         system vms \"VMS\" owner procurement tracks gig\nsystem hris owner hr\nlink vms -> hris\n\
         player a\nscale 0 1 \"no\" \"yes\"",
    )
    .unwrap();
    let json = r#"{"schema": "workforce-ecosystem/v1", "name": "Co",
        "framework": {"players": [{"id": "a", "label": "a"}],
                      "themes": [{"id": "leadership", "label": "Leadership approaches"},
                                 {"id": "integration", "label": "Integration architectures"},
                                 {"id": "technology", "label": "Technology enablers"},
                                 {"id": "management", "label": "Management practices"}]},
        "scale": {"min": 0, "max": 1, "labels": ["no", "yes"]},
        "units": [{"id": "retail", "label": "retail"}],
        "assessments": [{"theme": "integration", "player": "hr", "current": 1,
                         "target": 3, "unit": "retail", "weight": 2, "note": "n"}],
        "contributors": [{"id": "gig", "label": "Gig", "kind": "external", "headcount": 12}],
        "responsibilities": [{"contributor": "gig", "theme": "integration",
                              "player": "procurement", "activity": "sourcing", "control": "strict"}],
        "systems": [{"id": "vms", "label": "VMS", "owner": "procurement", "contributors": ["gig"]},
                    {"id": "hris", "label": "hris", "owner": "hr", "contributors": []}],
        "integrations": [{"from": "vms", "to": "hris"}]}"#;
    assert_eq!(m, crate::validate::read_shape(json).unwrap());
    let at = |p: &str| places.at(p);
    assert_eq!(at("assessments[0].unit"), Some((3, 34)));
    assert_eq!(at("assessments[0]"), Some((3, 1)));
    assert_eq!(at("assessments"), Some((3, 1)));
    assert_eq!(at("assessments[0].zz"), None);
    assert_eq!(at("systems[0].contributors[0]"), Some((6, 43)));
    assert_eq!(at("systems[0].contributors"), Some((6, 1)));
    assert_eq!(at("integrations[0].to"), Some((8, 13)));
    assert_eq!(at("framework.players[0].id"), Some((9, 8)));
    assert_eq!(at("framework"), Some((9, 1)));
    assert_eq!(at("scale.labels[1]"), Some((10, 16)));
    assert_eq!(at("scale.max"), Some((10, 9)));
    assert_eq!(at("name"), Some((1, 6)));
    assert_eq!(at("units[5]"), None);
}
