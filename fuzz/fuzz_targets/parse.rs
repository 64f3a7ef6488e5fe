//! Arbitrary bytes through parsing, migration and validation.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(model) = workforce_ecosystem::parse_model(&text) {
        // A model that parsed must survive a round trip unchanged.
        let again = serde_json::to_string(&model).expect("a valid model serializes");
        let back =
            workforce_ecosystem::parse_model(&again).expect("a serialized valid model parses");
        assert_eq!(model, back);
    }
});
