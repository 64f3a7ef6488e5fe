// Makes plans off the editor's main thread for large models (plan.js asks,
// see there): a plan runs the analysis after each of its steps, about half
// a second for 4,800 assessments and many seconds for the largest model a
// file may hold, time in which the page would not answer. The worker runs
// its own instance of the core, started from the module the page compiled.
// Messages, answered in order:
//   { module, session, catalogue }  read this session (Workspace of
//                                   savedJson()), in this language, for the
//                                   plans asked next
//   { options }                     answered { plan } (Workspace.makePlan of
//                                   its baseline) or { error }
import init, { Workspace, setLanguage } from './pkg/workforce_ecosystem.js';

/** @type {Promise<unknown> | null} */
let started = null;
/** The session last sent, read; or why it could not be. @type {Workspace | Error | null} */
let ws = null;

/**
 * @typedef {{
 *   module?: WebAssembly.Module,
 *   session?: string,
 *   catalogue?: string,
 *   options?: import('./pkg/workforce_ecosystem.js').PlanOptions,
 * }} PlanMessage
 */

/** @param {PlanMessage} data */
async function handle(data) {
  if (data.session !== undefined) {
    if (ws instanceof Workspace) ws.free();
    try {
      started ??= init(data.module ? { module_or_path: data.module } : undefined);
      await started;
      setLanguage(data.catalogue);
      ws = new Workspace(data.session);
    } catch (e) {
      ws = e instanceof Error ? e : new Error(String(e));
    }
    return;
  }
  try {
    if (!(ws instanceof Workspace)) throw ws ?? new Error('no session was sent');
    self.postMessage({ plan: ws.makePlan(data.options) });
  } catch (e) {
    self.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
}

let queue = Promise.resolve();
self.addEventListener('message', (/** @type {MessageEvent<PlanMessage>} */ { data }) => {
  queue = queue.then(() => handle(data));
});
