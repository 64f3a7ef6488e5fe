//! The rules a well-typed model must follow: ids unique and non-blank, every
//! reference known, scores and targets on the scale, one assessment per
//! (theme, player, unit), a drawable framework, a coherent scale, and the
//! limits (`limits.rs`) on texts, lists, the scale and weights, for models
//! changed in memory as much as for those read from text.
//!
//! Each rule looks every id up in a hash map, so checking is linear in the
//! size of the model (repeated cells are found by one sort).

use super::budget::Budget;
use super::fields::expected_found;
use super::limits::{self, is_blank, MAX_WEIGHT, SCALE_BOUND};
use super::path;
use super::wording::{describe, known, num, quote};
use super::{Problem, MAX_ITEMS};
use crate::language::{noun, say};
use crate::model::{Model, Scale, SCHEMA_V1};
use rustc_hash::FxBuildHasher;
use std::collections::hash_map::{Entry, HashMap};
use std::collections::HashSet;

/// How many players and themes the layout can draw (docs/design.md §2).
pub const PLAYERS: std::ops::RangeInclusive<usize> = 3..=12;
pub const THEMES: std::ops::RangeInclusive<usize> = 1..=8;

/// The ids of one list, where each is, and whether every id could be read
/// (if not, "unknown id" would be a guess, so such checks are skipped).
struct Ids<'m> {
    /// Each id's first position. The fast hash: every reference of the
    /// model is looked up here, after each edit on the page.
    at: HashMap<&'m str, usize, FxBuildHasher>,
    order: Vec<&'m str>,
    complete: bool,
    /// What one is called ("player") and what to say when there are none.
    kind: &'static str,
    none: &'static str,
}

/// An assessment's (theme, player, unit).
type Cell<'m> = (&'m str, &'m str, Option<&'m str>);

/// Where a checked value sits in a list: `list[i]`, then `.field` unless it
/// is empty, then `[j]` when given. Kept as data so that the path string is
/// only built when a problem is reported (or placeholders must be consulted),
/// and built by one function rather than a `format!` per call site.
#[derive(Clone, Copy)]
struct At {
    list: &'static str,
    i: usize,
    field: &'static str,
    j: Option<usize>,
}

/// `list[i].field`, or `list[i]` when `field` is empty.
fn at(list: &'static str, i: usize, field: &'static str) -> At {
    At {
        list,
        i,
        field,
        j: None,
    }
}

impl At {
    fn path(self) -> String {
        let mut p = String::from(self.list);
        path::push_index(&mut p, self.i);
        if !self.field.is_empty() {
            p.push('.');
            p.push_str(self.field);
        }
        if let Some(j) = self.j {
            path::push_index(&mut p, j);
        }
        p
    }
}

/// The model's lists, as the rules name places in them.
const LISTS: [&str; 8] = [
    "framework.players",
    "framework.themes",
    "units",
    "assessments",
    "contributors",
    "responsibilities",
    "systems",
    "integrations",
];

/// The placeholders arranged for [`Rules::skip`], which is asked of every
/// value checked: whether each list lies under one, and for each list item
/// holding one what follows `list[i]` in its path (`""` for the item
/// itself, `.current`, `.contributors[3]`), sorted by list and position, so
/// that no path is written to ask.
#[derive(Default)]
struct Holes<'p> {
    lists: Vec<(&'static str, bool)>,
    items: Vec<(&'p str, usize, &'p str)>,
}

impl<'p> Holes<'p> {
    fn new(placeholders: &'p HashSet<&'p str>) -> Holes<'p> {
        let mut holes = Holes::default();
        if placeholders.is_empty() {
            return holes;
        }
        for list in LISTS {
            let under = path::self_and_ancestors(list)
                .iter()
                .any(|p| placeholders.contains(&**p));
            holes.lists.push((list, under));
        }
        for &p in placeholders {
            let Some((list, rest)) = p.split_once('[') else {
                continue;
            };
            let Some((index, rest)) = rest.split_once(']') else {
                continue;
            };
            if let Ok(i) = index.parse() {
                holes.items.push((list, i, rest));
            }
        }
        crate::order::sort(&mut holes.items);
        holes
    }

    /// What follows `list[i]` in the placeholders inside that item.
    fn inside<'a>(&'a self, list: &'a str, i: usize) -> impl Iterator<Item = &'p str> + 'a {
        let start = self.items.partition_point(|&(l, j, _)| (l, j) < (list, i));
        self.items
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(move |&&(l, j, _)| l == list && j == i)
            .map(|&(_, _, rest)| rest)
    }

    /// Whether `rest` (what follows `list[i]` in a placeholder's path) is
    /// `at` or one of its ancestors.
    fn covers(rest: &str, at: At) -> bool {
        if rest.is_empty() {
            return true;
        }
        if at.field.is_empty() {
            return false;
        }
        let Some(after) = rest
            .strip_prefix('.')
            .and_then(|r| r.strip_prefix(at.field))
        else {
            return false;
        };
        match (after, at.j) {
            ("", _) => true,
            (index, Some(j)) => {
                index
                    .strip_prefix('[')
                    .and_then(|r| r.strip_suffix(']'))
                    .and_then(|n| n.parse::<usize>().ok())
                    == Some(j)
            }
            _ => false,
        }
    }
}

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

    fn ids<'m>(
        &mut self,
        list: &'static str,
        kind: &'static str,
        none: &'static str,
        ids: &mut dyn Iterator<Item = &'m str>,
    ) -> Ids<'m> {
        let mut out = Ids {
            at: HashMap::with_capacity_and_hasher(ids.size_hint().0, FxBuildHasher),
            order: Vec::new(),
            // A list that could not be read (or was over its limit) is known
            // only in part: nothing is "unknown" against it.
            complete: !self.skip_path(list),
            kind,
            none,
        };
        for (i, id) in ids.enumerate() {
            let place = at(list, i, "id");
            if self.skip(place) {
                out.complete = false;
                continue;
            }
            if is_blank(id) {
                self.report_at(place, &|| {
                    say("problem.emptyId", &[("kind", &noun(kind))], || {
                        format!("empty id: every {kind} needs one")
                    })
                });
                continue;
            }
            match out.at.entry(id) {
                Entry::Occupied(first) => {
                    let first = *first.get();
                    self.report_at(place, &|| {
                        let (id, first) = (quote(id), format!("{list}[{first}]"));
                        say(
                            "problem.duplicateId",
                            &[("kind", &noun(kind)), ("id", &id), ("first", &first)],
                            || format!("duplicate {kind} id {id} (first at {first})"),
                        )
                    })
                }
                Entry::Vacant(slot) => {
                    slot.insert(i);
                    out.order.push(id);
                }
            }
        }
        out
    }

    fn reference(&mut self, at: At, id: &str, known_ids: &Ids<'_>) {
        if known_ids.at.contains_key(id) || !known_ids.complete || self.skip(at) {
            return;
        }
        self.report_at(at, &|| {
            let (kind, id) = (known_ids.kind, quote(id));
            let known = known(known_ids.order.iter().copied(), known_ids.none);
            say(
                "problem.unknown",
                &[("kind", &noun(kind)), ("id", &id), ("known", &known)],
                || format!("unknown {kind} {id} {known}"),
            )
        });
    }

    fn score(&mut self, at: At, value: f64, scale: Option<(f64, f64)>) {
        let Some((min, max)) = scale else { return };
        if value.is_finite() && value >= min && value <= max || self.skip(at) {
            return;
        }
        self.report_at(at, &|| {
            if value.is_finite() {
                let (value, min, max) = (num(value), num(min), num(max));
                say(
                    "problem.outsideScale",
                    &[("value", &value), ("min", &min), ("max", &max)],
                    || format!("{value} is outside the scale {min} to {max}"),
                )
            } else {
                expected_found(&noun("a finite number"), &num(value))
            }
        });
    }

    fn framework<'m>(&mut self, model: &'m Model) -> (Ids<'m>, Ids<'m>) {
        let fw = &model.framework;
        for (list, n, range, what) in [
            ("framework.players", fw.players.len(), PLAYERS, "players"),
            ("framework.themes", fw.themes.len(), THEMES, "themes"),
        ] {
            if !range.contains(&n) && !self.skip_path(list) {
                self.report(list.to_string(), limits::diagram_draws(n, what, range));
            }
        }
        let players = self.ids(
            "framework.players",
            "player",
            "the framework has no players",
            &mut fw.players.iter().map(|p| p.id.as_str()),
        );
        let themes = self.ids(
            "framework.themes",
            "theme",
            "the framework has no themes",
            &mut fw.themes.iter().map(|t| t.id.as_str()),
        );
        (players, themes)
    }

    /// Checks the scale; returns its bounds when scores can be checked
    /// against them.
    fn scale(&mut self, model: &Model) -> Option<(f64, f64)> {
        let s = &model.scale;
        if self.skip_path("scale.min") || self.skip_path("scale.max") {
            return None;
        }
        if !s.min.is_finite() || !s.max.is_finite() {
            self.report(
                "scale".into(),
                scale_message("problem.scaleFinite", s, &[], &|min, max, _| {
                    format!("min and max must be finite numbers, found {min} and {max}")
                }),
            );
            return None;
        }
        if s.min.abs() > SCALE_BOUND || s.max.abs() > SCALE_BOUND {
            self.report(
                "scale".into(),
                scale_message(
                    "problem.scaleBound",
                    s,
                    &[super::wording::Count(SCALE_BOUND as u64).to_string()],
                    &|min, max, bound| {
                        let bound = &bound[0];
                        format!("min and max must lie between -{bound} and {bound}, found {min} and {max}")
                    },
                ),
            );
            return None;
        }
        if s.min >= s.max {
            self.report(
                "scale".into(),
                scale_message("problem.scaleOrder", s, &[], &|min, max, _| {
                    format!("min ({min}) must be less than max ({max})")
                }),
            );
            return None;
        }
        if !s.labels.is_empty() && !self.skip_path("scale.labels") {
            if s.min.fract() == 0.0 && s.max.fract() == 0.0 {
                let steps = s.max - s.min + 1.0;
                if s.labels.len() as f64 != steps {
                    self.report(
                        "scale.labels".into(),
                        scale_message(
                            "problem.scaleLabels",
                            s,
                            &[s.labels.len().to_string(), num(steps)],
                            &|min, max, more| {
                                let (count, steps) = (&more[0], &more[1]);
                                format!("{count} labels for the {steps} steps from {min} to {max}; give one label per step, or none")
                            },
                        ),
                    );
                }
            } else {
                self.report(
                    "scale.labels".into(),
                    scale_message("problem.scaleWhole", s, &[], &|min, max, _| {
                        format!("labels name whole steps, but the scale runs from {min} to {max}; use whole numbers or no labels")
                    }),
                );
            }
        }
        Some((s.min, s.max))
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

/// A message about the scale's `min` and `max` (as people write numbers),
/// with the `more` values its template names after them.
fn scale_message(
    key: &str,
    s: &Scale,
    more: &[String],
    english: &dyn Fn(&str, &str, &[String]) -> String,
) -> String {
    let (min, max) = (num(s.min), num(s.max));
    let names = ["count", "steps"];
    let mut args = vec![("min", min.as_str()), ("max", max.as_str())];
    match key {
        "problem.scaleBound" => args.push(("bound", more[0].as_str())),
        _ => args.extend(names.iter().copied().zip(more.iter().map(String::as_str))),
    }
    say(key, &args, || english(&min, &max, more))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Assessment, Contributor, ContributorKind, Integration, Item, System};

    fn messages(m: &Model) -> Vec<String> {
        check(m, &HashSet::new())
            .into_iter()
            .map(|p| format!("{}: {}", p.path, p.message))
            .collect()
    }

    fn cell(theme: &str, player: &str, current: f64) -> Assessment {
        Assessment {
            theme: theme.into(),
            player: player.into(),
            unit: None,
            current,
            target: None,
            weight: 1.0,
            note: None,
        }
    }

    #[test]
    fn empty_model_is_valid() {
        assert!(messages(&Model::empty("x")).is_empty());
    }

    #[test]
    fn unknown_references_name_the_alternatives() {
        let mut m = Model::empty("x");
        m.assessments = vec![cell("integration", "marketing", 1.0)];
        assert_eq!(
            messages(&m),
            vec![
                "assessments[0].player: unknown player \"marketing\" (known: senior-leaders, procurement, finance-legal, business-unit-leaders, it, hr)"
            ]
        );
        m.assessments[0].player = "hr".into();
        m.assessments[0].unit = Some("retail".into());
        assert_eq!(
            messages(&m),
            vec!["assessments[0].unit: unknown unit \"retail\" (the model defines no units)"]
        );
    }

    #[test]
    fn scale_rules() {
        let mut m = Model::empty("x");
        m.scale.labels.pop();
        assert_eq!(
            messages(&m),
            vec!["scale.labels: 4 labels for the 5 steps from 0 to 4; give one label per step, or none"]
        );
        m.scale.min = 0.5;
        assert_eq!(
            messages(&m),
            vec!["scale.labels: labels name whole steps, but the scale runs from 0.5 to 4; use whole numbers or no labels"]
        );
        m.scale.labels.clear();
        assert!(messages(&m).is_empty());
        m.scale.min = 4.0;
        m.assessments = vec![cell("integration", "hr", 9.0)];
        // With no usable scale the scores are not judged against it.
        assert_eq!(
            messages(&m),
            vec!["scale: min (4) must be less than max (4)"]
        );
        m.scale.min = f64::NEG_INFINITY;
        assert_eq!(
            messages(&m),
            vec!["scale: min and max must be finite numbers, found -inf and 4"]
        );
    }

    #[test]
    fn scores_weights_and_duplicates() {
        let mut m = Model::empty("x");
        let mut a = cell("integration", "hr", -1.0);
        a.target = Some(4.5);
        a.weight = 0.0;
        let mut b = cell("integration", "hr", f64::NAN);
        b.weight = f64::INFINITY;
        m.assessments = vec![a, b];
        assert_eq!(
            messages(&m),
            vec![
                "assessments[0].current: -1 is outside the scale 0 to 4",
                "assessments[0].target: 4.5 is outside the scale 0 to 4",
                "assessments[0].weight: expected a positive number, found 0",
                "assessments[1].current: expected a finite number, found NaN",
                "assessments[1].weight: expected a positive number, found inf",
                "assessments[1]: second assessment of the cell (theme \"integration\", player \"hr\") with no unit; the first is assessments[0]",
            ]
        );
    }

    /// One assessment of a valid model changed, checked alone, gives what
    /// the whole model checked gives: the same problems at the same paths.
    #[test]
    fn an_assessment_checked_alone_finds_what_the_whole_check_finds() {
        let sample = crate::framework::sample();
        assert!(check(&sample, &HashSet::new()).is_empty());
        let long = "x".repeat(limits::NOTE_CHARS + 1);
        let changes: [&dyn Fn(&mut crate::model::Assessment); 7] = [
            &|a| a.current = 9.0,
            &|a| a.target = Some(f64::NAN),
            &|a| a.weight = 0.0,
            &|a| a.note = Some(long.clone()),
            &|a| a.unit = Some("mars".into()),
            &|a| a.theme = "nowhere".into(),
            &|a| a.current = 2.0,
        ];
        let mut found = 0;
        for i in 0..sample.assessments.len() {
            for change in changes {
                let mut m = sample.clone();
                change(&mut m.assessments[i]);
                let whole = check(&m, &HashSet::new());
                assert_eq!(check_assessment(&m, i), whole, "assessments[{i}]");
                found += whole.len();
            }
        }
        assert!(
            found >= 6 * sample.assessments.len(),
            "each bad change is found"
        );
    }

    #[test]
    fn each_repeat_of_a_cell_names_its_first_readable_assessment() {
        let mut m = Model::empty("x");
        m.units = vec![Item::new("retail", "Retail")];
        let mut retail = cell("integration", "hr", 1.0);
        retail.unit = Some("retail".into());
        m.assessments = vec![
            cell("integration", "hr", 1.0),
            cell("leadership", "hr", 1.0),
            retail.clone(),
            cell("integration", "hr", 2.0),
            retail,
            cell("integration", "hr", 3.0),
        ];
        let second = |i: usize, unit: &str, first: usize| {
            format!("assessments[{i}]: second assessment of the cell (theme \"integration\", player \"hr\") {unit}; the first is assessments[{first}]")
        };
        assert_eq!(
            messages(&m),
            [
                second(3, "with no unit", 0),
                second(4, "for unit \"retail\"", 2),
                second(5, "with no unit", 0),
            ]
        );
        // A cell whose unit could not be read is not compared at all.
        let placeholders = HashSet::from(["assessments[0].unit"]);
        let got: Vec<String> = check(&m, &placeholders)
            .into_iter()
            .map(|p| format!("{}: {}", p.path, p.message))
            .collect();
        assert_eq!(
            got,
            [
                second(4, "for unit \"retail\"", 2),
                second(5, "with no unit", 3),
            ]
        );
    }

    #[test]
    fn ids_systems_and_integrations() {
        let mut m = Model::empty("x");
        m.framework.players.truncate(2);
        m.framework.themes.push(Item::new("leadership", "Again"));
        m.contributors = vec![
            Contributor {
                id: " ".into(),
                label: "Blank".into(),
                kind: ContributorKind::External,
                headcount: None,
            },
            Contributor {
                id: "gig".into(),
                label: "Gig".into(),
                kind: ContributorKind::External,
                headcount: Some(1),
            },
        ];
        m.systems = vec![System {
            id: "vms".into(),
            label: "VMS".into(),
            owner: "hr".into(),
            contributors: vec!["gig".into(), "gig".into()],
        }];
        m.integrations = vec![Integration {
            from: "vms".into(),
            to: "vms".into(),
        }];
        assert_eq!(
            messages(&m),
            vec![
                "framework.players: 2 players; the diagram draws 3 to 12",
                "framework.themes[4].id: duplicate theme id \"leadership\" (first at framework.themes[0])",
                "contributors[0].id: empty id: every contributor needs one",
                "systems[0].owner: unknown player \"hr\" (known: senior-leaders, procurement)",
                "systems[0].contributors[1]: \"gig\" is listed twice (also systems[0].contributors[0])",
                "integrations[0]: connects system \"vms\" to itself",
            ]
        );
    }

    #[test]
    fn placeholders_silence_their_paths() {
        let mut m = Model::empty("x");
        m.assessments = vec![cell("", "", 99.0), cell("", "", 99.0)];
        let placeholders = HashSet::from(["assessments[0]", "assessments[1].theme"]);
        let got: Vec<String> = check(&m, &placeholders)
            .into_iter()
            .map(|p| p.path)
            .collect();
        // assessments[1].player is still an unknown (empty) player and its
        // score is still off the scale; nothing is said about assessments[0].
        assert_eq!(got, vec!["assessments[1].player", "assessments[1].current"]);
    }
}
