// axe-core (WCAG 2.1 A and AA rules and axe's best practices) finds no
// violation of any impact on the classroom page in each of its states (each
// tour step, the presenter view, every tab, a comparison, French, forced
// colours, the dark look, 390 and 320 px wide), on embed.html, on demo.html
// and on a page holding the custom element, interactive and read-only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './harness.mjs';
import { setup, axeViolations, openTeach, compareStudent } from './page-helpers.mjs';

const env = setup();

/** axe's findings on the page now, each prefixed with `state`. */
async function check(page, state) {
  return (await axeViolations(page)).map((v) => `${state}: ${v}`);
}

/** Every state of the classroom page the tests reach, checked by axe. */
async function sweepTeach(page, label) {
  const found = [];
  const steps = await page.locator('.tour-dot').count();
  for (let i = 0; i < steps; i++) {
    await page.click(`.tour-dot >> nth=${i}`);
    found.push(...(await check(page, `${label} step ${i + 1}`)));
  }
  await page.click('#presenter');
  await page.waitForSelector('#stage.is-presenting');
  found.push(...(await check(page, `${label} presenter view`)));
  await page.click('#leave-presenter');
  await page.waitForSelector('#stage:not(.is-presenting)');
  for (const view of ['blank', 'compare', 'export']) {
    await page.click(`#tab-${view}`);
    found.push(...(await check(page, `${label} ${view}`)));
  }
  // A comparison with a student who answered a few cells differently.
  await compareStudent(page);
  found.push(...(await check(page, `${label} comparison`)));
  await page.click('#tab-tour');
  return found;
}

test('axe finds nothing on the classroom page in any state, in English and French', async () => {
  const page = await openTeach(env);
  const found = await sweepTeach(page, 'en');
  await page.selectOption('#lang', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  found.push(...(await sweepTeach(page, 'fr')));
  assert.deepEqual(found, []);
  assert.deepEqual(page.problems, []);
});

for (const [look, options] of [
  ['forced colours', { media: { forcedColors: 'active' } }],
  ['dark', { media: { colorScheme: 'dark' } }],
  ['390 px wide', { viewport: { width: 390, height: 844 } }],
  ['320 px wide', { viewport: { width: 320, height: 640 } }],
]) {
  test(`axe finds nothing on the classroom page: ${look}`, async () => {
    const page = await openTeach(env, options);
    assert.deepEqual(await sweepTeach(page, look), []);
    assert.deepEqual(page.problems, []);
  });
}

async function openEmbedding(path, { viewport, media } = {}) {
  const page = await openPage(env.browser, null, viewport ? { viewport } : undefined);
  if (media) await page.emulateMedia(media);
  await page.goto(`${env.origin}${path}`);
  await page.waitForFunction(() => {
    const all = [...document.querySelectorAll('workforce-ecosystem')];
    return all.length > 0 && all.every((e) => e.state === 'ready');
  });
  return page;
}

test('axe finds nothing on demo.html and embed.html, in each look and at 320 px', async () => {
  const found = [];
  for (const [look, options] of [
    ['light', { media: { colorScheme: 'light' } }],
    ['dark', { media: { colorScheme: 'dark' } }],
    ['high contrast', { media: { colorScheme: 'light', contrast: 'more' } }],
    ['forced colours', { media: { forcedColors: 'active' } }],
    ['320 px', { viewport: { width: 320, height: 640 } }],
  ]) {
    for (const path of ['/demo.html', '/embed.html', '/embed.html#controls=1&overlay=current']) {
      const page = await openEmbedding(path, options);
      found.push(...(await check(page, `${path} ${look}`)));
      assert.deepEqual(page.problems, [], `${path} ${look}`);
      await page.context().close();
    }
  }
  assert.deepEqual(found, []);
});

test('axe finds nothing on a page holding the element, interactive (a cell picked and focused) and read-only', async () => {
  const page = await openEmbedding('/demo.html');
  // The interactive element with a cell picked by keyboard and one focused.
  await page.focus('#left >> .cell[tabindex="0"]');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowRight');
  const found = await check(page, 'demo, a cell picked');
  // Every element read-only, then every one interactive.
  await page.evaluate(() => document.querySelectorAll('workforce-ecosystem').forEach((e) => e.setAttribute('readonly', '')));
  found.push(...(await check(page, 'demo, read-only')));
  await page.evaluate(() => document.querySelectorAll('workforce-ecosystem').forEach((e) => e.removeAttribute('readonly')));
  found.push(...(await check(page, 'demo, interactive')));
  assert.deepEqual(found, []);
  assert.deepEqual(page.problems, []);
});

test('axe finds nothing on the documents wfe writes (export, report, plan, survey), in English and French, nor at 320 px', async () => {
  const { execFileSync } = await import('node:child_process');
  const root = new URL('../../', import.meta.url).pathname;
  const sample = `${root}www/models/sample.json`;
  const wfe = (...args) => execFileSync('cargo', ['run', '--quiet', '--bin', 'wfe', '--', ...args], { cwd: root, encoding: 'utf8' });
  const found = [];
  for (const lang of ['en', 'fr']) {
    const documents = {
      export: wfe('export', sample, '--lang', lang),
      report: wfe('export', sample, '--format', 'report-html', '--lang', lang),
      plan: wfe('plan', sample, '--format', 'html', '--lang', lang),
      survey: wfe('survey', sample, '--lang', lang),
    };
    for (const [name, html] of Object.entries(documents)) {
      for (const viewport of [{ width: 1366, height: 900 }, { width: 320, height: 640 }]) {
        // The documents forbid every script, axe's too: the context looks past their policy.
        const context = await env.browser.newContext({ viewport, bypassCSP: true });
        const page = await context.newPage();
        await page.goto(`${env.origin}/embed.html`);
        await page.setContent(html);
        found.push(...(await check(page, `${name} ${lang} ${viewport.width}`)));
        await context.close();
      }
    }
  }
  assert.deepEqual(found, []);
});
