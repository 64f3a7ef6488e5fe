// Small inputs that used to freeze or crash a tab: a link of 18 KB holding
// 99,000 invalid assessments, theme labels of a megabyte, a CSV of 120,000
// rows naming unknown units. Each is refused at once with the first hundred
// problems listed and the rest counted, and the page goes on answering.
// Also: embed.html with a damaged link or an unknown overlay, a v0 model in
// the element, and the teaching page's comparison of odd student files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { openPage } from './harness.mjs';
import { setup, open } from './page-helpers.mjs';

const env = setup();

const SCHEMA = 'workforce-ecosystem/v1';
const MAX_LISTED = 100;

/** A fragment carrying `json` the way share links do: `m=` + base64url(deflate-raw). */
function fragment(json, view = {}) {
  const params = new URLSearchParams({ m: deflateRawSync(Buffer.from(json)).toString('base64url'), ...view });
  return params.toString();
}

/** 99,000 assessments of a theme that does not exist, each off the scale. */
const INVALID_99K = JSON.stringify({
  schema: SCHEMA,
  name: 'Invalid on purpose',
  assessments: Array.from({ length: 99_000 }, (_, i) => ({ theme: `t${i % 7}`, player: 'hr', current: 9 })),
});

/** Eight themes whose labels are a megabyte each. */
const MEGABYTE_LABELS = JSON.stringify({
  schema: SCHEMA,
  name: 'Huge labels',
  framework: {
    players: ['senior-leaders', 'procurement', 'finance-legal', 'business-unit-leaders', 'it', 'hr'].map((id) => ({ id, label: id })),
    themes: Array.from({ length: 8 }, (_, i) => ({ id: `t${i}`, label: 'Orchestration '.repeat(75_000).slice(0, 1024 * 1024) })),
  },
});

/** Six players and two themes labelled with 100 KB each. */
const LABELS_100K = JSON.stringify({
  schema: SCHEMA,
  framework: {
    players: Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, label: 'x'.repeat(100_000) })),
    themes: Array.from({ length: 2 }, (_, i) => ({ id: `t${i}`, label: 'y'.repeat(100_000) })),
  },
});

/** What the problems dialog lists. */
function dialogProblems(page) {
  return page.evaluate(() => ({
    items: document.querySelectorAll('#dialog .problems li').length,
    lead: document.querySelector('#dialog .error-lead')?.textContent ?? '',
    more: document.querySelector('#dialog .problems-more')?.textContent ?? null,
    first: document.querySelector('#dialog .problems li')?.textContent ?? '',
  }));
}

/** The page still reacts: the findings tab opens when clicked. */
async function stillReacts(page) {
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.getElementById('dialog').open);
  await page.click('#tab-findings');
  await page.waitForSelector('#pane-findings:not([hidden])');
  assert.equal(await page.evaluate(() => document.body.dataset.ready), 'true');
}

test('a short link to 99,000 invalid assessments lists the first hundred problems and counts the rest', async () => {
  const hash = fragment(INVALID_99K);
  assert.ok(hash.length < 40_000, `the link is short (${hash.length} characters)`);
  const page = await open(env, { path: `/#${hash}` });
  await page.waitForSelector('#dialog[open] .problems');
  const shown = await dialogProblems(page);
  assert.equal(shown.items, MAX_LISTED);
  // 99,000 unknown themes, as many scores off the scale, 98,993 repeated cells.
  assert.match(shown.lead, /^296,993 problems in /);
  assert.equal(shown.more, '… and 296,893 more problems, not listed.');
  assert.match(shown.first, /assessments\[0\]\.theme/);
  await stillReacts(page);
  assert.deepEqual(page.problems, []);
});

test('theme labels of a megabyte, or of 100 KB, are refused before anything is drawn', async () => {
  for (const [json, count, size] of [[MEGABYTE_LABELS, 8, '1,048,576'], [LABELS_100K, 8, '100,000']]) {
    const page = await open(env, { path: `/#${fragment(json)}` });
    await page.waitForSelector('#dialog[open] .problems');
    const shown = await dialogProblems(page);
    assert.equal(shown.items, count);
    assert.equal(shown.more, null);
    const text = await page.textContent('#dialog .problems');
    assert.ok(text.includes(`too long: ${size} characters, where a label may have at most 200`), text.slice(0, 300));
    // The diagram on show is still the model the page had.
    assert.equal(await page.locator('#diagram svg .cell').count(), 24);
    await stillReacts(page);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('a CSV of 120,000 rows naming unknown units lists a hundred problems', async () => {
  const rows = ['theme,player,unit,current'];
  for (let i = 0; i < 120_000; i++) rows.push(`integration,hr,mars${i},2`);
  const page = await open(env);
  await page.setInputFiles('#csv-input', { name: 'rows.csv', mimeType: 'text/csv', buffer: Buffer.from(`${rows.join('\n')}\n`) });
  await page.waitForSelector('#dialog[open] .problems');
  const shown = await dialogProblems(page);
  assert.equal(shown.items, MAX_LISTED);
  assert.match(shown.lead, /^100,001 problems in /);
  assert.equal(shown.more, '… and 99,901 more problems, not listed.');
  assert.match(shown.first, /"mars0" is not a unit of the model/);
  await stillReacts(page);
  assert.deepEqual(page.problems, []);
});

test('embed.html shows the first hundred problems of a short link to 99,000 invalid assessments', async () => {
  const page = await openPage(env.browser, `${env.origin}/embed.html#${fragment(INVALID_99K)}`);
  await page.waitForFunction(() => document.querySelector('workforce-ecosystem')?.state === 'error');
  const shown = await page.evaluate(() => {
    const e = document.querySelector('workforce-ecosystem');
    return { text: e.shadowRoot.querySelector('.error pre').textContent, cells: e.shadowRoot.querySelectorAll('.diagram .cell').length };
  });
  const lines = shown.text.split('\n');
  assert.equal(lines.length, MAX_LISTED + 1);
  assert.equal(lines.at(-1), '… and 296,893 more problems');
  assert.equal(shown.cells, 0, 'no diagram in place of the refused model');
  assert.equal(await page.title(), 'Workforce ecosystem diagram');
  assert.deepEqual(page.problems, []);
});

test('embed.html refuses theme labels of a megabyte, or of 100 KB, drawing nothing', async () => {
  for (const [json, size] of [[MEGABYTE_LABELS, '1,048,576'], [LABELS_100K, '100,000']]) {
    const page = await openPage(env.browser, `${env.origin}/embed.html#${fragment(json)}`);
    await page.waitForFunction(() => document.querySelector('workforce-ecosystem')?.state === 'error');
    const shown = await page.evaluate(() => {
      const e = document.querySelector('workforce-ecosystem');
      return { text: e.shadowRoot.querySelector('.error pre').textContent, cells: e.shadowRoot.querySelectorAll('.diagram .cell').length };
    });
    assert.equal(shown.text.split('\n').length, 8, shown.text.slice(0, 300));
    assert.ok(shown.text.includes(`too long: ${size} characters, where a label may have at most 200`), shown.text.slice(0, 300));
    assert.ok(shown.text.length < 2000, `a short error text (${shown.text.length} characters)`);
    assert.equal(shown.cells, 0);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('embed.html with a damaged link shows only what is wrong, never the sample', async () => {
  const page = await openPage(env.browser, `${env.origin}/embed.html#m=!!not-base64!!`);
  await page.waitForSelector('#problem:not([hidden])');
  assert.match(await page.textContent('#problem'), /link is broken: the model in the link is damaged/);
  // No element is made for a damaged link: nothing (not the sample) loads in its place.
  assert.equal(await page.$('workforce-ecosystem'), null);
  assert.equal(await page.title(), 'Workforce ecosystem diagram');
  assert.equal(await page.textContent('#heading'), 'Workforce ecosystem diagram');
  // A good link afterwards shows its model.
  const good = fragment(JSON.stringify({ schema: SCHEMA, name: 'Mended' }));
  await page.evaluate((h) => { location.hash = h; }, good);
  await page.waitForFunction(() => document.title.startsWith('Mended'));
  assert.equal(await page.isHidden('#problem'), true);
  assert.equal(await page.isVisible('workforce-ecosystem'), true);
  assert.deepEqual(page.problems, []);
});

test('an unknown overlay draws the framework with a note and a wfe-error event', async () => {
  for (const overlay of ['gaps', '<script>']) {
    const page = await openPage(env.browser);
    await page.addInitScript(() => {
      window.errors = [];
      document.addEventListener('wfe-error', (e) => window.errors.push(e.detail));
    });
    await page.goto(`${env.origin}/embed.html#${new URLSearchParams({ json: Buffer.from(JSON.stringify({ schema: SCHEMA, name: 'Overlaid' })).toString('base64url'), overlay })}`);
    await page.waitForFunction(() => document.querySelector('workforce-ecosystem')?.state === 'ready');
    const shown = await page.evaluate(() => {
      const e = document.querySelector('workforce-ecosystem');
      const error = e.shadowRoot.querySelector('.error');
      return {
        cells: e.shadowRoot.querySelectorAll('.diagram svg .cell').length,
        note: error.hidden ? null : error.textContent,
        overlay: e.shadowRoot.querySelector('select[name="overlay"]').value,
        errors: window.errors,
      };
    });
    assert.equal(shown.cells, 24, overlay);
    assert.match(shown.note, /Unknown overlay; the diagram shows the framework \(none\) instead\./);
    assert.ok(shown.note.includes(`found the string "${overlay}"`), shown.note);
    assert.equal(shown.overlay, 'none');
    assert.equal(shown.errors.length, 1);
    assert.equal(shown.errors[0].source, 'overlay');
    assert.match(await page.title(), /^Overlaid/);
    assert.equal(await page.evaluate(() => document.querySelectorAll('script:not([type="module"])').length), 0);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('a v0 model inline in the element is shown as the core migrates it', async () => {
  const page = await openPage(env.browser, `${env.origin}/demo.html`);
  await page.waitForFunction(() => document.querySelector('#left')?.state === 'ready');
  const v0 = JSON.stringify({
    schema: 'workforce-ecosystem/v0',
    organization: 'Old Export Co',
    units: ['north', 'south'],
    scores: [{ cell: 'integration/hr', now: 1, goal: 3 }],
  });
  const loaded = await page.evaluate((text) => new Promise((resolve) => {
    const holder = document.createElement('div');
    holder.addEventListener('wfe-load', (e) => resolve(e.detail));
    const el = document.createElement('workforce-ecosystem');
    el.id = 'v0';
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = text;
    el.append(script);
    holder.append(el);
    document.body.append(holder);
  }), v0);
  assert.equal(loaded.name, 'Old Export Co');
  const options = await page.$$eval('#v0', ([e]) => [...e.shadowRoot.querySelectorAll('select[name="unit"] option')].map((o) => [o.value, o.textContent]));
  assert.deepEqual(options, [['', 'All units'], ['north', 'north'], ['south', 'south']]);
  assert.equal(await page.$eval('#v0', (e) => e.model.schema), SCHEMA);
  assert.deepEqual(page.problems, []);
});

test('teach.html compares a v0 student file, and refuses one of another framework, clearing the last result', async () => {
  const page = await openPage(env.browser, `${env.origin}/teach.html`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('[role="tab"][data-view="compare"]');
  // The instructor's model is the sample; the student wrote v0, as the old exporter did.
  const v0 = JSON.stringify({
    schema: 'workforce-ecosystem/v0',
    organization: 'Student',
    units: ['ports', 'retail'],
    scores: [{ cell: 'integration/hr', unit: 'ports', now: 1, goal: 3 }],
  });
  await page.setInputFiles('#compare-student', { name: 'v0.json', mimeType: 'application/json', buffer: Buffer.from(v0) });
  await page.click('#compare-run');
  await page.waitForSelector('#compare-text .compare-summary');
  assert.match(await page.textContent('.compare-summary'), /^0 of 1 answered cell matches the instructor; 1 differs; 23 left blank\.$/);
  assert.equal(await page.locator('#compare-diagram .cell').count(), 24);
  // A student file of another framework: said plainly, and nothing of the last comparison stays.
  const other = JSON.stringify({
    schema: SCHEMA,
    framework: {
      players: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }],
      themes: [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }],
    },
    assessments: [{ theme: 'x', player: 'a', current: 2 }],
  });
  await page.setInputFiles('#compare-student', { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(other) });
  await page.click('#compare-run');
  await page.waitForSelector('#compare-text .is-error');
  assert.match(await page.textContent('#compare-text'), /^Student’s file: this file uses another framework than the instructor's \(its players are a, b, c where the instructor's are senior-leaders, procurement/);
  assert.equal(await page.locator('#compare-text .compare-summary').count(), 0);
  assert.equal(await page.locator('#compare-diagram .cell').count(), 0);
  assert.equal(await page.isHidden('#compare-caption'), true);
  assert.deepEqual(page.problems, []);
});

test('teach.html lists a hundred problems of a CSV of 120,000 bad rows', async () => {
  const page = await openPage(env.browser, `${env.origin}/teach.html`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('[role="tab"][data-view="export"]');
  const rows = ['theme,player,unit,current'];
  for (let i = 0; i < 120_000; i++) rows.push(`integration,hr,mars${i},2`);
  await page.setInputFiles('#csv-file', { name: 'rows.csv', mimeType: 'text/csv', buffer: Buffer.from(`${rows.join('\n')}\n`) });
  await page.waitForSelector('#csv-result .csv-errors');
  assert.equal(await page.locator('#csv-result .csv-errors li').count(), MAX_LISTED);
  assert.equal(await page.textContent('#csv-result .csv-errors-more'), '… and 99,901 more problems, not listed.');
  // The page goes on: the tour still answers.
  await page.click('[role="tab"][data-view="tour"]');
  await page.waitForSelector('#tour-diagram .cell');
  assert.deepEqual(page.problems, []);
});
