//! A JSON object: its members kept sorted by key, as serde_json's B-tree
//! map kept them, in a plain vector searched by bisection. Objects in models
//! are small, so inserting into the middle costs little, and the vector
//! keeps a B-tree's code out of the Wasm.

use super::Value;

/// The members of an object, in key order, each key once.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map {
    entries: Vec<(String, Value)>,
}

impl Map {
    pub fn new() -> Map {
        Map::default()
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        let i = self.find(key).ok()?;
        self.entries.get(i).map(|(_, v)| v)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        let i = self.find(key).ok()?;
        self.entries.get_mut(i).map(|(_, v)| v)
    }

    /// Sets `key` to `value`, giving back the value it replaces: a key
    /// written twice keeps its last value.
    pub fn insert(&mut self, key: String, value: Value) -> Option<Value> {
        match self.find(&key) {
            Ok(i) => self
                .entries
                .get_mut(i)
                .map(|(_, v)| std::mem::replace(v, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let i = self.find(key).ok()?;
        Some(self.entries.remove(i).1)
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The members, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl IntoIterator for Map {
    type Item = (String, Value);
    type IntoIter = std::vec::IntoIter<(String, Value)>;

    /// The members, in key order.
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl Map {
    /// The members in key order; of a key given twice, the last value.
    /// Sorting once keeps a large object in any order at n·log n where
    /// inserting one by one into the vector would be quadratic.
    pub(crate) fn from_members(mut members: Vec<(String, Value)>) -> Map {
        // Stable: equal keys stay in the order written.
        members.sort_by(|a, b| a.0.cmp(&b.0));
        let mut entries: Vec<(String, Value)> = Vec::with_capacity(members.len());
        for member in members {
            match entries.last_mut() {
                Some(last) if last.0 == member.0 => *last = member,
                _ => entries.push(member),
            }
        }
        Map { entries }
    }
}

impl FromIterator<(String, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Map {
        Map::from_members(iter.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    #[test]
    fn members_stay_in_key_order_and_the_last_write_wins() {
        let mut m = Map::new();
        assert!(m.is_empty());
        assert_eq!(m.insert("b".into(), Value::from("1")), None);
        assert_eq!(m.insert("a".into(), Value::from("2")), None);
        assert_eq!(
            m.insert("b".into(), Value::from("3")),
            Some(Value::from("1"))
        );
        assert_eq!(m.keys().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(m.get("b"), Some(&Value::from("3")));
        *m.get_mut("a").unwrap() = Value::Null;
        assert_eq!(m.iter().next(), Some((&"a".to_string(), &Value::Null)));
        assert_eq!(m.remove("a"), Some(Value::Null));
        assert_eq!(m.remove("a"), None);
        assert_eq!(m.len(), 1);
        assert_eq!(m.get("zz"), None);
    }

    proptest! {
        /// The same answers as the B-tree map it replaces, in the same order.
        #[test]
        fn behaves_as_a_btree_map(ops in prop::collection::vec(("[a-d]{0,2}", any::<bool>(), 0u8..9), 0..40)) {
            let mut ours = Map::new();
            let mut theirs = BTreeMap::new();
            for (k, remove, n) in ops {
                let v = Value::from(n.to_string());
                if remove {
                    prop_assert_eq!(ours.remove(&k), theirs.remove(&k));
                } else {
                    prop_assert_eq!(ours.insert(k.clone(), v.clone()), theirs.insert(k, v));
                }
            }
            let ours: Vec<_> = ours.into_iter().collect();
            let theirs: Vec<_> = theirs.into_iter().collect();
            prop_assert_eq!(ours, theirs);
        }

        /// Collecting keeps the last value of a repeated key, as inserting does.
        #[test]
        fn collecting_is_inserting_in_turn(entries in prop::collection::vec(("[a-e]{0,2}", 0u8..9), 0..40)) {
            let entries: Vec<(String, Value)> =
                entries.into_iter().map(|(k, n)| (k, Value::from(n.to_string()))).collect();
            let mut inserted = Map::new();
            for (k, v) in entries.clone() {
                inserted.insert(k, v);
            }
            prop_assert_eq!(entries.into_iter().collect::<Map>(), inserted);
        }
    }
}
