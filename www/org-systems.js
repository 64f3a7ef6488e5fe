// Systems and integrations: each system with its owner, the contributors it
// tracks and the systems it is connected to.
import { h, uid } from './dom.js';
import { t } from './i18n.js';
import { edit, remove, errorFor, concerned, field, addField, blankName, playerOptions, fail, LABEL_CHARS } from './org.js';

/** The label of the item `id` of `list`, or the id when it has none. */
export function labelOf(list, id) {
  return list.find((x) => x.id === id)?.label ?? id;
}

function connectedTo(m, id) {
  return m.integrations
    .filter((x) => x.from === id || x.to === id)
    .map((x) => ({ other: x.from === id ? x.to : x.from, integration: x }));
}

function systemCard(m, s, marks) {
  const k = `s:${s.id}`;
  const update = (changes) => edit(k, { updateSystem: { id: s.id, label: s.label, owner: s.owner, contributors: s.contributors, ...changes } }, { done: t('org.saved') });
  const tracksId = uid('tracks');
  const links = connectedTo(m, s.id);
  const candidates = m.systems.filter((o) => o.id !== s.id && !links.some((l) => l.other === o.id));
  const connect = h('select', { dataset: { key: `${k}:connect` }, 'aria-label': t('systems.connectTo', { name: s.label }) },
    h('option', { value: '', text: t('systems.chooseSystem') }),
    candidates.map((o) => h('option', { value: o.id, text: o.label })));
  return h('article', { class: `card${marks.systems.has(s.id) ? ' is-concerned' : ''}`, dataset: { system: s.id }, 'aria-label': s.label },
    h('div', { class: 'card-head' },
      h('input', {
        type: 'text', value: s.label, maxlength: LABEL_CHARS, class: 'card-title-input', dataset: { key: `${k}:label` }, 'aria-label': t('systems.name'),
        on: { change: (ev) => update({ label: ev.target.value }) },
      }),
      h('button', {
        type: 'button', class: 'icon-button danger', dataset: { key: `${k}:remove` },
        'aria-label': t('org.removeNamed', { name: s.label }), title: t('org.remove'),
        on: { click: () => remove(k, { removeSystem: s.id }, t('systems.removed', { name: s.label })) },
      }, '×')),
    field(t('systems.owner'), h('select', {
      dataset: { key: `${k}:owner` },
      on: { change: (ev) => update({ owner: ev.target.value }) },
    }, playerOptions(m, s.owner))),
    m.contributors.length
      ? h('fieldset', { class: 'checks' },
        h('legend', { id: tracksId, text: t('systems.tracks') }),
        m.contributors.map((c) => h('label', { class: `check${marks.contributors.has(c.id) ? ' is-concerned' : ''}` },
          h('input', {
            type: 'checkbox',
            checked: s.contributors.includes(c.id),
            dataset: { key: `${k}:tracks:${c.id}` },
            on: {
              change: (ev) => update({
                contributors: ev.target.checked ? [...s.contributors, c.id] : s.contributors.filter((x) => x !== c.id),
              }),
            },
          }),
          h('span', { text: c.label }))))
      : null,
    h('div', { class: 'links' },
      h('p', { class: 'links-title', text: t('systems.connected') }),
      links.length
        ? h('ul', { class: 'chips' }, links.map(({ other, integration }) => h('li', { class: 'chip' },
          h('span', { text: labelOf(m.systems, other) }),
          h('button', {
            type: 'button', class: 'chip-remove', dataset: { key: `${k}:unlink:${other}` },
            'aria-label': t('systems.disconnect', { a: s.label, b: labelOf(m.systems, other) }),
            on: { click: () => remove(k, { removeIntegration: integration }, t('systems.disconnected', { a: s.label, b: labelOf(m.systems, other) })) },
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
              edit(k, { addIntegration: { from: s.id, to: connect.value } }, { done: t('systems.connectedDone', { a: s.label, b: labelOf(m.systems, connect.value) }) });
            },
          },
        }, t('systems.connect')))
        : null),
    errorFor(k));
}

export function systemsView(m) {
  const marks = concerned();
  const label = h('input', { type: 'text', dataset: { key: 's-new:label' }, placeholder: t('systems.placeholder'), required: true, maxlength: LABEL_CHARS });
  const owner = h('select', { dataset: { key: 's-new:owner' } }, playerOptions(m, 'it'));
  return [
    h('p', { class: 'pane-intro', text: t('systems.intro') }),
    m.systems.length ? h('div', { class: 'cards' }, m.systems.map((s) => systemCard(m, s, marks))) : h('p', { class: 'muted', text: t('systems.none') }),
    h('form', {
      class: 'add-form',
      'aria-label': t('systems.add'),
      on: {
        submit: (ev) => {
          ev.preventDefault();
          if (blankName('s-new', label)) return;
          edit('s-new', { addSystem: { id: '', label: label.value, owner: owner.value, contributors: [] } }, { done: t('org.added', { name: label.value.trim() }) });
        },
      },
    },
    h('h3', { text: t('systems.add') }),
    h('div', { class: 'field-grid' }, addField('s-new', 'label', t('systems.name'), label, 'wide'), addField('s-new', 'owner', t('systems.owner'), owner)),
    errorFor('s-new', ['label', 'owner']),
    h('button', { type: 'submit', class: 'primary small', dataset: { key: 's-new:add' } }, t('org.add'))),
  ];
}
