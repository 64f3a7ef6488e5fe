//! Findings: the rules of DESIGN §4, each finding with a stable id, a kind, a
//! severity, the cells and items it concerns, and one plain sentence naming
//! them by their labels.
//!
//! Severity puts every kind on one priority list. A `maturity-gap` is
//! `gap × weight`, in scale steps, as DESIGN defines. The structural kinds are
//! expressed as a fraction of the scale's span (`max − min`, 4 on the standard
//! scale), so they weigh the same against gaps whatever the scale, and are
//! multiplied by the *reach* of the contributor concerned
//! (`1 + log10(1 + headcount) / 4`: 1 without headcount, 1.5 for 100 people,
//! 2 for 10,000), so that large populations come first without dwarfing all
//! else. See [`severity`] for the fractions.

use super::systems::Graph;
use super::{join_and, number, Labels};
use crate::model::{Control, Model};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// The kinds of finding, in DESIGN's order (also the tie-break order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    MaturityGap,
    Uncovered,
    Redundant,
    Conflict,
    Untracked,
    Fragmented,
    Silo,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::MaturityGap,
        Kind::Uncovered,
        Kind::Redundant,
        Kind::Conflict,
        Kind::Untracked,
        Kind::Fragmented,
        Kind::Silo,
    ];

    /// The kind as it appears in JSON and in finding ids.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::MaturityGap => "maturity-gap",
            Kind::Uncovered => "uncovered",
            Kind::Redundant => "redundant",
            Kind::Conflict => "conflict",
            Kind::Untracked => "untracked",
            Kind::Fragmented => "fragmented",
            Kind::Silo => "silo",
        }
    }
}

/// The structural severities, as fractions of the scale's span, before the
/// contributor's reach multiplies them. On the standard 0–4 scale a gap of two
/// steps weighs 2; an uncovered theme for a contributor without headcount, 2.
pub mod severity {
    /// A (contributor, theme) nobody owns.
    pub const UNCOVERED: f64 = 0.5;
    /// A contributor no system tracks.
    pub const UNTRACKED: f64 = 0.5;
    /// Per player beyond the first in a redundant group.
    pub const REDUNDANT_PER_EXTRA_PLAYER: f64 = 0.25;
    /// Added to the group's redundant severity, so a conflict always ranks
    /// above the redundancy it is part of.
    pub const CONFLICT_ABOVE_REDUNDANT: f64 = 0.5;
    /// Per disconnected group of systems beyond the first.
    pub const FRAGMENTED_PER_EXTRA_GROUP: f64 = 0.25;
    /// A system with no integration (times the largest reach it tracks).
    pub const SILO: f64 = 0.25;
}

/// How much a contributor's headcount raises the severity of what concerns
/// it: `1 + log10(1 + headcount) / 4`, 1 when the headcount is unknown.
pub fn reach(headcount: Option<u64>) -> f64 {
    1.0 + headcount.map_or(0.0, |h| (1.0 + h as f64).log10() / 4.0)
}

/// A cell a finding concerns; `unit` only for a unit's own assessment.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct CellRef {
    pub theme: String,
    pub player: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

/// One thing the analysis found. The id arrays are sorted and empty where
/// they do not apply.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// `kind:` then the ids the finding is about, joined by `:` (with `%` and
    /// `:` inside ids written `%25` and `%3A`), e.g.
    /// `redundant:gig:integration:sourcing`. Stable across edits that do not
    /// change what the finding is about; `compare` matches findings by it.
    pub id: String,
    pub kind: Kind,
    pub severity: f64,
    /// One sentence naming everything by its label. Plain text: escape it for
    /// whatever format it is put in.
    pub explanation: String,
    pub cells: Vec<CellRef>,
    pub players: Vec<String>,
    pub themes: Vec<String>,
    pub contributors: Vec<String>,
    pub systems: Vec<String>,
    pub units: Vec<String>,
}

impl Finding {
    fn new(kind: Kind, about: &[&str], severity: f64, explanation: String) -> Finding {
        let mut id = String::from(kind.as_str());
        for part in about {
            id.push(':');
            for ch in part.chars() {
                match ch {
                    '%' => id.push_str("%25"),
                    ':' => id.push_str("%3A"),
                    c => id.push(c),
                }
            }
        }
        Finding {
            id,
            kind,
            severity,
            explanation,
            cells: Vec::new(),
            players: Vec::new(),
            themes: Vec::new(),
            contributors: Vec::new(),
            systems: Vec::new(),
            units: Vec::new(),
        }
    }
}

fn ids<'a>(items: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut v: Vec<String> = items.into_iter().map(String::from).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Labels in reading order (by label, then id), so sentences do not depend on
/// the order of the model's lists.
fn by_label<'a>(
    ids: impl IntoIterator<Item = &'a str>,
    label: impl Fn(&'a str) -> String,
) -> Vec<String> {
    let mut v: Vec<(String, &str)> = ids.into_iter().map(|id| (label(id), id)).collect();
    v.sort_unstable();
    v.dedup_by(|a, b| a.1 == b.1);
    v.into_iter().map(|(l, _)| l).collect()
}

/// An activity as a key: trimmed, and blank is the same as missing.
fn activity(a: &Option<String>) -> Option<&str> {
    a.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// All findings of a model, in priority order.
pub(crate) fn findings(model: &Model, graph: &Graph, labels: &Labels) -> Vec<Finding> {
    let span = model.scale.max - model.scale.min;
    let span = if span.is_finite() && span > 0.0 {
        span
    } else {
        1.0
    };
    let mut out = Vec::new();
    maturity_gaps(model, labels, &mut out);
    coverage(model, labels, span, &mut out);
    tracking(model, graph, labels, span, &mut out);
    out.sort_by(|a, b| {
        b.severity
            .total_cmp(&a.severity)
            .then(a.kind.cmp(&b.kind))
            .then_with(|| a.id.cmp(&b.id))
    });
    // Two findings share an id only when the model repeats an id or a cell,
    // which validation forbids; keep the worst so ids stay keys.
    let mut seen = HashSet::with_capacity(out.len());
    out.retain(|f| seen.insert(f.id.clone()));
    out
}

/// `maturity-gap`: one finding per assessment whose target is above its
/// current score.
fn maturity_gaps(model: &Model, labels: &Labels, out: &mut Vec<Finding>) {
    for a in &model.assessments {
        let Some(target) = a.target else { continue };
        let gap = target - a.current;
        if gap.is_nan() || gap <= 0.0 {
            continue;
        }
        let unit = a.unit.as_deref();
        let mut sentence = String::new();
        if let Some(u) = unit {
            sentence.push_str(&format!("In {}, ", labels.unit(u)));
        }
        sentence.push_str(&format!(
            "{} is at {} on {} against a target of {}, a gap of {}",
            labels.player(&a.player),
            labels.score(a.current),
            labels.theme(&a.theme),
            labels.score(target),
            number(gap),
        ));
        if a.weight != 1.0 {
            sentence.push_str(&format!(" (weight {})", number(a.weight)));
        }
        sentence.push('.');
        let mut f = Finding::new(
            Kind::MaturityGap,
            &[&a.theme, &a.player, unit.unwrap_or("")],
            gap * a.weight.max(0.0),
            sentence,
        );
        f.cells.push(CellRef {
            theme: a.theme.clone(),
            player: a.player.clone(),
            unit: a.unit.clone(),
        });
        f.players.push(a.player.clone());
        f.themes.push(a.theme.clone());
        f.units.extend(a.unit.clone());
        out.push(f);
    }
}

/// `uncovered`, `redundant` and `conflict`: who is responsible for what.
fn coverage(model: &Model, labels: &Labels, span: f64, out: &mut Vec<Finding>) {
    type Key<'a> = (&'a str, &'a str, Option<&'a str>);
    let mut covered: HashSet<(&str, &str)> = HashSet::new();
    let mut groups: HashMap<Key, Vec<(&str, Option<Control>)>> = HashMap::new();
    for r in &model.responsibilities {
        covered.insert((&r.contributor, &r.theme));
        groups
            .entry((&r.contributor, &r.theme, activity(&r.activity)))
            .or_default()
            .push((&r.player, r.control));
    }

    let mut listed = HashSet::new();
    for c in &model.contributors {
        if !listed.insert(c.id.as_str()) {
            continue;
        }
        let reach = reach(c.headcount);
        for t in &model.framework.themes {
            if covered.contains(&(c.id.as_str(), t.id.as_str())) {
                continue;
            }
            let mut f = Finding::new(
                Kind::Uncovered,
                &[&c.id, &t.id],
                severity::UNCOVERED * span * reach,
                format!(
                    "No player is responsible for {} under {}, so nobody owns it.",
                    labels.contributor_phrase(&c.id),
                    t.label
                ),
            );
            f.contributors.push(c.id.clone());
            f.themes.push(t.id.clone());
            out.push(f);
        }
    }

    for ((contributor, theme, act), members) in groups {
        let players = ids(members.iter().map(|m| m.0));
        if players.len() < 2 {
            continue;
        }
        let reach = reach(labels.contributor(contributor).and_then(|c| c.headcount));
        let names = by_label(players.iter().map(String::as_str), |p| {
            labels.player(p).to_string()
        });
        let what = match act {
            Some(a) => format!("“{a}” for"),
            None => "responsibility for".to_string(),
        };
        let lead = format!(
            "{} {} take on {} {} under {}{}",
            join_and(&names),
            if names.len() == 2 { "both" } else { "all" },
            what,
            labels.contributor_phrase(contributor),
            labels.theme(theme),
            if act.is_none() {
                " with no activity named"
            } else {
                ""
            },
        );
        let about = [contributor, theme, act.unwrap_or("")];
        let redundant_severity =
            severity::REDUNDANT_PER_EXTRA_PLAYER * (players.len() - 1) as f64 * span * reach;
        let cells_of = |players: &[String]| -> Vec<CellRef> {
            players
                .iter()
                .map(|p| CellRef {
                    theme: theme.to_string(),
                    player: p.clone(),
                    unit: None,
                })
                .collect()
        };

        let mut f = Finding::new(
            Kind::Redundant,
            &about,
            redundant_severity,
            format!("{lead}, duplicating effort."),
        );
        f.cells = cells_of(&players);
        f.players = players.clone();
        f.themes.push(theme.to_string());
        f.contributors.push(contributor.to_string());
        out.push(f);

        // One without `control` conflicts with nothing.
        let controlled: Vec<(&str, Control)> = members
            .iter()
            .filter_map(|&(p, c)| c.map(|c| (p, c)))
            .collect();
        let mut levels: Vec<Control> = controlled.iter().map(|m| m.1).collect();
        levels.sort_unstable();
        levels.dedup();
        if levels.len() < 2 {
            continue;
        }
        let in_conflict = ids(controlled.iter().map(|m| m.0));
        let mut stances: Vec<(String, String)> = in_conflict
            .iter()
            .map(|p| {
                let mut own: Vec<Control> = controlled
                    .iter()
                    .filter(|m| m.0 == p)
                    .map(|m| m.1)
                    .collect();
                own.sort_unstable();
                own.dedup();
                let own: Vec<&str> = own.iter().map(|c| c.as_str()).collect();
                (labels.player(p).to_string(), join_and(&own))
            })
            .collect();
        stances.sort_unstable();
        let stances: Vec<String> = stances
            .into_iter()
            .map(|(p, c)| format!("{p} {c}"))
            .collect();
        let mut f = Finding::new(
            Kind::Conflict,
            &about,
            redundant_severity + severity::CONFLICT_ABOVE_REDUNDANT * span * reach,
            format!(
                "{lead} but set differing control levels ({}), sending mixed messages.",
                stances.join(", ")
            ),
        );
        f.cells = cells_of(&in_conflict);
        f.players = in_conflict;
        f.themes.push(theme.to_string());
        f.contributors.push(contributor.to_string());
        out.push(f);
    }
}

/// `untracked`, `fragmented` and `silo`: the systems graph.
fn tracking(model: &Model, graph: &Graph, labels: &Labels, span: f64, out: &mut Vec<Finding>) {
    let system_label = |i: usize| labels.system(&model.systems[i].id).to_string();
    let mut listed = HashSet::new();
    for c in &model.contributors {
        if !listed.insert(c.id.as_str()) {
            continue;
        }
        let reach = reach(c.headcount);
        let groups = graph.tracking_groups(&c.id);
        if groups.is_empty() {
            let mut f = Finding::new(
                Kind::Untracked,
                &[&c.id],
                severity::UNTRACKED * span * reach,
                format!(
                    "No system tracks {}, so nobody holds data on them.",
                    labels.contributor_phrase(&c.id)
                ),
            );
            f.contributors.push(c.id.clone());
            out.push(f);
            continue;
        }
        if groups.len() < 2 {
            continue;
        }
        let mut named: Vec<Vec<String>> = groups
            .iter()
            .map(|g| {
                let mut names: Vec<String> = g.iter().map(|&s| system_label(s)).collect();
                names.sort_unstable();
                names
            })
            .collect();
        named.sort_unstable();
        let sentence = if named.iter().all(|g| g.len() == 1) {
            let flat: Vec<&String> = named.iter().flatten().collect();
            format!(
                "The data on {} is split between {}, which no integration connects, directly or through other systems.",
                labels.contributor_phrase(&c.id),
                join_and(&flat)
            )
        } else {
            let parts: Vec<String> = named.iter().map(|g| join_and(g)).collect();
            format!(
                "The data on {} is split across {} groups of systems that no integration connects ({}).",
                labels.contributor_phrase(&c.id),
                named.len(),
                parts.join("; ")
            )
        };
        let mut f = Finding::new(
            Kind::Fragmented,
            &[&c.id],
            severity::FRAGMENTED_PER_EXTRA_GROUP * (groups.len() - 1) as f64 * span * reach,
            sentence,
        );
        f.contributors.push(c.id.clone());
        f.systems = ids(groups
            .iter()
            .flatten()
            .map(|&s| model.systems[s].id.as_str()));
        out.push(f);
    }

    if model.systems.len() < 2 {
        return;
    }
    for (i, s) in model.systems.iter().enumerate() {
        if graph.degree[i] > 0 {
            continue;
        }
        let tracked = ids(s.contributors.iter().map(String::as_str));
        let most = tracked
            .iter()
            .map(|c| reach(labels.contributor(c).and_then(|c| c.headcount)))
            .fold(1.0, f64::max);
        let mut sentence = format!(
            "{} (owned by {}) has no integration with any other system",
            s.label,
            labels.player(&s.owner)
        );
        if tracked.is_empty() {
            sentence.push('.');
        } else {
            let names = by_label(tracked.iter().map(String::as_str), |c| {
                labels
                    .contributor(c)
                    .map_or(c.to_string(), |c| c.label.clone())
            });
            sentence.push_str(&format!(
                ", so its data on {} stays there.",
                join_and(&names)
            ));
        }
        let mut f = Finding::new(Kind::Silo, &[&s.id], severity::SILO * span * most, sentence);
        f.systems.push(s.id.clone());
        f.players.push(s.owner.clone());
        f.contributors = tracked;
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::model::{
        Assessment, Contributor, ContributorKind, Integration, Item, Responsibility, System,
    };

    fn contributor(id: &str, label: &str, headcount: Option<u64>) -> Contributor {
        Contributor {
            id: id.into(),
            label: label.into(),
            kind: ContributorKind::External,
            headcount,
        }
    }

    fn resp(c: &str, t: &str, p: &str, act: Option<&str>, ctl: Option<Control>) -> Responsibility {
        Responsibility {
            contributor: c.into(),
            theme: t.into(),
            player: p.into(),
            activity: act.map(Into::into),
            control: ctl,
        }
    }

    fn system(id: &str, label: &str, owner: &str, tracks: &[&str]) -> System {
        System {
            id: id.into(),
            label: label.into(),
            owner: owner.into(),
            contributors: tracks.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn link(a: &str, b: &str) -> Integration {
        Integration {
            from: a.into(),
            to: b.into(),
        }
    }

    fn assess(
        t: &str,
        p: &str,
        unit: Option<&str>,
        cur: f64,
        tgt: Option<f64>,
        w: f64,
    ) -> Assessment {
        Assessment {
            theme: t.into(),
            player: p.into(),
            unit: unit.map(Into::into),
            current: cur,
            target: tgt,
            weight: w,
            note: None,
        }
    }

    /// A model where one contributor is covered on every theme by HR alone and
    /// tracked by one system, so it raises nothing by itself.
    fn quiet() -> Model {
        let mut m = Model::empty("t");
        m.contributors = vec![contributor("crews", "Subcontracted crews", Some(40))];
        m.responsibilities = m
            .framework
            .themes
            .iter()
            .map(|t| resp("crews", &t.id, "hr", None, None))
            .collect();
        m.systems = vec![system("hris", "HRIS", "hr", &["crews"])];
        m
    }

    fn of(m: &Model, kind: Kind) -> Vec<Finding> {
        analyze(m)
            .findings
            .into_iter()
            .filter(|f| f.kind == kind)
            .collect()
    }

    #[test]
    fn quiet_model_has_no_finding() {
        assert!(analyze(&quiet()).findings.is_empty());
    }

    #[test]
    fn maturity_gap_needs_a_target_above_current() {
        let mut m = quiet();
        m.units = vec![Item::new("retail", "Retail")];
        m.assessments = vec![
            assess("integration", "hr", Some("retail"), 1.0, Some(3.0), 1.5),
            assess("integration", "it", None, 2.0, None, 1.0),
            assess("integration", "procurement", None, 3.0, Some(2.0), 1.0),
            assess("integration", "senior-leaders", None, 2.0, Some(2.0), 1.0),
        ];
        let gaps = of(&m, Kind::MaturityGap);
        assert_eq!(gaps.len(), 1, "{gaps:?}");
        let g = &gaps[0];
        assert_eq!(g.id, "maturity-gap:integration:hr:retail");
        assert_eq!(g.severity, 3.0);
        assert_eq!(
            g.explanation,
            "In Retail, HR is at 1 (Ad hoc) on Integration architectures against a target of 3 (Integrated), a gap of 2 (weight 1.5)."
        );
        assert_eq!(
            g.cells,
            vec![CellRef {
                theme: "integration".into(),
                player: "hr".into(),
                unit: Some("retail".into())
            }]
        );
        assert_eq!(
            (g.units.clone(), g.players.clone()),
            (vec!["retail".to_string()], vec!["hr".to_string()])
        );
    }

    #[test]
    fn uncovered_pairs_and_a_responsibility_covers_its_theme() {
        let mut m = quiet();
        m.responsibilities.retain(|r| r.theme != "technology");
        let u = of(&m, Kind::Uncovered);
        assert_eq!(u.len(), 1);
        assert_eq!(u[0].id, "uncovered:crews:technology");
        assert_eq!(
            u[0].explanation,
            "No player is responsible for Subcontracted crews (40 people) under Technology enablers, so nobody owns it."
        );
        assert!((u[0].severity - 0.5 * 4.0 * reach(Some(40))).abs() < 1e-12);
        m.responsibilities
            .push(resp("crews", "technology", "it", Some("payroll"), None));
        assert!(of(&m, Kind::Uncovered).is_empty());
    }

    #[test]
    fn one_player_named_twice_is_not_redundant() {
        let mut m = quiet();
        m.responsibilities.push(resp(
            "crews",
            "integration",
            "hr",
            None,
            Some(Control::Strict),
        ));
        m.responsibilities.push(resp(
            "crews",
            "integration",
            "hr",
            None,
            Some(Control::Light),
        ));
        assert!(of(&m, Kind::Redundant).is_empty());
        assert!(of(&m, Kind::Conflict).is_empty());
    }

    #[test]
    fn redundant_groups_by_activity_and_missing_activity_is_its_own_value() {
        let mut m = quiet();
        // HR has "integration" with no activity already (from quiet()).
        m.responsibilities.extend([
            resp(
                "crews",
                "integration",
                "procurement",
                Some("sourcing"),
                None,
            ),
            resp("crews", "integration", "hr", Some(" sourcing "), None),
            resp("crews", "integration", "it", Some("payroll"), None),
            resp("crews", "integration", "finance-legal", Some(""), None),
        ]);
        let r = of(&m, Kind::Redundant);
        let found: Vec<&str> = r.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(
            found,
            [
                "redundant:crews:integration:",
                "redundant:crews:integration:sourcing"
            ]
        );
        let sourcing = &r[1];
        assert_eq!(sourcing.players, ["hr", "procurement"]);
        assert_eq!(
            sourcing.explanation,
            "HR and Procurement both take on “sourcing” for Subcontracted crews (40 people) under Integration architectures, duplicating effort."
        );
        assert_eq!(
            r[0].explanation,
            "Finance & legal and HR both take on responsibility for Subcontracted crews (40 people) under Integration architectures with no activity named, duplicating effort."
        );
        assert_eq!(sourcing.cells.len(), 2);
        assert!(sourcing
            .cells
            .iter()
            .all(|c| c.theme == "integration" && c.unit.is_none()));
    }

    #[test]
    fn conflict_needs_two_differing_levels_and_ignores_missing_control() {
        let mut m = quiet();
        m.responsibilities.extend([
            resp(
                "crews",
                "management",
                "procurement",
                Some("contracting"),
                Some(Control::Light),
            ),
            resp(
                "crews",
                "management",
                "finance-legal",
                Some("contracting"),
                None,
            ),
            resp(
                "crews",
                "management",
                "hr",
                Some("contracting"),
                Some(Control::Light),
            ),
        ]);
        assert_eq!(of(&m, Kind::Redundant).len(), 1);
        assert!(
            of(&m, Kind::Conflict).is_empty(),
            "same level, or none, is no conflict"
        );
        m.responsibilities[6].control = Some(Control::Strict);
        let c = of(&m, Kind::Conflict);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].id, "conflict:crews:management:contracting");
        assert_eq!(c[0].players, ["hr", "procurement"]);
        assert_eq!(
            c[0].explanation,
            "Finance & legal, HR and Procurement all take on “contracting” for Subcontracted crews (40 people) under Management practices but set differing control levels (HR strict, Procurement light), sending mixed messages."
        );
        let r = &of(&m, Kind::Redundant)[0];
        assert!(c[0].severity > r.severity);
        let all = analyze(&m).findings;
        assert_eq!(
            all[0].kind,
            Kind::Conflict,
            "conflict ranks above its redundancy"
        );
    }

    #[test]
    fn untracked_and_fragmented() {
        let mut m = quiet();
        m.contributors
            .push(contributor("apps", "App developers", None));
        m.responsibilities.extend(
            m.framework
                .themes
                .clone()
                .iter()
                .map(|t| resp("apps", &t.id, "it", None, None)),
        );
        m.systems.push(system(
            "vms",
            "Vendor management system",
            "procurement",
            &["crews"],
        ));
        m.integrations = vec![link("vms", "hris")];
        let u = of(&m, Kind::Untracked);
        assert_eq!(u.len(), 1);
        assert_eq!(
            u[0].explanation,
            "No system tracks App developers, so nobody holds data on them."
        );
        assert!(of(&m, Kind::Fragmented).is_empty());
        m.integrations.clear();
        let f = of(&m, Kind::Fragmented);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].systems, ["hris", "vms"]);
        assert_eq!(
            f[0].explanation,
            "The data on Subcontracted crews (40 people) is split between HRIS and Vendor management system, which no integration connects, directly or through other systems."
        );
    }

    #[test]
    fn connected_through_a_third_system_is_not_fragmented() {
        let mut m = quiet();
        m.systems
            .push(system("vms", "VMS", "procurement", &["crews"]));
        m.systems.push(system("lake", "Data lake", "it", &[]));
        m.integrations = vec![link("hris", "lake"), link("vms", "lake")];
        assert!(of(&m, Kind::Fragmented).is_empty());
        m.systems
            .push(system("apps", "App console", "it", &["crews"]));
        m.systems.push(system("ats", "ATS", "hr", &["crews"]));
        m.integrations.push(link("apps", "ats"));
        let f = of(&m, Kind::Fragmented);
        assert_eq!(
            f[0].explanation,
            "The data on Subcontracted crews (40 people) is split across 2 groups of systems that no integration connects (ATS and App console; HRIS and VMS)."
        );
        assert_eq!(f[0].systems, ["apps", "ats", "hris", "vms"]);
    }

    #[test]
    fn a_single_system_is_no_silo() {
        let m = quiet();
        assert!(of(&m, Kind::Silo).is_empty());
        let mut m = quiet();
        m.systems.push(system("wiki", "Partner wiki", "it", &[]));
        let s = of(&m, Kind::Silo);
        let ids: Vec<&str> = s.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["silo:hris", "silo:wiki"]);
        assert_eq!(
            s[0].explanation,
            "HRIS (owned by HR) has no integration with any other system, so its data on Subcontracted crews stays there."
        );
        assert_eq!(
            s[1].explanation,
            "Partner wiki (owned by IT) has no integration with any other system."
        );
        assert!(
            s[0].severity > s[1].severity,
            "tracking 40 people weighs more than nobody"
        );
        m.integrations = vec![link("wiki", "hris")];
        assert!(of(&m, Kind::Silo).is_empty());
    }

    #[test]
    fn ids_escape_separators_and_priority_is_severity_then_kind_then_id() {
        let mut m = Model::empty("t");
        m.contributors = vec![contributor("a:b", "A", None), contributor("a%", "B", None)];
        let f = analyze(&m).findings;
        assert!(f.iter().any(|f| f.id == "untracked:a%3Ab"));
        assert!(f.iter().any(|f| f.id == "uncovered:a%25:leadership"));
        // All these weigh 2: uncovered before untracked, then by id.
        assert!(f.iter().all(|f| f.severity == 2.0));
        let order: Vec<&str> = f.iter().map(|f| f.id.as_str()).collect();
        let mut expected = order.clone();
        expected.sort_by_key(|id| (!id.starts_with("uncovered"), id.to_string()));
        assert_eq!(order, expected);
        assert_eq!(f.len(), 10);
    }

    #[test]
    fn reach_grows_slowly_with_headcount() {
        assert_eq!(reach(None), 1.0);
        assert_eq!(reach(Some(0)), 1.0);
        assert!((reach(Some(99)) - 1.5).abs() < 1e-12);
        assert!((reach(Some(9_999)) - 2.0).abs() < 1e-12);
    }

    #[test]
    fn structural_severity_follows_the_scale_span() {
        let mut m = quiet();
        m.contributors[0].headcount = None;
        m.responsibilities.pop();
        assert_eq!(of(&m, Kind::Uncovered)[0].severity, 2.0);
        m.scale.max = 100.0;
        assert_eq!(of(&m, Kind::Uncovered)[0].severity, 50.0);
    }
}
