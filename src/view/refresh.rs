//! One refresh of the editor: after each change, the cell states its drawing
//! is brought up to date with, and what the page shows beside the drawing
//! (the analysis, the comparison with the baseline, each cell's facts, the
//! findings' counts, the session). The Wasm layer applies the states to the
//! DOM, says whether it drew the whole diagram, and sends the rest as it is.

use super::{cell_infos, decorate, finding_counts, marks, CellInfo, CellRef, FindingScope};
use super::{Marks, Shows, ViewOptions};
use crate::analysis::{self, Analysis, Comparison, Kept};
use crate::render::{self, CellState, RenderOptions};
use crate::session::{Session, SessionInfo};
use serde::Serialize;
use std::collections::BTreeMap;

/// What the page shows after a refresh (`Workspace.view`'s result).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ViewResult {
    /// The diagram was drawn whole (the page wires it again); set by the
    /// layer that draws.
    pub full: bool,
    /// How many cells the update touched; set by the layer that draws.
    pub changed: usize,
    pub revision: u64,
    pub structure: u64,
    pub finding_count: usize,
    pub finding_counts: BTreeMap<&'static str, usize>,
    /// The findings list's groups, in the order it shows them.
    pub finding_groups: Vec<FindingGroup>,
    /// Whether `options.finding` names a finding (or disagreement) of the
    /// model on show.
    pub finding_chosen: bool,
    /// What the diagram marks of it; `None` when none is chosen.
    pub finding_shows: Option<Shows>,
    pub findings_note: Option<&'static str>,
    /// Its findings cut to the page the options ask for.
    pub analysis: Analysis,
    pub comparison: Option<Comparison>,
    pub compared_counts: Option<ComparedCounts>,
    pub cells: Vec<CellInfo>,
    pub session: SessionInfo,
}

/// How many findings the what-if on show resolves and introduces, however
/// many the comparison's lists keep.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ComparedCounts {
    pub resolved: usize,
    pub introduced: usize,
}

/// A group of the findings list: a kind of finding, or `disagreement` for
/// the merged responses' disagreements, and how many it holds in all
/// (however many are listed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FindingGroup {
    pub kind: &'static str,
    pub count: usize,
}

/// The groups of `report`'s findings and disagreements in the order the
/// list shows them: the group holding the worst finding first, so that what
/// matters most is read first whatever its kind; on a tie, in
/// [`Kind::ALL`](analysis::Kind::ALL)'s order (the report's), the
/// disagreements last.
pub fn finding_groups(report: &Analysis) -> Vec<FindingGroup> {
    let mut groups: Vec<(f64, usize, FindingGroup)> = analysis::Kind::ALL
        .iter()
        .enumerate()
        .filter_map(|(rank, &kind)| {
            let of_kind = report.findings.iter().filter(|f| f.kind == kind);
            let count = of_kind.clone().count();
            let worst = of_kind
                .map(|f| f.severity)
                .fold(f64::NEG_INFINITY, f64::max);
            let group = FindingGroup {
                kind: kind.as_str(),
                count,
            };
            (count > 0).then_some((worst, rank, group))
        })
        .collect();
    if !report.disagreements.is_empty() {
        let worst = report
            .disagreements
            .iter()
            .map(|d| d.severity)
            .fold(f64::NEG_INFINITY, f64::max);
        let group = FindingGroup {
            kind: "disagreement",
            count: report.disagreements.len(),
        };
        groups.push((worst, analysis::Kind::ALL.len(), group));
    }
    crate::order::sort_by(&mut groups, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    groups.into_iter().map(|(_, _, group)| group).collect()
}

/// A refresh: the drawing's input and the page's result.
pub struct Refresh {
    pub render: RenderOptions,
    pub states: Vec<CellState>,
    pub result: ViewResult,
}

/// The cells as the view shows them: scores, overlay and the page's
/// highlight marks (of the findings in `scopes`, if any).
pub fn cell_states(
    session: &Session,
    opts: &ViewOptions,
    scopes: &[FindingScope],
) -> (RenderOptions, Vec<CellState>, Marks) {
    let model = session.model();
    let baseline = session.active().map(|_| session.baseline());
    let marks = marks(model, baseline, scopes, opts);
    let render_opts = opts.render_options();
    let mut states = render::cell_states(model, &render_opts);
    decorate(&mut states, &marks);
    (render_opts, states, marks)
}

/// The finding `opts.finding` names, as the scope of its marks; a
/// disagreement is chosen like a finding and concerns its one cell.
fn chosen(report: &Analysis, opts: &ViewOptions) -> Option<FindingScope> {
    let id = opts.finding.as_deref()?;
    if let Some(f) = report.findings.iter().find(|f| f.has_id(id)) {
        return Some(FindingScope::of(f));
    }
    let d = report.disagreements.iter().find(|d| d.id == id)?;
    Some(FindingScope {
        id: d.id.clone(),
        cells: vec![CellRef {
            theme: d.cell.theme.clone(),
            player: d.cell.player.clone(),
        }],
        ..FindingScope::default()
    })
}

/// Everything one refresh shows of `session` under `opts`; `kept` holds the
/// baseline's analysis between refreshes, which a what-if is compared with.
pub fn refresh(session: &Session, kept: &mut Kept, opts: &ViewOptions) -> Refresh {
    let model = session.model();
    let mut report = analysis::analyze(model);
    let scopes: Vec<FindingScope> = chosen(&report, opts).into_iter().collect();
    let (render, states, marks) = cell_states(session, opts, &scopes);
    let baseline = session.active().map(|_| session.baseline());
    let mut comparison =
        baseline.map(|b| analysis::compare_analyses(b, kept.of(b), model, &report));
    let compared_counts = comparison.as_mut().map(|c| {
        let counts = ComparedCounts {
            resolved: c.resolved.len(),
            introduced: c.introduced.len(),
        };
        opts.keep_compared(c);
        counts
    });
    let revisions = session.revisions();
    let finding_chosen = !scopes.is_empty();
    let finding_shows = scopes.first().map(FindingScope::shows);
    let finding_count = report.findings.len();
    let finding_counts = finding_counts(&report.findings);
    let finding_groups = finding_groups(&report);
    let findings_note = analysis::quiet(model, &report);
    // (the chosen one stays: the editors highlight what it concerns)
    opts.keep_listed(&mut report.findings, finding_chosen);
    let result = ViewResult {
        full: false,
        changed: 0,
        revision: revisions.model,
        structure: revisions.structure,
        finding_count,
        finding_counts,
        finding_groups,
        finding_chosen,
        finding_shows,
        findings_note,
        analysis: report,
        comparison,
        compared_counts,
        cells: cell_infos(model, opts.unit.as_deref(), &marks),
        session: session.info(),
    };
    Refresh {
        render,
        states,
        result,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn options(value: serde_json::Value) -> ViewOptions {
        ViewOptions::from_json(value).unwrap()
    }

    #[test]
    fn a_chosen_finding_is_marked_and_stays_listed_when_the_list_is_skipped() {
        let session = Session::new(crate::framework::sample());
        let all = analysis::analyze(session.model());
        let gap = all
            .findings
            .iter()
            .find(|f| f.kind == analysis::Kind::MaturityGap)
            .unwrap();
        let opts = options(json!({"overlay": "gap", "finding": gap.id(), "skipFindings": true}));
        let r = refresh(&session, &mut Kept::default(), &opts);
        assert!(r.result.finding_chosen);
        assert_eq!(r.result.finding_shows, Some(Shows::Cells));
        assert_eq!(r.result.finding_count, all.findings.len());
        let listed: Vec<String> = r.result.analysis.findings.iter().map(|f| f.id()).collect();
        assert_eq!(listed, vec![gap.id()], "only the chosen one crosses");
        let marked: Vec<&CellState> = r
            .states
            .iter()
            .filter(|s| s.class.contains("is-highlighted"))
            .collect();
        assert!(!marked.is_empty(), "its cells are marked in the drawing");
        assert_eq!(r.result.cells.len(), r.states.len());
        assert!(r.result.comparison.is_none() && r.result.compared_counts.is_none());
        assert!(
            !r.result.full && r.result.changed == 0,
            "the drawing layer says"
        );
    }

    #[test]
    fn a_finding_shows_its_cells_else_wedges_or_rings_else_nothing() {
        let scope = |cells: usize, themes: &[&str], players: &[&str]| FindingScope {
            id: String::new(),
            cells: (0..cells)
                .map(|_| CellRef {
                    theme: "leadership".into(),
                    player: "hr".into(),
                })
                .collect(),
            themes: themes.iter().map(|s| s.to_string()).collect(),
            players: players.iter().map(|s| s.to_string()).collect(),
        };
        assert_eq!(scope(1, &["leadership"], &["hr"]).shows(), Shows::Cells);
        assert_eq!(scope(0, &["leadership"], &["hr"]).shows(), Shows::Cells);
        assert_eq!(scope(0, &[], &["hr", "it"]).shows(), Shows::Players);
        assert_eq!(scope(0, &["leadership"], &[]).shows(), Shows::Themes);
        assert_eq!(scope(0, &[], &[]).shows(), Shows::Nothing);
        // as the marks are: a theme alone is its whole ring
        let session = Session::new(crate::framework::sample());
        let ring = super::super::finding_cells(session.model(), &scope(0, &["leadership"], &[]));
        assert_eq!(ring.len(), session.model().framework.players.len());
    }

    /// Each group's worst severity and its rank among the kinds.
    fn worst_and_rank(report: &Analysis, kind: &str) -> (f64, usize) {
        let kinds = analysis::Kind::ALL.map(analysis::Kind::as_str);
        let rank = kinds.iter().position(|&k| k == kind).unwrap_or(kinds.len());
        let severities: Vec<f64> = if kind == "disagreement" {
            report.disagreements.iter().map(|d| d.severity).collect()
        } else {
            let of_kind = report.findings.iter().filter(|f| f.kind.as_str() == kind);
            of_kind.map(|f| f.severity).collect()
        };
        (severities.into_iter().fold(f64::MIN, f64::max), rank)
    }

    #[test]
    fn findings_are_grouped_worst_group_first_ties_in_the_reports_order() {
        let mut model = crate::framework::sample();
        // two respondents far apart on one cell: a disagreement group
        let (theme, player) = (
            model.framework.themes[0].id.clone(),
            model.framework.players[0].id.clone(),
        );
        for (who, current) in [("Ana", 0.0), ("Ben", 4.0)] {
            model.responses.push(crate::model::Response {
                respondent: who.into(),
                role: None,
                date: None,
                scores: vec![crate::model::Score {
                    theme: theme.clone(),
                    player: player.clone(),
                    unit: None,
                    current,
                    target: None,
                }],
            });
        }
        let session = Session::new(model);
        let opts = options(json!({"overlay": "gap", "findingsPerKind": 1}));
        let r = refresh(&session, &mut Kept::default(), &opts);
        let report = analysis::analyze(session.model());
        let groups = &r.result.finding_groups;
        for g in groups {
            let count = match g.kind {
                "disagreement" => report.disagreements.len(),
                kind => r.result.finding_counts[kind],
            };
            assert_eq!(g.count, count, "{} counted whole, not as listed", g.kind);
        }
        assert_eq!(groups.len(), r.result.finding_counts.len() + 1);
        let keys: Vec<(f64, usize)> = groups
            .iter()
            .map(|g| worst_and_rank(&report, g.kind))
            .collect();
        for pair in keys.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            assert!(a.0 > b.0 || a.0 == b.0 && a.1 < b.1, "{groups:?}: {keys:?}");
        }
        assert!(
            keys.windows(2).any(|p| p[0].0 == p[1].0),
            "the sample ties two groups: {keys:?}"
        );
    }

    #[test]
    fn an_unknown_finding_chooses_nothing_and_marks_nothing() {
        let session = Session::new(crate::framework::sample());
        let opts = options(json!({"overlay": "gap", "finding": "nothing-of-the-sort"}));
        let r = refresh(&session, &mut Kept::default(), &opts);
        assert!(!r.result.finding_chosen);
        assert_eq!(r.result.finding_shows, None);
        assert!(r.states.iter().all(|s| !s.class.contains("is-highlighted")));
    }

    #[test]
    fn a_what_if_is_compared_with_the_baseline_kept_between_refreshes() {
        let mut session = Session::new(crate::framework::sample());
        let mut kept = Kept::default();
        let id = session.start_scenario("Better").unwrap();
        let gap = analysis::analyze(session.model())
            .findings
            .into_iter()
            .find(|f| f.kind == analysis::Kind::MaturityGap)
            .unwrap();
        let cell = &gap.cells()[0];
        let mut edit =
            json!({"theme": cell.theme, "player": cell.player, "current": 4, "target": 4});
        if let Some(unit) = cell.unit {
            edit["unit"] = json!(unit);
        }
        let edit = json!({ "setAssessment": edit });
        session.apply_json(edit, None).unwrap();
        let opts = options(json!({"overlay": "current", "skipFindings": true}));
        let r = refresh(&session, &mut kept, &opts);
        let counts = r.result.compared_counts.unwrap();
        assert!(counts.resolved >= 1, "the raised cell's gap is resolved");
        let comparison = r.result.comparison.unwrap();
        assert!(comparison.resolved.is_empty(), "lists skipped, counts kept");
        assert_eq!(r.result.session.active.map(|a| a.id), Some(id));
        assert!(r.result.session.can_undo);
        let again = refresh(&session, &mut kept, &opts);
        assert_eq!(
            again.result.compared_counts,
            Some(counts),
            "the kept baseline gives the same"
        );
    }
}
