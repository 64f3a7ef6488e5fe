//! What a finding is: its kind, its severity and what it is about — small
//! references into the [`Names`] its analysis shares, with the facts its
//! sentence states. Its id, its sentence, its id lists and its JSON are
//! written from those when asked for, so that analysing a large model builds
//! no strings per finding (a model 1000 times the sample has some 40,000).
//!
//! The kinds are in `kind`, how an id is written (and compared and hashed
//! without being written) in `id`, the sentence in both languages in
//! `sentence`.

mod id;
mod kind;
mod sentence;
#[cfg(test)]
mod tests;

pub(crate) use id::{hash_id, id_of, write_id, write_id_part};
pub use kind::{Kind, KindNames};

use super::names::{List, Names, Ref};
use crate::model::Control;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use std::fmt::{self, Write};
use std::sync::Arc;

/// A cell a finding concerns; `unit` only for a unit's own assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct FindingCell<'a> {
    pub theme: &'a str,
    pub player: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'a str>,
}

/// Control levels as bits, for the lists of [`Names`].
pub(crate) fn control_bits(levels: impl IntoIterator<Item = Control>) -> u32 {
    levels.into_iter().fold(0, |bits, c| bits | 1 << (c as u32))
}

fn controls_of(bits: u32) -> Vec<&'static str> {
    let mut out = Vec::new();
    for c in [Control::Strict, Control::Moderate, Control::Light] {
        if bits & (1 << (c as u32)) != 0 {
            out.push(c.as_str());
        }
    }
    out
}

/// What a finding is about. Lists live in [`Names`]; each is sorted by id.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Subject {
    /// An assessment whose target is above its current score.
    Cell {
        theme: Ref,
        player: Ref,
        unit: Option<Ref>,
        current: f64,
        target: f64,
        weight: f64,
    },
    /// A contributor and a theme nobody owns.
    Coverage { contributor: Ref, theme: Ref },
    /// Several players responsible for one contributor, theme and activity;
    /// for a conflict, `controls` holds the levels (as bits) each player sets.
    Group {
        contributor: Ref,
        theme: Ref,
        activity: Option<Ref>,
        players: List,
        controls: List,
    },
    /// A contributor and the systems tracking it, component by component:
    /// `systems` holds the groups one after another, `sizes` their lengths.
    Tracking {
        contributor: Ref,
        systems: List,
        sizes: List,
    },
    /// A system with no integration, its owner and what it tracks.
    System {
        system: Ref,
        owner: Ref,
        contributors: List,
    },
}

/// One thing the analysis found.
///
/// In JSON: `id`, `kind`, `severity`, `explanation`, then `cells` (objects
/// `{theme, player, unit?}`), `players`, `themes`, `contributors`, `systems`
/// and `units` (sorted id arrays, empty where they do not apply).
#[derive(Clone)]
pub struct Finding {
    pub kind: Kind,
    pub severity: f64,
    pub(crate) subject: Subject,
    pub(crate) names: Arc<Names>,
}

impl Finding {
    /// Writes the id: `kind:` then the ids the finding is about, joined by
    /// `:`, with `%` and `:` inside ids written `%25` and `%3A`, and an empty
    /// part for a missing unit or activity — e.g.
    /// `redundant:gig:integration:sourcing`, `maturity-gap:integration:hr:`.
    /// It stays the same across edits that do not change what the finding is
    /// about; `compare` matches findings by it.
    pub fn write_id(&self, out: &mut dyn Write) -> fmt::Result {
        write_id(self.kind, &self.subject, &self.names, out)
    }

    /// The id (see [`Finding::write_id`]).
    pub fn id(&self) -> String {
        let mut s = String::with_capacity(48);
        let _ = self.write_id(&mut s);
        s
    }

    /// Whether the finding's id is `id`, compared as it is written: finding
    /// the one a page chose among thousands writes no id whole.
    pub fn has_id(&self, id: &str) -> bool {
        /// The part of the id still to match; writing stops at the first
        /// difference.
        struct Rest<'a>(&'a str);
        impl Write for Rest<'_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                self.0 = self.0.strip_prefix(s).ok_or(fmt::Error)?;
                Ok(())
            }
        }
        let mut rest = Rest(id);
        self.write_id(&mut rest).is_ok() && rest.0.is_empty()
    }

    fn list(&self, list: List) -> &[u32] {
        self.names.list(list)
    }

    /// The groups of a `Tracking` subject.
    fn groups(&self, systems: List, sizes: List) -> impl Iterator<Item = &[Ref]> {
        let mut rest = self.list(systems);
        self.list(sizes).iter().map(move |&size| {
            let (group, tail) = rest.split_at((size as usize).min(rest.len()));
            rest = tail;
            group
        })
    }

    /// The activity of a redundancy or conflict, if it names one.
    pub fn activity(&self) -> Option<&str> {
        match self.subject {
            Subject::Group {
                activity: Some(a), ..
            } => Some(self.names.label(a)),
            _ => None,
        }
    }

    /// The players concerned: a cell's, a redundancy's, those of a conflict
    /// that set a control level, a silo's owner.
    fn player_refs(&self) -> Vec<Ref> {
        match self.subject {
            Subject::Cell { player, .. } => vec![player],
            Subject::Group {
                players, controls, ..
            } => {
                let controls = self.list(controls);
                let mut refs = Vec::new();
                for (i, &p) in self.list(players).iter().enumerate() {
                    if self.kind != Kind::Conflict || controls.get(i).is_some_and(|&c| c != 0) {
                        refs.push(p);
                    }
                }
                refs
            }
            Subject::System { owner, .. } => vec![owner],
            _ => Vec::new(),
        }
    }

    /// The cells concerned: the assessment's, or the cell on the theme of
    /// each player concerned by a group.
    pub fn cells(&self) -> Vec<FindingCell<'_>> {
        let n = &self.names;
        match self.subject {
            Subject::Cell {
                theme,
                player,
                unit,
                ..
            } => vec![FindingCell {
                theme: n.id(theme),
                player: n.id(player),
                unit: unit.map(|u| n.id(u)),
            }],
            Subject::Group { theme, .. } => self
                .player_refs()
                .iter()
                .map(|&p| FindingCell {
                    theme: n.id(theme),
                    player: n.id(p),
                    unit: None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    pub fn players(&self) -> Vec<&str> {
        self.player_refs()
            .iter()
            .map(|&p| self.names.id(p))
            .collect()
    }

    pub fn themes(&self) -> Vec<&str> {
        match self.subject {
            Subject::Cell { theme, .. }
            | Subject::Coverage { theme, .. }
            | Subject::Group { theme, .. } => vec![self.names.id(theme)],
            _ => Vec::new(),
        }
    }

    /// The contributors concerned (for a silo, those it tracks).
    pub fn contributors(&self) -> Vec<&str> {
        match self.subject {
            Subject::Cell { .. } => Vec::new(),
            Subject::Coverage { contributor, .. }
            | Subject::Group { contributor, .. }
            | Subject::Tracking { contributor, .. } => vec![self.names.id(contributor)],
            Subject::System { contributors, .. } => self
                .list(contributors)
                .iter()
                .map(|&c| self.names.id(c))
                .collect(),
        }
    }

    pub fn systems(&self) -> Vec<&str> {
        match self.subject {
            Subject::Tracking { systems, .. } => {
                let mut ids: Vec<&str> = self
                    .list(systems)
                    .iter()
                    .map(|&s| self.names.id(s))
                    .collect();
                crate::order::sort(&mut ids);
                ids
            }
            Subject::System { system, .. } => vec![self.names.id(system)],
            _ => Vec::new(),
        }
    }

    pub fn units(&self) -> Vec<&str> {
        match self.subject {
            Subject::Cell { unit: Some(u), .. } => vec![self.names.id(u)],
            _ => Vec::new(),
        }
    }
}

/// Two findings are equal when everything they report is: what they are
/// about, their severity and their sentence — whichever analysis they come
/// from.
impl PartialEq for Finding {
    fn eq(&self, other: &Finding) -> bool {
        self.kind == other.kind
            && self.severity == other.severity
            && self.id() == other.id()
            && self.explanation() == other.explanation()
            && self.cells() == other.cells()
            && self.players() == other.players()
            && self.contributors() == other.contributors()
            && self.systems() == other.systems()
    }
}

impl fmt::Debug for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Finding")
            .field("id", &self.id())
            .field("severity", &self.severity)
            .field("explanation", &self.explanation())
            .finish()
    }
}

/// A finding's id or sentence, written straight into a serializer.
struct Written<'a>(
    &'a Finding,
    fn(&Finding, &mut fmt::Formatter<'_>) -> fmt::Result,
);

impl fmt::Display for Written<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (self.1)(self.0, f)
    }
}

impl Serialize for Written<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl Serialize for Finding {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(10))?;
        map.serialize_entry("id", &Written(self, |f, out| f.write_id(out)))?;
        map.serialize_entry("kind", &self.kind)?;
        map.serialize_entry("severity", &self.severity)?;
        map.serialize_entry(
            "explanation",
            &Written(self, |f, out| f.write_explanation(out)),
        )?;
        map.serialize_entry("cells", &self.cells())?;
        map.serialize_entry("players", &self.players())?;
        map.serialize_entry("themes", &self.themes())?;
        map.serialize_entry("contributors", &self.contributors())?;
        map.serialize_entry("systems", &self.systems())?;
        map.serialize_entry("units", &self.units())?;
        map.end()
    }
}
