//! *Compare with…* any two dates of a model: two of its snapshots, or a
//! snapshot and now. The model as it stood on the first date is the baseline,
//! as it stood on the second the scenario, and the core's what-if comparison
//! ([`crate::analysis::compare`]) says what changed between them, so a
//! quarter's progress reads exactly like a what-if against its baseline.

use crate::analysis::{compare, Comparison};
use crate::language::say;
use crate::model::Model;
use crate::validate::wording::quote;

/// The word that names the model as it is now, beside its snapshots' dates.
pub const NOW: &str = "now";

/// The model as it stood on `date` (a snapshot's date), or as it is when
/// `date` is [`NOW`]. An unknown date is refused with the dates the model
/// holds.
pub fn model_on(model: &Model, date: &str) -> Result<Model, String> {
    if date == NOW {
        return Ok(model.clone());
    }
    if let Some(then) = super::snapshot_scores(model, date) {
        return Ok(then);
    }
    let d = quote(date);
    if model.history.is_empty() {
        return Err(say("compare.noHistory", &[("date", &d)], || {
            format!("no snapshot dated {d}: the model holds no snapshots yet")
        }));
    }
    let known: Vec<&str> = model.history.iter().map(|h| h.date.as_str()).collect();
    let known = known.join(", ");
    Err(say(
        "compare.noSnapshot",
        &[("date", &d), ("known", &known), ("now", NOW)],
        || format!("no snapshot dated {d} (the model's snapshots: {known}; or {NOW})"),
    ))
}

/// What changed from `from` to `to` (each a snapshot's date or [`NOW`]):
/// the model on `from` as the baseline, on `to` as the scenario.
pub fn compare_dates(model: &Model, from: &str, to: &str) -> Result<Comparison, String> {
    let before = model_on(model, from)?;
    let after = model_on(model, to)?;
    Ok(compare(&before, &after))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Score;

    fn dated() -> Model {
        let mut m = crate::text::parse_text(
            "score hr integration 1 -> 3\nscore it technology 2\n\
             snapshot 2026-03-31\n  cell hr integration 0 -> 3\n  cell it technology 2\n\
             snapshot 2026-06-30\n  cell hr integration 1 -> 3\n",
        )
        .unwrap();
        m.assessments[0].weight = 2.0;
        m
    }

    #[test]
    fn two_snapshots_compare_like_a_what_if() {
        let m = dated();
        let cmp = compare_dates(&m, "2026-03-31", "2026-06-30").unwrap();
        let cells: Vec<_> = cmp
            .changed_cells
            .iter()
            .map(|c| {
                let v = |x: Option<crate::analysis::CellValue>| x.map(|v| (v.current, v.target));
                (c.theme.as_str(), c.player.as_str(), v(c.before), v(c.after))
            })
            .collect();
        assert_eq!(
            cells,
            [
                (
                    "integration",
                    "hr",
                    Some((0.0, Some(3.0))),
                    Some((1.0, Some(3.0)))
                ),
                ("technology", "it", Some((2.0, None)), None),
            ]
        );
        // The same as comparing the two models the dates stand for.
        let (a, b) = (
            model_on(&m, "2026-03-31").unwrap(),
            model_on(&m, "2026-06-30").unwrap(),
        );
        assert_eq!(cmp, compare(&a, &b));
        assert_eq!(a.assessments[0].weight, 2.0, "weights kept from the model");
    }

    #[test]
    fn a_snapshot_against_now_and_now_against_itself() {
        let m = dated();
        let cmp = compare_dates(&m, "2026-06-30", NOW).unwrap();
        assert_eq!(cmp.changed_cells.len(), 1);
        assert_eq!(cmp.changed_cells[0].player, "it");
        assert_eq!(cmp.changed_cells[0].before, None);
        assert!(compare_dates(&m, NOW, NOW)
            .unwrap()
            .changed_cells
            .is_empty());
    }

    #[test]
    fn unknown_dates_are_refused_with_the_known_ones() {
        let m = dated();
        assert_eq!(
            compare_dates(&m, "2026-01-01", NOW).unwrap_err(),
            "no snapshot dated \"2026-01-01\" (the model's snapshots: 2026-03-31, 2026-06-30; or now)"
        );
        assert_eq!(
            compare_dates(&m, "2026-03-31", "June").unwrap_err(),
            "no snapshot dated \"June\" (the model's snapshots: 2026-03-31, 2026-06-30; or now)"
        );
        let mut none = m.clone();
        none.history.clear();
        assert_eq!(
            model_on(&none, "2026-03-31").unwrap_err(),
            "no snapshot dated \"2026-03-31\": the model holds no snapshots yet"
        );
        // A snapshot keeps its own scores, whatever the model holds now.
        let mut changed = m;
        changed.history[0].scores.push(Score {
            theme: "management".into(),
            player: "hr".into(),
            unit: None,
            current: 4.0,
            target: None,
        });
        assert_eq!(
            model_on(&changed, "2026-03-31").unwrap().assessments.len(),
            3
        );
    }
}
