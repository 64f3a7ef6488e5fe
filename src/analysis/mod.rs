//! The analyses of DESIGN §4: readiness, findings, the systems graph and the
//! comparison of a scenario with its baseline, plus their Markdown reports.
//!
//! Everything here is deterministic and independent of the order of the
//! model's lists: maps are sorted by id, findings by priority then id.

mod compare;
mod findings;
mod readiness;
mod report;
mod systems;

pub use compare::{
    compare, compare_analyses, CellChange, CellValue, Comparison, Delta, ReadinessChange,
};
pub use findings::{reach, severity, CellRef, Finding, Kind};
pub use readiness::{readiness, Readiness};
pub use report::{analysis_markdown, comparison_markdown, escape_markdown};
pub use systems::SystemsSummary;

use crate::model::{Contributor, Model};
use serde::Serialize;
use std::collections::HashMap;

/// Everything `analyze` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub readiness: Readiness,
    /// Worst first: severity descending, then kind (in DESIGN's order), then id.
    pub findings: Vec<Finding>,
    pub systems: SystemsSummary,
}

/// Analyses a model: readiness, findings and the systems graph. Meant for a
/// validated model, but any model is analysed without panicking (unknown
/// references are skipped or shown by id).
pub fn analyze(model: &Model) -> Analysis {
    let graph = systems::Graph::new(model);
    let labels = Labels::new(model);
    Analysis {
        readiness: readiness::readiness(model),
        findings: findings::findings(model, &graph, &labels),
        systems: graph.summary(model),
    }
}

/// Id → label lookups for the sentences; an unknown id stands for itself.
pub(crate) struct Labels<'a> {
    model: &'a Model,
    players: HashMap<&'a str, &'a str>,
    themes: HashMap<&'a str, &'a str>,
    units: HashMap<&'a str, &'a str>,
    contributors: HashMap<&'a str, &'a Contributor>,
    systems: HashMap<&'a str, &'a str>,
}

fn first_label<'a>(items: impl Iterator<Item = (&'a str, &'a str)>) -> HashMap<&'a str, &'a str> {
    let mut map = HashMap::new();
    for (id, label) in items {
        map.entry(id).or_insert(label);
    }
    map
}

impl<'a> Labels<'a> {
    pub fn new(model: &'a Model) -> Labels<'a> {
        let fw = &model.framework;
        let mut contributors = HashMap::with_capacity(model.contributors.len());
        for c in &model.contributors {
            contributors.entry(c.id.as_str()).or_insert(c);
        }
        Labels {
            model,
            players: first_label(fw.players.iter().map(|i| (i.id.as_str(), i.label.as_str()))),
            themes: first_label(fw.themes.iter().map(|i| (i.id.as_str(), i.label.as_str()))),
            units: first_label(
                model
                    .units
                    .iter()
                    .map(|i| (i.id.as_str(), i.label.as_str())),
            ),
            contributors,
            systems: first_label(
                model
                    .systems
                    .iter()
                    .map(|s| (s.id.as_str(), s.label.as_str())),
            ),
        }
    }

    fn pick<'b>(map: &HashMap<&'a str, &'a str>, id: &'b str) -> &'b str
    where
        'a: 'b,
    {
        map.get(id).copied().unwrap_or(id)
    }

    pub fn player<'b>(&self, id: &'b str) -> &'b str
    where
        'a: 'b,
    {
        Self::pick(&self.players, id)
    }

    pub fn theme<'b>(&self, id: &'b str) -> &'b str
    where
        'a: 'b,
    {
        Self::pick(&self.themes, id)
    }

    pub fn unit<'b>(&self, id: &'b str) -> &'b str
    where
        'a: 'b,
    {
        Self::pick(&self.units, id)
    }

    pub fn system<'b>(&self, id: &'b str) -> &'b str
    where
        'a: 'b,
    {
        Self::pick(&self.systems, id)
    }

    pub fn contributor(&self, id: &str) -> Option<&'a Contributor> {
        self.contributors.get(id).copied()
    }

    /// A contributor's label with its headcount: "Gig workers (1,200 people)".
    pub fn contributor_phrase(&self, id: &str) -> String {
        match self.contributor(id) {
            Some(c) => match c.headcount {
                Some(1) => format!("{} (1 person)", c.label),
                Some(n) => format!("{} ({} people)", c.label, thousands(n)),
                None => c.label.clone(),
            },
            None => id.to_string(),
        }
    }

    /// A score with the scale's name for it when it sits on a named step:
    /// "1 (Ad hoc)".
    pub fn score(&self, value: f64) -> String {
        let scale = &self.model.scale;
        let step = value - scale.min;
        let name = (step >= 0.0 && step.fract() == 0.0 && step < scale.labels.len() as f64)
            .then(|| scale.labels.get(step as usize))
            .flatten()
            .filter(|l| !l.trim().is_empty());
        match name {
            Some(l) => format!("{} ({l})", number(value)),
            None => number(value),
        }
    }
}

/// A number as people write it: no trailing zeros, at most two decimals.
pub(crate) fn number(x: f64) -> String {
    if !x.is_finite() {
        return "?".into();
    }
    let s = format!("{:.2}", x);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// 1234567 → "1,234,567".
pub(crate) fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// "A", "A and B", "A, B and C".
pub(crate) fn join_and<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let head: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", head.join(", "), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(number(2.0), "2");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(1.0 / 3.0), "0.33");
        assert_eq!(number(-0.001), "0");
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(join_and::<&str>(&[]), "");
        assert_eq!(join_and(&["A"]), "A");
        assert_eq!(join_and(&["A", "B"]), "A and B");
        assert_eq!(join_and(&["A", "B", "C"]), "A, B and C");
    }

    #[test]
    fn labels_fall_back_to_ids_and_name_scale_steps() {
        let mut m = Model::empty("t");
        m.contributors = vec![Contributor {
            id: "gig".into(),
            label: "Gig workers".into(),
            kind: crate::model::ContributorKind::External,
            headcount: Some(1200),
        }];
        let l = Labels::new(&m);
        assert_eq!(l.player("hr"), "HR");
        assert_eq!(l.player("ghost"), "ghost");
        assert_eq!(l.theme("integration"), "Integration architectures");
        assert_eq!(l.contributor_phrase("gig"), "Gig workers (1,200 people)");
        assert_eq!(l.contributor_phrase("nobody"), "nobody");
        assert_eq!(l.score(1.0), "1 (Ad hoc)");
        assert_eq!(l.score(2.5), "2.5");
        assert_eq!(l.score(9.0), "9");
        assert_eq!(l.score(-1.0), "-1");
    }

    #[test]
    fn analyze_an_empty_model() {
        let a = analyze(&Model::empty("t"));
        assert_eq!(a.readiness.overall, None);
        assert!(a.findings.is_empty());
        assert_eq!(a.systems.components, 0);
    }
}
