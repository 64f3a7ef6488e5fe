//! The native half of the Wasm-against-native benchmark (`make bench`): writes
//! the sample scaled 1×, 10×, 100× and to about 10,000 assessments as JSON
//! files into a folder, and times natively what the page's Wasm does with the
//! same text: parse and validate, analyse, and convert the result into a
//! plain data tree; a plan of all findings (`analysis::plan`, written as
//! JSON), which the page opens as a what-if; and reading and writing the
//! same model in the text syntax (`text_ms`). Prints one JSON line per size
//! for bench/browser.mjs.
//!
//! `cargo run --release --example scaled -- OUT_DIR`

use std::hint::black_box;
use std::time::{Duration, Instant};
use workforce_ecosystem::{analysis, framework, generate, validate};

/// 209× the sample is about 10,000 assessments, the size issue 4 speaks of;
/// 1000× would exceed the 100,000-item limit a model may have.
const FACTORS: [usize; 4] = [1, 10, 100, 209];
const BUDGET: Duration = Duration::from_millis(1500);

fn median_ms(mut run: impl FnMut()) -> (f64, usize) {
    run();
    let mut times = Vec::new();
    let start = Instant::now();
    while times.len() < 5 || (start.elapsed() < BUDGET && times.len() < 5000) {
        let t = Instant::now();
        run();
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], times.len())
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/bench-models".into());
    std::fs::create_dir_all(&dir).expect("the output folder can be created");
    let base = framework::sample();
    for factor in FACTORS {
        let model = generate::scaled(&base, factor);
        let json = serde_json::to_string(&model).expect("a model serializes");
        let file = format!("{dir}/scaled-{factor}.json");
        std::fs::write(&file, &json).expect("the model file can be written");
        let (ms, runs) = median_ms(|| {
            let m = validate::parse_model(black_box(&json)).expect("a generated model is valid");
            let report = analysis::analyze(&m);
            black_box(serde_json::to_value(&report).expect("an analysis serializes"));
        });
        let (plan_ms, _) = median_ms(|| {
            let plan = analysis::plan(black_box(&model), &analysis::PlanOptions::default());
            black_box(serde_json::to_string(&plan).expect("a plan serializes"));
        });
        // The same model in the text syntax: read and validated, then written back.
        let text = model.to_text();
        let (text_ms, _) = median_ms(|| {
            let m = workforce_ecosystem::text::parse_text(black_box(&text))
                .expect("the text reads back");
            black_box(m.to_text());
        });
        println!(
            "{{\"factor\":{factor},\"assessments\":{},\"bytes\":{},\"file\":\"{file}\",\"native_ms\":{ms:.4},\"runs\":{runs},\"plan_ms\":{plan_ms:.4},\"text_bytes\":{},\"text_ms\":{text_ms:.4}}}",
            model.assessments.len(),
            json.len(),
            text.len()
        );
    }
}
