//! The rules a well-typed model must follow: ids unique and non-blank, every
//! reference known, scores and targets on the scale, one assessment per
//! (theme, player, unit), a drawable framework, a coherent scale, and the
//! limits (`limits.rs`) on texts, lists, the scale and weights, for models
//! changed in memory as much as for those read from text.
//!
//! Each rule looks every id up in a hash map, so checking is linear in the
//! size of the model (repeated cells are found by one sort).
//!
//! Here are the checker (`Rules`: its problems, what it skips and its
//! budget) and the rules run in order over the model; a place in a list is
//! an `At` (`place`), the placeholders it skips are arranged in `holes`,
//! ids are read and references looked up in `ids`, the scale and the scores
//! on it are checked in `scale`.

mod holes;
mod ids;
mod place;
mod scale;
#[cfg(test)]
mod tests;

use super::budget::Budget;
use super::fields::expected_found;
use super::limits::{self, MAX_WEIGHT};
use super::path;
use super::wording::{describe, num, quote};
use super::{Problem, MAX_ITEMS};
use crate::language::{noun, say};
use crate::model::{Model, SCHEMA_V1};
use holes::Holes;
use ids::Ids;
use place::{at, At};
use rustc_hash::FxBuildHasher;
use std::collections::hash_map::{Entry, HashMap};
use std::collections::HashSet;

/// How many players and themes the layout can draw (docs/design.md §2).
pub const PLAYERS: std::ops::RangeInclusive<usize> = 3..=12;
pub const THEMES: std::ops::RangeInclusive<usize> = 1..=8;

/// An assessment's (theme, player, unit).
type Cell<'m> = (&'m str, &'m str, Option<&'m str>);

struct Rules<'p> {
    problems: Vec<Problem>,
    placeholders: &'p HashSet<&'p str>,
    holes: Holes<'p>,
    /// With a budget, problems of a list that cannot be among the first of
    /// the text are only counted, and their messages never written.
    budget: Option<Budget>,
}

impl Rules<'_> {
    fn report(&mut self, at: String, message: String) {
        self.problems.push(Problem::new(at, message));
    }

    /// Reports a problem at a place in a list, writing its path and message
    /// only if the budget (when there is one) admits it.
    fn report_at(&mut self, at: At, message: &dyn Fn() -> String) {
        if let Some(budget) = &mut self.budget {
            // The stream is the list the place is in, as `budget::stream_of`
            // reads it from a path: `assessments`, `systems[3].contributors`.
            let admitted = match at.j {
                Some(j) => {
                    let mut stream = String::from(at.list);
                    path::push_index(&mut stream, at.i);
                    stream.push('.');
                    stream.push_str(at.field);
                    budget.admits(&stream, j)
                }
                None => budget.admits(at.list, at.i),
            };
            if !admitted {
                return;
            }
        }
        self.problems.push(Problem::new(at.path(), message()));
    }

    /// Whether `at` or an ancestor holds a placeholder for a value whose
    /// problem is already reported.
    fn skip_path(&self, at: &str) -> bool {
        !self.placeholders.is_empty()
            && path::self_and_ancestors(at)
                .iter()
                .any(|p| self.placeholders.contains(p))
    }

    /// [`Rules::skip_path`] for a place in a list, without writing its path.
    fn skip(&self, at: At) -> bool {
        if self.placeholders.is_empty() {
            return false;
        }
        let list_under = match self.holes.lists.iter().find(|(l, _)| *l == at.list) {
            Some(&(_, under)) => under,
            None => self.skip_path(at.list),
        };
        list_under
            || self
                .holes
                .inside(at.list, at.i)
                .any(|rest| Holes::covers(rest, at))
    }
}

/// Checks every rule; values at `placeholders` (and below) were already
/// reported as unreadable and are not checked again. Every problem is
/// written out.
pub fn check(model: &Model, placeholders: &HashSet<&str>) -> Vec<Problem> {
    run(model, placeholders, None).0
}

/// [`check`], writing out only the problems that may be among the first
/// of the text (`budget.rs`); returns them and how many others there are.
pub fn check_within(model: &Model, placeholders: &HashSet<&str>) -> (Vec<Problem>, usize) {
    let (problems, dropped) = run(model, placeholders, Some(Budget::default()));
    let (problems, thinned) = super::budget::thin(problems);
    (problems, dropped + thinned)
}

/// The problem of a model over [`MAX_ITEMS`] list items, all lists together.
fn too_many_items(model: &Model) -> Option<String> {
    let items = model.item_count();
    (items > MAX_ITEMS).then(|| {
        say(
            "problem.listItems",
            &[
                ("count", &super::wording::Count(items as u64).to_string()),
                (
                    "limit",
                    &super::wording::Count(MAX_ITEMS as u64).to_string(),
                ),
            ],
            || format!("{items} list items; a model may hold at most {MAX_ITEMS}"),
        )
    })
}

/// [`check`] of a model that was valid until its assessment at `index` was
/// set (changed, or added at the end) to one no other assessment's cell
/// repeats: the problems [`check`] would find, found without reading the
/// other items. Nothing else changed, so only that assessment's own fields
/// can be at fault, and the item limit when it was added: no rule reads an
/// assessment but for its cell, and its cell is its own. Its fields are
/// checked by [`check`] itself, on a model holding it alone beside the
/// framework, scale and units it refers to. A score edit of a model 100
/// times the sample's took about 2.5 ms in Chromium checked whole.
pub fn check_assessment(model: &Model, index: usize) -> Vec<Problem> {
    let Some(a) = model.assessments.get(index) else {
        return check(model, &HashSet::new());
    };
    let alone = Model {
        schema: model.schema.clone(),
        name: model.name.clone(),
        framework: model.framework.clone(),
        scale: model.scale.clone(),
        units: model.units.clone(),
        assessments: vec![a.clone()],
        ..Model::empty("")
    };
    let here = format!("assessments[{index}]");
    let mut problems: Vec<Problem> = too_many_items(model)
        .map(|message| Problem {
            path: String::new(),
            message,
            line: None,
            column: None,
        })
        .into_iter()
        .collect();
    problems.extend(check(&alone, &HashSet::new()).into_iter().map(|mut p| {
        if let Some(rest) = p.path.strip_prefix("assessments[0]") {
            p.path = format!("{here}{rest}");
        }
        p
    }));
    problems
}

fn run(
    model: &Model,
    placeholders: &HashSet<&str>,
    budget: Option<Budget>,
) -> (Vec<Problem>, usize) {
    let mut r = Rules {
        problems: Vec::new(),
        placeholders,
        holes: Holes::new(placeholders),
        budget,
    };
    if let Some(message) = too_many_items(model) {
        r.report(String::new(), message);
    }
    // Texts and lists the reader refused are placeholders, empty by now, so
    // these find only what was made in memory.
    limits::check_counts(model, &mut |path, message| r.report(path, message));
    limits::check_texts(model, &mut |path, message| r.report(path, message));
    if model.schema != SCHEMA_V1 && !r.skip_path("schema") {
        r.report(
            "schema".into(),
            expected_found(&format!("\"{SCHEMA_V1}\""), &quote(&model.schema)),
        );
    }
    let (players, themes) = r.framework(model);
    let scale = r.scale(model);
    let units = r.ids(
        "units",
        "unit",
        "the model defines no units",
        &mut model.units.iter().map(|u| u.id.as_str()),
    );
    let contributors = r.ids(
        "contributors",
        "contributor",
        "the model defines no contributors",
        &mut model.contributors.iter().map(|c| c.id.as_str()),
    );
    let systems = r.ids(
        "systems",
        "system",
        "the model defines no systems",
        &mut model.systems.iter().map(|s| s.id.as_str()),
    );

    // Where each assessment that repeats a cell first assessed it. Cells
    // whose ids could not all be read are left out. A map of each cell's
    // first position, filled in model order: sorting 99,000 assessments of
    // a few cells by their ids took a fifth of reading such a model.
    let mut first_seen: HashMap<Cell, usize, FxBuildHasher> =
        HashMap::with_capacity_and_hasher(model.assessments.len(), FxBuildHasher);
    let mut first_of = vec![None; model.assessments.len()];
    for (i, a) in model.assessments.iter().enumerate() {
        let unreadable = ["theme", "player", "unit"]
            .iter()
            .any(|f| r.skip(at("assessments", i, f)));
        if unreadable {
            continue;
        }
        match first_seen.entry((&a.theme, &a.player, a.unit.as_deref())) {
            Entry::Occupied(first) => first_of[i] = Some(*first.get()),
            Entry::Vacant(slot) => {
                slot.insert(i);
            }
        }
    }

    for (i, a) in model.assessments.iter().enumerate() {
        let field = |f| at("assessments", i, f);
        r.reference(field("theme"), &a.theme, &themes);
        r.reference(field("player"), &a.player, &players);
        if let Some(u) = &a.unit {
            r.reference(field("unit"), u, &units);
        }
        r.score(field("current"), a.current, scale);
        if let Some(t) = a.target {
            r.score(field("target"), t, scale);
        }
        let weight_ok = a.weight.is_finite() && a.weight > 0.0;
        if !weight_ok && !r.skip(field("weight")) {
            r.report_at(field("weight"), &|| {
                expected_found(&noun("a positive number"), &num(a.weight))
            });
        } else if a.weight > MAX_WEIGHT && !r.skip(field("weight")) {
            r.report_at(field("weight"), &|| {
                let (weight, max) = (num(a.weight), num(MAX_WEIGHT));
                say(
                    "problem.tooHeavy",
                    &[("weight", &weight), ("max", &max)],
                    || format!("{weight} is too heavy; a weight is at most {max}"),
                )
            });
        }
        if let Some(first) = first_of[i] {
            let unit = match &a.unit {
                Some(u) => {
                    let u = quote(u);
                    say("problem.forUnit", &[("unit", &u)], || {
                        format!("for unit {u}")
                    })
                }
                None => noun("with no unit").into_owned(),
            };
            r.report_at(field(""), &|| {
                let (theme, player) = (quote(&a.theme), quote(&a.player));
                let first = format!("assessments[{first}]");
                say(
                    "problem.secondAssessment",
                    &[("theme", &theme), ("player", &player), ("unit", &unit), ("first", &first)],
                    || format!("second assessment of the cell (theme {theme}, player {player}) {unit}; the first is {first}"),
                )
            });
        }
    }

    for (i, c) in model.contributors.iter().enumerate() {
        let field = at("contributors", i, "headcount");
        match c.headcount {
            Some(n) if n > limits::MAX_HEADCOUNT && !r.skip(field) => {
                r.report_at(field, &|| {
                    expected_found(&noun(limits::HEADCOUNT), &describe(&n.into()))
                });
            }
            _ => {}
        }
    }

    for (i, x) in model.responsibilities.iter().enumerate() {
        let field = |f| at("responsibilities", i, f);
        r.reference(field("contributor"), &x.contributor, &contributors);
        r.reference(field("theme"), &x.theme, &themes);
        r.reference(field("player"), &x.player, &players);
    }

    for (i, s) in model.systems.iter().enumerate() {
        r.reference(at("systems", i, "owner"), &s.owner, &players);
        let mut seen = HashMap::with_capacity(s.contributors.len());
        for (j, c) in s.contributors.iter().enumerate() {
            let place = At {
                j: Some(j),
                ..at("systems", i, "contributors")
            };
            r.reference(place, c, &contributors);
            if r.skip(place) {
                continue;
            }
            match seen.entry(c.as_str()) {
                Entry::Occupied(first) => {
                    let first = *first.get();
                    r.report_at(place, &|| {
                        let (id, other) = (quote(c), format!("systems[{i}].contributors[{first}]"));
                        say(
                            "problem.listedTwice",
                            &[("id", &id), ("other", &other)],
                            || format!("{id} is listed twice (also {other})"),
                        )
                    });
                }
                Entry::Vacant(slot) => {
                    slot.insert(j);
                }
            }
        }
    }

    for (i, x) in model.integrations.iter().enumerate() {
        let field = |f| at("integrations", i, f);
        r.reference(field("from"), &x.from, &systems);
        r.reference(field("to"), &x.to, &systems);
        let readable = !r.skip(field("from")) && !r.skip(field("to"));
        if readable && x.from == x.to && systems.at.contains_key(x.from.as_str()) {
            r.report_at(field(""), &|| {
                let id = quote(&x.from);
                say("problem.selfLink", &[("id", &id)], || {
                    format!("connects system {id} to itself")
                })
            });
        }
    }
    let knows = |ids: &Ids, id: &str| !ids.complete || ids.at.contains_key(id);
    let known = super::voices::Known {
        theme: &|id| knows(&themes, id),
        player: &|id| knows(&players, id),
        unit: &|id| knows(&units, id),
        scale,
    };
    super::voices::check(model, &known, &mut |path, message| r.report(path, message));
    let dropped = r.budget.map_or(0, |b| b.dropped);
    (r.problems, dropped)
}
