// The notice line under the top bar: what just happened, with an Undo
// button where undoing is the natural answer (a scenario was kept or
// discarded, an import) and other answers where they are (a document opened
// beside the others, one that cannot be read, another tab's change).
//
// Every notice is also said to screen-reader users (WCAG 4.1.3): through the
// page's status line, or its alert line for a failure. Those live regions
// are always in the page, where a region that appears with its text (the
// notice box itself) is not reliably announced.
import { h, replace } from './dom.js';
import { t } from './i18n.js';
import { state, act, announce, onRefresh } from './store.js';

let box;
let text;
let actionsBox;
let timer = 0;
/** The document and revision a notice speaks of: it goes once they move on. */
let tiedTo = null;

/**
 * Shows a notice. `undo`: offer Undo; `actions`: more [{ label, run, id }];
 * `sticky`: stays until closed. A notice that is not sticky says what just
 * happened to the document on show: it goes as soon as that is no longer
 * the latest news (an edit, an undo, another document), so an Undo it
 * offers always undoes what it says.
 */
export function showNotice(message, { undo = false, actions = [], sticky = false, tone = 'info' } = {}) {
  clearTimeout(timer);
  tiedTo = !sticky && state.result ? { ws: state.ws, revision: state.result.revision } : null;
  text.textContent = message;
  box.dataset.tone = tone;
  announce(message, tone !== 'info');
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
  if (!sticky) later();
}

/** Hides a passing notice after a while, but not while focus or the pointer is in it. */
function later() {
  timer = setTimeout(() => {
    if (box.contains(document.activeElement) || box.matches(':hover')) later();
    else hideNotice();
  }, 12_000);
}

export function hideNotice() {
  clearTimeout(timer);
  tiedTo = null;
  // the focus was on one of its buttons: it goes on to the diagram rather than be lost
  const hadFocus = box.contains(document.activeElement);
  box.hidden = true;
  if (hadFocus) /** @type {HTMLElement | null} */ (document.querySelector('#diagram [tabindex="0"]'))?.focus();
}

export function initNotice() {
  box = document.getElementById('notice');
  text = document.getElementById('notice-text');
  actionsBox = document.getElementById('notice-actions');
  onRefresh((result) => {
    if (tiedTo && (state.ws !== tiedTo.ws || result.revision !== tiedTo.revision)) hideNotice();
  });
}
