//! Tests of the session: edits and what-ifs undone and redone, steps
//! joined, the history's bound, and the quick way for a score held to the
//! general way on random edits.

use super::undo::Step;
use super::*;
use crate::edit::Edit;
use crate::model::Assessment;

fn score(theme: &str, current: f64) -> Edit {
    Edit::SetAssessment(Assessment {
        theme: theme.into(),
        player: "hr".into(),
        unit: None,
        current,
        target: Some(4.0),
        weight: 1.0,
        note: None,
    })
}

fn current(m: &Model, theme: &str) -> Option<f64> {
    m.assessments
        .iter()
        .find(|a| a.theme == theme)
        .map(|a| a.current)
}

#[test]
fn edits_undo_and_redo_in_order() {
    let mut s = Session::new(Model::empty("Org"));
    assert!(!s.can_undo() && !s.undo());
    s.apply(&score("leadership", 1.0)).unwrap();
    s.apply(&score("leadership", 2.0)).unwrap();
    assert_eq!(current(s.model(), "leadership"), Some(2.0));
    assert!(s.undo());
    assert_eq!(current(s.model(), "leadership"), Some(1.0));
    assert!(s.undo());
    assert_eq!(current(s.model(), "leadership"), None);
    assert!(s.redo() && s.redo() && !s.redo());
    assert_eq!(current(s.model(), "leadership"), Some(2.0));
    s.undo();
    s.apply(&score("technology", 3.0)).unwrap();
    assert!(!s.can_redo(), "a new edit forgets the undone branch");
}

#[test]
fn an_invalid_edit_changes_nothing_and_is_not_recorded() {
    let mut s = Session::new(Model::empty("Org"));
    let err = s.apply(&score("leadership", 9.0)).unwrap_err();
    assert!(err.to_string().contains("outside the scale"));
    assert!(s.model().assessments.is_empty());
    assert!(!s.can_undo());
}

#[test]
fn scenarios_take_edits_apart_from_the_baseline() {
    let mut s = Session::new(Model::empty("Org"));
    s.apply(&score("leadership", 1.0)).unwrap();
    let a = s.start_scenario("Invest in IT").unwrap();
    assert_eq!(s.active().map(|x| x.id), Some(a));
    s.apply(&score("leadership", 3.0)).unwrap();
    assert_eq!(current(s.baseline(), "leadership"), Some(1.0));
    assert_eq!(current(s.model(), "leadership"), Some(3.0));
    assert!(
        s.start_scenario("  invest in IT ").is_ok(),
        "names are case-sensitive"
    );
    assert!(s.start_scenario("Invest in IT").is_err());
    assert!(s.start_scenario("   ").is_err());
    // undoing the scenario edit shows that scenario again
    s.show(None).unwrap();
    s.undo(); // the second start
    s.undo(); // the edit in scenario a
    assert_eq!(s.active().map(|x| x.id), Some(a));
    assert_eq!(current(s.model(), "leadership"), Some(1.0));
    s.redo();
    s.keep_scenario(a).unwrap();
    assert!(s.active().is_none());
    assert_eq!(current(s.baseline(), "leadership"), Some(3.0));
    assert!(s.scenarios().is_empty());
    s.undo();
    assert_eq!(current(s.baseline(), "leadership"), Some(1.0));
    assert_eq!(s.active().map(|x| x.id), Some(a));
}

#[test]
fn a_replaced_model_lands_in_the_scenario_on_show_only() {
    let mut s = Session::new(Model::empty("Org"));
    s.apply(&score("leadership", 1.0)).unwrap();
    let a = s.start_scenario("What if").unwrap();
    let mut imported = s.model().clone();
    imported.assessments[0].current = 4.0;
    s.replace_model(imported);
    assert_eq!(
        s.active().map(|x| x.id),
        Some(a),
        "the scenario stays on show"
    );
    assert_eq!(current(s.model(), "leadership"), Some(4.0));
    assert_eq!(current(s.baseline(), "leadership"), Some(1.0));
    assert!(s.undo());
    assert_eq!(current(s.model(), "leadership"), Some(1.0));
    assert_eq!(s.scenarios().len(), 1);
    // The same model again is no step at all.
    let same = s.model().clone();
    s.replace_model(same);
    assert!(s.redo(), "an unchanged model leaves the redo history alone");
}

#[test]
fn discarding_and_renaming_are_undoable() {
    let mut s = Session::new(Model::empty("Org"));
    let a = s.start_scenario("A").unwrap();
    let b = s.start_scenario("B").unwrap();
    assert!(s.rename_scenario(b, "A").is_err());
    s.rename_scenario(b, "Bee").unwrap();
    s.discard_scenario(a).unwrap();
    assert_eq!(
        s.active().map(|x| x.id),
        Some(b),
        "discarding another keeps the view"
    );
    s.discard_scenario(b).unwrap();
    assert!(s.active().is_none() && s.scenarios().is_empty());
    s.undo();
    s.undo();
    assert_eq!(s.scenarios().len(), 2);
    s.undo();
    assert_eq!(s.scenarios()[1].name, "B");
    assert!(s.show(Some(999)).is_err());
    assert!(s.keep_scenario(999).is_err());
}

#[test]
fn replacing_is_undoable_and_renumbers_scenarios() {
    let mut s = Session::new(Model::empty("Old"));
    let mut other = Session::new(Model::empty("New"));
    other.start_scenario("X").unwrap();
    s.start_scenario("Mine").unwrap();
    s.replace(other);
    assert_eq!(s.baseline().name, "New");
    assert_eq!(s.scenarios().len(), 1);
    assert_eq!(s.active().map(|x| x.name.as_str()), Some("X"));
    assert_ne!(s.scenarios()[0].id, 1, "ids stay unique within the session");
    s.undo();
    assert_eq!(s.baseline().name, "Old");
    assert_eq!(s.scenarios()[0].name, "Mine");
}

#[test]
fn revisions_tell_score_edits_from_structural_ones() {
    let mut s = Session::new(Model::empty("Org"));
    let r0 = s.revisions();
    s.apply(&score("leadership", 1.0)).unwrap();
    let r1 = s.revisions();
    assert!(r1.model > r0.model && r1.structure == r0.structure);
    s.apply(&Edit::SetName("Other".into())).unwrap();
    let r2 = s.revisions();
    assert!(r2.structure > r1.structure);
    s.undo();
    let r3 = s.revisions();
    assert!(
        r3.model > r2.model && r3.structure > r2.structure,
        "undoing a rename"
    );
    s.undo();
    assert_eq!(s.revisions().structure, r3.structure, "undoing a score");
    s.show(None).unwrap();
    assert_eq!(
        s.revisions(),
        Revisions {
            model: r3.model + 1,
            structure: r3.structure
        }
    );
    s.start_scenario("A").unwrap();
    assert!(s.revisions().structure > r3.structure);
    s.apply(&score("leadership", 2.0)).unwrap();
    let before_switch = s.revisions();
    s.show(None).unwrap();
    assert!(
        s.revisions().structure > before_switch.structure,
        "another model on show"
    );
}

#[test]
fn joined_edits_make_one_step() {
    let mut s = Session::new(Model::empty("Org"));
    s.apply(&score("leadership", 1.0)).unwrap();
    for v in [2.0, 3.0, 4.0] {
        s.apply_joining(&score("leadership", v), "a").unwrap();
    }
    assert_eq!(current(s.model(), "leadership"), Some(4.0));
    assert!(s.undo());
    assert_eq!(
        current(s.model(), "leadership"),
        Some(1.0),
        "three key presses, one step"
    );
    assert!(s.redo());
    // after an undo or redo, or under another key, a new step starts
    s.apply_joining(&score("leadership", 3.0), "a").unwrap();
    s.apply_joining(&score("leadership", 2.0), "b").unwrap();
    assert!(s.undo());
    assert_eq!(current(s.model(), "leadership"), Some(3.0));
    // back where the step started: no step at all
    s.apply_joining(&score("leadership", 2.0), "c").unwrap();
    s.apply_joining(&score("leadership", 3.0), "c").unwrap();
    assert_eq!(current(s.model(), "leadership"), Some(3.0));
    assert!(s.undo());
    assert_eq!(current(s.model(), "leadership"), Some(4.0));
    // a step of another model on show is never joined
    s.apply_joining(&score("leadership", 1.0), "d").unwrap();
    s.start_scenario("W").unwrap();
    s.apply_joining(&score("leadership", 2.0), "d").unwrap();
    assert_eq!(current(s.baseline(), "leadership"), Some(1.0));
    assert!(s.apply_joining(&score("leadership", 9.0), "d").is_err());
    assert!(s.undo() && s.undo());
    assert_eq!(current(s.model(), "leadership"), Some(1.0));
}

#[test]
fn the_history_is_bounded() {
    let mut s = Session::new(Model::empty("Org"));
    for i in 0..(HISTORY_LIMIT + 20) {
        // Alternate two scores so that every edit changes the model.
        s.apply(&score("leadership", (1 + i % 2) as f64))
            .expect("a valid edit");
    }
    let mut n = 0;
    while s.undo() {
        n += 1;
    }
    assert_eq!(
        n, HISTORY_LIMIT,
        "the oldest steps are dropped, the rest kept"
    );
}

#[test]
fn a_plan_starts_as_one_what_if_step_with_its_changes_made() {
    use crate::analysis::{analyze, plan, PlanOptions};
    let sample = crate::framework::sample();
    let mut s = Session::new(sample.clone());
    let p = plan(&sample, &PlanOptions::default());
    let id = s.start_plan("Plan", p.clone()).unwrap();
    assert_eq!(s.active().map(|x| x.id), Some(id));
    assert!(analyze(s.model()).findings.is_empty());
    assert_eq!(s.baseline(), &sample, "the baseline is untouched");
    assert_eq!(s.active().and_then(|x| x.plan.as_deref()), Some(&p));
    assert!(
        s.start_plan("Plan", p.clone()).is_err(),
        "names stay unique"
    );
    // a plan of another model does not apply, and changes nothing
    let mut other = Session::new(Model::empty("Other"));
    assert!(other.start_plan("Plan", p).is_err());
    assert!(other.scenarios().is_empty() && !other.can_undo());
    assert!(s.undo());
    assert!(s.scenarios().is_empty(), "one step to undo");
    assert!(s.redo());
    assert!(s.active().is_some_and(|x| x.plan.is_some()));
}

/// A scoring edit taken the quick way ([`Session::set_assessment`])
/// leaves the session exactly as the general way does: the same answer
/// (the same problems when refused), the same model, revisions and
/// history, under joins, what-ifs, undo and redo.
mod quick_scores {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Act {
        Score(Assessment, Option<&'static str>),
        Rename(String),
        Undo,
        Redo,
        WhatIf,
        Baseline,
    }

    fn arb_assessment() -> impl Strategy<Value = Assessment> {
        let theme = prop::sample::select(vec!["leadership", "integration", "workforce", "nowhere"]);
        let player = prop::sample::select(vec!["hr", "it", "procurement"]);
        let unit = prop::sample::select(vec![None, Some("ports"), Some("retail"), Some("mars")]);
        let score = prop_oneof![4 => (0u8..=8).prop_map(|h| f64::from(h) / 2.0), 1 => Just(f64::NAN), 1 => Just(-1.0), 1 => Just(9.0)];
        let target = prop_oneof![
            Just(None),
            (0u8..=4).prop_map(|t| Some(f64::from(t))),
            Just(Some(7.0))
        ];
        let weight = prop_oneof![4 => Just(1.0), 1 => Just(0.0), 1 => Just(2.5), 1 => Just(f64::INFINITY), 1 => Just(1e9)];
        let note = prop_oneof![
            Just(None),
            Just(Some("  why  ".to_string())),
            Just(Some("   ".to_string())),
            Just(Some("x".repeat(crate::validate::limits::NOTE_CHARS + 1))),
        ];
        (theme, player, unit, score, target, weight, note).prop_map(
            |(theme, player, unit, current, target, weight, note)| Assessment {
                theme: theme.into(),
                player: player.into(),
                unit: unit.map(str::to_string),
                current,
                target,
                weight,
                note,
            },
        )
    }

    /// Scores of a few cells with few values, so that edits often
    /// come back to where a joined step started.
    fn arb_common() -> impl Strategy<Value = Assessment> {
        let cell = prop::sample::select(vec![
            ("integration", Some("ports")),
            ("integration", None),
            ("leadership", None),
        ]);
        (cell, 1u8..=2).prop_map(|((theme, unit), current)| Assessment {
            theme: theme.into(),
            player: "hr".into(),
            unit: unit.map(str::to_string),
            current: f64::from(current),
            target: Some(3.0),
            weight: 1.0,
            note: None,
        })
    }

    fn arb_act() -> impl Strategy<Value = Act> {
        prop_oneof![
            8 => (prop_oneof![2 => arb_common(), 1 => arb_assessment()], prop::sample::select(vec![None, Some("a"), Some("b")])).prop_map(|(a, j)| Act::Score(a, j)),
            1 => "[a-z]{1,6}".prop_map(Act::Rename),
            2 => Just(Act::Undo),
            1 => Just(Act::Redo),
            1 => Just(Act::WhatIf),
            1 => Just(Act::Baseline),
        ]
    }

    fn start() -> Model {
        let mut m = Model::empty("Org");
        m.units = vec![
            crate::model::Item {
                id: "ports".into(),
                label: "Ports".into(),
            },
            crate::model::Item {
                id: "retail".into(),
                label: "Retail".into(),
            },
        ];
        m.assessments = vec![
            Assessment {
                theme: "integration".into(),
                player: "hr".into(),
                unit: Some("ports".into()),
                current: 2.0,
                target: Some(3.0),
                weight: 1.0,
                note: Some("kept".into()),
            },
            Assessment {
                theme: "leadership".into(),
                player: "it".into(),
                unit: None,
                current: 1.0,
                target: None,
                weight: 1.0,
                note: None,
            },
        ];
        assert!(crate::validate::validate(&m).is_empty());
        m
    }

    fn same(quick: &Session, general: &Session) {
        assert_eq!(quick.state, general.state);
        assert_eq!(quick.revisions, general.revisions);
        assert_eq!(quick.joinable, general.joinable);
        assert_eq!(quick.undo.len(), general.undo.len());
        assert_eq!(quick.redo.len(), general.redo.len());
        for (q, g) in quick
            .undo
            .iter()
            .zip(&general.undo)
            .chain(quick.redo.iter().zip(&general.redo))
        {
            assert_eq!(q.op, g.op);
            match (&q.step, &g.step) {
                (Step::Edit { target: a, diff: x }, Step::Edit { target: b, diff: y }) => {
                    assert_eq!((a, x), (b, y))
                }
                (
                    Step::Whole {
                        before: a,
                        after: x,
                    },
                    Step::Whole {
                        before: b,
                        after: y,
                    },
                ) => assert_eq!((a, x), (b, y)),
                _ => panic!("steps of different kinds"),
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn score_edits_match_the_general_way(acts in prop::collection::vec(arb_act(), 1..40)) {
            let mut quick = Session::new(start());
            let mut general = Session::new(start());
            for act in acts {
                match act {
                    Act::Score(a, join) => {
                        let e = Edit::SetAssessment(a);
                        let json = serde_json::json!({ "n": quick.undo.len() });
                        let q = quick.apply_with(&e, join, Some(json.clone()));
                        let g = general.apply_copied(&e, join, Some(json));
                        prop_assert_eq!(q, g);
                    }
                    Act::Rename(name) => {
                        prop_assert_eq!(quick.apply(&Edit::SetName(name.clone())), general.apply(&Edit::SetName(name)));
                    }
                    Act::Undo => prop_assert_eq!(quick.undo(), general.undo()),
                    Act::Redo => prop_assert_eq!(quick.redo(), general.redo()),
                    Act::WhatIf => prop_assert_eq!(quick.start_scenario("w").is_ok(), general.start_scenario("w").is_ok()),
                    Act::Baseline => prop_assert_eq!(quick.show(None).is_ok(), general.show(None).is_ok()),
                }
                same(&quick, &general);
            }
            while quick.undo() {
                prop_assert!(general.undo());
                same(&quick, &general);
            }
        }
    }
}
