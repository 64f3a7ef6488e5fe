//! A scenario compared with its baseline as a report: what changed, how
//! readiness moved, the findings resolved and introduced.

use super::*;

pub(super) fn delta_cell(d: &Delta) -> String {
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
            let decimals = usize::from(raw.abs() < 0.95);
            let shown = if decimals == 1 {
                (raw * 10.0).round() / 10.0
            } else {
                raw.round()
            };
            let text = format!("{shown:+.decimals$}");
            // the minus sign, as the page writes it: a hyphen reads as a dash
            let value = crate::language::number(text).replacen('-', "\u{2212}", 1);
            // the form of the number shown ("1 point"; in French "0,5 pt")
            let (key, english) = if crate::language::plural_one(shown) {
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
            ("resolved", &Count(cmp.resolved.len() as u64).to_string()),
            ("introduced", &Count(cmp.introduced.len() as u64).to_string()),
            ("unchanged", &Count(cmp.unchanged as u64).to_string()),
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

    contributors_section(&mut out, cmp, (&before, &after));
    // the scenario's names, else the baseline's for what it removed; the
    // systems' "before" as the baseline named things then (a renamed
    // contributor by its old name)
    let (then, now) = (
        Labels::of(baseline, scenario),
        Labels::of(scenario, baseline),
    );
    owners_section(&mut out, &now, cmp, (&theme, &before, &after));
    systems_section(&mut out, (&then, &now), cmp, (&before, &after));

    let _ = writeln!(out, "## {}\n", say("exportdoc.readiness", &[], "Readiness"));
    let change = say("compare.change", &[], "Change");
    let table = |out: &mut String,
                 heading: &str,
                 column: &str,
                 map: &crate::analysis::ById<Delta>,
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

/// The labels of the items the changed sections name, by id: one model's,
/// else the other's (what the first lacks), as [`first_label`] takes them.
/// Built once for each side of the comparison, not looked for item by item.
struct Labels<'a> {
    contributors: HashMap<&'a str, &'a str>,
    themes: HashMap<&'a str, &'a str>,
    players: HashMap<&'a str, &'a str>,
    systems: HashMap<&'a str, &'a str>,
}

impl<'a> Labels<'a> {
    fn of(first: &'a Model, other: &'a Model) -> Labels<'a> {
        let both = [first, other];
        Labels {
            contributors: first_label(
                both.iter()
                    .flat_map(|m| &m.contributors)
                    .map(|c| (c.id.as_str(), c.label.as_str())),
            ),
            themes: first_label(
                both.iter()
                    .flat_map(|m| &m.framework.themes)
                    .map(|t| (t.id.as_str(), t.label.as_str())),
            ),
            players: first_label(
                both.iter()
                    .flat_map(|m| &m.framework.players)
                    .map(|p| (p.id.as_str(), p.label.as_str())),
            ),
            systems: first_label(
                both.iter()
                    .flat_map(|m| &m.systems)
                    .map(|x| (x.id.as_str(), x.label.as_str())),
            ),
        }
    }
}

/// `id`'s label in `map`, else the id: escaped and isolated for the report.
fn named(map: &HashMap<&str, &str>, id: &str) -> String {
    md_label(map.get(id).copied().unwrap_or(id))
}

/// The contributors the scenario added, removed or changed: each side's
/// name, headcount and kind.
fn contributors_section(out: &mut String, cmp: &Comparison, (before, after): (&str, &str)) {
    if cmp.changed_contributors.is_empty() {
        return;
    }
    let heading = say("compare.changedContributors", &[], "Changed contributors");
    let contributor = say("compare.contributor", &[], "Contributor");
    let _ = writeln!(
        out,
        "## {heading}\n\n| {contributor} | {before} | {after} |\n|---|---|---|"
    );
    let side = |c: &Option<crate::model::Contributor>| {
        let Some(c) = c else {
            return "–".to_string();
        };
        let mut text = String::new();
        let label = super::escape_markdown(&c.label);
        let _ = crate::analysis::wording::write_contributor(&mut text, &label, c.headcount);
        let kind = c.kind.as_str();
        let key = format!("compare.kind.{kind}");
        let _ = write!(text, ", {}", say(&key, &[], kind));
        text
    };
    for c in cmp.changed_contributors.iter().take(SECTION_LIMIT * 4) {
        let named = c.after.as_ref().or(c.before.as_ref());
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            md_label(named.map_or(c.contributor.as_str(), |n| n.label.as_str())),
            side(&c.before),
            side(&c.after)
        );
    }
    more_items(out, cmp.changed_contributors.len());
}

/// The pairs whose owners the scenario changed, with who owns each before
/// and after (the activity quoted, the control level in brackets).
fn owners_section(
    out: &mut String,
    now: &Labels,
    cmp: &Comparison,
    (theme, before, after): (&str, &str, &str),
) {
    if cmp.changed_owners.is_empty() {
        return;
    }
    let heading = say("compare.changedOwners", &[], "Changed owners");
    let contributor = say("compare.contributor", &[], "Contributor");
    let _ = writeln!(
        out,
        "## {heading}\n\n| {contributor} | {theme} | {before} | {after} |\n|---|---|---|---|"
    );
    let nobody = say("compare.nobody", &[], "nobody");
    let owners = |list: &[crate::analysis::Owner]| {
        if list.is_empty() {
            return nobody.clone();
        }
        let named: Vec<String> = list
            .iter()
            .map(|o| {
                let mut text = named(&now.players, &o.player);
                if let Some(a) = &o.activity {
                    let quoted = say(
                        "compare.activity",
                        &[("activity", &md_label(a))],
                        "“{activity}”",
                    );
                    let _ = write!(text, " {quoted}");
                }
                if let Some(c) = o.control {
                    let key = format!("control.{}", c.as_str());
                    let _ = write!(text, " ({})", say(&key, &[], c.as_str()));
                }
                text
            })
            .collect();
        named.join(", ")
    };
    for c in cmp.changed_owners.iter().take(SECTION_LIMIT * 4) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            named(&now.contributors, &c.contributor),
            named(&now.themes, &c.theme),
            owners(&c.before),
            owners(&c.after)
        );
    }
    more_items(out, cmp.changed_owners.len());
}

/// The systems the scenario added, removed or changed: each side's owner,
/// whom it tracks and what it is linked to.
fn systems_section(
    out: &mut String,
    (then, now): (&Labels, &Labels),
    cmp: &Comparison,
    (before, after): (&str, &str),
) {
    if cmp.changed_systems.is_empty() {
        return;
    }
    let heading = say("compare.changedSystems", &[], "Changed systems");
    let system = say("compare.system", &[], "System");
    let _ = writeln!(
        out,
        "## {heading}\n\n| {system} | {before} | {after} |\n|---|---|---|"
    );
    // each side named as it was then
    let facts = |f: &Option<crate::analysis::SystemFacts>, labels: &Labels| {
        let Some(f) = f else {
            return "–".to_string();
        };
        let list = |ids: &[String], map: &HashMap<&str, &str>| {
            // by name, as a reader looks for them
            let mut names: Vec<String> = ids.iter().map(|id| named(map, id)).collect();
            crate::order::sort(&mut names);
            names.join(", ")
        };
        let owner = named(&labels.players, &f.owner);
        let mut parts = vec![say(
            "compare.ownedBy",
            &[("owner", &owner)],
            "owned by {owner}",
        )];
        if !f.contributors.is_empty() {
            let tracked = list(&f.contributors, &labels.contributors);
            parts.push(say(
                "compare.tracks",
                &[("contributors", &tracked)],
                "tracks {contributors}",
            ));
        }
        if !f.links.is_empty() {
            let linked = list(&f.links, &labels.systems);
            parts.push(say(
                "compare.linkedTo",
                &[("systems", &linked)],
                "linked to {systems}",
            ));
        }
        // (French spaces its semicolons)
        parts.join(&say("compare.separator", &[], "; "))
    };
    for c in cmp.changed_systems.iter().take(SECTION_LIMIT * 4) {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            named(&now.systems, &c.system),
            facts(&c.before, then),
            facts(&c.after, now)
        );
    }
    more_items(out, cmp.changed_systems.len());
}

fn more_items(out: &mut String, total: usize) {
    if let Some(more) = and_more(
        "compare.moreItems",
        total,
        SECTION_LIMIT * 4,
        "…and {count} more; `wfe compare --format json` lists them all.",
    ) {
        let _ = writeln!(out, "\n{more}");
    }
    out.push('\n');
}
