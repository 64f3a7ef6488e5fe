//! Arbitrary bytes through the text syntax's reader: no input panics, every
//! refusal names at least one problem with its line, and a model that was
//! read prints as canonical text that reads back as the same model and
//! prints the same again.
#![no_main]
use libfuzzer_sys::fuzz_target;
use workforce_ecosystem::text;

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    match text::parse_text(&source) {
        Ok(model) => {
            let canonical = text::to_text(&model);
            let back = text::parse_text(&canonical).expect("canonical text reads back");
            assert_eq!(model, back);
            assert_eq!(text::to_text(&back), canonical);
        }
        Err(invalid) => assert!(!invalid.problems.is_empty()),
    }
});
