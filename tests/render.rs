//! The SVG: one element per cell carrying exactly the states the page applies,
//! no inline styles, accessible names, determinism, golden files, and hostile
//! text kept inert.
//!
//! Golden files: `UPDATE_GOLDEN=1 cargo test --test render` rewrites them.
//! Look at each one as a PNG (`node scripts/snapshot.mjs FILE.svg FILE.png`)
//! before committing it.

use std::collections::BTreeSet;
use svg::parser::Event;
use workforce_ecosystem::layout::LayoutKind;
use workforce_ecosystem::model::Model;
use workforce_ecosystem::render::{
    cell_states, render_svg, Caption, Overlay, RenderOptions, STYLESHEET,
};

fn fixture(name: &str) -> Model {
    let root = env!("CARGO_MANIFEST_DIR");
    // The shipped sample is drawn from where it ships, not from a copy.
    let path = if name == "sample" {
        format!("{root}/www/models/sample.json")
    } else {
        format!("{root}/tests/golden/{name}.json")
    };
    let text = std::fs::read_to_string(&path).unwrap();
    // The shape alone, not the rules: these tests are about drawing whatever
    // a model holds, even text a validator might one day refuse.
    workforce_ecosystem::validate::read_shape(&text).unwrap()
}

fn opts(overlay: Overlay, unit: Option<&str>, standalone: bool) -> RenderOptions {
    RenderOptions {
        overlay,
        unit: unit.map(str::to_string),
        standalone,
        ..RenderOptions::default()
    }
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// A parsed element: name, attributes (unescaped) and its direct text.
#[derive(Debug)]
struct El {
    name: String,
    attrs: Vec<(String, String)>,
    text: String,
}

impl El {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|c| c.split(' ').any(|x| x == class))
    }
}

fn elements(svg: &str) -> Vec<El> {
    let mut out: Vec<El> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for event in svg::read(svg).unwrap() {
        match event {
            Event::Tag(name, kind, attrs) => {
                use svg::node::element::tag::Type;
                match kind {
                    Type::Start | Type::Empty => {
                        let mut a: Vec<(String, String)> = attrs
                            .iter()
                            .map(|(k, v)| (k.to_string(), unescape(v)))
                            .collect();
                        a.sort();
                        out.push(El {
                            name: name.to_string(),
                            attrs: a,
                            text: String::new(),
                        });
                        if kind == Type::Start {
                            open.push(out.len() - 1);
                        }
                    }
                    Type::End => {
                        open.pop();
                    }
                }
            }
            Event::Text(t) => {
                if let Some(&i) = open.last() {
                    out[i].text.push_str(&unescape(t));
                }
            }
            Event::Error(e) => panic!("unreadable SVG: {e:?}"),
            Event::Comment(_) | Event::Declaration(_) | Event::Instruction(_) => {
                panic!("unexpected markup in the SVG")
            }
        }
    }
    out
}

#[test]
fn each_cell_is_one_element_with_the_page_states() {
    let model = fixture("standard");
    for overlay in [
        Overlay::None,
        Overlay::Current,
        Overlay::Target,
        Overlay::Gap,
    ] {
        for unit in [None, Some("retail")] {
            let o = opts(overlay, unit, false);
            let svg = render_svg(&model, &o);
            let states = cell_states(&model, &o);
            let els = elements(&svg);
            let cells: Vec<&El> = els.iter().filter(|e| e.has_class("cell")).collect();
            let values: Vec<&El> = els.iter().filter(|e| e.has_class("cell-value")).collect();
            assert_eq!(cells.len(), 24);
            assert_eq!(values.len(), 24);
            let keys: BTreeSet<(&str, &str)> = cells
                .iter()
                .map(|c| {
                    (
                        c.attr("data-theme").unwrap(),
                        c.attr("data-player").unwrap(),
                    )
                })
                .collect();
            assert_eq!(keys.len(), 24, "each (theme, player) once");
            for st in &states {
                let key = |e: &&&El| {
                    e.attr("data-theme") == Some(st.theme.as_str())
                        && e.attr("data-player") == Some(st.player.as_str())
                };
                let cell = cells.iter().find(key).unwrap();
                assert_eq!(cell.attr("class"), Some(st.class.as_str()));
                assert_eq!(cell.attr("aria-label"), Some(st.label.as_str()));
                assert_eq!(cell.attr("tabindex"), Some("0"));
                assert_eq!(cell.attr("role"), Some("button"));
                let value = values.iter().find(key).unwrap();
                assert_eq!(value.text, st.value);
            }
        }
    }
}

#[test]
fn unit_filter_and_means_differ_where_units_disagree() {
    let model = fixture("standard");
    let all = cell_states(&model, &opts(Overlay::Current, None, false));
    let retail = cell_states(&model, &opts(Overlay::Current, Some("retail"), false));
    assert_ne!(all, retail);
    // The one cell only logistics left unassessed for retail... and the cell
    // the fixture leaves out everywhere is unassessed in both.
    let blank = |s: &[workforce_ecosystem::render::CellState], t: &str, p: &str| {
        s.iter()
            .find(|c| c.theme == t && c.player == p)
            .unwrap()
            .class
            .ends_with("unassessed")
    };
    assert!(blank(&all, "technology", "senior-leaders"));
    assert!(blank(&retail, "technology", "senior-leaders"));
    assert!(!blank(&all, "integration", "business-unit-leaders"));
}

#[test]
fn no_inline_styles_and_an_accessible_image() {
    let model = fixture("standard");
    for standalone in [false, true] {
        let svg = render_svg(&model, &opts(Overlay::Gap, None, standalone));
        let els = elements(&svg);
        assert!(
            els.iter().all(|e| e.attr("style").is_none()),
            "no style attributes"
        );
        let root = &els[0];
        assert_eq!(root.name, "svg");
        assert_eq!(
            root.attr("role"),
            Some(if standalone { "img" } else { "group" })
        );
        assert_eq!(els[1].name, "title");
        assert!(els[1].text.contains("Northwind Retail"));
        assert_eq!(els[2].name, "desc");
        assert!(els[2]
            .text
            .contains("Players clockwise from the top: Senior leaders, Procurement"));
        let styles: Vec<&El> = els.iter().filter(|e| e.name == "style").collect();
        if standalone {
            assert_eq!(styles.len(), 1);
            assert!(
                styles[0].text.trim() == STYLESHEET.trim(),
                "the page's stylesheet, verbatim"
            );
            assert!(root.attr("width").is_some());
            assert!(
                els.iter().all(|e| e.attr("tabindex").is_none()),
                "a plain image"
            );
        } else {
            assert!(styles.is_empty(), "the page adopts diagram.css instead");
        }
        let legend_swatches = els.iter().filter(|e| e.has_class("swatch")).count();
        assert_eq!(legend_swatches, 6);
    }
}

#[test]
fn the_stylesheet_needs_no_escaping_and_themes_through_custom_properties() {
    for c in ['<', '>', '&'] {
        assert!(
            !STYLESHEET.contains(c),
            "{c} would be escaped inside <style>"
        );
    }
    for var in [
        "--wfe-font",
        "--wfe-level-0",
        "--wfe-level-4",
        "--wfe-gap-4",
        "--wfe-focus",
    ] {
        assert!(STYLESHEET.contains(&format!("{var}:")), "{var}");
    }
    for class in [
        ".is-highlighted",
        ".is-dimmed",
        ".is-changed",
        ".unassessed",
        ".cell-value",
    ] {
        assert!(STYLESHEET.contains(class), "{class}");
    }
}

#[test]
fn output_is_deterministic() {
    for name in ["standard", "five", "eight", "hostile"] {
        let model = fixture(name);
        let o = opts(Overlay::Current, None, true);
        let a = render_svg(&model, &o);
        let b = render_svg(&model.clone(), &o);
        assert_eq!(a, b, "{name}");
    }
}

#[test]
fn hostile_text_stays_text() {
    let model = fixture("hostile");
    let allowed_elements = [
        "svg", "title", "desc", "style", "defs", "pattern", "rect", "line", "g", "polygon",
        "circle", "text",
    ];
    let allowed_attrs = [
        "xmlns",
        "viewBox",
        "class",
        "role",
        "width",
        "height",
        "data-overlay",
        "data-unit",
        "id",
        "patternUnits",
        "patternTransform",
        "x",
        "y",
        "x1",
        "y1",
        "x2",
        "y2",
        "cx",
        "cy",
        "r",
        "points",
        "data-theme",
        "data-player",
        "data-from",
        "data-to",
        "aria-label",
        "aria-hidden",
        "tabindex",
        "font-size",
        "text-anchor",
        "transform",
    ];
    for overlay in [Overlay::None, Overlay::Current, Overlay::Gap] {
        for standalone in [false, true] {
            let o = opts(overlay, Some("u<1>"), standalone);
            let svg = render_svg(&model, &o);
            let els = elements(&svg);
            for e in &els {
                assert!(
                    allowed_elements.contains(&e.name.as_str()),
                    "element {}",
                    e.name
                );
                for (k, v) in &e.attrs {
                    assert!(
                        allowed_attrs.contains(&k.as_str()),
                        "attribute {k} on {}",
                        e.name
                    );
                    // A turn, and numbers only: no text reaches it.
                    if k == "transform" {
                        let inner = v.strip_prefix("rotate(").and_then(|v| v.strip_suffix(')'));
                        assert!(
                            inner.is_some_and(|n| n.split(' ').all(|x| x.parse::<f64>().is_ok())),
                            "{v}"
                        );
                    }
                }
            }
            // Every id reaches its attribute intact, control characters aside.
            for p in &model.framework.players {
                assert!(els
                    .iter()
                    .any(|e| e.has_class("cell") && e.attr("data-player") == Some(p.id.as_str())));
            }
            // Labels land as text: the wrapped lines of each join back to it.
            let player_text: Vec<String> = els
                .iter()
                .filter(|e| e.has_class("player-label"))
                .map(|g| g.attr("data-player").unwrap_or_default().to_string())
                .collect();
            assert_eq!(player_text.len(), 6);
            let texts: String = els
                .iter()
                .filter(|e| e.name == "text")
                .map(|e| e.text.as_str())
                .collect();
            assert!(texts.contains("<script>alert(1)</script>"));
            assert!(
                texts.contains("&lt;b&gt;not"),
                "entities in labels are shown, not decoded"
            );
            assert!(!svg.contains("<script"), "no live script element");
            assert!(!svg.contains("<a "), "no link");
            assert!(!svg.contains('\u{0}') && !svg.contains('\u{7}') && !svg.contains('\u{1b}'));
            assert!(
                els[1].text.starts_with("</title><script>"),
                "the name is the title's text"
            );
            // The page's states for these cells are the same strings.
            let states = cell_states(&model, &o);
            let cells: Vec<usize> = (0..els.len())
                .filter(|&i| els[i].has_class("cell"))
                .collect();
            for (st, &i) in states.iter().zip(&cells) {
                assert_eq!(els[i].attr("class"), Some(st.class.as_str()));
                if o.standalone {
                    // A file names its cells with a <title> child instead.
                    assert_eq!(els[i].attr("aria-label"), None);
                    assert_eq!(els[i + 1].name, "title");
                    assert_eq!(els[i + 1].text, st.label);
                } else {
                    assert_eq!(els[i].attr("aria-label"), Some(st.label.as_str()));
                }
            }
        }
    }
}

/// Splits into number and non-number tokens for a comparison that tolerates
/// the last decimal.
fn tokens(s: &str) -> Vec<Result<f64, String>> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    let mut text = String::new();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            if !text.is_empty() {
                out.push(Err(std::mem::take(&mut text)));
            }
            let mut num = String::new();
            while let Some(&d) = chars.peek() {
                if d.is_ascii_digit() || d == '.' {
                    num.push(d);
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(num.trim_end_matches('.').parse::<f64>().map_err(|_| num));
        } else {
            text.push(c);
            chars.next();
        }
    }
    if !text.is_empty() {
        out.push(Err(text));
    }
    out
}

fn same_drawing(got: &str, want: &str) -> Result<(), String> {
    let (a, b) = (tokens(got), tokens(want));
    if a.len() != b.len() {
        return Err(format!("{} tokens vs {}", a.len(), b.len()));
    }
    for (i, (x, y)) in a.iter().zip(&b).enumerate() {
        match (x, y) {
            (Ok(x), Ok(y)) if (x - y).abs() <= 0.011 => {}
            (Err(x), Err(y)) if x == y => {}
            _ => return Err(format!("token {i}: {x:?} vs {y:?}")),
        }
    }
    Ok(())
}

#[test]
fn golden_files() {
    // The sample, a five- and an eight-player framework in every layout;
    // the square ones (for slides) with the title block an export has.
    let cases: [(&str, Overlay, Option<&str>); 14] = [
        ("sample", Overlay::Current, None),
        ("sample-square", Overlay::Current, None),
        ("sample-narrow", Overlay::Current, None),
        ("five-square", Overlay::Current, None),
        ("five-narrow", Overlay::Current, None),
        ("eight-square", Overlay::Target, None),
        ("eight-narrow", Overlay::Gap, None),
        ("sample", Overlay::Gap, Some("ports")),
        ("standard", Overlay::Current, None),
        ("standard", Overlay::Gap, Some("retail")),
        ("standard", Overlay::None, None),
        ("five", Overlay::Current, None),
        ("eight", Overlay::Target, None),
        ("hostile", Overlay::Current, None),
    ];
    let dir = format!("{}/tests/golden", env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    for (name, overlay, unit) in cases {
        let (model, layout) = match name.split_once('-') {
            Some((model, layout)) => (model, layout.parse::<LayoutKind>().unwrap()),
            None => (name, LayoutKind::Wide),
        };
        let caption = (layout == LayoutKind::Square).then(|| Caption {
            scenario: None,
            date: Some("4 December 2026".into()),
        });
        let options = RenderOptions {
            layout,
            caption,
            ..opts(overlay, unit, true)
        };
        let svg = render_svg(&fixture(model), &options);
        let file = format!(
            "{dir}/{name}-{}{}.svg",
            overlay.as_str(),
            unit.map(|u| format!("-{u}")).unwrap_or_default()
        );
        if update {
            std::fs::write(&file, &svg).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&file).unwrap_or_default();
        if let Err(e) = same_drawing(&svg, &want) {
            failures.push(format!("{file}: {e}"));
        }
    }
    assert!(
        failures.is_empty(),
        "SVG differs from golden (UPDATE_GOLDEN=1 rewrites, then look at them):\n{}",
        failures.join("\n")
    );
}

#[test]
fn the_shipped_sample_renders_every_overlay() {
    let model = workforce_ecosystem::framework::sample();
    for overlay in [
        Overlay::None,
        Overlay::Current,
        Overlay::Target,
        Overlay::Gap,
    ] {
        let svg = render_svg(&model, &opts(overlay, None, true));
        let n = model.framework.players.len() * model.framework.themes.len();
        assert_eq!(
            elements(&svg)
                .iter()
                .filter(|e| e.has_class("cell"))
                .count(),
            n
        );
    }
}

mod random {
    use super::*;
    use proptest::prelude::*;
    use workforce_ecosystem::model::{Assessment, Framework, Item};

    fn any_text() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::collection::vec(any::<char>(), 0..=80).prop_map(|v| v.into_iter().collect()),
            "[<>&\"' a-z/=]{0,80}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Whatever the labels and ids hold, the SVG is well formed, has one
        /// element per cell, and no element or attribute comes from the text.
        #[test]
        fn any_text_renders_to_inert_well_formed_svg(
            n in 3usize..=12,
            t in 1usize..=8,
            texts in prop::collection::vec(any_text(), 40),
            score in 0.0f64..=4.0,
        ) {
            let pick = |i: usize| texts[i % texts.len()].clone();
            let mut model = Model::empty(&pick(39));
            model.framework = Framework {
                players: (0..n).map(|i| Item::new(&format!("{i}{}", pick(i)), &pick(i + 12))).collect(),
                themes: (0..t).map(|i| Item::new(&format!("{i}{}", pick(i + 24)), &pick(i + 30))).collect(),
            };
            model.assessments.push(Assessment {
                theme: model.framework.themes[0].id.clone(),
                player: model.framework.players[0].id.clone(),
                unit: None,
                current: score,
                target: Some(4.0),
                weight: 1.0,
                note: Some(pick(38)),
            });
            let o = opts(Overlay::Gap, None, true);
            let svg = render_svg(&model, &o);
            let els = elements(&svg);
            prop_assert_eq!(els.iter().filter(|e| e.has_class("cell")).count(), n * t);
            for e in &els {
                prop_assert!(!matches!(e.name.as_str(), "script" | "a" | "foreignObject" | "image" | "use"));
                for (k, _) in &e.attrs {
                    prop_assert!(!k.starts_with("on") && k != "href" && k != "style", "attribute {}", k);
                }
            }
            prop_assert_eq!(svg, render_svg(&model, &o));
        }
    }
}
