// The page: loads the Wasm core, restores the work saved in this browser (or
// opens the sample, or the model of a share link), and wires the parts of the
// page together. Everything shown is computed by the core.
import init, { Workspace } from './pkg/workforce_ecosystem.js';
import { translateStatic, t } from './i18n.js';
import { startLanguage, languageMenu } from './lang.js';
import { state, refresh, onRefresh, errorText } from './store.js';
import { initDialog } from './dialog.js';
import { initNotice, showNotice } from './notice.js';
import { initTabs, showTab, currentTab, onTab } from './tabs.js';
import { initToolbar } from './toolbar.js';
import { initDiagram, setDisplay, focusCell, focusDiagram } from './diagram.js';
import { initCellEditor, render as renderCell, focusEditor } from './cell-editor.js';
import { initFindings, showPane } from './findings.js';
import { initScenarios, startScenario } from './scenarios.js';
import { initIo, savedSession, scheduleSave, openFromLink, openSample, openFilePicker, share, EMPTY } from './io.js';
import { initKeyboard } from './keyboard.js';
import { sampleText, adoptStylesheet } from './assets.js';
import { startCore } from './core-start.js';

// Without saved work the page opens the sample: fetch it while the core
// starts rather than after (its failure is reported where it is used).
const saved = savedSession();
const firstSample = saved ? null : sampleText();
firstSample?.catch(() => {});

// The core compiles as it streams in (core-start.js began when the page was
// parsed); meanwhile the page gets its texts in the remembered language
// (English by default, the others are fetched when chosen).
const core = startCore(init);
await startLanguage();
document.getElementById('lang-slot').replaceWith(languageMenu());
await core;
adoptStylesheet(Workspace.diagramCss());

/**
 * The Organization pane's editors, fetched the first time they are needed
 * (most visits score cells and never open them).
 * @type {Promise<typeof import('./org.js')> | undefined}
 */
let orgEditors;
function org() {
  orgEditors ??= import('./org.js').then((m) => {
    m.initOrg({ isVisible: () => currentTab() === 'org' });
    return m;
  });
  return orgEditors;
}

/** Resolves once the browser has had the chance to paint (soon in a background tab too). */
function nextPaint() {
  return new Promise((ok) => {
    requestAnimationFrame(() => setTimeout(ok));
    setTimeout(ok, 100);
  });
}

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
    if (contributor && theme) (await import('./org-owners.js')).chooseOwners(contributor, theme);
    editors.showSection(section);
  });
}

initDialog();
initNotice();
initTabs();
initToolbar();
initDiagram({ openCell: (theme, player) => { showTab('cell'); focusEditor(); } });

// Start from the work saved in this browser, else from the sample.
let restored = false;
if (saved) {
  try {
    state.ws = new Workspace(saved);
    restored = true;
  } catch (e) {
    showNotice(t('autosave.unreadable', { reason: errorText(e).split('\n')[0] }), { tone: 'warning', sticky: true });
  }
}
if (!state.ws) {
  try {
    state.ws = new Workspace(await (firstSample ?? sampleText()));
  } catch (e) {
    // The page stays usable (open a file, start empty) when the sample is missing.
    showNotice(t('open.sampleMissing', { reason: errorText(e) }), { tone: 'warning', sticky: true });
    state.ws = new Workspace(EMPTY());
  }
}
// The diagram first, on its own, so that the browser can show it before the
// rest of the page (findings, editors, scenarios) is wired and drawn.
state.findingsOnShow = () => false;
refresh();
await nextPaint();
state.findingsOnShow = () => currentTab() === 'findings';

initCellEditor({
  back: (theme, player) => focusCell(theme, player),
  editOwners: () => openOrg('owners'),
  isVisible: () => currentTab() === 'cell',
});
initFindings({ openCell, openOrg });
initScenarios();
initIo();
initKeyboard({
  focusDiagram,
  showFindings: () => showTab('findings', { focus: true }),
  toggleTable: () => setDisplay(state.display === 'table' ? 'diagram' : 'table'),
  newScenario: startScenario,
  open: openFilePicker,
  share,
});
onTab((name) => {
  showPane(name);
  if (name === 'cell') renderCell();
  if (name === 'org') org().then((m) => m.render());
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
onRefresh((result) => {
  if (undoButton.disabled !== !result.session.canUndo) undoButton.disabled = !result.session.canUndo;
  if (redoButton.disabled !== !result.session.canRedo) redoButton.disabled = !result.session.canRedo;
  scheduleSave();
});

refresh();
const fromLink = await openFromLink();
if (restored && !fromLink) {
  showNotice(t('autosave.restored'), {
    actions: [{ label: t('autosave.startOver'), run: openSample }],
  });
}
document.body.dataset.ready = 'true';
