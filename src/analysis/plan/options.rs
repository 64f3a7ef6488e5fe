//! What a plan is asked to resolve and within which budget: the finding
//! kinds and the least severity to resolve, at most so many changes or a
//! readiness to reach, and one unit's scores instead of the organization's.
//! Read from the page's JSON with the same messages and paths as every
//! other option object (`options.maxChanges`).

use crate::analysis::Kind;
use crate::validate::fields::{read_options, Need};
use crate::validate::Invalid;
use serde_json::Value;

/// The most changes a budget may name: more than any model holds.
pub const MAX_CHANGES: u64 = 1_000_000;

/// The options of [`super::plan`]; the default resolves every finding.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanOptions {
    /// The kinds to resolve; empty means every kind.
    pub kinds: Vec<Kind>,
    /// Only findings at least this severe.
    pub min_severity: Option<f64>,
    /// At most this many changes: the plan then holds those that gain the
    /// most readiness per change, then resolve the most severity per change.
    pub max_changes: Option<usize>,
    /// Stop as soon as readiness reaches this value (0–1), with the fewest
    /// score changes that get there.
    pub readiness: Option<f64>,
    /// Plan one unit's scores: its maturity gaps only, its readiness measured.
    pub unit: Option<String>,
}

impl PlanOptions {
    /// Whether findings of `kind` are to be resolved.
    pub fn wants(&self, kind: Kind) -> bool {
        self.kinds.is_empty() || self.kinds.contains(&kind)
    }

    /// Reads `{kinds?, minSeverity?, maxChanges?, readiness?, unit?}`;
    /// `null` is every default. Every problem is reported with its path.
    pub fn from_json(v: Value) -> Result<PlanOptions, Invalid> {
        read_options(v, "plan options", |r, mut f| {
            let at = *f.at();
            let kinds = Kind::read_list(r, &mut f, "kinds");
            let min_severity = f.number(r, "minSeverity", Need::Optional);
            let max_changes = f
                .count(
                    r,
                    "maxChanges",
                    Need::Optional,
                    "a number of changes (a whole number, 0 or more)",
                    u64::MAX,
                )
                .map(|n| n.min(MAX_CHANGES) as usize);
            let readiness = f.number(r, "readiness", Need::Optional);
            if readiness.is_some_and(|x| !(0.0..=1.0).contains(&x)) {
                r.fail(
                    &at.key("readiness"),
                    "a readiness target lies between 0 and 1".into(),
                );
            }
            let unit = f.string(r, "unit", Need::Optional);
            PlanOptions {
                kinds,
                min_severity,
                max_changes,
                readiness,
                unit,
            }
        })
    }
}

/// A kind from its name as the CLI and JSON write it (`maturity-gap`).
pub fn kind_named(name: &str) -> Option<Kind> {
    Kind::ALL.into_iter().find(|k| k.as_str() == name.trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_every_option_and_names_bad_ones_by_path() {
        let o = PlanOptions::from_json(json!({
            "kinds": ["silo", "maturity-gap"], "minSeverity": 1.5,
            "maxChanges": 3, "readiness": 0.75, "unit": "ports"
        }))
        .unwrap();
        assert_eq!(o.kinds, [Kind::Silo, Kind::MaturityGap]);
        assert!(o.wants(Kind::Silo) && !o.wants(Kind::Conflict));
        assert_eq!(
            (o.min_severity, o.max_changes, o.readiness),
            (Some(1.5), Some(3), Some(0.75))
        );
        assert_eq!(o.unit.as_deref(), Some("ports"));
        assert_eq!(
            PlanOptions::from_json(Value::Null).unwrap(),
            PlanOptions::default()
        );
        assert!(PlanOptions::default().wants(Kind::Uncovered));
        let err =
            PlanOptions::from_json(json!({"kinds": ["gaps"], "maxChanges": -1, "readiness": 2}))
                .unwrap_err()
                .to_string();
        for part in [
            "options.kinds[0]",
            "options.maxChanges",
            "options.readiness",
            "between 0 and 1",
        ] {
            assert!(err.contains(part), "{part}: {err}");
        }
        let many = json!({"kinds": vec!["silo"; 9]});
        assert!(PlanOptions::from_json(many)
            .unwrap_err()
            .to_string()
            .contains("at most 7 kinds"));
        assert_eq!(kind_named(" conflict"), Some(Kind::Conflict));
        assert_eq!(kind_named("gap"), None);
    }
}
