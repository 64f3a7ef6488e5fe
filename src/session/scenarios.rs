//! The what-ifs: starting one (from the baseline or from a plan), showing,
//! renaming, keeping and discarding them, and replacing the whole session.
//! They are rarer than edits and change more than one model, so each is
//! recorded as the whole session before and after
//! ([`Session::whole_step`]) rather than as a diff.

use super::undo::Op;
use super::{invalid, Scenario, Session};
use crate::analysis::plan::{self, Plan};
use crate::validate::Invalid;

impl Session {
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
}
