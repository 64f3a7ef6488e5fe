//! The scores of each (theme, player) cell, aggregated over units: what the
//! diagram colours and what readiness is computed from.

use crate::analysis::FxBuildHasher;
use crate::model::Model;
use serde::Serialize;
use std::collections::HashMap;

/// One cell's scores, the mean over the assessments that apply to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellScore {
    pub theme: String,
    pub player: String,
    /// How many assessments contributed; 0 means the cell is unassessed.
    pub assessed: usize,
    pub current: Option<f64>,
    /// Mean over the assessments that set a target.
    pub target: Option<f64>,
    /// Mean of max(0, target − current) over the assessments that set a target.
    pub gap: Option<f64>,
    /// The notes of the contributing assessments, in model order.
    pub notes: Vec<String>,
}

/// Every cell of the framework in layout order (themes outermost first, then
/// players clockwise from the top). With `unit`, only that unit's assessments
/// count; without, every assessment does.
pub fn cell_scores(model: &Model, unit: Option<&str>) -> Vec<CellScore> {
    let players = &model.framework.players;
    let themes = &model.framework.themes;
    let np = players.len();
    // (sum current, count, sum target, sum gap, count target, notes) per cell
    let mut acc: Vec<(f64, usize, f64, f64, usize, Vec<String>)> =
        vec![(0.0, 0, 0.0, 0.0, 0, Vec::new()); np * themes.len()];
    // A repeated id (only in an invalid model) stands for its last item,
    // the last one collected.
    fn index(items: &[crate::model::Item]) -> HashMap<&str, usize, FxBuildHasher> {
        items
            .iter()
            .enumerate()
            .map(|(i, item)| (item.id.as_str(), i))
            .collect()
    }
    let (theme_index, player_index) = (index(themes), index(players));
    for a in &model.assessments {
        if unit.is_some() && a.unit.as_deref() != unit {
            continue;
        }
        let (Some(&t), Some(&p)) = (
            theme_index.get(a.theme.as_str()),
            player_index.get(a.player.as_str()),
        ) else {
            continue;
        };
        let cell = &mut acc[t * np + p];
        cell.0 += a.current;
        cell.1 += 1;
        if let Some(target) = a.target {
            cell.2 += target;
            cell.3 += (target - a.current).max(0.0);
            cell.4 += 1;
        }
        if let Some(note) = &a.note {
            if !note.trim().is_empty() {
                cell.5.push(note.clone());
            }
        }
    }
    let mut out = Vec::with_capacity(acc.len());
    for (t, theme) in themes.iter().enumerate() {
        for (p, player) in players.iter().enumerate() {
            let (sum, n, tsum, gsum, tn, notes) = std::mem::take(&mut acc[t * np + p]);
            out.push(CellScore {
                theme: theme.id.clone(),
                player: player.id.clone(),
                assessed: n,
                current: (n > 0).then(|| sum / n as f64),
                target: (tn > 0).then(|| tsum / tn as f64),
                gap: (tn > 0).then(|| gsum / tn as f64),
                notes,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Assessment, Item};

    fn assessment(
        theme: &str,
        player: &str,
        unit: Option<&str>,
        current: f64,
        target: Option<f64>,
    ) -> Assessment {
        Assessment {
            theme: theme.into(),
            player: player.into(),
            unit: unit.map(Into::into),
            current,
            target,
            weight: 1.0,
            note: None,
        }
    }

    #[test]
    fn means_over_units_and_filters_by_unit() {
        let mut m = Model::empty("t");
        m.units = vec![Item::new("a", "A"), Item::new("b", "B")];
        m.assessments = vec![
            assessment("integration", "hr", Some("a"), 1.0, Some(3.0)),
            assessment("integration", "hr", Some("b"), 3.0, Some(2.0)),
        ];
        let all = cell_scores(&m, None);
        assert_eq!(all.len(), 24);
        let hr = all
            .iter()
            .find(|c| c.theme == "integration" && c.player == "hr")
            .unwrap();
        assert_eq!(hr.assessed, 2);
        assert_eq!(hr.current, Some(2.0));
        assert_eq!(hr.target, Some(2.5));
        // gaps are per assessment (2 and 0), then averaged
        assert_eq!(hr.gap, Some(1.0));
        let b = cell_scores(&m, Some("b"));
        let hr_b = b
            .iter()
            .find(|c| c.theme == "integration" && c.player == "hr")
            .unwrap();
        assert_eq!((hr_b.current, hr_b.gap), (Some(3.0), Some(0.0)));
        let it = all.iter().find(|c| c.player == "it").unwrap();
        assert_eq!((it.assessed, it.current, it.gap), (0, None, None));
    }

    #[test]
    fn a_repeated_id_scores_its_last_cell() {
        // Only an invalid model repeats an id.
        let mut m = Model::empty("t");
        m.framework.players.push(Item::new("hr", "HR again"));
        m.assessments = vec![assessment("integration", "hr", None, 2.0, None)];
        let hr: Vec<usize> = cell_scores(&m, None)
            .iter()
            .filter(|c| c.theme == "integration" && c.player == "hr")
            .map(|c| c.assessed)
            .collect();
        assert_eq!(hr, [0, 1]);
    }

    #[test]
    fn layout_order_is_themes_then_players() {
        let m = Model::empty("t");
        let cells = cell_scores(&m, None);
        assert_eq!(
            (cells[0].theme.as_str(), cells[0].player.as_str()),
            ("leadership", "senior-leaders")
        );
        assert_eq!(
            (cells[7].theme.as_str(), cells[7].player.as_str()),
            ("integration", "procurement")
        );
    }
}
