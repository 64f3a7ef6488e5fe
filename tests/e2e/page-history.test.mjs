// Undo and redo (buttons and shortcuts), autosave and recovery after a
// reload, and share links that open the same model elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, cell, openCell, setField, exportedModel } from './page-helpers.mjs';

const env = setup();

test('undo and redo every edit, by button and by shortcut', async () => {
  const page = await open(env);
  await openCell(page, 'leadership', 'hr');
  const start = await cell(page, 'leadership', 'hr');
  await setField(page, 'u:ports', 'current', 4);
  const one = await cell(page, 'leadership', 'hr');
  await setField(page, 'u:retail', 'current', 4);
  const two = await cell(page, 'leadership', 'hr');
  assert.notDeepEqual(one, start);
  assert.notDeepEqual(two, one);

  await page.click('#undo');
  assert.deepEqual(await cell(page, 'leadership', 'hr'), one);
  // shortcuts act outside text fields (the editor's selects are left to the browser)
  await page.focus('#diagram .cell[data-theme="leadership"][data-player="hr"]');
  await page.keyboard.press('Control+z');
  assert.deepEqual(await cell(page, 'leadership', 'hr'), start);
  assert.equal(await page.$eval('#undo', (b) => b.disabled), true);
  await page.keyboard.press('Control+Shift+Z');
  assert.deepEqual(await cell(page, 'leadership', 'hr'), one);
  await page.keyboard.press('Control+y');
  assert.deepEqual(await cell(page, 'leadership', 'hr'), two);
  assert.equal(await page.$eval('#redo', (b) => b.disabled), true);
  // the editor shows the undone value too
  await page.click('#undo');
  assert.equal(await page.$eval('#pane-cell [data-key="u:retail:current"]', (s) => s.value), '1');

  // structural edits undo as well
  await page.click('#tab-org');
  await page.fill('[data-key="c-new:label"]', 'Crowd testers');
  await page.click('[data-key="c-new:add"]');
  assert.ok(await page.$('tr[data-contributor="crowd-testers"]'));
  await page.click('#undo');
  assert.equal(await page.$('tr[data-contributor="crowd-testers"]'), null);
  await page.click('#redo');
  assert.ok(await page.$('tr[data-contributor="crowd-testers"]'));
  assert.deepEqual(page.problems, []);
});

test('a reload restores the work, scenarios included', async () => {
  const page = await open(env);
  await page.fill('#model-name', 'Restored Org');
  await page.press('#model-name', 'Enter');
  await openCell(page, 'technology', 'it');
  await setField(page, 'u:ports', 'current', 4);
  const edited = await cell(page, 'technology', 'it');
  await page.click('#new-scenario');
  await page.fill('#dialog input', 'Keep me');
  await page.click('#dialog button[value="start"]');
  await page.waitForSelector('#scenario-banner:not([hidden])');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.inputValue('#model-name'), 'Restored Org');
  assert.match(await page.textContent('#scenario-banner'), /Keep me/, 'the scenario on show is restored');
  assert.match(await page.textContent('#notice'), /restored/);
  await page.click('#scenario-bar [data-scenario="baseline"]');
  const back = await cell(page, 'technology', 'it');
  assert.deepEqual([back.value, back.label], [edited.value, edited.label]);
  // nothing was sent anywhere: the harness fails any request off this origin
  assert.deepEqual(page.problems, []);
});

test('a share link opens the same model in another browser', async () => {
  const page = await open(env);
  await page.fill('#model-name', 'Shared «Org» & Co');
  await page.press('#model-name', 'Enter');
  await openCell(page, 'management', 'it');
  await setField(page, 'u:retail', 'note', 'Note with "quotes" and <tags>');
  const model = await exportedModel(page);
  await page.click('#share');
  await page.waitForSelector('#dialog[open] #share-link');
  const link = await page.inputValue('#share-link');
  assert.match(link, /#m=[A-Za-z0-9_-]+&overlay=current$/);
  assert.equal(await page.$('#share-warning'), null, 'the sample fits in a link');
  await page.keyboard.press('Escape');

  const other = await open(env, { path: new URL(link).pathname + new URL(link).hash });
  assert.equal(await other.inputValue('#model-name'), 'Shared «Org» & Co');
  assert.deepEqual(await exportedModel(other), model, 'the very same model');
  assert.equal(await other.evaluate(() => location.hash), '', 'the fragment is dropped once opened');
  assert.deepEqual(other.problems, []);
  assert.deepEqual(page.problems, []);
});

test('a damaged share link is refused and a long one is warned about', async () => {
  const page = await open(env, { path: '/#m=not-deflate-data' });
  await page.waitForSelector('#dialog[open]');
  assert.match(await page.textContent('#dialog'), /damaged/);
  await page.keyboard.press('Escape');
  assert.equal(await page.inputValue('#model-name'), 'Harbourline Group', 'the sample is still shown');

  // in French, why in French too
  await page.evaluate(() => localStorage.setItem('wfe-lang', 'fr'));
  await page.goto(`${env.origin}/index.html#m=abc$def`);
  await page.waitForSelector('#dialog[open]');
  assert.match(await page.textContent('#dialog'), /Ce lien ne peut pas être ouvert : le modèle qu’il porte est illisible : il contient des caractères que base64url n’emploie pas\./);
  await page.keyboard.press('Escape');
  await page.evaluate(() => localStorage.setItem('wfe-lang', 'en'));
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');

  // a model too big for a comfortable link
  const noise = () => Array.from({ length: 4 }, () => Math.random().toString(36).slice(2, 10)).join('');
  const units = Array.from({ length: 400 }, (_, i) => ({ id: `u${i}`, label: `Unit ${i} ${noise()}` }));
  const big = JSON.stringify({ schema: 'workforce-ecosystem/v1', name: 'Big', units });
  await page.setInputFiles('#file-input', { name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(big) });
  await page.waitForFunction(() => document.getElementById('model-name').value === 'Big');
  await page.click('#share');
  await page.waitForSelector('#dialog[open] #share-link');
  assert.match(await page.textContent('#share-warning'), /characters/);
  assert.deepEqual(page.problems, []);
});
