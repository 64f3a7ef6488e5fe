//! The WebAssembly surface of many voices and many dates: free functions
//! taking the model's JSON text and delegating to [`crate::voices`]. Errors
//! cross as JS `Error`s with the core's messages.

use super::{parse_model as parse, to_js};
use crate::{validate, voices, Model};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** A response that was not merged, and why. */
export interface Refusal { source: string; message: string }
/** What mergeResponses gives: the merged model's JSON and what was refused. */
export interface MergeResult { model: string; refusals: Refusal[]; added: number; unchanged: number }
"#;

#[derive(Serialize)]
struct MergeResult {
    model: String,
    refusals: Vec<voices::Refusal>,
    added: usize,
    unchanged: usize,
}

/// Reads response files (their names and texts, in the same order): those
/// read, and a refusal with its problems for each that cannot be.
fn read_responses(
    names: Vec<String>,
    texts: Vec<String>,
) -> (Vec<(String, Model)>, Vec<voices::Refusal>) {
    let mut unread = Vec::new();
    let mut read = Vec::new();
    for (name, text) in names.into_iter().zip(texts) {
        let opened = crate::opened::model_text(&text);
        match opened.and_then(|t| validate::parse_model(&t)) {
            Ok(m) => read.push((name, m)),
            Err(e) => unread.push(voices::Refusal {
                source: name,
                message: e.to_string(),
            }),
        }
    }
    (read, unread)
}

/// Reads the response files, then merges those read with `merge` into the
/// model in `json`; what cannot be read is refused first.
fn merged_with(
    json: &str,
    names: Vec<String>,
    texts: Vec<String>,
    merge: fn(&Model, &[(String, Model)]) -> voices::Merged,
) -> Result<JsValue, js_sys::Error> {
    let model = parse(json)?;
    let (read, mut refusals) = read_responses(names, texts);
    let merged = merge(&model, &read);
    refusals.extend(merged.refusals);
    to_js(&MergeResult {
        model: merged.model.to_json_pretty(),
        refusals,
        added: merged.added,
        unchanged: merged.unchanged,
    })
}

/// Merges response files (their names and texts, in the same order) into
/// the model. A response that cannot be read is refused with its problems;
/// the rest merge as `wfe merge` merges them.
#[wasm_bindgen(js_name = mergeResponses, unchecked_return_type = "MergeResult")]
pub fn merge_responses(
    json: &str,
    names: Vec<String>,
    texts: Vec<String>,
) -> Result<JsValue, js_sys::Error> {
    merged_with(json, names, texts, voices::merge)
}

/// The classroom's class picture: students' answer files (names and texts)
/// merged into the instructor's worksheet ([`voices::class_picture`]).
#[wasm_bindgen(js_name = classPicture, unchecked_return_type = "MergeResult")]
pub fn class_picture(
    instructor: &str,
    names: Vec<String>,
    texts: Vec<String>,
) -> Result<JsValue, js_sys::Error> {
    merged_with(instructor, names, texts, voices::class_picture)
}

/// The model with its scores kept as the snapshot of `date` (YYYY-MM-DD).
#[wasm_bindgen(js_name = snapshotModel)]
pub fn snapshot_model(json: &str, date: &str) -> Result<String, js_sys::Error> {
    voices::snapshot(&parse(json)?, date)
        .map(|m| m.to_json_pretty())
        .map_err(|e| js_sys::Error::new(&e))
}

/// The progress view: readiness per theme and per player across the
/// model's snapshots, as an SVG image.
#[wasm_bindgen(js_name = progressSvg)]
pub fn progress_svg(json: &str) -> Result<String, js_sys::Error> {
    Ok(voices::progress_svg(&parse(json)?))
}

/// The model as it stood on a snapshot's date, as JSON (for *Compare
/// with…*); throws when there is no snapshot of that date.
#[wasm_bindgen(js_name = modelOnDate)]
pub fn model_on_date(json: &str, date: &str) -> Result<String, js_sys::Error> {
    voices::model_on(&parse(json)?, date)
        .map(|m| m.to_json_pretty())
        .map_err(|e| js_sys::Error::new(&e))
}

/// *Compare with…* two dates (snapshots' dates, or `"now"`): what changed
/// from the first to the second, as a what-if against its baseline; throws
/// when a date is not one of the model's.
#[wasm_bindgen(js_name = compareDates, unchecked_return_type = "Comparison")]
pub fn compare_dates(json: &str, from: &str, to: &str) -> Result<JsValue, js_sys::Error> {
    let cmp = voices::compare_dates(&parse(json)?, from, to).map_err(|e| js_sys::Error::new(&e))?;
    to_js(&cmp)
}

/// The survey page to hand out (`wfe survey`), in the core's current
/// language: for one unit's cells (`unit`), the unit each person chooses
/// (`everyUnit`), or else the whole organization's; throws for an unknown
/// unit.
#[wasm_bindgen(js_name = surveyHtml)]
pub fn survey_html(
    json: &str,
    unit: Option<String>,
    every_unit: bool,
) -> Result<String, js_sys::Error> {
    let scope = voices::SurveyScope::of(unit.as_deref(), every_unit);
    voices::survey_html(&parse(json)?, scope).map_err(|e| js_sys::Error::new(&e))
}
