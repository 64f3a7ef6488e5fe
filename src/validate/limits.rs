//! The limits on what a model may hold, beyond the size of its text
//! ([`super::MAX_BYTES`]) and its number of list items ([`super::MAX_ITEMS`]):
//! how long each text may be, how many of each kind of item there may be,
//! how far the scale may reach and how heavy a weight may be, and how many
//! problems a report lists.
//!
//! A small text can still ask for a great deal of work: eight theme labels of
//! a megabyte each lay out into a 250 MB drawing, and a link of 18 KB unpacks
//! into 99,000 invalid assessments. So every limit is enforced while the
//! model is read (`fields` refuses a text or a list over its limit
//! before keeping it, naming its path and the limit), and again by the rules
//! for models changed in memory (edits, CSV imports) — always before any
//! layout or analysis runs.
//!
//! The limits are generous for real organizations: the sample scaled to
//! about 10,000 assessments (1,672 contributors, 1,463 systems) is well
//! inside them.

use super::wording::Count;
use crate::language::{noun, say};
use crate::model::Model;

/// Characters in an id, or a reference to one (`theme`, `owner`, …).
pub const ID_CHARS: usize = 100;
/// Characters in a label (players, themes, units, contributors, systems,
/// scale steps), the model's name, a scenario's name, or an activity.
pub const LABEL_CHARS: usize = 200;
/// Characters in an assessment's note.
pub const NOTE_CHARS: usize = 5_000;

/// Characters in a date (`YYYY-MM-DD`; the limit leaves room for a
/// mistake to be quoted back).
pub const DATE_CHARS: usize = 40;
/// Responses merged into one model.
pub const RESPONSES: usize = 1_000;
/// Dated snapshots a model may hold.
pub const SNAPSHOTS: usize = 200;

/// Units, contributors and systems a model may define, each.
pub const ITEMS_OF_A_KIND: usize = 5_000;
/// Labels of a scale: one per whole step, so at most 101 steps (0 to 100).
pub const SCALE_LABELS: usize = 101;
/// What-if scenarios in a saved session.
pub const SCENARIOS: usize = 100;

/// The largest magnitude of a scale's `min` and `max`: far beyond any
/// scoring scale, and small enough that every gap, severity and readiness
/// computed from scores on it stays a finite number.
pub const SCALE_BOUND: f64 = 1_000_000.0;
/// The largest weight of an assessment.
pub const MAX_WEIGHT: f64 = 1_000.0;

/// The largest headcount of a contributor: beyond any employer, and far
/// inside the whole numbers a page's JavaScript holds exactly (2^53).
pub const MAX_HEADCOUNT: u64 = 1_000_000_000;
/// What a headcount is, as a problem names it.
pub const HEADCOUNT: &str = "a whole number of people (0 to 1,000,000,000)";

/// Problems a report lists; the rest are counted ("… and 98,900 more
/// problems"), so that a list of them stays quick to print and to show.
pub const MAX_PROBLEMS: usize = 100;

/// What kind of text a field holds, by its key, and its limit; `None` for
/// fields without one (option values the page passes, which are not kept).
/// One table for every reader (models, saved sessions, edits, options), so
/// a field is limited alike wherever it is read.
pub(crate) fn text_limit(key: &str) -> Option<(&'static str, usize)> {
    match key {
        "id" | "theme" | "player" | "unit" | "contributor" | "owner" | "from" | "to" | "schema" => {
            Some(("an id", ID_CHARS))
        }
        "label" => Some(("a label", LABEL_CHARS)),
        "name" => Some(("a name", LABEL_CHARS)),
        "activity" => Some(("an activity", LABEL_CHARS)),
        "note" => Some(("a note", NOTE_CHARS)),
        "respondent" | "role" => Some(("a name", LABEL_CHARS)),
        "code" => Some(("an id", ID_CHARS)),
        "date" => Some(("a date", DATE_CHARS)),
        _ => None,
    }
}

/// The limit on each string of the list under `key`.
pub(crate) fn list_text_limit(key: &str) -> Option<(&'static str, usize)> {
    match key {
        // a system's contributors are ids
        "contributors" => Some(("an id", ID_CHARS)),
        // a scale's labels
        "labels" => Some(("a label", LABEL_CHARS)),
        _ => None,
    }
}

/// How many items the list under `key` may hold, and what they are called;
/// `None` for lists only the total item limit bounds (assessments,
/// responsibilities, integrations).
pub(crate) fn list_limit(key: &str) -> Option<(&'static str, usize)> {
    match key {
        "players" => Some(("players", *super::PLAYERS.end())),
        "themes" => Some(("themes", *super::THEMES.end())),
        "units" => Some(("units", ITEMS_OF_A_KIND)),
        "contributors" => Some(("contributors", ITEMS_OF_A_KIND)),
        "systems" => Some(("systems", ITEMS_OF_A_KIND)),
        "labels" => Some(("labels", SCALE_LABELS)),
        "scenarios" => Some(("scenarios", SCENARIOS)),
        "responses" => Some(("responses", RESPONSES)),
        "history" => Some(("snapshots", SNAPSHOTS)),
        _ => None,
    }
}

/// The message for a text of `chars` characters over `limit`.
pub(crate) fn too_long(what: &str, chars: usize, limit: usize) -> String {
    let (count, limit) = (
        Count(chars as u64).to_string(),
        Count(limit as u64).to_string(),
    );
    say(
        "problem.tooLong",
        &[("count", &count), ("what", &noun(what)), ("limit", &limit)],
        || format!("too long: {count} characters, where {what} may have at most {limit}"),
    )
}

/// The message for a list of `n` items over `limit`.
pub(crate) fn too_many(what: &str, n: usize, limit: usize) -> String {
    let range = match what {
        "players" => Some(super::PLAYERS),
        "themes" => Some(super::THEMES),
        _ => None,
    };
    if let Some(range) = range {
        return diagram_draws(n, what, range);
    }
    let (what, holder, note) = match what {
        "labels" => ("labels", "a scale may have", " (one per step)"),
        "scenarios" => ("what-if scenarios", "a session may hold", ""),
        _ => (what, "a model may define", ""),
    };
    let (count, limit) = (Count(n as u64).to_string(), Count(limit as u64).to_string());
    say(
        "problem.tooMany",
        &[
            ("count", &count),
            ("what", &noun(what)),
            ("holder", &noun(holder)),
            ("limit", &limit),
            ("note", &noun(note)),
        ],
        || format!("{count} {what}; {holder} at most {limit}{note}"),
    )
}

/// "7 players; the diagram draws 2 to 6".
pub(crate) fn diagram_draws(
    n: usize,
    what: &str,
    range: std::ops::RangeInclusive<usize>,
) -> String {
    let (count, min, max) = (
        n.to_string(),
        range.start().to_string(),
        range.end().to_string(),
    );
    say(
        "problem.diagramDraws",
        &[
            ("count", &count),
            ("what", &noun(what)),
            ("min", &min),
            ("max", &max),
        ],
        || format!("{count} {what}; the diagram draws {min} to {max}"),
    )
}

/// The length of `text` in characters when it is over `limit`: counting
/// stops being needed as soon as the byte length shows it fits.
pub(crate) fn over(text: &str, limit: usize) -> Option<usize> {
    if text.len() <= limit {
        return None;
    }
    let chars = text.chars().count();
    (chars > limit).then_some(chars)
}

/// Calls `found(path, message)` for every text of `model` over its limit,
/// with the path the reader would give it; paths are only written for
/// texts that are too long.
pub(crate) fn check_texts(model: &Model, found: &mut dyn FnMut(String, String)) {
    let mut check = |path: &dyn Fn() -> String, text: &str, key: &str| {
        if let Some((what, limit)) = text_limit(key) {
            if let Some(chars) = over(text, limit) {
                found(path(), too_long(what, chars, limit));
            }
        }
    };
    check(&|| "name".into(), &model.name, "name");
    for (list, items) in [
        ("framework.players", &model.framework.players),
        ("framework.themes", &model.framework.themes),
        ("units", &model.units),
    ] {
        for (i, item) in items.iter().enumerate() {
            check(&|| format!("{list}[{i}].id"), &item.id, "id");
            check(&|| format!("{list}[{i}].label"), &item.label, "label");
        }
    }
    for (i, label) in model.scale.labels.iter().enumerate() {
        check(&|| format!("scale.labels[{i}]"), label, "label");
    }
    for (i, a) in model.assessments.iter().enumerate() {
        let at = |f: &'static str| move || format!("assessments[{i}].{f}");
        check(&at("theme"), &a.theme, "theme");
        check(&at("player"), &a.player, "player");
        if let Some(u) = &a.unit {
            check(&at("unit"), u, "unit");
        }
        if let Some(n) = &a.note {
            check(&at("note"), n, "note");
        }
    }
    for (i, c) in model.contributors.iter().enumerate() {
        check(&|| format!("contributors[{i}].id"), &c.id, "id");
        check(&|| format!("contributors[{i}].label"), &c.label, "label");
    }
    for (i, r) in model.responsibilities.iter().enumerate() {
        let at = |f: &'static str| move || format!("responsibilities[{i}].{f}");
        check(&at("contributor"), &r.contributor, "contributor");
        check(&at("theme"), &r.theme, "theme");
        check(&at("player"), &r.player, "player");
        if let Some(a) = &r.activity {
            check(&at("activity"), a, "activity");
        }
    }
    for (i, s) in model.systems.iter().enumerate() {
        check(&|| format!("systems[{i}].id"), &s.id, "id");
        check(&|| format!("systems[{i}].label"), &s.label, "label");
        check(&|| format!("systems[{i}].owner"), &s.owner, "owner");
        for (j, c) in s.contributors.iter().enumerate() {
            check(&|| format!("systems[{i}].contributors[{j}]"), c, "id");
        }
    }
    for (i, x) in model.integrations.iter().enumerate() {
        check(&|| format!("integrations[{i}].from"), &x.from, "from");
        check(&|| format!("integrations[{i}].to"), &x.to, "to");
    }
}

/// Calls `found(path, message)` for every list of `model` over its limit
/// (players and themes are the rules' own, with their lower bounds).
pub(crate) fn check_counts(model: &Model, found: &mut dyn FnMut(String, String)) {
    for (path, key, n) in [
        ("units", "units", model.units.len()),
        ("contributors", "contributors", model.contributors.len()),
        ("systems", "systems", model.systems.len()),
        ("scale.labels", "labels", model.scale.labels.len()),
    ] {
        if let Some((what, limit)) = list_limit(key) {
            if n > limit {
                found(path.to_string(), too_many(what, n, limit));
            }
        }
    }
    for (i, s) in model.systems.iter().enumerate() {
        if s.contributors.len() > ITEMS_OF_A_KIND {
            found(
                format!("systems[{i}].contributors"),
                too_many("contributors", s.contributors.len(), ITEMS_OF_A_KIND),
            );
        }
    }
}

/// Whether an id is blank: nothing but white space and characters that
/// show nothing — controls, zero-width and joiner characters, bidi
/// controls, variation selectors, the byte-order mark, fillers and tags.
/// Such an id cannot be told apart from an empty one, or from another
/// such id, on screen.
pub fn is_blank(id: &str) -> bool {
    id.chars().all(invisible)
}

/// Whether a character shows nothing on screen (see [`is_blank`]).
pub(crate) fn invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{00ad}'
                | '\u{034f}'
                | '\u{061c}'
                | '\u{115f}'
                | '\u{1160}'
                | '\u{17b4}'
                | '\u{17b5}'
                | '\u{180b}'..='\u{180f}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{2800}'
                | '\u{3164}'
                | '\u{fe00}'..='\u{fe0f}'
                | '\u{feff}'
                | '\u{ffa0}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{1bca0}'..='\u{1bca3}'
                | '\u{1d173}'..='\u{1d17a}'
                | '\u{e0000}'..='\u{e0fff}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_ids_are_blank() {
        for blank in [
            "",
            " \t\n",
            "\u{200b}",
            "\u{200b}\u{200c}\u{200d}",
            "\u{202e}\u{2066}",
            "\u{feff}",
            "\u{3164}",
            "\u{e0041}",
            "\u{1}",
            "\u{fe0f} \u{00ad}",
        ] {
            assert!(is_blank(blank), "{blank:?}");
        }
        for id in [
            "a",
            "\u{200b}a",
            "é",
            "שלום",
            "🙂",
            "-",
            "\u{2068}x\u{2069}",
        ] {
            assert!(!is_blank(id), "{id:?}");
        }
    }

    #[test]
    fn lengths_are_counted_in_characters() {
        assert_eq!(over(&"é".repeat(100), 100), None);
        assert_eq!(over(&"é".repeat(101), 100), Some(101));
        assert_eq!(over("abc", 2), Some(3));
    }

    #[test]
    fn messages_name_the_size_and_the_limit() {
        assert_eq!(
            too_long("a label", 1_048_576, LABEL_CHARS),
            "too long: 1,048,576 characters, where a label may have at most 200"
        );
        assert_eq!(
            too_many("units", 6_000, ITEMS_OF_A_KIND),
            "6,000 units; a model may define at most 5,000"
        );
        assert_eq!(
            too_many("players", 13, 12),
            "13 players; the diagram draws 3 to 12"
        );
    }

    #[test]
    fn every_text_of_a_model_is_checked() {
        let mut m = crate::framework::sample();
        let long = "x".repeat(NOTE_CHARS + 1);
        m.name = long.clone();
        m.framework.themes[1].label = long.clone();
        m.assessments[2].note = Some(long.clone());
        m.responsibilities[0].activity = Some(long.clone());
        m.systems[0].contributors[0] = long.clone();
        m.scale.labels[4] = long;
        let mut got = Vec::new();
        check_texts(&m, &mut |path, _| got.push(path));
        assert_eq!(
            got,
            [
                "name",
                "framework.themes[1].label",
                "scale.labels[4]",
                "assessments[2].note",
                "responsibilities[0].activity",
                "systems[0].contributors[0]",
            ]
        );
        let mut none = Vec::new();
        check_texts(&crate::framework::sample(), &mut |p, _| none.push(p));
        check_counts(&crate::framework::sample(), &mut |p, _| none.push(p));
        assert!(none.is_empty());
    }
}
