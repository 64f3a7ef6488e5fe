// `same(ours, theirs)`: whether the crate's JSON value is serde_json's, for
// the reader's unit tests (src/json/parse.rs) and the `parse` fuzz target,
// which both include this file; `Value` is the crate's, in scope where it is
// included.

/// Whether our value is serde_json's, number kinds included.
fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
    use serde_json::Value as J;
    match (ours, theirs) {
        (Value::Null, J::Null) => true,
        (Value::Bool(a), J::Bool(b)) => a == b,
        (Value::String(a), J::String(b)) => a == b,
        (Value::Number(a), J::Number(b)) => {
            // serde_json's reader is not correctly rounded: on long
            // significands it may land one unit away (ours is checked
            // against core's parser in `float`).
            let near = match (a.as_f64(), b.as_f64()) {
                (Some(x), Some(y)) => x.to_bits().abs_diff(y.to_bits()) <= 1,
                _ => false,
            };
            a.as_u64() == b.as_u64()
                && a.as_i64() == b.as_i64()
                && a.is_f64() == b.is_f64()
                && near
        }
        (Value::Array(a), J::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Value::Object(a), J::Object(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|((k, x), (l, y))| k == l && same(x, y))
        }
        _ => false,
    }
}
