//! `make bench`: how the analysis scales. Times `analysis::analyze` on models
//! 1×, 10×, 100× and 1000× the sample organization (built by
//! `generate::scaled`), prints the median over repeated runs and the growth
//! from one size to the next. Near-linear analysis grows about ×10 per step.
//!
//! `cargo run --release --example bench [MODEL.json]` benchmarks another base
//! model instead of the sample.

use std::hint::black_box;
use std::time::{Duration, Instant};
use workforce_ecosystem::{analysis, framework, generate, validate, Model};

const FACTORS: [usize; 4] = [1, 10, 100, 1000];
/// Time spent measuring each size (after one warm-up run).
const BUDGET: Duration = Duration::from_millis(1500);
const MIN_RUNS: usize = 7;
const MAX_RUNS: usize = 20_000;
/// DESIGN's goal for the largest size: well inside one 60 Hz frame.
const FRAME: Duration = Duration::from_millis(16);

fn median_time(model: &Model) -> (Duration, usize) {
    black_box(analysis::analyze(black_box(model)));
    let mut times = Vec::new();
    let start = Instant::now();
    while times.len() < MIN_RUNS || (start.elapsed() < BUDGET && times.len() < MAX_RUNS) {
        let t = Instant::now();
        black_box(analysis::analyze(black_box(model)));
        times.push(t.elapsed());
    }
    times.sort_unstable();
    (times[times.len() / 2], times.len())
}

fn show(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us < 1000.0 {
        format!("{us:.1} µs")
    } else {
        format!("{:.2} ms", us / 1000.0)
    }
}

fn main() {
    let base = match std::env::args().nth(1) {
        Some(path) => {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
                eprintln!("{path}: {e}");
                std::process::exit(1)
            });
            validate::parse_model(&text).unwrap_or_else(|e| {
                eprintln!("{path}: {e}");
                std::process::exit(2)
            })
        }
        None => framework::sample(),
    };
    println!(
        "analysis benchmark on \"{}\" ({} build), median of repeated runs",
        base.name,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    println!(
        "{:>6} {:>11} {:>12} {:>8} {:>16} {:>9} {:>11} {:>6} {:>8}",
        "size",
        "assessments",
        "contributors",
        "systems",
        "responsibilities",
        "findings",
        "median",
        "runs",
        "growth"
    );
    let mut previous: Option<Duration> = None;
    let mut largest = Duration::ZERO;
    for factor in FACTORS {
        let model = generate::scaled(&base, factor);
        let findings = analysis::analyze(&model).findings.len();
        let (median, runs) = median_time(&model);
        let growth = previous.map_or("".to_string(), |p| {
            format!("×{:.1}", median.as_secs_f64() / p.as_secs_f64().max(1e-12))
        });
        println!(
            "{:>5}× {:>11} {:>12} {:>8} {:>16} {:>9} {:>11} {:>6} {:>8}",
            factor,
            model.assessments.len(),
            model.contributors.len(),
            model.systems.len(),
            model.responsibilities.len(),
            findings,
            show(median),
            runs,
            growth
        );
        previous = Some(median);
        largest = median;
    }
    println!(
        "growth is the time ratio to the previous size (each size is ×10); ~×10 means linear."
    );
    println!(
        "largest size: {} — {} the 16 ms goal ({:.0}% of a frame).",
        show(largest),
        if largest < FRAME / 2 {
            "well under"
        } else if largest < FRAME {
            "under"
        } else {
            "OVER"
        },
        largest.as_secs_f64() / FRAME.as_secs_f64() * 100.0
    );
}
