// The organization editors: contributors, owners (the contributor × theme
// matrix), systems and integrations, and units — all without touching JSON,
// each change checked by the core and shown at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, exportedModel, openCell } from './page-helpers.mjs';

const env = setup();

async function section(page, name) {
  await page.click('#tab-org');
  await page.click(`.subnav-item[data-section="${name}"]`);
}

async function change(page, selector, value) {
  const tag = await page.$eval(selector, (e) => e.tagName);
  if (tag === 'SELECT') await page.selectOption(selector, value);
  else {
    await page.fill(selector, value);
    await page.$eval(selector, (e) => e.dispatchEvent(new Event('change', { bubbles: true })));
  }
}

test('contributors are added, changed and removed with what refers to them', async () => {
  const page = await open(env);
  await section(page, 'contributors');
  await page.fill('[data-key="c-new:label"]', 'Crowd <testers>');
  await page.selectOption('[data-key="c-new:kind"]', 'external');
  await page.fill('[data-key="c-new:headcount"]', '250');
  await page.click('[data-key="c-new:add"]');
  const row = 'tr[data-contributor="crowd-testers"]';
  await page.waitForSelector(row);
  assert.equal(await page.inputValue(`${row} [data-key="c:crowd-testers:label"]`), 'Crowd <testers>');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 'c-new:label', 'ready for the next one');
  // the new contributor is in the highlight filter at once
  assert.ok(await page.$('#contributor-filter option[value="crowd-testers"]'));

  await change(page, '[data-key="c:crowd-testers:label"]', 'Crowd testers');
  await change(page, '[data-key="c:crowd-testers:kind"]', 'internal');
  await change(page, '[data-key="c:crowd-testers:headcount"]', '');
  let model = await exportedModel(page);
  assert.deepEqual(model.contributors.find((c) => c.id === 'crowd-testers'), { id: 'crowd-testers', label: 'Crowd testers', kind: 'internal' });

  // an empty name is refused with the core's message, nothing changes
  await change(page, '[data-key="c:crowd-testers:label"]', '   ');
  assert.match(await page.textContent('#pane-org .error'), /must not be empty/);
  model = await exportedModel(page);
  assert.equal(model.contributors.find((c) => c.id === 'crowd-testers').label, 'Crowd testers');

  // removing one that systems track and players own takes those references too, undoably
  const before = await exportedModel(page);
  assert.ok(before.responsibilities.some((r) => r.contributor === 'gig-drivers'));
  await page.click('[data-key="c:gig-drivers:remove"]');
  const after = await exportedModel(page);
  assert.equal(after.contributors.some((c) => c.id === 'gig-drivers'), false);
  assert.equal(after.responsibilities.some((r) => r.contributor === 'gig-drivers'), false);
  assert.equal(after.systems.some((s) => s.contributors.includes('gig-drivers')), false);
  await page.click('#notice-undo');
  assert.deepEqual(await exportedModel(page), before);
  assert.deepEqual(page.problems, []);
});

test('owners are mapped in the contributor × theme matrix', async () => {
  const page = await open(env);
  await section(page, 'contributors');
  await page.fill('[data-key="c-new:label"]', 'Freelance designers');
  await page.click('[data-key="c-new:add"]');
  const findingsBefore = Number(await page.textContent('#findings-count'));
  await page.click('.subnav-item[data-section="owners"]');
  const cell = '[data-key="m:freelance-designers:integration"]';
  assert.equal(await page.textContent(cell), 'Nobody');
  assert.match(await page.$eval(cell, (b) => b.closest('td').className), /is-uncovered/);
  await page.click(cell);
  assert.match(await page.textContent('#owner-detail-title'), /Freelance designers × Integration architectures/);

  // a choice is required
  await page.click('[data-key="o-new:add"]');
  assert.match(await page.textContent('#pane-org .error'), /Choose the player/);
  await page.selectOption('[data-key="o-new:player"]', 'procurement');
  await page.fill('[data-key="o-new:activity"]', 'sourcing');
  await page.selectOption('[data-key="o-new:control"]', 'strict');
  await page.click('[data-key="o-new:add"]');
  assert.equal(await page.textContent(cell), 'Procurement');
  assert.equal(Number(await page.textContent('#findings-count')), findingsBefore - 1, 'one uncovered pair fewer');
  // choosing the chosen cell again, to add a second owner, keeps its editor open
  await page.click(cell);
  assert.match(await page.textContent('#owner-detail-title'), /Freelance designers × Integration architectures/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'owner-detail-title');
  assert.equal(await page.getAttribute(cell, 'aria-pressed'), 'true');

  // a second owner of the same activity with another control: redundant and conflicting
  await page.selectOption('[data-key="o-new:player"]', 'hr');
  await page.fill('[data-key="o-new:activity"]', 'sourcing');
  await page.selectOption('[data-key="o-new:control"]', 'light');
  await page.click('[data-key="o-new:add"]');
  assert.equal(await page.textContent(cell), 'Procurement, HR');
  let model = await exportedModel(page);
  const mine = model.responsibilities.filter((r) => r.contributor === 'freelance-designers');
  assert.deepEqual(mine.map((r) => [r.player, r.activity, r.control]).sort(), [['hr', 'sourcing', 'light'], ['procurement', 'sourcing', 'strict']]);
  await page.click('#tab-findings');
  const ids = await page.$$eval('#pane-findings .finding-button', (els) => els.map((e) => e.dataset.finding));
  assert.ok(ids.some((id) => id.startsWith('conflict:freelance-designers:integration')), ids.join(', '));
  assert.ok(ids.some((id) => id.startsWith('redundant:freelance-designers:integration')), ids.join(', '));

  // the same owner twice is refused; changing the control resolves the conflict
  await page.click('#tab-org');
  const hrIndex = model.responsibilities.findIndex((r) => r.contributor === 'freelance-designers' && r.player === 'hr');
  await page.selectOption(`[data-key="r:${hrIndex}:control"]`, 'strict');
  model = await exportedModel(page);
  assert.equal(model.responsibilities[hrIndex].control, 'strict');
  await page.click(`[data-key="r:${hrIndex}:remove"]`);
  model = await exportedModel(page);
  assert.equal(model.responsibilities.filter((r) => r.contributor === 'freelance-designers').length, 1);
  assert.deepEqual(page.problems, []);
});

test('systems track contributors and connect to each other', async () => {
  const page = await open(env);
  await section(page, 'systems');
  await page.fill('[data-key="s-new:label"]', 'Freelancer portal');
  await page.selectOption('[data-key="s-new:owner"]', 'procurement');
  await page.click('[data-key="s-new:add"]');
  const card = 'article[data-system="freelancer-portal"]';
  await page.waitForSelector(card);
  await page.check(`${card} [data-key="s:freelancer-portal:tracks:alumni"]`);
  await page.selectOption(`${card} [data-key="s:freelancer-portal:connect"]`, 'hris');
  await page.click(`${card} [data-key="s:freelancer-portal:connect-add"]`);
  let model = await exportedModel(page);
  const portal = model.systems.find((s) => s.id === 'freelancer-portal');
  assert.deepEqual([portal.owner, portal.contributors], ['procurement', ['alumni']]);
  assert.ok(model.integrations.some((i) => i.from === 'freelancer-portal' && i.to === 'hris'));
  assert.match(await page.textContent(`${card} .chips`), /HR information system/);
  // the other end shows the link too
  assert.match(await page.textContent('article[data-system="hris"] .chips'), /Freelancer portal/);

  await page.selectOption(`${card} [data-key="s:freelancer-portal:owner"]`, 'it');
  await change(page, `${card} [data-key="s:freelancer-portal:label"]`, 'Talent portal');
  await page.click(`${card} [data-key="s:freelancer-portal:unlink:hris"]`);
  model = await exportedModel(page);
  assert.deepEqual(
    [model.systems.find((s) => s.id === 'freelancer-portal').label, model.systems.find((s) => s.id === 'freelancer-portal').owner],
    ['Talent portal', 'it']);
  assert.equal(model.integrations.some((i) => i.from === 'freelancer-portal' || i.to === 'freelancer-portal'), false);
  await page.click(`${card} [data-key="s:freelancer-portal:remove"]`);
  assert.equal(await page.$(card), null);
  assert.deepEqual(page.problems, []);
});

test('many systems: each card opens on demand, only the open one lists contributors and systems, by keyboard too', async () => {
  const page = await open(env);
  const contributors = Array.from({ length: 60 }, (_, i) => ({ id: `c${i}`, label: `Contributor ${i}`, kind: 'internal' }));
  const systems = Array.from({ length: 40 }, (_, i) => ({ id: `s${i}`, label: `System ${i}`, owner: 'hr', contributors: i === 1 ? ['c0', 'c1'] : [] }));
  const model = { schema: 'workforce-ecosystem/v1', name: 'Many systems', contributors, systems, integrations: [{ from: 's1', to: 's2' }] };
  await page.setInputFiles('#file-input', { name: 'many.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) });
  await page.waitForFunction(() => document.getElementById('model-name').value === 'Many systems');
  await section(page, 'systems');
  const count = (selector) => page.$$eval(selector, (e) => e.length);
  assert.equal(await count('#pane-org article.card'), 40);
  // closed cards: no contributor list nor system list is built (40 × 60 boxes and 40 × 39 options before)
  assert.equal(await count('#pane-org input[type="checkbox"]'), 0);
  assert.equal(await count('#pane-org article.card option'), 0);
  // each summary says what the card holds
  assert.match(await page.textContent('article[data-system="s1"] summary'), /System 1.*Owner: .*tracks 2 contributors · 1 connection/s);
  // opened from the keyboard, a card lists the two it tracks, then a page of the 58 others
  await page.focus('article[data-system="s1"] summary');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-key="s:s1:tracks:c5"]');
  assert.equal(await count('#pane-org input[type="checkbox"]'), 2 + 50);
  assert.equal(await count('article[data-system="s1"] [data-key="s:s1:connect"] option'), 1 + 38, 'the other systems not yet connected');
  await page.focus('[data-key="s:s1:tracks:c5"]');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => /tracks 3 contributors/.test(document.querySelector('article[data-system="s1"] summary').textContent));
  // the card stays open after the edit and the focus stays on the box
  assert.equal(await page.$eval('article[data-system="s1"] details', (d) => d.open), true);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.key), 's:s1:tracks:c5');
  assert.deepEqual((await exportedModel(page)).systems.find((s) => s.id === 's1').contributors, ['c0', 'c1', 'c5']);
  await page.click('article[data-system="s1"] summary');
  assert.equal(await count('#pane-org input[type="checkbox"]:visible'), 0);
  // a system added opens its card, to be filled in
  await page.fill('[data-key="s-new:label"]', 'Portal');
  await page.click('[data-key="s-new:add"]');
  await page.waitForSelector('article[data-system="portal"] [data-key="s:portal:tracks:c0"]');
  assert.deepEqual(page.problems, []);
});

test('the Organization pane is drawn again only when what it shows changes, and lays out only the cards in sight', async () => {
  const page = await open(env);
  await openCell(page, 'leadership', 'hr');
  await page.selectOption('#pane-cell [data-key="u:ports:current"]', '4');
  await section(page, 'systems');
  // a mark on a card, to tell a card drawn again from the same one
  const kept = () => page.$eval('#pane-org article.card', (c) => /** @type {any} */ (c).kept === true);
  await page.$eval('#pane-org article.card', (c) => { /** @type {any} */ (c).kept = true; });
  await page.click('#undo'); // a score: not something the pane shows
  assert.equal(await page.$eval('#undo', (b) => b.disabled), true, 'the score was undone');
  assert.equal(await kept(), true, 'a score undone leaves the pane alone');
  await page.click('#tab-findings');
  await page.click('#tab-org');
  assert.equal(await kept(), true, 'coming back to the pane does not draw it again');
  // a structural change draws it again
  await page.click('#redo');
  await page.fill('#model-name', 'Renamed');
  await page.press('#model-name', 'Enter');
  await page.click('#tab-org');
  assert.equal(await kept(), false);
  // hundreds of cards: out of sight, they are not laid out; hundreds of contributors: their table is not measured row by row
  assert.equal(await page.$eval('#pane-org article.card', (c) => getComputedStyle(c).contentVisibility), 'auto');
  await page.click('.subnav-item[data-section="contributors"]');
  assert.equal(await page.$eval('#pane-org .editor-table', (c) => getComputedStyle(c).tableLayout), 'fixed');
  assert.deepEqual(page.problems, []);
});

test('units are added, renamed and removed, and score rows follow', async () => {
  const page = await open(env);
  await section(page, 'units');
  await page.fill('[data-key="u-new:label"]', 'Warehouses');
  await page.click('[data-key="u-new:add"]');
  await page.waitForSelector('[data-unit="warehouses"]');
  assert.ok(await page.$('#unit-filter option[value="warehouses"]'), 'the unit filter lists it');
  await change(page, '[data-key="u:warehouses:label"]', 'Warehousing');
  assert.equal(await page.textContent('#unit-filter option[value="warehouses"]'), 'Warehousing');
  // the cell editor has a row for it
  await page.focus('#diagram .cell[data-theme="leadership"][data-player="it"]');
  await page.keyboard.press('Enter');
  assert.ok(await page.$('#pane-cell [data-key="u:warehouses:current"]'));
  await page.selectOption('#pane-cell [data-key="u:warehouses:current"]', '3');
  await page.selectOption('#unit-filter', 'warehouses');
  assert.equal(await page.$eval('#diagram .cell-value[data-theme="leadership"][data-player="it"]', (e) => e.textContent), '3');
  await section(page, 'units');
  await page.click('[data-key="u:warehouses:remove"]');
  assert.equal(await page.$('#unit-filter option[value="warehouses"]'), null);
  assert.equal(await page.inputValue('#unit-filter'), '', 'back to all units');
  const model = await exportedModel(page);
  assert.equal(model.assessments.some((a) => a.unit === 'warehouses'), false, 'its scores went with it');
  assert.deepEqual(page.problems, []);
});

test('a chosen finding marks the items it concerns in the editors', async () => {
  const page = await open(env);
  await page.click('#pane-findings .finding-button[data-finding="silo:driver-sheet"]');
  // the finding leads to the systems, where the silo system is marked
  await page.click('#pane-findings .finding-actions button');
  assert.equal(await page.isVisible('#pane-org'), true);
  assert.match(await page.getAttribute('article[data-system="driver-sheet"]', 'class'), /is-concerned/);
  assert.equal(await page.$$eval('article.card.is-concerned', (e) => e.length), 1);
  await page.click('#tab-findings');
  await page.click('#pane-findings .finding-button[data-finding="untracked:alumni"]');
  await page.click('#tab-org');
  await page.click('.subnav-item[data-section="contributors"]');
  assert.deepEqual(await page.$$eval('tr.is-concerned', (e) => e.map((r) => r.dataset.contributor)), ['alumni']);
  await page.click('.subnav-item[data-section="owners"]');
  assert.ok(await page.$$eval('.matrix td.is-concerned', (e) => e.length) >= 1);
  assert.deepEqual(page.problems, []);
});

test('a refused add says why at the field it concerns, in the core\'s words without its path, and the next add clears it', async () => {
  const page = await open(env);
  /** Each error on show: its text and the data-key of the field it sits in, if any. */
  const shownErrors = () => page.$$eval('#pane-org .error', (es) => es.map((e) => ({
    text: e.textContent ?? '',
    field: /** @type {HTMLElement | null} */ (e.closest('.field')?.querySelector('[data-key]') ?? null)?.dataset.key ?? null,
  })));
  for (const s of ['contributors', 'systems', 'units']) {
    await section(page, s);
    const key = `${s[0]}-new:label`;
    assert.equal(await page.getAttribute(`[data-key="${key}"]`, 'maxlength'), '200', `${s}: a new name is limited as the core limits labels`);
    // existing names too
    const limits = await page.$$eval('#pane-org input[data-key$=":label"]', (es) => es.map((e) => e.getAttribute('maxlength')));
    assert.deepEqual([...new Set(limits)], ['200'], `${s}: every name field is limited`);
    // a name of only spaces is refused at its field
    await page.fill(`[data-key="${key}"]`, '   ');
    await page.click(`[data-key="${s[0]}-new:add"]`);
    const blank = await shownErrors();
    assert.equal(blank.length, 1, `${s}: one error`);
    assert.equal(blank[0].field, key, `${s}: the error is at the name`);
    assert.doesNotMatch(blank[0].text, /contributors:|systems:|units:|must not be empty/, 'the page refuses it before the core');
    assert.equal(await page.getAttribute(`[data-key="${key}"]`, 'aria-invalid'), 'true');
    assert.equal(await page.inputValue(`[data-key="${key}"]`), '   ', 'what was typed stays to be corrected');
  }
  await section(page, 'owners');
  await page.click('[data-key="m:employees:leadership"]');
  assert.equal(await page.getAttribute('[data-key="o-new:activity"]', 'maxlength'), '200', 'an owner\'s activity is limited too');

  await section(page, 'contributors');
  await page.fill('[data-key="c-new:label"]', 'Huge');
  await page.fill('[data-key="c-new:headcount"]', '100000000000000000000');
  await page.click('[data-key="c-new:add"]');
  const huge = await shownErrors();
  assert.equal(huge.length, 1);
  assert.equal(huge[0].field, 'c-new:headcount', 'the core\'s error is at the headcount, which its path names');
  assert.match(huge[0].text, /^Expected a whole number of people/, 'the core\'s words, as a sentence');
  assert.doesNotMatch(huge[0].text, /edit\.|addContributor/, 'no internal path');
  assert.equal(await page.inputValue('[data-key="c-new:label"]'), 'Huge', 'the name stays typed');

  await page.fill('[data-key="c-new:headcount"]', '20');
  await page.click('[data-key="c-new:add"]');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-contributor] input[type="text"]')].some((e) => /** @type {HTMLInputElement} */ (e).value === 'Huge'));
  assert.deepEqual(await shownErrors(), [], 'the add that worked clears the error');
  assert.equal(await page.inputValue('[data-key="c-new:label"]'), '', 'and the form is ready for the next one');

  // a second contributor of the same name, whatever its case, could not be told apart
  await page.fill('[data-key="c-new:label"]', ' hUGE ');
  await page.click('[data-key="c-new:add"]');
  const twin = await shownErrors();
  assert.equal(twin.length, 1);
  assert.equal(twin[0].field, 'c-new:label', 'at the name, which the core\'s path names');
  assert.equal(twin[0].text, 'The label "hUGE" is already taken.');
  assert.equal(await page.$$eval('[data-contributor] input[type="text"]', (es) => es.filter((e) => /huge/i.test(/** @type {HTMLInputElement} */ (e).value)).length), 1, 'nothing added');
  assert.deepEqual(page.problems, []);
});

test('at 1366 px the cell editor\'s level menus show their longest level whole, and the owners\' table every column without a sideways scroll', async () => {
  const page = await open(env, { viewport: { width: 1366, height: 900 } });
  await openCell(page, 'leadership', 'senior-leaders');
  const menus = await page.evaluate(() => {
    const ctx = /** @type {CanvasRenderingContext2D} */ (document.createElement('canvas').getContext('2d'));
    return [...document.querySelectorAll('#pane-cell fieldset.assessment select')].map((e) => {
      const s = /** @type {HTMLSelectElement} */ (e);
      const cs = getComputedStyle(s);
      ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const text = Math.max(...[...s.options].map((o) => ctx.measureText(o.text).width));
      // the room for text: the menu less its padding and its arrow (about 20 px)
      const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20;
      return { text: Math.ceil(text), room: Math.floor(room) };
    });
  });
  assert.ok(menus.length >= 4);
  for (const m of menus) assert.ok(m.text <= m.room, `a level menu has ${m.room} px for ${m.text} px of text`);

  await page.click('#tab-org');
  await page.click('.subnav-item[data-section="owners"]');
  const table = await page.$eval('.matrix-wrap', (w) => ({ scroll: w.scrollWidth, width: w.clientWidth }));
  assert.ok(table.scroll <= table.width, `the owners' table needs ${table.scroll} px in ${table.width}`);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, 'the page never scrolls sideways');
  assert.deepEqual(page.problems, []);
});
