//! The facts of each cell that the tooltip and the table standing in for the
//! diagram show: labels, scores, notes, scale labels and highlight state.

use super::{CellRef, Marks};
use crate::model::{Item, Model, Scale};
use crate::scores::{cell_scores, CellScore};
use serde::Serialize;

/// One cell's facts for its tooltip and for the table that stands in for the
/// diagram.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CellInfo {
    pub theme: String,
    pub player: String,
    pub theme_label: String,
    pub player_label: String,
    #[serde(flatten)]
    pub score: CellScore,
    /// The scale's name for the current score, rounded to a whole step.
    pub current_label: Option<String>,
    pub target_label: Option<String>,
    pub changed: bool,
    /// `Some(true)` highlighted, `Some(false)` dimmed, `None` no filter.
    pub highlighted: Option<bool>,
}

/// The scale's label for a value, rounded to the nearest whole step.
pub fn scale_label(scale: &Scale, value: f64) -> Option<String> {
    if !value.is_finite() {
        return None;
    }
    let step = (value - scale.min).round();
    if step < 0.0 {
        return None;
    }
    scale.labels.get(step as usize).cloned()
}

/// Every cell's facts, in layout order.
pub fn cell_infos(model: &Model, unit: Option<&str>, marks: &Marks) -> Vec<CellInfo> {
    // named as the diagram names them, in the page's language
    let (framework, scale) = crate::language::localized_names(model);
    let label = |items: &[Item], id: &str| {
        items
            .iter()
            .find(|i| i.id == id)
            .map_or_else(|| id.to_string(), |i| i.label.clone())
    };
    cell_scores(model, unit)
        .into_iter()
        .map(|score| {
            let key = CellRef {
                theme: score.theme.clone(),
                player: score.player.clone(),
            };
            CellInfo {
                theme: score.theme.clone(),
                player: score.player.clone(),
                theme_label: label(&framework.themes, &score.theme),
                player_label: label(&framework.players, &score.player),
                current_label: score.current.and_then(|v| scale_label(&scale, v)),
                target_label: score.target.and_then(|v| scale_label(&scale, v)),
                changed: marks.changed.contains(&key),
                highlighted: marks.highlighted.as_ref().map(|h| h.contains(&key)),
                score,
            }
        })
        .collect()
}
