//! The statements of the diagram itself: the name, the framework's players
//! and themes, the units, the scale and its labels, and the scores.

use super::places::{PLAYERS, THEMES};
use super::statement::{option, scores, Statement};
use super::{place, Builder, Step};
use crate::model::{Assessment, Item, Scale};
use crate::text::wording;

impl Builder {
    pub(super) fn name(&mut self, s: &mut Statement, column: usize) -> Step<()> {
        if let Some(first) = self.name_line {
            return Err(place(s.line, column, wording::again("the name", first)));
        }
        let (name, at) = s.text("the model's name in double quotes")?;
        self.model.name = name;
        self.name_line = Some(s.line);
        self.places.single.push(("name", (s.line, at)));
        Ok(())
    }

    /// `player|theme|unit ID ["LABEL"]`: the label defaults to the id.
    pub(super) fn item(
        &mut self,
        s: &mut Statement,
        at: (usize, usize),
        keyword: &str,
    ) -> Step<()> {
        let (list, what, items) = match keyword {
            "player" => {
                if !std::mem::replace(&mut self.players, true) {
                    self.model.framework.players.clear();
                }
                (PLAYERS, "a player id", &mut self.model.framework.players)
            }
            "theme" => {
                if !std::mem::replace(&mut self.themes, true) {
                    self.model.framework.themes.clear();
                }
                (THEMES, "a theme id", &mut self.model.framework.themes)
            }
            _ => ("units", "a unit id", &mut self.model.units),
        };
        let (id, id_at) = s.id(what)?;
        let (label, label_at) = s.optional_text().unwrap_or((id.clone(), id_at));
        items.push(Item { id, label });
        self.placed(list, at, vec![("id", id_at), ("label", label_at)]);
        Ok(())
    }

    pub(super) fn scale(&mut self, s: &mut Statement, column: usize) -> Step<()> {
        if let Some(first) = self.scale_line {
            return Err(place(s.line, column, wording::again("the scale", first)));
        }
        let (min, min_at) = s.number("the lowest score of the scale (a number)")?;
        let (max, max_at) = s.number("the highest score of the scale (a number)")?;
        self.scale_line = Some(s.line);
        self.model.scale = Scale {
            min,
            max,
            labels: Vec::new(),
        };
        let single = &mut self.places.single;
        single.push(("scale", (s.line, column)));
        single.push(("scale.min", (s.line, min_at)));
        single.push(("scale.max", (s.line, max_at)));
        self.labels(s)
    }

    /// The scale's labels, in quotes, up to the end of the line.
    pub(super) fn labels(&mut self, s: &mut Statement) -> Step<()> {
        if self.scale_line.is_none() {
            return Err(place(s.line, s.tokens[0].column, wording::labels_first()));
        }
        while !s.done() {
            let (label, at) = s.text("a label of the scale in double quotes")?;
            self.model.scale.labels.push(label);
            self.places.labels.push((s.line, at));
            self.items += 1;
        }
        Ok(())
    }

    /// `score PLAYER THEME CURRENT [-> TARGET] [unit ID] [weight N] [note "TEXT"]`
    pub(super) fn score(&mut self, s: &mut Statement, at: (usize, usize)) -> Step<()> {
        let (scores, mut fields) = scores(s)?;
        let mut a = Assessment {
            theme: scores.theme,
            player: scores.player,
            unit: None,
            current: scores.current,
            target: scores.target,
            weight: 1.0,
            note: None,
        };
        let mut seen = 0;
        while let Some(key) = option(s, &["unit", "weight", "note"], &mut seen)? {
            let at = match key {
                "unit" => s.id("a unit id").map(|(v, at)| (a.unit = Some(v), at))?,
                "weight" => s
                    .number("a weight (a number)")
                    .map(|(v, at)| (a.weight = v, at))?,
                _ => s
                    .text("a note in double quotes")
                    .map(|(v, at)| (a.note = Some(v), at))?,
            }
            .1;
            fields.push((key, at));
        }
        self.model.assessments.push(a);
        self.placed("assessments", at, fields);
        Ok(())
    }
}
