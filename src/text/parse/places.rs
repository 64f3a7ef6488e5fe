//! Where each part of the model was written, so that a problem the
//! validator gives at a JSON path is shown at its line and column.

/// Where each part of the model was written, found by the JSON path the
/// validator gives a problem: (line, column), 1-based. Kept per item rather
/// than as a string per path, which for 100,000 lines would be half a
/// million strings.
#[derive(Default)]
pub(in crate::text) struct Places {
    /// Per list (its path, `assessments`, `framework.players`…), per item:
    /// its line, its keyword's column and its fields' columns.
    lists: Vec<(&'static str, Vec<ItemAt>)>,
    /// `name`, `scale`, `scale.min`, `scale.max`.
    pub(super) single: Vec<(&'static str, (usize, usize))>,
    /// `scale.labels[i]`
    pub(super) labels: Vec<(usize, usize)>,
    /// `systems[i].contributors[j]`
    pub(super) tracked: Vec<Vec<(usize, usize)>>,
    /// `responses[i].scores[j]` and `history[i].scores[j]`: the `cell`
    /// lines of each response and snapshot.
    pub(super) cells: [Vec<Vec<ItemAt>>; 2],
}

pub(super) struct ItemAt {
    pub(super) line: usize,
    pub(super) column: usize,
    pub(super) fields: Vec<(&'static str, usize)>,
}

impl ItemAt {
    /// The place of one of the item's fields, if it was written.
    fn field(&self, field: Option<&str>) -> Option<(usize, usize)> {
        let field = field?;
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, c)| (self.line, *c))
    }

    /// The place of a field, or of the item's line when the field was left
    /// out (a score's missing unit is its cell line's problem).
    fn place(&self, field: Option<&str>) -> (usize, usize) {
        self.field(field).unwrap_or((self.line, self.column))
    }
}

impl Places {
    pub(super) fn list(&mut self, list: &'static str) -> &mut Vec<ItemAt> {
        let i = match self.lists.iter().position(|(l, _)| *l == list) {
            Some(i) => i,
            None => {
                self.lists.push((list, Vec::new()));
                self.lists.len() - 1
            }
        };
        &mut self.lists[i].1
    }

    /// The place of exactly `path`, if it was written.
    pub(in crate::text) fn at(&self, path: &str) -> Option<(usize, usize)> {
        use crate::validate::path::{split, Seg};
        let segs = split(path)?;
        let key = |i: usize| match segs.get(i) {
            Some(Seg::Key(k)) => Some(k.as_str()),
            _ => None,
        };
        let index = |i: usize| match segs.get(i) {
            Some(Seg::Index(n)) => Some(*n),
            _ => None,
        };
        // `framework.players[…]` is one list path of two keys.
        let (list, rest) = match (key(0), key(1)) {
            (Some("framework"), Some(k)) => (format!("framework.{k}"), 2),
            (Some(k), _) => (k.to_string(), 1),
            _ => return None,
        };
        if list == "scale.labels" || (list == "scale" && key(1) == Some("labels")) {
            return match index(2) {
                Some(i) => self.labels.get(i).copied(),
                None => self.labels.first().copied(),
            };
        }
        if let (true, Some(j)) = (
            list == "systems" && key(2) == Some("contributors"),
            index(3),
        ) {
            return self.tracked.get(index(1)?)?.get(j).copied();
        }
        let block = [RESPONSES, HISTORY].iter().position(|b| *b == list);
        if let (Some(b), Some("scores")) = (block, key(2)) {
            let cells = self.cells[b].get(index(1)?)?;
            let Some(item) = index(3).and_then(|j| cells.get(j)) else {
                // the list itself, or a cell that was not written: the
                // response's or snapshot's own line
                let i = index(1)?;
                let items = &self.lists.iter().find(|(l, _)| *l == list)?.1;
                return items.get(i).map(|x| (x.line, x.column));
            };
            return Some(item.place(key(4)));
        }
        if let Some((_, items)) = self.lists.iter().find(|(l, _)| *l == list) {
            let Some(i) = index(rest) else {
                // the list itself: its first item, when nothing more is asked
                return (segs.len() == rest).then(|| items.first().map(|x| (x.line, x.column)))?;
            };
            let item = items.get(i)?;
            return match key(rest + 1) {
                None => Some((item.line, item.column)),
                field => item.field(field),
            };
        }
        if list == "framework" && segs.len() == 1 {
            // the framework: its first player or theme line
            return self
                .lists
                .iter()
                .filter(|(l, _)| l.starts_with("framework."))
                .filter_map(|(_, items)| items.first().map(|x| (x.line, x.column)))
                .min();
        }
        let whole = match segs.len() {
            1 => list,
            _ => format!("{list}.{}", key(1)?),
        };
        self.single
            .iter()
            .find(|(p, _)| *p == whole)
            .map(|(_, at)| *at)
    }
}

/// The framework's lists, as paths.
pub(super) const PLAYERS: &str = "framework.players";
pub(super) const THEMES: &str = "framework.themes";
/// The lists whose items hold `cell` lines, in the order of `Places::cells`.
pub(super) const RESPONSES: &str = "responses";
pub(super) const HISTORY: &str = "history";
