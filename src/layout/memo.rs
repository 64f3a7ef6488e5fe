//! The last few layouts made, kept so that asking again for a layout of the
//! same framework, legend and arrangement costs a comparison and a copy.
//!
//! The page asks for layouts on every edit although an edit of scores rarely
//! changes the framework: choosing the fitting arrangement lays out two of
//! them, and placing the theme names on their rings (with its checks against
//! every cell and label) is the costliest part of the core's work on an
//! edit. Measured in headless Chromium on the sample, an edit spent about
//! 3.3 ms of its 8.5 ms in layout before this memo.
//!
//! A layout is a pure function of its inputs, so the memo changes no output:
//! it keys on the inputs whole (the framework with its labels in the
//! language on show, the legend, the arrangement) and holds one entry per
//! arrangement a page draws, plus one for a second framework (the classroom
//! page shows two models side by side).

use super::{Layout, LayoutKind, LegendSpec};
use crate::model::Framework;
use std::cell::RefCell;

/// Enough for the three arrangements of one framework and one more.
const KEPT: usize = 4;

type Key = (Framework, Option<LegendSpec>, LayoutKind);

thread_local! {
    static KEPT_LAYOUTS: RefCell<Vec<(Key, Layout)>> = const { RefCell::new(Vec::new()) };
}

/// The layout `make` computes for these inputs, made once while it stays
/// among the last few asked for.
pub(super) fn remembered(
    framework: &Framework,
    legend: Option<&LegendSpec>,
    kind: LayoutKind,
    make: impl FnOnce() -> Layout,
) -> Layout {
    let hit = KEPT_LAYOUTS.with_borrow_mut(|kept| {
        let at = kept
            .iter()
            .position(|((f, l, k), _)| *k == kind && l.as_ref() == legend && f == framework)?;
        // the latest asked for go last, so the oldest is the one to drop
        let entry = kept.remove(at);
        let layout = entry.1.clone();
        kept.push(entry);
        Some(layout)
    });
    if let Some(layout) = hit {
        return layout;
    }
    let layout = make();
    KEPT_LAYOUTS.with_borrow_mut(|kept| {
        if kept.len() == KEPT {
            kept.remove(0);
        }
        kept.push(((framework.clone(), legend.cloned(), kind), layout.clone()));
    });
    layout
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework;
    use crate::layout::lay_out;

    fn lay_out_wide(f: &Framework) -> Layout {
        lay_out(f, None, LayoutKind::Wide)
    }

    #[test]
    fn the_same_inputs_give_the_layout_made_first() {
        let fw = framework::sample().framework;
        let mut made = 0;
        let mut make = || {
            made += 1;
            lay_out_wide(&fw)
        };
        let first = remembered(&fw, None, LayoutKind::Wide, &mut make);
        let again = remembered(&fw, None, LayoutKind::Wide, &mut make);
        assert_eq!(first, again);
        assert_eq!(made, 1, "the second ask is answered from the memo");
    }

    #[test]
    fn other_inputs_are_laid_out_anew() {
        let fw = framework::sample().framework;
        let mut renamed = fw.clone();
        renamed.themes[0].label.push_str(" and more");
        let made = std::cell::Cell::new(0);
        let make = |f: &Framework, kind| {
            made.set(made.get() + 1);
            lay_out(f, None, kind)
        };
        remembered(&fw, None, LayoutKind::Square, || {
            make(&fw, LayoutKind::Square)
        });
        let other = remembered(&renamed, None, LayoutKind::Square, || {
            make(&renamed, LayoutKind::Square)
        });
        assert_eq!(made.get(), 2);
        assert_eq!(other, lay_out(&renamed, None, LayoutKind::Square));
        assert_ne!(other, lay_out(&fw, None, LayoutKind::Square));
        remembered(&fw, None, LayoutKind::Narrow, || {
            make(&fw, LayoutKind::Narrow)
        });
        assert_eq!(made.get(), 3, "another arrangement is another layout");
    }

    #[test]
    fn only_the_last_few_are_kept() {
        let fw = framework::sample().framework;
        let variants: Vec<Framework> = (0..KEPT + 1)
            .map(|i| {
                let mut f = fw.clone();
                f.themes[0].label = format!("Theme {i}");
                f
            })
            .collect();
        let mut made = 0;
        for f in &variants {
            remembered(f, None, LayoutKind::Wide, || {
                made += 1;
                lay_out_wide(f)
            });
        }
        // the first was dropped to keep the last KEPT; the last is still there
        remembered(&variants[KEPT], None, LayoutKind::Wide, || {
            made += 1;
            lay_out_wide(&variants[KEPT])
        });
        assert_eq!(made, KEPT + 1);
        remembered(&variants[0], None, LayoutKind::Wide, || {
            made += 1;
            lay_out_wide(&variants[0])
        });
        assert_eq!(made, KEPT + 2);
    }
}
