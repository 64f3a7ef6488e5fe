//! What a finding is: its kind, its severity and what it is about — small
//! references into the [`Names`] its analysis shares, with the facts its
//! sentence states. Its id, its sentence, its id lists and its JSON are
//! written from those when asked for, so that analysing a large model builds
//! no strings per finding (a model 1000 times the sample has some 40,000).

use super::names::{List, Names, Ref};
use super::wording::{write_and, write_contributor, write_num, write_score};
use crate::bidi::write_isolated;
use crate::model::Control;
use crate::validate::fields::{Fields, Need, Reader};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use std::fmt::{self, Write};
use std::sync::Arc;

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

/// A kind with its names, as the page lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct KindNames {
    pub kind: Kind,
    pub title: &'static str,
    pub name: &'static str,
    pub meaning: &'static str,
}

impl KindNames {
    /// Every kind's names, in [`Kind::ALL`]'s order.
    pub fn all() -> Vec<KindNames> {
        Kind::ALL
            .iter()
            .map(|&kind| KindNames {
                kind,
                title: kind.title(),
                name: kind.name(),
                meaning: kind.meaning(),
            })
            .collect()
    }
}

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

pub(crate) fn write_id_part(out: &mut dyn Write, part: &str) -> fmt::Result {
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

impl Subject {
    /// The references an id is made of, after the kind, and how many.
    fn about(&self) -> ([Option<Ref>; 3], usize) {
        match *self {
            Subject::Cell {
                theme,
                player,
                unit,
                ..
            } => ([Some(theme), Some(player), unit], 3),
            Subject::Coverage { contributor, theme } => ([Some(contributor), Some(theme), None], 2),
            Subject::Group {
                contributor,
                theme,
                activity,
                ..
            } => ([Some(contributor), Some(theme), activity], 3),
            Subject::Tracking { contributor, .. } => ([Some(contributor), None, None], 1),
            Subject::System { system, .. } => ([Some(system), None, None], 1),
        }
    }
}

/// Writes the id of a finding of `kind` about `subject` (see
/// [`Finding::write_id`]).
pub(crate) fn write_id(
    kind: Kind,
    subject: &Subject,
    names: &Names,
    out: &mut dyn Write,
) -> fmt::Result {
    out.write_str(kind.as_str())?;
    let (parts, n) = subject.about();
    for part in &parts[..n] {
        write_id_part(out, part.map_or("", |r| names.id(r)))?;
    }
    Ok(())
}

/// The id of a finding of `kind` about the ids `parts` (see
/// [`Finding::write_id`]), without analysing anything.
pub(crate) fn id_of(kind: Kind, parts: &[&str]) -> String {
    let mut s = String::from(kind.as_str());
    for part in parts {
        let _ = write_id_part(&mut s, part);
    }
    s
}

/// Feeds what the id of a finding is made of to a hasher, without writing
/// the id: equal ids hash equally.
pub(crate) fn hash_id<H: std::hash::Hasher>(
    kind: Kind,
    subject: &Subject,
    names: &Names,
    h: &mut H,
) {
    h.write_u8(kind as u8);
    let (parts, n) = subject.about();
    for part in &parts[..n] {
        h.write(part.map_or("", |r| names.id(r)).as_bytes());
        h.write_u8(0xff);
    }
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

    /// References sorted by label, then id, as sentences list them.
    fn by_label(&self, refs: &[Ref]) -> Vec<Ref> {
        let n = &self.names;
        let mut v = refs.to_vec();
        crate::order::sort_by_key(&mut v, |&r| (n.label(r), n.id(r)));
        v
    }

    fn labels(&self, refs: &[Ref]) -> Vec<&str> {
        refs.iter().map(|&r| self.names.label(r)).collect()
    }

    fn write_contributor(&self, out: &mut dyn Write, r: Ref) -> fmt::Result {
        write_contributor(out, self.names.label(r), self.names.headcount(r))
    }

    /// Writes the sentence: plain text naming everything by its label.
    /// Escape it for whatever format it is put in. In the current language
    /// ([`crate::language`]) when one is set, else in English.
    pub fn write_explanation(&self, out: &mut dyn Write) -> fmt::Result {
        if let Some(language) = crate::language::current() {
            return out.write_str(&self.translated(&language));
        }
        let n = &*self.names;
        match self.subject {
            Subject::Cell {
                theme,
                player,
                unit,
                current,
                target,
                weight,
            } => {
                match unit {
                    Some(u) => {
                        out.write_str("In ")?;
                        write_isolated(out, n.label(u))?;
                        out.write_str(", the maturity of ")?;
                    }
                    None => out.write_str("The maturity of ")?,
                }
                write_isolated(out, n.label(player))?;
                out.write_str(" on ")?;
                write_isolated(out, n.label(theme))?;
                out.write_str(" is ")?;
                write_score(out, current, n.step_name(current))?;
                out.write_str(" against a target of ")?;
                write_score(out, target, n.step_name(target))?;
                out.write_str(", a gap of ")?;
                write_num(out, target - current)?;
                if weight != 1.0 {
                    out.write_str(" (weight ")?;
                    write_num(out, weight)?;
                    out.write_char(')')?;
                }
                out.write_char('.')
            }
            Subject::Coverage { contributor, theme } => {
                out.write_str("No player is responsible for ")?;
                self.write_contributor(out, contributor)?;
                out.write_str(" under ")?;
                write_isolated(out, n.label(theme))?;
                out.write_str(", so nobody owns it.")
            }
            Subject::Group {
                contributor,
                theme,
                activity,
                players,
                controls,
            } => {
                let players = self.list(players);
                let names = self.by_label(players);
                write_and(out, &self.labels(&names))?;
                out.write_str(if names.len() == 2 {
                    " both take on "
                } else {
                    " all take on "
                })?;
                match activity {
                    Some(a) => {
                        out.write_char('“')?;
                        write_isolated(out, n.label(a))?;
                        out.write_str("” for ")?;
                    }
                    None => out.write_str("responsibility for ")?,
                }
                self.write_contributor(out, contributor)?;
                out.write_str(" under ")?;
                write_isolated(out, n.label(theme))?;
                if activity.is_none() {
                    out.write_str(" with no activity named")?;
                }
                if self.kind != Kind::Conflict {
                    return out.write_str(", duplicating effort.");
                }
                out.write_str(" but set differing control levels (")?;
                let controls = self.list(controls);
                let mut first = true;
                for p in names {
                    let bits = players
                        .iter()
                        .position(|&q| q == p)
                        .and_then(|i| controls.get(i))
                        .copied()
                        .unwrap_or(0);
                    if bits == 0 {
                        continue;
                    }
                    if !first {
                        out.write_str(", ")?;
                    }
                    first = false;
                    write_isolated(out, n.label(p))?;
                    out.write_char(' ')?;
                    write_and(out, &controls_of(bits))?;
                }
                out.write_str("), sending mixed messages.")
            }
            Subject::Tracking {
                contributor,
                systems,
                sizes,
            } => {
                if Names::is_empty_list(systems) {
                    out.write_str("No system tracks ")?;
                    self.write_contributor(out, contributor)?;
                    return out.write_str(", so nobody holds data on them.");
                }
                let mut groups: Vec<Vec<&str>> = Vec::new();
                for g in self.groups(systems, sizes) {
                    let mut labels = self.labels(g);
                    crate::order::sort(&mut labels);
                    groups.push(labels);
                }
                crate::order::sort(&mut groups);
                out.write_str("The data on ")?;
                self.write_contributor(out, contributor)?;
                if groups.iter().all(|g| g.len() == 1) {
                    let flat = groups.concat();
                    out.write_str(" is split between ")?;
                    write_and(out, &flat)?;
                    out.write_str(
                        ", which no integration connects, directly or through other systems.",
                    )
                } else {
                    out.write_str(" is split across ")?;
                    write_num(out, groups.len() as f64)?;
                    out.write_str(" groups of systems that no integration connects (")?;
                    for (i, g) in groups.iter().enumerate() {
                        if i > 0 {
                            out.write_str("; ")?;
                        }
                        write_and(out, g)?;
                    }
                    out.write_str(").")
                }
            }
            Subject::System {
                system,
                owner,
                contributors,
            } => {
                write_isolated(out, n.label(system))?;
                out.write_str(" (owned by ")?;
                write_isolated(out, n.label(owner))?;
                out.write_str(") has no integration with any other system")?;
                let tracked = self.list(contributors);
                if tracked.is_empty() {
                    return out.write_char('.');
                }
                out.write_str(", so its data on ")?;
                write_and(out, &self.labels(&self.by_label(tracked)))?;
                out.write_str(" stays there.")
            }
        }
    }

    /// The sentence from `language`'s templates: each placeholder's value
    /// written as the English sentence writes it (labels isolated, numbers
    /// in the language's separators), then put in the template.
    /// (Not generic over the writer: one copy in the Wasm.)
    fn translated(&self, language: &crate::language::Language) -> String {
        let mut text = String::with_capacity(192);
        let _ = self.write_translated(&mut text, language);
        text
    }

    fn write_translated(
        &self,
        out: &mut String,
        language: &crate::language::Language,
    ) -> fmt::Result {
        let n = &*self.names;
        let label = |r: Ref| {
            let mut s = String::new();
            let _ = write_isolated(&mut s, n.label(r));
            s
        };
        let with = |f: &dyn Fn(&mut String) -> fmt::Result| {
            let mut s = String::new();
            let _ = f(&mut s);
            s
        };
        let contributor = |r: Ref| with(&|s| self.write_contributor(s, r));
        match self.subject {
            Subject::Cell {
                theme,
                player,
                unit,
                current,
                target,
                weight,
            } => {
                let mut gap = with(&|s| write_num(s, target - current));
                if weight != 1.0 {
                    let w = with(&|s| write_num(s, weight));
                    gap = language.filled("finding.weighted", &[("gap", &gap), ("weight", &w)]);
                }
                let current = with(&|s| write_score(s, current, n.step_name(current)));
                let target = with(&|s| write_score(s, target, n.step_name(target)));
                let (player, theme) = (label(player), label(theme));
                let mut args = vec![
                    ("player", player.as_str()),
                    ("theme", theme.as_str()),
                    ("current", current.as_str()),
                    ("target", target.as_str()),
                    ("gap", gap.as_str()),
                ];
                match unit {
                    Some(u) => {
                        let unit = label(u);
                        args.push(("unit", &unit));
                        language.fill(out, "finding.gap.unit", &args)
                    }
                    None => language.fill(out, "finding.gap", &args),
                }
            }
            Subject::Coverage {
                contributor: c,
                theme,
            } => language.fill(
                out,
                "finding.uncovered",
                &[("contributor", &contributor(c)), ("theme", &label(theme))],
            ),
            Subject::Group {
                contributor: c,
                theme,
                activity,
                players,
                controls,
            } => {
                let players = self.list(players);
                let names = self.by_label(players);
                let who = with(&|s| write_and(s, &self.labels(&names)));
                let controls = self.list(controls);
                let mut levels = Vec::new();
                for &p in &names {
                    let bits = players
                        .iter()
                        .position(|&q| q == p)
                        .and_then(|i| controls.get(i))
                        .copied()
                        .unwrap_or(0);
                    if bits != 0 {
                        let words: Vec<&str> = controls_of(bits)
                            .into_iter()
                            .map(|c| language.text(&format!("control.{c}")).unwrap_or(c))
                            .collect();
                        levels.push(format!("{} {}", label(p), with(&|s| write_and(s, &words))));
                    }
                }
                let levels = levels.join(", ");
                let (contributor, theme) = (contributor(c), label(theme));
                let mut args = vec![
                    ("players", who.as_str()),
                    ("contributor", contributor.as_str()),
                    ("theme", theme.as_str()),
                    ("controls", levels.as_str()),
                ];
                let base = if self.kind == Kind::Conflict {
                    "finding.conflict"
                } else {
                    "finding.redundant"
                };
                match activity {
                    Some(a) => {
                        let activity = label(a);
                        args.push(("activity", &activity));
                        language.fill(out, &format!("{base}.activity"), &args)
                    }
                    None => language.fill(out, base, &args),
                }
            }
            Subject::Tracking {
                contributor: c,
                systems,
                sizes,
            } => {
                let who = contributor(c);
                if Names::is_empty_list(systems) {
                    return language.fill(out, "finding.untracked", &[("contributor", &who)]);
                }
                let mut groups: Vec<Vec<&str>> = Vec::new();
                for g in self.groups(systems, sizes) {
                    let mut labels = self.labels(g);
                    crate::order::sort(&mut labels);
                    groups.push(labels);
                }
                crate::order::sort(&mut groups);
                if groups.iter().all(|g| g.len() == 1) {
                    let flat = with(&|s| write_and(s, &groups.concat()));
                    return language.fill(
                        out,
                        "finding.fragmented",
                        &[("contributor", &who), ("systems", &flat)],
                    );
                }
                let count = with(&|s| write_num(s, groups.len() as f64));
                let listed: Vec<String> =
                    groups.iter().map(|g| with(&|s| write_and(s, g))).collect();
                language.fill(
                    out,
                    "finding.fragmented.groups",
                    &[
                        ("contributor", &who),
                        ("count", &count),
                        ("groups", &listed.join("; ")),
                    ],
                )
            }
            Subject::System {
                system,
                owner,
                contributors,
            } => {
                let (system, owner) = (label(system), label(owner));
                let tracked = self.list(contributors);
                if tracked.is_empty() {
                    return language.fill(
                        out,
                        "finding.silo",
                        &[("system", &system), ("owner", &owner)],
                    );
                }
                let data = with(&|s| write_and(s, &self.labels(&self.by_label(tracked))));
                language.fill(
                    out,
                    "finding.silo.data",
                    &[
                        ("system", &system),
                        ("owner", &owner),
                        ("contributors", &data),
                    ],
                )
            }
        }
    }

    /// The sentence (see [`Finding::write_explanation`]).
    pub fn explanation(&self) -> String {
        let mut s = String::with_capacity(192);
        let _ = self.write_explanation(&mut s);
        s
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

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(kind: Kind, names: Names, subject: Subject) -> Finding {
        Finding {
            kind,
            severity: 1.0,
            subject,
            names: Arc::new(names),
        }
    }

    #[test]
    fn ids_escape_separators_and_keep_empty_parts() {
        let mut n = Names::default();
        let (t, p) = (n.add("a:b", "T", None), n.add("50%", "P", None));
        let f = finding(
            Kind::MaturityGap,
            n,
            Subject::Cell {
                theme: t,
                player: p,
                unit: None,
                current: 1.0,
                target: 2.0,
                weight: 1.0,
            },
        );
        assert_eq!(f.id(), "maturity-gap:a%3Ab:50%25:");
        assert!(f.has_id("maturity-gap:a%3Ab:50%25:"));
        for other in [
            "maturity-gap:a%3Ab:50%25",
            "maturity-gap:a%3Ab:50%25::",
            "maturity-gap:a:b:50%:",
            "maturity-gap",
            "",
        ] {
            assert!(!f.has_id(other), "{other:?}");
        }
        let mut n = Names::default();
        let crews = n.add("crews", "Crews", None);
        let g = finding(
            Kind::Untracked,
            n,
            Subject::Tracking {
                contributor: crews,
                systems: List::default(),
                sizes: List::default(),
            },
        );
        assert_eq!(g.id(), "untracked:crews");
        assert_eq!(
            g.explanation(),
            "No system tracks Crews, so nobody holds data on them."
        );
    }

    #[test]
    fn json_has_exactly_the_documented_fields() {
        let mut n = Names::default();
        let crews = n.add("crews", "Crews", Some(1500));
        let theme = n.add("integration", "Integration", None);
        let act = n.add("contracting", "contracting", None);
        let bu = n.add("bu", "Units", None);
        let fl = n.add("fl", "Finance", None);
        let pr = n.add("proc", "Procurement", None);
        let players = n.add_list([bu, fl, pr]);
        let controls = n.add_list([
            0,
            control_bits([Control::Light]),
            control_bits([Control::Strict, Control::Light]),
        ]);
        let f = finding(
            Kind::Conflict,
            n,
            Subject::Group {
                contributor: crews,
                theme,
                activity: Some(act),
                players,
                controls,
            },
        );
        let json = serde_json::to_value(&f).unwrap();
        let mut keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "cells",
                "contributors",
                "explanation",
                "id",
                "kind",
                "players",
                "severity",
                "systems",
                "themes",
                "units"
            ]
        );
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
        assert_eq!(f.activity(), Some("contracting"));
    }

    #[test]
    fn fragmented_sentences_name_groups_of_systems() {
        let mut n = Names::default();
        let crews = n.add("crews", "Crews", Some(1500));
        let (vms, hris, erp) = (
            n.add("vms", "VMS", None),
            n.add("hris", "HRIS", None),
            n.add("erp", "ERP", None),
        );
        let two = n.add_list([vms, hris]);
        let ones = n.add_list([1, 1]);
        let three = n.add_list([erp, vms, hris]);
        let split = n.add_list([2, 1]);
        let names = Arc::new(n);
        let f = |systems, sizes| Finding {
            kind: Kind::Fragmented,
            severity: 1.0,
            subject: Subject::Tracking {
                contributor: crews,
                systems,
                sizes,
            },
            names: names.clone(),
        };
        assert_eq!(
            f(two, ones).explanation(),
            "The data on Crews (1,500 people) is split between HRIS and VMS, which no \
             integration connects, directly or through other systems."
        );
        assert_eq!(f(two, ones).systems(), ["hris", "vms"]);
        assert_eq!(
            f(three, split).explanation(),
            "The data on Crews (1,500 people) is split across 2 groups of systems that no \
             integration connects (ERP and VMS; HRIS)."
        );
    }
}
