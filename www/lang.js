// The interface language: one dictionary per language, `t(key, params)`, the
// language switcher, and translation of marked-up elements.
//
// Elements carry their text by key: `data-i18n="key"` sets the text content,
// `data-i18n-attr="aria-label:key title:key2"` sets attributes. Code that
// builds text itself listens for the `wfe:language` event on `document` and
// redraws. The choice is remembered in localStorage when the browser allows.
import enTeach from './i18n/en-teach.js';
import frTeach from './i18n/fr-teach.js';

/** The languages, each named in its own language. English is the fallback. */
export const LANGUAGES = [
  { code: 'en', name: 'English', dict: { ...enTeach } },
  { code: 'fr', name: 'Français', dict: { ...frTeach } },
];

const STORAGE_KEY = 'wfe-lang';
const byCode = new Map(LANGUAGES.map((l) => [l.code, l]));
const fallback = byCode.get('en');

function initial() {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved && byCode.has(saved)) return saved;
  } catch {
    // Storage can be refused (file://, privacy settings): not remembering is fine.
  }
  return 'en';
}

let current = initial();

/** The current language's code. */
export function getLanguage() {
  return current;
}

/** Whether the current language or English has a text for `key`. */
export function has(key) {
  return key in byCode.get(current).dict || key in fallback.dict;
}

/** The text of `key` in the current language (else English, else the key), with `{name}` replaced by `params.name`. */
export function t(key, params) {
  const dict = byCode.get(current).dict;
  const text = dict[key] ?? fallback.dict[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** Applies the current language to every marked element under `root`. */
export function translate(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(/\s+/)) {
      const at = pair.indexOf(':');
      if (at > 0) el.setAttribute(pair.slice(0, at), t(pair.slice(at + 1)));
    }
  }
}

/** Switches language: updates `<html lang>`, every marked element, and tells listeners. */
export function setLanguage(code) {
  if (!byCode.has(code)) throw new Error(`unknown language "${code}" (known: ${[...byCode.keys()].join(', ')})`);
  current = code;
  document.documentElement.lang = code;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, code);
  } catch {
    // See initial().
  }
  translate(document);
  document.dispatchEvent(new CustomEvent('wfe:language', { detail: { lang: code } }));
}

/** Fills a `<select>` with the languages and switches when it changes. */
export function bindSwitcher(select) {
  select.replaceChildren(
    ...LANGUAGES.map((l) => {
      const o = document.createElement('option');
      o.value = l.code;
      o.textContent = l.name;
      o.lang = l.code;
      return o;
    }),
  );
  select.value = current;
  select.addEventListener('change', () => setLanguage(select.value));
  document.addEventListener('wfe:language', () => {
    select.value = current;
  });
}

/** Applies the remembered language once the page's markup is in place. */
export function startLanguage() {
  document.documentElement.lang = current;
  translate(document);
}
