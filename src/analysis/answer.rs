//! A student's answer compared with the instructor's as a teacher reads it
//! ([`compare_answer`]): a cell the student left blank is not a wrong
//! answer, and a unit the student did not answer at all is not counted
//! against the units they did. It matches cells as the scenario comparison
//! does (`compare`) but asks another question, how far two people agree
//! rather than what an edit changed, so its counts and order are its own.

use super::analyze;
use super::compare::{CellKey, CellValue, Delta};
use crate::model::Model;
use serde::Serialize;
use std::collections::BTreeMap;

/// How one cell of a student's answer compares with the instructor's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Both scored it alike: the same current score, and the same target
    /// when both gave one (a target only one side gave is no disagreement).
    Matches,
    /// Both scored it, differently.
    Differs,
    /// The student scored a cell the instructor left blank.
    Extra,
}

/// A cell the student scored, with both sides' scores (`instructor` is
/// `None` for an [`Verdict::Extra`] cell).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerCell {
    pub theme: String,
    pub player: String,
    pub unit: Option<String>,
    pub verdict: Verdict,
    pub instructor: Option<CellValue>,
    pub student: CellValue,
}

/// The counts of one unit (`unit` `None`: the whole organization's own
/// cells). `blank` counts the cells the instructor scored and the student
/// did not.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerUnit {
    pub unit: Option<String>,
    /// Whether the student scored any cell of this unit.
    pub answered: bool,
    pub matching: usize,
    pub differing: usize,
    pub extra: usize,
    pub blank: usize,
}

/// A student's answer against the instructor's, cell by cell and unit by
/// unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerComparison {
    /// Every cell the student scored: first those that differ from the
    /// instructor's or that the instructor left blank, then those that
    /// match; each group in the framework's order (themes outermost first,
    /// players clockwise), then by unit.
    pub answered: Vec<AnswerCell>,
    /// Each unit either side scored, the whole organization first, then by
    /// unit id.
    pub units: Vec<AnswerUnit>,
    /// The totals over the units the student answered: a unit left wholly
    /// blank is listed in `units`, not counted here.
    pub matching: usize,
    pub differing: usize,
    pub extra: usize,
    pub blank: usize,
    /// Overall readiness: `before` the instructor's, `after` the student's.
    pub readiness: Delta,
    /// Whether the student's whole-organization answers were compared with
    /// the instructor's cells over all units (the diagram's mean), because
    /// the instructor scored by unit and the student did not.
    pub averaged: bool,
}

/// Whether two scores of a cell agree (see [`Verdict::Matches`]); scores
/// equal to a billionth are equal (a score read from CSV may carry noise).
fn agree(a: CellValue, b: CellValue) -> bool {
    let same = |x: f64, y: f64| (x - y).abs() < 1e-9;
    same(a.current, b.current) && a.target.zip(b.target).map_or(true, |(x, y)| same(x, y))
}

/// Compares a student's answer with the instructor's (both meant to be
/// valid models of one framework; any pair is compared without panicking).
pub fn compare_answer(instructor: &Model, student: &Model) -> AnswerComparison {
    // A survey made without a unit asks for the whole organization; an
    // instructor who scored by unit has no such cell, and every answer
    // would be one the instructor "left blank". Those answers are compared
    // with the instructor's cells as the diagram shows them over all units.
    let averaged = !student.assessments.is_empty()
        && student.assessments.iter().all(|a| a.unit.is_none())
        && instructor.assessments.iter().any(|a| a.unit.is_some());
    let over_units = if averaged {
        crate::scores::cell_scores(instructor, None)
    } else {
        Vec::new()
    };
    let mut cells: BTreeMap<CellKey, [Option<CellValue>; 2]> = BTreeMap::new();
    for s in &over_units {
        if let Some(current) = s.current {
            let key = (s.theme.as_str(), s.player.as_str(), None);
            cells.entry(key).or_default()[0] = Some(CellValue {
                current,
                target: s.target,
            });
        }
    }
    for (side, model) in [(0, instructor), (1, student)] {
        if side == 0 && averaged {
            continue; // the instructor's cells are the means above
        }
        for a in &model.assessments {
            let key = (a.theme.as_str(), a.player.as_str(), a.unit.as_deref());
            cells.entry(key).or_default()[side].get_or_insert(CellValue {
                current: a.current,
                target: a.target,
            });
        }
    }
    // Units in id order (the whole organization first); a handful, so a
    // sorted Vec found by binary search.
    let mut units: Vec<AnswerUnit> = Vec::new();
    let framework = &instructor.framework;
    let position = |items: &[crate::model::Item], id: &str| {
        items.iter().position(|i| i.id == id).unwrap_or(items.len())
    };
    let mut found = Vec::new();
    for ((theme, player, unit), [mine, theirs]) in cells {
        let at = match units.binary_search_by(|u| u.unit.as_deref().cmp(&unit)) {
            Ok(at) => at,
            Err(at) => {
                units.insert(
                    at,
                    AnswerUnit {
                        unit: unit.map(String::from),
                        answered: false,
                        matching: 0,
                        differing: 0,
                        extra: 0,
                        blank: 0,
                    },
                );
                at
            }
        };
        let counts = &mut units[at];
        let Some(student_value) = theirs else {
            counts.blank += 1;
            continue;
        };
        counts.answered = true;
        let verdict = match mine {
            None => Verdict::Extra,
            Some(m) if agree(m, student_value) => Verdict::Matches,
            Some(_) => Verdict::Differs,
        };
        *match verdict {
            Verdict::Matches => &mut counts.matching,
            Verdict::Differs => &mut counts.differing,
            Verdict::Extra => &mut counts.extra,
        } += 1;
        let key = (
            verdict == Verdict::Matches,
            position(&framework.themes, theme),
            position(&framework.players, player),
        );
        found.push((
            key,
            AnswerCell {
                theme: theme.to_string(),
                player: player.to_string(),
                unit: unit.map(String::from),
                verdict,
                instructor: mine,
                student: student_value,
            },
        ));
    }
    // Stable: a cell's units stay in id order, as the cells came.
    crate::order::sort_by_key(&mut found, |(key, _)| *key);
    let answered = found.into_iter().map(|(_, cell)| cell).collect();
    let total = |count: fn(&AnswerUnit) -> usize| {
        units
            .iter()
            .filter(|u| u.answered)
            .map(count)
            .sum::<usize>()
    };
    AnswerComparison {
        matching: total(|u| u.matching),
        differing: total(|u| u.differing),
        extra: total(|u| u.extra),
        blank: total(|u| u.blank),
        readiness: Delta::new(
            analyze(instructor).readiness.overall,
            analyze(student).readiness.overall,
        ),
        answered,
        units,
        averaged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::compare::tests::{assess, base};

    /// The sample's instructor (both units fully scored) and a student who
    /// scored five cells of one unit, two of them as the instructor did.
    fn partial_student() -> (Model, Model) {
        let instructor = crate::framework::sample();
        let mut student = crate::teaching::blank_model(&instructor);
        let ports = |t: &str, p: &str| {
            instructor
                .assessments
                .iter()
                .find(|a| a.theme == t && a.player == p && a.unit.as_deref() == Some("ports"))
                .expect("the sample scores every ports cell")
                .clone()
        };
        for (t, p, same) in [
            ("leadership", "senior-leaders", true),
            ("integration", "hr", true),
            ("technology", "it", false),
            ("management", "procurement", false),
            ("leadership", "hr", false),
        ] {
            let mut a = ports(t, p);
            if !same {
                // One step away from the instructor's score, within 0–4.
                a.current += if a.current >= 1.0 { -1.0 } else { 1.0 };
            }
            a.target = None; // the student gave no target: not a disagreement
            student.assessments.push(a);
        }
        (instructor, student)
    }

    #[test]
    fn a_partial_answer_is_counted_per_unit_with_blanks_apart() {
        let (instructor, student) = partial_student();
        let c = compare_answer(&instructor, &student);
        assert_eq!((c.matching, c.differing, c.extra, c.blank), (2, 3, 0, 19));
        let units: Vec<(Option<&str>, bool, usize, usize, usize)> = c
            .units
            .iter()
            .map(|u| {
                (
                    u.unit.as_deref(),
                    u.answered,
                    u.matching,
                    u.differing,
                    u.blank,
                )
            })
            .collect();
        assert_eq!(
            units,
            [
                (Some("ports"), true, 2, 3, 19),
                (Some("retail"), false, 0, 0, 24)
            ]
        );
        // Differing cells first, in the framework's order; then the matches.
        let listed: Vec<(&str, &str, Verdict)> = c
            .answered
            .iter()
            .map(|a| (a.theme.as_str(), a.player.as_str(), a.verdict))
            .collect();
        assert_eq!(
            listed,
            [
                ("leadership", "hr", Verdict::Differs),
                ("technology", "it", Verdict::Differs),
                ("management", "procurement", Verdict::Differs),
                ("leadership", "senior-leaders", Verdict::Matches),
                ("integration", "hr", Verdict::Matches),
            ]
        );
        assert!(c
            .answered
            .iter()
            .all(|a| a.unit.as_deref() == Some("ports")));
        assert!(c.answered.iter().all(|a| a.instructor.is_some()));
        assert_eq!(
            c.readiness.before,
            super::super::readiness(&instructor).overall
        );
        assert_eq!(c.readiness.after, super::super::readiness(&student).overall);
    }

    #[test]
    fn targets_disagree_only_when_both_give_one_and_extra_cells_are_apart() {
        let mut instructor = base();
        instructor.assessments[2].target = None; // technology/it: no target
        let mut student = base();
        student.assessments[0].target = Some(4.0); // north: same current, other target
        student.assessments[1].target = None; // south: target left out
        student.assessments[2].target = Some(3.0); // a target the instructor gave none
        student
            .assessments
            .push(assess("management", "hr", None, 2.0, None));
        let c = compare_answer(&instructor, &student);
        let got: Vec<(&str, Option<&str>, Verdict)> = c
            .answered
            .iter()
            .map(|a| (a.theme.as_str(), a.unit.as_deref(), a.verdict))
            .collect();
        assert_eq!(
            got,
            [
                ("integration", Some("north"), Verdict::Differs),
                ("management", None, Verdict::Extra),
                ("integration", Some("south"), Verdict::Matches),
                ("technology", None, Verdict::Matches),
            ]
        );
        assert_eq!((c.matching, c.differing, c.extra, c.blank), (2, 1, 1, 0));
        assert_eq!(c.answered[1].instructor, None);
    }

    #[test]
    fn an_empty_answer_leaves_every_unit_blank_and_counts_nothing() {
        let instructor = crate::framework::sample();
        let student = crate::teaching::blank_model(&instructor);
        let c = compare_answer(&instructor, &student);
        assert!(c.answered.is_empty());
        assert_eq!((c.matching, c.differing, c.extra, c.blank), (0, 0, 0, 0));
        assert!(c.units.iter().all(|u| !u.answered && u.blank == 24));
        let same = compare_answer(&instructor, &instructor);
        assert_eq!((same.matching, same.differing, same.blank), (48, 0, 0));
        assert!(!c.averaged && !same.averaged);
    }

    #[test]
    fn whole_organization_answers_meet_the_mean_over_units() {
        // base(): integration/hr scored 1 in north and 2 in south (targets
        // 3), technology/it scored 2 for the whole organization.
        let instructor = base();
        let mut student = Model::empty("student");
        student.assessments = vec![
            assess("integration", "hr", None, 1.5, Some(3.0)),
            assess("technology", "it", None, 3.0, None),
            assess("management", "hr", None, 2.0, None),
        ];
        let c = compare_answer(&instructor, &student);
        assert!(c.averaged);
        let got: Vec<(&str, Option<&str>, Verdict, Option<f64>)> = c
            .answered
            .iter()
            .map(|a| {
                let mean = a.instructor.map(|v| v.current);
                (a.theme.as_str(), a.unit.as_deref(), a.verdict, mean)
            })
            .collect();
        assert_eq!(
            got,
            [
                ("technology", None, Verdict::Differs, Some(2.0)),
                ("management", None, Verdict::Extra, None),
                ("integration", None, Verdict::Matches, Some(1.5)),
            ]
        );
        // no unit is left "not answered at all": the answer covers them
        assert_eq!(c.units.len(), 1);
        assert_eq!((c.matching, c.differing, c.extra, c.blank), (1, 1, 1, 0));
        // an answer by unit is still compared unit by unit
        let mut by_unit = student.clone();
        by_unit.assessments[0].unit = Some("north".into());
        assert!(!compare_answer(&instructor, &by_unit).averaged);
    }
}
