//! From findings to a plan: the fewest changes that resolve the chosen
//! findings, ordered into steps by what they unlock, each step with its
//! changes (the edits the page sends, [`crate::edit`]), the findings it
//! resolves and how readiness moves. docs/plan.md describes the algorithm,
//! what it guarantees and the formats.
//!
//! How it is laid out: `options` reads what to resolve and the budget;
//! `actions` finds the fewest changes per kind of finding; `choose` keeps
//! what a budget allows; this module orders the steps, writes each change
//! as an edit against the model as the plan has changed it so far, and
//! analyses the model after each step to say what it resolved (so what a
//! step claims is what the analysis itself finds); `text` writes the
//! sentences and `export` the roadmap (Markdown, HTML) and CSV.

mod actions;
mod choose;
mod export;
mod options;
mod text;

pub use export::{plan_csv, plan_html, plan_markdown};
pub use options::{kind_named, PlanOptions, MAX_CHANGES};
pub(crate) use text::label_in;

use super::{analyze, Analysis, Finding, Kind};
use crate::edit::{self, Edit};
use crate::model::{Assessment, Integration, Model, Responsibility};
use crate::validate::Invalid;
use actions::{Action, Change, Chosen, Ids};
use serde::Serialize;
use serde_json::Value;

/// What a step does, in the order steps come: owners first (work nobody
/// owns has nobody to improve it), then one lead and one control level per
/// shared activity, then data (tracking before integrating, so that the
/// integrations join systems that hold everyone), then the scores, theme
/// by theme from the outer ring in, as the framework reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlanKind {
    Owners,
    Leads,
    Controls,
    Tracking,
    Integrations,
    Scores,
}

impl PlanKind {
    /// The kind as JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            PlanKind::Owners => "owners",
            PlanKind::Leads => "leads",
            PlanKind::Controls => "controls",
            PlanKind::Tracking => "tracking",
            PlanKind::Integrations => "integrations",
            PlanKind::Scores => "scores",
        }
    }
}

/// Readiness before and after (of the organization, or of the planned unit).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Move {
    pub before: Option<f64>,
    pub after: Option<f64>,
}

/// One step of a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub kind: PlanKind,
    /// The theme a score step raises.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    pub title: String,
    /// The edits, applied in order (in JSON, the objects the page sends).
    pub changes: Vec<Edit>,
    /// One sentence per change.
    pub texts: Vec<String>,
    /// The ids of the findings gone after this step.
    pub resolves: Vec<String>,
    /// Their sentences, one per id.
    pub explanations: Vec<String>,
    pub readiness: Move,
}

/// A plan: its steps, how readiness moves over all of them, and the chosen
/// findings it leaves (for want of budget, or which no allowed change can
/// resolve).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    /// The unit whose scores were planned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    pub readiness: Move,
    /// The readiness target asked for, and whether the plan reaches it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reached: Option<bool>,
    pub change_count: usize,
    pub steps: Vec<Step>,
    pub left: Vec<String>,
}

/// Where readiness is measured, and over how many assessments.
pub(crate) struct Target {
    pub unit: Option<String>,
    pub observations: usize,
}

fn measured(analysis: &Analysis, unit: Option<&str>) -> Option<f64> {
    match unit {
        Some(u) => analysis.readiness.units.get(u).copied().flatten(),
        None => analysis.readiness.overall,
    }
}

fn wanted(f: &Finding, options: &PlanOptions) -> bool {
    options.wants(f.kind)
        && options.min_severity.map_or(true, |m| f.severity >= m)
        && match options.unit.as_deref() {
            // a unit's plan: its own scores
            Some(u) => f.kind == Kind::MaturityGap && f.units() == [u],
            None => true,
        }
}

/// The plan for `model` under `options`. The same model and options give
/// the same plan, byte for byte.
pub fn plan(model: &Model, options: &PlanOptions) -> Plan {
    let before = analyze(model);
    let unit = options.unit.as_deref();
    let chosen = Chosen {
        ids: before
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| wanted(f, options))
            .map(|(i, f)| (f.id(), i))
            .collect(),
        findings: &before.findings,
    };
    let target = Target {
        unit: options.unit.clone(),
        observations: model
            .assessments
            .iter()
            .filter(|a| unit.is_none() || a.unit.as_deref() == unit)
            .count(),
    };
    let found = actions::actions(model, &chosen, &target);
    let start = measured(&before, unit);
    let (kept, reached) = choose::choose(found, options, start);

    // Steps in the order of their kind, score steps by theme.
    let mut by_step: Vec<((PlanKind, usize), Vec<Action>)> = Vec::new();
    for a in kept {
        let key = (
            a.kind,
            if a.kind == PlanKind::Scores {
                a.theme
            } else {
                0
            },
        );
        match by_step.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(a),
            None => by_step.push((key, vec![a])),
        }
    }
    crate::order::sort_by_key(&mut by_step, |(k, _)| *k);

    let shown = crate::language::localized(model);
    let labels = text::Labels(&shown);
    let mut working = model.clone();
    let Chosen { ids: chosen, .. } = chosen;
    let mut last = before;
    let mut steps = Vec::with_capacity(by_step.len());
    let mut change_count = 0;
    for ((kind, theme), list) in by_step {
        let mut changes = Vec::new();
        let mut texts = Vec::new();
        for change in list.iter().flat_map(|a| &a.changes) {
            let Some(e) = edit_of(model, &working, change) else {
                continue;
            };
            // A raised score is set where it is: scores stay in place, and
            // looking each cell up (edit::apply_to) made a plan of 24,000
            // scores take seconds, 48,000 tens of seconds.
            let in_place = match (change, &e) {
                (Change::Raise(i), Edit::SetAssessment(a)) => working
                    .assessments
                    .get_mut(*i)
                    .filter(|x| crate::edit::same_cell(x, a))
                    .map(|x| *x = a.clone()),
                _ => None,
            };
            if in_place.is_none() && edit::apply_to(&mut working, &e).is_err() {
                continue;
            }
            changes.push(e);
            texts.push(labels.change(change));
        }
        if changes.is_empty() {
            continue;
        }
        change_count += changes.len();
        let after = analyze(&working);
        let gone: Ids = after
            .findings
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id(), i))
            .collect();
        let (mut resolves, mut explanations) = (Vec::new(), Vec::new());
        for f in &last.findings {
            let id = f.id();
            if !gone.contains_key(&id) {
                resolves.push(id);
                explanations.push(f.explanation());
            }
        }
        let theme_id = (kind == PlanKind::Scores)
            .then(|| model.framework.themes.get(theme).map(|t| t.id.clone()))
            .flatten();
        steps.push(Step {
            kind,
            title: labels.title(kind, theme_id.as_deref()),
            theme: theme_id,
            changes,
            texts,
            resolves,
            explanations,
            readiness: Move {
                before: measured(&last, unit),
                after: measured(&after, unit),
            },
        });
        last = after;
    }
    let left = last
        .findings
        .iter()
        .map(Finding::id)
        .filter(|id| chosen.contains_key(id))
        .collect();
    Plan {
        unit: options.unit.clone(),
        readiness: Move {
            before: start,
            after: measured(&last, unit),
        },
        target: options.readiness,
        reached,
        change_count,
        steps,
        left,
    }
}

/// The edit that makes `change` (read against `start`, the model the plan
/// starts from) on `working`, the model as the plan has changed it so far.
fn edit_of(start: &Model, working: &Model, change: &Change) -> Option<Edit> {
    let at = |i: usize| {
        let r = start.responsibilities.get(i)?;
        Some((working.responsibilities.iter().position(|x| x == r)?, r))
    };
    let system = |s: usize| start.systems.get(s).map(|s| s.id.clone());
    Some(match change {
        Change::Raise(i) => {
            let a = start.assessments.get(*i)?;
            Edit::SetAssessment(Assessment {
                current: a.target?,
                ..a.clone()
            })
        }
        Change::Own {
            contributor,
            theme,
            player,
        } => Edit::AddResponsibility(Responsibility {
            contributor: contributor.clone(),
            theme: theme.clone(),
            player: player.clone(),
            activity: None,
            control: None,
        }),
        Change::Drop { responsibility, .. } => Edit::RemoveResponsibility(at(*responsibility)?.0),
        Change::Control {
            responsibility,
            level,
        } => {
            let (i, r) = at(*responsibility)?;
            Edit::UpdateResponsibility(
                i,
                Responsibility {
                    control: Some(*level),
                    ..r.clone()
                },
            )
        }
        Change::Track {
            contributor,
            system: s,
        } => {
            let id = system(*s)?;
            let mut updated = working.systems.iter().find(|x| x.id == id)?.clone();
            updated.contributors.push(contributor.clone());
            Edit::UpdateSystem(updated)
        }
        Change::Link { from, to } => Edit::AddIntegration(Integration {
            from: system(*from)?,
            to: system(*to)?,
        }),
    })
}

/// `model` with every change of `plan` made, checked as the page checks
/// edits; `model` itself never changes.
pub fn apply(model: &Model, plan: &Plan) -> Result<Model, Invalid> {
    let edits: Vec<Edit> = plan
        .steps
        .iter()
        .flat_map(|s| s.changes.iter().cloned())
        .collect();
    edit::apply_all(model, &edits)
}

/// The most steps a stored plan may hold when read back.
const STORED_STEPS: usize = 64;

/// A plan stored with a what-if, read back: `None` unless it has the shape
/// [`plan`] writes, every change reads as an edit ([`Edit::from_json`],
/// which checks each field) and every list is as
/// long as its step's changes or findings. Read by hand rather than with
/// derived `Deserialize` code, which would weigh on the Wasm for this one
/// use.
pub fn read_stored(v: Value) -> Option<Plan> {
    let Value::Object(mut o) = v else { return None };
    let steps = match o.remove("steps")? {
        Value::Array(steps) if steps.len() <= STORED_STEPS => steps,
        _ => return None,
    };
    let steps = steps
        .into_iter()
        .map(read_step)
        .collect::<Option<Vec<Step>>>()?;
    let plan = Plan {
        unit: optional(o.remove("unit"), |v| v.as_str().map(str::to_string))?,
        readiness: read_move(o.remove("readiness")?)?,
        target: optional(o.remove("target"), Value::as_f64)?,
        reached: optional(o.remove("reached"), Value::as_bool)?,
        change_count: usize::try_from(o.remove("changeCount")?.as_u64()?).ok()?,
        left: strings(o.remove("left")?)?,
        steps,
    };
    let count: usize = plan.steps.iter().map(|s| s.changes.len()).sum();
    (plan.change_count == count).then_some(plan)
}

/// A field that may be missing or `null`: `Some(None)` then, `None` when
/// it is there but not what `read` takes.
fn optional<T>(v: Option<Value>, read: impl Fn(&Value) -> Option<T>) -> Option<Option<T>> {
    match v {
        None | Some(Value::Null) => Some(None),
        Some(v) => read(&v).map(Some),
    }
}

fn strings(v: Value) -> Option<Vec<String>> {
    let Value::Array(items) = v else { return None };
    items
        .into_iter()
        .map(|v| match v {
            Value::String(s) => Some(s),
            _ => None,
        })
        .collect()
}

fn read_move(v: Value) -> Option<Move> {
    let number = |v: Option<&Value>| optional(v.cloned(), Value::as_f64);
    Some(Move {
        before: number(v.get("before"))?,
        after: number(v.get("after"))?,
    })
}

fn read_step(v: Value) -> Option<Step> {
    let Value::Object(mut o) = v else { return None };
    let kind = o.remove("kind")?;
    let kind = [
        PlanKind::Owners,
        PlanKind::Leads,
        PlanKind::Controls,
        PlanKind::Tracking,
        PlanKind::Integrations,
        PlanKind::Scores,
    ]
    .into_iter()
    .find(|k| Some(k.as_str()) == kind.as_str())?;
    let Value::Array(changes) = o.remove("changes")? else {
        return None;
    };
    let changes = changes
        .into_iter()
        .map(|v| Edit::from_json(v).ok())
        .collect::<Option<Vec<Edit>>>()?;
    let step = Step {
        kind,
        theme: optional(o.remove("theme"), |v| v.as_str().map(str::to_string))?,
        title: o.remove("title")?.as_str()?.to_string(),
        changes,
        texts: strings(o.remove("texts")?)?,
        resolves: strings(o.remove("resolves")?)?,
        explanations: strings(o.remove("explanations")?)?,
        readiness: read_move(o.remove("readiness")?)?,
    };
    (step.texts.len() == step.changes.len() && step.explanations.len() == step.resolves.len())
        .then_some(step)
}

#[cfg(test)]
mod tests;
