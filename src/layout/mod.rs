//! Geometry of the diagram: concentric polygons, cells, axes, labels and the
//! legend, computed from a framework alone (plus, optionally, what the legend
//! says) so that native code and Wasm agree to the bit.
//!
//! Everything is serde data, for anyone who wants to draw the diagram their own
//! way. Coordinates are SVG user units with the centre of the polygons at the
//! origin and y growing downwards; [`Layout::view_box`] frames all of it.

pub mod axis;
pub mod cell;
pub mod column;
mod font_table;
pub mod geom;
pub mod labels;
mod memo;
mod narrow;
pub mod polygon;
pub mod ring_text;
pub mod text;

pub use axis::{Axis, AxisKind};
pub use cell::{CellShape, ValueSlot};
pub use column::{Legend, LegendEntry, LegendItem, LegendSpec, ThemeLabel};
pub use geom::{Point, Rect};
pub use labels::{Anchor, Label, TextLine};
pub use polygon::RingPolygon;

use crate::model::Framework;
use serde::Serialize;
use text::Weight;

/// Font size of player labels (user units).
pub const PLAYER_FONT: f64 = 17.0;
/// Player labels wrap at this width.
pub const PLAYER_WRAP: f64 = 180.0;
/// Font size of theme labels.
pub const THEME_FONT: f64 = 16.0;
/// Theme labels wrap at this width.
pub const THEME_WRAP: f64 = 240.0;
/// Largest and smallest font size of the scores inside cells.
pub const VALUE_FONT_MAX: f64 = 18.0;
pub const VALUE_FONT_MIN: f64 = 9.0;
/// Space between the rightmost player label and the column.
const COLUMN_GAP: f64 = 56.0;
/// Space between the theme labels and the legend below them.
const LEGEND_GAP: f64 = 32.0;
/// The size of a wide title block's second line (its title is larger).
const CAPTION_FONT: f64 = 16.0;
/// Space between a title block and the diagram.
const CAPTION_GAP: f64 = 20.0;
/// Space around everything inside the view box.
const PADDING: f64 = 16.0;

/// How labels and legend are arranged around the polygons. In all of them
/// the theme names sit on their rings when they fit there. `wide` sets the
/// rest beside the drawing (screens); `square` keeps everything inside the
/// drawing's own square, the legend in a corner (slides, posters, the
/// presenter's half screen); `narrow` sets names and legend below it with
/// short keys in the drawing (phones, narrow embeds), so the drawing can take
/// the whole width and its text still reads at 12 CSS px on a 320 px screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LayoutKind {
    #[default]
    Wide,
    Square,
    Narrow,
}

impl LayoutKind {
    pub const ALL: [LayoutKind; 3] = [LayoutKind::Wide, LayoutKind::Square, LayoutKind::Narrow];

    pub fn as_str(self) -> &'static str {
        match self {
            LayoutKind::Wide => "wide",
            LayoutKind::Square => "square",
            LayoutKind::Narrow => "narrow",
        }
    }

    fn is_wide(&self) -> bool {
        *self == LayoutKind::Wide
    }
}

impl std::str::FromStr for LayoutKind {
    type Err = String;
    fn from_str(s: &str) -> Result<LayoutKind, String> {
        match s {
            "wide" => Ok(LayoutKind::Wide),
            "square" => Ok(LayoutKind::Square),
            "narrow" => Ok(LayoutKind::Narrow),
            other => Err(format!(
                "unknown layout \"{other}\" (known: wide, square, narrow)"
            )),
        }
    }
}

/// The whole diagram's geometry.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Layout {
    /// Left out of the JSON for `wide`, which was the only layout once.
    #[serde(skip_serializing_if = "LayoutKind::is_wide")]
    pub kind: LayoutKind,
    /// `[min_x, min_y, width, height]`, whole numbers.
    pub view_box: [f64; 4],
    /// Circumradius of the outermost polygon; the centre is the origin.
    pub radius: f64,
    /// One polygon per theme, outermost first.
    pub polygons: Vec<RingPolygon>,
    /// One cell per (theme, player): themes outermost first, then players
    /// clockwise from the top (the order of [`crate::scores::cell_scores`]).
    pub cells: Vec<CellShape>,
    pub axes: Vec<Axis>,
    /// One per player, in framework order.
    pub player_labels: Vec<Label>,
    /// One per theme, in framework order.
    pub theme_labels: Vec<ThemeLabel>,
    pub legend: Option<Legend>,
    /// The short keys in the drawing and again before each name in the lists:
    /// in `narrow` a number per player and a letter per ring; in `wide` and
    /// `square` a letter per ring whose name is left off it, when those names
    /// cannot each have a leader line of their own.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<Label>,
    /// The title block above everything, when one was added.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub caption: Vec<Label>,
}

impl Layout {
    /// Every label's box: players, themes, cell scores, legend title and items.
    pub fn label_boxes(&self) -> Vec<Rect> {
        let mut out: Vec<Rect> = self.player_labels.iter().map(|l| l.bbox).collect();
        for t in &self.theme_labels {
            out.push(Rect::bounding(&t.quad()));
        }
        for c in &self.cells {
            out.push(c.value.bbox);
        }
        out.extend(self.keys.iter().map(|k| k.bbox));
        out.extend(self.caption.iter().map(|k| k.bbox));
        if let Some(l) = &self.legend {
            out.push(l.title.bbox);
            for it in &l.items {
                out.push(it.swatch);
                out.push(it.label.bbox);
            }
            out.extend(l.note.as_ref().map(|n| n.bbox));
        }
        out
    }

    /// The size of the smallest text drawn, in user units.
    pub fn smallest_text(&self) -> f64 {
        let mut least = f64::INFINITY;
        for l in self
            .player_labels
            .iter()
            .chain(&self.keys)
            .chain(&self.caption)
        {
            least = least.min(l.font_size);
        }
        for t in &self.theme_labels {
            least = least.min(t.label.font_size);
        }
        for c in &self.cells {
            least = least.min(c.value.font_size);
        }
        if let Some(l) = &self.legend {
            least = least.min(l.title.font_size);
            for i in &l.items {
                least = least.min(i.label.font_size);
            }
            if let Some(n) = &l.note {
                least = least.min(n.font_size);
            }
        }
        least
    }

    /// How large the drawing is shown in a room of `width` × `height` CSS
    /// px (a height of 0 or less sets no limit): CSS px per user unit.
    pub fn scale_in(&self, width: f64, height: f64) -> f64 {
        let [_, _, w, h] = self.view_box;
        let scale = width / w;
        if height > 0.0 {
            scale.min(height / h)
        } else {
            scale
        }
    }

    /// Sets a title block, a bold `title` and then `text`, above everything
    /// (wrapped to the view box's width) and grows the view box upwards to
    /// hold it.
    pub fn add_caption(&mut self, title: &str, text: &str) {
        let (big, small) = match self.kind {
            LayoutKind::Wide | LayoutKind::Square => (CAPTION_FONT + 6.0, CAPTION_FONT),
            LayoutKind::Narrow => (narrow::FONT + 4.0, narrow::FONT),
        };
        // Above what is drawn (a square view box may have room to spare
        // above it), then squared again.
        let outer = self.polygons.first().map(|p| p.points.as_slice());
        let content = self
            .label_boxes()
            .iter()
            .fold(Rect::bounding(outer.unwrap_or_default()), |a, b| a.union(b));
        let [x, y, w, h] = view_box(&content);
        // A quarter of the width to spare: a reader's text spacing (WCAG
        // 1.4.12) widens lines by about that much, and it starts at the left.
        let wrap = ((w - 2.0 * PADDING) * 0.75).max(big * 4.0);
        let title = Label::new(
            "caption-title",
            title,
            big,
            Weight::Bold,
            wrap,
            Anchor::Start,
        );
        let text = Label::new(
            "caption-text",
            text,
            small,
            Weight::Regular,
            wrap,
            Anchor::Start,
        );
        let grow = (title.bbox.height + 4.0 + text.bbox.height + CAPTION_GAP).ceil();
        let top = y - grow + PADDING;
        let text = text.at(x + PADDING, top + title.bbox.height + 4.0);
        self.caption = vec![title.at(x + PADDING, top), text];
        self.view_box = [x, y - grow, w, h + grow];
        if self.kind == LayoutKind::Square {
            squared(&mut self.view_box);
        }
    }
}

/// Lays out a framework without a legend.
pub fn layout(framework: &Framework) -> Layout {
    layout_with(framework, None)
}

/// The outer circumradius for `themes` rings: bands never thinner than 75.
pub fn outer_radius(themes: usize) -> f64 {
    (75.0 * themes as f64).max(300.0)
}

/// Lays out a framework and, below the theme labels, a legend.
pub fn layout_with(framework: &Framework, legend: Option<&LegendSpec>) -> Layout {
    layout_as(framework, legend, LayoutKind::Wide)
}

/// Lays out a framework and a legend in the given arrangement.
pub fn layout_as(framework: &Framework, legend: Option<&LegendSpec>, kind: LayoutKind) -> Layout {
    memo::remembered(framework, legend, kind, || lay_out(framework, legend, kind))
}

fn lay_out(framework: &Framework, legend: Option<&LegendSpec>, kind: LayoutKind) -> Layout {
    let players = &framework.players;
    let themes = &framework.themes;
    // Fewer than three players cannot make a polygon; draw a triangle's worth
    // of geometry and cells for the players there are.
    let n = players.len().max(3);
    let radius = outer_radius(themes.len());
    let radii = match kind {
        LayoutKind::Narrow => narrow::radii(themes.len(), radius),
        _ => polygon::radii(themes.len(), radius),
    };

    let polygons = themes
        .iter()
        .zip(&radii)
        .map(|(t, &r)| RingPolygon {
            theme: t.id.clone(),
            radius: r,
            points: polygon::regular_polygon(n, r),
        })
        .collect();

    let value_max = match kind {
        LayoutKind::Narrow => narrow::VALUE_FONT_MAX,
        _ => VALUE_FONT_MAX,
    };
    let cells = layout_cells(framework, n, &radii, value_max);
    let axes = axis::axes(players, radius);
    if kind == LayoutKind::Narrow {
        let placed = narrow::arrange(framework, legend, n, &radii, &cells);
        return Layout {
            kind,
            view_box: view_box(&placed.extent),
            radius,
            polygons,
            cells,
            axes,
            player_labels: placed.players,
            theme_labels: placed.themes,
            legend: placed.legend,
            keys: placed.keys,
            caption: Vec::new(),
        };
    }

    let player_labels = players
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let anchor = labels::side_anchor(polygon::vertex_direction(k, n));
            Label::new(
                &p.id,
                &p.label,
                PLAYER_FONT,
                Weight::Regular,
                PLAYER_WRAP,
                anchor,
            )
        })
        .collect();
    let player_labels = labels::place_player_labels(player_labels, n, radius);

    let outer_points = polygon::regular_polygon(n, radius);
    let mut extent = Rect::bounding(&outer_points);
    for l in &player_labels {
        extent = extent.union(&l.bbox);
    }
    // Names on their rings where they fit; the rest in a column on the right,
    // beyond every player label (wide) or as close as each height allows
    // (square).
    // One per theme, in framework order.
    let mut slots: Vec<Option<ThemeLabel>> = Vec::with_capacity(themes.len());
    let mut quads: Vec<[Point; 4]> = Vec::new();
    let mut column_names: Vec<(usize, Label)> = Vec::new();
    for (i, t) in themes.iter().enumerate() {
        let placed = ring_text::place(t, i, &radii, n, THEME_FONT, &cells);
        if let Some(p) = &placed {
            quads.push(p.quad());
        }
        let left = placed.is_none();
        slots.push(placed);
        if left {
            column_names.push((
                i,
                Label::new(
                    &t.id,
                    &t.label,
                    THEME_FONT,
                    Weight::Regular,
                    THEME_WRAP,
                    Anchor::Start,
                ),
            ));
        }
    }
    let mut obstacles: Vec<Rect> = Vec::with_capacity(player_labels.len());
    for l in &player_labels {
        obstacles.push(l.bbox);
    }
    let wide_x = extent.right() + COLUMN_GAP;
    let square_x = |top: f64, bottom: f64| {
        let (top, bottom) = (top - LEGEND_GAP, bottom + LEGEND_GAP);
        let mut x = slab_right(&outer_points, top, bottom);
        for l in &obstacles {
            if l.bottom() > top && l.y < bottom {
                x = x.max(l.right());
            }
        }
        x + COLUMN_GAP
    };
    let beside = |_: f64, _: f64| wide_x;
    let col_x: &dyn Fn(f64, f64) -> f64 = match kind {
        LayoutKind::Square => &square_x,
        _ => &beside,
    };
    let mut column_rings: Vec<usize> = Vec::with_capacity(column_names.len());
    for (i, _) in &column_names {
        column_rings.push(*i);
    }
    // Leaders keep clear of the names on rings and of the scores too.
    let mut in_drawing = quads.clone();
    for c in &cells {
        in_drawing.push(c.value.bbox.corners());
    }
    let (mut in_column, clashes) =
        column::place_theme_labels(&column_names, &radii, n, col_x, &obstacles, &in_drawing);
    let mut keys = Vec::new();
    // The square keeps whichever column is narrower.
    let right = |names: &[ThemeLabel], keys: &[Label]| {
        let names = names.iter().map(|t| t.label.bbox.right());
        names
            .chain(keys.iter().map(|k| k.bbox.right()))
            .fold(f64::NEG_INFINITY, f64::max)
    };
    if clashes > 0 || (kind == LayoutKind::Square && !in_column.is_empty()) {
        // No leader of its own for every name, clear of every label (more
        // names than lines out, or labels in the way): a letter on each of
        // those rings instead, repeated before its name in the column, as
        // the narrow layout keys them. In the square that can also keep the
        // names closer, where clear leaders would have to go round a label.
        let mut taken: Vec<Rect> = cells.iter().map(|c| c.value.bbox).collect();
        taken.extend(quads.iter().map(|q| Rect::bounding(q)));
        let rings: Vec<(usize, &str)> = column_names
            .iter()
            .map(|(i, l)| (*i, l.id.as_str()))
            .collect();
        let ring_keys = narrow::ring_keys(&rings, &radii, n, THEME_FONT, &mut taken);
        let top = -radius;
        let height = column::keyed(&column_names, &ring_keys, 0.0, top)
            .0
            .iter()
            .fold(top, |b, t| b.max(t.label.bbox.bottom()));
        let (names, listed) = column::keyed(&column_names, &ring_keys, col_x(top, height), top);
        if clashes > 0 || right(&names, &listed) < right(&in_column, &[]) {
            in_column = names;
            keys = ring_keys.into_iter().map(|(k, _)| k).collect();
            keys.extend(listed);
        }
    }
    for t in &in_column {
        extent = extent.union(&t.label.bbox);
    }
    for k in &keys {
        extent = extent.union(&k.bbox);
    }
    let legend = legend.map(|spec| match kind {
        LayoutKind::Square => {
            let mut taken: Vec<Rect> = obstacles.clone();
            taken.extend(keys.iter().map(|k| k.bbox));
            let mut leaders: Vec<Vec<Point>> = Vec::new();
            for t in &in_column {
                taken.push(t.label.bbox);
                leaders.push(t.leader());
            }
            in_corner(
                spec,
                &polygon::regular_polygon(n, radius + LEGEND_GAP / 2.0),
                &taken,
                &leaders,
                &extent,
            )
        }
        _ => {
            let mut top = -radius;
            for t in &in_column {
                top = top.max(t.label.bbox.bottom() + LEGEND_GAP);
            }
            column::place_legend(spec, wide_x, top)
        }
    });
    if let Some(l) = &legend {
        extent = extent.union(&l.bbox);
    }
    for (i, t) in column_rings.into_iter().zip(in_column) {
        slots[i] = Some(t);
    }
    let mut view_box = view_box(&extent);
    if kind == LayoutKind::Square {
        squared(&mut view_box);
    }
    Layout {
        kind,
        view_box,
        radius,
        polygons,
        cells,
        axes,
        player_labels,
        theme_labels: slots.into_iter().flatten().collect(),
        legend,
        keys,
        caption: Vec::new(),
    }
}

/// The rightmost x of the convex polygon between the heights `top` and
/// `bottom` (its leftmost point's x when it has none there).
fn slab_right(poly: &[Point], top: f64, bottom: f64) -> f64 {
    let n = poly.len();
    let mut x = f64::NEG_INFINITY;
    for k in 0..n {
        let (a, b) = (poly[k], poly[(k + 1) % n]);
        if a.y >= top && a.y <= bottom {
            x = x.max(a.x);
        }
        for y in [top, bottom] {
            if (a.y - y) * (b.y - y) < 0.0 {
                x = x.max(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y));
            }
        }
    }
    if x.is_finite() {
        x
    } else {
        poly.iter().map(|p| p.x).fold(f64::INFINITY, f64::min)
    }
}

/// The legend in the bottom right corner of `extent`, moved right and down
/// as little as it takes to clear the polygon `keep_off`, the boxes `taken`
/// and the leader lines: of the places that do, the one that leaves the
/// smallest square around everything.
fn in_corner(
    spec: &LegendSpec,
    keep_off: &[Point],
    taken: &[Rect],
    leaders: &[Vec<Point>],
    extent: &Rect,
) -> Legend {
    let size = column::place_legend(spec, 0.0, 0.0).bbox;
    let (x0, y0) = (extent.right() - size.width, extent.bottom() - size.height);
    let clear = |r: &Rect| {
        !geom::rect_overlaps_convex(r, keep_off)
            && !taken.iter().any(|t| t.overlaps(r, labels::LABEL_MARGIN))
            && !leaders.iter().any(|l| {
                l.windows(2).any(|s| {
                    geom::segment_to_polygon(s[0], s[1], &r.corners()) < column::LEADER_CLEARANCE
                })
            })
    };
    const STEP: f64 = 8.0;
    let mut best: Option<(f64, f64, f64)> = None;
    for i in 0..=60 {
        for j in 0..=60 {
            let (x, y) = (x0 + i as f64 * STEP, y0 + j as f64 * STEP);
            let r = Rect::new(x + size.x, y + size.y, size.width, size.height);
            if !clear(&r) {
                continue;
            }
            let all = extent.union(&r);
            let side = all.width.max(all.height) + (i + j) as f64 * 1e-3;
            if best.map_or(true, |(s, _, _)| side < s) {
                best = Some((side, x, y));
            }
        }
    }
    // Far out on the diagonal it meets nothing (a bounded walk).
    let (mut x, mut y) = best.map_or((x0, y0), |(_, x, y)| (x, y));
    for _ in 0..100_000 {
        if best.is_some() || clear(&Rect::new(x + size.x, y + size.y, size.width, size.height)) {
            break;
        }
        x += STEP;
        y += STEP;
    }
    column::place_legend(spec, x, y)
}

/// Grows the shorter side of a view box, on both sides alike, to make it
/// square.
fn squared(vb: &mut [f64; 4]) {
    let [_, _, w, h] = *vb;
    let grow = (w - h).abs();
    let lo = (grow / 2.0).floor();
    if w > h {
        vb[1] -= lo;
        vb[3] = w;
    } else {
        vb[0] -= lo;
        vb[2] = h;
    }
}

/// The view box around `extent` with padding, in whole numbers.
fn view_box(extent: &Rect) -> [f64; 4] {
    let x0 = (extent.x - PADDING).floor();
    let y0 = (extent.y - PADDING).floor();
    [
        x0,
        y0,
        (extent.right() + PADDING).ceil() - x0,
        (extent.bottom() + PADDING).ceil() - y0,
    ]
}

/// The cells and where their scores go: one font size for every score, the
/// largest at which all of them fit.
fn layout_cells(framework: &Framework, n: usize, radii: &[f64], max: f64) -> Vec<CellShape> {
    let mut shapes: Vec<(String, String, usize, f64, f64, Vec<geom::Point>)> = Vec::new();
    for (i, theme) in framework.themes.iter().enumerate() {
        let outer = radii[i];
        let inner = radii.get(i + 1).copied().unwrap_or(0.0);
        for (p, player) in framework.players.iter().enumerate() {
            shapes.push((
                theme.id.clone(),
                player.id.clone(),
                p,
                outer,
                inner,
                cell::cell_points(p, n, outer, inner),
            ));
        }
    }
    let fit_all = |size: f64| -> Option<Vec<ValueSlot>> {
        let mut slots = Vec::with_capacity(shapes.len());
        for (_, _, p, outer, inner, pts) in &shapes {
            slots.push(cell::fit_value(pts, *p, n, *outer, *inner, size)?);
        }
        Some(slots)
    };
    let mut size = max;
    let slots = loop {
        if let Some(s) = fit_all(size) {
            break s;
        }
        if size <= VALUE_FONT_MIN {
            // Too small for any score: put them in the band middles anyway.
            break shapes
                .iter()
                .map(|(_, _, p, outer, inner, _)| {
                    let d = polygon::vertex_direction(*p, n);
                    let r = if *inner > 0.0 {
                        (outer + inner) / 2.0
                    } else {
                        outer * 0.55
                    };
                    cell::slot(Point::new(d.x * r, d.y * r), size)
                })
                .collect();
        }
        size -= 1.0;
    };
    shapes
        .into_iter()
        .zip(slots)
        .map(|((theme, player, _, _, _, points), value)| CellShape {
            theme,
            player,
            points,
            value,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Item;

    #[test]
    fn the_standard_framework_has_24_cells_in_score_order() {
        let l = layout(&crate::framework::standard());
        assert_eq!(l.cells.len(), 24);
        assert_eq!(l.polygons.len(), 4);
        assert_eq!(l.player_labels.len(), 6);
        assert_eq!(l.theme_labels.len(), 4);
        assert_eq!(l.axes.len(), 3);
        assert_eq!(
            (l.cells[7].theme.as_str(), l.cells[7].player.as_str()),
            ("integration", "procurement")
        );
        for c in &l.cells {
            assert_eq!(c.value.font_size, VALUE_FONT_MAX);
        }
    }

    #[test]
    fn everything_is_inside_the_view_box() {
        let l = layout_with(
            &crate::framework::standard(),
            Some(&LegendSpec {
                title: "Current level".into(),
                items: vec![LegendEntry {
                    key: "level-0".into(),
                    text: "0 Absent".into(),
                }],
                note: None,
            }),
        );
        let [x, y, w, h] = l.view_box;
        let vb = Rect::new(x, y, w, h);
        for b in l.label_boxes() {
            assert!(vb.contains_rect(&b), "{b:?}");
        }
        assert!(vb.contains_rect(&Rect::bounding(&l.polygons[0].points)));
    }

    #[test]
    fn degenerate_frameworks_do_not_panic() {
        let empty = Framework {
            players: vec![],
            themes: vec![],
        };
        assert!(layout(&empty).cells.is_empty());
        let two = Framework {
            players: vec![Item::new("a", "A"), Item::new("b", "B")],
            themes: vec![Item::new("t", "T")],
        };
        assert_eq!(layout(&two).cells.len(), 2);
    }

    #[test]
    fn layout_serializes_with_camel_case_keys() {
        let json = serde_json::to_value(layout(&crate::framework::standard())).unwrap();
        for key in [
            "viewBox",
            "polygons",
            "cells",
            "axes",
            "playerLabels",
            "themeLabels",
        ] {
            assert!(json.get(key).is_some(), "{key}");
        }
    }
}
