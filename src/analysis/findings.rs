//! Findings: the rules of DESIGN §4, each finding with a stable id, a kind, a
//! severity, the cells and items it concerns, and one plain sentence naming
//! them by their labels.
//!
//! Severity puts every kind on one priority list. A `maturity-gap` is
//! `gap × weight`, in scale steps, as DESIGN defines. The structural kinds are
//! expressed as a fraction of the scale's span (`max − min`, 4 on the standard
//! scale), so they weigh the same against gaps whatever the scale, and are
//! multiplied by the *reach* of the contributor concerned
//! (`1 + log10(1 + headcount) / 4`: 1 without headcount, 1.5 for 100 people,
//! 2 for 10,000), so that large populations come first without dwarfing all
//! else. See [`severity`] for the fractions.

use super::systems::Graph;
use super::text::{push_and, push_contributor, push_num, Labels};
use super::Id;
use super::{FastMap, FastSet, FxHasher};
use crate::model::{Control, Model};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use std::hash::{BuildHasher, BuildHasherDefault};

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

/// The structural severities, as fractions of the scale's span, before the
/// contributor's reach multiplies them. On the standard 0–4 scale a gap of two
/// steps weighs 2; an uncovered theme for a contributor without headcount, 2.
pub mod severity {
    /// A (contributor, theme) nobody owns.
    pub const UNCOVERED: f64 = 0.5;
    /// A contributor no system tracks.
    pub const UNTRACKED: f64 = 0.5;
    /// Per player beyond the first in a redundant group.
    pub const REDUNDANT_PER_EXTRA_PLAYER: f64 = 0.25;
    /// Added to the group's redundant severity, so a conflict always ranks
    /// above the redundancy it is part of.
    pub const CONFLICT_ABOVE_REDUNDANT: f64 = 0.5;
    /// Per disconnected group of systems beyond the first.
    pub const FRAGMENTED_PER_EXTRA_GROUP: f64 = 0.25;
    /// A system with no integration (times the largest reach it tracks).
    pub const SILO: f64 = 0.25;
}

/// How much a contributor's headcount raises the severity of what concerns
/// it: `1 + log10(1 + headcount) / 4`, 1 when the headcount is unknown.
pub fn reach(headcount: Option<u64>) -> f64 {
    1.0 + headcount.map_or(0.0, |h| (1.0 + h as f64).log10() / 4.0)
}

/// A cell a finding concerns; `unit` only for a unit's own assessment.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct CellRef {
    pub theme: Id,
    pub player: Id,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<Id>,
}

/// What a finding is about. Its id and the id arrays of its JSON derive
/// from it.
#[derive(Debug, Clone, PartialEq)]
pub enum Subject {
    /// One assessment's cell (`maturity-gap`).
    Cell(CellRef),
    /// A contributor and a theme (`uncovered`).
    Coverage { contributor: Id, theme: Id },
    /// Responsibilities of several players for one contributor, theme and
    /// activity (`redundant`; `conflict`, where `players` are those that set
    /// a control level).
    Group {
        contributor: Id,
        theme: Id,
        activity: Option<String>,
        players: Vec<Id>,
    },
    /// A contributor and the systems tracking it (`untracked`: none;
    /// `fragmented`).
    Tracking { contributor: Id, systems: Vec<Id> },
    /// A system, its owner and the contributors it tracks (`silo`).
    System {
        system: Id,
        owner: Id,
        contributors: Vec<Id>,
    },
}

/// One thing the analysis found.
///
/// In JSON: `id`, `kind`, `severity`, `explanation`, then `cells` (objects
/// `{theme, player, unit?}`), `players`, `themes`, `contributors`, `systems`
/// and `units` (sorted id arrays, empty where they do not apply).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// `kind:` then the ids the finding is about, joined by `:` (with `%` and
    /// `:` inside ids written `%25` and `%3A`), e.g.
    /// `redundant:gig:integration:sourcing`. Stable across edits that do not
    /// change what the finding is about; `compare` matches findings by it.
    pub id: String,
    pub kind: Kind,
    pub severity: f64,
    /// One sentence naming everything by its label. Plain text: escape it for
    /// whatever format it is put in.
    pub explanation: String,
    pub subject: Subject,
}

impl Finding {
    fn new(
        kind: Kind,
        about: &[&str],
        severity: f64,
        explanation: String,
        subject: Subject,
    ) -> Finding {
        let len: usize = about.iter().map(|p| p.len() + 1).sum();
        let mut id = String::with_capacity(kind.as_str().len() + len);
        id.push_str(kind.as_str());
        for part in about {
            id.push(':');
            if !part.bytes().any(|b| b == b':' || b == b'%') {
                id.push_str(part);
                continue;
            }
            for ch in part.chars() {
                match ch {
                    '%' => id.push_str("%25"),
                    ':' => id.push_str("%3A"),
                    c => id.push(c),
                }
            }
        }
        Finding {
            id,
            kind,
            severity,
            explanation,
            subject,
        }
    }

    /// The cells concerned: the assessment's, or each grouped player's cell
    /// on the theme.
    pub fn cells(&self) -> Vec<CellRef> {
        match &self.subject {
            Subject::Cell(c) => vec![c.clone()],
            Subject::Group { theme, players, .. } => players
                .iter()
                .map(|p| CellRef {
                    theme: theme.clone(),
                    player: p.clone(),
                    unit: None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The players concerned (a silo's owner).
    pub fn players(&self) -> &[Id] {
        match &self.subject {
            Subject::Cell(c) => std::slice::from_ref(&c.player),
            Subject::Group { players, .. } => players,
            Subject::System { owner, .. } => std::slice::from_ref(owner),
            _ => &[],
        }
    }

    pub fn themes(&self) -> &[Id] {
        match &self.subject {
            Subject::Cell(c) => std::slice::from_ref(&c.theme),
            Subject::Coverage { theme, .. } | Subject::Group { theme, .. } => {
                std::slice::from_ref(theme)
            }
            _ => &[],
        }
    }

    /// The contributors concerned (those a silo tracks).
    pub fn contributors(&self) -> &[Id] {
        match &self.subject {
            Subject::Cell(_) => &[],
            Subject::Coverage { contributor, .. }
            | Subject::Group { contributor, .. }
            | Subject::Tracking { contributor, .. } => std::slice::from_ref(contributor),
            Subject::System { contributors, .. } => contributors,
        }
    }

    pub fn systems(&self) -> &[Id] {
        match &self.subject {
            Subject::Tracking { systems, .. } => systems,
            Subject::System { system, .. } => std::slice::from_ref(system),
            _ => &[],
        }
    }

    pub fn units(&self) -> &[Id] {
        match &self.subject {
            Subject::Cell(c) => c.unit.as_slice(),
            _ => &[],
        }
    }
}

/// The cells of a finding, serialized without collecting them first.
struct Cells<'a>(&'a Finding);

impl Serialize for Cells<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0.subject {
            Subject::Cell(c) => serializer.collect_seq(std::iter::once(c)),
            Subject::Group { theme, players, .. } => {
                serializer.collect_seq(players.iter().map(|p| CellRef {
                    theme: theme.clone(),
                    player: p.clone(),
                    unit: None,
                }))
            }
            _ => serializer.collect_seq(std::iter::empty::<CellRef>()),
        }
    }
}

impl Serialize for Finding {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(10))?;
        map.serialize_entry("id", &self.id)?;
        map.serialize_entry("kind", &self.kind)?;
        map.serialize_entry("severity", &self.severity)?;
        map.serialize_entry("explanation", &self.explanation)?;
        map.serialize_entry("cells", &Cells(self))?;
        map.serialize_entry("players", self.players())?;
        map.serialize_entry("themes", self.themes())?;
        map.serialize_entry("contributors", self.contributors())?;
        map.serialize_entry("systems", self.systems())?;
        map.serialize_entry("units", self.units())?;
        map.end()
    }
}

/// Sorted, without repeats.
fn ids(mut v: Vec<Id>) -> Vec<Id> {
    v.sort_unstable();
    v.dedup();
    v
}

/// Labels in reading order (by label, then id), so sentences do not depend on
/// the order of the model's lists.
fn by_label<'a>(
    ids: impl IntoIterator<Item = &'a str>,
    label: impl Fn(&'a str) -> &'a str,
) -> Vec<&'a str> {
    let mut v: Vec<(&str, &str)> = ids.into_iter().map(|id| (label(id), id)).collect();
    v.sort_unstable();
    v.dedup_by(|a, b| a.1 == b.1);
    v.into_iter().map(|(l, _)| l).collect()
}

/// An activity as a key: trimmed, and blank is the same as missing.
fn activity(a: &Option<String>) -> Option<&str> {
    a.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// All findings of a model, in priority order.
pub(crate) fn findings(model: &Model, graph: &Graph, labels: &Labels) -> Vec<Finding> {
    let span = model.scale.max - model.scale.min;
    let span = if span.is_finite() && span > 0.0 {
        span
    } else {
        1.0
    };
    let mut out = Vec::with_capacity(
        model.assessments.len() + model.responsibilities.len() + model.systems.len(),
    );
    maturity_gaps(model, labels, &mut out);
    coverage(model, labels, span, &mut out);
    tracking(model, graph, labels, span, &mut out);
    prioritise(out)
}

/// Sorts by severity (worst first), then kind, then a fixed order of the
/// ids, and drops repeated ids.
///
/// The ids of a large model share long prefixes (`maturity-gap:integration:
/// hr:retail-…`), so comparing them dominates a sort; ties are broken by a
/// hash of the id instead (then the id itself, should two hashes collide).
/// The order is as stable as alphabetical order — it depends only on the ids,
/// not on the order of the model's lists — for a fraction of the cost.
fn prioritise(findings: Vec<Finding>) -> Vec<Finding> {
    let hasher = BuildHasherDefault::<FxHasher>::default();
    let keys: Vec<(u64, u8, u64)> = findings
        .iter()
        .map(|f| {
            // Severities are ≥ 0, so their bits order like them; NaN last.
            let severity = if f.severity.is_nan() {
                u64::MAX
            } else {
                !f.severity.max(0.0).to_bits()
            };
            (severity, f.kind as u8, hasher.hash_one(f.id.as_str()))
        })
        .collect();
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_unstable_by(|&a, &b| {
        keys[a]
            .cmp(&keys[b])
            .then_with(|| findings[a].id.cmp(&findings[b].id))
    });
    // Two findings share an id only when the model repeats an id or a cell,
    // which validation forbids; the worst is kept so that ids stay keys.
    let mut keep = vec![false; findings.len()];
    let mut seen = FastSet::default();
    seen.reserve(findings.len());
    for &i in &order {
        keep[i] = seen.insert(findings[i].id.as_str());
    }
    drop(seen);
    let mut slots: Vec<Option<Finding>> = findings.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter(|&i| keep[i])
        .filter_map(|i| slots[i].take())
        .collect()
}

/// `maturity-gap`: one finding per assessment whose target is above its
/// current score.
fn maturity_gaps(model: &Model, labels: &Labels, out: &mut Vec<Finding>) {
    for a in &model.assessments {
        let Some(target) = a.target else { continue };
        let gap = target - a.current;
        if gap.is_nan() || gap <= 0.0 {
            continue;
        }
        let (theme, player) = (labels.theme(&a.theme), labels.player(&a.player));
        let unit = a.unit.as_deref().map(|u| labels.unit(u));
        let mut s = String::with_capacity(192);
        match &unit {
            Some(u) => {
                s.push_str("In ");
                s.push_str(u.label);
                s.push_str(", the maturity of ");
            }
            None => s.push_str("The maturity of "),
        }
        s.push_str(player.label);
        s.push_str(" on ");
        s.push_str(theme.label);
        s.push_str(" is ");
        labels.push_score(&mut s, a.current);
        s.push_str(" against a target of ");
        labels.push_score(&mut s, target);
        s.push_str(", a gap of ");
        push_num(&mut s, gap);
        if a.weight != 1.0 {
            s.push_str(" (weight ");
            push_num(&mut s, a.weight);
            s.push(')');
        }
        s.push('.');
        out.push(Finding::new(
            Kind::MaturityGap,
            &[&a.theme, &a.player, a.unit.as_deref().unwrap_or("")],
            gap * a.weight.max(0.0),
            s,
            Subject::Cell(CellRef {
                theme: theme.id,
                player: player.id,
                unit: unit.map(|u| u.id),
            }),
        ));
    }
}

/// `uncovered`, `redundant` and `conflict`: who is responsible for what.
fn coverage(model: &Model, labels: &Labels, span: f64, out: &mut Vec<Finding>) {
    type Key<'a> = (&'a str, &'a str, Option<&'a str>);
    let n = model.responsibilities.len();
    let mut covered: FastSet<(&str, &str)> = FastSet::default();
    covered.reserve(n);
    // Responsibilities grouped by (contributor, theme, activity): a group
    // number per key, then the (group, responsibility) pairs sorted, so that
    // each group is a run of one flat list.
    let mut group_of: FastMap<Key, usize> = FastMap::default();
    group_of.reserve(n);
    let mut keys: Vec<Key> = Vec::new();
    let mut members: Vec<(usize, usize)> = Vec::with_capacity(n);
    for (i, r) in model.responsibilities.iter().enumerate() {
        covered.insert((&r.contributor, &r.theme));
        let key = (
            r.contributor.as_str(),
            r.theme.as_str(),
            activity(&r.activity),
        );
        let g = *group_of.entry(key).or_insert_with(|| {
            keys.push(key);
            keys.len() - 1
        });
        members.push((g, i));
    }
    members.sort_unstable();

    let mut listed = FastSet::default();
    listed.reserve(model.contributors.len());
    for c in &model.contributors {
        if !listed.insert(c.id.as_str()) {
            continue;
        }
        let reach = reach(c.headcount);
        for t in &model.framework.themes {
            if covered.contains(&(c.id.as_str(), t.id.as_str())) {
                continue;
            }
            let mut s = String::with_capacity(128);
            s.push_str("No player is responsible for ");
            push_contributor(&mut s, &c.id, Some(c));
            s.push_str(" under ");
            s.push_str(&t.label);
            s.push_str(", so nobody owns it.");
            out.push(Finding::new(
                Kind::Uncovered,
                &[&c.id, &t.id],
                severity::UNCOVERED * span * reach,
                s,
                Subject::Coverage {
                    contributor: labels.contributor_id(&c.id),
                    theme: labels.theme(&t.id).id,
                },
            ));
        }
    }

    let responsibility = |&(_, i): &(usize, usize)| &model.responsibilities[i];
    for run in members.chunk_by(|a, b| a.0 == b.0) {
        let first = &responsibility(&run[0]).player;
        if run.iter().all(|m| &responsibility(m).player == first) {
            continue;
        }
        let (contributor, theme, act) = keys[run[0].0];
        let members: Vec<(&str, Option<Control>)> = run
            .iter()
            .map(|m| {
                let r = responsibility(m);
                (r.player.as_str(), r.control)
            })
            .collect();
        let players = ids(members.iter().map(|m| labels.player(m.0).id).collect());
        let reach = reach(labels.contributor(contributor).and_then(|c| c.headcount));
        let theme_name = labels.theme(theme);
        let names = by_label(players.iter().map(Id::as_str), |p| labels.player_label(p));
        let mut lead = String::with_capacity(256);
        push_and(&mut lead, &names);
        lead.push_str(if names.len() == 2 {
            " both take on "
        } else {
            " all take on "
        });
        match act {
            Some(a) => {
                lead.push('“');
                lead.push_str(a);
                lead.push_str("” for ");
            }
            None => lead.push_str("responsibility for "),
        }
        labels.push_contributor(&mut lead, contributor);
        lead.push_str(" under ");
        lead.push_str(theme_name.label);
        if act.is_none() {
            lead.push_str(" with no activity named");
        }
        let about = [contributor, theme, act.unwrap_or("")];
        let redundant_severity =
            severity::REDUNDANT_PER_EXTRA_PLAYER * (players.len() - 1) as f64 * span * reach;
        let subject = |players: Vec<Id>| Subject::Group {
            contributor: labels.contributor_id(contributor),
            theme: theme_name.id.clone(),
            activity: act.map(String::from),
            players,
        };

        // One without `control` conflicts with nothing.
        let controlled: Vec<(&str, Control)> = members
            .iter()
            .filter_map(|&(p, c)| c.map(|c| (p, c)))
            .collect();
        let conflict = controlled.iter().any(|m| m.1 != controlled[0].1);
        const DUPLICATING: &str = ", duplicating effort.";
        let redundant_sentence = if conflict {
            let mut s = String::with_capacity(lead.len() + DUPLICATING.len());
            s.push_str(&lead);
            s.push_str(DUPLICATING);
            s
        } else {
            lead.push_str(DUPLICATING);
            std::mem::take(&mut lead)
        };
        out.push(Finding::new(
            Kind::Redundant,
            &about,
            redundant_severity,
            redundant_sentence,
            subject(players),
        ));
        if !conflict {
            continue;
        }

        let in_conflict = ids(controlled.iter().map(|m| labels.player(m.0).id).collect());
        let mut stances: Vec<(&str, Vec<&str>)> = in_conflict
            .iter()
            .map(|p| {
                let mut own: Vec<Control> = controlled
                    .iter()
                    .filter(|m| m.0 == p.as_str())
                    .map(|m| m.1)
                    .collect();
                own.sort_unstable();
                own.dedup();
                let own = own.into_iter().map(Control::as_str).collect();
                (labels.player_label(p), own)
            })
            .collect();
        stances.sort_unstable();
        lead.push_str(" but set differing control levels (");
        for (i, (player, levels)) in stances.iter().enumerate() {
            if i > 0 {
                lead.push_str(", ");
            }
            lead.push_str(player);
            lead.push(' ');
            push_and(&mut lead, levels);
        }
        lead.push_str("), sending mixed messages.");
        out.push(Finding::new(
            Kind::Conflict,
            &about,
            redundant_severity + severity::CONFLICT_ABOVE_REDUNDANT * span * reach,
            lead,
            subject(in_conflict),
        ));
    }
}

/// `untracked`, `fragmented` and `silo`: the systems graph.
fn tracking(model: &Model, graph: &Graph, labels: &Labels, span: f64, out: &mut Vec<Finding>) {
    let mut listed = FastSet::default();
    listed.reserve(model.contributors.len());
    for (index, c) in model.contributors.iter().enumerate() {
        if !listed.insert(c.id.as_str()) {
            continue;
        }
        let reach = reach(c.headcount);
        let systems = graph.tracked_by(index);
        if systems.is_empty() {
            let mut s = String::with_capacity(100);
            s.push_str("No system tracks ");
            push_contributor(&mut s, &c.id, Some(c));
            s.push_str(", so nobody holds data on them.");
            out.push(Finding::new(
                Kind::Untracked,
                &[&c.id],
                severity::UNTRACKED * span * reach,
                s,
                Subject::Tracking {
                    contributor: labels.contributor_id(&c.id),
                    systems: Vec::new(),
                },
            ));
            continue;
        }
        if graph.connected(systems) {
            continue;
        }
        let groups = graph.groups_of(systems);
        let mut named: Vec<Vec<&str>> = groups
            .iter()
            .map(|g| {
                let mut names: Vec<&str> =
                    g.iter().map(|&s| model.systems[s].label.as_str()).collect();
                names.sort_unstable();
                names
            })
            .collect();
        named.sort_unstable();
        let mut s = String::with_capacity(200);
        s.push_str("The data on ");
        push_contributor(&mut s, &c.id, Some(c));
        if named.iter().all(|g| g.len() == 1) {
            let flat: Vec<&str> = named.iter().flatten().copied().collect();
            s.push_str(" is split between ");
            push_and(&mut s, &flat);
            s.push_str(", which no integration connects, directly or through other systems.");
        } else {
            s.push_str(" is split across ");
            push_num(&mut s, named.len() as f64);
            s.push_str(" groups of systems that no integration connects (");
            for (i, g) in named.iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                push_and(&mut s, g);
            }
            s.push_str(").");
        }
        let systems = groups
            .iter()
            .flatten()
            .map(|&i| labels.system(&model.systems[i].id).id)
            .collect();
        out.push(Finding::new(
            Kind::Fragmented,
            &[&c.id],
            severity::FRAGMENTED_PER_EXTRA_GROUP * (groups.len() - 1) as f64 * span * reach,
            s,
            Subject::Tracking {
                contributor: labels.contributor_id(&c.id),
                systems: ids(systems),
            },
        ));
    }

    if model.systems.len() < 2 {
        return;
    }
    for (i, system) in model.systems.iter().enumerate() {
        if graph.degree[i] > 0 {
            continue;
        }
        let tracked = ids(system
            .contributors
            .iter()
            .map(|c| labels.contributor_id(c))
            .collect());
        let most = tracked
            .iter()
            .map(|c| reach(labels.contributor(c).and_then(|c| c.headcount)))
            .fold(1.0, f64::max);
        let mut s = String::with_capacity(160);
        s.push_str(&system.label);
        s.push_str(" (owned by ");
        s.push_str(labels.player_label(&system.owner));
        s.push_str(") has no integration with any other system");
        if tracked.is_empty() {
            s.push('.');
        } else {
            let names = by_label(tracked.iter().map(Id::as_str), |c| {
                labels.contributor_label(c)
            });
            s.push_str(", so its data on ");
            push_and(&mut s, &names);
            s.push_str(" stays there.");
        }
        out.push(Finding::new(
            Kind::Silo,
            &[&system.id],
            severity::SILO * span * most,
            s,
            Subject::System {
                system: labels.system(&system.id).id,
                owner: labels.player(&system.owner).id,
                contributors: tracked,
            },
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::model::{
        Assessment, Contributor, ContributorKind, Integration, Item, Responsibility, System,
    };

    fn contributor(id: &str, label: &str, headcount: Option<u64>) -> Contributor {
        Contributor {
            id: id.into(),
            label: label.into(),
            kind: ContributorKind::External,
            headcount,
        }
    }

    fn resp(c: &str, t: &str, p: &str, act: Option<&str>, ctl: Option<Control>) -> Responsibility {
        Responsibility {
            contributor: c.into(),
            theme: t.into(),
            player: p.into(),
            activity: act.map(Into::into),
            control: ctl,
        }
    }

    fn system(id: &str, label: &str, owner: &str, tracks: &[&str]) -> System {
        System {
            id: id.into(),
            label: label.into(),
            owner: owner.into(),
            contributors: tracks.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn link(a: &str, b: &str) -> Integration {
        Integration {
            from: a.into(),
            to: b.into(),
        }
    }

    fn assess(
        t: &str,
        p: &str,
        unit: Option<&str>,
        cur: f64,
        tgt: Option<f64>,
        w: f64,
    ) -> Assessment {
        Assessment {
            theme: t.into(),
            player: p.into(),
            unit: unit.map(Into::into),
            current: cur,
            target: tgt,
            weight: w,
            note: None,
        }
    }

    /// A model where one contributor is covered on every theme by HR alone and
    /// tracked by one system, so it raises nothing by itself.
    fn quiet() -> Model {
        let mut m = Model::empty("t");
        m.contributors = vec![contributor("crews", "Subcontracted crews", Some(40))];
        m.responsibilities = m
            .framework
            .themes
            .iter()
            .map(|t| resp("crews", &t.id, "hr", None, None))
            .collect();
        m.systems = vec![system("hris", "HRIS", "hr", &["crews"])];
        m
    }

    fn of(m: &Model, kind: Kind) -> Vec<Finding> {
        analyze(m)
            .findings
            .into_iter()
            .filter(|f| f.kind == kind)
            .collect()
    }

    #[test]
    fn quiet_model_has_no_finding() {
        assert!(analyze(&quiet()).findings.is_empty());
    }

    #[test]
    fn maturity_gap_needs_a_target_above_current() {
        let mut m = quiet();
        m.units = vec![Item::new("retail", "Retail")];
        m.assessments = vec![
            assess("integration", "hr", Some("retail"), 1.0, Some(3.0), 1.5),
            assess("integration", "it", None, 2.0, None, 1.0),
            assess("integration", "procurement", None, 3.0, Some(2.0), 1.0),
            assess("integration", "senior-leaders", None, 2.0, Some(2.0), 1.0),
        ];
        let gaps = of(&m, Kind::MaturityGap);
        assert_eq!(gaps.len(), 1, "{gaps:?}");
        let g = &gaps[0];
        assert_eq!(g.id, "maturity-gap:integration:hr:retail");
        assert_eq!(g.severity, 3.0);
        assert_eq!(
            g.explanation,
            "In Retail, the maturity of HR on Integration architectures is 1 (Ad hoc) against a target of 3 (Integrated), a gap of 2 (weight 1.5)."
        );
        assert_eq!(
            g.cells(),
            [CellRef {
                theme: "integration".into(),
                player: "hr".into(),
                unit: Some("retail".into())
            }]
        );
        assert_eq!(
            (g.units(), g.players(), g.themes()),
            (
                &[Id::from("retail")][..],
                &[Id::from("hr")][..],
                &[Id::from("integration")][..]
            )
        );
    }

    #[test]
    fn uncovered_pairs_and_a_responsibility_covers_its_theme() {
        let mut m = quiet();
        m.responsibilities.retain(|r| r.theme != "technology");
        let u = of(&m, Kind::Uncovered);
        assert_eq!(u.len(), 1);
        assert_eq!(u[0].id, "uncovered:crews:technology");
        assert_eq!(
            u[0].explanation,
            "No player is responsible for Subcontracted crews (40 people) under Technology enablers, so nobody owns it."
        );
        assert!((u[0].severity - 0.5 * 4.0 * reach(Some(40))).abs() < 1e-12);
        m.responsibilities
            .push(resp("crews", "technology", "it", Some("payroll"), None));
        assert!(of(&m, Kind::Uncovered).is_empty());
    }

    #[test]
    fn one_player_named_twice_is_not_redundant() {
        let mut m = quiet();
        m.responsibilities.push(resp(
            "crews",
            "integration",
            "hr",
            None,
            Some(Control::Strict),
        ));
        m.responsibilities.push(resp(
            "crews",
            "integration",
            "hr",
            None,
            Some(Control::Light),
        ));
        assert!(of(&m, Kind::Redundant).is_empty());
        assert!(of(&m, Kind::Conflict).is_empty());
    }

    #[test]
    fn redundant_groups_by_activity_and_missing_activity_is_its_own_value() {
        let mut m = quiet();
        // HR has "integration" with no activity already (from quiet()).
        m.responsibilities.extend([
            resp(
                "crews",
                "integration",
                "procurement",
                Some("sourcing"),
                None,
            ),
            resp("crews", "integration", "hr", Some(" sourcing "), None),
            resp("crews", "integration", "it", Some("payroll"), None),
            resp("crews", "integration", "finance-legal", Some(""), None),
        ]);
        let mut r = of(&m, Kind::Redundant);
        r.sort_by(|a, b| a.id.cmp(&b.id));
        let found: Vec<&str> = r.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(
            found,
            [
                "redundant:crews:integration:",
                "redundant:crews:integration:sourcing"
            ]
        );
        let sourcing = &r[1];
        assert_eq!(sourcing.players(), ["hr", "procurement"]);
        assert_eq!(
            sourcing.explanation,
            "HR and Procurement both take on “sourcing” for Subcontracted crews (40 people) under Integration architectures, duplicating effort."
        );
        assert_eq!(
            r[0].explanation,
            "Finance & legal and HR both take on responsibility for Subcontracted crews (40 people) under Integration architectures with no activity named, duplicating effort."
        );
        assert_eq!(sourcing.cells().len(), 2);
        assert!(sourcing
            .cells()
            .iter()
            .all(|c| c.theme == "integration" && c.unit.is_none()));
    }

    #[test]
    fn conflict_needs_two_differing_levels_and_ignores_missing_control() {
        let mut m = quiet();
        m.responsibilities.extend([
            resp(
                "crews",
                "management",
                "procurement",
                Some("contracting"),
                Some(Control::Light),
            ),
            resp(
                "crews",
                "management",
                "finance-legal",
                Some("contracting"),
                None,
            ),
            resp(
                "crews",
                "management",
                "hr",
                Some("contracting"),
                Some(Control::Light),
            ),
        ]);
        assert_eq!(of(&m, Kind::Redundant).len(), 1);
        assert!(
            of(&m, Kind::Conflict).is_empty(),
            "same level, or none, is no conflict"
        );
        m.responsibilities[6].control = Some(Control::Strict);
        let c = of(&m, Kind::Conflict);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].id, "conflict:crews:management:contracting");
        assert_eq!(c[0].players(), ["hr", "procurement"]);
        assert_eq!(
            c[0].explanation,
            "Finance & legal, HR and Procurement all take on “contracting” for Subcontracted crews (40 people) under Management practices but set differing control levels (HR strict, Procurement light), sending mixed messages."
        );
        let r = &of(&m, Kind::Redundant)[0];
        assert!(c[0].severity > r.severity);
        let all = analyze(&m).findings;
        assert_eq!(
            all[0].kind,
            Kind::Conflict,
            "conflict ranks above its redundancy"
        );
    }

    #[test]
    fn untracked_and_fragmented() {
        let mut m = quiet();
        m.contributors
            .push(contributor("apps", "App developers", None));
        m.responsibilities.extend(
            m.framework
                .themes
                .clone()
                .iter()
                .map(|t| resp("apps", &t.id, "it", None, None)),
        );
        m.systems.push(system(
            "vms",
            "Vendor management system",
            "procurement",
            &["crews"],
        ));
        m.integrations = vec![link("vms", "hris")];
        let u = of(&m, Kind::Untracked);
        assert_eq!(u.len(), 1);
        assert_eq!(
            u[0].explanation,
            "No system tracks App developers, so nobody holds data on them."
        );
        assert!(of(&m, Kind::Fragmented).is_empty());
        m.integrations.clear();
        let f = of(&m, Kind::Fragmented);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].systems(), ["hris", "vms"]);
        assert_eq!(
            f[0].explanation,
            "The data on Subcontracted crews (40 people) is split between HRIS and Vendor management system, which no integration connects, directly or through other systems."
        );
    }

    #[test]
    fn connected_through_a_third_system_is_not_fragmented() {
        let mut m = quiet();
        m.systems
            .push(system("vms", "VMS", "procurement", &["crews"]));
        m.systems.push(system("lake", "Data lake", "it", &[]));
        m.integrations = vec![link("hris", "lake"), link("vms", "lake")];
        assert!(of(&m, Kind::Fragmented).is_empty());
        m.systems
            .push(system("apps", "App console", "it", &["crews"]));
        m.systems.push(system("ats", "ATS", "hr", &["crews"]));
        m.integrations.push(link("apps", "ats"));
        let f = of(&m, Kind::Fragmented);
        assert_eq!(
            f[0].explanation,
            "The data on Subcontracted crews (40 people) is split across 2 groups of systems that no integration connects (ATS and App console; HRIS and VMS)."
        );
        assert_eq!(f[0].systems(), ["apps", "ats", "hris", "vms"]);
    }

    #[test]
    fn a_single_system_is_no_silo() {
        let m = quiet();
        assert!(of(&m, Kind::Silo).is_empty());
        let mut m = quiet();
        m.systems.push(system("wiki", "Partner wiki", "it", &[]));
        let s = of(&m, Kind::Silo);
        let ids: Vec<&str> = s.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["silo:hris", "silo:wiki"]);
        assert_eq!(
            s[0].explanation,
            "HRIS (owned by HR) has no integration with any other system, so its data on Subcontracted crews stays there."
        );
        assert_eq!(
            s[1].explanation,
            "Partner wiki (owned by IT) has no integration with any other system."
        );
        assert!(
            s[0].severity > s[1].severity,
            "tracking 40 people weighs more than nobody"
        );
        m.integrations = vec![link("wiki", "hris")];
        assert!(of(&m, Kind::Silo).is_empty());
    }

    #[test]
    fn ids_escape_separators_and_priority_is_severity_then_kind_then_a_fixed_order() {
        let mut m = Model::empty("t");
        m.contributors = vec![contributor("a:b", "A", None), contributor("a%", "B", None)];
        let f = analyze(&m).findings;
        assert!(f.iter().any(|f| f.id == "untracked:a%3Ab"));
        assert!(f.iter().any(|f| f.id == "uncovered:a%25:leadership"));
        // All these weigh 2: every uncovered before every untracked.
        assert!(f.iter().all(|f| f.severity == 2.0));
        let kinds: Vec<Kind> = f.iter().map(|f| f.kind).collect();
        assert_eq!(kinds[..8], [Kind::Uncovered; 8]);
        assert_eq!(kinds[8..], [Kind::Untracked; 2]);
        // Within a tie the order depends on the ids only.
        m.contributors.reverse();
        m.framework.themes.reverse();
        let again: Vec<String> = analyze(&m).findings.into_iter().map(|f| f.id).collect();
        let first: Vec<String> = f.into_iter().map(|f| f.id).collect();
        assert_eq!(first, again);
        // A worse finding comes first whatever its id.
        m.contributors[0].headcount = Some(10);
        let f = analyze(&m).findings;
        assert!(f.windows(2).all(|w| w[0].severity >= w[1].severity));
        assert_eq!(f[0].contributors(), [m.contributors[0].id.as_str()]);
    }

    #[test]
    fn reach_grows_slowly_with_headcount() {
        assert_eq!(reach(None), 1.0);
        assert_eq!(reach(Some(0)), 1.0);
        assert!((reach(Some(99)) - 1.5).abs() < 1e-12);
        assert!((reach(Some(9_999)) - 2.0).abs() < 1e-12);
    }

    #[test]
    fn structural_severity_follows_the_scale_span() {
        let mut m = quiet();
        m.contributors[0].headcount = None;
        m.responsibilities.pop();
        assert_eq!(of(&m, Kind::Uncovered)[0].severity, 2.0);
        m.scale.max = 100.0;
        assert_eq!(of(&m, Kind::Uncovered)[0].severity, 50.0);
    }
}
