// What the editor shows about a cell's owners, a what-if's changes, the
// findings' names and the tab's title: each reproduces a user's steps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setup, open, openCell, startScenario, setField, exportedModel, sampleWithCrews, openModel, orgSection, pagerShown, focusedKey, focusedInView } from './page-helpers.mjs';

const env = setup();

/** The owners list of the open cell: each item's name and the rest of its text. */
function ownersList(page) {
  return page.$$eval('#pane-cell ul.plain-list li', (items) => items.map((li) => ({
    name: li.querySelector('strong')?.textContent ?? '',
    text: li.textContent,
  })));
}

async function addOwner(page, contributor, theme, player) {
  await page.click('#tab-org');
  await page.click('.subnav-item[data-section="owners"]');
  await page.click(`[data-key="m:${contributor}:${theme}"]`);
  await page.selectOption('[data-key="o-new:player"]', player);
  await page.click('[data-key="o-new:add"]');
  await page.waitForFunction(([c, t]) => document.querySelector(`[data-key="m:${c}:${t}"]`)?.textContent !== 'Nobody', [contributor, theme]);
}

test('every owner in a cell shows its contributor’s name, activity and control only when set', async () => {
  const page = await open(env, { viewport: { width: 1366, height: 768 } });
  await openCell(page, 'integration', 'procurement');
  const sample = await ownersList(page);
  const model = await page.evaluate(async () => (await fetch('models/sample.json')).json());
  const label = (id) => model.contributors.find((c) => c.id === id).label;
  const expected = model.responsibilities.filter((r) => r.theme === 'integration' && r.player === 'procurement');
  assert.equal(sample.length, expected.length);
  assert.ok(sample.length > 0);
  for (const [i, r] of expected.entries()) {
    assert.equal(sample[i].name, label(r.contributor), 'the name is written');
    assert.match(sample[i].text, new RegExp(`^${label(r.contributor).replace(/[()]/g, '\\$&')} — ${r.activity}, `), sample[i].text);
  }
  assert.ok(sample.some((o) => o.name === 'Subcontracted stevedoring crews' && /subcontract management, Strict$/.test(o.text)));
  const list = page.locator('#pane-cell ul.plain-list').last();
  await list.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/i14-edit/owners.png' }).catch(() => {});

  // an owner added without an activity or a control: its name alone
  await page.click('#tab-org');
  await page.click('.subnav-item[data-section="contributors"]');
  await page.fill('[data-key="c-new:label"]', 'Crowd testers');
  await page.click('[data-key="c-new:add"]');
  await addOwner(page, 'crowd-testers', 'integration', 'procurement');
  await openCell(page, 'integration', 'procurement');
  const after = await ownersList(page);
  assert.equal(after.length, sample.length + 1);
  assert.deepEqual(after.at(-1), { name: 'Crowd testers', text: 'Crowd testers' });
  assert.ok(after.every((o) => o.name.trim() && o.text.trim()), 'no blank item');
  await page.locator('#pane-cell ul.plain-list').last().scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/i14-edit/owners-added.png' }).catch(() => {});
  assert.deepEqual(page.problems, []);
});

test('the what-if banner counts every kind of change: scores, owners, system links', async () => {
  const page = await open(env, { viewport: { width: 1366, height: 768 } });
  await startScenario(page, 'Invest');
  assert.match(await page.textContent('#scenario-banner .banner-facts'), /^Nothing changed yet/);
  await openCell(page, 'leadership', 'hr');
  await setField(page, 'u:ports', 'current', 4);
  await setField(page, 'u:retail', 'current', 4);
  await addOwner(page, 'gig-drivers', 'leadership', 'hr');
  await page.click('.subnav-item[data-section="systems"]');
  const before = await page.textContent('#scenario-banner .banner-facts');
  await page.selectOption('[data-key="s:hris:connect"]', 'erp');
  await page.click('[data-key="s:hris:connect-add"]');
  await page.waitForFunction((b) => document.querySelector('#scenario-banner .banner-facts').textContent !== b, before);
  const facts = await page.textContent('#scenario-banner .banner-facts');
  assert.match(facts, /^Changed: 2 scores, 1 owner, 1 system link · /, facts);
  await page.screenshot({ path: '/tmp/i14-edit/banner.png' }).catch(() => {});

  // and each change is marked where it was made, as the diagram marks its cells
  const changedCards = () => page.$$eval('#pane-org article.card.is-changed', (els) => els.map((e) => e.dataset.system).sort());
  assert.deepEqual(await changedCards(), ['erp', 'hris'], 'both ends of the new link');
  assert.match(await page.textContent('#pane-org article[data-system="hris"] .card-facts'), /changed in this what-if/);
  await page.click('.subnav-item[data-section="owners"]');
  const changedPairs = () => page.$$eval('#pane-org .matrix td.is-changed .matrix-cell', (els) => els.map((e) => e.dataset.key));
  assert.deepEqual(await changedPairs(), ['m:gig-drivers:leadership']);
  assert.match(await page.getAttribute('[data-key="m:gig-drivers:leadership"]', 'aria-label'), /changed in this what-if/);
  await page.uncheck('#show-changes');
  await page.waitForFunction(() => !document.querySelector('#pane-org .matrix td.is-changed'));
  await page.check('#show-changes');
  await page.waitForFunction(() => document.querySelector('#pane-org .matrix td.is-changed'));
  // a contributor renamed in the what-if: its row marked
  await page.click('.subnav-item[data-section="contributors"]');
  await page.fill('[data-key="c:gig-drivers:label"]', 'Gig drivers');
  await page.$eval('[data-key="c:gig-drivers:label"]', (e) => e.dispatchEvent(new Event('change', { bubbles: true })));
  await page.waitForSelector('#pane-org tr.is-changed[data-contributor="gig-drivers"]');
  assert.equal(await page.$$eval('#pane-org tr.is-changed', (rows) => rows.length), 1);
  // the comparison a meeting gets says which they are
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await page.click('#export');
      await page.click('[data-export="comparison-md"]');
    })(),
  ]);
  const md = readFileSync(await d.path(), 'utf8');
  const owners = md.split('## Changed owners')[1]?.split('\n## ')[0] ?? '';
  assert.match(owners, /Gig drivers.* \| .*Leadership approaches.* \| nobody \| .*HR/, md);
  const renamed = md.split('## Changed contributors')[1]?.split('\n## ')[0] ?? '';
  assert.match(renamed, /Gig drivers.* \| .*Delivery drivers via a gig platform.* \| .*Gig drivers/, renamed);
  const systems = md.split('## Changed systems')[1]?.split('\n## ')[0] ?? '';
  assert.match(systems, /HR information system.* \| .*linked to .*Contractor onboarding portal.* \| .*linked to .*Finance ERP/, systems);
  // the baseline has nothing to mark
  await page.click('#scenario-bar [data-scenario="baseline"]');
  await page.waitForFunction(() => !document.querySelector('#pane-org .matrix td.is-changed'));
  assert.deepEqual(page.problems, []);
});

test('findings have the core’s names on the page and in the report', async () => {
  const page = await open(env);
  const kinds = await page.evaluate(async () => (await import('./pkg/workforce_ecosystem.js')).Workspace.findingKinds());
  assert.equal(kinds.length, 7);
  await page.click('#tab-findings');
  const groups = await page.$$eval('#pane-findings .finding-group', (els) => els.map((g) => ({
    kind: g.dataset.kind,
    title: g.querySelector('.group-title').firstChild.textContent,
    help: g.querySelector('.group-help')?.textContent,
  })));
  assert.ok(groups.length >= 4, 'the sample has findings of several kinds');
  for (const g of groups) {
    const k = kinds.find((x) => x.kind === g.kind);
    assert.equal(g.title, k.title, g.kind);
    assert.equal(g.help, k.meaning, g.kind);
  }
  // the report (Markdown) uses the same titles
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await page.click('#export');
      await page.click('[data-export="report-md"]');
    })(),
  ]);
  const { readFile } = await import('node:fs/promises');
  const md = await readFile(await download.path(), 'utf8');
  for (const k of kinds) assert.ok(md.includes(`## ${k.title}\n`), k.title);
  assert.doesNotMatch(await page.textContent('#pane-findings'), /Nobody owns it|Silo systems/);
  assert.deepEqual(page.problems, []);
});

test('the tab’s title names the organization, as text, after a rename and a switch', async () => {
  const page = await open(env);
  assert.equal(await page.title(), 'Harbourline Group — Workforce ecosystem');
  await page.fill('#model-name', '<b>Acme</b> & Co');
  await page.press('#model-name', 'Enter');
  await page.waitForFunction(() => document.title.startsWith('<b>Acme'));
  assert.equal(await page.title(), '<b>Acme</b> & Co — Workforce ecosystem');
  assert.equal(await page.$eval('head title', (el) => el.children.length), 0, 'inert text');
  await page.click('#open');
  await page.click('[data-open="empty"]');
  await page.waitForFunction(() => document.title === 'New organization — Workforce ecosystem');
  assert.deepEqual(page.problems, []);
});

const openCrews = (viewport) => openModel(env, sampleWithCrews('Many crews'), 'Many crews', viewport);

/** The row headers of the matrix on show. */
const rowNames = (page) => page.$$eval('.matrix tbody th[scope="row"]', (ths) => ths.map((th) => th.textContent));

test('a large organization’s owners come 50 contributors at a time, with a name filter; the sample’s as before', async () => {
  const small = await open(env, { viewport: { width: 1366, height: 768 } });
  await orgSection(small, 'owners');
  assert.equal((await rowNames(small)).length, 8, 'the sample shows every contributor');
  assert.equal(await small.$$eval('.pager, .pager-filter', (e) => e.length), 0, 'and no pager or filter');
  assert.deepEqual(small.problems, []);

  const page = await openCrews();
  await orgSection(page, 'owners');
  let names = await rowNames(page);
  assert.equal(names.length, 50);
  assert.deepEqual([names[0], names.at(-1)], ['Employees', 'Crew 042']);
  assert.equal(await page.$$eval('#pane-org .matrix-cell', (b) => b.length), 200, 'a page’s cells, not the whole matrix’s');
  assert.equal(await pagerShown(page), 'Showing 1–50 of 120 contributors');
  // the table says what it holds and which part of it is on show
  assert.equal(await page.textContent('.matrix caption'), 'Owners by contributor and theme');
  assert.equal(await page.$$eval('.matrix thead th[scope="col"]', (e) => e.length), 5);
  assert.equal(await page.$eval('.matrix', (t) => document.getElementById(t.getAttribute('aria-describedby') ?? '')?.textContent), 'Showing 1–50 of 120 contributors');
  assert.equal(await page.isDisabled('[data-key="o-page:previous"]'), true);

  // by keyboard: the next page, announced, focus kept on the button
  await page.focus('[data-key="o-page:next"]');
  await page.keyboard.press('Enter');
  assert.equal(await pagerShown(page), 'Showing 51–100 of 120 contributors');
  names = await rowNames(page);
  assert.deepEqual([names[0], names.at(-1)], ['Crew 043', 'Crew 092']);
  assert.equal(await focusedKey(page), 'o-page:next');
  await page.waitForFunction(() => document.getElementById('announcer').textContent === 'Showing 51–100 of 120 contributors');
  await page.keyboard.press('Enter');
  assert.equal(await pagerShown(page), 'Showing 101–120 of 120 contributors');
  assert.deepEqual((await rowNames(page)).slice(0, 2), ['Crew 093', 'Crew 094']);
  assert.equal(await page.isDisabled('[data-key="o-page:next"]'), true);
  assert.equal(await focusedKey(page), 'o-page:previous', 'focus goes to Previous as Next goes out of use');
  await page.screenshot({ path: '/tmp/i14-edit/owners-page3.png' }).catch(() => {});

  // the filter: any case, from the first match, as it is typed
  await page.click('[data-key="o-filter"]');
  await page.keyboard.type('CREW 07');
  assert.deepEqual(await rowNames(page), Array.from({ length: 10 }, (_, i) => `Crew 07${i}`));
  assert.equal(await pagerShown(page), 'Showing 1–10 of 10 matching “CREW 07”');
  assert.equal(await focusedKey(page), 'o-filter', 'typing goes on in the filter');
  await page.keyboard.type('5');
  assert.deepEqual(await rowNames(page), ['Crew 075']);
  assert.equal(await pagerShown(page), 'Showing 1–1 of 1 matching “CREW 075”');
  await page.keyboard.type('<b>');
  assert.equal(await pagerShown(page), 'No contributor’s name contains “CREW 075<b>”.');
  assert.equal(await page.$$eval('.matrix', (e) => e.length), 0);
  await page.fill('[data-key="o-filter"]', '');
  assert.equal(await pagerShown(page), 'Showing 1–50 of 120 contributors');
  assert.deepEqual(page.problems, []);
});

test('a finding about a contributor beyond the first page opens Owners at that contributor’s row, whatever the filter', async () => {
  const page = await openCrews();
  await orgSection(page, 'owners');
  await page.fill('[data-key="o-filter"]', 'employees');
  assert.deepEqual(await rowNames(page), ['Employees']);
  // the finding's Edit owners opens the pair, on its page, the filter cleared
  await page.click('#tab-findings');
  await page.click('#pane-findings .finding-button[data-finding="uncovered:crew-100:technology"]');
  await page.click('[data-key="go:uncovered:crew-100:technology:owners"]');
  // (the pane is drawn as the tab opens, then again with the pair chosen)
  await page.waitForSelector('[data-key="m:crew-100:technology"][aria-pressed="true"]');
  assert.equal(await pagerShown(page), 'Showing 101–120 of 120 contributors');
  assert.equal(await page.inputValue('[data-key="o-filter"]'), '');
  assert.equal(await page.getAttribute('[data-key="m:crew-100:technology"]', 'aria-pressed'), 'true');
  assert.match(await page.$eval('[data-key="m:crew-100:technology"]', (b) => b.closest('td').className), /is-concerned/);
  assert.equal(await page.textContent('#owner-detail-title'), 'Crew 100 × Technology enablers');
  // paging away is the reader's choice: an edit elsewhere does not bring it back
  await page.click('[data-key="o-page:previous"]');
  assert.equal(await pagerShown(page), 'Showing 51–100 of 120 contributors');
  await page.click('[data-key="m:crew-060:management"]');
  assert.equal(await page.textContent('#owner-detail-title'), 'Crew 060 × Management practices');
  assert.equal(await pagerShown(page), 'Showing 51–100 of 120 contributors');

  // a finding chosen in the list marks its contributor's row, shown when Owners opens
  const other = await openCrews();
  await other.click('#tab-findings');
  await other.click('#pane-findings .finding-button[data-finding="uncovered:crew-100:technology"]');
  await orgSection(other, 'owners');
  assert.equal(await pagerShown(other), 'Showing 101–120 of 120 contributors');
  assert.equal(await other.$eval('.matrix tr.is-concerned th', (th) => th.textContent), 'Crew 100');
  assert.deepEqual([...page.problems, ...other.problems], []);
});

test('a cell chosen on page 2 edits that contributor’s owners, and stays chosen while the pages turn', async () => {
  const page = await openCrews();
  await orgSection(page, 'owners');
  await page.click('[data-key="o-page:next"]');
  const cell = '[data-key="m:crew-060:leadership"]';
  assert.equal(await page.textContent(cell), 'HR');
  await page.click(cell);
  assert.equal(await page.textContent('#owner-detail-title'), 'Crew 060 × Leadership approaches');
  await page.selectOption('[data-key="o-new:player"]', 'senior-leaders');
  await page.fill('[data-key="o-new:activity"]', 'crew briefings');
  await page.click('[data-key="o-new:add"]');
  await page.waitForFunction((c) => document.querySelector(c)?.textContent === 'HR, Senior leaders', cell);
  assert.equal(await pagerShown(page), 'Showing 51–100 of 120 contributors', 'the edit leaves the page where it was');
  let model = await exportedModel(page);
  const index = model.responsibilities.findIndex((r) => r.player === 'senior-leaders' && r.activity === 'crew briefings');
  assert.deepEqual(model.responsibilities[index], { contributor: 'crew-060', theme: 'leadership', player: 'senior-leaders', activity: 'crew briefings' });

  // another page: the chosen pair's editor stays below and still edits it
  await page.click('[data-key="o-page:next"]');
  assert.equal(await page.textContent('#owner-detail-title'), 'Crew 060 × Leadership approaches');
  await page.selectOption(`[data-key="r:${index}:control"]`, 'strict');
  await page.waitForFunction(() => document.querySelector('.pager-shown')?.textContent === 'Showing 101–120 of 120 contributors');
  model = await exportedModel(page);
  assert.equal(model.responsibilities[index].control, 'strict');
  assert.equal(model.responsibilities[index].contributor, 'crew-060');
  await page.click('[data-key="o-page:previous"]');
  assert.equal(await page.getAttribute(cell, 'aria-pressed'), 'true');
  assert.deepEqual(page.problems, []);
});

/** Gives `player` the pair (contributor, theme) on the page of the matrix on show, as a user does. */
async function giveOwner(page, contributor, theme, player) {
  const cell = `[data-key="m:${contributor}:${theme}"]`;
  const before = await page.textContent(cell);
  await page.click(cell);
  await page.selectOption('[data-key="o-new:player"]', player);
  await page.click('[data-key="o-new:add"]');
  await page.waitForFunction(([c, b]) => document.querySelector(c)?.textContent !== b, [cell, before]);
}

/** The large model in a what-if whose owners changed on page 2 (Crew 060) and page 3 (Crew 100), Owners on show at page 1. */
async function crewsWithChangedOwners() {
  const page = await openCrews();
  await startScenario(page, 'Invest');
  await orgSection(page, 'owners');
  await page.click('[data-key="o-page:next"]');
  await giveOwner(page, 'crew-060', 'management', 'senior-leaders');
  await page.click('[data-key="o-page:next"]');
  await giveOwner(page, 'crew-100', 'technology', 'hr');
  await page.click('[data-key="o-page:previous"]');
  await page.click('[data-key="o-page:previous"]');
  return page;
}

test('a what-if’s changed owners on other pages are counted on the page on show, and “Changed only” shows just their rows, in English and French', async () => {
  const page = await crewsWithChangedOwners();
  assert.equal(await pagerShown(page), 'Showing 1–50 of 120 contributors');
  const changedPairs = () => page.$$eval('#pane-org .matrix td.is-changed .matrix-cell', (els) => els.map((e) => e.dataset.key));
  assert.deepEqual(await changedPairs(), [], 'nothing changed on page 1');
  assert.equal(await page.textContent('#pane-org .pager-changed'), '2 changed contributors on other pages');

  // the toggle beside the find box, by keyboard: just the changed rows, on one page
  const toggle = '[data-key="o-changed"]';
  assert.equal(await page.textContent(toggle), 'Changed only');
  assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'false');
  await page.focus(toggle);
  await page.keyboard.press('Enter');
  assert.deepEqual(await rowNames(page), ['Crew 060', 'Crew 100']);
  assert.deepEqual(await changedPairs(), ['m:crew-060:management', 'm:crew-100:technology']);
  assert.equal(await pagerShown(page), 'Showing 1–2 of 2 changed contributors');
  assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'true');
  assert.equal(await focusedKey(page), 'o-changed');
  await page.waitForFunction(() => document.getElementById('announcer').textContent === 'Showing 1–2 of 2 changed contributors');
  assert.equal(await page.$$eval('#pane-org .pager-changed', (e) => e.length), 0, 'none left elsewhere to count');
  await page.screenshot({ path: '/tmp/fix-ownerspages/changed-only-1366.png' }).catch(() => {});
  // with the find box, both hold
  await page.fill('[data-key="o-filter"]', '100');
  assert.deepEqual(await rowNames(page), ['Crew 100']);
  assert.equal(await pagerShown(page), 'Showing 1–1 of 1 changed, matching “100”');
  await page.fill('[data-key="o-filter"]', '');

  // in French; pressed again, every contributor, the count back
  await page.selectOption('.lang select', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await page.waitForFunction((s) => document.querySelector(s)?.textContent === 'Modifiés seulement', toggle);
  assert.equal(await pagerShown(page), 'Contributeurs modifiés 1 à 2 sur 2');
  await page.click(toggle);
  assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'false');
  assert.equal(await pagerShown(page), 'Contributeurs 1 à 50 sur 120');
  assert.equal(await page.textContent('#pane-org .pager-changed'), '2 contributeurs modifiés sur d’autres pages');
  await page.click('[data-key="o-page:next"]');
  assert.equal(await page.textContent('#pane-org .pager-changed'), '1 contributeur modifié sur une autre page');
  await page.selectOption('.lang select', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.textContent('#pane-org .pager-changed'), '1 changed contributor on another page');

  // changes not marked, or the baseline: nothing to count or show
  await page.uncheck('#show-changes');
  await page.waitForFunction(() => !document.querySelector('[data-key="o-changed"], #pane-org .pager-changed'));
  await page.check('#show-changes');
  await page.waitForSelector(toggle);
  await page.click('#scenario-bar [data-scenario="baseline"]');
  await page.waitForFunction(() => !document.querySelector('[data-key="o-changed"], #pane-org .pager-changed'));
  assert.deepEqual(page.problems, []);
});

test('a finding’s Edit owners, by keyboard, takes focus and the view to the pair’s editor, on a wide screen and a phone', async () => {
  for (const viewport of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
    const page = await openCrews(viewport);
    await page.click('#tab-findings');
    await page.focus('#pane-findings .finding-button[data-finding="uncovered:crew-100:technology"]');
    await page.keyboard.press('Enter');
    await page.focus('[data-key="go:uncovered:crew-100:technology:owners"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#owner-detail-title');
    await page.waitForFunction(() => document.activeElement?.id === 'owner-detail-title');
    assert.deepEqual(await focusedInView(page, '#owner-detail-title'), { focused: true, inView: true }, `${viewport.width}`);
    assert.equal(await page.textContent('#owner-detail-title'), 'Crew 100 × Technology enablers');
    await page.waitForFunction(() => document.getElementById('announcer').textContent.includes('Crew 100 × Technology enablers'));
    // Tab goes on into the editor, not back to the top of the pane
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => document.querySelector('.owner-detail')?.contains(document.activeElement)), 'Tab reaches the editor’s fields');
    await page.screenshot({ path: `/tmp/fix-retest/edit-owners-${viewport.width}.png` }).catch(() => {});
    assert.deepEqual(page.problems, []);
  }
});

test('a finding’s Edit systems, by keyboard, takes focus and the view to its system’s card, or to the Systems section for a contributor no system tracks', async () => {
  const page = await open(env, { viewport: { width: 390, height: 844 } });
  await page.click('#tab-findings');
  const ids = await page.$$eval('#pane-findings .finding-group:is([data-kind="untracked"], [data-kind="silo"], [data-kind="fragmented"]) .finding-button', (b) => b.map((x) => x.dataset.finding));
  assert.ok(ids.some((id) => id.startsWith('untracked:')) && ids.some((id) => id.startsWith('silo:')), ids.join(' '));
  for (const id of [ids.find((x) => x.startsWith('untracked:')), ids.find((x) => x.startsWith('silo:'))]) {
    await page.click('#tab-findings');
    if ((await page.getAttribute(`#pane-findings .finding-button[data-finding="${id}"]`, 'aria-pressed')) !== 'true') {
      await page.focus(`#pane-findings .finding-button[data-finding="${id}"]`);
      await page.keyboard.press('Enter');
    }
    await page.focus(`[data-key="go:${id}:systems"]`);
    await page.keyboard.press('Enter');
    // a silo's system is its card; an untracked contributor has none: the section's heading
    const target = id.startsWith('silo:') ? `#pane-org .card[data-system="${id.slice('silo:'.length)}"] .card-summary` : '#pane-org .subpane[data-section="systems"] h2';
    await page.waitForFunction((s) => document.activeElement === document.querySelector(s), target);
    assert.deepEqual(await focusedInView(page, target), { focused: true, inView: true }, id);
  }
  assert.deepEqual(page.problems, []);
});

test('the owners filter and page are the document’s: another document opens at page 1, unfiltered; a what-if keeps them', async () => {
  const page = await openCrews();
  await orgSection(page, 'owners');
  await page.fill('[data-key="o-filter"]', 'crew');
  await page.click('[data-key="o-page:next"]');
  assert.equal(await pagerShown(page), 'Showing 51–100 of 113 matching “crew”');
  await startScenario(page, 'Invest');
  await orgSection(page, 'owners');
  assert.equal(await pagerShown(page), 'Showing 51–100 of 113 matching “crew”', 'the what-if is the same document');
  assert.equal(await page.inputValue('[data-key="o-filter"]'), 'crew');

  const model = JSON.parse(sampleWithCrews().toString());
  model.name = 'Other crews';
  await page.setInputFiles('#file-input', { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) });
  await page.waitForFunction(() => document.getElementById('model-name').value === 'Other crews');
  await orgSection(page, 'owners');
  assert.equal(await page.inputValue('[data-key="o-filter"]'), '');
  assert.equal(await pagerShown(page), 'Showing 1–50 of 120 contributors');
  assert.deepEqual(page.problems, []);
});

test('a long unbroken contributor name wraps in the owners matrix: the owners stay in view', async () => {
  const model = JSON.parse(readFileSync(new URL('../../dist/models/sample.json', import.meta.url), 'utf8'));
  const long = 'X'.repeat(200);
  model.contributors.push({ id: 'long', label: long, kind: 'external' });
  model.name = 'Long name';
  for (const viewport of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
    const page = await open(env, { viewport });
    await page.setInputFiles('#file-input', { name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) });
    await page.waitForFunction(() => document.getElementById('model-name').value === 'Long name');
    await orgSection(page, 'owners');
    const sizes = await page.evaluate(() => {
      const wrap = /** @type {HTMLElement} */ (document.querySelector('.matrix-wrap'));
      const th = [...document.querySelectorAll('.matrix tbody th')].find((e) => e.textContent.startsWith('XXX'));
      return { scroll: wrap.scrollWidth, client: wrap.clientWidth, th: th.getBoundingClientRect().width, text: th.textContent.length };
    });
    assert.equal(sizes.text, 200, 'the whole name is written');
    assert.ok(sizes.th <= 200, `the name’s column stays narrow (${sizes.th} px at ${viewport.width})`);
    // at 1366 the panel holds the whole matrix; a phone scrolls it sideways, but by its owners' columns only
    if (viewport.width > 1000) assert.ok(sizes.scroll <= sizes.client + 1, `no sideways scroll (${sizes.scroll} > ${sizes.client})`);
    else assert.ok(sizes.scroll <= 800, `the phone's matrix is ${sizes.scroll} px wide`);
    await page.locator('.matrix tbody tr').last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/fix-retest/long-name-${viewport.width}.png` }).catch(() => {});
    assert.deepEqual(page.problems, []);
  }
});

test('a label with a bidi control or right-to-left letters reorders none of the sentences the page writes around it (owners, notices, findings)', async () => {
  const page = await open(env, { viewport: { width: 1366, height: 768 } });
  // the sample with its framework written out, so its names can be changed
  const model = await page.evaluate(async () => {
    const { Workspace } = await import('./pkg/workforce_ecosystem.js');
    return new Workspace(await (await fetch('models/sample.json')).text()).model();
  });
  const rlo = (s) => `\u202E${s}`;
  const iso = (s) => `\u2068${s}\u2069`;
  model.name = 'Hostile names';
  model.contributors.find((c) => c.id === 'employees').label = rlo('Employees');
  model.framework.themes.find((x) => x.id === 'leadership').label = rlo('Leadership');
  model.framework.players.find((x) => x.id === 'senior-leaders').label = 'قادة كبار';
  model.framework.players.find((x) => x.label === 'Business unit leaders').label = rlo('Unit leaders');
  model.units.find((u) => u.id === 'ports').label = rlo('Ports');
  await page.setInputFiles('#file-input', { name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) });
  await page.waitForFunction(() => document.getElementById('model-name').value === 'Hostile names');

  // the pair editor's heading, and what the matrix cell says
  await orgSection(page, 'owners');
  const cell = '[data-key="m:employees:leadership"]';
  assert.equal(await page.textContent(cell), iso('قادة كبار'));
  assert.ok((await page.getAttribute(cell, 'aria-label')).startsWith(`${iso(rlo('Employees'))}, ${iso(rlo('Leadership'))}: `));
  await page.click(cell);
  assert.equal(await page.textContent('#owner-detail-title'), `${iso(rlo('Employees'))} × ${iso(rlo('Leadership'))}`);
  await page.waitForFunction((t) => document.getElementById('announcer').textContent === `Owners of ${t} opened below the table.`,
    `${iso(rlo('Employees'))} × ${iso(rlo('Leadership'))}`);
  assert.equal(await page.getAttribute('.owner-detail .owner-row [data-key$=":remove"]', 'aria-label'), `Remove ${iso('قادة كبار')} as owner`);
  await page.screenshot({ path: '/tmp/fix-retest/hostile-owners.png' }).catch(() => {});

  // a notice naming a removed contributor
  await page.click('.subnav-item[data-section="contributors"]');
  await page.click('[data-key="c:employees:remove"]');
  await page.waitForSelector('#notice:not([hidden])');
  assert.equal(await page.textContent('#notice-text'), `Removed “${iso(rlo('Employees'))}” and its responsibilities.`);
  await page.click('#notice-undo');

  // the findings pane: the unit it is not narrowed to, a finding's cells and the wedges it highlights
  await page.click('#tab-findings');
  await page.selectOption('#unit-filter', 'ports');
  assert.match(await page.textContent('#pane-findings .finding-scope'), new RegExp(iso(rlo('Ports'))));
  await page.selectOption('#unit-filter', '');
  await page.locator('#pane-findings [data-kind="uncovered"] .finding-button').first().click();
  assert.equal(await page.textContent('#pane-findings .finding.is-chosen .finding-shown'),
    `The diagram highlights ${iso(rlo('Leadership'))} for every player: this finding is about the theme, not one cell.`);
  await page.locator('#pane-findings [data-kind="silo"] .finding-button').first().click();
  assert.equal(await page.textContent('#pane-findings .finding.is-chosen .finding-shown'),
    `The diagram highlights ${iso(rlo('Unit leaders'))} on every theme: this finding is about them, not one cell.`);
  // a finding's way to its cell names the cell
  await page.locator('#pane-findings [data-kind="conflict"] .finding-button').first().click();
  const edits = await page.$$eval('#pane-findings .finding.is-chosen .chip-button', (b) => b.map((x) => x.textContent));
  assert.ok(edits.some((x) => x === `Edit Integration architectures × ${iso(rlo('Unit leaders'))}`), edits.join(' | '));
  assert.deepEqual(page.problems, []);
});

test('“Changed only” keeps a contributor whose added owner is removed, with the owner editor below and focus in it', async () => {
  const page = await crewsWithChangedOwners();
  const toggle = '[data-key="o-changed"]';
  await page.click(toggle);
  assert.deepEqual(await rowNames(page), ['Crew 060', 'Crew 100']);
  await page.click('[data-key="m:crew-060:management"]');
  const title = await page.textContent('#owner-detail-title');
  // the owner added in the what-if removed (✕), by keyboard
  const remove = await page.$$eval('#pane-org .owner-detail li.owner-row:not(.owner-head)', (rows) => rows
    .find((r) => /** @type {HTMLSelectElement} */ (r.querySelector('select')).value === 'senior-leaders')?.querySelector('button')?.dataset.key);
  assert.ok(remove);
  await page.focus(`[data-key="${remove}"]`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('#pane-org .matrix td.is-changed [data-key="m:crew-060:management"]'));
  assert.deepEqual(await rowNames(page), ['Crew 060', 'Crew 100'], 'the row stays in the table while its editor is open');
  assert.equal(await page.textContent('#owner-detail-title'), title);
  assert.equal(await page.getAttribute('[data-key="m:crew-060:management"]', 'aria-pressed'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('.owner-detail') !== null), true, 'focus stays in the owner editor');
  assert.equal(await pagerShown(page), 'Showing 1–2 of 2 changed contributors');
  assert.equal(await page.textContent('#pane-org .pager-changed'), '1 of them is no longer changed');
  await page.screenshot({ path: '/tmp/fix-ownerspages/changed-set-back-1366.png' }).catch(() => {});
  // the find box redraws the list: only what is changed now, one is one
  await page.fill('[data-key="o-filter"]', 'crew');
  assert.deepEqual(await rowNames(page), ['Crew 100']);
  assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'true');
  assert.deepEqual(page.problems, []);
});
