use workforce_ecosystem::{analysis, framework, generate};
fn main() {
    let base = framework::sample();
    let f: usize = std::env::args().nth(1).map_or(1000, |s| s.parse().unwrap());
    let m = generate::scaled(&base, f);
    let n: usize = std::env::args().nth(2).map_or(1, |s| s.parse().unwrap());
    for _ in 0..n {
        std::hint::black_box(analysis::analyze(&m));
    }
}
