//! The reports of a what-if, as the page exports them while one is on show:
//! its analysis, titled so that nobody takes it for the baseline, and its
//! comparison with the baseline (what changed, how readiness moved, the
//! findings resolved and introduced) — the board's question about a what-if.

use super::{html_page, markdown_to_html, report_html, report_markdown};
use crate::analysis;
use crate::language::say_template;
use crate::model::Model;
use crate::session::Session;

/// The analysis report of the model on show: the baseline's as it is, a
/// what-if's with the what-if named in its title. `html` in `lang`, else
/// Markdown.
pub fn report(session: &Session, html: bool, lang: &str) -> String {
    let named;
    let model = match session.active() {
        Some(s) => {
            named = Model {
                name: what_if_name(&session.baseline().name, &s.name),
                ..s.model.clone()
            };
            &named
        }
        None => session.baseline(),
    };
    if html {
        report_html(model, lang)
    } else {
        report_markdown(model)
    }
}

/// The what-if on show compared with the baseline, `None` on the
/// baseline. Titled "baseline → what-if".
pub fn comparison(session: &Session, html: bool, lang: &str) -> Option<String> {
    let s = session.active()?;
    let baseline = session.baseline();
    let scenario = Model {
        name: s.name.clone(),
        ..s.model.clone()
    };
    // compared as it is: the name is the title's, not a change
    let cmp = analysis::compare(baseline, &s.model);
    let text = analysis::comparison_markdown(baseline, &scenario, &cmp);
    if !html {
        return Some(text);
    }
    let name = what_if_name(&baseline.name, &s.name);
    let title = say_template(
        "compare.page.named",
        &[("name", &name)],
        "{name} — scenario comparison",
    );
    let body = format!("<main>\n{}</main>\n", markdown_to_html(&text));
    Some(html_page(lang, &title, "report", &body))
}

/// "Harbourline Group — what-if “Hire more”", in the core's language.
fn what_if_name(model: &str, what_if: &str) -> String {
    say_template(
        "report.whatIf",
        &[("name", model.trim()), ("whatIf", what_if.trim())],
        "{name} — what-if “{whatIf}”",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edit;

    fn session_with_what_if() -> Session {
        let mut session = Session::new(crate::framework::sample());
        session.start_scenario("Hire <more>").unwrap();
        let a = &session.model().assessments[0];
        let raised = serde_json::json!({"setAssessment": {
            "theme": a.theme, "player": a.player, "unit": a.unit,
            "current": 4, "target": 4}});
        session.apply(&Edit::from_json(raised).unwrap()).unwrap();
        session
    }

    #[test]
    fn a_what_if_report_says_it_is_one() {
        let session = session_with_what_if();
        let md = report(&session, false, "en");
        assert!(
            md.starts_with(
                "# Workforce ecosystem analysis — Harbourline Group — what-if “Hire \\<more\\>”"
            ),
            "{md}"
        );
        let html = report(&session, true, "en");
        assert!(html.contains("<title>Harbourline Group — what-if “Hire &lt;more&gt;” — workforce ecosystem report</title>"));
        // on the baseline, the report as it always was
        let mut on_baseline = session.clone();
        on_baseline.show(None).unwrap();
        assert_eq!(
            report(&on_baseline, false, "en"),
            report_markdown(on_baseline.baseline())
        );
        assert_eq!(comparison(&on_baseline, false, "en"), None);
    }

    #[test]
    fn a_what_if_comparison_names_both_and_what_changed() {
        let mut session = session_with_what_if();
        let removed = serde_json::json!({"removeResponsibility": 0});
        session.apply(&Edit::from_json(removed).unwrap()).unwrap();
        let md = comparison(&session, false, "en").unwrap();
        // what changed besides scores is said too: it resolves findings as well
        assert!(
            md.contains("What the scenario changes: 1 score, 1 owner."),
            "{md}"
        );
        assert!(
            md.starts_with("# Scenario comparison — Harbourline Group → Hire \\<more\\>"),
            "{md}"
        );
        assert!(
            md.contains("Leadership approaches"),
            "the changed cell is listed"
        );
        let html = comparison(&session, true, "fr-CA").unwrap();
        assert!(html.contains("<html lang=\"fr-CA\">") && html.contains("<main>"));
        assert!(html.contains("— scenario comparison</title>"));
        assert!(!html.contains("<more>"), "the name stays text");
    }
}
