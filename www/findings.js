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
/** How many more a press of "Show more" lists: a kind of a large model has thousands, too many to lay out at once. */
const STEP = 100;

let findingsPane;
let readinessPane;
let badge;
let actions = {};
/** How many of each kind are listed once "Show more" was pressed (Infinity: all); a kind not in it lists a page. @type {Map<string, number>} */
const expanded = new Map();

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
 * A finding, not chosen: `showChoice` marks the chosen one in place.
 * @param {import('./pkg/workforce_ecosystem.js').Finding | import('./pkg/workforce_ecosystem.js').Disagreement} f
 * @param {{ note?: string }} [options] a line under the finding (what a what-if did to it)
 */
function findingItem(f, { note } = {}) {
  return h('li', { class: 'finding' },
    h('button', {
      type: 'button',
      class: 'finding-button',
      'aria-pressed': 'false',
      dataset: { key: `f:${f.id}`, finding: f.id },
      on: { click: () => choose(state.view.finding === f.id ? null : f) },
    },
    h('span', { class: `severity sev-${severityBand(f)}`, 'aria-label': t('finding.severity', { value: formatNumber(f.severity) }), text: formatNumber(f.severity) }),
    h('span', { class: 'finding-text', text: f.explanation }),
    note ? h('span', { class: 'finding-note', text: note }) : null));
}

function severityBand(f) {
  const s = f.severity ?? 0;
  return s >= 3 ? 'high' : s >= 1.5 ? 'mid' : 'low';
}

/**
 * The first `opened.get(name)` of `list` (a page when absent) and `chosen`
 * wherever it is (the core lists the chosen finding: it stays in view).
 * @template {{ id?: string }} T
 * @param {Map<string, number>} opened
 * @param {string} name
 * @param {T[]} list
 * @param {string | null} [chosen]
 * @returns {T[]}
 */
function listed(opened, name, list, chosen = null) {
  const n = opened.get(name) ?? PAGE;
  return list.filter((f, i) => i < n || (chosen !== null && f.id === chosen));
}

/**
 * Under a list of more than a page: "Show 100 more" (or "Show all N" when
 * the rest is no more than that) while some are not listed, and "Show
 * fewer" back to a page once more are; the core then lists the whole
 * (or a page again). The button pressed keeps the focus ("Show all"
 * becomes "Show fewer"); the count listed is said.
 * @param {Map<string, number>} opened
 * @param {string} name
 * @param {number} count
 */
function moreOrFewer(opened, name, count) {
  if (count <= PAGE) return null;
  const n = Math.min(opened.get(name) ?? PAGE, count);
  const left = count - n;
  const say = () => announce(t('finding.listed', { shown: formatNumber(Math.min(opened.get(name) ?? PAGE, count), 0), count: formatNumber(count, 0) }));
  const fewer = () => {
    opened.delete(name);
    refresh();
    say();
  };
  const button = (key, text, click) => h('button', { type: 'button', class: 'link', dataset: { key: `${key}:${name}` }, on: { click } }, text);
  if (!left) return h('div', { class: 'list-more' }, button('more', t('finding.showFewer'), fewer));
  return h('div', { class: 'list-more' },
    button('more', left <= STEP ? t('finding.showAll', { count: formatNumber(count, 0) }) : t('finding.showMore', { count: formatNumber(STEP, 0) }), () => {
      opened.set(name, n + STEP >= count ? Infinity : n + STEP);
      refresh();
      say();
    }),
    n > PAGE ? button('fewer', t('finding.showFewer'), () => {
      fewer();
      // its button has gone: the one that lists more is where it was
      /** @type {HTMLElement | null} */ (findingsPane.querySelector(`[data-key="more:${CSS.escape(name)}"]`))?.focus();
    }) : null);
}

/** How many of the comparison's lists (resolved, introduced) are listed once "Show more" was pressed. @type {Map<string, number>} */
const comparedExpanded = new Map();

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
      h('ul', { class: 'findings' }, listed(comparedExpanded, which, comparison?.[which] ?? []).map((f) => h('li', { class: `finding is-${which}` },
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
/** What `showChoice` last drew of the chosen finding and the unit on show. */
let choiceShown = null;

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
  // The same findings and comparison: the list stays. Choosing a finding
  // (and the unit it puts on show) changes only what showChoice draws, in
  // place: rebuilding a kind opened whole, thousands of findings, took a
  // third of a second a click.
  const active = result.session.active;
  const shown = groups(findings, result.findingGroups).map(([kind, list, count]) => /** @type {[string, any[], number]} */ ([kind, listed(expanded, kind, list, state.view.finding ?? null), count]));
  const shape = JSON.stringify([language(), result.structure, [...expanded], [...comparedExpanded], shown, result.findingsNote, active && result.comparison, active && result.comparedCounts, active?.id, active?.planned, result.findingCount, result.findingGroups]);
  if (shape === findingsShown) {
    showChoice(result, findings);
    return;
  }
  findingsShown = shape;
  choiceShown = null;
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
      for (const [kind, list, count] of shown) {
        parts.push(h('section', { class: 'finding-group', dataset: { kind } },
          h('h3', { class: 'group-title' }, kindTitle(kind), ' ', h('span', { class: 'count', text: formatNumber(count, 0) })),
          h('p', { class: 'group-help', text: kind === 'disagreement' ? t('finding.help.disagreement') : kindNamesOf(kind)?.meaning ?? '' }),
          h('ul', { class: 'findings' }, list.map((f) => findingItem(f))),
          moreOrFewer(expanded, kind, count)));
      }
    }
    replace(findingsPane, parts);
    showChoice(result, findings);
  });
}

/**
 * Marks the chosen finding (pressed, and the lines of what it concerns
 * under it) and says above the list that it covers every unit when one is
 * chosen for the diagram, changing only what differs from the last time.
 * @param {import('./pkg/workforce_ecosystem.js').ViewResult} result
 * @param {any[]} findings
 */
function showChoice(result, findings) {
  const { finding, unit, overlay } = state.view;
  const shape = JSON.stringify([finding, unit, overlay, peeked?.to ?? null, result.findingShows]);
  if (shape === choiceShown) return;
  choiceShown = shape;
  // the core analyses the whole organization: a unit chosen for the
  // diagram does not narrow the list. (Not for a unit a finding put on
  // show, which its own line names: the note above the list would push
  // the finding just clicked from under the pointer.)
  const scoped = unit && peeked?.to !== unit && currentModel().units.find((u) => u.id === unit);
  const intro = findingsPane.querySelector('.pane-intro');
  let scope = findingsPane.querySelector('.finding-scope');
  if (scoped && intro) {
    scope ??= intro.insertAdjacentElement('afterend', h('p', { class: 'finding-scope' }));
    setText(scope, t('finding.everyUnit', { unit: isolate(scoped.label) }));
  } else scope?.remove();
  // focus on one of the lines drawn again comes back to the same button
  // there, else to its finding's
  /** @type {{ key?: string, button: HTMLElement } | null} */
  let refocus = null;
  for (const old of findingsPane.querySelectorAll('.finding.is-chosen')) {
    const lines = old.querySelector('.finding-actions');
    const button = /** @type {HTMLElement} */ (old.querySelector('.finding-button'));
    const active = /** @type {HTMLElement | null} */ (document.activeElement);
    if (active && lines?.contains(active)) refocus = { key: active.dataset.key, button };
    lines?.remove();
    old.classList.remove('is-chosen');
    button.setAttribute('aria-pressed', 'false');
  }
  const f = finding && findings.find((x) => x.id === finding);
  const button = f && findingsPane.querySelector(`.finding-button[data-finding="${CSS.escape(f.id)}"]`);
  if (button) {
    const item = /** @type {HTMLElement} */ (button.parentElement);
    item.classList.add('is-chosen');
    button.setAttribute('aria-pressed', 'true');
    const lines = findingActions(f);
    if (lines) item.append(lines);
  }
  if (refocus) {
    const again = refocus.key && findingsPane.querySelector(`[data-key="${CSS.escape(refocus.key)}"]`);
    /** @type {HTMLElement} */ (again ?? refocus.button).focus({ preventScroll: true });
  }
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

// A page of each kind is all the list shows until more are asked for: the
// core writes out no more (a large model has thousands of findings, and
// writing out their sentences is most of an update with the list on show).
// It takes one count for every kind: the most a list shows short of whole,
// of which the others show their page; a kind shown whole comes whole. So
// with the what-if's resolved and introduced findings.
// Disagreements come apart from the core's findings and are listed whole.
state.findingsListed = () => {
  const whole = (/** @type {Map<string, number>} */ opened) => [...opened].filter(([, n]) => n === Infinity).map(([name]) => name);
  // each list opened further than a page, as far as it shows
  const further = (/** @type {Map<string, number>} */ opened) => Object.fromEntries([...opened].filter(([, n]) => Number.isFinite(n)));
  return {
    findingsPerKind: PAGE,
    findingsOpen: whole(expanded).filter((k) => k !== 'disagreement'),
    findingsListed: further(expanded),
    comparedOpen: whole(comparedExpanded),
    comparedListed: further(comparedExpanded),
  };
};

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
