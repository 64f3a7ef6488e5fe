//! The Markdown reports a manager reads: the analysis of one model, and the
//! comparison of a scenario with its baseline.
//!
//! Every label, name and sentence that carries model text goes through
//! [`escape_markdown`], so a label cannot turn into a link, an image, HTML,
//! a table cell or a heading in the rendered report; labels and names are
//! also isolated ([`crate::bidi`]) so that right-to-left text or a stray
//! override cannot reorder the line around them (the sentences isolate the
//! labels they hold themselves).
//!
//! The words both share are here; the analysis report is in `analysis`, the
//! comparison in `comparison`.

mod analysis;
mod comparison;
#[cfg(test)]
mod tests;

pub use analysis::analysis_markdown;
pub use comparison::comparison_markdown;

use super::compare::{CellValue, Delta};
use super::wording::{first_label, number, Count};
use super::{Analysis, Comparison, Finding, Kind};
use crate::decimal::whole_percent;
use crate::model::Model;
use crate::scores::cell_scores;
use std::collections::HashMap;
use std::fmt::Write;

/// How many findings a section lists before pointing to the JSON output.
const SECTION_LIMIT: usize = 50;
/// How many findings "Top priorities" lists.
const TOP: usize = 5;

/// Makes untrusted text inert in Markdown (CommonMark and GitHub's
/// extensions): backslash-escapes the characters that start links, images,
/// HTML, entities, code, emphasis, tables, headings, maths and autolinks
/// (`:` for `scheme:`, `@` for e-mail, the dot of `www.`), and turns line
/// breaks and other control characters into spaces so the text stays on its
/// line.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for ch in text.chars() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '!' | '|' | '~' | '$' | ':'
            | '@' | '{' | '}' | '#' | '^' => {
                out.push('\\');
                out.push(ch);
            }
            '.' if out.len() >= 3
                && out.as_bytes()[out.len() - 3..].eq_ignore_ascii_case(b"www") =>
            {
                out.push_str("\\.")
            }
            '\u{2028}' | '\u{2029}' => out.push(' '),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A label or name as the report shows it: escaped, then isolated.
pub(crate) fn md_label(text: &str) -> String {
    crate::bidi::isolate(&escape_markdown(text)).into_owned()
}

/// "2 owners", "the scale": one kind of change a scenario makes, counted.
fn change_count(c: &super::ChangeCount) -> String {
    let (one, other) = match c.kind {
        "scores" => ("{count} score", "{count} scores"),
        "owners" => ("{count} owner", "{count} owners"),
        "contributors" => ("{count} contributor", "{count} contributors"),
        "systems" => ("{count} system", "{count} systems"),
        "links" => ("{count} system link", "{count} system links"),
        "units" => ("{count} unit", "{count} units"),
        "name" => ("the name", "the name"),
        "framework" => ("the framework", "the framework"),
        _ => ("the scale", "the scale"),
    };
    say_count(
        &format!("compare.change.{}", c.kind),
        c.count,
        &[],
        one,
        other,
    )
}

/// One of the report's fixed words or sentences: `english` (a template of
/// `args`), or in another language the template of `key` in the core's
/// catalogue (`report.*`, the comparison's own `compare.*`, and the
/// exported document's `exportdoc.*` where the words are the same).
fn say(key: &str, args: &[(&str, &str)], english: &str) -> String {
    crate::language::say_template(key, args, english)
}

/// The singular or plural template of `key` (`.one` or `.other`) for a
/// count, filled with the count (thousands grouped) as `{count}`.
pub(crate) fn say_count(
    key: &str,
    n: usize,
    args: &[(&str, &str)],
    one: &str,
    many: &str,
) -> String {
    let count = Count(n as u64).to_string();
    let mut all = vec![("count", count.as_str())];
    all.extend_from_slice(args);
    let (suffix, english) = if crate::language::plural_one(n as f64) {
        ("one", one)
    } else {
        ("other", many)
    };
    say(&format!("{key}.{suffix}"), &all, english)
}

/// "…and N more" after a list that shows its first `shown` of `total`
/// items (nothing when it shows them all), N grouped by thousands.
fn and_more(key: &str, total: usize, shown: usize, english: &str) -> Option<String> {
    let count = Count(total.checked_sub(shown).filter(|&n| n > 0)? as u64).to_string();
    Some(say(key, &[("count", &count)], english))
}

pub(crate) fn percent(x: Option<f64>) -> String {
    match x {
        Some(x) => crate::language::percent(&whole_percent(x)),
        None => say("exportdoc.notAssessed", &[], "not assessed"),
    }
}

/// What one finding of `kind` is called, as the exported document says it.
fn kind_name(kind: Kind) -> String {
    say(
        &format!("exportdoc.kind.{}", kind.as_str()),
        &[],
        kind.name(),
    )
}

/// "(severity 2.5)" before a finding's sentence.
fn severity(x: f64) -> String {
    say(
        "report.severity",
        &[("value", &number(x))],
        "(severity {value})",
    )
}

fn finding_line(out: &mut String, f: &Finding, with_kind: bool) {
    let _ = write!(out, "- ");
    if with_kind {
        let _ = write!(out, "**{}** ", kind_name(f.kind));
    }
    let _ = writeln!(
        out,
        "{} {}",
        severity(f.severity),
        escape_markdown(&f.explanation())
    );
}

/// The report's heading; `name` is escaped and isolated already.
pub(crate) fn title(prefix: &str, name: &str) -> String {
    if name.trim().is_empty() {
        format!("# {prefix}\n\n")
    } else {
        format!("# {prefix} — {name}\n\n")
    }
}

fn readiness_table(out: &mut String, heading: &str, column: &str, rows: &[(String, Option<f64>)]) {
    let readiness = say("report.readinessColumn", &[], "Readiness");
    let _ = writeln!(
        out,
        "### {heading}\n\n| {column} | {readiness} |\n|---|---:|"
    );
    for (label, value) in rows {
        let _ = writeln!(out, "| {} | {} |", md_label(label), percent(*value));
    }
    out.push('\n');
}

/// After a section that lists the first [`SECTION_LIMIT`] of `listed`
/// items: how many more there are, and where to find them all.
fn more_in_json(out: &mut String, listed: usize) {
    if let Some(more) = and_more(
        "report.more",
        listed,
        SECTION_LIMIT,
        "…and {count} more; `wfe analyze --format json` lists them all.",
    ) {
        let _ = writeln!(out, "\n{more}");
    }
}

/// What a group of findings of `kind` is called in the report.
fn kind_title(kind: Kind) -> String {
    say(&format!("report.kind.{}", kind.as_str()), &[], kind.title())
}
