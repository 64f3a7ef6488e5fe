// What closed tabs and damaged storage leave is kept and said, never
// dropped or shown as if whole: a closed tab's journal that cannot be read
// is kept aside for download; work recovered from a closed tab is named in
// the page's language; a document whose content is missing is listed as
// unreadable, with what it held.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setup, open, openCell, setField, storedDocs } from './page-helpers.mjs';
import { openPage } from './harness.mjs';

const env = setup();

/** A page of the site where storage can be written before the editor opens. */
async function bare(init, arg) {
  const page = await openPage(env.browser, `${env.origin}/favicon.svg`);
  await page.evaluate(init, arg);
  await page.goto(`${env.origin}/`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

test('a closed tab’s journal that cannot be read is kept aside as it is and offered for download', async () => {
  const page = await bare(() => localStorage.setItem('wfe.unsaved.deadbeef', 'not json at all'));
  assert.match(await page.textContent('#notice-text'), /“Unsaved work of a closed tab” could not be read \(the unsaved work a closed tab left could not be read\)\. It is kept aside/);
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('#doc-download-unreadable')]);
  assert.equal(await readFile(await d.path(), 'utf8'), 'not json at all', 'byte for byte');
  assert.equal(await page.evaluate(() => localStorage.getItem('wfe.unsaved.deadbeef')), null, 'moved, not copied');
  const kept = (await storedDocs(page)).find((x) => x.text === 'not json at all');
  assert.ok(kept?.problem, 'stored with its reason');
  await page.click('#documents');
  assert.match(await page.textContent(`#doc-list li[data-doc="${kept.id}"].is-unreadable .doc-problem`), /Cannot be read/);
  assert.deepEqual(page.problems, []);
});

test('on a French page, work recovered from a closed tab is named in French', async () => {
  const model = JSON.stringify({ schema: 'workforce-ecosystem/v1', name: 'Travail précieux', assessments: [{ theme: 'integration', player: 'hr', current: 2 }] });
  // the journal of a closed tab whose document was deleted meanwhile: kept as a copy
  const page = await bare((text) => {
    localStorage.setItem('wfe-lang', 'fr');
    localStorage.setItem('wfe.unsaved.cafe01', JSON.stringify({ id: 'gone', base: 3, tokens: ['t1'], name: 'Travail précieux', text, at: Date.now() }));
  }, model);
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.match(await page.textContent('#notice-text'), /gardées sous «\s?Travail précieux \(récupéré\)\s?»/);
  assert.deepEqual((await storedDocs(page)).map((x) => x.name), ['Travail précieux (récupéré)']);
  assert.deepEqual(page.problems, []);
});

test('a document whose content is missing is listed as unreadable, saying what it held, with nothing to open or download', async () => {
  const page = await open(env);
  await openCell(page, 'leadership', 'hr');
  await setField(page, 'u:ports', 'current', 4);
  await page.fill('#model-name', 'Perdu ?');
  await page.press('#model-name', 'Tab');
  let docs;
  for (let i = 0; i < 50; i += 1) {
    docs = await storedDocs(page);
    if (docs.length === 1 && docs[0].name === 'Perdu ?') break;
    await page.waitForTimeout(100);
  }
  const [lost] = docs;
  // its text goes (a partial eviction)
  await page.evaluate((id) => new Promise((ok, fail) => {
    const req = indexedDB.open('wfe-documents');
    req.onsuccess = () => {
      const tx = req.result.transaction('texts', 'readwrite');
      tx.objectStore('texts').delete(id);
      tx.oncomplete = () => { req.result.close(); ok(); };
      tx.onerror = () => fail(tx.error);
    };
  }), lost.id);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#documents');
  const li = `#doc-list li[data-doc="${lost.id}"]`;
  await page.waitForSelector(`${li}.is-unreadable`);
  assert.match(await page.textContent(`${li} .doc-problem`), new RegExp(`its saved content is missing from this browser \\(it held ${lost.text.length.toLocaleString('en')} characters\\); only its name is left`));
  assert.deepEqual(await page.$$eval(`${li} [data-action]`, (b) => b.map((x) => x.dataset.action).filter((a) => a !== 'open')), ['delete']);
  assert.deepEqual(page.problems, []);
});

test('a document deleted in another tab: work made here after its notice was closed is said again, and can be kept as a copy', async () => {
  const a = await open(env);
  await openCell(a, 'leadership', 'hr');
  await setField(a, 'u:ports', 'current', 4);
  let docs;
  for (let i = 0; i < 50 && !(docs = await storedDocs(a)).length; i += 1) await a.waitForTimeout(100);
  const b = await a.context().newPage();
  await b.goto(`${env.origin}/`);
  await b.waitForSelector('body[data-ready="true"]');
  await b.click('#documents');
  await b.click(`#doc-list li[data-doc="${docs[0].id}"] [data-action="delete"]`);
  await b.click(`#doc-list li[data-doc="${docs[0].id}"] [data-action="confirm-delete"]`);
  await a.waitForSelector('#notice:not([hidden]) #doc-keep-copy');
  assert.match(await a.textContent('#notice-text'), /deleted in another tab/);
  await a.click('#notice button[aria-label]:not([id])');
  assert.equal(await a.isHidden('#notice'), true);
  await setField(a, 'u:ports', 'current', 1);
  await a.waitForSelector('#notice:not([hidden]) #doc-keep-copy');
  assert.match(await a.textContent('#notice-text'), /deleted in another tab/, 'said again: this work is not being saved');
  await a.click('#doc-keep-copy');
  for (let i = 0; i < 50 && !(docs = await storedDocs(a)).some((d) => d.name.endsWith('(copy)')); i += 1) await a.waitForTimeout(100);
  const copy = docs.find((d) => d.name.endsWith('(copy)'));
  assert.ok(copy, JSON.stringify(docs.map((d) => d.name)));
  assert.equal(JSON.parse(copy.text).baseline.assessments.find((x) => x.theme === 'leadership' && x.player === 'hr' && x.unit === 'ports').current, 1);
  assert.deepEqual(a.problems, []);
});
