//! Wording shared by the sentences and the reports: numbers as people write
//! them, lists joined with "and", and the labels of ids. The pieces are
//! appended straight to the sentence being written, because analysing a large
//! model writes tens of thousands of sentences, and intermediate `String`s or
//! the general `format!` machinery would cost several times the rest of the
//! analysis.

use super::{FastMap, Id};
use crate::model::{Contributor, Model, Scale};
use std::fmt::{self, Display, Write};

/// Appends the digits of `n`, with a comma every three when `grouped`.
fn push_uint(out: &mut String, n: u64, grouped: bool) {
    let mut buf = [0u8; 20];
    let mut n = n;
    let mut len = 0;
    loop {
        buf[len] = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for i in (0..len).rev() {
        out.push(buf[i] as char);
        if grouped && i > 0 && i % 3 == 0 {
            out.push(',');
        }
    }
}

/// Appends a number as people write it: no trailing zeros, at most two
/// decimals.
pub(crate) fn push_num(out: &mut String, x: f64) {
    if !x.is_finite() {
        out.push('?');
        return;
    }
    let cents = (x * 100.0).round();
    if cents.abs() >= 1e17 {
        let _ = write!(out, "{x:.0}");
        return;
    }
    let c = cents as i64;
    if c < 0 {
        out.push('-');
    }
    let c = c.unsigned_abs();
    push_uint(out, c / 100, false);
    let d = c % 100;
    if d != 0 {
        out.push('.');
        out.push((b'0' + (d / 10) as u8) as char);
        if d % 10 != 0 {
            out.push((b'0' + (d % 10) as u8) as char);
        }
    }
}

/// A number as people write it (see [`push_num`]).
pub(crate) fn number(x: f64) -> String {
    let mut s = String::new();
    push_num(&mut s, x);
    s
}

/// 1234567 → "1,234,567".
pub(crate) struct Thousands(pub u64);

impl Display for Thousands {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::new();
        push_uint(&mut s, self.0, true);
        f.write_str(&s)
    }
}

/// Appends "A", "A and B", "A, B and C".
pub(crate) fn push_and<S: AsRef<str>>(out: &mut String, items: &[S]) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == items.len() { " and " } else { ", " });
        }
        out.push_str(item.as_ref());
    }
}

/// "A", "A and B", "A, B and C" as a `String`.
#[cfg(test)]
pub(crate) fn join_and<S: AsRef<str>>(items: &[S]) -> String {
    let mut out = String::new();
    push_and(&mut out, items);
    out
}

/// Appends a contributor's label with its headcount: "Gig workers (1,200
/// people)"; an unknown contributor's id.
pub(crate) fn push_contributor(out: &mut String, id: &str, contributor: Option<&Contributor>) {
    match contributor {
        None => out.push_str(id),
        Some(c) => {
            out.push_str(&c.label);
            match c.headcount {
                None => {}
                Some(1) => out.push_str(" (1 person)"),
                Some(n) => {
                    out.push_str(" (");
                    push_uint(out, n, true);
                    out.push_str(" people)");
                }
            }
        }
    }
}

/// Appends a score with the scale's name for it when it sits on a named
/// step: "1 (Ad hoc)".
pub(crate) fn push_score(out: &mut String, value: f64, scale: &Scale) {
    push_num(out, value);
    let step = value - scale.min;
    let name = (step >= 0.0 && step.fract() == 0.0 && step < scale.labels.len() as f64)
        .then(|| scale.labels.get(step as usize))
        .flatten()
        .filter(|l| !l.trim().is_empty());
    if let Some(l) = name {
        out.push_str(" (");
        out.push_str(l);
        out.push(')');
    }
}

/// An id of the model with its label.
pub(crate) struct Name<'b> {
    pub id: Id,
    pub label: &'b str,
}

struct Entry<'a> {
    id: Id,
    label: &'a str,
}

fn entries<'a>(items: impl Iterator<Item = (&'a str, &'a str)>) -> FastMap<&'a str, Entry<'a>> {
    let mut map = FastMap::default();
    for (id, label) in items {
        map.entry(id).or_insert_with(|| Entry {
            id: Id::from(id),
            label,
        });
    }
    map
}

/// The ids and labels of a model, each id allocated once and shared by every
/// finding that names it. An unknown id (only in a model that failed
/// validation) stands for itself; where an id repeats, its first item counts.
pub(crate) struct Labels<'a> {
    scale: &'a Scale,
    players: FastMap<&'a str, Entry<'a>>,
    themes: FastMap<&'a str, Entry<'a>>,
    units: FastMap<&'a str, Entry<'a>>,
    systems: FastMap<&'a str, Entry<'a>>,
    contributors: FastMap<&'a str, (Id, &'a Contributor)>,
}

/// Id → label, the first item winning.
pub(crate) fn first_label<'a>(
    items: impl Iterator<Item = (&'a str, &'a str)>,
) -> FastMap<&'a str, &'a str> {
    let mut map = FastMap::default();
    for (id, label) in items {
        map.entry(id).or_insert(label);
    }
    map
}

fn find<'a: 'b, 'b>(map: &FastMap<&'a str, Entry<'a>>, id: &'b str) -> Name<'b> {
    match map.get(id) {
        Some(e) => Name {
            id: e.id.clone(),
            label: e.label,
        },
        None => Name {
            id: Id::from(id),
            label: id,
        },
    }
}

fn label<'a: 'b, 'b>(map: &FastMap<&'a str, Entry<'a>>, id: &'b str) -> &'b str {
    map.get(id).map_or(id, |e| e.label)
}

impl<'a> Labels<'a> {
    pub fn new(model: &'a Model) -> Labels<'a> {
        let fw = &model.framework;
        let mut contributors = FastMap::default();
        contributors.reserve(model.contributors.len());
        for c in &model.contributors {
            contributors
                .entry(c.id.as_str())
                .or_insert_with(|| (Id::from(c.id.as_str()), c));
        }
        Labels {
            scale: &model.scale,
            players: entries(fw.players.iter().map(|i| (i.id.as_str(), i.label.as_str()))),
            themes: entries(fw.themes.iter().map(|i| (i.id.as_str(), i.label.as_str()))),
            units: entries(
                model
                    .units
                    .iter()
                    .map(|i| (i.id.as_str(), i.label.as_str())),
            ),
            systems: entries(
                model
                    .systems
                    .iter()
                    .map(|s| (s.id.as_str(), s.label.as_str())),
            ),
            contributors,
        }
    }

    pub fn player<'b>(&self, id: &'b str) -> Name<'b>
    where
        'a: 'b,
    {
        find(&self.players, id)
    }

    pub fn theme<'b>(&self, id: &'b str) -> Name<'b>
    where
        'a: 'b,
    {
        find(&self.themes, id)
    }

    pub fn unit<'b>(&self, id: &'b str) -> Name<'b>
    where
        'a: 'b,
    {
        find(&self.units, id)
    }

    pub fn system<'b>(&self, id: &'b str) -> Name<'b>
    where
        'a: 'b,
    {
        find(&self.systems, id)
    }

    pub fn player_label<'b>(&self, id: &'b str) -> &'b str
    where
        'a: 'b,
    {
        label(&self.players, id)
    }

    pub fn system_label<'b>(&self, id: &'b str) -> &'b str
    where
        'a: 'b,
    {
        label(&self.systems, id)
    }

    pub fn contributor(&self, id: &str) -> Option<&'a Contributor> {
        self.contributors.get(id).map(|e| e.1)
    }

    pub fn contributor_id(&self, id: &str) -> Id {
        self.contributors
            .get(id)
            .map_or_else(|| Id::from(id), |e| e.0.clone())
    }

    /// The contributor's label (its id when unknown).
    pub fn contributor_label<'b>(&self, id: &'b str) -> &'b str
    where
        'a: 'b,
    {
        self.contributor(id).map_or(id, |c| c.label.as_str())
    }

    /// Appends the contributor's label and headcount (see
    /// [`push_contributor`]).
    pub fn push_contributor(&self, out: &mut String, id: &str) {
        push_contributor(out, id, self.contributor(id));
    }

    /// Appends a score and its name on the scale (see [`push_score`]).
    pub fn push_score(&self, out: &mut String, value: f64) {
        push_score(out, value, self.scale);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ContributorKind;

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(number(2.0), "2");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(2.05), "2.05");
        assert_eq!(number(1.0 / 3.0), "0.33");
        assert_eq!(number(-1.25), "-1.25");
        assert_eq!(number(-0.001), "0");
        assert_eq!(number(1e300), format!("{:.0}", 1e300));
        assert_eq!(number(f64::NAN), "?");
        let t = |n| Thousands(n).to_string();
        assert_eq!(t(0), "0");
        assert_eq!(t(999), "999");
        assert_eq!(t(1000), "1,000");
        assert_eq!(t(1234567), "1,234,567");
        assert_eq!(t(u64::MAX), "18,446,744,073,709,551,615");
        assert_eq!(join_and::<&str>(&[]), "");
        assert_eq!(join_and(&["A"]), "A");
        assert_eq!(join_and(&["A", "B"]), "A and B");
        assert_eq!(join_and(&["A", "B", "C"]), "A, B and C");
    }

    #[test]
    fn labels_fall_back_to_ids_and_name_scale_steps() {
        let mut m = Model::empty("t");
        m.contributors = vec![
            Contributor {
                id: "gig".into(),
                label: "Gig workers".into(),
                kind: ContributorKind::External,
                headcount: Some(1200),
            },
            Contributor {
                id: "ceo".into(),
                label: "Chief".into(),
                kind: ContributorKind::Internal,
                headcount: Some(1),
            },
        ];
        let l = Labels::new(&m);
        assert_eq!(l.player("hr").label, "HR");
        assert_eq!(l.player("hr").id, "hr");
        assert_eq!(l.player_label("ghost"), "ghost");
        assert_eq!(l.player("ghost").id, "ghost");
        assert_eq!(l.theme("integration").label, "Integration architectures");
        assert_eq!(l.contributor_id("gig"), "gig");
        let phrase = |id| {
            let mut s = String::new();
            l.push_contributor(&mut s, id);
            s
        };
        assert_eq!(phrase("gig"), "Gig workers (1,200 people)");
        assert_eq!(phrase("ceo"), "Chief (1 person)");
        assert_eq!(phrase("nobody"), "nobody");
        let score = |v| {
            let mut s = String::new();
            l.push_score(&mut s, v);
            s
        };
        assert_eq!(score(1.0), "1 (Ad hoc)");
        assert_eq!(score(2.5), "2.5");
        assert_eq!(score(9.0), "9");
        assert_eq!(score(-1.0), "-1");
    }
}
