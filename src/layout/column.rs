//! The column right of the diagram: theme labels, each joined to its ring by a
//! leader line, then the overlay's legend. Stacking keeps the column's own
//! items apart; the column starts right of every player label, so it never
//! meets them; and the leader lines take the route (which wedge boundary they
//! start on, how high the stack sits) that comes near the fewest labels.
//!
//! Every leader has a line out of the rings of its own (a boundary between
//! two players' cells heading right) and keeps [`LEADER_CLEARANCE`] from
//! every other label and leader. When that cannot be had — more names than
//! lines out (three players leave one line, four or five leave two), or
//! long labels in every way — [`place_theme_labels`] says how many clashes
//! are left and the layout keys those rings by letter instead ([`keyed`]):
//! a letter on the ring, the same letter before the name in the column, no
//! leader at all, as the narrow layout keys every ring. Extra lines out
//! (through the players' cells) would cross cells; stacking names on one
//! line would make it unclear which ring each one names.

use super::geom::{
    segment_to_polygon, segments_cross, segments_distance, turned_rect, Point, Rect,
};
use super::labels::{Anchor, Label};
use super::polygon::{direction, regular_polygon};
use super::text::Weight;
use serde::Serialize;

/// A theme label: on its ring, or beside the diagram with a line to its ring.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ThemeLabel {
    /// The label as set before any turn.
    pub label: Label,
    /// A point inside the theme's ring band, where the leader line starts
    /// (the label's centre when it sits on its ring).
    pub anchor: Point,
    /// Where the leader line ends, just left of the label.
    pub leader_end: Point,
    /// Where the leader bends: first just out of the outer polygon (from the
    /// anchor it runs out along a line between two players' cells, never
    /// across a cell), then, if heading straight for the label would cut
    /// back across the polygon, beyond the polygon's right side.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub bends: Vec<Point>,
    /// On its ring: drawn turned by this many degrees (clockwise) about the
    /// label's centre, without a leader.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub turn: Option<f64>,
}

impl ThemeLabel {
    /// The corners of the space the label's text takes, turned as drawn.
    pub fn quad(&self) -> [Point; 4] {
        let b = self.label.bbox;
        match self.turn {
            Some(angle) => turned_rect(
                b.center(),
                super::ring_text::reading_direction(angle),
                b.width,
                b.height,
            ),
            None => b.corners(),
        }
    }

    /// The leader line's points, from the ring out; empty when there is none.
    pub fn leader(&self) -> Vec<Point> {
        if self.turn.is_some() || self.anchor == self.leader_end {
            return Vec::new();
        }
        let mut out = vec![self.anchor];
        out.extend(&self.bends);
        out.push(self.leader_end);
        out
    }
}

/// What a legend says; the layout only sets it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LegendSpec {
    pub title: String,
    pub items: Vec<LegendEntry>,
    /// A sentence below the items (how cells averaged over units read).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LegendEntry {
    /// A key for the renderer (e.g. the class the swatch takes).
    pub key: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LegendItem {
    pub key: String,
    pub swatch: Rect,
    pub label: Label,
}

/// The placed legend.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Legend {
    pub title: Label,
    pub items: Vec<LegendItem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Label>,
    pub bbox: Rect,
}

const STACK_GAP: f64 = 12.0;
/// How far a leader line keeps from every label but its own, and from every
/// other leader: never through a label, never close enough to seem to point
/// at it, never sharing a line.
pub const LEADER_CLEARANCE: f64 = 6.0;
const LEADER_GAP: f64 = 8.0;
/// How far out of the outer polygon a leader turns towards its label.
const VIA_GAP: f64 = 10.0;
pub const LEGEND_TITLE_SIZE: f64 = 17.0;
pub const LEGEND_SIZE: f64 = 16.0;
const LEGEND_WRAP: f64 = 240.0;
const SWATCH: f64 = 22.0;

/// Places the theme names left to the column (`(ring, label)`, wrapped,
/// left-aligned) beside the polygons of circumradii `radii` (outermost
/// first). `col_x` gives the column's left edge for a stack spanning the
/// heights `top..bottom`; `obstacles` are boxes outside the polygons the
/// leaders should keep [`LEADER_CLEARANCE`] from, `on_rings` the names on
/// their rings and the scores, which the leaders' runs out of the polygons
/// should keep clear of too.
///
/// Also returns how many clashes were left (a leader within the clearance of
/// a label or another leader, or across the polygon, or names sharing a line
/// out because there are fewer lines than names): none unless no height of
/// the stack avoids all.
pub fn place_theme_labels(
    labels: &[(usize, Label)],
    radii: &[f64],
    n: usize,
    col_x: &dyn Fn(f64, f64) -> f64,
    obstacles: &[Rect],
    on_rings: &[[Point; 4]],
) -> (Vec<ThemeLabel>, usize) {
    let labels: Vec<&(usize, Label)> = labels.iter().filter(|(i, _)| *i < radii.len()).collect();
    let t = labels.len();
    if t == 0 {
        return (Vec::new(), 0);
    }
    let n = n.max(3);
    let radius = radii[0];
    let outer = regular_polygon(n, radius);
    let (cos_half, _) = super::geom::cos_sin_turns(0.5 / n as f64);
    let band_middle = |i: usize| {
        let inner = radii.get(i + 1).copied().unwrap_or(0.0);
        (radii[i] + inner) / 2.0 * cos_half
    };
    // The lines between two players' cells that head right, top first.
    let mut rays: Vec<Point> = Vec::new();
    for b in 0..n {
        let d = direction((b as f64 + 0.5) / n as f64);
        if d.x >= 0.2 {
            rays.push(d);
        }
    }
    let route = |ring: usize, dir: Point| {
        let anchor = Point::new(0.0, 0.0).offset(dir, band_middle(ring));
        let via = Point::new(0.0, 0.0).offset(dir, radius * cos_half + VIA_GAP);
        let blocked = on_rings
            .iter()
            .filter(|q| segment_to_polygon(anchor, via, &q[..]) < LEADER_CLEARANCE)
            .count();
        (anchor, via, blocked)
    };
    // Each name its own line out when there are enough: of the runs of `t`
    // neighbouring lines, the one crossing the fewest names, then the most
    // level; otherwise names share them in turn.
    let m = rays.len();
    let chosen: Vec<usize> = if t <= m {
        let cost = |first: usize| -> f64 {
            labels
                .iter()
                .enumerate()
                .map(|(k, (ring, _))| {
                    let d = rays[first + k];
                    route(*ring, d).2 as f64 * 1e3 + d.y.abs()
                })
                .sum()
        };
        let first = (0..=m - t).fold(0, |best, f| if cost(f) < cost(best) { f } else { best });
        (first..first + t).collect()
    } else {
        (0..t).map(|k| k * m / t).collect()
    };
    // Names sharing a line out clash, as do runs that pass near a name.
    let mut inside = t.saturating_sub(m);
    let mut routes: Vec<(Point, Point, Point)> = Vec::with_capacity(t);
    for (&&(ring, _), &r) in labels.iter().zip(&chosen) {
        let (a, v, blocked) = route(ring, rays[r]);
        inside += blocked;
        routes.push((a, v, rays[r]));
    }
    // The bends of a leader from `via` (out along `dir`) to `end`: a second
    // one further out on the line, right of the polygon, when the straight
    // way would cut back across the polygon.
    let mut right = f64::NEG_INFINITY;
    for p in &outer {
        right = right.max(p.x + VIA_GAP);
    }
    let bends = |via: Point, dir: Point, end: Point| -> Vec<Point> {
        let cuts = (0..n).any(|j| segments_cross(via, end, outer[j], outer[(j + 1) % n]));
        if cuts && via.x < right {
            vec![via, via.offset(dir, (right - via.x) / dir.x)]
        } else {
            vec![via]
        }
    };
    let mut total = -STACK_GAP;
    for (_, l) in labels.iter().copied() {
        total += l.bbox.height + STACK_GAP;
    }
    // Rays run top to bottom and names outermost first, so stacking in this
    // order keeps the lines apart.
    let (mut mean_y, mut lo, mut hi) = (0.0, -radius, f64::NEG_INFINITY);
    for (_, v, _) in &routes {
        mean_y += v.y / t as f64;
        lo = lo.min(v.y);
        hi = hi.max(v.y);
    }
    // From above the polygon's top (the square layout's top right corner)
    // to below the lowest line out.
    let (lo, hi) = ((lo - total - 40.0).floor(), (hi + 40.0).ceil());
    let mut best: Option<(f64, f64)> = None;
    let mut top = lo;
    while top <= hi {
        let x = col_x(top, top + total);
        let stack = stacked(&labels, x, top);
        let mut paths: Vec<Vec<Point>> = Vec::with_capacity(t);
        for (&(_, via, dir), &(_, e)) in routes.iter().zip(&stack) {
            let mut p = bends(via, dir, e);
            p.push(e);
            paths.push(p);
        }
        let clashes = count_clashes(&paths, obstacles, &outer, &stack);
        // Clear first, then close to the drawing, then level with the lines.
        let score = clashes as f64 * 1e6 + x + (top + total / 2.0 - mean_y).abs() * 0.5;
        if best.map_or(true, |(s, _)| score < s) {
            best = Some((score, top));
        }
        top += 4.0;
    }
    let (score, top) = best.unwrap_or((0.0, 0.0));
    let x = col_x(top, top + total);
    let stack = stacked(&labels, x, top);
    let mut placed = Vec::with_capacity(t);
    for ((&(_, label), (anchor, via, dir)), (r, end)) in labels.iter().zip(routes).zip(stack) {
        placed.push(ThemeLabel {
            label: label.clone().at(r.x, r.y),
            anchor,
            leader_end: end,
            bends: bends(via, dir, end),
            turn: None,
        });
    }
    (placed, (score / 1e6) as usize + inside)
}

/// The names `labels` (`(ring, label)`) listed from `top` at `x` without
/// leader lines, each after a copy of its ring's key (`ring_keys`, one per
/// name, as set on the rings): the names, anchored at their keys, and the
/// keys of the list.
pub fn keyed(
    labels: &[(usize, Label)],
    ring_keys: &[(Label, Point)],
    x: f64,
    top: f64,
) -> (Vec<ThemeLabel>, Vec<Label>) {
    let mut keys: Vec<Label> = ring_keys.iter().map(|(k, _)| k.clone()).collect();
    let key_width = keys.iter().map(|k| k.bbox.width).fold(0.0, f64::max);
    let mut y = top;
    let mut names = Vec::with_capacity(labels.len());
    for (((_, name), key), (_, spot)) in labels.iter().zip(&mut keys).zip(ring_keys) {
        let name = name.clone().at(x + key_width + STACK_GAP, y);
        *key = key.clone().at(x, y);
        y = name.bbox.bottom().max(key.bbox.bottom()) + STACK_GAP;
        names.push(ThemeLabel {
            label: name,
            anchor: *spot,
            leader_end: *spot,
            bends: Vec::new(),
            turn: None,
        });
    }
    (names, keys)
}

/// The names stacked from `top` at `x`: each one's box and where its leader
/// ends, beside the middle of its first line.
fn stacked(labels: &[&(usize, Label)], x: f64, top: f64) -> Vec<(Rect, Point)> {
    let mut y = top;
    let mut out = Vec::with_capacity(labels.len());
    for (_, l) in labels.iter().copied() {
        let end = Point::new(x - LEADER_GAP, y + l.font_size * 0.6);
        out.push((Rect::new(x, y, l.bbox.width, l.bbox.height), end));
        y += l.bbox.height + STACK_GAP;
    }
    out
}

/// Clashes of the leaders' runs outside the polygon (each path from its
/// first bend to its end): within [`LEADER_CLEARANCE`] of the boxes, of the
/// other names of the stack or of each other, or across the polygon's edges.
fn count_clashes(
    paths: &[Vec<Point>],
    obstacles: &[Rect],
    outer: &[Point],
    stack: &[(Rect, Point)],
) -> usize {
    let n = outer.len();
    // Each run with its box: the distances (the costliest part of a layout,
    // worked out for every height the stack is tried at) only where two
    // boxes come within the clearance. Boxes further apart than that, by a
    // margin well above rounding, hold shapes at least that far apart, so
    // the count is the same.
    let within = |p: &Rect, q: &Rect| p.overlaps(q, (LEADER_CLEARANCE + 1e-6) / 2.0);
    let runs: Vec<Vec<(Point, Point, Rect)>> = paths
        .iter()
        .map(|p| {
            p.windows(2)
                .map(|w| (w[0], w[1], Rect::spanning(w[0], w[1])))
                .collect()
        })
        .collect();
    let near = |a: Point, b: Point, span: &Rect, r: &Rect| {
        within(span, r) && segment_to_polygon(a, b, &r.corners()) < LEADER_CLEARANCE
    };
    let mut clashes = 0;
    for (k, path) in runs.iter().enumerate() {
        for &(a, b, span) in path {
            clashes += obstacles.iter().filter(|r| near(a, b, &span, r)).count();
            clashes += stack
                .iter()
                .enumerate()
                .filter(|&(j, (r, _))| j != k && near(a, b, &span, r))
                .count();
            clashes += (0..n)
                .filter(|&j| segments_cross(a, b, outer[j], outer[(j + 1) % n]))
                .count();
            for other in &runs[k + 1..] {
                clashes += other
                    .iter()
                    .filter(|(c, d, other_span)| {
                        within(&span, other_span)
                            && segments_distance(a, b, *c, *d) < LEADER_CLEARANCE
                    })
                    .count();
            }
        }
    }
    clashes
}

/// The sizes a legend is set in.
#[derive(Debug, Clone, Copy)]
pub struct LegendStyle {
    pub title_size: f64,
    pub size: f64,
    /// Width the item texts wrap at.
    pub wrap: f64,
    pub swatch: f64,
}

/// The legend beside a wide diagram.
pub const LEGEND_WIDE: LegendStyle = LegendStyle {
    title_size: LEGEND_TITLE_SIZE,
    size: LEGEND_SIZE,
    wrap: LEGEND_WRAP,
    swatch: SWATCH,
};

/// Sets the legend with its top-left corner at (`x`, `y`).
pub fn place_legend(spec: &LegendSpec, x: f64, y: f64) -> Legend {
    place_legend_as(spec, x, y, &LEGEND_WIDE)
}

/// Sets the legend in `style` with its top-left corner at (`x`, `y`).
pub fn place_legend_as(spec: &LegendSpec, x: f64, y: f64, style: &LegendStyle) -> Legend {
    let swatch_size = style.swatch;
    let title = Label::new(
        "legend-title",
        &spec.title,
        style.title_size,
        Weight::Bold,
        style.wrap + swatch_size + 8.0,
        Anchor::Start,
    )
    .at(x, y);
    let mut bbox = title.bbox;
    let mut row = title.bbox.bottom() + 8.0;
    let mut items = Vec::new();
    for entry in &spec.items {
        let label = Label::new(
            &entry.key,
            &entry.text,
            style.size,
            Weight::Regular,
            style.wrap,
            Anchor::Start,
        );
        let first_line = style.size * super::text::LINE_HEIGHT;
        let label = label.at(
            x + swatch_size + 8.0,
            row + (swatch_size - first_line) / 2.0,
        );
        let swatch = Rect::new(x, row, swatch_size, swatch_size);
        bbox = bbox.union(&swatch).union(&label.bbox);
        row = swatch.bottom().max(label.bbox.bottom()) + 6.0;
        items.push(LegendItem {
            key: entry.key.clone(),
            swatch,
            label,
        });
    }
    // The note wraps to the legend's own width (never very narrow), so a
    // long sentence does not widen it.
    let note_wrap = (bbox.width.max(style.size * 10.0)).min(style.wrap + swatch_size + 8.0);
    let note = spec.note.as_deref().map(|text| {
        let note = Label::new(
            "legend-note",
            text,
            style.size,
            Weight::Regular,
            note_wrap,
            Anchor::Start,
        )
        .at(x, row + 2.0);
        bbox = bbox.union(&note.bbox);
        note
    });
    Legend {
        title,
        items,
        note,
        bbox,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(texts: &[&str]) -> Vec<(usize, Label)> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                (
                    i,
                    Label::new("t", t, 16.0, Weight::Regular, 200.0, Anchor::Start),
                )
            })
            .collect()
    }

    /// Whether the polyline runs through the inside of a cell of the rings.
    fn crosses_a_cell(line: &[Point], radii: &[f64], n: usize) -> bool {
        let cells: Vec<Vec<Point>> = (0..radii.len())
            .flat_map(|i| {
                let inner = radii.get(i + 1).copied().unwrap_or(0.0);
                (0..n).map(move |p| crate::layout::cell::cell_points(p, n, radii[i], inner))
            })
            .collect();
        line.windows(2).any(|w| {
            (1..40).any(|s| {
                let f = s as f64 / 40.0;
                let p = Point::new(
                    w[0].x + (w[1].x - w[0].x) * f,
                    w[0].y + (w[1].y - w[0].y) * f,
                );
                cells.iter().any(|c| {
                    super::super::geom::point_in_polygon(p, c)
                        && (0..c.len()).all(|k| {
                            super::super::geom::distance_to_segment(p, c[k], c[(k + 1) % c.len()])
                                > 0.01
                        })
                })
            })
        })
    }

    #[test]
    fn theme_labels_stack_without_overlap_and_leaders_run_between_cells() {
        let radii = [300.0, 225.0, 150.0, 75.0];
        let placed = place_theme_labels(
            &labels(&["One", "Two two two two two two two two", "Three"]),
            &radii,
            6,
            &|_, _| 500.0,
            &[],
            &[],
        )
        .0;
        assert_eq!(placed.len(), 3);
        for (i, a) in placed.iter().enumerate() {
            assert_eq!(a.label.bbox.x, 500.0);
            assert!(a.leader_end.x < 500.0);
            let line = a.leader();
            assert_eq!(line.len(), 3);
            assert!(!crosses_a_cell(&line, &radii, 6), "leader {i}");
            for b in &placed[i + 1..] {
                assert!(!a.label.bbox.overlaps(&b.label.bbox, 0.0));
                let other = b.leader();
                for s in line.windows(2) {
                    for o in other.windows(2) {
                        assert!(!segments_cross(s[0], s[1], o[0], o[1]));
                    }
                }
            }
        }
        // Anchors lie in their own band: between the ring's polygons.
        for (i, a) in placed.iter().enumerate() {
            let r = (a.anchor.x.powi(2) + a.anchor.y.powi(2)).sqrt();
            let inner = radii.get(i + 1).copied().unwrap_or(0.0);
            assert!(r < radii[i] && r > inner * 0.86, "ring {i}: {r}");
        }
    }

    #[test]
    fn leader_lines_avoid_an_obstacle_and_the_names_on_rings() {
        let radii = [300.0, 150.0];
        let wall = Rect::new(300.0, -40.0, 150.0, 80.0);
        // A name on the outer ring where the level line out would run.
        let name = turned_rect(Point::new(225.0, 0.0), Point::new(0.0, 1.0), 60.0, 20.0);
        let (placed, clashes) = place_theme_labels(
            &[labels(&["Outer", "Inner"]).remove(1)],
            &radii,
            6,
            &|_, _| 500.0,
            &[wall],
            &[name],
        );
        assert_eq!(clashes, 0);
        for p in &placed {
            let line = p.leader();
            for s in line.windows(2) {
                assert!(segment_to_polygon(s[0], s[1], &wall.corners()) >= LEADER_CLEARANCE);
                assert!(segment_to_polygon(s[0], s[1], &name) >= LEADER_CLEARANCE);
            }
        }
    }

    #[test]
    fn more_names_than_lines_out_are_counted_as_clashes() {
        // Three players leave one line out on the right: two names would share it.
        let (_, clashes) = place_theme_labels(
            &labels(&["One", "Two"]),
            &[300.0, 150.0],
            3,
            &|_, _| 500.0,
            &[],
            &[],
        );
        assert!(clashes > 0);
    }

    #[test]
    fn legend_rows_do_not_overlap() {
        let spec = LegendSpec {
            title: "Current level".into(),
            items: (0..5)
                .map(|i| LegendEntry {
                    key: format!("level-{i}"),
                    text: format!("{i} – a long description of this level that has to wrap"),
                })
                .collect(),
            note: Some("Cells averaged over units: coloured by the nearest level".into()),
        };
        let legend = place_legend(&spec, 10.0, 20.0);
        assert_eq!(legend.items.len(), 5);
        let mut boxes = vec![legend.title.bbox];
        for it in &legend.items {
            boxes.push(it.swatch);
            boxes.push(it.label.bbox);
        }
        boxes.extend(legend.note.as_ref().map(|n| n.bbox));
        assert!(legend.note.as_ref().unwrap().lines.len() > 1, "wrapped");
        for (i, a) in boxes.iter().enumerate() {
            assert!(legend.bbox.contains_rect(a));
            for b in &boxes[i + 1..] {
                assert!(!a.overlaps(b, 0.0), "{a:?} {b:?}");
            }
        }
    }
}
