// One modal dialog, reused for every question the page asks (import errors,
// share link, new what-if, shortcuts). The native <dialog> keeps focus inside
// and closes on Escape; focus goes back where it was, or to the control that
// replaced it there (a re-rendered banner's button of the same id or key).
import { h, replace } from './dom.js';

let dialog;
let title;
let body;
let actionsBox;

/**
 * @typedef {object} DialogAction
 * @property {string} label
 * @property {string} value what the dialog resolves to when it is chosen
 * @property {boolean} [primary] the action Enter chooses
 * @property {boolean} [danger]
 * @property {boolean} [submit] false: the button does not close the dialog
 * @property {(ev: MouseEvent) => void} [onClick]
 */

/**
 * Shows a dialog. `actions`: [{ label, value, primary, danger }]; the
 * promise resolves to the chosen value ('' when dismissed). `onOpen(body)`
 * may focus something inside.
 * @param {object} o
 * @param {string} o.heading
 * @param {unknown} o.content what `replace` takes: nodes, text, arrays of them
 * @param {DialogAction[]} o.actions
 * @param {(body: HTMLElement) => void} [o.onOpen]
 * @param {string} [o.className]
 * @returns {Promise<string>}
 */
export function openDialog({ heading, content, actions, onOpen, className = '' }) {
  const returnTo = /** @type {HTMLElement | null} */ (document.activeElement);
  // where the opener lives, to find its stand-in if the opener is re-created
  // meanwhile (what the dialog did re-rendered the part holding it)
  const home = returnTo?.parentElement?.closest('[id]') ?? null;
  title.textContent = heading;
  replace(body, content);
  // Only the primary action submits, so Enter in a field chooses it; the
  // others are plain buttons (implicit submission takes the first submit
  // button, which would otherwise be Cancel).
  replace(actionsBox, actions.map((a) => h('button', {
    type: a.primary && a.submit !== false ? 'submit' : 'button',
    value: a.value,
    class: [a.primary ? 'primary' : '', a.danger ? 'danger' : ''].filter(Boolean).join(' ') || null,
    on: {
      click: (ev) => {
        a.onClick?.(ev);
        if (!ev.defaultPrevented && ev.currentTarget.type === 'button' && a.submit !== false) dialog.close(a.value);
      },
    },
  }, a.label)));
  dialog.className = `dialog ${className}`.trim();
  dialog.returnValue = '';
  dialog.showModal();
  onOpen?.(body);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue);
      (returnTo && document.contains(returnTo) ? returnTo : standIn(returnTo, home))?.focus();
      // opened from the page itself (the body cannot take focus back): focus
      // must not stay on a part of the closed dialog, where shortcuts and Tab
      // would start from nowhere
      const left = /** @type {HTMLElement | null} */ (document.activeElement);
      if (left && dialog.contains(left)) left.blur();
    }, { once: true });
  });
}

/**
 * The control that took the place of `gone`, a dialog's opener no longer in
 * the page: the element of its id, or of its `data-key` where it lived.
 * @param {HTMLElement | null} gone
 * @param {Element | null} home
 * @returns {HTMLElement | null}
 */
function standIn(gone, home) {
  if (!gone) return null;
  if (gone.id) return document.getElementById(gone.id);
  const key = gone.dataset?.key;
  if (!key || !home || !document.contains(home)) return null;
  return home.querySelector(`[data-key="${CSS.escape(key)}"]`);
}

export function closeDialog(value = '') {
  if (dialog.open) dialog.close(value);
}

export function isDialogOpen() {
  return dialog.open;
}

export function initDialog() {
  dialog = document.getElementById('dialog');
  title = document.getElementById('dialog-title');
  body = document.getElementById('dialog-body');
  actionsBox = document.getElementById('dialog-actions');
}
