//! Edits of the model on show, each recorded as the diff it made and joined
//! to the last step when made under the same key, so that a score stepped
//! through with the arrow keys is one step to undo. A score, the edit made
//! most, takes a quicker way than the others ([`Session::set_assessment`]);
//! the general way stays beside it, and the tests hold one to the other.

use super::diff::ModelDiff;
use super::undo::{Entry, Op, Step};
use super::Session;
use crate::edit::{self, Edit};
use crate::model::{Assessment, Model};
use crate::validate::Invalid;

impl Session {
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

    pub(super) fn apply_with(
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
    pub(super) fn apply_copied(
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
