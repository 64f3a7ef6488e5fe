//! The shipped sample organization: complete, realistic in shape, and built so
//! that every finding kind of docs/design.md §4 appears. The findings are recomputed
//! here from the rules as written, independently of `analysis`, so the sample
//! cannot drift away from what it is meant to show.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use workforce_ecosystem::framework::{sample, standard, SAMPLE_JSON};
use workforce_ecosystem::model::{ContributorKind, Model};

/// Connected components of the systems graph, as a system → component map.
fn components(m: &Model) -> HashMap<&str, usize> {
    let mut comp: HashMap<&str, usize> = HashMap::new();
    let mut next = 0;
    for s in &m.systems {
        if comp.contains_key(s.id.as_str()) {
            continue;
        }
        let mut stack = vec![s.id.as_str()];
        while let Some(x) = stack.pop() {
            if comp.insert(x, next).is_some() {
                continue;
            }
            for i in &m.integrations {
                if i.from == x && !comp.contains_key(i.to.as_str()) {
                    stack.push(&i.to);
                }
                if i.to == x && !comp.contains_key(i.from.as_str()) {
                    stack.push(&i.from);
                }
            }
        }
        next += 1;
    }
    comp
}

#[test]
fn every_cell_is_assessed_for_two_units() {
    let m = sample();
    assert_eq!(m.framework, standard());
    let units: Vec<&str> = m.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(units, vec!["ports", "retail"]);
    let cells: BTreeSet<(&str, &str, &str)> = m
        .assessments
        .iter()
        .map(|a| {
            (
                a.theme.as_str(),
                a.player.as_str(),
                a.unit.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(cells.len(), 48);
    for t in &m.framework.themes {
        for p in &m.framework.players {
            for u in &units {
                assert!(
                    cells.contains(&(t.id.as_str(), p.id.as_str(), u)),
                    "{} {} {u}",
                    t.id,
                    p.id
                );
            }
        }
    }
}

#[test]
fn scores_have_targets_some_already_met() {
    let m = sample();
    assert!(m.assessments.iter().all(|a| a.target.is_some()));
    let met = m
        .assessments
        .iter()
        .filter(|a| a.target == Some(a.current))
        .count();
    assert!(met >= 5, "{met} targets equal to current");
    assert!(m.assessments.iter().any(|a| a.weight != 1.0));
    let noted = m.assessments.iter().filter(|a| a.note.is_some()).count();
    assert!(noted * 2 >= m.assessments.len(), "{noted} notes");
}

#[test]
fn contributors_and_systems_are_varied() {
    let m = sample();
    assert!(m.contributors.len() >= 6);
    let kinds: BTreeSet<ContributorKind> = m.contributors.iter().map(|c| c.kind).collect();
    assert_eq!(kinds.len(), 2);
    assert!(m.systems.len() >= 5);
    assert!(m.integrations.len() >= 3);
    assert_eq!(components(&m).values().collect::<BTreeSet<_>>().len(), 2);
}

#[test]
fn every_finding_kind_appears() {
    let m = sample();

    let gaps = m
        .assessments
        .iter()
        .filter(|a| a.target.is_some_and(|t| t > a.current))
        .count();
    assert!(gaps > 0, "maturity-gap");

    let covered: BTreeSet<(&str, &str)> = m
        .responsibilities
        .iter()
        .map(|r| (r.contributor.as_str(), r.theme.as_str()))
        .collect();
    let mut uncovered = Vec::new();
    for c in &m.contributors {
        for t in &m.framework.themes {
            if !covered.contains(&(c.id.as_str(), t.id.as_str())) {
                uncovered.push((c.id.as_str(), t.id.as_str()));
            }
        }
    }
    assert_eq!(
        uncovered,
        vec![("gig-drivers", "leadership"), ("alumni", "technology")],
        "uncovered"
    );

    let mut groups: BTreeMap<(&str, &str, Option<&str>), Vec<_>> = BTreeMap::new();
    for r in &m.responsibilities {
        groups
            .entry((
                r.contributor.as_str(),
                r.theme.as_str(),
                r.activity.as_deref(),
            ))
            .or_default()
            .push(r);
    }
    let redundant: Vec<_> = groups
        .iter()
        .filter(|(_, rs)| rs.iter().map(|r| &r.player).collect::<BTreeSet<_>>().len() >= 2)
        .collect();
    let redundant_keys: Vec<_> = redundant.iter().map(|(k, _)| **k).collect();
    assert_eq!(
        redundant_keys,
        vec![
            ("app-developers", "integration", Some("compliance testing")),
            ("contractors", "integration", Some("sourcing")),
            ("stevedores", "management", Some("safety induction")),
        ],
        "redundant"
    );
    let conflicts: Vec<_> = redundant
        .iter()
        .filter(|(_, rs)| {
            rs.iter()
                .filter_map(|r| r.control)
                .collect::<BTreeSet<_>>()
                .len()
                >= 2
        })
        .map(|(k, _)| **k)
        .collect();
    assert_eq!(
        conflicts,
        vec![("app-developers", "integration", Some("compliance testing"))],
        "conflict"
    );
    // The contractors' group shows that a responsibility without a control
    // level conflicts with nothing.
    let contractors = &groups[&("contractors", "integration", Some("sourcing"))];
    assert!(contractors.iter().any(|r| r.control.is_none()));

    let comp = components(&m);
    let mut untracked = Vec::new();
    let mut fragmented = Vec::new();
    for c in &m.contributors {
        let tracking: Vec<&str> = m
            .systems
            .iter()
            .filter(|s| s.contributors.contains(&c.id))
            .map(|s| s.id.as_str())
            .collect();
        if tracking.is_empty() {
            untracked.push(c.id.as_str());
        }
        let parts: BTreeSet<usize> = tracking.iter().map(|s| comp[s]).collect();
        if parts.len() >= 2 {
            fragmented.push(c.id.as_str());
        }
    }
    assert_eq!(untracked, vec!["alumni"], "untracked");
    assert_eq!(fragmented, vec!["gig-drivers", "partners"], "fragmented");

    let silos: Vec<&str> = m
        .systems
        .iter()
        .filter(|s| {
            !m.integrations
                .iter()
                .any(|i| i.from == s.id || i.to == s.id)
        })
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(silos, vec!["driver-sheet"], "silo");
}

#[test]
fn the_sample_text_is_what_sample_parses() {
    let m = sample();
    assert_eq!(m.name, "Harbourline Group");
    let again = workforce_ecosystem::parse_model(SAMPLE_JSON).unwrap();
    assert_eq!(again, m);
}
