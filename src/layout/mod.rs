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
pub mod polygon;
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
/// Space around everything inside the view box.
const PADDING: f64 = 16.0;

/// The whole diagram's geometry.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Layout {
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
}

impl Layout {
    /// Every label's box: players, themes, cell scores, legend title and items.
    pub fn label_boxes(&self) -> Vec<Rect> {
        let mut out: Vec<Rect> = self.player_labels.iter().map(|l| l.bbox).collect();
        for t in &self.theme_labels {
            out.push(t.label.bbox);
        }
        for c in &self.cells {
            out.push(c.value.bbox);
        }
        if let Some(l) = &self.legend {
            out.push(l.title.bbox);
            for it in &l.items {
                out.push(it.swatch);
                out.push(it.label.bbox);
            }
        }
        out
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
    let players = &framework.players;
    let themes = &framework.themes;
    // Fewer than three players cannot make a polygon; draw a triangle's worth
    // of geometry and cells for the players there are.
    let n = players.len().max(3);
    let radius = outer_radius(themes.len());
    let radii = polygon::radii(themes.len(), radius);

    let polygons = themes
        .iter()
        .zip(&radii)
        .map(|(t, &r)| RingPolygon {
            theme: t.id.clone(),
            radius: r,
            points: polygon::regular_polygon(n, r),
        })
        .collect();

    let cells = layout_cells(framework, n, &radii);
    let axes = axis::axes(players, radius);

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
    let col_x = extent.right() + COLUMN_GAP;
    let mut obstacles: Vec<Rect> = player_labels.iter().map(|l| l.bbox).collect();
    for c in &cells {
        obstacles.push(c.value.bbox);
    }
    let theme_labels = column::place_theme_labels(
        themes
            .iter()
            .map(|t| {
                Label::new(
                    &t.id,
                    &t.label,
                    THEME_FONT,
                    Weight::Regular,
                    THEME_WRAP,
                    Anchor::Start,
                )
            })
            .collect(),
        &radii,
        n,
        col_x,
        &obstacles,
    );
    for t in &theme_labels {
        extent = extent.union(&t.label.bbox);
    }
    let legend = legend.map(|spec| {
        let top = theme_labels
            .iter()
            .map(|t| t.label.bbox.bottom() + LEGEND_GAP)
            .fold(f64::NEG_INFINITY, f64::max);
        let top = if top.is_finite() { top } else { -radius };
        column::place_legend(spec, col_x, top)
    });
    if let Some(l) = &legend {
        extent = extent.union(&l.bbox);
    }
    let x0 = (extent.x - PADDING).floor();
    let y0 = (extent.y - PADDING).floor();
    let view_box = [
        x0,
        y0,
        (extent.right() + PADDING).ceil() - x0,
        (extent.bottom() + PADDING).ceil() - y0,
    ];
    Layout {
        view_box,
        radius,
        polygons,
        cells,
        axes,
        player_labels,
        theme_labels,
        legend,
    }
}

/// The cells and where their scores go: one font size for every score, the
/// largest at which all of them fit.
fn layout_cells(framework: &Framework, n: usize, radii: &[f64]) -> Vec<CellShape> {
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
    let mut size = VALUE_FONT_MAX;
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
