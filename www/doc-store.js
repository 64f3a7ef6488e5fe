// The documents saved in this browser, in IndexedDB (localStorage holds
// about 5 MB, and a model may reach 10): per document, one record of facts
// (name, revision, when) and one of text, the saved session as the core
// writes it. Nothing here reads a model; the text is stored as given.
//
// Tabs share the documents, so no write is blind: a save names the revision
// it started from and is refused, in the same transaction, when another tab
// saved since (compare-and-set); tabs tell each other what changed over a
// BroadcastChannel (or `storage` events where there is none). A tab that
// closes with unsaved changes also writes them to localStorage at once (the
// journal), because an IndexedDB transaction started while a page goes away
// may never finish; the next page replays the journal under the same check,
// or keeps it beside as a copy when the document moved on.

const DB_NAME = 'wfe-documents';
const DB_VERSION = 2;
const DOCS = 'docs';
const TEXTS = 'texts';
/** The Text pane's unfinished drafts (text-drafts.js), one per tab, document and what-if. */
const DRAFTS = 'drafts';
import { LEGACY_KEY, JOURNAL_PREFIX, DRAFT_PREFIX, CURRENT_KEY } from './stored-keys.js';

export { LEGACY_KEY };
const SIGNAL_KEY = 'wfe.documents.signal';
const CHANNEL = 'wfe-documents';
/** How many recent writes a document remembers (tab token and revision). */
const LOG_LENGTH = 20;

/** Random hex, from getRandomValues (randomUUID needs a secure context). */
export function randomId() {
  return [...crypto.getRandomValues(new Uint8Array(9))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** This tab, for the journal and for telling its own messages apart. */
export const tabId = randomId();

// The tab holds a Web Lock for its lifetime, so another page can tell a
// closed tab's journal (replay it) from a live one's (leave it).
const tabLock = `wfe.tab.${tabId}`;
globalThis.navigator?.locks?.request(tabLock, () => new Promise(() => {})).catch(() => {});

// ---- IndexedDB ----------------------------------------------------------------

function request(req) {
  return new Promise((ok, fail) => {
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
}

let dbPromise = null;

function openDb() {
  dbPromise ??= new Promise((ok, fail) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(DOCS)) db.createObjectStore(DOCS, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(TEXTS)) db.createObjectStore(TEXTS, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(DRAFTS)) db.createObjectStore(DRAFTS, { keyPath: 'id' });
    };
    req.onsuccess = () => {
      const db = req.result;
      // a newer page wants to upgrade the database: step aside
      db.onversionchange = () => db.close();
      ok(db);
    };
    req.onerror = () => fail(req.error);
  });
  return dbPromise;
}

/**
 * Runs `fn({ docs, texts, drafts })` in one transaction over the stores; resolves
 * to what it returns once the transaction has committed. `commit`: ask for
 * the commit at once (a page going away may not get another turn).
 */
async function transact(mode, fn, { commit = false } = {}) {
  const db = await openDb();
  return new Promise((ok, fail) => {
    const tx = db.transaction([DOCS, TEXTS, DRAFTS], mode);
    const work = Promise.resolve().then(() => fn({ docs: tx.objectStore(DOCS), texts: tx.objectStore(TEXTS), drafts: tx.objectStore(DRAFTS) }));
    work.then(() => {
      if (commit) tx.commit?.();
    }, () => {
      try {
        tx.abort();
      } catch {
        // already finished
      }
    });
    tx.oncomplete = () => work.then(ok, fail);
    tx.onabort = () => work.then(() => fail(tx.error ?? new Error('the browser aborted the save')), fail);
  });
}

/**
 * Facts of every document, the latest edited first; `lost: true` on one
 * whose text is missing (a partial eviction, a hand edit): only its facts
 * are left.
 */
export async function listDocuments() {
  const [all, keys] = await transact('readonly', ({ docs, texts }) => Promise.all([request(docs.getAll()), request(texts.getAllKeys())]));
  const held = new Set(keys);
  return all.map((d) => (held.has(d.id) ? d : { ...d, lost: true })).sort((a, b) => b.updated - a.updated);
}

/** `{ meta, text }` of a document, or null when there is none. */
export function readDocument(id) {
  return transact('readonly', async ({ docs, texts }) => {
    const [meta, body] = await Promise.all([request(docs.get(id)), request(texts.get(id))]);
    return meta && body ? { meta, text: body.text } : null;
  });
}

function facts({ id, name, named = false, text, scenarios = 0, token, problem = null, now = Date.now() }) {
  return { id, name, named, created: now, updated: now, rev: 1, log: [[1, token]], size: text.length, scenarios, problem };
}

/**
 * Stores a new document; resolves to its facts. `id` may be given (an
 * existing one is left alone: resolves to null).
 */
export async function createDocument({ id = randomId(), name, named = false, text, scenarios = 0, token = randomId(), problem = null }) {
  const meta = facts({ id, name, named, text, scenarios, token, problem });
  const made = await transact('readwrite', async ({ docs, texts }) => {
    if (await request(docs.get(id))) return false;
    docs.add(meta);
    texts.put({ id, text });
    return true;
  });
  if (!made) return null;
  tell({ type: 'created', id, rev: 1, token });
  return meta;
}

/**
 * Saves `text` over document `id` if it is still at revision `base`;
 * resolves to `{ ok: true, meta }`, or `{ ok: false, reason, meta }` with
 * reason 'changed' (another tab saved since; `meta` is what is stored) or
 * 'missing' (deleted). `name`: the document's new name, unless the user
 * named it.
 * @param {string} id
 * @param {number} base
 * @param {string} text
 * @param {{ name?: string, scenarios?: number, token?: string, commit?: boolean }} [options]
 */
export async function saveDocument(id, base, text, { name, scenarios, token = randomId(), commit = false } = {}) {
  const out = await transact('readwrite', async ({ docs, texts }) => {
    const meta = await request(docs.get(id));
    if (!meta) return { ok: false, reason: 'missing', meta: null };
    if (meta.rev !== base) return { ok: false, reason: 'changed', meta };
    return { ok: true, meta: write(docs, texts, meta, text, { name, scenarios, token }) };
  }, { commit });
  if (out.ok) tell({ type: 'saved', id, rev: out.meta.rev, token });
  return out;
}

/**
 * Puts the next revision of a document in the transaction's stores.
 * @param {IDBObjectStore} docs
 * @param {IDBObjectStore} texts
 * @param {any} meta what is stored now
 * @param {string} text
 * @param {{ name?: string, scenarios?: number, token: string }} change
 */
function write(docs, texts, meta, text, { name, scenarios, token }) {
  const rev = meta.rev + 1;
  const next = {
    ...meta,
    name: !meta.named && name ? name : meta.name,
    rev,
    updated: Math.max(Date.now(), meta.updated + 1),
    log: [...meta.log, [rev, token]].slice(-LOG_LENGTH),
    size: text.length,
    scenarios: scenarios ?? meta.scenarios,
    problem: null,
  };
  docs.put(next);
  texts.put({ id: meta.id, text });
  return next;
}

/** Renames a document (its text and revision stay); resolves to its facts or null. */
export async function renameDocument(id, name) {
  const meta = await transact('readwrite', async ({ docs }) => {
    const m = await request(docs.get(id));
    if (!m) return null;
    const next = { ...m, name, named: true };
    docs.put(next);
    return next;
  });
  if (meta) tell({ type: 'renamed', id });
  return meta;
}

/** Records why a document cannot be read (null: it can), leaving its text alone. */
export async function setProblem(id, problem) {
  await transact('readwrite', async ({ docs }) => {
    const m = await request(docs.get(id));
    if (m && m.problem !== problem) docs.put({ ...m, problem });
  });
  tell({ type: 'problem', id });
}

export async function deleteDocument(id) {
  await transact('readwrite', async ({ docs, texts, drafts }) => {
    docs.delete(id);
    texts.delete(id);
    // its drafts go with it
    for (const d of await request(drafts.getAll())) if (d?.doc === id) drafts.delete(d.id);
  });
  forgetCurrent(id);
  tell({ type: 'deleted', id });
}

// ---- which document a new page opens -------------------------------------------

// This tab's (sessionStorage: a reload stays on its document) and the
// browser's (localStorage: a new tab opens the one shown last anywhere).
const places = () => [globalThis.sessionStorage, globalThis.localStorage];

export function rememberCurrent(id) {
  for (const place of places()) {
    try {
      place?.setItem(CURRENT_KEY, id);
    } catch {
      // storage refused: the latest edited document opens instead
    }
  }
}

function forgetCurrent(id) {
  for (const place of places()) {
    try {
      if (place?.getItem(CURRENT_KEY) === id) place.removeItem(CURRENT_KEY);
    } catch {
      // nothing to forget
    }
  }
}

/**
 * The document this tab showed last (before a reload), else the one shown
 * last in any tab, if it still exists; else the latest edited that can be
 * read.
 */
export async function documentToOpen() {
  const all = await listDocuments();
  for (const place of places()) {
    let last = null;
    try {
      last = place?.getItem(CURRENT_KEY);
    } catch {
      last = null;
    }
    const found = all.find((d) => d.id === last && !d.lost);
    if (found) return found;
  }
  // one known to be unreadable is not opened unasked: it is kept aside, and offered from the list
  return all.find((d) => !d.lost && !d.problem) ?? null;
}

// ---- telling other tabs ----------------------------------------------------------

const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;

function tell(message) {
  const full = { ...message, tab: tabId };
  if (channel) channel.postMessage(full);
  else {
    try {
      localStorage.setItem(SIGNAL_KEY, JSON.stringify({ ...full, at: Date.now() }));
    } catch {
      // the other tabs learn of it on their next save
    }
  }
}

/** Calls `fn(message)` for what other tabs do: `{ type, id, rev, token, tab }`. */
export function onOtherTabs(fn) {
  if (channel) channel.addEventListener('message', (ev) => fn(ev.data));
  else {
    window.addEventListener('storage', (ev) => {
      if (ev.key !== SIGNAL_KEY || !ev.newValue) return;
      try {
        fn(JSON.parse(ev.newValue));
      } catch {
        // not ours
      }
    });
  }
}

// ---- the journal of a closing tab ------------------------------------------------------

/**
 * Writes this tab's unsaved work to localStorage, synchronously: `{ id,
 * base, tokens, name, text }` (id null for a document never stored; tokens:
 * the writes this one may follow, ending with its own). False when the
 * browser refused (storage full).
 */
export function writeJournal(entry) {
  try {
    localStorage.setItem(JOURNAL_PREFIX + tabId, JSON.stringify({ ...entry, at: Date.now() }));
    return true;
  } catch {
    return false;
  }
}

/** Where the room for a journal is tried (journalFits); no page reads it. */
const PROBE_KEY = 'wfe.probe.';

/**
 * Whether localStorage has room now for a journal of `size` characters:
 * one as long is written and removed at once. The journal is written only
 * as the page goes away, when nothing can be said any more; this tells the
 * user while it still can (another page of the same site may have filled
 * the storage meanwhile).
 */
export function journalFits(size) {
  try {
    localStorage.setItem(PROBE_KEY + tabId, 'x'.repeat(size));
    localStorage.removeItem(PROBE_KEY + tabId);
    return true;
  } catch {
    return false;
  }
}

export function clearJournal() {
  try {
    localStorage.removeItem(JOURNAL_PREFIX + tabId);
  } catch {
    // nothing written
  }
}

/**
 * Calls `fn()` once another tab has written its journal (it is closing, or
 * hidden) and then closed: with Web Locks as soon as its lock is free,
 * else a moment later.
 */
export function onClosedTabJournal(fn) {
  const waiting = new Set();
  window.addEventListener('storage', (ev) => {
    if (!ev.key?.startsWith(JOURNAL_PREFIX) || ev.newValue === null) return;
    const tab = ev.key.slice(JOURNAL_PREFIX.length);
    if (tab === tabId || waiting.has(tab)) return;
    waiting.add(tab);
    const done = () => {
      waiting.delete(tab);
      fn();
    };
    // granted once the tab has closed; `done` runs after it is let go, so
    // the replay does not take the lock held here for a live tab's
    if (navigator.locks) navigator.locks.request(`wfe.tab.${tab}`, async () => {}).then(done, () => waiting.delete(tab));
    else setTimeout(done, 1000);
  });
}

/** The localStorage keys under `prefix` (`prefix` + a tab's id) that tabs now closed wrote. */
async function closedTabKeys(prefix) {
  const keys = [];
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key?.startsWith(prefix) && key !== prefix + tabId) keys.push(key);
    }
  } catch {
    return [];
  }
  if (!keys.length) return [];
  const live = await liveTabs();
  return keys.filter((key) => !live.has(`wfe.tab.${key.slice(prefix.length)}`));
}

async function liveTabs() {
  try {
    const { held = [] } = (await navigator.locks?.query()) ?? {};
    return new Set(held.map((l) => l.name));
  } catch {
    return new Set();
  }
}

/**
 * Replays the journals of closed tabs: onto their document when nothing but
 * their own writes happened since they loaded it, else as a new document
 * beside it. A journal that cannot be read is kept aside as it is, as a
 * document with `damaged.problem` (offered for download), never dropped.
 * Resolves to `[{ kind: 'kept' | 'copied' | 'damaged', meta, from? }]`
 * (`from`: the name of the document a copy was made of).
 * @param {{ copyName: (name: string) => string, damaged: { name: string, problem: string } }} names
 */
export async function replayJournals({ copyName, damaged }) {
  const out = [];
  for (const key of await closedTabKeys(JOURNAL_PREFIX)) {
    const raw = localStorage.getItem(key);
    let j;
    try {
      j = JSON.parse(raw ?? '');
    } catch {
      j = null;
    }
    if (j && typeof j.text === 'string') {
      const done = await replay(j, copyName);
      if (done) out.push(done);
    } else if (raw !== null) {
      // the same text kept twice (two pages replaying it) is one document
      const meta = await createDocument({ id: `unsaved-${hash(raw)}-${raw.length}`, name: damaged.name, named: true, text: raw, problem: damaged.problem });
      if (meta) out.push({ kind: 'damaged', meta });
    }
    localStorage.removeItem(key);
  }
  return out;
}

async function replay(j, copyName) {
  const tokens = Array.isArray(j.tokens) ? j.tokens : [];
  const last = tokens.at(-1);
  const result = await transact('readwrite', async ({ docs, texts }) => {
    const meta = j.id ? await request(docs.get(j.id)) : null;
    if (meta) {
      const since = meta.log.filter(([rev]) => rev > j.base);
      const known = since.length === meta.rev - j.base;
      if (known && since.every(([, token]) => tokens.includes(token))) {
        // nobody but the closed tab wrote since it loaded the document
        if (since.some(([, token]) => token === last)) return null;
        return { kind: 'kept', meta: write(docs, texts, meta, j.text, { name: j.name, token: last ?? randomId() }) };
      }
    }
    if (!meta && j.base === 0 && typeof j.id === 'string') {
      // never stored before the tab closed: stored now, as it was meant to be
      const fresh = facts({ id: j.id, name: j.name, text: j.text, token: last ?? randomId() });
      docs.add(fresh);
      texts.put({ id: fresh.id, text: j.text });
      return { kind: 'kept', meta: fresh };
    }
    // the document moved on (or is gone): the closed tab's work goes beside
    // it, under an id of its own (two pages replaying it make one copy)
    const id = `recovered-${last ?? randomId()}`;
    if (await request(docs.get(id))) return null;
    const from = meta?.name ?? j.name;
    const copy = facts({ id, name: copyName(from), named: true, text: j.text, token: last ?? randomId() });
    docs.add(copy);
    texts.put({ id: copy.id, text: j.text });
    return { kind: 'copied', meta: copy, from };
  });
  if (result) tell({ type: result.kind === 'kept' ? 'saved' : 'created', id: result.meta.id, rev: result.meta.rev, token: last });
  return result;
}

// ---- the single autosave of earlier versions ---------------------------------------------

// A short hash of the text: the same legacy save migrates once, even when
// two tabs start at the same moment.
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * Moves the page's earlier single autosave (localStorage) into a document,
 * text untouched, readable or not; removes it from localStorage once
 * stored. Resolves to its facts, or null when there was none.
 */
export async function migrateLegacy({ nameOf }) {
  let text;
  try {
    text = localStorage.getItem(LEGACY_KEY);
  } catch {
    return null;
  }
  if (text === null) return null;
  const id = `saved-${hash(text)}-${text.length}`;
  const meta = (await createDocument({ id, name: nameOf(text), text })) ?? (await readDocument(id))?.meta ?? null;
  if (meta) localStorage.removeItem(LEGACY_KEY);
  return meta;
}

// ---- the Text pane's drafts ----------------------------------------------------------------

// A text with problems typed in the Text pane is kept until it is resolved
// (text-drafts.js), one record per tab, document and what-if (by name, ''
// for the baseline): a tab never writes over another's draft. A tab that closes
// leaves its drafts to the next page that opens the document.

/** A draft's key: the document, the what-if and the tab keeping it. */
function draftKey(doc, scenario, tab = tabId) {
  return JSON.stringify([doc, scenario, tab]);
}

/** Stores this tab's draft of a document's model; `commit` as for saves. */
export function putDraft(doc, scenario, text, { commit = false } = {}) {
  return transact('readwrite', ({ drafts }) => {
    drafts.put({ id: draftKey(doc, scenario), doc, scenario, tab: tabId, text, updated: Date.now() });
  }, { commit });
}

/** Removes this tab's draft of a document's model. */
export function deleteDraft(doc, scenario) {
  return deleteDraftRecord(draftKey(doc, scenario));
}

/** Removes a stored draft by its key, whatever it holds. */
export function deleteDraftRecord(id) {
  return transact('readwrite', ({ drafts }) => {
    drafts.delete(id);
  });
}

/**
 * This tab's drafts of document `doc`, after taking over those that tabs
 * now closed left (a reload, a crash): for each what-if this tab has no
 * draft of, the latest becomes this tab's. Drafts of live tabs stay theirs.
 * `readable(record)`: whether a record is a draft this page can show;
 * the others are left as they are. Resolves to `{ mine, adopted,
 * damaged, others }`, records: `others` are readable drafts closed tabs
 * left of a what-if this tab already has one of (two tabs typed for the
 * same model), kept where they are.
 * @param {string} doc
 * @param {(record: any) => boolean} readable
 */
export async function adoptDrafts(doc, readable) {
  const live = await liveTabs();
  return transact('readwrite', async ({ drafts }) => {
    const all = (await request(drafts.getAll())).filter((r) => r?.doc === doc);
    const mine = new Map();
    for (const r of all) if (r.tab === tabId && readable(r)) mine.set(r.scenario, r);
    const left = all.filter((r) => r.tab !== tabId && !live.has(`wfe.tab.${r.tab}`)).sort((a, b) => (b.updated || 0) - (a.updated || 0));
    const adopted = [];
    const damaged = [];
    const others = [];
    for (const r of left) {
      if (!readable(r)) damaged.push(r);
      else if (mine.has(r.scenario)) others.push(r);
      else {
        const next = { ...r, id: draftKey(doc, r.scenario), tab: tabId };
        drafts.delete(r.id);
        drafts.put(next);
        mine.set(r.scenario, next);
        adopted.push(next);
      }
    }
    return { mine: [...mine.values()], adopted, damaged, others };
  });
}

/**
 * Writes this tab's draft on show to localStorage, synchronously, as the
 * page goes away (see writeJournal); `text` null: it has none.
 */
export function writeDraftJournal(doc, scenario, text) {
  try {
    if (text === null) localStorage.removeItem(DRAFT_PREFIX + tabId);
    else localStorage.setItem(DRAFT_PREFIX + tabId, JSON.stringify({ doc, scenario, text, at: Date.now() }));
    return true;
  } catch {
    return false;
  }
}

/** Puts the drafts closed tabs wrote as they went away among the stored drafts. */
export async function replayDraftJournals() {
  for (const key of await closedTabKeys(DRAFT_PREFIX)) {
    const tab = key.slice(DRAFT_PREFIX.length);
    let j;
    try {
      j = JSON.parse(localStorage.getItem(key));
    } catch {
      j = null;
    }
    if (j && typeof j.doc === 'string' && typeof j.scenario === 'string') {
      // what is in the journal, unless the tab stored a later draft after it
      await transact('readwrite', async ({ drafts }) => {
        const id = draftKey(j.doc, j.scenario, tab);
        const stored = await request(drafts.get(id));
        if (!stored || !(stored.updated > j.at)) drafts.put({ id, doc: j.doc, scenario: j.scenario, tab, text: j.text, updated: j.at });
      });
    }
    localStorage.removeItem(key);
  }
}
