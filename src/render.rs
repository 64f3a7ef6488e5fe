//! The SVG of the diagram, written with the `svg` crate, and the per-cell state
//! the page uses to update a drawn diagram in place.

use crate::model::Model;
use serde::{Deserialize, Serialize};

/// What the cells show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Overlay {
    #[default]
    None,
    Current,
    Target,
    Gap,
}

impl std::str::FromStr for Overlay {
    type Err = String;
    fn from_str(s: &str) -> Result<Overlay, String> {
        match s {
            "none" => Ok(Overlay::None),
            "current" => Ok(Overlay::Current),
            "target" => Ok(Overlay::Target),
            "gap" => Ok(Overlay::Gap),
            other => Err(format!(
                "unknown overlay \"{other}\" (known: none, current, target, gap)"
            )),
        }
    }
}

/// How to draw.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct RenderOptions {
    pub overlay: Overlay,
    /// Show one unit's scores; `None` shows the mean over units.
    pub unit: Option<String>,
    /// Embed the stylesheet so the file looks the same outside the page.
    pub standalone: bool,
}

/// Everything about one cell that changes with scores or options: the page
/// applies these to the `.cell[data-theme][data-player]` element in place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellState {
    pub theme: String,
    pub player: String,
    /// The whole `class` attribute.
    pub class: String,
    /// The accessible name (`aria-label`).
    pub label: String,
}

/// The state of every cell, in layout order.
pub fn cell_states(model: &Model, opts: &RenderOptions) -> Vec<CellState> {
    let _ = opts;
    let mut out = Vec::new();
    for t in &model.framework.themes {
        for p in &model.framework.players {
            out.push(CellState {
                theme: t.id.clone(),
                player: p.id.clone(),
                class: "cell".into(),
                label: format!("{} – {}", t.label, p.label),
            });
        }
    }
    out
}

/// The states in `new` that differ from the same cell in `old` (cells are
/// matched by theme and player, not by position).
pub fn changed_cells(old: &[CellState], new: &[CellState]) -> Vec<CellState> {
    new.iter()
        .filter(|n| {
            !old.iter()
                .any(|o| o.theme == n.theme && o.player == n.player && o == *n)
        })
        .cloned()
        .collect()
}

/// The diagram as an SVG document. PLACEHOLDER until the layout issue lands.
pub fn render_svg(model: &Model, opts: &RenderOptions) -> String {
    use svg::node::element::{Polygon, Title};
    let layout = crate::layout::layout(&model.framework);
    let states = cell_states(model, opts);
    let [x, y, w, h] = layout.view_box;
    let mut doc = svg::Document::new()
        .set("viewBox", (x, y, w, h))
        .set("role", "img")
        .add(Title::new(model.name.as_str()));
    for (shape, state) in layout.cells.iter().zip(&states) {
        let pts: Vec<String> = shape
            .points
            .iter()
            .map(|p| format!("{:.2},{:.2}", p.x, p.y))
            .collect();
        doc = doc.add(
            Polygon::new()
                .set("class", state.class.as_str())
                .set("data-theme", shape.theme.as_str())
                .set("data-player", shape.player.as_str())
                .set("aria-label", state.label.as_str())
                .set("points", pts.join(" ")),
        );
    }
    doc.to_string()
}
