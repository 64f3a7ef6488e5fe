//! The analyses of docs/design.md §4: readiness, findings, the systems graph and the
//! comparison of a scenario with its baseline, plus their Markdown reports.
//!
//! Everything here is deterministic and independent of the order of the
//! model's lists: maps and lists are sorted by id, findings by priority.
//!
//! How it is laid out: `index` resolves the model's ids once into positions
//! and references into `names`, one string shared by the whole analysis;
//! readiness, the systems graph (`systems`) and the rules (`rules`) work on
//! those; a [`Finding`] (`finding`) is a kind, a severity and small
//! references, and writes its id, sentence and JSON when asked. [`compare`]
//! and the Markdown reports (`report`) build on [`analyze`]; so do
//! [`compare_answer`] (`answer`), a student's answer against the
//! instructor's, and [`plan()`], the fewest changes that resolve the findings.

mod answer;
mod by_id;
mod changed;
mod compare;
pub(crate) mod finding;
mod index;
mod kept;
mod names;
pub mod plan;
mod readiness;
pub(crate) mod report;
mod rules;
mod shared;
mod systems;
mod wording;

pub use answer::{compare_answer, AnswerCell, AnswerComparison, AnswerUnit, Verdict};
use by_id::by_id;
pub use by_id::ById;
pub use changed::{ContributorChange, Owner, OwnersChange, SystemChange, SystemFacts};
pub use compare::{
    comparable, compare, compare_analyses, CellChange, CellValue, ChangeCount, Comparison, Delta,
    ReadinessChange,
};
pub use finding::{Finding, FindingCell, Kind, KindNames};
pub use kept::Kept;
pub use plan::{plan, Plan, PlanOptions};
pub use readiness::{readiness, Readiness};
pub use report::{analysis_markdown, comparison_markdown, escape_markdown};
pub use rules::{reach, severity};
pub use shared::Text;
pub use systems::SystemsSummary;

use crate::model::Model;
use serde::Serialize;
use std::sync::Arc;

/// Everything `analyze` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub readiness: Readiness,
    /// Worst first: severity descending, then kind (in docs/design.md's order), then
    /// a fixed order derived from the ids.
    pub findings: Vec<Finding>,
    pub systems: SystemsSummary,
    /// Cells whose merged respondents are two scale steps apart or more
    /// ([`crate::voices::disagreements`]); left out of the JSON when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub disagreements: Vec<crate::voices::Disagreement>,
}

/// Analyses a model: readiness, findings and the systems graph. Meant for a
/// validated model, but any model is analysed without panicking (unknown
/// references are skipped or shown by id).
pub fn analyze(model: &Model) -> Analysis {
    // Default names in the current language (the model itself unchanged).
    let shown = crate::language::localized(model);
    let mut index = index::Index::new(&shown);
    let graph = systems::Graph::new(&index);
    let readiness = readiness::readiness_with(&index);
    let systems = graph.summary(&mut index);
    let raw = rules::collect(&mut index, &graph);
    let order = rules::prioritise(&raw, &index.names);
    let names = Arc::new(std::mem::take(&mut index.names));
    let findings = order
        .iter()
        .map(|&i| {
            let (kind, severity, subject) = raw[i];
            Finding {
                kind,
                severity,
                subject,
                names: names.clone(),
            }
        })
        .collect();
    Analysis {
        readiness,
        findings,
        systems: SystemsSummary::new(names, systems),
        disagreements: crate::voices::disagreements(model),
    }
}

/// What it means that a model has no findings: `"empty"` when there is
/// nothing to analyse yet (no score, contributor or system: say what to do
/// first), `"unassessed"` when no cell is scored yet, `"clear"` when every
/// assessed cell meets its target and the organization is covered,
/// tracked and connected. `None` while there are findings.
pub fn quiet(model: &Model, analysis: &Analysis) -> Option<&'static str> {
    if !analysis.findings.is_empty() {
        return None;
    }
    Some(if !model.assessments.is_empty() {
        "clear"
    } else if model.contributors.is_empty() && model.systems.is_empty() {
        "empty"
    } else {
        "unassessed"
    })
}

/// The maps of the analysis are keyed by the model's own short ids and sit
/// on the hot path, where SipHash's flood resistance buys nothing (a model can
/// only slow down the analysis of itself): rustc's FxHash is faster there.
pub(crate) use rustc_hash::FxBuildHasher;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_model_says_what_to_do_first() {
        let empty = Model::empty("Org");
        assert_eq!(quiet(&empty, &analyze(&empty)), Some("empty"));
        let sample = crate::framework::sample();
        assert_eq!(quiet(&sample, &analyze(&sample)), None);
        let mut scored = empty.clone();
        scored.assessments.push(crate::model::Assessment {
            theme: "leadership".into(),
            player: "hr".into(),
            unit: None,
            current: 2.0,
            target: None,
            weight: 1.0,
            note: None,
        });
        assert_eq!(quiet(&scored, &analyze(&scored)), Some("clear"));
        let mut tracked = empty;
        tracked.systems.push(crate::model::System {
            id: "hris".into(),
            label: "HRIS".into(),
            owner: "hr".into(),
            contributors: vec![],
        });
        assert_eq!(quiet(&tracked, &analyze(&tracked)), Some("unassessed"));
    }

    #[test]
    fn fast_hashes_spread_similar_ids_over_buckets() {
        use std::hash::BuildHasher;
        let build = FxBuildHasher;
        let buckets: std::collections::HashSet<u64> = (0..4096)
            .map(|k| build.hash_one(format!("contractors-g{k}").as_str()) & 0xfff)
            .collect();
        // A uniform hash fills about 63% of 4096 buckets with 4096 keys.
        assert!(buckets.len() > 2000, "{} buckets", buckets.len());
    }

    #[test]
    fn analyze_an_empty_model() {
        let a = analyze(&Model::empty("t"));
        assert_eq!(a.readiness.overall, None);
        assert!(a.findings.is_empty());
        assert_eq!(a.systems.components, 0);
    }
}
