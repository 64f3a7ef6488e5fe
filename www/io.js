// Getting models in and out, all inside the browser: import by file picker
// or drag-and-drop (a model, or assessments from CSV), export as JSON, SVG,
// PNG, a self-contained HTML page, a report (HTML or Markdown) or the
// assessments as CSV, and share links that carry the compressed model in the
// URL fragment (never sent to a server) with a ready embed snippet. A model
// that comes in (file, link, sample) opens as a new document beside the
// others (documents.js keeps them and saves as you go).
import { exportHtml, csvExport, csvImport, openedText } from './pkg/workforce_ecosystem.js';
import { h, download, fileStem, fileSuffix } from './dom.js';
import { t, tn, formatNumber, language } from './i18n.js';
import { state, act, announce } from './store.js';
import { openDialog } from './dialog.js';
import { showNotice } from './notice.js';
import { initMenu } from './menu.js';
import { sampleText } from './assets.js';
import { openBeside } from './documents.js';
import { modelFragment, readFragment, linkReason, MAX_MODEL_BYTES } from './fragment.js';
import { pickResponses, saveSnapshot, showProgress, compareWithSnapshot, handOutSurvey } from './voices.js';

/** Share links longer than this may be cut by browsers, mail and chat tools. */
export const LINK_WARN = 8000;
/** Files larger than this are refused (the core's model limit). */
const MAX_TEXT = MAX_MODEL_BYTES;
/**
 * The largest file Open reads (the core's opened::MAX_PAGE_BYTES): an
 * exported page carries a model of up to MAX_TEXT beside the diagram and
 * tables drawn from it. The core holds any other file, and the model in a
 * page, to a model's limit, saying so in the page's language.
 */
const MAX_OPENED = 8 * MAX_MODEL_BYTES;

// ---- problems ---------------------------------------------------------------

/** Where a problem is: a JSON line and column, or a CSV row and column (named by its header). */
function where(p) {
  if (p.line) return t('import.lineColumn', { line: p.line, column: p.column ?? 1 });
  if (p.row && p.column) return t('import.rowColumn', { row: p.row, column: p.column });
  if (p.row) return t('import.row', { row: p.row });
  if (p.column) return t('import.column', { column: p.column });
  return null;
}

/**
 * One problem as a list item: where (its path in the file, or a file's
 * name; its line and column) and what. The parts are spaced apart on screen
 * by style.css; between them a separator, heard but not seen, keeps a screen
 * reader from running them together ("column 103" then "9 is outside…"
 * read as "column 1039 is outside…").
 * @param {string} path
 * @param {string | null} at
 * @param {string} message
 */
export function problemItem(path, at, message) {
  const gap = (text) => h('span', { class: 'visually-hidden', text });
  return h('li', {},
    path ? h('code', { class: 'problem-path', text: path }) : null,
    path && at ? gap(t('import.placeSep')) : null,
    at ? h('span', { class: 'problem-where', text: at }) : null,
    path || at ? gap(t('import.messageSep')) : null,
    h('span', { class: 'problem-message', text: message }));
}

/** Problems listed at most; the core lists no more than this and counts the rest. */
export const MAX_LISTED = 100;

/**
 * Shows the problems of a refused model (the first hundred, then how many
 * more: the core's `error.more`); says the current one is unchanged.
 */
export function showProblems(error, { source, heading = t('import.failedTitle') }) {
  const all = error?.problems?.length ? error.problems : [{ path: '', message: error?.message ?? String(error) }];
  const problems = all.slice(0, MAX_LISTED);
  const more = (all.length - problems.length) + (Number(error?.more) || 0);
  const items = problems.map((p) => problemItem(p.path, where(p), p.message));
  const list = h('ol', { class: 'problems' }, items);
  const rest = more > 0 ? h('p', { class: 'problems-more', text: tn('import.moreProblems', more) }) : null;
  return openDialog({
    heading,
    className: 'dialog-wide',
    content: [
      h('p', { class: 'error-lead', role: 'alert', text: tn('import.failedLead', problems.length + more, { source }) }),
      h('p', { text: t('import.unchanged') }),
      list,
      rest,
    ],
    actions: [{ label: t('dialog.close'), value: 'close', primary: true }],
  });
}

// ---- import -----------------------------------------------------------------

/**
 * Opens a model or saved session as a new document beside the others (the
 * work on show stays as it is, in its own document); false, showing every
 * problem, when it cannot be read.
 */
export async function openText(text, source) {
  try {
    await openBeside(text, source);
    return true;
  } catch (e) {
    showProblems(e, { source });
    return false;
  }
}

/** Opens the shipped sample organization as a new document. */
export async function openSample() {
  const source = t('open.sampleName');
  try {
    return await openText(await sampleText(), source);
  } catch (e) {
    showProblems(e, { source });
    return false;
  }
}

async function openFile(file) {
  if (!file) return;
  if (file.size > MAX_OPENED) {
    showProblems(new Error(t('import.tooLarge', { size: formatNumber(file.size / 1048576) })), { source: file.name });
    return;
  }
  let text;
  try {
    // Bytes, decoded by the core's rules (UTF-8, or UTF-16 with its mark),
    // as the CLI reads them: file.text() would replace what is not UTF-8
    // (a Latin-1 "Müller") and go on. The core also tells what the file is:
    // a model's JSON, the HTML page Export makes (it finds the model in it),
    // or assessments as CSV (put into a copy of the model on show).
    text = openedText(file.name, new Uint8Array(await file.arrayBuffer()), modelJson());
  } catch (e) {
    showProblems(e, { source: file.name });
    return;
  }
  await openText(text, file.name);
}

/**
 * Replaces the model on show's assessments by a CSV file's, as one undoable
 * step: in a what-if, only that what-if changes; the others stay.
 */
async function openCsv(file) {
  if (!file) return;
  const failed = (error) => showProblems(error, { source: file.name, heading: t('import.csvFailedTitle') });
  if (file.size > MAX_TEXT) {
    failed(new Error(t('import.tooLarge', { size: formatNumber(file.size / 1048576) })));
    return;
  }
  // Bytes, not text: the core refuses a file that is not UTF-8 (naming the
  // row) where the browser would silently replace its accents.
  const bytes = new Uint8Array(await file.arrayBuffer());
  let json;
  try {
    json = csvImport(modelJson(), bytes);
  } catch (e) {
    failed(e);
    return;
  }
  const r = act((ws) => ws.replaceModel(json));
  if (!r.ok) {
    failed(r.error);
    return;
  }
  showNotice(() => t('import.csvDone', { source: file.name }), { undo: true });
}

function initDrop() {
  const zone = document.getElementById('drop-zone');
  let depth = 0;
  const hasFiles = (ev) => [...(ev.dataTransfer?.types ?? [])].includes('Files');
  window.addEventListener('dragenter', (ev) => {
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    depth += 1;
    zone.hidden = false;
  });
  window.addEventListener('dragover', (ev) => {
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    ev.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) zone.hidden = true;
  });
  window.addEventListener('drop', (ev) => {
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    depth = 0;
    zone.hidden = true;
    openFile(ev.dataTransfer.files[0]);
  });
}

// ---- export -----------------------------------------------------------------

// Letters and digits only (no path separators, dots or control characters),
// so a model's name cannot choose where or as what its file is saved.
function baseName() {
  const m = state.ws.model();
  const active = state.result?.session.active;
  const name = [m.name || t('file.model'), active ? active.name : null].filter(Boolean).join(' ');
  return fileStem(name, t('file.model'));
}

/** The model on show (the active scenario's, if any) as JSON text. */
function modelJson() {
  return JSON.stringify(state.ws.model());
}

/** Downloads `text` as the model's (and what-if's) name plus `suffix`, and says so. */
export function saveText(text, type, suffix, format) {
  download(new Blob([text], { type }), `${baseName()}${suffix}`);
  announce(t('export.done', { format }));
}

export function exportStandaloneHtml() {
  // No `texts`: the core says the document's words in its language, which is
  // the page's (core-language.js), from the same catalogue as `wfe export
  // --lang fr` (i18n/core-fr.json), so the page's and the CLI's documents
  // agree and the words live in one place.
  const options = { overlay: state.view.overlay, unit: state.view.unit ?? undefined, lang: language(), caption: titleBlock() };
  saveText(exportHtml(modelJson(), options), 'text/html', '.html', 'HTML');
}

// A what-if's report is titled with the what-if's name (the core's
// reportText), so that nobody reads it as the baseline.
export function exportReportHtml() {
  saveText(state.ws.reportText('html', language()), 'text/html', fileSuffix(t('file.report'), 'html'), 'HTML');
}

export function exportReportMarkdown() {
  saveText(state.ws.reportText('markdown'), 'text/markdown', fileSuffix(t('file.report'), 'md'), 'Markdown');
}

function exportComparison(format) {
  const [ext, type, name] = format === 'html' ? ['html', 'text/html', 'HTML'] : ['md', 'text/markdown', 'Markdown'];
  saveText(state.ws.comparisonText(format, language()), type, fileSuffix(t('file.comparison'), ext), name);
}

export function exportCsv() {
  saveText(csvExport(modelJson()), 'text/csv', fileSuffix(t('file.assessments'), 'csv'), 'CSV');
}

export function exportJson() {
  const text = `${JSON.stringify(state.ws.model(), null, 2)}\n`;
  download(new Blob([text], { type: 'application/json' }), `${baseName()}.json`);
  announce(t('export.done', { format: 'JSON' }));
}

/** The model in the text syntax (docs/text-syntax.md), as the Text tab shows it. */
function exportText() {
  download(new Blob([state.ws.toText()], { type: 'text/plain' }), `${baseName()}.txt`);
  announce(t('export.done', { format: t('export.textFormat') }));
}

/** What the core's title block (organization, overlay, unit, what-if, date)
 * says besides the model and the view: exported files carry it, so a slide,
 * a print or a page stands on its own. */
function titleBlock() {
  return { scenario: state.result?.session.active?.name ?? null, date: new Date().toISOString().slice(0, 10) };
}

/** The diagram as a file of its own, with the title block. */
function standaloneSvg() {
  return state.ws.svg({ overlay: state.view.overlay, unit: state.view.unit, standalone: true, caption: titleBlock() });
}

export function exportSvg() {
  download(new Blob([standaloneSvg()], { type: 'image/svg+xml' }), `${baseName()}.svg`);
  announce(t('export.done', { format: 'SVG' }));
}

/**
 * Rasterizes the standalone SVG at twice its size (the SVG is drawn as an
 * image, which the page's content-security policy allows for blob: URLs).
 * The PNG is encoded with toDataURL(), at once: toBlob() (and an
 * OffscreenCanvas's convertToBlob()) leave the encoding to idle time, which
 * Chromium withholds for about a second after a click or a key press — an
 * export took 1.1 s, nearly all of it waiting; encoded at once it takes about
 * a fifth of that. (A data: URL cannot be fetched under the page's policy,
 * hence atob.)
 */
export async function exportPng() {
  const url = URL.createObjectURL(new Blob([standaloneSvg()], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = 2;
    const width = Math.max(1, Math.round((img.naturalWidth || 800) * scale));
    const height = Math.max(1, Math.round((img.naturalHeight || 800) * scale));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(img, 0, 0, width, height);
    const data = atob(canvas.toDataURL('image/png').split(',')[1]);
    const bytes = new Uint8Array(data.length);
    for (let i = 0; i < data.length; i += 1) bytes[i] = data.charCodeAt(i);
    download(new Blob([bytes], { type: 'image/png' }), `${baseName()}.png`);
    announce(t('export.done', { format: 'PNG' }));
  } finally {
    URL.revokeObjectURL(url);
  }
}

// ---- share links (the fragment format is fragment.js's, shared with the embeds) ----

/** The share link of the work on show (with its scenarios, if any). */
export async function shareLink() {
  const text = state.ws.hasScenarios() ? state.ws.savedJson() : JSON.stringify(state.ws.model());
  const url = new URL(location.href);
  url.hash = await modelFragment(text, { overlay: state.view.overlay, unit: state.view.unit });
  return url.href;
}

export async function share() {
  const link = await shareLink();
  const input = h('input', { type: 'text', readonly: true, value: link, id: 'share-link', class: 'share-link', 'aria-label': t('share.link') });
  const copied = h('p', { class: 'muted', role: 'status' });
  const long = link.length > LINK_WARN;
  const embed = await embedSection();
  const scenarios = state.result.session.scenarios.length;
  await openDialog({
    heading: t('share.title'),
    className: 'dialog-wide',
    content: [
      h('p', { text: t('share.explain') }),
      scenarios ? h('p', { text: tn('share.withScenarios', scenarios) }) : null,
      input,
      h('p', { class: 'muted small', text: t('share.length', { count: formatNumber(link.length, 0) }) }),
      long ? h('p', { class: 'warning', role: 'alert', id: 'share-warning', text: t('share.tooLong', { count: formatNumber(link.length, 0), limit: formatNumber(LINK_WARN, 0) }) }) : null,
      copied,
      embed,
    ],
    actions: [
      { label: t('dialog.close'), value: 'close' },
      {
        label: t('share.copy'),
        value: 'copy',
        primary: true,
        submit: false,
        onClick: async () => {
          input.select();
          try {
            await navigator.clipboard.writeText(link);
            copied.textContent = t('share.copied');
          } catch {
            copied.textContent = t('share.copyManually');
          }
        },
      },
    ],
    onOpen: () => input.select(),
  });
}

/** Where the folder typed in the share dialog is remembered, in this browser. */
const EMBED_BASE_KEY = 'wfe.embedBase';

function rememberedBase(fallback) {
  try {
    return localStorage.getItem(EMBED_BASE_KEY) || fallback;
  } catch {
    return fallback;
  }
}

/**
 * A snippet's read-only box, labelled, with its own copy button and the
 * status line that says it was copied; `text()` is the snippet at the time.
 * @param {{ id: string, label: string, copy: string, copied: string, describedBy: string, labelClass?: string, wrap?: boolean }} o
 * @param {() => string} text
 */
function snippetBox(o, text) {
  const area = h('textarea', { id: o.id, class: o.wrap ? 'embed-snippet embed-snippet-wrap' : 'embed-snippet', readonly: true, rows: 6, spellcheck: 'false', 'aria-describedby': o.describedBy });
  area.readOnly = true;
  const status = h('p', { class: 'muted', role: 'status' });
  const copy = h('button', {
    type: 'button',
    id: `${o.id.replace(/-snippet$/, '')}-copy`,
    on: {
      click: async () => {
        area.select();
        try {
          await navigator.clipboard.writeText(text());
          status.textContent = o.copied;
        } catch {
          status.textContent = t('share.embedCopyManually');
        }
      },
    },
  }, o.copy);
  const parts = [
    h('label', { class: o.labelClass ?? 'embed-snippet-label', for: o.id, text: o.label }),
    area,
    h('div', { class: 'share-embed-actions' }, copy, status),
  ];
  return { area, copy, parts };
}

/** The list of files to copy from dist/ into the folder, each with where it goes. */
function fileItems(files, folder) {
  return files.map((f) => h('li', {}, h('code', { text: `dist/${f}` }), ' → ', h('code', { text: folder + f })));
}

/**
 * The ready embed snippets of the model on show, read-only, each with its own
 * copy button: the custom element, and the iframe (embed.html with the model
 * in its link), both of the view on show (overlay, unit) in the page's
 * language. They load from a folder on the embedding site (the README's /wfe/
 * unless the user names another, remembered), with the files to copy there
 * listed beside them.
 */
async function embedSection() {
  // (the snippet writer is fetched when the share dialog first opens)
  const { embedSnippet, folderOf, otherSite, DEFAULT_BASE, elementFiles, IFRAME_FILES } = await import('./snippet.js');
  const json = modelJson();
  const view = { overlay: state.view.overlay, unit: state.view.unit ?? undefined };
  // the snippet's element is read-only: its picture is the standalone form,
  // in the page's language, which the element is told to speak
  const picture = state.ws.picture({ ...view, standalone: true });
  const lang = language();
  const base = h('input', { type: 'text', id: 'embed-base', class: 'embed-base', spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'embed-base-problem' });
  const baseProblem = h('p', { class: 'warning', id: 'embed-base-problem', role: 'alert', hidden: true });
  const files = h('ul', { class: 'embed-files' });
  const iframeFiles = h('ul', { class: 'embed-files', id: 'embed-iframe-files' });
  let snippets = { element: '', iframe: '' };
  const element = snippetBox(
    { id: 'embed-snippet', label: t('share.embedLabel'), labelClass: 'visually-hidden', copy: t('share.embedCopy'), copied: t('share.embedCopied'), describedBy: 'embed-explain embed-files' },
    () => snippets.element,
  );
  const iframe = snippetBox(
    { id: 'embed-iframe-snippet', label: t('share.embedIframeLabel'), copy: t('share.embedIframeCopy'), copied: t('share.embedIframeCopied'), describedBy: 'embed-iframe-explain', wrap: true },
    () => snippets.iframe,
  );
  let seq = 0;
  /** Shows the snippets and the lists of files for `folder`, or none (the copy buttons off) without one. */
  const show = (made, folder) => {
    snippets = made ?? { element: '', iframe: '' };
    element.area.value = snippets.element;
    iframe.area.value = snippets.iframe;
    element.copy.disabled = iframe.copy.disabled = !made;
    files.replaceChildren(...(made ? fileItems(elementFiles(lang), folder) : []));
    iframeFiles.replaceChildren(...(made ? fileItems(IFRAME_FILES, folder) : []));
  };
  /** Says what is wrong with the folder typed, or what to know about it; nothing for null. */
  const say = (text, invalid = false) => {
    baseProblem.textContent = text ?? '';
    baseProblem.hidden = text === null;
    if (invalid) base.setAttribute('aria-invalid', 'true');
    else base.removeAttribute('aria-invalid');
  };
  /**
   * Writes the snippets for the folder typed. Not a folder: said so, and
   * nothing is left to copy that would load from another folder than the
   * one in the field.
   */
  const write = async () => {
    const mine = ++seq;
    const typed = base.value.trim();
    let folder;
    try {
      folder = folderOf(typed);
    } catch {
      say(t('share.embedBaseInvalid', { folder: typed, example: DEFAULT_BASE }), true);
      show(null);
      return;
    }
    if (otherSite(folder)) say(t('share.embedBaseOtherSite', { folder, example: DEFAULT_BASE }));
    else if (typed && !typed.startsWith('/')) say(t('share.embedBaseFromRoot', { folder }));
    else say(null);
    const made = await embedSnippet(json, { ...view, base: folder, picture, lang });
    if (mine !== seq) return; // a later keystroke's snippet is on its way
    show(made, folder);
    try {
      if (folder === DEFAULT_BASE) localStorage.removeItem(EMBED_BASE_KEY);
      else localStorage.setItem(EMBED_BASE_KEY, folder);
    } catch {
      /* not remembered where storage is off; the snippet is still right */
    }
  };
  base.value = rememberedBase(DEFAULT_BASE);
  await write();
  base.addEventListener('input', () => write());
  return h('section', { class: 'share-embed' },
    h('h3', { class: 'share-embed-title', text: t('share.embedTitle') }),
    h('p', { class: 'muted small', id: 'embed-explain', text: t('share.embedExplain') }),
    h('label', { class: 'embed-base-label', for: 'embed-base', text: t('share.embedBase') }),
    base,
    baseProblem,
    h('p', { class: 'muted small', id: 'embed-files', text: t('share.embedFiles') }),
    files,
    element.parts,
    h('h4', { class: 'share-embed-title', text: t('share.embedIframeTitle') }),
    h('p', { class: 'muted small', id: 'embed-iframe-explain', text: t('share.embedIframeExplain') }),
    iframeFiles,
    iframe.parts);
}

/** Opens the model carried by the URL fragment, if any; then removes the fragment. */
export async function openFromLink() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (!params.has('m') && !params.has('json')) return false;
  const hash = location.hash;
  history.replaceState(null, '', location.pathname + location.search);
  let shared;
  try {
    shared = await readFragment(hash);
  } catch (e) {
    showProblems(new Error(t('share.damaged', { reason: linkReason(e, language()) })), { source: t('share.source') });
    return false;
  }
  if (['none', 'current', 'target', 'gap', 'agreement'].includes(shared.overlay)) state.view.overlay = shared.overlay;
  state.view.unit = shared.unit || null;
  return openText(shared.json, t('share.source'));
}

// ---- wiring -------------------------------------------------------------------

/** A new organization's JSON: the framework alone, nothing assessed yet. */
export const EMPTY = () => JSON.stringify({ schema: 'workforce-ecosystem/v1', name: t('open.emptyName') });

export function openFilePicker() {
  document.getElementById('file-input').click();
}

export function initIo() {
  const input = /** @type {HTMLInputElement} */ (document.getElementById('file-input'));
  input.addEventListener('change', () => {
    openFile(input.files[0]);
    input.value = '';
  });
  const csvInput = /** @type {HTMLInputElement} */ (document.getElementById('csv-input'));
  csvInput.addEventListener('change', () => {
    const file = csvInput.files[0];
    csvInput.value = '';
    openCsv(file).catch((e) => showProblems(e, { source: file?.name ?? 'CSV', heading: t('import.csvFailedTitle') }));
  });
  initMenu(document.getElementById('open'), document.getElementById('open-menu'), (item) => {
    if (item.dataset.open === 'file') openFilePicker();
    else if (item.dataset.open === 'csv') csvInput.click();
    else if (item.dataset.open === 'responses') pickResponses();
    else if (item.dataset.open === 'sample') openSample();
    else if (item.dataset.open === 'empty') openText(EMPTY(), t('open.emptyName'));
  });
  initMenu(document.getElementById('export'), document.getElementById('export-menu'), (item) => {
    const run = {
      json: exportJson,
      text: exportText,
      svg: exportSvg,
      png: exportPng,
      html: exportStandaloneHtml,
      'report-html': exportReportHtml,
      'report-md': exportReportMarkdown,
      'comparison-html': () => exportComparison('html'),
      'comparison-md': () => exportComparison('markdown'),
      csv: exportCsv,
      snapshot: () => saveSnapshot(),
      progress: showProgress,
      'compare-snapshot': compareWithSnapshot,
      survey: handOutSurvey,
    }[item.dataset.export];
    const failed = (e) => showNotice(() => t('export.failed', { reason: e.message }), { tone: 'warning' });
    // run at once (a download keeps the click's activation); it may throw before it returns a promise
    try {
      Promise.resolve(run?.()).catch(failed);
    } catch (e) {
      failed(e);
    }
  }, {
    // the comparison with the baseline is a what-if's alone
    beforeOpen: () => {
      const onWhatIf = Boolean(state.result?.session.active);
      for (const item of document.querySelectorAll('#export-menu [data-export^="comparison-"]')) {
        /** @type {HTMLElement} */ (item).hidden = !onWhatIf;
      }
    },
  });
  document.getElementById('share').addEventListener('click', share);
  initDrop();
  window.addEventListener('hashchange', () => openFromLink());
}
