//! [`IdMap`]: id → number, with the ids copied into one string. A large
//! model's ids live in as many separate allocations; a general hash map keyed
//! by them compares each looked-up id against one of those, scattered over
//! the heap — a cache miss per lookup once the model outgrows the cache. Here
//! the table and the keys it compares against are compact.
//!
//! It is also the crate's one map from strings: validation, cell scores and
//! the scan of the source text use it too, so that the Wasm module carries
//! one compiled map instead of a `HashMap` per key and value type.

use super::FxHasher;
use std::hash::Hasher;

/// A fixed-capacity, open-addressing map from ids to numbers.
pub(crate) struct IdMap {
    text: String,
    /// Each key's place in `text` and its value, in insertion order.
    entries: Vec<(u32, u32, u32)>,
    /// Key hash and entry number + 1 (0 marks an empty slot). At most half
    /// full, so every probe sequence meets an empty slot.
    slots: Vec<(u64, u32)>,
}

fn hash(id: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(id.as_bytes());
    h.finish()
}

impl Default for IdMap {
    fn default() -> IdMap {
        IdMap::with_capacity(0)
    }
}

impl IdMap {
    /// A map for up to `n` ids.
    pub fn with_capacity(n: usize) -> IdMap {
        IdMap {
            text: String::with_capacity(n * 16),
            entries: Vec::with_capacity(n),
            slots: vec![(0, 0); (n * 2).next_power_of_two().max(8)],
        }
    }

    fn key(&self, entry: u32) -> &str {
        self.entries
            .get(entry as usize)
            .and_then(|&(a, b, _)| self.text.get(a as usize..b as usize))
            .unwrap_or("")
    }

    /// The slot holding `id`, or the empty slot where it would go.
    fn find(&self, id: &str, h: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let (slot_hash, entry) = self.slots[i];
            if entry == 0 || (slot_hash == h && self.key(entry - 1) == id) {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// The ids as a set (each mapped to 0).
    pub fn set(ids: &[String]) -> IdMap {
        let mut m = IdMap::with_capacity(ids.len());
        for id in ids {
            m.insert(id, 0);
        }
        m
    }

    pub fn get(&self, id: &str) -> Option<u32> {
        let i = self.find(id, hash(id));
        match self.slots[i].1 {
            0 => None,
            e => self.entries.get(e as usize - 1).map(|x| x.2),
        }
    }

    /// Adds `id` with `value` unless it is there already; returns the value
    /// it already had.
    pub fn insert(&mut self, id: &str, value: u32) -> Option<u32> {
        let h = hash(id);
        let i = self.find(id, h);
        if self.slots[i].1 != 0 {
            return self.get(id);
        }
        if 2 * (self.entries.len() + 1) > self.slots.len() {
            self.grow();
            return self.insert(id, value);
        }
        let start = self.text.len() as u32;
        self.text.push_str(id);
        self.entries.push((start, self.text.len() as u32, value));
        self.slots[i] = (h, self.entries.len() as u32);
        None
    }

    /// Doubles the slots (only when more ids come than announced).
    fn grow(&mut self) {
        let mut slots = vec![(0, 0); self.slots.len() * 2];
        let mask = slots.len() - 1;
        for (e, &(a, b, _)) in self.entries.iter().enumerate() {
            let h = hash(self.text.get(a as usize..b as usize).unwrap_or(""));
            let mut i = h as usize & mask;
            while slots[i].1 != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = (h, e as u32 + 1);
        }
        self.slots = slots;
    }

    /// How many ids it holds.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Every id with its value, in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, u32)> + '_ {
        (0..self.entries.len() as u32).map(|e| (self.key(e), self.entries[e as usize].2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_ids_keeps_the_first_value_and_grows() {
        let mut m = IdMap::with_capacity(2);
        assert_eq!(m.insert("hr", 0), None);
        assert_eq!(m.insert("it", 1), None);
        assert_eq!(m.insert("hr", 7), Some(0));
        // More than announced: the map grows.
        for i in 0..100 {
            assert_eq!(m.insert(&format!("unit-{i}"), i + 2), None);
        }
        assert_eq!(m.iter().count(), 102);
        assert_eq!(m.get("hr"), Some(0));
        assert_eq!(m.get("unit-99"), Some(101));
        assert_eq!(m.get("unit-100"), None);
        assert_eq!(m.get(""), None);
        assert_eq!(m.insert("", 500), None);
        assert_eq!(m.get(""), Some(500));
        let first: Vec<(&str, u32)> = m.iter().take(3).collect();
        assert_eq!(first, [("hr", 0), ("it", 1), ("unit-0", 2)]);
    }
}
