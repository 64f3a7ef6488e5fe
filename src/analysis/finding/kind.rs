//! The kinds of finding, their names as reports call them, and reading a
//! list of kinds from options.

use crate::validate::fields::{Fields, Need, Reader};
use serde::Serialize;

/// The kinds of finding, in docs/design.md's order (also the tie-break order).
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

    /// A list of kinds by their names (`maturity-gap`) at `key` of an
    /// options object: at most one of each, so a longer list is refused
    /// whole, before any item is read.
    pub(crate) fn read_list(r: &mut Reader, f: &mut Fields, key: &str) -> Vec<Kind> {
        let items = f.list(r, key, Need::Optional);
        let at = f.at().key(key);
        if items.len() > Kind::ALL.len() {
            let (count, kinds) = (items.len().to_string(), Kind::ALL.len().to_string());
            let message = crate::language::say(
                "problem.tooManyKinds",
                &[("count", &count), ("kinds", &kinds)],
                || format!("{count} kinds listed; at most {kinds} kinds, one of each"),
            );
            r.fail(&at, message);
            return Vec::new();
        }
        items
            .into_iter()
            .enumerate()
            .filter_map(|(i, v)| r.choice(v, &at.index(i), &Kind::ALL, Kind::as_str))
            .collect()
    }

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

    /// What a group of findings of this kind is called, everywhere: the
    /// page, the report, the exports.
    pub fn title(self) -> &'static str {
        match self {
            Kind::MaturityGap => "Maturity gaps",
            Kind::Uncovered => "Uncovered themes",
            Kind::Redundant => "Redundancies",
            Kind::Conflict => "Conflicts",
            Kind::Untracked => "Untracked contributors",
            Kind::Fragmented => "Fragmented data",
            Kind::Silo => "Silos",
        }
    }

    /// What one finding of this kind is called beside its sentence.
    pub fn name(self) -> &'static str {
        match self {
            Kind::MaturityGap => "Maturity gap",
            Kind::Uncovered => "Uncovered",
            Kind::Redundant => "Redundant",
            Kind::Conflict => "Conflict",
            Kind::Untracked => "Untracked",
            Kind::Fragmented => "Fragmented",
            Kind::Silo => "Silo",
        }
    }

    /// What the kind means, in one sentence.
    pub fn meaning(self) -> &'static str {
        match self {
            Kind::MaturityGap => "Assessed cells whose target is above their current score. Severity is the gap times the assessment's weight.",
            Kind::Uncovered => "A theme that no player is responsible for, for a kind of contributor. Severity: half the scale, more for larger headcounts.",
            Kind::Redundant => "Several players responsible for the same activity for the same contributors under the same theme. Severity: a quarter of the scale per extra player, more for larger headcounts.",
            Kind::Conflict => "Redundancies in which the players set differing control levels, so third parties get mixed messages. Severity: the redundancy’s plus half the scale, more for larger headcounts.",
            Kind::Untracked => "Contributors that no system tracks. Severity: half the scale, more for larger headcounts.",
            Kind::Fragmented => "Contributors tracked by several systems that no chain of integrations connects. Severity: a quarter of the scale per extra unconnected group, more for larger headcounts.",
            Kind::Silo => "Systems with no integration to any other system. Severity: a quarter of the scale, more when what it tracks counts many people.",
        }
    }
}

/// A kind with its names, as the page lists them, in the current language
/// (the report's and the exports' words: `report.kind.<kind>`,
/// `exportdoc.kind.<kind>`, `report.meaning.<kind>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KindNames {
    pub kind: Kind,
    pub title: String,
    pub name: String,
    pub meaning: String,
}

impl KindNames {
    /// Every kind's names, in [`Kind::ALL`]'s order.
    pub fn all() -> Vec<KindNames> {
        let say = |key: &str, kind: Kind, english: &str| {
            crate::language::say(&format!("{key}.{}", kind.as_str()), &[], || english.into())
        };
        Kind::ALL
            .iter()
            .map(|&kind| KindNames {
                kind,
                title: say("report.kind", kind, kind.title()),
                name: say("exportdoc.kind", kind, kind.name()),
                meaning: say("report.meaning", kind, kind.meaning()),
            })
            .collect()
    }
}
