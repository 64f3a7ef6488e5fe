//! Drawing the model on show, and what the page shows beside the drawing:
//! the analysis, the comparison with the baseline, each cell's facts. The
//! embeddable diagram's module has `svg` and `fittingLayout` only.

use super::{invalid_error, json_of, known_unit, Workspace};
#[cfg(feature = "editor")]
use super::{session::SessionInfo, to_js};
#[cfg(feature = "editor")]
use crate::analysis;
use crate::render::{self, CellState, RenderOptions};
use crate::view::{self, FindingScope, ViewOptions};
#[cfg(feature = "editor")]
use serde::Serialize;
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
}

#[cfg(feature = "editor")]
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ViewResult {
    full: bool,
    changed: usize,
    revision: u64,
    structure: u64,
    finding_count: usize,
    finding_counts: std::collections::BTreeMap<&'static str, usize>,
    finding_chosen: bool,
    findings_note: Option<&'static str>,
    analysis: analysis::Analysis,
    comparison: Option<analysis::Comparison>,
    compared_counts: Option<ComparedCounts>,
    cells: Vec<view::CellInfo>,
    session: SessionInfo,
}

#[cfg(feature = "editor")]
#[derive(Serialize)]
struct ComparedCounts {
    resolved: usize,
    introduced: usize,
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
        let model = self.session.model();
        let baseline = self.session.active().map(|_| self.session.baseline());
        let mut report = analysis::analyze(model);
        let chosen = opts
            .finding
            .as_deref()
            .and_then(|id| report.findings.iter().find(|f| f.id() == id));
        // A disagreement is chosen like a finding: it concerns its one cell.
        let disagreement = || {
            let id = opts.finding.as_deref()?;
            let d = report.disagreements.iter().find(|d| d.id == id)?;
            Some(FindingScope {
                id: d.id.clone(),
                cells: vec![view::CellRef {
                    theme: d.cell.theme.clone(),
                    player: d.cell.player.clone(),
                }],
                ..FindingScope::default()
            })
        };
        let scopes: Vec<FindingScope> = match chosen {
            Some(f) => vec![FindingScope::of(f)],
            None => disagreement().into_iter().collect(),
        };
        let (render_opts, states, marks) = self.cell_states(&opts, &scopes);
        let kept = &mut self.baseline_analysis;
        let mut comparison =
            baseline.map(|b| analysis::compare_analyses(b, kept.of(b), model, &report));
        let compared_counts = comparison.as_mut().map(|c| {
            let counts = ComparedCounts {
                resolved: c.resolved.len(),
                introduced: c.introduced.len(),
            };
            opts.keep_compared(c);
            counts
        });
        let cells = view::cell_infos(model, opts.unit.as_deref(), &marks);
        let findings_note = analysis::quiet(model, &report);
        let (full, changed) = self.draw_cells(container, &render_opts, &states)?;
        let full = full
            || self
                .drawn
                .as_mut()
                .is_some_and(|d| std::mem::take(&mut d.unreported));
        let revisions = self.session.revisions();
        let finding_count = report.findings.len();
        let finding_counts = view::finding_counts(&report.findings);
        let finding_chosen = !scopes.is_empty();
        // (the chosen one stays: the editors highlight what it concerns)
        opts.keep_listed(&mut report.findings, finding_chosen);
        let result = ViewResult {
            full,
            changed,
            revision: revisions.model,
            structure: revisions.structure,
            finding_count,
            finding_counts,
            finding_chosen,
            findings_note,
            analysis: report,
            comparison,
            compared_counts,
            cells,
            session: self.session_info(),
        };
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
        let (render_opts, states, _) = self.cell_states(&opts, &[]);
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

impl Workspace {
    /// The cells as the view shows them: scores, overlay and the page's
    /// highlight marks (of the findings in `scopes`, if any).
    pub(super) fn cell_states(
        &self,
        opts: &ViewOptions,
        scopes: &[FindingScope],
    ) -> (RenderOptions, Vec<CellState>, view::Marks) {
        let model = self.session.model();
        let baseline = self.session.active().map(|_| self.session.baseline());
        let marks = view::marks(model, baseline, scopes, opts);
        let render_opts = opts.render_options();
        let mut states = render::cell_states(model, &render_opts);
        view::decorate(&mut states, &marks);
        (render_opts, states, marks)
    }
}
