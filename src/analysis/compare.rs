//! Comparing a scenario with its baseline: the cells whose scores changed,
//! how readiness moved, and which findings the scenario resolves or
//! introduces. Cells are matched by (theme, player, unit) and findings by their
//! id (kind and the items they are about), never by position, so reordering a
//! model's lists changes nothing.

use super::{analyze, Analysis, ById, Finding, Readiness};
use crate::model::Model;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// A cell's scores on one side of the comparison.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CellValue {
    pub current: f64,
    pub target: Option<f64>,
}

/// A cell whose current or target score differs; `before` is `None` for a
/// cell only the scenario assesses, `after` for one it no longer assesses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellChange {
    pub theme: String,
    pub player: String,
    pub unit: Option<String>,
    pub before: Option<CellValue>,
    pub after: Option<CellValue>,
}

/// One readiness figure before and after; `delta` is `after − before` when
/// both exist.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Delta {
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub delta: Option<f64>,
}

impl Delta {
    pub(super) fn new(before: Option<f64>, after: Option<f64>) -> Delta {
        Delta {
            before,
            after,
            delta: before.zip(after).map(|(b, a)| a - b),
        }
    }
}

/// Readiness deltas for every id of either model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadinessChange {
    pub overall: Delta,
    pub themes: ById<Delta>,
    pub players: ById<Delta>,
    pub units: ById<Delta>,
}

/// The difference between a baseline and a scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// Sorted by theme, player, then unit id (the organization-wide cell first).
    pub changed_cells: Vec<CellChange>,
    pub readiness: ReadinessChange,
    /// Baseline findings the scenario no longer has, in priority order.
    pub resolved: Vec<Finding>,
    /// Scenario findings the baseline did not have, in priority order.
    pub introduced: Vec<Finding>,
    /// How many findings both have.
    pub unchanged: usize,
    /// Everything the scenario changed, counted by kind (scores, owners,
    /// contributors, systems, system links, units, name, framework, scale),
    /// only the kinds it changed, in that order.
    pub changes: Vec<ChangeCount>,
    /// The contributors it added, removed or changed.
    pub changed_contributors: Vec<super::ContributorChange>,
    /// The (contributor, theme) pairs whose owners it changed.
    pub changed_owners: Vec<super::OwnersChange>,
    /// The systems it added, removed or changed (links included).
    pub changed_systems: Vec<super::SystemChange>,
}

/// How many things of one kind a scenario changed: `scores` counts changed
/// assessments, `owners` the (contributor, theme) pairs whose owners it
/// changed (one row each of [`Comparison::changed_owners`]: a player put in
/// another's place is one change, not a removal and an addition),
/// `contributors`, `systems` and `units`
/// items added, removed or edited (matched by id), `links` integrations added
/// or removed (either direction), and `name`, `framework`, `scale` one each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ChangeCount {
    pub kind: &'static str,
    pub count: usize,
}

/// Each item of a list as (its key, its JSON): what [`keyed_changes`]
/// compares. The JSON reuses the serializer the model is saved with, so
/// counting changes adds one small function per kind, not a map per kind.
/// [`keyed_changes`] of two lists of items, keyed by `key`: nothing to count
/// where the lists are equal, as they are for all but what a what-if
/// changed (writing every item of a large model out as JSON to compare it
/// took half of a what-if's comparison, about 5 ms natively at 100×).
fn item_changes<T: Serialize + PartialEq>(
    old: &[T],
    new: &[T],
    key: impl Fn(&T) -> String,
) -> usize {
    if old == new {
        return 0;
    }
    keyed_changes(keyed(old, &key), keyed(new, &key))
}

fn keyed<T: Serialize>(items: &[T], key: impl Fn(&T) -> String) -> Vec<(String, String)> {
    items
        .iter()
        .map(|item| (key(item), serde_json::to_string(item).unwrap_or_default()))
        .collect()
}

/// How many keys of either list are in one only, or in both with other
/// values (the larger side's count where they differ).
fn keyed_changes(mut old: Vec<(String, String)>, mut new: Vec<(String, String)>) -> usize {
    crate::order::sort(&mut old);
    crate::order::sort(&mut new);
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < old.len() || j < new.len() {
        let key = match (old.get(i), new.get(j)) {
            (Some(a), Some(b)) => a.0.clone().min(b.0.clone()),
            (Some(a), None) => a.0.clone(),
            (None, Some(b)) => b.0.clone(),
            (None, None) => break,
        };
        let a = old[i..].iter().take_while(|x| x.0 == key).count();
        let b = new[j..].iter().take_while(|x| x.0 == key).count();
        if old[i..i + a] != new[j..j + b] {
            n += a.max(b);
        }
        i += a;
        j += b;
    }
    n
}

/// Everything `scenario` changes from `baseline`, counted by kind.
fn changes(baseline: &Model, scenario: &Model, scores: usize, owners: usize) -> Vec<ChangeCount> {
    let id = |x: &crate::model::Item| x.id.clone();
    // a link is the same whichever way it is recorded
    let links = |m: &Model| {
        let mut ends: Vec<(String, String)> = m
            .integrations
            .iter()
            .map(|i| {
                let (a, b) = (i.from.as_str(), i.to.as_str());
                (format!("{}\u{0}{}", a.min(b), a.max(b)), String::new())
            })
            .collect();
        crate::order::sort(&mut ends);
        ends.dedup();
        ends
    };
    let counts = [
        ("scores", scores),
        ("owners", owners),
        (
            "contributors",
            item_changes(&baseline.contributors, &scenario.contributors, |c| {
                c.id.clone()
            }),
        ),
        (
            "systems",
            item_changes(&baseline.systems, &scenario.systems, |x| x.id.clone()),
        ),
        (
            "links",
            if baseline.integrations == scenario.integrations {
                0
            } else {
                keyed_changes(links(baseline), links(scenario))
            },
        ),
        ("units", item_changes(&baseline.units, &scenario.units, id)),
        ("name", usize::from(baseline.name != scenario.name)),
        (
            "framework",
            usize::from(baseline.framework != scenario.framework),
        ),
        ("scale", usize::from(baseline.scale != scenario.scale)),
    ];
    counts
        .into_iter()
        .filter(|&(_, count)| count > 0)
        .map(|(kind, count)| ChangeCount { kind, count })
        .collect()
}

/// Whether `scenario` can be compared with `baseline` cell by cell: the
/// same players and themes, by id. If not, says what differs, so that two
/// different diagrams are not reported as a what-if of one another.
pub fn comparable(baseline: &Model, scenario: &Model) -> Result<(), String> {
    let differ =
        crate::framework::differences(&baseline.framework, &scenario.framework, "the baseline's");
    if differ.is_empty() {
        return Ok(());
    }
    let differ = differ.join("; ");
    Err(crate::language::say(
        "compare.otherFramework",
        &[("differ", &differ)],
        || {
            format!("another framework than the baseline's ({differ}); compare two models of one framework")
        },
    ))
}

/// Compares two models (meant to be valid; any pair is compared without
/// panicking).
pub fn compare(baseline: &Model, scenario: &Model) -> Comparison {
    compare_analyses(baseline, &analyze(baseline), scenario, &analyze(scenario))
}

/// The same, for models already analysed.
pub fn compare_analyses(
    baseline: &Model,
    before: &Analysis,
    scenario: &Model,
    after: &Analysis,
) -> Comparison {
    let before_ids: Vec<String> = before.findings.iter().map(Finding::id).collect();
    let after_ids: Vec<String> = after.findings.iter().map(Finding::id).collect();
    let before_set: HashSet<&str> = before_ids.iter().map(String::as_str).collect();
    let after_set: HashSet<&str> = after_ids.iter().map(String::as_str).collect();
    let resolved = missing_from(&before.findings, &before_ids, &after_set);
    let introduced = missing_from(&after.findings, &after_ids, &before_set);
    let changed_cells = changed_cells(baseline, scenario);
    let changed_owners = super::changed::changed_owners(baseline, scenario);
    Comparison {
        changes: changes(
            baseline,
            scenario,
            changed_cells.len(),
            changed_owners.len(),
        ),
        changed_contributors: super::changed::changed_contributors(baseline, scenario),
        changed_owners,
        changed_systems: super::changed::changed_systems(baseline, scenario),
        changed_cells,
        readiness: readiness_change(&before.readiness, &after.readiness),
        unchanged: before.findings.len() - resolved.len(),
        resolved,
        introduced,
    }
}

/// [`changed_cells`] where the scenario's assessments are the baseline's
/// cells in the same places, as score edits leave them (they are set in
/// place): the pairs whose scores differ, in cell order, without ordering
/// every cell of both (about 3 ms natively at 100×, on each update of a
/// what-if). `None` otherwise, or where a cell repeats (an invalid model:
/// the general way then says what its first assessment says).
fn changed_in_place(baseline: &Model, scenario: &Model) -> Option<Vec<CellChange>> {
    let (old, new) = (&baseline.assessments, &scenario.assessments);
    if old.len() != new.len() || old.iter().zip(new).any(|(a, b)| cell_of(a) != cell_of(b)) {
        return None;
    }
    let mut seen = HashSet::with_capacity(old.len());
    if !old.iter().all(|a| seen.insert(cell_of(a))) {
        return None;
    }
    let mut changed: Vec<(CellKey, CellValue, CellValue)> = old
        .iter()
        .zip(new)
        .map(|(a, b)| (cell_of(a), value_of(a), value_of(b)))
        .filter(|(_, before, after)| before != after)
        .collect();
    crate::order::sort_by_key(&mut changed, |&(cell, _, _)| cell);
    Some(
        changed
            .into_iter()
            .map(|(cell, before, after)| cell_change(cell, Some(before), Some(after)))
            .collect(),
    )
}

/// The findings (with their `ids`) whose id is not in `other`.
fn missing_from(findings: &[Finding], ids: &[String], other: &HashSet<&str>) -> Vec<Finding> {
    findings
        .iter()
        .zip(ids)
        .filter(|(_, id)| !other.contains(id.as_str()))
        .map(|(f, _)| f.clone())
        .collect()
}

pub(super) type CellKey<'a> = (&'a str, &'a str, Option<&'a str>);

fn cell_of(a: &crate::model::Assessment) -> CellKey<'_> {
    (a.theme.as_str(), a.player.as_str(), a.unit.as_deref())
}

fn value_of(a: &crate::model::Assessment) -> CellValue {
    CellValue {
        current: a.current,
        target: a.target,
    }
}

fn cell_change(
    (theme, player, unit): CellKey,
    before: Option<CellValue>,
    after: Option<CellValue>,
) -> CellChange {
    CellChange {
        theme: theme.to_string(),
        player: player.to_string(),
        unit: unit.map(String::from),
        before,
        after,
    }
}

fn changed_cells(baseline: &Model, scenario: &Model) -> Vec<CellChange> {
    changed_in_place(baseline, scenario).unwrap_or_else(|| changed_by_cell(baseline, scenario))
}

fn changed_by_cell(baseline: &Model, scenario: &Model) -> Vec<CellChange> {
    // Each cell of either model with its scores before and after, in cell
    // order. A repeated cell only occurs in an invalid model; its first
    // assessment counts.
    let mut cells: BTreeMap<CellKey, [Option<CellValue>; 2]> = BTreeMap::new();
    for (side, model) in [baseline, scenario].into_iter().enumerate() {
        for a in &model.assessments {
            cells.entry(cell_of(a)).or_default()[side].get_or_insert(value_of(a));
        }
    }
    cells
        .into_iter()
        .filter(|(_, [before, after])| before != after)
        .map(|(cell, [before, after])| cell_change(cell, before, after))
        .collect()
}

fn deltas(before: &ById<Option<f64>>, after: &ById<Option<f64>>) -> ById<Delta> {
    let value = |map: &ById<Option<f64>>, id: &str| map.get(id).copied().flatten();
    super::by_id(
        before
            .keys()
            .chain(after.keys())
            .map(|id| (id.clone(), Delta::new(value(before, id), value(after, id)))),
    )
}

fn readiness_change(before: &Readiness, after: &Readiness) -> ReadinessChange {
    ReadinessChange {
        overall: Delta::new(before.overall, after.overall),
        themes: deltas(&before.themes, &after.themes),
        players: deltas(&before.players, &after.players),
        units: deltas(&before.units, &after.units),
    }
}

#[cfg(test)]
// `assess` and `base` are the answer's tests' models too (`super::answer`).
pub(super) mod tests {
    use super::*;
    use crate::model::{Assessment, Contributor, ContributorKind, Integration, Item, System};

    pub(crate) fn assess(
        t: &str,
        p: &str,
        unit: Option<&str>,
        cur: f64,
        tgt: Option<f64>,
    ) -> Assessment {
        Assessment {
            theme: t.into(),
            player: p.into(),
            unit: unit.map(Into::into),
            current: cur,
            target: tgt,
            weight: 1.0,
            note: None,
        }
    }

    pub(crate) fn base() -> Model {
        let mut m = Model::empty("base");
        m.units = vec![Item::new("north", "North"), Item::new("south", "South")];
        m.assessments = vec![
            assess("integration", "hr", Some("north"), 1.0, Some(3.0)),
            assess("integration", "hr", Some("south"), 2.0, Some(3.0)),
            assess("technology", "it", None, 2.0, None),
        ];
        m.contributors = vec![Contributor {
            id: "gig".into(),
            label: "Gig workers".into(),
            kind: ContributorKind::External,
            headcount: Some(120),
        }];
        m.systems = vec![
            System {
                id: "vms".into(),
                label: "VMS".into(),
                owner: "procurement".into(),
                contributors: vec!["gig".into()],
            },
            System {
                id: "hris".into(),
                label: "HRIS".into(),
                owner: "hr".into(),
                contributors: vec!["gig".into()],
            },
        ];
        m
    }

    #[test]
    fn cells_changed_in_place_are_those_the_general_way_finds() {
        let base = crate::framework::sample();
        let edited = |f: &dyn Fn(&mut Model)| {
            let mut m = base.clone();
            f(&mut m);
            m
        };
        let cases: Vec<(&str, Model, bool)> = vec![
            ("nothing", base.clone(), true),
            (
                "scores in place",
                edited(&|m| {
                    m.assessments[3].current = 4.0;
                    m.assessments[0].target = None;
                    m.assessments[7].target = Some(1.0);
                }),
                true,
            ),
            (
                "one added",
                edited(&|m| {
                    let mut a = m.assessments[0].clone();
                    a.unit = Some("elsewhere".into());
                    m.assessments.push(a);
                }),
                false,
            ),
            (
                "one removed",
                edited(&|m| {
                    m.assessments.remove(2);
                }),
                false,
            ),
            ("reordered", edited(&|m| m.assessments.swap(1, 5)), false),
            (
                "a repeated cell",
                edited(&|m| {
                    let first = m.assessments[0].clone();
                    m.assessments[1] = first;
                    m.assessments[0].current = 4.0;
                }),
                false,
            ),
        ];
        for (what, scenario, in_place) in cases {
            let general = changed_by_cell(&base, &scenario);
            assert_eq!(
                changed_in_place(&base, &scenario).is_some(),
                in_place,
                "{what}"
            );
            assert_eq!(changed_cells(&base, &scenario), general, "{what}");
        }
        let general = changed_by_cell(&base, &edited(&|m| m.assessments[3].current = 4.0));
        assert_eq!(general.len(), 1);
        // a cell repeated in the same places on both sides, its second copy
        // changed: its first assessment says it did not change
        let repeated = edited(&|m| m.assessments[1] = m.assessments[0].clone());
        let mut scenario = repeated.clone();
        scenario.assessments[1].current = 4.0;
        assert_eq!(changed_in_place(&repeated, &scenario), None);
        assert_eq!(changed_cells(&repeated, &scenario), vec![]);
    }

    #[test]
    fn identical_models_differ_in_nothing() {
        let m = base();
        let c = compare(&m, &m);
        assert!(c.changed_cells.is_empty());
        assert!(c.resolved.is_empty() && c.introduced.is_empty());
        assert_eq!(c.unchanged, analyze(&m).findings.len());
        assert_eq!(c.readiness.overall.delta, Some(0.0));
        assert_eq!(c.readiness.units["north"].delta, Some(0.0));
        assert!(c.changes.is_empty());
    }

    #[test]
    fn score_edits_show_as_changed_cells_and_deltas() {
        let a = base();
        let mut b = base();
        b.assessments[0].current = 3.0; // closes the north gap
        b.assessments[2].target = Some(3.0); // opens a gap, current unchanged
        b.assessments
            .push(assess("management", "hr", None, 4.0, None));
        let c = compare(&a, &b);
        let keys: Vec<(&str, &str, Option<&str>)> = c
            .changed_cells
            .iter()
            .map(|x| (x.theme.as_str(), x.player.as_str(), x.unit.as_deref()))
            .collect();
        assert_eq!(
            keys,
            [
                ("integration", "hr", Some("north")),
                ("management", "hr", None),
                ("technology", "it", None)
            ]
        );
        assert_eq!(c.changed_cells[1].before, None);
        assert_eq!(
            c.changed_cells[0].after,
            Some(CellValue {
                current: 3.0,
                target: Some(3.0)
            })
        );
        let north = c.readiness.units["north"];
        assert_eq!(
            (north.before, north.after, north.delta),
            (Some(0.25), Some(0.75), Some(0.5))
        );
        assert_eq!(c.readiness.themes["management"].before, None);
        assert_eq!(c.readiness.themes["management"].delta, None);
        assert_eq!(c.readiness.themes["management"].after, Some(1.0));
        let resolved: Vec<String> = c.resolved.iter().map(|f| f.id()).collect();
        let introduced: Vec<String> = c.introduced.iter().map(|f| f.id()).collect();
        assert_eq!(resolved, ["maturity-gap:integration:hr:north"]);
        assert_eq!(introduced, ["maturity-gap:technology:it:"]);
    }

    #[test]
    fn findings_match_by_what_they_are_about() {
        let a = base();
        let mut b = base();
        // The fragmentation persists with a third system; the two silos are
        // resolved only if integrated.
        b.systems.push(System {
            id: "lake".into(),
            label: "Data lake".into(),
            owner: "it".into(),
            contributors: vec![],
        });
        b.integrations = vec![Integration {
            from: "vms".into(),
            to: "lake".into(),
        }];
        b.contributors[0].headcount = Some(5000); // severities change, ids do not
        let c = compare(&a, &b);
        let resolved: Vec<String> = c.resolved.iter().map(|f| f.id()).collect();
        let introduced: Vec<String> = c.introduced.iter().map(|f| f.id()).collect();
        assert_eq!(resolved, ["silo:vms"]);
        assert!(introduced.is_empty(), "{introduced:?}");
        assert!(analyze(&b)
            .findings
            .iter()
            .any(|f| f.id() == "fragmented:gig"));
    }

    #[test]
    fn changed_cells_sort_by_key_and_a_repeated_cell_counts_once() {
        let mut a = base();
        // An invalid model repeats a cell: its first assessment counts.
        a.assessments
            .push(assess("integration", "hr", Some("south"), 4.0, Some(3.0)));
        let mut b = base();
        b.assessments.reverse();
        b.assessments[2].current = 3.0; // integration/hr/north
        b.assessments
            .push(assess("integration", "hr", None, 1.0, None));
        b.assessments
            .push(assess("integration", "hr", None, 2.0, None));
        let c = compare(&a, &b);
        let got: Vec<(Option<&str>, Option<CellValue>, Option<CellValue>)> = c
            .changed_cells
            .iter()
            .map(|x| (x.unit.as_deref(), x.before, x.after))
            .collect();
        let v = |current, target| Some(CellValue { current, target });
        assert_eq!(
            got,
            [
                (None, None, v(1.0, None)),
                (Some("north"), v(1.0, Some(3.0)), v(3.0, Some(3.0))),
            ]
        );
        assert!(c.changed_cells.iter().all(|x| x.theme == "integration"));
    }

    fn counts(c: &Comparison) -> Vec<(&str, usize)> {
        c.changes.iter().map(|x| (x.kind, x.count)).collect()
    }

    #[test]
    fn every_kind_of_change_is_counted() {
        let a = base();
        let mut b = base();
        b.assessments[0].current = 3.0;
        b.responsibilities.push(crate::model::Responsibility {
            contributor: "gig".into(),
            theme: "leadership".into(),
            player: "hr".into(),
            activity: None,
            control: None,
        });
        b.systems[1].label = "People system".into();
        b.integrations.push(Integration {
            from: "hris".into(),
            to: "vms".into(),
        });
        b.units.pop();
        b.name = "other".into();
        let c = compare(&a, &b);
        assert_eq!(
            counts(&c),
            [
                ("scores", 1),
                ("owners", 1),
                ("systems", 1),
                ("links", 1),
                ("units", 1),
                ("name", 1)
            ]
        );
        // the same link the other way round and a reordered list are no change
        let mut a2 = b.clone();
        a2.integrations[0] = Integration {
            from: "vms".into(),
            to: "hris".into(),
        };
        a2.systems.reverse();
        assert!(compare(&a2, &b).changes.is_empty());
        // an owner's activity edited counts once
        let mut b2 = b.clone();
        b2.responsibilities[0].activity = Some("vetting".into());
        assert_eq!(counts(&compare(&b, &b2)), [("owners", 1)]);
        // a player put in another's place: one change, the one row listed
        let mut b3 = b.clone();
        b3.responsibilities[0].player = if b.responsibilities[0].player == "hr" {
            "it".into()
        } else {
            "hr".into()
        };
        let moved = compare(&b, &b3);
        assert_eq!(counts(&moved), [("owners", 1)]);
        assert_eq!(moved.changed_owners.len(), 1);
    }

    #[test]
    fn ids_present_on_one_side_only_still_get_a_delta_row() {
        let a = base();
        let mut b = base();
        b.units.push(Item::new("east", "East"));
        let c = compare(&a, &b);
        assert_eq!(
            c.readiness.units["east"],
            Delta {
                before: None,
                after: None,
                delta: None
            }
        );
    }
}
