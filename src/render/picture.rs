//! The picture an embed snippet carries: the drawing made ahead of time, in
//! each layout the custom element could choose for its width, so that the
//! element shows the diagram as soon as its script runs instead of after the
//! Wasm core has been fetched, compiled and started (about 100 ms on a cold
//! load, BENCHMARKS.md), and still shows it where a page's policy does not
//! allow WebAssembly.
//!
//! The element is as tall as its drawing needs, so its layout hangs on its
//! width alone ([`Fit::choose`] with no height), and the widths each layout
//! is chosen for are whole runs of CSS px. Each drawing is a `<template>`
//! (inert: nothing in it is shown or fetched until the element takes it)
//! saying the run it is for, `data-from` and, unless it runs on for ever,
//! `data-below`, so the element looks its width up instead of applying a
//! rule of its own. The drawings leave out the stylesheet a standalone SVG
//! embeds: the element applies the same sheet, and a policy without
//! `'unsafe-inline'` would refuse an inline one.

use super::{document, Fit, RenderOptions};
use crate::layout::LayoutKind;
use crate::model::Model;
use std::fmt::Write;

/// A layout and the element widths it is chosen for: from `from` CSS px up
/// to, but not including, `below` (without end if `None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub layout: LayoutKind,
    pub from: u32,
    pub below: Option<u32>,
}

/// Widths past this are not told apart (no screen is wider).
const WIDEST: f64 = 100_000.0;

impl Fit {
    /// The layouts chosen for rooms of every whole width and no set height,
    /// in order of width. A layout's text becomes readable at one width and
    /// stays so, so each layout is chosen over one run of widths; the choice
    /// can change only next to the widths where a layout becomes readable,
    /// which are the only ones looked at besides 0.
    pub fn spans(&self) -> Vec<Span> {
        let mut starts = vec![0u32];
        for size in [self.wide, self.square] {
            let edge = (size.width * size.min_scale).floor();
            if edge.is_finite() && edge > 0.0 && edge < WIDEST {
                // a rounded product may fall either side of the exact width
                let edge = edge as u32;
                starts.extend(edge.saturating_sub(1)..=edge + 2);
            }
        }
        crate::order::sort(&mut starts);
        starts.dedup();
        let mut spans: Vec<Span> = Vec::new();
        for from in starts {
            let layout = self.choose(f64::from(from), 0.0);
            if let Some(last) = spans.last_mut() {
                if last.layout == layout {
                    continue;
                }
                last.below = Some(from);
            }
            spans.push(Span {
                layout,
                from,
                below: None,
            });
        }
        spans
    }
}

/// The picture for `model` drawn with `opts` (its `layout` is not looked
/// at): one `<template data-wfe-picture="…">` per layout the element could
/// choose, each holding that layout's drawing, in the core's language (the
/// element must speak the same: the snippet gives it that `lang`).
pub fn picture(model: &Model, opts: &RenderOptions) -> String {
    let localized = crate::language::localized(model);
    let mut out = String::new();
    for span in Fit::of(model, opts).spans() {
        let drawing = document::render_unstyled(
            &localized,
            &RenderOptions {
                layout: span.layout,
                ..opts.clone()
            },
        );
        let _ = write!(
            out,
            "<template data-wfe-picture=\"{}\" data-from=\"{}\"",
            span.layout.as_str(),
            span.from
        );
        if let Some(below) = span.below {
            let _ = write!(out, " data-below=\"{below}\"");
        }
        let _ = writeln!(out, ">{drawing}</template>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{Overlay, STYLESHEET};

    fn sample_opts() -> RenderOptions {
        RenderOptions {
            overlay: Overlay::Current,
            standalone: true,
            ..RenderOptions::default()
        }
    }

    #[test]
    fn spans_cover_every_width_with_the_layout_the_rule_chooses() {
        let model = crate::framework::sample();
        for opts in [sample_opts(), RenderOptions::default()] {
            let fit = Fit::of(&model, &opts);
            let spans = fit.spans();
            assert_eq!(spans[0].from, 0);
            assert_eq!(spans.last().unwrap().below, None);
            for pair in spans.windows(2) {
                assert_eq!(pair[0].below, Some(pair[1].from));
                assert_ne!(pair[0].layout, pair[1].layout);
            }
            for width in 0..3000u32 {
                let span = spans
                    .iter()
                    .find(|s| width >= s.from && s.below.is_none_or(|b| width < b))
                    .unwrap();
                assert_eq!(span.layout, fit.choose(f64::from(width), 0.0), "{width} px");
            }
            // a phone gets narrow; a wide page a layout with text beside
            assert_eq!(spans[0].layout, LayoutKind::Narrow);
            assert!(spans.len() >= 2);
        }
    }

    #[test]
    fn a_layout_readable_nowhere_or_everywhere_makes_no_edge() {
        let mut fit = Fit::of(&crate::framework::sample(), &sample_opts());
        fit.wide.min_scale = f64::INFINITY;
        fit.square.min_scale = 0.0;
        assert_eq!(
            fit.spans(),
            vec![Span {
                layout: LayoutKind::Square,
                from: 0,
                below: None
            }]
        );
    }

    #[test]
    fn the_picture_holds_one_unstyled_drawing_per_span() {
        let model = crate::framework::sample();
        let opts = sample_opts();
        let text = picture(&model, &opts);
        let spans = Fit::of(&model, &opts).spans();
        assert_eq!(text.matches("<template ").count(), spans.len());
        assert_eq!(text.matches("</template>").count(), spans.len());
        assert_eq!(text.matches("<svg").count(), spans.len());
        assert!(!text.contains("<style"));
        assert!(!text.contains(&STYLESHEET[..40]));
        for span in &spans {
            let head = format!(
                "<template data-wfe-picture=\"{}\" data-from=\"{}\"",
                span.layout.as_str(),
                span.from
            );
            let at = text.find(&head).expect("each span's template");
            let svg = &text[at..];
            let svg = &svg[svg.find("<svg").unwrap()..svg.find("</template>").unwrap()];
            let own = document::render(
                &model,
                &RenderOptions {
                    layout: span.layout,
                    ..opts.clone()
                },
            );
            // the drawing is the standalone one, less its sheet
            let start = own.find("<style").unwrap();
            let end = start + own[start..].find("</style>").unwrap() + "</style>".len();
            let unstyled = format!("{}{}", &own[..start], own[end..].trim_start_matches('\n'));
            assert_eq!(svg, unstyled);
        }
    }

    #[test]
    fn the_picture_speaks_the_cores_language() {
        let model = crate::framework::sample();
        let english = picture(&model, &sample_opts());
        let french = include_str!("../../www/i18n/core-fr.json");
        let fr = crate::language::Language::from_json(french).unwrap();
        crate::language::set(Some(fr));
        let made = picture(&model, &sample_opts());
        crate::language::set(None);
        assert!(english.contains("Leadership approaches"));
        assert!(made.contains("Approches de leadership"));
        assert!(!made.contains("Leadership approaches"));
    }

    #[test]
    fn labels_stay_text_inside_the_picture() {
        let mut model = crate::framework::sample();
        model.name = "</template><script>alert(1)</script>".into();
        let text = picture(&model, &sample_opts());
        assert!(!text.contains("<script>"));
        assert_eq!(
            text.matches("</template>").count(),
            text.matches("<template ").count()
        );
    }
}
