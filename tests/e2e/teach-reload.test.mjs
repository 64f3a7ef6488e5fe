// A reload mid-class: the classroom page comes back with the model the
// instructor loaded (kept in the tab's sessionStorage, under its own key),
// on the same tab and tour step (in the address, which bookmarks a step
// too); a model the browser would not keep is said to be so, never swapped
// for the sample in silence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openTeach, SAMPLE } from './page-helpers.mjs';

const env = setup();

/** A course model: the sample under another name, with renamed players. */
function courseModel() {
  const model = JSON.parse(SAMPLE);
  model.name = 'Course 101';
  model.framework = {
    players: [
      ['senior-leaders', 'Executive board'],
      ['procurement', 'Sourcing desk'],
      ['finance-legal', 'CFO office'],
      ['business-unit-leaders', 'Line managers'],
      ['it', 'Digital'],
      ['hr', 'People & Culture'],
    ].map(([id, label]) => ({ id, label })),
    themes: [
      ['leadership', 'Leadership approaches'],
      ['integration', 'Integration architectures'],
      ['technology', 'Technology enablers'],
      ['management', 'Management practices'],
    ].map(([id, label]) => ({ id, label })),
  };
  return JSON.stringify(model);
}

async function loadCourse(page) {
  await page.setInputFiles('#model-file', { name: 'course.json', mimeType: 'application/json', buffer: Buffer.from(courseModel()) });
  await page.waitForFunction(() => document.querySelector('#tour-diagram svg')?.textContent.includes('Executive board'));
}

async function reload(page) {
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
}

const where = (page) =>
  page.evaluate(() => ({
    step: document.querySelector('#tour-panel .tour-count')?.textContent,
    tab: document.querySelector('[role="tab"][aria-selected="true"]').id,
    course: document.querySelector('#tour-diagram svg, #blank-diagram svg')?.textContent.includes('Executive board') ?? null,
    status: document.getElementById('status').textContent,
    hash: location.hash,
  }));

test('a reload keeps the loaded model, the tour step and the tab', async () => {
  const page = await openTeach(env, { viewport: { width: 1280, height: 800 } });
  // (the editor's mark in the same tab's storage)
  await page.evaluate(() => sessionStorage.setItem('wfe.documents.current', 'doc-1'));
  await loadCourse(page);
  assert.deepEqual(await page.evaluate(() => Object.keys(sessionStorage).sort()), ['wfe.documents.current', 'wfe.teach.model']);
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  assert.equal((await where(page)).hash, '#step=5');
  await reload(page);
  let now = await where(page);
  assert.equal(now.step, 'Step 5 of 8');
  assert.equal(now.tab, 'tab-tour');
  assert.equal(now.course, true, 'the course model, not the sample');
  assert.match(now.status, /Course 101/);
  await page.click('#tab-blank');
  await reload(page);
  now = await where(page);
  assert.equal(now.tab, 'tab-blank');
  assert.equal(now.course, true);
  // The sample, chosen again, is what a reload shows.
  await page.click('#model-sample');
  await page.waitForFunction(() => !document.querySelector('#blank-diagram svg')?.textContent.includes('Executive board'));
  await reload(page);
  now = await where(page);
  assert.equal(now.course, false);
  assert.equal(now.status, '');
  // The classroom's key is gone; the editor's is as it was.
  assert.deepEqual(await page.evaluate(() => ({ ...sessionStorage })), { 'wfe.documents.current': 'doc-1' });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('#step=N in the address opens the tour at that step', async () => {
  const page = await openTeach(env);
  await page.goto(`${env.origin}/teach.html#step=3`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForFunction(() => document.querySelector('#tour-panel .tour-count')?.textContent === 'Step 3 of 8');
  assert.equal(await page.getAttribute('#tour-diagram', 'data-tour-step'), 'theme:integration');
  // Out of range: the nearest step.
  await page.evaluate(() => {
    location.hash = '#step=99';
  });
  await page.waitForFunction(() => document.querySelector('#tour-panel .tour-count')?.textContent === 'Step 8 of 8');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a model the browser will not keep is said to be so, and a reload then shows the sample without pretending', async () => {
  const page = await openTeach(env);
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await loadCourse(page);
  const status = await page.textContent('#status');
  assert.match(status, /Course 101/);
  assert.match(status, /would not keep it/);
  assert.equal(await page.getAttribute('#status', 'class'), 'status is-error');
  await reload(page);
  const now = await where(page);
  assert.equal(now.course, false);
  assert.doesNotMatch(now.status, /Kept/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
