//! The tour's order and highlights, and the students' blank worksheet.

use workforce_ecosystem::framework::{sample, standard};
use workforce_ecosystem::model::{Framework, Item};
use workforce_ecosystem::teaching::{self, blank_model, tour_steps, StepKind};

fn ids(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn standard_tour_goes_whole_then_rings_outside_in_then_the_three_axes() {
    let steps = tour_steps(&standard());
    let summary: Vec<(&str, StepKind, Vec<&str>, Vec<&str>)> = steps
        .iter()
        .map(|s| (s.id.as_str(), s.kind, ids(&s.themes), ids(&s.players)))
        .collect();
    let all_t = vec!["leadership", "integration", "technology", "management"];
    let all_p = vec![
        "senior-leaders",
        "procurement",
        "finance-legal",
        "business-unit-leaders",
        "it",
        "hr",
    ];
    assert_eq!(
        summary,
        vec![
            ("whole", StepKind::Whole, all_t.clone(), all_p.clone()),
            (
                "theme:leadership",
                StepKind::Theme,
                vec!["leadership"],
                all_p.clone()
            ),
            (
                "theme:integration",
                StepKind::Theme,
                vec!["integration"],
                all_p.clone()
            ),
            (
                "theme:technology",
                StepKind::Theme,
                vec!["technology"],
                all_p.clone()
            ),
            (
                "theme:management",
                StepKind::Theme,
                vec!["management"],
                all_p.clone()
            ),
            (
                "axis:senior-leaders:business-unit-leaders",
                StepKind::Axis,
                all_t.clone(),
                vec!["senior-leaders", "business-unit-leaders"]
            ),
            (
                "axis:hr:procurement",
                StepKind::Axis,
                all_t.clone(),
                vec!["hr", "procurement"]
            ),
            (
                "axis:it:finance-legal",
                StepKind::Axis,
                all_t.clone(),
                vec!["it", "finance-legal"]
            ),
        ]
    );
}

#[test]
fn steps_serialize_as_the_page_reads_them() {
    let json = serde_json::to_value(&tour_steps(&standard())[5]).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"id": "axis:senior-leaders:business-unit-leaders", "kind": "axis",
            "themes": ["leadership", "integration", "technology", "management"],
            "players": ["senior-leaders", "business-unit-leaders"], "standard": true})
    );
}

#[test]
fn only_the_standard_framework_names_and_all_is_standard() {
    assert!(tour_steps(&standard()).iter().all(|s| s.standard));
    // Renamed, reordered or cut, the standard steps' texts would not fit.
    let mut renamed = standard();
    renamed.players[0].label = "Executive board".into();
    let mut reordered = standard();
    reordered.themes.swap(0, 1);
    let mut fewer = standard();
    fewer.players.pop();
    for f in [renamed, reordered, fewer] {
        assert!(tour_steps(&f).iter().all(|s| !s.standard));
    }
}

fn framework(players: usize, themes: usize) -> Framework {
    Framework {
        players: (0..players)
            .map(|i| Item::new(&format!("p{i}"), &format!("P{i}")))
            .collect(),
        themes: (0..themes)
            .map(|i| Item::new(&format!("t{i}"), &format!("T{i}")))
            .collect(),
    }
}

#[test]
fn every_player_and_theme_gets_its_step_for_any_size() {
    for players in 3..=12 {
        for themes in 1..=8 {
            let steps = tour_steps(&framework(players, themes));
            assert_eq!(steps[0].kind, StepKind::Whole);
            let theme_steps: Vec<_> = steps.iter().filter(|s| s.kind == StepKind::Theme).collect();
            let theme_order: Vec<String> =
                theme_steps.iter().map(|s| s.themes[0].clone()).collect();
            assert_eq!(
                theme_order,
                (0..themes).map(|i| format!("t{i}")).collect::<Vec<_>>()
            );
            let mut on_axes: Vec<String> = steps
                .iter()
                .filter(|s| s.kind == StepKind::Axis)
                .flat_map(|s| s.players.clone())
                .collect();
            on_axes.sort();
            let mut all: Vec<String> = (0..players).map(|i| format!("p{i}")).collect();
            all.sort();
            assert_eq!(on_axes, all, "{players} players");
            assert_eq!(steps.len(), 1 + themes + players.div_ceil(2));
        }
    }
}

#[test]
fn eight_players_walk_the_diameters_the_diagram_draws() {
    // ("{a} and {b} sit at opposite ends of one axis of the diagram": the
    // diagram of eight draws the diameters, not the mirror-image chords)
    let steps = tour_steps(&framework(8, 2));
    let axes: Vec<Vec<&str>> = steps
        .iter()
        .filter(|s| s.kind == StepKind::Axis)
        .map(|s| ids(&s.players))
        .collect();
    assert_eq!(
        axes,
        vec![
            vec!["p0", "p4"],
            vec!["p1", "p5"],
            vec!["p2", "p6"],
            vec!["p3", "p7"]
        ]
    );
}

#[test]
fn blank_worksheet_keeps_the_framework_and_drops_the_answers() {
    let m = sample();
    let blank = blank_model(&m);
    assert!(blank.assessments.is_empty());
    assert!(
        blank.contributors.is_empty()
            && blank.systems.is_empty()
            && blank.responsibilities.is_empty()
    );
    assert_eq!(
        (&blank.framework, &blank.scale, &blank.units, &blank.name),
        (&m.framework, &m.scale, &m.units, &m.name)
    );
    assert!(workforce_ecosystem::validate::validate(&blank).is_empty());
}

#[test]
fn a_student_file_of_another_framework_is_not_compared() {
    let instructor = sample();
    assert_eq!(teaching::comparable(&instructor, &instructor), Ok(()));
    // Same ids in another order, other labels, other units: comparable.
    let mut student = teaching::blank_model(&instructor);
    student.framework.players.reverse();
    student.framework.themes[0].label = "Leading".into();
    student.units.clear();
    assert_eq!(teaching::comparable(&instructor, &student), Ok(()));
    // Other themes are not.
    student.framework.themes.truncate(3);
    student
        .framework
        .themes
        .push(Item::new("culture", "Culture"));
    assert_eq!(
        teaching::comparable(&instructor, &student).unwrap_err(),
        "this file uses another framework than the instructor's (its themes are leadership, integration, technology, culture where the instructor's are leadership, integration, technology, management); compare a copy of the instructor's worksheet"
    );
}
