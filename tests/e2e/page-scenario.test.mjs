// What-if scenarios: edits go to the scenario, the page shows how it differs
// from the baseline (changed cells, readiness deltas, findings resolved and
// introduced), and a scenario can be kept as the baseline or discarded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, cell, findingIds, openCell, setField, startScenario, openWithUnits } from './page-helpers.mjs';

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
  assert.match(banner, /readiness \+1 pt ·/, 'one point, not “1 pts”');
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

/**
 * The top bar as its user reads it: the baseline's tab and the what-if on
 * show whole inside the bar's visible box (not under + What-if), no tab's
 * name cut without an ellipsis, the model's name at least 10rem wide.
 */
function topBarFacts(page) {
  return page.evaluate(() => {
    const bar = /** @type {HTMLElement} */ (document.getElementById('scenario-bar'));
    const room = bar.getBoundingClientRect();
    const adder = /** @type {HTMLElement} */ (document.getElementById('new-scenario')).getBoundingClientRect();
    const whole = (/** @type {Element | null} */ el) => {
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return r.left >= room.left - 0.5 && r.right <= Math.min(room.right, adder.left) + 0.5;
    };
    const tabs = [...bar.querySelectorAll('.scenario-tab')].map((e) => /** @type {HTMLElement} */ (e));
    return {
      baseline: whole(bar.querySelector('[data-scenario="baseline"]')),
      active: whole(bar.querySelector('[aria-current="true"]')),
      cut: tabs.filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).textOverflow !== 'ellipsis').map((e) => e.textContent),
      untitled: tabs.filter((e) => e.title !== e.textContent).map((e) => e.textContent),
      name: document.getElementById('model-name')?.getBoundingClientRect().width ?? 0,
      rem: parseFloat(getComputedStyle(document.documentElement).fontSize),
      sideways: document.documentElement.scrollWidth > innerWidth,
    };
  });
}

for (const [lang, viewport] of /** @type {const} */ ([['en', { width: 1366, height: 900 }], ['fr', { width: 1366, height: 900 }], ['en', { width: 1024, height: 800 }], ['fr', { width: 390, height: 800 }]])) {
  test(`top bar at ${viewport.width} px in ${lang}, 0 to 5 what-ifs with long names: the baseline and the what-if on show whole, names never cut bare, the model's name usable`, async () => {
    const page = await open(env, { viewport });
    if (lang === 'fr') {
      await page.selectOption('.topbar .lang select', 'fr');
      await page.waitForFunction(() => document.documentElement.lang === 'fr');
    }
    const names = ['Raise HR capacity across all units', 'Second', 'Outsource the IT support desk', 'Merge the platforms', 'Fifth'];
    for (let n = 0; n <= names.length; n += 1) {
      if (n > 0) await startScenario(page, names[n - 1]);
      const facts = await topBarFacts(page);
      const at = `${n} what-if(s)`;
      assert.equal(facts.baseline, true, `the baseline's tab whole with ${at}`);
      assert.equal(facts.active, true, `the what-if on show whole with ${at}`);
      assert.deepEqual(facts.cut, [], `no name cut without an ellipsis with ${at}`);
      assert.deepEqual(facts.untitled, [], 'every tab has its whole name as its title');
      assert.ok(facts.name >= 10 * facts.rem - 0.5, `the model's name ${facts.name} px wide with ${at}`);
      assert.equal(facts.sideways, false, 'the page never scrolls sideways');
    }
    // back to the first what-if: it comes into sight, the baseline stays
    await page.click('#scenario-bar [data-scenario]:not([data-scenario="baseline"])', { force: true });
    await page.waitForFunction(() => document.querySelector('#scenario-bar [aria-current="true"]')?.textContent?.startsWith('Raise'));
    const facts = await topBarFacts(page);
    assert.deepEqual([facts.baseline, facts.active], [true, true], 'the baseline and the first what-if whole');
    assert.deepEqual(page.problems, []);
  });
}

test('a what-if tab whose name is cut shows it whole while it has keyboard focus', async () => {
  const page = await open(env, { viewport: { width: 1366, height: 900 } });
  for (const name of ['Raise HR capacity across all units', 'Outsource the IT support desk to a partner', 'Third']) {
    await startScenario(page, name);
  }
  const tab = '#scenario-bar .scenario-tab[data-scenario]:not([data-scenario="baseline"]):not([aria-current="true"])';
  const cut = await page.$eval(tab, (e) => e.scrollWidth > e.clientWidth + 1);
  assert.equal(cut, true, 'the name is cut at rest');
  await page.keyboard.press('Shift');
  await page.focus(tab);
  const shown = await page.$eval(tab, (e) => ({ whole: e.scrollWidth <= e.clientWidth + 1, focused: e.matches(':focus-visible') }));
  assert.deepEqual(shown, { whole: true, focused: true });
  assert.deepEqual(page.problems, []);
});

test('a readiness change under one point shows its decimal and a minus sign, in English and French', async () => {
  const page = await open(env);
  await startScenario(page, 'Small drop');
  await openCell(page, 'integration', 'hr');
  const now = Number(await page.inputValue('#pane-cell [data-key="u:ports:current"]'));
  await setField(page, 'u:ports', 'current', now > 0 ? now - 1 : now + 1);
  const sign = now > 0 ? '\u2212' : '\\+';
  const banner = await page.textContent('#scenario-banner');
  assert.match(banner, new RegExp(`readiness ${sign}0\\.[1-9] pts ·`), banner);
  assert.doesNotMatch(banner, /readiness -|readiness [−+]?0 pts/);
  await page.click('#tab-readiness');
  assert.match(await page.textContent('#pane-readiness .overall-value .delta'), new RegExp(`^${sign}0\\.[1-9] pts$`));
  await page.selectOption('.lang select', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  // French says "0,4 pt": one, as for a whole point
  assert.match(await page.textContent('#pane-readiness .overall-value .delta'), new RegExp(`^${sign}0,[1-9] pt$`));
  assert.deepEqual(page.problems, []);
});

test('a readiness change under a tenth of a point says which way it went, on the bar and in the Readiness tab', async () => {
  const page = await open(env);
  await openWithUnits(page, 80, 'Many Units');
  await startScenario(page, 'Tiny drop');
  await page.selectOption('#unit-filter', 'ports');
  await openCell(page, 'leadership', 'senior-leaders');
  const now = Number(await page.inputValue('#pane-cell [data-key="u:ports:current"]'));
  assert.ok(now > 0);
  await setField(page, 'u:ports', 'current', now - 1);
  // one step of one score among about 2,000: some 0.01 points
  const banner = await page.textContent('#scenario-banner');
  assert.match(banner, /readiness under 0\.1 pt down ·/, banner);
  await page.click('#tab-readiness');
  assert.equal(await page.textContent('#pane-readiness .overall-value .delta'), 'under 0.1 pt down', 'a badge, not none');
  assert.deepEqual(page.problems, []);
});
