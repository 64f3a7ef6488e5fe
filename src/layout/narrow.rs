//! The `narrow` arrangement, for phones and narrow embeds: the drawing takes
//! the whole width, with a number outside each vertex and a letter in each
//! ring, and the names, then the legend, follow below it in lists that repeat
//! those keys. Nothing stands beside the polygons, so once the picture is
//! scaled to a 320 px screen its text is still about 12 CSS px.

use super::column::{self, Legend, LegendSpec, LegendStyle, ThemeLabel};
use super::geom::{cos_sin_turns, rect_in_polygon, Point, Rect};
use super::labels::{self, side_anchor, Anchor, Label};
use super::polygon::{direction, regular_polygon, vertex_direction};
use super::text::Weight;
use super::CellShape;
use crate::model::Framework;

/// The size of every text but the scores: at the width of a sample diagram
/// (about 600 units) on a 300 px wide drawing, 26 units are 13 CSS px.
pub const FONT: f64 = 26.0;
/// The scores may grow to this size where the cells have room.
pub const VALUE_FONT_MAX: f64 = 28.0;
/// Between a key and its name, between rows, and between the lists.
const KEY_GAP: f64 = 12.0;
const ROW_GAP: f64 = 6.0;
const SECTION_GAP: f64 = 28.0;
const LEGEND: LegendStyle = LegendStyle {
    title_size: FONT,
    size: FONT,
    wrap: 0.0,
    swatch: 30.0,
};

/// What the narrow arrangement places around the cells.
pub struct Placed {
    /// The names in the list below, one per player.
    pub players: Vec<Label>,
    /// The names in the list below, one per theme, each "anchored" at its
    /// ring's key (there are no leader lines).
    pub themes: Vec<ThemeLabel>,
    pub keys: Vec<Label>,
    pub legend: Option<Legend>,
    /// Everything placed, the polygons included.
    pub extent: Rect,
}

/// The centre polygon's least circumradius: scores set as large as the
/// lists' text need a centre this big; the other bands share the rest.
const CENTRE: f64 = 105.0;

/// The rings' circumradii, outermost first: equal bands, except that the
/// centre polygon is never smaller than [`CENTRE`].
pub fn radii(themes: usize, outer: f64) -> Vec<f64> {
    let equal = super::polygon::radii(themes, outer);
    let centre = (outer / themes.max(1) as f64).max(CENTRE).min(outer);
    if themes < 2 || equal.last().is_some_and(|&r| r >= centre) {
        return equal;
    }
    let band = (outer - centre) / (themes - 1) as f64;
    (0..themes).map(|i| outer - band * i as f64).collect()
}

fn key_label(id: &str, text: &str, anchor: Anchor) -> Label {
    sized_key(id, text, FONT, anchor)
}

/// A key in bold at `size`, on one line.
pub(super) fn sized_key(id: &str, text: &str, size: f64, anchor: Anchor) -> Label {
    Label::new(id, text, size, Weight::Bold, f64::INFINITY, anchor)
}

/// The key of ring `i`: A, B, C… (numbers past Z; frameworks stop at 8).
pub(super) fn ring_key(i: usize) -> String {
    match u8::try_from(i) {
        Ok(i) if i < 26 => char::from(b'A' + i).to_string(),
        _ => (i + 1).to_string(),
    }
}

/// Places the keys, the lists and the legend for `n` players (at least 3)
/// and rings of circumradii `radii` (outermost first).
pub fn arrange(
    framework: &Framework,
    legend: Option<&LegendSpec>,
    n: usize,
    radii: &[f64],
    cells: &[CellShape],
) -> Placed {
    let radius = radii.first().copied().unwrap_or(super::outer_radius(0));
    let outer = regular_polygon(n, radius);
    let player_keys: Vec<Label> = framework
        .players
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let anchor = side_anchor(vertex_direction(k, n));
            key_label(&p.id, &(k + 1).to_string(), anchor)
        })
        .collect();
    let mut keys = labels::place_player_labels(player_keys, n, radius);
    let mut extent = Rect::bounding(&outer);
    for k in &keys {
        extent = extent.union(&k.bbox);
    }

    let mut taken: Vec<Rect> = cells.iter().map(|c| c.value.bbox).collect();
    let rings: Vec<(usize, &str)> = framework
        .themes
        .iter()
        .enumerate()
        .map(|(i, t)| (i, t.id.as_str()))
        .collect();
    let mut ring_anchors = Vec::with_capacity(radii.len());
    for (key, spot) in ring_keys(&rings, radii, n, FONT, &mut taken) {
        keys.push(key);
        ring_anchors.push(spot);
    }

    // The lists: each name after its key, wrapped to the drawing's width.
    let x = extent.x;
    let width = extent.width;
    let mut y = extent.bottom() + SECTION_GAP;
    let mut list =
        |items: &[crate::model::Item], key_of: &dyn Fn(usize) -> String, keys: &mut Vec<Label>| {
            let key_labels: Vec<Label> = items
                .iter()
                .enumerate()
                .map(|(i, it)| key_label(&it.id, &key_of(i), Anchor::Start))
                .collect();
            let key_width = key_labels.iter().map(|k| k.bbox.width).fold(0.0, f64::max);
            let name_x = x + key_width + KEY_GAP;
            let wrap = (width - key_width - KEY_GAP).max(FONT * 4.0);
            let mut names = Vec::with_capacity(items.len());
            for (it, key) in items.iter().zip(key_labels) {
                let name = Label::new(
                    &it.id,
                    &it.label,
                    FONT,
                    Weight::Regular,
                    wrap,
                    Anchor::Start,
                )
                .at(name_x, y);
                let key = key.at(x, y);
                y = name.bbox.bottom().max(key.bbox.bottom()) + ROW_GAP;
                extent = extent.union(&name.bbox).union(&key.bbox);
                keys.push(key);
                names.push(name);
            }
            y += SECTION_GAP - ROW_GAP;
            names
        };
    let players = list(&framework.players, &|k| (k + 1).to_string(), &mut keys);
    let theme_names = list(&framework.themes, &ring_key, &mut keys);
    let themes = theme_names
        .into_iter()
        .zip(ring_anchors)
        .map(|(label, anchor)| ThemeLabel {
            label,
            anchor,
            leader_end: anchor,
            bends: Vec::new(),
            turn: None,
        })
        .collect();
    let legend = legend.map(|spec| {
        let style = LegendStyle {
            wrap: (width - LEGEND.swatch - 8.0).max(FONT * 4.0),
            ..LEGEND
        };
        column::place_legend_as(spec, x, y, &style)
    });
    if let Some(l) = &legend {
        extent = extent.union(&l.bbox);
    }
    Placed {
        players,
        themes,
        keys,
        legend,
        extent,
    }
}

/// The letters of the rings `rings` (`(ring, theme id)`) in bold at `size`,
/// each with its centre: where it meets no box of `taken` (to which it is
/// added) and stays inside the outer polygon, on a ray between two players'
/// cells (the top right one first), in the middle of the band if it can; the
/// centre is the last resort.
pub(super) fn ring_keys(
    rings: &[(usize, &str)],
    radii: &[f64],
    n: usize,
    size: f64,
    taken: &mut Vec<Rect>,
) -> Vec<(Label, Point)> {
    let radius = radii.first().copied().unwrap_or(super::outer_radius(0));
    let outer = regular_polygon(n, radius);
    let (cos_half, _) = cos_sin_turns(0.5 / n as f64);
    let mut out = Vec::with_capacity(rings.len());
    for &(i, id) in rings.iter().filter(|(i, _)| *i < radii.len()) {
        let key = sized_key(id, &ring_key(i), size, Anchor::Middle);
        let (w, h) = (key.bbox.width, key.bbox.height);
        let (o, inner) = (radii[i], radii.get(i + 1).copied().unwrap_or(0.0));
        let mut spots = Vec::new();
        for b in 0..n {
            let dir = direction((b as f64 + 0.5) / n as f64);
            for f in [0.5, 0.35, 0.65, 0.2, 0.8] {
                spots.push(Point::new(0.0, 0.0).offset(dir, (inner + (o - inner) * f) * cos_half));
            }
        }
        spots.push(Point::new(0.0, 0.0));
        let boxed = |c: Point| Rect::new(c.x - w / 2.0, c.y - h / 2.0, w, h);
        let free = |c: &Point| {
            let r = boxed(*c);
            rect_in_polygon(&r, &outer) && !taken.iter().any(|t| t.overlaps(&r, 2.0))
        };
        let spot = spots.iter().copied().find(free).unwrap_or(spots[0]);
        let r = boxed(spot);
        taken.push(r);
        out.push((key.at(r.x, r.y), spot));
    }
    out
}
