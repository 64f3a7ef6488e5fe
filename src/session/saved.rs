//! The saved form of a session — what the page autosaves in the browser and
//! what a share link carries when there are scenarios — and reading back
//! either a saved session or a plain model.
//!
//! Every model read back takes the same road as an import (migration, the
//! shape check, the rules), with paths prefixed by where the model sits
//! (`scenarios[1].model.assessments[0].current`), so a damaged or hand-edited
//! file is refused with the same clear messages, each placed at its line and
//! column. A plain model goes through [`parse_model`] like any import.

use super::{Scenario, Session};
use crate::model::Model;
use crate::validate::fields::{At, Fields, Need, Reader, Shape};
use crate::validate::{self, parse_model, path, Invalid, Problem};
use serde::Serialize;

/// The schema tag of a saved session.
pub const SESSION_SCHEMA: &str = "workforce-ecosystem/session/v1";

/// A session as JSON: the baseline, the scenarios and which one is on show.
/// The history is stored beside it only where a document is kept in this
/// browser ([`Session::stored_json`]), never in a link or an export.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SavedSession {
    pub schema: String,
    pub baseline: Model,
    pub scenarios: Vec<SavedScenario>,
    /// Index into `scenarios` of the one on show.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SavedScenario {
    pub name: String,
    pub model: Model,
    /// The plan a what-if was started from; one that does not read back
    /// whole is dropped, the what-if kept.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<crate::analysis::Plan>,
}

/// [`SavedSession`] borrowed from the session, as it is written: the same
/// JSON without a copy of every model first (at 100 times the sample, two
/// models of 1.4 MB each on every autosave of a what-if).
#[derive(Serialize)]
pub(super) struct SavedForm<'a> {
    schema: &'static str,
    baseline: &'a Model,
    scenarios: Vec<ScenarioForm<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    active: Option<usize>,
}

#[derive(Serialize)]
struct ScenarioForm<'a> {
    name: &'a str,
    model: &'a Model,
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<&'a crate::analysis::Plan>,
}

const SESSION_FIELDS: &[&str] = &["schema", "baseline", "scenarios", "active", "history"];

const SCENARIO: Shape<SavedScenario> = Shape {
    what: "a scenario",
    fields: &["name", "model", "plan"],
    read: |r, mut f| {
        let name = f.string(r, "name", Need::Required);
        if name.as_deref().is_some_and(|n| n.trim().is_empty()) {
            r.problems.push(Problem::new(
                f.at().key("name").path(),
                "a scenario needs a name".into(),
            ));
        }
        SavedScenario {
            name: name.unwrap_or_default(),
            model: embedded(r, &mut f, "model"),
            plan: f
                .take(r, "plan", Need::Optional)
                .and_then(crate::analysis::plan::read_stored),
        }
    },
    placeholder: || SavedScenario {
        name: String::new(),
        model: Model::empty(""),
        plan: None,
    },
};

/// The model in the field `key`, read like any import (migrated, shape,
/// rules); its problems join the reader's under the field's path.
fn embedded(r: &mut Reader, f: &mut Fields, key: &str) -> Model {
    let Some(v) = f.take(r, key, Need::Required) else {
        return Model::empty("");
    };
    let (model, _, problems, more) = validate::read_value(v);
    r.more += more;
    if !problems.is_empty() {
        let at = f.at().key(key).path();
        r.problems.extend(problems.into_iter().map(|mut p| {
            p.path = path::join(&at, &p.path);
            p
        }));
    }
    model
}

/// Reads a parsed saved session; every problem, in it or in the models it
/// holds, is reported with its full path. The stored history comes back as
/// it is, read apart: it never makes the session unreadable.
fn read_saved(
    v: serde_json::Value,
) -> (SavedSession, Option<serde_json::Value>, Vec<Problem>, usize) {
    let mut r = Reader::default();
    let mut saved = SavedSession {
        schema: SESSION_SCHEMA.to_string(),
        baseline: Model::empty(""),
        scenarios: Vec::new(),
        active: None,
    };
    let mut history = None;
    if let Some(mut f) = r.object(v, At::Root(""), "a saved session", SESSION_FIELDS) {
        let r = &mut r;
        history = f.take(r, "history", Need::Optional);
        saved.schema = f.string(r, "schema", Need::Required).unwrap_or_default();
        saved.baseline = embedded(r, &mut f, "baseline");
        saved.scenarios = f.objects(r, "scenarios", Need::Defaulted, &SCENARIO);
        let active = f.count(
            r,
            "active",
            Need::Optional,
            "a position in scenarios (a whole number, 0 or more)",
            u64::MAX,
        );
        if let Some(a) = active {
            if a >= saved.scenarios.len() as u64 {
                r.problems.push(Problem::new(
                    f.at().key("active").path(),
                    format!("there is no scenario at position {a}"),
                ));
            }
        }
        saved.active = active.and_then(|a| usize::try_from(a).ok());
    }
    (saved, history, r.problems, r.more)
}

impl Session {
    /// The saved form of this session.
    pub fn saved(&self) -> SavedSession {
        self.state.saved()
    }

    /// The saved form as JSON text.
    pub fn saved_json(&self) -> String {
        // Cannot fail: every map the session holds has string keys.
        serde_json::to_string(&self.state.saved_form()).unwrap_or_default()
    }

    /// The saved form with the latest steps of the history, as a document
    /// is kept in this browser, so that a reload can still undo. The
    /// history is left out when it would not fit the size a session is
    /// read at.
    pub fn stored_json(&self) -> String {
        let saved = self.saved_json();
        // (`,"history":` and the closing brace)
        let room = validate::MAX_BYTES.saturating_sub(saved.len() + 12);
        match self.stored_history(saved.len(), room) {
            // The saved form is one JSON object: the history goes in as its last field.
            Some(history) if saved.ends_with('}') => {
                format!("{},\"history\":{history}}}", &saved[..saved.len() - 1])
            }
            _ => saved,
        }
    }

    /// Reads a saved session or a plain model (told apart by `schema`), or
    /// a model in the text syntax ([`crate::text::looks_like_text`]),
    /// validating every model in it. Reports every problem at once, each
    /// with its full path (`scenarios[1].model.assessments[3].current`)
    /// and its place in the text.
    pub fn from_text(text: &str) -> Result<Session, Invalid> {
        Session::read_text(text, |session, history| {
            // a history that does not lead here is dropped, the session kept
            session.with_history(history).unwrap_or(session)
        })
    }

    /// [`Session::from_text`] without the undo history a browser stores
    /// beside a document: the same problems, the same model on show, for
    /// what only shows a session (the embeddable diagram, whose Wasm module
    /// then leaves out the code that makes the history's steps again).
    pub fn shown_from_text(text: &str) -> Result<Session, Invalid> {
        Session::read_text(text, |session, _| session)
    }

    fn read_text(
        text: &str,
        with_history: impl FnOnce(Session, serde_json::Value) -> Session,
    ) -> Result<Session, Invalid> {
        let unmarked = text.strip_prefix('\u{feff}').unwrap_or(text);
        if unmarked.len() > validate::MAX_BYTES {
            return Err(validate::too_large_as(
                "the saved session",
                unmarked.len() as u64,
            ));
        }
        // A model goes to its reader with its mark, which skips one: two
        // marks are refused there as they are by every other reader.
        // A model in the text syntax is told by its first statement.
        if crate::text::looks_like_text(unmarked) {
            return crate::text::parse_text(text).map(Session::new);
        }
        if !validate::has_schema(unmarked, SESSION_SCHEMA) {
            return parse_model(text).map(Session::new);
        }
        let text = unmarked;
        let (saved, history, problems, more) = read_saved(validate::parse_json(text)?);
        validate::report(text, validate::duplicate_keys(text), problems, more)?;
        let session = Session::from_saved(saved);
        Ok(match history {
            Some(h) => with_history(session, h),
            None => session,
        })
    }

    /// A session on a saved one read without problems; its scenarios are
    /// numbered 1, 2... in order.
    fn from_saved(saved: SavedSession) -> Session {
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
                plan: s.plan.map(Box::new),
            });
        }
        session
    }

    /// A session from a saved one stored inside another (the state a stored
    /// history starts from): `None` at any problem.
    pub(super) fn from_saved_value(v: serde_json::Value) -> Option<Session> {
        let (saved, history, problems, more) = read_saved(v);
        (problems.is_empty() && more == 0 && history.is_none() && saved.schema == SESSION_SCHEMA)
            .then(|| Session::from_saved(saved))
    }
}

impl super::State {
    /// This state's saved form: scenarios by position, not by id.
    pub(super) fn saved_form(&self) -> SavedForm<'_> {
        SavedForm {
            schema: SESSION_SCHEMA,
            baseline: &self.baseline,
            scenarios: self
                .scenarios
                .iter()
                .map(|s| ScenarioForm {
                    name: &s.name,
                    model: &s.model,
                    plan: s.plan.as_deref(),
                })
                .collect(),
            active: self
                .active
                .and_then(|id| self.scenarios.iter().position(|s| s.id == id)),
        }
    }

    /// [`State::saved_form`], owned.
    pub(super) fn saved(&self) -> SavedSession {
        let form = self.saved_form();
        SavedSession {
            schema: form.schema.to_string(),
            baseline: form.baseline.clone(),
            scenarios: form
                .scenarios
                .iter()
                .map(|s| SavedScenario {
                    name: s.name.to_string(),
                    model: s.model.clone(),
                    plan: s.plan.cloned(),
                })
                .collect(),
            active: form.active,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_saved_json_is_the_saved_session_written() {
        let mut s = Session::new(crate::framework::sample());
        let first = s.start_scenario("W").unwrap();
        s.start_scenario("X").unwrap();
        s.show(Some(first)).unwrap();
        assert_eq!(s.saved_json(), serde_json::to_string(&s.saved()).unwrap());
        assert!(s.saved_json().contains("\"active\":0"));
    }

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

    fn sample_value() -> serde_json::Value {
        serde_json::from_str(crate::framework::SAMPLE_JSON).unwrap()
    }

    fn problems(text: &str) -> Vec<String> {
        Session::from_text(text).unwrap_err().lines()
    }

    #[test]
    fn problems_in_saved_models_carry_their_place() {
        let good = serde_json::to_value(Model::empty("Org")).unwrap();
        let mut bad = good.clone();
        bad["schema"] = "nope".into();
        // Keys come out sorted: "active" is first in the text.
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
            ["active", "scenarios[0].model.schema", "scenarios[1].name"]
        );
        assert_eq!(
            err.problems[0].message,
            "there is no scenario at position 7"
        );
        assert!(err.problems.iter().all(|p| p.line == Some(1)));
        assert!(Session::from_text("{not json").is_err());
    }

    #[test]
    fn shape_problems_deep_in_a_session_name_their_full_path() {
        let mut scenario = sample_value();
        scenario["assessments"][3]["current"] = "high".into();
        scenario["assessments"][4]["colour"] = "red".into();
        let saved = serde_json::json!({
            "schema": SESSION_SCHEMA,
            "baseline": sample_value(),
            "scenarios": [{"name": "A", "model": sample_value()}, {"name": "B", "model": scenario}],
        });
        let text = serde_json::to_string_pretty(&saved).unwrap();
        let got = problems(&text);
        assert_eq!(got.len(), 2, "{got:#?}");
        assert!(
            got[0].starts_with("scenarios[1].model.assessments[3].current (line ")
                && got[0].ends_with("): expected a number, found the string \"high\""),
            "{}",
            got[0]
        );
        assert!(
            got[1].starts_with("scenarios[1].model.assessments[4].colour (line "),
            "{}",
            got[1]
        );
    }

    #[test]
    fn a_damaged_session_says_where() {
        let good = serde_json::to_value(Model::empty("Org")).unwrap();
        let no_base = serde_json::json!({"schema": SESSION_SCHEMA}).to_string();
        assert_eq!(
            problems(&no_base),
            ["baseline (line 1, column 1): required, but missing"]
        );
        let text = serde_json::json!({
            "schema": SESSION_SCHEMA, "baseline": good, "extra": 1,
            "scenarios": [{"name": "A", "model": good}, 5, {"name": 3, "model": good}],
            "active": -1
        })
        .to_string();
        let got: Vec<String> = Session::from_text(&text)
            .unwrap_err()
            .problems
            .into_iter()
            .map(|p| format!("{}: {}", p.path, p.message))
            .collect();
        assert_eq!(
            got,
            [
                "active: expected a position in scenarios (a whole number, 0 or more), found the number -1",
                "extra: unknown field \"extra\" (a saved session has: schema, baseline, scenarios, active, history)",
                "scenarios[1]: expected a scenario (an object), found the number 5",
                "scenarios[2].name: expected a string, found the number 3",
            ]
        );
        let not_a_list =
            format!(r#"{{"schema": "{SESSION_SCHEMA}", "baseline": {good}, "scenarios": {{}}}}"#);
        assert_eq!(
            problems(&not_a_list),
            [format!(
                "scenarios (line 1, column {}): expected a list, found an object",
                not_a_list.find("\"scenarios\"").unwrap() + 1
            )]
        );
    }

    #[test]
    fn repeated_keys_and_a_byte_order_mark() {
        let good = serde_json::to_string(&Model::empty("Org")).unwrap();
        let text = format!(
            "\u{feff}{{\"schema\": \"{SESSION_SCHEMA}\", \"baseline\": {good}, \"active\": null}}"
        );
        assert!(Session::from_text(&text).is_ok());
        let twice =
            format!(r#"{{"schema": "{SESSION_SCHEMA}", "baseline": {good}, "baseline": {good}}}"#);
        let got = problems(&twice);
        assert_eq!(got.len(), 1);
        assert!(got[0].starts_with("baseline (line 1"), "{}", got[0]);
        assert!(got[0].contains("appears twice"), "{}", got[0]);
    }

    #[test]
    fn only_a_top_level_session_tag_makes_a_session() {
        assert!(validate::has_schema(
            &format!(r#"{{ "schema" :  "{SESSION_SCHEMA}" }}"#),
            SESSION_SCHEMA
        ));
        for text in [
            format!(r#"{{"name": {{"schema": "{SESSION_SCHEMA}"}}}}"#),
            format!(r#"{{"schema": "{SESSION_SCHEMA}x"}}"#),
            r#"{"schema": 3}"#.to_string(),
            r#"{"schema""#.to_string(),
            String::new(),
        ] {
            assert!(!validate::has_schema(&text, SESSION_SCHEMA), "{text}");
        }
        // Not a session, so read as a model: the model's message.
        let nested = format!(r#"{{"name": {{"schema": "{SESSION_SCHEMA}"}}}}"#);
        assert!(problems(&nested)[0].contains("every model starts with"));
    }

    #[test]
    fn a_plan_survives_the_stored_session_and_its_history() {
        use crate::analysis::{plan, PlanOptions};
        let sample = crate::framework::sample();
        let mut s = Session::new(sample.clone());
        let p = plan(
            &sample,
            &PlanOptions {
                max_changes: Some(4),
                ..Default::default()
            },
        );
        s.start_plan("Plan", p.clone()).unwrap();
        let back = Session::from_text(&s.stored_json()).unwrap();
        assert_eq!(back.active().and_then(|x| x.plan.as_deref()), Some(&p));
        assert!(back.can_undo(), "the history came back with the plan");
        let mut undone = back.clone();
        assert!(undone.undo() && undone.scenarios().is_empty());
        assert!(undone.redo());
        assert_eq!(undone.active().and_then(|x| x.plan.as_deref()), Some(&p));
        // a damaged plan is dropped; the what-if and its model stay
        let mut v: serde_json::Value = serde_json::from_str(&s.saved_json()).unwrap();
        v["scenarios"][0]["plan"]["steps"][0]["changes"] = serde_json::json!([{"nope": 1}]);
        let damaged = Session::from_text(&v.to_string()).unwrap();
        assert_eq!(damaged.scenarios()[0].model, s.scenarios()[0].model);
        assert!(damaged.scenarios()[0].plan.is_none());
    }
}
