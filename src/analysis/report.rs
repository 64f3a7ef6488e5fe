//! The Markdown reports a manager reads: the analysis of one model, and the
//! comparison of a scenario with its baseline.
//!
//! Every label, name and sentence that carries model text goes through
//! [`escape_markdown`], so a label cannot turn into a link, an image, HTML,
//! a table cell or a heading in the rendered report; labels and names are
//! also isolated ([`crate::bidi`]) so that right-to-left text or a stray
//! override cannot reorder the line around them (the sentences isolate the
//! labels they hold themselves).

use super::compare::{CellValue, Delta};
use super::wording::{first_label, number, Thousands};
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
    let count = Thousands(n as u64).to_string();
    let mut all = vec![("count", count.as_str())];
    all.extend_from_slice(args);
    let (suffix, english) = if n == 1 {
        ("one", one)
    } else {
        ("other", many)
    };
    say(&format!("{key}.{suffix}"), &all, english)
}

/// "…and N more" after a list that shows its first `shown` of `total`
/// items (nothing when it shows them all), N grouped by thousands.
fn and_more(key: &str, total: usize, shown: usize, english: &str) -> Option<String> {
    let count = Thousands(total.checked_sub(shown).filter(|&n| n > 0)? as u64).to_string();
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

/// The analysis of one model as a report: summary, top priorities, readiness
/// tables, one section per finding kind, and the systems graph.
pub fn analysis_markdown(model: &Model, analysis: &Analysis) -> String {
    // The standard names as the diagram and the findings say them.
    let shown = crate::language::localized(model);
    let model = &*shown;
    let heading = say("report.title", &[], "Workforce ecosystem analysis");
    let mut out = title(&heading, &md_label(model.name.trim()));
    let system_labels = first_label(
        model
            .systems
            .iter()
            .map(|s| (s.id.as_str(), s.label.as_str())),
    );
    let r = &analysis.readiness;
    let scale = &model.scale;

    let _ = writeln!(out, "## {}\n", say("report.summary", &[], "Summary"));
    let assessed = model.assessments.len();
    let (min, max) = (number(scale.min), number(scale.max));
    match r.overall {
        Some(x) => {
            let overall = say_count(
                "report.overall",
                assessed,
                &[("percent", &percent(Some(x))), ("min", &min), ("max", &max)],
                "Overall readiness is **{percent}**, the mean position of {count} assessed cell on the {min}–{max} scale.",
                "Overall readiness is **{percent}**, the mean position of {count} assessed cells on the {min}–{max} scale.",
            );
            let _ = writeln!(out, "{overall}\n");
        }
        None => {
            let none = say(
                "report.unassessed",
                &[],
                "Nothing is assessed yet, so there is no readiness figure.",
            );
            let _ = writeln!(out, "{none}\n");
        }
    }
    // Kind::ALL is in declaration order, so `kind as usize` indexes it.
    let mut counts = [0usize; Kind::ALL.len()];
    for f in &analysis.findings {
        counts[f.kind as usize] += 1;
    }
    let found = say_count(
        "report.found",
        analysis.findings.len(),
        &[],
        "The analysis found **{count}** finding.",
        "The analysis found **{count}** findings.",
    );
    let _ = writeln!(
        out,
        "{found}\n\n| {} | {} |\n|---|---:|",
        say("report.kindColumn", &[], "Kind"),
        say("report.countColumn", &[], "Count")
    );
    for (kind, n) in Kind::ALL.iter().zip(counts) {
        let _ = writeln!(out, "| {} | {} |", kind_title(*kind), Thousands(n as u64));
    }

    let _ = writeln!(out, "\n## {}\n", say("report.top", &[], "Top priorities"));
    if analysis.findings.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            say("report.nothingToAct", &[], "Nothing to act on.")
        );
    }
    for (i, f) in analysis.findings.iter().take(TOP).enumerate() {
        let _ = writeln!(
            out,
            "{}. **{}** {} {}",
            i + 1,
            kind_name(f.kind),
            severity(f.severity),
            escape_markdown(&f.explanation())
        );
    }

    let _ = writeln!(
        out,
        "\n## {}\n",
        say("exportdoc.readiness", &[], "Readiness")
    );
    let rows = |items: &[crate::model::Item], map: &super::ById<Option<f64>>| {
        items
            .iter()
            .map(|i| (i.label.clone(), map.get(i.id.as_str()).copied().flatten()))
            .collect::<Vec<_>>()
    };
    readiness_table(
        &mut out,
        &say("report.byTheme", &[], "By theme"),
        &say("report.theme", &[], "Theme"),
        &rows(&model.framework.themes, &r.themes),
    );
    readiness_table(
        &mut out,
        &say("report.byPlayer", &[], "By player"),
        &say("report.player", &[], "Player"),
        &rows(&model.framework.players, &r.players),
    );
    if !model.units.is_empty() {
        readiness_table(
            &mut out,
            &say("report.byUnit", &[], "By unit"),
            &say("report.unit", &[], "Unit"),
            &rows(&model.units, &r.units),
        );
    }
    cell_matrix(&mut out, model);

    for kind in Kind::ALL {
        let meaning = format!("report.meaning.{}", kind.as_str());
        let (heading, meaning) = (kind_title(kind), say(&meaning, &[], kind.meaning()));
        let _ = writeln!(out, "## {heading}\n\n{meaning}\n");
        let mut of_kind: Vec<&Finding> = Vec::new();
        for f in &analysis.findings {
            if f.kind == kind {
                of_kind.push(f);
            }
        }
        if of_kind.is_empty() {
            let _ = writeln!(out, "{}\n", say("report.noneFound", &[], "None found."));
            continue;
        }
        for f in of_kind.iter().take(SECTION_LIMIT) {
            finding_line(&mut out, f, false);
        }
        more_in_json(&mut out, of_kind.len());
        out.push('\n');
    }

    // Merged responses: where a mean hides people who see a cell apart.
    if !analysis.disagreements.is_empty() {
        let _ = writeln!(
            out,
            "## {}\n\n{}\n",
            say("report.disagreements", &[], "Disagreements"),
            say(
                "report.disagreementsIntro",
                &[],
                "Cells whose respondents are two scale steps apart or more: \
                 their mean hides the difference."
            )
        );
        for d in analysis.disagreements.iter().take(SECTION_LIMIT) {
            let spread = say(
                "report.spread",
                &[("value", &number(d.severity))],
                "(spread {value})",
            );
            let _ = writeln!(out, "- {spread} {}", escape_markdown(&d.explanation));
        }
        more_in_json(&mut out, analysis.disagreements.len());
        out.push('\n');
    }

    let _ = writeln!(out, "## {}\n", say("report.systems", &[], "Systems"));
    let s = &analysis.systems;
    if model.systems.is_empty() {
        let none = say("report.noSystems", &[], "The model lists no systems.");
        let _ = writeln!(out, "{none}");
    } else {
        let systems = say_count(
            "report.systemCount",
            model.systems.len(),
            &[],
            "{count} system",
            "{count} systems",
        );
        let groups = say_count(
            "report.groupCount",
            s.components,
            &[],
            "{count} connected group",
            "{count} connected groups",
        );
        let form = say(
            "report.systemsForm",
            &[("systems", &systems), ("groups", &groups)],
            "{systems} form {groups}:",
        );
        let _ = writeln!(out, "{form}\n");
        let groups = s.groups();
        for group in groups.iter().take(SECTION_LIMIT) {
            let mut names: Vec<String> = group
                .iter()
                .map(|&id| md_label(system_labels.get(id).copied().unwrap_or(id)))
                .collect();
            crate::order::sort(&mut names);
            out.push_str("- ");
            for (i, name) in names.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(name);
            }
            out.push('\n');
        }
        if let Some(more) = and_more(
            "report.moreGroups",
            groups.len(),
            SECTION_LIMIT,
            "…and {count} more",
        ) {
            let _ = writeln!(out, "- {more}");
        }
    }
    out
}

/// Theme × player table of current scores (mean over units), from the same
/// cell scores the diagram colours.
fn cell_matrix(out: &mut String, model: &Model) {
    let players = &model.framework.players;
    if players.is_empty() || model.framework.themes.is_empty() {
        return;
    }
    // Layout order: themes outermost first, then players clockwise.
    let scores = cell_scores(model, None);
    let (min, max) = (number(model.scale.min), number(model.scale.max));
    let _ = writeln!(
        out,
        "### {}\n\n{}\n",
        say("report.cells", &[], "Current score by cell"),
        say(
            "report.cellsNote",
            &[("min", &min), ("max", &max)],
            "Mean over units, on the {min}–{max} scale; – where nothing is assessed."
        )
    );
    let _ = write!(out, "| {} |", say("report.theme", &[], "Theme"));
    for p in players {
        let _ = write!(out, " {} |", md_label(&p.label));
    }
    out.push_str("\n|---|");
    out.push_str(&"---:|".repeat(players.len()));
    out.push('\n');
    for (ti, t) in model.framework.themes.iter().enumerate() {
        let _ = write!(out, "| {} |", md_label(&t.label));
        for pi in 0..players.len() {
            let v = scores.get(ti * players.len() + pi).and_then(|c| c.current);
            let _ = write!(out, " {} |", v.map_or("–".to_string(), number));
        }
        out.push('\n');
    }
    out.push('\n');
}

fn delta_cell(d: &Delta) -> String {
    match d.delta {
        Some(x) if x.abs() < 1e-9 => say("compare.noChange", &[], "no change"),
        // too small for one decimal, yet a change: "38% → 37%" beside "no
        // change" read as a contradiction
        Some(x) if x.abs() < 0.0005 && x < 0.0 => {
            say("compare.tinyDown", &[], "under 0.1 points down")
        }
        Some(x) if x.abs() < 0.0005 => say("compare.tinyUp", &[], "under 0.1 points up"),
        Some(x) => {
            // The page's rule (formatPoints): whole points from one up, as
            // the percentages beside them are whole; one decimal below.
            let raw = x * 100.0;
            let text = if raw.abs() < 0.95 {
                format!("{raw:+.1}")
            } else {
                format!("{:+.0}", raw.round())
            };
            // the minus sign, as the page writes it: a hyphen reads as a dash
            let value = crate::language::number(text).replacen('-', "\u{2212}", 1);
            let one = raw.abs() >= 0.95 && raw.abs().round() == 1.0;
            let (key, english) = if one {
                ("compare.points.one", "{value} point")
            } else {
                ("compare.points.other", "{value} points")
            };
            say(key, &[("value", &value)], english)
        }
        None => "–".into(),
    }
}

fn value_cell(v: Option<CellValue>) -> String {
    let Some(CellValue { current, target }) = v else {
        return say("exportdoc.notAssessed", &[], "not assessed");
    };
    let current = number(current);
    match target {
        Some(t) => say(
            "compare.target",
            &[("current", &current), ("target", &number(t))],
            "{current} (target {target})",
        ),
        None => say(
            "compare.noTarget",
            &[("current", &current)],
            "{current} (no target)",
        ),
    }
}

/// The comparison of a scenario with its baseline as a report: summary,
/// changed cells, readiness before and after, findings resolved and
/// introduced.
pub fn comparison_markdown(baseline: &Model, scenario: &Model, cmp: &Comparison) -> String {
    // The standard names as the diagram and the findings say them.
    let (shown_baseline, shown_scenario) = (
        crate::language::localized(baseline),
        crate::language::localized(scenario),
    );
    let (baseline, scenario) = (&*shown_baseline, &*shown_scenario);
    let name = match (baseline.name.trim(), scenario.name.trim()) {
        ("", "") => String::new(),
        (b, s) if b == s || s.is_empty() => md_label(b),
        ("", s) => md_label(s),
        (b, s) => format!("{} → {}", md_label(b), md_label(s)),
    };
    let heading = say("compare.title", &[], "Scenario comparison");
    let mut out = title(&heading, &name);
    // Labels and order from the scenario first, then the baseline for what
    // the scenario removed.
    let both = |f: fn(&Model) -> &[crate::model::Item]| {
        let items = || f(scenario).iter().chain(f(baseline));
        let labels = first_label(items().map(|i| (i.id.as_str(), i.label.as_str())));
        let mut order = HashMap::new();
        for (n, i) in items().enumerate() {
            order.entry(i.id.as_str()).or_insert(n);
        }
        (labels, order)
    };
    let themes = both(|m| &m.framework.themes);
    let players = both(|m| &m.framework.players);
    let units = both(|m| &m.units);
    let label = |map: &(HashMap<&str, &str>, HashMap<&str, usize>), id: &str| {
        md_label(map.0.get(id).copied().unwrap_or(id))
    };
    let (theme, player, unit) = (
        say("report.theme", &[], "Theme"),
        say("report.player", &[], "Player"),
        say("report.unit", &[], "Unit"),
    );
    let (before, after) = (
        say("compare.before", &[], "Before"),
        say("compare.after", &[], "After"),
    );

    let _ = writeln!(out, "## {}\n", say("report.summary", &[], "Summary"));
    let o = &cmp.readiness.overall;
    let overall = say(
        "compare.overall",
        &[
            ("before", &percent(o.before)),
            ("after", &percent(o.after)),
            ("change", &delta_cell(o)),
        ],
        "Overall readiness goes from **{before}** to **{after}** ({change}).",
    );
    let _ = writeln!(out, "{overall}\n");
    let changed = say_count(
        "compare.changed",
        cmp.changed_cells.len(),
        &[
            ("resolved", &Thousands(cmp.resolved.len() as u64).to_string()),
            ("introduced", &Thousands(cmp.introduced.len() as u64).to_string()),
            ("unchanged", &Thousands(cmp.unchanged as u64).to_string()),
        ],
        "{count} cell changed. Findings: **{resolved}** resolved, **{introduced}** introduced, {unchanged} unchanged.",
        "{count} cells changed. Findings: **{resolved}** resolved, **{introduced}** introduced, {unchanged} unchanged.",
    );
    let _ = writeln!(out, "{changed}\n");
    // Owners, systems and links changed resolve findings too: without them a
    // reader credits the scores alone.
    if !cmp.changes.is_empty() {
        let counts: Vec<String> = cmp.changes.iter().map(change_count).collect();
        let changes = counts.join(", ");
        let line = say(
            "compare.changes",
            &[("changes", &changes)],
            "What the scenario changes: {changes}.",
        );
        let _ = writeln!(out, "{line}\n");
    }

    let changed_cells = say("compare.changedCells", &[], "Changed cells");
    let _ = writeln!(out, "## {changed_cells}\n");
    if cmp.changed_cells.is_empty() {
        let none = say("compare.noScoreChanged", &[], "No score changed.");
        let _ = writeln!(out, "{none}\n");
    } else {
        let _ = writeln!(
            out,
            "| {theme} | {player} | {unit} | {before} | {after} |\n|---|---|---|---|---|"
        );
        let whole = say("compare.wholeOrganization", &[], "whole organization");
        for c in cmp.changed_cells.iter().take(SECTION_LIMIT * 4) {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                label(&themes, &c.theme),
                label(&players, &c.player),
                c.unit
                    .as_deref()
                    .map_or_else(|| whole.clone(), |u| label(&units, u)),
                value_cell(c.before),
                value_cell(c.after)
            );
        }
        if let Some(more) = and_more(
            "compare.moreCells",
            cmp.changed_cells.len(),
            SECTION_LIMIT * 4,
            "…and {count} more; `wfe compare --format json` lists them all.",
        ) {
            let _ = writeln!(out, "\n{more}");
        }
        out.push('\n');
    }

    let _ = writeln!(out, "## {}\n", say("exportdoc.readiness", &[], "Readiness"));
    let change = say("compare.change", &[], "Change");
    let table = |out: &mut String,
                 heading: &str,
                 column: &str,
                 map: &super::ById<Delta>,
                 items: &(HashMap<&str, &str>, HashMap<&str, usize>)| {
        let _ = writeln!(
            out,
            "### {heading}\n\n| {column} | {before} | {after} | {change} |\n|---|---:|---:|---:|"
        );
        // In the framework's (or the units') own order.
        let mut rows: Vec<(usize, &str, &Delta)> = map
            .iter()
            .map(|(id, d)| {
                (
                    items.1.get(id.as_str()).copied().unwrap_or(usize::MAX),
                    id.as_str(),
                    d,
                )
            })
            .collect();
        crate::order::sort_by_key(&mut rows, |&(at, id, _)| (at, id));
        for (_, id, d) in rows {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                label(items, id),
                percent(d.before),
                percent(d.after),
                delta_cell(d)
            );
        }
        out.push('\n');
    };
    table(
        &mut out,
        &say("report.byTheme", &[], "By theme"),
        &theme,
        &cmp.readiness.themes,
        &themes,
    );
    table(
        &mut out,
        &say("report.byPlayer", &[], "By player"),
        &player,
        &cmp.readiness.players,
        &players,
    );
    if !cmp.readiness.units.is_empty() {
        table(
            &mut out,
            &say("report.byUnit", &[], "By unit"),
            &unit,
            &cmp.readiness.units,
            &units,
        );
    }

    for (heading, list, none) in [
        (
            say("compare.resolved", &[], "Resolved findings"),
            &cmp.resolved,
            say(
                "compare.noneResolved",
                &[],
                "The scenario resolves no finding.",
            ),
        ),
        (
            say("compare.introduced", &[], "Introduced findings"),
            &cmp.introduced,
            say(
                "compare.noneIntroduced",
                &[],
                "The scenario introduces no finding.",
            ),
        ),
    ] {
        let _ = writeln!(out, "## {heading}\n");
        if list.is_empty() {
            let _ = writeln!(out, "{none}");
        }
        for f in list.iter().take(SECTION_LIMIT) {
            finding_line(&mut out, f, true);
        }
        if let Some(more) = and_more(
            "compare.moreFindings",
            list.len(),
            SECTION_LIMIT,
            "…and {count} more.",
        ) {
            let _ = writeln!(out, "\n{more}");
        }
        out.push('\n');
    }
    out
}

/// What a group of findings of `kind` is called in the report.
fn kind_title(kind: Kind) -> String {
    say(&format!("report.kind.{}", kind.as_str()), &[], kind.title())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, compare};
    use crate::model::{Assessment, Contributor, ContributorKind, Item, System};

    #[test]
    fn a_change_under_a_tenth_of_a_point_says_which_way() {
        let d = |before: f64, after: f64| {
            delta_cell(&crate::analysis::Delta {
                before: Some(before),
                after: Some(after),
                delta: Some(after - before),
            })
        };
        assert_eq!(d(0.3753, 0.3749), "under 0.1 points down");
        assert_eq!(d(0.3749, 0.3753), "under 0.1 points up");
        assert_eq!(d(0.5, 0.5), "no change");
        assert_eq!(d(0.40, 0.43), "+3 points");
        assert_eq!(
            d(0.40, 0.4346),
            "+3 points",
            "whole, as the percentages are"
        );
        assert_eq!(d(0.40, 0.41), "+1 point");
        assert_eq!(d(0.40, 0.404), "+0.4 points");
        assert_eq!(
            d(0.40, 0.4096),
            "+1 point",
            "0.96 reads as 1, as on the page"
        );
        assert_eq!(
            d(0.43, 0.40),
            "\u{2212}3 points",
            "a minus sign, not a hyphen"
        );
    }

    #[test]
    fn percentages_round_halves_up_as_the_page_does() {
        for (x, want) in [
            (0.0, "0"),
            (0.125, "13"),
            (0.135, "14"),
            (0.5, "50"),
            (0.875, "88"),
            (1.0, "100"),
            (1.0 / 3.0, "33"),
            (0.005, "1"),
            (0.004, "0"),
        ] {
            assert_eq!(whole_percent(x), want, "{x}");
        }
        assert_eq!(percent(Some(0.125)), "13%");
        assert_eq!(percent(None), "not assessed");
    }

    #[test]
    fn escaping_neutralises_links_html_tables_and_autolinks() {
        assert_eq!(
            escape_markdown("[click](https://evil.example) <img src=x onerror=alert(1)> a|b"),
            "\\[click\\](https\\://evil.example) \\<img src=x onerror=alert(1)\\> a\\|b"
        );
        assert_eq!(escape_markdown("www.evil.com"), "www\\.evil.com");
        assert_eq!(escape_markdown("WWW.evil"), "WWW\\.evil");
        assert_eq!(escape_markdown("me@evil.com"), "me\\@evil.com");
        assert_eq!(escape_markdown("a\nb\r\n# c\u{2028}d"), "a b  \\# c d");
        assert_eq!(
            escape_markdown("&amp; `x` **b** ![i]"),
            "\\&amp; \\`x\\` \\*\\*b\\*\\* \\!\\[i\\]"
        );
        // Ordinary labels stay readable.
        assert_eq!(escape_markdown("Finance & legal"), "Finance \\& legal");
        assert_eq!(
            escape_markdown("Business unit leaders (EMEA), 2.5"),
            "Business unit leaders (EMEA), 2.5"
        );
    }

    fn model() -> Model {
        let mut m = Model::empty("Acme <b>Co</b>");
        m.units = vec![Item::new("retail", "Retail [x](http://e)")];
        m.assessments = vec![Assessment {
            theme: "integration".into(),
            player: "hr".into(),
            unit: Some("retail".into()),
            current: 1.0,
            target: Some(3.0),
            weight: 1.0,
            note: None,
        }];
        m.contributors = vec![Contributor {
            id: "gig".into(),
            label: "Gig | workers".into(),
            kind: ContributorKind::External,
            headcount: Some(120),
        }];
        m.systems = vec![
            System {
                id: "vms".into(),
                label: "VMS".into(),
                owner: "procurement".into(),
                contributors: vec!["gig".into()],
            },
            System {
                id: "hris".into(),
                label: "HRIS".into(),
                owner: "hr".into(),
                contributors: vec![],
            },
        ];
        m
    }

    #[test]
    fn analysis_report_has_every_section_and_escapes_labels() {
        let m = model();
        let md = analysis_markdown(&m, &analyze(&m));
        assert!(md.starts_with("# Workforce ecosystem analysis — Acme \\<b\\>Co\\</b\\>\n"));
        for heading in [
            "## Summary",
            "## Top priorities",
            "## Readiness",
            "### By theme",
            "### By player",
            "### By unit",
            "### Current score by cell",
            "## Maturity gaps",
            "## Uncovered themes",
            "## Redundancies",
            "## Conflicts",
            "## Untracked contributors",
            "## Fragmented data",
            "## Silos",
            "## Systems",
        ] {
            assert!(
                md.contains(&format!("\n{heading}\n")),
                "missing {heading}\n{md}"
            );
        }
        assert!(md.contains("Overall readiness is **25%**"), "{md}");
        assert!(md.contains("| Maturity gaps | 1 |"));
        assert!(md.contains("| Silos | 2 |"));
        assert!(md.contains("| Conflicts | 0 |"));
        assert!(md.contains("Retail \\[x\\](http\\://e)"));
        assert!(md.contains("Gig \\| workers (120 people)"));
        assert!(!md.contains("<b>") && !md.contains("[x]"));
        // Top priorities are numbered and at most five.
        assert!(md.contains("\n1. **"));
        assert!(md.contains("\n5. **") && !md.contains("\n6. **"));
    }

    #[test]
    fn empty_model_report_says_nothing_is_assessed() {
        let m = Model::empty("");
        let md = analysis_markdown(&m, &analyze(&m));
        assert!(md.starts_with("# Workforce ecosystem analysis\n"));
        assert!(md.contains("Nothing is assessed yet"));
        assert!(md.contains("Nothing to act on."));
        assert!(md.contains("The model lists no systems."));
        assert_eq!(md.matches("None found.").count(), 7);
    }

    #[test]
    fn comparison_report() {
        let a = model();
        let mut b = model();
        b.name = "What if".into();
        b.assessments[0].current = 3.0;
        let md = comparison_markdown(&a, &b, &compare(&a, &b));
        assert!(md.starts_with("# Scenario comparison — Acme \\<b\\>Co\\</b\\> → What if\n"));
        assert!(
            md.contains("Overall readiness goes from **25%** to **75%** (+50 points)."),
            "{md}"
        );
        assert!(md.contains("1 cell changed. Findings: **1** resolved, **0** introduced"));
        assert!(md.contains(
            "| Integration architectures | HR | Retail \\[x\\](http\\://e) | 1 (target 3) | 3 (target 3) |"
        ));
        assert!(md.contains("## Resolved findings\n\n- **Maturity gap** (severity 2) In Retail \\[x\\](http\\://e), the maturity of HR on"));
        assert!(md.contains("The scenario introduces no finding."));
        let same = comparison_markdown(&a, &a, &compare(&a, &a));
        assert!(same.contains("No score changed.") && same.contains("(no change)"));
    }

    /// A baseline and a scenario that between them show every line of the
    /// comparison: a unit's cell and the whole organization's, with a
    /// target and without, a cell assessed only before and one only after,
    /// a finding resolved and one introduced.
    fn scenario_pair() -> (Model, Model) {
        let mut a = model();
        let mut org = a.assessments[0].clone();
        (org.theme, org.player, org.unit) = ("leadership".into(), "hr".into(), None);
        (org.current, org.target) = (2.0, Some(2.0));
        a.assessments.push(org.clone());
        let mut b = model();
        b.name = "What if".into();
        b.assessments[0].current = 3.0;
        (org.theme, org.player, org.current, org.target) =
            ("management".into(), "it".into(), 2.5, None);
        b.assessments.push(org);
        let mut gap = b.assessments[0].clone();
        (gap.theme, gap.current, gap.target) = ("technology".into(), 0.5, Some(2.0));
        b.assessments.push(gap);
        (a, b)
    }

    use crate::language::in_french;

    /// Asserts that `text` says each of `exact`.
    fn says(text: &str, exact: &[&str]) {
        for exact in exact {
            assert!(text.contains(exact), "{exact:?} in\n{text}");
        }
    }

    /// A decimal point between digits ("2.5"): French writes a comma.
    fn decimal_point(s: &str) -> bool {
        s.as_bytes()
            .windows(3)
            .any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit())
    }

    #[test]
    fn comparison_report_in_french_and_english_again() {
        let (a, b) = scenario_pair();
        let english = comparison_markdown(&a, &b, &compare(&a, &b));
        says(
            &english,
            &[
                "| Leadership approaches | HR | whole organization | 2 (target 2) | not assessed |",
                "| Management practices | IT | whole organization | not assessed | 2.5 (no target) |",
                "(+13 points).\n\n4 cells changed. Findings: **1** resolved, **1** introduced, 6 unchanged.\n",
                "## Introduced findings\n\n- **Maturity gap** (severity 1.5) In Retail",
            ],
        );
        let unchanged = comparison_markdown(&a, &a, &compare(&a, &a));
        // The findings' names are the analysis's, in the language of the moment.
        let (md, same) = in_french(|| {
            (
                comparison_markdown(&a, &b, &compare(&a, &b)),
                comparison_markdown(&a, &a, &compare(&a, &a)),
            )
        });
        assert_eq!(
            comparison_markdown(&a, &b, &compare(&a, &b)),
            english,
            "English again once the language is unset"
        );
        says(
            &md,
            &[
                "# Comparaison de scénarios — Acme \\<b\\>Co\\</b\\> → What if\n\n## Synthèse\n",
                "(+13 pts).\n\n4 cases modifiées. Constats résolus : **1**, nouveaux : **1**, inchangés : 6.\n",
                "| Approches de leadership | RH | toute l’organisation | 2 (cible 2) | non évalué |",
                "| Pratiques de management | Informatique | toute l’organisation | non évalué | 2,5 (sans cible) |",
                "| Architectures d’intégration | RH | Retail \\[x\\](http\\://e) | 1 (cible 3) | 3 (cible 3) |",
                "\n## Maturité\n\n### Par thème\n\n| Thème | Avant | Après | Évolution |\n",
                "| Approches de leadership | 50\u{202f}% | non évalué | – |",
                "\n## Constats résolus\n\n- **Écart de maturité** (gravité 2) Dans Retail",
                "\n## Nouveaux constats\n\n- **Écart de maturité** (gravité 1,5) Dans Retail",
            ],
        );
        says(
            &same,
            &[
                "0 cases modifiées.",
                "\n## Cases modifiées\n\nAucune note n’a changé.\n",
                "(sans changement)",
                "\n## Constats résolus\n\nLe scénario ne résout aucun constat.\n",
                "\n## Nouveaux constats\n\nLe scénario n’apporte aucun nouveau constat.\n",
            ],
        );
        for (french, english) in [(&md, &english), (&same, &unchanged)] {
            // Every line with a word in it is another line in French: no
            // heading, sentence or cell is left in English.
            assert_eq!(french.lines().count(), english.lines().count());
            for (f, e) in french.lines().zip(english.lines()) {
                if e.chars().any(char::is_alphabetic) {
                    assert_ne!(f, e, "in English in\n{french}");
                }
            }
            // A key the catalogue lacks would be written as the key.
            for prefix in ["compare.", "report.", "exportdoc."] {
                assert!(!french.contains(prefix), "{prefix} in\n{french}");
            }
            assert!(!decimal_point(french), "a decimal point in\n{french}");
        }
    }

    /// Past 200 changed cells and 50 findings, each list says how many
    /// more there are, in either language, every count grouped by thousands.
    #[test]
    fn long_comparisons_say_how_many_more() {
        let mut a = Model::empty("Big");
        a.units = (0..60)
            .map(|u| Item::new(&format!("u{u}"), &format!("Unit {u}")))
            .collect();
        // Every cell of every unit at 1, against a target of 4.
        let gap = Assessment {
            target: Some(4.0),
            ..model().assessments[0].clone()
        };
        for u in &a.units {
            for t in &a.framework.themes {
                for p in &a.framework.players {
                    a.assessments.push(Assessment {
                        theme: t.id.clone(),
                        player: p.id.clone(),
                        unit: Some(u.id.clone()),
                        ..gap.clone()
                    });
                }
            }
        }
        let mut b = a.clone();
        for x in &mut b.assessments {
            x.current = 4.0;
        }
        // 60 units of 24 cells: 1,440 cells, 200 listed and 50 findings
        assert_eq!(a.assessments.len(), 1440);
        assert_eq!((SECTION_LIMIT * 4, SECTION_LIMIT), (200, 50));
        let english = comparison_markdown(&a, &b, &compare(&a, &b));
        says(
            &english,
            &[
                "\n\n1,440 cells changed. Findings: **1,440** resolved, **0** introduced, 0 unchanged.\n",
                "\n\n…and 1,240 more; `wfe compare --format json` lists them all.\n\n## Readiness",
                "\n\n…and 1,390 more.\n\n## Introduced",
            ],
        );
        let introduced = comparison_markdown(&b, &a, &compare(&b, &a));
        assert!(introduced.ends_with("\n\n…and 1,390 more.\n\n"));
        let french = in_french(|| comparison_markdown(&a, &b, &compare(&a, &b)));
        says(
            &french,
            &[
                "\n\n1\u{202f}440 cases modifiées. Constats résolus : **1\u{202f}440**, nouveaux : **0**, inchangés : 0.\n",
                "\n\n…et 1\u{202f}240 de plus ; `wfe compare --format json` les liste toutes.\n\n## Maturité",
                "\n\n…et 1\u{202f}390 de plus.\n\n## Nouveaux",
            ],
        );
        // the 200 cells listed, then the 60 units' readiness
        assert_eq!(french.matches("| Unit ").count(), SECTION_LIMIT * 4 + 60);
    }
}
