//! The WebAssembly surface of [`crate::language`]: the page hands the core
//! the catalogue of its sentences in the reader's language.

use wasm_bindgen::prelude::*;

/// Makes the core write its sentences (findings, legend, the standard
/// framework's names) and numbers in the language of `catalogue`, a JSON
/// object of templates (`i18n/core-<lang>.json`); without one, in English.
/// Diagrams drawn in another language are drawn again on the next view.
#[wasm_bindgen(js_name = setLanguage)]
pub fn set_language(catalogue: Option<String>) -> Result<(), js_sys::Error> {
    let language = match catalogue {
        Some(text) => {
            Some(crate::language::Language::from_json(&text).map_err(|e| js_sys::Error::new(&e))?)
        }
        None => None,
    };
    crate::language::set(language);
    Ok(())
}
