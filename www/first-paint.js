// The editor's first paint: on a visit that opens with the sample, the
// sample's drawing is on screen as soon as the page's HTML and stylesheets
// are in, before any module or the Wasm core has arrived. The build
// (scripts/build-page.mjs) draws the sample with the core, in each layout
// and with the page's first view options, into <template>s of index.html,
// and writes beside them the numbers the core chooses a layout by
// (Workspace fit). This script, a classic one in the head after the
// stylesheets (so it runs once they are in and the room can be measured),
// waits for the drawings at the end of the page's HTML, then takes the one
// the core would choose for the room and puts it in the diagram. The first
// drawing of first-diagram.js replaces it with the same drawing made live;
// until then it is a picture (the page's handlers are not yet wired).
//
// It also starts the page's scripts, which index.html holds in a template
// (#page-scripts) with the preloads of the core and the sample. Asked for
// from the head, those 15 requests, their compiling and the core's streaming
// compile ran beside the first paint on the machine's cores and held it back:
// the first cell came at about 165 ms, against 110–125 ms with them started
// once it is on screen (BENCHMARKS.md), while the page was ready no later.
// So a first visit starts them once the browser has painted the picture;
// any other visit (a link, stored work, another language), which gets no
// picture, asks for them at once and runs the scripts once the page's HTML
// is in, as a module script of the head would.
import { opensWithSample, startsInEnglish } from './first-visit.js';
import { layoutFromFit, roomIn } from './layout-choice.js';
import { afterPaint } from './after-paint.js';

/**
 * The numbers a first drawing's template carries (Workspace fit).
 * @param {string} layout
 * @returns {import('./pkg/workforce_ecosystem.js').FitSize}
 */
function sizeOf(layout) {
  const data = /** @type {HTMLElement} */ (document.getElementById(`first-drawing-${layout}`)).dataset;
  const size = { width: Number(data.width), height: Number(data.height), minScale: Number(data.minScale) };
  if (!Object.values(size).every(Number.isFinite)) throw new Error(`no numbers for ${layout}`);
  return size;
}

/** Whether this visit opens with the sample (first-visit.js). */
const withSample = opensWithSample();
/** Whether this visit paints the sample ahead of the core (see above). */
const painting = withSample && startsInEnglish();

function paint() {
  const diagram = document.getElementById('diagram');
  const box = diagram?.parentElement;
  if (!diagram || !box || diagram.firstChild) return;
  const fit = { wide: sizeOf('wide'), square: sizeOf('square'), narrow: sizeOf('narrow') };
  // Wide first, the layout of most rooms, and the room measured with it in
  // place: where it stays, the page is laid out once instead of twice (the
  // room does not hang on the drawing: the box's height is the page's, or
  // its CSS says it grows with the drawing and only its width counts).
  show(box, diagram, 'wide');
  const room = roomIn(box, diagram);
  const layout = layoutFromFit(fit, room.width, room.height);
  if (layout !== 'wide') show(box, diagram, layout);
}

/**
 * @param {HTMLElement} box
 * @param {HTMLElement} diagram
 * @param {string} layout
 */
function show(box, diagram, layout) {
  const drawing = document.getElementById(`first-drawing-${layout}`);
  if (!(drawing instanceof HTMLTemplateElement)) throw new Error(`no first drawing for ${layout}`);
  const picture = /** @type {DocumentFragment} */ (drawing.content.cloneNode(true));
  // (says what it is to the page's tests and to anyone reading the DOM)
  picture.firstElementChild?.setAttribute('data-first-paint', layout);
  box.dataset.layout = layout;
  diagram.replaceChildren(picture);
}

/**
 * Moves what #page-scripts holds into the head: the links (preloads and
 * modulepreloads), whose requests start there, and with `scripts` the
 * module scripts too, which then run in their order as soon as they are in.
 * The sample's preload is asked for only by a visit that opens with it: on
 * any other the browser warns of a preload never used.
 * @param {{ scripts: boolean }} what
 */
function start({ scripts }) {
  const held = document.getElementById('page-scripts');
  if (!(held instanceof HTMLTemplateElement)) return;
  for (const node of [...held.content.children]) {
    if (node instanceof HTMLLinkElement) {
      if (withSample || node.getAttribute('href') !== 'models/sample.json') document.head.append(node);
      else node.remove();
    } else if (scripts && node.getAttribute('type') === 'module') {
      // a new element: one parsed into a template is inert for good
      const script = document.createElement('script');
      script.type = 'module';
      script.async = false; // in their order, as in the head
      script.src = /** @type {string} */ (node.getAttribute('src'));
      document.head.append(script);
      node.remove();
    }
  }
  if (scripts) held.remove();
}

function paintOnce() {
  try {
    paint();
  } catch {
    // a picture ahead of time only: the page draws the diagram itself anyway
  }
}

/** Once the page's HTML is in: the picture, then the scripts. */
function parsed() {
  if (!painting) {
    start({ scripts: true });
    return;
  }
  paintOnce();
  afterPaint().then(() => start({ scripts: true }));
}

// The page's HTML says its texts in English (scripts/build-page.mjs): a visit
// in another language hides them until its own are in (lang.js).
if (!startsInEnglish()) document.documentElement.classList.add('wfe-translating');

// without a picture, nothing is held back: the requests start now
if (!painting) start({ scripts: false });

if (document.readyState === 'loading') {
  // The drawings close the page's HTML: once the last is in, so is the rest
  // of the page, and the room can be measured. (Waiting for the parse to end
  // instead takes tens of ms more, as the parser yields to the browser's
  // first rendering of the page.)
  const seen = new MutationObserver(() => {
    if (document.getElementById('first-drawing-narrow')?.nextSibling || document.readyState !== 'loading') {
      seen.disconnect();
      parsed();
    }
  });
  seen.observe(document, { childList: true, subtree: true });
} else parsed();
