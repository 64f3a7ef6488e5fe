// The page's state: the Wasm workspace (the model, its scenarios and history
// live there), the view options, and the last result of the core. Every
// change goes through apply()/act(), which asks the core to recompute and
// then lets every part of the page show the new result at once.
import { t, language } from './i18n.js';

export const state = {
  /** @type {import('./pkg/workforce_ecosystem.js').Workspace} */
  ws: null,
  /**
   * Passed to the core as ViewOptions.
   * @type {import('./pkg/workforce_ecosystem.js').ViewOptions & { overlay: import('./pkg/workforce_ecosystem.js').Overlay }}
   */
  view: {
    overlay: 'current',
    unit: null,
    contributor: null,
    kind: null,
    finding: null,
    selected: null,
    showChanges: true,
  },
  /** 'diagram' or 'table'. */
  display: 'diagram',
  /** The core's layout for the room the drawing has (wide, square or narrow), as last drawn. */
  layout: /** @type {import('./pkg/workforce_ecosystem.js').LayoutKind} */ ('wide'),
  /** Asks the core which layout the drawing's room calls for now (set by diagram.js). */
  chooseLayout: /** @type {() => import('./pkg/workforce_ecosystem.js').LayoutKind} */ (() => 'wide'),
  /** The last ViewResult. */
  result: null,
  /** Whether the list of findings is on show (else the core sends only their count). */
  findingsOnShow: () => true,
  /** the list's page of each kind and its kinds listed whole (findings.js) */
  findingsListed: () => ({ findingsPerKind: null, findingsOpen: [], comparedOpen: [] }),
  diagram: null,
};

let model = null;
let modelStructure = null;
const listeners = [];

/** Registers fn(result) to run after every recomputation. */
export function onRefresh(fn) {
  listeners.push(fn);
}

/**
 * The model on show without its scores (the core's outline: the
 * assessments, responses and snapshots counted, not copied), kept until more
 * than its scores changes (the core's `structure` revision): copying a large
 * model out of the core on every edit would cost more than the edit, and
 * its scores are most of it (about 60 % of the 100× model's JSON). For
 * scores, ask the core (result.cells, cellDetail, model()).
 * @returns {import('./pkg/workforce_ecosystem.js').ModelOutline}
 */
export function currentModel() {
  const structure = state.result?.structure ?? null;
  // (the outline names the standard framework in the page's language)
  const key = structure === null ? null : `${structure}:${language()}`;
  if (!model || key === null || key !== modelStructure) {
    model = state.ws.outline();
    modelStructure = key;
  }
  return model;
}

/**
 * Puts another workspace on show (another document) and shows it: what was
 * kept from the last one is dropped, and its diagram is drawn whole.
 */
export function useWorkspace(ws) {
  state.ws = ws;
  model = null;
  modelStructure = null;
  // its drawing, if any, is still on show only if no other workspace drew since
  if (ws !== drawer) ws.forgetDrawing();
  return refresh();
}

/** The workspace that drew the diagram last. */
let drawer = null;

/** Notes that `ws` drew the diagram (the page's first drawing, see first-diagram.js). */
export function drewDiagram(ws) {
  drawer = ws;
}

// The core's `structure` counts within one workspace; each document has its
// own, so the page counts its own moves: one whenever the workspace's moves
// or another workspace is on show. Whatever is kept by `structure` (here,
// the top bar, the findings) then follows a switch of documents.
let shownWs = null;
let wsStructure = null;
let pageStructure = 0;

function askCore() {
  const result = state.ws.view(state.diagram, viewOptions());
  drawer = state.ws;
  if (state.ws !== shownWs || result.structure !== wsStructure) {
    shownWs = state.ws;
    wsStructure = result.structure;
    pageStructure += 1;
  }
  result.structure = pageStructure;
  return result;
}

/** Asks the core for the diagram and everything else, and shows it. */
export function refresh() {
  state.result = askCore();
  dropStaleChoices();
  for (const fn of listeners) fn(state.result);
  return state.result;
}

// A unit, contributor or finding that no longer exists is no longer chosen.
function dropStaleChoices() {
  const { view, result } = state;
  const m = currentModel();
  let stale = false;
  if (view.unit && !m.units.some((u) => u.id === view.unit)) {
    view.unit = null;
    stale = true;
  }
  if (view.contributor && !m.contributors.some((c) => c.id === view.contributor)) {
    view.contributor = null;
    stale = true;
  }
  if (view.finding && !result.findingChosen) {
    view.finding = null;
    stale = true;
  }
  if (view.selected && !result.cells.some((c) => c.theme === view.selected.theme && c.player === view.selected.player)) {
    view.selected = null;
    stale = true;
  }
  if (stale) state.result = askCore();
}

function viewOptions() {
  state.layout = state.chooseLayout();
  return { ...state.view, layout: state.layout, skipFindings: !state.findingsOnShow(), ...state.findingsListed() };
}

/**
 * Applies an edit to the model on show (`join`: a key under which
 * successive edits of one control make one undo step). Returns { ok: true, id } or
 * { ok: false, error } with the core's Error (message and problems); on
 * error nothing changed.
 */
export function apply(edit, join) {
  try {
    const id = state.ws.apply(edit, join);
    refresh();
    return { ok: true, id };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Runs a workspace operation (undo, scenario…) and refreshes; same result shape as apply(). */
export function act(fn) {
  try {
    const value = fn(state.ws);
    refresh();
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Undoes the last step and says what it took back (the core names it). */
export function undo() {
  const what = act((ws) => { const label = ws.undoLabel(); return ws.undo() ? label ?? '' : null; }).value;
  if (what == null) announce(t('history.nothingToUndo'));
  else announce(what ? t('history.undoneWhat', { what }) : t('history.undone'));
}

/** Redoes the last undone step and says what it made again. */
export function redo() {
  const what = act((ws) => { const label = ws.redoLabel(); return ws.redo() ? label ?? '' : null; }).value;
  if (what == null) announce(t('history.nothingToRedo'));
  else announce(what ? t('history.redoneWhat', { what }) : t('history.redone'));
}

/** Changes view options and refreshes. */
export function setView(changes) {
  Object.assign(state.view, changes);
  refresh();
}

/**
 * Says something to screen-reader users: in the status line, or at once in
 * the alert line when `urgent` (a failure).
 */
export function announce(message, urgent = false) {
  const el = document.getElementById(urgent ? 'alerter' : 'announcer');
  if (!el) return;
  el.textContent = '';
  // a fresh text node makes repeated messages heard again
  requestAnimationFrame(() => {
    el.textContent = message;
  });
}

/**
 * A core error as a person reads it beside the field it is about: each
 * problem's message as a sentence, without the path into the model's
 * JSON (the field says where).
 */
export function fieldErrorText(error) {
  if (!error?.problems?.length) return errorText(error);
  return error.problems.map(({ message: m }) => m.charAt(0).toLocaleUpperCase(document.documentElement.lang) + m.slice(1) + (/[.!?…]$/.test(m) ? '' : '.')).join('\n');
}

/** The text of a core error, every problem on its own line. */
export function errorText(error) {
  if (error?.problems?.length) {
    return error.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('\n');
  }
  return error?.message ?? t('error.unknown');
}
