//! The WebAssembly surface of teaching and exports: free functions taking the
//! model's JSON text, delegating to [`crate::teaching`], [`crate::export`] and
//! [`crate::csv`]. Errors cross as JS `Error`s with the core's messages; CSV
//! errors also carry a `problems` array of `{row, column, message}`.

use super::{parse_model as parse, to_js};
use crate::{analysis, csv, export, opened, teaching, validate, Model};
use wasm_bindgen::prelude::*;

fn to_json(model: &Model) -> Result<String, js_sys::Error> {
    serde_json::to_string(model).map_err(|e| js_sys::Error::new(&e.to_string()))
}

/// `text` (a model's name) isolated from the sentence the page puts it in
/// (U+2068…U+2069), when it could reorder it: right-to-left letters or
/// bidi controls ([`crate::bidi::isolate`], the core's own rule).
#[wasm_bindgen]
pub fn isolate(text: &str) -> String {
    crate::bidi::isolate(text).into_owned()
}

/// The tour of the model's framework: `[{id, kind, themes, players, standard}]`.
#[wasm_bindgen(js_name = tourSteps)]
pub fn tour_steps(json: &str) -> Result<JsValue, js_sys::Error> {
    let model = parse(json)?;
    to_js(&teaching::tour_steps(&model.framework))
}

/// The students' worksheet: the model's framework, scale and units, nothing
/// scored. Returns the model's JSON text.
#[wasm_bindgen(js_name = blankModel)]
pub fn blank_model(json: &str) -> Result<String, js_sys::Error> {
    to_json(&teaching::blank_model(&parse(json)?))
}

/// The self-contained HTML document, in the core's language (`setLanguage`).
/// `options`: `{overlay, unit, layout, lang, texts, caption}`, all optional;
/// `texts` overrides the document's words by key (the page passes none);
/// `caption` as in `svg`'s options, on unless `false`.
#[wasm_bindgen(js_name = exportHtml)]
pub fn export_html(json: &str, options: JsValue) -> Result<String, js_sys::Error> {
    let model = parse(json)?;
    let opts = export::ExportOptions::from_json(crate::wasm::json_of(&options)?)
        .map_err(|e| js_sys::Error::new(&e.to_string()))?;
    Ok(export::export_html(&model, &opts))
}

/// The analysis report as an HTML document, in the core's language (the
/// page's; `lang` is the document's tag).
#[wasm_bindgen(js_name = reportHtml)]
pub fn report_html(json: &str, lang: Option<String>) -> Result<String, js_sys::Error> {
    Ok(export::report_html(
        &parse(json)?,
        lang.as_deref().unwrap_or("en"),
    ))
}

/// The analysis report as Markdown, in the core's language.
#[wasm_bindgen(js_name = reportMarkdown)]
pub fn report_markdown(json: &str) -> Result<String, js_sys::Error> {
    Ok(export::report_markdown(&parse(json)?))
}

/// The model's assessments as CSV text.
#[wasm_bindgen(js_name = csvExport)]
pub fn csv_export(json: &str) -> Result<String, js_sys::Error> {
    Ok(csv::export_csv(&parse(json)?))
}

/// The model with its assessments replaced by the CSV's; returns the new
/// model's JSON text. `csv` is the file's text, or its bytes (a `Uint8Array`,
/// so that a file that is not UTF-8 is refused rather than imported with
/// garbled accents). On failure the `Error` lists the problems, one a line
/// (the first hundred, then a count of the rest); its `problems` property
/// holds them as `{row, column, message}`, and `more` the count.
#[wasm_bindgen(js_name = csvImport)]
pub fn csv_import(
    json: &str,
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] csv: JsValue,
) -> Result<String, js_sys::Error> {
    let model = parse(json)?;
    let result = match csv.as_string() {
        Some(text) => csv::import_csv(&model, &text),
        None if csv.is_instance_of::<js_sys::Uint8Array>() => {
            let array = js_sys::Uint8Array::new(&csv);
            let mut bytes = vec![0; array.length() as usize];
            copy_bytes(&mut bytes, &array);
            csv::import_csv_bytes(&model, &bytes)
        }
        None => {
            return Err(js_sys::Error::new(
                "csvImport: the CSV must be a string or a Uint8Array",
            ))
        }
    };
    csv_result(result)
}

/// The model's (or saved session's) JSON text in a file the user opens
/// ([`crate::opened`]): a model's JSON as it is, the model an exported HTML
/// page carries, or — for a CSV of assessments — `current` (the model on
/// show) with its assessments replaced by the file's. `bytes` are decoded by
/// the core's rules ([`crate::encoding::decode_unmarked`]). Throws with the
/// problems in `problems` (and `more`), as [`csv_import`] and `bytesToText` do.
#[wasm_bindgen(js_name = openedText)]
pub fn opened_text(name: &str, bytes: &[u8], current: &str) -> Result<String, js_sys::Error> {
    let invalid = |e: validate::Invalid| super::invalid_error(&e);
    let text = crate::encoding::decode_unmarked(bytes).map_err(invalid)?;
    opened::refuse_markdown(name).map_err(invalid)?;
    match opened::kind_of(name, &text) {
        opened::FileKind::Csv => csv_result(csv::import_csv(&parse(current)?, &text)),
        opened::FileKind::Text => to_json(&crate::text::parse_text(&text).map_err(invalid)?),
        _ => Ok(opened::model_text(&text).map_err(invalid)?.into_owned()),
    }
}

#[wasm_bindgen]
extern "C" {
    /// `Uint8Array.prototype.set.call(bytes, array)`: copies `array` into
    /// `bytes`, which has its length. `Uint8Array::to_vec` does the same
    /// behind an `assert_eq!` whose message formatting costs the Wasm more
    /// than this binding.
    #[wasm_bindgen(js_namespace = Uint8Array, js_name = "prototype.set.call")]
    fn copy_bytes(bytes: &mut [u8], array: &js_sys::Uint8Array);
}

fn csv_result(result: Result<Model, csv::CsvInvalid>) -> Result<String, js_sys::Error> {
    match result {
        Ok(m) => to_json(&m),
        Err(invalid) => {
            let err = js_sys::Error::new(&invalid.to_string());
            if let Ok(problems) = to_js(&invalid.problems) {
                // Reflect::set only fails on frozen objects; a fresh Error is not.
                let _ = js_sys::Reflect::set(&err, &JsValue::from_str("problems"), &problems);
            }
            crate::wasm::set_more(&err, invalid.more);
            Err(err)
        }
    }
}

#[wasm_bindgen(typescript_custom_section)]
const TS_ANSWER: &'static str = r#"
/** A student's answer against the instructor's ([`compareModels`]). */
export interface AnswerComparison {
  answered: { theme: string; player: string; unit: string | null; verdict: "matches" | "differs" | "extra";
    instructor: { current: number; target: number | null } | null; student: { current: number; target: number | null } }[];
  units: { unit: string | null; answered: boolean; matching: number; differing: number; extra: number; blank: number }[];
  matching: number; differing: number; extra: number; blank: number;
  readiness: Delta;
  /** The student answered for the whole organization, the instructor by unit: compared with the mean over units. */
  averaged: boolean;
}
"#;

/// How a student's answer (`scenario`) compares with the instructor's
/// (`baseline`): [`analysis::compare_answer`]. Errors name which model is
/// invalid; a student's file of another framework is refused
/// ([`teaching::comparable`]).
#[wasm_bindgen(js_name = compareModels, unchecked_return_type = "AnswerComparison")]
pub fn compare_models(baseline: &str, scenario: &str) -> Result<JsValue, js_sys::Error> {
    let base = validate::parse_model(baseline)
        .map_err(|e| js_sys::Error::new(&format!("baseline: {e}")))?;
    let scen = validate::parse_model(scenario)
        .map_err(|e| js_sys::Error::new(&format!("scenario: {e}")))?;
    teaching::comparable(&base, &scen).map_err(|m| js_sys::Error::new(&m))?;
    to_js(&analysis::compare_answer(&base, &scen))
}
