//! What the cell editor shows: one row per unit (and the whole organization)
//! with its assessment, and the responsibilities of the cell with their
//! positions in the model, for editing.

use crate::model::{Assessment, Item, Model, Responsibility, Scale};
use serde::Serialize;

/// One row of the cell editor: the whole organization (`unit: None`) or one
/// unit, with its assessment if there is one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EditorRow {
    pub unit: Option<Item>,
    pub assessment: Option<Assessment>,
}

/// A responsibility with its position in the model, for editing.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IndexedResponsibility {
    pub index: usize,
    pub contributor_label: String,
    #[serde(flatten)]
    pub responsibility: Responsibility,
}

/// Everything the cell editor shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellDetail {
    pub theme: Item,
    pub player: Item,
    pub scale: Scale,
    pub rows: Vec<EditorRow>,
    pub responsibilities: Vec<IndexedResponsibility>,
}

/// The cell editor's content, or `None` for an unknown cell.
pub fn cell_detail(model: &Model, theme: &str, player: &str) -> Option<CellDetail> {
    // named as the diagram names them, in the page's language
    let (framework, scale) = crate::language::localized_names(model);
    let t = framework.themes.iter().find(|t| t.id == theme)?;
    let p = framework.players.iter().find(|p| p.id == player)?;
    // One pass over the assessments, not one per unit: a large model has
    // hundreds of units and thousands of assessments, and this runs on
    // every edit while the cell's editor is open.
    let mut by_unit: std::collections::HashMap<Option<&str>, &crate::model::Assessment> =
        std::collections::HashMap::new();
    for a in &model.assessments {
        if a.theme == theme && a.player == player {
            by_unit.entry(a.unit.as_deref()).or_insert(a);
        }
    }
    let find = |unit: Option<&str>| by_unit.get(&unit).map(|a| (*a).clone());
    let mut rows = vec![EditorRow {
        unit: None,
        assessment: find(None),
    }];
    for u in &model.units {
        rows.push(EditorRow {
            unit: Some(u.clone()),
            assessment: find(Some(&u.id)),
        });
    }
    let mut responsibilities = Vec::new();
    for (index, r) in model.responsibilities.iter().enumerate() {
        if r.theme != theme || r.player != player {
            continue;
        }
        let contributor = model.contributors.iter().find(|c| c.id == r.contributor);
        responsibilities.push(IndexedResponsibility {
            index,
            contributor_label: contributor.map_or(&r.contributor, |c| &c.label).clone(),
            responsibility: r.clone(),
        });
    }
    Some(CellDetail {
        theme: t.clone(),
        player: p.clone(),
        scale: scale.into_owned(),
        rows,
        responsibilities,
    })
}
