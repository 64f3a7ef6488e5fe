// The side-panel editor of one cell: current score, target, weight and note
// for the whole organization and for each unit. Every change is one edit,
// applied by the core at once.
import { h, preservingFocus, replace, uid } from './dom.js';
import { t, formatNumber } from './i18n.js';
import { state, apply, onRefresh, errorText, announce } from './store.js';

let pane;
let onBack = () => {};
let onOwners = () => {};
let visible = () => false;
const errors = new Map();
let errorsFor = null;

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

function rowKey(row) {
  return row.unit ? `u:${row.unit.id}` : 'org';
}

function save(detail, row, change) {
  const { theme, player } = { theme: detail.theme.id, player: detail.player.id };
  const unit = row.unit ? row.unit.id : undefined;
  const before = row.assessment;
  let edit;
  if (change.current === null) {
    if (!before) return;
    edit = { removeAssessment: { theme, player, unit: unit ?? null } };
  } else {
    const next = { theme, player, current: before?.current ?? detail.scale.min, weight: before?.weight ?? 1 };
    if (unit) next.unit = unit;
    if (before?.target !== undefined) next.target = before.target;
    if (before?.note) next.note = before.note;
    Object.assign(next, change);
    if (next.target === null) delete next.target;
    edit = { setAssessment: next };
  }
  const result = apply(edit);
  if (result.ok) {
    errors.delete(rowKey(row));
    announce(t('cell.saved'));
  } else {
    errors.set(rowKey(row), errorText(result.error));
    render();
  }
}

function field(label, control, hint) {
  const id = control.id || uid('f');
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), control, hint ? h('p', { class: 'hint', text: hint }) : null);
}

function rowEditor(detail, row) {
  const k = rowKey(row);
  const a = row.assessment;
  const assessed = Boolean(a);
  const title = row.unit ? row.unit.label : t('cell.organization');
  const current = h('select', {
    dataset: { key: `${k}:current` },
    on: { change: (ev) => save(detail, row, { current: ev.target.value === '' ? null : Number(ev.target.value) }) },
  }, scaleOptions(detail.scale, a?.current, { none: t('cell.notAssessed') }));
  const target = h('select', {
    dataset: { key: `${k}:target` },
    disabled: !assessed,
    on: { change: (ev) => save(detail, row, { target: ev.target.value === '' ? null : Number(ev.target.value) }) },
  }, scaleOptions(detail.scale, a?.target, { none: t('cell.noTarget') }));
  const weight = h('input', {
    type: 'number',
    min: '0',
    step: '0.5',
    inputmode: 'decimal',
    value: String(a?.weight ?? 1),
    disabled: !assessed,
    dataset: { key: `${k}:weight` },
    on: {
      change: (ev) => {
        const w = ev.target.valueAsNumber;
        if (Number.isNaN(w)) {
          errors.set(k, t('cell.weightInvalid'));
          render();
          return;
        }
        save(detail, row, { weight: w });
      },
    },
  });
  const note = h('textarea', {
    rows: '2',
    disabled: !assessed,
    dataset: { key: `${k}:note` },
    placeholder: t('cell.notePlaceholder'),
    on: { change: (ev) => save(detail, row, { note: ev.target.value }) },
  });
  note.value = a?.note ?? '';
  const error = errors.get(k);
  return h('fieldset', { class: `assessment${assessed ? '' : ' is-empty'}` },
    h('legend', { text: title }),
    h('div', { class: 'field-grid' },
      field(t('cell.current'), current),
      field(t('cell.target'), target),
      field(t('cell.weight'), weight)),
    field(t('cell.note'), note),
    error ? h('p', { class: 'error', role: 'alert', text: error }) : null,
    assessed
      ? h('button', {
        type: 'button',
        class: 'ghost small',
        dataset: { key: `${k}:clear` },
        on: { click: () => save(detail, row, { current: null }) },
      }, t('cell.clear'))
      : null,
  );
}

function summary(detail) {
  const info = state.result.cells.find((c) => c.theme === detail.theme.id && c.player === detail.player.id);
  if (!info || info.current === null) return h('p', { class: 'muted', text: t('cell.summaryNone') });
  const parts = [t('cell.summaryCurrent', { value: formatNumber(info.current), label: info.currentLabel ?? '' })];
  if (info.target !== null) parts.push(t('cell.summaryTarget', { value: formatNumber(info.target) }));
  if (info.gap !== null) parts.push(t('cell.summaryGap', { value: formatNumber(info.gap) }));
  const unit = state.view.unit ? t('cell.summaryUnit') : t('cell.summaryAll');
  return h('p', { class: 'summary' }, `${parts.join(' · ')} `, h('span', { class: 'muted', text: unit }));
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

export function render() {
  if (!pane) return;
  preservingFocus(pane, () => {
    const sel = state.view.selected;
    const selKey = sel ? `${sel.theme}\u0000${sel.player}` : null;
    if (selKey !== errorsFor) {
      errors.clear();
      errorsFor = selKey;
    }
    const detail = sel ? state.ws.cellDetail(sel.theme, sel.player) : null;
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
      summary(detail),
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
}

/** Puts focus on the editor's first control. */
export function focusEditor() {
  (pane.querySelector('select, input, textarea') ?? pane.querySelector('h2'))?.focus();
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
    if (visible()) render();
  });
}
