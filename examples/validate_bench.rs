//! Prints how long parsing and validation take on large models: one valid
//! model at the item limit, and the same model with a problem in every item.
//! Run with `cargo run --release --example validate_bench`.

use serde_json::{json, Value};
use std::time::Instant;
use workforce_ecosystem::validate::{parse_model, validate, MAX_ITEMS};

fn model(assessments: usize, target: u32) -> String {
    let players = [
        "senior-leaders",
        "procurement",
        "finance-legal",
        "business-unit-leaders",
        "it",
        "hr",
    ];
    let themes = ["leadership", "integration", "technology", "management"];
    let units: Vec<Value> = (0..assessments.div_ceil(24))
        .map(|u| json!({"id": format!("unit-{u}"), "label": format!("Unit {u}")}))
        .collect();
    let list: Vec<Value> = (0..assessments)
        .map(|i| {
            json!({"theme": themes[i % 4], "player": players[(i / 4) % 6],
                   "unit": format!("unit-{}", i / 24), "current": (i % 5) as f64,
                   "target": target, "note": "By store."})
        })
        .collect();
    // Compact: pretty-printed, this many items would pass the 10 MB limit.
    json!({"schema": "workforce-ecosystem/v1", "units": units, "assessments": list}).to_string()
}

fn time<T>(what: &str, bytes: usize, f: impl Fn() -> T) -> T {
    let runs = 5;
    let start = Instant::now();
    for _ in 1..runs {
        std::hint::black_box(f());
    }
    let out = f();
    let ms = start.elapsed().as_secs_f64() * 1000.0 / runs as f64;
    println!("{what:<52} {:>6.1} MB {ms:>8.1} ms", bytes as f64 / 1e6);
    out
}

fn main() {
    let n = 95_000; // + units + default framework and scale = just under MAX_ITEMS
    let valid = model(n, 4);
    let m = time("parse_model, valid, ~100k items", valid.len(), || {
        parse_model(&valid)
    })
    .expect("valid");
    assert!(m.item_count() <= MAX_ITEMS);
    time(
        "validate (rules only), valid, ~100k items",
        valid.len(),
        || validate(&m),
    );
    let bad = model(n, 9);
    let err = time("parse_model, one problem per assessment", bad.len(), || {
        parse_model(&bad)
    })
    .expect_err("invalid");
    println!(
        "  {} problems; the first {} listed, each with line and column",
        err.total(),
        err.problems.len()
    );
}
