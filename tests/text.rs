//! The text syntax against every valid model the project ships: the test
//! fixtures, the golden models and the sample each go JSON → text → JSON to
//! the same model, and their canonical text goes text → JSON → text to the
//! same text.

use std::path::{Path, PathBuf};
use workforce_ecosystem::{framework, parse_model, text, Model};

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// Every valid model under tests/ and the sample, with where it came from.
fn models() -> Vec<(String, Model)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    json_files(&root.join("tests/fixtures"), &mut files);
    json_files(&root.join("tests/golden"), &mut files);
    files.sort();
    let mut out: Vec<(String, Model)> = files
        .iter()
        .filter_map(|f| {
            let json = std::fs::read_to_string(f).unwrap();
            parse_model(&json)
                .ok()
                .map(|m| (f.display().to_string(), m))
        })
        .collect();
    out.push(("sample".into(), framework::sample()));
    out
}

#[test]
fn every_valid_model_round_trips_through_the_text() {
    let models = models();
    assert!(models.len() >= 10, "only {} models found", models.len());
    for (name, model) in models {
        let canonical = text::to_text(&model);
        let back = text::parse_text(&canonical).unwrap_or_else(|e| {
            panic!("{name}: the printed text does not read back:\n{e}\n{canonical}")
        });
        assert_eq!(back, model, "{name}: JSON → text → JSON changed the model");
        // text → JSON → text
        let json = back.to_json_pretty();
        let again = parse_model(&json).unwrap();
        assert_eq!(
            again.to_text(),
            canonical,
            "{name}: text → JSON → text changed the text"
        );
    }
}

#[test]
fn a_scaled_model_round_trips_too() {
    // ten thousand assessments, hundreds of systems tracking many contributors
    let big = workforce_ecosystem::generate::scaled(&framework::sample(), 100);
    let text = big.to_text();
    assert_eq!(text::parse_text(&text).unwrap(), big);
    assert!(text.lines().all(|l| l.chars().count() < 2_000));
}

#[test]
fn the_sample_reads_as_a_few_lines_a_list() {
    let text = text::to_text(&framework::sample());
    // One line per item and a blank line between lists: no more.
    let m = framework::sample();
    let lines = text.lines().filter(|l| !l.is_empty()).count();
    let tracks_lines: usize = m
        .systems
        .iter()
        .map(|s| s.contributors.len().saturating_sub(1) / 16)
        .sum();
    assert_eq!(
        lines,
        1 + m.units.len()
            + m.assessments.len()
            + m.contributors.len()
            + m.responsibilities.len()
            + m.systems.len()
            + tracks_lines
            + m.integrations.len()
    );
    assert!(text.contains("\nscore "), "{text}");
}

#[test]
fn a_hand_written_model_reads_like_its_json() {
    let written = "\
# Six players, a few scores
name \"Acme\"
unit retail \"Retail\"
score hr integration 1 -> 3 unit retail note \"two systems, no link\"
score procurement integration 2 -> 3 unit retail weight 2
contributor gig \"Gig workers\" external headcount 120
owner procurement integration gig activity \"sourcing\" strict
system vms \"Vendor management\" owner procurement tracks gig
system hris owner hr
link vms -> hris
";
    let json = r#"{"schema": "workforce-ecosystem/v1", "name": "Acme",
      "units": [{"id": "retail", "label": "Retail"}],
      "assessments": [
        {"theme": "integration", "player": "hr", "unit": "retail", "current": 1, "target": 3,
         "note": "two systems, no link"},
        {"theme": "integration", "player": "procurement", "unit": "retail", "current": 2,
         "target": 3, "weight": 2}],
      "contributors": [{"id": "gig", "label": "Gig workers", "kind": "external", "headcount": 120}],
      "responsibilities": [{"contributor": "gig", "theme": "integration", "player": "procurement",
                            "activity": "sourcing", "control": "strict"}],
      "systems": [{"id": "vms", "label": "Vendor management", "owner": "procurement",
                   "contributors": ["gig"]},
                  {"id": "hris", "label": "hris", "owner": "hr"}],
      "integrations": [{"from": "vms", "to": "hris"}]}"#;
    assert_eq!(
        text::parse_text(written).unwrap(),
        parse_model(json).unwrap()
    );
}

#[test]
fn custom_frameworks_and_scales_are_written_out() {
    let written =
        "player a \"Alpha\"\nplayer b\nplayer c\ntheme t\nscale 1 3 \"low\" \"mid\" \"high\"\n\
                   score a t 3\n";
    let m = text::parse_text(written).unwrap();
    assert_eq!(m.framework.players[0].label, "Alpha");
    assert_eq!(m.framework.themes.len(), 1);
    assert_eq!(
        (m.scale.min, m.scale.max, m.scale.labels.len()),
        (1.0, 3.0, 3)
    );
    assert_eq!(
        m.to_text(),
        "player a \"Alpha\"\nplayer b\nplayer c\ntheme t\n\nscale 1 3 \"low\" \"mid\" \"high\"\n\nscore a t 3\n"
    );
    // Players alone keep the standard themes, and the other way round.
    let m = text::parse_text("theme only\n").unwrap();
    assert_eq!(m.framework.players, framework::standard().players);
    assert_eq!(m.to_text(), "theme only\n");
}
