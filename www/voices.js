// Many voices and many dates on the page: *Open responses…* merges people's
// response files into the model on show (one undoable step; refusals listed),
// *Save as snapshot* keeps today's scores in the model's history, and
// *Progress* shows the core's chart of readiness across the snapshots, and
// *Compare two dates…* lists what changed between two of them (or one and now),
// and *Survey to hand out…* saves the survey page (`wfe survey`) in the
// page's language.
// The core does all of it (mergeResponses, snapshotModel, progressSvg); this
// module only reads files, shows results and records the step.
import { mergeResponses, snapshotModel, progressSvg, modelOnDate, compareDates, surveyHtml } from './pkg/workforce_ecosystem.js';
import { h, uid, fileSuffix } from './dom.js';
import { t, tn, formatNumber, formatPoints } from './i18n.js';
import { labelOf } from './org-systems.js';
import { state, act, currentModel } from './store.js';
import { openDialog } from './dialog.js';
import { showNotice } from './notice.js';
import { showProblems, saveText, problemItem } from './io.js';
import { forgetDraftNamed } from './text-drafts.js';

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
      h('ol', { class: 'problems refusals' }, refusals.map((r) => problemItem(r.source, null, r.message))),
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
  else showNotice(() => t('voices.snapshotDone', { date }), { undo: true });
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

/** How a date is named in the page: a snapshot's date, or now (`short`: in a heading). */
function dateLabel(date, short = false) {
  if (date !== 'now') return date;
  return t(short ? 'voices.nowShort' : 'voices.now');
}

/**
 * *Compare with…* any two dates: two snapshots, or a snapshot and now. The
 * core compares the model as it stood on the first date (the baseline) with
 * the model on the second (the scenario), as it compares a what-if with its
 * baseline; the page lists what it found. Nothing the user has is changed.
 */
export async function compareWithSnapshot() {
  const dates = (state.ws.model().history ?? []).map((s) => s.date);
  if (!dates.length) {
    showNotice(() => t('voices.noSnapshots'), { tone: 'warning' });
    return;
  }
  const choices = [...dates, 'now'];
  const picker = (key, chosen) => {
    const id = uid('compare-date');
    const select = h('select', { id, name: key }, choices.map((d) => h('option', { value: d, text: dateLabel(d), selected: d === chosen })));
    return { select, field: h('div', { class: 'field' }, h('label', { for: id, text: t(`voices.compare${key}`) }), select) };
  };
  const from = picker('From', dates[dates.length - 1]);
  const to = picker('To', 'now');
  const choice = await openDialog({
    heading: t('voices.compareTitle'),
    content: [h('p', { text: t('voices.compareText') }), h('div', { class: 'compare-dates-pick' }, from.field, to.field)],
    actions: [
      { label: t('dialog.cancel'), value: 'cancel' },
      { label: t('voices.compareStart'), value: 'compare', primary: true },
    ],
    onOpen: () => from.select.focus(),
  });
  if (choice !== 'compare') return;
  await showDateComparison(from.select.value, to.select.value);
}

/** A cell's scores on one side of the comparison, as a person reads them. */
function scores(value) {
  if (!value) return t('voices.notScored');
  const current = formatNumber(value.current, 2);
  if (value.target === null || value.target === undefined) return current;
  return t('voices.scoreWithTarget', { current, target: formatNumber(value.target, 2) });
}

/**
 * The core's comparison of two dates, shown as a table of the changed
 * cells with how readiness moved and the findings resolved and introduced.
 * @param {string} from
 * @param {string} to
 */
async function showDateComparison(from, to) {
  let cmp;
  try {
    cmp = compareDates(modelJson(), from, to);
  } catch (e) {
    showNotice(e.message, { tone: 'warning' });
    return;
  }
  // named as the diagram names them, in the page's language
  const m = currentModel();
  const [a, b] = [dateLabel(from, true), dateLabel(to, true)];
  const overall = cmp.readiness.overall.delta;
  const facts = [
    overall !== null ? t('scenario.readinessChange', { change: formatPoints(overall) }) : null,
    tn('scenario.resolvedCount', cmp.resolved.length),
    tn('scenario.introducedCount', cmp.introduced.length),
  ].filter(Boolean);
  const captionId = uid('compare-caption');
  const rows = cmp.changedCells.map((c) => h('tr', {},
    h('th', { scope: 'row', text: t('voices.compareCellName', { player: labelOf(m.framework.players, c.player), theme: labelOf(m.framework.themes, c.theme) }) }),
    h('td', { text: c.unit ? labelOf(m.units, c.unit) : t('voices.wholeOrganization') }),
    h('td', { class: 'compare-before', text: scores(c.before) }),
    h('td', { class: 'compare-after', text: scores(c.after) })));
  const table = rows.length
    ? h('div', { class: 'compare-dates', tabindex: '0', role: 'region', 'aria-labelledby': captionId },
      h('table', {},
        h('caption', { id: captionId, text: tn('voices.compareChanged', rows.length, { from: a, to: b }) }),
        h('thead', {}, h('tr', {}, ['compareCell', 'compareUnit', 'compareBefore', 'compareAfter'].map((k) => h('th', { scope: 'col', text: t(`voices.${k}`, { from: a, to: b }) })))),
        h('tbody', {}, rows)))
    : h('p', { class: 'compare-none', text: t('voices.compareNone') });
  /** @type {import('./dialog.js').DialogAction[]} */
  const actions = [{ label: t('dialog.close'), value: 'close', primary: true }];
  if (to !== 'now') actions.unshift({ label: t('voices.compareWhatIf', { date: to }), value: 'what-if' });
  const choice = await openDialog({
    heading: t('voices.compareResult', { from: a, to: b }),
    className: 'dialog-wide',
    content: [h('p', { class: 'compare-facts', text: facts.join(' · ') }), table],
    actions,
  });
  if (choice === 'what-if') openDateAsWhatIf(to);
}

/** The scores of a snapshot's date as a new what-if beside the model on show. */
function openDateAsWhatIf(date) {
  let json;
  try {
    json = modelOnDate(modelJson(), date);
  } catch (e) {
    showNotice(e.message, { tone: 'warning' });
    return;
  }
  const name = t('voices.compareName', { date });
  forgetDraftNamed(name);
  const started = act((ws) => ws.startScenario(name));
  if (!started.ok) {
    showNotice(started.error.message, { tone: 'warning' });
    return;
  }
  const r = act((ws) => ws.replaceModel(json));
  if (!r.ok) showNotice(r.error.message, { tone: 'warning' });
  else showNotice(() => t('voices.compareDone', { date }));
}

/**
 * *Survey to hand out…*: the core's survey page for the whole organization's
 * cells, one unit's, or the unit each person chooses, in the page's
 * language, saved as a file to send to the people who answer.
 */
export async function handOutSurvey() {
  const units = state.ws.model().units ?? [];
  const id = uid('survey-scope');
  const options = [
    h('option', { value: 'organization', text: t('voices.surveyOrganization') }),
    units.length ? h('option', { value: 'every', text: t('voices.surveyEveryUnit') }) : null,
    units.map((u) => h('option', { value: `unit:${u.id}`, text: u.label })),
  ];
  const select = h('select', { id }, options);
  const choice = await openDialog({
    heading: t('voices.surveyTitle'),
    content: [
      h('p', { text: t('voices.surveyText') }),
      h('div', { class: 'field' }, h('label', { for: id, text: t('voices.surveyScope') }), select),
    ],
    actions: [
      { label: t('dialog.cancel'), value: 'cancel' },
      { label: t('voices.surveySave'), value: 'save', primary: true },
    ],
    onOpen: () => select.focus(),
  });
  if (choice !== 'save') return;
  const scope = select.value;
  const unit = scope.startsWith('unit:') ? scope.slice(5) : undefined;
  let page;
  try {
    page = surveyHtml(modelJson(), unit, scope === 'every');
  } catch (e) {
    showNotice(e.message, { tone: 'warning' });
    return;
  }
  saveText(page, 'text/html', fileSuffix(t('file.survey'), 'html'), t('voices.surveyFormat'));
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
