//! The plan as a roadmap a manager reads (Markdown, or an HTML document made
//! from it) and as CSV, one row per change, for a spreadsheet or a tracker.
//!
//! Every sentence carries model text: in Markdown it is escaped
//! ([`escape_markdown`]), in CSV defused ([`crate::csv::defuse`]) so that a
//! spreadsheet never runs it, in HTML escaped by the Markdown renderer.

use super::Plan;
use crate::analysis::escape_markdown;
use crate::analysis::report::{md_label, percent, say_count, title};
use crate::language::say_template as say;
use crate::model::Model;
use std::fmt::Write;

fn findings(n: usize) -> String {
    say_count(
        "plan.findings",
        n,
        &[],
        "{count} finding",
        "{count} findings",
    )
}

/// The plan as a Markdown roadmap: what readiness does, then each step
/// with its changes and the findings it resolves, then what is left, in
/// the core's language.
pub fn plan_markdown(model: &Model, plan: &Plan) -> String {
    let mut out = title(&say("plan.heading", &[], "Plan"), &md_label(&model.name));
    let scope = match &plan.unit {
        Some(u) => {
            let label = model
                .units
                .iter()
                .find(|x| x.id == *u)
                .map_or(u.as_str(), |x| &x.label);
            let unit = md_label(label);
            say("plan.scope.unit", &[("unit", &unit)], "{unit}’s readiness")
        }
        None => say("plan.scope", &[], "Readiness"),
    };
    let changes = say_count(
        "plan.changes",
        plan.change_count,
        &[],
        "{count} change",
        "{count} changes",
    );
    let steps = say_count(
        "plan.steps",
        plan.steps.len(),
        &[],
        "{count} step",
        "{count} steps",
    );
    let summary = say(
        "plan.summary",
        &[
            ("scope", &scope),
            ("before", &percent(plan.readiness.before)),
            ("after", &percent(plan.readiness.after)),
            ("changes", &changes),
            ("steps", &steps),
        ],
        "{scope} goes from **{before}** to **{after}** with {changes} in {steps}.",
    );
    let _ = writeln!(out, "{summary}");
    if let Some(target) = plan.target {
        let value = percent(Some(target));
        let sentence = if plan.reached == Some(true) {
            say(
                "plan.reached",
                &[("value", &value)],
                "The target of {value} is reached.",
            )
        } else {
            say(
                "plan.notReached",
                &[("value", &value)],
                "The target of {value} is not reached.",
            )
        };
        let _ = writeln!(out, "\n{sentence}");
    }
    out.push('\n');
    for (n, step) in plan.steps.iter().enumerate() {
        let heading = say(
            "plan.stepHeading",
            &[
                ("n", &(n + 1).to_string()),
                ("title", &escape_markdown(&step.title)),
            ],
            "Step {n}. {title}",
        );
        let summary = say(
            "plan.stepSummary",
            &[
                ("before", &percent(step.readiness.before)),
                ("after", &percent(step.readiness.after)),
                ("findings", &findings(step.resolves.len())),
            ],
            "Readiness {before} → {after}; resolves {findings}.",
        );
        let _ = writeln!(out, "## {heading}\n\n{summary}\n");
        for text in &step.texts {
            let _ = writeln!(out, "- {}", escape_markdown(text));
        }
        if !step.explanations.is_empty() {
            let _ = writeln!(out, "\n**{}**\n", say("plan.resolves", &[], "Resolves"));
            for text in &step.explanations {
                let _ = writeln!(out, "- {}", escape_markdown(text));
            }
        }
        out.push('\n');
    }
    if !plan.left.is_empty() {
        let heading = say("plan.left", &[], "Left for later");
        let intro = say(
            "plan.leftIntro",
            &[("findings", &findings(plan.left.len()))],
            "{findings} the plan does not resolve (outside the budget, or beyond the changes a plan makes):",
        );
        let _ = writeln!(out, "## {heading}\n\n{intro}\n");
        for id in &plan.left {
            let _ = writeln!(out, "- {}", escape_markdown(id));
        }
    }
    out
}

/// The roadmap as a complete HTML document (no script, every text escaped).
pub fn plan_html(model: &Model, plan: &Plan, lang: &str) -> String {
    let body = crate::export::markdown_to_html(&plan_markdown(model, plan));
    let title = if model.name.trim().is_empty() {
        say("plan.page", &[], "Workforce ecosystem plan")
    } else {
        let name = [("name", model.name.as_str())];
        say(
            "plan.page.named",
            &name,
            "{name} — workforce ecosystem plan",
        )
    };
    let body = format!("<main>\n{body}</main>\n");
    crate::export::html_page(lang, &title, "report plan", &body)
}

/// One row per change: its step, the step's title, the change's sentence,
/// the edit as JSON, and on the step's first row the findings it resolves
/// and readiness before and after.
pub fn plan_csv(plan: &Plan) -> String {
    use crate::csv::{defuse, write_record};
    let mut out = String::from("\u{feff}");
    write_record(
        &mut out,
        &[
            "step",
            "title",
            "change",
            "edit",
            "resolves",
            "readiness_before",
            "readiness_after",
        ],
    );
    let num = |x: Option<f64>| x.map(|x| x.to_string()).unwrap_or_default();
    for (n, step) in plan.steps.iter().enumerate() {
        for (i, (text, change)) in step.texts.iter().zip(&step.changes).enumerate() {
            let first = i == 0;
            let resolves = if first {
                step.resolves.join(" ")
            } else {
                String::new()
            };
            let (before, after) = if first {
                (num(step.readiness.before), num(step.readiness.after))
            } else {
                Default::default()
            };
            write_record(
                &mut out,
                &[
                    &(n + 1).to_string(),
                    &defuse(&step.title),
                    &defuse(text),
                    &defuse(&serde_json::to_string(change).unwrap_or_default()),
                    &defuse(&resolves),
                    &before,
                    &after,
                ],
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{plan, PlanOptions};

    fn roadmap() -> (String, String) {
        let model = crate::framework::sample();
        let options = PlanOptions {
            max_changes: Some(3),
            readiness: Some(0.99),
            ..PlanOptions::default()
        };
        let the_plan = plan(&model, &options);
        let english = plan_html(&model, &the_plan, "en");
        let french = crate::language::in_french(|| plan_html(&model, &the_plan, "fr"));
        (english, french)
    }

    #[test]
    fn the_roadmap_is_in_the_language_of_the_document() {
        let (english, french) = roadmap();
        for words in [
            "workforce ecosystem plan",
            "Step 1.",
            "<strong>Resolves</strong>",
            "is not reached",
            "Left for later",
        ] {
            assert!(english.contains(words), "{words} in {english}");
        }
        assert!(english.contains("Readiness goes from <strong>42%</strong> to"));
        assert!(french.contains("<html lang=\"fr\">"));
        for words in [
            "plan de l’écosystème",
            "Étape 1.",
            "<strong>Résout</strong>",
            "n’est pas atteinte",
            "Pour plus tard",
        ] {
            assert!(french.contains(words), "{words} in {french}");
        }
        assert!(french.contains("La maturité passe de <strong>42\u{202f}%</strong> à"));
        for english_word in [
            "Readiness",
            "Step ",
            "Resolves",
            "Left for later",
            "changes in",
            "reached",
        ] {
            assert!(!french.contains(english_word), "{english_word} in {french}");
        }
    }
}
