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
    out.history.sort_by(|a, b| a.date.cmp(&b.date));
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
