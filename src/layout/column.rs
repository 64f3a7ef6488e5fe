//! The column right of the diagram: theme labels, each joined to its ring by a
//! leader line, then the overlay's legend. Stacking keeps the column's own
//! items apart; the column starts right of every player label, so it never
//! meets them; and the leader lines take the route (which wedge boundary they
//! start on, how high the stack sits) that crosses the fewest labels.

use super::geom::{distance_to_segment, segment_hits_rect, segments_cross, Point, Rect};
use super::labels::{Anchor, Label};
use super::polygon::direction;
use super::text::Weight;
use serde::Serialize;

/// A theme label beside the diagram and the line to its ring.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ThemeLabel {
    pub label: Label,
    /// A point inside the theme's ring band, where the leader line starts.
    pub anchor: Point,
    /// Where the leader line ends, just left of the label.
    pub leader_end: Point,
}

/// What a legend says; the layout only sets it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LegendSpec {
    pub title: String,
    pub items: Vec<LegendEntry>,
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
    pub bbox: Rect,
}

const STACK_GAP: f64 = 12.0;
const LEADER_GAP: f64 = 8.0;
/// How far a leader line keeps from the other rings' dots.
const DOT_CLEARANCE: f64 = 9.0;
pub const LEGEND_TITLE_SIZE: f64 = 15.0;
pub const LEGEND_SIZE: f64 = 14.0;
const LEGEND_WRAP: f64 = 220.0;
const SWATCH: f64 = 20.0;

/// Places the theme labels (`labels[i]` for ring `i`, wrapped, left-aligned)
/// in a column starting at `col_x`. `radii` are the rings' circumradii,
/// outermost first; `obstacles` are boxes leader lines should not cross.
pub fn place_theme_labels(
    labels: Vec<Label>,
    radii: &[f64],
    n: usize,
    col_x: f64,
    obstacles: &[Rect],
) -> Vec<ThemeLabel> {
    let t = labels.len().min(radii.len());
    if t == 0 {
        return Vec::new();
    }
    let n = n.max(3);
    let (cos_half, _) = super::geom::cos_sin_turns(0.5 / n as f64);
    let band_middle = |i: usize| {
        let inner = radii.get(i + 1).copied().unwrap_or(0.0);
        (radii[i] + inner) / 2.0 * cos_half
    };
    let heights: Vec<f64> = labels.iter().map(|l| l.bbox.height).collect();
    let total: f64 = heights.iter().sum::<f64>() + STACK_GAP * (t as f64 - 1.0);

    // (score, boundary, top) of the best route so far.
    let mut best: Option<(f64, usize, f64)> = None;
    for b in 0..n {
        let dir = direction((b as f64 + 0.5) / n as f64);
        if dir.x < 0.2 {
            continue;
        }
        let anchors: Vec<Point> = (0..t)
            .map(|i| Point::new(0.0, 0.0).offset(dir, band_middle(i)))
            .collect();
        let order = stack_order(&anchors);
        // Only boxes between the anchors and the column can meet a leader.
        let min_x = anchors.iter().map(|a| a.x).fold(f64::INFINITY, f64::min);
        let mut near: Vec<Rect> = Vec::new();
        for r in obstacles {
            if r.right() > min_x && r.x < col_x {
                near.push(*r);
            }
        }
        let mean_y = anchors.iter().map(|a| a.y).sum::<f64>() / t as f64;
        let lo = (anchors.iter().map(|a| a.y).fold(f64::INFINITY, f64::min) - total - 40.0).floor();
        let hi = (anchors
            .iter()
            .map(|a| a.y)
            .fold(f64::NEG_INFINITY, f64::max)
            + 40.0)
            .ceil();
        let mut top = lo;
        while top <= hi {
            let ends = leader_ends(&labels, &order, &heights, col_x, top);
            let mut clashes = 0usize;
            let mut near_dots = 0usize;
            for (k, &i) in order.iter().enumerate() {
                let (a, e) = (anchors[i], ends[k]);
                clashes += near.iter().filter(|r| segment_hits_rect(a, e, r)).count();
                for (m, &j) in order.iter().enumerate().skip(k + 1) {
                    if segments_cross(a, e, anchors[j], ends[m]) {
                        clashes += 1;
                    }
                }
                // Passing close to another ring's dot reads as ending there.
                near_dots += anchors
                    .iter()
                    .enumerate()
                    .filter(|&(j, &p)| j != i && distance_to_segment(p, a, e) < DOT_CLEARANCE)
                    .count();
            }
            let centre = top + total / 2.0;
            let score = clashes as f64 * 1e6
                + near_dots as f64 * 1e4
                + (centre - mean_y).abs()
                + dir.y.abs() * 100.0;
            if best.map_or(true, |(s, _, _)| score < s) {
                best = Some((score, b, top));
            }
            top += 4.0;
        }
    }
    let (b, top) = match best {
        Some((_, b, top)) => (b, top),
        None => (0, 0.0),
    };
    let dir = direction((b as f64 + 0.5) / n as f64);
    let anchors: Vec<Point> = (0..t)
        .map(|i| Point::new(0.0, 0.0).offset(dir, band_middle(i)))
        .collect();
    let order = stack_order(&anchors);
    let ends = leader_ends(&labels, &order, &heights, col_x, top);
    let mut placed: Vec<Option<ThemeLabel>> = vec![None; t];
    let mut y = top;
    let mut labels: Vec<Option<Label>> = labels.into_iter().map(Some).collect();
    for (k, &i) in order.iter().enumerate() {
        if let Some(label) = labels.get_mut(i).and_then(Option::take) {
            placed[i] = Some(ThemeLabel {
                label: label.at(col_x, y),
                anchor: anchors[i],
                leader_end: ends[k],
            });
        }
        y += heights[i] + STACK_GAP;
    }
    placed.into_iter().flatten().collect()
}

/// Top-to-bottom order of the labels: by their anchor's height, so leader
/// lines do not cross; rings at the same height stay outermost first.
fn stack_order(anchors: &[Point]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..anchors.len()).collect();
    crate::order::sort_by(&mut order, |&a, &b| {
        let (ya, yb) = ((anchors[a].y * 1e6).round(), (anchors[b].y * 1e6).round());
        ya.total_cmp(&yb).then(a.cmp(&b))
    });
    order
}

/// Where each leader line ends (in stack order) when the stack's top is `top`:
/// beside the middle of the label's first line.
fn leader_ends(
    labels: &[Label],
    order: &[usize],
    heights: &[f64],
    col_x: f64,
    top: f64,
) -> Vec<Point> {
    let mut y = top;
    order
        .iter()
        .map(|&i| {
            let size = labels[i].font_size;
            let p = Point::new(col_x - LEADER_GAP, y + size * 0.6);
            y += heights[i] + STACK_GAP;
            p
        })
        .collect()
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
    Legend { title, items, bbox }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(texts: &[&str]) -> Vec<Label> {
        texts
            .iter()
            .map(|t| Label::new("t", t, 16.0, Weight::Regular, 200.0, Anchor::Start))
            .collect()
    }

    #[test]
    fn theme_labels_stack_without_overlap_and_leaders_do_not_cross() {
        let radii = [300.0, 225.0, 150.0, 75.0];
        let placed = place_theme_labels(
            labels(&["One", "Two two two two two two two two", "Three", "Four"]),
            &radii,
            6,
            500.0,
            &[],
        );
        assert_eq!(placed.len(), 4);
        for (i, a) in placed.iter().enumerate() {
            assert_eq!(a.label.bbox.x, 500.0);
            assert!(a.leader_end.x < 500.0);
            for b in &placed[i + 1..] {
                assert!(!a.label.bbox.overlaps(&b.label.bbox, 0.0));
                assert!(!segments_cross(
                    a.anchor,
                    a.leader_end,
                    b.anchor,
                    b.leader_end
                ));
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
    fn leader_lines_avoid_an_obstacle_when_they_can() {
        let radii = [300.0, 150.0];
        let wall = Rect::new(300.0, -40.0, 150.0, 80.0);
        let placed = place_theme_labels(labels(&["Outer", "Inner"]), &radii, 6, 500.0, &[wall]);
        for p in &placed {
            assert!(!segment_hits_rect(p.anchor, p.leader_end, &wall));
        }
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
        };
        let legend = place_legend(&spec, 10.0, 20.0);
        assert_eq!(legend.items.len(), 5);
        let mut boxes = vec![legend.title.bbox];
        for it in &legend.items {
            boxes.push(it.swatch);
            boxes.push(it.label.bbox);
        }
        for (i, a) in boxes.iter().enumerate() {
            assert!(legend.bbox.contains_rect(a));
            for b in &boxes[i + 1..] {
                assert!(!a.overlaps(b, 0.0), "{a:?} {b:?}");
            }
        }
    }
}
