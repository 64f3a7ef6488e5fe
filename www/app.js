// The page: loads the Wasm core, opens the document shown last in this
// browser (or the sample, or the model of a share link as a new document),
// and wires the parts of the page together. Everything shown is computed by
// the core.
import { translateStatic, t } from './i18n.js';
import { h } from './dom.js';
import { startLanguage, languageMenu } from './lang.js';
import { state, refresh, onRefresh, drewDiagram } from './store.js';
import { initDialog } from './dialog.js';
import { initNotice } from './notice.js';
import { initTabs, showTab, currentTab, onTab } from './tabs.js';
import { initToolbar } from './toolbar.js';
import { initDiagram, setDisplay, toggleDisplay, focusCell, focusDiagram } from './diagram.js';
import { initCellEditor, render as renderCell, focusEditor } from './cell-editor.js';
import { initFindings, showPane } from './findings.js';
import { initScenarios, startScenario } from './scenarios.js';
import { initIo, openFromLink, openFilePicker, share, EMPTY } from './io.js';
import { initVoices } from './voices.js';
import { prepareDocuments, startDocuments, initDocuments, currentDocumentId, keepStored } from './documents.js';
import { draftOf, keepDraft, dropDraft, noDraftLeaving, onDraftsChanged, followRenames } from './text-drafts.js';
import { initKeyboard } from './keyboard.js';
import { sampleText } from './assets.js';
import { earlySample, core, firstDrawing } from './first-diagram.js';
import { afterPaint } from './after-paint.js';
import { coreStarted } from './core-language.js';

// Without saved work the page opens the sample: fetch it while the core
// starts rather than after (its failure is reported where it is used).
const firstSample = prepareDocuments().then((doc) => (doc ? null : earlySample ?? sampleText()));
firstSample.catch(() => {});

// The core compiles as it streams in (core-start.js began when the page was
// parsed, first-diagram.js starts it and may have drawn the sample already);
// meanwhile the page gets its texts in the remembered language (English by
// default, the others are fetched when chosen).
await startLanguage();
document.getElementById('lang-slot').replaceWith(languageMenu());
try {
  await core;
} catch (e) {
  // Said where the diagram goes, in place of the first paint's picture
  // (first-paint.js), which would otherwise stand there as if it worked.
  const diagram = /** @type {HTMLElement} */ (document.getElementById('diagram'));
  diagram.replaceChildren(h('p', { class: 'core-failed', role: 'alert' }, t('app.coreFailed', { reason: String(/** @type {Error} */ (e)?.message ?? e) })));
  /** @type {HTMLElement} */ (document.getElementById('diagram-hint')).hidden = true; // (about cells there are not)
  throw e;
}
coreStarted();

// A first visit sees the sample's diagram first; the rest of the page is
// computed and wired once it is painted.
const drawn = await firstDrawing;
if (drawn) {
  drewDiagram(drawn);
  await afterPaint();
}

/**
 * A module fetched the first time it is needed and set up once.
 * @template T
 * @param {() => Promise<T>} load
 * @param {(module: T) => void} setUp
 * @returns {() => Promise<T>}
 */
function onDemand(load, setUp) {
  /** @type {Promise<T> | undefined} */
  let loaded;
  return () =>
    (loaded ??= load().then((m) => {
      setUp(m);
      return m;
    }));
}

/** The Organization pane's editors (most visits score cells and never open them). */
const org = onDemand(
  () => import('./org.js'),
  (m) => m.initOrg({ isVisible: () => currentTab() === 'org' }),
);

/** The Text pane. */
const text = onDemand(
  () => import('./text-pane.js'),
  (m) => m.initTextPane({ isVisible: () => currentTab() === 'text', drafts: { draftOf, keepDraft, dropDraft, noDraftLeaving, onDraftsChanged, currentDocumentId, keepStored } }),
);

function openCell(theme, player) {
  state.view.selected = { theme, player };
  if (state.result) {
    const sel = state.result.cells.find((c) => c.theme === theme && c.player === player);
    if (!sel) return;
  }
  refresh();
  showTab('cell');
  focusEditor();
}

/**
 * Opens a section of the Organization pane.
 * @param {string} section
 * @param {{ contributor?: string, theme?: string }} [focus] the owners matrix's row and column to show
 */
function openOrg(section, { contributor, theme } = {}) {
  showTab('org');
  org().then(async (editors) => {
    const owners = contributor && theme ? await import('./org-owners.js') : null;
    owners?.chooseOwners(contributor, theme);
    editors.showSection(section, { toFinding: true });
    // The button pressed went with the findings pane (focus to <body>, the
    // view left far above on a phone): the reader is taken where it led.
    if (owners) owners.openedBelow();
    else editors.focusSection();
  });
}

// The core writes out the list of findings only while it is on show (an edit
// on a large model would otherwise serialize thousands of them each time).
state.findingsOnShow = () => currentTab() === 'findings';

initDialog();
initNotice();
initTabs();
initToolbar();
initDiagram({ openCell: (theme, player) => { showTab('cell'); focusEditor(); } });
initCellEditor({
  back: (theme, player) => focusCell(theme, player),
  editOwners: () => openOrg('owners'),
  isVisible: () => currentTab() === 'cell',
});
initFindings({ openCell, openOrg });
initScenarios();
initIo();
initVoices();
initDocuments();
initKeyboard({
  focusDiagram,
  showFindings: () => showTab('findings', { focus: true }),
  toggleTable: toggleDisplay,
  newScenario: startScenario,
  open: openFilePicker,
  share,
});
// The skip link goes to the diagram's cells, or to the table standing in for
// it (the link's own target, the drawing, is hidden then).
document.querySelector('.skip-link')?.addEventListener('click', (ev) => {
  ev.preventDefault();
  focusDiagram();
});
onTab((name) => {
  showPane(name);
  if (name === 'cell') renderCell();
  if (name === 'org') org().then((m) => m.update());
  if (name === 'text') text().then((m) => m.render());
});

// Another language: static texts, then everything drawn from the core again.
document.addEventListener('wfe-language', () => {
  translateStatic();
  setDisplay(state.display);
  if (state.ws) refresh();
});

// Printing: the model's name as the page's title (its field does not print).
const printTitle = document.getElementById('print-title');
const modelName = /** @type {HTMLInputElement} */ (document.getElementById('model-name'));
const titleForPrint = () => {
  if (printTitle.textContent !== modelName.value) printTitle.textContent = modelName.value;
};
window.addEventListener('beforeprint', () => {
  titleForPrint();
  // the findings print beside the diagram, so they must be drawn
  if (currentTab() !== 'findings') showTab('findings');
});
onRefresh(() => queueMicrotask(titleForPrint));

const undoButton = /** @type {HTMLButtonElement} */ (document.getElementById('undo'));
const redoButton = /** @type {HTMLButtonElement} */ (document.getElementById('redo'));
// a renamed what-if's Text draft goes with it
onRefresh((result) => followRenames(currentDocumentId(), result.session.scenarios));
onRefresh((result) => {
  const had = document.activeElement;
  if (undoButton.disabled !== !result.session.canUndo) undoButton.disabled = !result.session.canUndo;
  if (redoButton.disabled !== !result.session.canRedo) redoButton.disabled = !result.session.canRedo;
  // the last step undone (redone) disables the button under the focus, which
  // would fall to <body>: it goes to the other, which has that step now
  if (had === undoButton && undoButton.disabled && !redoButton.disabled) redoButton.focus();
  else if (had === redoButton && redoButton.disabled && !undoButton.disabled) undoButton.focus();
});

// A link opens as a new document beside the others; without one (or when
// it cannot be read) the document shown last comes back, else the sample.
const fromLink = await openFromLink();
await startDocuments({
  sample: async () => (await firstSample.catch(() => null)) ?? sampleText(),
  empty: EMPTY,
  linked: fromLink,
  drawn,
});
document.body.dataset.ready = 'true';
