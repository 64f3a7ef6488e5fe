// Accessibility of the page: axe-core finds no serious or critical violation
// in any of its states, every action is reachable by keyboard with a visible
// focus, and the diagram has a text alternative (the table of cells).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openPage } from './harness.mjs';
import { setup, open, openCell } from './page-helpers.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const env = setup();

/** Opens the page with axe served from this origin (the CSP allows no inline script). */
async function openWithAxe(viewport) {
  const page = await openPage(env.browser, null, viewport ? { viewport } : undefined);
  await page.route(`${env.origin}/__axe.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: AXE }));
  await page.goto(`${env.origin}/`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.addScriptTag({ url: '/__axe.js' });
  return page;
}

async function serious(page, state) {
  const found = await page.evaluate(async () => (await window.axe.run(document)).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ')}`));
  return found.map((f) => `${state}: ${f}`);
}

test('axe finds no serious or critical violation in any state of the page', async () => {
  const page = await openWithAxe();
  const found = [];
  found.push(...await serious(page, 'start'));
  await page.locator('#pane-findings .finding-button').first().click({ timeout: 2000 });
  found.push(...await serious(page, 'finding chosen'));
  await openCell(page, 'integration', 'hr');
  found.push(...await serious(page, 'cell editor'));
  await page.click('#tab-readiness');
  found.push(...await serious(page, 'readiness'));
  await page.click('#tab-org');
  for (const section of ['contributors', 'owners', 'systems', 'units']) {
    await page.click(`.subnav-item[data-section="${section}"]`);
    if (section === 'owners') await page.locator('.matrix-cell').first().click();
    found.push(...await serious(page, `organization ${section}`));
  }
  await page.click('#display-toggle');
  found.push(...await serious(page, 'table'));
  await page.click('#display-toggle');
  await page.click('#new-scenario');
  found.push(...await serious(page, 'new scenario dialog'));
  await page.click('#dialog button[value="start"]');
  found.push(...await serious(page, 'scenario'));
  await page.click('#share');
  await page.waitForSelector('#dialog[open] #share-link');
  found.push(...await serious(page, 'share dialog'));
  await page.keyboard.press('Escape');
  await page.click('#help');
  found.push(...await serious(page, 'shortcuts dialog'));
  await page.keyboard.press('Escape');
  await page.click('#export');
  found.push(...await serious(page, 'export menu'));
  await page.keyboard.press('Escape');
  assert.deepEqual(found, []);
  assert.deepEqual(page.problems, []);
});

test('axe finds no serious or critical violation at a narrow width', async () => {
  const page = await openWithAxe({ width: 390, height: 844 });
  assert.deepEqual(await serious(page, 'narrow'), []);
  assert.deepEqual(page.problems, []);
});

test('Tab reaches every part of the page with a visible focus, cells once', async () => {
  const page = await open(env);
  const seen = [];
  // one round: from the skip link back to it
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    if (i > 0 && await page.evaluate(() => document.activeElement.classList.contains('skip-link'))) break;
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      const visible = el instanceof SVGElement
        ? style.stroke !== 'none' && parseFloat(style.strokeWidth) >= 4
        : style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      const name = el.id || el.dataset?.key || el.dataset.overlay || el.dataset.scenario || el.className?.baseVal || el.className || el.tagName;
      return { name: String(name), visible, cell: el.classList.contains('cell'), matches: el.matches(':focus-visible') };
    });
    seen.push(info);
  }
  const names = seen.map((s) => s.name);
  for (const expected of ['model-name', 'undo', 'open', 'export', 'share', 'help', 'unit-filter', 'contributor-filter', 'display-toggle', 'tab-findings']) {
    if (expected === 'undo') continue; // disabled until there is something to undo
    assert.ok(names.includes(expected), `Tab reaches #${expected}: ${names.join(' > ')}`);
  }
  assert.equal(seen.filter((s) => s.cell).length, 1, 'the diagram is one stop; arrows move inside it');
  const hidden = seen.filter((s) => s.name !== 'BODY' && (!s.visible || !s.matches));
  assert.deepEqual(hidden, [], 'every focused control shows its focus');
  assert.deepEqual(page.problems, []);
});

test('the table stands in for the diagram and opens cells too', async () => {
  const page = await open(env);
  await page.keyboard.press('t');
  assert.equal(await page.isHidden('#diagram'), true);
  const rows = await page.$$eval('#cell-table tbody tr', (trs) => trs.map((tr) => tr.querySelector('th').textContent));
  assert.deepEqual(rows, ['Leadership approaches', 'Integration architectures', 'Technology enablers', 'Management practices']);
  const heads = await page.$$eval('#cell-table thead th', (ths) => ths.map((th) => th.textContent));
  assert.deepEqual(heads.slice(1), ['Senior leaders', 'Procurement', 'Finance & legal', 'Business unit leaders', 'IT', 'HR']);
  const hr = await page.textContent('#cell-table [data-key="table:integration:hr"]');
  assert.match(hr, /1 Ad hoc → 2/);
  await page.focus('#cell-table [data-key="table:integration:hr"]');
  await page.keyboard.press('Enter');
  assert.match(await page.textContent('#cell-heading'), /Integration architectures × HR/);
  await page.selectOption('#pane-cell [data-key="u:ports:current"]', '3');
  assert.match(await page.textContent('#cell-table [data-key="table:integration:hr"]'), /^2 Defined/, 'the table follows edits');
  await page.keyboard.press('Escape');
  await page.keyboard.press('t');
  assert.equal(await page.isVisible('#diagram'), true);
  assert.deepEqual(page.problems, []);
});

test('the shortcuts dialog lists the keys, and single-key shortcuts work', async () => {
  const page = await open(env);
  await page.keyboard.press('?');
  await page.waitForSelector('#dialog[open] .shortcuts');
  assert.ok((await page.$$eval('#dialog .shortcuts tr', (e) => e.length)) >= 10);
  await page.keyboard.press('Escape');
  await page.keyboard.press('g');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('cell')), true);
  await page.keyboard.press('f');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-findings');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-readiness');
  assert.equal(await page.isVisible('#pane-readiness'), true);
  await page.keyboard.press('n');
  await page.waitForSelector('#dialog[open]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#scenario-banner:not([hidden])');
  assert.deepEqual(page.problems, []);
});
