//! The WebAssembly surface: a thin layer that converts values and delegates to
//! the pure core. Errors cross into JavaScript as `Error`s carrying the core's
//! messages.

use crate::{analysis, render, validate, Model};
use wasm_bindgen::prelude::*;

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, js_sys::Error> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_sys::Error::new(&e.to_string()))
}

fn from_js<T: serde::de::DeserializeOwned>(value: JsValue) -> Result<T, js_sys::Error> {
    serde_wasm_bindgen::from_value(value).map_err(|e| js_sys::Error::new(&e.to_string()))
}

/// One model the page works on.
#[wasm_bindgen]
pub struct Workspace {
    model: Model,
}

#[wasm_bindgen]
impl Workspace {
    /// Parses and validates a model's JSON text.
    #[wasm_bindgen(constructor)]
    pub fn new(json: &str) -> Result<Workspace, js_sys::Error> {
        let model = validate::parse_model(json).map_err(|e| js_sys::Error::new(&e.to_string()))?;
        Ok(Workspace { model })
    }

    /// The shipped sample organization's JSON.
    #[wasm_bindgen(js_name = sampleJson)]
    pub fn sample_json() -> String {
        crate::framework::SAMPLE_JSON.to_string()
    }

    /// The diagram as SVG text.
    pub fn svg(&self, options: JsValue) -> Result<String, js_sys::Error> {
        let opts: render::RenderOptions = if options.is_undefined() {
            Default::default()
        } else {
            from_js(options)?
        };
        Ok(render::render_svg(&self.model, &opts))
    }

    /// Readiness, findings and the systems summary.
    pub fn analyze(&self) -> Result<JsValue, js_sys::Error> {
        to_js(&analysis::analyze(&self.model))
    }
}
