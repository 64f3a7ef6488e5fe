//! The plan in words: a sentence per change and a title per step, in the
//! core's current language ([`crate::language`]), every label from the
//! model isolated ([`crate::bidi`]) so that it cannot reorder the sentence.

use super::actions::Change;
use super::PlanKind;
use crate::analysis::wording::number;
use crate::bidi::isolate;
use crate::language::say_template;
use crate::model::{Item, Model, Responsibility};

/// Labels of the model as shown (standard names in the current language).
pub(super) struct Labels<'m>(pub &'m Model);

/// The label of the item `id` names (the id itself if none), isolated for
/// bidirectional text.
pub(crate) fn label_in<'a>(items: &'a [Item], id: &'a str) -> String {
    let label = items
        .iter()
        .find(|x| x.id == id)
        .map_or(id, |x| x.label.as_str());
    isolate(label).into_owned()
}

impl Labels<'_> {
    fn player(&self, id: &str) -> String {
        label_in(&self.0.framework.players, id)
    }

    fn theme(&self, id: &str) -> String {
        label_in(&self.0.framework.themes, id)
    }

    fn contributor(&self, id: &str) -> String {
        let c = self.0.contributors.iter().find(|c| c.id == id);
        isolate(c.map_or(id, |c| c.label.as_str())).into_owned()
    }

    fn system(&self, s: usize) -> String {
        isolate(self.0.systems.get(s).map_or("", |s| s.label.as_str())).into_owned()
    }

    /// A step's title.
    pub fn title(&self, kind: PlanKind, theme: Option<&str>) -> String {
        let english = match kind {
            PlanKind::Owners => "Name an owner where nobody owns the work",
            PlanKind::Leads => "Leave one lead owner where several players own the same work",
            PlanKind::Controls => "Agree one control level where owners differ",
            PlanKind::Tracking => "Track every contributor in a system",
            PlanKind::Integrations => "Connect the systems",
            PlanKind::Scores => "Raise maturity in {theme}",
        };
        let theme = self.theme(theme.unwrap_or_default());
        let key = format!("plan.step.{}", kind.as_str());
        say_template(&key, &[("theme", &theme)], english)
    }

    /// The sentence of one change, read against the model the plan starts
    /// from (`self`).
    pub fn change(&self, change: &Change) -> String {
        let m = self.0;
        // (key, English template, the values of its placeholders)
        let (key, english, args): (&str, &str, Vec<(&str, String)>) = match change {
            Change::Raise(i) => {
                let Some(a) = m.assessments.get(*i) else {
                    return String::new();
                };
                let mut args = vec![
                    ("player", self.player(&a.player)),
                    ("theme", self.theme(&a.theme)),
                    ("current", number(a.current)),
                    ("target", number(a.target.unwrap_or(a.current))),
                ];
                match &a.unit {
                    Some(u) => {
                        args.push(("unit", label_in(&m.units, u)));
                        (
                            "plan.raise.unit",
                            "In {unit}, raise {player} on {theme} from {current} to {target}.",
                            args,
                        )
                    }
                    None => (
                        "plan.raise",
                        "Raise {player} on {theme} from {current} to {target}.",
                        args,
                    ),
                }
            }
            Change::Own {
                contributor,
                theme,
                player,
            } => (
                "plan.own",
                "Make {player} responsible for {contributor} under {theme}.",
                vec![
                    ("player", self.player(player)),
                    ("contributor", self.contributor(contributor)),
                    ("theme", self.theme(theme)),
                ],
            ),
            Change::Drop {
                responsibility,
                lead,
            } => {
                let (Some(r), Some(l)) = (
                    m.responsibilities.get(*responsibility),
                    m.responsibilities.get(*lead),
                ) else {
                    return String::new();
                };
                let mut args = self.owner_args(r);
                args.push(("lead", self.player(&l.player)));
                match activity(&r.activity) {
                    Some(a) => {
                        args.push(("activity", a));
                        ("plan.drop.activity", "Leave {lead} as the one owner of “{activity}” for {contributor} under {theme}; {player} gives it up.", args)
                    }
                    None => ("plan.drop", "Leave {lead} as the one owner of {contributor} under {theme}; {player} gives it up.", args),
                }
            }
            Change::Control {
                responsibility,
                level,
            } => {
                let Some(r) = m.responsibilities.get(*responsibility) else {
                    return String::new();
                };
                let mut args = self.owner_args(r);
                let word =
                    say_template(&format!("control.{}", level.as_str()), &[], level.as_str());
                args.push(("level", word));
                match activity(&r.activity) {
                    Some(a) => {
                        args.push(("activity", a));
                        ("plan.control.activity", "Have {player} apply {level} control to “{activity}” for {contributor} under {theme}.", args)
                    }
                    None => (
                        "plan.control",
                        "Have {player} apply {level} control to {contributor} under {theme}.",
                        args,
                    ),
                }
            }
            Change::Track {
                contributor,
                system,
            } => (
                "plan.track",
                "Track {contributor} in {system}.",
                vec![
                    ("contributor", self.contributor(contributor)),
                    ("system", self.system(*system)),
                ],
            ),
            Change::Link { from, to } => (
                "plan.link",
                "Integrate {from} with {to}.",
                vec![("from", self.system(*from)), ("to", self.system(*to))],
            ),
        };
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        say_template(key, &args, english)
    }

    /// The player, contributor and theme of a responsibility.
    fn owner_args(&self, r: &Responsibility) -> Vec<(&'static str, String)> {
        vec![
            ("player", self.player(&r.player)),
            ("contributor", self.contributor(&r.contributor)),
            ("theme", self.theme(&r.theme)),
        ]
    }
}

fn activity(a: &Option<String>) -> Option<String> {
    let a = a.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
    Some(isolate(a).into_owned())
}
