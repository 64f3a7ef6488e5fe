//! The statements of a response file and of merged voices: the respondent,
//! each response and dated snapshot, and the `cell` lines that give their
//! scores.

use super::places::{ItemAt, HISTORY, RESPONSES};
use super::statement::{option, scores, Statement};
use super::{place, Builder, Step};
use crate::model::{Respondent, Response, Snapshot};
use crate::text::wording;

impl Builder {
    /// `respondent [code ID] [role "TEXT"] [date DATE]`: who answered, when
    /// the model is one person's response (once).
    pub(super) fn respondent(&mut self, s: &mut Statement, column: usize) -> Step<()> {
        if let Some(first) = self.respondent_line {
            return Err(place(
                s.line,
                column,
                wording::again("the respondent", first),
            ));
        }
        self.respondent_line = Some(s.line);
        let mut who = Respondent::default();
        let single = &mut self.places.single;
        single.push(("respondent", (s.line, column)));
        let mut seen = 0;
        while let Some(key) = option(s, &["code", "role", "date"], &mut seen)? {
            let (value, at) = match key {
                "code" => s.id("an anonymous code")?,
                "role" => s.text("a role in double quotes")?,
                _ => s.id("a date written YYYY-MM-DD")?,
            };
            let (field, path) = match key {
                "code" => (&mut who.code, "respondent.code"),
                "role" => (&mut who.role, "respondent.role"),
                _ => (&mut who.date, "respondent.date"),
            };
            *field = Some(value);
            single.push((path, (s.line, at)));
        }
        self.model.respondent = Some(who);
        Ok(())
    }

    /// `response ID [role "TEXT"] [date DATE]`: one respondent's scores, on
    /// the `cell` lines that follow.
    pub(super) fn response(&mut self, s: &mut Statement, at: (usize, usize)) -> Step<()> {
        let (respondent, who_at) = s.id("the respondent's name or code")?;
        let mut r = Response {
            respondent,
            role: None,
            date: None,
            scores: Vec::new(),
        };
        let mut fields = vec![("respondent", who_at)];
        let mut seen = 0;
        while let Some(key) = option(s, &["role", "date"], &mut seen)? {
            let (value, at) = match key {
                "role" => s.text("a role in double quotes")?,
                _ => s.id("a date written YYYY-MM-DD")?,
            };
            *(if key == "role" {
                &mut r.role
            } else {
                &mut r.date
            }) = Some(value);
            fields.push((key, at));
        }
        self.block = Some((0, self.model.responses.len()));
        self.model.responses.push(r);
        self.places.cells[0].push(Vec::new());
        self.placed(RESPONSES, at, fields);
        Ok(())
    }

    /// `snapshot DATE`: the scores on a date, on the `cell` lines that follow.
    pub(super) fn snapshot(&mut self, s: &mut Statement, at: (usize, usize)) -> Step<()> {
        let (date, date_at) = s.id("a date written YYYY-MM-DD")?;
        self.block = Some((1, self.model.history.len()));
        self.model.history.push(Snapshot {
            date,
            scores: Vec::new(),
        });
        self.places.cells[1].push(Vec::new());
        self.placed(HISTORY, at, vec![("date", date_at)]);
        Ok(())
    }

    /// `cell PLAYER THEME CURRENT [-> TARGET] [unit ID]`: one cell's scores
    /// in the response or snapshot declared last above.
    pub(super) fn cell(&mut self, s: &mut Statement, at: (usize, usize)) -> Step<()> {
        let Some((block, index)) = self.block else {
            return Err(place(s.line, at.1, wording::cell_first()));
        };
        let (mut score, mut fields) = scores(s)?;
        let mut seen = 0;
        if option(s, &["unit"], &mut seen)?.is_some() {
            let (unit, unit_at) = s.id("a unit id")?;
            score.unit = Some(unit);
            fields.push(("unit", unit_at));
        }
        let list = match block {
            0 => &mut self.model.responses[index].scores,
            _ => &mut self.model.history[index].scores,
        };
        list.push(score);
        self.items += 1;
        self.places.cells[block][index].push(ItemAt {
            line: at.0,
            column: at.1,
            fields,
        });
        Ok(())
    }
}
