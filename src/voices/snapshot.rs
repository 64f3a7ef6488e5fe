//! Dated snapshots of a model's scores (`history`).

use crate::language::say;
use crate::model::{Model, Score, Snapshot};
use crate::validate::limits::SNAPSHOTS;
use crate::validate::voices::is_date;
use crate::validate::wording::quote;

/// The model with its current scores kept as the snapshot of `date`
/// (`YYYY-MM-DD`; the core keeps no clock, so the caller says which day).
/// A snapshot of the same date is replaced: taking one twice on a day keeps
/// the later scores. History stays in date order.
pub fn snapshot(model: &Model, date: &str) -> Result<Model, String> {
    if !is_date(date) {
        let d = quote(date);
        return Err(say("problem.date", &[("date", &d)], || {
            format!("{d} is not a date written YYYY-MM-DD")
        }));
    }
    let mut out = model.clone();
    let scores = model.assessments.iter().map(Score::of).collect();
    let full = out.history.len() >= SNAPSHOTS;
    match out.history.iter_mut().find(|h| h.date == date) {
        Some(h) => h.scores = scores,
        None if full => {
            return Err(say("snapshot.tooMany", &[], || {
                format!("the model already holds {SNAPSHOTS} snapshots, the most it may")
            }))
        }
        None => out.history.push(Snapshot {
            date: date.to_string(),
            scores,
        }),
    }
    crate::order::sort_by(&mut out.history, |a, b| a.date.cmp(&b.date));
    Ok(out)
}

/// The model as it stood on `date`: its scores replaced by the snapshot's
/// (weights and notes kept where the cell is still assessed); `None` when
/// there is no snapshot of that date.
pub fn snapshot_scores(model: &Model, date: &str) -> Option<Model> {
    let snap = model.history.iter().find(|h| h.date == date)?;
    let mut out = model.clone();
    let now: std::collections::HashMap<_, _> = model
        .assessments
        .iter()
        .map(|a| ((a.theme.as_str(), a.player.as_str(), a.unit.as_deref()), a))
        .collect();
    out.assessments = snap
        .scores
        .iter()
        .map(|s| {
            let kept = now.get(&(s.theme.as_str(), s.player.as_str(), s.unit.as_deref()));
            crate::model::Assessment {
                theme: s.theme.clone(),
                player: s.player.clone(),
                unit: s.unit.clone(),
                current: s.current,
                target: s.target,
                weight: kept.map_or(1.0, |a| a.weight),
                note: kept.and_then(|a| a.note.clone()),
            }
        })
        .collect();
    Some(out)
}

/// The calendar date (`YYYY-MM-DD`, proleptic Gregorian) of the day
/// `days` after 1970-01-01, for a snapshot taken today: `wfe snapshot`
/// without `--date` reads the clock, and std has no calendar. Howard
/// Hinnant's days-to-civil algorithm.
pub fn date_of_day(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_since_1970_are_calendar_dates() {
        assert_eq!(date_of_day(0), "1970-01-01");
        assert_eq!(date_of_day(59), "1970-03-01");
        assert_eq!(date_of_day(10_956), "1999-12-31");
        assert_eq!(date_of_day(11_016), "2000-02-29", "2000 is a leap year");
        assert_eq!(date_of_day(11_017), "2000-03-01");
        assert_eq!(date_of_day(20_088), "2024-12-31");
        assert_eq!(date_of_day(-1), "1969-12-31");
        // every day of four centuries reads as a date the model accepts,
        // one after the other
        let mut last = date_of_day(-1);
        for day in 0..146_097 {
            let date = date_of_day(day);
            assert!(is_date(&date), "{date}");
            assert!(date > last, "{date} after {last}");
            last = date;
        }
    }
}
