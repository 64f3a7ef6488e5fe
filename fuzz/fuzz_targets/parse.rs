//! Arbitrary bytes through the JSON reader, then parsing, migration and
//! validation.
#![no_main]
use libfuzzer_sys::fuzz_target;
use workforce_ecosystem::json::{self, Value};

include!("../../tests/support/json_same.rs");

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
