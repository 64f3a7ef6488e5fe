// Where a cold load's time goes, from a Chromium trace: `node bench/trace-start.mjs [path…]`.
// Loads each page (default the editor, embed.html, the element page, the floor) in a fresh
// context like bench/cold.mjs, BENCH_LOADS times (default 3), and prints, for the median load,
// the main thread's self time per kind of work from navigation to the first laid-out cell, and
// when the page's resources were requested and arrived. A diagnostic, not a benchmark.
import { chromium } from 'playwright-core';
import { chromiumPath, LAUNCH_ARGS } from '../tests/e2e/harness.mjs';
import { startServer, firstCellNoted } from './cold.mjs';

const LOADS = Number(process.env.BENCH_LOADS ?? 3);
const paths = process.argv.slice(2).length ? process.argv.slice(2)
  : ['/bench/floor.html', '/dist/index.html', '/dist/embed.html', '/bench/element.html'];

function watchFirstCell() {
  let done = false;
  const check = (root) => {
    if (done) return;
    const cell = root.querySelector('.cell');
    if (!cell) return;
    done = true;
    performance.mark('first-cell-found');
    cell.getBoundingClientRect();
    window.__firstCell = performance.now();
    performance.mark('first-cell');
  };
  const watch = (root) => new MutationObserver(() => check(root)).observe(root, { childList: true, subtree: true });
  watch(document);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    watch(root);
    return root;
  };
}

const CATS = ['devtools.timeline', 'v8', 'v8.wasm', 'disabled-by-default-v8.compile', 'blink.user_timing', 'loading', 'blink', 'disabled-by-default-devtools.timeline'];

/** Buckets for event names (self time). */
function bucket(name, args) {
  if (/wasm/i.test(name)) return `wasm: ${name}`;
  if (name === 'ParseHTML') return 'parse HTML';
  if (name === 'UpdateLayoutTree' || name === 'RecalculateStyles' || name === 'ParseAuthorStyleSheet') return 'style';
  if (name === 'Layout') return 'layout';
  if (name === 'Paint' || name === 'PaintImage' || name === 'PrePaint' || name === 'Layerize' || name === 'UpdateLayer') return 'paint';
  if (/^v8\.(compile|parseOnBackground|compileModule)|V8.CompileCode|v8.produceModuleCache|v8.compileModule|V8.ScriptCompiler/i.test(name)) return 'JS compile';
  if (name === 'EvaluateScript' || name === 'v8.evaluateModule' || name === 'FunctionCall' || name === 'v8.run' || name === 'RunMicrotasks' || name === 'v8.callFunction' || name === 'V8.Execute' || name === 'EventDispatch' || name === 'TimerFire' || name === 'FireAnimationFrame') return 'JS run';
  if (/GC|Scavenge|MarkCompact|MinorMS/i.test(name)) return 'GC';
  if (/Resource|Loader|Navigation|Commit|Document/i.test(name)) return `loading: ${name}`;
  return `other: ${name}`;
}

async function traceOnce(browser, origin, path) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addInitScript(watchFirstCell);
  const page = await context.newPage();
  await browser.startTracing(page, { categories: CATS });
  await page.goto(`${origin}${path}`, { waitUntil: 'commit' });
  await firstCellNoted(page);
  const info = await page.evaluate(() => ({
    first: window.__firstCell,
    resources: performance.getEntriesByType('resource').map((r) => ({ name: r.name.replace(location.origin, ''), start: r.startTime, end: r.responseEnd })),
    dcl: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd,
  }));
  await new Promise((r) => setTimeout(r, 100));
  const buf = await browser.stopTracing();
  await context.close();
  return { info, trace: JSON.parse(String(buf)) };
}

function analyse({ info, trace }) {
  const events = trace.traceEvents ?? trace;
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame) ?? events.find((e) => e.name === 'navigationStart');
  const t0 = nav.ts;
  const mark = events.find((e) => e.name === 'first-cell');
  const t1 = mark ? mark.ts : t0 + info.first * 1000;
  // the renderer's main thread: the one with ParseHTML of the page
  const parse = events.find((e) => e.name === 'ParseHTML');
  const pid = parse.pid, tid = parse.tid;
  const main = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= t0 && e.ts < t1).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  for (const e of main) {
    const end = e.ts + (e.dur ?? 0);
    while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    const b = bucket(e.name, e.args);
    self.set(b, (self.get(b) ?? 0) + (e.dur ?? 0));
    if (parent) self.set(parent.b, (self.get(parent.b) ?? 0) - Math.min(e.dur ?? 0, parent.end - e.ts));
    stack.push({ end, b });
  }
  const busy = [...self.values()].reduce((a, b) => a + b, 0);
  // TIMELINE=1: the main thread's tasks of 1 ms or more, each with its three largest parts
  const timeline = [];
  if (process.env.TIMELINE) {
    const tops = [];
    let end = 0;
    for (const e of main) if (e.ts >= end) { tops.push(e); end = e.ts + (e.dur ?? 0); }
    for (const t of tops.filter((t) => t.dur >= 1000)) {
      const inside = main.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e.dur >= 300);
      const where = (e) => (e.args?.data?.url ?? e.args?.fileName ?? e.args?.url ?? '').replace(/^.*\//, '');
      const parts = inside.sort((a, b) => b.dur - a.dur).slice(0, 4).map((e) => `${e.name} ${(e.dur / 1000).toFixed(1)} ${where(e)}${e.args?.data?.functionName ? ' ' + e.args.data.functionName : ''}`);
      timeline.push(`${((t.ts - t0) / 1000).toFixed(1).padStart(7)} +${(t.dur / 1000).toFixed(1).padStart(5)}  ${t.name}: ${parts.join(' | ')}`);
      // TIMELINE=detail: every part of 0.3 ms or more, in order, indented by depth
      if (process.env.TIMELINE === 'detail' && t.dur >= 10000) {
        const open = [];
        for (const e of inside.sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
          while (open.length && open[open.length - 1] <= e.ts) open.pop();
          timeline.push(`${' '.repeat(16 + 2 * open.length)}${((e.ts - t0) / 1000).toFixed(1)} +${(e.dur / 1000).toFixed(1)} ${e.name} ${where(e)}${e.args?.data?.functionName ? ' ' + e.args.data.functionName : ''}`);
          open.push(e.ts + e.dur);
        }
      }
    }
  }
  return { timeline, first: info.first, busy: busy / 1000, self: [...self].map(([k, v]) => [k, v / 1000]).filter(([, v]) => v > 0.5).sort((a, b) => b[1] - a[1]), resources: info.resources, dcl: info.dcl, wasmBg: events.filter((e) => /wasm/i.test(e.name) && !(e.pid === pid && e.tid === tid) && e.ts >= t0 && e.ts < t1).reduce((a, e) => a + (e.dur ?? 0), 0) / 1000 };
}

const server = await startServer();
const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: LAUNCH_ARGS });
try {
  for (const path of paths) await traceOnce(browser, server.origin, path); // warm the server and the browser
  for (const path of paths) {
    const runs = [];
    for (let i = 0; i < LOADS; i++) runs.push(analyse(await traceOnce(browser, server.origin, path)));
    runs.sort((a, b) => a.first - b.first);
    const r = runs[Math.floor(runs.length / 2)];
    console.log(`\n== ${path}: first cell at ${r.first.toFixed(1)} ms (loads: ${runs.map((x) => x.first.toFixed(0)).join(', ')}); main thread busy ${r.busy.toFixed(1)} ms; Wasm work off the main thread ${r.wasmBg.toFixed(1)} ms; DOMContentLoaded ${r.dcl?.toFixed(1)}`);
    for (const [k, v] of r.self) console.log(`   ${v.toFixed(1).padStart(7)} ms  ${k}`);
    for (const line of r.timeline) console.log(line);
    console.log('   resources (requested → arrived, ms since navigation):');
    for (const res of r.resources) console.log(`   ${res.start.toFixed(1).padStart(7)} → ${res.end.toFixed(1).padStart(7)}  ${res.name}`);
  }
} finally {
  await browser.close();
  server.close();
}
