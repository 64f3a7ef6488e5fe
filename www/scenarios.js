// What-if scenarios: the switcher in the top bar, the banner that says what
// a scenario changes compared with the baseline, and starting, renaming,
// keeping and discarding scenarios. The session itself lives in the core.
import { h, preservingFocus, replace, uid, unchanged } from './dom.js';
import { t, tn, formatPoints, language } from './i18n.js';
import { state, act, onRefresh, announce, errorText, setView } from './store.js';
import { openDialog } from './dialog.js';
import { showNotice } from './notice.js';
import { forgetDraftNamed, draftFollowsKeep } from './text-drafts.js';

let bar;
let banner;
let showChangesField;

/**
 * The first of "What-if 1", "What-if 2"… (or the catalogue's `key`) that no
 * what-if is called yet.
 */
export function nextName(key = 'scenario.defaultName') {
  const names = new Set(state.result.session.scenarios.map((s) => s.name));
  for (let n = 1; ; n += 1) {
    const name = t(key, { n });
    if (!names.has(name)) return name;
  }
}

/** Asks for a name, then starts a scenario from the baseline. */
export async function startScenario() {
  const id = uid('scenario-name');
  const input = h('input', { id, type: 'text', value: nextName(), autocomplete: 'off', required: true });
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const content = [
    h('p', { text: t('scenario.startText') }),
    h('div', { class: 'field' }, h('label', { for: id, text: t('scenario.name') }), input),
    error,
  ];
  let started = false;
  const attempt = (ev) => {
    forgetDraftNamed(input.value);
    const r = act((ws) => ws.startScenario(input.value));
    if (!r.ok) {
      ev?.preventDefault();
      error.textContent = errorText(r.error);
      error.hidden = false;
      input.focus();
      return;
    }
    started = true;
  };
  await openDialog({
    heading: t('scenario.startTitle'),
    content,
    actions: [
      { label: t('dialog.cancel'), value: 'cancel' },
      { label: t('scenario.start'), value: 'start', primary: true, onClick: attempt },
    ],
    onOpen: () => {
      input.focus();
      input.select();
    },
  });
  if (started) {
    focusActiveTab();
    announce(t('scenario.started', { name: state.result.session.active?.name ?? '' }));
  }
}

/**
 * Puts focus on the switcher's tab of the what-if on show: a dialog that
 * started one closes on a switcher re-created meanwhile, its opener gone.
 */
export function focusActiveTab() {
  /** @type {HTMLElement | null} */ (bar.querySelector('.scenario-tab.is-active'))?.focus();
}

async function renameScenario(scenario) {
  const id = uid('scenario-name');
  const input = h('input', { id, type: 'text', value: scenario.name, autocomplete: 'off', required: true });
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  let renamed = false;
  await openDialog({
    heading: t('scenario.renameTitle'),
    content: [h('div', { class: 'field' }, h('label', { for: id, text: t('scenario.name') }), input), error],
    actions: [
      { label: t('dialog.cancel'), value: 'cancel' },
      {
        label: t('scenario.rename'),
        value: 'rename',
        primary: true,
        onClick: (ev) => {
          const r = act((ws) => ws.renameScenario(scenario.id, input.value));
          if (!r.ok) {
            ev.preventDefault();
            error.textContent = errorText(r.error);
            error.hidden = false;
          } else {
            renamed = true;
          }
        },
      },
    ],
    onOpen: () => input.select(),
  });
  if (renamed) announce(t('scenario.renamed', { name: state.result.session.active?.name ?? '' }));
}

/**
 * After the banner's Keep or Discard the banner is gone, and the focus with
 * it (its buttons): it goes on to the switcher's Baseline, the view now on show.
 */
function refocus() {
  /** @type {HTMLElement | null} */ (bar.querySelector('[data-scenario="baseline"]'))?.focus();
}

function keep(scenario) {
  const r = act((ws) => ws.keepScenario(scenario.id));
  if (r.ok) {
    draftFollowsKeep(scenario);
    showNotice(() => t('scenario.kept', { name: scenario.name }), { undo: true });
    refocus();
  }
}

function discard(scenario) {
  const r = act((ws) => ws.discardScenario(scenario.id));
  if (r.ok) {
    showNotice(() => t('scenario.discarded', { name: scenario.name }), { undo: true });
    refocus();
  }
}

function show(id) {
  act((ws) => ws.showScenario(id));
}

function renderBar(session) {
  const active = session.active?.id ?? null;
  const item = (label, id, extraClass = '') => h('button', {
    type: 'button',
    class: `scenario-tab ${extraClass}${active === id ? ' is-active' : ''}`,
    'aria-current': active === id ? 'true' : null,
    title: label,
    dataset: { scenario: id === null ? 'baseline' : String(id), key: `sc:${id}` },
    on: { click: () => show(id) },
  }, label);
  preservingFocus(bar, () => replace(bar,
    item(t('scenario.baseline'), null, 'is-baseline'),
    session.scenarios.map((s) => item(s.name, s.id)),
    h('button', {
      type: 'button',
      class: 'scenario-new',
      id: 'new-scenario',
      dataset: { key: 'new' },
      on: { click: startScenario },
    }, t('scenario.new'))));
  fitBar();
}

/** The top bar's layout for one row, where it has one (style.css). */
const oneRow = matchMedia('(min-width: 1200px)');

/**
 * Gives the what-ifs a row of their own when, beside the name and the
 * actions, the bar cannot show its tabs even shrunk to their least (French
 * words, long names, several what-ifs): there they scroll only when even
 * that is not enough. Then keeps the what-if on show in sight.
 */
function fitBar() {
  const top = /** @type {HTMLElement} */ (bar.parentElement);
  top.classList.remove('strip-own-row');
  if (oneRow.matches) {
    top.classList.toggle('strip-own-row', bar.scrollWidth > bar.clientWidth + 1 || top.scrollWidth > top.clientWidth + 1);
  }
  // The what-if on show stays in sight when the bar scrolls: the bar
  // alone scrolls sideways, never the page (scrollIntoView would move a
  // phone's page up to the bar). The baseline's tab and + What-if stay
  // stuck at the bar's ends (style.css): the tab is shown between them.
  const tab = bar.querySelector('.scenario-tab.is-active:not(.is-baseline)');
  const first = bar.querySelector('.scenario-tab.is-baseline');
  const adder = bar.querySelector('.scenario-new');
  if (tab && first && adder) {
    const room = bar.getBoundingClientRect();
    const at = tab.getBoundingClientRect();
    const gap = parseFloat(getComputedStyle(bar).columnGap) || 0;
    const end = Math.min(room.right, adder.getBoundingClientRect().left) - gap;
    const start = Math.max(room.left, first.getBoundingClientRect().right) + gap;
    if (at.right > end) bar.scrollLeft += at.right - end;
    else if (at.left < start) bar.scrollLeft -= start - at.left;
  } else if (!tab) {
    bar.scrollLeft = 0;
  }
}

function renderBanner(result) {
  const s = result.session.active;
  banner.hidden = !s;
  showChangesField.hidden = !s;
  if (!s) {
    replace(banner);
    return;
  }
  const cmp = result.comparison ?? {};
  // every kind of change the core counted: scores, owners, systems...
  const changes = cmp.changes ?? [];
  const overall = cmp.readiness?.overall.delta ?? null;
  const facts = [
    changes.length ? t('scenario.changed', { list: changes.map((c) => tn(`scenario.change.${c.kind}`, c.count)).join(', ') }) : t('scenario.noChange'),
    overall !== null ? t('scenario.readinessChange', { change: formatPoints(overall) }) : null,
    tn('scenario.resolvedCount', result.comparedCounts?.resolved ?? 0),
    tn('scenario.introducedCount', result.comparedCounts?.introduced ?? 0),
  ].filter(Boolean);
  preservingFocus(banner, () => replace(banner,
    h('div', { class: 'banner-text' },
      h('p', { class: 'banner-title' }, t('scenario.editing', { name: s.name })),
      h('p', { class: 'banner-facts', text: facts.join(' · ') })),
    h('div', { class: 'banner-actions' },
      h('button', { type: 'button', class: 'ghost small', id: 'scenario-rename', dataset: { key: 'rename' }, on: { click: () => renameScenario(s) } }, t('scenario.rename')),
      h('button', { type: 'button', class: 'small', id: 'scenario-discard', dataset: { key: 'discard' }, on: { click: () => discard(s) } }, t('scenario.discard')),
      h('button', { type: 'button', class: 'primary small', id: 'scenario-keep', dataset: { key: 'keep' }, on: { click: () => keep(s) } }, t('scenario.keep')))));
}

export function initScenarios() {
  bar = document.getElementById('scenario-bar');
  banner = document.getElementById('scenario-banner');
  showChangesField = document.getElementById('show-changes-field');
  document.getElementById('show-changes').addEventListener('change', (ev) => setView({ showChanges: /** @type {HTMLInputElement} */ (ev.target).checked }));
  // the room beside the name and the actions changes with the window, the
  // zoom and the language (the actions' words)
  const actions = /** @type {HTMLElement} */ (document.querySelector('.topbar .actions'));
  let last = '';
  new ResizeObserver(() => {
    const now = `${innerWidth} ${actions.scrollWidth}`;
    if (now !== last) fitBar();
    last = now;
  }).observe(actions);
  addEventListener('resize', fitBar);
  onRefresh((result) => {
    const { session } = result;
    if (!unchanged(bar, [language(), session.active, session.scenarios])) renderBar(session);
    const cmp = result.comparison;
    const facts = cmp ? [cmp.changes, cmp.readiness?.overall, result.comparedCounts] : null;
    if (!unchanged(banner, [language(), session.active, facts, result.cells.filter((c) => c.changed).length])) renderBanner(result);
  });
}
