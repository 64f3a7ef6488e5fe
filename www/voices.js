// Many voices and many dates on the page: *Open responses…* merges people's
// response files into the model on show (one undoable step; refusals listed),
// *Save as snapshot* keeps today's scores in the model's history, and
// *Progress* shows the core's chart of readiness across the snapshots.
// The core does all of it (mergeResponses, snapshotModel, progressSvg); this
// module only reads files, shows results and records the step.
import { mergeResponses, snapshotModel, progressSvg, modelOnDate } from './pkg/workforce_ecosystem.js';
import { h, uid } from './dom.js';
import { t, tn } from './i18n.js';
import { state, act } from './store.js';
import { openDialog } from './dialog.js';
import { showNotice } from './notice.js';
import { showProblems } from './io.js';

/** The largest response file read, as the page reads models. */
const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

function modelJson() {
  return JSON.stringify(state.ws.model());
}

/**
 * Merges the response files into the model on show as one undoable step,
 * then lists what was refused; the model is untouched when nothing merged.
 * @param {File[]} files
 */
export async function openResponses(files) {
  if (!files.length) return;
  const names = [];
  const texts = [];
  const refusedEarly = [];
  for (const f of files) {
    if (f.size > MAX_RESPONSE_BYTES) {
      refusedEarly.push({ source: f.name, message: t('voices.tooLarge') });
      continue;
    }
    names.push(f.name);
    texts.push(await f.text());
  }
  let result;
  try {
    result = mergeResponses(modelJson(), names, texts);
  } catch (e) {
    showProblems(e, { source: t('voices.model'), heading: t('voices.failedTitle') });
    return;
  }
  const refusals = [...refusedEarly, ...result.refusals];
  if (result.added > 0) {
    const r = act((ws) => ws.replaceModel(result.model));
    if (!r.ok) {
      showProblems(r.error, { source: t('voices.model'), heading: t('voices.failedTitle') });
      return;
    }
  }
  const summary = t('voices.merged', { added: String(result.added), unchanged: String(result.unchanged), refused: String(refusals.length) });
  if (refusals.length === 0) {
    showNotice(summary, { undo: result.added > 0 });
    return;
  }
  openDialog({
    heading: t('voices.refusedTitle'),
    className: 'dialog-wide',
    content: [
      h('p', { class: 'error-lead', role: 'alert', text: summary }),
      h('ol', { class: 'problems refusals' }, refusals.map((r) => h('li', {},
        h('code', { class: 'problem-path', text: r.source }),
        h('span', { class: 'problem-message', text: r.message })))),
      h('p', { text: tn('voices.refusedNote', refusals.length) }),
    ],
    actions: [{ label: t('dialog.close'), value: 'close', primary: true }],
  });
}

/** Today's date in the user's time zone, YYYY-MM-DD. */
function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Keeps the scores on show as today's snapshot: one undoable step. */
export function saveSnapshot(date = today()) {
  let json;
  try {
    json = snapshotModel(modelJson(), date);
  } catch (e) {
    showNotice(e.message, { tone: 'warning' });
    return;
  }
  const r = act((ws) => ws.replaceModel(json));
  if (!r.ok) showNotice(r.error.message, { tone: 'warning' });
  else showNotice(t('voices.snapshotDone', { date }), { undo: true });
}

/** Shows the core's progress chart in a dialog, as an image. */
export function showProgress() {
  const svg = progressSvg(modelJson());
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  // The chart's own description is its text alternative. Read from the text
  // rather than parsed: a parsed document would apply the chart's <style>,
  // which the page's policy forbids.
  const entities = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&#39;': "'" };
  const desc = (/<desc>([^<]*)<\/desc>/.exec(svg)?.[1] ?? '').replace(/&(amp|lt|gt|quot|apos|#39);/g, (e) => entities[e]);
  const img = h('img', { src: url, alt: desc, class: 'progress-chart' });
  openDialog({
    heading: t('voices.progressTitle'),
    className: 'dialog-wide',
    content: [h('div', { class: 'progress-view', tabindex: '0', role: 'region', 'aria-label': t('voices.progressTitle') }, img)],
    actions: [{ label: t('dialog.close'), value: 'close', primary: true }],
  }).then(() => URL.revokeObjectURL(url));
}

/**
 * *Compare with…*: the scores of a snapshot date as a what-if beside the
 * model on show, so the page compares them as it compares any what-if with
 * its baseline. Nothing the user has is changed: a new what-if is started.
 */
export async function compareWithSnapshot() {
  // The Model type of the Wasm layer predates history: read it as what it is.
  const model = /** @type {{ history?: { date: string }[] }} */ (/** @type {unknown} */ (state.ws.model()));
  const dates = (model.history ?? []).map((s) => s.date);
  if (!dates.length) {
    showNotice(t('voices.noSnapshots'), { tone: 'warning' });
    return;
  }
  const id = uid('snapshot-date');
  const select = h('select', { id }, dates.map((d) => h('option', { value: d, text: d })));
  const choice = await openDialog({
    heading: t('voices.compareTitle'),
    content: [
      h('p', { text: t('voices.compareText') }),
      h('div', { class: 'field' }, h('label', { for: id, text: t('voices.compareDate') }), select),
    ],
    actions: [
      { label: t('dialog.cancel'), value: 'cancel' },
      { label: t('voices.compareStart'), value: 'compare', primary: true },
    ],
    onOpen: () => select.focus(),
  });
  if (choice !== 'compare') return;
  const date = select.value;
  let json;
  try {
    json = modelOnDate(modelJson(), date);
  } catch (e) {
    showNotice(e.message, { tone: 'warning' });
    return;
  }
  const started = act((ws) => ws.startScenario(t('voices.compareName', { date })));
  if (!started.ok) {
    showNotice(started.error.message, { tone: 'warning' });
    return;
  }
  const r = act((ws) => ws.replaceModel(json));
  if (!r.ok) showNotice(r.error.message, { tone: 'warning' });
  else showNotice(t('voices.compareDone', { date }));
}

export function initVoices() {
  const input = /** @type {HTMLInputElement} */ (document.getElementById('responses-input'));
  input.addEventListener('change', () => {
    const files = [...input.files];
    input.value = '';
    openResponses(files).catch((e) => showProblems(e, { source: t('voices.model'), heading: t('voices.failedTitle') }));
  });
}

/** Opens the file picker for response files. */
export function pickResponses() {
  document.getElementById('responses-input').click();
}
