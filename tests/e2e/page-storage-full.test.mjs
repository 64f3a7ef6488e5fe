// When this browser's storage is full the user is told, visibly and while
// it can still be said, that work is not being kept here and how to keep it
// (export): localStorage too full for the journal a closing tab writes, and
// IndexedDB refusing to store a file just opened.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, openCell, setField } from './page-helpers.mjs';

const env = setup();

/** The notice line as a person sees it: null when hidden. */
const visibleNotice = (page) => page.evaluate(() => {
  const box = document.getElementById('notice');
  return box.hidden || box.getClientRects().length === 0 ? null : box.innerText;
});

/** Fills this site's localStorage until the browser refuses more. */
function fillLocalStorage(page) {
  return page.evaluate(() => {
    for (const size of [1_000_000, 100_000, 10_000, 1000, 100]) {
      const chunk = 'f'.repeat(size);
      try {
        for (let i = 0; ; i += 1) localStorage.setItem(`other-app-${size}-${i}`, chunk);
      } catch {
        // full at this size: smaller pieces next
      }
    }
  });
}

test('localStorage full: the next save says at once, visibly, that the last changes before closing may be lost, and offers the export', async () => {
  const page = await open(env);
  await openCell(page, 'leadership', 'hr');
  await setField(page, 'u:ports', 'current', 4);
  await page.waitForTimeout(800);
  assert.equal(await visibleNotice(page), null, 'nothing to say while there is room');
  await fillLocalStorage(page);
  await setField(page, 'u:ports', 'current', 1);
  await page.waitForFunction(() => /storage is full/.test(document.getElementById('notice-text').textContent));
  const notice = await visibleNotice(page);
  assert.match(notice ?? '', /changes made just before this tab closes may not be kept\. Export the document/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#doc-export-now')]);
  assert.match(download.suggestedFilename(), /\.json$/);
  // told at the start of the next visit too, in front of the start's own notices
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForFunction(() => /storage is full/.test(document.getElementById('notice-text').textContent));
  assert.deepEqual(page.problems, []);
});

test('storage quota too small for a file opened: the notice of the opening says it was not kept, and the list does not promise a save', async () => {
  const page = await open(env);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: env.origin, quotaSize: 200_000 });
  // a model of about 1 MB
  const contributors = Array.from({ length: 2500 }, (_, i) => ({ id: `c${i}`, label: `Contributor ${i} ${'x'.repeat(150)}`, kind: 'internal' }));
  const big = JSON.stringify({ schema: 'workforce-ecosystem/v1', name: 'Big one', contributors });
  await page.setInputFiles('#file-input', { name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(big) });
  await page.waitForFunction(() => document.getElementById('model-name').value === 'Big one');
  await page.waitForFunction(() => /refused to keep it/.test(document.getElementById('notice-text').textContent));
  assert.match(await visibleNotice(page) ?? '', /Opened big\.json as a new document, but this browser refused to keep it .*export it to keep it/s);
  assert.ok(await page.$('#notice #doc-export-now'), 'the export is offered');
  await page.click('#documents');
  const facts = await page.textContent('#doc-list li.is-current .doc-facts');
  assert.match(facts, /not kept in this browser/);
  assert.doesNotMatch(facts, /saved once it changes/);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: env.origin });
  assert.deepEqual(page.problems, []);
});
