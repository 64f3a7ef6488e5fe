// The interface languages and the switch between them, on top of i18n.js:
// registers each language's catalogue of the page's strings (a page with more
// strings of its own adds them with addTexts), remembers the reader's choice,
// and fills a language menu.
//
// Switching goes through i18n.js's setLanguage, which dispatches
// `wfe-language` on `document`; pages redraw their texts on that event.
import en from './i18n/en.js';
import fr from './i18n/fr.js';
import { addCatalogue, setLanguage as applyLanguage, language, t, translateStatic } from './i18n.js';

/** The languages, each named in its own language. English is the fallback. */
export const LANGUAGES = [
  { code: 'en', name: 'English', dict: { ...en } },
  { code: 'fr', name: 'Français', dict: { ...fr } },
];
for (const l of LANGUAGES) addCatalogue(l.code, l.dict);

/**
 * Adds a page's own texts to each language, e.g. `{ en: {...}, fr: {...} }`:
 * the classroom page's catalogues load only there.
 */
export function addTexts(byLanguage) {
  for (const l of LANGUAGES) Object.assign(l.dict, byLanguage[l.code]);
}

const STORAGE_KEY = 'wfe-lang';
const byCode = new Map(LANGUAGES.map((l) => [l.code, l]));
const english = byCode.get('en').dict;

export { t };

/** The current language's code. */
export function getLanguage() {
  return language();
}

/** Whether the current language or English has a text for `key` (i18n.js's t() warns on a missing one). */
export function has(key) {
  return key in (byCode.get(language())?.dict ?? english) || key in english;
}

/** The English text of `key`: what a model's default names are compared with. */
export function englishText(key) {
  return english[key];
}

/** The exported document's words in the current language (keys of DEFAULT_TEXTS in src/export/document.rs). */
export function exportTexts() {
  const prefix = 'exportdoc.';
  const keys = Object.keys(english).filter((key) => key.startsWith(prefix));
  return Object.fromEntries(keys.map((key) => [key.slice(prefix.length), t(key)]));
}

function remembered() {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved && byCode.has(saved)) return saved;
  } catch {
    // Storage can be refused (file://, privacy settings): not remembering is fine.
  }
  return 'en';
}

/** Switches language: every `data-i18n*` element, `<html lang>`, and a `wfe-language` event for the rest. */
export function setLanguage(code) {
  if (!byCode.has(code)) throw new Error(`unknown language "${code}" (known: ${[...byCode.keys()].join(', ')})`);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, code);
  } catch {
    // See remembered().
  }
  applyLanguage(code);
  translateStatic(document);
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
  select.value = language();
  select.addEventListener('change', () => setLanguage(select.value));
  document.addEventListener('wfe-language', () => {
    select.value = language();
  });
}

/**
 * A labelled language menu (`<label><span>Language</span><select>`), for a
 * page to place in its bar.
 */
export function languageMenu() {
  const label = document.createElement('label');
  label.className = 'lang';
  const span = document.createElement('span');
  span.dataset.i18n = 'lang.label';
  span.textContent = t('lang.label');
  const select = document.createElement('select');
  bindSwitcher(select);
  label.append(span, select);
  return label;
}

/** Applies the remembered language (English when none) to the page. */
export function startLanguage() {
  applyLanguage(remembered());
  translateStatic(document);
}
