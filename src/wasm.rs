//! The WebAssembly surface: a thin layer that converts values and delegates to
//! the pure core. Errors cross into JavaScript as `Error`s carrying the core's
//! messages (and, for invalid models and edits, a `problems` list with each
//! problem's JSON path).
//!
//! It also applies diagram updates to the page's DOM (web-sys): after an edit
//! only the cells whose class, accessible name or value text changed are
//! touched, found by their `data-theme`/`data-player` ids, so focus survives
//! and large models stay within a frame. The whole SVG is drawn again only
//! when what it is drawn from besides the cells changes (framework, scale,
//! name, overlay, unit).
//!
//! Built without the `editor` feature, the module holds only what the
//! embeddable diagram asks for (read a model, choose its layout, draw it):
//! the rest of the API is left out, and with it most of the core. The
//! helpers below that only the editor's methods use are then unused.
#![cfg_attr(not(feature = "editor"), allow(dead_code))]

use crate::analysis;
use crate::model::{Framework, Scale};
use crate::render::{self, CellState, RenderOptions};
use crate::session::Session;
use crate::validate::Invalid;
use crate::view::{self, FindingScope, ViewOptions};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** One problem of an invalid model or edit. */
export interface Problem { path: string; message: string; line?: number; column?: number }
/** The Error thrown for an invalid model or edit: the first 100 problems, and how many more there are. */
export interface InvalidError extends Error { problems: Problem[]; more: number }
export type Overlay = "none" | "current" | "target" | "gap" | "agreement";
export interface CellRef { theme: string; player: string }
export interface ViewOptions {
  overlay?: Overlay; unit?: string | null; contributor?: string | null;
  kind?: "internal" | "external" | null; finding?: string | null;
  selected?: CellRef | null; showChanges?: boolean;
  /** list only the chosen finding in analysis.findings (findingCount stays): for when the list is not on show */
  skipFindings?: boolean;
  /** list the first N findings of each kind, worst first (findingCounts stay whole) */
  findingsPerKind?: number | null;
  /** kinds listed whole despite findingsPerKind */
  findingsOpen?: FindingKind[];
  /** the comparison's lists listed whole despite findingsPerKind, which lists the first N of each too */
  comparedOpen?: ("resolved" | "introduced")[];
  /** legend and long names beside the drawing (wide), in its square (square) or below it (narrow, for phones) */
  layout?: LayoutKind;
}
export type LayoutKind = "wide" | "square" | "narrow";
/** One layout's drawing: its view box's size and the least scale (CSS px per unit) at which its text reads at 12 px. */
export interface FitSize { width: number; height: number; minScale: number }
/** What the choice of layout hangs on (Workspace.fit). */
export interface Fit { wide: FitSize; square: FitSize; narrow: FitSize }
/** A title block above the drawing: `true`, or what it says besides the model's name, overlay and unit. */
export type Caption = boolean | { scenario?: string | null; date?: string | null };
export interface RenderOptions {
  overlay?: Overlay; unit?: string | null; standalone?: boolean;
  layout?: LayoutKind; caption?: Caption | null;
  /** false: no legend (the page says what the colours mean) */
  legend?: boolean | null;
}
export interface Assessment {
  theme: string; player: string; unit?: string; current: number;
  target?: number; weight?: number; note?: string;
}
export interface Responsibility {
  contributor: string; theme: string; player: string;
  activity?: string; control?: "strict" | "moderate" | "light";
}
export interface Contributor { id: string; label: string; kind: "internal" | "external"; headcount?: number }
export interface System { id: string; label: string; owner: string; contributors?: string[] }
export interface Integration { from: string; to: string }
export interface Item { id: string; label: string }
/** One edit; the operation is the only key. An empty `id` in an addition asks the core to make one from the label. */
export type Edit =
  | { setName: string }
  | { setAssessment: Assessment }
  | { removeAssessment: { theme: string; player: string; unit?: string | null } }
  | { addUnit: Item }
  | { renameUnit: Item }
  | { removeUnit: string }
  | { addContributor: Contributor }
  | { updateContributor: Contributor }
  | { removeContributor: string }
  | { addResponsibility: Responsibility }
  | { updateResponsibility: [number, Responsibility] }
  | { removeResponsibility: number }
  | { addSystem: System }
  | { updateSystem: System }
  | { removeSystem: string }
  | { addIntegration: Integration }
  | { removeIntegration: Integration };
export type FindingKind = "maturity-gap" | "uncovered" | "redundant" | "conflict" | "untracked" | "fragmented" | "silo";
export interface Finding {
  id: string; kind: FindingKind; severity: number; explanation: string;
  cells: { theme: string; player: string; unit?: string }[];
  players: string[]; themes: string[]; contributors: string[]; systems: string[]; units: string[];
}
export interface Readiness {
  overall: number | null;
  themes: Record<string, number | null>; players: Record<string, number | null>; units: Record<string, number | null>;
}
/** How the systems connect: groups of systems joined by integrations, and the systems tracking each contributor. */
export interface SystemsSummary { components: number; groups: string[][]; tracking: Record<string, string[]> }
/** One cell's agreement among the merged responses: how many scored it, their mean scores, the spread (highest − lowest) and who gave each end. */
export interface CellAgreement {
  theme: string; player: string; unit?: string; count: number; current: number; target: number | null;
  spread: number; targetSpread: number | null; lowest: number; highest: number; low: string[]; high: string[];
}
/** A cell whose respondents are at least two scale steps apart (severity: the spread). */
export interface Disagreement extends CellAgreement { id: string; kind: "disagreement"; severity: number; explanation: string }
/** disagreements: absent when the model holds no merged responses that disagree */
export interface Analysis { readiness: Readiness; findings: Finding[]; systems: SystemsSummary; disagreements?: Disagreement[] }
export interface Delta { before: number | null; after: number | null; delta: number | null }
export interface Comparison {
  changedCells: { theme: string; player: string; unit: string | null;
    before: { current: number; target: number | null } | null; after: { current: number; target: number | null } | null }[];
  readiness: { overall: Delta; themes: Record<string, Delta>; players: Record<string, Delta>; units: Record<string, Delta> };
  resolved: Finding[]; introduced: Finding[]; unchanged: number;
  /** everything the scenario changed, by kind, only the kinds it changed */
  changes: { kind: "scores" | "owners" | "contributors" | "systems" | "links" | "units" | "name" | "framework" | "scale"; count: number }[];
}
/** A finding kind's names: its group's title, one finding's name, what it means. */
export interface KindNames { kind: FindingKind; title: string; name: string; meaning: string }
export interface Scale { min: number; max: number; labels?: string[] }
export interface Model {
  schema: string; name: string; framework: { players: Item[]; themes: Item[] }; scale: Scale;
  units: Item[]; assessments: Assessment[]; contributors: Contributor[];
  responsibilities: Responsibility[]; systems: System[]; integrations: Integration[];
  /** who answered, when the model is one person's response to a survey */
  respondent?: Respondent;
  /** the responses merged into the model (absent when none) */
  responses?: MergedResponse[];
  /** dated snapshots of the scores, oldest first (absent when none) */
  history?: Snapshot[];
}
/** The model without its scores (Workspace.outline): their counts instead of the assessments, merged responses and snapshots. */
export interface ModelOutline extends Omit<Model, "assessments" | "responses" | "history"> {
  assessmentCount: number; responseCount: number; snapshotCount: number;
}
/** Who answered a survey: an anonymous code, a role, a date (YYYY-MM-DD). */
export interface Respondent { code?: string; role?: string; date?: string }
/** One cell's scores as one person gave them, or as they stood on a date. */
export interface Score { theme: string; player: string; unit?: string; current: number; target?: number }
/** One respondent's scores, as merged into a model (respondent: a name or an anonymous code). */
export interface MergedResponse { respondent: string; role?: string; date?: string; scores: Score[] }
/** The model's scores on a date (YYYY-MM-DD). */
export interface Snapshot { date: string; scores: Score[] }
export interface CellDetail {
  theme: Item; player: Item; scale: Scale;
  /** the whole organization (unit null) first, then each unit */
  rows: { unit: Item | null; assessment: Assessment | null }[];
  responsibilities: (Responsibility & { index: number; contributorLabel: string })[];
}
export interface CellInfo {
  theme: string; player: string; themeLabel: string; playerLabel: string;
  assessed: number; current: number | null; target: number | null; gap: number | null;
  notes: string[]; currentLabel: string | null; targetLabel: string | null;
  changed: boolean; highlighted: boolean | null;
}
/** planned: the what-if was started from a plan (Workspace.scenarioPlan gives it) */
export interface ScenarioInfo { id: number; name: string; planned: boolean }
/** What a plan resolves and within which budget; every field optional (default: every finding, no budget). */
export interface PlanOptions {
  kinds?: FindingKind[]; minSeverity?: number | null; maxChanges?: number | null;
  /** a readiness target, 0 to 1 */
  readiness?: number | null; unit?: string | null;
}
export type PlanKind = "owners" | "leads" | "controls" | "tracking" | "integrations" | "scores";
export interface PlanMove { before: number | null; after: number | null }
export interface PlanStep {
  kind: PlanKind; theme?: string; title: string;
  /** the edits, applied in order; texts: one sentence per edit */
  changes: Edit[]; texts: string[];
  /** the ids of the findings gone after this step; explanations: their sentences */
  resolves: string[]; explanations: string[];
  readiness: PlanMove;
}
export interface Plan {
  unit?: string; readiness: PlanMove; target?: number; reached?: boolean;
  changeCount: number; steps: PlanStep[];
  /** the chosen findings the plan leaves (budget, or beyond the changes a plan makes) */
  left: string[];
}
export interface SessionInfo {
  active: ScenarioInfo | null; scenarios: ScenarioInfo[];
  canUndo: boolean; canRedo: boolean;
}
export interface ViewResult {
  /** true when the whole SVG was drawn again, false when cells were updated in place */
  full: boolean;
  /** how many cells were touched */
  changed: number;
  /** moves whenever the model on show changes */
  revision: number;
  /** moves only when more than its scores changes (labels, lists, another model on show) */
  structure: number;
  /** how many findings there are, listed in analysis.findings unless skipFindings */
  findingCount: number;
  /** how many findings there are of each kind (findingsPerKind lists fewer) */
  findingCounts: Partial<Record<FindingKind, number>>;
  /** whether options.finding names a finding of the model on show */
  findingChosen: boolean;
  /** without findings, why: nothing to analyse yet, nothing scored yet, or all clear */
  findingsNote: "empty" | "unassessed" | "clear" | null;
  analysis: Analysis;
  /** the comparison with the baseline while a scenario is on show (its lists cut as findings are: skipFindings, findingsPerKind) */
  comparison: Comparison | null;
  /** how many findings the what-if on show resolves and introduces, however many comparison lists */
  comparedCounts: { resolved: number; introduced: number } | null;
  cells: CellInfo[];
  session: SessionInfo;
}
"#;

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

/// An `Error` whose message lists the problems (the first hundred, then a
/// count of the rest), with the list itself as `problems` and that count as
/// `more`.
/// Reads a model or a saved session. The embeddable diagram's module only
/// shows it, so it reads past the undo history a browser stores beside a
/// document (and leaves out the code that would make its steps again).
fn read_session(text: &str) -> Result<Session, crate::validate::Invalid> {
    #[cfg(feature = "editor")]
    return Session::from_text(text);
    #[cfg(not(feature = "editor"))]
    return Session::shown_from_text(text);
}

pub(crate) fn invalid_error(inv: &Invalid) -> js_sys::Error {
    let err = js_sys::Error::new(&inv.to_string());
    if let Ok(list) = to_js(&inv.problems) {
        let _ = js_sys::Reflect::set(&err, &JsValue::from_str("problems"), &list);
    }
    set_more(&err, inv.more);
    err
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
    match unit.and_then(|u| render::unknown_unit(model, u)) {
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

/// What one cell shows, as the DOM holds it.
#[derive(Debug, Clone, PartialEq)]
struct Shown {
    class: String,
    label: String,
    value: String,
}

impl Shown {
    fn of(state: &CellState) -> Shown {
        Shown {
            class: state.class.clone(),
            label: state.label.clone(),
            value: state.value.clone(),
        }
    }
}

struct DrawnCell {
    theme: String,
    player: String,
    shown: Shown,
    el: Element,
    value_el: Option<Element>,
}

/// The diagram as last put into the DOM.
struct Drawn {
    container: Element,
    key: StructureKey,
    cells: Vec<DrawnCell>,
    /// Drawn by `draw` and not yet reported by a `view` as drawn whole, so
    /// that the page readies it for interaction then.
    unreported: bool,
}

/// What the SVG is drawn from besides the cell states: name, framework,
/// scale and options.
type StructureKey = (String, Framework, Scale, RenderOptions, u32);

#[derive(Serialize)]
struct ScenarioInfo {
    id: u32,
    name: String,
    planned: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SessionInfo {
    active: Option<ScenarioInfo>,
    scenarios: Vec<ScenarioInfo>,
    can_undo: bool,
    can_redo: bool,
}

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

#[derive(Serialize)]
struct ComparedCounts {
    resolved: usize,
    introduced: usize,
}

/// The page's working state: a session (baseline, scenarios, history) and the
/// diagram it last drew.
#[wasm_bindgen]
pub struct Workspace {
    session: Session,
    drawn: Option<Drawn>,
    /// The baseline's analysis, which a what-if on show is compared with.
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
            drawn: None,
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
            drawn: None,
            baseline_analysis: analysis::Kept::default(),
        })
    }
}

#[cfg(feature = "editor")]
#[wasm_bindgen]
impl Workspace {
    /// The model on show in the text syntax's canonical form.
    #[wasm_bindgen(js_name = toText)]
    pub fn to_text(&self) -> String {
        crate::text::to_text(self.session.model())
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
}

// (the custom element bundles www/diagram.css itself, to style a picture
// before its core has started: only the classroom page asks the core)
#[cfg(feature = "editor")]
#[wasm_bindgen]
impl Workspace {
    /// The diagram's stylesheet (`www/diagram.css` without its comments, as
    /// standalone SVG embeds it), for hosts that adopt it instead of
    /// fetching it.
    #[wasm_bindgen(js_name = diagramCss)]
    pub fn diagram_css() -> String {
        crate::render::STYLESHEET.to_string()
    }
}

#[cfg(feature = "editor")]
#[wasm_bindgen]
impl Workspace {
    /// Every finding kind's names, as the report and the exports call them.
    #[wasm_bindgen(js_name = findingKinds, unchecked_return_type = "KindNames[]")]
    pub fn finding_kinds() -> Result<JsValue, js_sys::Error> {
        to_js(&analysis::KindNames::all())
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
}

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
}

#[wasm_bindgen]
impl Workspace {
    /// The model on show as an object.
    #[wasm_bindgen(unchecked_return_type = "Model")]
    pub fn model(&self) -> Result<JsValue, js_sys::Error> {
        to_js(self.session.model())
    }
}

#[cfg(feature = "editor")]
#[wasm_bindgen]
impl Workspace {
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

    /// The scenarios and the history's state.
    #[wasm_bindgen(unchecked_return_type = "SessionInfo")]
    pub fn session(&self) -> Result<JsValue, js_sys::Error> {
        to_js(&self.session_info())
    }
}

impl Workspace {
    fn session_info(&self) -> SessionInfo {
        let info = |s: &crate::session::Scenario| ScenarioInfo {
            id: s.id,
            name: s.name.clone(),
            planned: s.plan.is_some(),
        };
        SessionInfo {
            active: self.session.active().map(info),
            scenarios: self.session.scenarios().iter().map(info).collect(),
            can_undo: self.session.can_undo(),
            can_redo: self.session.can_redo(),
        }
    }

    /// The cells as the view shows them: scores, overlay and the page's
    /// highlight marks (of the findings in `scopes`, if any).
    fn cell_states(
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

    fn structure_key(&self, opts: &RenderOptions) -> StructureKey {
        let m = self.session.model();
        (
            m.name.clone(),
            m.framework.clone(),
            m.scale.clone(),
            opts.clone(),
            crate::language::generation(),
        )
    }

    /// Redraws or updates in place; returns (redrawn, cells touched).
    fn draw_cells(
        &mut self,
        container: &Element,
        opts: &RenderOptions,
        states: &[CellState],
    ) -> Result<(bool, usize), js_sys::Error> {
        let key = self.structure_key(opts);
        let reusable = self.drawn.as_ref().is_some_and(|d| {
            d.key == key && d.container == *container && d.cells.len() == states.len()
        });
        let mut full = false;
        if !reusable {
            container.set_inner_html(&render::render_svg(self.session.model(), opts));
            self.drawn = Some(Drawn {
                container: container.clone(),
                key,
                cells: index_cells(container)?,
                unreported: false,
            });
            full = true;
        }
        let Some(drawn) = self.drawn.as_mut() else {
            return Ok((full, 0));
        };
        let mut touched = 0;
        for state in states {
            let Some(cell) = drawn
                .cells
                .iter_mut()
                .find(|c| c.theme == state.theme && c.player == state.player)
            else {
                continue;
            };
            let want = Shown::of(state);
            if cell.shown == want {
                continue;
            }
            touched += 1;
            // (the DOM's own exception, should it throw, goes to the caller as is)
            if cell.shown.class != want.class {
                cell.el.set_attribute("class", &want.class)?;
            }
            if cell.shown.label != want.label {
                cell.el.set_attribute("aria-label", &want.label)?;
            }
            if cell.shown.value != want.value {
                if let Some(v) = &cell.value_el {
                    // a lone text node changes in place: the browser then lays
                    // out that text again, not a node removed and one added
                    let only = v.first_child().filter(|t| t.next_sibling().is_none());
                    match only.and_then(|t| t.dyn_into::<web_sys::CharacterData>().ok()) {
                        Some(text) => text.set_data(&want.value),
                        None => v.set_text_content(Some(&want.value)),
                    }
                }
            }
            cell.shown = want;
        }
        Ok((full, touched))
    }
}

/// Finds every cell (and its value text) of a freshly drawn diagram, with
/// what it shows as drawn.
fn index_cells(container: &Element) -> Result<Vec<DrawnCell>, js_sys::Error> {
    let select = |sel: &str| {
        container
            .query_selector_all(sel)
            .map_err(js_sys::Error::from)
    };
    let ids = |el: &Element| {
        Some((
            el.get_attribute("data-theme")?,
            el.get_attribute("data-player")?,
        ))
    };
    let mut values: Vec<(String, String, Element)> = Vec::new();
    let value_nodes = select(".cell-value")?;
    for i in 0..value_nodes.length() {
        if let Some(el) = value_nodes
            .item(i)
            .and_then(|n| n.dyn_into::<Element>().ok())
        {
            if let Some((t, p)) = ids(&el) {
                values.push((t, p, el));
            }
        }
    }
    let nodes = select(".cell")?;
    let mut cells = Vec::with_capacity(nodes.length() as usize);
    for i in 0..nodes.length() {
        let Some(el) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let Some((theme, player)) = ids(&el) else {
            continue;
        };
        // the value text sits inside the cell or beside it with the same ids
        let value_el = el.query_selector(".cell-value").ok().flatten().or_else(|| {
            values
                .iter()
                .find(|(t, p, _)| *t == theme && *p == player)
                .map(|(_, _, e)| e.clone())
        });
        let shown = Shown {
            class: el.get_attribute("class").unwrap_or_default(),
            label: el.get_attribute("aria-label").unwrap_or_default(),
            value: value_el
                .as_ref()
                .and_then(|v| v.text_content())
                .unwrap_or_default(),
        };
        cells.push(DrawnCell {
            theme,
            player,
            shown,
            el,
            value_el,
        });
    }
    Ok(cells)
}
