//! The analyses through the public API: the edge cases of every rule,
//! readiness arithmetic, the JSON the page relies on, comparison by what
//! findings are about, independence from list order, and properties that must
//! hold for any model.

use proptest::prelude::*;
use serde_json::Value;
use std::collections::BTreeSet;
use workforce_ecosystem::analysis::{analyze, compare, Analysis, Kind};
use workforce_ecosystem::model::{
    Assessment, Contributor, ContributorKind, Control, Integration, Item, Model, Responsibility,
    System,
};
use workforce_ecosystem::validate::parse_model;

fn fixture(name: &str) -> Model {
    let path = format!(
        "{}/tests/fixtures/analysis/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("fixture exists");
    parse_model(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn contributor(id: &str, headcount: Option<u64>) -> Contributor {
    Contributor {
        id: id.into(),
        label: format!("Label of {id}"),
        kind: ContributorKind::External,
        headcount,
    }
}

fn resp(c: &str, t: &str, p: &str, act: Option<&str>, ctl: Option<Control>) -> Responsibility {
    Responsibility {
        contributor: c.into(),
        theme: t.into(),
        player: p.into(),
        activity: act.map(Into::into),
        control: ctl,
    }
}

fn system(id: &str, tracks: &[&str]) -> System {
    System {
        id: id.into(),
        label: format!("System {id}"),
        owner: "it".into(),
        contributors: tracks.iter().map(|s| s.to_string()).collect(),
    }
}

fn link(a: &str, b: &str) -> Integration {
    Integration {
        from: a.into(),
        to: b.into(),
    }
}

fn assessment(
    t: &str,
    p: &str,
    unit: Option<&str>,
    current: f64,
    target: Option<f64>,
) -> Assessment {
    Assessment {
        theme: t.into(),
        player: p.into(),
        unit: unit.map(Into::into),
        current,
        target,
        weight: 1.0,
        note: None,
    }
}

fn ids_of(a: &Analysis, kind: Kind) -> Vec<String> {
    a.findings
        .iter()
        .filter(|f| f.kind == kind)
        .map(|f| f.id())
        .collect()
}

/// One contributor, owned on every theme by HR and tracked by one system:
/// nothing to report.
fn quiet() -> Model {
    let mut m = Model::empty("Quiet");
    m.contributors = vec![contributor("crews", Some(10))];
    m.responsibilities = ["leadership", "integration", "technology", "management"]
        .iter()
        .map(|t| resp("crews", t, "hr", None, None))
        .collect();
    m.systems = vec![system("hris", &["crews"])];
    m
}

#[test]
fn the_quiet_model_has_nothing_to_report() {
    assert!(analyze(&quiet()).findings.is_empty());
}

#[test]
fn one_player_named_twice_is_not_redundant() {
    let mut m = quiet();
    m.responsibilities.push(resp(
        "crews",
        "integration",
        "hr",
        None,
        Some(Control::Strict),
    ));
    let a = analyze(&m);
    assert!(ids_of(&a, Kind::Redundant).is_empty());
    assert!(ids_of(&a, Kind::Conflict).is_empty());
    // A second player makes it redundant.
    m.responsibilities
        .push(resp("crews", "integration", "it", None, None));
    assert_eq!(
        ids_of(&analyze(&m), Kind::Redundant),
        ["redundant:crews:integration:"]
    );
}

#[test]
fn a_responsibility_without_control_conflicts_with_nothing() {
    let mut m = quiet();
    m.responsibilities.extend([
        resp(
            "crews",
            "management",
            "procurement",
            Some("contracting"),
            Some(Control::Strict),
        ),
        resp(
            "crews",
            "management",
            "finance-legal",
            Some("contracting"),
            None,
        ),
    ]);
    let a = analyze(&m);
    assert_eq!(
        ids_of(&a, Kind::Redundant),
        ["redundant:crews:management:contracting"]
    );
    assert!(ids_of(&a, Kind::Conflict).is_empty());
    // Two different levels do conflict, and the conflict ranks first.
    m.responsibilities[5].control = Some(Control::Light);
    let a = analyze(&m);
    assert_eq!(
        ids_of(&a, Kind::Conflict),
        ["conflict:crews:management:contracting"]
    );
    assert_eq!(a.findings[0].kind, Kind::Conflict);
    let conflict = &a.findings[0];
    assert_eq!(conflict.players(), ["finance-legal", "procurement"]);
    let sentence = conflict.explanation();
    assert!(
        sentence.contains("Finance & legal light, Procurement strict"),
        "{sentence}"
    );
    assert!(
        sentence.contains("Label of crews (10 people)"),
        "{sentence}"
    );
}

#[test]
fn different_activities_are_different_groups() {
    let mut m = quiet();
    m.responsibilities.extend([
        resp(
            "crews",
            "integration",
            "procurement",
            Some("sourcing"),
            None,
        ),
        resp("crews", "integration", "it", Some("payroll"), None),
    ]);
    // HR's responsibility has no activity: a value of its own.
    assert!(ids_of(&analyze(&m), Kind::Redundant).is_empty());
}

#[test]
fn connected_through_a_third_system_is_not_fragmented() {
    let mut m = quiet();
    m.systems = vec![
        system("vms", &["crews"]),
        system("hris", &["crews"]),
        system("lake", &[]),
    ];
    m.integrations = vec![link("vms", "lake"), link("lake", "hris")];
    assert!(ids_of(&analyze(&m), Kind::Fragmented).is_empty());
    m.integrations.pop();
    let a = analyze(&m);
    assert_eq!(ids_of(&a, Kind::Fragmented), ["fragmented:crews"]);
    let f = a
        .findings
        .iter()
        .find(|f| f.kind == Kind::Fragmented)
        .unwrap();
    assert_eq!(f.systems(), ["hris", "vms"]);
}

#[test]
fn no_target_or_a_target_below_current_is_no_gap() {
    let mut m = quiet();
    m.assessments = vec![
        assessment("integration", "hr", None, 2.0, None),
        assessment("integration", "it", None, 3.0, Some(1.0)),
        assessment("integration", "procurement", None, 3.0, Some(3.0)),
    ];
    assert!(ids_of(&analyze(&m), Kind::MaturityGap).is_empty());
    m.assessments[0].target = Some(2.5);
    let a = analyze(&m);
    assert_eq!(
        ids_of(&a, Kind::MaturityGap),
        ["maturity-gap:integration:hr:"]
    );
    assert_eq!(a.findings[0].severity, 0.5);
}

#[test]
fn a_single_system_is_no_silo() {
    let m = quiet();
    assert!(ids_of(&analyze(&m), Kind::Silo).is_empty());
    let mut m = quiet();
    m.systems.push(system("wiki", &[]));
    assert_eq!(
        ids_of(&analyze(&m), Kind::Silo)
            .into_iter()
            .collect::<BTreeSet<_>>(),
        ["silo:hris", "silo:wiki"].map(String::from).into()
    );
}

#[test]
fn untracked_and_uncovered() {
    let mut m = quiet();
    m.contributors.push(contributor("apps", None));
    let a = analyze(&m);
    assert_eq!(ids_of(&a, Kind::Untracked), ["untracked:apps"]);
    let uncovered: BTreeSet<String> = ids_of(&a, Kind::Uncovered).into_iter().collect();
    assert_eq!(uncovered.len(), 4);
    assert!(uncovered.contains("uncovered:apps:technology"));
}

#[test]
fn readiness_is_the_plain_mean_of_normalised_scores() {
    let mut m = Model::empty("t");
    m.units = vec![Item::new("north", "North"), Item::new("south", "South")];
    m.assessments = vec![
        assessment("integration", "hr", Some("north"), 1.0, Some(3.0)),
        assessment("integration", "hr", Some("south"), 4.0, None),
        assessment("leadership", "it", None, 2.0, None),
    ];
    let json = serde_json::to_value(analyze(&m)).unwrap();
    let r = &json["readiness"];
    let close = |v: &Value, x: f64| (v.as_f64().unwrap() - x).abs() < 1e-12;
    assert!(close(&r["overall"], (1.0 + 4.0 + 2.0) / 12.0));
    assert!(close(&r["themes"]["integration"], 5.0 / 8.0));
    assert!(close(&r["themes"]["leadership"], 0.5));
    assert!(r["themes"]["technology"].is_null());
    assert!(close(&r["players"]["hr"], 5.0 / 8.0));
    assert!(r["players"]["senior-leaders"].is_null());
    assert!(close(&r["units"]["north"], 0.25));
    assert!(close(&r["units"]["south"], 1.0));
    assert_eq!(r["themes"].as_object().unwrap().len(), 4);
    assert_eq!(r["players"].as_object().unwrap().len(), 6);
    let empty = serde_json::to_value(analyze(&Model::empty("e"))).unwrap();
    assert!(empty["readiness"]["overall"].is_null());
}

#[test]
fn the_fixture_has_every_kind_with_sentences_that_name_labels() {
    let m = fixture("every-kind.json");
    let a = analyze(&m);
    let kinds: BTreeSet<Kind> = a.findings.iter().map(|f| f.kind).collect();
    assert_eq!(kinds.len(), 7, "{kinds:?}");
    assert!(a
        .findings
        .windows(2)
        .all(|w| w[0].severity >= w[1].severity));
    let silo = a
        .findings
        .iter()
        .find(|f| f.id() == "silo:dev-portal")
        .unwrap();
    assert_eq!(
        silo.explanation(),
        "Developer portal (owned by IT) has no integration with any other system, so its data \
         on App developers stays there."
    );
    for f in &a.findings {
        let s = f.explanation();
        assert!(s.ends_with('.') && !s.contains("  "), "{s}");
        // Sentences use labels, never the ids of contributors.
        assert!(
            !s.contains("dev-portal") && !s.contains("gig-platform"),
            "{s}"
        );
    }
}

#[test]
fn every_finding_carries_the_fields_the_page_relies_on() {
    let json = serde_json::to_value(analyze(&fixture("every-kind.json"))).unwrap();
    let findings = json["findings"].as_array().unwrap();
    let ids: BTreeSet<&str> = findings.iter().map(|f| f["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), findings.len(), "ids are keys");
    for f in findings {
        let kind = f["kind"].as_str().unwrap();
        assert!(f["id"].as_str().unwrap().starts_with(&format!("{kind}:")));
        assert!(f["severity"].as_f64().unwrap() >= 0.0);
        assert!(!f["explanation"].as_str().unwrap().is_empty());
        for key in [
            "cells",
            "players",
            "themes",
            "contributors",
            "systems",
            "units",
        ] {
            assert!(f[key].is_array(), "{key} in {f}");
        }
        for cell in f["cells"].as_array().unwrap() {
            assert!(cell["theme"].is_string() && cell["player"].is_string());
        }
    }
    let systems = &json["systems"];
    assert_eq!(systems["components"], 4);
    assert_eq!(systems["groups"].as_array().unwrap().len(), 4);
    assert_eq!(
        systems["tracking"]["contractors"],
        serde_json::json!(["hris", "vms"])
    );
    assert_eq!(systems["tracking"]["partners"], serde_json::json!([]));
    assert_eq!(systems["tracking"].as_object().unwrap().len(), 6);
}

/// The model with every list reversed (and every system's contributors).
fn reordered(m: &Model) -> Model {
    let mut r = m.clone();
    r.units.reverse();
    r.assessments.reverse();
    r.contributors.reverse();
    r.responsibilities.reverse();
    r.systems.reverse();
    for s in &mut r.systems {
        s.contributors.reverse();
    }
    r.integrations.reverse();
    for i in &mut r.integrations {
        std::mem::swap(&mut i.from, &mut i.to);
    }
    r.framework.players.rotate_left(2);
    r.framework.themes.reverse();
    r
}

#[test]
fn reordering_a_models_lists_changes_nothing() {
    for m in [
        fixture("every-kind.json"),
        workforce_ecosystem::framework::sample(),
    ] {
        let r = reordered(&m);
        assert_eq!(
            serde_json::to_string(&analyze(&m)).unwrap(),
            serde_json::to_string(&analyze(&r)).unwrap(),
            "{}",
            m.name
        );
        let c = compare(&m, &r);
        assert!(c.changed_cells.is_empty());
        assert!(c.resolved.is_empty() && c.introduced.is_empty());
        assert_eq!(c.unchanged, analyze(&m).findings.len());
        assert_eq!(c.readiness.overall.delta, Some(0.0));
        for d in c
            .readiness
            .themes
            .values()
            .chain(c.readiness.players.values())
            .chain(c.readiness.units.values())
        {
            assert!(d.delta.map_or(true, |x| x == 0.0), "{d:?}");
        }
    }
}

#[test]
fn compare_matches_findings_by_what_they_are_about() {
    let base = fixture("every-kind.json");
    let scenario = fixture("every-kind-scenario.json");
    let c = compare(&base, &scenario);
    let resolved: BTreeSet<String> = c.resolved.iter().map(|f| f.id()).collect();
    let introduced: BTreeSet<String> = c.introduced.iter().map(|f| f.id()).collect();
    assert_eq!(
        resolved,
        [
            "maturity-gap:integration:hr:retail",
            "silo:dev-portal",
            "uncovered:partners:technology"
        ]
        .map(String::from)
        .into()
    );
    assert_eq!(
        introduced,
        ["maturity-gap:technology:finance-legal:"]
            .map(String::from)
            .into()
    );
    assert_eq!(c.changed_cells.len(), 2);
    let retail = c.readiness.units.get("retail").unwrap();
    assert!((retail.delta.unwrap() - 2.0 / 12.0).abs() < 1e-12);
    // A change of severity alone resolves nothing.
    let mut bigger = base.clone();
    for c in &mut bigger.contributors {
        c.headcount = Some(50_000);
    }
    let c = compare(&base, &bigger);
    assert!(c.resolved.is_empty() && c.introduced.is_empty());
}

#[test]
fn analysis_of_invalid_references_does_not_panic() {
    let mut m = quiet();
    m.assessments = vec![assessment(
        "nowhere",
        "ghost",
        Some("nounit"),
        1.0,
        Some(3.0),
    )];
    m.responsibilities.push(resp(
        "nobody",
        "nowhere",
        "ghost",
        Some("x"),
        Some(Control::Light),
    ));
    m.responsibilities.push(resp(
        "nobody",
        "nowhere",
        "hr",
        Some("x"),
        Some(Control::Strict),
    ));
    m.systems.push(system("hris", &["nobody"]));
    m.integrations = vec![link("hris", "missing")];
    let a = analyze(&m);
    let gap = a
        .findings
        .iter()
        .find(|f| f.kind == Kind::MaturityGap)
        .unwrap();
    assert_eq!(gap.id(), "maturity-gap:nowhere:ghost:nounit");
    assert!(ids_of(&a, Kind::Conflict).contains(&"conflict:nobody:nowhere:x".to_string()));
    // The repeated system id is reported once.
    assert_eq!(ids_of(&a, Kind::Silo), ["silo:hris"]);
}

const THEMES: [&str; 4] = ["leadership", "integration", "technology", "management"];
const PLAYERS: [&str; 6] = [
    "senior-leaders",
    "procurement",
    "finance-legal",
    "business-unit-leaders",
    "it",
    "hr",
];

fn arb_control() -> impl Strategy<Value = Option<Control>> {
    prop_oneof![
        Just(None),
        Just(Some(Control::Strict)),
        Just(Some(Control::Moderate)),
        Just(Some(Control::Light)),
    ]
}

fn arb_responsibility(contributors: usize) -> impl Strategy<Value = Responsibility> {
    (
        0..contributors,
        0..THEMES.len(),
        0..PLAYERS.len(),
        prop_oneof![
            Just(None),
            Just(Some("sourcing")),
            Just(Some("contracting"))
        ],
        arb_control(),
    )
        .prop_map(|(c, t, p, a, ctl)| resp(&format!("c{c}"), THEMES[t], PLAYERS[p], a, ctl))
}

prop_compose! {
    fn arb_model()(contributors in 1usize..5, systems in 0usize..6)
        (responsibilities in prop::collection::vec(arb_responsibility(contributors), 0..12),
         tracking in prop::collection::vec(prop::collection::vec(0..contributors, 0..3), systems),
         links in prop::collection::vec((0..systems.max(1), 0..systems.max(1)), 0..5),
         gaps in prop::collection::vec((0..THEMES.len(), 0..PLAYERS.len(), 0u8..5, 0u8..5), 0..6),
         headcounts in prop::collection::vec(prop::option::of(0u64..5000), contributors))
        -> Model
    {
        let mut m = Model::empty("random");
        m.contributors = headcounts.iter().enumerate()
            .map(|(i, h)| contributor(&format!("c{i}"), *h)).collect();
        m.responsibilities = responsibilities;
        m.systems = tracking.iter().enumerate().map(|(i, cs)| {
            let ids: Vec<String> = cs.iter().map(|c| format!("c{c}")).collect();
            let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
            system(&format!("s{i}"), &refs)
        }).collect();
        if !m.systems.is_empty() {
            m.integrations = links.iter().map(|(a, b)| link(&format!("s{a}"), &format!("s{b}"))).collect();
        }
        let mut seen = BTreeSet::new();
        for (t, p, cur, tgt) in gaps {
            if seen.insert((t, p)) {
                m.assessments.push(assessment(THEMES[t], PLAYERS[p], None, f64::from(cur), Some(f64::from(tgt))));
            }
        }
        m
    }
}

fn kind_ids(a: &Analysis, kinds: &[Kind]) -> BTreeSet<String> {
    a.findings
        .iter()
        .filter(|f| kinds.contains(&f.kind))
        .map(|f| f.id())
        .collect()
}

proptest! {
    #[test]
    fn adding_an_integration_never_adds_fragmented_or_silo(
        m in arb_model(), a in 0usize..8, b in 0usize..8
    ) {
        let before = kind_ids(&analyze(&m), &[Kind::Fragmented, Kind::Silo]);
        let mut more = m.clone();
        more.integrations.push(link(&format!("s{a}"), &format!("s{b}")));
        let after = kind_ids(&analyze(&more), &[Kind::Fragmented, Kind::Silo]);
        prop_assert!(after.is_subset(&before), "{after:?} ⊄ {before:?}");
    }

    #[test]
    fn adding_a_responsibility_never_adds_an_uncovered_one(
        m in arb_model(), r in arb_responsibility(5)
    ) {
        let before = kind_ids(&analyze(&m), &[Kind::Uncovered]);
        let mut more = m.clone();
        more.responsibilities.push(r);
        let after = kind_ids(&analyze(&more), &[Kind::Uncovered]);
        prop_assert!(after.is_subset(&before), "{after:?} ⊄ {before:?}");
    }

    #[test]
    fn list_order_never_matters(m in arb_model()) {
        prop_assert_eq!(
            serde_json::to_string(&analyze(&m)).unwrap(),
            serde_json::to_string(&analyze(&reordered(&m))).unwrap()
        );
    }

    #[test]
    fn findings_are_ordered_and_their_ids_unique(m in arb_model()) {
        let a = analyze(&m);
        prop_assert!(a.findings.windows(2).all(|w| w[0].severity >= w[1].severity));
        let ids: BTreeSet<String> = a.findings.iter().map(|f| f.id()).collect();
        prop_assert_eq!(ids.len(), a.findings.len());
        // Every conflict is reported as redundant too.
        for f in a.findings.iter().filter(|f| f.kind == Kind::Conflict) {
            let twin = f.id().replacen("conflict:", "redundant:", 1);
            prop_assert!(ids.contains(&twin), "{} has no redundant twin", f.id());
        }
    }
}
