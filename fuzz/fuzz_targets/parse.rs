//! Arbitrary bytes through parsing, migration and validation: no input
//! panics, every refusal names at least one problem, and a model that
//! parsed survives a round trip through its JSON unchanged.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match workforce_ecosystem::parse_model(&text) {
        Ok(model) => {
            let again = serde_json::to_string(&model).expect("a valid model serializes");
            let back =
                workforce_ecosystem::parse_model(&again).expect("a serialized valid model parses");
            assert_eq!(model, back);
        }
        Err(invalid) => assert!(!invalid.problems.is_empty()),
    }
    let _ = workforce_ecosystem::session::Session::from_text(&text);
});
