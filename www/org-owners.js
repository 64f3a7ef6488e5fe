// Owners: the contributor × theme matrix of responsibilities. Each matrix
// cell names the players who own that theme for that contributor; choosing
// it opens the list of those owners, with activity and control, to edit.
import { h } from './dom.js';
import { t } from './i18n.js';
import { state, announce } from './store.js';
import { edit, remove, errorFor, concerned, addField, playerOptions, render, fail, LABEL_CHARS } from './org.js';

/** The chosen (contributor, theme) pair. */
let chosen = null;

const CONTROLS = ['strict', 'moderate', 'light'];

function controlOptions(selected) {
  return [
    h('option', { value: '', text: t('control.none') }),
    ...CONTROLS.map((c) => h('option', { value: c, selected: c === selected, text: t(`control.${c}`) })),
  ];
}

function labelOf(list, id) {
  return list.find((x) => x.id === id)?.label ?? id;
}

function clean(r) {
  const out = { contributor: r.contributor, theme: r.theme, player: r.player };
  if (r.activity && r.activity.trim()) out.activity = r.activity.trim();
  if (r.control) out.control = r.control;
  return out;
}

function detail(m, contributor, theme) {
  const owned = m.responsibilities
    .map((r, index) => ({ r, index }))
    .filter(({ r }) => r.contributor === contributor && r.theme === theme);
  const where = `o:${contributor}:${theme}`;
  const title = t('owners.pairTitle', { contributor: labelOf(m.contributors, contributor), theme: labelOf(m.framework.themes, theme) });
  const rows = owned.map(({ r, index }) => {
    const k = `r:${index}`;
    const update = (changes) => edit(where, { updateResponsibility: [index, clean({ ...r, ...changes })] }, { done: t('org.saved') });
    return h('li', { class: 'owner-row' },
      h('select', {
        dataset: { key: `${k}:player` }, 'aria-label': t('owners.player'),
        on: { change: (ev) => update({ player: ev.target.value }) },
      }, playerOptions(m, r.player)),
      h('input', {
        type: 'text', value: r.activity ?? '', maxlength: LABEL_CHARS, placeholder: t('owners.activityPlaceholder'),
        dataset: { key: `${k}:activity` }, 'aria-label': t('owners.activity'),
        on: { change: (ev) => update({ activity: ev.target.value }) },
      }),
      h('select', {
        dataset: { key: `${k}:control` }, 'aria-label': t('owners.control'),
        on: { change: (ev) => update({ control: ev.target.value || undefined }) },
      }, controlOptions(r.control)),
      h('button', {
        type: 'button', class: 'icon-button danger', dataset: { key: `${k}:remove` },
        'aria-label': t('owners.removeNamed', { name: labelOf(m.framework.players, r.player) }), title: t('org.remove'),
        on: { click: () => remove(where, { removeResponsibility: index }, t('owners.removed', { name: labelOf(m.framework.players, r.player) })) },
      }, '×'));
  });
  const player = h('select', { dataset: { key: 'o-new:player' } }, playerOptions(m, null, { empty: t('owners.choosePlayer') }));
  const activity = h('input', { type: 'text', dataset: { key: 'o-new:activity' }, placeholder: t('owners.activityPlaceholder'), maxlength: LABEL_CHARS });
  const control = h('select', { dataset: { key: 'o-new:control' } }, controlOptions(''));
  const add = (ev) => {
    ev.preventDefault();
    if (!player.value) {
      fail(where, t('owners.choosePlayerFirst'), 'player');
      return;
    }
    edit(where, { addResponsibility: clean({ contributor, theme, player: player.value, activity: activity.value, control: control.value }) },
      { done: t('owners.added', { name: labelOf(m.framework.players, player.value) }) });
  };
  return h('section', { class: 'owner-detail', 'aria-labelledby': 'owner-detail-title' },
    // focused by script when a matrix cell opens it (below the whole table)
    h('h3', { id: 'owner-detail-title', tabindex: '-1', text: title }),
    owned.length
      ? h('ul', { class: 'plain-list' },
        h('li', { class: 'owner-row owner-head', 'aria-hidden': 'true' },
          h('span', { text: t('owners.player') }), h('span', { text: t('owners.activity') }), h('span', { text: t('owners.control') }), h('span')),
        rows)
      : h('p', { class: 'warning-text', text: t('owners.nobody') }),
    errorFor(where, ['player', 'activity', 'control']),
    h('form', { class: 'add-form compact', 'aria-label': t('owners.add'), on: { submit: add } },
      h('div', { class: 'field-grid three' },
        addField(where, 'player', t('owners.player'), player),
        addField(where, 'activity', t('owners.activity'), activity),
        addField(where, 'control', t('owners.control'), control)),
      h('button', { type: 'submit', class: 'primary small', dataset: { key: 'o-new:add' } }, t('owners.add'))));
}

/**
 * The names of the players who own each (contributor, theme) pair, read in
 * one pass: a cell looking through every responsibility would make the
 * matrix of a large organisation quadratic (800 × 9 cells × 3,500).
 * @returns {Map<string, Map<string, Set<string>>>} contributor id → theme id → names
 */
function ownerNames(m) {
  const players = new Map(m.framework.players.map((p) => [p.id, p.label]));
  const byContributor = new Map();
  for (const r of m.responsibilities) {
    let byTheme = byContributor.get(r.contributor);
    if (!byTheme) byContributor.set(r.contributor, byTheme = new Map());
    let names = byTheme.get(r.theme);
    if (!names) byTheme.set(r.theme, names = new Set());
    names.add(players.get(r.player) ?? r.player);
  }
  return byContributor;
}

export function ownersView(m) {
  if (!m.contributors.length) {
    return [h('p', { class: 'pane-intro', text: t('owners.intro') }), h('p', { class: 'muted', text: t('owners.needContributors') })];
  }
  if (chosen && !(m.contributors.some((c) => c.id === chosen.contributor) && m.framework.themes.some((x) => x.id === chosen.theme))) {
    chosen = null;
  }
  const marks = concerned();
  const finding = state.view.finding && state.result?.analysis.findings.find((x) => x.id === state.view.finding);
  const findingThemes = new Set(finding?.themes ?? []);
  const head = h('tr', {}, h('th', { scope: 'col', text: t('owners.contributor') }),
    m.framework.themes.map((th) => h('th', { scope: 'col', text: th.label })));
  const owners = ownerNames(m);
  const body = m.contributors.map((c) => h('tr', { class: marks.contributors.has(c.id) ? 'is-concerned' : null },
    h('th', { scope: 'row', text: c.label }),
    m.framework.themes.map((th) => {
      const names = [...(owners.get(c.id)?.get(th.id) ?? [])];
      const isChosen = chosen?.contributor === c.id && chosen?.theme === th.id;
      const flagged = marks.contributors.has(c.id) && (findingThemes.size === 0 || findingThemes.has(th.id));
      const text = names.length ? names.join(', ') : t('owners.nobodyShort');
      return h('td', { class: [names.length ? '' : 'is-uncovered', flagged ? 'is-concerned' : ''].filter(Boolean).join(' ') || null },
        h('button', {
          type: 'button',
          class: `matrix-cell${isChosen ? ' is-chosen' : ''}`,
          'aria-pressed': String(isChosen),
          'aria-label': t('owners.cellLabel', { contributor: c.label, theme: th.label, owners: text }),
          dataset: { key: `m:${c.id}:${th.id}` },
          on: {
            // choosing the chosen cell again keeps its editor open (to add
            // a second owner, say) and takes focus back there
            click: () => {
              chosen = { contributor: c.id, theme: th.id };
              if (!isChosen) render();
              openedBelow();
            },
          },
        }, text));
    })));
  return [
    h('p', { class: 'pane-intro', text: t('owners.intro') }),
    h('div', { class: 'matrix-wrap' },
      h('table', { class: 'matrix' },
        h('caption', { class: 'visually-hidden', text: t('owners.caption') }),
        h('thead', {}, head),
        h('tbody', {}, body))),
    chosen ? detail(m, chosen.contributor, chosen.theme) : h('p', { class: 'muted', text: t('owners.chooseHint') }),
  ];
}

/**
 * The editor a matrix cell opens is drawn below the whole table, many Tab
 * stops away: focus goes to its heading (Tab then reaches its fields) and
 * a screen reader is told it opened.
 */
function openedBelow() {
  const heading = document.getElementById('owner-detail-title');
  if (!heading) return;
  heading.focus();
  announce(t('owners.editorOpened', { title: heading.textContent ?? '' }));
}

/** Opens the owners of a (contributor, theme) pair. */
export function chooseOwners(contributor, theme) {
  chosen = contributor && theme ? { contributor, theme } : null;
}
