//! The framework's axes. With six players they are the vertical axis (top to
//! bottom vertex: senior leaders to business unit leaders) and the two
//! horizontal chords (upper: HR–procurement; lower: IT–finance & legal).
//! With another even number of players they join opposite players; with an
//! odd number no player has an opposite, so there are none.

use super::geom::Point;
use super::polygon::vertex;
use crate::model::Item;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AxisKind {
    /// Top vertex to bottom vertex.
    Vertical,
    /// A horizontal chord between mirror-image players.
    Chord,
    /// Any other line through the centre between opposite players.
    Diameter,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Axis {
    pub kind: AxisKind,
    /// Player ids at either end.
    pub from: String,
    pub to: String,
    pub start: Point,
    pub end: Point,
}

/// Which players the drawn axes join, as indices with their kind: for the
/// standard six the vertical and the two horizontal chords, for another even
/// count from four the diameters, for an odd count none (nobody sits
/// opposite the top player). The classroom's tour walks the same axes.
pub fn pairs(n: usize) -> Vec<(usize, usize, AxisKind)> {
    if n == 6 {
        vec![
            (0, 3, AxisKind::Vertical),
            (5, 1, AxisKind::Chord),
            (4, 2, AxisKind::Chord),
        ]
    } else if n >= 4 && n % 2 == 0 {
        (0..n / 2)
            .map(|i| {
                let kind = if i == 0 {
                    AxisKind::Vertical
                } else {
                    AxisKind::Diameter
                };
                (i, i + n / 2, kind)
            })
            .collect()
    } else {
        Vec::new()
    }
}

/// The axes between the vertices of the polygon of circumradius `r`.
pub fn axes(players: &[Item], r: f64) -> Vec<Axis> {
    let n = players.len();
    pairs(n)
        .into_iter()
        .map(|(a, b, kind)| Axis {
            kind,
            from: players[a].id.clone(),
            to: players[b].id.clone(),
            start: vertex(a, n, r),
            end: vertex(b, n, r),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn players(n: usize) -> Vec<Item> {
        (0..n).map(|i| Item::new(&format!("p{i}"), "P")).collect()
    }

    #[test]
    fn the_standard_axes_are_the_vertical_and_two_horizontal_chords() {
        let std = crate::framework::standard();
        let a = axes(&std.players, 300.0);
        let ends: Vec<(&str, &str, AxisKind)> = a
            .iter()
            .map(|x| (x.from.as_str(), x.to.as_str(), x.kind))
            .collect();
        assert_eq!(
            ends,
            vec![
                (
                    "senior-leaders",
                    "business-unit-leaders",
                    AxisKind::Vertical
                ),
                ("hr", "procurement", AxisKind::Chord),
                ("it", "finance-legal", AxisKind::Chord),
            ]
        );
        assert!(a[0].start.x.abs() < 1e-9 && a[0].end.x.abs() < 1e-9);
        for chord in &a[1..] {
            assert!((chord.start.y - chord.end.y).abs() < 1e-9, "horizontal");
            assert!((chord.start.x + chord.end.x).abs() < 1e-9, "symmetric");
        }
        assert!(a[1].start.y < 0.0 && a[2].start.y > 0.0, "upper then lower");
    }

    #[test]
    fn even_counts_join_opposites_and_odd_counts_have_none() {
        let eight = axes(&players(8), 100.0);
        assert_eq!(eight.len(), 4);
        for a in &eight {
            assert!((a.start.x + a.end.x).abs() < 1e-9 && (a.start.y + a.end.y).abs() < 1e-9);
        }
        assert_eq!(eight[0].kind, AxisKind::Vertical);
        assert!(axes(&players(5), 100.0).is_empty());
        assert!(axes(&players(3), 100.0).is_empty());
        assert!(axes(&players(2), 100.0).is_empty());
    }
}
