// axe-core (WCAG 2.1 A and AA rules and best practices) finds no violation
// of any impact on the editor in any state the tests reach: each panel tab,
// each dialog, the Open and Export menus, a what-if, the table view,
// French, the dark theme, forced colours, and 390 and 320 px wide.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './harness.mjs';
import { setup, openCell, axeViolations } from './page-helpers.mjs';

const env = setup();

async function openEditor({ viewport, colorScheme, forcedColors } = {}) {
  const page = await openPage(env.browser, null, viewport ? { viewport } : undefined);
  if (colorScheme || forcedColors) await page.emulateMedia({ colorScheme, forcedColors });
  await page.goto(`${env.origin}/`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** Takes the page through its states, collecting what axe finds in each. */
async function sweep(page, found, prefix = '') {
  const check = async (state) => found.push(...await axeViolations(page, `${prefix}${state}`));
  await check('start');
  await page.locator('#pane-findings .finding-button').first().click();
  await check('finding chosen');
  await openCell(page, 'integration', 'hr');
  await check('cell editor');
  await page.click('#tab-readiness');
  await check('readiness');
  await page.click('#tab-org');
  for (const section of ['contributors', 'owners', 'systems', 'units']) {
    await page.click(`.subnav-item[data-section="${section}"]`);
    if (section === 'owners') await page.locator('.matrix-cell').first().click();
    await check(`organization ${section}`);
  }
  await page.click('#tab-findings');
  await page.click('#display-toggle');
  await check('table');
  await page.click('#display-toggle');
  await page.click('#open');
  await check('open menu');
  await page.keyboard.press('Escape');
  await page.click('#export');
  await check('export menu');
  await page.keyboard.press('Escape');
  await page.click('#new-scenario');
  await page.waitForSelector('#dialog[open]');
  await check('new what-if dialog');
  await page.click('#dialog button[value="start"]');
  await page.waitForSelector('#scenario-banner:not([hidden])');
  await openCell(page, 'integration', 'hr');
  await page.selectOption('#pane-cell [data-key="u:ports:current"]', '3');
  await page.click('#tab-findings');
  await check('what-if');
  await page.click('#share');
  await page.waitForSelector('#dialog[open] #share-link');
  await check('share dialog');
  await page.keyboard.press('Escape');
  await page.click('#help');
  await page.waitForSelector('#dialog[open] .shortcuts');
  await check('shortcuts dialog');
  await page.keyboard.press('Escape');
  await page.click('#documents');
  await page.waitForSelector('#dialog[open]');
  await check('documents dialog');
  await page.keyboard.press('Escape');
}

test('axe: no violation in any state of the editor', async () => {
  const page = await openEditor();
  const found = [];
  await sweep(page, found);
  assert.deepEqual(found, []);
  assert.deepEqual(page.problems, []);
});

test('axe: no violation in French', async () => {
  const page = await openEditor();
  await page.evaluate(() => localStorage.setItem('wfe-lang', 'fr'));
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  const found = [];
  await sweep(page, found, 'fr ');
  assert.deepEqual(found, []);
  assert.deepEqual(page.problems, []);
});

test('axe: no violation in the dark theme and with forced colours', async () => {
  for (const media of [{ colorScheme: 'dark' }, { forcedColors: 'active' }]) {
    const page = await openEditor(media);
    const found = [];
    await sweep(page, found, `${JSON.stringify(media)} `);
    assert.deepEqual(found, []);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('axe: no violation at 390 and 320 px wide', async () => {
  for (const width of [390, 320]) {
    const page = await openEditor({ viewport: { width, height: 800 } });
    const found = [];
    found.push(...await axeViolations(page, `${width} start`));
    await openCell(page, 'integration', 'hr');
    found.push(...await axeViolations(page, `${width} cell editor`));
    await page.click('#tab-org');
    found.push(...await axeViolations(page, `${width} organization`));
    assert.deepEqual(found, []);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});
