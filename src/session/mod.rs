//! What the page edits: a baseline model, any number of named what-if
//! scenarios started from it, which of them is shown, and one undo/redo
//! history over all of it.
//!
//! Edits go to the model on show (the baseline or the active scenario). Each
//! edit is recorded as a [`diff::ModelDiff`] of that model, so undoing a score
//! change in a large model costs the size of the change, not of the model.
//! Scenario operations (start, keep, discard, rename) and loading a whole new
//! model are rarer and are recorded as snapshots of the whole session.
//! Undoing or redoing brings the affected model back on show, so the user sees
//! what changed.

pub mod diff;
mod history;
mod info;
mod label;
mod saved;

pub use info::{ScenarioInfo, SessionInfo};
pub use saved::{SavedScenario, SavedSession, SESSION_SCHEMA};

use crate::analysis::plan::{self, Plan};
use crate::edit::{self, Edit};
use crate::model::{Assessment, Model};
use crate::validate::{Invalid, Problem};
use diff::ModelDiff;

/// How many steps the history keeps; older ones are forgotten.
pub const HISTORY_LIMIT: usize = 200;

/// A named what-if: a full copy of the model, edited apart from the baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// Stable within a session; not saved.
    pub id: u32,
    pub name: String,
    pub model: Model,
    /// The plan the what-if was started from ([`Session::start_plan`]),
    /// kept with it so that its steps can be shown again after a reload.
    pub plan: Option<Box<Plan>>,
}

#[derive(Debug, Clone, PartialEq)]
struct State {
    baseline: Model,
    scenarios: Vec<Scenario>,
    active: Option<u32>,
}

/// How a step can be made again from the state before it: what the
/// history saves with a document, replayed (and so checked) when read back.
#[derive(Debug, Clone, PartialEq)]
enum Op {
    /// The edits that made an edit step (several when joined), in their
    /// JSON form ([`Session::apply_json`]).
    Edits(Vec<serde_json::Value>),
    Start {
        id: u32,
        name: String,
    },
    /// A what-if started from a plan, its changes made.
    Plan {
        id: u32,
        name: String,
        plan: Box<Plan>,
    },
    Rename {
        id: u32,
        name: String,
    },
    Keep(u32),
    Discard(u32),
    /// The model put in place of the one on show (the Text tab, a CSV import).
    Model(Box<Model>),
}

/// A step of the history, with how to make it again (`None` for one that
/// cannot be replayed: a session loaded or imported whole).
#[derive(Debug, Clone)]
struct Entry {
    step: Step,
    op: Option<Op>,
}

#[derive(Debug, Clone)]
enum Step {
    /// An edit of the baseline (`None`) or of a scenario.
    Edit {
        target: Option<u32>,
        diff: Box<ModelDiff>,
    },
    /// Anything else: the whole session before and after.
    Whole {
        before: Box<State>,
        after: Box<State>,
    },
}

/// The baseline, its scenarios and the history.
#[derive(Debug, Clone)]
pub struct Session {
    state: State,
    next_id: u32,
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    revisions: Revisions,
    /// The key the last step was made under by [`Session::apply_joining`],
    /// while nothing else has happened since: the next edit under the same
    /// key joins that step.
    joinable: Option<String>,
}

/// Counters that tell the page what it may keep: `model` moves whenever the
/// model on show changes, `structure` only when something besides its scores
/// does (labels, units, contributors, systems... or another model on show).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Revisions {
    pub model: u64,
    pub structure: u64,
}

impl Revisions {
    fn bump(&mut self, structure: bool) {
        self.model += 1;
        if structure {
            self.structure += 1;
        }
    }
}

/// How a step joined by an edit is made again: its edits and this one's
/// JSON. A step joined from an edit without its JSON cannot be made again.
fn joined_op(op: Option<Op>, json: Option<serde_json::Value>) -> Option<Op> {
    match (op, json) {
        (Some(Op::Edits(mut edits)), Some(v)) => {
            edits.push(v);
            Some(Op::Edits(edits))
        }
        _ => None,
    }
}

fn invalid(path: &str, message: impl Into<String>) -> Invalid {
    Invalid::new(vec![Problem {
        path: path.to_string(),
        message: message.into(),
        line: None,
        column: None,
    }])
}

impl Session {
    /// A session on `baseline`, without scenarios or history.
    pub fn new(baseline: Model) -> Session {
        Session {
            state: State {
                baseline,
                scenarios: Vec::new(),
                active: None,
            },
            next_id: 1,
            undo: Vec::new(),
            redo: Vec::new(),
            revisions: Revisions::default(),
            joinable: None,
        }
    }

    /// How far the model on show has moved (see [`Revisions`]).
    pub fn revisions(&self) -> Revisions {
        self.revisions
    }

    pub fn baseline(&self) -> &Model {
        &self.state.baseline
    }

    pub fn scenarios(&self) -> &[Scenario] {
        &self.state.scenarios
    }

    /// The scenario on show, if any.
    pub fn active(&self) -> Option<&Scenario> {
        let id = self.state.active?;
        self.state.scenarios.iter().find(|s| s.id == id)
    }

    /// The model on show: the active scenario's, else the baseline.
    pub fn model(&self) -> &Model {
        self.active().map_or(&self.state.baseline, |s| &s.model)
    }

    fn model_mut(&mut self, target: Option<u32>) -> Option<&mut Model> {
        self.state.model_mut(target)
    }

    fn record(&mut self, step: Step, op: Option<Op>) {
        self.joinable = None;
        self.undo.push(Entry { step, op });
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Applies an edit to the model on show. On error nothing changes.
    /// Returns the id given to an added item.
    pub fn apply(&mut self, e: &Edit) -> Result<Option<String>, Invalid> {
        self.apply_with(e, None, None)
    }

    /// Applies an edit given in its JSON form ([`Edit::from_json`]), joined
    /// as [`Session::apply_joining`] does under `join`. The history keeps
    /// the JSON, so that the step can be stored and made again after a
    /// reload ([`Session::stored_json`]).
    pub fn apply_json(
        &mut self,
        json: serde_json::Value,
        join: Option<&str>,
    ) -> Result<Option<String>, Invalid> {
        let e = Edit::from_json(json.clone())?;
        self.apply_with(&e, join, Some(json))
    }

    /// Puts `model` (already valid) in place of the model on show, keeping
    /// the others: a CSV imported into a what-if changes that what-if only.
    /// Undoable like an edit.
    pub fn replace_model(&mut self, model: Model) {
        let op = Op::Model(Box::new(model.clone()));
        self.replace_recorded(model, Some(op));
    }

    /// [`Session::replace_model`], recording how the step is made again;
    /// false when `model` is the one on show (no step is recorded).
    fn replace_recorded(&mut self, model: Model, op: Option<Op>) -> bool {
        let target = self.active().map(|s| s.id);
        let diff = ModelDiff::between(self.model(), &model);
        if diff.is_empty() {
            return false;
        }
        if let Some(m) = self.model_mut(target) {
            *m = model;
        }
        self.revisions.bump(!diff.only_assessments());
        self.record(
            Step::Edit {
                target,
                diff: Box::new(diff),
            },
            op,
        );
        true
    }

    /// Applies an edit like [`Session::apply`], joining it to the last step
    /// when that step was made under the same `key` and nothing happened
    /// since: a score stepped through with the arrow keys is one step to
    /// undo, not one per key press. An edit that brings the model back to
    /// where the joined step started leaves no step at all.
    pub fn apply_joining(&mut self, e: &Edit, key: &str) -> Result<Option<String>, Invalid> {
        self.apply_with(e, Some(key), None)
    }

    fn apply_with(
        &mut self,
        e: &Edit,
        join: Option<&str>,
        json: Option<serde_json::Value>,
    ) -> Result<Option<String>, Invalid> {
        if let Edit::SetAssessment(a) = e {
            if let Some(joined) = self.score_joins(a, join) {
                return self.set_assessment(a, joined, join, json);
            }
        }
        self.apply_copied(e, join, json)
    }

    /// [`Session::apply_with`] the general way: the edit made on a copy of
    /// the model, checked whole, and recorded as what differs between the two.
    fn apply_copied(
        &mut self,
        e: &Edit,
        join: Option<&str>,
        json: Option<serde_json::Value>,
    ) -> Result<Option<String>, Invalid> {
        let applied = edit::apply(self.model(), e)?;
        let target = self.active().map(|s| s.id);
        let joined = match self.undo.last() {
            Some(Entry {
                step: Step::Edit { target: t, diff },
                ..
            }) if *t == target && join.is_some() && self.joinable.as_deref() == join => {
                let mut start = self.model().clone();
                diff.undo(&mut start).then_some(start)
            }
            _ => None,
        };
        let Some(start) = joined else {
            let op = json.map(|v| Op::Edits(vec![v]));
            if self.replace_recorded(applied.model, op) {
                self.joinable = join.map(str::to_string);
            }
            return Ok(applied.created);
        };
        let step = ModelDiff::between(self.model(), &applied.model);
        if step.is_empty() {
            return Ok(applied.created);
        }
        self.revisions.bump(!step.only_assessments());
        let diff = ModelDiff::between(&start, &applied.model);
        if let Some(m) = self.model_mut(target) {
            *m = applied.model;
        }
        let Some(mut entry) = self.undo.pop() else {
            return Ok(applied.created);
        };
        if !diff.is_empty() {
            entry.step = Step::Edit {
                target,
                diff: Box::new(diff),
            };
            entry.op = joined_op(entry.op.take(), json);
            self.undo.push(entry);
        } else {
            self.joinable = None;
        }
        Ok(applied.created)
    }

    /// Whether `SetAssessment(a)` under `join` can take the quick way
    /// ([`Session::set_assessment`]), and if so whether it joins the last
    /// step: `Some(false)` when it joins none, `Some(true)` when it joins a
    /// step that set the same assessment, `None` when it joins another
    /// kind of step (the general way joins that).
    fn score_joins(&self, a: &Assessment, join: Option<&str>) -> Option<bool> {
        let target = self.active().map(|s| s.id);
        match self.undo.last() {
            Some(Entry {
                step: Step::Edit { target: t, diff },
                ..
            }) if *t == target && join.is_some() && self.joinable.as_deref() == join => {
                // nothing happened since, so the step's assessment is at its
                // place, and in a valid model no other holds its cell
                let (index, _) = diff.one_assessment()?;
                let here = self.model().assessments.get(index);
                here.is_some_and(|x| edit::same_cell(x, a)).then_some(true)
            }
            _ => Some(false),
        }
    }

    /// [`Session::apply_with`] for a score, the edit made most: set in
    /// place in the model on show and checked alone
    /// ([`edit::set_assessment`]), its step made from the one assessment
    /// that changed. The general way copies the model, checks it whole and
    /// compares it whole with the old one, which on a model 100 times the
    /// sample's took about 5 ms of each edit in Chromium. `joined`: see
    /// [`Session::score_joins`].
    fn set_assessment(
        &mut self,
        a: &Assessment,
        joined: bool,
        join: Option<&str>,
        json: Option<serde_json::Value>,
    ) -> Result<Option<String>, Invalid> {
        let target = self.active().map(|s| s.id);
        let Some(model) = self.model_mut(target) else {
            return Ok(None);
        };
        let at = edit::set_assessment(model, a)?;
        let now = &model.assessments[at.index];
        if at.replaced.as_ref() == Some(now) {
            return Ok(None);
        }
        let now = now.clone();
        self.revisions.bump(false);
        if !joined {
            let diff = ModelDiff::of_assessment(at.index, at.replaced, now);
            self.record(
                Step::Edit {
                    target,
                    diff: Box::new(diff),
                },
                json.map(|v| Op::Edits(vec![v])),
            );
            self.joinable = join.map(str::to_string);
            return Ok(None);
        }
        let Some(mut entry) = self.undo.pop() else {
            return Ok(None);
        };
        // what the cell held before the joined step began
        let start = match &entry.step {
            Step::Edit { diff, .. } => diff.one_assessment().and_then(|(_, b)| b.cloned()),
            Step::Whole { .. } => None,
        };
        if start.as_ref() == Some(&now) {
            self.joinable = None;
            return Ok(None);
        }
        entry.step = Step::Edit {
            target,
            diff: Box::new(ModelDiff::of_assessment(at.index, start, now)),
        };
        entry.op = joined_op(entry.op.take(), json);
        self.undo.push(entry);
        Ok(None)
    }

    fn whole_step(&mut self, before: State, op: Option<Op>) {
        self.revisions.bump(true);
        let after = Box::new(self.state.clone());
        self.record(
            Step::Whole {
                before: Box::new(before),
                after,
            },
            op,
        );
    }

    fn checked_name(&self, name: &str, except: Option<u32>) -> Result<String, Invalid> {
        let name = name.trim();
        if name.is_empty() {
            return Err(invalid("scenario", "a scenario needs a name"));
        }
        let limit = crate::validate::limits::LABEL_CHARS;
        if let Some(chars) = crate::validate::limits::over(name, limit) {
            return Err(invalid(
                "scenario",
                crate::validate::limits::too_long("a name", chars, limit),
            ));
        }
        let taken = self
            .state
            .scenarios
            .iter()
            .any(|s| s.name == name && Some(s.id) != except);
        if taken {
            return Err(invalid(
                "scenario",
                format!("there is already a scenario named \"{name}\""),
            ));
        }
        Ok(name.to_string())
    }

    /// Starts a scenario as a copy of the baseline and shows it.
    pub fn start_scenario(&mut self, name: &str) -> Result<u32, Invalid> {
        self.start_with(name, None)
    }

    /// Starts a what-if from a plan of the baseline: a copy of the baseline
    /// with every change of the plan made, the plan kept with it. One step
    /// to undo. Refused, changing nothing, if a change does not apply.
    pub fn start_plan(&mut self, name: &str, plan: Plan) -> Result<u32, Invalid> {
        self.start_with(name, Some(Box::new(plan)))
    }

    fn start_with(&mut self, name: &str, plan: Option<Box<Plan>>) -> Result<u32, Invalid> {
        let limit = crate::validate::limits::SCENARIOS;
        if self.state.scenarios.len() >= limit {
            return Err(invalid(
                "scenario",
                format!(
                    "a session holds at most {limit} what-if scenarios; keep or discard one first"
                ),
            ));
        }
        let name = self.checked_name(name, None)?;
        let model = match &plan {
            Some(p) => plan::apply(&self.state.baseline, p)?,
            None => self.state.baseline.clone(),
        };
        let before = self.state.clone();
        let id = self.next_id;
        self.next_id += 1;
        self.state.scenarios.push(Scenario {
            id,
            name: name.clone(),
            model,
            plan: plan.clone(),
        });
        self.state.active = Some(id);
        let op = match plan {
            Some(plan) => Op::Plan { id, name, plan },
            None => Op::Start { id, name },
        };
        self.whole_step(before, Some(op));
        Ok(id)
    }

    fn index_of(&self, id: u32) -> Result<usize, Invalid> {
        self.state
            .scenarios
            .iter()
            .position(|s| s.id == id)
            .ok_or_else(|| invalid("scenario", format!("there is no scenario {id}")))
    }

    /// Shows a scenario, or the baseline with `None`. Not an undoable step.
    pub fn show(&mut self, id: Option<u32>) -> Result<(), Invalid> {
        if let Some(id) = id {
            self.index_of(id)?;
        }
        if self.state.active != id {
            self.state.active = id;
            self.revisions.bump(true);
        }
        Ok(())
    }

    pub fn rename_scenario(&mut self, id: u32, name: &str) -> Result<(), Invalid> {
        let i = self.index_of(id)?;
        let name = self.checked_name(name, Some(id))?;
        if self.state.scenarios[i].name == name {
            return Ok(());
        }
        let before = self.state.clone();
        self.state.scenarios[i].name = name.clone();
        self.whole_step(before, Some(Op::Rename { id, name }));
        Ok(())
    }

    /// Makes a scenario the new baseline; it stops being a scenario and the
    /// baseline is shown. Other scenarios stay.
    pub fn keep_scenario(&mut self, id: u32) -> Result<(), Invalid> {
        let i = self.index_of(id)?;
        let before = self.state.clone();
        let kept = self.state.scenarios.remove(i);
        self.state.baseline = kept.model;
        self.state.active = None;
        self.whole_step(before, Some(Op::Keep(id)));
        Ok(())
    }

    /// Drops a scenario; the baseline is shown if it was on show.
    pub fn discard_scenario(&mut self, id: u32) -> Result<(), Invalid> {
        let i = self.index_of(id)?;
        let before = self.state.clone();
        self.state.scenarios.remove(i);
        if self.state.active == Some(id) {
            self.state.active = None;
        }
        self.whole_step(before, Some(Op::Discard(id)));
        Ok(())
    }

    /// Replaces everything with another session's models (an import, a shared
    /// link); undoable like any edit.
    pub fn replace(&mut self, other: Session) {
        let before = self.state.clone();
        self.state.baseline = other.state.baseline;
        self.state.scenarios = Vec::new();
        self.state.active = None;
        for s in other.state.scenarios {
            let id = self.next_id;
            self.next_id += 1;
            if other.state.active == Some(s.id) {
                self.state.active = Some(id);
            }
            self.state.scenarios.push(Scenario { id, ..s });
        }
        self.whole_step(before, None);
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Undoes the last step; false when there is none.
    pub fn undo(&mut self) -> bool {
        self.joinable = None;
        let Some(entry) = self.undo.pop() else {
            return false;
        };
        let structure = self.state.run(&entry.step, false);
        self.revisions.bump(structure);
        self.redo.push(entry);
        true
    }

    /// Redoes the last undone step; false when there is none.
    pub fn redo(&mut self) -> bool {
        self.joinable = None;
        let Some(entry) = self.redo.pop() else {
            return false;
        };
        let structure = self.state.run(&entry.step, true);
        self.revisions.bump(structure);
        self.undo.push(entry);
        true
    }
}

impl State {
    fn model_mut(&mut self, target: Option<u32>) -> Option<&mut Model> {
        match target {
            None => Some(&mut self.baseline),
            Some(id) => self
                .scenarios
                .iter_mut()
                .find(|s| s.id == id)
                .map(|s| &mut s.model),
        }
    }

    /// Makes or unmakes a step; true when more than scores changed (or
    /// another model is on show).
    fn run(&mut self, step: &Step, forward: bool) -> bool {
        match step {
            Step::Edit { target, diff } => {
                if let Some(m) = self.model_mut(*target) {
                    let fits = if forward { diff.redo(m) } else { diff.undo(m) };
                    debug_assert!(fits, "a recorded diff always fits its model");
                }
                let switched = self.active != *target;
                self.active = *target;
                switched || !diff.only_assessments()
            }
            Step::Whole { before, after } => {
                *self = if forward {
                    (**after).clone()
                } else {
                    (**before).clone()
                };
                true
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Assessment;

    fn score(theme: &str, current: f64) -> Edit {
        Edit::SetAssessment(Assessment {
            theme: theme.into(),
            player: "hr".into(),
            unit: None,
            current,
            target: Some(4.0),
            weight: 1.0,
            note: None,
        })
    }

    fn current(m: &Model, theme: &str) -> Option<f64> {
        m.assessments
            .iter()
            .find(|a| a.theme == theme)
            .map(|a| a.current)
    }

    #[test]
    fn edits_undo_and_redo_in_order() {
        let mut s = Session::new(Model::empty("Org"));
        assert!(!s.can_undo() && !s.undo());
        s.apply(&score("leadership", 1.0)).unwrap();
        s.apply(&score("leadership", 2.0)).unwrap();
        assert_eq!(current(s.model(), "leadership"), Some(2.0));
        assert!(s.undo());
        assert_eq!(current(s.model(), "leadership"), Some(1.0));
        assert!(s.undo());
        assert_eq!(current(s.model(), "leadership"), None);
        assert!(s.redo() && s.redo() && !s.redo());
        assert_eq!(current(s.model(), "leadership"), Some(2.0));
        s.undo();
        s.apply(&score("technology", 3.0)).unwrap();
        assert!(!s.can_redo(), "a new edit forgets the undone branch");
    }

    #[test]
    fn an_invalid_edit_changes_nothing_and_is_not_recorded() {
        let mut s = Session::new(Model::empty("Org"));
        let err = s.apply(&score("leadership", 9.0)).unwrap_err();
        assert!(err.to_string().contains("outside the scale"));
        assert!(s.model().assessments.is_empty());
        assert!(!s.can_undo());
    }

    #[test]
    fn scenarios_take_edits_apart_from_the_baseline() {
        let mut s = Session::new(Model::empty("Org"));
        s.apply(&score("leadership", 1.0)).unwrap();
        let a = s.start_scenario("Invest in IT").unwrap();
        assert_eq!(s.active().map(|x| x.id), Some(a));
        s.apply(&score("leadership", 3.0)).unwrap();
        assert_eq!(current(s.baseline(), "leadership"), Some(1.0));
        assert_eq!(current(s.model(), "leadership"), Some(3.0));
        assert!(
            s.start_scenario("  invest in IT ").is_ok(),
            "names are case-sensitive"
        );
        assert!(s.start_scenario("Invest in IT").is_err());
        assert!(s.start_scenario("   ").is_err());
        // undoing the scenario edit shows that scenario again
        s.show(None).unwrap();
        s.undo(); // the second start
        s.undo(); // the edit in scenario a
        assert_eq!(s.active().map(|x| x.id), Some(a));
        assert_eq!(current(s.model(), "leadership"), Some(1.0));
        s.redo();
        s.keep_scenario(a).unwrap();
        assert!(s.active().is_none());
        assert_eq!(current(s.baseline(), "leadership"), Some(3.0));
        assert!(s.scenarios().is_empty());
        s.undo();
        assert_eq!(current(s.baseline(), "leadership"), Some(1.0));
        assert_eq!(s.active().map(|x| x.id), Some(a));
    }

    #[test]
    fn a_replaced_model_lands_in_the_scenario_on_show_only() {
        let mut s = Session::new(Model::empty("Org"));
        s.apply(&score("leadership", 1.0)).unwrap();
        let a = s.start_scenario("What if").unwrap();
        let mut imported = s.model().clone();
        imported.assessments[0].current = 4.0;
        s.replace_model(imported);
        assert_eq!(
            s.active().map(|x| x.id),
            Some(a),
            "the scenario stays on show"
        );
        assert_eq!(current(s.model(), "leadership"), Some(4.0));
        assert_eq!(current(s.baseline(), "leadership"), Some(1.0));
        assert!(s.undo());
        assert_eq!(current(s.model(), "leadership"), Some(1.0));
        assert_eq!(s.scenarios().len(), 1);
        // The same model again is no step at all.
        let same = s.model().clone();
        s.replace_model(same);
        assert!(s.redo(), "an unchanged model leaves the redo history alone");
    }

    #[test]
    fn discarding_and_renaming_are_undoable() {
        let mut s = Session::new(Model::empty("Org"));
        let a = s.start_scenario("A").unwrap();
        let b = s.start_scenario("B").unwrap();
        assert!(s.rename_scenario(b, "A").is_err());
        s.rename_scenario(b, "Bee").unwrap();
        s.discard_scenario(a).unwrap();
        assert_eq!(
            s.active().map(|x| x.id),
            Some(b),
            "discarding another keeps the view"
        );
        s.discard_scenario(b).unwrap();
        assert!(s.active().is_none() && s.scenarios().is_empty());
        s.undo();
        s.undo();
        assert_eq!(s.scenarios().len(), 2);
        s.undo();
        assert_eq!(s.scenarios()[1].name, "B");
        assert!(s.show(Some(999)).is_err());
        assert!(s.keep_scenario(999).is_err());
    }

    #[test]
    fn replacing_is_undoable_and_renumbers_scenarios() {
        let mut s = Session::new(Model::empty("Old"));
        let mut other = Session::new(Model::empty("New"));
        other.start_scenario("X").unwrap();
        s.start_scenario("Mine").unwrap();
        s.replace(other);
        assert_eq!(s.baseline().name, "New");
        assert_eq!(s.scenarios().len(), 1);
        assert_eq!(s.active().map(|x| x.name.as_str()), Some("X"));
        assert_ne!(s.scenarios()[0].id, 1, "ids stay unique within the session");
        s.undo();
        assert_eq!(s.baseline().name, "Old");
        assert_eq!(s.scenarios()[0].name, "Mine");
    }

    #[test]
    fn revisions_tell_score_edits_from_structural_ones() {
        let mut s = Session::new(Model::empty("Org"));
        let r0 = s.revisions();
        s.apply(&score("leadership", 1.0)).unwrap();
        let r1 = s.revisions();
        assert!(r1.model > r0.model && r1.structure == r0.structure);
        s.apply(&Edit::SetName("Other".into())).unwrap();
        let r2 = s.revisions();
        assert!(r2.structure > r1.structure);
        s.undo();
        let r3 = s.revisions();
        assert!(
            r3.model > r2.model && r3.structure > r2.structure,
            "undoing a rename"
        );
        s.undo();
        assert_eq!(s.revisions().structure, r3.structure, "undoing a score");
        s.show(None).unwrap();
        assert_eq!(
            s.revisions(),
            Revisions {
                model: r3.model + 1,
                structure: r3.structure
            }
        );
        s.start_scenario("A").unwrap();
        assert!(s.revisions().structure > r3.structure);
        s.apply(&score("leadership", 2.0)).unwrap();
        let before_switch = s.revisions();
        s.show(None).unwrap();
        assert!(
            s.revisions().structure > before_switch.structure,
            "another model on show"
        );
    }

    #[test]
    fn joined_edits_make_one_step() {
        let mut s = Session::new(Model::empty("Org"));
        s.apply(&score("leadership", 1.0)).unwrap();
        for v in [2.0, 3.0, 4.0] {
            s.apply_joining(&score("leadership", v), "a").unwrap();
        }
        assert_eq!(current(s.model(), "leadership"), Some(4.0));
        assert!(s.undo());
        assert_eq!(
            current(s.model(), "leadership"),
            Some(1.0),
            "three key presses, one step"
        );
        assert!(s.redo());
        // after an undo or redo, or under another key, a new step starts
        s.apply_joining(&score("leadership", 3.0), "a").unwrap();
        s.apply_joining(&score("leadership", 2.0), "b").unwrap();
        assert!(s.undo());
        assert_eq!(current(s.model(), "leadership"), Some(3.0));
        // back where the step started: no step at all
        s.apply_joining(&score("leadership", 2.0), "c").unwrap();
        s.apply_joining(&score("leadership", 3.0), "c").unwrap();
        assert_eq!(current(s.model(), "leadership"), Some(3.0));
        assert!(s.undo());
        assert_eq!(current(s.model(), "leadership"), Some(4.0));
        // a step of another model on show is never joined
        s.apply_joining(&score("leadership", 1.0), "d").unwrap();
        s.start_scenario("W").unwrap();
        s.apply_joining(&score("leadership", 2.0), "d").unwrap();
        assert_eq!(current(s.baseline(), "leadership"), Some(1.0));
        assert!(s.apply_joining(&score("leadership", 9.0), "d").is_err());
        assert!(s.undo() && s.undo());
        assert_eq!(current(s.model(), "leadership"), Some(1.0));
    }

    #[test]
    fn the_history_is_bounded() {
        let mut s = Session::new(Model::empty("Org"));
        for i in 0..(HISTORY_LIMIT + 20) {
            // Alternate two scores so that every edit changes the model.
            s.apply(&score("leadership", (1 + i % 2) as f64))
                .expect("a valid edit");
        }
        let mut n = 0;
        while s.undo() {
            n += 1;
        }
        assert_eq!(
            n, HISTORY_LIMIT,
            "the oldest steps are dropped, the rest kept"
        );
    }

    #[test]
    fn a_plan_starts_as_one_what_if_step_with_its_changes_made() {
        use crate::analysis::{analyze, plan, PlanOptions};
        let sample = crate::framework::sample();
        let mut s = Session::new(sample.clone());
        let p = plan(&sample, &PlanOptions::default());
        let id = s.start_plan("Plan", p.clone()).unwrap();
        assert_eq!(s.active().map(|x| x.id), Some(id));
        assert!(analyze(s.model()).findings.is_empty());
        assert_eq!(s.baseline(), &sample, "the baseline is untouched");
        assert_eq!(s.active().and_then(|x| x.plan.as_deref()), Some(&p));
        assert!(
            s.start_plan("Plan", p.clone()).is_err(),
            "names stay unique"
        );
        // a plan of another model does not apply, and changes nothing
        let mut other = Session::new(Model::empty("Other"));
        assert!(other.start_plan("Plan", p).is_err());
        assert!(other.scenarios().is_empty() && !other.can_undo());
        assert!(s.undo());
        assert!(s.scenarios().is_empty(), "one step to undo");
        assert!(s.redo());
        assert!(s.active().is_some_and(|x| x.plan.is_some()));
    }

    /// A scoring edit taken the quick way ([`Session::set_assessment`])
    /// leaves the session exactly as the general way does: the same answer
    /// (the same problems when refused), the same model, revisions and
    /// history, under joins, what-ifs, undo and redo.
    mod quick_scores {
        use super::*;
        use proptest::prelude::*;

        #[derive(Debug, Clone)]
        enum Act {
            Score(Assessment, Option<&'static str>),
            Rename(String),
            Undo,
            Redo,
            WhatIf,
            Baseline,
        }

        fn arb_assessment() -> impl Strategy<Value = Assessment> {
            let theme =
                prop::sample::select(vec!["leadership", "integration", "workforce", "nowhere"]);
            let player = prop::sample::select(vec!["hr", "it", "procurement"]);
            let unit =
                prop::sample::select(vec![None, Some("ports"), Some("retail"), Some("mars")]);
            let score = prop_oneof![4 => (0u8..=8).prop_map(|h| f64::from(h) / 2.0), 1 => Just(f64::NAN), 1 => Just(-1.0), 1 => Just(9.0)];
            let target = prop_oneof![
                Just(None),
                (0u8..=4).prop_map(|t| Some(f64::from(t))),
                Just(Some(7.0))
            ];
            let weight = prop_oneof![4 => Just(1.0), 1 => Just(0.0), 1 => Just(2.5), 1 => Just(f64::INFINITY), 1 => Just(1e9)];
            let note = prop_oneof![
                Just(None),
                Just(Some("  why  ".to_string())),
                Just(Some("   ".to_string())),
                Just(Some("x".repeat(crate::validate::limits::NOTE_CHARS + 1))),
            ];
            (theme, player, unit, score, target, weight, note).prop_map(
                |(theme, player, unit, current, target, weight, note)| Assessment {
                    theme: theme.into(),
                    player: player.into(),
                    unit: unit.map(str::to_string),
                    current,
                    target,
                    weight,
                    note,
                },
            )
        }

        /// Scores of a few cells with few values, so that edits often
        /// come back to where a joined step started.
        fn arb_common() -> impl Strategy<Value = Assessment> {
            let cell = prop::sample::select(vec![
                ("integration", Some("ports")),
                ("integration", None),
                ("leadership", None),
            ]);
            (cell, 1u8..=2).prop_map(|((theme, unit), current)| Assessment {
                theme: theme.into(),
                player: "hr".into(),
                unit: unit.map(str::to_string),
                current: f64::from(current),
                target: Some(3.0),
                weight: 1.0,
                note: None,
            })
        }

        fn arb_act() -> impl Strategy<Value = Act> {
            prop_oneof![
                8 => (prop_oneof![2 => arb_common(), 1 => arb_assessment()], prop::sample::select(vec![None, Some("a"), Some("b")])).prop_map(|(a, j)| Act::Score(a, j)),
                1 => "[a-z]{1,6}".prop_map(Act::Rename),
                2 => Just(Act::Undo),
                1 => Just(Act::Redo),
                1 => Just(Act::WhatIf),
                1 => Just(Act::Baseline),
            ]
        }

        fn start() -> Model {
            let mut m = Model::empty("Org");
            m.units = vec![
                crate::model::Item {
                    id: "ports".into(),
                    label: "Ports".into(),
                },
                crate::model::Item {
                    id: "retail".into(),
                    label: "Retail".into(),
                },
            ];
            m.assessments = vec![
                Assessment {
                    theme: "integration".into(),
                    player: "hr".into(),
                    unit: Some("ports".into()),
                    current: 2.0,
                    target: Some(3.0),
                    weight: 1.0,
                    note: Some("kept".into()),
                },
                Assessment {
                    theme: "leadership".into(),
                    player: "it".into(),
                    unit: None,
                    current: 1.0,
                    target: None,
                    weight: 1.0,
                    note: None,
                },
            ];
            assert!(crate::validate::validate(&m).is_empty());
            m
        }

        fn same(quick: &Session, general: &Session) {
            assert_eq!(quick.state, general.state);
            assert_eq!(quick.revisions, general.revisions);
            assert_eq!(quick.joinable, general.joinable);
            assert_eq!(quick.undo.len(), general.undo.len());
            assert_eq!(quick.redo.len(), general.redo.len());
            for (q, g) in quick
                .undo
                .iter()
                .zip(&general.undo)
                .chain(quick.redo.iter().zip(&general.redo))
            {
                assert_eq!(q.op, g.op);
                match (&q.step, &g.step) {
                    (Step::Edit { target: a, diff: x }, Step::Edit { target: b, diff: y }) => {
                        assert_eq!((a, x), (b, y))
                    }
                    (
                        Step::Whole {
                            before: a,
                            after: x,
                        },
                        Step::Whole {
                            before: b,
                            after: y,
                        },
                    ) => assert_eq!((a, x), (b, y)),
                    _ => panic!("steps of different kinds"),
                }
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(300))]
            #[test]
            fn score_edits_match_the_general_way(acts in prop::collection::vec(arb_act(), 1..40)) {
                let mut quick = Session::new(start());
                let mut general = Session::new(start());
                for act in acts {
                    match act {
                        Act::Score(a, join) => {
                            let e = Edit::SetAssessment(a);
                            let json = serde_json::json!({ "n": quick.undo.len() });
                            let q = quick.apply_with(&e, join, Some(json.clone()));
                            let g = general.apply_copied(&e, join, Some(json));
                            prop_assert_eq!(q, g);
                        }
                        Act::Rename(name) => {
                            prop_assert_eq!(quick.apply(&Edit::SetName(name.clone())), general.apply(&Edit::SetName(name)));
                        }
                        Act::Undo => prop_assert_eq!(quick.undo(), general.undo()),
                        Act::Redo => prop_assert_eq!(quick.redo(), general.redo()),
                        Act::WhatIf => prop_assert_eq!(quick.start_scenario("w").is_ok(), general.start_scenario("w").is_ok()),
                        Act::Baseline => prop_assert_eq!(quick.show(None).is_ok(), general.show(None).is_ok()),
                    }
                    same(&quick, &general);
                }
                while quick.undo() {
                    prop_assert!(general.undo());
                    same(&quick, &general);
                }
            }
        }
    }
}
