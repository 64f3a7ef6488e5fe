// Two things an intranet editor ran into: embed.html asked for
// models/sample.json even when its link carried a model (a 404 where that
// file was not copied) and showed a damaged link's message beside the
// element's own; and an element given a unit its model does not define said
// nothing. Here embed.html is served with only the files the README lists for
// the iframe (no models/), and the element is given an unknown unit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openPage, setup, SITE } from './harness.mjs';
import { serve, CSP } from '../../scripts/serve.mjs';

const env = setup();

/** The iframe's files as the README lists them, without models/sample.json. */
const IFRAME_FILES = ['embed.html', 'embed.js', 'embed.css', 'themes.css', 'element.js', 'pkg/diagram_bg.wasm'];
const copied = {};
before(async () => {
  copied.root = mkdtempSync(join(tmpdir(), 'wfe-iframe-'));
  for (const f of IFRAME_FILES) {
    mkdirSync(dirname(join(copied.root, f)), { recursive: true });
    copyFileSync(join(SITE, f), join(copied.root, f));
  }
  copied.server = await serve(copied.root, 0);
  copied.origin = `http://127.0.0.1:${copied.server.address().port}`;
});
after(() => {
  copied.server?.close();
  rmSync(copied.root, { recursive: true, force: true });
});

/** Opens embed.html with `hash`, recording every request it makes. */
async function embed(hash) {
  const page = await openPage(env.browser, null, { viewport: { width: 800, height: 600 } });
  page.requests = [];
  page.on('request', (r) => page.requests.push(new URL(r.url()).pathname));
  await page.goto(`${copied.origin}/embed.html#${hash}`);
  return page;
}

/** The error boxes a reader sees: the page's and the element's (in its shadow root). */
function visibleAlerts(page) {
  return page.evaluate(() => {
    const shown = (el) => el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const inShadow = [...document.querySelectorAll('workforce-ecosystem')].flatMap((e) => [...e.shadowRoot.querySelectorAll('[role="alert"]')]);
    return [...document.querySelectorAll('[role="alert"]'), ...inShadow].filter(shown).map((e) => e.textContent.trim());
  });
}

test('embed.html with a model in its link asks for nothing else; a damaged link shows one message', async () => {
  const fragment = `json=${Buffer.from(JSON.stringify({ schema: 'workforce-ecosystem/v1', name: 'Linked Co' })).toString('base64url')}&overlay=current`;
  const page = await embed(fragment);
  await page.waitForFunction(() => document.querySelector('workforce-ecosystem')?.state === 'ready');
  assert.equal(await page.title(), 'Linked Co – workforce ecosystem');
  assert.ok(!page.requests.some((p) => p.includes('models/')), `no sample requested: ${page.requests.join(' ')}`);
  assert.deepEqual(page.problems, [], 'no 404, no error');
  assert.deepEqual(await visibleAlerts(page), []);
  await page.context().close();

  for (const damaged of ['m=abc$def', `m=${Buffer.from('not deflate at all').toString('base64url')}`]) {
    const broken = await embed(damaged);
    await broken.waitForSelector('#problem:not([hidden])');
    await broken.waitForTimeout(300); // anything late (a sample's 404) would show by now
    const alerts = await visibleAlerts(broken);
    assert.equal(alerts.length, 1, alerts.join('\n---\n'));
    assert.match(alerts[0], /This embedded diagram’s link is broken/);
    assert.ok(!broken.requests.some((p) => p.includes('models/')), 'no sample requested in its place');
    assert.deepEqual(broken.problems, []);
    await broken.context().close();
  }
});

test('a unit the model does not define is reported with the core message and a visible note', async () => {
  const page = await openPage(env.browser, null);
  await page.route(`${env.origin}/intranet/unit.html`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      headers: { 'Content-Security-Policy': CSP },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
<script type="module" src="/element.js"></script></head><body>
<workforce-ecosystem overlay="current" unit="warehouses"></workforce-ecosystem></body></html>`,
    }),
  );
  await page.addInitScript(() => {
    window.wfeErrors = [];
    document.addEventListener('wfe-error', (e) => window.wfeErrors.push(e.detail));
  });
  await page.goto(`${env.origin}/intranet/unit.html`);
  await page.waitForFunction(() => window.wfeErrors.length > 0 && document.querySelector('workforce-ecosystem').state === 'ready');
  const coreMessage = await page.evaluate(async () => {
    const { default: init, Workspace } = await import('/pkg/workforce_ecosystem.js');
    await init();
    const ws = new Workspace(await (await fetch('/models/sample.json')).text());
    try {
      ws.svg({ overlay: 'current', unit: 'warehouses' });
      return null;
    } catch (e) {
      return e.message;
    }
  });
  assert.equal(coreMessage, 'options.unit: unknown unit "warehouses" (known: ports, retail)');
  assert.deepEqual(await page.evaluate(() => window.wfeErrors), [{ message: coreMessage, source: 'unit' }]);
  const shown = await page.evaluate(() => {
    const root = document.querySelector('workforce-ecosystem').shadowRoot;
    const error = root.querySelector('.error');
    return {
      note: error.hidden ? null : error.textContent,
      cells: root.querySelectorAll('.diagram svg .cell').length,
      unit: root.querySelector('select[name="unit"]').value,
    };
  });
  assert.ok(shown.note?.includes('Unknown unit; the diagram shows the mean over all units instead.'), shown.note);
  assert.ok(shown.note.includes(coreMessage));
  assert.equal(shown.cells, 24, 'the diagram is drawn, over all units');
  assert.equal(shown.unit, '', 'the unit switch says what is shown');
  assert.ok(await page.locator('workforce-ecosystem').locator('.error').isVisible());

  // a unit it has: the note goes
  await page.evaluate(() => document.querySelector('workforce-ecosystem').setAttribute('unit', 'retail'));
  await page.waitForFunction(() => document.querySelector('workforce-ecosystem').shadowRoot.querySelector('.error').hidden);
  assert.equal(await page.evaluate(() => window.wfeErrors.length), 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
