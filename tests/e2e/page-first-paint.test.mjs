// The editor's first paint (www/first-paint.js): a first visit sees the
// sample's drawing made at build time as soon as the page's HTML and
// stylesheets are in, in the layout the core then draws it in, and the live
// drawing takes its place; any visit that does not open with the sample
// (stored work, a link, another language) never sees it. The page around
// the first paint has its English labels from the HTML and keeps its size when
// the scripts fill it; a visit in another language hides those labels until
// its own are in. The first paint
// chooses its layout with the core's numbers and a copy of the core's rule
// (layout-choice.js layoutFromFit); the first test holds the copy to the core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setup, openPage } from './harness.mjs';
import { initSync, Workspace } from '../../www/pkg/workforce_ecosystem.js';
import { layoutFromFit } from '../../www/layout-choice.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path) => readFileSync(ROOT + path, 'utf8');

const env = setup();

test('the first paint chooses a layout as the core does, for any room, model and options', () => {
  initSync({ module: readFileSync(ROOT + 'www/pkg/workforce_ecosystem_bg.wasm') });
  const models = ['www/models/sample.json', 'tests/fixtures/custom-framework.json', 'tests/fixtures/minimal.json'];
  let seen = new Set();
  for (const path of models) {
    const ws = new Workspace(read(path));
    const unit = ws.model().units[0]?.id ?? null;
    for (const options of [{ overlay: 'current' }, { overlay: 'gap', unit }, { overlay: 'none', caption: true }]) {
      const fit = ws.fit(options);
      for (let width = 200; width <= 2000; width += 23) {
        for (const height of [0, -1, 240, 480, 620, 700, 760, 874, 1000, 1400]) {
          const core = ws.fittingLayout(width, height, options);
          assert.equal(layoutFromFit(fit, width, height), core, `${path} ${JSON.stringify(options)} in ${width} × ${height}`);
          seen.add(core);
        }
      }
    }
    ws.free();
  }
  assert.deepEqual([...seen].sort(), ['narrow', 'square', 'wide'], 'the rooms tried reach every layout');
});

/** Notes, before any script of the page runs, what the first drawing in the diagram was and when. */
/**
 * When the page asked for its scripts (but first-paint.js), the core and the
 * sample, in ms since navigation, and when its HTML was all read.
 */
function requests(page) {
  return page.evaluate(() => ({
    asked: performance.getEntriesByType('resource')
      .map((e) => ({ path: new URL(e.name).pathname.slice(1), at: e.startTime }))
      .filter((r) => /\.(js|wasm|json)$/.test(r.path) && r.path !== 'first-paint.js'),
    parsed: /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]).domInteractive,
  }));
}

function watchDrawings() {
  window.__drawings = [];
  new MutationObserver(() => {
    const svg = document.querySelector('#diagram > svg');
    const last = window.__drawings.at(-1);
    if (!svg || last?.svg === svg) return;
    const height = (sel) => document.querySelector(sel)?.getBoundingClientRect().height ?? null;
    window.__drawings.push({
      svg,
      chrome: {
        brand: document.querySelector('.brand-name')?.textContent ?? null,
        segments: [...document.querySelectorAll('#overlay [data-overlay]')].map((b) => b.textContent),
        topbar: height('.topbar'),
        toolbar: height('.stage .toolbar'),
      },
      translating: document.documentElement.classList.contains('wfe-translating'),
      firstPaint: svg.getAttribute('data-first-paint'),
      layout: document.querySelector('.canvas')?.dataset.layout ?? null,
      viewBox: svg.getAttribute('viewBox'),
      title: svg.querySelector('title')?.textContent ?? '',
      cells: svg.querySelectorAll('.cell').length,
      ready: document.body?.dataset.ready ?? null,
      at: performance.now(),
    });
  }).observe(document, { childList: true, subtree: true });
}

const drawings = (page) => page.evaluate(() => window.__drawings.map(({ svg, ...d }) => ({ ...d, live: svg === document.querySelector('#diagram > svg') })));

test('a first visit paints the sample at once, in the layout the live drawing then takes, in every room', async () => {
  // a desktop, a phone, 200 % zoom of 1366 × 900, a tablet upright and on its side
  for (const viewport of [
    { width: 1366, height: 900 },
    { width: 390, height: 844 },
    { width: 683, height: 450 },
    { width: 768, height: 1024 },
    { width: 1024, height: 768 },
  ]) {
    const page = await openPage(env.browser, null, { viewport });
    await page.context().addInitScript(watchDrawings);
    await page.goto(`${env.origin}/`);
    await page.waitForSelector('body[data-ready="true"]');
    const [first, ...later] = await drawings(page);
    const where = `${viewport.width} × ${viewport.height}`;
    assert.ok(first.firstPaint, `${where}: the first drawing is the first paint`);
    assert.equal(first.firstPaint, first.layout, `${where}: the first paint says its layout`);
    assert.equal(first.ready, null);
    assert.match(first.title, /^Harbourline Group: workforce ecosystem, current levels/);
    assert.equal(first.cells, 24);
    assert.ok(later.length > 0, `${where}: the live drawing replaced the first paint`);
    const live = later.at(-1);
    assert.ok(live.live && !live.firstPaint);
    const final = await page.evaluate(() => document.querySelector('.canvas').dataset.layout);
    assert.equal(final, first.layout, `${where}: the live drawing is in the first paint's layout`);
    assert.equal(live.viewBox, first.viewBox, `${where}: the same drawing`);
    assert.equal(await page.locator('[data-first-paint]').count(), 0);
    // the page around it is whole already, and keeps its size when the scripts have filled it
    assert.equal(first.chrome.brand, 'Workforce ecosystem');
    assert.deepEqual(first.chrome.segments, ['Plain', 'Current', 'Target', 'Gap']);
    const now = await page.evaluate(() => ({
      topbar: document.querySelector('.topbar').getBoundingClientRect().height,
      toolbar: document.querySelector('.stage .toolbar').getBoundingClientRect().height,
    }));
    assert.deepEqual([first.chrome.topbar, first.chrome.toolbar], [now.topbar, now.toolbar], `${where}: the bars above the drawing did not move it`);
    assert.equal(first.translating, false);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('a first visit asks for the scripts, the core and the sample once the picture is on screen; any other visit at once', async () => {
  const page = await openPage(env.browser, null, { viewport: { width: 1366, height: 900 } });
  await page.context().addInitScript(watchDrawings);
  /** @type {string[]} */
  const warnings = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warning') warnings.push(msg.text());
  });
  await page.goto(`${env.origin}/`);
  await page.waitForSelector('body[data-ready="true"]');
  const [first] = await drawings(page);
  assert.ok(first.firstPaint);
  let { asked, parsed } = await requests(page);
  for (const kind of ['app.js', 'first-diagram.js', 'core-start.js', 'pkg/workforce_ecosystem_bg.wasm', 'models/sample.json']) {
    assert.ok(asked.some((r) => r.path === kind), `${kind} was asked for`);
  }
  for (const r of asked) assert.ok(r.at > first.at, `${r.path} asked for at ${r.at} ms, before the picture at ${first.at} ms`);
  // the held links and scripts are in the head now, once each
  assert.deepEqual(await page.evaluate(() => [
    document.getElementById('page-scripts'),
    document.querySelectorAll('head script[type="module"]').length,
    document.querySelectorAll('head link[rel="preload"]').length,
  ]), [null, 3, 2]);

  // stored work: no picture, so nothing waits for one
  await page.fill('#model-name', 'Our own ecosystem');
  await page.press('#model-name', 'Enter');
  await page.waitForTimeout(600); // the autosave's quiet time
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.match(await page.textContent('#diagram svg title'), /^Our own ecosystem/);
  ({ asked, parsed } = await requests(page));
  const wasm = asked.find((r) => r.path.endsWith('.wasm'));
  assert.ok(wasm && wasm.at < parsed, `the core asked for at ${wasm?.at} ms, while the HTML was read (until ${parsed} ms)`);
  assert.ok(asked.filter((r) => r.path.endsWith('.js')).every((r) => r.at < parsed), 'the scripts too');
  // the sample, not opened, is not asked for: the browser warned of its
  // preload unused
  assert.ok(!asked.some((r) => r.path === 'models/sample.json'), 'the sample is not asked for');
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('link[rel="preload"]')].map((l) => l.getAttribute('href'))), ['pkg/workforce_ecosystem_bg.wasm']);
  await page.waitForTimeout(3500); // the browser warns 3 s after the load
  assert.deepEqual(warnings.filter((w) => /preload/.test(w)), [], 'no preload went unused');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a visit with stored work, a link or another language never sees the sample painted first', async () => {
  const page = await openPage(env.browser, null, { viewport: { width: 1366, height: 900 } });
  const context = page.context();
  await context.addInitScript(watchDrawings);
  await page.goto(`${env.origin}/`);
  await page.waitForSelector('body[data-ready="true"]');
  // stored work: the model renamed, so every drawing of it says so
  await page.fill('#model-name', 'Our own ecosystem');
  await page.press('#model-name', 'Enter');
  await page.waitForFunction(() => document.querySelector('#diagram svg title')?.textContent.startsWith('Our own ecosystem'));
  await page.waitForTimeout(600); // the autosave's quiet time
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  let seen = await drawings(page);
  assert.ok(seen.length > 0);
  for (const d of seen) {
    assert.equal(d.firstPaint, null, 'no first paint over stored work');
    assert.match(d.title, /^Our own ecosystem/, 'only the stored work was drawn');
  }

  // a link to another model, in a fresh browser
  const model = JSON.stringify({ schema: 'workforce-ecosystem/v1', name: 'Linked Co', assessments: [] });
  const linked = await openPage(env.browser, null);
  await linked.context().addInitScript(watchDrawings);
  await linked.goto(`${env.origin}/#json=${Buffer.from(model).toString('base64url')}`);
  await linked.waitForSelector('body[data-ready="true"]');
  seen = await drawings(linked);
  assert.ok(seen.length > 0);
  for (const d of seen) {
    assert.equal(d.firstPaint, null, 'no first paint over a link');
    assert.match(d.title, /^Linked Co/);
  }
  assert.deepEqual(linked.problems, []);
  await linked.context().close();

  // French, remembered from an earlier visit: the sample comes drawn in French
  const french = await openPage(env.browser, null);
  await french.context().addInitScript(() => localStorage.setItem('wfe-lang', 'fr'));
  await french.context().addInitScript(watchDrawings);
  await french.context().addInitScript(() => {
    new MutationObserver((_, seen) => {
      if (!document.getElementById('display-toggle')) return;
      seen.disconnect();
      window.__hiddenAtFirst = getComputedStyle(document.getElementById('display-toggle')).visibility === 'hidden'
        && document.documentElement.classList.contains('wfe-translating');
    }).observe(document, { childList: true, subtree: true });
  });
  await french.goto(`${env.origin}/`);
  await french.waitForSelector('body[data-ready="true"]');
  seen = await drawings(french);
  assert.ok(seen.length > 0);
  for (const d of seen) assert.equal(d.firstPaint, null, 'no English first paint on a French page');
  // the HTML's English labels stayed hidden until the French ones were in
  assert.ok(await french.evaluate(() => window.__hiddenAtFirst), 'hidden while the French texts load');
  assert.ok(await french.evaluate(() => !document.documentElement.classList.contains('wfe-translating')));
  assert.equal(await french.textContent('#display-toggle'), 'Vue en tableau');
  assert.equal(await french.evaluate(() => getComputedStyle(document.getElementById('display-toggle')).visibility), 'visible');
  assert.deepEqual(french.problems, []);
  await french.context().close();
  await context.close();
});

test('when the core cannot start, the picture gives way to a message that says why', async () => {
  const page = await openPage(env.browser, null, { viewport: { width: 1366, height: 900 } });
  await page.context().addInitScript(watchDrawings);
  // as where a policy blocks WebAssembly or the module is missing
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not here' }));
  await page.goto(`${env.origin}/`);
  const alert = page.locator('#diagram .core-failed[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /The diagram engine \(WebAssembly\) could not start in this browser.*wasm-unsafe-eval/);
  const [first] = await drawings(page);
  assert.ok(first.firstPaint, 'the picture was painted first');
  assert.equal(await page.locator('#diagram svg').count(), 0, 'and is gone');
  assert.ok(await page.locator('#diagram-hint').isHidden(), 'no hint about cells that are not there');
  await page.context().close();
});
