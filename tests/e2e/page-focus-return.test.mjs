// Keyboard focus after an action re-draws the part of the page holding the
// control that did it: focus lands on the control that replaced it, or on
// what the action opened, and the change is announced (never on <body>,
// where Tab starts again from the top of the page).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open } from './page-helpers.mjs';

const env = setup();

/** The focused element, told by its id, its key or its text. */
export function focused(page) {
  return page.evaluate(() => {
    const e = /** @type {HTMLElement} */ (document.activeElement);
    return { tag: e.tagName.toLowerCase(), id: e.id, key: e.dataset?.key ?? null, text: e.textContent.trim() };
  });
}

/** Renames the model on show (one undoable step; it stores the document). */
async function renameModel(page, name) {
  await page.fill('#model-name', name);
  await page.keyboard.press('Tab');
}

/** What the polite announcer says once it has said it (it speaks on the next frame). */
export async function announced(page, pattern) {
  await page.waitForFunction((source) => new RegExp(source).test(document.getElementById('announcer').textContent), pattern.source);
  return page.textContent('#announcer');
}

test('starting and renaming a what-if, by keyboard, leave focus on its tab and its banner', async () => {
  const page = await open(env);
  await page.focus('#new-scenario');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#dialog[open]');
  await page.keyboard.type('Hire drivers');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#scenario-banner:not([hidden])');
  const tab = await focused(page);
  assert.equal(tab.tag, 'button');
  assert.equal(tab.text, 'Hire drivers', 'focus on the new what-if’s tab');
  assert.match(await announced(page, /Hire drivers/), /What-if “Hire drivers” started/);

  await page.focus('#scenario-rename');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#dialog[open]');
  await page.keyboard.type('Hire more drivers');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#dialog:not([open])', { state: 'attached' });
  assert.match(await page.textContent('#scenario-bar'), /Hire more drivers/);
  assert.equal((await focused(page)).id, 'scenario-rename', 'focus back on the re-drawn banner’s Rename');
  assert.match(await announced(page, /renamed/), /What-if renamed to “Hire more drivers”/);
  assert.deepEqual(page.problems, []);
});

test('opening a suggested plan leaves focus on its what-if’s tab', async () => {
  const page = await open(env);
  await page.click('#tab-findings');
  await page.focus('#suggest-plan');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#dialog[open]');
  await page.focus('#dialog button.primary');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#scenario-banner:not([hidden])');
  await page.waitForSelector('#dialog:not([open])', { state: 'attached' });
  const name = await page.textContent('#scenario-bar .scenario-tab.is-active');
  assert.notEqual(name, 'Baseline');
  const tab = await focused(page);
  assert.equal(tab.text, name, 'focus on the plan’s what-if tab');
  assert.match(await announced(page, /opened as a what-if/), /opened as a what-if/);
  assert.deepEqual(page.problems, []);
});

test('deleting a document in Documents moves focus to the next row and says so', async () => {
  const page = await open(env);
  await renameModel(page, 'Harbourline A');
  await page.click('#open');
  await page.getByRole('menuitem', { name: /empty/i }).click();
  await page.waitForFunction(() => document.getElementById('model-name').value !== 'Harbourline A');
  await page.focus('#documents');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#dialog[open] #doc-list li[data-doc]');
  const row = (name) => page.locator('#doc-list li[data-doc]', { hasText: name });
  await row('Harbourline A').locator('[data-action="delete"]').click();
  await row('Harbourline A').locator('[data-action="confirm-delete"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => ![...document.querySelectorAll('#doc-list li')].some((li) => /Harbourline A/.test(li.textContent)));
  assert.match(await announced(page, /deleted/), /“Harbourline A” deleted\./);
  const at = await page.evaluate(() => {
    const e = document.activeElement;
    return { inList: document.getElementById('doc-list').contains(e), tag: e.tagName.toLowerCase() };
  });
  assert.deepEqual(at, { inList: true, tag: 'button' }, 'focus on a row left in the list');
  assert.equal(await page.isVisible('#dialog[open]'), true);
  assert.deepEqual(page.problems, []);
});

test('T from a focused cell keeps focus on that cell in the table, and back in the diagram, and says which view', async () => {
  const page = await open(env);
  await page.focus('#diagram .cell[data-theme="integration"][data-player="procurement"]');
  await page.keyboard.press('t');
  await page.waitForSelector('#cell-table:not([hidden])');
  assert.equal((await focused(page)).key, 'table:integration:procurement');
  assert.match(await announced(page, /Table view/), /Table view/);
  await page.keyboard.press('t');
  await page.waitForSelector('#cell-table[hidden]', { state: 'attached' });
  assert.deepEqual(await page.evaluate(() => {
    const e = /** @type {HTMLElement} */ (document.activeElement);
    return [e.closest('#diagram') !== null, e.dataset.theme, e.dataset.player];
  }), [true, 'integration', 'procurement']);
  assert.match(await announced(page, /Diagram view/), /Diagram view/);
  assert.deepEqual(page.problems, []);
});

test('the toolbar’s Undo, pressed on the last step, hands focus to Redo, and back', async () => {
  const page = await open(env);
  await renameModel(page, 'Harbourline B');
  await page.waitForSelector('#undo:not([disabled])');
  await page.focus('#undo');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#undo[disabled]');
  assert.equal((await focused(page)).id, 'redo', 'focus on Redo, not <body>');
  assert.match(await announced(page, /Undone/), /Undone/);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#redo[disabled]');
  assert.equal((await focused(page)).id, 'undo');
  assert.equal(await page.inputValue('#model-name'), 'Harbourline B');
  assert.deepEqual(page.problems, []);
});

test('choosing an owners matrix cell by keyboard takes focus to the editor it opens below the table', async () => {
  const page = await open(env);
  await page.click('#tab-org');
  await page.click('.subnav-item[data-section="owners"]');
  const cellKey = await page.$eval('.matrix .matrix-cell', (b) => b.dataset.key);
  await page.focus(`.matrix [data-key="${cellKey}"]`);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#owner-detail-title');
  const title = await page.textContent('#owner-detail-title');
  assert.equal((await focused(page)).id, 'owner-detail-title');
  assert.equal(await announced(page, /opened below/), `Owners of ${title} opened below the table.`);
  // the editor's first field is the next Tab stop, not the rest of the matrix
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('.owner-detail') !== null), true);
  assert.deepEqual(page.problems, []);
});

test('in forced colours the focused cell’s ring differs from a chosen finding’s rings', async () => {
  const page = await open(env);
  await page.emulateMedia({ forcedColors: 'active' });
  await page.locator('.finding-button').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('#diagram .cell.is-highlighted');
  const plain = await page.$eval('#diagram .cell:not(.is-highlighted)', (c) => [c.dataset.theme, c.dataset.player]);
  await page.focus('#diagram .cell');
  await page.keyboard.press('Escape');
  // focus-visible by keyboard, on a cell the finding does not ring
  await page.evaluate(([th, p]) => [...document.querySelectorAll('#diagram .cell')].find((c) => c.dataset.theme === th && c.dataset.player === p).focus(), plain);
  await page.keyboard.press('Shift');
  await page.waitForSelector('#diagram .ring-focus.ring-dark');
  const looks = await page.evaluate(() => Object.fromEntries(['focus', 'highlight'].map((kind) => {
    const cs = getComputedStyle(document.querySelector(`#diagram .ring-${kind}.ring-dark`));
    return [kind, `${cs.stroke} ${cs.strokeWidth} ${cs.strokeDasharray}`];
  })));
  assert.notEqual(looks.focus, looks.highlight, JSON.stringify(looks));
  assert.deepEqual(page.problems, []);
});
