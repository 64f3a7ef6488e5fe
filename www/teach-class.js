// The classroom's class picture: several students' answer files merged by
// the core (classPicture, the same merge as the editor's *Open responses…*)
// into one picture of the class, drawn with the agreement overlay beside the
// instructor's model, with the cells where students disagree listed and the
// answers that were refused named with the core's reasons. Nothing is
// computed here: this module reads files and shows what the core gives.
import { classPicture, bytesToText, Workspace } from './pkg/workforce_ecosystem.js';
import { t } from './lang.js';
import { tn } from './i18n.js';

/** The largest answer file read, as the editor reads response files. */
const MAX_ANSWER_BYTES = 10 * 1024 * 1024;

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * What the classroom page lends this module: the instructor's file (the model
 * on show or the one chosen for Compare), how it draws a model, how it reads
 * one, and its announcer (for the picture's summary).
 * @type {{
 *   instructor: () => Promise<{ name: string, text: string } | null>,
 *   draw: (figure: HTMLElement, model: any, options: object) => void,
 *   coreModel: (json: string) => any,
 *   announce: (text: string) => void,
 * }}
 */
let page;
/** The answers opened last ({name, text}), and those that could not be read ({source, message}). */
let answers = [];
let unread = [];

function item(source, message) {
  const li = document.createElement('li');
  const file = document.createElement('strong');
  file.className = 'class-file';
  file.textContent = source;
  li.append(file, ' ', t('class.because', { message }));
  return li;
}

function text(tag, value, className) {
  const el = document.createElement(tag);
  el.textContent = value;
  if (className) el.className = className;
  return el;
}

/** Empties the class picture (nothing opened, or the instructor's file cannot be read). */
function clear(message, isError = false) {
  $('class-instructor').replaceChildren();
  $('class-diagram').replaceChildren();
  $('class-figures').hidden = true;
  $('class-text').replaceChildren(...(message ? [text('p', message, isError ? 'is-error' : '')] : []));
  if (message) page.announce(message);
}

/** Merges the answers opened last into the instructor's worksheet and shows the class picture. */
export async function showClass() {
  const chosen = answers.length + unread.length;
  $('class-files-name').textContent = chosen ? tn('class.chosen', chosen) : '';
  if (!chosen) {
    clear('');
    return;
  }
  let instructor;
  try {
    instructor = await page.instructor();
  } catch (e) {
    clear(t('teach.modelError', { message: e.message }), true);
    return;
  }
  if (!instructor) {
    clear(t('class.needInstructor'));
    return;
  }
  let result;
  try {
    result = classPicture(instructor.text, answers.map((a) => a.name), answers.map((a) => a.text));
  } catch (e) {
    clear(t('compare.error', { who: t('compare.instructor'), message: e.message }), true);
    return;
  }
  const refusals = [...unread, ...result.refusals];
  const merged = result.added + result.unchanged;
  const parts = [tn('class.merged', merged)];
  if (result.unchanged > 0) parts.push(tn('class.same', result.unchanged));
  if (refusals.length > 0) parts.push(tn('class.refused', refusals.length));
  const summary = t('compare.sentence', { parts: parts.join(t('class.partsJoin')) });
  const out = [text('p', summary, 'class-summary')];
  if (refusals.length) {
    out.push(text('h4', t('class.refusedTitle')));
    const list = document.createElement('ul');
    list.className = 'class-refusals';
    list.append(...refusals.map((r) => item(r.source, r.message)));
    out.push(list);
  }
  if (merged === 0) {
    clear('');
    $('class-text').replaceChildren(...out);
    page.announce(summary);
    return;
  }
  const ws = new Workspace(result.model);
  let disagreements;
  try {
    disagreements = ws.analyze().disagreements ?? [];
  } finally {
    ws.free();
  }
  out.push(text('h4', t('class.disagreementsTitle')));
  if (disagreements.length) {
    const list = document.createElement('ul');
    list.className = 'class-disagreements';
    list.append(...disagreements.map((d) => text('li', d.explanation)));
    out.push(list);
  } else {
    out.push(text('p', t('class.noDisagreement')));
  }
  const figures = $('class-figures');
  figures.hidden = false;
  // Two figures to compare side by side: the class's is drawn in the
  // instructor's layout, and both at one scale (sameScale). Side by side
  // only where the names read on the drawings there: where they would not
  // (1366 px), the core numbers the players as on a phone, with a key as
  // large as a phone's, so the two go one above the other instead.
  const instructorModel = page.coreModel(instructor.text);
  figures.classList.remove('is-stacked');
  page.draw($('class-instructor'), instructorModel, { overlay: 'current' });
  if ($('class-instructor').dataset.layout === 'narrow' && getComputedStyle(figures).gridTemplateColumns.split(' ').length > 1) {
    figures.classList.add('is-stacked');
    page.draw($('class-instructor'), instructorModel, { overlay: 'current' });
  }
  const layout = $('class-instructor').dataset.layout;
  page.draw($('class-diagram'), page.coreModel(result.model), { overlay: 'agreement', layout });
  $('class-text').replaceChildren(...out);
  sameScale();
  page.announce(summary);
}

/**
 * Draws the two figures at one scale, the smaller of the two: their
 * drawings' widths differ by their legends, and each alone would fill its
 * column, so that the same hexagon would be drawn at two sizes.
 */
function sameScale() {
  const svgs = /** @type {SVGSVGElement[]} */ ([...document.querySelectorAll('#class-figures svg')]);
  if (svgs.length !== 2) return;
  for (const svg of svgs) svg.style.removeProperty('--same-width');
  // (an SVG held by its max-height draws its picture centred in a wider box)
  const scales = svgs.map((svg) => {
    const box = svg.getBoundingClientRect();
    const view = svg.viewBox.baseVal;
    return Math.min(box.width / view.width, box.height / view.height);
  });
  const scale = Math.min(...scales);
  if (!(scale > 0)) return;
  for (const svg of svgs) svg.style.setProperty('--same-width', `${svg.viewBox.baseVal.width * scale}px`);
}

/** Reads the chosen files (by the core's rules for bytes); a file that cannot be read is refused with why. */
async function open(files) {
  answers = [];
  unread = [];
  for (const f of files) {
    if (f.size > MAX_ANSWER_BYTES) {
      unread.push({ source: f.name, message: t('class.tooLarge') });
      continue;
    }
    try {
      answers.push({ name: f.name, text: bytesToText(new Uint8Array(await f.arrayBuffer())) });
    } catch (e) {
      unread.push({ source: f.name, message: e.message });
    }
  }
  await showClass();
}

/** Wires the class picture's file control; `lent` is what the page lends (see `page`). */
export function initClass(lent) {
  page = lent;
  // The common scale follows the columns' width (not the heights it changes).
  let width = 0;
  new ResizeObserver(([entry]) => {
    if (Math.abs(entry.contentRect.width - width) < 1) return;
    width = entry.contentRect.width;
    sameScale();
  }).observe($('class-figures'));
  const input = /** @type {HTMLInputElement} */ ($('class-files'));
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    open(files).catch((e) => clear(t('teach.modelError', { message: e.message }), true));
  });
}
