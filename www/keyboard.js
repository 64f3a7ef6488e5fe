// Keyboard shortcuts for the whole page, and the dialog that lists them.
// Single-key shortcuts (WCAG 2.1.4) act only where no control takes keys of
// its own: with focus on the page itself or in the diagram, never on a
// button, link, menu or field, so a speech user saying a word or a keyboard
// user pressing a letter on a button does not set one off; the shortcuts
// dialog turns them off altogether (remembered in this browser). Undo and
// redo leave text fields to the browser's own undo.
import { h } from './dom.js';
import { SINGLE_KEYS_KEY } from './stored-keys.js';
import { t } from './i18n.js';
import { announce, undo, redo } from './store.js';
import { openDialog, isDialogOpen } from './dialog.js';

const SHORTCUTS = ['undo', 'redo', 'diagram', 'players', 'themes', 'edit', 'back', 'findings', 'table', 'scenario', 'open', 'share', 'help'];


/** Whether single-key shortcuts are on (the default), as chosen in this browser. */
let singleKeys = true;
try {
  singleKeys = localStorage.getItem(SINGLE_KEYS_KEY) !== 'off';
} catch {
  // storage refused: the default, and the choice below lasts as long as the page
}

function setSingleKeys(on) {
  singleKeys = on;
  try {
    localStorage.setItem(SINGLE_KEYS_KEY, on ? 'on' : 'off');
  } catch {
    // not remembered across visits
  }
}

export function showShortcuts() {
  const box = h('input', {
    type: 'checkbox',
    checked: singleKeys,
    on: { change: (ev) => setSingleKeys(ev.target.checked) },
  });
  return openDialog({
    heading: t('keys.title'),
    content: [
      h('p', { text: t('keys.intro') }),
      h('label', { class: 'field-inline check' }, box, h('span', { text: t('keys.singleKeys') })),
      h('table', { class: 'shortcuts' },
        h('caption', { class: 'visually-hidden', text: t('keys.title') }),
        h('tbody', {}, SHORTCUTS.map((id) => h('tr', {},
          h('th', { scope: 'row' }, h('kbd', { text: t(`keys.${id}.keys`) })),
          h('td', { text: t(`keys.${id}`) }))))),
    ],
    actions: [{ label: t('dialog.close'), value: 'close', primary: true }],
  });
}

/**
 * Whether a single-key shortcut may act with focus on `el`: the page itself,
 * the diagram (or its table), or something focusable only by script (a
 * heading or pane focus was moved to); not a control, which has keys of its own.
 */
function shortcutsWelcome(el) {
  if (!el || el === document.body || el === document.documentElement) return true;
  if (el.closest('.canvas')) return true;
  // a dialog just closed: focus moves back to the page with its close
  // event, a moment later; a key pressed meanwhile is the page's
  if (el.closest('dialog:not([open])')) return true;
  if (el.isContentEditable || el.closest('button, a, input, select, textarea, summary, dialog, [role=menu], [role=tab], [role=button]')) return false;
  return el.getAttribute('tabindex') === '-1';
}

// What each text field held when it last took focus or saved (its change
// event): a field whose value differs holds text typed and not yet saved,
// whose undo is the browser's own. Otherwise Ctrl+Z undoes the last edit.
/** @type {WeakMap<Element, string>} */
const savedText = new WeakMap();
const TEXT_TYPES = new Set(['text', 'search', 'url', 'email', 'tel', 'number', 'password']);

function isTextField(el) {
  return Boolean(el) && (el.isContentEditable || el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && TEXT_TYPES.has(/** @type {HTMLInputElement} */ (el).type)));
}

/** Whether `el` is a text field holding typed text not yet saved. */
export function hasUnsavedText(el) {
  if (!isTextField(el)) return false;
  const saved = savedText.get(el);
  return saved !== undefined && saved !== (el.isContentEditable ? el.textContent : el.value);
}

function remember(ev) {
  const el = /** @type {HTMLInputElement} */ (ev.target);
  if (isTextField(el)) savedText.set(el, el.isContentEditable ? el.textContent : el.value);
}

/** `actions`: { focusDiagram, showFindings, toggleTable, newScenario, open, share } */
export function initKeyboard(actions) {
  document.getElementById('undo').addEventListener('click', undo);
  document.getElementById('redo').addEventListener('click', redo);
  document.getElementById('help').addEventListener('click', showShortcuts);
  document.addEventListener('focusin', remember);
  document.addEventListener('change', remember, true);
  document.addEventListener('keydown', (ev) => {
    if (isDialogOpen() || ev.defaultPrevented) return;
    const mod = ev.ctrlKey || ev.metaKey;
    const key = ev.key.toLowerCase();
    if (mod && !ev.altKey && (key === 'z' || key === 'y')) {
      // text typed and not yet saved is the field's to undo; anything else
      // (a dropdown, a saved field, the diagram) undoes the last edit
      const el = /** @type {HTMLElement} */ (document.activeElement);
      if (hasUnsavedText(el)) return;
      ev.preventDefault();
      if (key === 'y' || ev.shiftKey) redo();
      else undo();
      if (isTextField(el)) remember({ target: el });
      return;
    }
    if (mod || ev.altKey || !singleKeys || !shortcutsWelcome(/** @type {HTMLElement} */ (document.activeElement))) return;
    const run = {
      g: actions.focusDiagram,
      f: actions.showFindings,
      t: actions.toggleTable,
      n: actions.newScenario,
      o: actions.open,
      s: actions.share,
      '?': showShortcuts,
    }[ev.key === '?' ? '?' : key];
    if (!run) return;
    ev.preventDefault();
    run();
  });

}
