//! The saved form of a session — what the page autosaves in the browser and
//! what a share link carries when there are scenarios — and reading back
//! either a saved session or a plain model.
//!
//! Every model read back goes through the model validation, with paths
//! prefixed by where the model sits (`scenarios[1].model.assessments[0]`), so
//! a damaged or hand-edited file is refused with the same clear messages as an
//! import. A plain model goes through [`parse_model`] like any import.

use super::{Scenario, Session};
use crate::model::Model;
use crate::validate::{parse_model, validate, Invalid, Problem};
use serde::{Deserialize, Serialize};

/// The schema tag of a saved session.
pub const SESSION_SCHEMA: &str = "workforce-ecosystem/session/v1";

/// A session as JSON: the baseline, the scenarios and which one is on show.
/// The history is not saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedSession {
    pub schema: String,
    pub baseline: Model,
    #[serde(default)]
    pub scenarios: Vec<SavedScenario>,
    /// Index into `scenarios` of the one on show.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedScenario {
    pub name: String,
    pub model: Model,
}

fn problem(path: String, message: &str) -> Problem {
    Problem {
        path,
        message: message.to_string(),
        line: None,
        column: None,
    }
}

fn prefixed(prefix: &str, problems: Vec<Problem>) -> Vec<Problem> {
    problems
        .into_iter()
        .map(|mut p| {
            p.path = if p.path.is_empty() {
                prefix.to_string()
            } else {
                format!("{prefix}.{}", p.path)
            };
            p
        })
        .collect()
}

impl Session {
    /// The saved form of this session.
    pub fn saved(&self) -> SavedSession {
        SavedSession {
            schema: SESSION_SCHEMA.to_string(),
            baseline: self.state.baseline.clone(),
            scenarios: self
                .state
                .scenarios
                .iter()
                .map(|s| SavedScenario {
                    name: s.name.clone(),
                    model: s.model.clone(),
                })
                .collect(),
            active: self
                .state
                .active
                .and_then(|id| self.state.scenarios.iter().position(|s| s.id == id)),
        }
    }

    /// The saved form as JSON text.
    pub fn saved_json(&self) -> String {
        serde_json::to_string(&self.saved()).unwrap_or_default()
    }

    /// Reads a saved session or a plain model (told apart by `schema`),
    /// validating every model in it. Reports every problem at once.
    pub fn from_text(text: &str) -> Result<Session, Invalid> {
        /// Just the tag, to tell a session from a model.
        #[derive(Deserialize)]
        struct Peek {
            #[serde(default)]
            schema: Option<String>,
        }
        let is_session = serde_json::from_str::<Peek>(text)
            .is_ok_and(|p| p.schema.as_deref() == Some(SESSION_SCHEMA));
        if !is_session {
            return parse_model(text).map(Session::new);
        }
        let saved: SavedSession = serde_json::from_str(text).map_err(|e| Invalid {
            problems: vec![Problem {
                path: String::new(),
                message: format!("this saved session is damaged: {e}"),
                line: Some(e.line()),
                column: Some(e.column()),
            }],
        })?;
        let mut problems = prefixed("baseline", validate(&saved.baseline));
        for (i, s) in saved.scenarios.iter().enumerate() {
            if s.name.trim().is_empty() {
                problems.push(problem(
                    format!("scenarios[{i}].name"),
                    "a scenario needs a name",
                ));
            }
            problems.extend(prefixed(
                &format!("scenarios[{i}].model"),
                validate(&s.model),
            ));
        }
        if let Some(a) = saved.active {
            if a >= saved.scenarios.len() {
                problems.push(problem(
                    "active".into(),
                    &format!("there is no scenario at position {a}"),
                ));
            }
        }
        if !problems.is_empty() {
            return Err(Invalid { problems });
        }
        let mut session = Session::new(saved.baseline);
        for (i, s) in saved.scenarios.into_iter().enumerate() {
            let id = session.next_id;
            session.next_id += 1;
            if saved.active == Some(i) {
                session.state.active = Some(id);
            }
            session.state.scenarios.push(Scenario {
                id,
                name: s.name.trim().to_string(),
                model: s.model,
            });
        }
        Ok(session)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_survives_saving_and_reading() {
        let mut s = Session::new(Model::empty("Org"));
        s.start_scenario("What if").unwrap();
        s.start_scenario("Other").unwrap();
        s.show(None).unwrap();
        s.show(Some(s.scenarios()[0].id)).unwrap();
        let back = Session::from_text(&s.saved_json()).unwrap();
        assert_eq!(back.saved(), s.saved());
        assert_eq!(back.active().map(|x| x.name.as_str()), Some("What if"));
        assert!(!back.can_undo());
    }

    #[test]
    fn a_plain_model_reads_as_a_session_without_scenarios() {
        let text = serde_json::to_string(&Model::empty("Plain")).unwrap();
        let s = Session::from_text(&text).unwrap();
        assert_eq!(s.baseline().name, "Plain");
        assert!(s.scenarios().is_empty());
    }

    #[test]
    fn problems_in_saved_models_carry_their_place() {
        let good = serde_json::to_value(Model::empty("Org")).unwrap();
        let mut bad = good.clone();
        bad["schema"] = "nope".into();
        let text = serde_json::json!({
            "schema": SESSION_SCHEMA,
            "baseline": good,
            "scenarios": [{"name": "A", "model": bad}, {"name": " ", "model": good}],
            "active": 7
        })
        .to_string();
        let err = Session::from_text(&text).unwrap_err();
        let paths: Vec<&str> = err.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            ["scenarios[0].model.schema", "scenarios[1].name", "active"]
        );
        assert!(Session::from_text("{not json").is_err());
        let no_base = serde_json::json!({"schema": SESSION_SCHEMA}).to_string();
        let err = Session::from_text(&no_base).unwrap_err().to_string();
        assert!(err.contains("damaged") && err.contains("baseline"), "{err}");
    }
}
