// A refused file's problems as a screen reader reads them: the place (the
// path in the file, its line and column, or the file's name) and the
// message are separate words, never run together ("column 103" and "9 is
// outside…" heard as "column 1039 is outside…").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setup, open } from './page-helpers.mjs';

const env = setup();
const FIX = new URL('../fixtures/voices/', import.meta.url);

/**
 * The text of each item of the open dialog's list `selector`, its parts
 * joined as the page wrote them (what a screen reader reads, whatever the
 * margins on screen).
 */
function heard(page, selector) {
  return page.$$eval(`#dialog ${selector} li`, (items) => items.map((li) => li.textContent));
}

test('a refused model’s problems read as “path, line 1, column N: message”', async () => {
  const page = await open(env);
  const bad = { schema: 'workforce-ecosystem/v1', name: 'Bad', assessments: [{ theme: 'leadership', player: 'hr', current: 9 }] };
  await page.setInputFiles('#file-input', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await page.waitForSelector('#dialog[open] .problems');
  const items = await heard(page, '.problems');
  assert.equal(items.length, 1, items.join('\n'));
  assert.match(items[0], /^assessments\[0\]\.current, line 1, column \d+: 9 is outside the scale/);
  assert.deepEqual(page.problems, []);
});

test('refused survey responses read as “file: reason”', async () => {
  const page = await open(env);
  await page.setInputFiles('#file-input', { name: 'model.json', mimeType: 'application/json', buffer: await readFile(new URL('model.json', FIX)) });
  await page.waitForFunction(() => document.querySelector('#model-name')?.value === 'Acme');
  await page.setInputFiles('#responses-input', [{ name: 'other-framework.json', mimeType: 'application/json', buffer: await readFile(new URL('refused/other-framework.json', FIX)) }]);
  await page.waitForSelector('#dialog[open] .refusals');
  const items = await heard(page, '.refusals');
  assert.deepEqual(items.map((i) => i.split(': ')[0]), ['other-framework.json']);
  assert.match(items[0], /^other-framework\.json: another framework/);
  assert.deepEqual(page.problems, []);
});
