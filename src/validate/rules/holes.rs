//! The placeholders of values the reader already reported, arranged so
//! that asking whether a place lies under one writes no path.

use super::place::At;
use crate::validate::path;
use std::collections::HashSet;

/// The model's lists, as the rules name places in them.
const LISTS: [&str; 8] = [
    "framework.players",
    "framework.themes",
    "units",
    "assessments",
    "contributors",
    "responsibilities",
    "systems",
    "integrations",
];

/// The placeholders arranged for [`Rules::skip`](super::Rules::skip),
/// which is asked of every value checked: whether each list lies under
/// one, and for each list item holding one what follows `list[i]` in its
/// path (`""` for the item itself, `.current`, `.contributors[3]`), sorted
/// by list and position, so that no path is written to ask.
#[derive(Default)]
pub(super) struct Holes<'p> {
    pub(super) lists: Vec<(&'static str, bool)>,
    items: Vec<(&'p str, usize, &'p str)>,
}

impl<'p> Holes<'p> {
    pub(super) fn new(placeholders: &'p HashSet<&'p str>) -> Holes<'p> {
        let mut holes = Holes::default();
        if placeholders.is_empty() {
            return holes;
        }
        for list in LISTS {
            let under = path::self_and_ancestors(list)
                .iter()
                .any(|p| placeholders.contains(&**p));
            holes.lists.push((list, under));
        }
        for &p in placeholders {
            let Some((list, rest)) = p.split_once('[') else {
                continue;
            };
            let Some((index, rest)) = rest.split_once(']') else {
                continue;
            };
            if let Ok(i) = index.parse() {
                holes.items.push((list, i, rest));
            }
        }
        crate::order::sort(&mut holes.items);
        holes
    }

    /// What follows `list[i]` in the placeholders inside that item.
    pub(super) fn inside<'a>(
        &'a self,
        list: &'a str,
        i: usize,
    ) -> impl Iterator<Item = &'p str> + 'a {
        let start = self.items.partition_point(|&(l, j, _)| (l, j) < (list, i));
        self.items
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(move |&&(l, j, _)| l == list && j == i)
            .map(|&(_, _, rest)| rest)
    }

    /// Whether `rest` (what follows `list[i]` in a placeholder's path) is
    /// `at` or one of its ancestors.
    pub(super) fn covers(rest: &str, at: At) -> bool {
        if rest.is_empty() {
            return true;
        }
        if at.field.is_empty() {
            return false;
        }
        let Some(after) = rest
            .strip_prefix('.')
            .and_then(|r| r.strip_prefix(at.field))
        else {
            return false;
        };
        match (after, at.j) {
            ("", _) => true,
            (index, Some(j)) => {
                index
                    .strip_prefix('[')
                    .and_then(|r| r.strip_suffix(']'))
                    .and_then(|n| n.parse::<usize>().ok())
                    == Some(j)
            }
            _ => false,
        }
    }
}
