//! `make bench`: how the analysis scales. Times `analysis::analyze` on models
//! 1×, 10×, 100× and 1000× the sample organization (built by
//! `generate::scaled`), and on the reference size of about 10,000 assessments
//! the issue sets its goal for; prints the median wall time over repeated
//! runs, the mean on-CPU time where the system reports it, and the growth from
//! one size to the next (near-linear analysis grows about ×10 per step).
//!
//! On a machine shared with other work, wall time includes waiting for a CPU;
//! the CPU column is the thread's own time and moves much less with the load.
//!
//! `cargo run --release --example bench [MODEL.json]` benchmarks another base
//! model instead of the sample.

use std::hint::black_box;
use std::time::{Duration, Instant};
use workforce_ecosystem::{analysis, framework, generate, validate, Model};

const FACTORS: [usize; 4] = [1, 10, 100, 1000];
/// The size the goal speaks of.
const REFERENCE_ASSESSMENTS: usize = 10_000;
/// Time spent measuring each size (after one warm-up run).
const BUDGET: Duration = Duration::from_millis(1500);
const MIN_RUNS: usize = 7;
const MAX_RUNS: usize = 20_000;
/// The goal for the largest size: well inside one 60 Hz frame.
const FRAME: Duration = Duration::from_millis(16);

/// This thread's time on a CPU so far (Linux only).
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

struct Timing {
    median: Duration,
    cpu: Option<Duration>,
    runs: usize,
}

fn measure(model: &Model) -> Timing {
    black_box(analysis::analyze(black_box(model)));
    let mut times = Vec::new();
    let cpu_start = cpu_time();
    let start = Instant::now();
    while times.len() < MIN_RUNS || (start.elapsed() < BUDGET && times.len() < MAX_RUNS) {
        let t = Instant::now();
        black_box(analysis::analyze(black_box(model)));
        times.push(t.elapsed());
    }
    let cpu = cpu_start
        .zip(cpu_time())
        .map(|(a, b)| b.saturating_sub(a) / times.len() as u32);
    times.sort_unstable();
    Timing {
        median: times[times.len() / 2],
        cpu,
        runs: times.len(),
    }
}

fn show(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us < 1000.0 {
        format!("{us:.1} µs")
    } else {
        format!("{:.2} ms", us / 1000.0)
    }
}

fn ratio(now: Duration, before: Option<Duration>) -> String {
    before.map_or(String::new(), |b| {
        format!("×{:.1}", now.as_secs_f64() / b.as_secs_f64().max(1e-12))
    })
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
        "analysis benchmark on \"{}\" ({} build)",
        base.name,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    println!(
        "{:>6} {:>11} {:>12} {:>7} {:>16} {:>8} | {:>11} {:>6} {:>11} {:>6} | {:>5}",
        "size",
        "assessments",
        "contributors",
        "systems",
        "responsibilities",
        "findings",
        "median wall",
        "growth",
        "mean cpu",
        "growth",
        "runs"
    );
    let reference = REFERENCE_ASSESSMENTS.div_ceil(base.assessments.len().max(1));
    let mut sizes: Vec<(String, usize)> = FACTORS.iter().map(|f| (format!("{f}×"), *f)).collect();
    sizes.push((format!("{reference}×"), reference));
    let mut previous: Option<Timing> = None;
    let mut results = Vec::new();
    for (i, (name, factor)) in sizes.into_iter().enumerate() {
        let model = generate::scaled(&base, factor);
        let findings = analysis::analyze(&model).findings.len();
        let t = measure(&model);
        let is_reference = i == FACTORS.len();
        if is_reference {
            println!("reference size (about {REFERENCE_ASSESSMENTS} assessments):");
        }
        // Growth is between consecutive ×10 sizes only.
        let before = if is_reference {
            None
        } else {
            previous.as_ref()
        };
        println!(
            "{:>6} {:>11} {:>12} {:>7} {:>16} {:>8} | {:>11} {:>6} {:>11} {:>6} | {:>5}",
            name,
            model.assessments.len(),
            model.contributors.len(),
            model.systems.len(),
            model.responsibilities.len(),
            findings,
            show(t.median),
            ratio(t.median, before.map(|p| p.median)),
            t.cpu.map_or("–".to_string(), show),
            t.cpu
                .map_or(String::new(), |c| ratio(c, before.and_then(|p| p.cpu))),
            t.runs,
        );
        results.push((name, t.median, t.cpu));
        if !is_reference {
            previous = Some(t);
        }
    }
    println!("growth: time ratio to the previous size, each ×10 the one before; ~×10 is linear.");
    for (name, wall, cpu) in results.iter().skip(FACTORS.len() - 1) {
        let verdict = |d: Duration| {
            if d < FRAME / 2 {
                "well under"
            } else if d < FRAME {
                "under"
            } else {
                "OVER"
            }
        };
        println!(
            "{name}: {} wall ({} the 16 ms goal){}",
            show(*wall),
            verdict(*wall),
            cpu.map_or(String::new(), |c| format!(
                ", {} on the CPU ({})",
                show(c),
                verdict(c)
            )),
        );
    }
}
