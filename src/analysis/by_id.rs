//! [`ById`]: one value per id of the model, in id order — readiness per
//! theme, player and unit, and how it moved. A map sorted by id, so that it
//! iterates and serializes (as a JSON object) the same whatever the order of
//! the model's lists.

use super::Text;
use std::collections::BTreeMap;

/// Values by id, in id order.
pub type ById<V> = BTreeMap<Text, V>;

/// A [`ById`] of `pairs`, keeping the last value of a repeated id, as
/// `collect` would.
///
/// Why not `collect`: `BTreeMap`'s `FromIterator` sorts its input first, which
/// compiles one more copy of std's sort for each value type (about 1.8 KB
/// gzip of Wasm each, see `crate::order`); inserting one by one needs no sort,
/// and these maps hold a few dozen ids.
pub fn by_id<V>(pairs: impl IntoIterator<Item = (Text, V)>) -> ById<V> {
    let mut map = ById::new();
    map.extend(pairs);
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iterates_and_serializes_in_id_order() {
        let m: ById<u32> = [("it", 2), ("hr", 1), ("procurement", 3)]
            .into_iter()
            .map(|(id, v)| (Text::from(id), v))
            .collect();
        assert_eq!(m.get("hr"), Some(&1));
        assert_eq!(m["procurement"], 3);
        assert_eq!(m.get("h"), None);
        let keys: Vec<&str> = m.keys().map(Text::as_str).collect();
        assert_eq!(keys, ["hr", "it", "procurement"]);
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"hr":1,"it":2,"procurement":3}"#
        );
    }
}
