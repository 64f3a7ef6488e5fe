//! Cells: the part of a ring band inside one player's wedge, the wedge being
//! centred on the player's vertex and bounded by the rays through the midpoints
//! of the two edges that meet there. Bands are chevrons; the centre polygon's
//! cells are kites. Together they tile the outer polygon.

use super::geom::{rect_in_polygon, Point, Rect};
use super::polygon::{edge_midpoint, vertex, vertex_direction};
use super::text::{width, Weight};
use serde::Serialize;

/// Where a cell's score is written.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ValueSlot {
    /// The text's centre x and baseline y (drawn with `text-anchor: middle`).
    pub x: f64,
    pub y: f64,
    pub font_size: f64,
    /// The room kept for the text: wide enough for "0.0".
    pub bbox: Rect,
}

/// One (theme, player) cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellShape {
    pub theme: String,
    pub player: String,
    /// A closed polygon, clockwise on screen.
    pub points: Vec<Point>,
    pub value: ValueSlot,
}

/// The outline of player `p`'s cell (of `n`) in the band between circumradii
/// `outer` and `inner`; `inner == 0` gives the centre kite.
pub fn cell_points(p: usize, n: usize, outer: f64, inner: f64) -> Vec<Point> {
    let before = (p + n - 1) % n;
    if inner <= 0.0 {
        return vec![
            Point::new(0.0, 0.0),
            edge_midpoint(before, n, outer),
            vertex(p, n, outer),
            edge_midpoint(p, n, outer),
        ];
    }
    vec![
        edge_midpoint(before, n, outer),
        vertex(p, n, outer),
        edge_midpoint(p, n, outer),
        edge_midpoint(p, n, inner),
        vertex(p, n, inner),
        edge_midpoint(before, n, inner),
    ]
}

/// The widest score text the slot is sized for.
pub const VALUE_SAMPLE: &str = "0.0";
/// Clear space kept between a score and its cell's outline.
const VALUE_MARGIN: f64 = 3.0;

/// The box a score of `size` occupies when its centre sits at `c`.
pub fn value_box(c: Point, size: f64) -> Rect {
    let w = width(VALUE_SAMPLE, size, Weight::Bold);
    let h = size * 0.9;
    Rect::new(c.x - w / 2.0, c.y - h / 2.0, w, h)
}

/// Where along the vertex ray a score of `size` fits inside the cell, nearest
/// the middle of the band; `None` when it fits nowhere.
pub fn fit_value(
    points: &[Point],
    p: usize,
    n: usize,
    outer: f64,
    inner: f64,
    size: f64,
) -> Option<ValueSlot> {
    let dir = vertex_direction(p, n);
    let ideal = if inner > 0.0 {
        (outer + inner) / 2.0
    } else {
        outer * 0.55
    };
    const STEPS: usize = 48;
    let radius = |i: usize| inner + (outer - inner) * i as f64 / STEPS as f64;
    let miss = |i: usize| (radius(i) - ideal).abs();
    let fits = |i: usize| {
        let r = radius(i);
        let c = Point::new(dir.x * r, dir.y * r);
        let b = value_box(c, size);
        let grown = Rect::new(
            b.x - VALUE_MARGIN,
            b.y - VALUE_MARGIN,
            b.width + 2.0 * VALUE_MARGIN,
            b.height + 2.0 * VALUE_MARGIN,
        );
        rect_in_polygon(&grown, points).then(|| slot(c, size))
    };
    // The step nearest the ideal whose box fits (the first of two as near).
    // Misses fall and then rise along the ray, so the steps are tried from
    // the nearest outwards, the nearer side first, and the search stops at
    // the first fit: testing all 49 boxes of every cell took about a third
    // of a layout's time.
    let nearest = (0..=STEPS).min_by(|&a, &b| miss(a).total_cmp(&miss(b)))?;
    if let Some(slot) = fits(nearest) {
        return Some(slot);
    }
    let (mut below, mut above) = (nearest.checked_sub(1), nearest + 1);
    loop {
        let next = match (below, above <= STEPS) {
            (Some(b), true) if miss(b) <= miss(above) => b,
            (_, true) => above,
            (Some(b), false) => b,
            (None, false) => return None,
        };
        if let Some(slot) = fits(next) {
            return Some(slot);
        }
        if Some(next) == below {
            below = next.checked_sub(1);
        } else {
            above += 1;
        }
    }
}

/// The slot for a score centred at `c`.
pub fn slot(c: Point, size: f64) -> ValueSlot {
    let bbox = value_box(c, size);
    ValueSlot {
        x: c.x,
        // Digits are about 0.73 em tall: this baseline centres them on `c`.
        y: c.y + size * 0.36,
        font_size: size,
        bbox,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::geom::{area, point_in_polygon};
    use crate::layout::polygon::regular_polygon;

    fn tiles(n: usize, radii: &[f64]) -> Vec<Vec<Point>> {
        let mut cells = Vec::new();
        for (i, &r) in radii.iter().enumerate() {
            let inner = radii.get(i + 1).copied().unwrap_or(0.0);
            for p in 0..n {
                cells.push(cell_points(p, n, r, inner));
            }
        }
        cells
    }

    #[test]
    fn cells_add_up_to_the_outer_polygon() {
        for n in 3..=12 {
            let radii = [300.0, 200.0, 100.0];
            let total: f64 = tiles(n, &radii).iter().map(|c| area(c)).sum();
            let outer = area(&regular_polygon(n, 300.0));
            assert!((total - outer).abs() < 1e-6 * outer, "n={n}");
        }
    }

    #[test]
    fn every_sample_point_is_in_exactly_one_cell() {
        let cells = tiles(6, &[300.0, 225.0, 150.0, 75.0]);
        let hex = regular_polygon(6, 300.0);
        let mut checked = 0;
        for i in 0..41 {
            for j in 0..41 {
                // Off-grid offsets keep samples off the shared edges.
                let p = Point::new(-301.3 + i as f64 * 15.07, -301.7 + j as f64 * 15.03);
                let hits = cells.iter().filter(|c| point_in_polygon(p, c)).count();
                let expected = usize::from(point_in_polygon(p, &hex));
                assert_eq!(hits, expected, "{p:?}");
                checked += expected;
            }
        }
        assert!(checked > 1000);
    }

    #[test]
    fn chevrons_are_centred_on_their_vertex() {
        let c = cell_points(0, 6, 300.0, 225.0);
        assert_eq!(c.len(), 6);
        assert_eq!(c[1], Point::new(0.0, -300.0));
        assert!(
            (c[0].x + c[2].x).abs() < 1e-9,
            "symmetric about the vertical axis"
        );
    }

    #[test]
    fn a_value_fits_in_a_standard_cell_near_the_band_middle() {
        let pts = cell_points(1, 6, 300.0, 225.0);
        let s = fit_value(&pts, 1, 6, 300.0, 225.0, 18.0).expect("fits");
        assert!(rect_in_polygon(&s.bbox, &pts));
        let r = (s.x * s.x + (s.y - 18.0 * 0.36).powi(2)).sqrt();
        assert!((r - 262.5).abs() < 10.0, "{r}");
        // A sliver of a band has no room for it.
        let thin = cell_points(1, 6, 300.0, 295.0);
        assert!(fit_value(&thin, 1, 6, 300.0, 295.0, 18.0).is_none());
    }
}
