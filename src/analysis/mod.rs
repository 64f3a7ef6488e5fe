//! The analyses of DESIGN §4: readiness, findings, the systems graph and the
//! comparison of a scenario with its baseline.

use crate::model::Model;
use serde::Serialize;
use std::collections::BTreeMap;

/// Readiness in [0, 1]; `None` where nothing is assessed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Readiness {
    pub overall: Option<f64>,
    pub themes: BTreeMap<String, Option<f64>>,
    pub players: BTreeMap<String, Option<f64>>,
    pub units: BTreeMap<String, Option<f64>>,
}

/// One thing the analysis found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub kind: String,
    pub severity: f64,
    pub explanation: String,
}

/// The systems graph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SystemsSummary {
    pub components: usize,
}

/// Everything `analyze` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub readiness: Readiness,
    pub findings: Vec<Finding>,
    pub systems: SystemsSummary,
}

/// Analyses a valid model. PLACEHOLDER until the analysis issue lands.
pub fn analyze(model: &Model) -> Analysis {
    Analysis {
        readiness: Readiness {
            overall: None,
            themes: BTreeMap::new(),
            players: BTreeMap::new(),
            units: BTreeMap::new(),
        },
        findings: Vec::new(),
        systems: SystemsSummary {
            components: model.systems.len(),
        },
    }
}

/// The difference between a baseline and a scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub overall_delta: Option<f64>,
}

/// Compares two valid models. PLACEHOLDER until the analysis issue lands.
pub fn compare(baseline: &Model, scenario: &Model) -> Comparison {
    let _ = (baseline, scenario);
    Comparison {
        overall_delta: None,
    }
}

/// A report a manager can read. PLACEHOLDER.
pub fn analysis_markdown(model: &Model, analysis: &Analysis) -> String {
    format!("# {}\n\n{} findings\n", model.name, analysis.findings.len())
}

/// A comparison report. PLACEHOLDER.
pub fn comparison_markdown(baseline: &Model, scenario: &Model, cmp: &Comparison) -> String {
    let _ = cmp;
    format!("# {} → {}\n", baseline.name, scenario.name)
}
