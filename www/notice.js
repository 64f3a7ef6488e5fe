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
import { state, announce, onRefresh, undo as undoLast } from './store.js';

let box;
let text;
let actionsBox;
let timer = 0;
/** The document and revision a notice speaks of: it goes once they move on. */
let tiedTo = null;

/**
 * A text in the page's words, or how to say it again in another language.
 * @typedef {string | (() => string)} Words
 */

/**
 * A notice: what it says and offers, whether it stays until closed, its
 * tone, and the workspace on show when it came.
 * @typedef {{ message: Words, undo: boolean, actions: { label: Words, run: () => void, id?: string }[], sticky: boolean, tone: string, ws: unknown }} Notice
 */

/** The notice on show, to say again in another language. @type {Notice | null} */
let shown = null;

/**
 * Notices that stay until closed and that a later notice stood in front of:
 * each comes back, the latest first, when the notices in front of it go
 * (one line has room for one notice, and what such a notice offers, say
 * drafts to download, must not go with a passing "kept, Undo"). One that
 * speaks of a document no longer on show is let go.
 * @type {Notice[]}
 */
const waiting = [];

/**
 * A phone's screen, where the notice covers the foot of what the user is
 * reading (the panel's tabs, the findings) as they scroll: a passing
 * notice of what went well goes as soon as they turn to the page.
 */
const PHONE = '(max-width: 600px)';

/** @param {Words} words */
const say = (words) => (typeof words === 'function' ? words() : words);

/**
 * Shows a notice. `undo`: offer Undo; `actions`: more [{ label, run, id }];
 * `sticky`: stays until closed. A notice that is not sticky says what just
 * happened to the document on show: it goes as soon as that is no longer
 * the latest news (an edit, an undo, another document), so an Undo it
 * offers always undoes what it says. The message and the labels may be
 * functions that say them: the notice then follows a change of language
 * (a message from the core stays as it was said).
 * @param {Words} message
 * @param {{ undo?: boolean, actions?: { label: Words, run: () => void, id?: string }[], sticky?: boolean, tone?: string }} [options]
 */
export function showNotice(message, { undo = false, actions = [], sticky = false, tone = 'info' } = {}) {
  // the same words again stand for the earlier notice, wherever it is
  const same = (/** @type {Notice} */ n) => say(n.message) === say(message);
  for (let i = waiting.length - 1; i >= 0; i--) if (same(waiting[i])) waiting.splice(i, 1);
  if (shown?.sticky && !box.hidden && !same(shown)) waiting.push(shown);
  present({ message, undo, actions, sticky, tone, ws: state.ws });
}

/** @param {Notice} notice */
function present(notice) {
  clearTimeout(timer);
  tiedTo = !notice.sticky && state.result ? { ws: state.ws, revision: state.result.revision } : null;
  shown = notice;
  draw();
  box.dataset.tone = notice.tone;
  announce(say(notice.message), notice.tone !== 'info');
  box.hidden = false;
  if (!notice.sticky) later();
}

/** Writes the notice on show in the page's language. */
function draw() {
  if (!shown) return;
  const { message, undo, actions } = shown;
  text.textContent = say(message);
  const buttons = actions.map((a) => h('button', {
    type: 'button',
    class: 'small',
    id: a.id,
    on: { click: () => { hideNotice(); a.run(); } },
  }, say(a.label)));
  if (undo) {
    buttons.unshift(h('button', {
      type: 'button',
      class: 'small',
      id: 'notice-undo',
      on: {
        click: () => {
          hideNotice();
          undoLast();
        },
      },
    }, t('actions.undo')));
  }
  buttons.push(h('button', {
    type: 'button',
    class: 'ghost small',
    'aria-label': t('notice.close'),
    on: { click: () => hideNotice() },
  }, '×'));
  replace(actionsBox, buttons);
}

/** Hides a passing notice after a while, but not while focus or the pointer is in it. */
function later() {
  timer = setTimeout(() => {
    if (box.contains(document.activeElement) || box.matches(':hover')) later();
    else hideNotice();
  }, 12_000);
}

/** Hides the notice; `refocus`: focus on one of its buttons goes on to the diagram (not when the user has just touched elsewhere). */
export function hideNotice({ refocus = true } = {}) {
  clearTimeout(timer);
  tiedTo = null;
  shown = null;
  // the focus was on one of its buttons: it goes on to the diagram rather than be lost
  const hadFocus = refocus && box.contains(document.activeElement);
  box.hidden = true;
  if (hadFocus) /** @type {HTMLElement | null} */ (document.querySelector('#diagram [tabindex="0"]'))?.focus();
  for (let next = waiting.pop(); next; next = waiting.pop()) {
    if (next.ws && next.ws !== state.ws) continue;
    present(next);
    break;
  }
}

export function initNotice() {
  box = document.getElementById('notice');
  text = document.getElementById('notice-text');
  actionsBox = document.getElementById('notice-actions');
  onRefresh((result) => {
    if (tiedTo && (state.ws !== tiedTo.ws || result.revision !== tiedTo.revision)) hideNotice();
  });
  // On a phone a passing notice that something went well goes at the first
  // touch, click or turn of the wheel outside it, rather than stay its
  // while over what the user reaches for. It was said to screen readers
  // when it came; what it offers is in the page too (Undo, Documents). One
  // that stays until closed, or a warning, stays to be read.
  const phone = matchMedia(PHONE);
  /** @param {Event} e */
  const outside = (e) => {
    if (box.hidden || !shown || shown.sticky || shown.tone !== 'info' || !phone.matches) return;
    if (e.target instanceof Node && box.contains(e.target)) return;
    hideNotice({ refocus: false });
  };
  document.addEventListener('pointerdown', outside, { capture: true, passive: true });
  document.addEventListener('wheel', outside, { capture: true, passive: true });
  // another language: the notice on show in its words (focus on one of its
  // buttons goes to the same button drawn again)
  document.addEventListener('wfe-language', () => {
    if (box.hidden || !shown) return;
    const focused = actionsBox.contains(document.activeElement)
      ? [...actionsBox.children].indexOf(/** @type {Element} */ (document.activeElement))
      : -1;
    draw();
    if (focused >= 0) /** @type {HTMLElement | undefined} */ (actionsBox.children[focused])?.focus();
  });
}
