use super::*;

fn finding(kind: Kind, names: Names, subject: Subject) -> Finding {
    Finding {
        kind,
        severity: 1.0,
        subject,
        names: Arc::new(names),
    }
}

#[test]
fn ids_escape_separators_and_keep_empty_parts() {
    let mut n = Names::default();
    let (t, p) = (n.add("a:b", "T", None), n.add("50%", "P", None));
    let f = finding(
        Kind::MaturityGap,
        n,
        Subject::Cell {
            theme: t,
            player: p,
            unit: None,
            current: 1.0,
            target: 2.0,
            weight: 1.0,
        },
    );
    assert_eq!(f.id(), "maturity-gap:a%3Ab:50%25:");
    assert!(f.has_id("maturity-gap:a%3Ab:50%25:"));
    for other in [
        "maturity-gap:a%3Ab:50%25",
        "maturity-gap:a%3Ab:50%25::",
        "maturity-gap:a:b:50%:",
        "maturity-gap",
        "",
    ] {
        assert!(!f.has_id(other), "{other:?}");
    }
    let mut n = Names::default();
    let crews = n.add("crews", "Crews", None);
    let g = finding(
        Kind::Untracked,
        n,
        Subject::Tracking {
            contributor: crews,
            systems: List::default(),
            sizes: List::default(),
        },
    );
    assert_eq!(g.id(), "untracked:crews");
    assert_eq!(
        g.explanation(),
        "No system tracks Crews, so nobody holds data on them."
    );
}

#[test]
fn json_has_exactly_the_documented_fields() {
    let mut n = Names::default();
    let crews = n.add("crews", "Crews", Some(1500));
    let theme = n.add("integration", "Integration", None);
    let act = n.add("contracting", "contracting", None);
    let bu = n.add("bu", "Units", None);
    let fl = n.add("fl", "Finance", None);
    let pr = n.add("proc", "Procurement", None);
    let players = n.add_list([bu, fl, pr]);
    let controls = n.add_list([
        0,
        control_bits([Control::Light]),
        control_bits([Control::Strict, Control::Light]),
    ]);
    let f = finding(
        Kind::Conflict,
        n,
        Subject::Group {
            contributor: crews,
            theme,
            activity: Some(act),
            players,
            controls,
        },
    );
    let json = serde_json::to_value(&f).unwrap();
    let mut keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "cells",
            "contributors",
            "explanation",
            "id",
            "kind",
            "players",
            "severity",
            "systems",
            "themes",
            "units"
        ]
    );
    assert_eq!(json["id"], "conflict:crews:integration:contracting");
    assert_eq!(json["kind"], "conflict");
    assert_eq!(json["players"], serde_json::json!(["fl", "proc"]));
    assert_eq!(
        json["cells"],
        serde_json::json!([
            {"theme": "integration", "player": "fl"},
            {"theme": "integration", "player": "proc"}
        ])
    );
    assert_eq!(json["units"], serde_json::json!([]));
    assert_eq!(
        json["explanation"],
        "Finance, Procurement and Units all take on “contracting” for Crews (1,500 people) \
             under Integration but set differing control levels (Finance light, Procurement \
             strict and light), sending mixed messages."
    );
    assert_eq!(json["explanation"], f.explanation());
    assert_eq!(f.activity(), Some("contracting"));
}

#[test]
fn fragmented_sentences_name_groups_of_systems() {
    let mut n = Names::default();
    let crews = n.add("crews", "Crews", Some(1500));
    let (vms, hris, erp) = (
        n.add("vms", "VMS", None),
        n.add("hris", "HRIS", None),
        n.add("erp", "ERP", None),
    );
    let two = n.add_list([vms, hris]);
    let ones = n.add_list([1, 1]);
    let three = n.add_list([erp, vms, hris]);
    let split = n.add_list([2, 1]);
    let names = Arc::new(n);
    let f = |systems, sizes| Finding {
        kind: Kind::Fragmented,
        severity: 1.0,
        subject: Subject::Tracking {
            contributor: crews,
            systems,
            sizes,
        },
        names: names.clone(),
    };
    assert_eq!(
        f(two, ones).explanation(),
        "The data on Crews (1,500 people) is split between HRIS and VMS, which no \
             integration connects, directly or through other systems."
    );
    assert_eq!(f(two, ones).systems(), ["hris", "vms"]);
    assert_eq!(
        f(three, split).explanation(),
        "The data on Crews (1,500 people) is split across 2 groups of systems that no \
             integration connects (ERP and VMS; HRIS)."
    );
}

#[test]
fn kind_names_are_the_reports_in_the_current_language() {
    let english = KindNames::all();
    assert_eq!(english[0].title, "Maturity gaps");
    assert_eq!(english[0].name, "Maturity gap");
    let french = include_str!("../../../www/i18n/core-fr.json");
    crate::language::set(crate::language::Language::from_json(french).ok());
    let names = KindNames::all();
    crate::language::set(None);
    let catalogue: serde_json::Value = serde_json::from_str(french).unwrap();
    for n in &names {
        let kind = n.kind.as_str();
        assert_eq!(n.title, catalogue[format!("report.kind.{kind}")], "{kind}");
        assert_eq!(
            n.name,
            catalogue[format!("exportdoc.kind.{kind}")],
            "{kind}"
        );
        assert_eq!(
            n.meaning,
            catalogue[format!("report.meaning.{kind}")],
            "{kind}"
        );
    }
}
