//! The SVG of the diagram, written with the `svg` crate, and the per-cell
//! state the page uses to update a drawn diagram in place.
//!
//! Colours come only from classes (styled by `www/diagram.css`, whose custom
//! properties an intranet can override); the SVG has no `style` attributes, so
//! it looks right under a content-security policy without `'unsafe-inline'`.
//! A standalone export embeds the same stylesheet.

mod document;
mod fit;
mod picture;
mod state;
pub mod xml;

pub(crate) use document::caption_lines;
pub use fit::{fitting_layout, Fit, FitSize, MIN_TEXT_PX};
pub use picture::{picture, Span};
pub use state::{format_score, gap_step, level_name, level_step, CellState, STEPS};

use crate::layout::{LayoutKind, LegendEntry, LegendSpec};
use crate::model::{Model, Scale};
use crate::validate::fields::{self, Fields, Need, Reader};
use crate::validate::{wording, Invalid};
use serde::Serialize;
use std::collections::HashMap;

/// The diagram's stylesheet, `www/diagram.css` without its comments: what a
/// standalone SVG embeds and the pages and the element adopt.
pub const STYLESHEET: &str = crate::css::text(&SHEET);
const SRC: &[u8] = include_bytes!("../../www/diagram.css");
const SHEET: [u8; crate::css::stripped_len(SRC)] = crate::css::strip(SRC);

/// What the cells show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Overlay {
    #[default]
    None,
    Current,
    Target,
    Gap,
    /// How far merged responses agree: cells coloured by their spread.
    Agreement,
}

impl Overlay {
    pub const ALL: [Overlay; 5] = [
        Overlay::None,
        Overlay::Current,
        Overlay::Target,
        Overlay::Gap,
        Overlay::Agreement,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Overlay::None => "none",
            Overlay::Current => "current",
            Overlay::Target => "target",
            Overlay::Gap => "gap",
            Overlay::Agreement => "agreement",
        }
    }
}

impl std::str::FromStr for Overlay {
    type Err = String;
    fn from_str(s: &str) -> Result<Overlay, String> {
        match s {
            "none" => Ok(Overlay::None),
            "current" => Ok(Overlay::Current),
            "target" => Ok(Overlay::Target),
            "gap" => Ok(Overlay::Gap),
            "agreement" => Ok(Overlay::Agreement),
            other => Err(format!(
                "unknown overlay \"{other}\" (known: none, current, target, gap, agreement)"
            )),
        }
    }
}

/// How to draw. In JSON (camelCase) every option may be left out or `null`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RenderOptions {
    pub overlay: Overlay,
    /// Show one unit's scores; `None` shows the mean over units.
    pub unit: Option<String>,
    /// A file of its own rather than part of the page: it embeds the
    /// stylesheet, has a size, and is a plain image (`role="img"`). Otherwise
    /// the SVG is interactive: a `role="group"` whose cells are focusable
    /// buttons, styled by the page's `diagram.css`.
    pub standalone: bool,
    /// Leave the legend out (`"legend": false`), where the page says what the
    /// colours mean itself: the drawing then takes the legend's room.
    pub no_legend: bool,
    /// Where labels and legend go: beside the drawing or below it.
    pub layout: LayoutKind,
    /// A title block above the drawing (organization, overlay, unit,
    /// scenario, date), for a picture that must stand on its own.
    pub caption: Option<Caption>,
}

/// What a title block says besides what the model and options tell.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Caption {
    /// The scenario on show, if any.
    pub scenario: Option<String>,
    /// The date, as the caller writes it (the core keeps no clock).
    pub date: Option<String>,
}

impl RenderOptions {
    /// Reads the options from their JSON form; `null` means every default.
    pub fn from_json(v: serde_json::Value) -> Result<RenderOptions, Invalid> {
        fields::read_options(v, "render options", |r, mut f| RenderOptions {
            overlay: read_overlay(r, &mut f),
            unit: f.string(r, "unit", Need::Optional),
            standalone: f.boolean(r, "standalone", Need::Optional) == Some(true),
            no_legend: f.boolean(r, "legend", Need::Optional) == Some(false),
            layout: f
                .choice(
                    r,
                    "layout",
                    Need::Optional,
                    &LayoutKind::ALL,
                    LayoutKind::as_str,
                )
                .unwrap_or_default(),
            caption: read_caption(r, &mut f).flatten(),
        })
    }
}

/// Why `unit` cannot be drawn: the model defines no unit of that id (every
/// cell would show as unassessed, with nothing to say why). Worded as the
/// validator words an assessment's unknown unit: the id quoted inert, then
/// the units the model has.
pub fn unknown_unit(model: &Model, unit: &str) -> Option<String> {
    if model.units.iter().any(|x| x.id == unit) {
        return None;
    }
    let ids = model.units.iter().map(|x| x.id.as_str());
    let (id, known) = (
        wording::quote(unit),
        wording::known(ids, "the model defines no units"),
    );
    Some(crate::language::say(
        "problem.unknown",
        &[
            ("kind", &crate::language::noun("unit")),
            ("id", &id),
            ("known", &known),
        ],
        || format!("unknown unit {id} {known}"),
    ))
}

/// The `layout` of an options object: wide when left out or `null`.
pub(crate) fn read_layout(r: &mut Reader, f: &mut Fields) -> LayoutKind {
    f.choice(
        r,
        "layout",
        Need::Optional,
        &LayoutKind::ALL,
        LayoutKind::as_str,
    )
    .unwrap_or_default()
}

/// The `caption` of an options object: `true` or an object with `scenario`
/// and `date` (each at most a label long) asks for one, `false` for none;
/// `None` when left out or `null`, for the caller's default.
pub(crate) fn read_caption(r: &mut Reader, f: &mut Fields) -> Option<Option<Caption>> {
    let v = f.take(r, "caption", Need::Optional)?;
    let at = f.at().key("caption");
    match v {
        serde_json::Value::Bool(b) => Some(b.then(Caption::default)),
        v => {
            let mut c = r.open_object(v, at, "true, false or a caption")?;
            let mut text = |key: &str| {
                let v = c.take(r, key, Need::Optional)?;
                let at = c.at().key(key);
                let s = r.string(v, &at)?;
                let limit = crate::validate::limits::LABEL_CHARS;
                r.limited(s, &at, Some(("a caption text", limit)))
            };
            let scenario = text("scenario");
            let date = text("date");
            Some(Some(Caption { scenario, date }))
        }
    }
}

/// The `overlay` of an options object: none when left out or `null`.
pub(crate) fn read_overlay(r: &mut Reader, f: &mut Fields) -> Overlay {
    f.choice(r, "overlay", Need::Optional, &Overlay::ALL, Overlay::as_str)
        .unwrap_or_default()
}

/// The state of every cell, in layout order.
pub fn cell_states(model: &Model, opts: &RenderOptions) -> Vec<CellState> {
    let model = crate::language::localized(model);
    state::cell_states(&model, opts.overlay, opts.unit.as_deref())
}

/// The states in `new` that differ from the same cell in `old` (cells are
/// matched by theme and player, not by position).
pub fn changed_cells(old: &[CellState], new: &[CellState]) -> Vec<CellState> {
    let before: HashMap<(&str, &str), &CellState> = old
        .iter()
        .map(|s| ((s.theme.as_str(), s.player.as_str()), s))
        .collect();
    new.iter()
        .filter(|n| before.get(&(n.theme.as_str(), n.player.as_str())) != Some(n))
        .cloned()
        .collect()
}

/// What the legend says for an overlay on a scale; `None` for overlay `none`.
pub fn legend_spec(overlay: Overlay, scale: &Scale) -> Option<LegendSpec> {
    let language = crate::language::current();
    // The current language's text of `key` (English built in: `english`).
    let word = |key: &str, english: &str, args: &[(&str, &str)]| match &language {
        Some(l) => l.filled(key, args),
        None => english.to_string(),
    };
    let span = scale.max - scale.min;
    let step_value = |b: usize| b as f64 * span / (STEPS - 1) as f64;
    let whole_steps = (span - (STEPS - 1) as f64).abs() < 1e-9;
    let level_text = |b: usize| {
        let v = scale.min + step_value(b);
        match level_name(v, scale) {
            Some(name) => format!("{} – {name}", format_score(v)),
            None if whole_steps => format_score(v),
            None => {
                let v = format_score(v);
                word("legend.about", &format!("about {v}"), &[("value", &v)])
            }
        }
    };
    let entry = |key: String, text: String| LegendEntry { key, text };
    let (title, mut items): (String, Vec<LegendEntry>) = match overlay {
        Overlay::None => return None,
        Overlay::Current | Overlay::Target => (
            if overlay == Overlay::Current {
                word("legend.current", "Current level", &[])
            } else {
                word("legend.target", "Target level", &[])
            },
            (0..STEPS)
                .map(|b| entry(format!("level-{b}"), level_text(b)))
                .collect(),
        ),
        Overlay::Agreement => (
            word("legend.agreement", "Spread of the responses", &[]),
            (0..STEPS)
                .map(|b| {
                    let text = match b {
                        0 => word("legend.allAgree", "All agree", &[]),
                        1 => word("legend.apart.one", "1 step apart", &[]),
                        _ => {
                            let count = crate::language::number(b.to_string());
                            let more = if b == STEPS - 1 { " or more" } else { "" };
                            let key = if b == STEPS - 1 {
                                "legend.apart.more"
                            } else {
                                "legend.apart.other"
                            };
                            word(
                                key,
                                &format!("{b} steps apart{more}: disagreement"),
                                &[("count", &count)],
                            )
                        }
                    };
                    entry(format!("agree-{b}"), text)
                })
                .collect(),
        ),
        Overlay::Gap => (
            word("legend.gap", "Gap to target", &[]),
            (0..STEPS)
                .map(|b| {
                    let text = match b {
                        0 => word("legend.onTarget", "On or above target", &[]),
                        _ if whole_steps => {
                            let key = if b == 1 {
                                "legend.below.one"
                            } else {
                                "legend.below.other"
                            };
                            let count = crate::language::number(b.to_string());
                            word(
                                key,
                                &format!("{b} level{} below", if b == 1 { "" } else { "s" }),
                                &[("count", &count)],
                            )
                        }
                        _ => {
                            let v = format_score(step_value(b));
                            word(
                                "legend.aboutBelow",
                                &format!("about {v} below"),
                                &[("value", &v)],
                            )
                        }
                    };
                    entry(format!("gap-{b}"), text)
                })
                .collect(),
        ),
    };
    let blank = match overlay {
        Overlay::Current => word("legend.notAssessed", "Not assessed", &[]),
        Overlay::Agreement => word("legend.noResponses", "Fewer than two responses", &[]),
        _ => word(
            "legend.notAssessedOrNoTarget",
            "Not assessed or no target",
            &[],
        ),
    };
    items.push(entry("unassessed".into(), blank));
    Some(LegendSpec {
        title,
        items,
        note: None,
    })
}

/// What the legend adds when the agreement overlay shows every unit: a cell
/// shows its widest spread, not a mean.
pub fn widest_note() -> String {
    crate::language::say("legend.widest", &[], || {
        "Over all units, each cell shows its widest spread in a unit.".to_string()
    })
}

/// What the legend adds when cells show means over units: how their colour
/// and their text read.
pub fn averaged_note() -> String {
    crate::language::say("legend.averaged", &[], || {
        "Cells averaged over units take the colour of the nearest step and show the mean to one decimal."
            .to_string()
    })
}

/// The diagram as an SVG document. The same model and options always give
/// the same bytes.
pub fn render_svg(model: &Model, opts: &RenderOptions) -> String {
    document::render(&crate::language::localized(model), opts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlays_parse_and_print() {
        for o in [
            Overlay::None,
            Overlay::Current,
            Overlay::Target,
            Overlay::Gap,
        ] {
            assert_eq!(o.as_str().parse::<Overlay>(), Ok(o));
        }
        assert!("heat"
            .parse::<Overlay>()
            .unwrap_err()
            .contains("known: none"));
    }

    #[test]
    fn an_unknown_unit_is_named_with_the_known_ones() {
        let model = crate::framework::sample();
        assert_eq!(unknown_unit(&model, "retail"), None);
        assert_eq!(
            unknown_unit(&model, "nope\u{1b}[31m").as_deref(),
            Some("unknown unit \"nope\\u{001b}[31m\" (known: ports, retail)")
        );
        let bare = crate::validate::parse_model(r#"{"schema":"workforce-ecosystem/v1"}"#).unwrap();
        assert_eq!(
            unknown_unit(&bare, "x").as_deref(),
            Some("unknown unit \"x\" (the model defines no units)")
        );
        // in the language set, as the validator says it of an assessment
        let french = crate::language::in_french(|| unknown_unit(&bare, "x"));
        assert_eq!(
            french.as_deref(),
            Some("unité : identifiant inconnu \"x\" (le modèle ne définit aucune unité)")
        );
    }

    #[test]
    fn options_read_camel_case_and_default_the_rest() {
        let read = |v| RenderOptions::from_json(v).map_err(|e| e.to_string());
        let o = read(serde_json::json!({"overlay": "gap", "standalone": true, "other": 1}));
        assert_eq!(
            o,
            Ok(RenderOptions {
                overlay: Overlay::Gap,
                standalone: true,
                ..RenderOptions::default()
            })
        );
        let o = read(serde_json::json!({"unit": "retail", "overlay": null}));
        assert_eq!(
            o.map(|o| (o.overlay, o.unit)),
            Ok((Overlay::None, Some("retail".into())))
        );
        assert_eq!(read(serde_json::Value::Null), Ok(RenderOptions::default()));
        assert_eq!(
            read(serde_json::json!({"overlay": "heat", "unit": 3, "standalone": "yes"})).unwrap_err(),
            "options.overlay: expected \"none\", \"current\", \"target\", \"gap\" or \"agreement\", found the string \"heat\"\n\
             options.unit: expected a string, found the number 3\n\
             options.standalone: expected true or false, found the string \"yes\""
        );
        assert_eq!(
            read(serde_json::json!([])).unwrap_err(),
            "options: expected render options (an object), found an empty array"
        );
    }

    #[test]
    fn options_read_the_layout_and_the_caption() {
        let read = |v| RenderOptions::from_json(v).map_err(|e| e.to_string());
        let o = read(
            serde_json::json!({"layout": "narrow", "caption": {"date": "3 May", "scenario": null}}),
        )
        .unwrap();
        assert_eq!(o.layout, LayoutKind::Narrow);
        assert_eq!(
            o.caption,
            Some(Caption {
                scenario: None,
                date: Some("3 May".into())
            })
        );
        assert_eq!(
            read(serde_json::json!({"caption": true})).unwrap().caption,
            Some(Caption::default())
        );
        assert_eq!(
            read(serde_json::json!({"caption": false})).unwrap().caption,
            None
        );
        let bare = read(serde_json::json!({"legend": false, "overlay": "current"})).unwrap();
        assert!(bare.no_legend);
        let svg = render_svg(&crate::framework::sample(), &bare);
        assert!(!svg.contains("class=\"legend\"") && svg.contains("level-"));
        assert!(!read(serde_json::json!({"legend": true})).unwrap().no_legend);
        assert_eq!(
            read(serde_json::json!({"layout": "tall", "caption": {"date": "x".repeat(201)}}))
                .unwrap_err(),
            "options.layout: expected \"wide\", \"square\" or \"narrow\", found the string \"tall\"\n\
             options.caption.date: too long: 201 characters, where a caption text may have at most 200"
        );
    }

    #[test]
    fn legends_name_the_scale_steps() {
        let l = legend_spec(Overlay::Current, &Scale::default()).unwrap();
        let texts: Vec<&str> = l.items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "0 – Absent",
                "1 – Ad hoc",
                "2 – Defined",
                "3 – Integrated",
                "4 – Orchestrated",
                "Not assessed"
            ]
        );
        let gap = legend_spec(Overlay::Gap, &Scale::default()).unwrap();
        assert_eq!(gap.items[1].text, "1 level below");
        assert_eq!(gap.items[4].key, "gap-4");
        let ten = Scale {
            min: 0.0,
            max: 10.0,
            labels: vec![],
        };
        assert_eq!(
            legend_spec(Overlay::Target, &ten).unwrap().items[1].text,
            "about 2.5"
        );
        assert!(legend_spec(Overlay::None, &ten).is_none());
    }

    #[test]
    fn changed_cells_match_by_key_not_position() {
        let s = |t: &str, p: &str, v: &str| CellState {
            theme: t.into(),
            player: p.into(),
            class: "cell".into(),
            label: String::new(),
            value: v.into(),
        };
        let old = vec![s("a", "x", "1"), s("a", "y", "2")];
        let new = vec![s("a", "y", "2"), s("a", "x", "3")];
        assert_eq!(changed_cells(&old, &new), vec![s("a", "x", "3")]);
        assert!(changed_cells(&new, &new).is_empty());
    }
}
