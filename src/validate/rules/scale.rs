//! The scale, finite, bounded, in order and with a label per whole step,
//! and each score on it.

use super::place::At;
use super::Rules;
use crate::language::{noun, say};
use crate::model::{Model, Scale};
use crate::validate::fields::expected_found;
use crate::validate::limits::SCALE_BOUND;
use crate::validate::wording::{self, num};

impl Rules<'_> {
    pub(super) fn score(&mut self, at: At, value: f64, scale: Option<(f64, f64)>) {
        let Some((min, max)) = scale else { return };
        if value.is_finite() && value >= min && value <= max || self.skip(at) {
            return;
        }
        self.report_at(at, &|| {
            if value.is_finite() {
                let (value, min, max) = (num(value), num(min), num(max));
                say(
                    "problem.outsideScale",
                    &[("value", &value), ("min", &min), ("max", &max)],
                    || format!("{value} is outside the scale {min} to {max}"),
                )
            } else {
                expected_found(&noun("a finite number"), &num(value))
            }
        });
    }

    /// Checks the scale; returns its bounds when scores can be checked
    /// against them.
    pub(super) fn scale(&mut self, model: &Model) -> Option<(f64, f64)> {
        let s = &model.scale;
        if self.skip_path("scale.min") || self.skip_path("scale.max") {
            return None;
        }
        if !s.min.is_finite() || !s.max.is_finite() {
            self.report(
                "scale".into(),
                scale_message("problem.scaleFinite", s, &[], &|min, max, _| {
                    format!("min and max must be finite numbers, found {min} and {max}")
                }),
            );
            return None;
        }
        if s.min.abs() > SCALE_BOUND || s.max.abs() > SCALE_BOUND {
            self.report(
                "scale".into(),
                scale_message(
                    "problem.scaleBound",
                    s,
                    &[wording::Count(SCALE_BOUND as u64).to_string()],
                    &|min, max, bound| {
                        let bound = &bound[0];
                        format!("min and max must lie between -{bound} and {bound}, found {min} and {max}")
                    },
                ),
            );
            return None;
        }
        if s.min >= s.max {
            self.report(
                "scale".into(),
                scale_message("problem.scaleOrder", s, &[], &|min, max, _| {
                    format!("min ({min}) must be less than max ({max})")
                }),
            );
            return None;
        }
        if !s.labels.is_empty() && !self.skip_path("scale.labels") {
            if s.min.fract() == 0.0 && s.max.fract() == 0.0 {
                let steps = s.max - s.min + 1.0;
                if s.labels.len() as f64 != steps {
                    self.report(
                        "scale.labels".into(),
                        scale_message(
                            "problem.scaleLabels",
                            s,
                            &[s.labels.len().to_string(), num(steps)],
                            &|min, max, more| {
                                let (count, steps) = (&more[0], &more[1]);
                                format!("{count} labels for the {steps} steps from {min} to {max}; give one label per step, or none")
                            },
                        ),
                    );
                }
            } else {
                self.report(
                    "scale.labels".into(),
                    scale_message("problem.scaleWhole", s, &[], &|min, max, _| {
                        format!("labels name whole steps, but the scale runs from {min} to {max}; use whole numbers or no labels")
                    }),
                );
            }
        }
        Some((s.min, s.max))
    }
}

/// A message about the scale's `min` and `max` (as people write numbers),
/// with the `more` values its template names after them.
fn scale_message(
    key: &str,
    s: &Scale,
    more: &[String],
    english: &dyn Fn(&str, &str, &[String]) -> String,
) -> String {
    let (min, max) = (num(s.min), num(s.max));
    let names = ["count", "steps"];
    let mut args = vec![("min", min.as_str()), ("max", max.as_str())];
    match key {
        "problem.scaleBound" => args.push(("bound", more[0].as_str())),
        _ => args.extend(names.iter().copied().zip(more.iter().map(String::as_str))),
    }
    say(key, &args, || english(&min, &max, more))
}
