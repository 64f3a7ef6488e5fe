//! Writes a model in the text syntax's canonical form: statements in the
//! order of docs/text-syntax.md, one group of lines per list with a blank
//! line between groups, defaults left out (the standard framework and
//! scale, labels equal to their id, a weight of 1), ids bare when they are
//! made of ordinary characters and quoted otherwise, and every character
//! that shows nothing escaped so that the text reads as what it holds.

use crate::framework;
use crate::model::{Item, Model, Scale, Score};
use crate::validate::limits::invisible;
use crate::validate::wording;
use std::fmt::Write;

/// Tracked contributors on a `system` line, and on each `tracks` line after
/// it; scale labels on the `scale` line and each `labels` line. Keeps every
/// line of a valid model well under [`super::MAX_LINE_CHARS`].
const PER_LINE: usize = 16;

/// The model as canonical text.
pub(super) fn print(model: &Model) -> String {
    let mut groups: Vec<Vec<String>> = Vec::new();
    if !model.name.is_empty() {
        groups.push(vec![format!("name {}", quoted(&model.name))]);
    }
    if let Some(who) = &model.respondent {
        let mut line = "respondent".to_string();
        if let Some(c) = &who.code {
            let _ = write!(line, " code {}", id(c));
        }
        if let Some(r) = &who.role {
            let _ = write!(line, " role {}", quoted(r));
        }
        if let Some(d) = &who.date {
            let _ = write!(line, " date {}", id(d));
        }
        groups.push(vec![line]);
    }
    let standard = framework::standard();
    let mut framework = Vec::new();
    if model.framework.players != standard.players {
        framework.extend(items("player", &model.framework.players));
    }
    if model.framework.themes != standard.themes {
        framework.extend(items("theme", &model.framework.themes));
    }
    groups.push(framework);
    if model.scale != Scale::default() {
        groups.push(scale(&model.scale));
    }
    groups.push(items("unit", &model.units));
    groups.push(model.assessments.iter().map(score).collect());
    groups.push(
        model
            .contributors
            .iter()
            .map(|c| {
                let mut line = format!("contributor {}", id_label(&c.id, &c.label));
                let _ = write!(line, " {}", c.kind.as_str());
                if let Some(n) = c.headcount {
                    let _ = write!(line, " headcount {n}");
                }
                line
            })
            .collect(),
    );
    groups.push(
        model
            .responsibilities
            .iter()
            .map(|r| {
                let mut line = format!(
                    "owner {} {} {}",
                    id(&r.player),
                    id(&r.theme),
                    id(&r.contributor)
                );
                if let Some(a) = &r.activity {
                    let _ = write!(line, " activity {}", quoted(a));
                }
                if let Some(c) = r.control {
                    let _ = write!(line, " {}", c.as_str());
                }
                line
            })
            .collect(),
    );
    let mut systems = Vec::new();
    for s in &model.systems {
        let mut chunks = s.contributors.chunks(PER_LINE);
        let mut line = format!(
            "system {} owner {}",
            id_label(&s.id, &s.label),
            id(&s.owner)
        );
        if let Some(first) = chunks.next() {
            line.push_str(" tracks");
            push_ids(&mut line, first);
        }
        systems.push(line);
        for chunk in chunks {
            let mut line = format!("tracks {}", id(&s.id));
            push_ids(&mut line, chunk);
            systems.push(line);
        }
    }
    groups.push(systems);
    groups.push(
        model
            .integrations
            .iter()
            .map(|x| format!("link {} -> {}", id(&x.from), id(&x.to)))
            .collect(),
    );
    let mut responses = Vec::new();
    for r in &model.responses {
        let mut line = format!("response {}", id(&r.respondent));
        if let Some(role) = &r.role {
            let _ = write!(line, " role {}", quoted(role));
        }
        if let Some(d) = &r.date {
            let _ = write!(line, " date {}", id(d));
        }
        responses.push(line);
        responses.extend(r.scores.iter().map(cell));
    }
    groups.push(responses);
    let mut history = Vec::new();
    for h in &model.history {
        history.push(format!("snapshot {}", id(&h.date)));
        history.extend(h.scores.iter().map(cell));
    }
    groups.push(history);
    let mut out = String::new();
    for group in groups.iter().filter(|g| !g.is_empty()) {
        if !out.is_empty() {
            out.push('\n');
        }
        for line in group {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn items(keyword: &str, items: &[Item]) -> Vec<String> {
    items
        .iter()
        .map(|i| format!("{keyword} {}", id_label(&i.id, &i.label)))
        .collect()
}

fn scale(scale: &Scale) -> Vec<String> {
    let mut chunks = scale.labels.chunks(PER_LINE);
    let mut first = format!("scale {} {}", number(scale.min), number(scale.max));
    for label in chunks.next().unwrap_or_default() {
        let _ = write!(first, " {}", quoted(label));
    }
    let mut lines = vec![first];
    for chunk in chunks {
        let mut line = "labels".to_string();
        for label in chunk {
            let _ = write!(line, " {}", quoted(label));
        }
        lines.push(line);
    }
    lines
}

/// `PLAYER THEME CURRENT [-> TARGET] [unit ID]`, after `keyword`.
fn scores(
    keyword: &str,
    player: &str,
    theme: &str,
    current: f64,
    target: Option<f64>,
    unit: Option<&str>,
) -> String {
    let mut line = format!("{keyword} {} {} {}", id(player), id(theme), number(current));
    if let Some(t) = target {
        let _ = write!(line, " -> {}", number(t));
    }
    if let Some(u) = unit {
        let _ = write!(line, " unit {}", id(u));
    }
    line
}

/// A response's or a snapshot's scores of one cell, indented under it.
fn cell(s: &Score) -> String {
    scores(
        "  cell",
        &s.player,
        &s.theme,
        s.current,
        s.target,
        s.unit.as_deref(),
    )
}

fn score(a: &crate::model::Assessment) -> String {
    let mut line = scores(
        "score",
        &a.player,
        &a.theme,
        a.current,
        a.target,
        a.unit.as_deref(),
    );
    if a.weight != 1.0 {
        let _ = write!(line, " weight {}", number(a.weight));
    }
    if let Some(n) = &a.note {
        let _ = write!(line, " note {}", quoted(n));
    }
    line
}

fn push_ids(line: &mut String, ids: &[String]) {
    for i in ids {
        line.push(' ');
        line.push_str(&id(i));
    }
}

/// `id` or `id "Label"` when the label is not the id.
fn id_label(i: &str, label: &str) -> String {
    if i == label {
        id(i)
    } else {
        format!("{} {}", id(i), quoted(label))
    }
}

/// A number as Rust writes it: the shortest decimal that reads back as the
/// same value, never with an exponent (`1`, `2.5`, `0.0001`).
pub(super) fn number(x: f64) -> String {
    format!("{x}")
}

/// An id bare when it is made of letters, digits and `- _ . / : + @` only
/// (and so cannot be taken for an arrow, a comment or a text), else quoted.
pub(super) fn id(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars().all(|c| {
            (c.is_alphanumeric() && !invisible(c))
                || matches!(c, '-' | '_' | '.' | '/' | ':' | '+' | '@')
        })
        && !s.starts_with('#');
    if plain {
        s.to_string()
    } else {
        quoted(s)
    }
}

/// `s` in double quotes, with quotes and backslashes escaped, and every
/// character that shows nothing (controls, bidi controls, zero-width and
/// white space other than the plain space) written as `\u{…}`.
pub(super) fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        // The plain space is the one white space written as itself.
        wording::push_escaped_char(&mut out, c, |c| c != ' ' && invisible(c));
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_bare_only_when_plain() {
        assert_eq!(id("senior-leaders"), "senior-leaders");
        assert_eq!(id("équipe_2"), "équipe_2");
        assert_eq!(id("a b"), "\"a b\"");
        assert_eq!(id(""), "\"\"");
        assert_eq!(id("a->b"), "\"a->b\"");
        assert_eq!(id("\u{3164}"), "\"\\u{3164}\"");
        assert_eq!(
            quoted("a\"\\\n\u{202e}\u{a0} b"),
            "\"a\\\"\\\\\\n\\u{202e}\\u{00a0} b\""
        );
    }

    #[test]
    fn numbers_read_back_exactly() {
        for x in [
            0.0,
            1.0,
            -2.5,
            0.1,
            1.0 / 3.0,
            1e-7,
            999_999.999_999,
            f64::MIN_POSITIVE,
        ] {
            let s = number(x);
            assert!(!s.contains('e'), "{s}");
            assert_eq!(s.parse::<f64>().unwrap(), x);
        }
    }
}
