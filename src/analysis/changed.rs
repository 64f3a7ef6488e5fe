//! What a scenario changed besides scores, item by item: the (contributor,
//! theme) pairs whose owners differ and the systems that differ (owner,
//! what they track, their links). The comparison counts these changes by
//! kind ([`super::ChangeCount`]); a reader deciding on a what-if needs to
//! see which they are, as for the changed cells.

use crate::model::{Control, Model, Responsibility};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

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

fn owners_by_pair(m: &Model) -> BTreeMap<(&str, &str), BTreeSet<Owner>> {
    let mut pairs: BTreeMap<(&str, &str), BTreeSet<Owner>> = BTreeMap::new();
    for r in &m.responsibilities {
        let Responsibility {
            contributor,
            theme,
            player,
            activity,
            control,
        } = r;
        pairs
            .entry((contributor.as_str(), theme.as_str()))
            .or_default()
            .insert(Owner {
                player: player.clone(),
                activity: activity.clone(),
                control: *control,
            });
    }
    pairs
}

/// The pairs whose owners differ, by contributor then theme id; nothing to
/// look at where the lists are equal, as they are unless the what-if
/// changed owners.
pub fn changed_owners(baseline: &Model, scenario: &Model) -> Vec<OwnersChange> {
    if baseline.responsibilities == scenario.responsibilities {
        return Vec::new();
    }
    let (before, after) = (owners_by_pair(baseline), owners_by_pair(scenario));
    let pairs: BTreeSet<&(&str, &str)> = before.keys().chain(after.keys()).collect();
    let owners = |side: &BTreeMap<(&str, &str), BTreeSet<Owner>>, pair| {
        side.get(pair)
            .map(|set: &BTreeSet<Owner>| set.iter().cloned().collect::<Vec<_>>())
            .unwrap_or_default()
    };
    pairs
        .into_iter()
        .filter(|pair| before.get(*pair) != after.get(*pair))
        .map(|pair| OwnersChange {
            contributor: pair.0.to_string(),
            theme: pair.1.to_string(),
            before: owners(&before, pair),
            after: owners(&after, pair),
        })
        .collect()
}

fn system_facts(m: &Model) -> BTreeMap<&str, SystemFacts> {
    let mut links: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for i in &m.integrations {
        links.entry(&i.from).or_default().insert(&i.to);
        links.entry(&i.to).or_default().insert(&i.from);
    }
    m.systems
        .iter()
        .map(|s| {
            let mut contributors = s.contributors.clone();
            contributors.sort();
            contributors.dedup();
            let linked = links.get(s.id.as_str());
            let facts = SystemFacts {
                label: s.label.clone(),
                owner: s.owner.clone(),
                contributors,
                links: linked.map_or_else(Vec::new, |l| l.iter().map(|x| x.to_string()).collect()),
            };
            (s.id.as_str(), facts)
        })
        .collect()
}

/// The systems added, removed or changed (a link added or removed changes
/// both its ends), by id.
pub fn changed_systems(baseline: &Model, scenario: &Model) -> Vec<SystemChange> {
    if baseline.systems == scenario.systems && baseline.integrations == scenario.integrations {
        return Vec::new();
    }
    let (before, after) = (system_facts(baseline), system_facts(scenario));
    let ids: BTreeSet<&str> = before.keys().chain(after.keys()).copied().collect();
    ids.into_iter()
        .filter(|id| before.get(id) != after.get(id))
        .map(|id| SystemChange {
            system: id.to_string(),
            before: before.get(id).cloned(),
            after: after.get(id).cloned(),
        })
        .collect()
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
