// The core's own words in the page's language: the findings' sentences, the
// diagram's legend, the standard framework's names and every number the core
// writes. English is built into the core; another language's catalogue of
// the core's templates (i18n/core-<lang>.json, data rather than Wasm code)
// is fetched with the page's texts when that language is first chosen, and
// handed to the core (setLanguage) before the page redraws on
// `wfe-language` (this module registers its listener before the pages do).
import { setLanguage as setCoreLanguage, Workspace } from './pkg/workforce_ecosystem.js';

/** @type {Record<string, URL>} */
const CATALOGUES = { fr: new URL('./i18n/core-fr.json', import.meta.url) };
/** Each fetched catalogue's JSON text, by language. */
const texts = new Map();
let started = false;
let current = 'en';

/**
 * Fetches the core's catalogue for `code` (nothing for English); a page
 * language's loader. Throws when it cannot be read.
 * @param {string} code
 */
export async function loadCoreTexts(code) {
  const url = CATALOGUES[code];
  if (!url || texts.has(code)) return;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load ${url.href}: HTTP ${res.status}`);
  texts.set(code, await res.text());
}

/** The catalogue the core speaks from (undefined: English), for another instance of it (plan-worker.js). */
export function coreCatalogue() {
  return texts.get(current);
}

/** Each finding kind's names in the language the core speaks, asked of it once a language. */
let kindNames = { lang: '', byKind: new Map() };

/**
 * A finding kind's names as the core's report and exports call them
 * (`Workspace.findingKinds`): its group's `title`, one finding's `name`,
 * its `meaning`; undefined for a kind the core does not have.
 * @param {string} kind
 */
export function kindNamesOf(kind) {
  if (kindNames.lang !== current) {
    kindNames = { lang: current, byKind: new Map(Workspace.findingKinds().map((k) => [k.kind, k])) };
  }
  return kindNames.byKind.get(/** @type {any} */ (kind));
}

function apply() {
  if (started) setCoreLanguage(texts.get(current));
}

/** Call once the core has started: it gets the page's language from then on. */
export function coreStarted() {
  started = true;
  apply();
}

document.addEventListener('wfe-language', (e) => {
  current = /** @type {CustomEvent<{ lang: string }>} */ (e).detail.lang;
  apply();
});
