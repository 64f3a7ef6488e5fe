// Phones: at 390×844 and 320 CSS px the editor and the classroom page never
// scroll sideways (Organization → Owners included), every tab is in view with
// its whole name, and the diagram, in the core's narrow layout, fills the
// width near the top of the screen with every text at 12 CSS px or more and
// no two labels on each other. The page and the element follow their width.
// A passing notice goes at the first touch outside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage } from './harness.mjs';
import { setup, open, measureDiagram as measure, startScenario, storedDocs } from './page-helpers.mjs';

const env = setup();
const PHONES = [
  { width: 390, height: 844 },
  { width: 320, height: 640 },
];

function assertPhoneDiagram(m, viewport, what) {
  assert.equal(m.layout, 'narrow', `${what}: narrow layout`);
  assert.ok(m.scrollWidth <= m.innerWidth, `${what}: page is ${m.scrollWidth} px wide on a ${m.innerWidth} px screen`);
  assert.ok(m.width >= viewport.width - 40, `${what}: the diagram fills the width (${m.width} px)`);
  assert.ok(m.smallest >= 12, `${what}: smallest diagram text is ${m.smallest.toFixed(1)} px`);
  assert.ok(m.count > 20, `${what}: the labels are drawn`);
  assert.deepEqual(m.overlaps, [], `${what}: labels overlap`);
}

test('the editor on a phone: narrow diagram near the top, readable, no sideways scroll, every tab whole', async () => {
  for (const viewport of PHONES) {
    const page = await open(env, { viewport });
    const m = await page.evaluate(measure, { root: '#diagram svg' });
    assertPhoneDiagram(m, viewport, `editor at ${viewport.width}`);
    assert.ok(m.top <= 300, `the diagram starts ${Math.round(m.top)} px down`);
    // Every tab in view, its name not cut.
    const tabs = await page.$$eval('.panel [role="tab"]', (els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { text: el.textContent.trim(), left: r.left, right: r.right, whole: el.scrollWidth <= el.clientWidth + 1 };
      }),
    );
    assert.ok(tabs.length >= 4);
    for (const tab of tabs) {
      assert.ok(tab.left >= 0 && tab.right <= viewport.width, `tab ${tab.text} is in view (${tab.left}–${tab.right})`);
      assert.ok(tab.whole, `tab ${tab.text} shows its whole name`);
    }
    // Organization → Owners: the matrix scrolls in its pane, never the page.
    await page.click('#tab-org');
    await page.locator('.subnav-item', { hasText: 'Owners' }).click();
    await page.waitForSelector('.matrix');
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= viewport.width, `with the owners open the page is ${wide} px wide`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('on a 390 px phone a finding or a readiness label with a long unbroken name (a URL) wraps: the page never scrolls sideways', async () => {
  const hostile = readFileSync(new URL('../fixtures/hostile.json', import.meta.url));
  const page = await open(env, { viewport: { width: 390, height: 844 } });
  await page.setInputFiles('#file-input', { name: 'hostile.json', mimeType: 'application/json', buffer: hostile });
  await page.waitForFunction((n) => document.getElementById('model-name').value === n, JSON.parse(String(hostile)).name);
  await page.waitForSelector('.finding-button');
  const wide = () => page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(await wide() <= 390, `with the findings shown the page is ${await wide()} px wide`);
  const buttons = await page.$$eval('.finding-button', (els) => els.map((e) => Math.round(e.getBoundingClientRect().right)));
  assert.ok(buttons.length > 0 && buttons.every((right) => right <= 390), `findings end inside the screen (${Math.max(...buttons)})`);
  await page.click('#tab-readiness');
  await page.waitForSelector('.bar-row');
  assert.ok(await wide() <= 390, `with the readiness shown the page is ${await wide()} px wide`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the classroom page on a phone: narrow tour diagram, readable, no sideways scroll, tabs in view', async () => {
  for (const viewport of PHONES) {
    const page = await openPage(env.browser, `${env.origin}/teach.html`, { viewport });
    await page.waitForSelector('#tour-diagram svg');
    const m = await page.evaluate(measure, { root: '#tour-diagram svg' });
    assertPhoneDiagram(m, viewport, `classroom at ${viewport.width}`);
    assert.ok(m.top <= 360, `the diagram starts ${Math.round(m.top)} px down`);
    const tabs = await page.$$eval('.teach-tabs [role="tab"]', (els) => els.map((el) => el.getBoundingClientRect().right));
    for (const right of tabs) assert.ok(right <= viewport.width, `a tab ends at ${right}`);
    for (const tab of ['blank', 'compare', 'export']) {
      await page.click(`#tab-${tab}`);
      const w = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(w <= viewport.width, `the ${tab} view is ${w} px wide`);
    }
    await page.click('#tab-blank');
    const blank = await page.evaluate(measure, { root: '#blank-diagram svg' });
    assertPhoneDiagram(blank, viewport, `blank diagram at ${viewport.width}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('the editor and the element change layout when their room changes', async () => {
  const page = await open(env, { viewport: { width: 1366, height: 768 } });
  const layout = () => page.evaluate(() => (document.querySelector('#diagram svg').classList.contains('wfe-layout-narrow') ? 'narrow' : 'wide'));
  assert.equal(await layout(), 'wide');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForFunction(() => document.querySelector('#diagram svg.wfe-layout-narrow'));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.waitForFunction(() => !document.querySelector('#diagram svg.wfe-layout-narrow'));
  assert.deepEqual(page.problems, []);
  await page.context().close();

  // The embeddable element: narrow in a phone, and as its attribute says.
  const embed = await openPage(env.browser, `${env.origin}/embed.html`, { viewport: { width: 390, height: 844 } });
  await embed.waitForFunction(() => document.getElementById('diagram').shadowRoot?.querySelector('svg.wfe-diagram'));
  const m = await embed.evaluate(measure, { root: 'svg.wfe-diagram', host: '#diagram' });
  assertPhoneDiagram(m, { width: 390 }, 'element at 390');
  await embed.evaluate(() => document.getElementById('diagram').setAttribute('layout', 'wide'));
  await embed.waitForFunction(() => !document.getElementById('diagram').shadowRoot.querySelector('svg.wfe-layout-narrow'));
  assert.deepEqual(embed.problems, []);
  await embed.context().close();
});

test('on a 390 px phone the Export menu stays on screen with a what-if’s items, in English and French', async () => {
  for (const lang of ['en', 'fr']) {
    const page = await openPage(env.browser, null, { viewport: { width: 390, height: 844 } });
    await page.addInitScript((l) => localStorage.setItem('wfe-lang', l), lang);
    await page.goto(`${env.origin}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await startScenario(page, 'W');
    await page.click('#export');
    const box = await page.$eval('#export-menu', (m) => m.getBoundingClientRect().toJSON());
    assert.ok(box.left >= 0 && box.right <= 390, `${lang}: ${box.left}–${box.right}`);
    assert.ok(await page.isVisible('#export-menu [data-export="comparison-md"]'), lang);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

/** Work of one's own, saved, and the page opened again: the "restored" notice on show. */
async function restored(page) {
  await page.fill('#model-name', 'My own work');
  await page.press('#model-name', 'Enter');
  for (let i = 0; !(await storedDocs(page)).some((d) => d.name === 'My own work'); i++) {
    assert.ok(i < 100, 'the work was never saved');
    await page.waitForTimeout(100);
  }
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#notice:not([hidden])');
  assert.match(await page.textContent('#notice-text'), /restored/);
}

test('on a phone a passing notice goes at the first touch or scroll outside it, still said to screen readers; on a wide screen it stays', async () => {
  const page = await open(env, { viewport: { width: 390, height: 844 } });
  await restored(page);
  const box = await page.locator('#notice').boundingBox();
  // a touch on the notice's own words keeps it
  await page.mouse.click(box.x + 20, box.y + 12);
  assert.equal(await page.isVisible('#notice'), true, 'a touch on the notice keeps it');
  // the user turns to the page (a bare spot of the toolbar, above the notice): it goes
  await page.mouse.click(380, 135);
  await page.waitForSelector('#notice', { state: 'hidden', timeout: 1000 });
  assert.match(await page.textContent('#announcer'), /restored/, 'still said to screen readers');
  // again, and a scroll of the wheel outside it
  await restored(page);
  await page.mouse.move(195, 300);
  await page.mouse.wheel(0, 200);
  await page.waitForSelector('#notice', { state: 'hidden', timeout: 1000 });
  assert.deepEqual(page.problems, []);
  await page.context().close();

  const wide = await open(env, { viewport: { width: 1366, height: 768 } });
  await restored(wide);
  await wide.mouse.click(1300, 740);
  await wide.mouse.wheel(0, 200);
  await wide.waitForTimeout(300);
  assert.equal(await wide.isVisible('#notice'), true, 'beside the work on a wide screen, it stays its while');
  await wide.context().close();
});
