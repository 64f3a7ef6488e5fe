// The classroom page's live announcements: a result (the comparison, the
// class picture, a tour step) is drawn out of any live region, to be read on
// demand, and only its short news goes to the page's announcer; a screen
// reader is never handed a whole diagram, legend and table to read out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setup, openTeach } from './page-helpers.mjs';

const env = setup();
const FIX = new URL('../fixtures/voices/', import.meta.url);

/** The live regions holding `selector` (itself or an ancestor): none is wanted. */
function liveAround(page, selector) {
  return page.$eval(selector, (el) => {
    const live = [];
    for (let e = el; e; e = e.parentElement) {
      if (e.hasAttribute('aria-live') || ['status', 'alert', 'log'].includes(e.getAttribute('role') ?? '')) live.push(e.id || e.className);
    }
    return live;
  });
}

/** What the announcer says once it says something matching `pattern`. */
async function announced(page, pattern) {
  await page.waitForFunction((source) => new RegExp(source).test(document.getElementById('announcer').textContent), pattern.source);
  return page.textContent('#announcer');
}

test('a tour step is announced by its number and title; the panel is no live region', async () => {
  const page = await openTeach(env);
  assert.deepEqual(await liveAround(page, '#tour-panel .tour-body'), []);
  await page.focus('#tour-panel .tour-next');
  await page.keyboard.press('Enter');
  const title = await page.textContent('#tour-panel .tour-title');
  const total = await page.$$eval('#tour-panel .tour-dot', (d) => d.length);
  assert.equal(await announced(page, /^Step 2/), `Step 2 of ${total}: ${title}`);
  assert.deepEqual(page.problems, []);
});

test('a comparison and a class picture announce their summary only', async () => {
  const page = await openTeach(env);
  const sample = JSON.parse(await page.evaluate(async () => (await fetch('models/sample.json')).text()));
  // the student moved every Ports score one step
  sample.assessments = sample.assessments.filter((a) => a.unit === 'ports').map((a) => ({ ...a, current: a.current >= 1 ? a.current - 1 : 1 }));
  await page.click('[role="tab"][data-view="compare"]');
  await page.setInputFiles('#compare-student', { name: 'student.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sample)) });
  await page.click('#compare-run');
  await page.waitForSelector('#compare-text .compare-summary');
  const summary = await page.textContent('#compare-text .compare-summary');
  assert.match(summary, /answered cells match the instructor/);
  assert.equal(await announced(page, /answered cells/), summary);
  assert.deepEqual(await liveAround(page, '#compare-diagram'), [], 'the diagram is read on demand');
  assert.deepEqual(await liveAround(page, '#compare-text table'), [], 'the table too');

  await page.setInputFiles('#class-files', await Promise.all(['responses/alice.json', 'responses/bob.json'].map(async (path) => (
    { name: path.split('/').pop(), mimeType: 'application/json', buffer: await readFile(new URL(path, FIX)) }))));
  await page.waitForSelector('#class-text .class-summary');
  const picture = await page.textContent('#class-text .class-summary');
  assert.equal(await announced(page, /class picture/), picture);
  assert.deepEqual(await liveAround(page, '#class-diagram'), []);
  assert.deepEqual(await liveAround(page, '#class-text'), []);
  assert.deepEqual(page.problems, []);
});
