//! Wording shared by the sentences and the reports — numbers as people write
//! them, lists joined with "and" — and [`Labels`], which hands out the
//! model's ids and labels as shared [`Text`].
//!
//! The writers append to any `fmt::Write` without going through `format!`:
//! sentences are written while serializing tens of thousands of findings,
//! where the general formatting machinery would cost more than the rest.

use super::finding::{ContributorRef, Named};
use super::{FastMap, Text};
use crate::model::{Contributor, Model};
use std::cell::OnceCell;
use std::fmt::{self, Display, Write};

/// Writes the digits of `n`, with a comma every three when `grouped`.
pub(crate) fn write_uint<W: Write>(out: &mut W, n: u64, grouped: bool) -> fmt::Result {
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
        out.write_char(buf[i] as char)?;
        if grouped && i > 0 && i % 3 == 0 {
            out.write_char(',')?;
        }
    }
    Ok(())
}

/// Writes a number as people write it: no trailing zeros, at most two
/// decimals.
pub(crate) fn write_num<W: Write>(out: &mut W, x: f64) -> fmt::Result {
    if !x.is_finite() {
        return out.write_char('?');
    }
    let cents = (x * 100.0).round();
    if cents.abs() >= 1e17 {
        return write!(out, "{x:.0}");
    }
    let c = cents as i64;
    if c < 0 {
        out.write_char('-')?;
    }
    let c = c.unsigned_abs();
    write_uint(out, c / 100, false)?;
    let d = c % 100;
    if d != 0 {
        out.write_char('.')?;
        out.write_char((b'0' + (d / 10) as u8) as char)?;
        if d % 10 != 0 {
            out.write_char((b'0' + (d % 10) as u8) as char)?;
        }
    }
    Ok(())
}

/// A number as people write it (see [`write_num`]).
pub(crate) fn number(x: f64) -> String {
    let mut s = String::new();
    let _ = write_num(&mut s, x);
    s
}

/// 1234567 → "1,234,567".
pub(crate) struct Thousands(pub u64);

impl Display for Thousands {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_uint(f, self.0, true)
    }
}

/// Writes "A", "A and B", "A, B and C".
pub(crate) fn write_and<W: Write, S: AsRef<str>>(out: &mut W, items: &[S]) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.write_str(if i + 1 == items.len() { " and " } else { ", " })?;
        }
        out.write_str(item.as_ref())?;
    }
    Ok(())
}

/// "A", "A and B", "A, B and C" as a `String`.
#[cfg(test)]
pub(crate) fn join_and<S: AsRef<str>>(items: &[S]) -> String {
    let mut out = String::new();
    let _ = write_and(&mut out, items);
    out
}

/// Writes a contributor's label with its headcount: "Gig workers (1,200
/// people)".
pub(crate) fn write_contributor<W: Write>(out: &mut W, c: &ContributorRef) -> fmt::Result {
    out.write_str(&c.label)?;
    match c.headcount {
        None => Ok(()),
        Some(1) => out.write_str(" (1 person)"),
        Some(n) => {
            out.write_str(" (")?;
            write_uint(out, n, true)?;
            out.write_str(" people)")
        }
    }
}

/// Writes a score, with its name on the scale when it has one: "1 (Ad hoc)".
pub(crate) fn write_score<W: Write>(out: &mut W, value: f64, name: Option<&Text>) -> fmt::Result {
    write_num(out, value)?;
    if let Some(name) = name {
        out.write_str(" (")?;
        out.write_str(name)?;
        out.write_char(')')?;
    }
    Ok(())
}

/// One item's id, allocated up front, and its label, allocated the first
/// time a finding names it.
struct Entry<'a> {
    id: Text,
    label: &'a str,
    shared_label: OnceCell<Text>,
}

impl<'a> Entry<'a> {
    fn new(id: &str, label: &'a str) -> Entry<'a> {
        Entry {
            id: Text::from(id),
            label,
            shared_label: OnceCell::new(),
        }
    }

    fn named(&self) -> Named {
        Named {
            id: self.id.clone(),
            label: self
                .shared_label
                .get_or_init(|| Text::from(self.label))
                .clone(),
        }
    }
}

fn entries<'a>(items: impl Iterator<Item = (&'a str, &'a str)>) -> FastMap<&'a str, Entry<'a>> {
    let mut map = FastMap::default();
    for (id, label) in items {
        map.entry(id).or_insert_with(|| Entry::new(id, label));
    }
    map
}

/// The model's ids and labels as shared [`Text`]. An unknown id (only in a
/// model that failed validation) stands for itself; where an id repeats, its
/// first item counts.
pub(crate) struct Labels<'a> {
    players: FastMap<&'a str, Entry<'a>>,
    themes: FastMap<&'a str, Entry<'a>>,
    units: FastMap<&'a str, Entry<'a>>,
    systems: FastMap<&'a str, Entry<'a>>,
    contributors: FastMap<&'a str, (Entry<'a>, &'a Contributor)>,
    /// The scale's name for each whole step from its minimum.
    steps: Vec<Option<Text>>,
    min: f64,
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

fn unknown(id: &str) -> Named {
    let id = Text::from(id);
    Named {
        label: id.clone(),
        id,
    }
}

impl<'a> Labels<'a> {
    pub fn new(model: &'a Model) -> Labels<'a> {
        let fw = &model.framework;
        let mut contributors = FastMap::default();
        contributors.reserve(model.contributors.len());
        for c in &model.contributors {
            contributors
                .entry(c.id.as_str())
                .or_insert_with(|| (Entry::new(&c.id, &c.label), c));
        }
        Labels {
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
            steps: model
                .scale
                .labels
                .iter()
                .map(|l| (!l.trim().is_empty()).then(|| Text::from(l.as_str())))
                .collect(),
            min: model.scale.min,
        }
    }

    fn named(map: &FastMap<&'a str, Entry<'a>>, id: &str) -> Named {
        map.get(id).map_or_else(|| unknown(id), Entry::named)
    }

    fn id(map: &FastMap<&'a str, Entry<'a>>, id: &str) -> Text {
        map.get(id).map_or_else(|| Text::from(id), |e| e.id.clone())
    }

    fn label<'b>(map: &FastMap<&'a str, Entry<'a>>, id: &'b str) -> &'b str
    where
        'a: 'b,
    {
        map.get(id).map_or(id, |e| e.label)
    }

    pub fn player(&self, id: &str) -> Named {
        Self::named(&self.players, id)
    }

    pub fn theme(&self, id: &str) -> Named {
        Self::named(&self.themes, id)
    }

    pub fn unit(&self, id: &str) -> Named {
        Self::named(&self.units, id)
    }

    pub fn system(&self, id: &str) -> Named {
        Self::named(&self.systems, id)
    }

    pub fn player_id(&self, id: &str) -> Text {
        Self::id(&self.players, id)
    }

    pub fn theme_id(&self, id: &str) -> Text {
        Self::id(&self.themes, id)
    }

    pub fn unit_id(&self, id: &str) -> Text {
        Self::id(&self.units, id)
    }

    pub fn system_id(&self, id: &str) -> Text {
        Self::id(&self.systems, id)
    }

    pub fn system_label<'b>(&self, id: &'b str) -> &'b str
    where
        'a: 'b,
    {
        Self::label(&self.systems, id)
    }

    pub fn headcount(&self, id: &str) -> Option<u64> {
        self.contributors.get(id).and_then(|e| e.1.headcount)
    }

    pub fn contributor_id(&self, id: &str) -> Text {
        self.contributors
            .get(id)
            .map_or_else(|| Text::from(id), |e| e.0.id.clone())
    }

    pub fn contributor(&self, id: &str) -> ContributorRef {
        match self.contributors.get(id) {
            Some((entry, c)) => {
                let Named { id, label } = entry.named();
                ContributorRef {
                    id,
                    label,
                    headcount: c.headcount,
                }
            }
            None => {
                let Named { id, label } = unknown(id);
                ContributorRef {
                    id,
                    label,
                    headcount: None,
                }
            }
        }
    }

    /// The scale's name for `value`, when it sits on a named whole step.
    pub fn step_name(&self, value: f64) -> Option<Text> {
        let step = value - self.min;
        if step >= 0.0 && step.fract() == 0.0 && step < self.steps.len() as f64 {
            self.steps.get(step as usize).cloned().flatten()
        } else {
            None
        }
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
        m.scale.labels[2] = " ".into();
        let l = Labels::new(&m);
        assert_eq!(l.player("hr").label, "HR");
        assert_eq!(l.player("hr").id, "hr");
        assert_eq!(l.system_label("ghost"), "ghost");
        assert_eq!(l.player("ghost").label, "ghost");
        assert_eq!(l.theme("integration").label, "Integration architectures");
        assert_eq!(l.contributor_id("gig"), "gig");
        assert_eq!(l.headcount("gig"), Some(1200));
        let phrase = |id| {
            let mut s = String::new();
            write_contributor(&mut s, &l.contributor(id)).unwrap();
            s
        };
        assert_eq!(phrase("gig"), "Gig workers (1,200 people)");
        assert_eq!(phrase("ceo"), "Chief (1 person)");
        assert_eq!(phrase("nobody"), "nobody");
        let score = |v| {
            let mut s = String::new();
            write_score(&mut s, v, l.step_name(v).as_ref()).unwrap();
            s
        };
        assert_eq!(score(1.0), "1 (Ad hoc)");
        assert_eq!(score(2.0), "2", "a blank step name is no name");
        assert_eq!(score(2.5), "2.5");
        assert_eq!(score(9.0), "9");
        assert_eq!(score(-1.0), "-1");
    }

    #[test]
    fn a_label_is_shared_once_named() {
        let m = Model::empty("t");
        let l = Labels::new(&m);
        let (a, b) = (l.player("hr"), l.player("hr"));
        assert!(std::ptr::eq(a.label.as_str(), b.label.as_str()));
    }
}
