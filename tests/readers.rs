//! The readers of every input — edits, view, render and export options,
//! saved sessions and models — on arbitrary JSON: they never panic, and
//! what they refuse always comes with at least one problem naming a place.

use proptest::prelude::*;
use serde_json::{json, Map, Value};
use workforce_ecosystem::edit::Edit;
use workforce_ecosystem::export::ExportOptions;
use workforce_ecosystem::model::Model;
use workforce_ecosystem::render::RenderOptions;
use workforce_ecosystem::session::{Session, SESSION_SCHEMA};
use workforce_ecosystem::validate::{self, Invalid};
use workforce_ecosystem::view::ViewOptions;

/// Keys the readers know, so that random objects reach deep into them.
const KEYS: &[&str] = &[
    "schema",
    "name",
    "framework",
    "players",
    "themes",
    "scale",
    "min",
    "max",
    "labels",
    "units",
    "assessments",
    "contributors",
    "responsibilities",
    "systems",
    "integrations",
    "id",
    "label",
    "theme",
    "player",
    "unit",
    "current",
    "target",
    "weight",
    "note",
    "kind",
    "headcount",
    "contributor",
    "activity",
    "control",
    "owner",
    "from",
    "to",
    "baseline",
    "scenarios",
    "active",
    "model",
    "overlay",
    "standalone",
    "finding",
    "selected",
    "showChanges",
    "skipFindings",
    "lang",
    "texts",
    "setName",
    "setAssessment",
    "removeAssessment",
    "addUnit",
    "updateResponsibility",
    "removeResponsibility",
    "addSystem",
    "odd key",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        Just(json!(u64::MAX)),
        prop::sample::select(KEYS).prop_map(Value::from),
        prop::sample::select(
            &[
                "workforce-ecosystem/v1",
                "workforce-ecosystem/v0",
                SESSION_SCHEMA,
                "external",
                "strict",
                "gap",
                "",
                "é\u{202e}",
            ][..]
        )
        .prop_map(Value::from),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(5, 96, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..6).prop_map(|kv| {
                Value::Object(
                    kv.into_iter()
                        .map(|(k, v)| (k.to_string(), v))
                        .collect::<Map<String, Value>>(),
                )
            }),
        ]
    })
}

fn refused_with_a_problem<T>(r: Result<T, Invalid>) -> Result<(), TestCaseError> {
    if let Err(e) = r {
        prop_assert!(!e.problems.is_empty());
        prop_assert!(e.problems.iter().all(|p| !p.message.is_empty()));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_value_makes_a_reader_panic(v in value()) {
        let text = v.to_string();
        refused_with_a_problem(Edit::from_json(v.clone()))?;
        refused_with_a_problem(ViewOptions::from_json(v.clone()))?;
        refused_with_a_problem(RenderOptions::from_json(v.clone()))?;
        refused_with_a_problem(ExportOptions::from_json(v))?;
        refused_with_a_problem(validate::parse_model(&text))?;
        refused_with_a_problem(validate::read_shape(&text))?;
    }

    /// A session's parts replaced by random values.
    #[test]
    fn no_session_makes_reading_panic(baseline in value(), scenarios in value(), active in value()) {
        let good = serde_json::to_value(Model::empty("A")).unwrap();
        let text = json!({
            "schema": SESSION_SCHEMA,
            "baseline": baseline,
            "scenarios": [{"name": "A", "model": good}, scenarios],
            "active": active,
        })
        .to_string();
        refused_with_a_problem(Session::from_text(&text))?;
    }
}
