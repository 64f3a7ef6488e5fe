//! Which actions a budget keeps.
//!
//! Without a budget, all of them. With a readiness target, the fewest score
//! raises that reach it: each raise gains its own share of readiness, so
//! the largest gains first is the fewest (exact). With at most `n` changes:
//! readiness first — raises by gain, the `n` largest being the most
//! readiness `n` changes can gain (exact) — then, with what is left, the
//! structural actions, which gain no readiness, by severity resolved per
//! change. Those cost one or more changes each, a knapsack (NP-hard in
//! general): the greedy choice is compared with the single most severe
//! action that fits and the better kept, which resolves at least half the
//! severity the best choice of actions would (docs/plan.md; tests/plan.rs).

use super::actions::Action;
use super::PlanOptions;
use std::cmp::Ordering;

/// Best first: readiness per change, then severity per change, then the id
/// of the first finding resolved.
fn priority(a: &Action, b: &Action) -> Ordering {
    let per = |x: f64, c: usize| x / c.max(1) as f64;
    per(b.gain, b.cost())
        .total_cmp(&per(a.gain, a.cost()))
        .then(per(b.severity, b.cost()).total_cmp(&per(a.severity, a.cost())))
        .then_with(|| a.resolves.first().cmp(&b.resolves.first()))
}

/// The actions the options keep, best first, and whether the readiness
/// target (if any) is reached: `now` is the readiness before the plan.
pub(super) fn choose(
    mut actions: Vec<Action>,
    options: &PlanOptions,
    now: Option<f64>,
) -> (Vec<Action>, Option<bool>) {
    crate::order::sort_by(&mut actions, priority);
    let mut reached = None;
    if let Some(target) = options.readiness {
        let mut have = now.unwrap_or(0.0);
        // A hair below the target counts: the sums are of rounded shares.
        let close = |x: f64| x >= target - 1e-9;
        let mut kept = Vec::new();
        for a in actions.into_iter().filter(|a| a.gain > 0.0) {
            if close(have) {
                break;
            }
            have += a.gain;
            kept.push(a);
        }
        reached = Some(close(have));
        actions = kept;
    }
    if let Some(n) = options.max_changes {
        actions = within(actions, n);
    }
    (actions, reached)
}

/// The best actions within `budget` changes (see the module's doc).
fn within(actions: Vec<Action>, mut budget: usize) -> Vec<Action> {
    let (gains, rest): (Vec<Action>, Vec<Action>) = actions.into_iter().partition(|a| a.gain > 0.0);
    let mut kept = Vec::new();
    for a in gains {
        if a.cost() <= budget {
            budget -= a.cost();
            kept.push(a);
        }
    }
    let mut greedy = Vec::new();
    let mut left = budget;
    for (i, a) in rest.iter().enumerate() {
        if a.cost() <= left {
            left -= a.cost();
            greedy.push(i);
        }
    }
    let severity = |picked: &[usize]| picked.iter().map(|&i| rest[i].severity).sum::<f64>();
    let single = (0..rest.len())
        .filter(|&i| rest[i].cost() <= budget)
        .max_by(|&i, &j| {
            rest[i]
                .severity
                .total_cmp(&rest[j].severity)
                .then(j.cmp(&i))
        });
    let picked = match single {
        Some(i) if rest[i].severity > severity(&greedy) => vec![i],
        _ => greedy,
    };
    let mut rest: Vec<Option<Action>> = rest.into_iter().map(Some).collect();
    kept.extend(picked.into_iter().filter_map(|i| rest[i].take()));
    kept
}
