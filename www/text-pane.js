// The Text pane: the model on show in the text syntax (docs/text-syntax.md),
// editable, in step with the diagram.
//
// Typing: once the typing pauses, the core reads the text; a valid text
// replaces the model on show (one undoable step) and the diagram follows; an
// invalid one changes nothing — the diagram keeps the last valid model — and
// its problems are listed and marked in the line-number gutter at their
// lines. The person's text is never replaced while they have problems to fix:
// if the model changes elsewhere meanwhile (the diagram, undo, another
// document), the pane says so and offers to show the new model's text.
// While the text is valid, a change made elsewhere rewrites it in canonical
// form (comments and spacing of one's own go then; the model loses nothing).
// A text with problems is kept as a draft of the model it was typed for
// (text-drafts.js) until it is resolved, so that a reload or a crash does
// not lose it; another document or what-if shows its own text (or draft).
import { h, replace } from './dom.js';
import { t, tn } from './i18n.js';
import { state, refresh, onRefresh } from './store.js';

/**
 * What the pane keeps drafts with (text-drafts.js, and the document on show
 * from documents.js), handed in by the page so that this module, fetched
 * when the tab is first shown, does not pull the documents store along.
 * @typedef {Pick<typeof import('./text-drafts.js'), 'draftOf' | 'keepDraft' | 'dropDraft' | 'noDraftLeaving' | 'onDraftsChanged'> & {
 *   currentDocumentId: () => string | null,
 *   keepStored: () => void,
 * }} Drafts
 */
/** @type {Drafts} */
let drafts;

/** Whether two owners are the same (null: none). */
const sameOwner = (a, b) => a === b || (!!a && !!b && a.doc === b.doc && a.scenario === b.scenario);

/** How long typing must pause before the text is read, in ms. */
const PAUSE = 400;

let pane;
/** @type {HTMLTextAreaElement} */
let area;
/** @type {HTMLElement} */
let gutter;
/** @type {HTMLElement} */
let status;
/** @type {HTMLElement} */
let list;
/** @type {HTMLElement} */
let stale;
/** @type {HTMLElement} */
let draftBox;
/**
 * The model the text in the box is of (see text-drafts.js); null before
 * the pane first shows one.
 * @type {import('./text-drafts.js').Owner | null}
 */
let owner = null;
/** The what-if `owner` was on show as (its id in this page's session), null for a baseline. */
let ownerWhatIf = null;
let visible = () => false;
/** The canonical text of the model as the pane last knew it. */
let known = null;
/** Whether the text in the box has problems (the model is not what it says). */
let broken = false;
let timer = 0;
/** Whether typed text waits to be read. */
let pending = false;

/**
 * Builds the pane into #pane-text.
 * @param {{ isVisible: () => boolean, drafts: Drafts }} options
 */
export function initTextPane(options) {
  visible = options.isVisible;
  drafts = options.drafts;
  pane = document.getElementById('pane-text');
  area = /** @type {HTMLTextAreaElement} */ (
    h('textarea', {
      id: 'model-text',
      class: 'text-source',
      spellcheck: 'false',
      autocomplete: 'off',
      autocapitalize: 'off',
      wrap: 'off',
      'aria-describedby': 'text-status text-problems',
      on: { input: typed, scroll: () => (gutter.scrollTop = area.scrollTop) },
    })
  );
  gutter = h('div', { class: 'text-gutter', 'aria-hidden': 'true' });
  status = h('p', { id: 'text-status', class: 'text-status', role: 'status' });
  list = h('ul', { id: 'text-problems', class: 'text-problems' });
  stale = h('div', { class: 'text-stale', hidden: true });
  draftBox = h('div', { class: 'text-stale text-draft', hidden: true });
  build();
  onRefresh(() => {
    if (visible()) render();
    else followRename();
  });
  // a draft restored or discarded from the notice: the pane shows what is kept now
  drafts.onDraftsChanged((dropped, moved) => {
    if (moved && (pending || broken) && sameOwner(moved.from, owner)) {
      owner = moved.to;
      keep();
    } else if ((pending || broken) && !dropped.some((o) => sameOwner(o, owner))) keep();
    clearTimeout(timer);
    pending = false;
    broken = false;
    owner = null;
    if (visible()) render();
  });
  window.addEventListener('pagehide', leaving);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') leaving();
  });
  // Another language: the pane's words again; the text and its problems stay.
  document.addEventListener('wfe-language', () => {
    build();
    if (broken) read();
    else showProblems([]);
  });
}

/** The pane's words around the text box, in the page's language. */
function build() {
  replace(
    stale,
    h('p', { text: t('text.diagramChanged') }),
    h('button', { type: 'button', text: t('text.takeDiagram'), on: { click: takeDiagram } }),
  );
  replace(
    draftBox,
    h('p', { text: t('draft.kept') }),
    h('button', { type: 'button', id: 'text-discard', text: t('draft.discard'), on: { click: takeDiagram } }),
  );
  replace(
    pane,
    h('div', { class: 'pane-head' }, h('h2', { text: t('text.heading') })),
    h('p', { class: 'pane-intro' }, t('text.intro')),
    h('label', { for: 'model-text', class: 'visually-hidden', text: t('text.label') }),
    stale,
    draftBox,
    // above the box, which is most of the pane's height: its problems are
    // in sight while it is typed in
    status,
    list,
    h('div', { class: 'text-editor' }, gutter, area),
  );
}

/** Brings the pane up to date with the model on show (when it is on show). */
export function render() {
  if (!pane || !state.ws) return;
  followRename();
  const now = ownerNow();
  if (!sameOwner(now, owner)) {
    ownerWhatIf = state.result?.session.active?.id ?? null;
    // another model: the text typed for the one before stays its draft
    if (owner && (pending || broken)) keep();
    clearTimeout(timer);
    pending = false;
    broken = false;
    stale.hidden = true;
    draftBox.hidden = true;
    owner = now;
    known = null;
    const draft = now && drafts.draftOf(now);
    if (draft !== null && draft !== undefined) {
      area.value = draft;
      read();
      if (broken) {
        known = state.ws.toText();
        return;
      }
    }
  }
  const text = state.ws.toText();
  if (text === known) return;
  known = text;
  if (broken || pending) {
    // Their text stays; they choose when to take the model's.
    stale.hidden = false;
    return;
  }
  area.value = text;
  showProblems([]);
}

/**
 * The what-if the text in the box is of has another name now (renamed, or
 * its renaming undone, on show or not): the box's owner takes the new name,
 * under which its draft is kept from now on.
 */
function followRename() {
  if (!owner || ownerWhatIf === null || drafts.currentDocumentId() !== owner.doc) return;
  const name = state.result?.session.scenarios.find((s) => s.id === ownerWhatIf)?.name;
  if (name === undefined || name === owner.scenario) return;
  // (text-drafts.js has moved the stored draft; the box's latest text joins it)
  owner = { doc: owner.doc, scenario: name };
  if (pending || broken) keep();
}

/** The model the pane edits now: the document on show's baseline or what-if on show. */
function ownerNow() {
  const doc = drafts.currentDocumentId();
  // a what-if by its name: unique in its document, and kept by a reload (its id is not)
  return doc ? { doc, scenario: state.result?.session.active?.name ?? '' } : null;
}

/** Keeps the text in the box as the draft of the model it is of. */
function keep(options) {
  return owner ? drafts.keepDraft(owner, area.value, options) : false;
}

/** The page goes away (or is hidden): a draft or unread text is written where a closing page can. */
function leaving() {
  if (owner && (pending || broken)) keep({ leaving: true });
  else drafts.noDraftLeaving();
}

function typed() {
  // a draft belongs to a stored document: a new one is stored now
  drafts.keepStored();
  pending = true;
  clearTimeout(timer);
  timer = window.setTimeout(read, PAUSE);
  numberLines(area.value, new Set(problemLines));
}

/** The lines with problems, as last shown. */
let problemLines = [];

/** Reads the text: a valid one goes to the model, an invalid one is shown with its problems. */
function read() {
  clearTimeout(timer);
  pending = false;
  if (!state.ws) return;
  if (!sameOwner(ownerNow(), owner)) {
    // the model on show is another's now: the text stays the draft of its own
    keep();
    broken = true;
    return;
  }
  // How many times the text was read: lets a test wait for a reading.
  status.dataset.reads = String(Number(status.dataset.reads ?? 0) + 1);
  try {
    const changed = state.ws.replaceText(area.value);
    broken = false;
    stale.hidden = true;
    draftBox.hidden = true;
    if (owner) drafts.dropDraft(owner);
    // What the model now says, so that its refresh leaves their text as typed.
    known = state.ws.toText();
    showProblems([]);
    if (changed) refresh();
  } catch (e) {
    broken = true;
    const problems = /** @type {{ line?: number, column?: number, message: string, path: string }[]} */ (e?.problems ?? [
      { message: String(e?.message ?? e), path: '' },
    ]);
    showProblems(problems, e?.more ?? 0);
    draftBox.hidden = !keep();
  }
}

/**
 * Lists the problems and marks their lines; none: says the text and the
 * diagram agree.
 */
function showProblems(problems, more = 0) {
  problemLines = problems.map((p) => p.line).filter(Boolean);
  numberLines(area.value, new Set(problemLines));
  area.setAttribute('aria-invalid', String(problems.length > 0));
  const total = problems.length + more;
  status.textContent = total ? tn('text.problems', total) : t('text.inStep');
  status.classList.toggle('is-broken', total > 0);
  replace(
    list,
    problems.map((p) =>
      h(
        'li',
        {},
        p.line
          ? h('button', {
              type: 'button',
              text: t('text.problemAt', { line: p.line, column: p.column ?? 1, message: p.message }),
              on: { click: () => goTo(p.line, p.column ?? 1) },
            })
          : p.message,
      ),
    ),
  );
}

/** What the gutter shows now: its line count and marked lines. */
let numbered = '';

/**
 * Line numbers beside the text, a problem's line marked. One text node per
 * run of unmarked lines (a model of 100,000 lines makes a few nodes, not
 * 100,000), redone only when the count or the marks change.
 */
function numberLines(text, marked) {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  const key = `${count}|${[...marked].join(',')}`;
  if (key === numbered) return;
  numbered = key;
  const parts = [];
  let run = [];
  for (let n = 1; n <= count; n++) {
    if (marked.has(n)) {
      if (run.length) parts.push(run.join('\n'));
      run = [];
      parts.push(h('span', { class: 'is-problem', text: `! ${n}` }));
    } else run.push(String(n));
  }
  if (run.length) parts.push(run.join('\n'));
  replace(gutter, parts);
  // room for the longest number and the mark
  gutter.style.setProperty('--text-digits', String(String(count).length));
  gutter.scrollTop = area.scrollTop;
}

/** Puts the caret at a line and column of the text. */
function goTo(line, column) {
  const lines = area.value.split('\n');
  let at = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) at += lines[i].length + 1;
  at += Math.max(0, Math.min(column - 1, (lines[line - 1] ?? '').length));
  area.focus();
  area.setSelectionRange(at, at);
  // The caret's line in view, a few lines from the top (a text area scrolls
  // to its caret only when typing).
  const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 20;
  area.scrollTop = Math.max(0, (line - 3) * lineHeight);
  gutter.scrollTop = area.scrollTop;
}

/** Drops the text with problems for the model's own. */
function takeDiagram() {
  clearTimeout(timer);
  pending = false;
  broken = false;
  stale.hidden = true;
  draftBox.hidden = true;
  if (owner) drafts.dropDraft(owner);
  known = null;
  render();
  area.focus();
}
