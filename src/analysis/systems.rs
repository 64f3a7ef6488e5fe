//! The systems graph: systems are nodes, integrations undirected edges. Its
//! connected components decide which contributors are `fragmented` and which
//! systems are `silo`s; per contributor it lists the systems that track it.

use super::index::Index;
use super::names::{List, Names};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use std::fmt;
use std::sync::Arc;

/// What the analysis reports about the systems graph.
///
/// In JSON: `components` (the number of connected components; an isolated
/// system is one), `groups` (the components themselves, each a sorted array of
/// system ids, ordered by their first id) and `tracking` (every contributor's
/// id → the sorted ids of the systems that track it, empty when none does).
#[derive(Clone)]
pub struct SystemsSummary {
    pub components: usize,
    names: Arc<Names>,
    lists: SummaryLists,
}

/// Where a summary's lists are in its [`Names`].
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct SummaryLists {
    components: usize,
    /// The components' systems, one component after another, and the
    /// components' sizes.
    grouped: List,
    group_sizes: List,
    /// The contributors in id order; their systems, one contributor after
    /// another; how many each has.
    contributors: List,
    tracked: List,
    tracked_sizes: List,
}

/// Splits `flat` into consecutive runs of the given sizes.
fn runs<'a>(flat: &'a [u32], sizes: &'a [u32]) -> impl Iterator<Item = &'a [u32]> + 'a {
    let mut rest = flat;
    sizes.iter().map(move |&n| {
        let (run, tail) = rest.split_at((n as usize).min(rest.len()));
        rest = tail;
        run
    })
}

impl SystemsSummary {
    pub(crate) fn new(names: Arc<Names>, lists: SummaryLists) -> SystemsSummary {
        SystemsSummary {
            components: lists.components,
            names,
            lists,
        }
    }

    /// The components: each a sorted list of system ids, ordered by their
    /// first id.
    pub fn groups(&self) -> Vec<Vec<&str>> {
        let n = &self.names;
        runs(n.list(self.lists.grouped), n.list(self.lists.group_sizes))
            .map(|g| g.iter().map(|&s| n.id(s)).collect())
            .collect()
    }

    /// Every contributor's id with the sorted ids of the systems that track
    /// it, in id order.
    pub fn tracking(&self) -> Vec<(&str, Vec<&str>)> {
        let n = &self.names;
        let runs = runs(n.list(self.lists.tracked), n.list(self.lists.tracked_sizes));
        n.list(self.lists.contributors)
            .iter()
            .zip(runs)
            .map(|(&c, systems)| (n.id(c), systems.iter().map(|&s| n.id(s)).collect()))
            .collect()
    }

    /// The ids of the systems tracking `contributor`; `None` for an id that
    /// is not a contributor of the model.
    pub fn tracked_by(&self, contributor: &str) -> Option<Vec<&str>> {
        self.tracking()
            .into_iter()
            .find(|(c, _)| *c == contributor)
            .map(|(_, systems)| systems)
    }
}

impl PartialEq for SystemsSummary {
    fn eq(&self, other: &SystemsSummary) -> bool {
        self.components == other.components
            && self.groups() == other.groups()
            && self.tracking() == other.tracking()
    }
}

impl fmt::Debug for SystemsSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SystemsSummary")
            .field("components", &self.components)
            .field("groups", &self.groups())
            .field("tracking", &self.tracking())
            .finish()
    }
}

impl Serialize for SystemsSummary {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Tracking<'a>(&'a SystemsSummary);
        impl Serialize for Tracking<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_map(self.0.tracking())
            }
        }
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("components", &self.components)?;
        map.serialize_entry("groups", &self.groups())?;
        map.serialize_entry("tracking", &Tracking(self))?;
        map.end()
    }
}

/// The graph in index form, shared by the summary and the findings.
pub(crate) struct Graph {
    /// Per system, the root of its component.
    pub component: Vec<usize>,
    /// Per system, how many integrations join it to another system.
    pub degree: Vec<usize>,
    /// Per contributor of the model (by position), the systems tracking it:
    /// `tracked[starts[c]..starts[c + 1]]`, ascending, without repeats.
    starts: Vec<usize>,
    tracked: Vec<usize>,
}

/// Union–find with path halving and union by size: near-linear in the number
/// of systems plus integrations.
struct DisjointSets {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl DisjointSets {
    fn new(n: usize) -> DisjointSets {
        DisjointSets {
            parent: (0..n).collect(),
            size: vec![1; n],
        }
    }
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        if self.size[a] < self.size[b] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b] = a;
        self.size[a] += self.size[b];
    }
}

impl Graph {
    /// Builds the graph. Integrations that name an unknown system, or join a
    /// system to itself, connect nothing; a system's reference to an unknown
    /// contributor tracks nothing. Where an id repeats, its first item counts.
    pub fn new(index: &Index) -> Graph {
        let model = index.model;
        let n = model.systems.len();
        let mut sets = DisjointSets::new(n);
        let mut degree = vec![0; n];
        for link in &model.integrations {
            let (Some(a), Some(b)) = (index.systems.at(&link.from), index.systems.at(&link.to))
            else {
                continue;
            };
            if a != b {
                degree[a] += 1;
                degree[b] += 1;
                sets.union(a, b);
            }
        }
        let component = (0..n).map(|i| sets.find(i)).collect();

        // (contributor, system) pairs sorted into one flat list with offsets:
        // one allocation instead of one per contributor.
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for (i, s) in model.systems.iter().enumerate() {
            for c in &s.contributors {
                if let Some(c) = index.contributors.at(c) {
                    pairs.push((c, i));
                }
            }
        }
        crate::order::sort(&mut pairs);
        pairs.dedup();
        let mut starts = vec![0; model.contributors.len() + 1];
        for &(c, _) in &pairs {
            starts[c + 1] += 1;
        }
        for c in 0..model.contributors.len() {
            starts[c + 1] += starts[c];
        }
        Graph {
            component,
            degree,
            starts,
            tracked: pairs.iter().map(|&(_, s)| s).collect(),
        }
    }

    /// The systems tracking the contributor at `index` in the model,
    /// ascending. A repeated contributor id's later copies track nothing.
    pub fn tracked_by(&self, index: usize) -> &[usize] {
        match (self.starts.get(index), self.starts.get(index + 1)) {
            (Some(&a), Some(&b)) => self.tracked.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// `systems` grouped by component: each group ascending, the groups in
    /// order of their first member.
    pub fn groups_of(&self, systems: &[usize]) -> Vec<Vec<usize>> {
        let mut pairs: Vec<(usize, usize)> =
            systems.iter().map(|&s| (self.component[s], s)).collect();
        crate::order::sort(&mut pairs);
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut last_root = None;
        for (root, s) in pairs {
            match groups.last_mut() {
                Some(g) if last_root == Some(root) => g.push(s),
                _ => groups.push(vec![s]),
            }
            last_root = Some(root);
        }
        crate::order::sort_by_key(&mut groups, |g| g[0]);
        groups
    }

    /// Whether `systems` all lie in one component (no allocation).
    pub fn connected(&self, systems: &[usize]) -> bool {
        match systems.first() {
            None => true,
            Some(&first) => systems
                .iter()
                .all(|&s| self.component[s] == self.component[first]),
        }
    }

    /// The summary's lists, stored in the index's names: systems and
    /// contributors in id order.
    pub fn summary(&self, index: &mut Index) -> SummaryLists {
        let model = index.model;
        let system_refs = &index.systems.refs;
        // Each system's rank in id order, so that later sorts compare
        // integers, not strings.
        let systems = &model.systems;
        let mut sorted: Vec<(&str, usize)> = systems
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        crate::order::sort(&mut sorted);
        let by_id: Vec<usize> = sorted.iter().map(|&(_, i)| i).collect();
        let mut rank = vec![0; by_id.len()];
        for (r, &s) in by_id.iter().enumerate() {
            rank[s] = r;
        }
        // Components: members by rank, components by their first member.
        let mut members: Vec<(usize, usize)> = (0..systems.len())
            .map(|s| (self.component[s], rank[s]))
            .collect();
        crate::order::sort(&mut members);
        let mut groups: Vec<&[(usize, usize)]> = members.chunk_by(|a, b| a.0 == b.0).collect();
        crate::order::sort_by_key(&mut groups, |g| g[0].1);
        let components = groups.len();
        let group_sizes = index.names.add_list(groups.iter().map(|g| g.len() as u32));
        let grouped = index.names.add_list(
            groups
                .iter()
                .flat_map(|g| g.iter())
                .map(|&(_, r)| system_refs[by_id[r]]),
        );

        let contributor_refs = &index.contributors.refs;
        let mut sorted: Vec<(&str, usize)> = index.contributors.firsts().collect();
        crate::order::sort(&mut sorted);
        let contributors: Vec<usize> = sorted.iter().map(|&(_, c)| c).collect();
        let mut tracked: Vec<u32> = Vec::new();
        let mut tracked_sizes: Vec<u32> = Vec::with_capacity(contributors.len());
        for &c in &contributors {
            let mut ranks: Vec<usize> = self.tracked_by(c).iter().map(|&s| rank[s]).collect();
            crate::order::sort(&mut ranks);
            let before = tracked.len();
            let mut last = None;
            for r in ranks {
                let s = system_refs[by_id[r]];
                // Systems sharing an id (only in an invalid model) once.
                if last != Some(s) {
                    tracked.push(s);
                }
                last = Some(s);
            }
            tracked_sizes.push((tracked.len() - before) as u32);
        }
        let contributors = index
            .names
            .add_list(contributors.iter().map(|&c| contributor_refs[c]));
        SummaryLists {
            components,
            grouped,
            group_sizes,
            contributors,
            tracked: index.names.add_list(tracked),
            tracked_sizes: index.names.add_list(tracked_sizes),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::model::{Contributor, ContributorKind, Integration, Model, System};

    pub(crate) fn system(id: &str, tracks: &[&str]) -> System {
        System {
            id: id.into(),
            label: id.to_uppercase(),
            owner: "it".into(),
            contributors: tracks.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn link(from: &str, to: &str) -> Integration {
        Integration {
            from: from.into(),
            to: to.into(),
        }
    }

    fn contributor(id: &str) -> Contributor {
        Contributor {
            id: id.into(),
            label: id.into(),
            kind: ContributorKind::External,
            headcount: None,
        }
    }

    #[test]
    fn components_are_undirected_and_transitive() {
        let mut m = Model::empty("t");
        m.systems = ["a", "b", "c", "d", "e"]
            .iter()
            .map(|s| system(s, &[]))
            .collect();
        // a–b and c–b are joined through b whatever the directions.
        m.integrations = vec![link("a", "b"), link("c", "b"), link("e", "e")];
        let g = Graph::new(&Index::new(&m));
        let s = analyze(&m).systems;
        assert_eq!(s.components, 3);
        assert_eq!(s.groups(), [vec!["a", "b", "c"], vec!["d"], vec!["e"]]);
        // Reordering the lists changes nothing.
        m.systems.reverse();
        m.integrations.reverse();
        assert_eq!(analyze(&m).systems, s);
        assert_eq!(g.degree, vec![1, 2, 1, 0, 0]);
    }

    #[test]
    fn empty_graph_has_no_component() {
        let m = Model::empty("t");
        let s = analyze(&m).systems;
        assert_eq!((s.components, s.groups().len()), (0, 0));
        assert_eq!(
            serde_json::to_value(&s).unwrap(),
            serde_json::json!({"components": 0, "groups": [], "tracking": {}})
        );
    }

    #[test]
    fn tracking_lists_every_contributor_sorted() {
        let mut m = Model::empty("t");
        m.contributors = vec![
            contributor("gig"),
            contributor("staff"),
            contributor("apps"),
        ];
        m.systems = vec![
            system("vms", &["gig", "gig"]),
            system("hris", &["staff", "gig"]),
        ];
        m.integrations = vec![link("vms", "ghost")];
        let g = Graph::new(&Index::new(&m));
        let s = analyze(&m).systems;
        assert_eq!(
            s.tracking(),
            [
                ("apps", vec![]),
                ("gig", vec!["hris", "vms"]),
                ("staff", vec!["hris"])
            ]
        );
        assert_eq!(s.tracked_by("gig"), Some(vec!["hris", "vms"]));
        assert_eq!(s.tracked_by("nobody"), None);
        assert_eq!(
            serde_json::to_value(&s).unwrap()["tracking"],
            serde_json::json!({"apps": [], "gig": ["hris", "vms"], "staff": ["hris"]})
        );
        assert_eq!(g.tracked_by(0), [0, 1]);
        assert_eq!(g.tracked_by(2), [0usize; 0]);
        assert_eq!(g.tracked_by(99), [0usize; 0]);
        // The dangling integration joined nothing.
        assert_eq!(s.components, 2);
        assert_eq!(g.groups_of(g.tracked_by(0)), vec![vec![0], vec![1]]);
        assert!(!g.connected(g.tracked_by(0)));
    }

    #[test]
    fn tracking_groups_follow_components() {
        let mut m = Model::empty("t");
        m.systems = vec![
            system("a", &["x"]),
            system("b", &[]),
            system("c", &["x"]),
            system("d", &["x"]),
        ];
        m.integrations = vec![link("a", "b"), link("b", "c")];
        m.contributors = vec![contributor("x")];
        let g = Graph::new(&Index::new(&m));
        assert_eq!(g.tracked_by(0), [0, 2, 3]);
        assert_eq!(g.groups_of(g.tracked_by(0)), vec![vec![0, 2], vec![3]]);
        assert!(g.connected(&[0, 1, 2]) && g.connected(&[]));
        assert!(g.groups_of(&[]).is_empty());
    }
}
