// `make bench` (browser part): how long the page takes from an edit to the
// updated diagram and findings, in headless Chromium under the strict CSP,
// on the sample organization and on a model 100 times its size.
//
// One edit = changing a score in the cell editor, as a user does: the change
// handler applies the edit in the core, which recomputes the analysis and
// updates the diagram in place; the page then redraws findings, readiness
// and the editor. "sync" is that work plus the style and layout it causes;
// "frame" runs until the next animation frame has started, i.e. until the
// browser may paint the result.
//
// A second run undoes and redoes a score with the Findings tab open, so each
// step also redraws the list of findings. A third suggests a plan of every
// finding of the 100× model, made in a worker as the page does and on the
// main thread, and says when it opened and the longest the page was busy.
//
// Not a test: it prints figures (median and p95) and the goal, and exits 0.
import { launch, startServer, openPage } from './harness.mjs';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const EDITS = Number(process.env.BENCH_EDITS ?? 60);
const WARMUP = 5;
/** Goals: the median edit → updated page on the sample and on the 100× model. */
const GOAL_MS = { sample: 4, x100: 16 };

/**
 * The sample scaled 100× by the core's own `generate::scaled`, the same
 * model the native and Wasm benchmarks use: `examples/scaled.rs` writes it.
 */
function scaledSample(factor) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const out = execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'scaled', '--', 'target/bench-models'], {
    cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
  });
  const row = out.trim().split('\n').map((l) => JSON.parse(l)).find((r) => r.factor === factor);
  if (!row) throw new Error(`examples/scaled.rs wrote no ${factor}× model`);
  return JSON.parse(readFileSync(join(root, row.file), 'utf8'));
}

/** Opens `model` in the page as a user does (Open ▸ a file) and waits until it is on show. */
async function openModel(page, model) {
  await page.setInputFiles('#file-input', { name: 'x100.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) });
  await page.waitForFunction((name) => document.getElementById('model-name').value === name, model.name);
}

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p95: at(0.95), min: s[0], max: s[s.length - 1] };
}

const ms = (v) => `${v.toFixed(2)} ms`;

async function measure(page, label) {
  // Show one unit (so that its score is what the cell shows, however many
  // units there are), open the editor of a cell, then alternate the score.
  await page.selectOption('#unit-filter', 'ports');
  await page.evaluate(() => document.querySelector('#diagram .cell[data-theme="integration"][data-player="hr"]')
    .dispatchEvent(new MouseEvent('click', { bubbles: true })));
  await page.waitForSelector('#pane-cell [data-key="u:ports:current"]');
  const result = await page.evaluate(async ({ edits, warmup }) => {
    const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
    const sync = [];
    const painted = [];
    const cellValue = () => [...document.querySelectorAll('#diagram .cell-value')]
      .find((c) => c.dataset.theme === 'integration' && c.dataset.player === 'hr').textContent;
    for (let i = 0; i < edits + warmup; i += 1) {
      await frame();
      const select = document.querySelector('#pane-cell [data-key="u:ports:current"]');
      const before = cellValue();
      const findingsBefore = document.getElementById('findings-count').textContent;
      select.value = select.value === '3' ? '1' : '3';
      const t0 = performance.now();
      select.dispatchEvent(new Event('change', { bubbles: true }));
      void document.body.offsetHeight; // style and layout of what changed
      const t1 = performance.now();
      await frame();
      const t2 = performance.now();
      if (cellValue() === before) throw new Error('the diagram did not change');
      if (i >= warmup) {
        sync.push(t1 - t0);
        painted.push(t2 - t0);
      }
      void findingsBefore;
    }
    return { sync, painted };
  }, { edits: EDITS, warmup: WARMUP });
  const s = stats(result.sync);
  const f = stats(result.painted);
  console.log(`${label.padEnd(28)} sync  median ${ms(s.median).padStart(9)}  p95 ${ms(s.p95).padStart(9)}  (min ${ms(s.min)}, max ${ms(s.max)})`);
  console.log(`${''.padEnd(28)} frame median ${ms(f.median).padStart(9)}  p95 ${ms(f.p95).padStart(9)}`);
  return s;
}

/**
 * The same with the list of findings on show: a score edit is undone and
 * redone from the toolbar while the Findings tab is open, so each step also
 * redraws the list (a closed gap leaves it and comes back).
 */
async function measureWithList(page, label) {
  await page.selectOption('#unit-filter', 'ports');
  await page.evaluate(() => document.querySelector('#diagram .cell[data-theme="integration"][data-player="hr"]')
    .dispatchEvent(new MouseEvent('click', { bubbles: true })));
  await page.waitForSelector('#pane-cell [data-key="u:ports:current"]');
  await page.selectOption('#pane-cell [data-key="u:ports:current"]', '2');
  await page.click('#tab-findings');
  const result = await page.evaluate(async ({ edits, warmup }) => {
    const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
    const sync = [];
    // what the pane says, its groups' counts too: past a hundred findings the
    // list shows a part of each kind and the tab's count is rounded (4.1K),
    // so a gap closed or opened changes only its group's count
    const listed = () => document.getElementById('pane-findings').textContent;
    for (let i = 0; i < edits + warmup; i += 1) {
      await frame();
      const before = listed();
      const button = document.getElementById(i % 2 === 0 ? 'undo' : 'redo');
      const t0 = performance.now();
      button.click();
      void document.body.offsetHeight;
      const t1 = performance.now();
      if (listed() === before) throw new Error('the findings did not change');
      if (i >= warmup) sync.push(t1 - t0);
    }
    return sync;
  }, { edits: EDITS, warmup: WARMUP });
  const s = stats(result);
  console.log(`${label.padEnd(28)} sync  median ${ms(s.median).padStart(9)}  p95 ${ms(s.p95).padStart(9)}  (min ${ms(s.min)}, max ${ms(s.max)})`);
  return s;
}

/**
 * Organisation ▸ each section, 100×: click → the section painted (two
 * frames). Systems built a million controls before its cards opened on
 * demand (82 s); owners looked through every responsibility per cell.
 */
async function measureOrg(page) {
  await page.click('#tab-org');
  await page.waitForSelector('#pane-org .subnav-item');
  for (const section of ['systems', 'owners', 'units', 'contributors']) {
    const took = await page.evaluate(async (s) => {
      const t0 = performance.now();
      /** @type {HTMLElement} */ (document.querySelector(`#pane-org [data-section="${s}"]`)).click();
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      return performance.now() - t0;
    }, section);
    console.log(`  ${section.padEnd(32)} shown after ${ms(took)}`);
  }
}

const browser = await launch();
const { server, origin } = await startServer();
try {
  const page = await openPage(browser, `${origin}/`);
  await page.waitForSelector('body[data-ready="true"]');
  const sample = JSON.parse(await page.evaluate(async () => (await fetch('models/sample.json')).text()));
  console.log(`Edit → updated diagram and findings, ${EDITS} edits each (headless Chromium, strict CSP)`);
  const small = await measure(page, `sample (${sample.assessments.length} assessments)`);

  const big = scaledSample(100);
  const page100 = await openPage(browser, `${origin}/`);
  await page100.waitForSelector('body[data-ready="true"]');
  await openModel(page100, big);
  const large = await measure(page100, `100× (${big.assessments.length} assessments)`);
  // the same edits in a what-if, compared with its baseline on each
  await page100.click('#new-scenario');
  await page100.waitForSelector('#dialog[open]');
  await page100.fill('#dialog input', 'Bench');
  await page100.click('#dialog button[value="start"]');
  await page100.waitForSelector('#scenario-banner:not([hidden])');
  await measure(page100, '100×, in a what-if');

  console.log('Undo/redo of a score with the findings list on show');
  const listPage = await openPage(browser, `${origin}/`);
  await listPage.waitForSelector('body[data-ready="true"]');
  await measureWithList(listPage, 'sample');
  const listPage100 = await openPage(browser, `${origin}/`);
  await listPage100.waitForSelector('body[data-ready="true"]');
  await openModel(listPage100, big);
  await measureWithList(listPage100, '100×');
  page.problems.push(...listPage.problems, ...listPage100.problems);

  console.log('Organisation sections, 100×: click → painted');
  const orgPage = await openPage(browser, `${origin}/`);
  await orgPage.waitForSelector('body[data-ready="true"]');
  await openModel(orgPage, big);
  await measureOrg(orgPage);
  page.problems.push(...orgPage.problems);
  await orgPage.context().close();

  console.log('Suggest a plan of every finding, 100×: click → the plan open, and the longest the page did not answer');
  for (const [label, worker] of [['in a worker (the page)', true], ['on the main thread (no worker)', false]]) {
    const planPage = await openPage(browser, null);
    if (!worker) await planPage.addInitScript(() => { window.Worker = undefined; });
    await planPage.goto(`${origin}/`);
    await planPage.waitForSelector('body[data-ready="true"]');
    await openModel(planPage, big);
    await planPage.click('#tab-findings');
    await planPage.click('#suggest-plan');
    await planPage.waitForSelector('#dialog[open].plan-dialog');
    await planPage.waitForTimeout(1000); // a person choosing (the worker reads the model meanwhile)
    await planPage.evaluate(() => {
      window.longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.longest = Math.max(window.longest, e.duration);
      }).observe({ type: 'longtask' });
      document.querySelector('#dialog button[value="plan"]').addEventListener('click', () => { window.clicked = performance.now(); }, { capture: true });
    });
    await planPage.click('#dialog button[value="plan"]');
    await planPage.waitForSelector('#scenario-banner:not([hidden])');
    const { open, longest } = await planPage.evaluate(() => ({ open: performance.now() - window.clicked, longest: window.longest }));
    console.log(`  ${label.padEnd(32)} open after ${ms(open)}, longest task ${ms(longest)}`);
    page.problems.push(...planPage.problems);
    await planPage.context().close();
  }

  for (const [what, s, goal] of [['the sample', small, GOAL_MS.sample], ['the 100× model', large, GOAL_MS.x100]]) {
    console.log(`Goal: median at most ${goal} ms on ${what} — ${s.median <= goal ? 'met' : 'NOT met'} (${ms(s.median)}).`);
  }
  const problems = [...page.problems, ...page100.problems];
  if (problems.length) {
    console.log(`Page problems during the benchmark:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  server.close();
}
