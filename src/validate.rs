//! Parsing and validation of models: every rule of DESIGN §3, every problem
//! reported at once with its JSON path.

use crate::model::{Model, SCHEMA_V1};
use serde::Serialize;
use std::fmt;

/// Models larger than this are refused before parsing.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// Models with more list items than this (all lists together) are refused.
pub const MAX_ITEMS: usize = 100_000;

/// One thing wrong with a model, where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// JSON path such as `assessments[3].player`; empty for the whole document.
    pub path: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "(model)"
        } else {
            &self.path
        };
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{path} (line {l}, column {c}): {}", self.message),
            _ => write!(f, "{path}: {}", self.message),
        }
    }
}

/// Every problem found in a model that cannot be used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Invalid {
    pub problems: Vec<Problem>,
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Invalid {}

/// Parses, migrates and validates a model's JSON text.
pub fn parse_model(text: &str) -> Result<Model, Invalid> {
    // PLACEHOLDER: the validation issue replaces this with the full rules.
    let model: Model = serde_json::from_str(text).map_err(|e| Invalid {
        problems: vec![Problem {
            path: String::new(),
            message: e.to_string(),
            line: Some(e.line()),
            column: Some(e.column()),
        }],
    })?;
    let problems = validate(&model);
    if problems.is_empty() {
        Ok(model)
    } else {
        Err(Invalid { problems })
    }
}

/// Checks the cross-references and ranges of an already typed model.
pub fn validate(model: &Model) -> Vec<Problem> {
    let mut problems = Vec::new();
    if model.schema != SCHEMA_V1 {
        problems.push(Problem {
            path: "schema".into(),
            message: format!("expected \"{SCHEMA_V1}\""),
            line: None,
            column: None,
        });
    }
    problems
}
