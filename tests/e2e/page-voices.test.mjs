// Many voices and many dates on the page: three response files merged into
// the model as one undoable step (refused ones listed, the model untouched by
// them), the agreement overlay against hand-computed spreads, a snapshot and
// the progress view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { setup, open, cell, exportedModel } from './page-helpers.mjs';

const env = setup();
const FIX = new URL('../fixtures/voices/', import.meta.url);
const SHOTS = process.env.SHOTS_DIR;

async function file(path) {
  const name = path.split('/').pop();
  return { name, mimeType: 'application/json', buffer: await readFile(new URL(path, FIX)) };
}

async function openModel(page) {
  await page.setInputFiles('#file-input', await file('model.json'));
  await page.waitForFunction(() => document.querySelector('#model-name')?.value === 'Acme');
}

test('three responses merge into their means, the refused ones are listed, Undo takes them out', async () => {
  const page = await open(env);
  await openModel(page);
  const before = await cell(page, 'integration', 'hr');
  const files = await Promise.all(['responses/alice.json', 'responses/bob.json', 'responses/cho.json',
    'refused/other-framework.json', 'refused/unknown-unit.json', 'refused/bob-again.json'].map(file));
  await page.setInputFiles('#responses-input', files);
  await page.waitForSelector('#dialog[open] .refusals');
  const refused = await page.$$eval('#dialog .refusals li', (els) => els.map((e) => e.textContent));
  assert.equal(refused.length, 3, refused.join('\n'));
  assert.match(refused.join('\n'), /other-framework\.json.*another framework/);
  assert.match(refused.join('\n'), /unknown-unit\.json.*unit "retail"/);
  assert.match(refused.join('\n'), /bob-again\.json.*second response from "Bob Okafor"/);
  assert.match(await page.textContent('#dialog .error-lead'), /3 merged, 0 already merged, 3 refused/);
  await page.keyboard.press('Escape');

  // Means worked out by hand: (0 + 3 + 2) / 3 = 1.67, targets (3 + 4) / 2 = 3.5.
  const model = await exportedModel(page);
  const hr = model.assessments.find((a) => a.theme === 'integration' && a.player === 'hr' && !a.unit);
  assert.deepEqual([hr.current, hr.target, hr.weight], [1.67, 3.5, 2]);
  assert.deepEqual(model.responses.map((r) => r.respondent), ['Alice Martin', 'Bob Okafor', 'r-17']);

  // The agreement overlay: spreads 3, 1 and 0 steps; nobody answered the rest.
  await page.click('[data-overlay="agreement"]');
  await page.waitForSelector('#diagram .cell.agree-3');
  assert.match((await cell(page, 'integration', 'hr')).class, /\bagree-3\b/);
  assert.match((await cell(page, 'technology', 'it')).class, /\bagree-1\b/);
  assert.match((await cell(page, 'leadership', 'senior-leaders')).class, /\bagree-0\b/);
  assert.match((await cell(page, 'management', 'hr')).class, /\bunassessed\b/);
  if (SHOTS) {
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/agreement-1366.png` });
  }

  // One step to undo: the model as it was.
  await page.click('#undo');
  await page.click('[data-overlay="current"]');
  assert.deepEqual(await cell(page, 'integration', 'hr'), before);
  const undone = await exportedModel(page);
  assert.equal(undone.responses, undefined, 'Undo takes the merged responses out too');
  assert.deepEqual(page.problems, []);
});

test('snapshots on three dates and the progress view', async () => {
  const page = await open(env, { viewport: { width: 1366, height: 900 } });
  await openModel(page);
  const dates = ['2026-01-15', '2026-04-15', '2026-07-15'];
  // The snapshot is dated by the page's clock: set it for each date.
  for (const [i, date] of dates.entries()) {
    if (i === 1) {
      const files = await Promise.all(['responses/alice.json', 'responses/bob.json', 'responses/cho.json'].map(file));
      await page.setInputFiles('#responses-input', files);
      await page.waitForSelector('.notice, [role="status"]');
    }
    await page.evaluate((d) => {
      const fixed = new Date(`${d}T12:00:00`).getTime();
      const RealDate = Date;
      // @ts-ignore: a clock stopped on the snapshot's date
      globalThis.Date = class extends RealDate { constructor(...a) { super(...(a.length ? a : [fixed])); } static now() { return fixed; } };
    }, date);
    await page.click('#export');
    await page.click('[data-export="snapshot"]');
  }
  const model = await exportedModel(page);
  assert.deepEqual(model.history.map((h) => h.date), dates);
  await page.click('#export');
  await page.click('[data-export="progress"]');
  await page.waitForSelector('#dialog[open] img.progress-chart');
  const alt = await page.getAttribute('#dialog img.progress-chart', 'alt');
  assert.match(alt, /3 snapshot dates, from 2026-01-15 to 2026-07-15/);
  await page.waitForFunction(() => document.querySelector('#dialog img.progress-chart')?.naturalWidth > 0);
  if (SHOTS) {
    await page.screenshot({ path: `${SHOTS}/progress-1366.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/progress-390.png` });
    await page.setViewportSize({ width: 1366, height: 900 });
  }
  await page.keyboard.press('Escape');

  // Compare with the first date: its scores open as a what-if beside the model.
  assert.doesNotMatch((await cell(page, 'technology', 'it')).class, /unassessed/);
  await page.click('#export');
  await page.click('[data-export="compare-snapshot"]');
  await page.selectOption('#dialog select', '2026-01-15');
  await page.click('#dialog button.primary');
  await page.waitForFunction(() => /As on 2026-01-15/.test(document.body.textContent));
  // On 2026-01-15 only the model's own integration × HR score existed.
  assert.match((await cell(page, 'technology', 'it')).class, /unassessed/);
  assert.equal((await cell(page, 'integration', 'hr')).value, '1');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/compare-1366.png` });
  assert.deepEqual(page.problems, []);
});
