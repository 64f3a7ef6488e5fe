// The Organization pane's long lists on a large organisation: Systems and
// Contributors a page at a time with a find box (as Owners), a finding's
// "Edit systems" taking the reader to its system, Owners' pager saying what
// its next page holds, and the matrix's header kept in view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, axeViolations, exportedModel, sampleWithCrews, openModel, orgSection, pagerShown, focusedKey, focusedInView } from './page-helpers.mjs';

const env = setup();
const SHOTS = '/tmp/fix-orgpanes/';

/**
 * The sample with 112 more contributors ("Crew 001" to "Crew 112", HR
 * owning every theme of each but Crew 100's technology: an uncovered pair on
 * the third page of 50) and 140 more systems ("Ledger 001" to "Ledger 140",
 * connected in a chain but for Ledger 120: a silo on the third page of 50,
 * past the sample's 7), and "Système Écho" among them: 120 contributors,
 * 148 systems, as a file's bytes.
 */
function largeSample() {
  return sampleWithCrews('Large harbour', (model) => {
    const ledger = (i) => `ledger-${String(i).padStart(3, '0')}`;
    for (let i = 1; i <= 140; i += 1) {
      model.systems.push({ id: ledger(i), label: `Ledger ${String(i).padStart(3, '0')}`, owner: 'it', contributors: [`crew-${String(i % 112 + 1).padStart(3, '0')}`] });
      if (i > 1 && i !== 120 && i !== 121) model.integrations.push({ from: ledger(i - 1), to: ledger(i) });
    }
    model.integrations.push({ from: ledger(119), to: ledger(121) });
    model.systems.push({ id: 'echo', label: 'Système Écho', owner: 'it', contributors: [] });
    model.integrations.push({ from: 'echo', to: ledger(1) });
  });
}

const openLarge = (viewport) => openModel(env, largeSample(), 'Large harbour', viewport);

const cardNames = (page) => page.$$eval('#pane-org .card .card-name', (e) => e.map((x) => x.textContent));
const contributorNames = (page) => page.$$eval('#pane-org .editor-table tbody [data-key$=":label"]', (e) => e.map((x) => /** @type {HTMLInputElement} */ (x).value));

test('a large organisation’s systems come 50 at a time with a find box (any case, any accent); the sample’s as before', async () => {
  const small = await open(env, { viewport: { width: 1366, height: 768 } });
  await orgSection(small, 'systems');
  assert.equal((await cardNames(small)).length, 7, 'the sample shows every system');
  assert.equal(await small.$$eval('#pane-org .pager, #pane-org .pager-filter', (e) => e.length), 0, 'and no pager or find box');
  assert.deepEqual(small.problems, []);

  const page = await openLarge();
  await orgSection(page, 'systems');
  let names = await cardNames(page);
  assert.equal(names.length, 50);
  assert.deepEqual([names[0], names.at(-1)], ['HR information system', 'Ledger 043']);
  assert.equal(await pagerShown(page), 'Showing 1–50 of 148 systems');
  assert.equal(await page.textContent('[data-key="s-page:next"]'), 'Next 50');
  await page.click('[data-key="s-page:next"]');
  await page.click('[data-key="s-page:next"]');
  assert.equal(await pagerShown(page), 'Showing 101–148 of 148 systems');
  names = await cardNames(page);
  assert.deepEqual([names[0], names.at(-1)], ['Ledger 094', 'Système Écho']);
  assert.equal(await page.isDisabled('[data-key="s-page:next"]'), true);

  await page.click('[data-key="s-filter"]');
  await page.keyboard.type('LEDGER 12');
  assert.deepEqual(await cardNames(page), Array.from({ length: 10 }, (_, i) => `Ledger 12${i}`));
  assert.equal(await pagerShown(page), 'Showing 1–10 of 10 matching “LEDGER 12”');
  assert.equal(await focusedKey(page), 's-filter', 'typing goes on in the find box');
  await page.fill('[data-key="s-filter"]', 'systeme echo');
  assert.deepEqual(await cardNames(page), ['Système Écho']);
  await page.fill('[data-key="s-filter"]', 'nothing like it');
  assert.equal(await pagerShown(page), 'No system’s name contains “nothing like it”.');
  assert.equal(await page.$$eval('#pane-org .card', (e) => e.length), 0);
  await page.fill('[data-key="s-filter"]', '');
  await page.screenshot({ path: `${SHOTS}systems-1366.png` }).catch(() => {});
  // a system added from page 1 is shown on its page, the last, its card open
  await page.fill('[data-key="s-new:label"]', 'Payroll bridge');
  await page.click('[data-key="s-new:add"]');
  await page.waitForSelector('#pane-org .card .card-name >> text=Payroll bridge');
  assert.equal(await pagerShown(page), 'Showing 101–149 of 149 systems');
  assert.equal(await page.$eval('#pane-org .card:last-child details', (d) => /** @type {HTMLDetailsElement} */ (d).open), true);
  assert.deepEqual(page.problems, []);
});

test('a large organisation’s system card lists what it tracks first, then the other contributors 50 at a time with a find box; one found on a later page, checked by keyboard, edits the model', async () => {
  const page = await openLarge();
  await orgSection(page, 'systems');
  await page.fill('[data-key="s-filter"]', 'Ledger 120');
  const card = 'article[data-system="ledger-120"]';
  await page.focus(`${card} summary`);
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-key="s:ledger-120:tracks:crew-009"]');
  const boxes = () => page.$$eval(`${card} input[type="checkbox"]`, (e) => e.map((x) => ({
    name: x.closest('label')?.textContent, checked: /** @type {HTMLInputElement} */ (x).checked,
  })));
  // 120 boxes built and laid out at once before: what it tracks, and a page of the others
  let all = await boxes();
  assert.equal(all.length, 1 + 50);
  assert.deepEqual(all[0], { name: 'Crew 009', checked: true }, 'what it tracks comes first, checked');
  assert.equal(all.filter((x) => x.checked).length, 1);
  assert.equal(await page.textContent(`${card} .checks-count`), '1 contributor tracked');
  assert.equal(await page.$eval(`${card} fieldset.checks`, (f) => document.getElementById(f.getAttribute('aria-describedby') ?? '')?.textContent),
    '1 contributor tracked', 'the group says how many it tracks');
  const shownHere = () => page.textContent(`${card} .pager-shown`);
  assert.equal(await shownHere(), 'Showing 1–50 of 119 other contributors');
  // the next page, by keyboard: focus stays on the button
  await page.focus('[data-key="s:ledger-120:tracks-page:next"]');
  await page.keyboard.press('Enter');
  assert.equal(await shownHere(), 'Showing 51–100 of 119 other contributors');
  assert.equal(await focusedKey(page), 's:ledger-120:tracks-page:next');
  assert.equal((await boxes()).length, 1 + 50);
  // found by name, any case: one on the last page
  await page.focus('[data-key="s:ledger-120:tracks-filter"]');
  await page.keyboard.type('CREW 111');
  assert.deepEqual((await boxes()).map((x) => x.name), ['Crew 009', 'Crew 111']);
  assert.equal(await page.getAttribute('[data-key="s:ledger-120:tracks-filter"]', 'type'), 'search');
  assert.equal(await page.$eval('[data-key="s:ledger-120:tracks-filter"]', (e) => /** @type {HTMLInputElement} */ (e).labels?.[0]?.textContent), 'Find another contributor');
  assert.equal(await focusedKey(page), 's:ledger-120:tracks-filter', 'typing goes on in the find box');
  // checked by keyboard: the model is edited, the box keeps focus and its place
  await page.keyboard.press('Tab');
  assert.equal(await focusedKey(page), 's:ledger-120:tracks:crew-111');
  await page.keyboard.press('Space');
  await page.waitForFunction((c) => /tracks 2 contributors/.test(document.querySelector(`${c} summary`)?.textContent ?? ''), card);
  assert.equal(await focusedKey(page), 's:ledger-120:tracks:crew-111');
  assert.deepEqual(await boxes(), [{ name: 'Crew 009', checked: true }, { name: 'Crew 111', checked: true }]);
  assert.equal(await page.textContent(`${card} .checks-count`), '2 contributors tracked, 1 of them listed below', 'Crew 111 keeps its place among the others');
  assert.deepEqual((await exportedModel(page)).systems.find((x) => x.id === 'ledger-120').contributors, ['crew-009', 'crew-111']);
  // the findings follow: Crew 111 is now split between the chain and the silo
  const fragmented = '#pane-findings [data-finding="fragmented:crew-111"]';
  await page.click('#tab-findings');
  await page.waitForSelector(fragmented);
  // undone as any edit, from the box: the card as it was left
  await page.click('#tab-org');
  await page.focus('[data-key="s:ledger-120:tracks:crew-111"]');
  await page.keyboard.press('Control+z');
  await page.waitForFunction((c) => /tracks 1 contributor\b/.test(document.querySelector(`${c} summary`)?.textContent ?? ''), card);
  assert.deepEqual(await boxes(), [{ name: 'Crew 009', checked: true }, { name: 'Crew 111', checked: false }]);
  assert.deepEqual((await exportedModel(page)).systems.find((x) => x.id === 'ledger-120').contributors, ['crew-009']);
  await page.click('#tab-findings');
  await page.waitForSelector('#pane-findings [data-finding="fragmented:crew-009"]');
  assert.equal(await page.$(fragmented), null);
  // checked again, it is kept (saved as any edit): the card opened after a reload lists both first
  await page.click('#tab-org');
  await page.check('[data-key="s:ledger-120:tracks:crew-111"]');
  await page.waitForFunction((c) => /tracks 2 contributors/.test(document.querySelector(`${c} summary`)?.textContent ?? ''), card);
  await page.waitForTimeout(700);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await orgSection(page, 'systems');
  await page.fill('[data-key="s-filter"]', 'Ledger 120');
  await page.click(`${card} summary`);
  await page.waitForSelector('[data-key="s:ledger-120:tracks:crew-111"]');
  all = await boxes();
  assert.deepEqual(all.slice(0, 2), [{ name: 'Crew 009', checked: true }, { name: 'Crew 111', checked: true }]);
  assert.equal(all.length, 2 + 50);
  assert.equal(await page.textContent(`${card} .checks-count`), '2 contributors tracked');
  await page.screenshot({ path: `${SHOTS}system-card-1366.png` }).catch(() => {});
  assert.deepEqual(page.problems, []);
});

test('a large organisation’s contributors come 50 at a time with a find box; a chosen finding’s contributor on show; the sample’s as before', async () => {
  const small = await open(env, { viewport: { width: 1366, height: 768 } });
  await orgSection(small, 'contributors');
  assert.equal((await contributorNames(small)).length, 8, 'the sample shows every contributor');
  assert.equal(await small.$$eval('#pane-org .pager, #pane-org .pager-filter', (e) => e.length), 0, 'and no pager or find box');
  // each row's fields say whose they are (800 fields all named "Name" told a screen reader nothing)
  assert.deepEqual(
    await small.$$eval('#pane-org tr[data-contributor="employees"] [aria-label]', (els) => els.map((e) => e.getAttribute('aria-label'))),
    ['Name of Employees', 'Kind of Employees', 'Headcount of Employees', 'Remove Employees'],
  );
  assert.deepEqual(small.problems, []);

  const page = await openLarge();
  await orgSection(page, 'contributors');
  let names = await contributorNames(page);
  assert.equal(names.length, 50);
  assert.deepEqual([names[0], names.at(-1)], ['Employees', 'Crew 042']);
  assert.equal(await page.$$eval('#pane-org .editor-table tbody [data-key]', (e) => e.length), 200, 'a page’s controls, not the whole list’s');
  assert.equal(await pagerShown(page), 'Showing 1–50 of 120 contributors');
  await page.fill('[data-key="c-filter"]', 'crew 11');
  assert.deepEqual(await contributorNames(page), ['Crew 110', 'Crew 111', 'Crew 112']);
  // an edit from the filtered list keeps the list as it is
  await page.fill('[data-key="c:crew-111:label"]', 'Crew 111 (night)');
  await page.press('[data-key="c:crew-111:label"]', 'Tab');
  await page.waitForFunction(() => document.querySelector('[data-key="c:crew-111:label"]')?.closest('tr')?.nextElementSibling?.querySelector('[data-key="c:crew-112:label"]'));
  assert.deepEqual(await contributorNames(page), ['Crew 110', 'Crew 111 (night)', 'Crew 112']);
  await page.fill('[data-key="c-filter"]', '');

  // a finding about Crew 100, chosen in the list: Contributors opens at its row
  await page.click('#tab-findings');
  await page.click('#pane-findings .finding-button[data-finding="uncovered:crew-100:technology"]');
  await orgSection(page, 'contributors');
  assert.equal(await pagerShown(page), 'Showing 101–120 of 120 contributors');
  assert.equal(await page.$eval('#pane-org tr.is-concerned [data-key$=":label"]', (e) => /** @type {HTMLInputElement} */ (e).value), 'Crew 100');
  names = await contributorNames(page);
  assert.equal(names[0], 'Crew 093');
  await page.screenshot({ path: `${SHOTS}contributors-1366.png` }).catch(() => {});
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('#pane-org .pager').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}contributors-390.png` }).catch(() => {});
  assert.deepEqual(page.problems, []);
});

test('a silo finding’s Edit systems, by keyboard, takes focus and the view to its system’s card, on its page, on a wide screen and a phone', async () => {
  for (const viewport of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
    const page = await openLarge(viewport);
    // a filter that hides it is cleared
    await orgSection(page, 'systems');
    await page.fill('[data-key="s-filter"]', 'echo');
    await page.click('#tab-findings');
    const id = 'silo:ledger-120';
    if (!(await page.$(`#pane-findings .finding-button[data-finding="${id}"]`))) await page.click('[data-key="more:silo"]');
    await page.focus(`#pane-findings .finding-button[data-finding="${id}"]`);
    await page.keyboard.press('Enter');
    await page.focus(`[data-key="go:${id}:systems"]`);
    await page.keyboard.press('Enter');
    const summary = '#pane-org .card[data-system="ledger-120"] .card-summary';
    await page.waitForFunction((s) => document.activeElement === document.querySelector(s), summary);
    assert.deepEqual(await focusedInView(page, summary), { focused: true, inView: true }, `${viewport.width}`);
    assert.equal(await page.$eval('#pane-org .card[data-system="ledger-120"] details', (d) => /** @type {HTMLDetailsElement} */ (d).open), true, 'its card is open');
    assert.match(await page.$eval('#pane-org .card[data-system="ledger-120"]', (c) => c.className), /is-concerned/);
    assert.equal(await pagerShown(page), 'Showing 101–148 of 148 systems');
    assert.equal(await page.inputValue('[data-key="s-filter"]'), '');
    await page.waitForFunction(() => document.getElementById('announcer').textContent.includes('Ledger 120'));
    // Tab goes on into the card
    await page.keyboard.press('Tab');
    assert.equal(await focusedKey(page), 's:ledger-120:label');
    await page.screenshot({ path: `${SHOTS}edit-systems-${viewport.width}.png` }).catch(() => {});
    assert.deepEqual(page.problems, []);
  }
});

test('the sample’s fragmented finding’s Edit systems takes focus to its first system’s card', async () => {
  const page = await open(env, { viewport: { width: 390, height: 844 } });
  await page.click('#tab-findings');
  const id = await page.$eval('#pane-findings .finding-group[data-kind="fragmented"] .finding-button', (b) => b.dataset.finding);
  await page.click(`#pane-findings .finding-button[data-finding="${id}"]`);
  await page.click(`[data-key="go:${id}:systems"]`);
  await page.waitForFunction(() => document.activeElement?.matches('#pane-org .card.is-concerned .card-summary'));
  const first = await page.$eval('#pane-org .card.is-concerned', (c) => c.dataset.system);
  assert.deepEqual(await focusedInView(page, `#pane-org .card[data-system="${first}"] .card-summary`), { focused: true, inView: true });
  assert.deepEqual(page.problems, []);
});

test('Owners’ pager says how many its next page holds, in English and French', async () => {
  const page = await openLarge();
  await orgSection(page, 'owners');
  assert.equal(await page.textContent('[data-key="o-page:next"]'), 'Next 50');
  await page.click('[data-key="o-page:next"]');
  assert.equal(await pagerShown(page), 'Showing 51–100 of 120 contributors');
  assert.equal(await page.textContent('[data-key="o-page:next"]'), 'Next 20');
  assert.equal(await page.textContent('[data-key="o-page:previous"]'), 'Previous 50');
  await page.fill('[data-key="o-filter"]', 'crew');
  await page.click('[data-key="o-page:next"]');
  assert.equal(await pagerShown(page), 'Showing 51–100 of 113 matching “crew”');
  assert.equal(await page.textContent('[data-key="o-page:next"]'), 'Next 13');
  await page.fill('[data-key="o-filter"]', '');
  await page.click('[data-key="o-page:next"]');
  await page.selectOption('.lang select', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await page.waitForFunction(() => document.querySelector('[data-key="o-page:next"]')?.textContent === '20 suivants');
  assert.equal(await page.textContent('[data-key="o-page:previous"]'), '50 précédents');
  assert.deepEqual(page.problems, []);
});

test('the owners matrix keeps its header row in view while its rows scroll, on a wide screen and a phone', async () => {
  for (const viewport of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
    const page = await openLarge(viewport);
    await orgSection(page, 'owners');
    await page.locator('.matrix tbody tr').nth(40).scrollIntoViewIfNeeded();
    const header = await page.evaluate(() => {
      const th = /** @type {HTMLElement} */ (document.querySelectorAll('.matrix thead th')[1]);
      const box = th.getBoundingClientRect();
      const at = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      const row = document.querySelectorAll('.matrix tbody tr')[40].getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, onTop: th.contains(at), rowTop: row.top, height: innerHeight };
    });
    assert.ok(header.top >= 0 && header.bottom <= header.height, `the header is on screen at ${viewport.width}: ${JSON.stringify(header)}`);
    assert.ok(header.onTop, `nothing covers it at ${viewport.width}`);
    assert.ok(header.bottom <= header.rowTop + 1, `it lies above the row in view at ${viewport.width}`);
    await page.screenshot({ path: `${SHOTS}owners-sticky-${viewport.width}.png` }).catch(() => {});
    assert.deepEqual(page.problems, []);
  }
});

test('on a phone the owners matrix keeps each row’s contributor in view as it scrolls sideways, in light, dark and forced colours', async () => {
  for (const media of [{ colorScheme: 'light' }, { colorScheme: 'dark' }, { forcedColors: 'active' }]) {
    const page = await openLarge({ width: 390, height: 844 });
    await page.emulateMedia(media);
    await orgSection(page, 'owners');
    await page.locator('.matrix tbody tr').nth(3).scrollIntoViewIfNeeded();
    await page.$eval('.matrix-wrap', (w) => { w.scrollLeft = w.scrollWidth; });
    const seen = await page.evaluate(() => {
      const wrap = /** @type {HTMLElement} */ (document.querySelector('.matrix-wrap'));
      const edge = wrap.getBoundingClientRect().left;
      /** @param {Element} th */
      const look = (th) => {
        const box = th.getBoundingClientRect();
        // a point inside the name's cell: the name is drawn there, no owner's cell over it
        const at = document.elementFromPoint(box.left + 4, box.top + box.height / 2);
        const alpha = /rgba\(.*,\s*([\d.]+)\)/.exec(getComputedStyle(th).backgroundColor)?.[1];
        return { left: Math.round(box.left), right: Math.round(box.right), onTop: th.contains(at), opaque: alpha === undefined || Number(alpha) === 1 };
      };
      return {
        scrolled: wrap.scrollLeft, edge: Math.round(edge), width: innerWidth,
        name: look(document.querySelectorAll('.matrix tbody th')[3]),
        corner: look(document.querySelector('.matrix thead th')),
      };
    });
    const at = JSON.stringify({ media, seen });
    assert.ok(seen.scrolled > 50, `the phone's matrix scrolls sideways: ${at}`);
    for (const th of [seen.name, seen.corner]) {
      assert.ok(th.left >= seen.edge - 1 && th.right <= seen.width, `the name's column stays in view: ${at}`);
      assert.ok(th.onTop, `nothing is drawn over it: ${at}`);
      assert.ok(th.opaque, `no cell shows through it: ${at}`);
    }
    await page.screenshot({ path: `${SHOTS}owners-names-${Object.values(media)[0]}-390.png` }).catch(() => {});
    assert.deepEqual(page.problems, []);
  }
});

test('the paged lists pass axe: Contributors, Owners and Systems of a large organisation', async () => {
  const page = await openLarge();
  // (the notice that the file opened lies outside the landmarks, as on any page: not these lists' doing)
  await page.click('#notice-actions button:last-child');
  await page.waitForSelector('#notice', { state: 'hidden' });
  const found = [];
  for (const name of ['contributors', 'owners', 'systems']) {
    await orgSection(page, name);
    await page.click(`[data-key="${name[0]}-page:next"]`);
    found.push(...await axeViolations(page, name));
  }
  // an open card's contributors: those tracked, a find box and a page of the others
  await page.click('article[data-system="ledger-060"] summary');
  await page.waitForSelector('[data-key="s:ledger-060:tracks-filter"]');
  found.push(...await axeViolations(page, 'system card'));
  assert.deepEqual(found, []);
  assert.deepEqual(page.problems, []);
});

/** The what-if "Invest" on the large organisation, at `name`'s section. */
async function largeWhatIf(name, viewport) {
  const page = await openLarge(viewport);
  await page.click('#new-scenario');
  await page.waitForSelector('#dialog[open]');
  await page.fill('#dialog input', 'Invest');
  await page.click('#dialog button[value="start"]');
  await page.waitForSelector('#scenario-banner:not([hidden])');
  await orgSection(page, name);
  return page;
}

/** Turns `key`'s pages forward (`by` > 0) or back. */
async function turnPages(page, key, by) {
  for (let i = 0; i < Math.abs(by); i += 1) await page.click(`[data-key="${key}-page:${by > 0 ? 'next' : 'previous'}"]`);
}

const announced = (page, text) => page.waitForFunction((s) => document.getElementById('announcer').textContent === s, text);

test('a what-if’s changed contributors on other pages are counted, and “Changed only” shows just their rows, by keyboard, in English and French', async () => {
  const page = await largeWhatIf('contributors');
  // Crew 060 on page 2 and Crew 100 on page 3 get a headcount, as a user gives it
  const headcount = async (id, n) => {
    await page.fill(`[data-key="c:${id}:headcount"]`, String(n));
    await page.press(`[data-key="c:${id}:headcount"]`, 'Tab');
    await page.waitForSelector(`#pane-org tr.is-changed[data-contributor="${id}"]`);
  };
  await turnPages(page, 'c', 1);
  await headcount('crew-060', 12);
  await turnPages(page, 'c', 1);
  await headcount('crew-100', 30);
  await turnPages(page, 'c', -2);
  assert.equal(await pagerShown(page), 'Showing 1–50 of 120 contributors');
  assert.equal(await page.$$eval('#pane-org tr.is-changed', (e) => e.length), 0, 'nothing changed on page 1');
  assert.equal(await page.textContent('#pane-org .pager-changed'), '2 changed contributors on other pages');

  const toggle = '[data-key="c-changed"]';
  assert.equal(await page.textContent(toggle), 'Changed only');
  assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'false');
  await page.focus(toggle);
  await page.keyboard.press('Enter');
  assert.deepEqual(await contributorNames(page), ['Crew 060', 'Crew 100']);
  assert.equal(await pagerShown(page), 'Showing 1–2 of 2 changed contributors');
  assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'true');
  assert.equal(await focusedKey(page), 'c-changed', 'focus stays on the toggle');
  await announced(page, 'Showing 1–2 of 2 changed contributors');
  assert.equal(await page.$$eval('#pane-org .pager-changed', (e) => e.length), 0, 'none left elsewhere to count');
  await page.screenshot({ path: `${SHOTS}contributors-changed-1366.png` }).catch(() => {});
  await page.fill('[data-key="c-filter"]', '100');
  assert.deepEqual(await contributorNames(page), ['Crew 100']);
  assert.equal(await pagerShown(page), 'Showing 1–1 of 1 changed, matching “100”');
  await page.fill('[data-key="c-filter"]', '');

  await page.selectOption('.lang select', 'fr');
  await page.waitForFunction((s) => document.querySelector(s)?.textContent === 'Modifiés seulement', toggle);
  assert.equal(await pagerShown(page), 'Contributeurs modifiés 1 à 2 sur 2');
  await page.focus(toggle);
  await page.keyboard.press('Space');
  assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'false');
  assert.equal(await focusedKey(page), 'c-changed');
  await announced(page, 'Contributeurs 1 à 50 sur 120');
  assert.equal(await page.textContent('#pane-org .pager-changed'), '2 contributeurs modifiés sur d’autres pages');
  await page.selectOption('.lang select', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');

  // on a phone, the toggle beside (or under) the find box, the count under the status line
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('#pane-org .pager-filter').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}contributors-changed-390.png` }).catch(() => {});

  // the baseline: nothing to count or show
  await page.click('#scenario-bar [data-scenario="baseline"]');
  await page.waitForFunction(() => !document.querySelector('[data-key="c-changed"], #pane-org .pager-changed'));
  assert.equal(await pagerShown(page), 'Showing 1–50 of 120 contributors');
  assert.deepEqual(page.problems, []);
});

test('a what-if’s changed systems on other pages are counted, and “Changed only” shows just their cards, by keyboard, in English and French', async () => {
  const page = await largeWhatIf('systems');
  // Ledger 060 on page 2 and Ledger 110 on page 3 owned by HR, as a user sets it
  const ownedByHr = async (id) => {
    await page.click(`[data-key="s:${id}:open"]`);
    await page.selectOption(`[data-key="s:${id}:owner"]`, 'hr');
    await page.waitForSelector(`#pane-org article.card.is-changed[data-system="${id}"]`);
  };
  await turnPages(page, 's', 1);
  await ownedByHr('ledger-060');
  await turnPages(page, 's', 1);
  await ownedByHr('ledger-110');
  await turnPages(page, 's', -2);
  assert.equal(await pagerShown(page), 'Showing 1–50 of 148 systems');
  assert.equal(await page.$$eval('#pane-org article.card.is-changed', (e) => e.length), 0, 'nothing changed on page 1');
  assert.equal(await page.textContent('#pane-org .pager-changed'), '2 changed systems on other pages');

  const toggle = '[data-key="s-changed"]';
  assert.equal(await page.textContent(toggle), 'Changed only');
  assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'false');
  await page.focus(toggle);
  await page.keyboard.press('Enter');
  assert.deepEqual(await cardNames(page), ['Ledger 060', 'Ledger 110']);
  assert.equal(await pagerShown(page), 'Showing 1–2 of 2 changed systems');
  assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'true');
  assert.equal(await focusedKey(page), 's-changed', 'focus stays on the toggle');
  await announced(page, 'Showing 1–2 of 2 changed systems');
  assert.equal(await page.$$eval('#pane-org .pager-changed', (e) => e.length), 0, 'none left elsewhere to count');
  await page.fill('[data-key="s-filter"]', 'ledger 11');
  assert.deepEqual(await cardNames(page), ['Ledger 110']);
  assert.equal(await pagerShown(page), 'Showing 1–1 of 1 changed, matching “ledger 11”');
  await page.fill('[data-key="s-filter"]', 'echo');
  assert.equal(await pagerShown(page), 'No changed system’s name contains “echo”.');
  await page.fill('[data-key="s-filter"]', '');
  await page.screenshot({ path: `${SHOTS}systems-changed-1366.png` }).catch(() => {});

  await page.selectOption('.lang select', 'fr');
  await page.waitForFunction((s) => document.querySelector(s)?.textContent === 'Modifiés seulement', toggle);
  assert.equal(await pagerShown(page), 'Systèmes modifiés 1 à 2 sur 2');
  await page.focus(toggle);
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'false');
  assert.equal(await focusedKey(page), 's-changed');
  await announced(page, 'Systèmes 1 à 50 sur 148');
  assert.equal(await page.textContent('#pane-org .pager-changed'), '2 systèmes modifiés sur d’autres pages');
  await turnPages(page, 's', 1);
  assert.equal(await page.textContent('#pane-org .pager-changed'), '1 système modifié sur une autre page');
  await page.selectOption('.lang select', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.textContent('#pane-org .pager-changed'), '1 changed system on another page');
  await turnPages(page, 's', -1);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('#pane-org .pager-filter').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}systems-changed-390.png` }).catch(() => {});

  // changes not marked: nothing to count or show
  await page.uncheck('#show-changes');
  await page.waitForFunction(() => !document.querySelector('[data-key="s-changed"], #pane-org .pager-changed'));
  assert.deepEqual(page.problems, []);
});

test('“Changed only” keeps a contributor set back as it was listed, with focus, until the reader redraws the filter; the toggle stays while pressed; one is one', async () => {
  const page = await largeWhatIf('contributors');
  const headcount = '[data-key="c:crew-060:headcount"]';
  const set = async (id, n) => {
    await page.focus(`[data-key="c:${id}:headcount"]`);
    await page.fill(`[data-key="c:${id}:headcount"]`, String(n));
    await page.keyboard.press('Tab');
  };
  await turnPages(page, 'c', 1);
  const was060 = await page.inputValue(headcount);
  await set('crew-060', 12);
  await page.waitForSelector('#pane-org tr.is-changed[data-contributor="crew-060"]');
  await turnPages(page, 'c', 1);
  const was100 = await page.inputValue('[data-key="c:crew-100:headcount"]');
  await set('crew-100', 30);
  await page.waitForSelector('#pane-org tr.is-changed[data-contributor="crew-100"]');
  await turnPages(page, 'c', -2);
  const toggle = '[data-key="c-changed"]';
  await page.click(toggle);
  assert.deepEqual(await contributorNames(page), ['Crew 060', 'Crew 100']);

  // Crew 060 set back, by keyboard: its row stays (no longer marked), Tab goes on from it
  await set('crew-060', was060);
  await page.waitForFunction(() => !document.querySelector('#pane-org tr.is-changed[data-contributor="crew-060"]'));
  assert.deepEqual(await contributorNames(page), ['Crew 060', 'Crew 100'], 'the row being edited stays listed');
  await page.waitForFunction(() => document.activeElement !== document.body, null, { timeout: 2000 }).catch(() => {});
  assert.equal(await focusedKey(page), 'c:crew-060:remove', 'Tab goes on to the next control of the row, not to the body');
  assert.equal(await pagerShown(page), 'Showing 1–2 of 2 changed contributors');
  assert.equal(await page.textContent('#pane-org .pager-changed'), '1 of them is no longer changed');
  // the toggle pressed again: only what is changed, and one is one
  await page.focus(toggle);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  assert.deepEqual(await contributorNames(page), ['Crew 100']);
  assert.equal(await pagerShown(page), 'Showing 1–1 of 1 changed contributor');
  await announced(page, 'Showing 1–1 of 1 changed contributor');
  assert.equal(await page.$$eval('#pane-org .pager-changed', (e) => e.length), 0);
  await page.selectOption('.lang select', 'fr');
  await page.waitForFunction(() => document.querySelector('#pane-org .pager-shown')?.textContent === 'Contributeur modifié 1 à 1 sur 1');
  await page.selectOption('.lang select', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');

  // the last change set back: the row and the toggle stay while it is pressed, not page 1 of everything
  await set('crew-100', was100);
  await page.waitForFunction(() => !document.querySelector('#pane-org tr.is-changed'));
  assert.deepEqual(await contributorNames(page), ['Crew 100']);
  await page.waitForFunction(() => document.activeElement !== document.body, null, { timeout: 2000 }).catch(() => {});
  assert.equal(await focusedKey(page), 'c:crew-100:remove');
  assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'true');
  assert.equal(await page.textContent('#pane-org .pager-changed'), '1 of them is no longer changed');
  await page.screenshot({ path: `${SHOTS}contributors-set-back-1366.png` }).catch(() => {});
  // released: it goes, focus to the find box beside it, every contributor said
  await page.focus(toggle);
  await page.keyboard.press('Enter');
  await page.waitForFunction((s) => !document.querySelector(s), toggle);
  assert.equal(await focusedKey(page), 'c-filter');
  assert.equal(await pagerShown(page), 'Showing 1–50 of 120 contributors');
  await announced(page, 'Showing 1–50 of 120 contributors');
  assert.deepEqual(page.problems, []);
});

test('“Changed only” keeps a system card set back as it was, with focus on its owner; one is one, in English and French', async () => {
  const page = await largeWhatIf('systems');
  const owner = (id) => `[data-key="s:${id}:owner"]`;
  const setOwner = async (id, to) => {
    await page.focus(owner(id));
    await page.selectOption(owner(id), to);
  };
  await turnPages(page, 's', 1);
  await page.click('[data-key="s:ledger-060:open"]');
  const was = await page.inputValue(owner('ledger-060'));
  await setOwner('ledger-060', 'hr');
  await page.waitForSelector('#pane-org article.card.is-changed[data-system="ledger-060"]');
  await turnPages(page, 's', 1);
  await page.click('[data-key="s:ledger-110:open"]');
  await setOwner('ledger-110', 'hr');
  await page.waitForSelector('#pane-org article.card.is-changed[data-system="ledger-110"]');
  await turnPages(page, 's', -2);
  await page.click('[data-key="s-changed"]');
  assert.deepEqual(await cardNames(page), ['Ledger 060', 'Ledger 110']);

  await setOwner('ledger-060', was);
  await page.waitForFunction(() => !document.querySelector('#pane-org article.card.is-changed[data-system="ledger-060"]'));
  assert.deepEqual(await cardNames(page), ['Ledger 060', 'Ledger 110'], 'the card being edited stays');
  assert.equal(await focusedKey(page), 's:ledger-060:owner', 'focus stays on the owner');
  assert.equal(await page.textContent('#pane-org .pager-changed'), '1 of them is no longer changed');
  await page.selectOption('.lang select', 'fr');
  await page.waitForFunction(() => document.querySelector('#pane-org .pager-changed')?.textContent === '1 d’entre eux n’est plus modifié');
  assert.equal(await pagerShown(page), 'Systèmes modifiés 1 à 2 sur 2');
  await page.screenshot({ path: `${SHOTS}systems-set-back-fr-1366.png` }).catch(() => {});
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => new Promise((r) => { requestAnimationFrame(() => requestAnimationFrame(r)); }));
  await page.locator('#pane-org .subpane > .pager-filter').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}systems-set-back-fr-390.png` }).catch(() => {});
  await page.setViewportSize({ width: 1366, height: 768 });
  // a page's worth redrawn by the find box: only what is changed, one is one
  await page.fill('[data-key="s-filter"]', 'ledger');
  assert.deepEqual(await cardNames(page), ['Ledger 110']);
  assert.equal(await pagerShown(page), 'Système modifié 1 à 1 sur 1 contenant « ledger »');
  await page.fill('[data-key="s-filter"]', '');
  assert.equal(await pagerShown(page), 'Système modifié 1 à 1 sur 1');
  await page.selectOption('.lang select', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await pagerShown(page), 'Showing 1–1 of 1 changed system');
  assert.deepEqual(page.problems, []);
});

test('a large system card says how many it tracks when a box checked below or unchecked above keeps its place, in English and French', async () => {
  const page = await openLarge();
  await orgSection(page, 'systems');
  await page.fill('[data-key="s-filter"]', 'Ledger 120');
  const card = 'article[data-system="ledger-120"]';
  await page.click(`${card} summary`);
  const box = (id) => `[data-key="s:ledger-120:tracks:${id}"]`;
  await page.waitForSelector(box('crew-009'));
  const count = () => page.$$eval(`${card} .checks-count`, (e) => e.map((x) => x.textContent));
  const described = () => page.$eval(`${card} fieldset.checks`, (f) => (f.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent));
  const shownHere = () => page.textContent(`${card} .pager-shown`);
  const listedFirst = () => page.$$eval(`${card} fieldset > .check-list:not([aria-describedby]) label`, (e) => e.map((x) => x.textContent));
  assert.deepEqual(await count(), ['1 contributor tracked']);
  await page.click('[data-key="s:ledger-120:tracks-page:next"]');
  assert.equal(await shownHere(), 'Showing 51–100 of 119 other contributors');

  // checked on the second page of the others, by keyboard: it stays there, with focus, and the count says so
  await page.focus(box('crew-060'));
  await page.keyboard.press('Space');
  await page.waitForFunction((c) => /tracks 2 contributors/.test(document.querySelector(`${c} summary`)?.textContent ?? ''), card);
  assert.equal(await focusedKey(page), 's:ledger-120:tracks:crew-060');
  assert.deepEqual(await listedFirst(), ['Crew 009']);
  assert.deepEqual(await count(), ['2 contributors tracked, 1 of them listed below']);
  assert.deepEqual(await described(), ['2 contributors tracked, 1 of them listed below']);
  // the others' count is what their list holds: Crew 060 is still among them, checked
  assert.equal(await shownHere(), 'Showing 51–100 of 119 other contributors');
  assert.equal(await page.isChecked(box('crew-060')), true);

  // unchecked above: it stays listed there, and the count says it is no longer tracked
  await page.focus(box('crew-009'));
  await page.keyboard.press('Space');
  await page.waitForFunction((c) => /tracks 1 contributor\b/.test(document.querySelector(`${c} summary`)?.textContent ?? ''), card);
  assert.equal(await focusedKey(page), 's:ledger-120:tracks:crew-009');
  assert.deepEqual(await listedFirst(), ['Crew 009']);
  assert.deepEqual(await count(), ['1 contributor tracked, 1 of them listed below', '1 listed above is no longer tracked']);
  assert.deepEqual(await described(), ['1 contributor tracked, 1 of them listed below', '1 listed above is no longer tracked']);
  await page.screenshot({ path: `${SHOTS}system-card-below-1366.png` }).catch(() => {});

  await page.selectOption('.lang select', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await page.waitForFunction((c) => document.querySelector(`${c} .checks-count`)?.textContent === '1 contributeur suivi, dont 1 listé plus bas', card);
  assert.deepEqual(await count(), ['1 contributeur suivi, dont 1 listé plus bas', '1 listé ci-dessus n’est plus suivi']);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator(`${card} .checks-count`).first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}system-card-below-fr-390.png` }).catch(() => {});
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.selectOption('.lang select', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');

  // closed and opened again: what it tracks comes first, and the count is plain
  await page.click(`${card} summary`);
  // the details' toggle event comes a task later (two at once make one)
  await page.waitForFunction((c) => !document.querySelector(`${c} details`)?.open, card);
  await page.evaluate(() => new Promise((r) => { setTimeout(r, 50); }));
  await page.click(`${card} summary`);
  await page.waitForSelector(box('crew-060'));
  assert.deepEqual(await listedFirst(), ['Crew 060']);
  assert.deepEqual(await count(), ['1 contributor tracked']);
  assert.equal(await shownHere(), 'Showing 1–50 of 119 other contributors');
  assert.deepEqual(page.problems, []);
});
