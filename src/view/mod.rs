//! What the page shows of a model besides the SVG itself: the options of the
//! interactive view (overlay, unit, contributor filter, chosen finding,
//! selected cell, scenario changes), the cell states decorated with the
//! page's highlight classes, the per-cell facts for tooltips and the text
//! alternative, and the rows of the cell editor.
//!
//! Everything here is computed by the core so that the page only displays.
//! The per-cell facts live in `cells`, the cell editor's content in `editor`,
//! what one refresh of the editor shows in `refresh`, the Organization
//! pane's owners matrix in `owners`.

mod cells;
mod editor;
mod owners;
mod refresh;

pub use cells::{cell_infos, scale_label, CellInfo};
pub use editor::{cell_detail, CellDetail, EditorRow, IndexedResponsibility};
pub use owners::owners_rows;
pub use refresh::{
    cell_states, finding_groups, refresh, ComparedCounts, FindingGroup, Refresh, ViewResult,
};

use crate::analysis::finding::Kind;
use crate::analysis::Finding;
use crate::model::{ContributorKind, Model};
use crate::render::{self, CellState, Overlay, RenderOptions};
use crate::scores::cell_scores;
use crate::validate::fields::{self, Need};
use crate::validate::Invalid;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// A cell by its ids.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct CellRef {
    pub theme: String,
    pub player: String,
}

/// A set of cells.
pub type CellSet = BTreeSet<CellRef>;

/// A [`CellSet`] of `cells`. Why not `collect`: `BTreeSet`'s `FromIterator`
/// sorts its input first, one more copy of std's sort in the Wasm (see
/// `crate::order`); inserting one by one needs none.
fn cell_set(cells: impl IntoIterator<Item = CellRef>) -> CellSet {
    let mut set = CellSet::new();
    set.extend(cells);
    set
}

/// How many findings there are of each kind, by the kind's name.
pub fn finding_counts(findings: &[Finding]) -> BTreeMap<&'static str, usize> {
    let mut counts = BTreeMap::new();
    for f in findings {
        *counts.entry(f.kind.as_str()).or_insert(0) += 1;
    }
    counts
}

/// The interactive view's options. In JSON (camelCase) every field may be
/// left out or `null`, and unknown fields are ignored so that the page may
/// pass its whole view state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewOptions {
    pub overlay: Overlay,
    /// Show one unit's scores; `None` shows the mean over units.
    pub unit: Option<String>,
    /// Highlight the cells where this contributor has responsibilities.
    pub contributor: Option<String>,
    /// Highlight the cells where contributors of this kind have responsibilities.
    pub kind: Option<ContributorKind>,
    /// Highlight the cells this finding (by id) concerns; wins over the
    /// contributor filter while set.
    pub finding: Option<String>,
    /// The cell open in the editor.
    pub selected: Option<CellRef>,
    /// Mark the cells whose scores differ from the baseline's.
    pub show_changes: bool,
    /// Leave the list of findings out of the result (their count stays): a
    /// large model has thousands, and copying them to the page on every edit
    /// costs more than finding them when no one is looking at the list.
    pub skip_findings: bool,
    /// With the list on show, how many findings of each kind to list, worst
    /// first (the page shows a few of each kind, and all of a kind on
    /// request); `None` lists them all. The counts by kind stay whole
    /// ([`finding_counts`]). A model 100 times the sample's has thousands of
    /// findings: writing each one's sentence out for the page, and the page
    /// reading them, took about 40 ms of an undo with the list on show.
    pub findings_per_kind: Option<usize>,
    /// Kinds listed whole despite `findings_per_kind` (the page's groups
    /// opened with "Show all").
    pub findings_open: Vec<Kind>,
    /// Kinds listed further than `findings_per_kind`, each as far as the
    /// page shows it ("Show 100 more"): a page showing 1,008 of one kind
    /// had the core write 1,008 of every kind, to show 8 of the others.
    pub findings_listed: Vec<(Kind, usize)>,
    /// The comparison's lists (a what-if's resolved and introduced
    /// findings) listed whole despite `findings_per_kind`, which lists the
    /// first of each too: a plan of a model 100 times the sample's resolves
    /// some 4,000 findings, whose sentences the page read and listed on
    /// every update of that what-if (about a third of a second).
    pub compared_open: Vec<Compared>,
    /// The comparison's lists listed further than `findings_per_kind`.
    pub compared_listed: Vec<(Compared, usize)>,
    /// Labels beside the drawing or below it (the page picks by its width).
    pub layout: crate::layout::LayoutKind,
}

impl ViewOptions {
    /// Reads the options from their JSON form; `null` means every default.
    pub fn from_json(v: Value) -> Result<ViewOptions, Invalid> {
        fields::read_options(v, "view options", |r, mut f| {
            let kinds = &ContributorKind::ALL;
            ViewOptions {
                overlay: render::read_overlay(r, &mut f),
                unit: f.string(r, "unit", Need::Optional),
                contributor: f.string(r, "contributor", Need::Optional),
                kind: f.choice(r, "kind", Need::Optional, kinds, ContributorKind::as_str),
                finding: f.string(r, "finding", Need::Optional),
                selected: f.take(r, "selected", Need::Optional).and_then(|v| {
                    let mut c = r.open_object(v, f.at().key("selected"), "a cell")?;
                    Some(CellRef {
                        theme: c.string(r, "theme", Need::Required).unwrap_or_default(),
                        player: c.string(r, "player", Need::Required).unwrap_or_default(),
                    })
                }),
                show_changes: f.boolean(r, "showChanges", Need::Optional) == Some(true),
                skip_findings: f.boolean(r, "skipFindings", Need::Optional) == Some(true),
                findings_per_kind: f
                    .count(
                        r,
                        "findingsPerKind",
                        Need::Optional,
                        "a whole number (0 or more)",
                        u64::MAX,
                    )
                    .map(|n| usize::try_from(n).unwrap_or(usize::MAX)),
                findings_open: Kind::read_list(r, &mut f, "findingsOpen"),
                findings_listed: read_counts(r, &mut f, "findingsListed", &Kind::ALL, Kind::as_str),
                compared_open: {
                    let items = f.list(r, "comparedOpen", Need::Optional);
                    let at = f.at().key("comparedOpen");
                    items
                        .into_iter()
                        .enumerate()
                        .filter_map(|(i, v)| {
                            r.choice(v, &at.index(i), &Compared::ALL, Compared::as_str)
                        })
                        .collect()
                },
                compared_listed: read_counts(
                    r,
                    &mut f,
                    "comparedListed",
                    &Compared::ALL,
                    Compared::as_str,
                ),
                layout: render::read_layout(r, &mut f),
            }
        })
    }

    /// How many of `kind` to list: as far as the page shows it, else the
    /// page's count for every kind (`None`: all).
    fn listed<T: PartialEq + Copy>(&self, counts: &[(T, usize)], which: T) -> Option<usize> {
        let shown = counts.iter().find(|(t, _)| *t == which).map(|&(_, n)| n);
        shown.or(self.findings_per_kind)
    }

    /// Keeps of `findings` (the analysis' order, worst first) those the
    /// page lists: none but the chosen one when the list is not on show
    /// (`skip_findings`), else the first `findings_per_kind` of each kind
    /// not in `findings_open`, and the chosen one wherever it is. `chosen`:
    /// whether [`ViewOptions::finding`] names one of them.
    pub fn keep_listed(&self, findings: &mut Vec<Finding>, chosen: bool) {
        let chosen_id = self.finding.as_deref().filter(|_| chosen);
        let is_chosen = |f: &Finding| chosen_id.is_some_and(|id| f.has_id(id));
        if self.skip_findings {
            findings.retain(is_chosen);
            return;
        }
        let limits = Kind::ALL.map(|kind| match self.findings_open.contains(&kind) {
            true => None,
            false => self.listed(&self.findings_listed, kind),
        });
        let mut listed = [0usize; Kind::ALL.len()];
        findings.retain(|f| {
            let n = &mut listed[f.kind as usize];
            *n += 1;
            limits[f.kind as usize].map_or(true, |limit| *n <= limit) || is_chosen(f)
        });
    }

    /// Keeps of a comparison's lists those the page lists: none while the
    /// list is not on show (`skip_findings`), else the first
    /// `findings_per_kind` of each not in `compared_open`.
    pub fn keep_compared(&self, comparison: &mut crate::analysis::Comparison) {
        for (list, which) in [
            (&mut comparison.resolved, Compared::Resolved),
            (&mut comparison.introduced, Compared::Introduced),
        ] {
            if self.skip_findings {
                list.clear();
            } else if !self.compared_open.contains(&which) {
                if let Some(limit) = self.listed(&self.compared_listed, which) {
                    list.truncate(limit);
                }
            }
        }
    }

    pub fn render_options(&self) -> RenderOptions {
        RenderOptions {
            overlay: self.overlay,
            unit: self.unit.clone(),
            layout: self.layout,
            ..RenderOptions::default()
        }
    }
}

/// An object of counts by name at `key` of the options
/// (`{"maturity-gap": 108}`), for the names `all` has; others are ignored,
/// as unknown options are.
fn read_counts<T: Copy>(
    r: &mut fields::Reader,
    f: &mut fields::Fields,
    key: &str,
    all: &[T],
    name: fn(T) -> &'static str,
) -> Vec<(T, usize)> {
    let Some(v) = f.take(r, key, Need::Optional) else {
        return Vec::new();
    };
    let Some(mut counts) = r.open_object(v, f.at().key(key), "counts by name") else {
        return Vec::new();
    };
    all.iter()
        .filter_map(|&t| {
            let what = "a whole number (0 or more)";
            let n = counts.count(r, name(t), Need::Optional, what, u64::MAX)?;
            Some((t, usize::try_from(n).unwrap_or(usize::MAX)))
        })
        .collect()
}

/// A list of a what-if's comparison with its baseline ([`ViewOptions::compared_open`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compared {
    Resolved,
    Introduced,
}

impl Compared {
    pub const ALL: [Compared; 2] = [Compared::Resolved, Compared::Introduced];

    pub fn as_str(self) -> &'static str {
        match self {
            Compared::Resolved => "resolved",
            Compared::Introduced => "introduced",
        }
    }
}

/// What a finding concerns: its cells, or else the themes and players it
/// names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FindingScope {
    pub id: String,
    pub cells: Vec<CellRef>,
    pub themes: Vec<String>,
    pub players: Vec<String>,
}

impl FindingScope {
    /// What an analysis finding concerns (its cells' units aside).
    pub fn of(f: &Finding) -> FindingScope {
        let owned = |ids: Vec<&str>| ids.into_iter().map(String::from).collect();
        FindingScope {
            id: f.id(),
            cells: f
                .cells()
                .iter()
                .map(|c| CellRef {
                    theme: c.theme.to_string(),
                    player: c.player.to_string(),
                })
                .collect(),
            themes: owned(f.themes()),
            players: owned(f.players()),
        }
    }
}

/// What the diagram marks of a chosen finding ([`finding_cells`]): its
/// cells; else the whole wedges of the players it names, or the whole rings
/// of its themes (the cells where both meet, when it names both); else
/// nothing (a finding about systems or tracking). The page says so where
/// the marks are not plainly the finding's own cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Shows {
    Cells,
    Players,
    Themes,
    Nothing,
}

impl FindingScope {
    pub fn shows(&self) -> Shows {
        match (
            self.cells.is_empty(),
            self.themes.is_empty(),
            self.players.is_empty(),
        ) {
            (false, _, _) | (true, false, false) => Shows::Cells,
            (true, true, false) => Shows::Players,
            (true, false, true) => Shows::Themes,
            (true, true, true) => Shows::Nothing,
        }
    }
}

/// The page's highlight classes, by cell.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Marks {
    /// `Some`: these cells are highlighted and all others dimmed.
    pub highlighted: Option<CellSet>,
    pub changed: CellSet,
    pub selected: Option<CellRef>,
}

fn all_cells(model: &Model) -> impl Iterator<Item = CellRef> + '_ {
    model.framework.themes.iter().flat_map(move |t| {
        model.framework.players.iter().map(move |p| CellRef {
            theme: t.id.clone(),
            player: p.id.clone(),
        })
    })
}

/// The cells a finding concerns: its cells, else the cells of the themes and
/// players it names (a theme alone means its whole ring).
pub fn finding_cells(model: &Model, f: &FindingScope) -> CellSet {
    if !f.cells.is_empty() {
        return cell_set(f.cells.iter().cloned());
    }
    if f.themes.is_empty() && f.players.is_empty() {
        return CellSet::default();
    }
    cell_set(all_cells(model).filter(|c| {
        (f.themes.is_empty() || f.themes.contains(&c.theme))
            && (f.players.is_empty() || f.players.contains(&c.player))
    }))
}

/// The cells where the chosen contributor (or kind of contributor) has
/// responsibilities.
pub fn contributor_cells(
    model: &Model,
    contributor: Option<&str>,
    kind: Option<ContributorKind>,
) -> CellSet {
    let chosen: HashSet<&str> = model
        .contributors
        .iter()
        .filter(|c| contributor.map_or(true, |id| c.id == id) && kind.map_or(true, |k| c.kind == k))
        .map(|c| c.id.as_str())
        .collect();
    cell_set(
        model
            .responsibilities
            .iter()
            .filter(|r| chosen.contains(r.contributor.as_str()))
            .map(|r| CellRef {
                theme: r.theme.clone(),
                player: r.player.clone(),
            }),
    )
}

/// The cells whose shown scores differ between the baseline and a scenario.
pub fn changed_cells(baseline: &Model, scenario: &Model, unit: Option<&str>) -> CellSet {
    let before = cell_scores(baseline, unit);
    let mut cells = CellSet::new();
    for after in cell_scores(scenario, unit) {
        let same = before
            .iter()
            .find(|b| b.theme == after.theme && b.player == after.player);
        if !same.is_some_and(|b| {
            b.current == after.current && b.target == after.target && b.assessed == after.assessed
        }) {
            cells.insert(CellRef {
                theme: after.theme,
                player: after.player,
            });
        }
    }
    cells
}

/// The marks for a view of `model`; `baseline` is given when a scenario is on
/// show, `findings` are the analysis findings of `model`.
pub fn marks(
    model: &Model,
    baseline: Option<&Model>,
    findings: &[FindingScope],
    opts: &ViewOptions,
) -> Marks {
    let chosen_finding = opts
        .finding
        .as_deref()
        .and_then(|id| findings.iter().find(|f| f.id == id));
    let highlighted = if let Some(f) = chosen_finding {
        Some(finding_cells(model, f))
    } else if opts.contributor.is_some() || opts.kind.is_some() {
        Some(contributor_cells(
            model,
            opts.contributor.as_deref(),
            opts.kind,
        ))
    } else {
        None
    };
    let changed = match (opts.show_changes, baseline) {
        (true, Some(b)) => changed_cells(b, model, opts.unit.as_deref()),
        _ => CellSet::default(),
    };
    Marks {
        highlighted,
        changed,
        selected: opts.selected.clone(),
    }
}

/// Adds the page's classes to the core's cell states.
pub fn decorate(states: &mut [CellState], marks: &Marks) {
    for s in states {
        let key = CellRef {
            theme: s.theme.clone(),
            player: s.player.clone(),
        };
        if let Some(h) = &marks.highlighted {
            s.class.push_str(if h.contains(&key) {
                " is-highlighted"
            } else {
                " is-dimmed"
            });
        }
        if marks.changed.contains(&key) {
            s.class.push_str(" is-changed");
        }
        if marks.selected.as_ref() == Some(&key) {
            s.class.push_str(" is-selected");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Assessment, Contributor, Item, Responsibility};

    fn cell(theme: &str, player: &str) -> CellRef {
        CellRef {
            theme: theme.into(),
            player: player.into(),
        }
    }

    fn model() -> Model {
        let mut m = Model::empty("Org");
        m.units = vec![Item::new("retail", "Retail")];
        m.contributors = vec![
            Contributor {
                id: "gig".into(),
                label: "Gig workers".into(),
                kind: ContributorKind::External,
                headcount: None,
            },
            Contributor {
                id: "staff".into(),
                label: "Staff".into(),
                kind: ContributorKind::Internal,
                headcount: None,
            },
        ];
        m.responsibilities = vec![
            Responsibility {
                contributor: "gig".into(),
                theme: "integration".into(),
                player: "procurement".into(),
                activity: None,
                control: None,
            },
            Responsibility {
                contributor: "staff".into(),
                theme: "management".into(),
                player: "hr".into(),
                activity: None,
                control: None,
            },
        ];
        m.assessments = vec![Assessment {
            theme: "integration".into(),
            player: "hr".into(),
            unit: Some("retail".into()),
            current: 1.4,
            target: Some(3.0),
            weight: 1.0,
            note: Some("<b>note</b>".into()),
        }];
        m
    }

    #[test]
    fn the_contributor_filter_highlights_its_responsibility_cells() {
        let m = model();
        let gig = contributor_cells(&m, Some("gig"), None);
        assert_eq!(
            gig,
            [cell("integration", "procurement")].into_iter().collect()
        );
        let internal = contributor_cells(&m, None, Some(ContributorKind::Internal));
        assert_eq!(internal, [cell("management", "hr")].into_iter().collect());
        assert!(contributor_cells(&m, Some("gig"), Some(ContributorKind::Internal)).is_empty());
    }

    #[test]
    fn a_finding_without_cells_covers_its_themes_and_players() {
        let m = model();
        let ring = FindingScope {
            id: "f".into(),
            themes: vec!["technology".into()],
            ..Default::default()
        };
        assert_eq!(finding_cells(&m, &ring).len(), 6);
        let one = FindingScope {
            id: "g".into(),
            cells: vec![cell("leadership", "it")],
            themes: vec!["technology".into()],
            ..Default::default()
        };
        assert_eq!(finding_cells(&m, &one).len(), 1);
        assert!(finding_cells(&m, &FindingScope::default()).is_empty());
    }

    #[test]
    fn decoration_adds_highlight_change_and_selection_classes() {
        let m = model();
        let mut scenario = m.clone();
        scenario.assessments[0].current = 2.0;
        let opts = ViewOptions {
            contributor: Some("gig".into()),
            show_changes: true,
            selected: Some(cell("leadership", "it")),
            ..Default::default()
        };
        let marks = marks(&scenario, Some(&m), &[], &opts);
        let wanted = [
            cell("integration", "procurement"),
            cell("integration", "hr"),
            cell("leadership", "it"),
        ];
        let mut states: Vec<CellState> =
            crate::render::cell_states(&scenario, &opts.render_options())
                .into_iter()
                .filter(|s| wanted.contains(&cell(&s.theme, &s.player)))
                .map(|mut s| {
                    s.class = "cell".into();
                    s
                })
                .collect();
        states.sort_by_key(|s| wanted.iter().position(|w| *w == cell(&s.theme, &s.player)));
        decorate(&mut states, &marks);
        assert_eq!(states[0].class, "cell is-highlighted");
        assert_eq!(states[1].class, "cell is-dimmed is-changed");
        assert_eq!(states[2].class, "cell is-dimmed is-selected");
    }

    #[test]
    fn a_chosen_finding_wins_over_the_contributor_filter() {
        let m = model();
        let f = FindingScope {
            id: "gap-1".into(),
            cells: vec![cell("leadership", "hr")],
            ..Default::default()
        };
        let opts = ViewOptions {
            contributor: Some("gig".into()),
            finding: Some("gap-1".into()),
            ..Default::default()
        };
        let marks = marks(&m, None, &[f], &opts);
        assert_eq!(
            marks.highlighted,
            Some([cell("leadership", "hr")].into_iter().collect())
        );
        // without a baseline there is nothing to compare with
        assert!(marks.changed.is_empty());
    }

    #[test]
    fn changes_follow_the_unit_on_show() {
        let m = model();
        let mut s = m.clone();
        s.assessments[0].target = Some(4.0);
        assert_eq!(changed_cells(&m, &s, None).len(), 1);
        assert_eq!(changed_cells(&m, &s, Some("retail")).len(), 1);
        assert!(changed_cells(&m, &s, Some("other")).is_empty());
        assert!(changed_cells(&m, &m, None).is_empty());
    }

    #[test]
    fn cell_infos_name_scores_on_the_scale() {
        let m = model();
        let infos = cell_infos(&m, None, &Marks::default());
        let hr = infos
            .iter()
            .find(|c| c.theme == "integration" && c.player == "hr")
            .unwrap();
        assert_eq!(hr.current_label.as_deref(), Some("Ad hoc"));
        assert_eq!(hr.target_label.as_deref(), Some("Integrated"));
        assert_eq!(hr.theme_label, "Integration architectures");
        assert_eq!(hr.score.notes, vec!["<b>note</b>".to_string()]);
        assert_eq!(scale_label(&m.scale, -3.0), None);
        assert_eq!(scale_label(&m.scale, f64::NAN), None);
        assert_eq!(scale_label(&m.scale, 9.0), None);
    }

    /// The page names cells, players, themes and levels as the diagram
    /// does: the standard ones in the language set, the model's own as given.
    #[test]
    fn cells_and_the_cell_detail_are_named_in_the_language() {
        let mut m = model();
        m.framework.players[0].label = "Our leaders".into();
        let (infos, detail) = crate::language::in_french(|| {
            (
                cell_infos(&m, None, &Marks::default()),
                cell_detail(&m, "integration", "hr").unwrap(),
            )
        });
        let hr = infos
            .iter()
            .find(|c| c.theme == "integration" && c.player == "hr")
            .unwrap();
        assert_eq!(hr.theme_label, "Architectures d’intégration");
        assert_eq!(hr.player_label, "RH");
        assert_eq!(hr.current_label.as_deref(), Some("Ponctuel"));
        assert_eq!(hr.target_label.as_deref(), Some("Intégré"));
        let own = &m.framework.players[0];
        let theirs = infos.iter().find(|c| c.player == own.id).unwrap();
        assert_eq!(
            theirs.player_label, "Our leaders",
            "a name the model gives stays"
        );
        assert_eq!(detail.theme.label, "Architectures d’intégration");
        assert_eq!(detail.player.label, "RH");
        assert_eq!(detail.scale.labels[1], "Ponctuel");
        // and English once the language is unset
        assert_eq!(
            cell_detail(&m, "integration", "hr").unwrap().player.label,
            "HR"
        );
    }

    #[test]
    fn the_cell_detail_lists_the_organization_then_each_unit() {
        let m = model();
        let d = cell_detail(&m, "integration", "hr").unwrap();
        assert_eq!(d.rows.len(), 2);
        assert!(d.rows[0].unit.is_none() && d.rows[0].assessment.is_none());
        assert_eq!(d.rows[1].assessment.as_ref().map(|a| a.current), Some(1.4));
        let p = cell_detail(&m, "integration", "procurement").unwrap();
        assert_eq!(p.responsibilities[0].contributor_label, "Gig workers");
        assert_eq!(p.responsibilities[0].index, 0);
        assert!(cell_detail(&m, "nope", "hr").is_none());
    }

    #[test]
    fn view_options_read_the_pages_view_state() {
        let v = serde_json::json!({
            "overlay": "gap", "unit": "retail", "contributor": null, "kind": "external",
            "finding": "f1", "selected": {"theme": "t", "player": "p", "extra": 1},
            "showChanges": true, "skipFindings": false, "somethingElse": [1, 2],
            "layout": "narrow", "findingsPerKind": 8, "findingsOpen": ["silo", "conflict"],
            "comparedOpen": ["introduced"], "findingsListed": {"redundant": 108, "later": 3},
            "comparedListed": {"resolved": 208}
        });
        assert_eq!(
            ViewOptions::from_json(v).unwrap(),
            ViewOptions {
                overlay: Overlay::Gap,
                unit: Some("retail".into()),
                contributor: None,
                kind: Some(ContributorKind::External),
                finding: Some("f1".into()),
                selected: Some(cell("t", "p")),
                show_changes: true,
                skip_findings: false,
                findings_per_kind: Some(8),
                findings_open: vec![Kind::Silo, Kind::Conflict],
                findings_listed: vec![(Kind::Redundant, 108)],
                compared_open: vec![Compared::Introduced],
                compared_listed: vec![(Compared::Resolved, 208)],
                layout: crate::layout::LayoutKind::Narrow,
            }
        );
        for defaults in [
            Value::Null,
            serde_json::json!({}),
            serde_json::json!({"overlay": null}),
        ] {
            assert_eq!(
                ViewOptions::from_json(defaults).unwrap(),
                ViewOptions::default()
            );
        }
    }

    #[test]
    fn the_comparisons_lists_are_cut_as_the_findings_are() {
        let base = crate::framework::sample();
        let mut scenario = base.clone();
        scenario.assessments.clear();
        let compared = crate::analysis::compare(&base, &scenario);
        assert!(compared.resolved.len() > 1, "the fixture resolves findings");
        let resolved = |opts: ViewOptions| {
            let mut c = compared.clone();
            opts.keep_compared(&mut c);
            (
                c.resolved.len(),
                c.introduced.len(),
                c.changed_cells == compared.changed_cells,
            )
        };
        let all = (compared.resolved.len(), compared.introduced.len(), true);
        assert_eq!(resolved(ViewOptions::default()), all);
        let one = ViewOptions {
            findings_per_kind: Some(1),
            ..ViewOptions::default()
        };
        assert_eq!(
            resolved(one.clone()),
            (1, compared.introduced.len().min(1), true)
        );
        // one list further than the other
        let further = ViewOptions {
            compared_listed: vec![(Compared::Resolved, 2)],
            ..one.clone()
        };
        assert!(
            compared.resolved.len() > 2,
            "the fixture resolves more than two"
        );
        assert_eq!(
            resolved(further),
            (2, compared.introduced.len().min(1), true)
        );
        let opened = ViewOptions {
            compared_open: vec![Compared::Resolved],
            ..one
        };
        assert_eq!(resolved(opened).0, compared.resolved.len());
        let skipped = ViewOptions {
            skip_findings: true,
            compared_open: vec![Compared::Resolved],
            ..ViewOptions::default()
        };
        assert_eq!(resolved(skipped), (0, 0, true));
    }

    #[test]
    fn bad_view_options_name_the_option() {
        let cases = [
            (serde_json::json!(3), "options: expected view options (an object), found the number 3"),
            (
                serde_json::json!({"overlay": "heat"}),
                "options.overlay: expected \"none\", \"current\", \"target\", \"gap\" or \"agreement\", found the string \"heat\"",
            ),
            (
                serde_json::json!({"kind": "both", "showChanges": "yes"}),
                "options.kind: expected \"internal\" or \"external\", found the string \"both\"\n\
                 options.showChanges: expected true or false, found the string \"yes\"",
            ),
            (
                serde_json::json!({"selected": {"theme": "t"}}),
                "options.selected.player: required, but missing",
            ),
            (
                serde_json::json!({"selected": "t"}),
                "options.selected: expected a cell (an object), found the string \"t\"",
            ),
            (
                serde_json::json!({"findingsPerKind": -1, "findingsOpen": ["silo", "gaps"]}),
                "options.findingsPerKind: expected a whole number (0 or more), found the number -1\n\
                 options.findingsOpen[1]: expected \"maturity-gap\", \"uncovered\", \"redundant\", \"conflict\", \"untracked\", \"fragmented\" or \"silo\", found the string \"gaps\"",
            ),
            (
                serde_json::json!({"comparedOpen": ["resolved", "fixed"]}),
                "options.comparedOpen[1]: expected \"resolved\" or \"introduced\", found the string \"fixed\"",
            ),
            (
                serde_json::json!({"findingsOpen": vec!["silo"; 8]}),
                "options.findingsOpen: 8 kinds listed; at most 7 kinds, one of each",
            ),
        ];
        for (v, expected) in cases {
            assert_eq!(ViewOptions::from_json(v).unwrap_err().to_string(), expected);
        }
    }

    /// A page of each kind, worst first; a kind opened whole; the chosen
    /// finding wherever it is; none but it when the list is not on show.
    #[test]
    fn the_page_lists_a_page_of_each_kind_and_the_chosen_finding() {
        let all = crate::analysis::analyze(&crate::framework::sample()).findings;
        let counts = finding_counts(&all);
        let (big, n) = counts.iter().max_by_key(|(_, n)| **n).unwrap();
        assert!(
            *n > 3,
            "the sample has a kind with more than 3 findings: {counts:?}"
        );
        let kind_of = |name: &str| *Kind::ALL.iter().find(|k| k.as_str() == name).unwrap();
        let big = kind_of(big);
        let last_of_big = all.iter().rev().find(|f| f.kind == big).unwrap().id();
        let listed = |opts: &ViewOptions, chosen: bool| {
            let mut v = all.clone();
            opts.keep_listed(&mut v, chosen);
            v.iter().map(Finding::id).collect::<Vec<_>>()
        };
        let page = ViewOptions {
            findings_per_kind: Some(2),
            ..ViewOptions::default()
        };
        let ids = listed(&page, false);
        let expected: Vec<String> = all
            .iter()
            .filter(|f| {
                let before = all.iter().take_while(|g| !std::ptr::eq(*g, *f));
                before.filter(|g| g.kind == f.kind).count() < 2
            })
            .map(Finding::id)
            .collect();
        assert_eq!(
            ids, expected,
            "the first two of each kind, in the analysis' order"
        );
        for (kind, count) in &counts {
            let shown = all
                .iter()
                .filter(|f| f.kind.as_str() == *kind && ids.contains(&f.id()))
                .count();
            assert_eq!(shown, (*count).min(2), "{kind}");
        }
        assert!(!ids.contains(&last_of_big));
        let chosen = ViewOptions {
            finding: Some(last_of_big.clone()),
            ..page.clone()
        };
        assert!(
            listed(&chosen, true).contains(&last_of_big),
            "the chosen one is listed"
        );
        assert_eq!(listed(&chosen, true).len(), ids.len() + 1);
        // one kind listed further, the others a page
        let further = ViewOptions {
            findings_listed: vec![(big, 3)],
            ..page.clone()
        };
        let more = listed(&further, false);
        let count = |ids: &[String], kind: Kind| {
            let of_kind = all.iter().filter(|f| f.kind == kind);
            of_kind.filter(|f| ids.contains(&f.id())).count()
        };
        assert_eq!(count(&more, big), 3);
        assert_eq!(more.len(), ids.len() + 1, "the others as they were");
        let open = ViewOptions {
            findings_open: vec![big],
            ..page.clone()
        };
        assert_eq!(
            listed(&open, false)
                .iter()
                .filter(|id| id.starts_with(big.as_str()))
                .count(),
            *n
        );
        let hidden = ViewOptions {
            skip_findings: true,
            ..chosen.clone()
        };
        assert_eq!(listed(&hidden, true), vec![last_of_big.clone()]);
        assert_eq!(
            listed(&hidden, false),
            Vec::<String>::new(),
            "a chosen id the model lacks lists nothing"
        );
        assert_eq!(listed(&ViewOptions::default(), false).len(), all.len());
        assert_eq!(counts.values().sum::<usize>(), all.len());
    }

    /// The scope of every finding of the sample is what its JSON says.
    #[test]
    fn finding_scopes_match_the_findings_json() {
        let sample = crate::framework::sample();
        let report = crate::analysis::analyze(&sample);
        assert!(report.findings.len() > 10);
        let strings = |v: &serde_json::Value| -> Vec<String> {
            v.as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap().to_string())
                .collect()
        };
        let mut with_cells = 0;
        for f in &report.findings {
            let json = serde_json::to_value(f).unwrap();
            let cells: Vec<CellRef> = json["cells"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| cell(c["theme"].as_str().unwrap(), c["player"].as_str().unwrap()))
                .collect();
            with_cells += !cells.is_empty() as usize;
            let expected = FindingScope {
                id: json["id"].as_str().unwrap().to_string(),
                cells,
                themes: strings(&json["themes"]),
                players: strings(&json["players"]),
            };
            assert_eq!(FindingScope::of(f), expected);
        }
        assert!(with_cells > 0 && with_cells < report.findings.len());
    }
}
