// The view toolbar: what the cells show (overlay), which unit, and which
// contributor's responsibilities to highlight; plus the model's name.
import { h, replace, setAttr } from './dom.js';
import { t } from './i18n.js';
import { state, setView, onRefresh, currentModel, apply, fieldErrorText } from './store.js';
import { showNotice } from './notice.js';

const OVERLAYS = ['none', 'current', 'target', 'gap', 'agreement'];

/** The overlays offered: Agreement only once responses are merged (before, it shows nothing). */
function offered() {
  const model = state.ws ? currentModel() : null;
  const voices = (model?.responseCount ?? 0) > 0 || /** @type {string} */ (state.view.overlay) === 'agreement';
  return OVERLAYS.filter((o) => o !== 'agreement' || voices);
}

function renderOverlay(group) {
  const title = group.querySelector('.segmented-title');
  replace(group, title, offered().map((o) => {
    const on = state.view.overlay === o;
    return h('button', {
      type: 'button',
      role: 'radio',
      class: 'segment',
      'aria-checked': String(on),
      tabindex: on ? '0' : '-1',
      dataset: { overlay: o },
      on: { click: () => choose(group, o) },
    }, t(`overlay.${o}`));
  }));
}

function syncOverlay(group) {
  if (group.querySelectorAll('[data-overlay]').length !== offered().length) renderOverlay(group);
  for (const b of group.querySelectorAll('[data-overlay]')) {
    const on = b.dataset.overlay === state.view.overlay;
    setAttr(b, 'aria-checked', String(on));
    if (b.tabIndex !== (on ? 0 : -1)) b.tabIndex = on ? 0 : -1;
  }
}

function choose(group, overlay) {
  setView({ overlay });
  group.querySelector(`[data-overlay="${overlay}"]`).focus();
}

function fillSelect(select, options, value) {
  const fresh = options.map(([v, label, groupLabel]) => ({ v, label, groupLabel }));
  const signature = JSON.stringify(fresh);
  if (select.dataset.signature !== signature) {
    const groups = new Map();
    const top = [];
    for (const o of fresh) {
      const opt = h('option', { value: o.v, text: o.label });
      if (!o.groupLabel) top.push(opt);
      else {
        if (!groups.has(o.groupLabel)) groups.set(o.groupLabel, h('optgroup', { label: o.groupLabel }));
        groups.get(o.groupLabel).append(opt);
      }
    }
    replace(select, top, [...groups.values()]);
    select.dataset.signature = signature;
  }
  select.value = value;
}

let shownStructure = null;

export function initToolbar() {
  const overlay = document.getElementById('overlay');
  const unit = /** @type {HTMLSelectElement} */ (document.getElementById('unit-filter'));
  const contributor = /** @type {HTMLSelectElement} */ (document.getElementById('contributor-filter'));
  const name = /** @type {HTMLInputElement} */ (document.getElementById('model-name'));
  renderOverlay(overlay);
  document.addEventListener('wfe-language', () => {
    renderOverlay(overlay);
    shownStructure = null;
  });
  overlay.addEventListener('keydown', (ev) => {
    const shown = offered();
    const i = shown.indexOf(state.view.overlay);
    let next = null;
    if (ev.key === 'ArrowRight' || ev.key === 'ArrowDown') next = shown[(i + 1) % shown.length];
    else if (ev.key === 'ArrowLeft' || ev.key === 'ArrowUp') next = shown[(i - 1 + shown.length) % shown.length];
    // (as in the tab lists and the diagram)
    else if (ev.key === 'Home') next = shown[0];
    else if (ev.key === 'End') next = shown[shown.length - 1];
    if (!next) return;
    ev.preventDefault();
    choose(overlay, next);
  });
  unit.addEventListener('change', () => setView({ unit: unit.value || null }));
  contributor.addEventListener('change', () => {
    const v = contributor.value;
    if (v.startsWith('kind:')) setView({ kind: v.slice(5), contributor: null });
    else setView({ kind: null, contributor: v || null });
  });
  name.addEventListener('change', () => {
    const r = apply({ setName: name.value });
    if (r.ok) return;
    // the core's words as a sentence, without its path; the field shows the name kept
    showNotice(fieldErrorText(r.error), { tone: 'warning' });
    name.value = currentModel().name;
  });
  onRefresh((result) => {
    syncOverlay(overlay);
    if (result.structure === shownStructure && unit.value === (state.view.unit ?? '')) return;
    shownStructure = result.structure;
    const m = currentModel();
    if (document.activeElement !== name) name.value = m.name;
    // the tab's title names the organization (a title is plain text)
    const title = m.name.trim() ? t('app.titleNamed', { name: m.name.trim() }) : t('app.title');
    if (document.title !== title) document.title = title;
    name.placeholder = t('model.namePlaceholder');
    fillSelect(unit, [['', t('toolbar.allUnits')], ...m.units.map((u) => [u.id, u.label])], state.view.unit ?? '');
    unit.disabled = m.units.length === 0;
    fillSelect(contributor, [
      ['', t('toolbar.noContributor')],
      ['kind:internal', t('kind.internalAll'), t('toolbar.kinds')],
      ['kind:external', t('kind.externalAll'), t('toolbar.kinds')],
      ...m.contributors.map((c) => [c.id, c.label, t('toolbar.contributors')]),
    ], state.view.kind ? `kind:${state.view.kind}` : state.view.contributor ?? '');
  });
}
