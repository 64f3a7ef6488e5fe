//! Text blocks: wrapping a label to a width with the built-in font metrics,
//! the box it then occupies, and the placement of player labels outside their
//! vertices without overlapping the diagram or each other.

use super::geom::{rect_overlaps_convex, Point, Rect};
use super::polygon::{regular_polygon, vertex_direction};
use super::text::{is_joining, width, Weight, ASCENT, LINE_HEIGHT};
use serde::Serialize;

/// How each line sits on its `x` (SVG `text-anchor`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// One line of a label: its text, anchor x and baseline y.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextLine {
    pub text: String,
    pub x: f64,
    pub y: f64,
}

/// A wrapped label and the box it occupies.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Label {
    /// The id of what it names (player, theme), or a legend key.
    pub id: String,
    pub font_size: f64,
    pub anchor: Anchor,
    pub lines: Vec<TextLine>,
    pub bbox: Rect,
}

impl Label {
    /// Wraps `text` to `max_width` and sets it with its top-left box corner at
    /// the origin.
    pub fn new(
        id: &str,
        text: &str,
        size: f64,
        weight: Weight,
        max_width: f64,
        anchor: Anchor,
    ) -> Label {
        let lines = wrap(text, max_width, size, weight);
        let w = lines
            .iter()
            .map(|l| width(l, size, weight))
            .fold(0.0, f64::max);
        let x = match anchor {
            Anchor::Start => 0.0,
            Anchor::Middle => w / 2.0,
            Anchor::End => w,
        };
        let lines: Vec<TextLine> = lines
            .into_iter()
            .enumerate()
            .map(|(i, text)| TextLine {
                text,
                x,
                y: size * (ASCENT + LINE_HEIGHT * i as f64),
            })
            .collect();
        let h = size * LINE_HEIGHT * lines.len() as f64;
        Label {
            id: id.to_string(),
            font_size: size,
            anchor,
            lines,
            bbox: Rect::new(0.0, 0.0, w, h),
        }
    }

    /// The same label moved by (`dx`, `dy`).
    pub fn translated(mut self, dx: f64, dy: f64) -> Label {
        self.bbox.x += dx;
        self.bbox.y += dy;
        for l in &mut self.lines {
            l.x += dx;
            l.y += dy;
        }
        self
    }

    /// The same label with its box's top-left corner at (`x`, `y`).
    pub fn at(self, x: f64, y: f64) -> Label {
        let (dx, dy) = (x - self.bbox.x, y - self.bbox.y);
        self.translated(dx, dy)
    }
}

/// Splits `text` into lines no wider than `max_width` (whitespace collapses;
/// a word too long for a line is broken between characters). Always at least
/// one line, possibly empty.
pub fn wrap(text: &str, max_width: f64, size: f64, weight: Weight) -> Vec<String> {
    let fits = |s: &str| width(s, size, weight) <= max_width;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    // A no-break space joins its neighbours into one word.
    let words = text
        .split(|c: char| c.is_whitespace() && c != '\u{a0}')
        .filter(|w| !w.is_empty());
    for word in words {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if fits(&candidate) {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if fits(word) {
            line = word.to_string();
            continue;
        }
        // Break the word into pieces that fit, never before a combining mark.
        for c in word.chars() {
            let mut next = line.clone();
            next.push(c);
            if !line.is_empty() && !is_joining(c) && !fits(&next) {
                lines.push(std::mem::take(&mut line));
                line.push(c);
            } else {
                line = next;
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Space between a vertex and its label.
const VERTEX_GAP: f64 = 14.0;
/// Space kept between two labels.
pub const LABEL_MARGIN: f64 = 6.0;

/// The box of a player label of size `w`×`h` whose reference point is at
/// distance `d` along `u`: the box touches the reference point from the
/// outside, sliding smoothly from "right of it" to "above it" to "left of it".
fn player_box(u: Point, d: f64, w: f64, h: f64) -> Rect {
    let cx = u.x * d + u.x * w / 2.0;
    let cy = u.y * d + u.y * h / 2.0;
    Rect::new(cx - w / 2.0, cy - h / 2.0, w, h)
}

/// Which way a label at direction `u` aligns its lines.
pub fn side_anchor(u: Point) -> Anchor {
    if u.x > 0.25 {
        Anchor::Start
    } else if u.x < -0.25 {
        Anchor::End
    } else {
        Anchor::Middle
    }
}

/// Places one label per vertex of the `n`-gon of circumradius `radius`
/// (`labels[k]` for vertex `k`, already wrapped), outside the polygon and
/// clear of each other: each starts just outside its vertex and, while it
/// touches the polygon or another label, moves outwards along its vertex
/// direction. Directions differ, so the gaps grow and the loop ends.
pub fn place_player_labels(labels: Vec<Label>, n: usize, radius: f64) -> Vec<Label> {
    let grown = regular_polygon(n.max(3), radius + VERTEX_GAP * 0.5);
    let dirs: Vec<Point> = (0..labels.len())
        .map(|k| vertex_direction(k, n.max(3)))
        .collect();
    let dims: Vec<(f64, f64)> = labels
        .iter()
        .map(|l| (l.bbox.width, l.bbox.height))
        .collect();
    let mut dist: Vec<f64> = vec![radius + VERTEX_GAP; labels.len()];
    let boxes = |dist: &[f64]| -> Vec<Rect> {
        (0..dims.len())
            .map(|k| player_box(dirs[k], dist[k], dims[k].0, dims[k].1))
            .collect()
    };
    const STEP: f64 = 4.0;
    for k in 0..dims.len() {
        while rect_overlaps_convex(&player_box(dirs[k], dist[k], dims[k].0, dims[k].1), &grown) {
            dist[k] += STEP;
        }
    }
    // Bounded: every round moves at least one label outwards, and far enough
    // out no two labels meet.
    for _ in 0..100_000 {
        let b = boxes(&dist);
        let mut moved = false;
        for i in 0..b.len() {
            for j in i + 1..b.len() {
                if b[i].overlaps(&b[j], LABEL_MARGIN / 2.0) {
                    dist[i] += STEP;
                    dist[j] += STEP;
                    moved = true;
                }
            }
        }
        if !moved {
            break;
        }
    }
    // One box per label.
    let b = boxes(&dist);
    labels
        .into_iter()
        .zip(&b)
        .map(|(l, r)| l.at(r.x, r.y))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_word_boundaries_within_the_width() {
        let lines = wrap(
            "Business unit leaders of the whole group",
            120.0,
            16.0,
            Weight::Regular,
        );
        assert!(lines.len() >= 2, "{lines:?}");
        for l in &lines {
            assert!(width(l, 16.0, Weight::Regular) <= 120.0, "{l}");
        }
        assert_eq!(lines.join(" "), "Business unit leaders of the whole group");
    }

    #[test]
    fn collapses_whitespace_and_breaks_long_words() {
        assert_eq!(
            wrap("  a \n\t b ", 500.0, 16.0, Weight::Regular),
            vec!["a b"]
        );
        let long = "W".repeat(80);
        let lines = wrap(&long, 100.0, 16.0, Weight::Regular);
        assert!(lines.len() > 5);
        assert_eq!(lines.concat(), long);
        for l in &lines {
            assert!(width(l, 16.0, Weight::Regular) <= 100.0);
        }
        assert_eq!(wrap("", 100.0, 16.0, Weight::Regular), vec![""]);
    }

    #[test]
    fn a_no_break_space_holds_its_words_together() {
        let lines = wrap(
            "Seen on 3\u{a0}December\u{a0}2026",
            150.0,
            16.0,
            Weight::Regular,
        );
        assert_eq!(
            lines.last().map(String::as_str),
            Some("3\u{a0}December\u{a0}2026")
        );
    }

    #[test]
    fn never_splits_a_combining_mark_from_its_letter() {
        let word = "e\u{301}".repeat(40);
        for l in wrap(&word, 30.0, 16.0, Weight::Regular) {
            assert!(!l.starts_with('\u{301}'));
        }
    }

    #[test]
    fn a_label_box_holds_its_lines() {
        let l = Label::new(
            "x",
            "Finance & legal",
            16.0,
            Weight::Regular,
            90.0,
            Anchor::End,
        )
        .at(10.0, 20.0);
        assert_eq!(l.lines.len(), 2);
        assert_eq!(l.bbox.x, 10.0);
        assert_eq!(l.lines[0].x, l.bbox.right());
        assert!(l.lines[1].y < l.bbox.bottom() && l.lines[0].y > l.bbox.y);
        assert!((l.bbox.height - 2.0 * 16.0 * LINE_HEIGHT).abs() < 1e-9);
    }

    #[test]
    fn player_labels_stay_outside_the_polygon_and_apart() {
        for n in [3, 6, 12] {
            let labels: Vec<Label> = (0..n)
                .map(|k| {
                    let a = side_anchor(vertex_direction(k, n));
                    Label::new(
                        "p",
                        &"Wide label text ".repeat(4),
                        16.0,
                        Weight::Regular,
                        160.0,
                        a,
                    )
                })
                .collect();
            let placed = place_player_labels(labels, n, 300.0);
            let poly = regular_polygon(n, 300.0);
            for (i, a) in placed.iter().enumerate() {
                assert!(
                    !rect_overlaps_convex(&a.bbox, &poly),
                    "n={n} label {i} on the polygon"
                );
                for b in &placed[i + 1..] {
                    assert!(!a.bbox.overlaps(&b.bbox, 0.0), "n={n}");
                }
            }
        }
    }
}
