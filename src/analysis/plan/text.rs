//! The plan in words: a sentence per change and a title per step, in the
//! core's current language ([`crate::language`]), every label from the
//! model isolated ([`crate::bidi`]) so that it cannot reorder the sentence.

use super::actions::Change;
use super::PlanKind;
use crate::analysis::wording::number;
use crate::bidi::isolate;
use crate::language::say;
use crate::model::{Control, Item, Model};

/// Labels of the model as shown (standard names in the current language).
pub(super) struct Labels<'m>(pub &'m Model);

fn label_in<'a>(items: &'a [Item], id: &'a str) -> String {
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
        match kind {
            PlanKind::Owners => say("plan.step.owners", &[], || {
                "Name an owner where nobody owns the work".into()
            }),
            PlanKind::Leads => say("plan.step.leads", &[], || {
                "Leave one lead owner where several players own the same work".into()
            }),
            PlanKind::Controls => say("plan.step.controls", &[], || {
                "Agree one control level where owners differ".into()
            }),
            PlanKind::Tracking => say("plan.step.tracking", &[], || {
                "Track every contributor in a system".into()
            }),
            PlanKind::Integrations => say("plan.step.integrations", &[], || {
                "Connect the systems".into()
            }),
            PlanKind::Scores => {
                let theme = self.theme(theme.unwrap_or_default());
                say("plan.step.scores", &[("theme", &theme)], || {
                    format!("Raise maturity in {theme}")
                })
            }
        }
    }

    /// The sentence of one change, read against the model the plan starts
    /// from (`self`).
    pub fn change(&self, change: &Change) -> String {
        let m = self.0;
        match change {
            Change::Raise(i) => {
                let Some(a) = m.assessments.get(*i) else {
                    return String::new();
                };
                let (player, theme) = (self.player(&a.player), self.theme(&a.theme));
                let (current, target) = (number(a.current), number(a.target.unwrap_or(a.current)));
                let mut args = vec![
                    ("player", player.as_str()),
                    ("theme", theme.as_str()),
                    ("current", current.as_str()),
                    ("target", target.as_str()),
                ];
                match &a.unit {
                    Some(u) => {
                        let unit = label_in(&m.units, u);
                        args.push(("unit", &unit));
                        say("plan.raise.unit", &args, || {
                            format!(
                                "In {unit}, raise {player} on {theme} from {current} to {target}."
                            )
                        })
                    }
                    None => say("plan.raise", &args, || {
                        format!("Raise {player} on {theme} from {current} to {target}.")
                    }),
                }
            }
            Change::Own {
                contributor,
                theme,
                player,
            } => {
                let (player, contributor, theme) = (
                    self.player(player),
                    self.contributor(contributor),
                    self.theme(theme),
                );
                let args = [
                    ("player", player.as_str()),
                    ("contributor", &contributor),
                    ("theme", &theme),
                ];
                say("plan.own", &args, || {
                    format!("Make {player} responsible for {contributor} under {theme}.")
                })
            }
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
                let (player, lead) = (self.player(&r.player), self.player(&l.player));
                let (contributor, theme) = (self.contributor(&r.contributor), self.theme(&r.theme));
                let mut args = vec![
                    ("player", player.as_str()),
                    ("lead", lead.as_str()),
                    ("contributor", contributor.as_str()),
                    ("theme", theme.as_str()),
                ];
                match activity(&r.activity) {
                    Some(a) => {
                        args.push(("activity", &a));
                        say("plan.drop.activity", &args, || {
                            format!("Leave {lead} as the one owner of “{a}” for {contributor} under {theme}; {player} gives it up.")
                        })
                    }
                    None => say("plan.drop", &args, || {
                        format!("Leave {lead} as the one owner of {contributor} under {theme}; {player} gives it up.")
                    }),
                }
            }
            Change::Control {
                responsibility,
                level,
            } => {
                let Some(r) = m.responsibilities.get(*responsibility) else {
                    return String::new();
                };
                let player = self.player(&r.player);
                let (contributor, theme) = (self.contributor(&r.contributor), self.theme(&r.theme));
                let level = level_word(*level);
                let mut args = vec![
                    ("player", player.as_str()),
                    ("level", level.as_str()),
                    ("contributor", contributor.as_str()),
                    ("theme", theme.as_str()),
                ];
                match activity(&r.activity) {
                    Some(a) => {
                        args.push(("activity", &a));
                        say("plan.control.activity", &args, || {
                            format!("Have {player} apply {level} control to “{a}” for {contributor} under {theme}.")
                        })
                    }
                    None => {
                        say("plan.control", &args, || {
                            format!("Have {player} apply {level} control to {contributor} under {theme}.")
                        })
                    }
                }
            }
            Change::Track {
                contributor,
                system,
            } => {
                let (contributor, system) = (self.contributor(contributor), self.system(*system));
                say(
                    "plan.track",
                    &[("contributor", &contributor), ("system", &system)],
                    || format!("Track {contributor} in {system}."),
                )
            }
            Change::Link { from, to } => {
                let (from, to) = (self.system(*from), self.system(*to));
                say("plan.link", &[("from", &from), ("to", &to)], || {
                    format!("Integrate {from} with {to}.")
                })
            }
        }
    }
}

fn activity(a: &Option<String>) -> Option<String> {
    let a = a.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
    Some(isolate(a).into_owned())
}

fn level_word(level: Control) -> String {
    let key = format!("control.{}", level.as_str());
    say(&key, &[], || level.as_str().to_string())
}
