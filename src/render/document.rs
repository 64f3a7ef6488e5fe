//! Builds the SVG document from the layout and the cell states, with the
//! `svg` crate.
//!
//! Drawing order: cells, ring outlines, axes, leader lines, the scores, then
//! labels and legend, so that no line is drawn over text. The crate escapes
//! every attribute value and text node as it writes them; what escaping
//! cannot make safe, characters XML forbids, [`xml::clean`] replaces in the
//! finished document.

use super::xml::{self, num};
use super::{cell_states, legend_spec, Overlay, RenderOptions, STYLESHEET};
use crate::language::say;
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
fn label_group(label: &Label, class: &str, data: Option<(&str, &str)>) -> Group {
    let mut g = Group::new().set("class", class);
    if let Some((name, value)) = data {
        g.assign(name, value);
    }
    let font_size = num(label.font_size);
    for line in &label.lines {
        g.append(
            Text::new(line.text.as_str())
                .set("x", num(line.x))
                .set("y", num(line.y))
                .set("font-size", font_size.as_str())
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
    let labels: Vec<&str> = items.iter().map(|i| i.label.as_str()).collect();
    labels.join(", ")
}

fn title_text(model: &Model, opts: &RenderOptions) -> String {
    let what = match opts.overlay {
        Overlay::None => "workforce ecosystem framework",
        Overlay::Current => "workforce ecosystem, current levels",
        Overlay::Target => "workforce ecosystem, target levels",
        Overlay::Gap => "workforce ecosystem, gaps to target",
        Overlay::Agreement => "workforce ecosystem, agreement of the responses",
    };
    let overlay = opts.overlay.as_str();
    let name = model.name.trim();
    if name.is_empty() {
        // The phrase alone opens the title, in capitals: a template of its
        // own (upper-casing any letter would bring Unicode's tables).
        say(&format!("diagram.title.{overlay}"), &[], || {
            let mut s = String::from("W");
            s.push_str(what.trim_start_matches('w'));
            s
        })
    } else {
        let what = say(&format!("diagram.what.{overlay}"), &[], || what.to_string());
        say("diagram.named", &[("name", name), ("what", &what)], || {
            format!("{name}: {what}")
        })
    }
}

fn desc_text(model: &Model, opts: &RenderOptions, states: &[super::CellState]) -> String {
    let fw = &model.framework;
    let (players, themes) = (fw.players.len().to_string(), fw.themes.len().to_string());
    let (player_list, theme_list) = (list(&fw.players), list(&fw.themes));
    let args = [
        ("players", &*players),
        ("themes", &*themes),
        ("playerList", &*player_list),
        ("themeList", &*theme_list),
    ];
    // The shape's name is English only: a catalogue says "polygons with n sides".
    let mut s = say("diagram.desc", &args, || {
        let shape = polygon_name(fw.players.len());
        format!(
            "{players} players around {themes} concentric {shape}. Players clockwise from \
             the top: {player_list}. Themes from the outside in: {theme_list}."
        )
    });
    if opts.overlay != Overlay::None {
        let overlay = opts.overlay.as_str();
        let by = say(&format!("diagram.by.{overlay}"), &[], || {
            match opts.overlay {
                Overlay::Current => "current level",
                Overlay::Target => "target level",
                Overlay::Agreement => "spread of the responses",
                _ => "gap to target",
            }
            .to_string()
        });
        let place = match &opts.unit {
            Some(u) => {
                let unit = model
                    .units
                    .iter()
                    .find(|x| &x.id == u)
                    .map_or(u.as_str(), |x| x.label.as_str());
                say("diagram.forUnit", &[("unit", unit)], || {
                    format!("for the unit {unit}")
                })
            }
            None => say("diagram.allUnits", &[], || {
                "as the mean over all units".to_string()
            }),
        };
        let assessed = states
            .iter()
            .filter(|c| !c.class.contains("unassessed"))
            .count()
            .to_string();
        let total = states.len().to_string();
        let args = [
            ("by", &*by),
            ("place", &*place),
            ("assessed", &*assessed),
            ("total", &*total),
        ];
        s.push(' ');
        s.push_str(&say("diagram.coloured", &args, || {
            format!("Cells are coloured by {by} {place}; {assessed} of {total} cells have a value.")
        }));
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

/// The title block's two lines: the organization, then what is shown
/// (overlay, unit or all units, the what-if if any, the date). The drawing's
/// title block and the HTML export's header both say these words. A unit's
/// or what-if's name is isolated ([`crate::bidi`]), so that right-to-left
/// text or an override in it cannot reorder the pieces around it.
pub(crate) fn caption_lines(
    model: &Model,
    opts: &RenderOptions,
    caption: &super::Caption,
) -> (String, String) {
    let name = model.name.trim();
    let title = if name.is_empty() {
        say("caption.untitled", &[], || "Workforce ecosystem".into())
    } else {
        name.to_string()
    };
    let overlay = opts.overlay.as_str();
    let mut parts: Vec<String> = vec![say(&format!("caption.{overlay}"), &[], || {
        match opts.overlay {
            Overlay::None => "Framework",
            Overlay::Current => "Current levels",
            Overlay::Target => "Target levels",
            Overlay::Gap => "Gaps to target",
            Overlay::Agreement => "Agreement",
        }
        .into()
    })];
    parts.push(match &opts.unit {
        Some(u) => crate::bidi::isolate(
            model
                .units
                .iter()
                .find(|x| &x.id == u)
                .map_or(u.as_str(), |x| x.label.as_str()),
        )
        .into_owned(),
        None => say("caption.allUnits", &[], || "All units".into()),
    });
    if let Some(s) = caption
        .scenario
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let s = &crate::bidi::isolate(s);
        parts.push(say("caption.scenario", &[("name", s)], || {
            format!("What-if: {s}")
        }));
    }
    if let Some(d) = caption
        .date
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        // one piece, never broken across lines
        let words: Vec<&str> = d.split_whitespace().collect();
        parts.push(words.join("\u{a0}"));
    }
    (title, parts.join(" · "))
}

/// The geometry `render` draws for these options in the arrangement `kind`:
/// legend (with its note when cells show means over units) and title block
/// included.
pub fn layout_of(model: &Model, opts: &RenderOptions, kind: layout::LayoutKind) -> Layout {
    let mut spec = legend_spec(opts.overlay, &model.scale).filter(|_| !opts.no_legend);
    // Means over units are coloured by the nearest step: the legend says so.
    // Spreads are no means: over units a cell shows its widest.
    let note = if opts.unit.is_some() {
        None
    } else if opts.overlay == Overlay::Agreement {
        (!model.units.is_empty()).then(super::widest_note)
    } else {
        let averaged = crate::scores::cell_scores(model, None)
            .iter()
            .any(|c| c.assessed > 1);
        averaged.then(super::averaged_note)
    };
    if let Some(spec) = spec.as_mut() {
        spec.note = note;
    }
    let mut layout: Layout = layout::layout_as(&model.framework, spec.as_ref(), kind);
    if let Some(caption) = &opts.caption {
        let (title, text) = caption_lines(model, opts, caption);
        layout.add_caption(&title, &text);
    }
    layout
}

pub fn render(model: &Model, opts: &RenderOptions) -> String {
    draw(model, opts, true)
}

/// The drawing without the stylesheet a standalone one embeds, for a page
/// that applies the same sheet itself (the element's picture, `picture.rs`).
pub fn render_unstyled(model: &Model, opts: &RenderOptions) -> String {
    draw(model, opts, false)
}

fn draw(model: &Model, opts: &RenderOptions, with_style: bool) -> String {
    let layout = layout_of(model, opts, opts.layout);
    let states = cell_states(model, opts);
    let [x, y, w, h] = layout.view_box;

    let mut class = format!("wfe-diagram wfe-overlay-{}", opts.overlay.as_str());
    if opts.layout != layout::LayoutKind::Wide {
        class.push_str(" wfe-layout-");
        class.push_str(opts.layout.as_str());
    }
    if !opts.standalone {
        class.push_str(" wfe-interactive");
    }
    let mut doc = svg::Document::new()
        .set(
            "viewBox",
            format!("{} {} {} {}", num(x), num(y), num(w), num(h)),
        )
        .set("class", class)
        .set("data-overlay", opts.overlay.as_str());
    if let Some(u) = &opts.unit {
        doc.assign("data-unit", u.as_str());
    }
    if opts.standalone {
        doc.assign("role", "img");
        doc.assign("width", num(w));
        doc.assign("height", num(h));
    } else {
        doc.assign("role", "group");
    }
    doc.append(Title::new(title_text(model, opts)));
    doc.append(Description::new().add(svg::node::Text::new(desc_text(model, opts, &states))));
    if opts.standalone && with_style {
        doc.append(Style::new(STYLESHEET));
    }
    doc.append(hatch());

    let mut cells = Group::new().set("class", "cells");
    for (shape, st) in layout.cells.iter().zip(&states) {
        let mut cell = Polygon::new()
            .set("class", st.class.as_str())
            .set("data-theme", shape.theme.as_str())
            .set("data-player", shape.player.as_str())
            .set("points", points(&shape.points));
        if opts.standalone {
            // Inside role="img" an aria-label on a shape is an error for
            // assistive technology; a <title> still names the cell and gives
            // a tooltip when the file is opened on its own.
            cell.append(Title::new(st.label.as_str()));
        } else {
            cell.assign("aria-label", st.label.as_str());
            cell.assign("tabindex", "0");
            cell.assign("role", "button");
        }
        cells.append(cell);
    }
    doc.append(cells);

    let mut rings = Group::new()
        .set("class", "rings")
        .set("aria-hidden", "true");
    for p in &layout.polygons {
        rings.append(
            Polygon::new()
                .set("class", "ring-outline")
                .set("points", points(&p.points)),
        );
    }
    doc.append(rings);

    let mut axes = Group::new().set("class", "axes").set("aria-hidden", "true");
    for a in &layout.axes {
        let class = match a.kind {
            layout::AxisKind::Vertical => "axis axis-vertical",
            layout::AxisKind::Chord => "axis axis-chord",
            layout::AxisKind::Diameter => "axis axis-diameter",
        };
        axes.append(
            Line::new()
                .set("class", class)
                .set("data-from", a.from.as_str())
                .set("data-to", a.to.as_str())
                .set("x1", num(a.start.x))
                .set("y1", num(a.start.y))
                .set("x2", num(a.end.x))
                .set("y2", num(a.end.y)),
        );
    }
    doc.append(axes);

    let mut leaders = Group::new()
        .set("class", "leaders")
        .set("aria-hidden", "true");
    // Names on their rings and the narrow layout's keys need no lines. A
    // leader is a line per run (no element type of its own: less Wasm).
    for t in &layout.theme_labels {
        let line = t.leader();
        let Some(&anchor) = line.first() else {
            continue;
        };
        for w in line.windows(2) {
            leaders.append(
                Line::new()
                    .set("class", "leader")
                    .set("x1", num(w[0].x))
                    .set("y1", num(w[0].y))
                    .set("x2", num(w[1].x))
                    .set("y2", num(w[1].y)),
            );
        }
        leaders.append(
            Circle::new()
                .set("class", "leader-dot")
                .set("cx", num(anchor.x))
                .set("cy", num(anchor.y))
                .set("r", "3.5"),
        );
    }
    doc.append(leaders);

    let mut values = Group::new()
        .set("class", "cell-values")
        .set("aria-hidden", "true");
    for (shape, st) in layout.cells.iter().zip(&states) {
        values.append(
            Text::new(st.value.as_str())
                .set("class", "cell-value")
                .set("data-theme", shape.theme.as_str())
                .set("data-player", shape.player.as_str())
                .set("x", num(shape.value.x))
                .set("y", num(shape.value.y))
                .set("font-size", num(shape.value.font_size))
                .set("text-anchor", "middle"),
        );
    }
    doc.append(values);

    if !layout.keys.is_empty() {
        let mut keys = Group::new().set("class", "keys").set("aria-hidden", "true");
        for k in &layout.keys {
            keys.append(label_group(k, "key", None));
        }
        doc.append(keys);
    }

    let mut players = Group::new().set("class", "player-labels");
    for l in &layout.player_labels {
        players.append(label_group(l, "player-label", Some(("data-player", &l.id))));
    }
    doc.append(players);

    let mut themes = Group::new().set("class", "theme-labels");
    for t in &layout.theme_labels {
        let mut g = label_group(&t.label, "theme-label", Some(("data-theme", &t.label.id)));
        if let Some(angle) = t.turn {
            // Set level, then turned about its centre onto its ring's edge.
            let c = t.label.bbox.center();
            g.assign("class", "theme-label on-ring");
            g.assign(
                "transform",
                format!("rotate({} {} {})", num(angle), num(c.x), num(c.y)),
            );
        }
        themes.append(g);
    }
    doc.append(themes);

    if let Some(legend) = &layout.legend {
        let mut g = Group::new().set("class", "legend").add(label_group(
            &legend.title,
            "legend-title",
            None,
        ));
        for item in &legend.items {
            g.append(
                Rectangle::new()
                    .set("class", format!("swatch {}", item.key))
                    .set("x", num(item.swatch.x))
                    .set("y", num(item.swatch.y))
                    .set("width", num(item.swatch.width))
                    .set("height", num(item.swatch.height)),
            );
            g.append(label_group(&item.label, "legend-label", None));
        }
        if let Some(note) = &legend.note {
            g.append(label_group(note, "legend-note", None));
        }
        doc.append(g);
    }
    if let [title, text] = &layout.caption[..] {
        doc.append(
            Group::new()
                .set("class", "caption")
                .add(label_group(title, "caption-title", None))
                .add(label_group(text, "caption-text", None)),
        );
    }
    let mut out = xml::clean(doc.to_string());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Item;

    #[test]
    fn text_is_escaped_and_cleaned_and_attributes_sorted() {
        let mut model = crate::framework::sample();
        model.name = "A & B <i>\u{1}".into();
        model.framework.players[0] = Item::new("p\"'<>&\u{7}", "x <y> & 'z'\u{1b}");
        let opts = RenderOptions {
            unit: Some("u\"\u{0}".into()),
            ..RenderOptions::default()
        };
        let svg = render(&model, &opts);
        assert!(svg.starts_with(
            "<svg class=\"wfe-diagram wfe-overlay-none wfe-interactive\" \
             data-overlay=\"none\" data-unit=\"u&quot;\u{FFFD}\" role=\"group\" viewBox=\""
        ));
        assert!(svg.contains(
            "\n<title>A &amp; B &lt;i&gt;\u{FFFD}: workforce ecosystem framework</title>\n"
        ));
        assert!(svg.contains(" data-player=\"p&quot;&apos;&lt;&gt;&amp;\u{FFFD}\" "));
        assert!(svg.contains("\nx &lt;y&gt; &amp; 'z'\u{FFFD}\n</text>"));
        assert!(svg.ends_with("</g>\n</svg>\n"));
        assert!(!svg.chars().any(|c| c < ' ' && c != '\n'));
    }
}
