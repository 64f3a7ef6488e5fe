//! The rules for a model's many voices and dates: the responses merged into
//! it, its dated snapshots and the respondent of a response file. Kept apart
//! from `rules/` because these lists nest (a response holds scores), so
//! their places are plain paths, and because none of this is on the hot
//! path of an edit.

use super::limits::{over, text_limit, too_long, too_many, RESPONSES, SNAPSHOTS};
use super::wording::{num, quote};
use crate::language::say;
use crate::model::{Model, Score};
use std::collections::HashMap;

/// Whether `date` is a calendar date written `YYYY-MM-DD`.
pub fn is_date(date: &str) -> bool {
    let b = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) {
        return false;
    }
    if !digits(5..7) || !digits(8..10) {
        return false;
    }
    let (y, m, d) = (
        date[0..4].parse::<u32>().unwrap_or(0),
        date[5..7].parse::<u32>().unwrap_or(0),
        date[8..10].parse::<u32>().unwrap_or(0),
    );
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// What the rules know of the model: whether an id is a theme, a player, a
/// unit (each `true` when that list could not be read whole), and the scale.
pub(super) struct Known<'a> {
    pub theme: &'a dyn Fn(&str) -> bool,
    pub player: &'a dyn Fn(&str) -> bool,
    pub unit: &'a dyn Fn(&str) -> bool,
    pub scale: Option<(f64, f64)>,
}

/// Every problem of the model's responses, history and respondent, as
/// (path, message).
pub(super) fn check(model: &Model, known: &Known, found: &mut dyn FnMut(String, String)) {
    let mut text = |path: &dyn Fn() -> String, value: &str, key: &str| {
        if let Some((what, limit)) = text_limit(key) {
            if let Some(chars) = over(value, limit) {
                found(path(), too_long(what, chars, limit));
                return false;
            }
        }
        true
    };
    let mut problems: Vec<(String, String)> = Vec::new();
    if let Some(who) = &model.respondent {
        for (key, v) in [
            ("code", &who.code),
            ("role", &who.role),
            ("date", &who.date),
        ] {
            if let Some(v) = v {
                text(&|| format!("respondent.{key}"), v, key);
            }
        }
        if let Some(d) = &who.date {
            date(&mut problems, "respondent.date".into(), d);
        }
    }
    if model.responses.len() > RESPONSES {
        problems.push((
            "responses".into(),
            too_many("responses", model.responses.len(), RESPONSES),
        ));
    }
    if model.history.len() > SNAPSHOTS {
        problems.push((
            "history".into(),
            too_many("snapshots", model.history.len(), SNAPSHOTS),
        ));
    }
    let mut respondents: HashMap<&str, usize> = HashMap::new();
    for (i, r) in model.responses.iter().enumerate() {
        let at = format!("responses[{i}]");
        if text(&|| format!("{at}.respondent"), &r.respondent, "respondent") {
            if super::limits::is_blank(&r.respondent) {
                problems.push((
                    format!("{at}.respondent"),
                    say("problem.noRespondent", &[], || {
                        "empty: every response needs its respondent's name or code".into()
                    }),
                ));
            } else if let Some(first) = respondents.insert(&r.respondent, i) {
                respondents.insert(&r.respondent, first);
                let (who, first) = (quote(&r.respondent), format!("responses[{first}]"));
                problems.push((
                    format!("{at}.respondent"),
                    say(
                        "problem.duplicateRespondent",
                        &[("who", &who), ("first", &first)],
                        || format!("second response from {who} (the first is {first})"),
                    ),
                ));
            }
        }
        if let Some(role) = &r.role {
            text(&|| format!("{at}.role"), role, "role");
        }
        if let Some(d) = &r.date {
            if text(&|| format!("{at}.date"), d, "date") {
                date(&mut problems, format!("{at}.date"), d);
            }
        }
        scores(&mut problems, &format!("{at}.scores"), &r.scores, known);
    }
    let mut dates: HashMap<&str, usize> = HashMap::new();
    for (i, h) in model.history.iter().enumerate() {
        let at = format!("history[{i}]");
        if text(&|| format!("{at}.date"), &h.date, "date") {
            if !is_date(&h.date) {
                date(&mut problems, format!("{at}.date"), &h.date);
            } else if let Some(first) = dates.insert(&h.date, i) {
                dates.insert(&h.date, first);
                let (d, first) = (quote(&h.date), format!("history[{first}]"));
                problems.push((
                    format!("{at}.date"),
                    say(
                        "problem.duplicateSnapshot",
                        &[("date", &d), ("first", &first)],
                        || format!("second snapshot dated {d} (the first is {first})"),
                    ),
                ));
            }
        }
        scores(&mut problems, &format!("{at}.scores"), &h.scores, known);
    }
    for (path, message) in problems {
        found(path, message);
    }
}

fn date(problems: &mut Vec<(String, String)>, path: String, d: &str) {
    if !is_date(d) {
        let d = quote(d);
        problems.push((
            path,
            say("problem.date", &[("date", &d)], || {
                format!("{d} is not a date written YYYY-MM-DD")
            }),
        ));
    }
}

fn scores(problems: &mut Vec<(String, String)>, at: &str, scores: &[Score], known: &Known) {
    let mut seen: HashMap<(&str, &str, Option<&str>), usize> = HashMap::new();
    for (j, s) in scores.iter().enumerate() {
        let place = |f: &str| format!("{at}[{j}].{f}");
        for (field, id, ok, kind) in [
            ("theme", s.theme.as_str(), (known.theme)(&s.theme), "theme"),
            (
                "player",
                s.player.as_str(),
                (known.player)(&s.player),
                "player",
            ),
            (
                "unit",
                s.unit.as_deref().unwrap_or_default(),
                s.unit.as_deref().map_or(true, known.unit),
                "unit",
            ),
        ] {
            if id.chars().count() > super::limits::ID_CHARS {
                let chars = id.chars().count();
                problems.push((
                    place(field),
                    too_long("an id", chars, super::limits::ID_CHARS),
                ));
            } else if !ok {
                let id = quote(id);
                problems.push((
                    place(field),
                    say(
                        "problem.unknownCell",
                        &[("kind", &crate::language::noun(kind)), ("id", &id)],
                        || format!("unknown {kind} {id}"),
                    ),
                ));
            }
        }
        for (field, v) in [("current", Some(s.current)), ("target", s.target)] {
            let (Some(v), Some((min, max))) = (v, known.scale) else {
                continue;
            };
            if !(v.is_finite() && v >= min && v <= max) {
                let (v, min, max) = (num(v), num(min), num(max));
                problems.push((
                    place(field),
                    say(
                        "problem.outsideScale",
                        &[("value", &v), ("min", &min), ("max", &max)],
                        || format!("{v} is outside the scale {min} to {max}"),
                    ),
                ));
            }
        }
        if let Some(first) = seen.insert((&s.theme, &s.player, s.unit.as_deref()), j) {
            seen.insert((&s.theme, &s.player, s.unit.as_deref()), first);
            let first = format!("{at}[{first}]");
            problems.push((
                format!("{at}[{j}]"),
                say("problem.secondScore", &[("first", &first)], || {
                    format!("second score of the same cell (the first is {first})")
                }),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_calendar_dates() {
        for good in ["2026-01-31", "2024-02-29", "2000-02-29", "1999-12-01"] {
            assert!(is_date(good), "{good}");
        }
        for bad in [
            "2026-02-29",
            "1900-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "2026-4-01",
            "26-04-01",
            "2026/04/01",
            "2026-04-01T00",
            "",
            "२०२६-०४-०१",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
    }
}
