// axe-core over the embedding pages (demo.html with two elements, embed.html
// with the view controls) in the light, dark and high-contrast looks. axe
// looks inside open shadow roots, so the element's own markup is checked too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openPage, setup } from './harness.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const env = setup();

async function violations(path, media, viewport) {
  const page = await openPage(env.browser, null, viewport ? { viewport } : undefined);
  // Served from this origin, as the CSP allows no inline script.
  await page.route(`${env.origin}/__axe.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: AXE }));
  await page.emulateMedia(media);
  await page.goto(`${env.origin}${path}`);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('workforce-ecosystem')].every((e) => e.state === 'ready'),
  );
  await page.addScriptTag({ url: '/__axe.js' });
  const found = await page.evaluate(async () =>
    (await window.axe.run(document)).violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  );
  assert.deepEqual(page.problems, []);
  return found;
}

for (const [look, media] of [
  ['light', { colorScheme: 'light' }],
  ['dark', { colorScheme: 'dark' }],
  ['high-contrast', { colorScheme: 'light', contrast: 'more' }],
]) {
  test(`demo.html and embed.html pass axe in the ${look} look`, async () => {
    assert.deepEqual(await violations('/demo.html', media), []);
    assert.deepEqual(await violations('/embed.html#controls=1&overlay=current', media), []);
  });
}

test('embed.html at 200 % zoom (683 × 384), its drawing scrolling in its box, passes axe, read-only and with controls', async () => {
  const zoomed = { width: 683, height: 384 };
  assert.deepEqual(await violations('/embed.html#overlay=current', { colorScheme: 'light' }, zoomed), []);
  assert.deepEqual(await violations('/embed.html#controls=1&overlay=gap', { colorScheme: 'light' }, zoomed), []);
});
