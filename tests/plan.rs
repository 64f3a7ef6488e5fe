//! The plan against an exhaustive search: on many small models, no set of
//! allowed changes smaller than the plan resolves the chosen kinds.
//!
//! The allowed changes are those the page offers and the plan makes: raise
//! a score to its target, add an owner, remove a responsibility, set a
//! control level, track a contributor in a system, integrate two systems.
//! The kinds depend on disjoint parts of the model (scores; who is
//! responsible; systems, tracking and integrations), and each change
//! touches one part, so the fewest changes for several kinds is the sum of
//! the fewest for each part: the search runs part by part, over every
//! subset of that part's changes, smallest first.

use workforce_ecosystem::analysis::{self, plan, Kind, PlanOptions};
use workforce_ecosystem::generate;
use workforce_ecosystem::model::{
    Assessment, Contributor, ContributorKind, Control, Framework, Integration, Item, Model,
    Responsibility, System,
};

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const PLAYERS: [&str; 3] = ["hr", "it", "procurement"];
const THEMES: [&str; 2] = ["integration", "technology"];

/// A small random model: 3 players, 2 themes, 2–3 contributors, 2–4
/// systems, a few responsibilities, trackings, integrations and scores.
fn small(rng: &mut Rng) -> Model {
    let mut m = Model::empty("small");
    m.framework = Framework {
        players: PLAYERS.iter().map(|p| Item::new(p, p)).collect(),
        themes: THEMES.iter().map(|t| Item::new(t, t)).collect(),
    };
    let contributors = 2;
    for c in 0..contributors {
        m.contributors.push(Contributor {
            id: format!("c{c}"),
            label: format!("C{c}"),
            kind: ContributorKind::External,
            headcount: [None, Some(10), Some(5000)][rng.below(3)],
        });
    }
    for c in 0..contributors {
        for t in THEMES {
            for p in PLAYERS {
                if rng.chance(22) {
                    m.responsibilities.push(Responsibility {
                        contributor: format!("c{c}"),
                        theme: t.into(),
                        player: p.into(),
                        activity: rng.chance(30).then(|| "sourcing".to_string()),
                        control: [None, Some(Control::Strict), Some(Control::Light)][rng.below(3)],
                    });
                }
            }
        }
    }
    let systems = 2 + rng.below(3);
    for s in 0..systems {
        m.systems.push(System {
            id: format!("s{s}"),
            label: format!("S{s}"),
            owner: PLAYERS[rng.below(3)].into(),
            contributors: (0..contributors)
                .filter(|_| rng.chance(35))
                .map(|c| format!("c{c}"))
                .collect(),
        });
    }
    for a in 0..systems {
        for b in a + 1..systems {
            if rng.chance(15) {
                m.integrations.push(Integration {
                    from: format!("s{a}"),
                    to: format!("s{b}"),
                });
            }
        }
    }
    for t in THEMES {
        if rng.chance(60) {
            let current = rng.below(3) as f64;
            m.assessments.push(Assessment {
                theme: t.into(),
                player: PLAYERS[rng.below(3)].into(),
                unit: None,
                current,
                target: Some(current + rng.below(2) as f64),
                weight: 1.0,
                note: None,
            });
        }
    }
    m
}

/// One allowed change, by value.
#[derive(Clone, Debug)]
enum Move {
    Raise(usize),
    Own(String, String, String),
    Drop(Responsibility),
    Control(Responsibility, Control),
    Track(String, usize),
    Link(usize, usize),
}

fn make(m: &Model, moves: &[&Move]) -> Model {
    let mut m = m.clone();
    for mv in moves {
        match mv {
            Move::Raise(i) => m.assessments[*i].current = m.assessments[*i].target.unwrap(),
            Move::Own(c, t, p) => m.responsibilities.push(Responsibility {
                contributor: c.clone(),
                theme: t.clone(),
                player: p.clone(),
                activity: None,
                control: None,
            }),
            Move::Drop(r) => m.responsibilities.retain(|x| x != r),
            Move::Control(r, level) => {
                if let Some(x) = m.responsibilities.iter_mut().find(|x| *x == r) {
                    x.control = Some(*level);
                }
            }
            Move::Track(c, s) => m.systems[*s].contributors.push(c.clone()),
            Move::Link(a, b) => m.integrations.push(Integration {
                from: m.systems[*a].id.clone(),
                to: m.systems[*b].id.clone(),
            }),
        }
    }
    m
}

/// Every allowed change of each part of the model.
fn moves(m: &Model) -> [Vec<Move>; 3] {
    let mut scores = Vec::new();
    for (i, a) in m.assessments.iter().enumerate() {
        if a.target.is_some_and(|t| t > a.current) {
            scores.push(Move::Raise(i));
        }
    }
    let mut owners = Vec::new();
    for c in &m.contributors {
        for t in THEMES {
            for p in PLAYERS {
                let taken = m.responsibilities.iter().any(|r| {
                    r.contributor == c.id && r.theme == t && r.player == p && r.activity.is_none()
                });
                if !taken {
                    owners.push(Move::Own(c.id.clone(), t.into(), p.into()));
                }
            }
        }
    }
    for r in &m.responsibilities {
        owners.push(Move::Drop(r.clone()));
        for level in [Control::Strict, Control::Moderate, Control::Light] {
            if r.control != Some(level) {
                owners.push(Move::Control(r.clone(), level));
            }
        }
    }
    let mut data = Vec::new();
    for c in &m.contributors {
        for (s, system) in m.systems.iter().enumerate() {
            if !system.contributors.contains(&c.id) {
                data.push(Move::Track(c.id.clone(), s));
            }
        }
    }
    let n = m.systems.len();
    for a in 0..n {
        for b in a + 1..n {
            let (x, y) = (&m.systems[a].id, &m.systems[b].id);
            let linked = m
                .integrations
                .iter()
                .any(|i| (&i.from == x && &i.to == y) || (&i.from == y && &i.to == x));
            if !linked {
                data.push(Move::Link(a, b));
            }
        }
    }
    [scores, owners, data]
}

fn unresolved(m: &Model, kinds: &[Kind]) -> usize {
    analysis::analyze(m)
        .findings
        .iter()
        .filter(|f| kinds.contains(&f.kind))
        .count()
}

/// Whether some `k` of `pool` resolve every finding of `kinds`.
fn some_subset(m: &Model, pool: &[Move], k: usize, kinds: &[Kind]) -> bool {
    fn go<'a>(
        m: &Model,
        pool: &'a [Move],
        from: usize,
        k: usize,
        picked: &mut Vec<&'a Move>,
        kinds: &[Kind],
    ) -> bool {
        if picked.len() == k {
            return unresolved(&make(m, picked), kinds) == 0;
        }
        for i in from..pool.len() {
            if pool.len() - i < k - picked.len() {
                break;
            }
            picked.push(&pool[i]);
            if go(m, pool, i + 1, k, picked, kinds) {
                return true;
            }
            picked.pop();
        }
        false
    }
    go(m, pool, 0, k, &mut Vec::new(), kinds)
}

/// The fewest changes of `pool` that resolve `kinds` (searched up to `limit`).
fn fewest(m: &Model, pool: &[Move], kinds: &[Kind], limit: usize) -> Option<usize> {
    (0..=limit).find(|&k| some_subset(m, pool, k, kinds))
}

const PARTS: [&[Kind]; 3] = [
    &[Kind::MaturityGap],
    &[Kind::Uncovered, Kind::Redundant, Kind::Conflict],
    &[Kind::Untracked, Kind::Fragmented, Kind::Silo],
];

#[test]
fn no_smaller_set_of_changes_resolves_the_chosen_kinds() {
    let selections: [&[Kind]; 9] = [
        &[],
        &[Kind::Uncovered],
        &[Kind::Redundant],
        &[Kind::Conflict],
        &[Kind::Redundant, Kind::Conflict],
        &[Kind::Untracked],
        &[Kind::Fragmented],
        &[Kind::Silo],
        &[Kind::Fragmented, Kind::Silo],
    ];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut compared = 0;
    for _ in 0..60 {
        let m = small(&mut rng);
        let pools = moves(&m);
        for kinds in selections {
            let p = plan(
                &m,
                &PlanOptions {
                    kinds: kinds.to_vec(),
                    ..Default::default()
                },
            );
            let planned = analysis::plan::apply(&m, &p).expect("the plan applies");
            let chosen: Vec<Kind> = if kinds.is_empty() {
                Kind::ALL.to_vec()
            } else {
                kinds.to_vec()
            };
            // Untracked without any system is the one thing no change resolves.
            assert_eq!(unresolved(&planned, &chosen), 0, "{kinds:?} left in {m:#?}");
            assert!(p.left.is_empty());
            let mut optimum = 0;
            for (part, pool) in PARTS.iter().zip(&pools) {
                let wanted: Vec<Kind> = part
                    .iter()
                    .copied()
                    .filter(|k| chosen.contains(k))
                    .collect();
                if wanted.is_empty() {
                    continue;
                }
                let planned_here = p
                    .steps
                    .iter()
                    .filter(|s| {
                        let k = serde_json::to_value(s.kind).unwrap();
                        let k = k.as_str().unwrap();
                        match part[0] {
                            Kind::MaturityGap => k == "scores",
                            Kind::Uncovered => ["owners", "leads", "controls"].contains(&k),
                            _ => ["tracking", "integrations"].contains(&k),
                        }
                    })
                    .map(|s| s.changes.len())
                    .sum::<usize>();
                let best = fewest(&m, pool, &wanted, planned_here).expect("the plan is a solution");
                assert_eq!(
                    planned_here, best,
                    "{wanted:?}: the plan takes {planned_here}, {best} suffice in {m:#?}"
                );
                optimum += best;
                compared += 1;
            }
            assert_eq!(p.change_count, optimum);
        }
    }
    assert!(compared > 300, "{compared} comparisons");
}

#[test]
fn generated_models_lose_every_finding_of_the_chosen_kinds() {
    let sample = workforce_ecosystem::framework::sample();
    for factor in [1, 3, 10] {
        let m = generate::scaled(&sample, factor);
        for kinds in [
            vec![],
            vec![Kind::Conflict],
            vec![Kind::Fragmented, Kind::Silo, Kind::Untracked],
        ] {
            let p = plan(
                &m,
                &PlanOptions {
                    kinds: kinds.clone(),
                    ..Default::default()
                },
            );
            let planned = analysis::plan::apply(&m, &p).unwrap();
            let chosen = if kinds.is_empty() {
                Kind::ALL.to_vec()
            } else {
                kinds
            };
            assert_eq!(unresolved(&planned, &chosen), 0, "×{factor} {chosen:?}");
            let resolved: usize = p.steps.iter().map(|s| s.resolves.len()).sum();
            assert!(resolved >= unresolved(&m, &chosen));
        }
    }
}
