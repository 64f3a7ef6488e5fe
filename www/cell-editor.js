// The side-panel editor of one cell: current score, target, weight and note
// for the whole organization and for each unit. Every change is one edit,
// applied by the core at once.
//
// After an edit the editor's controls are patched in place (values only);
// it is built again only when its shape changes (another cell, a row gained
// or lost an assessment). Rebuilding forms costs layout time, and patching
// keeps the user's focus and caret where they are: an error, too, is shown
// in place (a rebuild while Tab moves on from the field would lose focus).
import { h, preservingFocus, replace, setText, uid } from './dom.js';
import { t, formatNumber, formatPoints, language } from './i18n.js';
import { state, apply, onRefresh, fieldErrorText, announce } from './store.js';
import { hasUnsavedText } from './keyboard.js';
import { numberInput, readDecimal, showDecimal } from './number-field.js';

/** Characters in a note, as the core allows. */
const NOTE_CHARS = 5000;

let pane;
/** @type {(theme: string, player: string) => void} */
let onBack = () => {};
/** @type {(theme: string) => void} */
let onOwners = () => {};
let visible = () => false;
/** @type {Map<string, { field: string, text: string }>} each row's error, and the field it is about */
const errors = new Map();
let errorsFor = null;
/** The shape of what is drawn; equal shapes are patched instead of rebuilt. */
let drawnShape = null;
/** The drawn controls by data-key (a large model has hundreds of rows). */
let controls = new Map();
/** The drawn editor's error lines, by row key. @type {Map<string, HTMLElement>} */
let errorLines = new Map();
/** The rows whose error is on show. @type {Set<string>} */
let shownErrors = new Set();

const onScale = (scale, v) => v === null || v === undefined || Number.isInteger(v - scale.min);

function scaleOptions(scale, value, { none }) {
  const options = [h('option', { value: '', text: none })];
  const steps = [];
  for (let v = scale.min; v <= scale.max + 1e-9; v += 1) steps.push(v);
  if (value !== null && value !== undefined && !steps.some((s) => Math.abs(s - value) < 1e-9)) {
    steps.push(value);
    steps.sort((a, b) => a - b);
  }
  for (const v of steps) {
    const label = Number.isInteger(v - scale.min) ? scale.labels[v - scale.min] : undefined;
    options.push(h('option', {
      value: String(v),
      selected: value !== null && value !== undefined && Math.abs(v - value) < 1e-9,
      text: label ? t('cell.scoreWithLabel', { value: formatNumber(v), label }) : formatNumber(v),
    }));
  }
  return options;
}

function rowKey(unit) {
  return unit ? `u:${unit}` : 'org';
}

// Arrow keys on a closed dropdown change its value at each press: the
// presses made while it keeps focus join one undo step (the core joins
// edits made under one key), so one change of a control is one step.
const KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);
let focusCount = 0;
/** @type {WeakMap<Element, number>} the focus a score dropdown is in */
const focusOf = new WeakMap();
/** @type {WeakSet<Element>} dropdowns whose next change comes from a key */
const keyed = new WeakSet();

/** Listens for the key presses that step a dropdown through its values. */
function stepping(select) {
  select.addEventListener('focus', () => focusOf.set(select, ++focusCount));
  select.addEventListener('keydown', (ev) => {
    if (KEYS.has(ev.key) && !ev.altKey) keyed.add(select);
  });
  return select;
}

/** The join key of a change of `select`: only for key presses, one per focus. */
function joinKey(select) {
  if (!keyed.has(select)) return undefined;
  keyed.delete(select);
  return `${select.dataset.key}#${focusOf.get(select) ?? 0}`;
}

/**
 * The cell's facts as the core gave them for the editor on show, kept until
 * the next recomputation: a change made in the editor starts from them
 * instead of asking the core again (on a large model, a cell has hundreds
 * of unit rows to copy out).
 */
let shownDetail = null;

/** Saves one change to a row, merged into the row's assessment as the core has it now. */
function save(theme, player, unit, change, join) {
  const kept = shownDetail?.theme.id === theme && shownDetail.player.id === player ? shownDetail : null;
  const detail = kept ?? state.ws.cellDetail(theme, player);
  const row = detail?.rows.find((r) => (r.unit?.id ?? null) === unit);
  if (!row) return;
  const before = row.assessment;
  let edit;
  if (change.current === null) {
    if (!before) return;
    edit = { removeAssessment: { theme, player, unit } };
  } else {
    const next = { theme, player, current: before?.current ?? detail.scale.min, weight: before?.weight ?? 1 };
    if (unit) next.unit = unit;
    if (before?.target !== undefined) next.target = before.target;
    if (before?.note) next.note = before.note;
    Object.assign(next, change);
    if (next.target === null) delete next.target;
    edit = { setAssessment: next };
  }
  const k = rowKey(unit);
  const hadError = errors.delete(k);
  const result = apply(edit, join);
  if (result.ok) {
    announce(savedText(theme, player));
    if (hadError) render();
  } else {
    errors.set(k, { field: Object.keys(change)[0], text: fieldErrorText(result.error) });
    render();
  }
}

/**
 * What an edit did, said after it: the cell's new scores in the core's own
 * words (its accessible name) and, in a what-if, the readiness change from
 * the baseline the core counted.
 */
function savedText(theme, player) {
  const cellEl = [...document.querySelectorAll('#diagram .cell')].find((c) => /** @type {HTMLElement} */ (c).dataset.theme === theme && /** @type {HTMLElement} */ (c).dataset.player === player);
  const parts = [t('cell.saved'), cellEl?.getAttribute('aria-label') ?? ''];
  const overall = state.result?.session.active ? state.result.comparison?.readiness.overall.delta : null;
  if (typeof overall === 'number') parts.push(t('cell.savedScenario', { change: formatPoints(overall) }));
  return parts.filter(Boolean).join(' ');
}

function field(label, control) {
  const id = control.id || uid('f');
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), control);
}

function rowEditor(detail, row) {
  const unit = row.unit?.id ?? null;
  const k = rowKey(unit);
  const [theme, player] = [detail.theme.id, detail.player.id];
  const a = row.assessment;
  const assessed = Boolean(a);
  const title = row.unit ? row.unit.label : t('cell.organization');
  const current = stepping(h('select', {
    dataset: { key: `${k}:current` },
    on: { change: (ev) => save(theme, player, unit, { current: ev.target.value === '' ? null : Number(ev.target.value) }, joinKey(ev.target)) },
  }, scaleOptions(detail.scale, a?.current, { none: t('cell.notAssessed') })));
  const target = stepping(h('select', {
    dataset: { key: `${k}:target` },
    disabled: !assessed,
    on: { change: (ev) => save(theme, player, unit, { target: ev.target.value === '' ? null : Number(ev.target.value) }, joinKey(ev.target)) },
  }, scaleOptions(detail.scale, a?.target, { none: t('cell.noTarget') })));
  const weight = numberInput('decimal', {
    value: showDecimal(a?.weight ?? 1),
    disabled: !assessed,
    dataset: { key: `${k}:weight` },
    on: {
      change: (ev) => {
        // a decimal comma or point; anything else is refused here, never read as another number
        const w = readDecimal(ev.target.value);
        if (w === undefined || Number.isNaN(w)) {
          errors.set(k, { field: 'weight', text: t('cell.weightInvalid', { example: showDecimal(1.5) }) });
          render();
          return;
        }
        save(theme, player, unit, { weight: w });
      },
    },
  });
  const note = h('textarea', {
    rows: '2',
    // as the core limits a note (NOTE_CHARS in src/validate/limits.rs)
    maxlength: NOTE_CHARS,
    disabled: !assessed,
    dataset: { key: `${k}:note` },
    placeholder: t('cell.notePlaceholder'),
    on: { change: (ev) => save(theme, player, unit, { note: ev.target.value }) },
  });
  note.value = a?.note ?? '';
  const chosen = unit !== null && unit === state.view.unit;
  return h('fieldset', { class: `assessment${assessed ? '' : ' is-empty'}${chosen ? ' is-chosen' : ''}`, dataset: { row: k } },
    h('legend', { text: title }),
    // with units, what a score for the whole organization does to the figures
    !unit && detail.rows.length > 1 ? h('p', { class: 'muted small', text: t('cell.organizationHint') }) : null,
    h('div', { class: 'field-grid' },
      field(t('cell.current'), current),
      field(t('cell.target'), target),
      field(t('cell.weight'), weight)),
    field(t('cell.note'), note),
    // the row's error, filled in place (showErrors)
    h('p', { class: 'error', id: uid('error'), role: 'alert', hidden: true, dataset: { error: k } }),
    assessed
      ? h('button', {
        type: 'button',
        class: 'ghost small',
        dataset: { key: `${k}:clear` },
        on: { click: () => save(theme, player, unit, { current: null }) },
      }, t('cell.clear'))
      : null,
  );
}

function summaryContent(detail) {
  const info = state.result.cells.find((c) => c.theme === detail.theme.id && c.player === detail.player.id);
  if (!info || info.current === null) return [h('span', { class: 'muted', text: t('cell.summaryNone') })];
  const parts = [t('cell.summaryCurrent', { value: formatNumber(info.current), label: info.currentLabel ?? '' })];
  if (info.target !== null) parts.push(t('cell.summaryTarget', { value: formatNumber(info.target) }));
  if (info.gap !== null) parts.push(t('cell.summaryGap', { value: formatNumber(info.gap) }));
  const unit = state.view.unit ? t('cell.summaryUnit') : t('cell.summaryAll');
  return [`${parts.join(' · ')} `, h('span', { class: 'muted', text: unit })];
}

function owners(detail) {
  if (!detail.responsibilities.length) {
    return h('p', { class: 'muted', text: t('cell.ownersNone') });
  }
  return h('ul', { class: 'plain-list' }, detail.responsibilities.map((r) => {
    const bits = [r.activity, r.control ? t(`control.${r.control}`) : null].filter(Boolean);
    return h('li', {}, h('strong', { text: r.contributorLabel }), bits.length ? ` — ${bits.join(', ')}` : '');
  }));
}

function shapeOf(detail) {
  return JSON.stringify({
    language: language(),
    theme: detail.theme,
    player: detail.player,
    scale: detail.scale,
    scenario: state.result.session.active?.name ?? null,
    owners: detail.responsibilities,
    unit: state.view.unit,
    rows: detail.rows.map((r) => [r.unit, Boolean(r.assessment), onScale(detail.scale, r.assessment?.current), onScale(detail.scale, r.assessment?.target)]),
  });
}

/** Brings the drawn editor's values up to date without rebuilding it. */
function patch(detail) {
  showErrors();
  const set = (key, value) => {
    const el = controls.get(key);
    // a focused field keeps the text being typed in it, not yet saved; a
    // field in error keeps what was typed, to be corrected
    if (el && el.value !== value && !(document.activeElement === el && hasUnsavedText(el)) && el.getAttribute('aria-invalid') !== 'true') el.value = value;
  };
  for (const row of detail.rows) {
    const k = rowKey(row.unit?.id ?? null);
    const a = row.assessment;
    set(`${k}:current`, a ? String(a.current) : '');
    set(`${k}:target`, a?.target !== undefined ? String(a.target) : '');
    set(`${k}:weight`, showDecimal(a?.weight ?? 1));
    set(`${k}:note`, a?.note ?? '');
  }
  const summary = pane.querySelector('.summary');
  if (summary) {
    const fresh = h('p', { class: 'summary' }, summaryContent(detail));
    if (fresh.textContent !== summary.textContent && !sameShapeText(summary, fresh)) summary.replaceWith(fresh);
  }
}

/**
 * Gives `el` the texts of `fresh` in place when the two hold the same
 * elements in the same order and differ only in their texts (a score
 * changed): the browser then lays out the changed text alone. False, and
 * nothing changed, when they differ otherwise.
 * @param {Node} el
 * @param {Node} fresh
 */
function sameShapeText(el, fresh) {
  const a = [...el.childNodes], b = [...fresh.childNodes];
  const alike = (x, y) => x.nodeType === y.nodeType && x.nodeName === y.nodeName &&
    (!(x instanceof Element) || (/** @type {Element} */ (x).className === /** @type {Element} */ (y).className && x.childNodes.length <= 1 && y.childNodes.length <= 1));
  if (a.length !== b.length || !a.every((x, i) => alike(x, b[i]))) return false;
  a.forEach((x, i) => {
    if (x instanceof Text) {
      const text = /** @type {Text} */ (b[i]).data;
      if (x.data !== text) x.data = text;
    } else setText(/** @type {HTMLElement} */ (x), b[i].textContent ?? '');
  });
  return true;
}

export function render() {
  if (!pane) return;
  const sel = state.view.selected;
  const selKey = sel ? `${sel.theme}\u0000${sel.player}` : null;
  if (selKey !== errorsFor) {
    errors.clear();
    errorsFor = selKey;
  }
  const detail = sel ? state.ws.cellDetail(sel.theme, sel.player) : null;
  shownDetail = detail;
  const shape = detail ? shapeOf(detail) : null;
  if (shape && shape === drawnShape) {
    patch(detail);
    return;
  }
  drawnShape = shape;
  preservingFocus(pane, () => {
    if (!detail) {
      replace(pane, h('div', { class: 'empty' },
        h('h2', { text: t('cell.emptyTitle') }),
        h('p', { text: t('cell.emptyText') })));
      return;
    }
    replace(pane,
      h('div', { class: 'pane-head' },
        h('h2', { id: 'cell-heading', tabindex: '-1', text: t('cell.title', { theme: detail.theme.label, player: detail.player.label }) }),
        h('button', {
          type: 'button',
          class: 'ghost small',
          dataset: { key: 'back' },
          on: { click: () => onBack(detail.theme.id, detail.player.id) },
        }, t('cell.back'))),
      h('p', { class: 'summary' }, summaryContent(detail)),
      state.result.session.active
        ? h('p', { class: 'scenario-note', text: t('cell.inScenario', { name: state.result.session.active.name }) })
        : null,
      detail.rows.map((row) => rowEditor(detail, row)),
      h('h3', { text: t('cell.owners') }),
      owners(detail),
      h('button', {
        type: 'button',
        class: 'link',
        dataset: { key: 'owners' },
        on: { click: () => onOwners(detail.theme.id) },
      }, t('cell.editOwners')));
  });
  controls = new Map([...pane.querySelectorAll('[data-key]')].map((el) => [el.dataset.key, el]));
  errorLines = new Map([...pane.querySelectorAll('p[data-error]')].map((el) => [/** @type {HTMLElement} */ (el).dataset.error ?? '', /** @type {HTMLElement} */ (el)]));
  // a drawn editor shows no error yet
  shownErrors = new Set();
  showErrors();
}

/**
 * Shows each row's error under it, and marks the field it is about as
 * invalid, described by the message (read with the field). Only the rows
 * that show an error or had one are touched: a model with hundreds of units
 * has hundreds of rows, and an edit changes one.
 */
function showErrors() {
  const rows = new Set([...shownErrors, ...errors.keys()]);
  shownErrors = new Set(errors.keys());
  for (const key of rows) {
    const el = errorLines.get(key);
    if (!el) continue;
    const error = errors.get(key);
    // (the same text again would be announced again)
    if (el.textContent !== (error?.text ?? '')) el.textContent = error?.text ?? '';
    el.hidden = !error;
    for (const f of ['current', 'target', 'weight', 'note']) {
      const control = controls.get(`${key}:${f}`);
      if (error?.field === f) {
        control?.setAttribute('aria-invalid', 'true');
        control?.setAttribute('aria-describedby', el.id);
      } else {
        control?.removeAttribute('aria-invalid');
        control?.removeAttribute('aria-describedby');
      }
    }
  }
}

/** Puts focus on the editor's first control: the chosen unit's row when one unit is on show. */
export function focusEditor() {
  const unit = state.view.unit;
  const row = unit ? pane.querySelector(`[data-key="${CSS.escape(`u:${unit}`)}:current"]`) : null;
  const el = row ?? pane.querySelector('select, input, textarea') ?? pane.querySelector('h2');
  el?.focus();
  if (row) row.closest('fieldset')?.scrollIntoView({ block: 'nearest' });
}

export function initCellEditor({ back, editOwners, isVisible }) {
  pane = document.getElementById('pane-cell');
  onBack = back;
  onOwners = editOwners;
  visible = isVisible;
  pane.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && state.view.selected) {
      ev.preventDefault();
      onBack(state.view.selected.theme, state.view.selected.player);
    }
  });
  onRefresh(() => {
    shownDetail = null; // what the core said before this recomputation may be stale
    if (visible()) render();
  });
}
