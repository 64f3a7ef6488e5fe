//! Readiness: how far along the scale the assessed cells stand, overall and
//! per theme, player and unit (docs/design.md §4).
//!
//! Every assessment is one observation of a cell — (theme, player) for the
//! whole organization, or (theme, player, unit) for one unit — and readiness is
//! the plain mean of `(current − min) / (max − min)` over the observations that
//! fall in a group. `weight` does not enter readiness: it says how much closing
//! a gap matters (it scales `maturity-gap` severity), not how mature a cell is.
//! A group with no observation has readiness `None` (`null` in JSON), and every
//! theme, player and unit of the model appears in the maps. The result does
//! not depend on the order of the model's lists, to the last bit.

use super::index::{Index, Table, UnitAt};
use super::{ById, Text};
use crate::model::Model;
use serde::Serialize;

/// Readiness in [0, 1]; `None` where nothing is assessed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Readiness {
    pub overall: Option<f64>,
    pub themes: ById<Option<f64>>,
    pub players: ById<Option<f64>>,
    pub units: ById<Option<f64>>,
}

/// One in this many parts of the scale is the unit of the exact sums.
const FIXED_POINT: f64 = (1u64 << 60) as f64;

/// A running mean whose sum is exact, so that it does not depend on the order
/// in which the model lists its assessments (floating-point sums do). Each
/// normalised score is rounded to a multiple of 2⁻⁶⁰ — far below what an f64
/// mean of them can resolve — and summed as an integer.
#[derive(Clone, Copy, Default)]
struct Mean {
    sum: u128,
    n: usize,
}

impl Mean {
    fn add(&mut self, fixed: u128) {
        self.sum += fixed;
        self.n += 1;
    }
    fn value(self) -> Option<f64> {
        (self.n > 0).then(|| (self.sum as f64 / FIXED_POINT / self.n as f64).clamp(0.0, 1.0))
    }
}

/// Readiness of a model. Assessments that name an unknown theme or player
/// (only possible in a model that failed validation) are left out; one that
/// names an unknown unit still counts for its theme, player and overall.
pub fn readiness(model: &Model) -> Readiness {
    readiness_with(&Index::new(model))
}

/// [`readiness`] of a model already resolved.
pub(crate) fn readiness_with(index: &Index) -> Readiness {
    let model = index.model;
    let fw = &model.framework;
    let span = model.scale.max - model.scale.min;
    let usable_scale = span.is_finite() && span > 0.0;

    let mut overall = Mean::default();
    let mut by_theme = vec![Mean::default(); fw.themes.len()];
    let mut by_player = vec![Mean::default(); fw.players.len()];
    let mut by_unit = vec![Mean::default(); model.units.len()];
    for (a, at) in model.assessments.iter().zip(&index.cells) {
        let (Some(t), Some(p), true) = (at.theme, at.player, usable_scale) else {
            continue;
        };
        let v = ((a.current - model.scale.min) / span).clamp(0.0, 1.0);
        if !v.is_finite() {
            continue;
        }
        let fixed = (v * FIXED_POINT).round() as u128;
        overall.add(fixed);
        by_theme[t as usize].add(fixed);
        by_player[p as usize].add(fixed);
        if let UnitAt::Known(u) = at.unit {
            by_unit[u as usize].add(fixed);
        }
    }

    let map = |table: &Table, means: &[Mean]| -> ById<Option<f64>> {
        super::by_id(
            table
                .firsts()
                .map(|(id, i)| (Text::from(id), means[i].value())),
        )
    };
    Readiness {
        overall: overall.value(),
        themes: map(&index.themes, &by_theme),
        players: map(&index.players, &by_player),
        units: map(&index.units, &by_unit),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Assessment, Item, Scale};

    fn a(theme: &str, player: &str, unit: Option<&str>, current: f64) -> Assessment {
        Assessment {
            theme: theme.into(),
            player: player.into(),
            unit: unit.map(Into::into),
            current,
            target: Some(4.0),
            weight: 5.0,
            note: None,
        }
    }

    fn close(x: Option<f64>, y: f64) -> bool {
        x.is_some_and(|x| (x - y).abs() < 1e-12)
    }

    #[test]
    fn plain_mean_of_normalised_scores_per_group() {
        let mut m = Model::empty("t");
        m.units = vec![Item::new("north", "North"), Item::new("south", "South")];
        m.assessments = vec![
            a("integration", "hr", Some("north"), 1.0),
            a("integration", "hr", Some("south"), 3.0),
            a("integration", "it", None, 4.0),
            a("leadership", "hr", Some("north"), 0.0),
        ];
        let r = readiness(&m);
        // (1 + 3 + 4 + 0) / 4 observations / span 4
        assert!(close(r.overall, 0.5));
        assert!(close(r.themes["integration"], (1.0 + 3.0 + 4.0) / 12.0));
        assert!(close(r.themes["leadership"], 0.0));
        assert!(close(r.players["hr"], (1.0 + 3.0 + 0.0) / 12.0));
        assert!(close(r.players["it"], 1.0));
        assert!(close(r.units["north"], 1.0 / 8.0));
        assert!(close(r.units["south"], 0.75));
        // Weight is not part of readiness: changing it changes nothing.
        let mut w = m.clone();
        w.assessments[0].weight = 100.0;
        assert_eq!(readiness(&w), r);
    }

    #[test]
    fn every_id_is_present_and_unassessed_is_none() {
        let mut m = Model::empty("t");
        m.units = vec![Item::new("north", "North")];
        let r = readiness(&m);
        assert_eq!(r.overall, None);
        assert_eq!(r.themes.len(), 4);
        assert_eq!(r.players.len(), 6);
        assert!(r
            .themes
            .values()
            .chain(r.players.values())
            .all(Option::is_none));
        assert_eq!(r.units.get("north"), Some(&None));
        m.assessments = vec![a("management", "procurement", None, 2.0)];
        let r = readiness(&m);
        assert!(close(r.overall, 0.5));
        assert_eq!(r.themes["leadership"], None);
        assert_eq!(r.units["north"], None);
    }

    #[test]
    fn respects_the_scale_and_clamps() {
        let mut m = Model::empty("t");
        m.scale = Scale {
            min: 1.0,
            max: 5.0,
            labels: Vec::new(),
        };
        m.assessments = vec![a("management", "hr", None, 2.0)];
        assert!(close(readiness(&m).overall, 0.25));
        // Out-of-scale scores only occur in models that failed validation;
        // readiness still stays in [0, 1].
        m.assessments = vec![a("management", "hr", None, 9.0)];
        assert!(close(readiness(&m).overall, 1.0));
        m.scale.max = m.scale.min;
        assert_eq!(readiness(&m).overall, None);
    }

    #[test]
    fn unknown_references_do_not_panic() {
        let mut m = Model::empty("t");
        m.assessments = vec![
            a("nowhere", "hr", None, 2.0),
            a("management", "hr", Some("ghost"), 4.0),
        ];
        let r = readiness(&m);
        assert!(close(r.overall, 1.0));
        assert!(r.units.is_empty());
    }

    #[test]
    fn order_of_the_lists_does_not_change_a_bit() {
        let mut m = Model::empty("t");
        m.scale.max = 3.0; // thirds are not exact in binary
        let players = ["hr", "it", "procurement", "senior-leaders"];
        for (i, p) in players.iter().enumerate() {
            for (j, t) in ["leadership", "integration", "management"]
                .iter()
                .enumerate()
            {
                m.assessments
                    .push(a(t, p, None, ((i * 7 + j * 5) % 4) as f64 * 0.7));
            }
        }
        let r = readiness(&m);
        m.assessments.reverse();
        m.framework.players.reverse();
        assert_eq!(readiness(&m), r);
        m.assessments.rotate_left(5);
        assert_eq!(readiness(&m), r);
    }
}
