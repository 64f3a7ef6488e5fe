// What-if scenarios: edits go to the scenario, the page shows how it differs
// from the baseline (changed cells, readiness deltas, findings resolved and
// introduced), and a scenario can be kept as the baseline or discarded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, cell, findingIds, openCell, setField, startScenario } from './page-helpers.mjs';

const env = setup();

async function closeGap(page) {
  await openCell(page, 'integration', 'hr');
  await setField(page, 'u:ports', 'current', 2);
  await setField(page, 'u:retail', 'current', 2);
}

test('a what-if shows its difference and can be kept', async () => {
  const page = await open(env);
  const baseline = await cell(page, 'integration', 'hr');
  const baselineFindings = await findingIds(page);
  await startScenario(page, 'Invest in HR');
  assert.match(await page.textContent('#scenario-banner'), /Invest in HR/);
  assert.equal(await page.getAttribute('#scenario-bar [aria-current="true"]', 'data-scenario') !== 'baseline', true);
  await closeGap(page);

  assert.equal((await cell(page, 'integration', 'hr')).value, '2.0');
  assert.match((await cell(page, 'integration', 'hr')).class, /is-changed/, 'the changed cell is marked');
  assert.equal(await page.$$eval('#diagram .cell.is-changed', (e) => e.length), 1);
  const banner = await page.textContent('#scenario-banner');
  assert.match(banner, /Changed: 2 scores/, 'one cell, its two units’ scores');
  assert.match(banner, /readiness \+\d+ pts/);
  assert.match(banner, /2 findings resolved/);
  await page.click('#tab-findings');
  const resolved = await page.$$eval('#pane-findings .finding.is-resolved', (e) => e.length);
  assert.equal(resolved, 2, 'the two closed gaps are listed as resolved');
  await page.click('#tab-readiness');
  assert.ok(await page.$$eval('#pane-readiness .delta.up', (e) => e.length) >= 3, 'overall, theme and player deltas');

  // hiding the marks, then the baseline is untouched
  await page.uncheck('#show-changes');
  assert.equal(await page.$$eval('#diagram .cell.is-changed', (e) => e.length), 0);
  await page.check('#show-changes');
  await page.click('#scenario-bar [data-scenario="baseline"]');
  const shown = await cell(page, 'integration', 'hr');
  assert.deepEqual([shown.value, shown.label], [baseline.value, baseline.label]);
  assert.equal(await page.isHidden('#scenario-banner'), true);
  assert.deepEqual(await findingIds(page), baselineFindings);

  // back to the scenario, keep it
  await page.click('#scenario-bar [data-scenario]:not([data-scenario="baseline"])');
  await page.click('#scenario-keep');
  assert.equal(await page.isHidden('#scenario-banner'), true);
  assert.equal(await page.$$eval('#scenario-bar [data-scenario]', (e) => e.length), 1, 'only the baseline is left');
  assert.equal((await cell(page, 'integration', 'hr')).value, '2.0', 'the baseline now has the change');
  assert.equal((await findingIds(page)).length, baselineFindings.length - 2);
  // and undo takes it back
  await page.click('#notice-undo');
  assert.match(await page.textContent('#scenario-banner'), /Invest in HR/);
  assert.deepEqual(page.problems, []);
});

test('a what-if can be discarded, and several live side by side', async () => {
  const page = await open(env);
  const baseline = await cell(page, 'integration', 'hr');
  await startScenario(page, 'A');
  await closeGap(page);
  await startScenario(page, 'B');
  // B starts from the baseline, not from A
  assert.deepEqual((await cell(page, 'integration', 'hr')).value, baseline.value);
  assert.deepEqual(await page.$$eval('#scenario-bar .scenario-tab', (e) => e.map((x) => x.textContent)), ['Baseline', 'A', 'B']);
  // a name already taken is refused in the dialog
  await page.click('#new-scenario');
  await page.fill('#dialog input', 'A');
  await page.click('#dialog button[value="start"]');
  assert.match(await page.textContent('#dialog .error'), /already a scenario named "A"/);
  await page.keyboard.press('Escape');

  await page.click('#scenario-discard');
  assert.equal(await page.isHidden('#scenario-banner'), true);
  assert.deepEqual(await page.$$eval('#scenario-bar .scenario-tab', (e) => e.map((x) => x.textContent)), ['Baseline', 'A']);
  await page.click('#scenario-bar [data-scenario]:not([data-scenario="baseline"])');
  assert.equal((await cell(page, 'integration', 'hr')).value, '2.0', 'A kept its edits');
  await page.click('#scenario-discard');
  const now = await cell(page, 'integration', 'hr');
  assert.deepEqual([now.value, now.label], [baseline.value, baseline.label], 'the baseline never changed');
  assert.deepEqual(page.problems, []);
});

test('at 1366 px with what-ifs open, + What-if stays whole and the what-if on show stays in sight', async () => {
  const page = await open(env, { viewport: { width: 1366, height: 800 } });
  /** How much of an element the bar shows: 1 whole, 0 none. */
  const shown = (selector) => page.$eval(selector, (el) => {
    const bar = /** @type {HTMLElement} */ (el.closest('#scenario-bar')).getBoundingClientRect();
    const box = el.getBoundingClientRect();
    const adder = /** @type {HTMLElement} */ (document.getElementById('new-scenario')).getBoundingClientRect();
    // a tab under the + What-if button is hidden by it
    const right = el.id === 'new-scenario' ? bar.right : Math.min(bar.right, adder.left);
    return Math.max(0, Math.min(box.right, right) - Math.max(box.left, bar.left)) / box.width;
  });
  for (const name of ['Invest in HR', 'Outsource IT support', 'Merge the platforms']) {
    await startScenario(page, name);
    assert.equal(await shown('#new-scenario'), 1, `+ What-if whole with ${name} open`);
    const seen = await shown('#scenario-bar [aria-current="true"]');
    assert.ok(seen > 0.99, `${name}, on show, is in sight (${seen})`);
  }
  await page.click('#scenario-bar [data-scenario="baseline"]', { force: true });
  await page.waitForSelector('#scenario-bar [data-scenario="baseline"][aria-current="true"]');
  assert.ok(await shown('#scenario-bar [data-scenario="baseline"]') > 0.99, 'back on the baseline, it is in sight');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, 'the page never scrolls sideways');
  assert.deepEqual(page.problems, []);
});
