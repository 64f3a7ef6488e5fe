//! The layout's promises for any framework of 3–12 players and 1–8 themes,
//! in every arrangement (wide, square, narrow): cells tile the outer polygon,
//! no label overlaps another, everything stays in the view box, a name set on
//! its ring stays within its band, no leader line runs through a cell, every
//! leader keeps its own path, clear of the other labels and leaders, and the
//! same framework always gives the same layout.

use proptest::prelude::*;
use workforce_ecosystem::framework;
use workforce_ecosystem::layout::column::LEADER_CLEARANCE;
use workforce_ecosystem::layout::geom::{
    area, convex_overlap, distance_to_segment, point_in_polygon, rect_in_polygon,
    rect_overlaps_convex, segment_to_polygon, segments_distance, Point,
};
use workforce_ecosystem::layout::{
    layout, layout_as, layout_with, Layout, LayoutKind, LegendEntry, LegendSpec, Rect,
};
use workforce_ecosystem::model::{Framework, Item};
use workforce_ecosystem::render::legend_spec;

fn numbered(n: usize, t: usize) -> Framework {
    Framework {
        players: (0..n)
            .map(|i| Item::new(&format!("p{i}"), &format!("Player {i}")))
            .collect(),
        themes: (0..t)
            .map(|i| Item::new(&format!("t{i}"), &format!("Theme {i}")))
            .collect(),
    }
}

fn view_box(l: &Layout) -> Rect {
    let [x, y, w, h] = l.view_box;
    Rect::new(x, y, w, h)
}

/// Whether the polyline runs through the inside of a cell (along a cell's
/// edge is fine: that is how leaders leave the rings).
fn crosses_a_cell(line: &[Point], l: &Layout) -> Option<String> {
    for w in line.windows(2) {
        for s in 1..64 {
            let f = s as f64 / 64.0;
            let p = Point::new(
                w[0].x + (w[1].x - w[0].x) * f,
                w[0].y + (w[1].y - w[0].y) * f,
            );
            for c in &l.cells {
                let n = c.points.len();
                let clear_of_edges = (0..n)
                    .all(|k| distance_to_segment(p, c.points[k], c.points[(k + 1) % n]) > 0.01);
                if clear_of_edges && point_in_polygon(p, &c.points) {
                    return Some(format!("{}/{} at {p:?}", c.theme, c.player));
                }
            }
        }
    }
    None
}

/// Every promise about labels, checked on one layout.
fn check_labels(l: &Layout) -> Result<(), String> {
    check(l)
}

/// The promises, leaders included: each clear of every other label and of
/// every other leader by [`LEADER_CLEARANCE`] (so no two share a line).
fn check(l: &Layout) -> Result<(), String> {
    let vb = view_box(l);
    let boxes = l.label_boxes();
    for (i, a) in boxes.iter().enumerate() {
        if !vb.contains_rect(a) {
            return Err(format!("label box {i} {a:?} leaves the view box {vb:?}"));
        }
    }
    // Names on rings are turned: compare the shapes their text takes.
    let mut shapes: Vec<[Point; 4]> = l.theme_labels.iter().map(|t| t.quad()).collect();
    shapes.extend(l.player_labels.iter().map(|p| p.bbox.corners()));
    shapes.extend(l.cells.iter().map(|c| c.value.bbox.corners()));
    shapes.extend(l.keys.iter().map(|k| k.bbox.corners()));
    shapes.extend(l.caption.iter().map(|k| k.bbox.corners()));
    if let Some(legend) = &l.legend {
        shapes.push(legend.title.bbox.corners());
        for it in &legend.items {
            shapes.push(it.swatch.corners());
            shapes.push(it.label.bbox.corners());
        }
        shapes.extend(legend.note.as_ref().map(|n| n.bbox.corners()));
    }
    for (i, a) in shapes.iter().enumerate() {
        for (j, b) in shapes.iter().enumerate().skip(i + 1) {
            if convex_overlap(a, b) {
                return Err(format!("labels {i} {a:?} and {j} {b:?} overlap"));
            }
        }
    }
    for (i, t) in l.theme_labels.iter().enumerate() {
        let line = t.leader();
        if let Some(cell) = crosses_a_cell(&line, l) {
            return Err(format!(
                "the leader of {} crosses the cell {cell}",
                t.label.id
            ));
        }
        for w in line.windows(2) {
            for (j, other) in shapes.iter().enumerate() {
                let d = segment_to_polygon(w[0], w[1], other);
                if j != i && d < LEADER_CLEARANCE {
                    return Err(format!(
                        "the leader of {} runs {d:.1} from label {j} {other:?}",
                        t.label.id
                    ));
                }
            }
            for u in l.theme_labels.iter().skip(i + 1) {
                for v in u.leader().windows(2) {
                    let d = segments_distance(w[0], w[1], v[0], v[1]);
                    if d < LEADER_CLEARANCE {
                        return Err(format!(
                            "the leaders of {} and {} run {d:.1} apart",
                            t.label.id, u.label.id
                        ));
                    }
                }
            }
        }
        if t.turn.is_some() {
            // Within its band: inside its polygon, clear of the next one in.
            let quad = t.quad();
            if !quad
                .iter()
                .all(|&p| point_in_polygon(p, &l.polygons[i].points))
            {
                return Err(format!("{} leaves its ring", t.label.id));
            }
            if let Some(inner) = l.polygons.get(i + 1) {
                if convex_overlap(&quad, &inner.points) {
                    return Err(format!("{} runs into the next ring", t.label.id));
                }
            }
        }
    }
    let outer = &l.polygons[0].points;
    if !vb.contains_rect(&Rect::bounding(outer)) {
        return Err("the diagram leaves the view box".into());
    }
    if l.kind == LayoutKind::Narrow {
        // Nothing beside the drawing: it is as wide as the view box allows.
        let drawing = l
            .keys
            .iter()
            .map(|k| k.bbox)
            .filter(|k| k.y < Rect::bounding(outer).bottom())
            .fold(Rect::bounding(outer), |a, k| a.union(&k));
        if drawing.width + 2.0 * 16.0 < vb.width - 2.0 {
            return Err(format!(
                "the view box {vb:?} is wider than the drawing {drawing:?}"
            ));
        }
        for k in &l.keys {
            if k.font_size < 26.0 {
                return Err(format!("key {} is small", k.id));
            }
        }
    }
    for p in &l.player_labels {
        if rect_overlaps_convex(&p.bbox, outer) {
            return Err(format!("player label {} lies on the diagram", p.id));
        }
    }
    for t in l.theme_labels.iter().filter(|t| t.turn.is_none()) {
        if rect_overlaps_convex(&t.label.bbox, outer) {
            return Err(format!("theme label {} lies on the diagram", t.label.id));
        }
    }
    if l.kind == LayoutKind::Square && (vb.width - vb.height).abs() > 1e-9 {
        return Err(format!("the square view box is {vb:?}"));
    }
    for c in &l.cells {
        if !rect_in_polygon(&c.value.bbox, &c.points) {
            return Err(format!(
                "the score of {}/{} leaves its cell",
                c.theme, c.player
            ));
        }
    }
    Ok(())
}

#[test]
fn cells_tile_the_outer_polygon_for_every_size() {
    for n in 3..=12 {
        for t in 1..=8 {
            let l = layout(&numbered(n, t));
            assert_eq!(l.cells.len(), n * t);
            let outer = &l.polygons[0].points;
            let total: f64 = l.cells.iter().map(|c| area(&c.points)).sum();
            let expected = area(outer);
            assert!(
                (total - expected).abs() < 1e-9 * expected,
                "n={n} t={t}: {total} vs {expected}"
            );
            // Samples on an off-grid lattice lie in exactly one cell, or none
            // when outside the polygon.
            let r = l.radius;
            for i in 0..23 {
                for j in 0..23 {
                    let p = workforce_ecosystem::layout::Point::new(
                        -r + 0.37 + i as f64 * r / 11.07,
                        -r + 0.53 + j as f64 * r / 11.03,
                    );
                    let hits = l
                        .cells
                        .iter()
                        .filter(|c| point_in_polygon(p, &c.points))
                        .count();
                    assert_eq!(
                        hits,
                        usize::from(point_in_polygon(p, outer)),
                        "n={n} t={t} {p:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_standard_layout_keeps_its_promises_with_every_legend() {
    let fw = framework::standard();
    let scale = workforce_ecosystem::model::Scale::default();
    for overlay in ["none", "current", "target", "gap"] {
        let spec = legend_spec(overlay.parse().unwrap(), &scale);
        for kind in LayoutKind::ALL {
            let l = layout_as(&fw, spec.as_ref(), kind);
            check_labels(&l).unwrap_or_else(|e| panic!("{kind:?} {overlay}: {e}"));
            assert_eq!(l.legend.is_some(), overlay != "none");
        }
    }
    // The two outer names are read on their rings.
    let l = layout_with(&fw, None);
    assert!(l.theme_labels[0].turn.is_some() && l.theme_labels[1].turn.is_some());
}

#[test]
fn the_same_framework_gives_the_same_layout() {
    let fw = numbered(7, 5);
    let a = serde_json::to_string(&layout(&fw)).unwrap();
    let b = serde_json::to_string(&layout(&fw.clone())).unwrap();
    assert_eq!(a, b);
}

#[test]
fn eighty_character_labels_of_the_widest_glyphs_fit() {
    for n in [3, 6, 12] {
        let mut fw = numbered(n, 8);
        for p in &mut fw.players {
            p.label = "W".repeat(80);
        }
        for t in &mut fw.themes {
            t.label = "😀".repeat(80);
        }
        for kind in LayoutKind::ALL {
            check(&layout_as(&fw, None, kind)).unwrap();
        }
    }
}

#[test]
fn more_long_names_than_lines_out_are_keyed_by_letter() {
    // Three players leave one line out on the right, four and five two:
    // eight names too long for their rings cannot each have a leader.
    for n in [3, 4, 5] {
        let mut fw = numbered(n, 8);
        for (i, t) in fw.themes.iter_mut().enumerate() {
            t.label = format!("Theme {i} ").repeat(10).chars().take(80).collect();
        }
        for kind in [LayoutKind::Wide, LayoutKind::Square] {
            let l = layout_as(&fw, None, kind);
            check(&l).unwrap_or_else(|e| panic!("{n} players, {kind:?}: {e}"));
            let keyed: Vec<_> = l.theme_labels.iter().filter(|t| t.turn.is_none()).collect();
            assert!(!keyed.is_empty());
            for t in keyed {
                assert!(t.leader().is_empty(), "{}", t.label.id);
                // Its letter on the ring and again before its name.
                let letters = l.keys.iter().filter(|k| k.id == t.label.id).count();
                assert_eq!(letters, 2, "{}", t.label.id);
            }
        }
    }
}

fn label_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z&]{1,12}( [A-Za-z&]{1,12}){0,6}",
        "[A-Za-z]{1,80}",
        "[WMm@ ]{1,80}",
        prop::collection::vec(any::<char>(), 0..=80).prop_map(|v| v.into_iter().collect()),
        "[\u{4e00}-\u{4e80}]{1,40}",
    ]
    .prop_map(|s: String| s.chars().take(80).collect())
}

fn arbitrary_framework() -> impl Strategy<Value = Framework> {
    (3usize..=12, 1usize..=8)
        .prop_flat_map(|(n, t)| {
            (
                prop::collection::vec(label_text(), n),
                prop::collection::vec(label_text(), t),
            )
        })
        .prop_map(|(players, themes)| Framework {
            players: players
                .iter()
                .enumerate()
                .map(|(i, l)| Item::new(&format!("p{i}"), l))
                .collect(),
            themes: themes
                .iter()
                .enumerate()
                .map(|(i, l)| Item::new(&format!("t{i}"), l))
                .collect(),
        })
}

/// The standard framework with 5 or 8 players.
fn players(n: usize) -> Framework {
    let mut fw = framework::standard();
    let names = [
        "Senior leaders",
        "Procurement",
        "Finance & legal",
        "Business unit leaders",
        "IT",
        "HR",
        "Facilities and workplace services",
        "Communications",
    ];
    fw.players = (0..n)
        .map(|i| Item::new(&format!("p{i}"), names[i % names.len()]))
        .collect();
    fw
}

#[test]
fn the_narrow_layout_keeps_its_promises_for_the_sample_and_five_and_eight_players() {
    let scale = workforce_ecosystem::model::Scale::default();
    let sample = framework::sample().framework;
    for fw in [
        sample,
        players(5),
        players(8),
        numbered(3, 1),
        numbered(12, 8),
    ] {
        for overlay in ["none", "current", "gap"] {
            let spec = legend_spec(overlay.parse().unwrap(), &scale);
            let l = layout_as(&fw, spec.as_ref(), LayoutKind::Narrow);
            check_labels(&l).unwrap_or_else(|e| panic!("{} players: {e}", fw.players.len()));
            // Labels and legend are below the drawing, keys are in it.
            let bottom = Rect::bounding(&l.polygons[0].points).bottom();
            for p in &l.player_labels {
                assert!(p.bbox.y > bottom, "{}", p.id);
            }
            for t in &l.theme_labels {
                assert!(t.label.bbox.y > bottom, "{}", t.label.id);
            }
            if let Some(legend) = &l.legend {
                assert!(legend.bbox.y > bottom);
            }
            assert_eq!(l.keys.len(), 2 * (fw.players.len() + fw.themes.len()));
        }
    }
}

#[test]
fn the_sample_and_five_and_eight_players_keep_their_promises_in_every_layout() {
    let scale = workforce_ecosystem::model::Scale::default();
    for fw in [framework::sample().framework, players(5), players(8)] {
        for overlay in ["none", "current", "gap"] {
            let spec = legend_spec(overlay.parse().unwrap(), &scale);
            for kind in LayoutKind::ALL {
                let l = layout_as(&fw, spec.as_ref(), kind);
                check_labels(&l).unwrap_or_else(|e| {
                    panic!("{} players, {kind:?}, {overlay}: {e}", fw.players.len())
                });
            }
        }
    }
}

#[test]
fn the_square_layout_keeps_everything_in_the_drawings_square() {
    // Beside the drawing, the wide layout's legend makes it wider than high;
    // the square one sets it in a corner instead.
    let spec = legend_spec("current".parse().unwrap(), &Default::default());
    let fw = framework::sample().framework;
    let wide = layout_as(&fw, spec.as_ref(), LayoutKind::Wide);
    let square = layout_as(&fw, spec.as_ref(), LayoutKind::Square);
    assert!(
        wide.view_box[2] > wide.view_box[3] * 1.2,
        "{:?}",
        wide.view_box
    );
    assert_eq!(square.view_box[2], square.view_box[3]);
    assert!(
        square.view_box[2] < wide.view_box[2],
        "{:?}",
        square.view_box
    );
}

#[test]
fn the_sample_reads_at_12_css_px_on_a_320_px_phone() {
    // The page draws the narrow diagram across the screen less 8 px a side.
    let spec = legend_spec("current".parse().unwrap(), &Default::default());
    let l = layout_as(
        &framework::sample().framework,
        spec.as_ref(),
        LayoutKind::Narrow,
    );
    let scale = (320.0 - 16.0) / l.view_box[2];
    let mut sizes: Vec<f64> = l.player_labels.iter().map(|p| p.font_size).collect();
    sizes.extend(l.theme_labels.iter().map(|t| t.label.font_size));
    sizes.extend(l.keys.iter().map(|k| k.font_size));
    sizes.extend(l.cells.iter().map(|c| c.value.font_size));
    let legend = l.legend.as_ref().unwrap();
    sizes.push(legend.title.font_size);
    sizes.extend(legend.items.iter().map(|i| i.label.font_size));
    for s in sizes {
        assert!(s * scale >= 12.0, "{s} units are {} px", s * scale);
    }
}

#[test]
fn a_caption_sits_above_everything_inside_the_view_box() {
    for kind in LayoutKind::ALL {
        let mut l = layout_as(&framework::sample().framework, None, kind);
        let before = l.view_box;
        l.add_caption(
            &"Harbourline Group ".repeat(12),
            "Current levels · All units · 3 December 2026",
        );
        check_labels(&l).unwrap();
        assert!(l.view_box[1] < before[1]);
        if kind == LayoutKind::Square {
            // As tall or taller, so as wide (check_labels holds it square),
            // grown on both sides alike.
            assert!(l.view_box[3] >= before[3]);
            let (left, right) = (
                before[0] - l.view_box[0],
                l.view_box[0] + l.view_box[2] - before[0] - before[2],
            );
            assert!(left >= 0.0 && (left - right).abs() <= 1.0, "{left} {right}");
        } else {
            assert_eq!(l.view_box[2], before[2]);
        }
        // The title block heads everything else.
        let below = l.caption[1].bbox.bottom();
        let boxes = l.label_boxes();
        let under = boxes.iter().filter(|b| b.y > below).count();
        assert_eq!(under, boxes.len() - 2, "only the caption is at the top");
        assert!(Rect::bounding(&l.polygons[0].points).y > below);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn random_frameworks_and_labels_never_overlap_or_leave_the_view_box(
        fw in arbitrary_framework(),
        legend_items in prop::collection::vec(label_text(), 0..7),
        legend_title in label_text(),
        note in prop::option::of(label_text()),
        kind in prop::sample::select(LayoutKind::ALL.to_vec()),
    ) {
        let spec = LegendSpec {
            title: legend_title,
            items: legend_items
                .into_iter()
                .enumerate()
                .map(|(i, text)| LegendEntry { key: format!("level-{i}"), text })
                .collect(),
            note,
        };
        let l = layout_as(&fw, Some(&spec), kind);
        prop_assert_eq!(l.cells.len(), fw.players.len() * fw.themes.len());
        if let Err(e) = check(&l) {
            prop_assert!(false, "{}", e);
        }
    }
}
