//! The systems graph: systems are nodes, integrations undirected edges. Its
//! connected components decide which contributors are `fragmented` and which
//! systems are `silo`s; per contributor it lists the systems that track it.

use super::index::Index;
use super::{FastMap, Text};
use serde::Serialize;
use std::collections::BTreeMap;

/// What the analysis reports about the systems graph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SystemsSummary {
    /// The number of connected components (an isolated system is one).
    pub components: usize,
    /// The components themselves: each a sorted list of system ids, the
    /// components ordered by their first id.
    pub groups: Vec<Vec<Text>>,
    /// Every contributor of the model → the ids of the systems that track it
    /// (sorted; empty when none does).
    pub tracking: BTreeMap<Text, Vec<Text>>,
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
        pairs.sort_unstable();
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
            tracked: pairs.into_iter().map(|(_, s)| s).collect(),
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
        pairs.sort_unstable();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut last_root = None;
        for (root, s) in pairs {
            match groups.last_mut() {
                Some(g) if last_root == Some(root) => g.push(s),
                _ => groups.push(vec![s]),
            }
            last_root = Some(root);
        }
        groups.sort_unstable_by_key(|g| g[0]);
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

    /// The summary reported to users, in id order.
    pub fn summary(&self, index: &Index) -> SystemsSummary {
        let model = index.model;
        let system_ids: Vec<Text> = model
            .systems
            .iter()
            .map(|s| Text::from(s.id.as_str()))
            .collect();
        let mut by_root: FastMap<usize, Vec<Text>> = FastMap::default();
        for (i, id) in system_ids.iter().enumerate() {
            by_root
                .entry(self.component[i])
                .or_default()
                .push(id.clone());
        }
        let mut groups: Vec<Vec<Text>> = by_root
            .into_values()
            .map(|mut g| {
                g.sort_unstable();
                g
            })
            .collect();
        groups.sort_unstable();
        let mut tracking = BTreeMap::new();
        for (i, c) in model.contributors.iter().enumerate() {
            let mut ids: Vec<Text> = self
                .tracked_by(i)
                .iter()
                .map(|&s| system_ids[s].clone())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            // A repeated contributor id keeps its first entry.
            tracking.entry(Text::from(c.id.as_str())).or_insert(ids);
        }
        SystemsSummary {
            components: groups.len(),
            groups,
            tracking,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
        let s = g.summary(&Index::new(&m));
        assert_eq!(s.components, 3);
        assert_eq!(s.groups, [vec!["a", "b", "c"], vec!["d"], vec!["e"]]);
        assert_eq!(g.degree, vec![1, 2, 1, 0, 0]);
    }

    #[test]
    fn empty_graph_has_no_component() {
        let m = Model::empty("t");
        let s = {
            let x = Index::new(&m);
            Graph::new(&x).summary(&x)
        };
        assert_eq!((s.components, s.groups.len()), (0, 0));
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
        let s = g.summary(&Index::new(&m));
        assert_eq!(s.tracking["gig"], vec!["hris", "vms"]);
        assert_eq!(s.tracking["staff"], vec!["hris"]);
        assert!(s.tracking["apps"].is_empty());
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
