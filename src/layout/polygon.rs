//! The concentric regular polygons: one per theme, pointy top, players at the
//! vertices clockwise from the top, equal-width ring bands.

use super::geom::{cos_sin_turns, Point};
use serde::Serialize;

/// One theme's polygon (its outer boundary).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RingPolygon {
    pub theme: String,
    /// Circumradius: distance from the centre to each vertex.
    pub radius: f64,
    pub points: Vec<Point>,
}

/// The unit vector from the centre towards `turns` full turns clockwise from
/// straight up (screen coordinates: y grows downwards).
pub fn direction(turns: f64) -> Point {
    let (c, s) = cos_sin_turns(turns);
    Point::new(s, -c)
}

/// The direction of vertex `k` of `n`.
pub fn vertex_direction(k: usize, n: usize) -> Point {
    direction(k as f64 / n as f64)
}

/// Vertex `k` of the regular `n`-gon of circumradius `r` centred at the origin.
pub fn vertex(k: usize, n: usize, r: f64) -> Point {
    let d = vertex_direction(k % n, n);
    Point::new(d.x * r, d.y * r)
}

/// The midpoint of the edge from vertex `k` to vertex `k + 1`, computed from
/// the two vertices so neighbouring cells share it bit for bit.
pub fn edge_midpoint(k: usize, n: usize, r: f64) -> Point {
    let a = vertex(k % n, n, r);
    let b = vertex((k + 1) % n, n, r);
    Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0)
}

/// All vertices, clockwise from the top.
pub fn regular_polygon(n: usize, r: f64) -> Vec<Point> {
    (0..n).map(|k| vertex(k, n, r)).collect()
}

/// The circumradius of each theme's polygon, outermost first: `themes` equal
/// bands from `outer` down to the centre.
pub fn radii(themes: usize, outer: f64) -> Vec<f64> {
    (0..themes)
        .map(|i| outer * (themes - i) as f64 / themes as f64)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::geom::area;

    #[test]
    fn the_first_vertex_is_at_the_top_and_the_rest_run_clockwise() {
        let hex = regular_polygon(6, 100.0);
        assert_eq!(hex[0], Point::new(0.0, -100.0));
        // Second vertex: upper right (procurement's place).
        assert!(hex[1].x > 86.0 && hex[1].y < -49.0 && hex[1].y > -51.0);
        // Fourth: the bottom.
        assert!(hex[3].x.abs() < 1e-9 && (hex[3].y - 100.0).abs() < 1e-9);
        // Every side has the same length (= r for a hexagon).
        for k in 0..6 {
            let s = hex[k].distance(hex[(k + 1) % 6]);
            assert!((s - 100.0).abs() < 1e-9);
        }
    }

    #[test]
    fn area_matches_the_formula_for_every_player_count() {
        for n in 3..=12 {
            let a = area(&regular_polygon(n, 10.0));
            let (_, s) = cos_sin_turns(1.0 / n as f64);
            let expected = n as f64 / 2.0 * 100.0 * s;
            assert!((a - expected).abs() < 1e-9, "n={n}");
        }
    }

    #[test]
    fn edge_midpoints_lie_halfway_between_vertices() {
        let m = edge_midpoint(5, 6, 10.0);
        let (a, b) = (vertex(5, 6, 10.0), vertex(0, 6, 10.0));
        assert_eq!(m, Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0));
    }

    #[test]
    fn rings_have_equal_width() {
        assert_eq!(radii(4, 300.0), vec![300.0, 225.0, 150.0, 75.0]);
        assert_eq!(radii(1, 300.0), vec![300.0]);
        assert!(radii(0, 300.0).is_empty());
    }
}
