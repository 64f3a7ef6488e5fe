//! The model and its analyses as files: the text syntax, the analysis
//! report, the what-if's comparison and plan, the diagram's stylesheet and
//! the finding kinds' names the exports use.

use super::{to_js, Workspace};
use crate::analysis;
use wasm_bindgen::prelude::*;

#[cfg(feature = "editor")]
#[wasm_bindgen]
impl Workspace {
    /// The model on show in the text syntax's canonical form.
    #[wasm_bindgen(js_name = toText)]
    pub fn to_text(&self) -> String {
        crate::text::to_text(self.session.model())
    }

    /// The diagram's stylesheet (`www/diagram.css` without its comments, as
    /// standalone SVG embeds it), for hosts that adopt it instead of
    /// fetching it.
    #[wasm_bindgen(js_name = diagramCss)]
    pub fn diagram_css() -> String {
        crate::render::STYLESHEET.to_string()
    }

    /// Every finding kind's names, as the report and the exports call them.
    #[wasm_bindgen(js_name = findingKinds, unchecked_return_type = "KindNames[]")]
    pub fn finding_kinds() -> Result<JsValue, js_sys::Error> {
        to_js(&analysis::KindNames::all())
    }

    /// The plan of the what-if on show as a file: `"markdown"` (a roadmap),
    /// `"html"` (the roadmap as a document in `lang`) or `"csv"` (one row per
    /// change). Throws when the what-if on show has no plan.
    #[wasm_bindgen(js_name = planText)]
    pub fn plan_text(
        &self,
        #[wasm_bindgen(unchecked_param_type = "\"markdown\" | \"html\" | \"csv\"")] format: &str,
        lang: Option<String>,
    ) -> Result<String, js_sys::Error> {
        let plan = self
            .session
            .active()
            .and_then(|s| s.plan.as_deref())
            .ok_or_else(|| js_sys::Error::new("the what-if on show was not started from a plan"))?;
        let model = self.session.baseline();
        match format {
            "markdown" => Ok(analysis::plan::plan_markdown(model, plan)),
            "html" => Ok(analysis::plan::plan_html(
                model,
                plan,
                lang.as_deref().unwrap_or("en"),
            )),
            "csv" => Ok(analysis::plan::plan_csv(plan)),
            _ => Err(js_sys::Error::new(
                "unknown plan format: markdown, html or csv",
            )),
        }
    }

    /// The analysis report of the model on show as a file: `"markdown"` or
    /// `"html"` (a document in `lang`); a what-if's is titled with its name.
    #[wasm_bindgen(js_name = reportText)]
    pub fn report_text(
        &self,
        #[wasm_bindgen(unchecked_param_type = "\"markdown\" | \"html\"")] format: &str,
        lang: Option<String>,
    ) -> String {
        let lang = lang.as_deref().unwrap_or("en");
        crate::export::what_if::report(&self.session, format == "html", lang)
    }

    /// The what-if on show compared with the baseline as a file:
    /// `"markdown"` or `"html"` (a document in `lang`). Throws on the
    /// baseline.
    #[wasm_bindgen(js_name = comparisonText)]
    pub fn comparison_text(
        &self,
        #[wasm_bindgen(unchecked_param_type = "\"markdown\" | \"html\"")] format: &str,
        lang: Option<String>,
    ) -> Result<String, js_sys::Error> {
        let lang = lang.as_deref().unwrap_or("en");
        crate::export::what_if::comparison(&self.session, format == "html", lang)
            .ok_or_else(|| js_sys::Error::new("the baseline is on show: no what-if to compare"))
    }
}
