// The editor's first diagram, drawn by a script of its own that the page
// runs before its main one (app.js). A visit with no link that finds no
// trace of documents in this browser opens the sample, so this script draws
// it as soon as the core and the sample are in: without waiting for the
// page's other scripts to load and run, for IndexedDB to answer, or for the
// findings, panels and editors to be computed (app.js does that once the
// diagram is painted). The documents start-up then adopts this workspace as
// the unsaved sample document, or, should the store hold a document after
// all, shows that one in its place; nothing is stored until the user edits,
// so the early drawing never touches saved work.
import init, { Workspace } from './pkg/workforce_ecosystem.js';
import { startCore } from './core-start.js';
import { sampleText } from './assets.js';
import { opensWithSample, startsInEnglish } from './first-visit.js';
import { layoutFor, roomIn } from './layout-choice.js';

/**
 * The sample's text when this visit opens with it, requested at once (the
 * page's HTML preloads it); null for a visit with a link or stored work.
 */
export const earlySample = opensWithSample() ? sampleText() : null;
earlySample?.catch(() => {}); // reported where the start-up uses it

/** The core, started. (The page links the diagram's stylesheet: its first paint needs it.) */
export const core = startCore(init);

/**
 * Draws the sample in the page's diagram with the page's first view
 * options; resolves to its workspace, or to null when this visit does not
 * open with the sample or it could not be drawn (the usual start-up then
 * shows why).
 * @returns {Promise<Workspace | null>}
 */
async function drawFirst() {
  // the early drawing speaks English: a visit in another language waits for its texts
  if (!earlySample || !startsInEnglish()) return null;
  let ws = null;
  try {
    const [text] = await Promise.all([earlySample, core]);
    ws = new Workspace(text);
    const diagram = /** @type {HTMLElement} */ (document.getElementById('diagram'));
    // the layout diagram.js chooses for this room
    const room = diagram.parentElement ? roomIn(diagram.parentElement, diagram) : { width: 0, height: 0 };
    const layout = layoutFor(ws, room.width, room.height, { overlay: 'current' });
    ws.draw(diagram, { overlay: 'current', showChanges: true, layout });
    return ws;
  } catch {
    ws?.free();
    return null;
  }
}

/** The sample's workspace once drawn, or null (see drawFirst). */
export const firstDrawing = drawFirst();

