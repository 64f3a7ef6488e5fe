// The findings list shows a page of each kind, the worst first: the core
// lists only those (a large model has thousands of findings) with the count
// of each kind, and lists a kind whole once "Show all" opens it. Checked
// against `wfe analyze` on the same sample, which lists every finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setup, open, openWithUnits } from './page-helpers.mjs';

const env = setup();
const PAGE = 8;

/** Every finding of the shipped sample, as the CLI writes them, by kind. */
function cliFindings() {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const out = execFileSync('cargo', ['run', '--quiet', '--bin', 'wfe', '--', 'analyze', 'www/models/sample.json', '--format', 'json'], {
    cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
  });
  const byKind = new Map();
  for (const f of JSON.parse(out).findings) {
    if (!byKind.has(f.kind)) byKind.set(f.kind, []);
    byKind.get(f.kind).push(f);
  }
  return byKind;
}

/** Each group of the pane: its kind, the count it says and the findings it lists. */
function shownGroups(page) {
  return page.$$eval('#pane-findings .finding-group', (groups) => groups.map((g) => ({
    kind: g.dataset.kind,
    count: g.querySelector('.group-title .count').textContent,
    ids: [...g.querySelectorAll('.finding-button')].map((b) => b.dataset.finding),
    more: g.querySelector('button[data-key^="more:"]')?.textContent ?? null,
  })));
}

test('the findings list shows a page of each kind, the rest on request, and the chosen one always', async () => {
  const byKind = cliFindings();
  const big = [...byKind].find(([, list]) => list.length > PAGE + 1);
  assert.ok(big, 'the sample has a kind with more findings than a page');
  const [bigKind, bigList] = big;
  const page = await open(env);
  await page.click('#tab-findings');
  const total = [...byKind.values()].reduce((n, l) => n + l.length, 0);
  assert.equal(await page.textContent('#findings-count'), String(total), 'the badge counts every finding');

  const groups = await shownGroups(page);
  assert.deepEqual(groups.map((g) => g.kind).sort(), [...byKind.keys()].sort());
  // the group holding the worst finding first; on a tie (the sample has
  // some), in the report's order of kinds
  const REPORT_ORDER = ['maturity-gap', 'uncovered', 'redundant', 'conflict', 'untracked', 'fragmented', 'silo'];
  const worst = (kind) => Math.max(...byKind.get(kind).map((f) => f.severity));
  const expected = [...byKind.keys()].sort((a, b) => worst(b) - worst(a) || REPORT_ORDER.indexOf(a) - REPORT_ORDER.indexOf(b));
  assert.ok(expected.some((k, i) => i > 0 && worst(k) === worst(expected[i - 1])), 'two groups tie');
  assert.deepEqual(groups.map((g) => g.kind), expected);
  for (const g of groups) {
    const all = byKind.get(g.kind);
    assert.equal(g.count, String(all.length), `${g.kind}: the count is of every finding of the kind`);
    assert.equal(g.ids.length, Math.min(all.length, PAGE), `${g.kind}: a page is listed`);
    for (const id of g.ids) assert.ok(all.some((f) => f.id === id), `${g.kind}: ${id} is one of the kind's findings`);
    // the worst first: no finding left out is worse than one listed
    const listed = all.filter((f) => g.ids.includes(f.id));
    const left = all.filter((f) => !g.ids.includes(f.id));
    if (left.length) assert.ok(Math.min(...listed.map((f) => f.severity)) >= Math.max(...left.map((f) => f.severity)), `${g.kind}: the worst are listed`);
    assert.equal(g.more !== null, all.length > PAGE);
  }

  // Show all: every finding of the kind, as the CLI lists them
  await page.click(`#pane-findings [data-key="more:${bigKind}"]`);
  let opened = (await shownGroups(page)).find((g) => g.kind === bigKind);
  assert.deepEqual([...opened.ids].sort(), bigList.map((f) => f.id).sort());
  assert.match(opened.more, /Show fewer/);

  // a finding past the first page, chosen, stays listed when the kind closes
  const far = opened.ids[opened.ids.length - 1];
  await page.click(`#pane-findings .finding-button[data-finding="${far}"]`);
  assert.equal(await page.getAttribute(`#pane-findings .finding-button[data-finding="${far}"]`, 'aria-pressed'), 'true');
  await page.click(`#pane-findings [data-key="more:${bigKind}"]`);
  opened = (await shownGroups(page)).find((g) => g.kind === bigKind);
  assert.equal(opened.ids.length, PAGE + 1, 'a page, and the chosen one');
  assert.ok(opened.ids.includes(far));
  assert.equal(opened.count, String(bigList.length));
  assert.ok(await page.$$eval('#diagram .cell.is-highlighted', (els) => els.length) > 0, 'its cells are highlighted');
  assert.deepEqual(page.problems, []);
});

/** A large model in the Findings tab: the sample with 20 more units, some 400 maturity gaps. */
async function openLarge() {
  const page = await open(env, { viewport: { width: 1366, height: 768 } });
  await openWithUnits(page, 20, 'Twenty units more');
  await page.click('#tab-findings');
  await page.waitForSelector('#pane-findings .finding-group[data-kind="maturity-gap"]');
  return page;
}

const GAPS = '#pane-findings .finding-group[data-kind="maturity-gap"]';
const MORE = `${GAPS} [data-key="more:maturity-gap"]`;
const FEWER = `${GAPS} [data-key="fewer:maturity-gap"]`;
const listedGaps = (page) => page.$$eval(`${GAPS} .finding-button`, (els) => els.map((e) => e.dataset.finding));
const focusKey = (page) => page.evaluate(() => /** @type {HTMLElement} */ (document.activeElement).dataset.key ?? null);
const announced = (page, text) => page.waitForFunction((t) => document.getElementById('announcer').textContent === t, text);

test('a kind of hundreds lists a hundred more a press, says how many, and keeps the focus on the button pressed', async () => {
  const page = await openLarge();
  const count = Number((await page.textContent(`${GAPS} .count`)).replace(/\D/g, ''));
  assert.ok(count > 3 * 100 + PAGE && count <= 4 * 100 + PAGE, `${count} maturity gaps`);
  const first = await listedGaps(page);
  assert.equal(first.length, PAGE);
  assert.equal(await page.textContent(MORE), 'Show 100 more');
  assert.equal(await page.$(FEWER), null, 'nothing to list fewer of');

  await page.focus(MORE);
  await page.keyboard.press('Enter');
  let ids = await listedGaps(page);
  assert.equal(ids.length, PAGE + 100);
  assert.deepEqual(ids.slice(0, PAGE), first, 'the worst stay first');
  assert.equal(await focusKey(page), 'more:maturity-gap');
  await announced(page, `${PAGE + 100} of ${count} listed`);
  assert.equal(await page.textContent(FEWER), 'Show fewer');

  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  assert.equal((await listedGaps(page)).length, PAGE + 300);
  assert.equal(await page.textContent(MORE), `Show all ${count}`, 'the rest is less than a hundred');
  await page.keyboard.press('Enter');
  ids = await listedGaps(page);
  assert.equal(ids.length, count);
  assert.equal(new Set(ids).size, count);
  assert.equal(await focusKey(page), 'more:maturity-gap');
  assert.equal(await page.textContent(MORE), 'Show fewer', 'the button pressed now lists fewer');
  assert.equal(await page.$(FEWER), null);
  await announced(page, `${count} of ${count} listed`);

  await page.keyboard.press('Enter');
  assert.deepEqual(await listedGaps(page), first);
  assert.equal(await focusKey(page), 'more:maturity-gap');
  assert.equal(await page.textContent(MORE), 'Show 100 more');
  await announced(page, `${PAGE} of ${count} listed`);

  // "Show fewer" beside "Show 100 more": once it has gone, the focus is on the other
  await page.keyboard.press('Enter');
  await page.focus(FEWER);
  await page.keyboard.press('Enter');
  assert.deepEqual(await listedGaps(page), first);
  assert.equal(await page.$(FEWER), null);
  assert.equal(await focusKey(page), 'more:maturity-gap');
  assert.deepEqual(page.problems, []);
});

test('choosing a finding in a long list changes it in place: the same list, the focus where it was', async () => {
  const page = await openLarge();
  while ((await listedGaps(page)).length < PAGE + 300) await page.click(MORE);
  const ids = await listedGaps(page);
  // the list as drawn, to tell it from one drawn again
  await page.$eval(`${GAPS} ul.findings`, (ul) => {
    window.drawnList = ul;
    window.drawnItems = [...ul.children];
  });
  const kept = () => page.evaluate(() => document.querySelector('#pane-findings .finding-group[data-kind="maturity-gap"] ul.findings') === window.drawnList
    && window.drawnItems.every((li, i) => li.isConnected && window.drawnList.children[i] === li)
    && window.drawnList.children.length === window.drawnItems.length);
  const chosen = () => page.$$eval('#pane-findings .finding-button[aria-pressed="true"]', (els) => els.map((e) => e.dataset.finding));
  const lines = () => page.$$eval('#pane-findings .finding-actions', (els) => els.map((e) => /** @type {HTMLElement} */ (e.closest('.finding')).querySelector('.finding-button').dataset.finding));
  const button = (id) => `${GAPS} .finding-button[data-finding="${id}"]`;

  // by keyboard, far down the list
  await page.focus(button(ids[250]));
  await page.keyboard.press('Enter');
  assert.equal(await kept(), true, 'choosing did not draw the list again');
  assert.deepEqual(await chosen(), [ids[250]]);
  assert.deepEqual(await lines(), [ids[250]], 'what it concerns, under it');
  assert.equal(await page.$eval(button(ids[250]), (b) => b.parentElement.classList.contains('is-chosen')), true);
  assert.equal(await page.evaluate(() => document.activeElement === window.drawnItems[250].querySelector('.finding-button')), true, 'the focus stays on the very button');
  // a gap of one unit puts that unit on show, and says so
  await announced(page, await page.$eval(button(ids[250]), (b) => b.parentElement.querySelector('.finding-shown').textContent));
  assert.equal(await page.$('#pane-findings .finding-scope'), null);

  // another, with the pointer: the first is no longer chosen
  await page.click(button(ids[20]));
  assert.equal(await kept(), true);
  assert.deepEqual(await chosen(), [ids[20]]);
  assert.deepEqual(await lines(), [ids[20]]);
  assert.equal(await page.$eval(button(ids[250]), (b) => b.parentElement.classList.contains('is-chosen')), false);

  // Tab to one of its buttons, then the finding again: none chosen, the focus back on it
  await page.keyboard.press('Tab');
  assert.match(await focusKey(page), new RegExp(`^go:${ids[20]}:`));
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  assert.equal(await kept(), true);
  assert.deepEqual(await chosen(), []);
  assert.deepEqual(await lines(), []);
  assert.equal(await focusKey(page), `f:${ids[20]}`);
  assert.ok(await page.$$eval('#diagram .cell.is-highlighted', (els) => els.length) === 0, 'nothing highlighted');
  assert.deepEqual(page.problems, []);
});

test('a what-if’s long list of resolved findings lists a hundred more a press, whatever another list shows', async () => {
  const page = await openLarge();
  const count = Number((await page.textContent(`${GAPS} .count`)).replace(/\D/g, ''));
  const all = Number(await page.getAttribute('#findings-count', 'aria-label').then((l) => l.replace(/\D/g, '')));
  // the gaps a hundred further on: the other kinds still list a page
  await page.click(MORE);
  assert.equal((await listedGaps(page)).length, PAGE + 100);
  for (const g of await page.$$eval('#pane-findings .finding-group:not([data-kind="maturity-gap"])', (gs) => gs.map((e) => e.querySelectorAll('.finding-button').length))) assert.ok(g <= PAGE);
  await page.click('#suggest-plan');
  await page.waitForSelector('#dialog[open].plan-dialog');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#scenario-banner:not([hidden])');
  const resolved = () => page.$$eval('#pane-findings .finding.is-resolved', (e) => e.length);
  const more = '#pane-findings button[data-key="more:resolved"]';
  await page.waitForFunction((n) => document.querySelectorAll('#pane-findings .finding.is-resolved').length === n, PAGE);
  assert.ok(all > count && all <= count + 100, `${all} findings resolved`);
  assert.equal(await page.textContent(more), 'Show 100 more');
  await page.focus(more);
  await page.keyboard.press('Enter');
  assert.equal(await resolved(), PAGE + 100);
  assert.equal(await focusKey(page), 'more:resolved');
  await announced(page, `${PAGE + 100} of ${all} listed`);
  await page.click('#pane-findings button[data-key="fewer:resolved"]');
  assert.equal(await resolved(), PAGE);
  assert.equal(await focusKey(page), 'more:resolved');
  assert.deepEqual(page.problems, []);
});
