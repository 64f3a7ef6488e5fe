// `make bench`: cold time to the first diagram, in one Chromium run.
//
// Each load opens the page in a fresh browser context (empty cache, no saved
// work) on the same local server under the project's content-security
// policy, and takes the time from navigation to the first laid-out diagram
// cell: an init script watches the document and every shadow root for the
// first `.cell`, forces layout on it, and notes performance.now() (whose
// origin is the navigation). The pages are loaded interleaved, round after
// round, so that a busy moment of the machine hits all of them alike; the
// first round only warms the server and the browser and is not counted.
//
// The figures are ratios to the floor: bench/floor.html, one small module
// writing the 24 chevron cells as an SVG string. Goals: the editor at most
// 1.5× the floor, embed.html and a page with the custom element at most 1.3×.
//
// Not a test: it prints figures and the goals, and exits 0 unless a page
// failed to draw.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { chromiumPath, LAUNCH_ARGS } from '../tests/e2e/harness.mjs';
import { readFileSync } from 'node:fs';
import { SNIPPET_PAGE, writeSnippetPage } from './snippet-page.mjs';
import { BOUND_PAGE, DRAWN_PAGE, writeBoundPages } from './bound-pages.mjs';
import { modelFragment } from '../www/fragment.js';

const ROUNDS = Number(process.env.BENCH_LOADS ?? 9);

/** [label, path, goal as a ratio to the floor (or null)] */
export const PAGES = [
  ['floor: 24 cells from one small script', '/bench/floor.html', null],
  ['D3 tech radar (d3.min.js + a script)', '/bench/d3-radar.html', null],
  // lower bounds (bench/bound-pages.mjs): the core's drawing made ahead of time
  ['bound: the core\'s drawing, inserted', DRAWN_PAGE, null],
  ['bound: … after compiling the core', BOUND_PAGE, null],
  ['embed.html', '/dist/embed.html', 1.3],
  // as the Share dialog's links and iframes use it: the model in the fragment
  ['embed.html with the sample in its link', `/dist/embed.html#${await modelFragment(readFileSync(new URL('../www/models/sample.json', import.meta.url), 'utf8'))}`, 1.3],
  ['the element as the Embed dialog gives it', SNIPPET_PAGE, 1.3],
  ['the element with no picture (the sample)', '/bench/element.html', 1.3],
  ['… and the README\'s preload of the core', '/bench/element-preload.html', 1.3],
  ['the editor, index.html', '/dist/index.html', 1.5],
];

/** Runs before any script of the page: notes when the first cell is laid out. */
function watchFirstCell() {
  let done = false;
  const check = (root) => {
    if (done) return;
    const cell = root.querySelector('.cell');
    if (!cell) return;
    done = true;
    cell.getBoundingClientRect(); // style and layout up to date, as for painting
    window.__firstCell = performance.now();
    window.__cellCount = () => {
      const host = document.querySelector('workforce-ecosystem');
      return (host?.shadowRoot ?? document).querySelectorAll('.cell').length;
    };
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

/**
 * Waits until the init script has noted the first cell. Polled with plain
 * evaluations: Playwright's waitForFunction first injects its own script
 * into the page, about 40 ms of parsing on the page's main thread, which
 * lands in the middle of a load that takes longer than the floor's (a trace
 * of the editor showed it there) and would be counted against that page.
 */
export async function firstCellNoted(page) {
  for (const start = Date.now(); (await page.evaluate(() => window.__firstCell)) === undefined; ) {
    if (Date.now() - start > 30_000) throw new Error('no diagram cell within 30 s');
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

async function loadOnce(browser, origin, path) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  try {
    await context.addInitScript(watchFirstCell);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      // (the browser asks for /favicon.ico of its own accord; the server root has none)
      if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(`${m.text()} ${m.location().url}`);
    });
    await page.goto(`${origin}${path}`, { waitUntil: 'commit' });
    await firstCellNoted(page);
    const { ms, cells } = await page.evaluate(() => ({ ms: window.__firstCell, cells: window.__cellCount() }));
    if (errors.length) throw new Error(`${path}: ${errors.join('; ')}`);
    return { ms, cells };
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Serves the repository (dist/ and bench/) under the project's CSP from a
 * process of its own, so that the benchmark's own work never delays a response.
 */
export async function startServer() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const code = `const { serve } = await import('./scripts/serve.mjs');
    const s = await serve(process.cwd(), 0);
    console.log(s.address().port);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await once(child.stdout, 'data');
  return { origin: `http://127.0.0.1:${String(line).trim()}`, close: () => child.kill() };
}

export async function coldLoads(rounds = ROUNDS) {
  await writeSnippetPage();
  await writeBoundPages();
  const server = await startServer();
  const origin = server.origin;
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: LAUNCH_ARGS });
  const times = PAGES.map(() => []);
  try {
    for (let round = 0; round <= rounds; round++) {
      for (const [i, [, path]] of PAGES.entries()) {
        const { ms, cells } = await loadOnce(browser, origin, path);
        if (cells < 24) throw new Error(`${path} drew ${cells} cells`);
        if (round > 0) times[i].push(ms);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return PAGES.map(([label, path, goal], i) => ({
    label, path, goal, median: median(times[i]), times: times[i],
    // each load against the floor's load of the same round, moments apart
    roundRatio: median(times[i].map((t, round) => t / times[0][round])),
  }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await coldLoads();
  const floor = rows[0].median;
  console.log(`Cold load to the first laid-out diagram cell (fresh context each load, median of ${ROUNDS}, interleaved)`);
  console.log(`  ${''.padEnd(40)}${'median'.padStart(10)} ${'(range)'.padEnd(11)} × floor  (per round, best)`);
  for (const r of rows) {
    const ratio = r.median / floor;
    const goal = r.goal === null ? '' : `   goal ≤ ${r.goal}× — ${ratio <= r.goal ? 'met' : 'NOT met'}`;
    const spread = `(${Math.min(...r.times).toFixed(0)}–${Math.max(...r.times).toFixed(0)})`;
    const best = Math.min(...r.times) / Math.min(...rows[0].times);
    console.log(`  ${r.label.padEnd(40)}${r.median.toFixed(1).padStart(7)} ms ${spread.padEnd(11)} ${ratio.toFixed(2).padStart(5)}×  (${r.roundRatio.toFixed(2)}×, ${best.toFixed(2)}×)${goal}`);
  }
}
