//! What a scenario changed besides scores, item by item: the contributors
//! added, removed or changed, the (contributor, theme) pairs whose owners
//! differ and the systems that differ (owner, what they track, their links). The comparison counts these changes by
//! kind ([`super::ChangeCount`]); a reader deciding on a what-if needs to
//! see which they are, as for the changed cells.

use crate::model::{Contributor, Control, Model, Responsibility};
use serde::Serialize;

/// A player responsible for a pair, with the activity and control level it
/// takes on.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Owner {
    pub player: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activity: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub control: Option<Control>,
}

/// A (contributor, theme) pair whose owners the scenario changed: its
/// owners before and after, each sorted by player.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OwnersChange {
    pub contributor: String,
    pub theme: String,
    pub before: Vec<Owner>,
    pub after: Vec<Owner>,
}

/// A system as a comparison tells it: who owns it, whom it tracks and the
/// systems it is linked to (either way), by id and sorted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SystemFacts {
    pub label: String,
    pub owner: String,
    pub contributors: Vec<String>,
    pub links: Vec<String>,
}

/// A system the scenario added (`before` is `None`), removed (`after` is
/// `None`) or changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SystemChange {
    pub system: String,
    pub before: Option<SystemFacts>,
    pub after: Option<SystemFacts>,
}

/// A contributor the scenario added (`before` is `None`), removed (`after`
/// is `None`) or changed (its name, kind or headcount).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContributorChange {
    pub contributor: String,
    pub before: Option<Contributor>,
    pub after: Option<Contributor>,
}

/// Walks two lists sorted by `key` side by side, one key at a time, and
/// calls `each` with the key and its run in either list (either may be
/// empty) where the two runs differ.
fn differing_runs<T: PartialEq, K: Ord + Copy>(
    before: &[T],
    after: &[T],
    key: impl Fn(&T) -> K,
    mut each: impl FnMut(K, &[T], &[T]),
) {
    let (mut i, mut j) = (0, 0);
    loop {
        let k = match (before.get(i), after.get(j)) {
            (Some(a), Some(b)) => key(a).min(key(b)),
            (Some(a), None) => key(a),
            (None, Some(b)) => key(b),
            (None, None) => break,
        };
        let run = |list: &[T], from: usize| {
            let len = list[from..].iter().take_while(|x| key(x) == k).count();
            from..from + len
        };
        let (old, new) = (run(before, i), run(after, j));
        (i, j) = (old.end, new.end);
        if before[old.clone()] != after[new.clone()] {
            each(k, &before[old], &after[new]);
        }
    }
}

fn contributors_by_id(m: &Model) -> Vec<&Contributor> {
    let mut all: Vec<&Contributor> = m.contributors.iter().collect();
    crate::order::sort_by(&mut all, |a, b| a.id.cmp(&b.id));
    all
}

/// The contributors added, removed or changed, by id. (An id repeated in
/// one model: its first contributor stands for it.)
pub fn changed_contributors(baseline: &Model, scenario: &Model) -> Vec<ContributorChange> {
    if baseline.contributors == scenario.contributors {
        return Vec::new();
    }
    let (before, after) = (contributors_by_id(baseline), contributors_by_id(scenario));
    let mut changes = Vec::new();
    differing_runs(
        &before,
        &after,
        |c| c.id.as_str(),
        |id, old, new| {
            let (old, new) = (old.first().copied(), new.first().copied());
            if old != new {
                changes.push(ContributorChange {
                    contributor: id.to_string(),
                    before: old.cloned(),
                    after: new.cloned(),
                });
            }
        },
    );
    changes
}

/// Each responsibility as (contributor, theme, owner), sorted: the owners of
/// one pair side by side. (Sorted lists rather than maps of sets: each map
/// type compiled its own B-tree into the Wasm, about 16 KB gzip for the two
/// lists here.)
fn owners_by_pair(m: &Model) -> Vec<(&str, &str, Owner)> {
    let mut all: Vec<(&str, &str, Owner)> = m
        .responsibilities
        .iter()
        .map(|r| {
            let Responsibility {
                contributor,
                theme,
                player,
                activity,
                control,
            } = r;
            let owner = Owner {
                player: player.clone(),
                activity: activity.clone(),
                control: *control,
            };
            (contributor.as_str(), theme.as_str(), owner)
        })
        .collect();
    crate::order::sort(&mut all);
    all.dedup();
    all
}

/// The pairs whose owners differ, by contributor then theme id; nothing to
/// look at where the lists are equal, as they are unless the what-if
/// changed owners.
pub fn changed_owners(baseline: &Model, scenario: &Model) -> Vec<OwnersChange> {
    if baseline.responsibilities == scenario.responsibilities {
        return Vec::new();
    }
    let (before, after) = (owners_by_pair(baseline), owners_by_pair(scenario));
    let owners = |run: &[(&str, &str, Owner)]| run.iter().map(|x| x.2.clone()).collect();
    let mut changes = Vec::new();
    differing_runs(
        &before,
        &after,
        |x| (x.0, x.1),
        |(contributor, theme), old, new| {
            changes.push(OwnersChange {
                contributor: contributor.to_string(),
                theme: theme.to_string(),
                before: owners(old),
                after: owners(new),
            });
        },
    );
    changes
}

/// Each system's facts, by id.
fn system_facts(m: &Model) -> Vec<(&str, SystemFacts)> {
    let mut links: Vec<(&str, &str)> = m
        .integrations
        .iter()
        .flat_map(|i| {
            [
                (i.from.as_str(), i.to.as_str()),
                (i.to.as_str(), i.from.as_str()),
            ]
        })
        .collect();
    crate::order::sort(&mut links);
    links.dedup();
    let mut facts: Vec<(&str, SystemFacts)> = m
        .systems
        .iter()
        .map(|s| {
            let mut contributors = s.contributors.clone();
            crate::order::sort(&mut contributors);
            contributors.dedup();
            let id = s.id.as_str();
            let from = links.partition_point(|l| l.0 < id);
            let linked = links[from..].iter().take_while(|l| l.0 == id);
            let facts = SystemFacts {
                label: s.label.clone(),
                owner: s.owner.clone(),
                contributors,
                links: linked.map(|l| l.1.to_string()).collect(),
            };
            (id, facts)
        })
        .collect();
    crate::order::sort_by(&mut facts, |a, b| a.0.cmp(b.0));
    facts
}

/// The systems added, removed or changed (a link added or removed changes
/// both its ends), by id. (An id repeated in one model: its first system
/// stands for it.)
pub fn changed_systems(baseline: &Model, scenario: &Model) -> Vec<SystemChange> {
    if baseline.systems == scenario.systems && baseline.integrations == scenario.integrations {
        return Vec::new();
    }
    let (before, after) = (system_facts(baseline), system_facts(scenario));
    let mut changes = Vec::new();
    differing_runs(
        &before,
        &after,
        |x| x.0,
        |id, old, new| {
            let (old, new) = (old.first().map(|x| &x.1), new.first().map(|x| &x.1));
            // (two systems of one id where one stood: the first the same)
            if old != new {
                changes.push(SystemChange {
                    system: id.to_string(),
                    before: old.cloned(),
                    after: new.cloned(),
                });
            }
        },
    );
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Integration, System};

    fn sample() -> Model {
        crate::framework::sample()
    }

    #[test]
    fn the_same_model_changes_nothing() {
        let m = sample();
        assert!(changed_owners(&m, &m).is_empty());
        assert!(changed_systems(&m, &m).is_empty());
        // the same owners listed in another order are no change
        let mut reordered = m.clone();
        reordered.responsibilities.reverse();
        reordered.integrations.reverse();
        assert!(changed_owners(&m, &reordered).is_empty());
        assert!(changed_systems(&m, &reordered).is_empty());
    }

    #[test]
    fn a_contributor_renamed_removed_or_added_is_listed_once_by_id() {
        let base = sample();
        let mut b = base.clone();
        b.contributors[0].label = "Renamed".into();
        let removed = b.contributors.remove(1);
        let mut added = base.contributors[2].clone();
        added.id = "zz-new".into();
        b.contributors.push(added);
        let changes = changed_contributors(&base, &b);
        let ids: Vec<&str> = changes.iter().map(|c| c.contributor.as_str()).collect();
        let mut want = vec![
            base.contributors[0].id.as_str(),
            removed.id.as_str(),
            "zz-new",
        ];
        want.sort();
        assert_eq!(ids, want);
        let renamed = changes
            .iter()
            .find(|c| c.contributor == base.contributors[0].id)
            .unwrap();
        assert_eq!(
            renamed.before.as_ref().unwrap().label,
            base.contributors[0].label
        );
        assert_eq!(renamed.after.as_ref().unwrap().label, "Renamed");
        assert!(changes
            .iter()
            .any(|c| c.contributor == removed.id && c.after.is_none()));
        assert!(changes
            .iter()
            .any(|c| c.contributor == "zz-new" && c.before.is_none()));
        assert!(changed_contributors(&base, &base).is_empty());
    }

    #[test]
    fn an_owner_added_removed_or_edited_shows_its_pair_before_and_after() {
        let base = sample();
        let r = base.responsibilities[0].clone();
        let mut added = base.clone();
        let other = base
            .framework
            .players
            .iter()
            .find(|p| p.id != r.player)
            .unwrap();
        added.responsibilities.push(Responsibility {
            player: other.id.clone(),
            activity: None,
            control: Some(Control::Light),
            ..r.clone()
        });
        let changes = changed_owners(&base, &added);
        assert_eq!(changes.len(), 1);
        let c = &changes[0];
        assert_eq!(
            (c.contributor.as_str(), c.theme.as_str()),
            (r.contributor.as_str(), r.theme.as_str())
        );
        assert_eq!(c.after.len(), c.before.len() + 1);
        assert!(c
            .after
            .iter()
            .any(|o| o.player == other.id && o.control == Some(Control::Light)));

        let mut removed = base.clone();
        removed.responsibilities.remove(0);
        let changes = changed_owners(&base, &removed);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].after.len() + 1, changes[0].before.len());

        // an edited activity is a change of that pair, its player the same
        let mut edited = base.clone();
        edited.responsibilities[0].activity = Some("Something else".into());
        let changes = changed_owners(&base, &edited);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].before.len(), changes[0].after.len());
    }

    #[test]
    fn a_link_changes_both_its_systems_and_an_added_system_has_no_before() {
        let base = sample();
        let (a, b) = (base.systems[0].id.clone(), base.systems[1].id.clone());
        let mut linked = base.clone();
        linked
            .integrations
            .retain(|i| !(i.from == a && i.to == b || i.from == b && i.to == a));
        linked.integrations.push(Integration {
            from: a.clone(),
            to: b.clone(),
        });
        let base_linked = base
            .integrations
            .iter()
            .any(|i| i.from == a && i.to == b || i.from == b && i.to == a);
        let changed: Vec<String> = changed_systems(&base, &linked)
            .into_iter()
            .map(|c| c.system)
            .collect();
        if base_linked {
            assert!(changed.is_empty(), "the same link either way: {changed:?}");
        } else {
            let mut ends = vec![a.clone(), b.clone()];
            ends.sort();
            assert_eq!(changed, ends);
        }

        let mut more = base.clone();
        more.systems.push(System {
            id: "new-one".into(),
            label: "New one".into(),
            owner: "it".into(),
            contributors: vec![],
        });
        let changes = changed_systems(&base, &more);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].system, "new-one");
        assert!(changes[0].before.is_none() && changes[0].after.is_some());
    }
}
