//! Text measurement with the metrics of the diagram's font, DejaVu Sans (the
//! stylesheet asks for "DejaVu Sans", then Verdana, whose widths are close,
//! then any sans-serif, which is narrower). The advance widths are built in
//! (see `font_table.rs`), so native code and Wasm measure alike.
//!
//! Characters the table does not cover are measured conservatively: wide
//! enough for a CJK ideograph or an emoji from whatever fallback font draws
//! them, so wrapped text never runs past its box.

use super::font_table::{Face, BOLD, REGULAR, UNITS_PER_EM, UNKNOWN};

/// Height of the font's ascender, in ems (DejaVu Sans: 1901/2048).
pub const ASCENT: f64 = 0.93;
/// Distance between baselines of wrapped lines, in ems.
pub const LINE_HEIGHT: f64 = 1.2;
/// Kerning, hinting and the Verdana fallback may differ a little from the
/// table; measure slightly wide so they never push text out of its box.
const SAFETY: f64 = 1.03;
/// The width of a character no table knows (emoji are about 1.28 em).
const UNKNOWN_WIDTH: f64 = 1.3;
/// The widths of right-to-left letters, which the table does not hold,
/// measured in Chromium with DejaVu Sans: Hebrew letters are at most 0.71
/// em; Arabic letters, joined as words are, about 0.42 em on average (alone
/// up to 1.22 em, but a name's letters are joined). At [`UNKNOWN_WIDTH`] a
/// four-word Arabic player name wrapped one word per line where a Latin
/// one of the same length took two lines.
const HEBREW_WIDTH: f64 = 0.72;
const RIGHT_TO_LEFT_WIDTH: f64 = 0.6;

/// The face a text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

fn lookup(face: &Face, cp: u32) -> Option<f64> {
    let mut offset = 0;
    for &(first, last) in face.blocks {
        if cp < first {
            return None;
        }
        if cp <= last {
            let w = *face.widths.get(offset + (cp - first) as usize)?;
            return (w != UNKNOWN).then(|| w as f64 / UNITS_PER_EM);
        }
        offset += (last - first + 1) as usize;
    }
    None
}

/// Characters drawn with no advance of their own (combining marks, joiners,
/// variation selectors): they never start a new line when wrapping.
pub fn is_joining(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C..=0x200D
        | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0xE0100..=0xE01EF
        | 0x1F3FB..=0x1F3FF)
}

fn is_wide_east_asian(cp: u32) -> bool {
    matches!(cp,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// The advance of one character, in ems.
pub fn advance(c: char, weight: Weight) -> f64 {
    let cp = c as u32;
    if is_joining(c) || matches!(cp, 0x200B | 0x2060..=0x2064 | 0xFEFF) {
        return 0.0;
    }
    if weight == Weight::Bold {
        if let Some(w) = lookup(&BOLD, cp) {
            return w;
        }
        // Bold glyphs outside the ASCII table: about 10% wider than regular.
        return advance(c, Weight::Regular) * 1.1;
    }
    if let Some(w) = lookup(&REGULAR, cp) {
        w
    } else if is_wide_east_asian(cp) {
        1.0
    } else if matches!(cp, 0x0590..=0x05FF | 0xFB1D..=0xFB4F) {
        HEBREW_WIDTH
    } else if crate::bidi::is_right_to_left(c) {
        RIGHT_TO_LEFT_WIDTH
    } else {
        UNKNOWN_WIDTH
    }
}

/// The width of `text` set at `size` user units, with the safety margin.
pub fn width(text: &str, size: f64, weight: Weight) -> f64 {
    text.chars().map(|c| advance(c, weight)).sum::<f64>() * size * SAFETY
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_widths_come_from_the_font() {
        // DejaVu Sans: 'W' is 2025 units, 'i' 569, space 651, digits 1303.
        assert!((advance('W', Weight::Regular) - 2025.0 / 2048.0).abs() < 1e-12);
        assert!((advance('i', Weight::Regular) - 569.0 / 2048.0).abs() < 1e-12);
        assert!((advance('0', Weight::Regular) - 1303.0 / 2048.0).abs() < 1e-12);
        assert!((advance('0', Weight::Bold) - 1425.0 / 2048.0).abs() < 1e-12);
        assert!(width("WWW", 10.0, Weight::Regular) > width("iii", 10.0, Weight::Regular) * 3.0);
    }

    #[test]
    fn accented_greek_and_cyrillic_are_in_the_table() {
        for c in ['é', 'ß', 'Ω', 'Ж', '–', '…'] {
            let w = advance(c, Weight::Regular);
            assert!(w > 0.2 && w < 1.2, "{c}: {w}");
        }
    }

    #[test]
    fn unknown_characters_are_measured_wide() {
        assert_eq!(advance('漢', Weight::Regular), 1.0);
        assert_eq!(advance('😀', Weight::Regular), UNKNOWN_WIDTH);
        // joined Arabic and every Hebrew letter fit in less than an emoji
        assert_eq!(advance('ב', Weight::Regular), HEBREW_WIDTH);
        for c in ['ش', 'ﻻ'] {
            assert_eq!(advance(c, Weight::Regular), RIGHT_TO_LEFT_WIDTH, "{c}");
        }
        // a four-word Arabic player name wraps as a Latin one of its length
        let mut fw = crate::framework::standard();
        fw.players[3].label = "الموارد البشرية وقادة الأعمال".into();
        fw.players[4].label = "Human resources and unit heads".into();
        let l = crate::layout::layout(&fw);
        let lines = |i: usize| l.player_labels[i].lines.len();
        assert!(
            lines(3) <= lines(4),
            "{} lines against {}",
            lines(3),
            lines(4)
        );
        assert_eq!(advance('\u{0301}', Weight::Regular), 0.0);
        assert!(advance('ก', Weight::Regular) >= 1.0);
    }

    #[test]
    fn every_face_has_one_width_per_covered_code_point() {
        for face in [&REGULAR, &BOLD] {
            let covered: u32 = face.blocks.iter().map(|(a, b)| b - a + 1).sum();
            assert_eq!(face.widths.len(), covered as usize);
            assert!(face.blocks.windows(2).all(|w| w[0].1 < w[1].0));
        }
    }

    #[test]
    fn lookups_find_block_edges_and_miss_the_gaps() {
        // The first and last code point of blocks, and their neighbours.
        assert_eq!(lookup(&REGULAR, 0x1F), None);
        assert_eq!(lookup(&REGULAR, 0x20), Some(651.0 / 2048.0));
        assert_eq!(lookup(&REGULAR, 0x250), None, "between blocks");
        assert!(lookup(&REGULAR, 0x25FF).is_some());
        assert_eq!(lookup(&REGULAR, 0x2600), None);
        assert_eq!(lookup(&REGULAR, 0x10_FFFF), None);
        assert_eq!(lookup(&BOLD, 0x2013), Some(1024.0 / 2048.0));
        assert_eq!(lookup(&BOLD, 0x2014), None);
        assert_eq!(lookup(&BOLD, 'é' as u32), None, "bold is ASCII only");
        // A code point inside a block that DejaVu Sans lacks.
        let missing = (0x370..0x530).find(|&cp| lookup(&REGULAR, cp).is_none());
        assert!(missing.is_some());
    }

    #[test]
    fn width_scales_with_size_and_adds_up() {
        let a = width("Senior", 16.0, Weight::Regular);
        let b = width(" leaders", 16.0, Weight::Regular);
        let ab = width("Senior leaders", 16.0, Weight::Regular);
        assert!((a + b - ab).abs() < 1e-9);
        assert!((width("Senior", 32.0, Weight::Regular) - 2.0 * a).abs() < 1e-9);
        assert_eq!(width("", 16.0, Weight::Regular), 0.0);
    }
}
