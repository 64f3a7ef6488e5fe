// The classroom page: the tour and presenter view, the blank diagram for
// students, the comparison of a student's file with the instructor's, and the
// exports. Every computation is the core's (Wasm); this module only wires it
// to the page. Models stay in the browser.
import init, {
  Workspace,
  tourSteps,
  blankModel,
  exportHtml,
  reportHtml,
  reportMarkdown,
  csvExport,
  csvImport,
  compareModels,
  bytesToText,
  isolate,
} from './pkg/workforce_ecosystem.js';
import { t, has, getLanguage, bindSwitcher, startLanguage, addTexts } from './lang.js';
import enTeach from './i18n/en-teach.js';
import { sampleText, adoptStylesheet } from './assets.js';
import { startCore } from './core-start.js';
import { coreStarted } from './core-language.js';
import { Tour, enterPresenter, exitPresenter, isPresenting, watchFullscreen, fitPresenterText, clearHighlight } from './tour.js';
import { layoutFor as coreLayoutFor, roomIn } from './layout-choice.js';
import { initClass, showClass } from './teach-class.js';
import { TEACH_MODEL_KEY } from './stored-keys.js';
import { formatNumber, formatPercent, tn } from './i18n.js';
import { download, fileStem, fileSuffix } from './dom.js';

addTexts({ en: enTeach, fr: () => import('./i18n/fr-teach.js') });

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
/** @param {string} id */
const field = (id) => /** @type {HTMLInputElement} */ (document.getElementById(id));
/** The classroom's tabs. */
const tabs = () => /** @type {HTMLElement[]} */ ([...document.querySelectorAll('.teach-tabs [role="tab"]')]);
const status = $('status');

const state = {
  json: '', // the model's JSON text, as loaded
  full: null, // the model with its framework filled in (parsed)
  /**
   * The model's outline, as the core names its standard framework and
   * default scale in its language: what the page names players, themes and
   * levels by. Taken again when the language changes.
   * @type {import('./pkg/workforce_ecosystem.js').ModelOutline | null}
   */
  names: null,
  readiness: null, // the core's readiness of the model
  name: '',
  tour: null,
  view: 'tour',
  /** The unit the comparison's diagram shows (null: the whole organization's cells). */
  compareUnit: /** @type {string | null} */ (null),
};

function say(text, isError = false) {
  status.textContent = text;
  status.classList.toggle('is-error', isError);
}

/**
 * Announces `text`, the short news of a result drawn on the page (its
 * summary, the tour's step): the result itself is out of any live region,
 * to be read on demand rather than poured out whole at each redraw.
 */
function announce(text) {
  const el = $('announcer');
  el.textContent = '';
  // a fresh text node makes a repeated message heard again
  requestAnimationFrame(() => {
    el.textContent = text;
  });
}

/** Whether `figure` is the tour's drawing in the presenter view. */
function presenting(figure) {
  return figure.id === 'tour-diagram' && isPresenting($('stage'));
}

/**
 * The room of a drawing in `figure`: in the presenter view the figure's cell
 * of the stage's grid, of fixed height (teach.css), less its caption;
 * elsewhere its width and about the window's height.
 */
function roomFor(figure) {
  if (presenting(figure)) return roomIn(figure, figure.querySelector('svg'));
  return { width: figure.clientWidth || document.documentElement.clientWidth - 40, height: window.innerHeight - 128 };
}

/** Whether `layout`'s text reads at 12 CSS px or more in a room of `width` × `height`, by the core's numbers. */
function readableIn(ws, layout, width, height, options) {
  try {
    const size = ws.fit(options)[layout];
    return Math.min(width / size.width, height / size.height) >= size.minScale;
  } catch {
    return true; // (options the core refuses are reported where it draws)
  }
}

/**
 * The core's layout for a drawing of `ws` with `options` in `figure` (the
 * one given in `options.layout`, if any): the one drawn largest in its room
 * with its text at 12 CSS px or more, else the one whose text is largest;
 * and whether its room flows. Outside the presenter view, in a window too
 * short for the text to read at 12 px (200 % zoom), the layout is the one
 * for the width alone and the drawing is not held to the window's height
 * (`data-room-flow`, teach.css): zooming in then enlarges the drawing and
 * the page scrolls, rather than shrinking it below readable (WCAG 1.4.4).
 * @returns {{ layout: string, flow: boolean }}
 */
function layoutFor(figure, ws, options) {
  const { width, height } = roomFor(figure);
  const layout = options.layout ?? coreLayoutFor(ws, width, height, options);
  if (presenting(figure) || readableIn(ws, layout, width, height, options)) return { layout, flow: false };
  return { layout: options.layout ?? coreLayoutFor(ws, width, 0, options), flow: true };
}

/** The title block's date: today's. */
function dated() {
  return { date: new Date().toISOString().slice(0, 10) };
}

/** The options of a drawing in `figure`: the presenter view's has the title block an export has. */
function optionsIn(figure, options) {
  return presenting(figure) ? { ...options, caption: dated() } : options;
}

/** The SVG of `model` for `figure`, in the layout that suits its room (the core names the standard framework in its language). */
function svgOf(model, options, figure) {
  const ws = new Workspace(JSON.stringify(model));
  try {
    const opts = optionsIn(figure, options);
    // (a layout given: a figure drawn to match another, teach-class.js)
    const { layout, flow } = layoutFor(figure, ws, opts);
    figure.dataset.layout = layout;
    figure.toggleAttribute('data-room-flow', flow);
    figure.toggleAttribute('data-captioned', Boolean(opts.caption));
    return ws.svg({ ...opts, layout });
  } finally {
    ws.free();
  }
}

/**
 * Draws `model` into `figure`. The classroom's cells do nothing when
 * pressed, so they are not buttons and not Tab stops: each is a named
 * picture (its name and scores) that a screen reader can still read, and
 * Tab goes straight from the page's controls to the tour's.
 */
function draw(figure, model, options) {
  figure.innerHTML = svgOf(model, options, figure);
  for (const cell of figure.querySelectorAll('.cell')) {
    cell.removeAttribute('tabindex');
    cell.setAttribute('role', 'img');
  }
}

function labelOf(items, id) {
  return items.find((i) => i.id === id)?.label ?? id;
}

/** Saves `text` as the file `name`. */
function save(name, text, type) {
  download(new Blob([text], { type }), name);
}

function baseName() {
  return fileStem(state.name || t('file.model'), t('file.model'));
}

/** The model in `json` as the core reads it: migrated from an older version, defaults filled in; throws on a bad model. */
function coreModel(json) {
  const ws = new Workspace(json);
  try {
    return ws.model();
  } finally {
    ws.free();
  }
}

/** The outline of the model in `json` (see `state.names`). */
function coreNames(json) {
  const ws = new Workspace(json);
  try {
    return ws.outline();
  } finally {
    ws.free();
  }
}

/** The model in `json` as the core reads it, with its outline (see `state.names`). */
function coreModelAndNames(json) {
  const ws = new Workspace(json);
  try {
    return { model: ws.model(), names: ws.outline() };
  } finally {
    ws.free();
  }
}

/** The model in `json` as the core reads it, with its readiness and its outline (see `state.names`). */
function coreModelAndReadiness(json) {
  const ws = new Workspace(json);
  try {
    return { model: ws.model(), readiness: ws.analyze().readiness, names: ws.outline() };
  } finally {
    ws.free();
  }
}

/**
 * The step's sentence of scores (none for a model that scores nothing):
 * the caption under the tour's diagram; in the presenter view, the step's
 * last paragraph (the panel is drawn anew at each step, then this is called),
 * so that the drawing has the slide's whole height, and does not move when
 * the sentence takes another number of lines, and the sentence's type is
 * fitted with the step's.
 */
function showTourScores() {
  const diagram = $('tour-diagram');
  const text = state.tour?.step ? stepScores(state.tour.step) : null;
  const inPanel = presenting(diagram);
  let caption = document.querySelector('#stage .tour-scores');
  if (!text) {
    caption?.remove();
    return;
  }
  // (a figcaption only inside its figure)
  if (caption?.localName !== (inPanel ? 'p' : 'figcaption')) {
    caption?.remove();
    caption = document.createElement(inPanel ? 'p' : 'figcaption');
    caption.className = 'tour-scores';
  }
  if (inPanel) $('tour-panel').querySelector('.tour-body')?.after(caption);
  else diagram.append(caption);
  caption.textContent = text;
}

/**
 * What the loaded model scores in a tour step's cells: its readiness over
 * the whole diagram, one hexagon or the players of one axis. Null when the
 * model scores nothing (the blank worksheet, a new framework).
 */
function stepScores(step) {
  const model = state.full;
  if (!model || model.assessments.length === 0) return null;
  const shown = state.names;
  // (the model's names isolated: one right to left or with a bidi control reorders none of the sentence)
  const name = model.name ? isolate(model.name) : t('tour.scores.thisModel');
  const r = state.readiness;
  if (step.kind === 'whole') {
    return t('tour.scores.whole', { name, readiness: percent(r.overall), count: score(model.assessments.length) });
  }
  if (step.kind === 'theme') {
    const id = step.themes[0];
    return t('tour.scores.theme', { name, label: isolate(labelOf(shown.framework.themes, id)), readiness: percent(r.themes[id]) });
  }
  const players = step.players.map((id) => t('tour.scores.player', { label: isolate(labelOf(shown.framework.players, id)), readiness: percent(r.players[id]) }));
  return t('tour.scores.axis', { name, players: players.join(t('tour.scores.and')) });
}

/** The largest model kept for a reload, in characters: the tab's sessionStorage is the editor's too. */
const KEEP_AT_MOST = 1_000_000;

/**
 * Keeps the model on show (`json`; null: the sample, nothing to keep) for
 * a reload of this tab, under the classroom's own key: an instructor's
 * reload mid-class finds the same model. Returns whether it is kept; one
 * that is not (storage refused or full, a model too large) is no longer
 * kept either, so that a reload never shows an older one.
 */
function keepModel(json, name) {
  try {
    if (json !== null && json.length <= KEEP_AT_MOST) {
      sessionStorage.setItem(TEACH_MODEL_KEY, JSON.stringify({ name, json }));
      return true;
    }
    sessionStorage.removeItem(TEACH_MODEL_KEY);
    return json === null;
  } catch {
    try {
      sessionStorage.removeItem(TEACH_MODEL_KEY);
    } catch {
      // storage refused altogether: nothing is kept
    }
    return false;
  }
}

/** The model kept by keepModel before a reload, if any: `{name, json}`. */
function keptModel() {
  try {
    const kept = JSON.parse(sessionStorage.getItem(TEACH_MODEL_KEY) ?? 'null');
    return typeof kept?.json === 'string' ? { name: String(kept.name ?? ''), json: kept.json } : null;
  } catch {
    return null;
  }
}

/** Opens a model the instructor chose (a file, an import) and keeps it for a reload, saying so if it cannot be. */
function openModel(json, source) {
  load(json);
  const name = state.name || source;
  const kept = keepModel(json, name);
  say(kept ? t('teach.modelLoaded', { name }) : `${t('teach.modelLoaded', { name })} ${t('teach.modelNotKept')}`, !kept);
}

/**
 * The view and tour step in the page's address (`#step=5`, `#view=compare&step=2`):
 * a reload comes back to them, and a step can be bookmarked.
 * @returns {{ view: string, step: number }}
 */
function placeInAddress() {
  const params = new URLSearchParams(location.hash.slice(1));
  const view = params.get('view') ?? 'tour';
  const step = Number.parseInt(params.get('step') ?? '', 10);
  return { view: tabs().some((tab) => tab.dataset.view === view) ? view : 'tour', step: Number.isFinite(step) ? step : 1 };
}

/** Writes the view and step into the address, in place (no history entry per step). */
function markPlace() {
  const params = new URLSearchParams();
  if (state.view !== 'tour') params.set('view', state.view);
  if (state.tour) params.set('step', String(state.tour.index + 1));
  history.replaceState(history.state, '', `#${params}`);
}

/** Shows the view and tour step the address names. */
function goToAddress() {
  const { view, step } = placeInAddress();
  if (state.tour) state.tour.index = Math.max(0, Math.min(state.tour.steps.length - 1, step - 1));
  showView(view);
}

/**
 * Loads a model (JSON text); keeps the current one when it is invalid. The
 * tour stays at its step when the new one has as many, else starts at `at`
 * (an index) or the first.
 */
function load(json, source, at = 0) {
  // blankModel validates and fills in the framework; it throws on a bad model.
  const full = JSON.parse(blankModel(json));
  const { model, readiness, names } = coreModelAndReadiness(json);
  state.json = json;
  state.readiness = readiness;
  state.names = names;
  state.full = { ...model, framework: full.framework, scale: full.scale };
  state.name = model.name ?? '';
  const steps = tourSteps(json);
  const index = state.tour && state.tour.steps.length === steps.length ? state.tour.index : Math.max(0, Math.min(steps.length - 1, at));
  state.tour = new Tour({
    panel: $('tour-panel'),
    diagram: $('tour-diagram'),
    steps,
    t,
    has,
    // (isolated, as the generic steps' sentences and headings hold them)
    themeLabel: (id) => isolate(labelOf(state.names.framework.themes, id)),
    playerLabel: (id) => isolate(labelOf(state.names.framework.players, id)),
    onChange: (index) => {
      showTourScores();
      fit();
      const title = $('tour-panel').querySelector('.tour-title')?.textContent ?? '';
      markPlace();
      announce(t('tour.announce', { step: t('tour.stepOf', { n: index + 1, total: steps.length }), title }));
    },
  });
  state.tour.index = index;
  drawAll();
  if (source) say(t('teach.modelLoaded', { name: state.name || source }));
}

function drawTour() {
  // The loaded model's own scores, when it has any; the names alone otherwise.
  const scored = state.full.assessments.length > 0;
  $('tour-diagram').toggleAttribute('data-scored', scored);
  draw($('tour-diagram'), state.full, tourOptions());
  state.tour.render();
  showTourScores();
  fit();
}

/** The options of the tour's drawing: the loaded model's scores if it has any. */
function tourOptions() {
  // The caption and the step's words say what the scores are: no legend.
  return { overlay: state.full.assessments.length > 0 ? 'current' : 'none', legend: false };
}

/**
 * Redraws the tour when its room now suits the other layout (or the
 * presenter view came or went, with its title block), and sizes the
 * presenter view's text to the step (no-op outside it).
 */
function fit() {
  const figure = $('tour-diagram');
  if (state.view === 'tour' && state.full && figure.firstElementChild) {
    const ws = new Workspace(JSON.stringify(state.full));
    const opts = optionsIn(figure, tourOptions());
    let layout;
    let flow;
    try {
      sizeColumns(ws, opts);
      ({ layout, flow } = layoutFor(figure, ws, opts));
    } finally {
      ws.free();
    }
    const same = layout === figure.dataset.layout && flow === figure.hasAttribute('data-room-flow');
    if (!same || Boolean(opts.caption) !== figure.hasAttribute('data-captioned')) {
      drawTour();
      return;
    }
  }
  fitPresenterText($('stage'), $('tour-panel'));
}

/** The share of the presenter view's width the drawing takes at most: the step's text keeps the rest. */
const DRAWING_SHARE_MAX = 0.62;

/**
 * The presenter view's columns, side by side: the drawing's as wide as it
 * needs for its names to read at 12 px at the slide's whole height, by the
 * core's numbers (longer names, in French or a renamed framework, need a
 * wider drawing), up to DRAWING_SHARE_MAX of the slide; the stylesheet's
 * share when that is enough or not enough either (the core then numbers the
 * players). The step's text takes the rest, its type fitted to it.
 */
function sizeColumns(ws, opts) {
  const stage = $('stage');
  stage.style.removeProperty('--drawing-column');
  if (!presenting($('tour-diagram'))) return;
  const style = getComputedStyle(stage);
  if (style.display !== 'grid') return; // (stacked: the drawing takes the width)
  const width = stage.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - parseFloat(style.columnGap);
  const height = stage.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
  let fits;
  try {
    fits = ws.fit(opts);
  } catch {
    return; // (options the core refuses are reported where it draws)
  }
  const needed = [fits.wide, fits.square]
    .filter((size) => size.height * size.minScale <= height)
    .map((size) => size.width * size.minScale);
  const column = Math.min(...needed);
  const current = $('tour-diagram').getBoundingClientRect().width;
  if (column > current && column <= width * DRAWING_SHARE_MAX) stage.style.setProperty('--drawing-column', `${Math.ceil(column)}px`);
}

function drawBlank() {
  draw($('blank-diagram'), JSON.parse(blankModel(state.json)), { overlay: 'none' });
  // The scale, so the handout says what the numbers mean, as the core names
  // it: the default steps in its language, custom ones as written.
  const { min, max, labels = [] } = state.names.scale;
  const named = labels.map((label, i) => `${min + i} ${label}`);
  $('blank-scale').textContent = t('blank.scale', { min, max, labels: named.join(' · ') });
  $('blank-handout-title').textContent = state.name || t('blank.handoutTitle');
}

/**
 * Draws the current view's diagram and empties the others: every SVG of the
 * core carries the same pattern id, so only one may be in the page at a time.
 */
function drawAll() {
  for (const id of ['tour-diagram', 'blank-diagram', 'compare-diagram', 'class-instructor', 'class-diagram']) $(id).replaceChildren();
  if (!state.full) return;
  if (state.view === 'tour') drawTour();
  else if (state.view === 'blank') drawBlank();
  else if (state.view === 'compare') {
    if (state.compared) runCompare();
    showClass();
  }
}

// ---- Views ---------------------------------------------------------------

function showView(view) {
  state.view = view;
  for (const tab of tabs()) {
    const on = tab.dataset.view === view;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
  }
  for (const section of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('.view'))) section.hidden = section.id !== `view-${view}`;
  document.body.dataset.view = view;
  drawAll();
  markPlace();
}

// ---- Comparison ------------------------------------------------------------

/**
 * The chosen file's name and text, its bytes decoded by the core's rules
 * (UTF-8, or UTF-16 with its mark) as the editor and the CLI decode them:
 * file.text() would replace what is not UTF-8 (a Latin-1 "Müller") and go
 * on. Throws the core's error, naming the file, for anything else.
 */
async function readFile(input) {
  const file = input.files?.[0];
  if (!file) return null;
  try {
    return { name: file.name, text: bytesToText(new Uint8Array(await file.arrayBuffer())) };
  } catch (e) {
    throw new Error(`${file.name}: ${e.message}`);
  }
}

function percent(x) {
  return x === null || x === undefined ? t('compare.notAssessed') : formatPercent(x);
}

function score(x) {
  return x === null || x === undefined ? t('compare.none') : formatNumber(x, 2);
}

/** The instructor's file for Compare and the class picture: the model shown in the tour, or the one chosen. */
function instructorFile() {
  return field('compare-use-current').checked ? Promise.resolve({ name: state.name, text: state.json }) : readFile($('compare-instructor'));
}

/** Empties the comparison's diagram and its caption (a live region: nothing stale left in it). */
function hideComparison() {
  $('compare-diagram').replaceChildren();
  const caption = $('compare-caption');
  caption.hidden = true;
  caption.textContent = '';
}

async function runCompare() {
  const out = $('compare-text');
  let instructor;
  let student;
  try {
    instructor = await instructorFile();
    student = await readFile($('compare-student'));
  } catch (e) {
    out.replaceChildren(paragraph(t('teach.modelError', { message: e.message }), 'is-error'));
    announce(out.textContent);
    hideComparison();
    state.compared = false;
    return;
  }
  if (!instructor || !student) {
    // Say what is missing: with the model on show as the instructor's, only the student's.
    const missing = !instructor && !student ? 'compare.needBoth' : !student ? 'compare.needStudent' : 'compare.needInstructor';
    out.replaceChildren(paragraph(t(missing)));
    announce(out.textContent);
    return;
  }
  // Whatever goes wrong, the previous result goes: it is about other files.
  const fail = (who, message) => {
    out.replaceChildren(paragraph(t('compare.error', { who, message }), 'is-error'));
    announce(out.textContent);
    hideComparison();
    state.compared = false;
  };
  let cmp;
  let studentModel;
  let studentNames;
  try {
    cmp = compareModels(instructor.text, student.text);
    // The student's model as the core reads it (an older version migrated).
    ({ model: studentModel, names: studentNames } = coreModelAndNames(student.text));
  } catch (e) {
    // Name which file is wrong, with the core's reason for it: read each
    // alone (compareModels's own message starts with the name of its
    // argument, "baseline:" or "scenario:", words the page does not use).
    for (const [who, file] of [[t('compare.instructor'), instructor], [t('compare.student'), student]]) {
      try {
        coreModel(file.text);
      } catch (alone) {
        fail(who, alone.message);
        return;
      }
    }
    // Both read: they cannot be compared (another framework), as the core says.
    fail(t('compare.student'), e.message);
    return;
  }
  try {
    showComparison(cmp, studentModel, studentNames);
  } catch (e) {
    fail(t('compare.student'), e.message);
  }
}

/** `key.one` or `key.other` for `count`, with `{count}` in the page's language. */

/** A unit's name (the whole organization's own cells: `unit` null). */
function unitName(model, unit) {
  return unit === null ? t('compare.wholeOrganization') : labelOf(model.units ?? [], unit);
}

/** "2 of 5 answered cells match the instructor; 3 differ; 19 left blank", as a teacher reads it. */
function answerSummary({ matching, differing, extra, blank }) {
  const parts = [tn('compare.summary', matching + differing + extra, { matching: score(matching) })];
  if (differing > 0) parts.push(tn('compare.differ', differing));
  if (extra > 0) parts.push(tn('compare.extra', extra));
  if (blank > 0) parts.push(tn('compare.blank', blank));
  return parts.join(getLanguage() === 'fr' ? ' ; ' : '; ');
}

/** A cell's scores: the current one, with the target when there is one. */
function scores(value) {
  if (!value) return t('compare.none');
  if (value.target === null || value.target === undefined) return score(value.current);
  return t('compare.withTarget', { current: score(value.current), target: score(value.target) });
}

/**
 * Draws a comparison: the student's diagram for one unit, with the cells
 * that differ outlined and those left blank faded; a summary counting the
 * answered cells that match, those that differ and those left blank; and
 * the cells the student scored, differences first. Blank cells are counted,
 * not listed.
 */
function showComparison(cmp, studentModel, shown) {
  const out = $('compare-text');
  state.compared = true;
  const answeredUnits = cmp.units.filter((u) => u.answered);
  const answered = cmp.matching + cmp.differing + cmp.extra;
  const parts = [];
  let sentence;
  if (answered === 0) sentence = t('compare.nothingAnswered');
  else if (cmp.differing + cmp.extra + cmp.blank === 0) sentence = t('compare.allMatch');
  else sentence = t('compare.sentence', { parts: answerSummary(cmp) });
  parts.push(paragraph(sentence, 'compare-summary'));
  if (cmp.averaged) parts.push(paragraph(t('compare.averaged'), 'compare-averaged'));
  if (answeredUnits.length > 1) {
    const list = document.createElement('ul');
    list.className = 'compare-units';
    for (const u of answeredUnits) {
      const li = document.createElement('li');
      li.textContent = t('compare.unitSummary', { unit: isolate(unitName(shown, u.unit)), summary: answerSummary(u) });
      list.append(li);
    }
    parts.push(list);
  }
  const unanswered = cmp.units.filter((u) => !u.answered && u.blank > 0);
  if (answered > 0 && unanswered.length > 0) {
    const units = unanswered.map((u) => tn('compare.unitBlank', u.blank, { unit: isolate(unitName(shown, u.unit)) }));
    parts.push(paragraph(t('compare.unanswered', { units: units.join(', ') }), 'compare-unanswered'));
  }
  const overall = cmp.readiness;
  parts.push(paragraph(t('compare.readiness', { a: percent(overall.before), b: percent(overall.after) })));
  // The diagram shows one unit's cells; with several answered, a choice.
  const choices = answeredUnits.length > 0 ? answeredUnits.map((u) => u.unit) : [cmp.units[0]?.unit ?? null];
  if (!choices.includes(state.compareUnit)) state.compareUnit = choices[0];
  if (choices.length > 1) {
    const label = document.createElement('label');
    label.className = 'compare-unit';
    const select = document.createElement('select');
    select.id = 'compare-unit';
    for (const unit of choices) {
      const option = document.createElement('option');
      option.value = unit ?? '';
      option.textContent = unitName(shown, unit);
      option.selected = unit === state.compareUnit;
      select.append(option);
    }
    select.addEventListener('change', () => {
      state.compareUnit = select.value === '' ? null : select.value;
      drawComparedDiagram(cmp, studentModel, shown);
    });
    label.append(t('compare.unitShown'), ' ', select);
    parts.push(label);
  }
  if (cmp.answered.length > 0) parts.push(answerTable(cmp, shown));
  out.replaceChildren(...parts);
  drawComparedDiagram(cmp, studentModel, shown);
  announce(sentence);
}

/** The student's diagram for the unit chosen, cells marked by their verdict; `names`, the student model's outline. */
function drawComparedDiagram(cmp, studentModel, names) {
  const diagram = $('compare-diagram');
  const unit = state.compareUnit;
  draw(diagram, studentModel, unit === null ? { overlay: 'current' } : { overlay: 'current', unit });
  const caption = $('compare-caption');
  caption.textContent = t('compare.caption', { unit: isolate(unitName(names, unit)) });
  caption.hidden = false;
  clearHighlight(diagram);
  const key = (c) => `${c.theme}\u0000${c.player}`;
  const verdicts = new Map(cmp.answered.filter((c) => c.unit === unit).map((c) => [key(c), c.verdict]));
  for (const cell of /** @type {NodeListOf<SVGElement>} */ (diagram.querySelectorAll('.cell'))) {
    const verdict = verdicts.get(key(cell.dataset));
    cell.dataset.verdict = verdict ?? 'blank';
    cell.classList.toggle('is-highlighted', verdict === 'differs' || verdict === 'extra');
    cell.classList.toggle('is-dimmed', verdict === undefined);
  }
}

/** The cells the student scored, as the core orders them: differences first. */
function answerTable(cmp, shown) {
  const rows = cmp.answered.map((c) => {
    const tr = document.createElement('tr');
    tr.dataset.theme = c.theme;
    tr.dataset.player = c.player;
    tr.dataset.verdict = c.verdict;
    if (c.unit !== null) tr.dataset.unit = c.unit;
    let name = `${isolate(labelOf(shown.framework.themes, c.theme))} – ${isolate(labelOf(shown.framework.players, c.player))}`;
    if (c.unit !== null) name += ` (${isolate(unitName(shown, c.unit))})`;
    for (const text of [name, scores(c.instructor), scores(c.student), t(`compare.verdict.${c.verdict}`)]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    return tr;
  });
  const table = document.createElement('table');
  table.className = 'compare-table';
  const caption = document.createElement('caption');
  caption.textContent = t('compare.diffHeading');
  const head = document.createElement('tr');
  for (const text of [t('compare.cell'), t('compare.instructorScore'), t('compare.studentScore'), t('compare.verdict')]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = text;
    head.append(th);
  }
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  tbody.append(...rows);
  table.append(caption, thead, tbody);
  return table;
}

/** Problems listed at most, as the core lists them. */
const MAX_LISTED = 100;

function paragraph(text, className) {
  const p = document.createElement('p');
  p.textContent = text;
  if (className) p.className = className;
  return p;
}

// ---- Exports ---------------------------------------------------------------

/** The document's words are the core's, in the page's language (see io.js's exportStandaloneHtml). */
function exportOptions() {
  return { overlay: /** @type {HTMLSelectElement} */ ($('export-overlay')).value, lang: getLanguage(), caption: dated() };
}

async function importCsv() {
  const input = field('csv-file');
  const picked = input.files?.[0];
  input.value = '';
  if (!picked) return;
  // Bytes, not text: the core refuses a file that is not UTF-8 (naming the
  // row) where the browser would silently replace its accents.
  const file = { name: picked.name, bytes: new Uint8Array(await picked.arrayBuffer()) };
  const out = $('csv-result');
  try {
    const json = csvImport(state.json, file.bytes);
    openModel(json, file.name);
    const count = JSON.parse(json).assessments.length;
    out.replaceChildren(paragraph(t('export.csvImported', { count, file: file.name }), 'is-ok'));
    announce(out.textContent);
  } catch (e) {
    const list = document.createElement('ul');
    list.className = 'csv-errors';
    // The Error's message holds one line per problem, as the core words it
    // ("row 4, column "current": …"); `problems` holds the same as objects.
    // The core lists the first hundred and counts the rest (`e.more`; its
    // message then ends with a line saying so).
    const lines = e.message.split('\n');
    const all = Array.isArray(e.problems) ? e.problems : lines.map((message) => ({ message }));
    const problems = all.slice(0, MAX_LISTED);
    const more = all.length - problems.length + (Number(e.more) || 0);
    for (const [i, p] of problems.entries()) {
      const li = document.createElement('li');
      li.textContent = lines[i] ?? p.message;
      if (p.row !== undefined) li.dataset.row = p.row;
      if (p.column !== undefined) li.dataset.column = p.column;
      list.append(li);
    }
    const rest = more > 0 ? [paragraph(t('export.csvMoreErrors', { count: more.toLocaleString(getLanguage()) }), 'csv-errors-more')] : [];
    out.replaceChildren(paragraph(t('export.csvErrors'), 'is-error'), list, ...rest);
    announce(t('export.csvRefused'));
  }
}

// ---- Wiring ----------------------------------------------------------------

function wire() {
  for (const tab of tabs()) {
    tab.addEventListener('click', () => showView(tab.dataset.view));
  }
  document.querySelector('.teach-tabs').addEventListener('keydown', (/** @type {KeyboardEvent} */ e) => {
    const all = tabs();
    const i = all.indexOf(/** @type {HTMLElement} */ (document.activeElement));
    const to = { ArrowRight: i + 1, ArrowLeft: i + all.length - 1, Home: 0, End: all.length - 1 }[e.key];
    if (i < 0 || to === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    const next = all[to % all.length];
    next.focus();
    showView(next.dataset.view);
  });

  $('model-file').addEventListener('change', async () => {
    const input = field('model-file');
    try {
      const file = await readFile(input);
      if (!file) return;
      openModel(file.text, file.name);
    } catch (err) {
      say(t('teach.modelError', { message: err.message }), true);
    } finally {
      input.value = '';
    }
  });
  $('model-sample').addEventListener('click', async () => {
    try {
      load(await sampleText(), t('teach.modelSample'));
      keepModel(null, '');
    } catch (err) {
      say(t('teach.modelError', { message: err.message }), true);
    }
  });

  const stage = $('stage');
  // In the presenter view the keyboard is on the slide itself, not on a
  // button: Space and Enter (a presenter's remote) then go forward rather
  // than pressing the focused button, and no focus ring shows on the slide.
  $('presenter').addEventListener('click', async () => {
    await enterPresenter(stage);
    document.body.classList.add('has-presenter');
    stage.focus();
    fit();
  });
  // A tour control clicked with the mouse gives the keyboard back to the
  // slide, so that Space after a click on a step's dot goes on from that step
  // (a control pressed from the keyboard keeps focus, as a button does).
  $('tour-panel').addEventListener('click', (e) => {
    if (isPresenting(stage) && e.detail > 0 && e.target instanceof Element && e.target.closest('button')) stage.focus();
  });
  // However the view is left (the button, Escape in full screen or in the
  // window), the keyboard goes back to the button that opened it.
  const left = () => {
    document.body.classList.remove('has-presenter');
    fit();
    $('presenter').focus();
  };
  $('leave-presenter').addEventListener('click', async () => {
    await exitPresenter(stage);
    left();
  });
  watchFullscreen(stage, left);
  // The projector's resolution may only be known once full screen settles.
  new ResizeObserver(() => fit()).observe(stage);

  document.addEventListener('keydown', (e) => {
    if (state.view !== 'tour' || !state.tour) return;
    if (e.key === 'Escape' && isPresenting(stage)) {
      exitPresenter(stage).then(left);
      e.preventDefault();
      return;
    }
    state.tour.handleKey(e);
  });

  $('blank-print').addEventListener('click', () => window.print());
  $('blank-download').addEventListener('click', () =>
    save(`${t('blank.fileName')}.json`, `${JSON.stringify(JSON.parse(blankModel(state.json)), null, 2)}\n`, 'application/json'),
  );

  $('compare-run').addEventListener('click', () => runCompare());
  // The chosen files' names, shown by the page rather than the browser's own
  // (untranslated) file control.
  for (const id of ['compare-instructor', 'compare-student']) {
    $(id).addEventListener('change', () => {
      $(`${id}-name`).textContent = field(id).files?.[0]?.name ?? '';
      // the class picture is drawn against the instructor's file
      if (id === 'compare-instructor') showClass();
    });
  }
  const useCurrent = () => {
    const on = field('compare-use-current').checked;
    field('compare-instructor').disabled = on;
    $('compare-instructor-label').classList.toggle('is-disabled', on);
  };
  $('compare-use-current').addEventListener('change', () => {
    useCurrent();
    showClass();
  });
  useCurrent();
  initClass({ instructor: instructorFile, draw, coreModel, announce });

  $('export-html').addEventListener('click', () =>
    save(`${baseName()}.html`, exportHtml(state.json, exportOptions()), 'text/html'),
  );
  $('export-report-html').addEventListener('click', () =>
    save(`${baseName()}${fileSuffix(t('file.report'), 'html')}`, reportHtml(state.json, getLanguage()), 'text/html'),
  );
  $('export-report-md').addEventListener('click', () =>
    save(`${baseName()}${fileSuffix(t('file.report'), 'md')}`, reportMarkdown(state.json), 'text/markdown'),
  );
  $('export-csv').addEventListener('click', () =>
    save(`${baseName()}${fileSuffix(t('file.assessments'), 'csv')}`, csvExport(state.json), 'text/csv'),
  );
  $('csv-file').addEventListener('change', () => importCsv());

  // (core-language.js's listener, registered first, has set the core's language)
  document.addEventListener('wfe-language', () => {
    if (!state.full) return;
    state.names = coreNames(state.json);
    drawAll();
  });
}

async function main() {
  // The core (compiling since core-start.js ran) starts and the sample
  // arrives while the page gets its texts.
  const core = startCore(init);
  const sample = sampleText();
  // (both are awaited below, where their failures are reported)
  core.catch(() => {});
  sample.catch(() => {});
  bindSwitcher($('lang'));
  await startLanguage();
  wire();
  say(t('teach.loading'));
  try {
    await core;
    coreStarted();
    adoptStylesheet(Workspace.diagramCss());
    // The view and step the address names (nothing is drawn before a
    // model), with the model kept from before a reload, else the sample.
    const place = placeInAddress();
    showView(place.view);
    const kept = keptModel();
    let lost = null;
    if (kept) {
      try {
        load(kept.json, undefined, place.step - 1);
      } catch (e) {
        lost = e.message;
        keepModel(null, '');
      }
    }
    if (!kept || lost !== null) load(await sample, undefined, place.step - 1);
    markPlace();
    if (lost !== null) say(t('teach.modelLost', { message: lost }), true);
    else say(kept ? t('teach.modelKept', { name: kept.name }) : '');
    window.addEventListener('hashchange', goToAddress);
    document.body.dataset.ready = 'true';
  } catch (e) {
    say(e.message, true);
  }
}

main();
