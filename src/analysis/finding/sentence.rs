//! A finding's sentence: in English as code, the common case, and in
//! another language through the core's catalogue of templates.

use super::{controls_of, Finding, Kind, Subject};
use crate::analysis::names::{Names, Ref};
use crate::analysis::wording::{write_and, write_contributor, write_num, write_score};
use crate::bidi::write_isolated;
use std::fmt::{self, Write};

impl Finding {
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
}
