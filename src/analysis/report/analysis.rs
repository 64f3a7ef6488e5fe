//! The analysis of one model as a report: summary, top priorities,
//! readiness tables, one section per finding kind, the systems graph and the
//! cell matrix.

use super::*;

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
        let _ = writeln!(out, "| {} | {} |", kind_title(*kind), Count(n as u64));
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
    let rows = |items: &[crate::model::Item], map: &crate::analysis::ById<Option<f64>>| {
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
