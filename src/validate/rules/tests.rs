//! Tests of the rules, each on a small model, and of an assessment checked
//! alone against the whole check.

use super::*;
use crate::model::{Assessment, Contributor, ContributorKind, Integration, Item, System};

fn messages(m: &Model) -> Vec<String> {
    check(m, &HashSet::new())
        .into_iter()
        .map(|p| format!("{}: {}", p.path, p.message))
        .collect()
}

fn cell(theme: &str, player: &str, current: f64) -> Assessment {
    Assessment {
        theme: theme.into(),
        player: player.into(),
        unit: None,
        current,
        target: None,
        weight: 1.0,
        note: None,
    }
}

#[test]
fn empty_model_is_valid() {
    assert!(messages(&Model::empty("x")).is_empty());
}

#[test]
fn unknown_references_name_the_alternatives() {
    let mut m = Model::empty("x");
    m.assessments = vec![cell("integration", "marketing", 1.0)];
    assert_eq!(
        messages(&m),
        vec![
            "assessments[0].player: unknown player \"marketing\" (known: senior-leaders, procurement, finance-legal, business-unit-leaders, it, hr)"
        ]
    );
    m.assessments[0].player = "hr".into();
    m.assessments[0].unit = Some("retail".into());
    assert_eq!(
        messages(&m),
        vec!["assessments[0].unit: unknown unit \"retail\" (the model defines no units)"]
    );
}

#[test]
fn scale_rules() {
    let mut m = Model::empty("x");
    m.scale.labels.pop();
    assert_eq!(
        messages(&m),
        vec![
            "scale.labels: 4 labels for the 5 steps from 0 to 4; give one label per step, or none"
        ]
    );
    m.scale.min = 0.5;
    assert_eq!(
        messages(&m),
        vec!["scale.labels: labels name whole steps, but the scale runs from 0.5 to 4; use whole numbers or no labels"]
    );
    m.scale.labels.clear();
    assert!(messages(&m).is_empty());
    m.scale.min = 4.0;
    m.assessments = vec![cell("integration", "hr", 9.0)];
    // With no usable scale the scores are not judged against it.
    assert_eq!(
        messages(&m),
        vec!["scale: min (4) must be less than max (4)"]
    );
    m.scale.min = f64::NEG_INFINITY;
    assert_eq!(
        messages(&m),
        vec!["scale: min and max must be finite numbers, found -inf and 4"]
    );
}

#[test]
fn scores_weights_and_duplicates() {
    let mut m = Model::empty("x");
    let mut a = cell("integration", "hr", -1.0);
    a.target = Some(4.5);
    a.weight = 0.0;
    let mut b = cell("integration", "hr", f64::NAN);
    b.weight = f64::INFINITY;
    m.assessments = vec![a, b];
    assert_eq!(
        messages(&m),
        vec![
            "assessments[0].current: -1 is outside the scale 0 to 4",
            "assessments[0].target: 4.5 is outside the scale 0 to 4",
            "assessments[0].weight: expected a positive number, found 0",
            "assessments[1].current: expected a finite number, found NaN",
            "assessments[1].weight: expected a positive number, found inf",
            "assessments[1]: second assessment of the cell (theme \"integration\", player \"hr\") with no unit; the first is assessments[0]",
        ]
    );
}

/// One assessment of a valid model changed, checked alone, gives what
/// the whole model checked gives: the same problems at the same paths.
#[test]
fn an_assessment_checked_alone_finds_what_the_whole_check_finds() {
    let sample = crate::framework::sample();
    assert!(check(&sample, &HashSet::new()).is_empty());
    let long = "x".repeat(limits::NOTE_CHARS + 1);
    let changes: [&dyn Fn(&mut crate::model::Assessment); 7] = [
        &|a| a.current = 9.0,
        &|a| a.target = Some(f64::NAN),
        &|a| a.weight = 0.0,
        &|a| a.note = Some(long.clone()),
        &|a| a.unit = Some("mars".into()),
        &|a| a.theme = "nowhere".into(),
        &|a| a.current = 2.0,
    ];
    let mut found = 0;
    for i in 0..sample.assessments.len() {
        for change in changes {
            let mut m = sample.clone();
            change(&mut m.assessments[i]);
            let whole = check(&m, &HashSet::new());
            assert_eq!(check_assessment(&m, i), whole, "assessments[{i}]");
            found += whole.len();
        }
    }
    assert!(
        found >= 6 * sample.assessments.len(),
        "each bad change is found"
    );
}

#[test]
fn each_repeat_of_a_cell_names_its_first_readable_assessment() {
    let mut m = Model::empty("x");
    m.units = vec![Item::new("retail", "Retail")];
    let mut retail = cell("integration", "hr", 1.0);
    retail.unit = Some("retail".into());
    m.assessments = vec![
        cell("integration", "hr", 1.0),
        cell("leadership", "hr", 1.0),
        retail.clone(),
        cell("integration", "hr", 2.0),
        retail,
        cell("integration", "hr", 3.0),
    ];
    let second = |i: usize, unit: &str, first: usize| {
        format!("assessments[{i}]: second assessment of the cell (theme \"integration\", player \"hr\") {unit}; the first is assessments[{first}]")
    };
    assert_eq!(
        messages(&m),
        [
            second(3, "with no unit", 0),
            second(4, "for unit \"retail\"", 2),
            second(5, "with no unit", 0),
        ]
    );
    // A cell whose unit could not be read is not compared at all.
    let placeholders = HashSet::from(["assessments[0].unit"]);
    let got: Vec<String> = check(&m, &placeholders)
        .into_iter()
        .map(|p| format!("{}: {}", p.path, p.message))
        .collect();
    assert_eq!(
        got,
        [
            second(4, "for unit \"retail\"", 2),
            second(5, "with no unit", 3),
        ]
    );
}

#[test]
fn ids_systems_and_integrations() {
    let mut m = Model::empty("x");
    m.framework.players.truncate(2);
    m.framework.themes.push(Item::new("leadership", "Again"));
    m.contributors = vec![
        Contributor {
            id: " ".into(),
            label: "Blank".into(),
            kind: ContributorKind::External,
            headcount: None,
        },
        Contributor {
            id: "gig".into(),
            label: "Gig".into(),
            kind: ContributorKind::External,
            headcount: Some(1),
        },
    ];
    m.systems = vec![System {
        id: "vms".into(),
        label: "VMS".into(),
        owner: "hr".into(),
        contributors: vec!["gig".into(), "gig".into()],
    }];
    m.integrations = vec![Integration {
        from: "vms".into(),
        to: "vms".into(),
    }];
    assert_eq!(
        messages(&m),
        vec![
            "framework.players: 2 players; the diagram draws 3 to 12",
            "framework.themes[4].id: duplicate theme id \"leadership\" (first at framework.themes[0])",
            "contributors[0].id: empty id: every contributor needs one",
            "systems[0].owner: unknown player \"hr\" (known: senior-leaders, procurement)",
            "systems[0].contributors[1]: \"gig\" is listed twice (also systems[0].contributors[0])",
            "integrations[0]: connects system \"vms\" to itself",
        ]
    );
}

#[test]
fn placeholders_silence_their_paths() {
    let mut m = Model::empty("x");
    m.assessments = vec![cell("", "", 99.0), cell("", "", 99.0)];
    let placeholders = HashSet::from(["assessments[0]", "assessments[1].theme"]);
    let got: Vec<String> = check(&m, &placeholders)
        .into_iter()
        .map(|p| p.path)
        .collect();
    // assessments[1].player is still an unknown (empty) player and its
    // score is still off the scale; nothing is said about assessments[0].
    assert_eq!(got, vec!["assessments[1].player", "assessments[1].current"]);
}
