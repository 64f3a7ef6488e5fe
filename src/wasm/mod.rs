//! The WebAssembly surface: a thin layer that converts values and delegates to
//! the pure core. Errors cross into JavaScript as `Error`s carrying the core's
//! messages (and, for invalid models and edits, a `problems` list with each
//! problem's JSON path).
//!
//! The page's working state is a [`Workspace`]: a session and the diagram it
//! last drew. Its methods are grouped by what they are for:
//! - `view`: drawing the model on show and what the page shows beside it;
//! - `dom`: applying a drawing's changes to the page's DOM (web-sys), cell
//!   by cell;
//! - `session`: loading, editing, undoing and what-if scenarios;
//! - `plan`: what-ifs started from a plan;
//! - `documents`: the model and its analyses as files;
//! - `types`: the TypeScript types of the values it takes and returns.
//!
//! Free functions for pages without a workspace: `language` (the core's
//! catalogue of sentences), `teach` (the classroom, exports, CSV) and
//! `voices` (responses, snapshots, progress).
//!
//! Built without the `editor` feature, the module holds only what the
//! embeddable diagram asks for (read a model, choose its layout, draw it):
//! the rest of the API is left out, and with it most of the core (and
//! `dom`, which only the editor's `view` and `draw` use).

#[cfg(feature = "editor")]
use crate::analysis;
use crate::session::Session;
use crate::validate::Invalid;
use serde::Serialize;
use wasm_bindgen::prelude::*;

mod language;
mod types;
mod view;

#[cfg(feature = "editor")]
mod documents;
#[cfg(feature = "editor")]
mod dom;
#[cfg(feature = "editor")]
mod plan;
#[cfg(feature = "editor")]
mod session;
#[cfg(feature = "editor")]
mod teach;
#[cfg(feature = "editor")]
mod voices;

/// `value` as plain JavaScript objects, arrays, strings, numbers and `null`:
/// its JSON text, written by serde_json and read by `JSON.parse`.
///
/// Why not serde-wasm-bindgen's serializer (which reads values in): every
/// output type's `Serialize` would compile a second time for it, beside the
/// serde_json copy the files and exports need (8.2 KB gzip of Wasm, which
/// every page downloads and compiles before its first diagram); and
/// `JSON.parse` builds a large result (a view's cells and findings) in one
/// call instead of one boundary crossing per value.
pub(crate) fn to_js(value: &impl Serialize) -> Result<JsValue, js_sys::Error> {
    let text = serde_json::to_string(value).map_err(|e| js_sys::Error::new(&e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(js_sys::Error::from)
}

/// A JavaScript value as a JSON value (`null` for `undefined`), for the
/// core's readers, which check it field by field and name every problem by
/// its path, as they do for model files.
pub(crate) fn json_of(value: &JsValue) -> Result<serde_json::Value, js_sys::Error> {
    serde_wasm_bindgen::from_value(value.clone()).map_err(|e| js_sys::Error::new(&e.to_string()))
}

/// Reads a model or a saved session. The embeddable diagram's module only
/// shows it, so it reads past the undo history a browser stores beside a
/// document (and leaves out the code that would make its steps again).
fn read_session(text: &str) -> Result<Session, crate::validate::Invalid> {
    #[cfg(feature = "editor")]
    return Session::from_text(text);
    #[cfg(not(feature = "editor"))]
    return Session::shown_from_text(text);
}

/// An `Error` whose message lists the problems (the first hundred, then a
/// count of the rest), with the list itself as `problems` and that count as
/// `more`.
pub(crate) fn invalid_error(inv: &Invalid) -> js_sys::Error {
    let err = js_sys::Error::new(&inv.to_string());
    if let Ok(list) = to_js(&inv.problems) {
        let _ = js_sys::Reflect::set(&err, &JsValue::from_str("problems"), &list);
    }
    set_more(&err, inv.more);
    err
}

/// Reads a model's JSON for the free functions (classroom, exports, voices),
/// throwing every problem as the workspace does.
#[cfg(feature = "editor")]
pub(crate) fn parse_model(json: &str) -> Result<crate::Model, js_sys::Error> {
    crate::validate::parse_model(json).map_err(|e| invalid_error(&e))
}

/// The text of a file's bytes by the core's decoding rules, without its
/// byte order mark ([`crate::encoding::decode_unmarked`]): UTF-8, or UTF-16
/// with its mark. Throws, with the place in `problems`, for anything else
/// (Latin-1, damaged text, two marks), where the browser's own decoding
/// would replace what it cannot read.
#[cfg(feature = "editor")]
#[wasm_bindgen(js_name = bytesToText)]
pub fn bytes_to_text(bytes: &[u8]) -> Result<String, js_sys::Error> {
    crate::encoding::decode_unmarked(bytes).map_err(|e| invalid_error(&e))
}

/// Refuses `options.unit` when `model` has no such unit.
fn known_unit(model: &crate::model::Model, unit: Option<&str>) -> Result<(), js_sys::Error> {
    match unit.and_then(|u| crate::render::unknown_unit(model, u)) {
        Some(message) => {
            let problem = crate::Problem::new("options.unit".to_string(), message);
            Err(invalid_error(&Invalid::new(vec![problem])))
        }
        None => Ok(()),
    }
}

/// Sets `error.more`: how many problems the error's list leaves out.
pub(crate) fn set_more(err: &js_sys::Error, more: usize) {
    let _ = js_sys::Reflect::set(
        err,
        &JsValue::from_str("more"),
        &JsValue::from_f64(more as f64),
    );
}

/// The page's working state: a session (baseline, scenarios, history) and the
/// diagram it last drew.
#[wasm_bindgen]
pub struct Workspace {
    session: Session,
    /// The diagram as last put into the DOM (by `view` and `draw`).
    #[cfg(feature = "editor")]
    drawn: Option<dom::Drawn>,
    /// The baseline's analysis, which a what-if on show is compared with.
    #[cfg(feature = "editor")]
    baseline_analysis: analysis::Kept,
}

#[wasm_bindgen]
impl Workspace {
    /// Reads a model's JSON, or a saved session's; throws every problem.
    #[wasm_bindgen(constructor)]
    pub fn new(text: &str) -> Result<Workspace, js_sys::Error> {
        let session = read_session(text).map_err(|e| invalid_error(&e))?;
        Ok(Workspace {
            session,
            #[cfg(feature = "editor")]
            drawn: None,
            #[cfg(feature = "editor")]
            baseline_analysis: analysis::Kept::default(),
        })
    }

    /// Reads a model written in the text syntax (docs/text-syntax.md);
    /// throws every problem, each with its line and column. (The
    /// constructor also takes the text syntax, told by its first statement;
    /// this takes any text as the syntax, an empty one too.)
    #[wasm_bindgen(js_name = fromText)]
    pub fn from_text(text: &str) -> Result<Workspace, js_sys::Error> {
        let model = crate::text::parse_text(text).map_err(|e| invalid_error(&e))?;
        Ok(Workspace {
            session: Session::new(model),
            #[cfg(feature = "editor")]
            drawn: None,
            #[cfg(feature = "editor")]
            baseline_analysis: analysis::Kept::default(),
        })
    }
}

#[wasm_bindgen]
impl Workspace {
    /// The problems of a model's (or saved session's) JSON, the first hundred
    /// of them; empty when valid.
    #[wasm_bindgen(unchecked_return_type = "Problem[]")]
    pub fn problems(text: &str) -> Result<JsValue, js_sys::Error> {
        match read_session(text) {
            Ok(_) => to_js(&Vec::<crate::Problem>::new()),
            Err(e) => to_js(&e.problems),
        }
    }

    /// The model on show as an object.
    #[wasm_bindgen(unchecked_return_type = "Model")]
    pub fn model(&self) -> Result<JsValue, js_sys::Error> {
        to_js(self.session.model())
    }
}
