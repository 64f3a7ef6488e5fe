//! Wording shared by the sentences and the reports: numbers as people write
//! them, lists joined with "and", contributors with their headcount, scores
//! with their names on the scale.
//!
//! The writers append to any `fmt::Write` without going through `format!`:
//! sentences are written while serializing tens of thousands of findings,
//! where the general formatting machinery would cost more than the rest.

use crate::bidi::write_isolated;
use crate::decimal::write_fixed;
use std::collections::HashMap;
use std::fmt::{self, Write};

/// Writes a number as people write it: no trailing zeros, at most two
/// decimals, "?" when it is not a number, exponent form from 1e15 on.
pub(crate) fn write_num(out: &mut dyn Write, x: f64) -> fmt::Result {
    if !x.is_finite() {
        return out.write_char('?');
    }
    match crate::language::current() {
        None => write_fixed(out, x, 2),
        Some(_) => out.write_str(&crate::language::number(crate::decimal::fixed(x, 2))),
    }
}

/// A number as people write it (see [`write_num`]).
pub(crate) fn number(x: f64) -> String {
    let mut s = String::new();
    let _ = write_num(&mut s, x);
    s
}

pub(crate) use crate::validate::wording::Count;

/// Writes "A", "A and B", "A, B and C", each item isolated (they are
/// labels from the model; see [`crate::bidi`]).
pub(crate) fn write_and<S: AsRef<str>>(out: &mut dyn Write, items: &[S]) -> fmt::Result {
    let language = crate::language::current();
    let and = language
        .as_ref()
        .and_then(|l| l.text("list.and"))
        .unwrap_or(" and ");
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.write_str(if i + 1 == items.len() { and } else { ", " })?;
        }
        write_isolated(out, item.as_ref())?;
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
/// people)". A label that ends in brackets of its own takes the headcount
/// into them, "Partners (carriers; 24 people)", rather than a second pair.
pub(crate) fn write_contributor(
    out: &mut dyn Write,
    label: &str,
    headcount: Option<u64>,
) -> fmt::Result {
    let Some(n) = headcount else {
        return write_isolated(out, label);
    };
    let mut name = String::new();
    write_isolated(&mut name, label)?;
    let mut phrase = String::new();
    let language = crate::language::current();
    match &language {
        Some(language) => {
            let count = Count(n).to_string();
            match n {
                1 => language.fill(&mut phrase, "contributor.person", &[("label", &name)])?,
                _ => language.fill(
                    &mut phrase,
                    "contributor.people",
                    &[("label", &name), ("count", &count)],
                )?,
            }
        }
        None => match n {
            1 => write!(phrase, "{name} (1 person)")?,
            _ => write!(phrase, "{name} ({} people)", Count(n))?,
        },
    }
    // Both languages write "{label} (…)", so a label in brackets of its own
    // is followed by ") (" exactly where it ends. (An isolated label ends in
    // its isolate mark and keeps both pairs: brackets mirror in its text.)
    let join = name.len().saturating_sub(1);
    if name.ends_with(')')
        && phrase
            .get(join..)
            .is_some_and(|rest| rest.starts_with(") ("))
    {
        let separator = language
            .as_ref()
            .and_then(|l| l.text("contributor.inBrackets"));
        phrase.replace_range(join..join + 3, separator.unwrap_or("; "));
    }
    out.write_str(&phrase)
}

/// Writes a score, with its name on the scale when it has one: "1 (Ad hoc)".
pub(crate) fn write_score(out: &mut dyn Write, value: f64, name: Option<&str>) -> fmt::Result {
    write_num(out, value)?;
    if let Some(name) = name {
        out.write_str(" (")?;
        write_isolated(out, name)?;
        out.write_char(')')?;
    }
    Ok(())
}

/// Id → label, the first item with an id winning (ids repeat only in a
/// model that failed validation).
pub(crate) fn first_label<'a>(
    items: impl Iterator<Item = (&'a str, &'a str)>,
) -> HashMap<&'a str, &'a str> {
    let mut map = HashMap::new();
    for (id, label) in items {
        map.entry(id).or_insert(label);
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(number(2.0), "2");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(2.05), "2.05");
        assert_eq!(number(1.0 / 3.0), "0.33");
        assert_eq!(number(-1.25), "-1.25");
        assert_eq!(number(-0.001), "0");
        assert_eq!(number(123_456_789_012.345), "123456789012.35");
        assert_eq!(number(1e300), "1e300");
        assert_eq!(number(f64::NAN), "?");
        let t = |n| Count(n).to_string();
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
    fn contributors_and_scores() {
        let phrase = |label, headcount| {
            let mut s = String::new();
            write_contributor(&mut s, label, headcount).unwrap();
            s
        };
        assert_eq!(
            phrase("Gig workers", Some(1200)),
            "Gig workers (1,200 people)"
        );
        assert_eq!(phrase("Chief", Some(1)), "Chief (1 person)");
        assert_eq!(
            phrase("Strategic partners (carriers and brands)", Some(24)),
            "Strategic partners (carriers and brands; 24 people)"
        );
        assert_eq!(phrase("Crew (lead)", Some(1)), "Crew (lead; 1 person)");
        assert_eq!(phrase("(Interim)", None), "(Interim)");
        crate::language::set(Some(
            crate::language::Language::from_json(include_str!("../../www/i18n/core-fr.json"))
                .unwrap(),
        ));
        let french = phrase("Partenaires (transporteurs)", Some(24));
        crate::language::set(None);
        assert_eq!(french, "Partenaires (transporteurs ; 24 personnes)");
        assert_eq!(phrase("Partners", None), "Partners");
        let score = |v, name| {
            let mut s = String::new();
            write_score(&mut s, v, name).unwrap();
            s
        };
        assert_eq!(score(1.0, Some("Ad hoc")), "1 (Ad hoc)");
        assert_eq!(score(2.5, None), "2.5");
    }
}
