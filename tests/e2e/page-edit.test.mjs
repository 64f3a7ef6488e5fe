// Editing a score: the diagram, the findings and the readiness follow at once,
// the diagram is updated in place (same elements, focus kept), and the
// tooltip, the contributor filter and the chosen finding highlight cells.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, cell, cellSelector, cellPoint, findingIds, openCell, setField } from './page-helpers.mjs';

const env = setup();

test('editing a score updates the diagram, findings and readiness in place', async () => {
  const page = await open(env);
  const before = await cell(page, 'integration', 'hr');
  assert.equal(before.value, '1.0', 'a mean over the units, said with its decimal');
  const findingsBefore = await findingIds(page);
  const gap = findingsBefore.find((id) => id.startsWith('maturity-gap:') && id.includes('integration') && id.includes('hr') && id.includes('ports'));
  assert.ok(gap, `a maturity gap for HR × integration in ports is listed: ${findingsBefore.join(', ')}`);
  await page.click('#tab-readiness');
  const hrRow = '#pane-readiness [data-group="players"] [data-id="hr"] .bar-value';
  const readinessBefore = await page.textContent(hrRow);

  // mark the drawn elements: an in-place update keeps them
  await page.$$eval('#diagram .cell, #diagram .cell-value', (els) => els.forEach((e) => { e.dataset.mark = 'kept'; }));
  await openCell(page, 'integration', 'hr');
  const summaryBefore = await page.textContent('#pane-cell .summary');
  assert.match(summaryBefore, /\b1\b/, `the cell's summary says its score: ${summaryBefore}`);
  await setField(page, 'u:ports', 'current', 2);
  const summaryAfter = await page.textContent('#pane-cell .summary');
  assert.match(summaryAfter, /1\.5/, `the summary follows the edit: ${summaryAfter}`);

  const after = await cell(page, 'integration', 'hr');
  assert.equal(after.value, '1.5', 'the mean of ports (2) and retail (1)');
  assert.notEqual(after.class, before.class, 'the colour step follows the score');
  assert.match(after.label, /1\.5/);
  assert.equal(await page.$$eval('#diagram .cell:not([data-mark="kept"]), #diagram .cell-value:not([data-mark="kept"])', (e) => e.length), 0,
    'no cell element was replaced');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 'u:ports:current', 'focus stays on the edited field');
  assert.equal(Number(await page.textContent('#findings-count')), findingsBefore.length - 1, 'the findings count follows at once');
  const findingsAfter = await findingIds(page);
  assert.ok(!findingsAfter.includes(gap), 'the closed gap is no longer a finding');
  assert.equal(findingsAfter.length, findingsBefore.length - 1);
  await page.click('#tab-readiness');
  assert.notEqual(await page.textContent(hrRow), readinessBefore, 'HR readiness moved');
  await page.click('#tab-cell');

  // a note and a target, then clearing the assessment
  await setField(page, 'u:ports', 'note', 'Crew data now <b>shared</b>');
  const point = await cellPoint(page, 'integration', 'hr');
  await page.mouse.move(point.x, point.y);
  await page.waitForSelector('#tooltip:not([hidden])');
  const tip = await page.textContent('#tooltip');
  assert.match(tip, /Crew data now <b>shared<\/b>/, 'the note shows as inert text');
  assert.equal(await page.$$eval('#tooltip b', (e) => e.length), 0);
  await page.click('#pane-cell [data-key="u:ports:clear"]');
  assert.equal((await cell(page, 'integration', 'hr')).value, '1', 'only retail is left');
  assert.equal(await page.textContent('#pane-cell .summary'), summaryBefore, 'the summary is back to a score of 1, from retail alone');
  assert.deepEqual(page.problems, []);
});

test('an invalid weight is refused with the reason and changes nothing', async () => {
  const page = await open(env);
  await openCell(page, 'leadership', 'hr');
  await setField(page, 'u:ports', 'weight', '-2');
  const error = await page.textContent('#pane-cell .error:not([hidden])');
  assert.match(error, /weight/);
  assert.equal(await page.$eval('#undo', (b) => b.disabled), true, 'nothing was recorded');
  assert.deepEqual(page.problems, []);
});

test('a cell opens with the keyboard, and Escape goes back to it', async () => {
  const page = await open(env);
  await page.focus(cellSelector('leadership', 'senior-leaders'));
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await page.evaluate(() => [document.activeElement.dataset.theme, document.activeElement.dataset.player]),
    ['leadership', 'procurement']);
  await page.keyboard.press('ArrowDown');
  assert.deepEqual(await page.evaluate(() => [document.activeElement.dataset.theme, document.activeElement.dataset.player]),
    ['integration', 'procurement']);
  assert.equal(await page.isVisible('#tooltip'), true, 'focus shows the tooltip');
  await page.keyboard.press('Enter');
  assert.match(await page.textContent('#cell-heading'), /Integration architectures × Procurement/);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 'org:current', 'focus moves into the editor');
  assert.match(await cell(page, 'integration', 'procurement').then((c) => c.class), /is-selected/);
  await page.keyboard.press('Escape');
  assert.deepEqual(await page.evaluate(() => [document.activeElement.dataset.theme, document.activeElement.dataset.player]),
    ['integration', 'procurement']);
  // roving focus: exactly one cell is in the tab order
  assert.equal(await page.$$eval('#diagram .cell[tabindex="0"]', (e) => e.length), 1);
  assert.deepEqual(page.problems, []);
});

test('the contributor filter and a chosen finding highlight their cells', async () => {
  const page = await open(env);
  await page.selectOption('#contributor-filter', 'gig-drivers');
  const highlighted = await page.$$eval('#diagram .cell.is-highlighted', (els) => els.map((e) => `${e.dataset.theme}/${e.dataset.player}`));
  assert.ok(highlighted.length > 0);
  assert.ok(highlighted.includes('integration/procurement'), highlighted.join(', '));
  assert.equal(await page.$$eval('#diagram .cell.is-dimmed', (e) => e.length), 24 - highlighted.length);

  await page.selectOption('#contributor-filter', 'kind:internal');
  const internal = await page.$$eval('#diagram .cell.is-highlighted', (e) => e.length);
  assert.ok(internal > 0 && internal < 24);
  await page.selectOption('#contributor-filter', '');
  assert.equal(await page.$$eval('#diagram .cell.is-highlighted, #diagram .cell.is-dimmed', (e) => e.length), 0);

  const first = page.locator('#pane-findings [data-kind="maturity-gap"] .finding-button').first();
  const id = await first.getAttribute('data-finding');
  await first.click();
  assert.equal(await first.getAttribute('aria-pressed'), 'true');
  const chosen = await page.$$eval('#diagram .cell.is-highlighted', (els) => els.map((e) => `${e.dataset.theme}/${e.dataset.player}`));
  assert.ok(chosen.length >= 1, `finding ${id} highlights its cells`);
  await page.click('#pane-findings .finding-actions button');
  assert.match(await page.textContent('#cell-heading'), /×/, 'the finding leads to its cell');
  assert.deepEqual(page.problems, []);
});

test('a finding about one unit shows that unit in the diagram, and the list says it covers every unit', async () => {
  const page = await open(env);
  assert.equal(await page.inputValue('#unit-filter'), '');
  const button = page.locator('#pane-findings [data-kind="maturity-gap"] .finding-button', { hasText: /^[\d.,]+In Ports and terminals, / }).first();
  const text = await button.textContent();
  const [, player, theme, score] = /the maturity of (.+?) on (.+?) is (\d+) \(/.exec(text ?? '') ?? [];
  assert.ok(score, text);
  const box = await button.boundingBox();
  await button.click();
  assert.equal(await page.inputValue('#unit-filter'), 'ports', 'the diagram shows the finding’s unit');
  const outlined = await page.$$eval('#diagram .cell.is-highlighted', (els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  assert.equal(outlined.length, 1);
  assert.match(outlined[0], new RegExp(`${theme}.*${player}|${player}.*${theme}`));
  const [cellTheme, cellPlayer] = await page.$eval('#diagram .cell.is-highlighted', (c) => [c.dataset.theme, c.dataset.player]);
  const { value } = await cell(page, cellTheme, cellPlayer);
  assert.equal(Number(value), Number(score), 'the outlined cell shows the finding’s score, not a mean over units');
  assert.match(await page.textContent('#pane-findings .finding.is-chosen .finding-shown'), /The diagram shows Ports and terminals, the unit this finding is about/);
  assert.match(await page.textContent('#announcer'), /The diagram shows Ports and terminals/);
  // nothing is put above the list: the finding clicked stays under the pointer
  assert.equal(await page.$('#pane-findings .finding-scope'), null);
  assert.deepEqual(await button.boundingBox(), box, 'the finding did not move');
  // a finding that is not about one unit puts back the reader's choice
  // (here all units): a unit left on show contradicted the next finding
  await page.locator('#pane-findings [data-kind="conflict"] .finding-button').first().click();
  assert.equal(await page.inputValue('#unit-filter'), '', 'back to all units');
  await button.click();
  assert.equal(await page.inputValue('#unit-filter'), 'ports');
  await button.click(); // chosen again: none chosen
  assert.equal(await page.inputValue('#unit-filter'), '', 'none chosen: back too');
  // a unit the reader chose stays theirs, and the list says it covers every unit
  await page.selectOption('#unit-filter', 'retail');
  assert.match(await page.textContent('#pane-findings .finding-scope'), /These findings cover every unit, not only Retail and delivery/);
  await button.click();
  assert.equal(await page.inputValue('#unit-filter'), 'ports');
  await page.locator('#pane-findings [data-kind="conflict"] .finding-button').first().click();
  assert.equal(await page.inputValue('#unit-filter'), 'retail', 'back to the unit the reader had chosen');
  await page.selectOption('#unit-filter', '');
  assert.equal(await page.$('#pane-findings .finding-scope'), null);
  assert.deepEqual(page.problems, []);
});

test('a chosen finding says what the diagram shows of it: no cell, a player’s wedge or a theme’s ring', async () => {
  const page = await open(env);
  const choose = async (kind) => {
    await page.locator(`#pane-findings [data-kind="${kind}"] .finding-button`).first().click();
    return page.textContent('#pane-findings .finding.is-chosen .finding-shown');
  };
  assert.match(await choose('fragmented'), /^The diagram marks no cell: this finding is about systems and contributors, not scores\. See them in Organization\u00a0▸ Systems\.$/);
  assert.equal(await page.$$eval('#diagram .cell.is-highlighted', (e) => e.length), 0);
  assert.ok(await page.$('#pane-findings .finding.is-chosen [data-key$=":systems"]'), 'with the way to the systems');
  assert.match(await choose('silo'), /^The diagram highlights Business unit leaders on every theme: this finding is about them, not one cell\.$/);
  assert.match(await choose('uncovered'), /^The diagram highlights Leadership approaches for every player: this finding is about the theme, not one cell\.$/);
  // a conflict outlines its own cells: nothing to add
  await page.locator('#pane-findings [data-kind="conflict"] .finding-button').first().click();
  assert.equal(await page.$('#pane-findings .finding.is-chosen .finding-shown'), null);
  assert.deepEqual(page.problems, []);
});
