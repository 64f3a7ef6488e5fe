// Undo from wherever focus is, one step per change of a control, the chosen
// unit's row, notices that go once out of date, what an empty model says,
// and what a reload keeps: each reproduces a user's steps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, cell, openCell, setField, startScenario } from './page-helpers.mjs';

const env = setup();

const canUndo = (page) => page.$eval('#undo', (b) => !b.disabled);

test('with one unit on show, a cell opens on that unit’s row; the whole organization says what it counts for', async () => {
  const page = await open(env);
  await page.selectOption('#unit-filter', 'retail');
  await openCell(page, 'management', 'hr');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.key), 'u:retail:current');
  assert.match(await page.$eval('#pane-cell [data-row="u:retail"]', (f) => f.className), /is-chosen/);
  assert.match(await page.textContent('#pane-cell [data-row="org"]'), /counts as one more score in the mean over all units/);
  // a score entered in the focused row is the unit's own
  const before = await cell(page, 'management', 'hr');
  await page.keyboard.press('End');
  const after = await cell(page, 'management', 'hr');
  assert.notEqual(after.value, before.value, 'the unit’s cell shows the new score');
  // without a unit, the first row (the whole organization) takes focus
  await page.selectOption('#unit-filter', '');
  await openCell(page, 'leadership', 'hr');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.key), 'org:current');
  assert.deepEqual(page.problems, []);
});

test('Ctrl+Z right after a change, with focus still on the dropdown; arrow keys make one step', async () => {
  const page = await open(env);
  await openCell(page, 'leadership', 'hr');
  const start = await cell(page, 'leadership', 'hr');
  const sel = '#pane-cell [data-key="u:ports:current"]';
  const original = await page.inputValue(sel);
  await setField(page, 'u:ports', 'current', 4);
  assert.notDeepEqual(await cell(page, 'leadership', 'hr'), start);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.key), 'u:ports:current');
  await page.keyboard.press('Control+z');
  assert.deepEqual(await cell(page, 'leadership', 'hr'), start, 'undone from the dropdown');
  assert.equal(await page.inputValue(sel), original);
  assert.equal(await canUndo(page), false);
  await page.keyboard.press('Control+Shift+Z');
  assert.equal(await page.inputValue(sel), '4');
  await page.keyboard.press('Control+z');
  assert.equal(await page.inputValue(sel), original);

  // three arrow presses on the closed dropdown: three values shown, one step to undo
  await setField(page, 'u:ports', 'current', 1);
  const one = await cell(page, 'leadership', 'hr');
  await page.focus('#pane-cell [data-key="u:ports:target"]');
  await page.focus(sel);
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
  assert.equal(await page.inputValue(sel), '4');
  assert.notDeepEqual(await cell(page, 'leadership', 'hr'), one);
  await page.keyboard.press('Control+z');
  assert.equal(await page.inputValue(sel), '1', 'one undo takes all three back');
  assert.deepEqual(await cell(page, 'leadership', 'hr'), one);
  await page.keyboard.press('Control+z');
  assert.equal(await page.inputValue(sel), original);
  assert.equal(await canUndo(page), false, 'two changes, two steps');
  await page.keyboard.press('Control+y');
  await page.keyboard.press('Control+y');
  assert.equal(await page.inputValue(sel), '4');

  // leaving the dropdown and coming back starts a new step
  await page.focus('#pane-cell [data-key="u:ports:target"]');
  await page.focus(sel);
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.inputValue(sel), '3');
  await page.keyboard.press('Control+z');
  assert.equal(await page.inputValue(sel), '4');
  assert.deepEqual(page.problems, []);
});

test('Ctrl+Z in a note: the typed text first (the browser’s), then the saved edits', async () => {
  const page = await open(env);
  await openCell(page, 'leadership', 'hr');
  await setField(page, 'u:ports', 'current', 4);
  const note = '#pane-cell [data-key="u:ports:note"]';
  const saved = await page.inputValue(note);
  await page.focus(note);
  await page.keyboard.press('End');
  await page.keyboard.type(' more');
  await page.keyboard.press('Control+z');
  assert.equal(await page.inputValue('#pane-cell [data-key="u:ports:current"]'), '4', 'the score edit is not undone while text is being typed');
  assert.equal(await page.inputValue(note), saved, 'the browser took the typing back');
  // nothing unsaved in the field now: Ctrl+Z undoes the last edit
  await page.keyboard.press('Control+z');
  assert.notEqual(await page.inputValue('#pane-cell [data-key="u:ports:current"]'), '4');
  assert.deepEqual(page.problems, []);
});

test('an empty model says what to do first', async () => {
  const page = await open(env);
  await page.click('#open');
  await page.click('[data-open="empty"]');
  await page.waitForFunction(() => document.getElementById('model-name').value === 'New organization');
  await page.click('#tab-findings');
  const text = await page.textContent('#pane-findings');
  assert.match(text, /Nothing to analyse yet/);
  assert.match(text, /Start by scoring a cell/);
  assert.doesNotMatch(text, /Every assessed cell meets its target/);
  assert.deepEqual(page.problems, []);
});

test('notices go once they are no longer true; an Undo offer goes once used', async () => {
  const page = await open(env);
  await openCell(page, 'leadership', 'hr');
  await setField(page, 'u:ports', 'current', 4);
  await page.waitForTimeout(700);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.match(await page.textContent('#notice-text'), /restored/);
  assert.equal(await page.isVisible('#notice'), true);
  // the next edit makes “restored” old news
  await openCell(page, 'technology', 'it');
  await setField(page, 'u:ports', 'current', 3);
  assert.equal(await page.isHidden('#notice'), true, 'the restored notice went with the first edit');

  // a discarded what-if offers Undo; undoing by shortcut takes the offer away
  await startScenario(page, 'Try');
  await page.click('#scenario-discard');
  assert.equal(await page.isVisible('#notice-undo'), true);
  await page.focus('#diagram .cell[data-theme="leadership"][data-player="hr"]');
  await page.keyboard.press('Control+z');
  assert.match(await page.textContent('#scenario-bar'), /Try/, 'the what-if is back');
  assert.equal(await page.isHidden('#notice'), true, 'no Undo left to offer');
  // and by its own button
  await page.click('#scenario-discard');
  await page.click('#notice-undo');
  assert.equal(await page.isHidden('#notice'), true);
  assert.match(await page.textContent('#scenario-bar'), /Try/);
  assert.deepEqual(page.problems, []);
});
