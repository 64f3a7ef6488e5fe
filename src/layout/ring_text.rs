//! Theme names set on their own rings, as the framework's figure reads them:
//! along one edge of the ring's band, between the two scores at that edge's
//! ends, turned to the edge's slope but never steeper than 60° and never
//! upside down; the centre polygon's name across its middle. A name that
//! fits nowhere on its ring (even wrapped) is left to the column beside the
//! drawing.

use super::cell::CellShape;
use super::column::ThemeLabel;
use super::geom::{convex_overlap, cos_sin_turns, point_in_polygon, turned_rect, Point};
use super::labels::{Anchor, Label};
use super::polygon::{edge_midpoint, regular_polygon};
use super::text::{width, Weight};
use crate::model::Item;

/// Clear space kept around a name on its ring (from the band's outlines and
/// from the scores).
const MARGIN: f64 = 3.0;
/// The steepest slope a name is set at, in degrees.
const STEEPEST: f64 = 60.0;
/// A name wraps to at most this many lines on its ring.
const MAX_LINES: usize = 3;

/// The angle (degrees, clockwise on screen) at which text along edge `k` of
/// an `n`-gon reads left to right: the edge runs at `360 (k + ½) / n`
/// degrees; half a turn less when that would set it upside down.
pub fn edge_angle(k: usize, n: usize) -> f64 {
    let a = 360.0 * (k as f64 + 0.5) / n as f64;
    if a > 270.0 {
        a - 360.0
    } else if a > 90.0 {
        a - 180.0
    } else {
        a
    }
}

/// The unit vector of text turned by `angle` degrees.
pub fn reading_direction(angle: f64) -> Point {
    let (c, s) = cos_sin_turns(angle / 360.0);
    Point::new(c, s)
}

/// The edges a name may follow, best first: the gentlest slopes, then the
/// upper edges before the lower and the left before the right (the column
/// and its lines out are on the right).
fn edges(n: usize) -> Vec<(usize, f64)> {
    let mut out: Vec<(usize, f64)> = Vec::with_capacity(n);
    for k in 0..n {
        let a = edge_angle(k, n);
        if a.abs() <= STEEPEST + 1e-9 {
            out.push((k, a));
        }
    }
    let side = |k: usize| {
        let t = (k as f64 + 0.5) / n as f64;
        (u8::from(t > 0.25 && t < 0.75), u8::from(t < 0.5))
    };
    crate::order::sort_by(&mut out, |a, b| {
        let (sa, sb) = ((a.1.abs() * 1e6).round(), (b.1.abs() * 1e6).round());
        sa.total_cmp(&sb)
            .then(side(a.0).cmp(&side(b.0)))
            .then(a.0.cmp(&b.0))
    });
    out
}

/// Sets `theme` (ring `i` of circumradii `radii`, `n` players) on its ring
/// in `size`, clear of every score in `cells`; `None` when it fits nowhere.
pub fn place(
    theme: &Item,
    i: usize,
    radii: &[f64],
    n: usize,
    size: f64,
    cells: &[CellShape],
) -> Option<ThemeLabel> {
    let outer = regular_polygon(n, *radii.get(i)?);
    let inner = radii
        .get(i + 1)
        .map(|&r| regular_polygon(n, r))
        .unwrap_or_default();
    // Where the name may sit: along an edge in the middle of the band, or,
    // in the centre polygon, across its middle.
    let mut spots: Vec<(Point, f64)> = Vec::new();
    if inner.is_empty() {
        spots.push((Point::new(0.0, 0.0), 0.0));
    } else {
        for (k, angle) in edges(n) {
            let (a, b) = (
                edge_midpoint(k, n, radii[i]),
                edge_midpoint(k, n, radii[i + 1]),
            );
            spots.push((Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0), angle));
        }
    }
    let mut scores: Vec<[Point; 4]> = Vec::with_capacity(cells.len());
    for c in cells {
        scores.push(c.value.bbox.corners());
    }
    let fits = |quad: &[Point; 4]| {
        quad.iter().all(|&p| point_in_polygon(p, &outer))
            && (inner.is_empty() || !convex_overlap(quad, &inner))
            && !scores.iter().any(|s| convex_overlap(quad, s))
    };
    let full = width(&theme.label, size, Weight::Regular);
    // Never narrower than the longest word: a ring does not break words.
    let word = theme
        .label
        .split_whitespace()
        .map(|w| width(w, size, Weight::Regular))
        .fold(0.0, f64::max);
    for lines in 1..=MAX_LINES {
        // Wrapping at a little over an equal share gives `lines` lines for
        // most names; a name that then needs more is tried at the next count.
        let wrap = if lines == 1 {
            f64::INFINITY
        } else {
            (full / lines as f64 * 1.15).max(word)
        };
        let label = Label::new(
            &theme.id,
            &theme.label,
            size,
            Weight::Regular,
            wrap,
            Anchor::Middle,
        );
        if label.lines.len() != lines {
            continue;
        }
        let (w, h) = (label.bbox.width, label.bbox.height);
        for &(c, angle) in &spots {
            let u = reading_direction(angle);
            if fits(&turned_rect(c, u, w + 2.0 * MARGIN, h + 2.0 * MARGIN)) {
                let label = label.at(c.x - w / 2.0, c.y - h / 2.0);
                return Some(ThemeLabel {
                    label,
                    anchor: c,
                    leader_end: c,
                    bends: Vec::new(),
                    turn: Some(angle),
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{layout, LayoutKind};

    #[test]
    fn edges_read_left_to_right_and_the_gentlest_come_first() {
        // A hexagon's upper right edge falls at 30°, its upper left rises.
        assert_eq!(edge_angle(0, 6), 30.0);
        assert_eq!(edge_angle(5, 6), -30.0);
        assert_eq!(edge_angle(2, 6), -30.0);
        assert_eq!(edge_angle(1, 6), 90.0);
        for n in 3..=12 {
            for k in 0..n {
                let a = edge_angle(k, n);
                assert!(a > -90.0 - 1e-9 && a <= 90.0, "n={n} k={k}: {a}");
            }
        }
        let order: Vec<usize> = edges(6).into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            order,
            vec![5, 0, 3, 2],
            "upper left, upper right, lower left, lower right"
        );
        // A pentagon's bottom edge is level, so it comes first.
        assert_eq!(edges(5)[0], (2, 0.0));
    }

    #[test]
    fn the_standard_names_sit_on_their_rings_between_the_scores() {
        let l = layout(&crate::framework::standard());
        assert_eq!(l.kind, LayoutKind::Wide);
        let on: Vec<&str> = l
            .theme_labels
            .iter()
            .filter(|t| t.turn.is_some())
            .map(|t| t.label.id.as_str())
            .collect();
        assert!(on.starts_with(&["leadership", "integration"]), "{on:?}");
        for t in l.theme_labels.iter().filter(|t| t.turn.is_some()) {
            let quad = t.quad();
            let i = l
                .polygons
                .iter()
                .position(|p| p.theme == t.label.id)
                .unwrap();
            assert!(quad
                .iter()
                .all(|&p| point_in_polygon(p, &l.polygons[i].points)));
            if let Some(inner) = l.polygons.get(i + 1) {
                assert!(!convex_overlap(&quad, &inner.points));
            }
            for c in &l.cells {
                assert!(!convex_overlap(&quad, &c.value.bbox.corners()));
            }
        }
    }

    #[test]
    fn names_on_rings_wrap_between_words_only() {
        let mut fw = crate::framework::standard();
        fw.players.truncate(5);
        fw.themes[3].label = "Shared contributor data".into();
        let l = layout(&fw);
        for t in &l.theme_labels {
            let words: Vec<&str> = t
                .label
                .lines
                .iter()
                .flat_map(|l| l.text.split(' '))
                .collect();
            let original: Vec<&str> = fw
                .themes
                .iter()
                .find(|x| x.id == t.label.id)
                .unwrap()
                .label
                .split(' ')
                .collect();
            assert_eq!(words, original, "{}", t.label.id);
        }
    }

    #[test]
    fn a_name_too_long_for_its_ring_is_left_to_the_column() {
        let mut fw = crate::framework::standard();
        fw.themes[0].label = "W".repeat(80);
        let l = layout(&fw);
        let t = &l.theme_labels[0];
        assert_eq!(t.turn, None);
        // Joined to its ring by a leader, or by a letter on the ring.
        let keyed = l.keys.iter().filter(|k| k.id == t.label.id).count() == 2;
        assert!(!t.leader().is_empty() || keyed, "it has a leader or a key");
        assert!(t.label.bbox.x > l.radius, "beside the drawing");
    }
}
