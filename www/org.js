// The Organization pane: contributors, owners (responsibilities), systems and
// units, edited without touching JSON. Each change is one edit applied by the
// core; a refused edit shows the core's message and changes nothing.
import { h, preservingFocus, replace, uid } from './dom.js';
import { t, language } from './i18n.js';
import { state, apply, onRefresh, currentModel, fieldErrorText, announce } from './store.js';
import { showNotice } from './notice.js';
import { ownersView } from './org-owners.js';
import { systemsView, revealConcerned, focusConcerned } from './org-systems.js';
import { listPager } from './org-pager.js';
import { numberInput, readWhole } from './number-field.js';
import { isolate } from './pkg/workforce_ecosystem.js';

const SECTIONS = ['contributors', 'owners', 'systems', 'units'];
let pane;
let section = 'contributors';
let visible = () => false;
/** @type {Map<string, { text: string, field?: string }>} what was refused where, and at which field */
const errors = new Map();

/** Characters in a label, as the core allows (LABEL_CHARS in src/validate/limits.rs). */
export const LABEL_CHARS = 200;

/**
 * The field of an add form a refused edit concerns: the last step of its
 * first problem's path into the edit (`edit.addContributor.headcount`).
 */
function fieldOf(error) {
  return /^edit\.\w+\.(\w+)$/.exec(error?.problems?.[0]?.path ?? '')?.[1];
}

/**
 * Applies an edit for `where`; shows the error there if the core refuses it.
 * @param {string} where
 * @param {import('./pkg/workforce_ecosystem.js').Edit} op
 * @param {{ done?: string }} [options] what to announce when it is made
 */
export function edit(where, op, { done } = {}) {
  // forgotten before the edit: the pane redraws as the edit is made
  errors.delete(where);
  const r = apply(op);
  if (r.ok) {
    if (done) announce(done);
  } else {
    errors.set(where, { text: fieldErrorText(r.error), field: fieldOf(r.error) });
    render({ keepForms: true });
  }
  return r;
}

/** Removes something, with an Undo in the notice line. */
export function remove(where, op, message) {
  const r = edit(where, op);
  if (r.ok) {
    showNotice(message, { undo: true });
  }
  return r;
}

/**
 * Shows a message of the page's own (a required choice not made), at the
 * add form's field `name` if given.
 */
export function fail(where, message, name) {
  errors.set(where, { text: message, field: name });
  render({ keepForms: true });
}

/**
 * The error of `where`, unless it concerns one of the fields `atFields`,
 * which show it themselves (addField).
 * @param {string} where
 * @param {string[]} [atFields]
 */
export function errorFor(where, atFields = []) {
  const e = errors.get(where);
  return e && !atFields.includes(e.field ?? '') ? h('p', { class: 'error', role: 'alert', text: e.text }) : null;
}

/**
 * A field `name` of the add form `where`, with the form's error under it
 * when the error concerns it.
 */
export function addField(where, name, label, control, extraClass = '') {
  const e = errors.get(where);
  if (e?.field !== name) return field(label, control, extraClass);
  const id = uid('error');
  control.setAttribute('aria-invalid', 'true');
  control.setAttribute('aria-describedby', id);
  return field(label, control, `${extraClass} has-error`, h('p', { id, class: 'error', role: 'alert', text: e.text }));
}

/**
 * Refuses a name of only spaces at its field (`required` lets them by);
 * true when it did.
 */
export function blankName(where, input) {
  if (input.value.trim() !== '') return false;
  fail(where, t('org.nameBlank'), 'label');
  return true;
}

/** The ids the chosen finding concerns, to highlight them in the editors. */
/**
 * What the what-if on show changed in the Organization pane, as the core's
 * comparison with the baseline says (`changedContributors`,
 * `changedOwners`, `changedSystems`), while its changes are marked ("Mark
 * changes"): the contributors' ids, the (contributor, theme) pairs, keyed
 * `contributor theme`, the ids of the contributors of those pairs, and the
 * systems' ids. Empty, and `marked` false, on the baseline.
 */
export function changedHere() {
  const cmp = state.view.showChanges && state.result?.session.active ? state.result.comparison : null;
  return {
    marked: Boolean(cmp),
    contributors: new Set((cmp?.changedContributors ?? []).map((c) => c.contributor)),
    pairs: new Set((cmp?.changedOwners ?? []).map((c) => `${c.contributor}\u0000${c.theme}`)),
    owned: new Set((cmp?.changedOwners ?? []).map((c) => c.contributor)),
    systems: new Set((cmp?.changedSystems ?? []).map((c) => c.system)),
  };
}

export function concerned() {
  const f = state.view.finding && state.result?.analysis.findings.find((x) => x.id === state.view.finding);
  return {
    contributors: new Set(f?.contributors ?? []),
    systems: new Set(f?.systems ?? []),
    units: new Set(f?.units ?? []),
  };
}

export function field(label, control, extraClass = '', after = null) {
  const id = control.id || uid('f');
  control.id = id;
  return h('div', { class: `field ${extraClass}`.trim() }, h('label', { for: id, text: label }), control, after);
}

/**
 * The `<option>`s of the model's players.
 * @param {import('./pkg/workforce_ecosystem.js').ModelOutline} m
 * @param {string} selected
 * @param {{ empty?: string }} [options] the text of a first, empty choice
 */
export function playerOptions(m, selected, { empty } = {}) {
  const opts = m.framework.players.map((p) => h('option', { value: p.id, selected: p.id === selected, text: p.label }));
  if (empty) opts.unshift(h('option', { value: '', text: empty }));
  return opts;
}

function kindOptions(selected) {
  return ['internal', 'external'].map((k) => h('option', { value: k, selected: k === selected, text: t(`kind.${k}`) }));
}

/** The contributors, a page at a time past 50 (800 rows of 3 fields took a quarter of a second to draw). */
const contributorsPager = listPager('c', 'list.contributors');

function contributorsView(m) {
  contributorsPager.afresh();
  const marks = concerned();
  const { contributors: changed, marked } = changedHere();
  contributorsPager.reveal(m.contributors, marks.contributors);
  const row = (c) => {
    const k = `c:${c.id}`;
    const update = (changes) => {
      const next = { id: c.id, label: c.label, kind: c.kind, ...changes };
      if (next.headcount === undefined) delete next.headcount;
      edit(k, { updateContributor: next }, { done: t('org.saved') });
    };
    const label = h('input', {
      type: 'text', value: c.label, maxlength: LABEL_CHARS, dataset: { key: `${k}:label` }, 'aria-label': t('org.fieldOf', { field: t('org.contributorName'), name: isolate(c.label) }),
      on: { change: (ev) => update({ label: ev.target.value, headcount: c.headcount }) },
    });
    const kind = h('select', {
      dataset: { key: `${k}:kind` }, 'aria-label': t('org.fieldOf', { field: t('org.kind'), name: isolate(c.label) }),
      on: { change: (ev) => update({ kind: ev.target.value, headcount: c.headcount }) },
    }, kindOptions(c.kind));
    const headcount = numberInput('numeric', {
      value: c.headcount ?? '',
      dataset: { key: `${k}:headcount` }, 'aria-label': t('org.fieldOf', { field: t('org.headcount'), name: isolate(c.label) }),
      on: {
        change: (ev) => {
          const n = readWhole(ev.target.value);
          if (Number.isNaN(n)) {
            fail(k, t('org.headcountInvalid'));
            return;
          }
          update({ headcount: n });
        },
      },
    });
    return [
      h('tr', { class: [marks.contributors.has(c.id) ? 'is-concerned' : '', changed.has(c.id) ? 'is-changed' : ''].filter(Boolean).join(' ') || null, dataset: { contributor: c.id } },
        h('td', {}, label, changed.has(c.id) ? h('span', { class: 'visually-hidden', text: t('org.changed') }) : null),
        h('td', {}, kind),
        h('td', {}, headcount),
        h('td', { class: 'row-actions' }, h('button', {
          type: 'button', class: 'icon-button danger', dataset: { key: `${k}:remove` },
          'aria-label': t('org.removeNamed', { name: isolate(c.label) }), title: t('org.remove'),
          on: { click: () => remove(k, { removeContributor: c.id }, t('org.removed', { name: isolate(c.label) })) },
        }, '×'))),
      errors.has(k) ? h('tr', {}, h('td', { colspan: '4' }, errorFor(k))) : null,
    ];
  };
  const newLabel = h('input', { type: 'text', dataset: { key: 'c-new:label' }, placeholder: t('org.contributorPlaceholder'), required: true, maxlength: LABEL_CHARS });
  const newKind = h('select', { dataset: { key: 'c-new:kind' } }, kindOptions('external'));
  const newCount = numberInput('numeric', { dataset: { key: 'c-new:headcount' } });
  const add = (ev) => {
    ev.preventDefault();
    if (blankName('c-new', newLabel)) return;
    const headcount = readWhole(newCount.value);
    if (Number.isNaN(headcount)) {
      fail('c-new', t('org.headcountInvalid'), 'headcount');
      return;
    }
    const c = { id: '', label: newLabel.value, kind: newKind.value };
    if (headcount !== undefined) c.headcount = headcount;
    const r = edit('c-new', { addContributor: c }, { done: t('org.added', { name: isolate(newLabel.value.trim()) }) });
    if (r.ok) pane.querySelector('[data-key="c-new:label"]')?.focus();
  };
  const { filter, part } = contributorsPager.view(m.contributors, (shown, describedBy) => h('table', { class: 'editor-table', 'aria-describedby': describedBy },
    h('caption', { class: 'visually-hidden', text: t('org.contributors') }),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', text: t('org.contributorName') }),
      h('th', { scope: 'col', text: t('org.kind') }),
      h('th', { scope: 'col', text: t('org.headcount') }),
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden', text: t('org.actions') })))),
    h('tbody', {}, shown.map(row))), { changed: marked ? changed : null });
  return [
    h('p', { class: 'pane-intro', text: t('org.contributorsIntro') }),
    m.contributors.length ? [filter, part] : h('p', { class: 'muted', text: t('org.contributorsNone') }),
    // novalidate: the page says what is wrong at the field, in its language, not the browser's bubble
    h('form', { class: 'add-form', novalidate: true, on: { submit: add }, 'aria-label': t('org.addContributor') },
      h('h3', { text: t('org.addContributor') }),
      h('div', { class: 'field-grid' },
        addField('c-new', 'label', t('org.contributorName'), newLabel, 'wide'),
        addField('c-new', 'kind', t('org.kind'), newKind),
        addField('c-new', 'headcount', t('org.headcountOptional'), newCount)),
      errorFor('c-new', ['label', 'kind', 'headcount']),
      h('button', { type: 'submit', class: 'primary small', dataset: { key: 'c-new:add' } }, t('org.add'))),
  ];
}

function unitsView(m) {
  const marks = concerned();
  const rows = m.units.map((u) => {
    const k = `u:${u.id}`;
    return h('li', { class: `list-row${marks.units.has(u.id) ? ' is-concerned' : ''}`, dataset: { unit: u.id } },
      h('input', {
        type: 'text', value: u.label, maxlength: LABEL_CHARS, dataset: { key: `${k}:label` }, 'aria-label': t('org.unitName'),
        on: { change: (ev) => edit(k, { renameUnit: { id: u.id, label: ev.target.value } }, { done: t('org.saved') }) },
      }),
      h('button', {
        type: 'button', class: 'icon-button danger', dataset: { key: `${k}:remove` },
        'aria-label': t('org.removeNamed', { name: isolate(u.label) }), title: t('org.remove'),
        on: { click: () => remove(k, { removeUnit: u.id }, t('org.removedUnit', { name: isolate(u.label) })) },
      }, '×'),
      errorFor(k));
  });
  const newLabel = h('input', { type: 'text', dataset: { key: 'u-new:label' }, placeholder: t('org.unitPlaceholder'), required: true, maxlength: LABEL_CHARS });
  return [
    h('p', { class: 'pane-intro', text: t('org.unitsIntro') }),
    m.units.length ? h('ul', { class: 'plain-list rows' }, rows) : h('p', { class: 'muted', text: t('org.unitsNone') }),
    h('form', {
      class: 'add-form',
      novalidate: true,
      'aria-label': t('org.addUnit'),
      on: {
        submit: (ev) => {
          ev.preventDefault();
          if (blankName('u-new', newLabel)) return;
          const r = edit('u-new', { addUnit: { id: '', label: newLabel.value } }, { done: t('org.added', { name: isolate(newLabel.value.trim()) }) });
          if (r.ok) pane.querySelector('[data-key="u-new:label"]')?.focus();
        },
      },
    },
    h('h3', { text: t('org.addUnit') }),
    addField('u-new', 'label', t('org.unitName'), newLabel),
    errorFor('u-new', ['label']),
    h('button', { type: 'submit', class: 'primary small', dataset: { key: 'u-new:add' } }, t('org.add'))),
  ];
}

/**
 * What the pane was drawn from: it shows the model's structure (names,
 * lists, owners), not its scores, so a score edit, an undo of one or a
 * click in the diagram leaves it as it is; on a large model (800
 * contributors, 700 systems) drawing it again froze the page for a
 * fraction of a second on each.
 */
let drawnFrom = '';
const shownFrom = () => JSON.stringify([state.result?.structure ?? null, language(), state.view.finding, state.view.showChanges, section]);

/** Draws the pane again if what it shows changed since it was drawn. */
export function update() {
  if (shownFrom() !== drawnFrom) render();
}

/**
 * Draws the pane; `keepForms` keeps what was typed into its add forms (an
 * add refused is corrected, not typed again).
 */
export function render({ keepForms = false } = {}) {
  if (!pane) return;
  drawnFrom = shownFrom();
  const m = currentModel();
  const typed = keepForms
    ? [...pane.querySelectorAll('.add-form [data-key]')].map((e) => /** @type {HTMLInputElement} */ (e)).map((e) => [e.dataset.key, e.value])
    : [];
  preservingFocus(pane, () => {
    const nav = h('div', { class: 'subnav', role: 'group', 'aria-label': t('org.sections') },
      SECTIONS.map((s) => h('button', {
        type: 'button',
        class: `subnav-item${s === section ? ' is-active' : ''}`,
        'aria-pressed': String(s === section),
        dataset: { key: `nav:${s}`, section: s },
        on: { click: () => showSection(s) },
      }, t(`org.${s}`))));
    const views = { contributors: contributorsView, owners: ownersView, systems: systemsView, units: unitsView };
    replace(pane, nav, h('div', { class: 'subpane', dataset: { section } }, h('h2', { tabindex: '-1', text: t(`org.${section}`) }), views[section](m)));
    for (const [key, value] of typed) {
      const e = /** @type {HTMLInputElement | null} */ (pane.querySelector(`.add-form [data-key="${CSS.escape(key ?? '')}"]`));
      if (e && 'value' in e) e.value = value;
    }
  });
}

/**
 * Shows one section of the pane; `toFinding`: turned to the chosen
 * finding's first item there, wherever the reader paged since (a finding
 * sent them).
 */
export function showSection(name, { toFinding = false } = {}) {
  if (SECTIONS.includes(name)) section = name;
  if (toFinding && section === 'systems') revealConcerned();
  render();
}

/**
 * Takes focus to the chosen finding's system on show, or else to the
 * heading of the section on show (which brings it into view).
 */
export function focusSection() {
  if (section === 'systems' && focusConcerned()) return;
  const heading = pane?.querySelector('.subpane h2');
  if (!(heading instanceof HTMLElement)) return;
  heading.focus();
}

export function initOrg({ isVisible }) {
  pane = document.getElementById('pane-org');
  visible = isVisible;
  onRefresh(() => {
    if (visible()) update();
  });
}
