// The Text pane's unfinished drafts: a text with problems changes nothing
// in the model, so it is kept apart, in the documents store, until it is
// resolved (it becomes valid, the person takes the model's text instead, or
// discards it). A draft belongs to its document and to the model the pane
// edits there (the baseline, or the what-if on show); a reload, a crash or
// a tab closed brings it back the next time that document opens. The text
// is stored as typed and read by the core only when shown again.
import { t } from './i18n.js';
import { download, fileStem } from './dom.js';
import { showNotice } from './notice.js';
import { showTab } from './tabs.js';
import { MAX_MODEL_BYTES } from './fragment.js';
import * as store from './doc-store.js';

/**
 * Whom a draft belongs to: a document's id and the what-if's name ('' for
 * the baseline).
 * @typedef {{ doc: string, scenario: string }} Owner
 */

/** This tab's drafts, by `key(owner)`: the text. */
const mine = new Map();
/**
 * What the Text pane does when drafts come or go behind its back, told
 * which owners' drafts were dropped and which moved to another owner (the
 * text it has not kept yet goes with them).
 * @type {(dropped: Owner[], moved?: { from: Owner, to: Owner }) => void}
 */
let changed = () => {};
/** Whether the person was told that the draft on show is too large to keep. */
let toldTooLarge = false;
/** Whether the person was told that the browser refused to keep a draft (once a page). */
let toldFailed = false;

/** @param {Owner} owner */
const key = (owner) => JSON.stringify([owner.doc, owner.scenario]);

/**
 * Calls `fn(dropped, moved)` when drafts are restored, discarded or moved
 * other than by the pane. @param {(dropped: Owner[], moved?: { from: Owner, to: Owner }) => void} fn
 */
export function onDraftsChanged(fn) {
  changed = fn;
}

/** This tab's draft of `owner`'s model, or null. @param {Owner} owner */
export function draftOf(owner) {
  return mine.get(key(owner)) ?? null;
}

/** Whether a text is over the core's model size limit (in UTF-8 bytes). */
function tooLarge(text) {
  if (text.length * 3 <= MAX_MODEL_BYTES) return false;
  return text.length > MAX_MODEL_BYTES || new TextEncoder().encode(text).length > MAX_MODEL_BYTES;
}

/**
 * Keeps `text` as `owner`'s draft (in this tab now, in the store soon);
 * `leaving`: the page goes away, so it is also written where a closing page
 * can write (the journal). A text over the size limit is not kept, and the
 * person is told. False when it is not kept.
 * @param {Owner} owner
 * @param {string} text
 * @param {{ leaving?: boolean }} [options]
 */
export function keepDraft(owner, text, { leaving = false } = {}) {
  if (tooLarge(text)) {
    if (!toldTooLarge) showNotice(() => t('draft.tooLarge', { limit: MAX_MODEL_BYTES / (1024 * 1024) }), { tone: 'warning', sticky: true });
    toldTooLarge = true;
    return false;
  }
  toldTooLarge = false;
  if (leaving) store.writeDraftJournal(owner.doc, owner.scenario, text);
  if (mine.get(key(owner)) === text && !leaving) return true;
  mine.set(key(owner), text);
  store.putDraft(owner.doc, owner.scenario, text, { commit: leaving }).catch(() => {
    if (leaving || toldFailed) return;
    toldFailed = true;
    showNotice(() => t('draft.failed'), { tone: 'warning', sticky: true });
  });
  return true;
}

/** Forgets `owner`'s draft, here and in the store. @param {Owner} owner */
export function dropDraft(owner) {
  toldTooLarge = false;
  store.writeDraftJournal(owner.doc, owner.scenario, null);
  if (!mine.delete(key(owner))) return;
  store.deleteDraft(owner.doc, owner.scenario).catch(() => {});
}

/** The what-ifs' names by id as last seen, and the document they are of. */
let named = { doc: /** @type {string | null} */ (null), names: new Map() };

/**
 * The document on show has these what-ifs now: one renamed since the last
 * look (or its renaming undone) takes this tab's draft along, since drafts
 * go by name (a what-if's id does not outlive a reload; its name does); one
 * kept as the baseline and brought back by Undo takes back the draft that
 * went to the baseline with it.
 * @param {string | null} doc
 * @param {{ id: number, name: string }[]} scenarios
 */
export function followRenames(doc, scenarios) {
  const names = new Map(scenarios.map((s) => [s.id, s.name]));
  // the what-if kept as the baseline is back (Undo): so is its draft, as it was
  if (keptAway && keptAway.doc === doc && names.get(keptAway.id) === keptAway.name) {
    const back = keptAway;
    keptAway = null;
    if (mine.get(key({ doc, scenario: '' })) === back.text) {
      const from = { doc, scenario: '' };
      const to = { doc, scenario: back.name };
      dropDraft(from);
      keepDraft(to, back.text);
      // (what was typed into it since, not yet kept, goes along too)
      changed([from], { from, to });
    }
  }
  if (doc !== null && doc === named.doc) {
    for (const [id, name] of names) {
      const was = named.names.get(id);
      const text = was === undefined || was === name ? undefined : mine.get(key({ doc, scenario: was }));
      if (text === undefined) continue;
      dropDraft({ doc, scenario: was });
      keepDraft({ doc, scenario: name }, text);
    }
  }
  named = { doc, names };
}

/**
 * A what-if is about to be started under `name` in the document on show: a
 * draft kept under that name belongs to no what-if there (one discarded or
 * kept as the baseline: drafts go by name), and would show as the new
 * one's. It goes. (A what-if that Undo brings back is not started: its
 * draft stays with it.)
 * @param {string} name
 */
export function forgetDraftNamed(name) {
  const scenario = name.trim();
  if (named.doc === null || [...named.names.values()].includes(scenario)) return;
  dropDraft({ doc: named.doc, scenario });
}

/** A what-if kept as the baseline whose draft went with it, until Undo brings the what-if back. */
let keptAway = /** @type {{ doc: string, id: number, name: string, text: string } | null} */ (null);

/**
 * A what-if was kept as the baseline: its draft, the text of the model now
 * the baseline's, goes with it (unless the baseline has one of its own,
 * which stays, the what-if's staying under its name). Called once the page
 * shows the baseline, so the Text pane has put its latest text away.
 * @param {{ id: number, name: string }} scenario
 */
export function draftFollowsKeep(scenario) {
  const doc = named.doc;
  const text = doc === null ? undefined : mine.get(key({ doc, scenario: scenario.name }));
  if (doc === null || text === undefined || mine.has(key({ doc, scenario: '' }))) return;
  dropDraft({ doc, scenario: scenario.name });
  keepDraft({ doc, scenario: '' }, text);
  keptAway = { doc, id: scenario.id, name: scenario.name, text };
  changed([{ doc, scenario: scenario.name }]);
}

/** The page goes away without a draft on show: an earlier journal is out of date. */
export function noDraftLeaving() {
  store.writeDraftJournal('', '', null);
}

/** Puts closed tabs' journals among the stored drafts (once, as the page starts). */
export function replayDraftJournals() {
  return store.replayDraftJournals();
}

/** A stored record is a draft this page shows: its text, within the limit, for an owner. */
function readable(r) {
  return typeof r.text === 'string' && typeof r.scenario === 'string' && typeof r.tab === 'string' && !tooLarge(r.text);
}

/**
 * Document `doc` is on show: takes over the drafts closed tabs left of it
 * and says so; a draft that cannot be read is left as it is and offered for
 * download.
 * @param {string} doc
 */
export async function restoreDrafts(doc) {
  let found;
  try {
    found = await store.adoptDrafts(doc, readable);
  } catch {
    return;
  }
  for (const r of found.mine) mine.set(key(r), r.text);
  const { adopted, others, damaged } = found;
  // Drafts the restored ones (or this tab's) stand in front of are offered
  // too: with the restored draft's notice where there is one (a notice at a
  // time), else in one of their own.
  const othersAction = { id: 'draft-download-others', label: () => t('draft.downloadOthers'), run: () => downloadDrafts(others, t('file.draftsKeptAside')) };
  if (adopted.length) {
    changed([]);
    showNotice(() => (others.length ? `${t('draft.restored')} ${t('draft.others')}` : t('draft.restored')), {
      sticky: true,
      actions: [
        { id: 'draft-show', label: () => t('draft.show'), run: () => showTab('text', { focus: true }) },
        {
          id: 'draft-discard',
          label: () => t('draft.discard'),
          run: () => {
            for (const r of adopted) dropDraft(r);
            changed(adopted);
          },
        },
        ...(others.length ? [othersAction] : []),
      ],
    });
  } else if (others.length) {
    showNotice(() => t('draft.othersAlone'), {
      sticky: true,
      actions: [
        othersAction,
        {
          id: 'draft-discard-others',
          label: () => t('draft.discardOthers'),
          run: () => {
            for (const r of others) store.deleteDraftRecord(r.id).catch(() => {});
          },
        },
      ],
    });
  }
  if (damaged.length) unreadable(damaged);
}

/**
 * Downloads drafts' texts as they are, one after the other, each under a
 * line saying whose it is, as `name`.txt.
 */
function downloadDrafts(records, name) {
  const texts = records.map((r) => {
    const text = typeof r.text === 'string' ? r.text : JSON.stringify(r.text ?? null);
    const when = typeof r.updated === 'number' ? new Date(r.updated).toISOString() : '';
    const whose = typeof r.scenario === 'string' && r.scenario ? JSON.stringify(r.scenario) : 'baseline';
    return `# ${whose} ${when}`.trimEnd() + `\n${text}`;
  });
  download(new Blob([texts.join('\n\n')], { type: 'text/plain' }), `${fileStem(name, 'drafts')}.txt`);
}

/** Says that stored drafts cannot be read, offering them as they are. */
function unreadable(records) {
  showNotice(() => t('draft.unreadable'), {
    tone: 'warning',
    sticky: true,
    actions: [
      {
        id: 'draft-download',
        label: () => t('documents.downloadIt'),
        run: () => downloadDrafts(records, t('file.draftUnreadable')),
      },
      {
        id: 'draft-drop-unreadable',
        label: () => t('draft.discard'),
        run: () => {
          for (const r of records) store.deleteDraftRecord(r.id).catch(() => {});
        },
      },
    ],
  });
}
