// Owners: the contributor × theme matrix of responsibilities. Each matrix
// cell names the players who own that theme for that contributor; choosing
// it opens the list of those owners, with activity and control, to edit.
import { h } from './dom.js';
import { t } from './i18n.js';
import { state, announce } from './store.js';
import { edit, remove, errorFor, concerned, changedHere, addField, playerOptions, render, fail, LABEL_CHARS } from './org.js';
import { listPager } from './org-pager.js';
import { isolate } from './pkg/workforce_ecosystem.js';

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

/** A label as a sentence of the page holds it: isolated, so a right-to-left name or a bidi control in it reorders none of the sentence. */
function named(list, id) {
  return isolate(labelOf(list, id));
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
  const title = t('owners.pairTitle', { contributor: named(m.contributors, contributor), theme: named(m.framework.themes, theme) });
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
        'aria-label': t('owners.removeNamed', { name: named(m.framework.players, r.player) }), title: t('org.remove'),
        on: {
          click: () => {
            const done = remove(where, { removeResponsibility: index }, t('owners.removed', { name: named(m.framework.players, r.player) })).ok;
            // the button went with its owner: focus stays in the editor, at its heading, not the pane
            if (done && !document.activeElement?.closest('.owner-detail')) document.getElementById('owner-detail-title')?.focus();
          },
        },
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
      { done: t('owners.added', { name: named(m.framework.players, player.value) }) });
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

/** The matrix's contributors, a page at a time past 50 (800 × 4 buttons took a fifth of a second to draw). */
const pager = listPager('o', 'list.contributors');

/** Another document starts with no pair chosen (and the pager afresh): what was set for one does not hold for another. */
function afresh() {
  if (pager.afresh()) chosen = null;
}

export function ownersView(m) {
  afresh();
  if (!m.contributors.length) {
    return [h('p', { class: 'pane-intro', text: t('owners.intro') }), h('p', { class: 'muted', text: t('owners.needContributors') })];
  }
  if (chosen && !(m.contributors.some((c) => c.id === chosen.contributor) && m.framework.themes.some((x) => x.id === chosen.theme))) {
    chosen = null;
  }
  const marks = concerned();
  const { pairs: changed, owned, marked } = changedHere();
  const finding = state.view.finding && state.result?.analysis.findings.find((x) => x.id === state.view.finding);
  const findingThemes = new Set(finding?.themes ?? []);
  pager.reveal(m.contributors, marks.contributors);
  const head = h('tr', {}, h('th', { scope: 'col', text: t('owners.contributor') }),
    m.framework.themes.map((th) => h('th', { scope: 'col', text: th.label })));
  const themeNames = new Map(m.framework.themes.map((th) => [th.id, isolate(th.label)]));
  /** @param {{ id: string, label: string }} c @param {string[][]} owners its row of the core's matrix */
  const row = (c, owners) => h('tr', { class: marks.contributors.has(c.id) ? 'is-concerned' : null },
    h('th', { scope: 'row', text: c.label }),
    m.framework.themes.map((th, column) => {
      // isolated: they are listed in a sentence
      const names = (owners[column] ?? []).map((name) => isolate(name));
      const isChosen = chosen?.contributor === c.id && chosen?.theme === th.id;
      const flagged = marks.contributors.has(c.id) && (findingThemes.size === 0 || findingThemes.has(th.id));
      const text = names.length ? names.join(', ') : t('owners.nobodyShort');
      const isChanged = changed.has(`${c.id}\u0000${th.id}`);
      return h('td', { class: [names.length ? '' : 'is-uncovered', flagged ? 'is-concerned' : '', isChanged ? 'is-changed' : ''].filter(Boolean).join(' ') || null },
        h('button', {
          type: 'button',
          class: `matrix-cell${isChosen ? ' is-chosen' : ''}`,
          'aria-pressed': String(isChosen),
          'aria-label': t(isChanged ? 'owners.cellLabelChanged' : 'owners.cellLabel', { contributor: isolate(c.label), theme: themeNames.get(th.id), owners: text }),
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
    }));
  const { filter, part } = pager.view(m.contributors, (shown, describedBy) => {
    // the core names the owners of the pairs on show (only those: a large
    // organisation's whole matrix is thousands of pairs)
    const owners = state.ws.ownersRows(shown.map((c) => c.id));
    return h('div', { class: 'matrix-wrap' },
      h('table', { class: 'matrix', 'aria-describedby': describedBy },
        h('caption', { class: 'visually-hidden', text: t('owners.caption') }),
        h('thead', {}, head),
        h('tbody', {}, shown.map((c, i) => row(c, owners[i])))));
  }, { changed: marked ? owned : null });
  return [
    h('p', { class: 'pane-intro', text: t('owners.intro') }),
    filter,
    part,
    chosen ? detail(m, chosen.contributor, chosen.theme) : h('p', { class: 'muted', text: t('owners.chooseHint') }),
  ];
}

/**
 * The editor a matrix cell opens is drawn below the whole table, many Tab
 * stops away: focus goes to its heading (Tab then reaches its fields) and
 * a screen reader is told it opened.
 */
export function openedBelow() {
  const heading = document.getElementById('owner-detail-title');
  if (!heading) return;
  heading.focus();
  announce(t('owners.editorOpened', { title: heading.textContent ?? '' }));
}

/** Opens the owners of a (contributor, theme) pair. */
export function chooseOwners(contributor, theme) {
  afresh();
  chosen = contributor && theme ? { contributor, theme } : null;
  pager.show(chosen?.contributor ?? null);
}
