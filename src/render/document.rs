//! Builds the SVG document from the layout and the cell states.
//!
//! Drawing order: cells, ring outlines, axes, leader lines, the scores, then
//! labels and legend, so that no line is drawn over text. Every piece of model
//! text goes through [`xml::clean`] and then the `svg` crate's escaping.

use super::xml::{clean, num};
use super::{cell_states, legend_spec, Overlay, RenderOptions, STYLESHEET};
use crate::layout::{self, Label, Layout, Point};
use crate::model::Model;
use svg::node::element::{
    Circle, Definitions, Description, Group, Line, Pattern, Polygon, Rectangle, Style, Text, Title,
};
use svg::Node;

/// The hatch that marks unassessed cells. Two diagrams on one page share
/// this id, which is harmless because the pattern is the same in both.
const HATCH_ID: &str = "wfe-hatch";

fn points(pts: &[Point]) -> String {
    pts.iter()
        .map(|p| format!("{},{}", num(p.x), num(p.y)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A label as a group of one `<text>` per line (separate elements, so no
/// whitespace between lines shifts the alignment).
fn label_group(label: &Label, class: &str, data: Option<(&str, &str)>) -> Group {
    let mut g = Group::new().set("class", class);
    if let Some((name, value)) = data {
        g = g.set(name, clean(value));
    }
    for line in &label.lines {
        g = g.add(
            Text::new(clean(&line.text))
                .set("x", num(line.x))
                .set("y", num(line.y))
                .set("font-size", num(label.font_size))
                .set("text-anchor", label.anchor.as_str()),
        );
    }
    g
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
    items
        .iter()
        .map(|i| i.label.as_str())
        .collect::<Vec<_>>()
        .join(", ")
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
        format!("W{}", what.trim_start_matches('w'))
    } else {
        format!("{name}: {what}")
    }
}

fn desc_text(model: &Model, opts: &RenderOptions, states: &[super::CellState]) -> String {
    let fw = &model.framework;
    let mut s = format!(
        "{} players around {} concentric {}. Players clockwise from the top: {}. Themes from the outside in: {}.",
        fw.players.len(),
        fw.themes.len(),
        polygon_name(fw.players.len()),
        list(&fw.players),
        list(&fw.themes),
    );
    if opts.overlay != Overlay::None {
        let scope = match &opts.unit {
            Some(u) => {
                let name = model
                    .units
                    .iter()
                    .find(|x| &x.id == u)
                    .map_or(u.as_str(), |x| x.label.as_str());
                format!("for the unit {name}")
            }
            None => "as the mean over all units".to_string(),
        };
        let assessed = states
            .iter()
            .filter(|c| !c.class.contains("unassessed"))
            .count();
        s.push_str(&format!(
            " Cells are coloured by {} {scope}; {assessed} of {} cells have a value.",
            match opts.overlay {
                Overlay::Current => "current level",
                Overlay::Target => "target level",
                _ => "gap to target",
            },
            states.len()
        ));
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

fn hatch() -> Definitions {
    Definitions::new().add(
        Pattern::new()
            .set("id", HATCH_ID)
            .set("patternUnits", "userSpaceOnUse")
            .set("width", 8)
            .set("height", 8)
            .set("patternTransform", "rotate(45)")
            .add(
                Rectangle::new()
                    .set("class", "hatch-ground")
                    .set("width", 8)
                    .set("height", 8),
            )
            .add(
                Line::new()
                    .set("class", "hatch-line")
                    .set("x1", 0)
                    .set("y1", 0)
                    .set("x2", 0)
                    .set("y2", 8),
            ),
    )
}

pub fn render(model: &Model, opts: &RenderOptions) -> String {
    let spec = legend_spec(opts.overlay, &model.scale);
    let layout: Layout = layout::layout_with(&model.framework, spec.as_ref());
    let states = cell_states(model, opts);
    let [x, y, w, h] = layout.view_box;

    let mut doc = svg::Document::new()
        .set(
            "viewBox",
            format!("{} {} {} {}", num(x), num(y), num(w), num(h)),
        )
        .set(
            "class",
            format!(
                "wfe-diagram wfe-overlay-{}{}",
                opts.overlay.as_str(),
                if opts.standalone {
                    ""
                } else {
                    " wfe-interactive"
                }
            ),
        )
        .set("data-overlay", opts.overlay.as_str());
    if let Some(u) = &opts.unit {
        doc = doc.set("data-unit", clean(u));
    }
    if opts.standalone {
        doc = doc
            .set("role", "img")
            .set("width", num(w))
            .set("height", num(h));
    } else {
        doc = doc.set("role", "group");
    }
    doc = doc
        .add(Title::new(clean(&title_text(model, opts))))
        .add(
            Description::new().add(svg::node::Text::new(clean(&desc_text(
                model, opts, &states,
            )))),
        );
    if opts.standalone {
        doc = doc.add(Style::new(STYLESHEET));
    }
    doc = doc.add(hatch());

    let mut cells = Group::new().set("class", "cells");
    for (shape, st) in layout.cells.iter().zip(&states) {
        let mut cell = Polygon::new()
            .set("class", st.class.as_str())
            .set("data-theme", clean(&shape.theme))
            .set("data-player", clean(&shape.player))
            .set("points", points(&shape.points));
        if opts.standalone {
            // Inside role="img" an aria-label on a shape is an error for
            // assistive technology; a <title> still names the cell and gives
            // a tooltip when the file is opened on its own.
            cell = cell.add(Title::new(clean(&st.label)));
        } else {
            cell.assign("aria-label", clean(&st.label));
            cell.assign("tabindex", "0");
            cell.assign("role", "button");
        }
        cells = cells.add(cell);
    }
    doc = doc.add(cells);

    let mut rings = Group::new()
        .set("class", "rings")
        .set("aria-hidden", "true");
    for p in &layout.polygons {
        rings = rings.add(
            Polygon::new()
                .set("class", "ring-outline")
                .set("points", points(&p.points)),
        );
    }
    doc = doc.add(rings);

    let mut axes = Group::new().set("class", "axes").set("aria-hidden", "true");
    for a in &layout.axes {
        let kind = match a.kind {
            layout::AxisKind::Vertical => "vertical",
            layout::AxisKind::Chord => "chord",
            layout::AxisKind::Diameter => "diameter",
        };
        axes = axes.add(
            Line::new()
                .set("class", format!("axis axis-{kind}"))
                .set("data-from", clean(&a.from))
                .set("data-to", clean(&a.to))
                .set("x1", num(a.start.x))
                .set("y1", num(a.start.y))
                .set("x2", num(a.end.x))
                .set("y2", num(a.end.y)),
        );
    }
    doc = doc.add(axes);

    let mut leaders = Group::new()
        .set("class", "leaders")
        .set("aria-hidden", "true");
    for t in &layout.theme_labels {
        leaders = leaders
            .add(
                Line::new()
                    .set("class", "leader")
                    .set("x1", num(t.anchor.x))
                    .set("y1", num(t.anchor.y))
                    .set("x2", num(t.leader_end.x))
                    .set("y2", num(t.leader_end.y)),
            )
            .add(
                Circle::new()
                    .set("class", "leader-dot")
                    .set("cx", num(t.anchor.x))
                    .set("cy", num(t.anchor.y))
                    .set("r", "3.5"),
            );
    }
    doc = doc.add(leaders);

    let mut values = Group::new()
        .set("class", "cell-values")
        .set("aria-hidden", "true");
    for (shape, st) in layout.cells.iter().zip(&states) {
        values = values.add(
            Text::new(clean(&st.value))
                .set("class", "cell-value")
                .set("data-theme", clean(&shape.theme))
                .set("data-player", clean(&shape.player))
                .set("x", num(shape.value.x))
                .set("y", num(shape.value.y))
                .set("font-size", num(shape.value.font_size))
                .set("text-anchor", "middle"),
        );
    }
    doc = doc.add(values);

    let mut players = Group::new().set("class", "player-labels");
    for l in &layout.player_labels {
        players = players.add(label_group(l, "player-label", Some(("data-player", &l.id))));
    }
    doc = doc.add(players);

    let mut themes = Group::new().set("class", "theme-labels");
    for t in &layout.theme_labels {
        themes = themes.add(label_group(
            &t.label,
            "theme-label",
            Some(("data-theme", &t.label.id)),
        ));
    }
    doc = doc.add(themes);

    if let Some(legend) = &layout.legend {
        let mut g = Group::new().set("class", "legend").add(label_group(
            &legend.title,
            "legend-title",
            None,
        ));
        for item in &legend.items {
            g = g
                .add(
                    Rectangle::new()
                        .set("class", format!("swatch {}", item.key))
                        .set("x", num(item.swatch.x))
                        .set("y", num(item.swatch.y))
                        .set("width", num(item.swatch.width))
                        .set("height", num(item.swatch.height)),
                )
                .add(label_group(&item.label, "legend-label", None));
        }
        doc = doc.add(g);
    }
    let mut out = doc.to_string();
    out.push('\n');
    out
}
