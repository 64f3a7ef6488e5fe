//! The model resolved once: every id looked up a single time into a position
//! in its list and a [`Names`] reference, so that readiness, the rules and
//! the systems graph work on integers rather than looking strings up again.
//!
//! Where an id repeats (only in a model that failed validation) its first
//! item counts, and later ones share its reference. An id the model uses but
//! does not define gets a reference of its own whose label is the id.

use super::names::{Names, Ref};
use super::FxBuildHasher;
use crate::model::{Item, Model};
use std::collections::hash_map::{Entry, HashMap};

/// Where an assessment's unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitAt {
    /// The assessment is organization-wide.
    Whole,
    Known(u32),
    Unknown,
}

/// An assessment's theme, player and unit positions (`None` when unknown).
#[derive(Debug, Clone, Copy)]
pub(crate) struct CellAt {
    pub theme: Option<u32>,
    pub player: Option<u32>,
    pub unit: UnitAt,
}

/// Tables this small are searched in order, comparing lengths and first
/// bytes before whole ids: cheaper than hashing for the framework's few
/// themes and players, looked up for every assessment.
const SMALL: usize = 16;

/// An id's length and first eight bytes, compared before the whole id.
fn sketch(id: &str) -> (usize, u64) {
    let bytes = id.as_bytes();
    let mut head = [0u8; 8];
    let n = bytes.len().min(8);
    head[..n].copy_from_slice(&bytes[..n]);
    (bytes.len(), u64::from_le_bytes(head))
}

/// Positions of first items by id, and references by position.
pub(crate) struct Table<'m> {
    at: HashMap<&'m str, usize, FxBuildHasher>,
    /// For small tables: each first item's sketch, id and position.
    small: Vec<((usize, u64), &'m str, usize)>,
    pub refs: Vec<Ref>,
    /// Whether the item at each position is the first with its id.
    pub first: Vec<bool>,
}

impl<'m> Table<'m> {
    /// `items` as (id, label, headcount).
    fn new<'a>(
        names: &mut Names,
        items: impl ExactSizeIterator<Item = (&'m str, &'a str, Option<u64>)>,
    ) -> Table<'m> {
        let n = items.len();
        let mut at = HashMap::with_capacity_and_hasher(n, FxBuildHasher);
        let mut refs = Vec::with_capacity(n);
        let mut first = Vec::with_capacity(n);
        let mut small = Vec::new();
        for (i, (id, label, headcount)) in items.enumerate() {
            let r = match at.entry(id) {
                Entry::Occupied(f) => {
                    first.push(false);
                    refs[*f.get()]
                }
                Entry::Vacant(slot) => {
                    slot.insert(i);
                    first.push(true);
                    small.push((sketch(id), id, i));
                    names.add(id, label, headcount)
                }
            };
            refs.push(r);
        }
        if small.len() > SMALL {
            small = Vec::new();
        }
        Table {
            at,
            small,
            refs,
            first,
        }
    }

    fn of_items(names: &mut Names, items: &'m [Item]) -> Table<'m> {
        Table::new(
            names,
            items
                .iter()
                .map(|i| (i.id.as_str(), i.label.as_str(), None)),
        )
    }

    /// The position of the first item with this id.
    pub fn at(&self, id: &str) -> Option<usize> {
        if self.small.is_empty() {
            return self.at.get(id).copied();
        }
        let key = sketch(id);
        self.small
            .iter()
            .find(|e| e.0 == key && (key.0 <= 8 || e.1 == id))
            .map(|e| e.2)
    }

    /// Each distinct id with its first position, in no particular order.
    pub fn firsts(&self) -> impl Iterator<Item = (&'m str, usize)> + '_ {
        self.at.iter().map(|(&id, &i)| (id, i))
    }
}

/// The resolved model.
pub(crate) struct Index<'m> {
    pub model: &'m Model,
    pub names: Names,
    pub themes: Table<'m>,
    pub players: Table<'m>,
    pub units: Table<'m>,
    pub contributors: Table<'m>,
    pub systems: Table<'m>,
    /// Per assessment, in model order.
    pub cells: Vec<CellAt>,
    /// Ids used without being defined, with the reference given to each.
    unknown: HashMap<&'m str, Ref, FxBuildHasher>,
}

impl<'m> Index<'m> {
    pub fn new(model: &'m Model) -> Index<'m> {
        let fw = &model.framework;
        let capacity = fw.players.len()
            + fw.themes.len()
            + model.units.len()
            + model.contributors.len()
            + model.systems.len();
        let mut names = Names::new(model.scale.min, &model.scale.labels, capacity);
        let themes = Table::of_items(&mut names, &fw.themes);
        let players = Table::of_items(&mut names, &fw.players);
        let units = Table::of_items(&mut names, &model.units);
        let contributors = Table::new(
            &mut names,
            model
                .contributors
                .iter()
                .map(|c| (c.id.as_str(), c.label.as_str(), c.headcount)),
        );
        let systems = Table::new(
            &mut names,
            model
                .systems
                .iter()
                .map(|s| (s.id.as_str(), s.label.as_str(), None)),
        );
        let cells = model
            .assessments
            .iter()
            .map(|a| CellAt {
                theme: themes.at(&a.theme).map(|t| t as u32),
                player: players.at(&a.player).map(|p| p as u32),
                unit: match &a.unit {
                    None => UnitAt::Whole,
                    Some(u) => units
                        .at(u)
                        .map_or(UnitAt::Unknown, |u| UnitAt::Known(u as u32)),
                },
            })
            .collect();
        Index {
            model,
            names,
            themes,
            players,
            units,
            contributors,
            systems,
            cells,
            unknown: HashMap::default(),
        }
    }

    /// The reference of `id` in `table`, or of the undefined id itself.
    fn resolve(&mut self, pick: for<'x> fn(&'x Index<'m>) -> &'x Table<'m>, id: &'m str) -> Ref {
        let table = pick(self);
        if let Some(i) = table.at(id) {
            return table.refs[i];
        }
        self.text(id)
    }

    pub fn theme(&mut self, id: &'m str) -> Ref {
        self.resolve(|x| &x.themes, id)
    }

    pub fn player(&mut self, id: &'m str) -> Ref {
        self.resolve(|x| &x.players, id)
    }

    pub fn unit(&mut self, id: &'m str) -> Ref {
        self.resolve(|x| &x.units, id)
    }

    pub fn contributor(&mut self, id: &'m str) -> Ref {
        self.resolve(|x| &x.contributors, id)
    }

    /// A free text (an activity) as an item whose id and label are the text.
    pub fn text(&mut self, text: &'m str) -> Ref {
        let names = &mut self.names;
        *self
            .unknown
            .entry(text)
            .or_insert_with(|| names.add(text, text, None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Assessment, Contributor, ContributorKind};

    #[test]
    fn resolves_ids_once_and_shares_repeated_ones() {
        let mut m = Model::empty("t");
        m.units = vec![Item::new("north", "North"), Item::new("north", "Again")];
        m.contributors = vec![Contributor {
            id: "gig".into(),
            label: "Gig".into(),
            kind: ContributorKind::External,
            headcount: Some(3),
        }];
        m.assessments = vec![Assessment {
            theme: "integration".into(),
            player: "ghost".into(),
            unit: Some("south".into()),
            current: 1.0,
            target: None,
            weight: 1.0,
            note: None,
        }];
        let mut x = Index::new(&m);
        assert_eq!(x.units.refs[0], x.units.refs[1]);
        assert_eq!(x.names.label(x.units.refs[1]), "North");
        let c = x.cells[0];
        assert_eq!(c.theme, Some(1));
        assert_eq!((c.player, c.unit), (None, UnitAt::Unknown));
        let gig = x.contributor("gig");
        assert_eq!(
            (x.names.label(gig), x.names.headcount(gig)),
            ("Gig", Some(3))
        );
        let ghost = x.player("ghost");
        assert_eq!(
            (x.names.id(ghost), x.names.label(ghost)),
            ("ghost", "ghost")
        );
        assert_eq!(x.player("ghost"), ghost, "an undefined id is added once");
        let hr = x.player("hr");
        assert_eq!(x.names.label(hr), "HR");
        assert_eq!(x.text("sourcing"), x.text("sourcing"));
    }

    #[test]
    fn small_and_large_tables_find_the_same_ids() {
        for n in [3, 16, 17, 200] {
            let mut m = Model::empty("t");
            // Ids sharing their first eight bytes and lengths around eight.
            m.units = (0..n)
                .map(|i| Item::new(&format!("business-unit-{i}"), "U"))
                .chain([Item::new("abcdefgh", "8"), Item::new("abcdefg", "7")])
                .collect();
            let x = Index::new(&m);
            for (i, u) in m.units.iter().enumerate() {
                assert_eq!(x.units.at(&u.id), Some(i), "{n}: {}", u.id);
            }
            for absent in [
                "business-unit-",
                "business-unit-x",
                "abcdefgh\0",
                "abcdefghi",
                "",
            ] {
                assert_eq!(x.units.at(absent), None, "{n}: {absent:?}");
            }
            assert!(x.units.first.iter().all(|&f| f));
        }
    }
}
