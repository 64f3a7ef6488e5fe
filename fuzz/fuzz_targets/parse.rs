//! Arbitrary bytes through the JSON reader, then parsing, migration and
//! validation.
#![no_main]
use libfuzzer_sys::fuzz_target;
use workforce_ecosystem::json::{self, Value};

/// Whether the crate's value is serde_json's. Floats may differ by one unit
/// in the last place: serde_json's reader is not correctly rounded, ours is.
fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
    use serde_json::Value as J;
    match (ours, theirs) {
        (Value::Null, J::Null) => true,
        (Value::Bool(a), J::Bool(b)) => a == b,
        (Value::String(a), J::String(b)) => a == b,
        (Value::Number(a), J::Number(b)) => {
            let near = match (a.as_f64(), b.as_f64()) {
                (Some(x), Some(y)) => x.to_bits().abs_diff(y.to_bits()) <= 1,
                _ => false,
            };
            a.as_u64() == b.as_u64() && a.as_i64() == b.as_i64() && a.is_f64() == b.is_f64() && near
        }
        (Value::Array(a), J::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y)),
        (Value::Object(a), J::Object(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|((k, x), (l, y))| k == l && same(x, y))
        }
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // The crate's JSON reader accepts and refuses what serde_json does, with
    // the same words at the same place.
    match (json::from_str(&text), serde_json::from_str::<serde_json::Value>(&text)) {
        (Ok(ours), Ok(theirs)) => assert!(same(&ours, &theirs), "{ours:?} vs {theirs:?}"),
        (Err(ours), Err(theirs)) => assert_eq!(ours.to_string(), theirs.to_string()),
        // Only near the largest double may one reader overflow and not the other.
        (Err(ours), Ok(_)) => assert_eq!(ours.message(), "number out of range"),
        (Ok(_), Err(theirs)) => assert!(theirs.to_string().starts_with("number out of range")),
    }
    if let Ok(model) = workforce_ecosystem::parse_model(&text) {
        // A model that parsed must survive a round trip unchanged.
        let again = serde_json::to_string(&model).expect("a valid model serializes");
        let back =
            workforce_ecosystem::parse_model(&again).expect("a serialized valid model parses");
        assert_eq!(model, back);
    }
});
