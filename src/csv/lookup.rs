//! The ids a row names, found by id or by label, as a spreadsheet user
//! types them.

use crate::language::noun;
use crate::model::Item;
use std::collections::HashMap;

/// Finds ids among `items` by id, or else by label ignoring case and
/// surrounding spaces, so that a spreadsheet user may type `HR` for `hr` or
/// `ÜBER` for `Über`. Both are looked up in maps built once per import: a
/// file of 100,000 rows against thousands of units must not compare every
/// row with every unit.
pub(super) struct Lookup<'a> {
    items: &'a [Item],
    /// id → position of the first item with it
    ids: HashMap<&'a str, usize>,
    /// trimmed, lower-cased label → position of the first item with it
    labels: HashMap<String, usize>,
    /// By position: whether another item has the same label (which then
    /// names none of them).
    shared: Vec<bool>,
    /// What the messages list as known: the first ids, escaped.
    pub(super) known: String,
}

impl<'a> Lookup<'a> {
    pub(super) fn new(items: &'a [Item]) -> Lookup<'a> {
        let mut ids = HashMap::with_capacity(items.len());
        let mut labels: HashMap<String, usize> = HashMap::with_capacity(items.len());
        let mut shared = vec![false; items.len()];
        for (i, item) in items.iter().enumerate() {
            ids.entry(item.id.as_str()).or_insert(i);
            let label = item.label.trim().to_lowercase();
            let first = *labels.entry(label).or_insert(i);
            if first != i {
                shared[first] = true;
            }
        }
        Lookup {
            items,
            ids,
            labels,
            shared,
            known: known(items),
        }
    }

    pub(super) fn resolve(&self, text: &str) -> Option<String> {
        let t = text.trim();
        let at = match self.ids.get(text).or_else(|| self.ids.get(t)) {
            Some(&i) => Some(i),
            None => self
                .labels
                .get(&t.to_lowercase())
                .copied()
                .filter(|&i| !self.shared[i]),
        };
        at.and_then(|i| self.items.get(i))
            .map(|item| item.id.clone())
    }
}

/// The first ids of `items`, each escaped as messages quote the file's text
/// (an id is the model's text, and may hold anything).
fn known(items: &[Item]) -> String {
    if items.is_empty() {
        return noun("none").into_owned();
    }
    crate::validate::wording::first_ids(items.iter().map(|i| i.id.as_str()), 12)
}
