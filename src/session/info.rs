//! What the page's what-if bar and history buttons show of a session: the
//! scenarios, which is on show, and whether Undo and Redo can act.

use super::{Scenario, Session};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioInfo {
    pub id: u32,
    pub name: String,
    /// Started from a plan (the bar offers the plan's exports).
    pub planned: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionInfo {
    /// The what-if on show; `None` on the baseline.
    pub active: Option<ScenarioInfo>,
    pub scenarios: Vec<ScenarioInfo>,
    pub can_undo: bool,
    pub can_redo: bool,
}

impl Session {
    pub fn info(&self) -> SessionInfo {
        let info = |s: &Scenario| ScenarioInfo {
            id: s.id,
            name: s.name.clone(),
            planned: s.plan.is_some(),
        };
        SessionInfo {
            active: self.active().map(info),
            scenarios: self.scenarios().iter().map(info).collect(),
            can_undo: self.can_undo(),
            can_redo: self.can_redo(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_follows_the_scenario_on_show_and_the_history() {
        let mut s = Session::new(crate::framework::sample());
        let start = s.info();
        assert_eq!(
            (start.active, start.can_undo, start.can_redo),
            (None, false, false)
        );
        let id = s.start_scenario("Hire in Ports").unwrap();
        let info = s.info();
        let shown = ScenarioInfo {
            id,
            name: "Hire in Ports".into(),
            planned: false,
        };
        assert_eq!(info.active.as_ref(), Some(&shown));
        assert_eq!(info.scenarios, vec![shown]);
        assert!(info.can_undo, "starting a what-if is a step");
        s.undo();
        let undone = s.info();
        assert!(undone.active.is_none() && undone.scenarios.is_empty() && undone.can_redo);
    }
}
