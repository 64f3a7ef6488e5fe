// Makes plans off the editor's main thread (plans.js asks, see there): a
// plan runs the analysis after each of its steps, most of a second for
// 10,000 assessments and more for larger models, time in which the page
// would not answer. The worker runs its own instance of the core, started
// from the module the page compiled, reads the session it is sent, and
// answers with the plan of its baseline (Workspace.makePlan), in the
// language it is told, or with the core's message.
import init, { Workspace, setLanguage } from './pkg/workforce_ecosystem.js';

/** @type {Promise<unknown> | null} */
let started = null;

/**
 * @typedef {{
 *   module: WebAssembly.Module | undefined,
 *   session: string,
 *   options: import('./pkg/workforce_ecosystem.js').PlanOptions,
 *   catalogue: string | undefined,
 * }} PlanRequest
 */

self.addEventListener('message', async (/** @type {MessageEvent<PlanRequest>} */ { data }) => {
  let ws = null;
  try {
    started ??= init(data.module ? { module_or_path: data.module } : undefined);
    await started;
    setLanguage(data.catalogue);
    ws = new Workspace(data.session);
    self.postMessage({ plan: ws.makePlan(data.options) });
  } catch (e) {
    self.postMessage({ error: e instanceof Error ? e.message : String(e) });
  } finally {
    ws?.free();
  }
});
