//! The editor's session: loading a model or a saved session, edits, undo
//! and redo, and what-if scenarios. A model replaced or edited here is
//! checked whole by the core, which refuses it, changing nothing, with every
//! problem named.

use super::{invalid_error, json_of, to_js, Workspace};
use crate::session::Session;
use wasm_bindgen::prelude::*;

#[cfg(feature = "editor")]
#[wasm_bindgen]
impl Workspace {
    /// Replaces everything with the model (or saved session) in `text`, as
    /// one undoable step. Throws, changing nothing, if it is invalid.
    pub fn load(&mut self, text: &str) -> Result<(), js_sys::Error> {
        let other = Session::from_text(text).map_err(|e| invalid_error(&e))?;
        self.session.replace(other);
        Ok(())
    }

    /// Puts the model in `text` in place of the model on show, keeping the
    /// what-if scenarios (a CSV import), as one undoable step. Throws,
    /// changing nothing, if it is invalid.
    #[wasm_bindgen(js_name = replaceModel)]
    pub fn replace_model(&mut self, text: &str) -> Result<(), js_sys::Error> {
        let model = crate::validate::parse_model(text).map_err(|e| invalid_error(&e))?;
        self.session.replace_model(model);
        Ok(())
    }

    /// Puts the model written in the text syntax in place of the model on
    /// show, keeping the what-if scenarios, as one undoable step; false when
    /// it is the model on show already (nothing changes). Throws, changing
    /// nothing, if it is invalid: every problem with its line and column.
    #[wasm_bindgen(js_name = replaceText)]
    pub fn replace_text(&mut self, text: &str) -> Result<bool, js_sys::Error> {
        let model = crate::text::parse_text(text).map_err(|e| invalid_error(&e))?;
        if &model == self.session.model() {
            return Ok(false);
        }
        self.session.replace_model(model);
        Ok(true)
    }

    /// The session (baseline, scenarios, which is on show) as JSON, for
    /// autosave and share links.
    #[wasm_bindgen(js_name = savedJson)]
    pub fn saved_json(&self) -> String {
        self.session.saved_json()
    }

    /// The session as this browser keeps it: the saved form with the
    /// latest steps of the undo history, so that a reload can still undo.
    /// Never for a link or an export (`savedJson`).
    #[wasm_bindgen(js_name = storedJson)]
    pub fn stored_json(&self) -> String {
        self.session.stored_json()
    }

    /// Whether there are scenarios (a share link then carries the session).
    #[wasm_bindgen(js_name = hasScenarios)]
    pub fn has_scenarios(&self) -> bool {
        !self.session.scenarios().is_empty()
    }

    /// The model on show without its scores, which it counts instead
    /// ([`crate::model::Outline`]): what a page names things and fills its
    /// menus with, at a fraction of the copy of the whole model; the
    /// standard framework's names and the default scale's in the language
    /// set (the model's own names stay).
    #[wasm_bindgen(unchecked_return_type = "ModelOutline")]
    pub fn outline(&self) -> Result<JsValue, js_sys::Error> {
        let model = self.session.model();
        // the framework and scale as the diagram names them, in the page's language
        let (framework, scale) = crate::language::localized_names(model);
        let mut outline = model.outline();
        outline.framework = &framework;
        outline.scale = &scale;
        to_js(&outline)
    }

    /// Applies an edit to the model on show; returns the id of an added item.
    /// Throws, changing nothing, if the edit is invalid.
    #[wasm_bindgen(unchecked_return_type = "string | undefined")]
    /// With `join`, the edit joins the last step if that was made under
    /// the same key with nothing in between (one step per change of a
    /// control, however many key presses it took).
    pub fn apply(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Edit")] edit: JsValue,
        join: Option<String>,
    ) -> Result<JsValue, js_sys::Error> {
        if edit.is_undefined() || edit.is_null() {
            return Err(js_sys::Error::new("no edit given"));
        }
        let created = self
            .session
            .apply_json(json_of(&edit)?, join.as_deref())
            .map_err(|e| invalid_error(&e))?;
        Ok(created.map_or(JsValue::UNDEFINED, |id| JsValue::from_str(&id)))
    }

    /// Undoes the last step; false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        self.session.undo()
    }

    /// Redoes the last undone step; false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        self.session.redo()
    }

    /// What the next Undo takes back ("the score of HR on Leadership
    /// approaches"), in the core's language; undefined when nothing.
    #[wasm_bindgen(js_name = undoLabel)]
    pub fn undo_label(&self) -> Option<String> {
        self.session.undo_label()
    }

    /// What the next Redo makes again; undefined when nothing.
    #[wasm_bindgen(js_name = redoLabel)]
    pub fn redo_label(&self) -> Option<String> {
        self.session.redo_label()
    }

    /// Starts a what-if scenario from the baseline and shows it; returns its id.
    #[wasm_bindgen(js_name = startScenario)]
    pub fn start_scenario(&mut self, name: &str) -> Result<u32, js_sys::Error> {
        self.session
            .start_scenario(name)
            .map_err(|e| invalid_error(&e))
    }

    /// Shows a scenario, or the baseline with `null`.
    #[wasm_bindgen(js_name = showScenario)]
    pub fn show_scenario(&mut self, id: Option<u32>) -> Result<(), js_sys::Error> {
        self.session.show(id).map_err(|e| invalid_error(&e))
    }

    #[wasm_bindgen(js_name = renameScenario)]
    pub fn rename_scenario(&mut self, id: u32, name: &str) -> Result<(), js_sys::Error> {
        self.session
            .rename_scenario(id, name)
            .map_err(|e| invalid_error(&e))
    }

    /// Makes a scenario the new baseline.
    #[wasm_bindgen(js_name = keepScenario)]
    pub fn keep_scenario(&mut self, id: u32) -> Result<(), js_sys::Error> {
        self.session
            .keep_scenario(id)
            .map_err(|e| invalid_error(&e))
    }

    #[wasm_bindgen(js_name = discardScenario)]
    pub fn discard_scenario(&mut self, id: u32) -> Result<(), js_sys::Error> {
        self.session
            .discard_scenario(id)
            .map_err(|e| invalid_error(&e))
    }

    /// The scenarios and the history's state.
    #[wasm_bindgen(unchecked_return_type = "SessionInfo")]
    pub fn session(&self) -> Result<JsValue, js_sys::Error> {
        to_js(&self.session.info())
    }
}
