//! The plan as a roadmap a manager reads (Markdown, or an HTML document made
//! from it) and as CSV, one row per change, for a spreadsheet or a tracker.
//!
//! Every sentence carries model text: in Markdown it is escaped
//! ([`escape_markdown`]), in CSV defused ([`crate::csv::defuse`]) so that a
//! spreadsheet never runs it, in HTML escaped by the Markdown renderer.

use super::Plan;
use crate::analysis::escape_markdown;
use crate::analysis::report::{md_label, title, whole_percent};
use crate::model::Model;
use std::fmt::Write;

fn percent(x: Option<f64>) -> String {
    x.map_or("not assessed".into(), |x| format!("{}%", whole_percent(x)))
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The plan as a Markdown roadmap: what readiness does, then each step
/// with its changes and the findings it resolves, then what is left.
pub fn plan_markdown(model: &Model, plan: &Plan) -> String {
    let mut out = title("Plan", &md_label(&model.name));
    let scope = match &plan.unit {
        Some(u) => {
            let label = model
                .units
                .iter()
                .find(|x| x.id == *u)
                .map_or(u.as_str(), |x| &x.label);
            format!("{}’s readiness", md_label(label))
        }
        None => "Readiness".to_string(),
    };
    let _ = writeln!(
        out,
        "{scope} goes from **{}** to **{}** with {} in {}.",
        percent(plan.readiness.before),
        percent(plan.readiness.after),
        count(plan.change_count, "change", "changes"),
        count(plan.steps.len(), "step", "steps"),
    );
    if let Some(target) = plan.target {
        let reached = if plan.reached == Some(true) {
            "reached"
        } else {
            "not reached"
        };
        let _ = writeln!(
            out,
            "\nThe target of {}% is {reached}.",
            whole_percent(target)
        );
    }
    out.push('\n');
    for (n, step) in plan.steps.iter().enumerate() {
        let _ = writeln!(out, "## Step {}. {}\n", n + 1, escape_markdown(&step.title));
        let _ = writeln!(
            out,
            "Readiness {} → {}; resolves {}.\n",
            percent(step.readiness.before),
            percent(step.readiness.after),
            count(step.resolves.len(), "finding", "findings"),
        );
        for text in &step.texts {
            let _ = writeln!(out, "- {}", escape_markdown(text));
        }
        if !step.explanations.is_empty() {
            out.push_str("\n**Resolves**\n\n");
            for text in &step.explanations {
                let _ = writeln!(out, "- {}", escape_markdown(text));
            }
        }
        out.push('\n');
    }
    if !plan.left.is_empty() {
        let _ = writeln!(
            out,
            "## Left for later\n\n{} the plan does not resolve (outside the budget, or beyond the changes a plan makes):\n",
            count(plan.left.len(), "finding", "findings"),
        );
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
        "Workforce ecosystem plan".to_string()
    } else {
        format!("{} — workforce ecosystem plan", model.name)
    };
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
