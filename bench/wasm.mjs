// Runs inside headless Chromium (driven by bench/browser.mjs): times what the
// page does with a model's text — new Workspace (parse + validate) and
// analyze() (analysis + conversion to JS objects) — on each file named in
// ?files=, and startPlan() (the plan of every finding, opened as a what-if
// with its changes made, and converted to JS objects; undone after each
// run), and leaves the medians on window.__results.
import init, { Workspace } from '../www/pkg/workforce_ecosystem.js';

const BUDGET_MS = 1500;

async function main() {
  await init();
  const files = new URLSearchParams(location.search).get('files').split(',');
  const results = [];
  for (const file of files) {
    const json = await (await fetch(`/${file}`)).text();
    const once = () => {
      const ws = new Workspace(json);
      ws.analyze();
      ws.free();
    };
    once();
    const times = [];
    const start = performance.now();
    while (times.length < 5 || (performance.now() - start < BUDGET_MS && times.length < 5000)) {
      const t = performance.now();
      once();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const ws = new Workspace(json);
    const plans = [];
    const planStart = performance.now();
    while (plans.length < 5 || (performance.now() - planStart < BUDGET_MS && plans.length < 2000)) {
      const t = performance.now();
      ws.startPlan('Plan', undefined);
      plans.push(performance.now() - t);
      ws.undo();
    }
    ws.free();
    plans.sort((a, b) => a - b);
    results.push({ file, wasm_ms: times[Math.floor(times.length / 2)], runs: times.length, plan_ms: plans[Math.floor(plans.length / 2)] });
  }
  window.__results = results;
}
main().catch((e) => { window.__results = { error: String(e && e.stack || e) }; });
