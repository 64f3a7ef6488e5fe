// The findings list shows a page of each kind, the worst first: the core
// lists only those (a large model has thousands of findings) with the count
// of each kind, and lists a kind whole once "Show all" opens it. Checked
// against `wfe analyze` on the same sample, which lists every finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setup, open } from './page-helpers.mjs';

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
