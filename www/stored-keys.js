// Where the documents start-up leaves its marks in Web Storage, apart from
// doc-store.js so that the editor's first script (first-diagram.js) can
// tell a first visit without loading the store.

/** Where the page kept its one autosave before there were documents. */
export const LEGACY_KEY = 'wfe.session.v1';
/** A tab's unsaved work (the journal), by tab. */
export const JOURNAL_PREFIX = 'wfe.unsaved.';
/** A tab's Text pane draft as it was when the tab went away, by tab (text-drafts.js). */
export const DRAFT_PREFIX = 'wfe.unsaved-draft.';
/** The document shown last: in sessionStorage for this tab, in localStorage for the browser. */
export const CURRENT_KEY = 'wfe.documents.current';
/** The page's language as last chosen (lang.js). */
export const LANGUAGE_KEY = 'wfe-lang';
/** The model the classroom page shows, kept for a reload of its tab (sessionStorage; none: the sample). */
export const TEACH_MODEL_KEY = 'wfe.teach.model';
/** 'off' when the reader turned single-key shortcuts off (keyboard.js). */
export const SINGLE_KEYS_KEY = 'wfe-single-keys';

/** The languages the pages speak (lang.js's LANGUAGES). */
const SPOKEN = ['en', 'fr'];

/**
 * The language a visit starts in: the one last chosen in this browser, else
 * the first of the browser's languages the pages speak (a French browser's
 * first visit is in French), else English.
 */
export function startingLanguage() {
  const saved = storedLanguage();
  if (saved) return saved;
  for (const tag of globalThis.navigator?.languages ?? []) {
    const code = String(tag).toLowerCase().split('-')[0];
    if (SPOKEN.includes(code)) return code;
  }
  return 'en';
}

/** The language code last chosen in this browser, as stored; null if none or unreadable. */
export function storedLanguage() {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_KEY) ?? null;
  } catch {
    // Storage can be refused (file://, privacy settings): not remembering is fine.
    return null;
  }
}

/**
 * Whether this browser may hold documents or unsaved work: the editor asks
 * before it opens IndexedDB, so that a first visit draws the sample at once
 * instead of waiting for the store to answer. Every page that stores a
 * document remembers it as the one shown last (CURRENT_KEY), and unsaved
 * work sits in the journal, so without any of these keys (nor the earlier
 * single autosave) there is nothing to open; a store that holds documents
 * all the same (say its keys were cleared) is opened as usual right after.
 * True when storage cannot be read.
 */
export function mayHoldWork() {
  try {
    if (sessionStorage.getItem(CURRENT_KEY) !== null) return true;
    if (localStorage.getItem(CURRENT_KEY) !== null || localStorage.getItem(LEGACY_KEY) !== null) return true;
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key?.startsWith(JOURNAL_PREFIX) || key?.startsWith(DRAFT_PREFIX)) return true;
    }
    return false;
  } catch {
    return true;
  }
}
