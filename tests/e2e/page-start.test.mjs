// How the editor starts: a first visit's sample is drawn by first-diagram.js
// (in place of first-paint.js's picture) before the rest of the page is wired, and the page then keeps updating
// that drawing; stored work whose Web Storage marks are gone still opens in
// the sample's place, and the sample drawn meanwhile is never stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, cell, openCell, setField, storedDocs } from './page-helpers.mjs';

const env = setup();

test('a first visit draws the sample before the page is wired, and the page goes on updating that drawing', async () => {
  const context = await env.browser.newContext();
  // what the page holds when its main script starts: the diagram drawn already, nothing else yet
  // (the first live drawing: first-paint.js's picture before it is page-first-paint's)
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('#diagram > svg:not([data-first-paint]) .cell')) return;
      observer.disconnect();
      window.__atFirstCell = {
        findings: document.getElementById('pane-findings')?.childElementCount ?? null,
        ready: document.body?.dataset.ready ?? null,
        svg: document.querySelector('#diagram svg'),
      };
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  await page.goto(`${env.origin}/`);
  await page.waitForSelector('body[data-ready="true"]');
  const first = await page.evaluate(() => ({
    findings: window.__atFirstCell.findings,
    ready: window.__atFirstCell.ready,
    same: window.__atFirstCell.svg === document.querySelector('#diagram svg'),
    label: document.querySelector('#diagram svg').getAttribute('aria-label'),
    roving: document.querySelectorAll('#diagram .cell[tabindex="0"]').length,
    listed: document.getElementById('pane-findings').childElementCount,
  }));
  assert.equal(first.findings, 0, 'the findings come after the diagram');
  assert.equal(first.ready, null);
  assert.ok(first.same, 'the page kept the first drawing instead of drawing it again');
  assert.match(first.label, /Harbourline Group/, 'the drawing was readied for interaction');
  assert.equal(first.roving, 1, 'one cell takes the keyboard focus');
  assert.ok(first.listed > 0, 'the findings are listed');

  const before = await cell(page, 'technology', 'it');
  await openCell(page, 'technology', 'it');
  await setField(page, 'u:ports', 'current', 4);
  await page.waitForFunction((value) => [...document.querySelectorAll('#diagram .cell-value')]
    .find((c) => c.dataset.theme === 'technology' && c.dataset.player === 'it')?.textContent !== value, before.value);
  assert.ok(await page.evaluate(() => window.__atFirstCell.svg === document.querySelector('#diagram svg')), 'an edit updates the first drawing in place');
  await context.close();
});

test('stored work whose marks in Web Storage are gone opens in place of the sample drawn first; the sample is not stored', async () => {
  const page = await open(env);
  const context = page.context();
  await openCell(page, 'technology', 'it');
  await setField(page, 'u:ports', 'current', 4);
  const edited = await cell(page, 'technology', 'it');
  const until = Date.now() + 10_000;
  while ((await storedDocs(page)).length !== 1) {
    if (Date.now() > until) assert.fail('the edit was never stored');
    await page.waitForTimeout(100);
  }
  const [saved] = await storedDocs(page);
  await page.evaluate(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  await page.close();

  // a new tab finds no marks, so it draws the sample first, then the store answers
  const next = await context.newPage();
  await next.goto(`${env.origin}/`);
  await next.waitForSelector('body[data-ready="true"]');
  await next.waitForFunction((value) => [...document.querySelectorAll('#diagram .cell-value')]
    .find((c) => c.dataset.theme === 'technology' && c.dataset.player === 'it')?.textContent === value, edited.value);
  const shown = await cell(next, 'technology', 'it');
  assert.deepEqual([shown.label, shown.value], [edited.label, edited.value], 'the stored work is on show');
  await next.waitForTimeout(600); // longer than the autosave's quiet time
  const docs = await storedDocs(next);
  assert.equal(docs.length, 1, 'the sample drawn first was not stored beside the work');
  assert.equal(docs[0].text, saved.text, 'the stored work is untouched');
  await context.close();
});
