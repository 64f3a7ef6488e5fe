//! Plain 2-D primitives shared by the layout: points, rectangles, deterministic
//! trigonometry, and the polygon and segment tests the tiling and the label
//! placement rely on.
//!
//! The trigonometry is written with `+ - * /` only, which IEEE 754 rounds the
//! same on every target, so native code and Wasm compute bit-identical layouts
//! (platform `sin`/`cos` may differ in the last bit).

use serde::Serialize;

/// A point in SVG user units (y grows downwards).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub const fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    /// `self + d * s`.
    pub fn offset(self, d: Point, s: f64) -> Point {
        Point::new(self.x + d.x * s, self.y + d.y * s)
    }

    pub fn distance(self, other: Point) -> f64 {
        ((self.x - other.x).powi(2) + (self.y - other.y).powi(2)).sqrt()
    }
}

/// An axis-aligned rectangle; `x`, `y` is its top-left corner.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub const fn new(x: f64, y: f64, width: f64, height: f64) -> Rect {
        Rect {
            x,
            y,
            width,
            height,
        }
    }

    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    pub fn center(&self) -> Point {
        Point::new(self.x + self.width / 2.0, self.y + self.height / 2.0)
    }

    /// Whether the two rectangles share interior area once each is grown by
    /// `margin` on every side (touching edges do not count).
    pub fn overlaps(&self, other: &Rect, margin: f64) -> bool {
        self.x - margin < other.right() + margin
            && other.x - margin < self.right() + margin
            && self.y - margin < other.bottom() + margin
            && other.y - margin < self.bottom() + margin
    }

    pub fn contains_rect(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.right() <= self.right()
            && other.bottom() <= self.bottom()
    }

    pub fn corners(&self) -> [Point; 4] {
        [
            Point::new(self.x, self.y),
            Point::new(self.right(), self.y),
            Point::new(self.right(), self.bottom()),
            Point::new(self.x, self.bottom()),
        ]
    }

    /// The smallest rectangle holding the points `a` and `b`.
    pub fn spanning(a: Point, b: Point) -> Rect {
        let (x, y) = (a.x.min(b.x), a.y.min(b.y));
        Rect::new(x, y, a.x.max(b.x) - x, a.y.max(b.y) - y)
    }

    /// The smallest rectangle holding both.
    pub fn union(&self, other: &Rect) -> Rect {
        let x = self.x.min(other.x);
        let y = self.y.min(other.y);
        Rect::new(
            x,
            y,
            self.right().max(other.right()) - x,
            self.bottom().max(other.bottom()) - y,
        )
    }

    /// The bounding box of some points (an empty rectangle at the origin for none).
    pub fn bounding(points: &[Point]) -> Rect {
        let Some(first) = points.first() else {
            return Rect::new(0.0, 0.0, 0.0, 0.0);
        };
        let (mut x0, mut y0, mut x1, mut y1) = (first.x, first.y, first.x, first.y);
        for p in points {
            x0 = x0.min(p.x);
            y0 = y0.min(p.y);
            x1 = x1.max(p.x);
            y1 = y1.max(p.y);
        }
        Rect::new(x0, y0, x1 - x0, y1 - y0)
    }
}

/// `(cos, sin)` of `turns` full turns (1.0 = 360°), identical on every target.
pub fn cos_sin_turns(turns: f64) -> (f64, f64) {
    use std::f64::consts::PI;
    // Reduce to an octant so the series below converges fast and exactly.
    let t = turns - turns.floor();
    let eighths = (t * 8.0).round();
    let rest = (t - eighths / 8.0) * 2.0 * PI; // |rest| <= π/8
    let (c, s) = series(rest);
    let h = std::f64::consts::FRAC_1_SQRT_2;
    match eighths as i64 % 8 {
        0 => (c, s),
        1 => (h * (c - s), h * (s + c)),
        2 => (-s, c),
        3 => (-h * (c + s), h * (c - s)),
        4 => (-c, -s),
        5 => (h * (s - c), -h * (s + c)),
        6 => (s, -c),
        _ => (h * (c + s), h * (s - c)),
    }
}

/// Taylor series of cos and sin, enough terms for full precision on |x| <= π/8.
fn series(x: f64) -> (f64, f64) {
    let x2 = x * x;
    let (mut c, mut s) = (1.0, x);
    let (mut tc, mut ts) = (1.0, x);
    for k in 1..12 {
        let k = k as f64;
        tc *= -x2 / ((2.0 * k - 1.0) * (2.0 * k));
        ts *= -x2 / ((2.0 * k) * (2.0 * k + 1.0));
        c += tc;
        s += ts;
    }
    (c, s)
}

/// The signed area of a polygon (positive when its points run clockwise on
/// screen, i.e. counter-clockwise in y-up terms).
pub fn signed_area(points: &[Point]) -> f64 {
    let n = points.len();
    let mut sum = 0.0;
    for i in 0..n {
        let a = points[i];
        let b = points[(i + 1) % n];
        sum += a.x * b.y - b.x * a.y;
    }
    sum / 2.0
}

pub fn area(points: &[Point]) -> f64 {
    signed_area(points).abs()
}

/// Whether `p` lies strictly inside the simple polygon (even-odd rule; points
/// on an edge may go either way).
pub fn point_in_polygon(p: Point, poly: &[Point]) -> bool {
    let n = poly.len();
    let mut inside = false;
    let mut j = n.wrapping_sub(1);
    for i in 0..n {
        let (a, b) = (poly[i], poly[j]);
        if (a.y > p.y) != (b.y > p.y) {
            let x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
            if p.x < x {
                inside = !inside;
            }
        }
        j = i;
    }
    inside
}

/// Distance from `p` to the segment `a`–`b`.
pub fn distance_to_segment(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0)
    };
    p.distance(Point::new(a.x + t * dx, a.y + t * dy))
}

fn cross(o: Point, a: Point, b: Point) -> f64 {
    (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
}

/// Whether the segments `a`–`b` and `c`–`d` cross at a point interior to both.
pub fn segments_cross(a: Point, b: Point, c: Point, d: Point) -> bool {
    let d1 = cross(c, d, a);
    let d2 = cross(c, d, b);
    let d3 = cross(a, b, c);
    let d4 = cross(a, b, d);
    ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0))
        && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
}

/// The least distance between the segments `a`–`b` and `c`–`d`: 0 when they
/// cross or touch, and for two runs along the same line.
pub fn segments_distance(a: Point, b: Point, c: Point, d: Point) -> f64 {
    if segments_cross(a, b, c, d) {
        return 0.0;
    }
    distance_to_segment(a, c, d)
        .min(distance_to_segment(b, c, d))
        .min(distance_to_segment(c, a, b))
        .min(distance_to_segment(d, a, b))
}

/// The least distance from the segment `a`–`b` to the convex polygon `poly`
/// (a label's box or turned box): 0 when it runs into it.
pub fn segment_to_polygon(a: Point, b: Point, poly: &[Point]) -> f64 {
    if point_in_polygon(a, poly) || point_in_polygon(b, poly) {
        return 0.0;
    }
    let n = poly.len();
    (0..n).fold(f64::INFINITY, |d, k| {
        d.min(segments_distance(a, b, poly[k], poly[(k + 1) % n]))
    })
}

/// Whether the segment `a`–`b` passes through the interior of `r`.
pub fn segment_hits_rect(a: Point, b: Point, r: &Rect) -> bool {
    let inside = |p: Point| p.x > r.x && p.x < r.right() && p.y > r.y && p.y < r.bottom();
    if inside(a) || inside(b) {
        return true;
    }
    let c = r.corners();
    (0..4).any(|i| segments_cross(a, b, c[i], c[(i + 1) % 4]))
}

/// Whether the rectangle lies inside the simple polygon: its corners inside,
/// no polygon vertex inside it, and no edge of one crossing an edge of the other.
pub fn rect_in_polygon(r: &Rect, poly: &[Point]) -> bool {
    let corners = r.corners();
    if !corners.iter().all(|&c| point_in_polygon(c, poly)) {
        return false;
    }
    let strictly_inside = |p: &Point| p.x > r.x && p.x < r.right() && p.y > r.y && p.y < r.bottom();
    if poly.iter().any(strictly_inside) {
        return false;
    }
    let n = poly.len();
    (0..n).all(|i| {
        let (a, b) = (poly[i], poly[(i + 1) % n]);
        (0..4).all(|k| !segments_cross(a, b, corners[k], corners[(k + 1) % 4]))
    })
}

/// Whether a rectangle shares interior area with a convex polygon.
pub fn rect_overlaps_convex(r: &Rect, poly: &[Point]) -> bool {
    convex_overlap(&r.corners(), poly)
}

/// Whether two convex polygons share interior area (separating-axis test over
/// both shapes' edge normals; touching edges do not count).
pub fn convex_overlap(a: &[Point], b: &[Point]) -> bool {
    fn normals(poly: &[Point]) -> impl Iterator<Item = Point> + '_ {
        let n = poly.len();
        (0..n).map(move |i| {
            let (p, q) = (poly[i], poly[(i + 1) % n]);
            Point::new(-(q.y - p.y), q.x - p.x)
        })
    }
    normals(a).chain(normals(b)).all(|axis| {
        let span = |poly: &[Point]| {
            poly.iter()
                .map(|p| p.x * axis.x + p.y * axis.y)
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                    (lo.min(v), hi.max(v))
                })
        };
        let ((a0, a1), (b0, b1)) = (span(a), span(b));
        a1 > b0 && b1 > a0
    })
}

/// A rectangle of `width` × `height` centred on `c` and turned so that its
/// width runs along the unit vector `u`: its corners, clockwise on screen.
pub fn turned_rect(c: Point, u: Point, width: f64, height: f64) -> [Point; 4] {
    let v = Point::new(-u.y, u.x);
    let (w, h) = (width / 2.0, height / 2.0);
    [
        Point::new(c.x - u.x * w - v.x * h, c.y - u.y * w - v.y * h),
        Point::new(c.x + u.x * w - v.x * h, c.y + u.y * w - v.y * h),
        Point::new(c.x + u.x * w + v.x * h, c.y + u.y * w + v.y * h),
        Point::new(c.x - u.x * w + v.x * h, c.y - u.y * w + v.y * h),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_between_segments_and_to_a_box() {
        let p = Point::new;
        // Parallel, 3 apart; crossing; along the same line.
        assert_eq!(
            segments_distance(p(0.0, 0.0), p(10.0, 0.0), p(2.0, 3.0), p(8.0, 3.0)),
            3.0
        );
        assert_eq!(
            segments_distance(p(0.0, 0.0), p(10.0, 10.0), p(0.0, 10.0), p(10.0, 0.0)),
            0.0
        );
        assert_eq!(
            segments_distance(p(0.0, 0.0), p(10.0, 0.0), p(5.0, 0.0), p(20.0, 0.0)),
            0.0
        );
        let r = Rect::new(10.0, 10.0, 20.0, 10.0).corners();
        assert_eq!(segment_to_polygon(p(0.0, 5.0), p(40.0, 5.0), &r), 5.0);
        assert_eq!(segment_to_polygon(p(0.0, 15.0), p(40.0, 15.0), &r), 0.0);
        assert_eq!(segment_to_polygon(p(12.0, 12.0), p(14.0, 14.0), &r), 0.0);
    }

    #[test]
    fn trigonometry_matches_the_platform_to_full_precision() {
        for i in -50..150 {
            let turns = i as f64 / 37.0;
            let (c, s) = cos_sin_turns(turns);
            let a = turns * 2.0 * std::f64::consts::PI;
            assert!((c - a.cos()).abs() < 1e-14, "cos {turns}");
            assert!((s - a.sin()).abs() < 1e-14, "sin {turns}");
        }
        assert_eq!(cos_sin_turns(0.25), (0.0, 1.0));
        assert_eq!(cos_sin_turns(-0.25), (0.0, -1.0));
    }

    #[test]
    fn area_and_containment_of_a_square() {
        let sq = [
            Point::new(0.0, 0.0),
            Point::new(2.0, 0.0),
            Point::new(2.0, 2.0),
            Point::new(0.0, 2.0),
        ];
        assert_eq!(area(&sq), 4.0);
        assert!(point_in_polygon(Point::new(1.0, 1.0), &sq));
        assert!(!point_in_polygon(Point::new(3.0, 1.0), &sq));
        assert!(rect_in_polygon(&Rect::new(0.5, 0.5, 1.0, 1.0), &sq));
        assert!(!rect_in_polygon(&Rect::new(1.5, 0.5, 1.0, 1.0), &sq));
        assert!(rect_overlaps_convex(&Rect::new(1.5, 1.5, 3.0, 3.0), &sq));
        assert!(!rect_overlaps_convex(&Rect::new(2.0, 0.0, 3.0, 3.0), &sq));
        // A diamond turned 45° inside the square's corner region, and beside it.
        let u = Point::new(
            std::f64::consts::FRAC_1_SQRT_2,
            std::f64::consts::FRAC_1_SQRT_2,
        );
        let d = turned_rect(Point::new(1.0, 1.0), u, 1.0, 1.0);
        assert!(d.iter().all(|&p| point_in_polygon(p, &sq)));
        assert!(convex_overlap(&d, &sq));
        let off = turned_rect(Point::new(2.9, 2.9), u, 1.0, 1.0);
        assert!(!convex_overlap(&off, &sq));
    }

    #[test]
    fn a_notch_inside_a_rectangle_is_caught() {
        // A chevron whose reflex vertex pokes up into the middle.
        let v = [
            Point::new(0.0, 0.0),
            Point::new(10.0, 0.0),
            Point::new(10.0, 10.0),
            Point::new(5.0, 2.0),
            Point::new(0.0, 10.0),
        ];
        assert!(!rect_in_polygon(&Rect::new(3.0, 1.0, 4.0, 4.0), &v));
        assert!(rect_in_polygon(&Rect::new(3.0, 0.5, 4.0, 1.0), &v));
    }

    #[test]
    fn rectangles_and_segments() {
        let r = Rect::new(0.0, 0.0, 10.0, 10.0);
        assert!(r.overlaps(&Rect::new(9.0, 9.0, 5.0, 5.0), 0.0));
        assert!(!r.overlaps(&Rect::new(10.0, 0.0, 5.0, 5.0), 0.0));
        assert!(r.overlaps(&Rect::new(10.0, 0.0, 5.0, 5.0), 1.0));
        assert!(segment_hits_rect(
            Point::new(-5.0, 5.0),
            Point::new(15.0, 5.0),
            &r
        ));
        assert!(!segment_hits_rect(
            Point::new(-5.0, 15.0),
            Point::new(15.0, 12.0),
            &r
        ));
        assert!(segments_cross(
            Point::new(0.0, 0.0),
            Point::new(2.0, 2.0),
            Point::new(0.0, 2.0),
            Point::new(2.0, 0.0)
        ));
        assert_eq!(
            distance_to_segment(
                Point::new(1.0, 1.0),
                Point::new(0.0, 0.0),
                Point::new(2.0, 0.0)
            ),
            1.0
        );
    }
}
