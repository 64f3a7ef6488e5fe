//! What each cell shows for an overlay: its class (colour by level or gap, or
//! unassessed), its accessible name with its scores, and the score written in
//! it. The SVG and the page's in-place updates both use exactly these strings.

use super::Overlay;
use crate::language::say;
use crate::model::{Model, Scale};
use crate::scores::{cell_scores, CellScore};
use serde::Serialize;

/// Everything about one cell that changes with scores or options: the page
/// applies these to the `.cell[data-theme][data-player]` element (class and
/// `aria-label`) and to the `.cell-value[data-theme][data-player]` text in place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellState {
    pub theme: String,
    pub player: String,
    /// The whole `class` attribute.
    pub class: String,
    /// The accessible name (`aria-label`).
    pub label: String,
    /// The text written inside the cell (empty with overlay `none`).
    pub value: String,
}

/// Number of colour steps of the level and gap palettes (`level-0..4`).
pub const STEPS: usize = 5;

/// A score as people write it: at most one decimal, no trailing ".0".
pub fn format_score(v: f64) -> String {
    if !v.is_finite() {
        return "?".into();
    }
    crate::language::number(crate::decimal::fixed(v, 1))
}

/// A mean over units as it is written in its cell: always one decimal
/// ("2.0", "2.5"), so it never passes for a level someone set.
pub fn format_mean(v: f64) -> String {
    let mut s = crate::decimal::fixed(v, 1);
    if v.is_finite() && !s.contains('.') && !s.contains('e') {
        s.push_str(".0");
    }
    if !v.is_finite() {
        s = "?".into();
    }
    crate::language::number(s)
}

fn span(scale: &Scale) -> f64 {
    scale.max - scale.min
}

/// The palette step (0..=4) of a level on the scale.
pub fn level_step(v: f64, scale: &Scale) -> usize {
    let s = span(scale);
    if s.is_nan() || s <= 0.0 || !v.is_finite() {
        return 0;
    }
    let frac = ((v - scale.min) / s).clamp(0.0, 1.0);
    (frac * (STEPS - 1) as f64).round() as usize
}

/// The palette step (0..=4) of a gap: 0 only for no gap at all.
pub fn gap_step(g: f64, scale: &Scale) -> usize {
    let s = span(scale);
    if g.is_nan() || g <= 1e-9 || s.is_nan() || s <= 0.0 {
        return 0;
    }
    let frac = (g / s).clamp(0.0, 1.0);
    ((frac * (STEPS - 1) as f64).round() as usize).clamp(1, STEPS - 1)
}

/// The scale's name for a level, when the level is a whole step that has one.
pub fn level_name(v: f64, scale: &Scale) -> Option<&str> {
    let i = v - scale.min;
    if (i - i.round()).abs() > 1e-9 || i < 0.0 {
        return None;
    }
    scale.labels.get(i.round() as usize).map(String::as_str)
}

fn describe_level(v: f64, scale: &Scale) -> String {
    match level_name(v, scale) {
        Some(name) => format!("{} ({name})", format_score(v)),
        None => format_score(v),
    }
}

// The cell and everything its text and class depend on, each plainly named.
#[allow(clippy::too_many_arguments)]
fn state(
    score: &CellScore,
    ring: usize,
    theme_label: &str,
    player_label: &str,
    overlay: Overlay,
    scale: &Scale,
    mean: bool,
    spread: Option<f64>,
) -> CellState {
    // The cell's name in the core's language, as the rest of the diagram.
    let (theme, player) = (("theme", theme_label), ("player", player_label));
    // Several scores (units) make a cell's figures means, each rounded: the
    // label says so, or "current 2.3, target 3.7, gap 1.3" reads as a sum
    // done wrong (the gap is the mean of each score's own gap).
    let count = score.assessed.to_string();
    let averaged = score.assessed > 1;
    let label = match score.current {
        None => say("cell.notAssessed", &[theme, player], || {
            format!("{theme_label}, {player_label}: not assessed")
        }),
        Some(c) => {
            let current = describe_level(c, scale);
            match (score.target, score.gap) {
                (Some(t), Some(g)) => {
                    let (target, gap) = (describe_level(t, scale), format_score(g));
                    let args = [
                        theme,
                        player,
                        ("current", &*current),
                        ("target", &*target),
                        ("gap", &*gap),
                        ("count", &*count),
                    ];
                    if averaged {
                        say("cell.scores.mean", &args, || {
                            format!("{theme_label}, {player_label}, mean of {count} scores: current {current}, target {target}, gap {gap}")
                        })
                    } else {
                        say("cell.scores", &args[..5], || {
                            format!("{theme_label}, {player_label}: current {current}, target {target}, gap {gap}")
                        })
                    }
                }
                _ if averaged => say(
                    "cell.noTarget.mean",
                    &[theme, player, ("current", &current), ("count", &count)],
                    || {
                        format!("{theme_label}, {player_label}, mean of {count} scores: current {current}, no target set")
                    },
                ),
                _ => say(
                    "cell.noTarget",
                    &[theme, player, ("current", &current)],
                    || format!("{theme_label}, {player_label}: current {current}, no target set"),
                ),
            }
        }
    };
    let shown = match overlay {
        Overlay::None => None,
        Overlay::Current => Some(score.current.map(|v| (v, level_step(v, scale), "level"))),
        Overlay::Target => Some(score.target.map(|v| (v, level_step(v, scale), "level"))),
        Overlay::Gap => Some(score.gap.map(|v| (v, gap_step(v, scale), "gap"))),
        // Whole scale steps apart, the last colour for four and more.
        Overlay::Agreement => {
            Some(spread.map(|v| (v, (v.max(0.0) as usize).min(STEPS - 1), "agree")))
        }
    };
    let (state_class, value) = match shown {
        None => (String::new(), String::new()),
        Some(None) => (" unassessed".to_string(), "–".to_string()),
        Some(Some((v, step, kind))) if mean => (format!(" {kind}-{step}"), format_mean(v)),
        Some(Some((v, step, kind))) => (format!(" {kind}-{step}"), format_score(v)),
    };
    CellState {
        theme: score.theme.clone(),
        player: score.player.clone(),
        class: format!("cell ring-{ring}{state_class}"),
        // Exactly the string the SVG's aria-label carries.
        label: super::xml::clean(label),
        value,
    }
}

/// The state of every cell, in layout order (themes outermost first, then
/// players clockwise from the top). `unit` picks one unit's assessments;
/// without it each cell shows the mean over all of them.
pub fn cell_states(model: &Model, overlay: Overlay, unit: Option<&str>) -> Vec<CellState> {
    let np = model.framework.players.len().max(1);
    let spreads = if overlay == Overlay::Agreement {
        crate::voices::spreads(model, unit)
    } else {
        Default::default()
    };
    cell_scores(model, unit)
        .into_iter()
        .enumerate()
        .map(|(i, score)| {
            let (t, p) = (i / np, i % np);
            let theme = model
                .framework
                .themes
                .get(t)
                .map_or("", |x| x.label.as_str());
            let player = model
                .framework
                .players
                .get(p)
                .map_or("", |x| x.label.as_str());
            // a spread is no mean: its steps are whole
            let mean = overlay != Overlay::Agreement && unit.is_none() && score.assessed > 1;
            let spread = spreads.get(&(score.theme.as_str(), score.player.as_str()));
            state(
                &score,
                t,
                theme,
                player,
                overlay,
                &model.scale,
                mean,
                spread.copied(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scale() -> Scale {
        Scale::default()
    }

    #[test]
    fn scores_are_written_briefly() {
        assert_eq!(format_score(2.0), "2");
        assert_eq!(format_score(2.25), "2.3");
        assert_eq!(format_score(2.04), "2");
        assert_eq!(format_score(-0.01), "0");
        assert_eq!(format_score(f64::NAN), "?");
        assert_eq!(format_mean(2.0), "2.0");
        assert_eq!(format_mean(2.25), "2.3");
        assert_eq!(format_mean(-0.01), "0.0");
        assert_eq!(format_mean(f64::INFINITY), "?");
    }

    #[test]
    fn steps_follow_the_scale() {
        let s = scale();
        assert_eq!(
            (0..=4)
                .map(|v| level_step(v as f64, &s))
                .collect::<Vec<_>>(),
            vec![0, 1, 2, 3, 4]
        );
        let ten = Scale {
            min: 1.0,
            max: 10.0,
            labels: vec![],
        };
        assert_eq!(level_step(1.0, &ten), 0);
        assert_eq!(level_step(10.0, &ten), 4);
        assert_eq!(level_step(99.0, &ten), 4);
        assert_eq!(gap_step(0.0, &s), 0);
        assert_eq!(gap_step(0.1, &s), 1, "any gap shows");
        assert_eq!(gap_step(3.0, &s), 3);
        let flat = Scale {
            min: 2.0,
            max: 2.0,
            labels: vec![],
        };
        assert_eq!((level_step(2.0, &flat), gap_step(1.0, &flat)), (0, 0));
    }

    #[test]
    fn names_only_whole_steps() {
        let s = scale();
        assert_eq!(level_name(2.0, &s), Some("Defined"));
        assert_eq!(level_name(2.5, &s), None);
        assert_eq!(level_name(9.0, &s), None);
        assert_eq!(level_name(-1.0, &s), None);
    }

    fn score(current: Option<f64>, target: Option<f64>) -> CellScore {
        CellScore {
            theme: "t".into(),
            player: "p".into(),
            assessed: usize::from(current.is_some()),
            current,
            target,
            gap: match (current, target) {
                (Some(c), Some(t)) => Some((t - c).max(0.0)),
                _ => None,
            },
            notes: vec![],
        }
    }

    #[test]
    fn classes_values_and_names_per_overlay() {
        let s = scale();
        let sc = score(Some(1.0), Some(3.0));
        let cur = state(&sc, 2, "Tech", "HR", Overlay::Current, &s, false, None);
        assert_eq!(cur.class, "cell ring-2 level-1");
        assert_eq!(cur.value, "1");
        // A mean over units says so with its decimal, coloured alike.
        let mean = state(&sc, 2, "Tech", "HR", Overlay::Current, &s, true, None);
        assert_eq!(
            (mean.class.as_str(), mean.value.as_str()),
            (cur.class.as_str(), "1.0")
        );
        assert_eq!(
            cur.label,
            "Tech, HR: current 1 (Ad hoc), target 3 (Integrated), gap 2"
        );
        // three units' scores: every figure a mean, and the label says so
        let means = CellScore {
            assessed: 3,
            current: Some(7.0 / 3.0),
            target: Some(11.0 / 3.0),
            gap: Some(4.0 / 3.0),
            ..sc.clone()
        };
        assert_eq!(
            state(&means, 2, "Tech", "HR", Overlay::Current, &s, true, None).label,
            "Tech, HR, mean of 3 scores: current 2.3, target 3.7, gap 1.3"
        );
        let untargeted = CellScore {
            target: None,
            gap: None,
            ..means
        };
        assert_eq!(
            state(&untargeted, 2, "Tech", "HR", Overlay::None, &s, false, None).label,
            "Tech, HR, mean of 3 scores: current 2.3, no target set"
        );
        assert_eq!(
            state(&sc, 2, "Tech", "HR", Overlay::Target, &s, false, None).class,
            "cell ring-2 level-3"
        );
        let gap = state(&sc, 2, "Tech", "HR", Overlay::Gap, &s, false, None);
        assert_eq!(
            (gap.class.as_str(), gap.value.as_str()),
            ("cell ring-2 gap-2", "2")
        );
        let none = state(&sc, 0, "Tech", "HR", Overlay::None, &s, false, None);
        assert_eq!(
            (none.class.as_str(), none.value.as_str()),
            ("cell ring-0", "")
        );
        assert_eq!(
            none.label, cur.label,
            "the name carries the scores whatever is shown"
        );

        let blank = state(
            &score(None, None),
            1,
            "Tech",
            "HR",
            Overlay::Current,
            &s,
            false,
            None,
        );
        assert_eq!(blank.class, "cell ring-1 unassessed");
        assert_eq!(blank.value, "–");
        assert_eq!(blank.label, "Tech, HR: not assessed");
        let no_target = state(
            &score(Some(2.0), None),
            1,
            "Tech",
            "HR",
            Overlay::Gap,
            &s,
            false,
            None,
        );
        assert_eq!(no_target.class, "cell ring-1 unassessed");
        assert!(no_target
            .label
            .ends_with("current 2 (Defined), no target set"));
    }
}
