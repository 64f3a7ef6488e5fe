//! How far the merged responses agree, cell by cell, and the
//! `disagreement` findings: cells whose scores are two scale steps apart or
//! more.
//!
//! Respondents are named by their role. A respondent without a role is
//! named only where at least [`NAMED_FROM`] people scored the cell: with
//! fewer, a name would say who gave which score.

use crate::language::say;
use crate::model::{Model, Response};
use crate::validate::wording::num;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Respondents scoring a cell from which those without a role are named.
pub const NAMED_FROM: usize = 3;
/// The spread, in scale steps, from which a cell is a disagreement.
pub const DISAGREEMENT_STEPS: f64 = 2.0;

/// The responses to one cell (theme, player, and unit when the scores are
/// a unit's).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CellAgreement {
    pub theme: String,
    pub player: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// How many respondents scored the cell.
    pub count: usize,
    /// The mean of their current scores, and of the targets given.
    pub current: f64,
    pub target: Option<f64>,
    /// Highest minus lowest current score, and the same for targets.
    pub spread: f64,
    pub target_spread: Option<f64>,
    pub lowest: f64,
    pub highest: f64,
    /// Who gave the lowest and the highest current score, as they may be
    /// named (see the module doc), sorted, without repeats.
    pub low: Vec<String>,
    pub high: Vec<String>,
}

/// A cell whose respondents are at least `DISAGREEMENT_STEPS` apart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    /// `disagreement:THEME:PLAYER`, then `:UNIT` for a unit's cell: what the
    /// page chooses it by, as it chooses findings by their ids.
    pub id: String,
    /// Always `"disagreement"`, as findings carry their kind.
    pub kind: &'static str,
    /// The spread, in scale steps.
    pub severity: f64,
    #[serde(flatten)]
    pub cell: CellAgreement,
    pub explanation: String,
}

fn named(r: &Response, count: usize) -> Option<String> {
    match r.role.as_deref().filter(|x| !x.trim().is_empty()) {
        Some(role) => Some(role.to_string()),
        None => (count >= NAMED_FROM).then(|| r.respondent.clone()),
    }
}

/// Every cell some merged response scores, in the order of units (the
/// whole organization first), themes and players.
pub fn agreement(model: &Model) -> Vec<CellAgreement> {
    type Key<'a> = (
        Option<&'a str>,
        Option<usize>,
        Option<usize>,
        &'a str,
        &'a str,
    );
    // A respondent's current score, target and response.
    type Given<'a> = (f64, Option<f64>, &'a Response);
    let fw = &model.framework;
    let mut cells: BTreeMap<Key, Vec<Given>> = BTreeMap::new();
    for r in &model.responses {
        for s in &r.scores {
            let t = fw.themes.iter().position(|x| x.id == s.theme);
            let p = fw.players.iter().position(|x| x.id == s.player);
            cells
                .entry((s.unit.as_deref(), t, p, &s.theme, &s.player))
                .or_default()
                .push((s.current, s.target, r));
        }
    }
    cells
        .into_iter()
        .map(|((unit, _, _, theme, player), scores)| {
            let count = scores.len();
            let currents = scores.iter().map(|s| s.0);
            let lowest = currents.clone().fold(f64::INFINITY, f64::min);
            let highest = currents.clone().fold(f64::NEG_INFINITY, f64::max);
            let targets: Vec<f64> = scores.iter().filter_map(|s| s.1).collect();
            let t_low = targets.iter().copied().fold(f64::INFINITY, f64::min);
            let t_high = targets.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let who = |v: f64| {
                let mut names: Vec<String> = scores
                    .iter()
                    .filter(|s| s.0 == v)
                    .filter_map(|s| named(s.2, count))
                    .collect();
                crate::order::sort(&mut names);
                names.dedup();
                names
            };
            let round = |x: f64| (x * 100.0).round() / 100.0;
            CellAgreement {
                theme: theme.to_string(),
                player: player.to_string(),
                unit: unit.map(str::to_string),
                count,
                current: round(currents.sum::<f64>() / count as f64),
                target: (!targets.is_empty())
                    .then(|| round(targets.iter().sum::<f64>() / targets.len() as f64)),
                spread: highest - lowest,
                target_spread: (!targets.is_empty()).then_some(t_high - t_low),
                lowest,
                highest,
                low: who(lowest),
                high: who(highest),
            }
        })
        .collect()
}

/// The spread of each cell the responses score, as the agreement overlay
/// colours it: for one unit, that unit's responses; for the whole
/// organization, the widest spread of the cell anywhere (the organization's
/// own scores or any unit's), so that no disagreement is averaged away.
pub fn spreads<'m>(model: &'m Model, unit: Option<&str>) -> HashMap<(&'m str, &'m str), f64> {
    let mut out: HashMap<(&str, &str), f64> = HashMap::new();
    for c in agreement(model) {
        // One respondent agrees with nobody: the cell shows no spread rather
        // than a zero that reads as consensus.
        if c.count < 2 || unit.is_some() && c.unit.as_deref() != unit {
            continue;
        }
        let key = model
            .framework
            .themes
            .iter()
            .find(|t| t.id == c.theme)
            .zip(model.framework.players.iter().find(|p| p.id == c.player));
        if let Some((t, p)) = key {
            let e = out.entry((t.id.as_str(), p.id.as_str())).or_insert(0.0);
            *e = e.max(c.spread);
        }
    }
    out
}

/// The `disagreement` findings of a model, widest spread first.
pub fn disagreements(model: &Model) -> Vec<Disagreement> {
    let shown = crate::language::localized(model);
    // names and respondents isolated, as the findings' sentences hold
    // theirs: a right-to-left name or a stray override reorders nothing
    // around it
    let isolated = |text: &str| crate::bidi::isolate(text).into_owned();
    let label = |items: &[crate::model::Item], id: &str| {
        items
            .iter()
            .find(|x| x.id == id)
            .map_or(isolated(id), |x| isolated(&x.label))
    };
    let mut out: Vec<Disagreement> = agreement(model)
        .into_iter()
        .filter(|c| c.spread >= DISAGREEMENT_STEPS)
        .map(|cell| {
            let fw = &shown.framework;
            let theme = label(&fw.themes, &cell.theme);
            let player = label(&fw.players, &cell.player);
            let scored = |v: f64, who: &[String]| {
                let v = num(v);
                if who.is_empty() {
                    v
                } else {
                    let who: Vec<String> = who.iter().map(|w| isolated(w)).collect();
                    let who = who.join(", ");
                    say("disagreement.by", &[("score", &v), ("who", &who)], || {
                        format!("{v} ({who})")
                    })
                }
            };
            let (low, high) = (scored(cell.lowest, &cell.low), scored(cell.highest, &cell.high));
            let (count, spread) = (cell.count.to_string(), num(cell.spread));
            let args = [
                ("theme", theme.as_str()),
                ("player", player.as_str()),
                ("low", &low),
                ("high", &high),
                ("count", &count),
                ("spread", &spread),
            ];
            let mut explanation = say("disagreement", &args, || {
                format!("The {count} respondents disagree on {player} in {theme}: current scores range from {low} to {high}, {spread} steps apart.")
            });
            if let Some(u) = &cell.unit {
                let unit = label(&model.units, u);
                explanation = say("disagreement.unit", &[("unit", &unit), ("sentence", &explanation)], || {
                    format!("In {unit}: {explanation}")
                });
            }
            let mut id = String::from("disagreement");
            for part in [Some(&cell.theme), Some(&cell.player), cell.unit.as_ref()]
                .into_iter()
                .flatten()
            {
                let _ = crate::analysis::finding::write_id_part(&mut id, part);
            }
            Disagreement {
                id,
                kind: "disagreement",
                severity: cell.spread,
                cell,
                explanation,
            }
        })
        .collect();
    // Widest first; the order of `agreement` breaks ties.
    crate::order::sort_by(&mut out, |a, b| b.severity.total_cmp(&a.severity));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Score;

    fn response(who: &str, role: Option<&str>, current: f64) -> Response {
        Response {
            respondent: who.into(),
            role: role.map(str::to_string),
            date: None,
            scores: vec![Score {
                theme: "integration".into(),
                player: "hr".into(),
                unit: None,
                current,
                target: None,
            }],
        }
    }

    #[test]
    fn people_without_a_role_are_named_only_among_three() {
        let mut m = Model::empty("m");
        m.responses = vec![response("Ann", None, 0.0), response("Ben", None, 4.0)];
        let d = disagreements(&m);
        assert_eq!((d[0].cell.low.len(), d[0].cell.high.len()), (0, 0));
        assert!(!d[0].explanation.contains("Ann") && !d[0].explanation.contains("Ben"));
        assert!(
            d[0].explanation.contains("from 0 to 4, 4 steps apart"),
            "{}",
            d[0].explanation
        );
        // A role is named however few answered.
        m.responses[1].role = Some("CFO".into());
        assert_eq!(disagreements(&m)[0].cell.high, ["CFO"]);
        m.responses.push(response("Cy", None, 1.0));
        let d = disagreements(&m);
        assert_eq!(d[0].cell.low, ["Ann"]);
        assert_eq!(d[0].id, "disagreement:integration:hr");
        // One step apart is not a disagreement.
        m.responses = vec![response("Ann", None, 2.0), response("Ben", None, 3.0)];
        assert!(disagreements(&m).is_empty());
    }

    #[test]
    fn names_in_the_sentence_are_isolated() {
        let mut m = Model::empty("m");
        m.responses = vec![
            response("\u{202E}Student One", None, 0.0),
            response("طالب", None, 4.0),
            response("Cy", None, 2.0),
        ];
        let e = &disagreements(&m)[0].explanation;
        assert!(
            e.contains("0 (\u{2068}\u{202E}Student One\u{2069}) to 4 (\u{2068}طالب\u{2069}), 4 steps apart."),
            "{e:?}"
        );
    }
}
