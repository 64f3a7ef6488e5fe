// Small DOM helpers. Text always goes in as text (textContent, setAttribute),
// never as markup, so labels and notes from a model stay inert.

/**
 * Creates an element. `props`: `class`, `text`, `on` ({event: handler}),
 * `dataset` ({key: value}), boolean properties (`hidden`, `disabled`,
 * `checked`, `selected`), `value`, and any other key as an attribute
 * (skipped when null, undefined or false).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'on') for (const [ev, fn] of Object.entries(value)) el.addEventListener(ev, fn);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'value') el.value = value;
    else if (['hidden', 'disabled', 'checked', 'selected', 'multiple', 'required'].includes(key)) el[key] = true;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

/** Which way the last key pressed moves focus: 1 Tab, -1 Shift+Tab, 0 another key or a pointer. */
let tabbing = 0;
let tabWatched = false;
/** The control whose change is being told. */
let leaving = /** @type {HTMLElement | null} */ (null);

/** Moves focus from `from` to the next (`by` 1) or previous (-1) stop of `container`, or keeps it there; unless the reader went on elsewhere. */
function tabOn(container, from, by) {
  if ((document.activeElement !== document.body && document.activeElement !== from) || !from.isConnected) return;
  const stops = [...container.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
    .filter((e) => e instanceof HTMLElement && !(/** @type {HTMLInputElement} */ (e).disabled) && e.tabIndex >= 0 && e.getClientRects().length > 0);
  const to = /** @type {HTMLElement | undefined} */ (stops[stops.indexOf(from) + by]);
  (to ?? from).focus();
}

/**
 * Re-renders `container` with `render()` and puts focus (and the caret) back
 * on the element with the same `data-key` it was on, so that an edit made
 * from inside a panel does not lose the user's place.
 */
export function preservingFocus(container, render) {
  if (!tabWatched) {
    tabWatched = true;
    document.addEventListener('keydown', (ev) => {
      tabbing = ev.key === 'Tab' ? (ev.shiftKey ? -1 : 1) : 0;
    }, true);
    document.addEventListener('pointerdown', () => {
      tabbing = 0;
    }, true);
    document.addEventListener('change', (ev) => {
      leaving = ev.target instanceof HTMLElement ? ev.target : null;
      setTimeout(() => {
        leaving = null;
      }, 0);
    }, true);
  }
  // a field changed as Tab leaves it: the body is focused while its change
  // is told, and the browser's move to the next control fails once the
  // redraw has replaced that control; the redrawn field stands in for it
  const left = tabbing && document.activeElement === document.body && leaving && container.contains(leaving) ? leaving : null;
  const active = /** @type {HTMLElement & { selectionStart?: number | null, selectionEnd?: number | null }} */ (left ?? document.activeElement);
  const inside = active && container.contains(active) && active !== container;
  const key = inside ? active.dataset.key : undefined;
  let caret = null;
  if (inside && typeof active.selectionStart === 'number') {
    try {
      caret = [active.selectionStart, active.selectionEnd];
    } catch {
      caret = null;
    }
  }
  render();
  if (!inside) return;
  const again = key ? container.querySelector(`[data-key="${CSS.escape(key)}"]`) : null;
  if (again) {
    again.focus({ preventScroll: true });
    // once the Tab's move is over, focus goes where it was taking it
    if (left) setTimeout(() => tabOn(container, again, tabbing), 0);
    if (caret && typeof again.setSelectionRange === 'function') {
      try {
        again.setSelectionRange(caret[0], caret[1]);
      } catch {
        // some inputs (number) have no caret
      }
    }
  } else if (!container.contains(document.activeElement)) {
    container.focus({ preventScroll: true });
  }
}

/** An id unique within the page, for label/control pairs. */
let counter = 0;
export function uid(prefix = 'id') {
  counter += 1;
  return `${prefix}-${counter}`;
}

/**
 * A file name's stem from a model's (or document's) name: letters, their
 * accents and digits of any script, lower-cased, everything else one
 * hyphen, so that a name cannot choose where or as what its file is saved.
 * NFKC: a ligature (ﬁ) becomes its letters and an accent stays on its
 * letter ("Équipe Nord" → "équipe-nord"; decomposed, the accent fell out
 * and cut the word: "e-quipe-nord").
 * @param {string} name
 * @param {string} fallback when nothing of the name is left
 */
export function fileStem(name, fallback) {
  // (İ lower-cased is i and a combining dot: the dot goes, as the core's ids drop it)
  const stem = String(name).normalize('NFKC').toLowerCase().replace(/i\u0307/g, 'i').replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  return [...stem].slice(0, 60).join('').replace(/-+$/, '') || fallback;
}

/**
 * A downloaded file's suffix, `-WORD.ext`, WORD saying what the file is in
 * the page's language (a catalogue's file.* text: "-report.md",
 * "-rapport.md"), kept as safe as a name by fileStem.
 * @param {string} word
 * @param {string} ext
 */
export function fileSuffix(word, ext) {
  return `-${fileStem(word, 'file')}.${ext}`;
}

/** Triggers a download of `blob` as `filename`. */
export function download(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, class: 'visually-hidden' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const drawn = new WeakMap();

/**
 * Whether `el` already shows `shape` (any JSON-able value); records it if
 * not. Redrawing only what changed keeps an edit within a frame: even
 * setting a text to the same value makes the browser lay the page out again.
 */
export function unchanged(el, shape) {
  const text = JSON.stringify(shape);
  if (drawn.get(el) === text) return true;
  drawn.set(el, text);
  return false;
}

/** Sets an attribute only when its value differs. */
export function setAttr(el, name, value) {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** Sets a text only when it differs. */
export function setText(el, text) {
  if (el.textContent === text) return;
  // a lone text node changes in place: the browser then lays out that text
  // again, rather than a node removed and another one added
  const only = el.firstChild;
  if (only instanceof Text && only === el.lastChild) only.data = text;
  else el.textContent = text;
}
