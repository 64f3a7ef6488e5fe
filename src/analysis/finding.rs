//! What a finding is: its kind, its severity and its [`Subject`] — the items
//! it is about, with the facts its sentence states. Its id, its sentence and
//! its JSON are written from the subject when asked for, so that analysing a
//! large model builds no strings per finding: a model 1000 times the sample
//! has some 40,000 findings.

use super::wording::{write_and, write_contributor, write_num, write_score};
use super::Text;
use crate::model::Control;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use std::fmt::{self, Write};

/// The kinds of finding, in DESIGN's order (also the tie-break order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    MaturityGap,
    Uncovered,
    Redundant,
    Conflict,
    Untracked,
    Fragmented,
    Silo,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::MaturityGap,
        Kind::Uncovered,
        Kind::Redundant,
        Kind::Conflict,
        Kind::Untracked,
        Kind::Fragmented,
        Kind::Silo,
    ];

    /// The kind as it appears in JSON and in finding ids.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::MaturityGap => "maturity-gap",
            Kind::Uncovered => "uncovered",
            Kind::Redundant => "redundant",
            Kind::Conflict => "conflict",
            Kind::Untracked => "untracked",
            Kind::Fragmented => "fragmented",
            Kind::Silo => "silo",
        }
    }
}

/// An item of the model: a player, theme, unit or system.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Named {
    pub id: Text,
    pub label: Text,
}

/// A kind of contributor, with what its sentences say about it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ContributorRef {
    pub id: Text,
    pub label: Text,
    pub headcount: Option<u64>,
}

/// A cell a finding concerns; `unit` only for a unit's own assessment.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct CellRef {
    pub theme: Text,
    pub player: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
}

/// What a finding is about. Lists are sorted by id.
#[derive(Debug, Clone, PartialEq)]
pub enum Subject {
    /// An assessment whose target is above its current score
    /// (`maturity-gap`); `*_step` are the scale's names for the scores.
    Cell {
        theme: Named,
        player: Named,
        unit: Option<Named>,
        current: f64,
        target: f64,
        weight: f64,
        current_step: Option<Text>,
        target_step: Option<Text>,
    },
    /// A contributor and a theme nobody owns (`uncovered`).
    Coverage {
        contributor: ContributorRef,
        theme: Named,
    },
    /// Several players responsible for one contributor, theme and activity
    /// (`redundant`, `conflict`); `controls[i]` are the levels `players[i]`
    /// sets, filled in for a conflict only.
    Group {
        contributor: ContributorRef,
        theme: Named,
        activity: Option<Text>,
        players: Vec<Named>,
        controls: Vec<Vec<Control>>,
    },
    /// A contributor and the systems tracking it, grouped by connected
    /// component (`untracked`: none; `fragmented`: two groups or more).
    Tracking {
        contributor: ContributorRef,
        groups: Vec<Vec<Named>>,
    },
    /// A system with no integration, its owner and what it tracks (`silo`).
    System {
        system: Named,
        owner: Named,
        contributors: Vec<ContributorRef>,
    },
}

/// One thing the analysis found.
///
/// In JSON: `id`, `kind`, `severity`, `explanation`, then `cells` (objects
/// `{theme, player, unit?}`), `players`, `themes`, `contributors`, `systems`
/// and `units` (sorted id arrays, empty where they do not apply).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub kind: Kind,
    pub severity: f64,
    pub subject: Subject,
}

fn write_id_part<W: Write>(out: &mut W, part: &str) -> fmt::Result {
    out.write_char(':')?;
    if !part.bytes().any(|b| b == b':' || b == b'%') {
        return out.write_str(part);
    }
    for ch in part.chars() {
        match ch {
            '%' => out.write_str("%25")?,
            ':' => out.write_str("%3A")?,
            c => out.write_char(c)?,
        }
    }
    Ok(())
}

/// Labels in reading order: by label, then id.
fn by_label<'a>(items: impl Iterator<Item = &'a Named>) -> Vec<&'a Named> {
    let mut v: Vec<&Named> = items.collect();
    v.sort_unstable_by(|a, b| (&a.label, &a.id).cmp(&(&b.label, &b.id)));
    v
}

fn labels<'a>(items: &[&'a Named]) -> Vec<&'a str> {
    items.iter().map(|n| n.label.as_str()).collect()
}

impl Finding {
    /// The parts of the id after the kind.
    fn about(&self) -> [&str; 3] {
        match &self.subject {
            Subject::Cell {
                theme,
                player,
                unit,
                ..
            } => [&theme.id, &player.id, unit.as_ref().map_or("", |u| &u.id)],
            Subject::Coverage { contributor, theme } => [&contributor.id, &theme.id, ""],
            Subject::Group {
                contributor,
                theme,
                activity,
                ..
            } => [
                &contributor.id,
                &theme.id,
                activity.as_ref().map_or("", |a| a),
            ],
            Subject::Tracking { contributor, .. } => [&contributor.id, "", ""],
            Subject::System { system, .. } => [&system.id, "", ""],
        }
    }

    /// How many of [`Finding::about`]'s parts the id has.
    fn about_len(&self) -> usize {
        match &self.subject {
            Subject::Cell { .. } | Subject::Group { .. } => 3,
            Subject::Coverage { .. } => 2,
            Subject::Tracking { .. } | Subject::System { .. } => 1,
        }
    }

    /// Writes the id: `kind:` then the ids the finding is about, joined by
    /// `:`, with `%` and `:` inside ids written `%25` and `%3A` — e.g.
    /// `redundant:gig:integration:sourcing`, or `maturity-gap:integration:hr:`
    /// for an organization-wide cell. It stays the same across edits that do
    /// not change what the finding is about; `compare` matches by it.
    pub fn write_id<W: Write>(&self, out: &mut W) -> fmt::Result {
        out.write_str(self.kind.as_str())?;
        for part in &self.about()[..self.about_len()] {
            write_id_part(out, part)?;
        }
        Ok(())
    }

    /// The id (see [`Finding::write_id`]).
    pub fn id(&self) -> String {
        let mut s = String::with_capacity(48);
        let _ = self.write_id(&mut s);
        s
    }

    /// Feeds what the id is made of to a hasher, without writing the id.
    pub(crate) fn hash_id<H: std::hash::Hasher>(&self, h: &mut H) {
        h.write_u8(self.kind as u8);
        for part in &self.about()[..self.about_len()] {
            h.write(part.as_bytes());
            h.write_u8(0xff);
        }
    }

    /// Writes the sentence: plain text naming everything by its label.
    /// Escape it for whatever format it is put in.
    pub fn write_explanation<W: Write>(&self, out: &mut W) -> fmt::Result {
        match (&self.subject, self.kind) {
            (
                Subject::Cell {
                    theme,
                    player,
                    unit,
                    current,
                    target,
                    weight,
                    current_step,
                    target_step,
                },
                _,
            ) => {
                match unit {
                    Some(u) => {
                        out.write_str("In ")?;
                        out.write_str(&u.label)?;
                        out.write_str(", the maturity of ")?;
                    }
                    None => out.write_str("The maturity of ")?,
                }
                out.write_str(&player.label)?;
                out.write_str(" on ")?;
                out.write_str(&theme.label)?;
                out.write_str(" is ")?;
                write_score(out, *current, current_step.as_ref())?;
                out.write_str(" against a target of ")?;
                write_score(out, *target, target_step.as_ref())?;
                out.write_str(", a gap of ")?;
                write_num(out, target - current)?;
                if *weight != 1.0 {
                    out.write_str(" (weight ")?;
                    write_num(out, *weight)?;
                    out.write_char(')')?;
                }
                out.write_char('.')
            }
            (Subject::Coverage { contributor, theme }, _) => {
                out.write_str("No player is responsible for ")?;
                write_contributor(out, contributor)?;
                out.write_str(" under ")?;
                out.write_str(&theme.label)?;
                out.write_str(", so nobody owns it.")
            }
            (
                Subject::Group {
                    contributor,
                    theme,
                    activity,
                    players,
                    controls,
                },
                kind,
            ) => {
                let names = by_label(players.iter());
                write_and(out, &labels(&names))?;
                out.write_str(if names.len() == 2 {
                    " both take on "
                } else {
                    " all take on "
                })?;
                match activity {
                    Some(a) => {
                        out.write_char('“')?;
                        out.write_str(a)?;
                        out.write_str("” for ")?;
                    }
                    None => out.write_str("responsibility for ")?,
                }
                write_contributor(out, contributor)?;
                out.write_str(" under ")?;
                out.write_str(&theme.label)?;
                if activity.is_none() {
                    out.write_str(" with no activity named")?;
                }
                if kind != Kind::Conflict {
                    return out.write_str(", duplicating effort.");
                }
                out.write_str(" but set differing control levels (")?;
                let mut first = true;
                for p in names {
                    let i = players.iter().position(|q| q == p);
                    let levels = i
                        .and_then(|i| controls.get(i))
                        .map_or(&[][..], Vec::as_slice);
                    if levels.is_empty() {
                        continue;
                    }
                    if !first {
                        out.write_str(", ")?;
                    }
                    first = false;
                    out.write_str(&p.label)?;
                    out.write_char(' ')?;
                    let levels: Vec<&str> = levels.iter().map(|c| c.as_str()).collect();
                    write_and(out, &levels)?;
                }
                out.write_str("), sending mixed messages.")
            }
            (
                Subject::Tracking {
                    contributor,
                    groups,
                },
                _,
            ) => {
                if groups.is_empty() {
                    out.write_str("No system tracks ")?;
                    write_contributor(out, contributor)?;
                    return out.write_str(", so nobody holds data on them.");
                }
                let mut named: Vec<Vec<&str>> = groups
                    .iter()
                    .map(|g| {
                        let mut names: Vec<&str> = g.iter().map(|s| s.label.as_str()).collect();
                        names.sort_unstable();
                        names
                    })
                    .collect();
                named.sort_unstable();
                out.write_str("The data on ")?;
                write_contributor(out, contributor)?;
                if named.iter().all(|g| g.len() == 1) {
                    let flat: Vec<&str> = named.iter().flatten().copied().collect();
                    out.write_str(" is split between ")?;
                    write_and(out, &flat)?;
                    out.write_str(
                        ", which no integration connects, directly or through other systems.",
                    )
                } else {
                    out.write_str(" is split across ")?;
                    write_num(out, named.len() as f64)?;
                    out.write_str(" groups of systems that no integration connects (")?;
                    for (i, g) in named.iter().enumerate() {
                        if i > 0 {
                            out.write_str("; ")?;
                        }
                        write_and(out, g)?;
                    }
                    out.write_str(").")
                }
            }
            (
                Subject::System {
                    system,
                    owner,
                    contributors,
                },
                _,
            ) => {
                out.write_str(&system.label)?;
                out.write_str(" (owned by ")?;
                out.write_str(&owner.label)?;
                out.write_str(") has no integration with any other system")?;
                if contributors.is_empty() {
                    return out.write_char('.');
                }
                let mut names: Vec<(&str, &str)> = contributors
                    .iter()
                    .map(|c| (c.label.as_str(), c.id.as_str()))
                    .collect();
                names.sort_unstable();
                let names: Vec<&str> = names.into_iter().map(|n| n.0).collect();
                out.write_str(", so its data on ")?;
                write_and(out, &names)?;
                out.write_str(" stays there.")
            }
        }
    }

    /// The sentence (see [`Finding::write_explanation`]).
    pub fn explanation(&self) -> String {
        let mut s = String::with_capacity(192);
        let _ = self.write_explanation(&mut s);
        s
    }

    /// The cells concerned: the assessment's, or the cell on the theme of
    /// each player concerned by a group.
    pub fn cells(&self) -> Vec<CellRef> {
        match &self.subject {
            Subject::Cell {
                theme,
                player,
                unit,
                ..
            } => vec![CellRef {
                theme: theme.id.clone(),
                player: player.id.clone(),
                unit: unit.as_ref().map(|u| u.id.clone()),
            }],
            Subject::Group { theme, .. } => self
                .players()
                .into_iter()
                .map(|p| CellRef {
                    theme: theme.id.clone(),
                    player: p.clone(),
                    unit: None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The players concerned: a cell's, a redundancy's, those of a conflict
    /// that set a control level, a silo's owner.
    pub fn players(&self) -> Vec<&Text> {
        match &self.subject {
            Subject::Cell { player, .. } => vec![&player.id],
            Subject::Group {
                players, controls, ..
            } => players
                .iter()
                .enumerate()
                .filter(|(i, _)| {
                    self.kind != Kind::Conflict || controls.get(*i).is_some_and(|c| !c.is_empty())
                })
                .map(|(_, p)| &p.id)
                .collect(),
            Subject::System { owner, .. } => vec![&owner.id],
            _ => Vec::new(),
        }
    }

    pub fn themes(&self) -> Vec<&Text> {
        match &self.subject {
            Subject::Cell { theme, .. }
            | Subject::Coverage { theme, .. }
            | Subject::Group { theme, .. } => vec![&theme.id],
            _ => Vec::new(),
        }
    }

    /// The contributors concerned (for a silo, those it tracks).
    pub fn contributors(&self) -> Vec<&Text> {
        match &self.subject {
            Subject::Cell { .. } => Vec::new(),
            Subject::Coverage { contributor, .. }
            | Subject::Group { contributor, .. }
            | Subject::Tracking { contributor, .. } => vec![&contributor.id],
            Subject::System { contributors, .. } => contributors.iter().map(|c| &c.id).collect(),
        }
    }

    pub fn systems(&self) -> Vec<&Text> {
        match &self.subject {
            Subject::Tracking { groups, .. } => {
                let mut ids: Vec<&Text> = groups.iter().flatten().map(|s| &s.id).collect();
                ids.sort_unstable();
                ids
            }
            Subject::System { system, .. } => vec![&system.id],
            _ => Vec::new(),
        }
    }

    pub fn units(&self) -> Vec<&Text> {
        match &self.subject {
            Subject::Cell { unit: Some(u), .. } => vec![&u.id],
            _ => Vec::new(),
        }
    }
}

/// Writes a finding's id or sentence straight into a serializer.
struct Written<'a>(
    &'a Finding,
    fn(&Finding, &mut fmt::Formatter<'_>) -> fmt::Result,
);

impl fmt::Display for Written<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (self.1)(self.0, f)
    }
}

impl Serialize for Finding {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Str<'a>(Written<'a>);
        impl Serialize for Str<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(&self.0)
            }
        }
        let mut map = serializer.serialize_map(Some(10))?;
        map.serialize_entry("id", &Str(Written(self, |f, out| f.write_id(out))))?;
        map.serialize_entry("kind", &self.kind)?;
        map.serialize_entry("severity", &self.severity)?;
        map.serialize_entry(
            "explanation",
            &Str(Written(self, |f, out| f.write_explanation(out))),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn named(id: &str, label: &str) -> Named {
        Named {
            id: id.into(),
            label: label.into(),
        }
    }

    fn crews() -> ContributorRef {
        ContributorRef {
            id: "crews".into(),
            label: "Crews".into(),
            headcount: Some(1500),
        }
    }

    #[test]
    fn ids_escape_separators_and_keep_empty_parts() {
        let f = Finding {
            kind: Kind::MaturityGap,
            severity: 1.0,
            subject: Subject::Cell {
                theme: named("a:b", "T"),
                player: named("50%", "P"),
                unit: None,
                current: 1.0,
                target: 2.0,
                weight: 1.0,
                current_step: None,
                target_step: None,
            },
        };
        assert_eq!(f.id(), "maturity-gap:a%3Ab:50%25:");
        let g = Finding {
            kind: Kind::Untracked,
            severity: 1.0,
            subject: Subject::Tracking {
                contributor: crews(),
                groups: Vec::new(),
            },
        };
        assert_eq!(g.id(), "untracked:crews");
    }

    #[test]
    fn json_has_every_field_in_order() {
        let f = Finding {
            kind: Kind::Conflict,
            severity: 4.5,
            subject: Subject::Group {
                contributor: crews(),
                theme: named("integration", "Integration"),
                activity: Some("contracting".into()),
                players: vec![
                    named("bu", "Units"),
                    named("fl", "Finance"),
                    named("proc", "Procurement"),
                ],
                controls: vec![
                    vec![],
                    vec![Control::Light],
                    vec![Control::Strict, Control::Light],
                ],
            },
        };
        let json = serde_json::to_value(&f).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected = [
            "id",
            "kind",
            "severity",
            "explanation",
            "cells",
            "players",
            "themes",
            "contributors",
            "systems",
            "units",
        ];
        expected.sort_unstable();
        let mut keys_sorted = keys.clone();
        keys_sorted.sort_unstable();
        assert_eq!(keys_sorted, expected);
        assert_eq!(json["id"], "conflict:crews:integration:contracting");
        assert_eq!(json["kind"], "conflict");
        assert_eq!(json["players"], serde_json::json!(["fl", "proc"]));
        assert_eq!(
            json["cells"],
            serde_json::json!([
                {"theme": "integration", "player": "fl"},
                {"theme": "integration", "player": "proc"}
            ])
        );
        assert_eq!(json["units"], serde_json::json!([]));
        assert_eq!(
            json["explanation"],
            "Finance, Procurement and Units all take on “contracting” for Crews (1,500 people) \
             under Integration but set differing control levels (Finance light, Procurement \
             strict and light), sending mixed messages."
        );
        assert_eq!(json["explanation"], f.explanation());
    }

    #[test]
    fn fragmented_sentences_name_groups_of_systems() {
        let two = Finding {
            kind: Kind::Fragmented,
            severity: 1.0,
            subject: Subject::Tracking {
                contributor: crews(),
                groups: vec![vec![named("vms", "VMS")], vec![named("hris", "HRIS")]],
            },
        };
        assert_eq!(
            two.explanation(),
            "The data on Crews (1,500 people) is split between HRIS and VMS, which no \
             integration connects, directly or through other systems."
        );
        assert_eq!(two.systems(), ["hris", "vms"]);
        let grouped = Finding {
            subject: Subject::Tracking {
                contributor: crews(),
                groups: vec![
                    vec![named("vms", "VMS"), named("erp", "ERP")],
                    vec![named("hris", "HRIS")],
                ],
            },
            ..two
        };
        assert_eq!(
            grouped.explanation(),
            "The data on Crews (1,500 people) is split across 2 groups of systems that no \
             integration connects (ERP and VMS; HRIS)."
        );
    }
}
