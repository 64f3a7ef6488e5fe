//! The choice of layout for the room a drawing has: of wide and square, the
//! one drawn largest while its smallest text stays readable; when neither
//! is, the one whose smallest text is largest there, of the three — narrow
//! where the room grows with the drawing (a phone's column), but in a room
//! of fixed height (an iframe, a sidebar's box) narrow is as small as the
//! others and often smaller.
//!
//! The choice hangs on a few numbers per model and options ([`Fit`]), which
//! the core hands out as data as well as applying them: the editor's first
//! paint (`www/first-paint.js`) draws a drawing made at build time before
//! the core has started, and chooses among them with these numbers and the
//! rule of [`Fit::choose`], written out again there because no core is
//! running yet to ask (a browser test holds the two to the same answers).

use super::{document, RenderOptions};
use crate::layout::LayoutKind;
use crate::model::Model;
use serde::Serialize;

/// The smallest text a drawing may show, in CSS px.
pub const MIN_TEXT_PX: f64 = 12.0;

/// How much larger square must be drawn than wide to be chosen over it.
const SQUARE_OVER_WIDE: f64 = 1.05;

/// One layout's drawing: its view box's size and the least scale (CSS px
/// per user unit) at which its smallest text reads at [`MIN_TEXT_PX`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FitSize {
    pub width: f64,
    pub height: f64,
    pub min_scale: f64,
}

impl FitSize {
    /// The scale of the drawing fitted in `width` × `height` (a height of 0
    /// or less: as tall as it needs), if its text stays readable there.
    fn readable_scale(&self, width: f64, height: f64) -> Option<f64> {
        let scale = self.scale_in(width, height);
        (scale >= self.min_scale).then_some(scale)
    }

    /// The scale of the drawing fitted in `width` × `height` (a height of 0
    /// or less: as tall as it needs).
    fn scale_in(&self, width: f64, height: f64) -> f64 {
        let across = width / self.width;
        if height > 0.0 {
            across.min(height / self.height)
        } else {
            across
        }
    }

    /// How large its smallest text is when fitted in `width` × `height`, as
    /// a share of [`MIN_TEXT_PX`].
    fn text_share(&self, width: f64, height: f64) -> f64 {
        self.scale_in(width, height) / self.min_scale
    }
}

/// What the choice of layout hangs on for one model and options.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Fit {
    pub wide: FitSize,
    pub square: FitSize,
    pub narrow: FitSize,
}

impl FitSize {
    /// The size of `model`'s drawing in the arrangement `kind`.
    fn of(model: &Model, opts: &RenderOptions, kind: LayoutKind) -> FitSize {
        let layout = document::layout_of(model, opts, kind);
        let [_, _, width, height] = layout.view_box;
        FitSize {
            width,
            height,
            min_scale: MIN_TEXT_PX / layout.smallest_text(),
        }
    }
}

impl Fit {
    pub fn of(model: &Model, opts: &RenderOptions) -> Fit {
        let model = crate::language::localized(model);
        Fit {
            wide: FitSize::of(&model, opts, LayoutKind::Wide),
            square: FitSize::of(&model, opts, LayoutKind::Square),
            narrow: FitSize::of(&model, opts, LayoutKind::Narrow),
        }
    }

    /// The layout for a room of `width` × `height` CSS px (a height of 0 or
    /// less: as tall as it needs): wide when both are alike.
    pub fn choose(&self, width: f64, height: f64) -> LayoutKind {
        choose(self.wide, self.square, || self.narrow, width, height)
    }
}

/// [`Fit::choose`], given the narrow layout's size only when neither wide
/// nor square reads in the room: a drawing's first layout for its room
/// (the element's, on a cold load) then lays out two arrangements, not three.
fn choose(
    wide: FitSize,
    square: FitSize,
    narrow: impl FnOnce() -> FitSize,
    width: f64,
    height: f64,
) -> LayoutKind {
    match (
        wide.readable_scale(width, height),
        square.readable_scale(width, height),
    ) {
        (Some(w), Some(s)) if s > w * SQUARE_OVER_WIDE => LayoutKind::Square,
        (Some(_), _) => LayoutKind::Wide,
        (None, Some(_)) => LayoutKind::Square,
        (None, None) => {
            // the largest text, narrow first among equals
            let share = |size: &FitSize| size.text_share(width, height);
            let narrow = narrow();
            let mut best = (LayoutKind::Narrow, share(&narrow));
            for (kind, size) in [(LayoutKind::Wide, &wide), (LayoutKind::Square, &square)] {
                if share(size) > best.1 {
                    best = (kind, share(size));
                }
            }
            best.0
        }
    }
}

impl Fit {
    /// The least height of a room `width` CSS px wide in which a layout
    /// (`only` that one, if given) reads at [`MIN_TEXT_PX`]; [`Fit::choose`]
    /// takes a readable one there. `None` when none does at this width,
    /// however tall. For a room of fixed height too small for readable
    /// text (a small frame; 200 % zoom halves the room): the drawing is
    /// laid out for this height instead and scrolls, rather than shrinking
    /// its text.
    pub fn readable_height(&self, width: f64, only: Option<LayoutKind>) -> Option<f64> {
        [
            (LayoutKind::Wide, &self.wide),
            (LayoutKind::Square, &self.square),
            (LayoutKind::Narrow, &self.narrow),
        ]
        .into_iter()
        .filter(|(kind, size)| {
            only.map_or(true, |o| o == *kind) && width / size.width >= size.min_scale
        })
        .map(|(_, size)| size.height * size.min_scale)
        .min_by(f64::total_cmp)
    }
}

/// The layout for a drawing shown in a room of `width` × `height` CSS px (a
/// height of 0 or less: as tall as it needs). `opts.layout` is not looked at.
pub fn fitting_layout(model: &Model, opts: &RenderOptions, width: f64, height: f64) -> LayoutKind {
    let model = crate::language::localized(model);
    let size = |kind| FitSize::of(&model, opts, kind);
    choose(
        size(LayoutKind::Wide),
        size(LayoutKind::Square),
        || size(LayoutKind::Narrow),
        width,
        height,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Overlay;

    #[test]
    fn a_room_too_low_for_readable_text_is_told_how_tall_it_must_be() {
        let fit = Fit::of(&crate::framework::sample(), &RenderOptions::default());
        for width in [320.0, 640.0, 683.0, 1000.0, 1366.0] {
            let Some(least) = fit.readable_height(width, None) else {
                continue;
            };
            // there a layout reads, and the one chosen is such a layout
            let chosen = match fit.choose(width, least) {
                LayoutKind::Wide => fit.wide,
                LayoutKind::Square => fit.square,
                LayoutKind::Narrow => fit.narrow,
            };
            assert!(chosen.text_share(width, least) >= 1.0 - 1e-9, "{width}");
            // a little lower, none does
            for size in [fit.wide, fit.square, fit.narrow] {
                assert!(size.readable_scale(width, least - 1.0).is_none(), "{width}");
            }
        }
        assert!(fit.readable_height(640.0, None).is_some());
        assert_eq!(fit.readable_height(10.0, None), None, "too narrow for any");
        let narrow = fit
            .readable_height(640.0, Some(LayoutKind::Narrow))
            .unwrap();
        assert_eq!(narrow, fit.narrow.height * fit.narrow.min_scale);
    }

    #[test]
    fn the_choice_without_narrow_s_size_is_the_choice_with_it() {
        // fitting_layout works narrow's size out only when it is needed
        let opts = RenderOptions {
            overlay: Overlay::Current,
            ..RenderOptions::default()
        };
        let studio = crate::parse_model(include_str!("../../www/models/studio.json")).unwrap();
        for model in [crate::framework::sample(), studio] {
            let fit = Fit::of(&model, &opts);
            for width in (200..=1600).step_by(60) {
                for height in [0, 300, 500, 700, 900, 1200] {
                    let (w, h) = (f64::from(width), f64::from(height));
                    assert_eq!(
                        fitting_layout(&model, &opts, w, h),
                        fit.choose(w, h),
                        "{w} × {h}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_room_chooses_the_layout() {
        let model = crate::framework::sample();
        let opts = RenderOptions {
            overlay: Overlay::Current,
            ..RenderOptions::default()
        };
        let fit = |w, h| fitting_layout(&model, &opts, w, h);
        // A desktop editor, a presenter's half of a full-HD screen, a phone.
        assert_eq!(fit(1100.0, 760.0), LayoutKind::Wide);
        assert_eq!(fit(900.0, 1000.0), LayoutKind::Square);
        assert_eq!(fit(374.0, 0.0), LayoutKind::Narrow);
        // Whatever it picks, its text reads at 12 px, or no layout's does
        // and its text is the largest of the three there.
        let text = |kind, w, h| {
            let l = document::layout_of(&model, &opts, kind);
            l.smallest_text() * l.scale_in(w, h)
        };
        let all = [LayoutKind::Wide, LayoutKind::Square, LayoutKind::Narrow];
        for (w, h) in [
            (1400.0, 900.0),
            (800.0, 800.0),
            (640.0, 740.0),
            (500.0, 0.0),
            (640.0, 640.0),
            (1000.0, 500.0),
            (500.0, 500.0),
            (374.0, 700.0),
        ] {
            let kind = fit(w, h);
            if text(kind, w, h) < 12.0 {
                for other in all {
                    assert!(
                        text(kind, w, h) >= text(other, w, h),
                        "{kind:?} in {w} × {h}"
                    );
                }
            }
        }
        // An iframe of 640 × 640 px, a wide box 500 px high: not narrow,
        // whose text would be smaller there than square's or wide's.
        assert_eq!(fit(640.0, 640.0), LayoutKind::Square);
        assert_eq!(fit(1000.0, 500.0), LayoutKind::Wide);
    }

    #[test]
    fn the_numbers_are_the_drawings() {
        let model = crate::framework::sample();
        let opts = RenderOptions::default();
        let fit = Fit::of(&model, &opts);
        for (kind, size) in [
            (LayoutKind::Wide, fit.wide),
            (LayoutKind::Square, fit.square),
            (LayoutKind::Narrow, fit.narrow),
        ] {
            let l = document::layout_of(&model, &opts, kind);
            assert_eq!([size.width, size.height], [l.view_box[2], l.view_box[3]]);
            assert_eq!(size.min_scale * l.smallest_text(), MIN_TEXT_PX);
        }
        // wide is the wider drawing, square the taller one
        assert!(fit.wide.width / fit.wide.height > fit.square.width / fit.square.height);
    }

    #[test]
    fn square_wins_only_when_drawn_clearly_larger() {
        let size = |width, height| FitSize {
            width,
            height,
            min_scale: 1.0,
        };
        // narrow: its text twice as large for its size as the others'
        let fit = Fit {
            wide: size(1000.0, 500.0),
            square: size(700.0, 700.0),
            narrow: FitSize {
                min_scale: 0.5,
                ..size(400.0, 1200.0)
            },
        };
        // both readable; square drawn 1.43× wide's in a 1000 × 1000 room
        assert_eq!(fit.choose(1000.0, 1000.0), LayoutKind::Square);
        // 1000 × 700: wide at 1.0, square at 1.0 — alike, so wide
        assert_eq!(fit.choose(1000.0, 700.0), LayoutKind::Wide);
        // square at 1.04 of wide is not enough (under the 5 % margin)
        assert_eq!(fit.choose(1000.0, 728.0), LayoutKind::Wide);
        // only square readable (too narrow for wide)
        assert_eq!(fit.choose(800.0, 900.0), LayoutKind::Square);
        // neither: narrow's text at 1.5 of readable (scale 0.75 against its
        // 0.5), square's at 0.86, wide's at 0.6
        assert_eq!(fit.choose(600.0, 900.0), LayoutKind::Narrow);
        // as tall as it needs: square's scale is width / 700, wide's width / 1000
        assert_eq!(fit.choose(1200.0, 0.0), LayoutKind::Square);
        assert_eq!(fit.choose(650.0, 0.0), LayoutKind::Narrow);
        // 600 × 480: narrow's text at 0.8 (480 / 1200 × 2), square's 0.69,
        // wide's 0.6
        assert_eq!(fit.choose(600.0, 480.0), LayoutKind::Narrow);
        // 680 × 380: narrow's at 0.63, square's at 0.54, wide's at 0.68
        assert_eq!(fit.choose(680.0, 380.0), LayoutKind::Wide);
        // 690 × 600: square's at 0.86, narrow's at 1.0: narrow
        assert_eq!(fit.choose(690.0, 600.0), LayoutKind::Narrow);
        // 690 × 450: square's at 0.64, narrow's at 0.75, wide's at 0.69
        assert_eq!(fit.choose(690.0, 450.0), LayoutKind::Narrow);
        // 690 × 300: wide's at 0.6, square's at 0.43, narrow's at 0.5
        assert_eq!(fit.choose(690.0, 300.0), LayoutKind::Wide);
    }
}
