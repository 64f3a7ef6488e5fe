// Diagram text at 12 CSS px or more at every size the pages show it: the
// editor at 1366 px and on a 390×844 phone, the presenter view at 1280×800
// and 1920×1080 (a title block, the drawing filling its half of the screen),
// and the element in a 500 px embed. Each time the layout is the one the
// core picks for the room, no two labels lie on each other, and names read
// on their rings stay turned no steeper than 60°.
//
//   SHOTS=DIR node --test tests/e2e/page-text-size.test.mjs  also saves a
//   screenshot of each case in DIR, to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openPage } from './harness.mjs';
import { setup, open, measureDiagram as measure } from './page-helpers.mjs';

const env = setup();

function assertReadable(m, what) {
  assert.ok(m.count > 10, `${what}: the labels are drawn`);
  assert.ok(m.smallest >= 12, `${what}: "${m.smallestText}" is ${m.smallest.toFixed(1)} px (${m.layout})`);
  assert.deepEqual(m.overlaps, [], `${what}: labels overlap`);
  for (const turn of m.turns) assert.ok(Math.abs(turn) <= 60, `${what}: a name turned ${turn}°`);
}

async function shot(page, name) {
  if (process.env.SHOTS) await page.screenshot({ path: join(process.env.SHOTS, `${name}.png`) });
}

test('the editor: 12 px text at 1366 px beside the panels, and on a phone', async () => {
  for (const [viewport, expected] of [
    [{ width: 1366, height: 768 }, ['wide', 'square']],
    [{ width: 390, height: 844 }, ['narrow']],
  ]) {
    const page = await open(env, { viewport });
    const m = await page.evaluate(measure, { root: '#diagram svg' });
    const what = `editor at ${viewport.width}×${viewport.height}`;
    assert.ok(expected.includes(m.layout), `${what}: ${m.layout} layout`);
    assertReadable(m, what);
    if (m.layout !== 'narrow') assert.ok(m.turns.length >= 2, `${what}: the outer names are read on their rings`);
    assert.equal(m.caption, false, `${what}: no title block in the live diagram`);
    await shot(page, `editor-${viewport.width}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('the presenter view: a title block, the drawing filling its half, 12 px text', async () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    const page = await openPage(env.browser, `${env.origin}/teach.html`, { viewport });
    await page.waitForSelector('#tour-diagram svg');
    await page.click('#presenter');
    await page.waitForFunction(() => document.querySelector('#tour-diagram svg .caption'));
    await page.waitForTimeout(300);
    const m = await page.evaluate(measure, { root: '#tour-diagram svg' });
    const what = `presenter view at ${viewport.width}×${viewport.height}`;
    assertReadable(m, what);
    assert.equal(m.layout, 'square', `${what}: the square layout`);
    // Its half of the stage is about 47% of the screen's width (teach.css).
    assert.ok(m.width >= viewport.width * 0.4 || m.height >= viewport.height * 0.85, `${what}: the drawing is ${m.width}×${m.height}`);
    await shot(page, `presenter-${viewport.width}`);
    // Leaving drops the title block again.
    await page.click('#leave-presenter');
    await page.waitForFunction(() => !document.querySelector('#tour-diagram svg .caption'));
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('a 500 px embed: the narrow layout at 12 px, a title block only when asked', async () => {
  const page = await openPage(env.browser, `${env.origin}/embed.html`, { viewport: { width: 800, height: 900 } });
  await page.waitForFunction(() => document.getElementById('diagram').shadowRoot?.querySelector('svg.wfe-diagram'));
  await page.evaluate(() => {
    document.getElementById('diagram').style.width = '500px';
  });
  await page.waitForFunction(() => document.getElementById('diagram').shadowRoot.querySelector('svg.wfe-layout-narrow'));
  const m = await page.evaluate(measure, { root: 'svg.wfe-diagram', host: '#diagram' });
  assertReadable(m, '500 px embed');
  assert.equal(m.caption, false, 'no title block unless asked');
  await shot(page, 'embed-500');
  await page.evaluate(() => document.getElementById('diagram').setAttribute('caption', '4 December 2026'));
  await page.waitForFunction(() => document.getElementById('diagram').shadowRoot.querySelector('svg .caption'));
  const captioned = await page.evaluate(measure, { root: 'svg.wfe-diagram', host: '#diagram' });
  assertReadable(captioned, '500 px embed with a caption');
  const text = await page.evaluate(() => document.getElementById('diagram').shadowRoot.querySelector('.caption-text').textContent);
  assert.match(text.replace(/\s+/g, ' '), /4 December 2026/);
  await shot(page, 'embed-500-caption');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
