//! Applying a drawing to the page's DOM (web-sys): after an edit only the
//! cells whose class, accessible name or value text changed are touched,
//! found by their `data-theme`/`data-player` ids, so focus survives and
//! large models stay within a frame. The whole SVG is drawn again only when
//! what it is drawn from besides the cells changes (framework, scale, name,
//! overlay, unit, language).

use super::Workspace;
use crate::model::{Framework, Scale};
use crate::render::{self, CellState, RenderOptions};
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// What one cell shows, as the DOM holds it.
#[derive(Debug, Clone, PartialEq)]
struct Shown {
    class: String,
    label: String,
    value: String,
}

impl Shown {
    fn of(state: &CellState) -> Shown {
        Shown {
            class: state.class.clone(),
            label: state.label.clone(),
            value: state.value.clone(),
        }
    }
}

pub(super) struct DrawnCell {
    theme: String,
    player: String,
    shown: Shown,
    el: Element,
    value_el: Option<Element>,
}

/// The diagram as last put into the DOM.
pub(super) struct Drawn {
    container: Element,
    key: StructureKey,
    cells: Vec<DrawnCell>,
    /// Drawn by `draw` and not yet reported by a `view` as drawn whole, so
    /// that the page readies it for interaction then.
    pub(super) unreported: bool,
}

/// What the SVG is drawn from besides the cell states: name, framework,
/// scale and options.
type StructureKey = (String, Framework, Scale, RenderOptions, u32);

impl Workspace {
    fn structure_key(&self, opts: &RenderOptions) -> StructureKey {
        let m = self.session.model();
        (
            m.name.clone(),
            m.framework.clone(),
            m.scale.clone(),
            opts.clone(),
            crate::language::generation(),
        )
    }

    /// Redraws or updates in place; returns (redrawn, cells touched).
    pub(super) fn draw_cells(
        &mut self,
        container: &Element,
        opts: &RenderOptions,
        states: &[CellState],
    ) -> Result<(bool, usize), js_sys::Error> {
        let key = self.structure_key(opts);
        let reusable = self.drawn.as_ref().is_some_and(|d| {
            d.key == key && d.container == *container && d.cells.len() == states.len()
        });
        let mut full = false;
        if !reusable {
            container.set_inner_html(&render::render_svg(self.session.model(), opts));
            self.drawn = Some(Drawn {
                container: container.clone(),
                key,
                cells: index_cells(container)?,
                unreported: false,
            });
            full = true;
        }
        let Some(drawn) = self.drawn.as_mut() else {
            return Ok((full, 0));
        };
        let mut touched = 0;
        for state in states {
            let Some(cell) = drawn
                .cells
                .iter_mut()
                .find(|c| c.theme == state.theme && c.player == state.player)
            else {
                continue;
            };
            let want = Shown::of(state);
            if cell.shown == want {
                continue;
            }
            touched += 1;
            // (the DOM's own exception, should it throw, goes to the caller as is)
            if cell.shown.class != want.class {
                cell.el.set_attribute("class", &want.class)?;
            }
            if cell.shown.label != want.label {
                cell.el.set_attribute("aria-label", &want.label)?;
            }
            if cell.shown.value != want.value {
                if let Some(v) = &cell.value_el {
                    // a lone text node changes in place: the browser then lays
                    // out that text again, not a node removed and one added
                    let only = v.first_child().filter(|t| t.next_sibling().is_none());
                    match only.and_then(|t| t.dyn_into::<web_sys::CharacterData>().ok()) {
                        Some(text) => text.set_data(&want.value),
                        None => v.set_text_content(Some(&want.value)),
                    }
                }
            }
            cell.shown = want;
        }
        Ok((full, touched))
    }
}

/// Finds every cell (and its value text) of a freshly drawn diagram, with
/// what it shows as drawn.
fn index_cells(container: &Element) -> Result<Vec<DrawnCell>, js_sys::Error> {
    let select = |sel: &str| {
        container
            .query_selector_all(sel)
            .map_err(js_sys::Error::from)
    };
    let ids = |el: &Element| {
        Some((
            el.get_attribute("data-theme")?,
            el.get_attribute("data-player")?,
        ))
    };
    let mut values: Vec<(String, String, Element)> = Vec::new();
    let value_nodes = select(".cell-value")?;
    for i in 0..value_nodes.length() {
        if let Some(el) = value_nodes
            .item(i)
            .and_then(|n| n.dyn_into::<Element>().ok())
        {
            if let Some((t, p)) = ids(&el) {
                values.push((t, p, el));
            }
        }
    }
    let nodes = select(".cell")?;
    let mut cells = Vec::with_capacity(nodes.length() as usize);
    for i in 0..nodes.length() {
        let Some(el) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let Some((theme, player)) = ids(&el) else {
            continue;
        };
        // the value text sits inside the cell or beside it with the same ids
        let value_el = el.query_selector(".cell-value").ok().flatten().or_else(|| {
            values
                .iter()
                .find(|(t, p, _)| *t == theme && *p == player)
                .map(|(_, _, e)| e.clone())
        });
        let shown = Shown {
            class: el.get_attribute("class").unwrap_or_default(),
            label: el.get_attribute("aria-label").unwrap_or_default(),
            value: value_el
                .as_ref()
                .and_then(|v| v.text_content())
                .unwrap_or_default(),
        };
        cells.push(DrawnCell {
            theme,
            player,
            shown,
            el,
            value_el,
        });
    }
    Ok(cells)
}
