//! Analysis and comparison of structured random models.
#![no_main]
use libfuzzer_sys::fuzz_target;
use workforce_ecosystem::{analysis, validate};
use workforce_ecosystem_fuzz::FuzzModel;

fuzz_target!(|input: (FuzzModel, FuzzModel)| {
    let (FuzzModel(a), FuzzModel(b)) = input;
    if !validate::validate(&a).is_empty() {
        return;
    }
    let report = analysis::analyze(&a);
    let _ = analysis::analysis_markdown(&a, &report);
    let same = analysis::compare(&a, &a);
    let _ = serde_json::to_string(&same).expect("a comparison serializes");
    if validate::validate(&b).is_empty() {
        let cmp = analysis::compare(&a, &b);
        let _ = analysis::comparison_markdown(&a, &b, &cmp);
    }
});
