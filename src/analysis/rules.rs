//! The rules of docs/design.md §4 that produce findings, and the priority order.
//!
//! Severity puts every kind on one priority list. A `maturity-gap` is
//! `gap × weight`, in scale steps, as docs/design.md defines. The structural kinds are
//! expressed as a fraction of the scale's span (`max − min`, 4 on the standard
//! scale), so they weigh the same against gaps whatever the scale, and are
//! multiplied by the *reach* of the contributor concerned
//! (`1 + log10(1 + headcount) / 4`: 1 without headcount, 1.5 for 100 people,
//! 2 for 10,000), so that large populations come first without dwarfing all
//! else. See [`severity`] for the fractions.

use super::finding::{control_bits, hash_id, write_id, Kind, Subject};
use super::index::{Index, UnitAt};
use super::names::{Names, Ref};
use super::systems::Graph;
use std::hash::{BuildHasher, Hasher};

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

/// An activity as a key: trimmed, and blank is the same as missing.
fn activity(a: &Option<String>) -> Option<&str> {
    a.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// What a rule found, before the analysis's names are shared.
pub(crate) type Raw = (Kind, f64, Subject);

/// Every finding of a resolved model, unordered.
pub(crate) fn collect(index: &mut Index, graph: &Graph) -> Vec<Raw> {
    let model = index.model;
    let span = model.scale.max - model.scale.min;
    let span = if span.is_finite() && span > 0.0 {
        span
    } else {
        1.0
    };
    let mut out = Vec::with_capacity(
        model.assessments.len() + model.responsibilities.len() + model.systems.len(),
    );
    maturity_gaps(index, &mut out);
    coverage(index, span, &mut out);
    tracking(index, graph, span, &mut out);
    out
}

/// Sorts by severity (worst first), then kind, then a fixed order of the
/// ids, and drops repeated ids.
///
/// The ties are broken by a hash of the id (then the id itself, should two
/// hashes collide) rather than by the id: as stable — it depends only on the
/// ids, not on the order of the model's lists — without writing ids, whose
/// long shared prefixes (`maturity-gap:integration:hr:retail-…`) would make
/// comparing them dominate the sort. The hash is std's SipHash with its
/// fixed keys, which gives the same number natively and in the Wasm: FxHash
/// works in `usize`, 32 bits in the Wasm, so the page once listed tied
/// findings in another order than `wfe` (and exported another document).
pub(crate) fn prioritise(raw: &[Raw], names: &Names) -> Vec<usize> {
    let build = std::hash::BuildHasherDefault::<std::hash::DefaultHasher>::default();
    let id = |i: usize| {
        let (kind, _, subject) = &raw[i];
        let mut s = String::new();
        let _ = write_id(*kind, subject, names, &mut s);
        s
    };
    // Severity, then kind and hash packed in one integer, then position.
    let mut keys: Vec<(u128, u32)> = raw
        .iter()
        .enumerate()
        .map(|(i, (kind, severity, subject))| {
            // Severities are ≥ 0, so their bits order like them; NaN last.
            let severity = if severity.is_nan() {
                u64::MAX
            } else {
                !severity.max(0.0).to_bits()
            };
            let mut h = build.build_hasher();
            hash_id(*kind, subject, names, &mut h);
            let kind_hash = (*kind as u64) << 56 | h.finish() >> 8;
            (u128::from(severity) << 64 | u128::from(kind_hash), i as u32)
        })
        .collect();
    // Every key is distinct (by position), so there is one order.
    crate::order::sort(&mut keys);
    // Equal keys up to the hash are collisions, or repeats of one id: order
    // them by id, and keep one of a repeated id so that ids stay keys (a
    // model repeats an id or a cell only when it failed validation).
    let mut order: Vec<usize> = Vec::with_capacity(keys.len());
    for run in keys.chunk_by(|a, b| a.0 == b.0) {
        if let [one] = run {
            order.push(one.1 as usize);
            continue;
        }
        let mut ids: Vec<(String, usize)> = run
            .iter()
            .map(|k| (id(k.1 as usize), k.1 as usize))
            .collect();
        crate::order::sort(&mut ids);
        ids.dedup_by(|a, b| a.0 == b.0);
        for (_, i) in ids {
            order.push(i);
        }
    }
    // The same id with different severities: keep the first, the worst.
    let mut hashes = vec![0; raw.len()];
    for k in &keys {
        hashes[k.1 as usize] = k.0 as u64;
    }
    // Sorted by hash, then place in `order`: each run of equal hashes
    // starts with the first (worst) of them; a later one is dropped when
    // its id is the first's, and kept when only the hashes collide.
    let mut by_hash: Vec<(u64, u32)> = order
        .iter()
        .enumerate()
        .map(|(at, &i)| (hashes[i], at as u32))
        .collect();
    crate::order::sort(&mut by_hash);
    let mut keep = vec![true; order.len()];
    for run in by_hash.chunk_by(|a, b| a.0 == b.0) {
        if let [(_, first), rest @ ..] = run {
            if rest.is_empty() {
                continue;
            }
            let first_id = id(order[*first as usize]);
            for &(_, at) in rest {
                if id(order[at as usize]) == first_id {
                    keep[at as usize] = false;
                }
            }
        }
    }
    let mut keep = keep.into_iter();
    order.retain(|_| keep.next().unwrap_or(true));
    order
}

/// `maturity-gap`: one finding per assessment whose target is above its
/// current score.
fn maturity_gaps(index: &mut Index, out: &mut Vec<Raw>) {
    let model = index.model;
    for (i, a) in model.assessments.iter().enumerate() {
        let Some(target) = a.target else { continue };
        let gap = target - a.current;
        if gap.is_nan() || gap <= 0.0 {
            continue;
        }
        let at = index.cells[i];
        let theme = match at.theme {
            Some(t) => index.themes.refs[t as usize],
            None => index.theme(&a.theme),
        };
        let player = match at.player {
            Some(p) => index.players.refs[p as usize],
            None => index.player(&a.player),
        };
        let unit = match (at.unit, a.unit.as_deref()) {
            (UnitAt::Known(u), _) => Some(index.units.refs[u as usize]),
            (_, Some(u)) => Some(index.unit(u)),
            (_, None) => None,
        };
        out.push((
            Kind::MaturityGap,
            gap * a.weight.max(0.0),
            Subject::Cell {
                theme,
                player,
                unit,
                current: a.current,
                target,
                weight: a.weight,
            },
        ));
    }
}

/// No activity, in the sort keys of responsibilities.
const NO_ACTIVITY: Ref = Ref::MAX;

/// `uncovered`, `redundant` and `conflict`: who is responsible for what.
fn coverage(index: &mut Index, span: f64, out: &mut Vec<Raw>) {
    let model = index.model;
    let themes = model.framework.themes.len();
    let mut covered = vec![false; model.contributors.len() * themes];
    // (contributor, theme, activity) references of each responsibility, then
    // its player's reference and its control levels: sorted, each group of
    // responsibilities is a run, its players in order within it.
    // Packed into one integer, so that sorting compares a single number.
    let pack = |c: Ref, t: Ref, act: Ref, p: Ref| {
        u128::from(c) << 96 | u128::from(t) << 64 | u128::from(act) << 32 | u128::from(p)
    };
    let mut keyed: Vec<(u128, u32)> = Vec::with_capacity(model.responsibilities.len());
    for r in &model.responsibilities {
        let c = index.contributors.at(&r.contributor);
        let t = index.themes.at(&r.theme);
        if let (Some(c), Some(t)) = (c, t) {
            covered[c * themes + t] = true;
        }
        let c = match c {
            Some(c) => index.contributors.refs[c],
            None => index.contributor(&r.contributor),
        };
        let t = match t {
            Some(t) => index.themes.refs[t],
            None => index.theme(&r.theme),
        };
        let p = match index.players.at(&r.player) {
            Some(p) => index.players.refs[p],
            None => index.player(&r.player),
        };
        let act = activity(&r.activity).map_or(NO_ACTIVITY, |a| index.text(a));
        keyed.push((pack(c, t, act, p), control_bits(r.control)));
    }
    crate::order::sort(&mut keyed);
    let group = |k: &(u128, u32)| k.0 >> 32;
    let player = |k: &(u128, u32)| k.0 as u32;

    for (c, contributor) in model.contributors.iter().enumerate() {
        if !index.contributors.first[c] {
            continue;
        }
        let reach = reach(contributor.headcount);
        for t in 0..themes {
            if covered[c * themes + t] || !index.themes.first[t] {
                continue;
            }
            out.push((
                Kind::Uncovered,
                severity::UNCOVERED * span * reach,
                Subject::Coverage {
                    contributor: index.contributors.refs[c],
                    theme: index.themes.refs[t],
                },
            ));
        }
    }

    for run in keyed.chunk_by(|a, b| group(a) == group(b)) {
        if run.iter().all(|k| player(k) == player(&run[0])) {
            continue;
        }
        let key = group(&run[0]);
        let (contributor, theme, act) = ((key >> 64) as Ref, (key >> 32) as Ref, key as Ref);
        // The group's players, each with the levels it sets, sorted by id.
        let mut players: Vec<(Ref, u32)> = Vec::new();
        for p in run.chunk_by(|a, b| player(a) == player(b)) {
            players.push((player(&p[0]), p.iter().fold(0, |bits, k| bits | k.1)));
        }
        let names = &index.names;
        // Ids tell players apart; the reference orders them as they came.
        crate::order::sort_by_key(&mut players, |&(p, _)| (names.id(p), p));
        let reach = reach(index.names.headcount(contributor));
        let redundant =
            severity::REDUNDANT_PER_EXTRA_PLAYER * (players.len() - 1) as f64 * span * reach;
        let list = index.names.add_list(players.iter().map(|p| p.0));
        let activity = (act != NO_ACTIVITY).then_some(act);
        // One without `control` conflicts with nothing.
        let levels = players.iter().fold(0, |all, p| all | p.1);
        if levels.count_ones() > 1 {
            let controls = index.names.add_list(players.iter().map(|p| p.1));
            out.push((
                Kind::Conflict,
                redundant + severity::CONFLICT_ABOVE_REDUNDANT * span * reach,
                Subject::Group {
                    contributor,
                    theme,
                    activity,
                    players: list,
                    controls,
                },
            ));
        }
        out.push((
            Kind::Redundant,
            redundant,
            Subject::Group {
                contributor,
                theme,
                activity,
                players: list,
                controls: Default::default(),
            },
        ));
    }
}

/// `untracked`, `fragmented` and `silo`: the systems graph.
fn tracking(index: &mut Index, graph: &Graph, span: f64, out: &mut Vec<Raw>) {
    let model = index.model;
    for (c, contributor) in model.contributors.iter().enumerate() {
        if !index.contributors.first[c] {
            continue;
        }
        let reach = reach(contributor.headcount);
        let systems = graph.tracked_by(c);
        let subject_ref = index.contributors.refs[c];
        if systems.is_empty() {
            out.push((
                Kind::Untracked,
                severity::UNTRACKED * span * reach,
                Subject::Tracking {
                    contributor: subject_ref,
                    systems: Default::default(),
                    sizes: Default::default(),
                },
            ));
            continue;
        }
        if graph.connected(systems) {
            continue;
        }
        let mut groups: Vec<Vec<Ref>> = graph
            .groups_of(systems)
            .iter()
            .map(|g| g.iter().map(|&s| index.systems.refs[s]).collect())
            .collect();
        let names = &index.names;
        for g in &mut groups {
            crate::order::sort_by_key(g, |&s| names.id(s));
        }
        // Stable: in a model that repeats a system id, two groups may start
        // with the same id, and keep their order.
        crate::order::sort_by(&mut groups, |a, b| names.id(a[0]).cmp(names.id(b[0])));
        let sizes = index.names.add_list(groups.iter().map(|g| g.len() as u32));
        let count = groups.len();
        let systems = index.names.add_list(groups.into_iter().flatten());
        out.push((
            Kind::Fragmented,
            severity::FRAGMENTED_PER_EXTRA_GROUP * (count - 1) as f64 * span * reach,
            Subject::Tracking {
                contributor: subject_ref,
                systems,
                sizes,
            },
        ));
    }

    if model.systems.len() < 2 {
        return;
    }
    for (s, system) in model.systems.iter().enumerate() {
        if graph.degree[s] > 0 {
            continue;
        }
        let mut tracked: Vec<Ref> = system
            .contributors
            .iter()
            .map(|c| index.contributor(c))
            .collect();
        let names = &index.names;
        crate::order::sort_by_key(&mut tracked, |&c| names.id(c));
        tracked.dedup();
        let most = tracked
            .iter()
            .map(|&c| reach(names.headcount(c)))
            .fold(1.0, f64::max);
        let owner = index.player(&system.owner);
        let contributors = index.names.add_list(tracked);
        out.push((
            Kind::Silo,
            severity::SILO * span * most,
            Subject::System {
                system: index.systems.refs[s],
                owner,
                contributors,
            },
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, Finding, FindingCell};
    use crate::model::{
        Assessment, Contributor, ContributorKind, Control, Integration, Item, Model,
        Responsibility, System,
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
        assert_eq!(g.id(), "maturity-gap:integration:hr:retail");
        assert_eq!(g.severity, 3.0);
        assert_eq!(
            g.explanation(),
            "In Retail, the maturity of HR on Integration architectures is 1 (Ad hoc) against a target of 3 (Integrated), a gap of 2 (weight 1.5)."
        );
        assert_eq!(
            g.cells(),
            [FindingCell {
                theme: "integration",
                player: "hr",
                unit: Some("retail")
            }]
        );
        assert_eq!(
            (g.units(), g.players(), g.themes()),
            (vec!["retail"], vec!["hr"], vec!["integration"])
        );
    }

    #[test]
    fn uncovered_pairs_and_a_responsibility_covers_its_theme() {
        let mut m = quiet();
        m.responsibilities.retain(|r| r.theme != "technology");
        let u = of(&m, Kind::Uncovered);
        assert_eq!(u.len(), 1);
        assert_eq!(u[0].id(), "uncovered:crews:technology");
        assert_eq!(
            u[0].explanation(),
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
        let mut r = of(&m, Kind::Redundant);
        r.sort_by_key(|f| f.id());
        let found: Vec<String> = r.iter().map(|f| f.id()).collect();
        assert_eq!(
            found,
            [
                "redundant:crews:integration:",
                "redundant:crews:integration:sourcing"
            ]
        );
        let sourcing = &r[1];
        assert_eq!(sourcing.players(), ["hr", "procurement"]);
        assert_eq!(
            sourcing.explanation(),
            "HR and Procurement both take on “sourcing” for Subcontracted crews (40 people) under Integration architectures, duplicating effort."
        );
        assert_eq!(
            r[0].explanation(),
            "Finance & legal and HR both take on responsibility for Subcontracted crews (40 people) under Integration architectures with no activity named, duplicating effort."
        );
        assert_eq!(sourcing.cells().len(), 2);
        assert!(sourcing
            .cells()
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
        assert_eq!(c[0].id(), "conflict:crews:management:contracting");
        assert_eq!(c[0].players(), ["hr", "procurement"]);
        assert_eq!(
            c[0].explanation(),
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
            u[0].explanation(),
            "No system tracks App developers, so nobody holds data on them."
        );
        assert!(of(&m, Kind::Fragmented).is_empty());
        m.integrations.clear();
        let f = of(&m, Kind::Fragmented);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].systems(), ["hris", "vms"]);
        assert_eq!(
            f[0].explanation(),
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
            f[0].explanation(),
            "The data on Subcontracted crews (40 people) is split across 2 groups of systems that no integration connects (ATS and App console; HRIS and VMS)."
        );
        assert_eq!(f[0].systems(), ["apps", "ats", "hris", "vms"]);
    }

    #[test]
    fn a_single_system_is_no_silo() {
        let m = quiet();
        assert!(of(&m, Kind::Silo).is_empty());
        let mut m = quiet();
        m.systems.push(system("wiki", "Partner wiki", "it", &[]));
        let s = of(&m, Kind::Silo);
        let ids: Vec<String> = s.iter().map(|f| f.id()).collect();
        assert_eq!(ids, ["silo:hris", "silo:wiki"]);
        assert_eq!(
            s[0].explanation(),
            "HRIS (owned by HR) has no integration with any other system, so its data on Subcontracted crews stays there."
        );
        assert_eq!(
            s[1].explanation(),
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
    fn ids_escape_separators_and_priority_is_severity_then_kind_then_a_fixed_order() {
        let mut m = Model::empty("t");
        m.contributors = vec![contributor("a:b", "A", None), contributor("a%", "B", None)];
        let f = analyze(&m).findings;
        assert!(f.iter().any(|f| f.id() == "untracked:a%3Ab"));
        assert!(f.iter().any(|f| f.id() == "uncovered:a%25:leadership"));
        // All these weigh 2: every uncovered before every untracked.
        assert!(f.iter().all(|f| f.severity == 2.0));
        let kinds: Vec<Kind> = f.iter().map(|f| f.kind).collect();
        assert_eq!(kinds[..8], [Kind::Uncovered; 8]);
        assert_eq!(kinds[8..], [Kind::Untracked; 2]);
        // Within a tie the order depends on the ids only.
        m.contributors.reverse();
        m.framework.themes.reverse();
        let again: Vec<String> = analyze(&m).findings.into_iter().map(|f| f.id()).collect();
        let first: Vec<String> = f.into_iter().map(|f| f.id()).collect();
        assert_eq!(first, again);
        // A worse finding comes first whatever its id.
        m.contributors[0].headcount = Some(10);
        let f = analyze(&m).findings;
        assert!(f.windows(2).all(|w| w[0].severity >= w[1].severity));
        assert_eq!(f[0].contributors(), [m.contributors[0].id.as_str()]);
    }

    #[test]
    fn a_repeated_id_is_reported_once_at_its_worst() {
        // Only an invalid model repeats a cell; each copy raises the same id.
        let mut m = quiet();
        m.assessments = vec![
            assess("integration", "hr", None, 2.0, Some(3.0), 1.0),
            assess("leadership", "hr", None, 1.0, Some(3.0), 1.0),
            assess("integration", "hr", None, 1.0, Some(4.0), 1.0),
            assess("integration", "hr", None, 0.0, Some(2.0), 1.0),
        ];
        let f = analyze(&m).findings;
        let got: Vec<(String, f64)> = f.iter().map(|f| (f.id(), f.severity)).collect();
        assert_eq!(
            got,
            [
                ("maturity-gap:integration:hr:".to_string(), 3.0),
                ("maturity-gap:leadership:hr:".to_string(), 2.0),
            ]
        );
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
