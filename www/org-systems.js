// Systems and integrations: each system with its owner, the contributors it
// tracks and the systems it is connected to. Each system is a card that opens
// (a disclosure); only an open card builds its controls.
import { h, replace, uid } from './dom.js';
import { t, tn } from './i18n.js';
import { currentModel, announce } from './store.js';
import { edit, remove, errorFor, concerned, changedHere, field, addField, blankName, playerOptions, fail, render, LABEL_CHARS } from './org.js';
import { listPager, PAGE } from './org-pager.js';
import { isolate } from './pkg/workforce_ecosystem.js';

/** The label of the item `id` of `list`, or the id when it has none. */
export function labelOf(list, id) {
  return list.find((x) => x.id === id)?.label ?? id;
}

/** A label as a sentence of the page holds it: isolated, so a right-to-left name or a bidi control in it reorders none of the sentence. */
const named = (list, id) => isolate(labelOf(list, id));

function connectedTo(m, id) {
  return m.integrations
    .filter((x) => x.from === id || x.to === id)
    .map((x) => ({ other: x.from === id ? x.to : x.from, integration: x }));
}

/**
 * Up to this many systems, every card is open as the section shows (a small
 * organisation is edited at a glance). Past it the cards start closed: an
 * open card lists every other system and a page of contributors, so a
 * model of hundreds of each would build hundreds of thousands of controls
 * at once.
 */
const OPEN_ALL = 12;

/** The cards the user opened or closed, by system id, kept across redraws. */
const opened = new Map();

/** The cards, a page at a time past 50 (700 cards were 60,000 px of page). */
const pager = listPager('s', 'list.systems');

/** The number of integrations of each system id. */
function linkCounts(m) {
  const counts = new Map();
  for (const x of m.integrations) {
    counts.set(x.from, (counts.get(x.from) ?? 0) + 1);
    counts.set(x.to, (counts.get(x.to) ?? 0) + 1);
  }
  return counts;
}

/**
 * What an open card's contributors list keeps across redraws (each edit
 * draws the pane again), by system id: its find box and page, the
 * contributors it lists first and the contributors they were chosen from.
 * @type {Map<string, { pager: import('./org-pager.js').Pager, first: Set<string>, seen: Set<string> }>}
 */
const tracking = new Map();

/**
 * The contributors a system tracks, one checkbox each. Past a page of them
 * (800 checkboxes, built and laid out as a card opened, were a task of
 * about 40 ms here, BENCHMARKS.md) those it tracks come first, and the
 * others a page at a time with a find box. Which come first is settled as
 * the card opens, not at each check: a box checked or unchecked stays where
 * it is, and keeps focus.
 */
function tracksField(m, s, marks, update) {
  if (!m.contributors.length) return null;
  const k = `s:${s.id}`;
  const tracked = new Set(s.contributors);
  const was = tracking.get(s.id);
  // what was listed first holds while the card's own boxes are checked; an
  // edit made elsewhere (an undo, another what-if) lists what is tracked now
  const kept = was && was.seen.size === tracked.size && s.contributors.every((x) => was.seen.has(x))
    ? was
    : { pager: was?.pager ?? listPager(`${k}:tracks`, 'list.tracks'), first: tracked, seen: tracked };
  tracking.set(s.id, kept);
  const check = (c) => h('label', { class: `check${marks.contributors.has(c.id) ? ' is-concerned' : ''}` },
    h('input', {
      type: 'checkbox',
      checked: tracked.has(c.id),
      dataset: { key: `${k}:tracks:${c.id}` },
      on: {
        change: (ev) => {
          const contributors = ev.target.checked ? [...s.contributors, c.id] : s.contributors.filter((x) => x !== c.id);
          kept.seen = new Set(contributors);
          update({ contributors });
        },
      },
    }),
    h('span', { text: c.label }));
  if (m.contributors.length <= PAGE) {
    return h('fieldset', { class: `checks${m.contributors.length > OPEN_ALL * 2 ? ' is-long' : ''}` },
      h('legend', { text: t('systems.tracks') }),
      m.contributors.map(check));
  }
  const first = m.contributors.filter((c) => kept.first.has(c.id));
  const others = m.contributors.filter((c) => !kept.first.has(c.id));
  // a box keeps its place as it is checked, so the count says what is
  // tracked but listed below, and what is listed above but no longer tracked
  const below = others.filter((c) => tracked.has(c.id)).length;
  const untracked = first.filter((c) => !tracked.has(c.id)).length;
  const countId = uid('tracked');
  const untrackedId = uid('untracked');
  const count = tn('systems.trackedCount', tracked.size);
  const { filter, part } = kept.pager.view(others, (shown, describedBy) => h('div', { class: 'check-list', 'aria-describedby': describedBy }, shown.map(check)));
  return h('fieldset', { class: 'checks is-paged', 'aria-describedby': untracked ? `${countId} ${untrackedId}` : countId },
    h('legend', { text: t('systems.tracks') }),
    h('p', { id: countId, class: 'checks-count', text: below ? tn('systems.trackedBelow', below, { tracked: count }) : count }),
    untracked ? h('p', { id: untrackedId, class: 'checks-count', text: tn('systems.untrackedAbove', untracked) }) : null,
    first.length ? h('div', { class: `check-list${first.length > OPEN_ALL * 2 ? ' is-long' : ''}` }, first.map(check)) : null,
    filter,
    part);
}

/** What an open card holds: its name, owner, tracked contributors and links. */
function cardBody(m, s, marks) {
  const k = `s:${s.id}`;
  const update = (changes) => edit(k, { updateSystem: { id: s.id, label: s.label, owner: s.owner, contributors: s.contributors, ...changes } }, { done: t('org.saved') });
  const links = connectedTo(m, s.id);
  const linked = new Set(links.map((l) => l.other));
  const candidates = m.systems.filter((o) => o.id !== s.id && !linked.has(o.id));
  const connect = h('select', { dataset: { key: `${k}:connect` }, 'aria-label': t('systems.connectTo', { name: isolate(s.label) }) },
    h('option', { value: '', text: t('systems.chooseSystem') }),
    candidates.map((o) => h('option', { value: o.id, text: o.label })));
  return [
    h('div', { class: 'card-head' },
      h('input', {
        type: 'text', value: s.label, maxlength: LABEL_CHARS, class: 'card-title-input', dataset: { key: `${k}:label` }, 'aria-label': t('systems.name'),
        on: { change: (ev) => update({ label: ev.target.value }) },
      }),
      h('button', {
        type: 'button', class: 'icon-button danger', dataset: { key: `${k}:remove` },
        'aria-label': t('org.removeNamed', { name: isolate(s.label) }), title: t('org.remove'),
        on: { click: () => remove(k, { removeSystem: s.id }, t('systems.removed', { name: isolate(s.label) })) },
      }, '×')),
    field(t('systems.owner'), h('select', {
      dataset: { key: `${k}:owner` },
      on: { change: (ev) => update({ owner: ev.target.value }) },
    }, playerOptions(m, s.owner))),
    tracksField(m, s, marks, update),
    h('div', { class: 'links' },
      h('p', { class: 'links-title', text: t('systems.connected') }),
      links.length
        ? h('ul', { class: 'chips' }, links.map(({ other, integration }) => h('li', { class: 'chip' },
          h('span', { text: labelOf(m.systems, other) }),
          h('button', {
            type: 'button', class: 'chip-remove', dataset: { key: `${k}:unlink:${other}` },
            'aria-label': t('systems.disconnect', { a: isolate(s.label), b: named(m.systems, other) }),
            on: { click: () => remove(k, { removeIntegration: integration }, t('systems.disconnected', { a: isolate(s.label), b: named(m.systems, other) })) },
          }, '×'))))
        : h('p', { class: 'muted small', text: m.systems.length > 1 ? t('systems.noLinks') : t('systems.onlyOne') }),
      candidates.length
        ? h('div', { class: 'inline-add' }, connect, h('button', {
          type: 'button', class: 'small', dataset: { key: `${k}:connect-add` },
          on: {
            click: () => {
              if (!connect.value) {
                fail(k, t('systems.chooseSystemFirst'));
                return;
              }
              edit(k, { addIntegration: { from: s.id, to: connect.value } }, { done: t('systems.connectedDone', { a: isolate(s.label), b: named(m.systems, connect.value) }) });
            },
          },
        }, t('systems.connect')))
        : null),
    errorFor(k),
  ];
}

/**
 * A system's card: a disclosure whose summary says the system, its owner and
 * how much it tracks and connects; what it holds is built when it opens.
 */
function systemCard(m, s, marks, links, players, changed) {
  const k = `s:${s.id}`;
  const open = opened.get(s.id) ?? (m.systems.length <= OPEN_ALL || marks.systems.has(s.id));
  const body = h('div', { class: 'card-body' });
  const isChanged = changed.has(s.id);
  const facts = [
    t('systems.ownedBy', { owner: players.get(s.owner) ?? isolate(s.owner) }),
    tn('systems.tracksCount', s.contributors.length),
    tn('systems.linksCount', links.get(s.id) ?? 0),
    isChanged ? t('org.changed') : null,
  ].filter(Boolean).join(' · ');
  const details = h('details', {
    class: 'card-details',
    open,
    on: {
      toggle: () => {
        opened.set(s.id, details.open);
        // closed, it forgets what it listed first: opened again, it lists what it tracks then
        if (!details.open) {
          tracking.delete(s.id);
          replace(body);
        }
        if (details.open && !body.hasChildNodes()) replace(body, cardBody(currentModel(), s, concerned()));
      },
    },
  },
  h('summary', { class: 'card-summary', dataset: { key: `${k}:open` } },
    h('span', { class: 'card-name', text: s.label }),
    h('span', { class: 'card-facts muted small', text: facts })),
  body);
  if (open) replace(body, cardBody(m, s, marks));
  return h('article', { class: `card${marks.systems.has(s.id) ? ' is-concerned' : ''}${isChanged ? ' is-changed' : ''}`, dataset: { system: s.id }, 'aria-label': s.label }, details);
}

export function systemsView(m) {
  if (pager.afresh()) tracking.clear();
  const marks = concerned();
  pager.reveal(m.systems, marks.systems);
  const { systems: changed, marked } = changedHere();
  const links = linkCounts(m);
  // isolated: each is written in a sentence ("Owner: {owner}")
  const players = new Map(m.framework.players.map((p) => [p.id, isolate(p.label)]));
  const label = h('input', { type: 'text', dataset: { key: 's-new:label' }, placeholder: t('systems.placeholder'), required: true, maxlength: LABEL_CHARS });
  const owner = h('select', { dataset: { key: 's-new:owner' } }, playerOptions(m, 'it'));
  const { filter, part } = pager.view(m.systems, (shown) => h('div', { class: 'cards' }, shown.map((s) => systemCard(m, s, marks, links, players, changed))), { changed: marked ? changed : null });
  return [
    h('p', { class: 'pane-intro', text: t('systems.intro') }),
    m.systems.length ? [filter, part] : h('p', { class: 'muted', text: t('systems.none') }),
    h('form', {
      class: 'add-form',
      novalidate: true,
      'aria-label': t('systems.add'),
      on: {
        submit: (ev) => {
          ev.preventDefault();
          if (blankName('s-new', label)) return;
          const before = new Set(m.systems.map((x) => x.id));
          const r = edit('s-new', { addSystem: { id: '', label: label.value, owner: owner.value, contributors: [] } }, { done: t('org.added', { name: isolate(label.value.trim()) }) });
          // the new system's card opens, to say what it tracks and connects
          // to, on its page (the last)
          const added = r.ok ? currentModel().systems.find((x) => !before.has(x.id)) : undefined;
          if (added) {
            opened.set(added.id, true);
            pager.show(added.id);
            render();
          }
        },
      },
    },
    h('h3', { text: t('systems.add') }),
    h('div', { class: 'field-grid' }, addField('s-new', 'label', t('systems.name'), label, 'wide'), addField('s-new', 'owner', t('systems.owner'), owner)),
    errorFor('s-new', ['label', 'owner']),
    h('button', { type: 'submit', class: 'primary small', dataset: { key: 's-new:add' } }, t('org.add'))),
  ];
}

/** Brings the chosen finding's first system into view on the next draw, wherever the reader paged since. */
export function revealConcerned() {
  pager.again();
}

/**
 * Takes focus to the card of the chosen finding's system on show (its
 * page turned to it), far down a long list: its summary (Tab then reaches
 * its fields), in the middle of the view, and a screen reader is told.
 * False when no such card is on show.
 */
export function focusConcerned() {
  const card = document.querySelector('#pane-org .card.is-concerned');
  const summary = card?.querySelector('.card-summary');
  if (!(summary instanceof HTMLElement)) return false;
  summary.focus({ preventScroll: true });
  summary.scrollIntoView({ block: 'center' });
  announce(t('systems.shownForFinding', { name: isolate(card?.getAttribute('aria-label') ?? '') }));
  return true;
}
