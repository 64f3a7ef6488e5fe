//! Builds the SVG document from the layout and the cell states.
//!
//! Drawing order: cells, ring outlines, axes, leader lines, the scores, then
//! labels and legend, so that no line is drawn over text. Every piece of model
//! text is cleaned and escaped by the [`SvgWriter`] as it is written.

use super::writer::{SvgWriter, TextLayout};
use super::xml::num;
use super::{cell_states, legend_spec, Overlay, RenderOptions, STYLESHEET};
use crate::layout::{self, Label, Layout, Point};
use crate::mapped::mapped;
use crate::model::Model;
use std::fmt::Write as _;

/// The hatch that marks unassessed cells. Two diagrams on one page share
/// this id, which is harmless because the pattern is the same in both.
const HATCH_ID: &str = "wfe-hatch";

fn points(pts: &[Point]) -> String {
    let mut s = String::new();
    for (i, p) in pts.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        // Straight into `s`: what `num` writes, without a string per number.
        let _ = crate::decimal::write_fixed(&mut s, p.x, 2);
        s.push(',');
        let _ = crate::decimal::write_fixed(&mut s, p.y, 2);
    }
    s
}

/// A label as a group of one `<text>` per line (separate elements, so no
/// whitespace between lines shifts the alignment).
fn label_group(w: &mut SvgWriter, label: &Label, class: &str, data: Option<(&'static str, &str)>) {
    match data {
        Some(attr) => w.start("g", &mut [("class", class), attr]),
        None => w.start("g", &mut [("class", class)]),
    }
    let font_size = num(label.font_size);
    for line in &label.lines {
        w.text(
            "text",
            &mut [
                ("x", &num(line.x)),
                ("y", &num(line.y)),
                ("font-size", &font_size),
                ("text-anchor", label.anchor.as_str()),
            ],
            &line.text,
            TextLayout::Block,
        );
    }
    w.end();
}

fn polygon_name(n: usize) -> &'static str {
    match n {
        3 => "triangles",
        4 => "squares",
        5 => "pentagons",
        6 => "hexagons",
        7 => "heptagons",
        8 => "octagons",
        9 => "nonagons",
        10 => "decagons",
        11 => "hendecagons",
        12 => "dodecagons",
        _ => "polygons",
    }
}

fn list(items: &[crate::model::Item]) -> String {
    mapped(items, &mut |i| i.label.as_str()).join(", ")
}

fn title_text(model: &Model, opts: &RenderOptions) -> String {
    let what = match opts.overlay {
        Overlay::None => "workforce ecosystem framework",
        Overlay::Current => "workforce ecosystem, current levels",
        Overlay::Target => "workforce ecosystem, target levels",
        Overlay::Gap => "workforce ecosystem, gaps to target",
    };
    let name = model.name.trim();
    if name.is_empty() {
        let mut s = String::from("W");
        s.push_str(what.trim_start_matches('w'));
        s
    } else {
        let mut s = name.to_string();
        s.push_str(": ");
        s.push_str(what);
        s
    }
}

fn desc_text(model: &Model, opts: &RenderOptions, states: &[super::CellState]) -> String {
    let fw = &model.framework;
    let mut s = String::new();
    let _ = write!(
        s,
        "{} players around {} concentric {}. Players clockwise from the top: ",
        fw.players.len(),
        fw.themes.len(),
        polygon_name(fw.players.len()),
    );
    s.push_str(&list(&fw.players));
    s.push_str(". Themes from the outside in: ");
    s.push_str(&list(&fw.themes));
    s.push('.');
    if opts.overlay != Overlay::None {
        s.push_str(" Cells are coloured by ");
        s.push_str(match opts.overlay {
            Overlay::Current => "current level",
            Overlay::Target => "target level",
            _ => "gap to target",
        });
        match &opts.unit {
            Some(u) => {
                let name = model
                    .units
                    .iter()
                    .find(|x| &x.id == u)
                    .map_or(u.as_str(), |x| x.label.as_str());
                s.push_str(" for the unit ");
                s.push_str(name);
            }
            None => s.push_str(" as the mean over all units"),
        }
        let assessed = states
            .iter()
            .filter(|c| !crate::substr::contains(&c.class, "unassessed"))
            .count();
        let _ = write!(s, "; {assessed} of {} cells have a value.", states.len());
    }
    if !opts.standalone {
        // Interactive: each cell is a button that carries its own name.
        return s;
    }
    for st in states {
        s.push(' ');
        s.push_str(&st.label);
        s.push('.');
    }
    s
}

fn hatch(w: &mut SvgWriter) {
    w.start("defs", &mut []);
    w.start(
        "pattern",
        &mut [
            ("id", HATCH_ID),
            ("patternUnits", "userSpaceOnUse"),
            ("width", "8"),
            ("height", "8"),
            ("patternTransform", "rotate(45)"),
        ],
    );
    w.empty(
        "rect",
        &mut [("class", "hatch-ground"), ("width", "8"), ("height", "8")],
    );
    w.empty(
        "line",
        &mut [
            ("class", "hatch-line"),
            ("x1", "0"),
            ("y1", "0"),
            ("x2", "0"),
            ("y2", "8"),
        ],
    );
    w.end();
    w.end();
}

pub fn render(model: &Model, opts: &RenderOptions) -> String {
    let spec = legend_spec(opts.overlay, &model.scale);
    let layout: Layout = layout::layout_with(&model.framework, spec.as_ref());
    let states = cell_states(model, opts);
    let [x, y, w, h] = layout.view_box;
    let (width, height) = (num(w), num(h));

    let mut view_box = num(x);
    for part in [&num(y), &width, &height] {
        view_box.push(' ');
        view_box.push_str(part);
    }
    let mut class = String::from("wfe-diagram wfe-overlay-");
    class.push_str(opts.overlay.as_str());
    if !opts.standalone {
        class.push_str(" wfe-interactive");
    }
    let mut root: Vec<(&'static str, &str)> = vec![
        ("xmlns", "http://www.w3.org/2000/svg"),
        ("viewBox", &view_box),
        ("class", &class),
        ("data-overlay", opts.overlay.as_str()),
    ];
    if let Some(u) = &opts.unit {
        root.push(("data-unit", u));
    }
    if opts.standalone {
        root.push(("role", "img"));
        root.push(("width", &width));
        root.push(("height", &height));
    } else {
        root.push(("role", "group"));
    }
    let mut w = SvgWriter::new();
    w.start("svg", &mut root);
    w.text(
        "title",
        &mut [],
        &title_text(model, opts),
        TextLayout::Inline,
    );
    w.text(
        "desc",
        &mut [],
        &desc_text(model, opts, &states),
        TextLayout::Inline,
    );
    if opts.standalone {
        w.text("style", &mut [], STYLESHEET, TextLayout::Block);
    }
    hatch(&mut w);

    w.start("g", &mut [("class", "cells")]);
    for (shape, st) in layout.cells.iter().zip(&states) {
        let pts = points(&shape.points);
        let mut attrs = [
            ("class", st.class.as_str()),
            ("data-theme", &shape.theme),
            ("data-player", &shape.player),
            ("points", &pts),
        ];
        if opts.standalone {
            // Inside role="img" an aria-label on a shape is an error for
            // assistive technology; a <title> still names the cell and gives
            // a tooltip when the file is opened on its own.
            w.start("polygon", &mut attrs);
            w.text("title", &mut [], &st.label, TextLayout::Inline);
            w.end();
        } else {
            let [a, b, c, d] = attrs;
            w.empty(
                "polygon",
                &mut [
                    a,
                    b,
                    c,
                    d,
                    ("aria-label", &st.label),
                    ("tabindex", "0"),
                    ("role", "button"),
                ],
            );
        }
    }
    w.end();

    w.start("g", &mut [("class", "rings"), ("aria-hidden", "true")]);
    for p in &layout.polygons {
        w.empty(
            "polygon",
            &mut [("class", "ring-outline"), ("points", &points(&p.points))],
        );
    }
    w.end();

    w.start("g", &mut [("class", "axes"), ("aria-hidden", "true")]);
    for a in &layout.axes {
        let class = match a.kind {
            layout::AxisKind::Vertical => "axis axis-vertical",
            layout::AxisKind::Chord => "axis axis-chord",
            layout::AxisKind::Diameter => "axis axis-diameter",
        };
        w.empty(
            "line",
            &mut [
                ("class", class),
                ("data-from", &a.from),
                ("data-to", &a.to),
                ("x1", &num(a.start.x)),
                ("y1", &num(a.start.y)),
                ("x2", &num(a.end.x)),
                ("y2", &num(a.end.y)),
            ],
        );
    }
    w.end();

    w.start("g", &mut [("class", "leaders"), ("aria-hidden", "true")]);
    for t in &layout.theme_labels {
        let (ax, ay) = (num(t.anchor.x), num(t.anchor.y));
        w.empty(
            "line",
            &mut [
                ("class", "leader"),
                ("x1", &ax),
                ("y1", &ay),
                ("x2", &num(t.leader_end.x)),
                ("y2", &num(t.leader_end.y)),
            ],
        );
        w.empty(
            "circle",
            &mut [
                ("class", "leader-dot"),
                ("cx", &ax),
                ("cy", &ay),
                ("r", "3.5"),
            ],
        );
    }
    w.end();

    w.start(
        "g",
        &mut [("class", "cell-values"), ("aria-hidden", "true")],
    );
    for (shape, st) in layout.cells.iter().zip(&states) {
        w.text(
            "text",
            &mut [
                ("class", "cell-value"),
                ("data-theme", &shape.theme),
                ("data-player", &shape.player),
                ("x", &num(shape.value.x)),
                ("y", &num(shape.value.y)),
                ("font-size", &num(shape.value.font_size)),
                ("text-anchor", "middle"),
            ],
            &st.value,
            TextLayout::Block,
        );
    }
    w.end();

    w.start("g", &mut [("class", "player-labels")]);
    for l in &layout.player_labels {
        label_group(&mut w, l, "player-label", Some(("data-player", &l.id)));
    }
    w.end();

    w.start("g", &mut [("class", "theme-labels")]);
    for t in &layout.theme_labels {
        label_group(
            &mut w,
            &t.label,
            "theme-label",
            Some(("data-theme", &t.label.id)),
        );
    }
    w.end();

    if let Some(legend) = &layout.legend {
        w.start("g", &mut [("class", "legend")]);
        label_group(&mut w, &legend.title, "legend-title", None);
        for item in &legend.items {
            w.empty(
                "rect",
                &mut [
                    ("class", &(String::from("swatch ") + &item.key)),
                    ("x", &num(item.swatch.x)),
                    ("y", &num(item.swatch.y)),
                    ("width", &num(item.swatch.width)),
                    ("height", &num(item.swatch.height)),
                ],
            );
            label_group(&mut w, &item.label, "legend-label", None);
        }
        w.end();
    }
    let mut out = w.finish();
    out.push('\n');
    out
}
