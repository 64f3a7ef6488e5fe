//! [`ById`]: one value per id of the model, in id order — readiness per
//! theme, player and unit, and how it moved. A map sorted by id, so that it
//! iterates and serializes (as a JSON object) the same whatever the order of
//! the model's lists.

use super::Text;
use std::collections::BTreeMap;

/// Values by id, in id order.
pub type ById<V> = BTreeMap<Text, V>;

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
