//! The fewest changes that resolve each chosen finding, grouped into
//! *actions*: the changes that resolve one finding, or one group of
//! findings that only resolve together.
//!
//! Every kind is solved exactly (docs/plan.md gives the proofs, and
//! tests/plan.rs checks them against an exhaustive search):
//!
//! * a maturity gap, an uncovered theme and an untracked contributor each
//!   take one change, and no change resolves two of them;
//! * a redundancy takes one removal per player beyond the lead; a conflict
//!   alone, one control change per responsibility off the most common level;
//! * fragmented contributors and silos take integrations. Any two systems
//!   may be integrated, so the Steiner-like choice collapses: the systems
//!   that must end up connected form groups (contributors sharing a
//!   component join theirs), each group of `k` components takes `k − 1`
//!   integrations, and the silos left over take one per pair.

use super::{PlanKind, Target};
use crate::analysis::finding::id_of;
use crate::analysis::Kind;
use crate::analysis::{Finding, FxBuildHasher};
use crate::model::{Control, Model};
use std::collections::HashMap;

/// Ids with positions: the map types the rest of the crate already uses,
/// so that the Wasm compiles no other (each map type is code of its own).
pub(super) type Ids = HashMap<String, usize>;
type Counts<'m> = HashMap<&'m str, usize, FxBuildHasher>;

/// The chosen findings: their ids, each with its place in `findings`.
pub(super) struct Chosen<'a> {
    pub ids: Ids,
    pub findings: &'a [Finding],
}

impl Chosen<'_> {
    fn severity(&self, id: &str) -> Option<f64> {
        self.ids.get(id).map(|&i| self.findings[i].severity)
    }

    fn contains_key(&self, id: &str) -> bool {
        self.ids.contains_key(id)
    }
}

/// One change, by reference to the model the plan starts from; it is
/// written as an edit against the model as the plan has changed it so far
/// (positions move as responsibilities are removed).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Change {
    /// Raise an assessment's current score to its target.
    Raise(usize),
    /// Make a player responsible for a contributor under a theme.
    Own {
        contributor: String,
        theme: String,
        player: String,
    },
    /// Remove a responsibility, leaving `lead` as the one owner.
    Drop { responsibility: usize, lead: usize },
    /// Set a responsibility's control level.
    Control {
        responsibility: usize,
        level: Control,
    },
    /// Track a contributor in a system.
    Track { contributor: String, system: usize },
    /// Integrate two systems.
    Link { from: usize, to: usize },
}

/// Changes that resolve some chosen findings together.
#[derive(Debug, Clone)]
pub(super) struct Action {
    pub kind: PlanKind,
    /// For a score: the theme's position in the framework.
    pub theme: usize,
    pub changes: Vec<Change>,
    /// Readiness gained (of the organization, or of the planned unit).
    pub gain: f64,
    /// The severity of the chosen findings it resolves.
    pub severity: f64,
    /// The ids of the chosen findings it resolves; the first breaks ties.
    pub resolves: Vec<String>,
}

impl Action {
    pub fn cost(&self) -> usize {
        self.changes.len()
    }
}

/// The actions that resolve the chosen findings. An untracked contributor
/// in a model without systems has none: no allowed change resolves it, and
/// the plan lists it as left.
pub(super) fn actions(model: &Model, chosen: &Chosen, target: &Target) -> Vec<Action> {
    let mut out = Vec::new();
    scores(model, chosen, target, &mut out);
    owners(model, chosen, &mut out);
    groups(model, chosen, &mut out);
    tracking(model, chosen, &mut out);
    integrations(model, chosen, &mut out);
    out
}

fn structural(
    kind: PlanKind,
    changes: Vec<Change>,
    resolves: Vec<String>,
    chosen: &Chosen,
) -> Action {
    let severity = resolves.iter().filter_map(|id| chosen.severity(id)).sum();
    Action {
        kind,
        theme: 0,
        changes,
        gain: 0.0,
        severity,
        resolves,
    }
}

/// One raise per chosen gap; its gain is its share of the measured readiness.
fn scores(model: &Model, chosen: &Chosen, target: &Target, out: &mut Vec<Action>) {
    let span = model.scale.max - model.scale.min;
    for (i, a) in model.assessments.iter().enumerate() {
        let Some(goal) = a.target else { continue };
        if goal.partial_cmp(&a.current) != Some(std::cmp::Ordering::Greater) {
            continue;
        }
        let id = id_of(
            Kind::MaturityGap,
            &[&a.theme, &a.player, a.unit.as_deref().unwrap_or("")],
        );
        let Some(severity) = chosen.severity(&id) else {
            continue;
        };
        let counts = target.unit.is_none() || a.unit == target.unit;
        let gain = if counts && span > 0.0 && target.observations > 0 {
            (goal - a.current) / span / target.observations as f64
        } else {
            0.0
        };
        let theme = model
            .framework
            .themes
            .iter()
            .position(|t| t.id == a.theme)
            .unwrap_or(usize::MAX);
        out.push(Action {
            kind: PlanKind::Scores,
            theme,
            changes: vec![Change::Raise(i)],
            gain,
            severity,
            resolves: vec![id],
        });
    }
}

/// How many responsibilities each player holds for `contributor` (any
/// theme), to give new work to whoever already carries that contributor.
fn load<'m>(model: &'m Model, contributor: Option<&str>) -> Counts<'m> {
    let mut count = Counts::default();
    for r in &model.responsibilities {
        if contributor.map_or(true, |c| r.contributor == c) {
            *count.entry(r.player.as_str()).or_insert(0) += 1;
        }
    }
    count
}

/// The framework's player who already owns most of the contributor's work,
/// else most work of all, else the first.
fn owner_for<'m>(model: &'m Model, contributor: &str) -> Option<&'m str> {
    let theirs = load(model, Some(contributor));
    let all = load(model, None);
    let players = &model.framework.players;
    let best = players.iter().enumerate().max_by_key(|(i, p)| {
        let id = p.id.as_str();
        (
            theirs.get(id).copied().unwrap_or(0),
            all.get(id).copied().unwrap_or(0),
            usize::MAX - i,
        )
    });
    best.map(|(_, p)| p.id.as_str())
}

/// One new responsibility per chosen uncovered (contributor, theme).
fn owners(model: &Model, chosen: &Chosen, out: &mut Vec<Action>) {
    for c in &model.contributors {
        for t in &model.framework.themes {
            let id = id_of(Kind::Uncovered, &[&c.id, &t.id]);
            if !chosen.contains_key(&id) {
                continue;
            }
            let Some(player) = owner_for(model, &c.id) else {
                continue;
            };
            let change = Change::Own {
                contributor: c.id.clone(),
                theme: t.id.clone(),
                player: player.to_string(),
            };
            out.push(structural(PlanKind::Owners, vec![change], vec![id], chosen));
        }
    }
}

/// Strictest first; no level last.
fn strictness(level: Option<Control>) -> u8 {
    level.map_or(3, |c| c as u8)
}

/// Redundancies (one lead left) and conflicts (one level agreed).
fn groups(model: &Model, chosen: &Chosen, out: &mut Vec<Action>) {
    let rs = &model.responsibilities;
    let key = |i: usize| {
        let r = &rs[i];
        let activity = r.activity.as_deref().map_or("", str::trim);
        (r.contributor.as_str(), r.theme.as_str(), activity)
    };
    let mut order: Vec<usize> = (0..rs.len()).collect();
    crate::order::sort_by_key(&mut order, |&i| (key(i), i));
    for members in order.chunk_by(|&a, &b| key(a) == key(b)) {
        let (c, t, a) = key(members[0]);
        if members
            .iter()
            .all(|&i| rs[i].player == rs[members[0]].player)
        {
            continue;
        }
        let redundant = id_of(Kind::Redundant, &[c, t, a]);
        let conflict = id_of(Kind::Conflict, &[c, t, a]);
        if chosen.contains_key(&redundant) {
            // The strictest keeps the work; then whoever carries most of
            // this contributor; then the first listed.
            let carried = load(model, Some(c));
            let lead = members
                .iter()
                .copied()
                .min_by_key(|&i| {
                    (
                        strictness(rs[i].control),
                        usize::MAX - carried.get(rs[i].player.as_str()).copied().unwrap_or(0),
                        i,
                    )
                })
                .unwrap_or(members[0]);
            let changes = members
                .iter()
                .filter(|&&i| rs[i].player != rs[lead].player)
                .map(|&i| Change::Drop {
                    responsibility: i,
                    lead,
                })
                .collect();
            let mut resolves = vec![redundant];
            if chosen.contains_key(&conflict) {
                resolves.push(conflict);
            }
            out.push(structural(PlanKind::Leads, changes, resolves, chosen));
        } else if chosen.contains_key(&conflict) {
            let mut counts = [0usize; 3];
            for &i in members {
                if let Some(level) = rs[i].control {
                    counts[level as usize] += 1;
                }
            }
            // The most common level; the strictest of equals.
            let level = Control::ALL
                .into_iter()
                .max_by_key(|&l| (counts[l as usize], 3 - l as usize))
                .unwrap_or(Control::Strict);
            let changes = members
                .iter()
                .filter(|&&i| rs[i].control.is_some_and(|l| l != level))
                .map(|&i| Change::Control {
                    responsibility: i,
                    level,
                })
                .collect();
            out.push(structural(
                PlanKind::Controls,
                changes,
                vec![conflict],
                chosen,
            ));
        }
    }
}

/// The positions of the systems tracking a contributor.
fn tracked_by(model: &Model, contributor: &str) -> Vec<usize> {
    (0..model.systems.len())
        .filter(|&s| {
            model.systems[s]
                .contributors
                .iter()
                .any(|c| c == contributor)
        })
        .collect()
}

/// One system per chosen untracked contributor: one its owners run, else
/// the one tracking most contributors.
fn tracking(model: &Model, chosen: &Chosen, out: &mut Vec<Action>) {
    for c in &model.contributors {
        let id = id_of(Kind::Untracked, &[&c.id]);
        if !chosen.contains_key(&id) {
            continue;
        }
        let carried = load(model, Some(&c.id));
        let best = model.systems.iter().enumerate().max_by_key(|(s, system)| {
            let owner = carried.get(system.owner.as_str()).copied().unwrap_or(0);
            (owner, system.contributors.len(), usize::MAX - s)
        });
        if let Some((system, _)) = best {
            let change = Change::Track {
                contributor: c.id.clone(),
                system,
            };
            out.push(structural(
                PlanKind::Tracking,
                vec![change],
                vec![id],
                chosen,
            ));
        }
    }
}

/// Union–find over systems.
struct Parts(Vec<usize>);

impl Parts {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    fn join(&mut self, a: usize, b: usize) -> bool {
        let (a, b) = (self.find(a), self.find(b));
        self.0[a.max(b)] = a.min(b);
        a != b
    }
}

/// Integrations for the chosen fragmented contributors and silos.
fn integrations(model: &Model, chosen: &Chosen, out: &mut Vec<Action>) {
    let systems = &model.systems;
    let mut at = Counts::default();
    for (s, system) in systems.iter().enumerate().rev() {
        at.insert(system.id.as_str(), s);
    }
    let mut parts = Parts((0..systems.len()).collect());
    let mut linked = vec![false; systems.len()];
    for x in &model.integrations {
        if let (Some(&a), Some(&b)) = (at.get(x.from.as_str()), at.get(x.to.as_str())) {
            parts.join(a, b);
            linked[a] = true;
            linked[b] = true;
        }
    }
    // Contributors by id: each joins its systems' components, a star from
    // its first system (by id); a link is made only between components
    // not yet joined, so every link counts.
    let mut contributors: Vec<&str> = model.contributors.iter().map(|c| c.id.as_str()).collect();
    crate::order::sort(&mut contributors);
    contributors.dedup();
    let mut made: Vec<(usize, Vec<Change>, Vec<String>)> = Vec::new();
    for c in contributors {
        let id = id_of(Kind::Fragmented, &[c]);
        if !chosen.contains_key(&id) {
            continue;
        }
        let mut own = tracked_by(model, c);
        crate::order::sort_by_key(&mut own, |&s| (systems[s].id.as_str(), s));
        let Some((&hub, rest)) = own.split_first() else {
            continue;
        };
        let mut links = Vec::new();
        for &s in rest {
            if parts.join(hub, s) {
                links.push(Change::Link { from: hub, to: s });
                linked[hub] = true;
                linked[s] = true;
            }
        }
        made.push((hub, links, vec![id]));
    }
    // Contributors whose links joined one group resolve together.
    let mut by_group: Vec<(usize, Vec<Change>, Vec<String>)> = Vec::new();
    for (hub, links, ids) in made {
        let root = parts.find(hub);
        match by_group.iter_mut().find(|g| g.0 == root) {
            Some(g) => {
                g.1.extend(links);
                g.2.extend(ids);
            }
            None => by_group.push((root, links, ids)),
        }
    }
    // Silos a link above already touches are resolved with its group.
    let mut silos: Vec<(usize, String)> = Vec::new();
    for (s, system) in systems.iter().enumerate() {
        let id = id_of(Kind::Silo, &[&system.id]);
        if !chosen.contains_key(&id) {
            continue;
        }
        if linked[s] {
            let root = parts.find(s);
            if let Some(g) = by_group.iter_mut().find(|g| g.0 == root) {
                g.2.push(id);
            }
        } else {
            silos.push((s, id));
        }
    }
    for (_, changes, resolves) in by_group {
        out.push(structural(
            PlanKind::Integrations,
            changes,
            resolves,
            chosen,
        ));
    }
    crate::order::sort_by_key(&mut silos, |(s, _)| (systems[*s].id.as_str(), *s));
    let mut pairs = silos.chunks_exact(2);
    for pair in pairs.by_ref() {
        let [(a, ia), (b, ib)] = pair else { continue };
        parts.join(*a, *b);
        let change = Change::Link { from: *a, to: *b };
        out.push(structural(
            PlanKind::Integrations,
            vec![change],
            vec![ia.clone(), ib.clone()],
            chosen,
        ));
    }
    if let [(x, id)] = pairs.remainder() {
        // The last silo joins the largest group of systems (by id, of equals).
        let mut size = vec![0usize; systems.len()];
        for s in 0..systems.len() {
            let root = parts.find(s);
            size[root] += 1;
        }
        let partner = (0..systems.len()).filter(|&s| s != *x).max_by_key(|&s| {
            let root = parts.find(s);
            (size[root], std::cmp::Reverse((systems[s].id.as_str(), s)))
        });
        if let Some(to) = partner {
            let change = Change::Link { from: *x, to };
            out.push(structural(
                PlanKind::Integrations,
                vec![change],
                vec![id.clone()],
                chosen,
            ));
        }
    }
}
