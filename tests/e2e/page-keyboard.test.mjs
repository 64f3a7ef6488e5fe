// Keyboard, focus and announcements of the editor (WCAG 2.1.4, 2.4.3,
// 1.4.13, 4.1.3, 3.3.1 and 4.1.2): single-key shortcuts act only where they
// belong and can be turned off; no action drops the focus to the page's
// body; the cell tooltip can be hovered and dismissed; edits are announced
// with what they did; field errors are tied to their field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, openCell, cellPoint, startScenario, setField } from './page-helpers.mjs';

const env = setup();

const active = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return el === document.body || !el ? 'BODY' : el.dataset?.key || el.id || el.getAttribute('class') || el.tagName;
});

const dialogOpen = (page) => page.evaluate(() => Boolean(document.querySelector('#dialog[open]')));

test('single-key shortcuts act only from the diagram or the page, and can be turned off', async () => {
  const page = await open(env);
  // on a button, a letter is not a shortcut (a speech or keyboard user pressing n on Share starts nothing)
  await page.focus('#share');
  await page.keyboard.press('n');
  assert.equal(await dialogOpen(page), false, 'n on Share opens nothing');
  await page.keyboard.press('g');
  assert.equal(await active(page), 'share', 'g on Share does not move the focus');
  // on a tab or a menu button, neither
  await page.focus('#tab-findings');
  await page.keyboard.press('t');
  assert.equal(await page.isVisible('#diagram'), true, 't on a tab leaves the diagram on show');
  // in the diagram they work
  await page.focus('#diagram .cell[tabindex="0"]');
  await page.keyboard.press('n');
  await page.waitForSelector('#dialog[open]');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('#dialog[open]'));

  // turned off in the shortcuts dialog: nothing, even from the diagram; remembered
  await page.click('#help');
  await page.waitForSelector('#dialog[open] .shortcuts');
  const box = page.locator('#dialog input[type="checkbox"]');
  assert.equal(await box.isChecked(), true);
  await box.uncheck();
  await page.keyboard.press('Escape');
  await page.focus('#diagram .cell[tabindex="0"]');
  for (const key of ['n', '?', 's']) {
    await page.keyboard.press(key);
    assert.equal(await dialogOpen(page), false, `${key} does nothing once turned off`);
  }
  await page.keyboard.press('t');
  assert.equal(await page.isVisible('#diagram'), true);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.focus('#diagram .cell[tabindex="0"]');
  await page.keyboard.press('n');
  assert.equal(await dialogOpen(page), false, 'still off after a reload');
  assert.deepEqual(page.problems, []);
});

test('Keep and Discard of a what-if leave the focus on the switcher, not the body', async () => {
  const page = await open(env);
  for (const button of ['#scenario-keep', '#scenario-discard']) {
    await startScenario(page, `Plan ${button}`);
    await page.focus(button);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#scenario-banner', { state: 'hidden' });
    assert.equal(await active(page), 'sc:null', `after ${button} the focus is on Baseline`);
  }
  assert.deepEqual(page.problems, []);
});

test('Tab in an open menu moves on from its button; Escape returns to it', async () => {
  const page = await open(env);
  for (const [button, next] of [['#open', 'export'], ['#export', 'share']]) {
    await page.focus(button);
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'menuitem');
    await page.keyboard.press('Tab');
    assert.equal(await page.isHidden(`${button}-menu`), true, 'the menu closed');
    assert.equal(await active(page), next, `Tab from ${button}'s menu goes on to #${next}`);
  }
  await page.focus('#export');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await active(page), 'open', 'Shift+Tab goes back past the button');
  assert.deepEqual(page.problems, []);
});

test('an invalid weight: the field is marked, its message speaks to a person, and Tab moves on', async () => {
  const page = await open(env);
  await openCell(page, 'integration', 'hr');
  const weight = '#pane-cell [data-key="u:ports:weight"]';
  await page.waitForSelector(`${weight}:not([disabled])`);
  await page.focus(weight);
  await page.fill(weight, '-3');
  await page.keyboard.press('Tab');
  const error = await page.evaluate((sel) => {
    const field = document.querySelector(sel);
    const described = document.getElementById(field.getAttribute('aria-describedby') ?? '');
    return {
      invalid: field.getAttribute('aria-invalid'),
      message: described?.textContent ?? null,
      shown: described ? !described.hidden : false,
      value: field.value,
    };
  }, weight);
  assert.equal(error.invalid, 'true');
  assert.equal(error.shown, true);
  assert.match(error.message, /^The weight must be a positive number, not -3\.$/);
  assert.doesNotMatch(error.message, /assessments|:/, 'no path into the JSON');
  assert.equal(error.value, '-3', 'what was typed stays, to be corrected');
  assert.equal(await active(page), 'u:ports:note', 'Tab went on to the next field');
  // corrected: the mark and the message go
  await page.focus(weight);
  await page.fill(weight, '2');
  await page.keyboard.press('Tab');
  assert.equal(await page.getAttribute(weight, 'aria-invalid'), null);
  assert.equal(await page.getAttribute(weight, 'aria-describedby'), null);
  assert.equal(await page.isHidden('#pane-cell p.error'), true);
  assert.deepEqual(page.problems, []);
});

test('the skip link in table view lands on the table', async () => {
  const page = await open(env);
  await page.click('#display-toggle');
  await page.waitForSelector('#cell-table table');
  await page.focus('.skip-link');
  await page.keyboard.press('Enter');
  assert.match(await active(page), /^table:/, 'a cell of the table has the focus');
  await page.click('#display-toggle');
  await page.focus('.skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('cell')), true);
  assert.deepEqual(page.problems, []);
});

test('the cell tooltip stays while hovered, goes with Escape wherever the focus is, and stays small', async () => {
  const page = await open(env);
  const { x, y } = await cellPoint(page, 'integration', 'hr');
  await page.mouse.move(x, y);
  await page.waitForSelector('#tooltip:not([hidden])');
  const title = await page.textContent('#tooltip .tooltip-title');
  const tip = await page.locator('#tooltip').boundingBox();
  assert.ok(tip.height <= 200, `the tooltip is ${tip.height} px tall`);
  // the pointer moves onto the tooltip, over other cells on the way: it stays, for the same cell
  await page.mouse.move(tip.x + tip.width / 2, tip.y + tip.height / 2, { steps: 8 });
  await page.waitForTimeout(400);
  assert.equal(await page.isVisible('#tooltip'), true, 'hovering the tooltip keeps it');
  assert.equal(await page.textContent('#tooltip .tooltip-title'), title);
  // Escape dismisses it with the focus elsewhere (on a toolbar button)
  await page.focus('#display-toggle');
  await page.mouse.move(x, y);
  await page.waitForSelector('#tooltip:not([hidden])');
  await page.keyboard.press('Escape');
  assert.equal(await page.isHidden('#tooltip'), true);
  assert.equal(await active(page), 'display-toggle', 'dismissing does not move the focus');
  // leaving the diagram for elsewhere hides it
  const other = await cellPoint(page, 'integration', 'it');
  await page.mouse.move(other.x, other.y);
  await page.waitForSelector('#tooltip:not([hidden])');
  await page.mouse.move(5, 5);
  await page.waitForSelector('#tooltip', { state: 'hidden' });
  assert.deepEqual(page.problems, []);
});

test('an edit is announced with the new value and, in a what-if, its effect on readiness', async () => {
  const page = await open(env);
  const live = () => page.evaluate(() => {
    const el = document.getElementById('announcer');
    return { text: el.textContent, role: el.getAttribute('role') };
  });
  await openCell(page, 'integration', 'hr');
  const before = await page.getAttribute('#diagram .cell[data-theme="integration"][data-player="hr"]', 'aria-label');
  await setField(page, 'u:ports', 'current', 3);
  await page.waitForFunction(() => /Saved/.test(document.getElementById('announcer').textContent));
  const said = await live();
  assert.equal(said.role, 'status');
  const label = await page.getAttribute('#diagram .cell[data-theme="integration"][data-player="hr"]', 'aria-label');
  assert.ok(said.text.includes(label), `"${said.text}" says the cell's new scores (${label})`);
  assert.notEqual(label, before, 'the edit changed what the cell says');
  await startScenario(page, 'Faster');
  await openCell(page, 'integration', 'hr');
  await setField(page, 'u:ports', 'current', 1);
  await page.waitForFunction(() => /what-if/.test(document.getElementById('announcer').textContent));
  const banner = await page.textContent('#scenario-banner .banner-facts');
  const change = /readiness ([^·]+?) ·/.exec(banner)?.[1];
  assert.ok(change, `the banner shows the change: ${banner}`);
  assert.ok((await live()).text.includes(`readiness ${change} against the baseline`), (await live()).text);
  // a notice is said too (Keep: the notice box, the status line)
  await page.click('#scenario-keep');
  const notice = (await page.textContent('#notice-text')).trim();
  assert.match(notice, /Faster/);
  await page.waitForFunction((text) => document.getElementById('announcer').textContent === text, notice);
  assert.deepEqual(page.problems, []);
});

test('a notice stays while the pointer is on it', async () => {
  const page = await open(env);
  await page.clock.install();
  await startScenario(page, 'Hover');
  await page.click('#scenario-discard');
  await page.waitForSelector('#notice:not([hidden]) #notice-undo');
  await page.hover('#notice-undo');
  // blur it: the pointer alone holds it
  await page.evaluate(() => document.activeElement?.blur());
  await page.clock.runFor(30_000);
  assert.equal(await page.isVisible('#notice-undo'), true, 'still there after 30 s under the pointer');
  await page.mouse.move(5, 400);
  await page.clock.runFor(30_000);
  assert.equal(await page.isHidden('#notice'), true, 'it goes once the pointer left');
  assert.deepEqual(page.problems, []);
});

test('structure and state: a visible h1, headings for the diagram, the findings and readiness, cells with their state', async () => {
  const page = await open(env);
  const h1 = await page.evaluate(() => [...document.querySelectorAll('h1')].map((e) => ({ text: e.textContent, visible: e.checkVisibility(), hidden: e.closest('[aria-hidden="true"]') !== null })));
  assert.deepEqual(h1, [{ text: 'Workforce ecosystem', visible: true, hidden: false }]);
  const levels = (sel) => page.$$eval(`${sel} :is(h1,h2,h3,h4)`, (els) => els.map((e) => `${e.tagName}:${e.textContent.trim()}`));
  assert.deepEqual((await levels('.stage')).slice(0, 1), ['H2:Diagram']);
  assert.match((await levels('#pane-findings'))[0], /^H2:Findings$/);
  assert.ok((await levels('#pane-findings')).slice(1).every((h) => h.startsWith('H3:')));
  await page.click('#tab-readiness');
  const r = await levels('#pane-readiness');
  assert.equal(r[0], 'H2:Overall readiness');
  assert.ok(r.length > 1 && r.slice(1).every((h) => h.startsWith('H3:')), r.join(' > '));
  // the cell being edited is current; a finding's cells are described as concerned
  await openCell(page, 'integration', 'hr');
  const cellAttrs = (t, p) => page.$eval(`#diagram .cell[data-theme="${t}"][data-player="${p}"]`, (el) => ({
    current: el.getAttribute('aria-current'),
    description: el.getAttribute('aria-description') ?? '',
  }));
  assert.equal((await cellAttrs('integration', 'hr')).current, 'true');
  assert.equal((await cellAttrs('integration', 'it')).current, null);
  await page.click('#tab-findings');
  await page.locator('#pane-findings .finding-button').first().click();
  const states = await page.$$eval('#diagram .cell', (els) => els.map((el) => ({
    highlighted: el.classList.contains('is-highlighted'),
    dimmed: el.classList.contains('is-dimmed'),
    description: el.getAttribute('aria-description') ?? '',
  })));
  assert.ok(states.some((s) => s.highlighted));
  for (const s of states) {
    assert.equal(s.description === 'Concerned by the chosen finding', s.highlighted, JSON.stringify(s));
    if (s.dimmed) assert.equal(s.description, '');
  }
  // the accessibility tree has the description
  const snap = await page.accessibility?.snapshot?.({ interestingOnly: true });
  if (snap) {
    const flat = [];
    const walk = (n) => { flat.push(n); for (const c of n.children ?? []) walk(c); };
    walk(snap);
    assert.ok(flat.some((n) => n.role === 'button' && n.description === 'Concerned by the chosen finding'), 'a highlighted cell is described');
  }
  assert.deepEqual(page.problems, []);
});

test('a cell changed in a what-if says so', async () => {
  const page = await open(env);
  await startScenario(page, 'Described');
  await openCell(page, 'integration', 'hr');
  await setField(page, 'u:ports', 'current', 3);
  const cell = await page.$eval('#diagram .cell[data-theme="integration"][data-player="hr"]', (el) => ({
    changed: el.classList.contains('is-changed'),
    description: el.getAttribute('aria-description') ?? '',
  }));
  assert.equal(cell.changed, true);
  assert.match(cell.description, /Changed in this what-if/);
  assert.deepEqual(page.problems, []);
});

test('the Show options: the arrow keys, Home and End choose, as in the tab lists', async () => {
  const page = await open(env);
  const chosen = () => page.$eval('#overlay [aria-checked="true"]', (b) => b.dataset.overlay);
  await page.focus('#overlay [aria-checked="true"]');
  const first = await page.$eval('#overlay [data-overlay]', (b) => b.dataset.overlay);
  const last = await page.$$eval('#overlay [data-overlay]', (bs) => bs.filter((b) => !b.hidden).at(-1).dataset.overlay);
  await page.keyboard.press('End');
  assert.equal(await chosen(), last);
  await page.keyboard.press('Home');
  assert.equal(await chosen(), first);
  await page.keyboard.press('ArrowRight');
  assert.notEqual(await chosen(), first);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
