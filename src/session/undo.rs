//! The history in memory: what a step holds (a diff of one model, or the
//! whole session before and after) with how it can be made again, and
//! recording, undoing and redoing steps. Apart from how edits and what-ifs
//! make their steps (`apply`, `scenarios`): they only hand a step to
//! [`Session::record`] or [`Session::whole_step`], and the page's Undo and
//! Redo only run what was recorded. How a step is made again (`Op`) is what
//! `history` stores with a document.

use super::diff::ModelDiff;
use super::{Session, State};
use crate::analysis::plan::Plan;
use crate::model::Model;

/// How many steps the history keeps; older ones are forgotten.
pub const HISTORY_LIMIT: usize = 200;

/// How a step can be made again from the state before it: what the
/// history saves with a document, replayed (and so checked) when read back.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Op {
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
pub(super) struct Entry {
    pub(super) step: Step,
    pub(super) op: Option<Op>,
}

#[derive(Debug, Clone)]
pub(super) enum Step {
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

impl Session {
    pub(super) fn record(&mut self, step: Step, op: Option<Op>) {
        self.joinable = None;
        self.undo.push(Entry { step, op });
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    pub(super) fn whole_step(&mut self, before: State, op: Option<Op>) {
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
    /// Makes or unmakes a step; true when more than scores changed (or
    /// another model is on show).
    pub(super) fn run(&mut self, step: &Step, forward: bool) -> bool {
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
