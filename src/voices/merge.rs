//! Merging responses into a model: which are refused and why, and the mean
//! scores of every cell they score.

use crate::language::say;
use crate::model::{Assessment, Model, Response, Score};
use crate::validate::limits::RESPONSES;
use crate::validate::wording::quote;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// A response that was not merged, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Refusal {
    /// Where the response came from, as the caller named it (a file name).
    pub source: String,
    pub message: String,
}

/// What [`merge`] gives: the merged model, the refusals, and how many
/// responses were new and how many were already merged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Merged {
    pub model: Model,
    pub refusals: Vec<Refusal>,
    pub added: usize,
    pub unchanged: usize,
}

/// A response model as one respondent's scores: named by its anonymous
/// code when it has one, else by its `name`.
pub fn response_of(m: &Model) -> Response {
    let who = m.respondent.clone().unwrap_or_default();
    Response {
        respondent: who.code.unwrap_or_else(|| m.name.clone()),
        role: who.role,
        date: who.date,
        scores: m.assessments.iter().map(Score::of).collect(),
    }
}

fn ids(items: &[crate::model::Item]) -> Vec<&str> {
    items.iter().map(|i| i.id.as_str()).collect()
}

/// Why `r` (read from `m`) cannot be merged into `model`, if it cannot.
fn refusal(model: &Model, m: &Model, r: &Response) -> Option<String> {
    let (fw, theirs) = (&model.framework, &m.framework);
    if ids(&fw.players) != ids(&theirs.players) || ids(&fw.themes) != ids(&theirs.themes) {
        return Some(say("merge.otherFramework", &[], || {
            "another framework: its players or themes are not the model's".into()
        }));
    }
    if model.scale.min != m.scale.min || model.scale.max != m.scale.max {
        return Some(say("merge.otherScale", &[], || {
            "another scale: its scores cannot be averaged with the model's".into()
        }));
    }
    if crate::validate::limits::is_blank(&r.respondent) {
        return Some(say("merge.noRespondent", &[], || {
            "names no respondent: give the response a name or a respondent code".into()
        }));
    }
    if r.scores.is_empty() {
        return Some(say("merge.noScores", &[], || "scores no cell".into()));
    }
    let unknown = r.scores.iter().find_map(|s| {
        let u = s.unit.as_deref()?;
        (!model.units.iter().any(|x| x.id == u)).then_some(u)
    });
    if let Some(u) = unknown {
        let u = quote(u);
        return Some(say("merge.unknownUnit", &[("unit", &u)], || {
            format!("scores a cell of unit {u}, which the model does not define")
        }));
    }
    None
}

/// Merges `responses` (each with the name of where it came from) into
/// `model`. A response for another framework or scale, for a unit the model
/// lacks, or from a respondent already merged with other scores is refused
/// with a message; the rest merge. A response already merged as it is
/// changes nothing. Every cell scored by a merged response then holds the
/// mean of its respondents' current scores (and of the targets of those who
/// gave one), rounded to two decimals; its weight and note stay.
pub fn merge(model: &Model, responses: &[(String, Model)]) -> Merged {
    let mut out = model.clone();
    let (mut refusals, mut added, mut unchanged) = (Vec::new(), 0, 0);
    for (source, m) in responses {
        let r = response_of(m);
        let refuse = |message: String| Refusal {
            source: source.clone(),
            message,
        };
        if let Some(message) = refusal(model, m, &r) {
            refusals.push(refuse(message));
            continue;
        }
        match out.responses.iter().find(|x| x.respondent == r.respondent) {
            Some(same) if *same == r => unchanged += 1,
            Some(_) => {
                let who = quote(&r.respondent);
                refusals.push(refuse(say("merge.duplicate", &[("who", &who)], || {
                    format!("a second response from {who}, with other scores: remove the first to replace it")
                })));
            }
            None if out.responses.len() >= RESPONSES => {
                refusals.push(refuse(say("merge.tooMany", &[], || {
                    format!("the model already holds {RESPONSES} responses, the most it may")
                })));
            }
            None => {
                out.responses.push(r);
                added += 1;
            }
        }
    }
    apply_means(&mut out);
    Merged {
        model: out,
        refusals,
        added,
        unchanged,
    }
}

type Key = (String, String, Option<String>);

/// Sets each cell the responses score to their mean.
fn apply_means(model: &mut Model) {
    // (sum current, n, sum target, n target) per cell, in a fixed order.
    let mut sums: BTreeMap<Key, (f64, usize, f64, usize)> = BTreeMap::new();
    for s in model.responses.iter().flat_map(|r| &r.scores) {
        let e = sums
            .entry((s.theme.clone(), s.player.clone(), s.unit.clone()))
            .or_default();
        e.0 += s.current;
        e.1 += 1;
        if let Some(t) = s.target {
            e.2 += t;
            e.3 += 1;
        }
    }
    let at: HashMap<Key, usize> = model
        .assessments
        .iter()
        .enumerate()
        .map(|(i, a)| ((a.theme.clone(), a.player.clone(), a.unit.clone()), i))
        .collect();
    let round = |x: f64| (x * 100.0).round() / 100.0;
    let fw = &model.framework;
    let rank = |k: &Key| {
        let t = fw.themes.iter().position(|x| x.id == k.0);
        let p = fw.players.iter().position(|x| x.id == k.1);
        (k.2.clone(), t, p)
    };
    let mut new = Vec::new();
    for (key, (c, n, t, nt)) in sums {
        let current = round(c / n as f64);
        let target = (nt > 0).then(|| round(t / nt as f64));
        match at.get(&key) {
            Some(&i) => {
                model.assessments[i].current = current;
                // Where no respondent proposes a target, the model's own
                // (the strategy's) stays: a blank target on a survey means
                // "cannot judge", not "no target".
                if target.is_some() {
                    model.assessments[i].target = target;
                }
            }
            None => new.push((rank(&key), key, current, target)),
        }
    }
    crate::order::sort_by(&mut new, |a, b| a.0.cmp(&b.0));
    for (_, (theme, player, unit), current, target) in new {
        model.assessments.push(Assessment {
            theme,
            player,
            unit,
            current,
            target,
            weight: 1.0,
            note: None,
        });
    }
}
