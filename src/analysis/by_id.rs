//! [`ById`]: one value per id of the model, sorted by id — readiness per
//! theme, player and unit, and how it moved. A sorted list searched by
//! bisection does what a `BTreeMap` did here with a fraction of the code
//! (each map type compiled a B-tree of its own).

use super::Text;
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::ops::Index;

/// Values by id, in id order; each id once. Serializes as a JSON object.
#[derive(Debug, Clone, PartialEq)]
pub struct ById<V>(Vec<(Text, V)>);

impl<V> ById<V> {
    /// From pairs with distinct ids, in any order.
    pub(crate) fn new(mut pairs: Vec<(Text, V)>) -> ById<V> {
        crate::sort::sort_by(&mut pairs, |a, b| a.0.cmp(&b.0));
        ById(pairs)
    }

    /// From pairs already sorted by id, each id once.
    pub(crate) fn from_sorted(pairs: Vec<(Text, V)>) -> ById<V> {
        ById(pairs)
    }

    pub fn get(&self, id: &str) -> Option<&V> {
        let i = self.0.binary_search_by(|e| e.0.as_str().cmp(id)).ok()?;
        self.0.get(i).map(|e| &e.1)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every id with its value, in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&Text, &V)> + '_ {
        self.0.iter().map(|e| (&e.0, &e.1))
    }

    pub fn keys(&self) -> impl Iterator<Item = &Text> + '_ {
        self.0.iter().map(|e| &e.0)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> + '_ {
        self.0.iter().map(|e| &e.1)
    }
}

impl<V> Index<&str> for ById<V> {
    type Output = V;

    /// The value of `id`; panics if it has none, like a map's `[]`.
    fn index(&self, id: &str) -> &V {
        match self.get(id) {
            Some(v) => v,
            None => panic!("no value for the id {id:?}"),
        }
    }
}

impl<V: Serialize> Serialize for ById<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (id, v) in &self.0 {
            map.serialize_entry(id, v)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_finds_and_serializes_like_a_map() {
        let m = ById::new(vec![
            (Text::from("it"), 2),
            (Text::from("hr"), 1),
            (Text::from("procurement"), 3),
        ]);
        assert_eq!(m.get("hr"), Some(&1));
        assert_eq!(m["procurement"], 3);
        assert_eq!(m.get("h"), None);
        assert_eq!(m.len(), 3);
        let keys: Vec<&str> = m.keys().map(Text::as_str).collect();
        assert_eq!(keys, ["hr", "it", "procurement"]);
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"hr":1,"it":2,"procurement":3}"#
        );
        assert!(ById::<f64>::new(Vec::new()).is_empty());
    }
}
