//! A model's assessments written as CSV.

use super::formula::defuse;
use super::{rfc4180, COLUMNS};
use crate::model::Model;

fn number(x: f64) -> String {
    // `Display` for f64 is the shortest text that reads back to the same value
    // and never uses exponents, which spreadsheets would misread.
    x.to_string()
}

/// The model's assessments as CSV text, in model order.
pub fn export_csv(model: &Model) -> String {
    let mut out = String::from("\u{feff}");
    rfc4180::write_record(&mut out, &COLUMNS);
    for a in &model.assessments {
        let theme = defuse(&a.theme);
        let player = defuse(&a.player);
        let unit = defuse(a.unit.as_deref().unwrap_or(""));
        let current = number(a.current);
        let target = a.target.map(number).unwrap_or_default();
        let weight = number(a.weight);
        let note = defuse(a.note.as_deref().unwrap_or(""));
        rfc4180::write_record(
            &mut out,
            &[&theme, &player, &unit, &current, &target, &weight, &note],
        );
    }
    out
}
