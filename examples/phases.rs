use workforce_ecosystem::{analysis, generate, validate};
fn main() {
    let text = std::fs::read_to_string("tests/fixtures/analysis/every-kind.json").unwrap();
    let base = validate::parse_model(&text).unwrap();
    let f: usize = std::env::args().nth(1).map_or(1000, |s| s.parse().unwrap());
    let m = generate::scaled(&base, f);
    let n: usize = std::env::args().nth(2).map_or(1, |s| s.parse().unwrap());
    for _ in 0..n {
        std::hint::black_box(analysis::analyze(&m));
    }
}
