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
//!
//! How it is laid out: `apply` makes edits and `scenarios` the what-ifs,
//! each handing its step to `undo`, the history in memory; `history` stores
//! that history with a document, `label` names its steps, `saved` writes and
//! reads the session.

mod apply;
pub mod diff;
mod history;
mod info;
mod label;
mod saved;
mod scenarios;
mod undo;

pub use info::{ScenarioInfo, SessionInfo};
pub use saved::{SavedScenario, SavedSession, SESSION_SCHEMA};
pub use undo::HISTORY_LIMIT;

use crate::analysis::plan::Plan;
use crate::model::Model;
use crate::validate::{Invalid, Problem};
use undo::Entry;

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
}

#[cfg(test)]
mod tests;
