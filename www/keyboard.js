// Keyboard shortcuts for the whole page, and the dialog that lists them.
// Single-key shortcuts only act when no text field has focus; undo and redo
// leave text fields to the browser's own undo.
import { h } from './dom.js';
import { t } from './i18n.js';
import { act, announce } from './store.js';
import { openDialog, isDialogOpen } from './dialog.js';

const SHORTCUTS = ['undo', 'redo', 'diagram', 'players', 'themes', 'edit', 'back', 'findings', 'table', 'scenario', 'open', 'share', 'help'];

export function undo() {
  if (act((ws) => ws.undo()).value) announce(t('history.undone'));
  else announce(t('history.nothingToUndo'));
}

export function redo() {
  if (act((ws) => ws.redo()).value) announce(t('history.redone'));
  else announce(t('history.nothingToRedo'));
}

export function showShortcuts() {
  return openDialog({
    heading: t('keys.title'),
    content: [
      h('p', { text: t('keys.intro') }),
      h('table', { class: 'shortcuts' },
        h('caption', { class: 'visually-hidden', text: t('keys.title') }),
        h('tbody', {}, SHORTCUTS.map((id) => h('tr', {},
          h('th', { scope: 'row' }, h('kbd', { text: t(`keys.${id}.keys`) })),
          h('td', { text: t(`keys.${id}`) }))))),
    ],
    actions: [{ label: t('dialog.close'), value: 'close', primary: true }],
  });
}

function typing(el) {
  return el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** `actions`: { focusDiagram, showFindings, toggleTable, newScenario, open, share } */
export function initKeyboard(actions) {
  document.getElementById('undo').addEventListener('click', undo);
  document.getElementById('redo').addEventListener('click', redo);
  document.getElementById('help').addEventListener('click', showShortcuts);
  document.addEventListener('keydown', (ev) => {
    if (isDialogOpen() || ev.defaultPrevented) return;
    const mod = ev.ctrlKey || ev.metaKey;
    const key = ev.key.toLowerCase();
    if (mod && !ev.altKey && (key === 'z' || key === 'y')) {
      if (typing(document.activeElement) && /** @type {HTMLInputElement} */ (document.activeElement).type !== 'checkbox') return;
      ev.preventDefault();
      if (key === 'y' || ev.shiftKey) redo();
      else undo();
      return;
    }
    if (mod || ev.altKey || typing(document.activeElement)) return;
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
