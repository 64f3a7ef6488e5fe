// The user's documents as this tab sees them: which one is on show, the
// workspace of each opened here (so its what-ifs and undo history survive a
// switch to another), autosave with the revision check, what other tabs do,
// and the Documents dialog (switch, rename, export, delete). What opens
// from a link, a file or the Open menu becomes a new document beside the
// others; nothing replaces a document but its own edits. Storage is
// doc-store.js's.
import { Workspace } from './pkg/workforce_ecosystem.js';
import { h, download, fileStem, fileSuffix, uid } from './dom.js';
import { t, tn, language } from './i18n.js';
import { state, act, useWorkspace, currentModel, announce, errorText, onRefresh } from './store.js';
import { openDialog } from './dialog.js';
import { showNotice } from './notice.js';
import * as store from './doc-store.js';
import { restoreDrafts, replayDraftJournals } from './text-drafts.js';

/** Quiet time after an edit before it is saved. */
const SAVE_DELAY = 300;
/** How many documents besides the one on show keep their workspace (and undo history) in this tab. */
const KEEP_OPEN = 8;

/**
 * The documents opened in this tab, by id: `{ id, stored, rev, ws,
 * revision, savedRevision, name, named, stale, gone, inFlight }`. `rev` is
 * the stored revision this tab's copy is based on; `revision` the core's
 * counter of the workspace, `savedRevision` its value when last saved.
 */
const entries = new Map();
/** The entry on show. */
let current = null;
/** IndexedDB works (else the page still works, saving nothing, and says so). */
let available = true;
/**
 * The storage warning on show, if any ('autosave.failed': a save was
 * refused; 'autosave.journalFull': no room for the journal of a closing
 * tab), said once until storage works again.
 * @type {string | null}
 */
let storageWarning = null;
/** Room a journal needs besides the document's text (its id, tokens, name). */
const JOURNAL_EXTRA = 1000;
let saveTimer = 0;
let saving = Promise.resolve();
/** Texts for a document started without one: `{ sample, empty }` (async). */
let fallbacks = null;
/** The Documents dialog's list while it is open. */
let listBox = null;

const dirty = (e) => e.revision !== e.savedRevision;
let shownCount = 0;

/** A document's name as shown (one stored without a name gets a translated one). */
function nameOf(meta) {
  return meta?.name || t('documents.untitled');
}

/** The first line of a core error. */
function reasonOf(error) {
  return errorText(error).split('\n')[0];
}

/** The baseline's name in a saved text, for a document stored before it was read. */
function nameInText(text) {
  try {
    const v = JSON.parse(text);
    const name = v?.baseline?.name ?? v?.name;
    return typeof name === 'string' && name.trim() ? name.trim().slice(0, 200) : null;
  } catch {
    return null;
  }
}

function entryFor(ws, { id = store.randomId(), stored = false, rev = 0, name = '', named = false } = {}) {
  return { id, stored, rev, ws, revision: null, savedRevision: null, name, named, modelName: modelName(ws), stale: false, gone: false, told: false, inFlight: [],
    /** the cell, finding and highlight chosen, kept while another document is on show (show) */
    chosen: /** @type {Partial<typeof state.view> | null} */ (null) };
}

// ---- showing a document -----------------------------------------------------

// The unit on show is kept per document for this tab, so that a reload
// (or coming back to a document) shows the same unit.
const UNIT_KEY = 'wfe-unit:';

function storedUnit(id) {
  try {
    return sessionStorage.getItem(UNIT_KEY + id);
  } catch {
    return null;
  }
}

function keepUnit() {
  if (!current || current.unit === state.view.unit) return;
  current.unit = state.view.unit;
  try {
    if (current.unit) sessionStorage.setItem(UNIT_KEY + current.id, current.unit);
    else sessionStorage.removeItem(UNIT_KEY + current.id);
  } catch {
    // storage refused: the unit is kept for this page only
  }
}

function show(e) {
  const old = current;
  current = e;
  entries.set(e.id, e);
  // an unknown unit (removed since) is dropped by the store
  e.unit ??= storedUnit(e.id);
  state.view.unit = e.unit;
  // the cell, finding and highlight chosen belong to their document: kept
  // with it when another is shown, which shows its own or none (its ids may
  // name other things)
  if (old && old !== e) {
    const { selected, finding, contributor, kind } = state.view;
    old.chosen = { selected, finding, contributor, kind };
    Object.assign(state.view, e.chosen ?? { selected: null, finding: null, contributor: null, kind: null });
  }
  useWorkspace(e.ws);
  // what the workspace holds now is what is (or is about to be) stored
  if (e.savedRevision === null) e.savedRevision = e.revision;
  if (e.stored) {
    store.rememberCurrent(e.id);
    if (available) restoreDrafts(e.id);
  }
  // a document never stored and left unchanged is not worth keeping
  if (old && old !== e && !old.stored && !dirty(old)) forget(old);
  e.shown = ++shownCount;
  const others = [...entries.values()].filter((x) => x !== e && !dirty(x)).sort((x, y) => x.shown - y.shown);
  for (const x of others.slice(0, Math.max(0, entries.size - 1 - KEEP_OPEN))) forget(x);
  renderList();
  if (e.stale || e.gone) tellConflict(e);
}

/** The id of the document on show (null before one is). */
export function currentDocumentId() {
  return current?.id ?? null;
}

/**
 * Stores the document on show soon even if it is unchanged (a draft of its
 * text is about to be kept, and belongs to a stored document).
 */
export function keepStored() {
  if (!current || current.stored || !available) return;
  current.savedRevision = null;
  scheduleSave();
}

function forget(e) {
  entries.delete(e.id);
  if (e !== current) e.ws.free();
}

/** The name a model gives its document. */
function modelName(ws) {
  try {
    return ws.model().name?.trim() || t('open.emptyName');
  } catch {
    return t('open.emptyName');
  }
}

/** `name`, or `name (2)`, `name (3)`… when another document has it. */
async function freeName(name) {
  const taken = new Set((await safeList()).map((d) => d.name));
  if (!taken.has(name)) return name;
  for (let n = 2; ; n += 1) {
    const candidate = t('documents.numbered', { name, n });
    if (!taken.has(candidate)) return candidate;
  }
}

async function safeList() {
  if (!available) return [];
  try {
    return await store.listDocuments();
  } catch {
    return [];
  }
}

// ---- saving -----------------------------------------------------------------

/** Saves the document on show soon (after SAVE_DELAY), if it changed. */
export function scheduleSave() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => saveNow(), SAVE_DELAY);
}

/** Saves the document on show now, if it changed; resolves once stored (or refused). */
export function saveNow(options) {
  clearTimeout(saveTimer);
  const e = current;
  saving = saving.then(() => save(e, options)).catch(() => {});
  return saving;
}

// What the list shows of the document on show; `name` only when the model's
// name changed since (a document's name follows its model's unless the user
// named it, see doc-store.js).
/** @returns {{ name?: string, scenarios?: number }} */
function facts(e) {
  if (e !== current || !state.result) return {};
  const name = currentModel().name?.trim() || t('open.emptyName');
  const changed = name !== e.modelName;
  e.modelName = name;
  if (changed && !e.named) e.name = name;
  return { name: changed ? name : undefined, scenarios: state.result.session.scenarios.length };
}

/**
 * Stores entry `e` if it changed since it was last stored: under the
 * revision check, or as a new document if it never was.
 * @param {any} e
 * @param {{ token?: string, commit?: boolean }} [options]
 */
async function save(e, { token = store.randomId(), commit = false } = {}) {
  if (!e || !available || !dirty(e)) return;
  if (e.gone) {
    // deleted in another tab: work made here since is said once more (the
    // notice may have been closed), as it is not being saved
    if (!e.told && e === current) tellConflict(e);
    e.told = true;
    return;
  }
  if (e.stale) {
    // another tab saved since: say so once more now that there is work here
    if (!e.told && e === current) tellConflict(e);
    e.told = true;
    return;
  }
  const revision = e.revision;
  const text = e.ws.storedJson();
  const { name, scenarios } = facts(e);
  e.inFlight.push(token);
  try {
    if (!e.stored) {
      const meta = await store.createDocument({ id: e.id, name: e.named ? e.name : name ?? e.name, named: e.named, text, scenarios, token });
      if (!meta) throw new Error('a document with this id exists');
      e.stored = true;
      e.rev = meta.rev;
      e.name = meta.name;
      if (e === current) store.rememberCurrent(e.id);
    } else {
      const r = await store.saveDocument(e.id, e.rev, text, { name, scenarios, token, commit });
      if (!r.ok) {
        e.stale = r.reason === 'changed';
        e.gone = r.reason === 'missing';
        if (e === current) tellConflict(e);
        return;
      }
      e.rev = r.meta.rev;
      e.name = r.meta.name;
    }
    e.savedRevision = revision;
    if (storageWarning === 'autosave.failed') storageWarning = null;
    if (e === current && !dirty(e)) store.clearJournal();
    checkJournalRoom(text.length, () => e.ws.savedJson().length);
  } catch {
    warnStorage('autosave.failed');
  } finally {
    e.inFlight = e.inFlight.filter((x) => x !== token);
  }
}

/**
 * Tells the user, visibly and until closed, that work is not being kept in
 * this browser and how to keep it (export); once until storage works again.
 * @param {'autosave.failed' | 'autosave.journalFull'} key
 */
function warnStorage(key) {
  if (storageWarning === key) return;
  storageWarning = key;
  showNotice(() => t(key), {
    tone: 'warning',
    sticky: true,
    actions: [{ id: 'doc-export-now', label: () => t('documents.exportNow'), run: () => current && exportDocument(current.id) }],
  });
  renderList();
}

/**
 * Checks that the journal of a document of `size` characters could be
 * written if the tab closed now: else the last changes before closing
 * would be lost without a word (storage full). Without its undo history
 * (`saved`: the document's size without it) is enough: the journal falls
 * back to that (see leaving).
 * @param {number} size
 * @param {() => number} [saved]
 */
function checkJournalRoom(size, saved) {
  if (store.journalFits(size + JOURNAL_EXTRA) || (saved && store.journalFits(saved() + JOURNAL_EXTRA))) {
    if (storageWarning === 'autosave.journalFull') storageWarning = null;
  } else warnStorage('autosave.journalFull');
}

// A page going away (closed, reloaded, or hidden and perhaps never shown
// again): unsaved work goes to the journal at once, synchronously, then to
// IndexedDB as usual if there is still time. Nothing is written when
// nothing changed, so an idle tab never writes its older state.
function leaving() {
  const e = current;
  if (!e || !dirty(e)) return;
  clearTimeout(saveTimer);
  const token = store.randomId();
  const { name } = facts(e);
  const entry = { id: e.id, base: e.stored ? e.rev : 0, tokens: [...e.inFlight, token], name: name ?? e.name };
  // a large document's undo history may not fit beside it: the work first
  if (!store.writeJournal({ ...entry, text: e.ws.storedJson() })) store.writeJournal({ ...entry, text: e.ws.savedJson() });
  if (!e.stale && !e.gone) saveNow({ token, commit: true });
}

// ---- other tabs -------------------------------------------------------------------

function tellConflict(e) {
  if (e.gone) {
    showNotice(() => t('documents.deletedElsewhere'), {
      tone: 'warning',
      sticky: true,
      actions: [{ id: 'doc-keep-copy', label: () => t('documents.keepCopy'), run: () => keepAsCopy(e) }],
    });
    return;
  }
  showNotice(() => t('documents.changedElsewhere'), {
    tone: 'warning',
    sticky: true,
    actions: [
      { id: 'doc-reload', label: () => t('documents.reload'), run: () => reload(e) },
      { id: 'doc-keep-copy', label: () => t('documents.keepYours'), run: () => keepAsCopy(e) },
    ],
  });
}

/** What is stored of entry `e`'s document; null, said, when another tab deleted it. */
async function storedVersion(e) {
  const doc = await store.readDocument(e.id).catch(() => null);
  if (!doc) {
    e.gone = true;
    if (e === current) tellConflict(e);
  }
  return doc;
}

/** Replaces this tab's copy by what another tab stored, as one undoable step. */
async function reload(e) {
  const doc = await storedVersion(e);
  if (!doc || e !== current) return;
  const r = act((ws) => ws.load(doc.text));
  if (!r.ok) {
    showNotice(() => t('documents.unreadable', { name: nameOf(doc.meta), reason: reasonOf(r.error) }), { tone: 'warning', sticky: true });
    return;
  }
  Object.assign(e, { rev: doc.meta.rev, name: doc.meta.name, named: doc.meta.named, modelName: modelName(e.ws), stale: false, gone: false, told: false, savedRevision: e.revision });
  store.clearJournal();
  showNotice(() => t('documents.reloaded'), { undo: true });
}

/**
 * Shows the version another tab stored in place of this tab's, which holds
 * nothing unsaved: with its history, so undo goes on from there as in the
 * other tab. Work begun here meanwhile makes it the usual conflict instead.
 */
async function follow(e) {
  const doc = await storedVersion(e);
  if (!doc || doc.meta.rev <= e.rev) return;
  let ws = null;
  try {
    ws = new Workspace(doc.text);
  } catch {
    ws = null;
  }
  if (!ws || e !== current || dirty(e) || e.stale || e.inFlight.length) {
    ws?.free();
    if (!e.stale) {
      e.stale = true;
      e.told = !dirty(e);
      if (e === current) tellConflict(e);
    }
    return;
  }
  const old = e.ws;
  Object.assign(e, { ws, rev: doc.meta.rev, name: doc.meta.name, named: doc.meta.named, modelName: modelName(ws), revision: null, savedRevision: null });
  show(e);
  old.free();
  showNotice(() => t('documents.followed'));
}

/** Stores this tab's copy as a new document and goes on with it there. */
async function keepAsCopy(e) {
  const name = await freeName(t('documents.copyOf', { name: e.name || t('documents.untitled') }));
  const { scenarios } = facts(e);
  const text = e.ws.storedJson();
  const revision = e.revision;
  let meta;
  try {
    meta = await store.createDocument({ name, named: true, text, scenarios });
  } catch {
    warnStorage('autosave.failed');
    return;
  }
  entries.delete(e.id);
  Object.assign(e, { id: meta.id, stored: true, rev: meta.rev, name: meta.name, named: true, stale: false, gone: false, told: false, savedRevision: revision });
  entries.set(e.id, e);
  if (e === current) {
    store.rememberCurrent(e.id);
    store.clearJournal();
  }
  renderList();
  showNotice(() => t('documents.keptCopy', { name }));
}

function onOtherTab(m) {
  if (!m || m.tab === store.tabId) return;
  const e = entries.get(m.id);
  if (e?.stored) {
    if (m.type === 'saved' && m.rev > e.rev && !e.inFlight.includes(m.token)) {
      // nothing of this tab's to lose: it shows the newer version, quietly
      if (e === current && !e.stale && !dirty(e) && !e.inFlight.length) follow(e);
      else if (!e.stale) {
        e.stale = true;
        e.told = !dirty(e);
        if (e === current) tellConflict(e);
      }
    } else if (m.type === 'deleted' && !e.gone) {
      e.gone = true;
      e.told = false;
      if (e === current) tellConflict(e);
    } else if (m.type === 'renamed') {
      store.readDocument(e.id).then((doc) => {
        if (doc) Object.assign(e, { name: doc.meta.name, named: doc.meta.named });
      }, () => {});
    }
  }
  renderList();
}

// ---- opening documents ----------------------------------------------------------

/**
 * Opens `text` (a model or saved session) as a new document beside the
 * others and shows it; `name` defaults to the model's. Throws the core's
 * error, changing nothing, when it cannot be read. Resolves to the facts
 * of the document that was on show before (null if none was stored).
 */
/**
 * @param {string} text
 * @param {{ name?: string }} [options]
 */
export async function openAsNew(text, { name } = {}) {
  const ws = new Workspace(text);
  await prepared;
  await saveNow();
  // at start-up (a link) nothing is on show yet: the way back is to the document shown last
  const before = current ? (current.stored ? { id: current.id, name: current.name } : null) : await lastStored();
  const e = entryFor(ws, { name: await freeName(name ?? modelName(ws)) });
  show(e);
  // stored at once: a document someone chose to open is kept even unchanged
  e.savedRevision = null;
  await saveNow();
  const kept = e.stored;
  if (!kept) e.savedRevision = e.revision;
  return { before, kept };
}

/**
 * Opens `text` as a new document (see openAsNew) and says so, offering the
 * way back to the document that was on show; when this browser could not
 * keep it, the same notice says so and offers to export it. Throws as
 * openAsNew does.
 */
export async function openBeside(text, source) {
  const { before, kept } = await openAsNew(text);
  const back = before ? [{ id: 'notice-back', label: () => t('documents.backTo', { name: before.name || t('documents.untitled') }), run: () => switchTo(before.id) }] : [];
  if (kept) {
    showNotice(() => t('import.doneNew', { source }), { actions: back });
    return;
  }
  showNotice(() => t('import.doneNotKept', { source }), {
    tone: 'warning',
    sticky: true,
    actions: [{ id: 'doc-export-now', label: () => t('documents.exportNow'), run: () => current && exportDocument(current.id) }, ...back],
  });
}

async function lastStored() {
  if (!available) return null;
  try {
    const meta = await store.documentToOpen();
    return meta ? { id: meta.id, name: meta.name } : null;
  } catch {
    return null;
  }
}

/** Shows a stored document (flushing the one on show); false when it cannot be read. */
export async function switchTo(id) {
  if (current?.id === id) return true;
  let doc;
  try {
    doc = await store.readDocument(id);
  } catch {
    doc = null;
  }
  if (!doc) {
    showNotice(() => t('documents.missing'), { tone: 'warning' });
    renderList();
    return false;
  }
  let e = entries.get(id);
  if (e && e.rev !== doc.meta.rev) {
    if (dirty(e)) e.stale = true;
    else {
      forget(e);
      e = null;
    }
  }
  if (!e) {
    let ws;
    try {
      ws = new Workspace(doc.text);
    } catch (error) {
      await store.setProblem(id, reasonOf(error)).catch(() => {});
      unreadable(doc.meta, error);
      renderList();
      return false;
    }
    if (doc.meta.problem) store.setProblem(id, null).catch(() => {});
    e = entryFor(ws, { id, stored: true, rev: doc.meta.rev, name: doc.meta.name, named: doc.meta.named });
  }
  await saveNow();
  show(e);
  announce(t('documents.switched', { name: nameOf(e) }));
  return true;
}

/**
 * Says that a stored document cannot be read, offering its text as it is;
 * `started`: a new document was started beside it.
 */
function unreadable(meta, error, { started = false } = {}) {
  const reason = error ? reasonOf(error) : meta.problem;
  showNotice(() => t(started ? 'documents.unreadableStart' : 'documents.unreadable', { name: nameOf(meta), reason }), {
    tone: 'warning',
    sticky: true,
    actions: [
      { id: 'doc-download-unreadable', label: () => t('documents.downloadIt'), run: () => exportDocument(meta.id) },
      { id: 'doc-show-list', label: () => t('documents.title'), run: openDocuments },
    ],
  });
}

/** Starts a document that is stored only once it changes (the page's first sample, a fresh start). */
async function startUnstored(make) {
  const ws = new Workspace(await make());
  const e = entryFor(ws, { name: modelName(ws) });
  show(e);
  return e;
}

async function startFallback() {
  try {
    return await startUnstored(fallbacks.sample);
  } catch (e) {
    // the page stays usable (open a file, start empty) when the sample is missing
    showNotice(() => t('open.sampleMissing', { reason: errorText(e) }), { tone: 'warning', sticky: true });
    return startUnstored(fallbacks.empty);
  }
}

// ---- starting the page -------------------------------------------------------------

let prepared = null;

/**
 * Opens the store before the core is ready: the earlier single autosave
 * becomes the first document (text untouched, readable or not), closed
 * tabs' unsaved work is put back. Resolves to the document a page opens
 * without a link, `{ meta, text }`, or null.
 */
export function prepareDocuments() {
  prepared ??= (async () => {
    let recovered = [];
    try {
      await store.migrateLegacy({ nameOf: nameInText });
      recovered = await store.replayJournals(recoveryNames());
      await replayDraftJournals();
      const meta = await store.documentToOpen();
      return { doc: meta ? await store.readDocument(meta.id) : null, recovered };
    } catch {
      available = false;
      return { doc: null, recovered };
    }
  })();
  return prepared.then((p) => p.doc);
}

/**
 * Shows the document to start with (after a link, if any, was tried):
 * the one shown last, else a new one from the sample. An unreadable one is
 * kept aside as it is and offered for download; a new document opens
 * beside it. `sample`, `empty`: async texts to start from; `drawn`: the
 * sample's workspace when it was drawn already (first-diagram.js).
 */
export async function startDocuments({ sample, empty, linked = false, drawn = null }) {
  fallbacks = { sample, empty };
  const { doc, recovered } = await prepared;
  await nameRecovered(recovered);
  await startShowing({ doc, recovered, linked, drawn });
  // storage refused or full: said now, in front of the notices of the start
  if (!available) warnStorage('autosave.failed');
  else checkJournalRoom(doc?.text.length ?? 0);
}

async function startShowing({ doc, recovered, linked, drawn }) {
  // the sample drawn before the store answered (first-diagram.js) is kept
  // only when it is what this visit opens
  if (drawn && (linked || doc)) drawn.free();
  if (linked) {
    if (recovered.length) tellRecovered(recovered);
    return;
  }
  if (doc) {
    try {
      const e = entryFor(new Workspace(doc.text), { id: doc.meta.id, stored: true, rev: doc.meta.rev, name: doc.meta.name, named: doc.meta.named });
      if (doc.meta.problem) store.setProblem(e.id, null).catch(() => {});
      show(e);
      if (recovered.some((r) => r.kind !== 'kept')) tellRecovered(recovered);
      else {
        showNotice(() => t('autosave.restored'), {
          actions: [
            { id: 'doc-show-list', label: () => t('documents.title'), run: openDocuments },
            { label: () => t('autosave.startOver'), run: () => openFallback(fallbacks.sample, t('open.sampleName')) },
          ],
        });
      }
      return;
    } catch (error) {
      await store.setProblem(doc.meta.id, reasonOf(error)).catch(() => {});
      await startFallback();
      unreadable(doc.meta, error, { started: true });
      return;
    }
  }
  if (drawn) show(entryFor(drawn, { name: modelName(drawn) }));
  else await startFallback();
  if (recovered.length) tellRecovered(recovered);
}

function recoveredName(name) {
  return t('documents.recoveredName', { name: name || t('documents.untitled') });
}

/** What closed tabs' work is stored as: a copy's name, and a journal that cannot be read. */
function recoveryNames() {
  return { copyName: recoveredName, damaged: { name: t('documents.damagedJournal'), problem: t('documents.damagedJournalProblem') } };
}

/**
 * Names what closed tabs left in the page's language: at start the journals
 * are replayed before the language's texts are in.
 */
async function nameRecovered(recovered) {
  const names = recoveryNames();
  for (const r of recovered) {
    const name = r.kind === 'copied' ? recoveredName(r.from) : r.kind === 'damaged' ? names.damaged.name : null;
    if (name && name !== r.meta.name) r.meta = (await store.renameDocument(r.meta.id, name).catch(() => null)) ?? r.meta;
    if (r.kind === 'damaged' && r.meta.problem !== names.damaged.problem) {
      await store.setProblem(r.meta.id, names.damaged.problem).catch(() => {});
      r.meta = { ...r.meta, problem: names.damaged.problem };
    }
  }
}

function tellRecovered(recovered) {
  const damaged = recovered.find((r) => r.kind === 'damaged');
  if (damaged) unreadable(damaged.meta, null);
  const copies = recovered.filter((r) => r.kind === 'copied');
  if (!copies.length) return;
  showNotice(() => tn('documents.recovered', copies.length, { name: nameOf(copies[0].meta) }), {
    sticky: true,
    actions: [{ id: 'doc-show-list', label: () => t('documents.title'), run: openDocuments }],
  });
}

/** Opens a text from the Open menu as a new document; false (and says why) if it cannot be read. */
async function openFallback(make, source) {
  try {
    await openBeside(await make(), source);
    return true;
  } catch (e) {
    showNotice(() => t('documents.unreadable', { name: source, reason: reasonOf(e) }), { tone: 'warning', sticky: true });
    return false;
  }
}

// ---- the Documents dialog ------------------------------------------------------------

function slug(name) {
  return fileStem(name, t('file.document'));
}

/**
 * A saved session's file name: NAME.session.json, told apart from the
 * model the top bar's Export ▸ Model as JSON writes as NAME.json (the one
 * `wfe` reads).
 */
const SESSION_SUFFIX = '.session.json';

/** Downloads a document's stored text exactly as stored (the one on show saved first). */
export async function exportDocument(id) {
  if (current?.id === id) {
    await saveNow();
    if (!current.stored) {
      download(new Blob([current.ws.savedJson()], { type: 'application/json' }), `${slug(current.name)}${SESSION_SUFFIX}`);
      return;
    }
  }
  const doc = await store.readDocument(id).catch(() => null);
  if (!doc) {
    showNotice(() => t('documents.missing'), { tone: 'warning' });
    return;
  }
  // an unreadable one is downloaded as it is stored, whatever it holds
  const suffix = doc.meta.problem ? fileSuffix(t('file.unreadable'), 'json') : SESSION_SUFFIX;
  download(new Blob([doc.text], { type: 'application/json' }), `${slug(nameOf(doc.meta))}${suffix}`);
  announce(t('documents.exported', { name: nameOf(doc.meta) }));
}

async function remove(id, name) {
  const wasCurrent = current?.id === id;
  // focus goes on to the row below (above, for the last), not to <body>
  const ids = listBox ? [...listBox.children].map((el) => /** @type {HTMLElement} */ (el).dataset.doc) : [];
  const at = ids.indexOf(id);
  const neighbour = ids[at + 1] ?? ids[at - 1];
  try {
    await store.deleteDocument(id);
  } catch {
    showNotice(() => t('autosave.failed'), { tone: 'warning', sticky: true });
    return;
  }
  const e = entries.get(id);
  if (e && !wasCurrent) forget(e);
  if (wasCurrent) {
    entries.delete(id);
    // gone: nothing more to save, and no notice that another tab deleted it
    const old = current;
    old.gone = true;
    const next = (await safeList()).find((d) => !d.problem && !d.lost);
    if (!(next && (await switchTo(next.id)))) await startUnstored(fallbacks.empty);
    if (old !== current) old.ws.free();
  }
  await renderList(neighbour, 'open');
  if (listBox && !listBox.contains(document.activeElement)) /** @type {HTMLElement | null} */ (listBox.querySelector('button'))?.focus();
  announce(t('documents.deleted', { name }));
}

function when(ms) {
  try {
    return new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
  } catch {
    return new Date(ms).toISOString();
  }
}

/** Why a document cannot be opened, if it cannot: its text unreadable, or missing with what it held. */
function problemOf(meta) {
  if (!meta.lost) return meta.problem ?? null;
  const held = [tn('documents.characters', meta.size ?? 0), meta.scenarios ? tn('documents.scenarios', meta.scenarios) : null].filter(Boolean).join(', ');
  return t('documents.lost', { held });
}

function row(meta) {
  const isCurrent = current?.id === meta.id;
  const problem = problemOf(meta);
  const li = h('li', { class: `doc${isCurrent ? ' is-current' : ''}${problem ? ' is-unreadable' : ''}`, dataset: { doc: meta.id } });
  const name = nameOf(meta);
  const facts = [
    meta.stored === false ? t(storageWarning === 'autosave.failed' || !available ? 'documents.notKept' : 'documents.notSaved') : t('documents.edited', { when: when(meta.updated) }),
    meta.scenarios ? tn('documents.scenarios', meta.scenarios) : null,
    isCurrent ? t('documents.onShow') : null,
  ].filter(Boolean).join(' · ');
  const titleId = uid('doc-name');
  const main = h('div', { class: 'doc-main' },
    isCurrent
      ? h('span', { class: 'doc-name', id: titleId, 'aria-current': 'true', text: name })
      : h('button', { type: 'button', class: 'link doc-name', id: titleId, dataset: { action: 'open' }, on: { click: () => choose(meta.id) } }, name),
    h('span', { class: 'doc-facts muted small', text: facts }),
    problem ? h('span', { class: 'doc-problem small', text: t('documents.problem', { reason: problem }) }) : null);
  const button = (action, label, run, extra = {}) => h('button', {
    type: 'button',
    class: `small${extra.danger ? ' danger' : ''} ghost`,
    dataset: { action },
    'aria-describedby': titleId,
    on: { click: run },
  }, label);
  const actions = h('div', { class: 'doc-actions' },
    problem ? null : button('rename', t('documents.rename'), () => renaming(li, meta)),
    // a document whose text is lost has nothing to download
    meta.lost ? null : button('export', meta.problem ? t('documents.download') : t('documents.export'), () => exportDocument(meta.id)),
    meta.stored === false ? null : button('delete', t('documents.delete'), () => confirming(li, meta), { danger: true }));
  li.append(main, actions);
  return li;
}

function renaming(li, meta) {
  const id = uid('doc-rename');
  const input = h('input', { id, type: 'text', value: nameOf(meta), autocomplete: 'off', maxlength: 200 });
  const done = async () => {
    const name = input.value.trim();
    if (name && name !== meta.name) {
      if (meta.stored === false) {
        current.name = name;
        current.named = true;
      } else {
        const next = await store.renameDocument(meta.id, name).catch(() => null);
        const e = entries.get(meta.id);
        if (next && e) Object.assign(e, { name: next.name, named: true });
      }
      announce(t('documents.renamed', { name }));
    }
    await renderList(meta.id, 'rename');
  };
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      done();
    }
  });
  li.replaceChildren(h('div', { class: 'doc-edit' },
    h('label', { for: id, class: 'small', text: t('documents.newName', { name: nameOf(meta) }) }),
    input,
    h('div', { class: 'doc-actions' },
      h('button', { type: 'button', class: 'small primary', dataset: { action: 'save-name' }, on: { click: done } }, t('documents.rename')),
      h('button', { type: 'button', class: 'small', dataset: { action: 'cancel' }, on: { click: () => renderList(meta.id, 'rename') } }, t('dialog.cancel')))));
  input.focus();
  input.select();
}

function confirming(li, meta) {
  const question = h('p', { class: 'doc-question', role: 'alert', text: t('documents.deleteQuestion', { name: nameOf(meta) }) });
  const keep = h('button', { type: 'button', class: 'small', dataset: { action: 'keep' }, on: { click: () => renderList(meta.id, 'delete') } }, t('documents.keep'));
  li.replaceChildren(h('div', { class: 'doc-edit' }, question,
    h('div', { class: 'doc-actions' },
      h('button', { type: 'button', class: 'small danger', dataset: { action: 'confirm-delete' }, on: { click: () => remove(meta.id, nameOf(meta)) } }, t('documents.delete')),
      keep)));
  keep.focus();
}

async function choose(id) {
  if (await switchTo(id)) listBox?.closest('dialog')?.close('open');
}

/** Draws the list again (if the dialog is open), focus back on `focusId`'s `action` button. */
async function renderList(focusId, action) {
  if (!listBox || !document.contains(listBox)) return;
  const box = listBox;
  const stored = await safeList();
  const all = [...stored];
  if (current && !current.stored) all.unshift({ id: current.id, name: current.name, stored: false, updated: Date.now(), scenarios: state.result?.session.scenarios.length ?? 0 });
  if (box !== listBox) return;
  box.replaceChildren(...all.map(row));
  if (!all.length) box.append(h('li', { class: 'muted', text: t('documents.none') }));
  if (focusId) {
    const li = [...box.children].find((el) => el.dataset.doc === focusId);
    (li?.querySelector(`[data-action="${action}"]`) ?? li?.querySelector('button'))?.focus();
  }
}

/** The Documents dialog: every document kept in this browser. */
export async function openDocuments() {
  await saveNow();
  listBox = h('ul', { class: 'doc-list', id: 'doc-list', 'aria-labelledby': 'dialog-title' });
  const closed = openDialog({
    heading: t('documents.title'),
    className: 'dialog-wide',
    content: [h('p', { class: 'muted small', text: t('documents.explain') }), listBox],
    actions: [
      {
        label: t('documents.new'),
        value: 'new',
        onClick: () => openFallback(fallbacks.empty, t('open.emptyName')),
      },
      { label: t('dialog.close'), value: 'close', primary: true },
    ],
  });
  await renderList();
  const here = [...listBox.children].find((el) => el.dataset.doc === current?.id);
  (here?.querySelector('button') ?? listBox.querySelector('button'))?.focus();
  await closed;
  listBox = null;
}

// ---- wiring ----------------------------------------------------------------------------

export function initDocuments() {
  onRefresh((result) => {
    if (current) current.revision = result.revision;
    keepUnit();
    scheduleSave();
  });
  store.onOtherTabs(onOtherTab);
  // a tab that closed with unsaved changes: put them where they belong now,
  // and say so here if it is this tab's document
  store.onClosedTabJournal(async () => {
    const results = await store.replayJournals(recoveryNames()).catch(() => []);
    for (const r of results) {
      if (r.kind === 'kept') onOtherTab({ type: 'saved', id: r.meta.id, rev: r.meta.rev, token: null, tab: null });
    }
    if (results.some((r) => r.kind !== 'kept')) tellRecovered(results);
    renderList();
  });
  window.addEventListener('pagehide', leaving);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') leaving();
  });
  document.getElementById('documents')?.addEventListener('click', openDocuments);
}
