//! What-ifs started from a plan of the baseline: made here or in a worker
//! (`makePlan`), then started as a scenario that keeps its plan.

use super::{invalid_error, json_of, known_unit, to_js, Workspace};
use crate::analysis;
use wasm_bindgen::prelude::*;

#[cfg(feature = "editor")]
#[wasm_bindgen]
impl Workspace {
    /// Starts a what-if from the plan of the baseline under `options`: the
    /// plan's changes made, the plan kept with it (and in the saved
    /// session). Returns the plan. Throws, changing nothing, for bad
    /// options, a name in use or too many what-ifs.
    #[wasm_bindgen(js_name = startPlan, unchecked_return_type = "Plan")]
    pub fn start_plan(
        &mut self,
        name: &str,
        #[wasm_bindgen(unchecked_param_type = "PlanOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, js_sys::Error> {
        let plan = self.plan_of(&options)?;
        let out = to_js(&plan)?;
        self.start_with(name, plan)?;
        Ok(out)
    }

    /// The plan of the baseline under `options`, as `startPlan` makes it,
    /// without starting it: a page makes it in a worker, off its main thread
    /// (a plan of 10,000 assessments takes the core most of a second), from
    /// `new Workspace(savedJson())` there, then starts it here with
    /// `startPlanned`. Throws for bad options.
    #[wasm_bindgen(js_name = makePlan, unchecked_return_type = "Plan")]
    pub fn make_plan(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PlanOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, js_sys::Error> {
        to_js(&self.plan_of(&options)?)
    }

    /// Starts a what-if from `plan`, made by `makePlan` of this baseline, as
    /// `startPlan` does (without handing the plan back: the caller has it).
    /// Throws, changing nothing, for a plan that cannot be read, a change
    /// that no longer applies (the baseline changed since), a name in use or
    /// too many what-ifs.
    #[wasm_bindgen(js_name = startPlanned)]
    pub fn start_planned(
        &mut self,
        name: &str,
        #[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue,
    ) -> Result<(), js_sys::Error> {
        // A plan is large (about 1.8 MB of JSON at 4,800 assessments): read
        // as one JSON text rather than walked property by property across
        // the boundary, as json_of does for options.
        let text = js_sys::JSON::stringify(&plan)
            .ok()
            .and_then(|t| t.as_string())
            .ok_or_else(|| js_sys::Error::new("the plan could not be read"))?;
        let value = serde_json::from_str(&text)
            .map_err(|_| js_sys::Error::new("the plan could not be read"))?;
        let plan = analysis::plan::read_stored(value)
            .ok_or_else(|| js_sys::Error::new("the plan could not be read"))?;
        self.start_with(name, plan)
    }

    /// The plan the what-if on show was started from; `null` otherwise.
    #[wasm_bindgen(js_name = scenarioPlan, unchecked_return_type = "Plan | null")]
    pub fn scenario_plan(&self) -> Result<JsValue, js_sys::Error> {
        match self.session.active().and_then(|s| s.plan.as_deref()) {
            Some(p) => to_js(p),
            None => Ok(JsValue::NULL),
        }
    }
}

#[cfg(feature = "editor")]
impl Workspace {
    fn plan_of(&self, options: &JsValue) -> Result<analysis::plan::Plan, js_sys::Error> {
        let opts =
            analysis::PlanOptions::from_json(json_of(options)?).map_err(|e| invalid_error(&e))?;
        let baseline = self.session.baseline();
        known_unit(baseline, opts.unit.as_deref())?;
        Ok(analysis::plan(baseline, &opts))
    }

    fn start_with(&mut self, name: &str, plan: analysis::plan::Plan) -> Result<(), js_sys::Error> {
        self.session
            .start_plan(name, plan)
            .map(|_| ())
            .map_err(|e| invalid_error(&e))
    }
}
