//! Drawing the model on show, and what the page shows beside the drawing:
//! the analysis, the comparison with the baseline, each cell's facts. The
//! embeddable diagram's module has `svg` and `fittingLayout` only.

#[cfg(feature = "editor")]
use super::to_js;
use super::{invalid_error, json_of, known_unit, Workspace};
use crate::render::{self, RenderOptions};
#[cfg(feature = "editor")]
use crate::{
    analysis,
    view::{self, ViewOptions},
};
use wasm_bindgen::prelude::*;
#[cfg(feature = "editor")]
use web_sys::Element;

impl Workspace {
    /// What `draw` makes of the model on show with the render options given
    /// (a unit the model does not define refused with the core's message).
    fn drawn(
        &self,
        options: &JsValue,
        draw: fn(&crate::Model, &RenderOptions) -> String,
    ) -> Result<String, js_sys::Error> {
        let opts = RenderOptions::from_json(json_of(options)?).map_err(|e| invalid_error(&e))?;
        let model = self.session.model();
        known_unit(model, opts.unit.as_deref())?;
        Ok(draw(model, &opts))
    }
}

#[wasm_bindgen]
impl Workspace {
    /// The model on show as SVG text (for export: pass `standalone: true`).
    pub fn svg(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RenderOptions | undefined")] options: JsValue,
    ) -> Result<String, js_sys::Error> {
        self.drawn(&options, render::render_svg)
    }

    /// The layout for a drawing with these options in a room of `width` ×
    /// `height` CSS px (`height` 0: as tall as it needs): the one whose text
    /// stays at 12 px or more, drawn largest.
    #[wasm_bindgen(js_name = fittingLayout, unchecked_return_type = "LayoutKind")]
    pub fn fitting_layout(
        &self,
        width: f64,
        height: f64,
        #[wasm_bindgen(unchecked_param_type = "RenderOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, js_sys::Error> {
        let opts = RenderOptions::from_json(json_of(&options)?).map_err(|e| invalid_error(&e))?;
        let kind = render::fitting_layout(self.session.model(), &opts, width, height);
        Ok(JsValue::from_str(kind.as_str()))
    }

    /// The least height, in CSS px, of a room `width` px wide in which a
    /// drawing with these options (in `layout` only, if given) reads at 12
    /// px; undefined when none does at that width. `fittingLayout` for that
    /// height then gives a readable layout: for a frame too low for one,
    /// which draws that tall and scrolls rather than shrink its text.
    #[wasm_bindgen(js_name = readableHeight)]
    pub fn readable_height(
        &self,
        width: f64,
        #[wasm_bindgen(unchecked_param_type = "RenderOptions | undefined")] options: JsValue,
        #[wasm_bindgen(unchecked_param_type = "LayoutKind | undefined")] layout: Option<String>,
    ) -> Result<Option<f64>, js_sys::Error> {
        let opts = RenderOptions::from_json(json_of(&options)?).map_err(|e| invalid_error(&e))?;
        let only = match layout.as_deref() {
            None => None,
            Some(name) => Some(name.parse().map_err(|e: String| js_sys::Error::new(&e))?),
        };
        Ok(render::Fit::of(self.session.model(), &opts).readable_height(width, only))
    }
}

#[cfg(feature = "editor")]
#[wasm_bindgen]
impl Workspace {
    /// What `fittingLayout` hangs on for these options, as numbers: for a
    /// page that must choose a layout before the core has started (the
    /// build writes them beside the editor's first drawings).
    #[wasm_bindgen(unchecked_return_type = "Fit")]
    pub fn fit(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RenderOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, js_sys::Error> {
        let opts = RenderOptions::from_json(json_of(&options)?).map_err(|e| invalid_error(&e))?;
        to_js(&render::Fit::of(self.session.model(), &opts))
    }

    /// The model on show drawn ahead of time for an embed snippet: one
    /// `<template>` per layout the custom element could choose for its
    /// width, each saying the widths it is for (`render::picture`).
    pub fn picture(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RenderOptions | undefined")] options: JsValue,
    ) -> Result<String, js_sys::Error> {
        self.drawn(&options, render::picture)
    }

    /// The diagram's geometry (polygons, cells, axes, label boxes) for the
    /// model on show's framework, in SVG user units.
    pub fn layout(&self) -> Result<JsValue, js_sys::Error> {
        to_js(&crate::layout::layout(&self.session.model().framework))
    }

    /// Readiness, findings and the systems summary of the model on show.
    #[wasm_bindgen(unchecked_return_type = "Analysis")]
    pub fn analyze(&self) -> Result<JsValue, js_sys::Error> {
        to_js(&analysis::analyze(self.session.model()))
    }

    /// The baseline compared with the scenario on show; `null` on the baseline.
    #[wasm_bindgen(unchecked_return_type = "Comparison | null")]
    pub fn compare(&self) -> Result<JsValue, js_sys::Error> {
        match self.session.active() {
            Some(s) => to_js(&analysis::compare(self.session.baseline(), &s.model)),
            None => Ok(JsValue::NULL),
        }
    }

    /// What the cell editor shows for one cell; `null` for an unknown cell.
    #[wasm_bindgen(js_name = cellDetail, unchecked_return_type = "CellDetail | null")]
    pub fn cell_detail(&self, theme: &str, player: &str) -> Result<JsValue, js_sys::Error> {
        match view::cell_detail(self.session.model(), theme, player) {
            Some(d) => to_js(&d),
            None => Ok(JsValue::NULL),
        }
    }

    /// The owners matrix's rows for `contributors` (ids): for each, one list
    /// per theme of the framework in its order, the labels of the players
    /// responsible for that pair.
    #[wasm_bindgen(js_name = ownersRows, unchecked_return_type = "string[][][]")]
    pub fn owners_rows(&self, contributors: Vec<String>) -> Result<JsValue, js_sys::Error> {
        to_js(&view::owners_rows(self.session.model(), &contributors))
    }

    /// Brings the diagram in `container` up to date with the model on show
    /// and `options`, touching only the cells that changed, and returns what
    /// the rest of the page shows: analysis, comparison, cell facts, session.
    #[wasm_bindgen(unchecked_return_type = "ViewResult")]
    pub fn view(
        &mut self,
        container: &Element,
        #[wasm_bindgen(unchecked_param_type = "ViewOptions")] options: JsValue,
    ) -> Result<JsValue, js_sys::Error> {
        let opts = ViewOptions::from_json(json_of(&options)?).map_err(|e| invalid_error(&e))?;
        let view::Refresh {
            render,
            states,
            mut result,
        } = view::refresh(&self.session, &mut self.baseline_analysis, &opts);
        let (full, changed) = self.draw_cells(container, &render, &states)?;
        result.full = full
            || self
                .drawn
                .as_mut()
                .is_some_and(|d| std::mem::take(&mut d.unreported));
        result.changed = changed;
        to_js(&result)
    }

    /// Draws the diagram of the model on show in `container`, and nothing
    /// else: no analysis, no result. A page calls it first, so that the
    /// diagram is on screen before the findings and panels are computed;
    /// the next `view` in the same container then updates this drawing in
    /// place (and reports it as drawn whole). The cells a chosen finding
    /// concerns are marked by that `view`, which knows the findings.
    pub fn draw(
        &mut self,
        container: &Element,
        #[wasm_bindgen(unchecked_param_type = "ViewOptions")] options: JsValue,
    ) -> Result<(), js_sys::Error> {
        let opts = ViewOptions::from_json(json_of(&options)?).map_err(|e| invalid_error(&e))?;
        let (render_opts, states, _) = view::cell_states(&self.session, &opts, &[]);
        let (full, _) = self.draw_cells(container, &render_opts, &states)?;
        if let Some(d) = self.drawn.as_mut() {
            d.unreported |= full;
        }
        Ok(())
    }

    /// Forgets the diagram drawn last, so that the next `view` draws it
    /// whole: for when another workspace has drawn in the same container
    /// since (the page keeps one workspace per open document).
    #[wasm_bindgen(js_name = forgetDrawing)]
    pub fn forget_drawing(&mut self) {
        self.drawn = None;
    }
}
