// What the editor shows about a cell's owners, a what-if's changes, the
// findings' names and the tab's title: each reproduces a user's steps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, openCell, startScenario, setField } from './page-helpers.mjs';

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
