// The notice line under the top bar: what just happened, with an Undo
// button where undoing is the natural answer (a scenario was kept or
// discarded, an import) and other answers where they are (a document opened
// beside the others, one that cannot be read, another tab's change).
import { h, replace } from './dom.js';
import { t } from './i18n.js';
import { act, announce } from './store.js';

let box;
let text;
let actionsBox;
let timer = 0;

/**
 * Shows a notice. `undo`: offer Undo; `actions`: more [{ label, run, id }];
 * `sticky`: stays until closed.
 */
export function showNotice(message, { undo = false, actions = [], sticky = false, tone = 'info' } = {}) {
  clearTimeout(timer);
  text.textContent = message;
  box.dataset.tone = tone;
  const buttons = actions.map((a) => h('button', {
    type: 'button',
    class: 'small',
    id: a.id,
    on: { click: () => { hideNotice(); a.run(); } },
  }, a.label));
  if (undo) {
    buttons.unshift(h('button', {
      type: 'button',
      class: 'small',
      id: 'notice-undo',
      on: {
        click: () => {
          hideNotice();
          if (act((ws) => ws.undo()).ok) announce(t('history.undone'));
        },
      },
    }, t('actions.undo')));
  }
  buttons.push(h('button', {
    type: 'button',
    class: 'ghost small',
    'aria-label': t('notice.close'),
    on: { click: hideNotice },
  }, '×'));
  replace(actionsBox, buttons);
  box.hidden = false;
  if (!sticky) {
    timer = setTimeout(() => {
      if (!box.contains(document.activeElement)) hideNotice();
    }, 12_000);
  }
}

export function hideNotice() {
  clearTimeout(timer);
  box.hidden = true;
}

export function initNotice() {
  box = document.getElementById('notice');
  text = document.getElementById('notice-text');
  actionsBox = document.getElementById('notice-actions');
}
