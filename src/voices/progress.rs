//! The progress view: readiness per theme and per player across a model's
//! dated snapshots, drawn as two small line charts side by side in one SVG.
//!
//! Each snapshot is the model as it stood on its date
//! ([`super::snapshot_scores`]) and its readiness is the core's
//! ([`crate::analysis::readiness`]), so the chart shows exactly what the
//! diagram would have shown then. Lines and points carry classes
//! (`wfe-progress-series-N`), never inline styles: colours come from CSS.

use crate::analysis::readiness;
use crate::decimal::whole_percent;
use crate::language::{percent, say};
use crate::model::{Item, Model};
use crate::render::xml::{clean, num};
use svg::node::element::{Circle, Description, Group, Line, Polyline, Text, Title};
use svg::Node;

/// Readiness of every theme and player on every snapshot date, oldest
/// first: `(date, themes, players)`, each value in [0, 1] or `None`.
pub type Series = Vec<(String, Vec<Option<f64>>, Vec<Option<f64>>)>;

/// The readiness of each snapshot of `model`, oldest first.
pub fn progress_series(model: &Model) -> Series {
    model
        .history
        .iter()
        .filter_map(|h| {
            let then = super::snapshot_scores(model, &h.date)?;
            let r = readiness(&then);
            let values = |items: &[Item], map: &crate::analysis::ById<Option<f64>>| {
                items
                    .iter()
                    .map(|i| map.get(i.id.as_str()).copied().flatten())
                    .collect::<Vec<_>>()
            };
            let fw = &model.framework;
            Some((
                h.date.clone(),
                values(&fw.themes, &r.themes),
                values(&fw.players, &r.players),
            ))
        })
        .collect()
}

/// The chart's own stylesheet, so that the file stands alone: twelve
/// series colours (the Okabe–Ito palette and darker kin, distinct for
/// colour-blind readers), lines without fill, and system colours under
/// forced colours. Each of six series in turn has its own dashes, in the
/// lines and the legend's swatches: two lines that run together still show
/// both (the later one's gaps let the earlier through), and under forced
/// colours, where every line is the one system colour, the dashes are what
/// tells them apart.
const STYLE: &str = "\
.wfe-progress{font-family:system-ui,sans-serif;font-size:12px;background:#fff}\
.wfe-progress text{fill:#1a1a1a}.wfe-progress-title{font-size:15px;font-weight:600}\
.wfe-progress-grid{stroke:#d0d0d0;stroke-width:1}\
.wfe-progress-line{fill:none;stroke:currentColor;stroke-width:2.5}\
.wfe-progress-point{fill:currentColor;stroke:#fff;stroke-width:1.5}\
.wfe-progress-series-0{color:#0072b2}.wfe-progress-series-1{color:#d55e00}\
.wfe-progress-series-2{color:#009e73}.wfe-progress-series-3{color:#cc79a7}\
.wfe-progress-series-4{color:#8a6d00}.wfe-progress-series-5{color:#56b4e9}\
.wfe-progress-series-6{color:#000}.wfe-progress-series-7{color:#7a3e00}\
.wfe-progress-series-8{color:#005a8c}.wfe-progress-series-9{color:#8c1c13}\
.wfe-progress-series-10{color:#3d7a00}.wfe-progress-series-11{color:#6b3fa0}\
.wfe-progress-series-1 .wfe-progress-line,.wfe-progress-series-7 .wfe-progress-line{stroke-dasharray:9 4}\
.wfe-progress-series-2 .wfe-progress-line,.wfe-progress-series-8 .wfe-progress-line{stroke-dasharray:2.5 3}\
.wfe-progress-series-3 .wfe-progress-line,.wfe-progress-series-9 .wfe-progress-line{stroke-dasharray:12 3 2.5 3}\
.wfe-progress-series-4 .wfe-progress-line,.wfe-progress-series-10 .wfe-progress-line{stroke-dasharray:6 6}\
.wfe-progress-series-5 .wfe-progress-line,.wfe-progress-series-11 .wfe-progress-line{stroke-dasharray:2.5 7}\
@media (forced-colors:active){.wfe-progress-line{stroke:CanvasText}.wfe-progress-point{fill:CanvasText}}";

const PANEL_W: f64 = 420.0;
const PANEL_H: f64 = 220.0;
const LEFT: f64 = 48.0;
const TOP: f64 = 48.0;
const INSET: f64 = 40.0;
const LEGEND_LINE: f64 = 18.0;

/// One small multiple: a title, the axes, and a line per item.
fn panel(
    title: &str,
    items: &[Item],
    dates: &[&str],
    values: &dyn Fn(usize, usize) -> Option<f64>,
) -> Group {
    let mut g = Group::new().set("class", "wfe-progress-panel");
    g.append(
        Text::new(title)
            .set("x", 0)
            .set("y", 16)
            .set("class", "wfe-progress-title"),
    );
    // Dates sit inside the grid's ends, so their labels stay in the box.
    let x = |d: usize| {
        if dates.len() < 2 {
            LEFT + PANEL_W / 2.0
        } else {
            LEFT + INSET + (PANEL_W - 2.0 * INSET) * d as f64 / (dates.len() - 1) as f64
        }
    };
    let y = |v: f64| TOP + PANEL_H * (1.0 - v);
    for pct in [0, 25, 50, 75, 100] {
        let yy = y(pct as f64 / 100.0);
        g.append(
            Line::new()
                .set("x1", num(LEFT))
                .set("x2", num(LEFT + PANEL_W))
                .set("y1", num(yy))
                .set("y2", num(yy))
                .set("class", "wfe-progress-grid"),
        );
        g.append(
            Text::new(percent(&pct.to_string()))
                .set("x", num(LEFT - 6.0))
                .set("y", num(yy + 4.0))
                .set("text-anchor", "end")
                .set("class", "wfe-progress-tick"),
        );
    }
    for (d, date) in dates.iter().enumerate() {
        g.append(
            Text::new(*date)
                .set("x", num(x(d)))
                .set("y", num(TOP + PANEL_H + 18.0))
                .set("text-anchor", "middle")
                .set("class", "wfe-progress-tick"),
        );
    }
    for (i, item) in items.iter().enumerate() {
        let class = format!("wfe-progress-series wfe-progress-series-{}", i % 12);
        let mut series = Group::new()
            .set("class", class)
            .set("data-id", item.id.as_str());
        series.append(Title::new(item.label.as_str()));
        let points: Vec<(f64, f64, f64)> = (0..dates.len())
            .filter_map(|d| values(d, i).map(|v| (x(d), y(v), v)))
            .collect();
        if points.len() > 1 {
            let path: Vec<String> = points
                .iter()
                .map(|(px, py, _)| format!("{},{}", num(*px), num(*py)))
                .collect();
            series.append(
                Polyline::new()
                    .set("points", path.join(" "))
                    .set("class", "wfe-progress-line"),
            );
        }
        for (px, py, v) in &points {
            let mut dot = Circle::new()
                .set("cx", num(*px))
                .set("cy", num(*py))
                .set("r", 4)
                .set("class", "wfe-progress-point");
            let value = percent(&whole_percent(*v));
            dot.append(Title::new(format!("{}: {value}", item.label)));
            series.append(dot);
        }
        // The legend: a swatch and the label, one line each, below the chart.
        let ly = TOP + PANEL_H + 40.0 + LEGEND_LINE * i as f64;
        series.append(
            Line::new()
                .set("x1", num(LEFT))
                .set("x2", num(LEFT + 20.0))
                .set("y1", num(ly - 4.0))
                .set("y2", num(ly - 4.0))
                .set("class", "wfe-progress-line"),
        );
        // Each line's latest value is written beside its name, so the
        // lines are told apart by more than their colours; a theme or
        // player no snapshot scored says so rather than showing a swatch
        // for a line that is not there.
        let label = match points.last() {
            Some((_, _, v)) => {
                let value = whole_percent(*v);
                say(
                    "progress.latest",
                    &[("label", &item.label), ("value", &value)],
                    || format!("{} — {value}%", item.label),
                )
            }
            None => say("progress.unscored", &[("label", &item.label)], || {
                format!("{} — no scores", item.label)
            }),
        };
        series.append(
            Text::new(label.as_str())
                .set("x", num(LEFT + 26.0))
                .set("y", num(ly))
                .set("class", "wfe-progress-label"),
        );
        g.append(series);
    }
    g
}

/// The progress view as a standalone SVG: readiness per theme (left) and
/// per player (right) on each snapshot date. With no snapshot it says how
/// to take one.
pub fn progress_svg(model: &Model) -> String {
    let shown = crate::language::localized(model);
    let fw = &shown.framework;
    let series = progress_series(model);
    let dates: Vec<&str> = series.iter().map(|s| s.0.as_str()).collect();
    // readiness on the d-th date of the i-th theme or player: what each
    // panel draws and the text alternative says
    let theme_value: &dyn Fn(usize, usize) -> Option<f64> = &|d, i| series[d].1[i];
    let player_value: &dyn Fn(usize, usize) -> Option<f64> = &|d, i| series[d].2[i];
    let rows = fw.themes.len().max(fw.players.len()) as f64;
    let width = 2.0 * (LEFT + PANEL_W + 40.0);
    // With no snapshot, the sentence that says how to take one, alone:
    // empty axes under it read as a chart of nothing.
    let height = if dates.is_empty() {
        48.0
    } else {
        TOP + PANEL_H + 48.0 + LEGEND_LINE * rows
    };
    let title = say("progress.title", &[], || "Readiness over time".into());
    let mut doc = svg::Document::new()
        .set("viewBox", format!("0 0 {} {}", num(width), num(height)))
        .set("width", num(width))
        .set("height", num(height))
        .set("class", "wfe-progress")
        .set("role", "img");
    doc.append(Title::new(title.as_str()));
    doc.append(svg::node::element::Style::new(STYLE));
    let n = dates.len().to_string();
    let desc = if dates.is_empty() {
        say("progress.none", &[], || {
            "No snapshots yet: save a snapshot to start tracking progress.".into()
        })
    } else {
        let (first, last) = (dates[0], dates[dates.len() - 1]);
        let mut desc = if dates.len() == 1 {
            say("progress.desc.one", &[("first", first)], || {
                format!("Readiness per theme and per player on one snapshot date, {first}.")
            })
        } else {
            say(
                "progress.desc",
                &[("count", &n), ("first", first), ("last", last)],
                || {
                    format!("Readiness per theme and per player on {n} snapshot dates, from {first} to {last}.")
                },
            )
        };
        // The values the lines draw, so that the text alternative says
        // what a reader takes from the chart.
        for (items, values) in [(&fw.themes, theme_value), (&fw.players, player_value)] {
            for (i, item) in items.iter().enumerate() {
                desc.push(' ');
                desc.push_str(&described(&item.label, &dates, |d| values(d, i)));
            }
        }
        desc
    };
    doc.append(Description::new().add(svg::node::Text::new(desc.as_str())));
    if dates.is_empty() {
        doc.append(
            Text::new(desc.as_str())
                .set("x", 16)
                .set("y", 32)
                .set("class", "wfe-progress-title"),
        );
        return clean(doc.to_string());
    }
    let by_theme = say("progress.byTheme", &[], || "Readiness by theme".into());
    let by_player = say("progress.byPlayer", &[], || "Readiness by player".into());
    let themes = panel(&by_theme, &fw.themes, &dates, theme_value);
    let players = panel(&by_player, &fw.players, &dates, player_value);
    doc.append(themes.set("transform", "translate(8 0)"));
    doc.append(players.set(
        "transform",
        format!("translate({} 0)", num(LEFT + PANEL_W + 48.0)),
    ));
    clean(doc.to_string())
}

/// One line's values as a sentence: each date's readiness, or that it has
/// none yet. `value(d)` is the line's value on the `d`-th date.
fn described(label: &str, dates: &[&str], value: impl Fn(usize) -> Option<f64>) -> String {
    let at: Vec<String> = dates
        .iter()
        .enumerate()
        .filter_map(|(d, date)| {
            let value = percent(&whole_percent(value(d)?));
            Some(say(
                "progress.at",
                &[("value", &value), ("date", date)],
                || format!("{value} on {date}"),
            ))
        })
        .collect();
    if at.is_empty() {
        return say("progress.descUnscored", &[("label", label)], || {
            format!("{label}: no scores.")
        });
    }
    let values = at.join(", ");
    say(
        "progress.descLine",
        &[("label", label), ("values", &values)],
        || format!("{label}: {values}."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Model;

    fn scored(current: f64) -> Model {
        let text = format!(
            r#"{{"schema": "workforce-ecosystem/v1", "assessments":
                [{{"theme": "integration", "player": "hr", "current": {current}}}]}}"#
        );
        crate::validate::parse_model(&text).unwrap()
    }

    #[test]
    fn each_snapshot_gives_its_readiness() {
        let mut m = super::super::snapshot(&scored(1.0), "2026-01-01").unwrap();
        m.assessments[0].current = 3.0;
        let m = super::super::snapshot(&m, "2026-04-01").unwrap();
        let s = progress_series(&m);
        assert_eq!(s.len(), 2);
        // integration is the second theme, hr the sixth player: (1 − 0)/4, then 3/4.
        assert_eq!((s[0].1[1], s[1].1[1]), (Some(0.25), Some(0.75)));
        assert_eq!((s[0].2[5], s[1].2[5]), (Some(0.25), Some(0.75)));
        assert_eq!(s[0].1[0], None);
        let svg = progress_svg(&m);
        assert!(svg.contains("2026-01-01") && svg.contains("2026-04-01"));
        assert_eq!(
            svg.matches("<polyline").count(),
            2,
            "one line per assessed theme and player"
        );
        // the legend gives each line's latest value, and says which have none
        assert!(svg.contains("\nIntegration architectures — 75%\n"), "{svg}");
        assert!(svg.contains("\nHR — 75%\n"));
        assert!(svg.contains("\nLeadership approaches — no scores\n"));
        // the text alternative says what the lines draw
        let desc = &svg[svg.find("<desc>").unwrap()..svg.find("</desc>").unwrap()];
        assert!(
            desc.contains("on 2 snapshot dates, from 2026-01-01 to 2026-04-01."),
            "{desc}"
        );
        assert!(
            desc.contains(" Integration architectures: 25% on 2026-01-01, 75% on 2026-04-01."),
            "{desc}"
        );
        assert!(desc.contains(" HR: 25% on 2026-01-01, 75% on 2026-04-01."));
        assert!(desc.contains(" Leadership approaches: no scores."));
        let once = super::super::snapshot(&scored(1.0), "2026-01-01").unwrap();
        assert!(progress_svg(&once).contains(
            "<desc>Readiness per theme and per player on one snapshot date, 2026-01-01. "
        ));
        // English percentages in English: the axis and each point's title
        assert!(svg.contains("\n100%\n") && svg.contains("HR: 75%"), "{svg}");
        assert!(!svg.contains(" %"));
        let french = crate::language::in_french(|| progress_svg(&m));
        assert!(french.contains("\n100\u{202f}%\n") && french.contains("75\u{202f}%"));
        assert!(!svg.contains("style="), "no inline style attributes");
        assert_eq!(progress_svg(&m), svg, "deterministic");
    }

    #[test]
    fn labels_stay_inert_text() {
        let mut m = scored(2.0);
        m.framework.themes[1].label = "<script>alert(1)</script>\u{0}".into();
        let m = super::super::snapshot(&m, "2026-01-01").unwrap();
        let svg = progress_svg(&m);
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(!svg.contains('\u{0}'));
    }

    #[test]
    fn without_snapshots_only_the_sentence_is_drawn() {
        let svg = progress_svg(&scored(2.0));
        assert!(svg.contains("No snapshots yet"));
        assert!(svg.contains(r#"viewBox="0 0 1016 48""#), "{svg}");
        assert!(!svg.contains("Readiness by theme") && !svg.contains("wfe-progress-label"));
    }
}
