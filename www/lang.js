// The interface languages and the switch between them, on top of i18n.js:
// registers each language's catalogue of the page's strings (a page with more
// strings of its own adds them with addTexts), remembers the reader's choice,
// and fills a language menu.
//
// English ships with the page; another language's catalogues are fetched
// (import()) the first time it is chosen, so setLanguage and startLanguage
// resolve once its texts are in. Switching goes through i18n.js's
// setLanguage, which dispatches `wfe-language` on `document`; pages redraw
// their texts on that event.
import en from './i18n/en.js';
import { addCatalogue, setLanguage as applyLanguage, language, t, translateStatic } from './i18n.js';
import { loadCoreTexts } from './core-language.js';
import { LANGUAGE_KEY, startingLanguage } from './stored-keys.js';

/** @typedef {Record<string, string>} Catalogue */
/** @typedef {() => Promise<{ default: Catalogue }>} CatalogueLoader */
/**
 * @typedef {object} Language
 * @property {string} code
 * @property {string} name the language's name in itself
 * @property {Catalogue} dict its texts (filled in by `loaders` when it is first chosen)
 * @property {CatalogueLoader[]} loaders
 * @property {Promise<void> | null} ready settles once `loaders` have filled `dict`
 */

/**
 * The languages, each named in its own language. English is the fallback.
 * @type {Language[]}
 */
export const LANGUAGES = [
  { code: 'en', name: 'English', dict: { ...en }, loaders: [], ready: null },
  {
    code: 'fr',
    name: 'Français',
    dict: {},
    // the page's texts, and the core's (its sentences and numbers)
    loaders: [() => import('./i18n/fr.js'), () => loadCoreTexts('fr').then(() => ({ default: {} }))],
    ready: null,
  },
];
for (const l of LANGUAGES) addCatalogue(l.code, l.dict);

/**
 * Adds a page's own texts to each language, e.g. `{ en: {...}, fr: () =>
 * import('./i18n/fr-teach.js') }`: a catalogue, or a function that loads one
 * when the language is first chosen. The classroom page's texts load only there.
 * @param {Record<string, Catalogue | CatalogueLoader>} byLanguage
 */
export function addTexts(byLanguage) {
  for (const l of LANGUAGES) {
    const texts = byLanguage[l.code];
    if (typeof texts === 'function') {
      l.loaders.push(texts);
      l.ready = null;
    } else Object.assign(l.dict, texts);
  }
}

/**
 * Fetches a language's catalogues, once.
 * @param {Language} l
 */
function load(l) {
  if (!l.ready) {
    const ready = Promise.all(l.loaders.map((f) => f())).then((mods) => {
      for (const m of mods) Object.assign(l.dict, m.default);
    });
    // a failed fetch (say the network went away) may be tried again
    ready.catch(() => {
      if (l.ready === ready) l.ready = null;
    });
    l.ready = ready;
  }
  return l.ready;
}

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

function remembered() {
  const chosen = startingLanguage();
  return byCode.has(chosen) ? chosen : 'en';
}

/** The latest switch asked for: an earlier one whose texts arrive later gives way. */
let switching = 0;

/**
 * Switches language (fetching its texts first): every `data-i18n*` element,
 * `<html lang>`, and a `wfe-language` event for the rest.
 * @param {string} code
 */
export async function setLanguage(code) {
  const l = byCode.get(code);
  if (!l) throw new Error(`unknown language "${code}" (known: ${[...byCode.keys()].join(', ')})`);
  try {
    globalThis.localStorage?.setItem(LANGUAGE_KEY, code);
  } catch {
    // See remembered().
  }
  const seq = ++switching;
  await load(l);
  if (seq !== switching) return;
  applyLanguage(code);
  translatePage();
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
  select.addEventListener('change', () => {
    setLanguage(select.value).catch((e) => {
      // its texts could not be fetched: the page stays in the language it has
      console.warn(`language ${select.value}: ${e.message}`);
      select.value = language();
    });
  });
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

/**
 * Applies the remembered language (else the browser's, if the pages speak
 * it; English when neither, or when its texts cannot be fetched) to the page.
 */
export async function startLanguage() {
  const code = remembered();
  const seq = ++switching;
  try {
    await load(/** @type {Language} */ (byCode.get(code)));
  } catch (e) {
    console.warn(`language ${code}: ${/** @type {Error} */ (e).message}`);
    if (seq === switching) applyLanguage('en');
    translatePage();
    return;
  }
  if (seq !== switching) return;
  applyLanguage(code);
  translatePage();
}

/**
 * Writes the page's static texts in the current language, and shows them if
 * a visit in another language had hidden the HTML's English (first-paint.js).
 */
function translatePage() {
  translateStatic(document);
  document.documentElement.classList.remove('wfe-translating');
}
