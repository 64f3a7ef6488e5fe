//! The ids of each list, unique and non-blank, the references to them,
//! and the framework's players and themes: as many as the diagram draws.

use super::place::{at, At};
use super::{Rules, PLAYERS, THEMES};
use crate::language::{noun, say};
use crate::model::Model;
use crate::validate::limits::{self, is_blank};
use crate::validate::wording::{known, quote};
use rustc_hash::FxBuildHasher;
use std::collections::hash_map::{Entry, HashMap};

/// The ids of one list, where each is, and whether every id could be read
/// (if not, "unknown id" would be a guess, so such checks are skipped).
pub(super) struct Ids<'m> {
    /// Each id's first position. The fast hash: every reference of the
    /// model is looked up here, after each edit on the page.
    pub(super) at: HashMap<&'m str, usize, FxBuildHasher>,
    order: Vec<&'m str>,
    pub(super) complete: bool,
    /// What one is called ("player") and what to say when there are none.
    kind: &'static str,
    none: &'static str,
}

impl Rules<'_> {
    pub(super) fn ids<'m>(
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

    pub(super) fn reference(&mut self, at: At, id: &str, known_ids: &Ids<'_>) {
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

    pub(super) fn framework<'m>(&mut self, model: &'m Model) -> (Ids<'m>, Ids<'m>) {
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
}
