// The findings pane (grouped by kind, worst first; choosing one highlights
// what it concerns) and the readiness pane (per theme, player and unit, with
// the differences from the baseline while a what-if is on show). Both show
// what the core computed; nothing is computed here.
import { h, preservingFocus, replace, setAttr, setText } from './dom.js';
import { t, tn, formatNumber, formatCompact, formatPercent, formatPoints, changed, language } from './i18n.js';
import { state, onRefresh, setView, currentModel, refresh, announce } from './store.js';
import { planSection } from './plan.js';
import { isolate } from './pkg/workforce_ecosystem.js';
import { kindNamesOf } from './core-language.js';

const PAGE = 8;

let findingsPane;
let readinessPane;
let badge;
let actions = {};
/** The kinds opened whole with "Show all". @type {Set<string>} */
const expanded = new Set();

/** A group's title: the core's name for the kind, in the page's language; the responses' disagreements are the page's own group. */
function kindTitle(kind) {
  return kind === 'disagreement' ? t('finding.kind.disagreement') : kindNamesOf(kind)?.title ?? kind;
}

/** One finding's kind beside its sentence: the same name the report and the exports give it. */
function kindName(kind) {
  return kindNamesOf(kind)?.name ?? kind;
}

/**
 * The findings in the core's groups (`findingGroups`: the worst finding's
 * group first), each with its findings as the core lists them (a page of
 * each kind, the worst first, and a kind whole once opened) and how many
 * there are in all.
 * @param {any[]} findings
 * @param {{ kind: string, count: number }[]} order
 * @returns {[string, any[], number][]}
 */
function groups(findings, order) {
  return order.map(({ kind, count }) => [kind, findings.filter((f) => f.kind === kind), count]);
}

/** The label of `id` as the page's sentences hold it: isolated, so a right-to-left name or a bidi control in it reorders none of the sentence. */
function labelOf(list, id) {
  return isolate(list.find((x) => x.id === id)?.label ?? id);
}

/** A list of names as the page's language writes one ("A, B and C"). */
function listOf(names) {
  return new Intl.ListFormat(language(), { type: 'conjunction' }).format(names);
}

/**
 * What the diagram shows of the chosen finding, when that is not plainly
 * the cells it outlines: the core says what it marks (findingShows), its
 * cells, else its players' whole wedges or its themes' whole rings, else
 * nothing (systems, tracking).
 * @param {any} f
 * @param {string | null} section where its items are edited
 */
function shownLine(f, section) {
  const m = currentModel();
  const names = (list, ids) => listOf(ids.map((id) => labelOf(list, id)));
  let text = null;
  const shows = state.result?.findingShows;
  if (shows === 'cells') {
    const unit = f.units?.length === 1 ? f.units[0] : null;
    if (unit && state.view.unit === unit) text = t('finding.shown.unit', { unit: labelOf(m.units, unit) });
  } else if (shows === 'players') {
    text = t('finding.shown.players', { players: names(m.framework.players, f.players) });
  } else if (shows === 'themes') {
    text = t('finding.shown.themes', { themes: names(m.framework.themes, f.themes) });
  } else if (shows === 'nothing') {
    text = section ? t('finding.shown.noneAt', { section: t(`org.${section}`) }) : t('finding.shown.none');
  }
  return text ? h('p', { class: 'finding-shown', text }) : null;
}

/**
 * The unit a finding put on show (`to`) and the one the reader had chosen
 * (`from`, null for all units), while it is still on show.
 * @type {{ from: string | null, to: string } | null}
 */
let peeked = null;

/**
 * Chooses a finding (or none). A finding about one unit's cell shows that
 * unit in the diagram, whose cells otherwise show another unit or the mean
 * over all of them: the outlined cell would not show the finding's score.
 * The next finding that is not about a unit (or none) puts back the unit
 * the reader had chosen, unless they chose another since.
 * @param {any} f
 */
function choose(f) {
  const m = currentModel();
  const unit = f && f.units?.length === 1 && f.cells?.length ? f.units[0] : null;
  const known = unit !== null && m.units.some((u) => u.id === unit);
  if (known && unit === state.view.unit) {
    setView({ finding: f.id });
    return;
  }
  const back = peeked && state.view.unit === peeked.to ? { unit: peeked.from } : {};
  peeked = null;
  if (known) {
    peeked = { from: 'unit' in back ? back.unit : state.view.unit ?? null, to: unit };
    setView({ finding: f.id, unit });
    announce(t('finding.shown.unit', { unit: labelOf(m.units, unit) }));
    return;
  }
  setView({ finding: f?.id ?? null, ...back });
}

/** Buttons that take the user to what a chosen finding concerns. */
function findingActions(f) {
  const m = currentModel();
  const out = [];
  // a disagreement concerns its one cell (theme and player are its own)
  const cells = f.kind === 'disagreement' ? [{ theme: f.theme, player: f.player }] : f.cells ?? [];
  for (const c of cells.slice(0, 4)) {
    const name = t('cell.title', { theme: labelOf(m.framework.themes, c.theme), player: labelOf(m.framework.players, c.player) });
    out.push(h('button', {
      type: 'button',
      class: 'chip-button',
      dataset: { key: `go:${f.id}:${c.theme}:${c.player}` },
      on: { click: () => actions.openCell(c.theme, c.player) },
    }, t('finding.editCell', { cell: name })));
  }
  if (f.kind === 'disagreement' && state.view.overlay !== 'agreement') {
    out.push(h('button', {
      type: 'button',
      class: 'chip-button',
      dataset: { key: `go:${f.id}:agreement` },
      on: {
        click: () => {
          setView({ overlay: 'agreement' });
          // where the overlay is chosen from now on
          /** @type {HTMLElement | null} */ (document.querySelector('#overlay [data-overlay="agreement"]'))?.focus();
        },
      },
    }, t('finding.showAgreement')));
  }
  // where the items it concerns are edited
  const section = ['untracked', 'fragmented', 'silo'].includes(f.kind) ? 'systems'
    : ['uncovered', 'redundant', 'conflict'].includes(f.kind) ? 'owners'
      : (f.systems ?? []).length ? 'systems' : (f.contributors ?? []).length ? 'owners' : null;
  if (section) {
    const pair = section === 'owners' && f.contributors?.length === 1 && f.themes?.length === 1
      ? { contributor: f.contributors[0], theme: f.themes[0] } : {};
    out.push(h('button', {
      type: 'button',
      class: 'chip-button',
      dataset: { key: `go:${f.id}:${section}` },
      on: { click: () => actions.openOrg(section, pair) },
    }, section === 'systems' ? t('finding.editSystems') : t('finding.editOwners')));
  }
  const shown = shownLine(f, section);
  return out.length || shown ? h('div', { class: 'finding-actions' }, shown, out) : null;
}

/**
 * @param {import('./pkg/workforce_ecosystem.js').Finding | import('./pkg/workforce_ecosystem.js').Disagreement} f
 * @param {{ note?: string }} [options] a line under the finding (what a what-if did to it)
 */
function findingItem(f, { note } = {}) {
  const chosen = state.view.finding === f.id;
  return h('li', { class: `finding${chosen ? ' is-chosen' : ''}` },
    h('button', {
      type: 'button',
      class: 'finding-button',
      'aria-pressed': String(chosen),
      dataset: { key: `f:${f.id}`, finding: f.id },
      on: { click: () => choose(chosen ? null : f) },
    },
    h('span', { class: `severity sev-${severityBand(f)}`, 'aria-label': t('finding.severity', { value: formatNumber(f.severity) }), text: formatNumber(f.severity) }),
    h('span', { class: 'finding-text', text: f.explanation }),
    note ? h('span', { class: 'finding-note', text: note }) : null),
    chosen ? findingActions(f) : null);
}

function severityBand(f) {
  const s = f.severity ?? 0;
  return s >= 3 ? 'high' : s >= 1.5 ? 'mid' : 'low';
}

/**
 * "Show all N" under a list of more than a page, or "Show fewer" once it is
 * open (`name` in `opened`): the core then lists the rest (or a page again).
 * @param {Set<string>} opened
 * @param {string} name
 * @param {number} count
 */
function moreOrFewer(opened, name, count) {
  if (count <= PAGE) return null;
  const open = opened.has(name);
  return h('button', {
    type: 'button',
    class: 'link',
    dataset: { key: `more:${name}` },
    on: {
      click: () => {
        if (open) opened.delete(name);
        else opened.add(name);
        refresh();
      },
    },
  }, open ? t('finding.showFewer') : t('finding.showAll', { count: formatNumber(count, 0) }));
}

/** The comparison's lists (resolved, introduced) opened whole with "Show all". */
const comparedExpanded = new Set();

/**
 * What the what-if on show changes in the findings: how many it resolves
 * and introduces, and a page of each (the core lists no more until one is
 * opened: a plan of a large model resolves thousands).
 * @param {import('./pkg/workforce_ecosystem.js').ViewResult} result
 */
function difference(result) {
  const comparison = result.comparison;
  const counts = result.comparedCounts ?? { resolved: 0, introduced: 0 };
  /** @param {'resolved' | 'introduced'} which */
  const list = (which) => {
    const count = counts[which];
    if (!count) return null;
    return h('div', {},
      h('h4', { class: `diff-title ${which}`, text: t(`scenario.${which}`) }),
      h('ul', { class: 'findings' }, (comparison?.[which] ?? []).map((f) => h('li', { class: `finding is-${which}` },
        h('span', { class: 'finding-kind', text: kindName(f.kind) }), ' ', h('span', { text: f.explanation })))),
      moreOrFewer(comparedExpanded, which, count));
  };
  return h('section', { class: 'difference', 'aria-labelledby': 'diff-title' },
    h('h3', { id: 'diff-title', text: t('scenario.difference') }),
    h('p', { class: 'muted', text: t('scenario.differenceSummary', {
      resolved: tn('scenario.resolvedCount', counts.resolved),
      introduced: tn('scenario.introducedCount', counts.introduced),
    }) }),
    list('resolved'),
    list('introduced'));
}

let findingsShown = null;
let readinessShown = null;

function renderFindings(result) {
  const disagreements = result.analysis.disagreements ?? [];
  const findings = [...result.analysis.findings, ...disagreements];
  const count = result.findingCount + disagreements.length;
  // past 999 in short ("4.1K"): the panel's tabs stay on one line at 1366 px;
  // its label says the whole count
  setText(badge, count < 1000 ? formatNumber(count, 0) : formatCompact(count));
  setAttr(badge, 'aria-label', tn('finding.count', count));
  if (findingsPane.hidden) {
    findingsShown = null;
    return;
  }
  // the same findings, choice and comparison: nothing to draw again
  const active = result.session.active;
  const shape = JSON.stringify([language(), result.structure, state.view.unit, state.view.finding, state.view.overlay, [...expanded], [...comparedExpanded], findings, result.findingsNote, active && result.comparison, active && result.comparedCounts, active?.id, active?.planned, result.findingCount, result.findingGroups]);
  if (shape === findingsShown) return;
  findingsShown = shape;
  preservingFocus(findingsPane, () => {
    // the list's heading (the tab names the pane; the heading lets a reader find it by headings)
    const parts = [h('h2', { class: 'visually-hidden', text: t('finding.heading') }), planSection(result)];
    if (result.session.active && result.comparison) parts.push(difference(result));
    if (!findings.length) {
      // the core says why there are none: nothing entered yet, nothing scored, or all clear
      const why = result.findingsNote === 'empty' || result.findingsNote === 'unassessed' ? `.${result.findingsNote}` : '';
      parts.push(h('div', { class: 'empty', dataset: { why: result.findingsNote ?? 'clear' } },
        h('h3', { text: t(`finding.noneTitle${why}`) }), h('p', { text: t(`finding.noneText${why}`) })));
    } else {
      parts.push(h('p', { class: 'pane-intro', text: t('finding.intro') }));
      // the core analyses the whole organization: a unit chosen for the
      // diagram does not narrow the list. (Not for a unit a finding put on
      // show, which its own line names: the note above the list would push
      // the finding just clicked from under the pointer.)
      const unit = state.view.unit && peeked?.to !== state.view.unit && currentModel().units.find((u) => u.id === state.view.unit);
      if (unit) parts.push(h('p', { class: 'finding-scope', text: t('finding.everyUnit', { unit: isolate(unit.label) }) }));
      for (const [kind, list, count] of groups(findings, result.findingGroups)) {
        const open = expanded.has(kind);
        // the core lists a page of its kinds (and the chosen finding); the
        // disagreements come whole
        const shown = open || kind !== 'disagreement' ? list : list.slice(0, PAGE);
        parts.push(h('section', { class: 'finding-group', dataset: { kind } },
          h('h3', { class: 'group-title' }, kindTitle(kind), ' ', h('span', { class: 'count', text: formatNumber(count, 0) })),
          h('p', { class: 'group-help', text: kind === 'disagreement' ? t('finding.help.disagreement') : kindNamesOf(kind)?.meaning ?? '' }),
          h('ul', { class: 'findings' }, shown.map((f) => findingItem(f))),
          moreOrFewer(expanded, kind, count)));
      }
    }
    replace(findingsPane, parts);
  });
}

/**
 * How much the what-if on show moves a readiness figure from the baseline's
 * (the core's Comparison), or null without a comparison or a figure.
 * @param {import('./pkg/workforce_ecosystem.js').Comparison | null} comparison
 * @param {'overall' | 'themes' | 'players' | 'units'} group
 * @param {string} [id]
 */
function delta(comparison, group, id) {
  if (!comparison) return null;
  const { readiness } = comparison;
  const d = group === 'overall' ? readiness.overall : readiness[group][id ?? ''];
  return d?.delta ?? null;
}

function bar(label, value, change, id) {
  const pct = value === null || value === undefined ? 0 : Math.max(0, Math.min(1, value));
  const fill = h('span', { class: 'bar-fill' });
  fill.style.setProperty('--value', String(pct));
  return h('li', { class: 'bar-row', dataset: { id } },
    h('span', { class: 'bar-label', text: label }),
    h('span', { class: 'bar', 'aria-hidden': 'true' }, fill),
    h('span', { class: 'bar-value', text: formatPercent(value) }),
    changed(change)
      ? h('span', { class: `delta ${change > 0 ? 'up' : 'down'}`, text: formatPoints(change) })
      : null);
}

function renderReadiness(result) {
  if (readinessPane.hidden) {
    readinessShown = null;
    return;
  }
  const { readiness } = result.analysis;
  const cmp = result.session.active ? result.comparison : null;
  const shape = JSON.stringify([language(), result.structure, readiness, cmp?.readiness ?? null]);
  if (shape === readinessShown) return;
  readinessShown = shape;
  const m = currentModel();
  preservingFocus(readinessPane, () => {
    const overallDelta = delta(cmp, 'overall');
    const section = (title, group, items) => h('section', { class: 'readiness-group' },
      h('h3', { text: title }),
      h('ul', { class: 'bars', dataset: { group } }, items.map((it) => bar(it.label, readiness[group]?.[it.id] ?? null, delta(cmp, group, it.id), it.id))));
    replace(readinessPane,
      h('div', { class: 'overall' },
        h('h2', { class: 'overall-label', text: t('readiness.overall') }),
        h('p', { class: 'overall-value' },
          h('span', { text: formatPercent(readiness.overall) }),
          changed(overallDelta)
            ? h('span', { class: `delta ${overallDelta > 0 ? 'up' : 'down'}`, text: formatPoints(overallDelta) })
            : null),
        h('p', { class: 'muted', text: t('readiness.explain') })),
      section(t('readiness.themes'), 'themes', m.framework.themes),
      section(t('readiness.players'), 'players', m.framework.players),
      m.units.length ? section(t('readiness.units'), 'units', m.units) : null);
  });
}

/** Draws the findings or readiness pane when it comes into view. */
export function showPane(name) {
  if (!state.result) return;
  // the list of findings is only fetched while on show
  if (name === 'findings') refresh();
  if (name === 'readiness') renderReadiness(state.result);
}

// A page of each kind is all the list shows until a kind is opened: the
// core writes out no more (a large model has thousands of findings). So
// with the what-if's resolved and introduced findings.
// Disagreements come apart from the core's findings and are listed whole.
state.findingsListed = () => ({
  findingsPerKind: PAGE,
  findingsOpen: [...expanded].filter((k) => k !== 'disagreement'),
  comparedOpen: [...comparedExpanded],
});

export function initFindings({ openCell, openOrg }) {
  findingsPane = document.getElementById('pane-findings');
  readinessPane = document.getElementById('pane-readiness');
  badge = document.getElementById('findings-count');
  actions = { openCell, openOrg };
  onRefresh((result) => {
    renderFindings(result);
    renderReadiness(result);
  });
}
