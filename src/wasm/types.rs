//! The TypeScript types of the values the API takes and returns, for the
//! `.d.ts` that wasm-bindgen writes (the page's JSDoc is checked against it).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** One problem of an invalid model or edit. */
export interface Problem { path: string; message: string; line?: number; column?: number }
/** The Error thrown for an invalid model or edit: the first 100 problems, and how many more there are. */
export interface InvalidError extends Error { problems: Problem[]; more: number }
export type Overlay = "none" | "current" | "target" | "gap" | "agreement";
export interface CellRef { theme: string; player: string }
export interface ViewOptions {
  overlay?: Overlay; unit?: string | null; contributor?: string | null;
  kind?: "internal" | "external" | null; finding?: string | null;
  selected?: CellRef | null; showChanges?: boolean;
  /** list only the chosen finding in analysis.findings (findingCount stays): for when the list is not on show */
  skipFindings?: boolean;
  /** list the first N findings of each kind, worst first (findingCounts stay whole) */
  findingsPerKind?: number | null;
  /** kinds listed whole despite findingsPerKind */
  findingsOpen?: FindingKind[];
  /** the comparison's lists listed whole despite findingsPerKind, which lists the first N of each too */
  comparedOpen?: ("resolved" | "introduced")[];
  /** kinds listed further than findingsPerKind, each as far as the page shows it */
  findingsListed?: Partial<Record<FindingKind, number>>;
  /** the comparison's lists listed further than findingsPerKind */
  comparedListed?: { resolved?: number; introduced?: number };
  /** legend and long names beside the drawing (wide), in its square (square) or below it (narrow, for phones) */
  layout?: LayoutKind;
}
export type LayoutKind = "wide" | "square" | "narrow";
/** One layout's drawing: its view box's size and the least scale (CSS px per unit) at which its text reads at 12 px. */
export interface FitSize { width: number; height: number; minScale: number }
/** What the choice of layout hangs on (Workspace.fit). */
export interface Fit { wide: FitSize; square: FitSize; narrow: FitSize }
/** A title block above the drawing: `true`, or what it says besides the model's name, overlay and unit. */
export type Caption = boolean | { scenario?: string | null; date?: string | null };
export interface RenderOptions {
  overlay?: Overlay; unit?: string | null; standalone?: boolean;
  layout?: LayoutKind; caption?: Caption | null;
  /** false: no legend (the page says what the colours mean) */
  legend?: boolean | null;
}
export interface Assessment {
  theme: string; player: string; unit?: string; current: number;
  target?: number; weight?: number; note?: string;
}
export interface Responsibility {
  contributor: string; theme: string; player: string;
  activity?: string; control?: "strict" | "moderate" | "light";
}
export interface Contributor { id: string; label: string; kind: "internal" | "external"; headcount?: number }
export interface System { id: string; label: string; owner: string; contributors?: string[] }
export interface Integration { from: string; to: string }
export interface Item { id: string; label: string }
/** One edit; the operation is the only key. An empty `id` in an addition asks the core to make one from the label. */
export type Edit =
  | { setName: string }
  | { setAssessment: Assessment }
  | { removeAssessment: { theme: string; player: string; unit?: string | null } }
  | { addUnit: Item }
  | { renameUnit: Item }
  | { removeUnit: string }
  | { addContributor: Contributor }
  | { updateContributor: Contributor }
  | { removeContributor: string }
  | { addResponsibility: Responsibility }
  | { updateResponsibility: [number, Responsibility] }
  | { removeResponsibility: number }
  | { addSystem: System }
  | { updateSystem: System }
  | { removeSystem: string }
  | { addIntegration: Integration }
  | { removeIntegration: Integration };
export type FindingKind = "maturity-gap" | "uncovered" | "redundant" | "conflict" | "untracked" | "fragmented" | "silo";
export interface Finding {
  id: string; kind: FindingKind; severity: number; explanation: string;
  cells: { theme: string; player: string; unit?: string }[];
  players: string[]; themes: string[]; contributors: string[]; systems: string[]; units: string[];
}
export interface Readiness {
  overall: number | null;
  themes: Record<string, number | null>; players: Record<string, number | null>; units: Record<string, number | null>;
}
/** How the systems connect: groups of systems joined by integrations, and the systems tracking each contributor. */
export interface SystemsSummary { components: number; groups: string[][]; tracking: Record<string, string[]> }
/** One cell's agreement among the merged responses: how many scored it, their mean scores, the spread (highest − lowest) and who gave each end. */
export interface CellAgreement {
  theme: string; player: string; unit?: string; count: number; current: number; target: number | null;
  spread: number; targetSpread: number | null; lowest: number; highest: number; low: string[]; high: string[];
}
/** A cell whose respondents are at least two scale steps apart (severity: the spread). */
export interface Disagreement extends CellAgreement { id: string; kind: "disagreement"; severity: number; explanation: string }
/** disagreements: absent when the model holds no merged responses that disagree */
export interface Analysis { readiness: Readiness; findings: Finding[]; systems: SystemsSummary; disagreements?: Disagreement[] }
export interface Delta { before: number | null; after: number | null; delta: number | null }
export interface Comparison {
  changedCells: { theme: string; player: string; unit: string | null;
    before: { current: number; target: number | null } | null; after: { current: number; target: number | null } | null }[];
  readiness: { overall: Delta; themes: Record<string, Delta>; players: Record<string, Delta>; units: Record<string, Delta> };
  resolved: Finding[]; introduced: Finding[]; unchanged: number;
  /** everything the scenario changed, by kind, only the kinds it changed */
  changes: { kind: "scores" | "owners" | "contributors" | "systems" | "links" | "units" | "name" | "framework" | "scale"; count: number }[];
  /** the contributors the scenario added (before null), removed (after null) or changed */
  changedContributors: { contributor: string; before: Contributor | null; after: Contributor | null }[];
  /** the (contributor, theme) pairs whose owners the scenario changed, by id; owners sorted by player */
  changedOwners: { contributor: string; theme: string; before: Owner[]; after: Owner[] }[];
  /** the systems it added (before null), removed (after null) or changed, links included */
  changedSystems: { system: string; before: SystemFacts | null; after: SystemFacts | null }[];
}
export interface Owner { player: string; activity?: string; control?: "strict" | "moderate" | "light" }
export interface SystemFacts { label: string; owner: string; contributors: string[]; links: string[] }
/** A finding kind's names: its group's title, one finding's name, what it means. */
export interface KindNames { kind: FindingKind; title: string; name: string; meaning: string }
export interface Scale { min: number; max: number; labels?: string[] }
export interface Model {
  schema: string; name: string; framework: { players: Item[]; themes: Item[] }; scale: Scale;
  units: Item[]; assessments: Assessment[]; contributors: Contributor[];
  responsibilities: Responsibility[]; systems: System[]; integrations: Integration[];
  /** who answered, when the model is one person's response to a survey */
  respondent?: Respondent;
  /** the responses merged into the model (absent when none) */
  responses?: MergedResponse[];
  /** dated snapshots of the scores, oldest first (absent when none) */
  history?: Snapshot[];
}
/** The model without its scores (Workspace.outline): their counts instead of the assessments, merged responses and snapshots. */
export interface ModelOutline extends Omit<Model, "assessments" | "responses" | "history"> {
  assessmentCount: number; responseCount: number; snapshotCount: number;
}
/** Who answered a survey: an anonymous code, a role, a date (YYYY-MM-DD). */
export interface Respondent { code?: string; role?: string; date?: string }
/** One cell's scores as one person gave them, or as they stood on a date. */
export interface Score { theme: string; player: string; unit?: string; current: number; target?: number }
/** One respondent's scores, as merged into a model (respondent: a name or an anonymous code). */
export interface MergedResponse { respondent: string; role?: string; date?: string; scores: Score[] }
/** The model's scores on a date (YYYY-MM-DD). */
export interface Snapshot { date: string; scores: Score[] }
export interface CellDetail {
  theme: Item; player: Item; scale: Scale;
  /** the whole organization (unit null) first, then each unit */
  rows: { unit: Item | null; assessment: Assessment | null }[];
  responsibilities: (Responsibility & { index: number; contributorLabel: string })[];
}
export interface CellInfo {
  theme: string; player: string; themeLabel: string; playerLabel: string;
  assessed: number; current: number | null; target: number | null; gap: number | null;
  notes: string[]; currentLabel: string | null; targetLabel: string | null;
  changed: boolean; highlighted: boolean | null;
}
/** planned: the what-if was started from a plan (Workspace.scenarioPlan gives it) */
export interface ScenarioInfo { id: number; name: string; planned: boolean }
/** What a plan resolves and within which budget; every field optional (default: every finding, no budget). */
export interface PlanOptions {
  kinds?: FindingKind[]; minSeverity?: number | null; maxChanges?: number | null;
  /** a readiness target, 0 to 1 */
  readiness?: number | null; unit?: string | null;
}
export type PlanKind = "owners" | "leads" | "controls" | "tracking" | "integrations" | "scores";
export interface PlanMove { before: number | null; after: number | null }
export interface PlanStep {
  kind: PlanKind; theme?: string; title: string;
  /** the edits, applied in order; texts: one sentence per edit */
  changes: Edit[]; texts: string[];
  /** the ids of the findings gone after this step; explanations: their sentences */
  resolves: string[]; explanations: string[];
  readiness: PlanMove;
}
export interface Plan {
  unit?: string; readiness: PlanMove; target?: number; reached?: boolean;
  changeCount: number; steps: PlanStep[];
  /** the chosen findings the plan leaves (budget, or beyond the changes a plan makes) */
  left: string[];
}
export interface SessionInfo {
  active: ScenarioInfo | null; scenarios: ScenarioInfo[];
  canUndo: boolean; canRedo: boolean;
}
export interface ViewResult {
  /** true when the whole SVG was drawn again, false when cells were updated in place */
  full: boolean;
  /** how many cells were touched */
  changed: number;
  /** moves whenever the model on show changes */
  revision: number;
  /** moves only when more than its scores changes (labels, lists, another model on show) */
  structure: number;
  /** how many findings there are, listed in analysis.findings unless skipFindings */
  findingCount: number;
  /** how many findings there are of each kind (findingsPerKind lists fewer) */
  findingCounts: Partial<Record<FindingKind, number>>;
  /** the findings list's groups in the order it shows them (the worst finding's group first; ties in the report's order, disagreements last), each with how many it holds in all */
  findingGroups: { kind: FindingKind | "disagreement"; count: number }[];
  /** whether options.finding names a finding of the model on show */
  findingChosen: boolean;
  /** what the diagram marks of the chosen finding: its cells, its players' wedges, its themes' rings or nothing; null when none is chosen */
  findingShows: "cells" | "players" | "themes" | "nothing" | null;
  /** without findings, why: nothing to analyse yet, nothing scored yet, or all clear */
  findingsNote: "empty" | "unassessed" | "clear" | null;
  analysis: Analysis;
  /** the comparison with the baseline while a scenario is on show (its lists cut as findings are: skipFindings, findingsPerKind) */
  comparison: Comparison | null;
  /** how many findings the what-if on show resolves and introduces, however many comparison lists */
  comparedCounts: { resolved: number; introduced: number } | null;
  cells: CellInfo[];
  session: SessionInfo;
}
"#;
