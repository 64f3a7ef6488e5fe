//! What the classroom needs from the core: the order in which a tour walks
//! through a framework, the blank diagram students fill in, and whether a
//! student's file can be compared with the instructor's.
//!
//! The tour goes from the whole to the parts: first the whole diagram, then
//! each theme from the outermost hexagon to the centre, then each axis with
//! the two players at its ends. Each step names the themes and players whose
//! cells it highlights; the page holds the words: its own text for each step
//! of the standard framework, generic text from the labels for any other.

use crate::language::say;
use crate::model::{Framework, Model};
use serde::Serialize;

/// What a step of the tour explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StepKind {
    /// The whole framework: every cell.
    Whole,
    /// One theme: its ring, across every player.
    Theme,
    /// One axis: the players at its ends, across every theme.
    Axis,
}

/// One step of the tour. The cells to highlight are every (theme, player)
/// with the theme in `themes` and the player in `players`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TourStep {
    /// Stable within a framework: `whole`, `theme:<id>`, `axis:<id>:<id>`.
    pub id: String,
    pub kind: StepKind,
    pub themes: Vec<String>,
    pub players: Vec<String>,
    /// Whether the framework is the standard one, ids, names and order: only
    /// then does the page's own text for the step fit. A renamed player or
    /// theme would be told by its old name.
    pub standard: bool,
}

/// The axes of a framework as pairs of player indices, in tour order: the
/// axes the diagram draws ([`crate::layout::axis::pairs`]), so that a step
/// names the line the reader sees. For the standard six that is the
/// vertical axis, from senior leaders at the top to business unit leaders
/// at the bottom, then the horizontal chords joining mirror-image players,
/// from the top down, left player first (HR–procurement, then IT–finance &
/// legal). The diagram draws no axis for an odd count, where nobody sits
/// opposite the top player: the tour then takes the top player alone and
/// the mirror-image pairs below, so that every player has a step.
pub fn axes(player_count: usize) -> Vec<Vec<usize>> {
    let n = player_count;
    let drawn = crate::layout::axis::pairs(n);
    if !drawn.is_empty() {
        return drawn.into_iter().map(|(a, b, _)| vec![a, b]).collect();
    }
    if n == 0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    if n % 2 == 0 {
        out.push(vec![0, n / 2]);
    } else {
        out.push(vec![0]);
    }
    for i in 1..n.div_ceil(2) {
        // Player n−i is i steps anticlockwise from the top: the left end.
        out.push(vec![n - i, i]);
    }
    out
}

/// The tour of a framework, in the order it is taught.
pub fn tour_steps(framework: &Framework) -> Vec<TourStep> {
    let standard = *framework == crate::framework::standard();
    let theme_ids: Vec<String> = framework.themes.iter().map(|t| t.id.clone()).collect();
    let player_ids: Vec<String> = framework.players.iter().map(|p| p.id.clone()).collect();
    let mut steps = vec![TourStep {
        id: "whole".into(),
        kind: StepKind::Whole,
        themes: theme_ids.clone(),
        players: player_ids.clone(),
        standard,
    }];
    for t in &framework.themes {
        steps.push(TourStep {
            id: format!("theme:{}", t.id),
            kind: StepKind::Theme,
            themes: vec![t.id.clone()],
            players: player_ids.clone(),
            standard,
        });
    }
    for axis in axes(framework.players.len()) {
        let players: Vec<String> = axis
            .iter()
            .filter_map(|&i| player_ids.get(i).cloned())
            .collect();
        let id = format!("axis:{}", players.join(":"));
        steps.push(TourStep {
            id,
            kind: StepKind::Axis,
            themes: theme_ids.clone(),
            players,
            standard,
        });
    }
    steps
}

/// The worksheet students fill in: the same framework, scale and units as
/// `model`, with nothing scored and no contributors or systems to distract.
pub fn blank_model(model: &Model) -> Model {
    let mut blank = Model::empty(&model.name);
    blank.framework = model.framework.clone();
    blank.scale = model.scale.clone();
    blank.units = model.units.clone();
    blank
}

/// Whether a student's model can be compared cell by cell with the
/// instructor's: the same players and themes, by id. If not, says what
/// differs, so the page does not count cells of two different diagrams.
pub fn comparable(instructor: &Model, student: &Model) -> Result<(), String> {
    let differ = crate::framework::differences(
        &instructor.framework,
        &student.framework,
        "the instructor's",
    );
    if differ.is_empty() {
        return Ok(());
    }
    let differ = differ.join("; ");
    Err(say("teach.otherFramework", &[("differ", &differ)], || {
        format!("this file uses another framework than the instructor's ({differ}); compare a copy of the instructor's worksheet")
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Item;

    #[test]
    fn axes_of_six_are_vertical_then_the_two_horizontal_chords() {
        assert_eq!(axes(6), vec![vec![0, 3], vec![5, 1], vec![4, 2]]);
    }

    #[test]
    fn axes_cover_every_player_exactly_once() {
        for n in 1..=12 {
            let mut seen: Vec<usize> = axes(n).into_iter().flatten().collect();
            seen.sort_unstable();
            assert_eq!(seen, (0..n).collect::<Vec<_>>(), "n = {n}");
        }
        assert!(axes(0).is_empty());
    }

    #[test]
    fn the_tour_walks_the_axes_the_diagram_draws() {
        for n in 1..=12 {
            let drawn: Vec<Vec<usize>> = crate::layout::axis::pairs(n)
                .into_iter()
                .map(|(a, b, _)| vec![a, b])
                .collect();
            if !drawn.is_empty() {
                assert_eq!(axes(n), drawn, "n = {n}");
            }
        }
        assert_eq!(
            axes(8),
            vec![vec![0, 4], vec![1, 5], vec![2, 6], vec![3, 7]]
        );
    }

    #[test]
    fn odd_counts_start_with_the_lone_top_player() {
        assert_eq!(axes(5), vec![vec![0], vec![4, 1], vec![3, 2]]);
        assert_eq!(axes(3), vec![vec![0], vec![2, 1]]);
    }

    #[test]
    fn step_ids_are_unique_for_distinct_ids() {
        let fw = Framework {
            players: (0..8).map(|i| Item::new(&format!("p{i}"), "P")).collect(),
            themes: (0..3).map(|i| Item::new(&format!("t{i}"), "T")).collect(),
        };
        let steps = tour_steps(&fw);
        assert_eq!(steps.len(), 1 + 3 + 4);
        let mut ids: Vec<&str> = steps.iter().map(|s| s.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), steps.len());
    }
}
