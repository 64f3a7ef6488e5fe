//! The statements of the workforce ecosystem around the diagram: the
//! contributors, who owns each cell for them, the systems that track them
//! and the links between systems.

use super::statement::{cell, option, Statement};
use super::{place, Builder, Step};
use crate::model::{Contributor, ContributorKind, Control, Integration, Responsibility, System};
use crate::text::lex::Kind;
use crate::text::wording;
use crate::validate::limits;

impl Builder {
    /// `contributor ID ["LABEL"] internal|external [headcount N]`
    pub(super) fn contributor(&mut self, s: &mut Statement, at: (usize, usize)) -> Step<()> {
        let (id, id_at) = s.id("a contributor id")?;
        let (label, label_at) = s.optional_text().unwrap_or((id.clone(), id_at));
        let (kind, kind_at) = s
            .keyword(&["internal", "external"])
            .ok_or_else(|| s.expected("internal or external"))?;
        let mut fields = vec![("id", id_at), ("label", label_at), ("kind", kind_at)];
        let mut headcount = None;
        let mut seen = 0;
        if option(s, &["headcount"], &mut seen)?.is_some() {
            let what = "a headcount (a whole number from 0 to 1,000,000,000)";
            let n = match s.peek() {
                Some(t) if t.kind == Kind::Word && t.text.bytes().all(|b| b.is_ascii_digit()) => t
                    .text
                    .parse::<u64>()
                    .ok()
                    .filter(|&n| n <= limits::MAX_HEADCOUNT),
                _ => None,
            };
            let column = s.column();
            headcount = Some(n.ok_or_else(|| s.expected(what))?);
            s.next += 1;
            fields.push(("headcount", column));
        }
        self.model.contributors.push(Contributor {
            id,
            label,
            kind: if kind == "external" {
                ContributorKind::External
            } else {
                ContributorKind::Internal
            },
            headcount,
        });
        self.placed("contributors", at, fields);
        Ok(())
    }

    /// `owner PLAYER THEME CONTRIBUTOR [activity "TEXT"] [strict|moderate|light]`
    pub(super) fn owner(&mut self, s: &mut Statement, at: (usize, usize)) -> Step<()> {
        let [(player, player_at), (theme, theme_at)] = cell(s)?;
        let (contributor, contributor_at) = s.id("a contributor id")?;
        let mut fields = vec![
            ("player", player_at),
            ("theme", theme_at),
            ("contributor", contributor_at),
        ];
        let mut r = Responsibility {
            contributor,
            theme,
            player,
            activity: None,
            control: None,
        };
        let mut seen = 0;
        while !s.done() {
            // The control level is a bare word; it is stored under `control`.
            if let Some((level, level_at)) = s.keyword(&["strict", "moderate", "light"]) {
                if r.control.is_some() {
                    return Err(place(s.line, level_at, wording::twice("the control level")));
                }
                r.control = Control::ALL.into_iter().find(|c| c.as_str() == level);
                fields.push(("control", level_at));
            } else if option(s, &["activity"], &mut seen)?.is_some() {
                let (activity, activity_at) = s.text("an activity in double quotes")?;
                r.activity = Some(activity);
                fields.push(("activity", activity_at));
            } else {
                return Err(s.expected("activity, strict, moderate, light or the end of the line"));
            }
        }
        self.model.responsibilities.push(r);
        self.placed("responsibilities", at, fields);
        Ok(())
    }

    /// `system ID ["LABEL"] owner PLAYER [tracks ID …]`
    pub(super) fn system(&mut self, s: &mut Statement, at: (usize, usize)) -> Step<()> {
        let (id, id_at) = s.id("a system id")?;
        let (label, label_at) = s.optional_text().unwrap_or((id.clone(), id_at));
        if s.keyword(&["owner"]).is_none() {
            return Err(s.expected("owner and the id of the player who owns the system"));
        }
        let (owner, owner_at) = s.id("the id of the player who owns the system")?;
        let index = self.model.systems.len();
        self.system_index.insert(id.clone(), index);
        self.model.systems.push(System {
            id,
            label,
            owner,
            contributors: Vec::new(),
        });
        self.placed(
            "systems",
            at,
            vec![
                ("id", id_at),
                ("label", label_at),
                ("owner", owner_at),
                ("contributors", at.1),
            ],
        );
        self.places.tracked.push(Vec::new());
        if s.keyword(&["tracks"]).is_some() {
            self.track(s, index)?;
        }
        Ok(())
    }

    /// `tracks SYSTEM ID …`: more contributors for the system declared above.
    pub(super) fn tracks(&mut self, s: &mut Statement) -> Step<()> {
        let (system, at) = s.id("the id of a system declared above")?;
        let Some(&index) = self.system_index.get(&system) else {
            return Err(place(s.line, at, wording::no_system(&system)));
        };
        self.track(s, index)
    }

    /// The contributor ids up to the end of the line, for system `index`.
    fn track(&mut self, s: &mut Statement, index: usize) -> Step<()> {
        if s.done() {
            return Err(s.expected("the ids of the contributors the system tracks"));
        }
        while !s.done() {
            let (id, at) = s.id("a contributor id")?;
            self.model.systems[index].contributors.push(id);
            self.places.tracked[index].push((s.line, at));
            self.items += 1;
        }
        Ok(())
    }

    /// `link FROM -> TO`
    pub(super) fn link(&mut self, s: &mut Statement, at: (usize, usize)) -> Step<()> {
        let (from, from_at) = s.id("the id of a system")?;
        if !s.arrow() {
            return Err(s.expected("-> between the two systems"));
        }
        let (to, to_at) = s.id("the id of a system")?;
        self.model.integrations.push(Integration { from, to });
        self.placed("integrations", at, vec![("from", from_at), ("to", to_at)]);
        Ok(())
    }
}
