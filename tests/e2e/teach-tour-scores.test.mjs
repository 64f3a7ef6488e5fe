// The classroom tour speaks of the model it was given: an instructor who
// loads their own organization sees its scores on the tour's diagram and
// hears its readiness in each step, not the sample's; a model that scores
// nothing (the blank worksheet) gets the names-only diagram.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { openPage, setup } from './harness.mjs';

const SHOTS = '/tmp/i14-class/';
mkdirSync(SHOTS, { recursive: true });

const env = setup();

const LOADED = {
  schema: 'workforce-ecosystem/v1',
  name: 'Loaded Co',
  assessments: [
    { theme: 'integration', player: 'hr', current: 1, target: 4 },
    { theme: 'integration', player: 'procurement', current: 3, target: 3 },
    { theme: 'leadership', player: 'senior-leaders', current: 2, target: 4 },
  ],
};

/** The tour diagram's score per cell that shows one. */
function shownScores(page) {
  return page.$$eval('#tour-diagram .cell-value', (vs) =>
    Object.fromEntries(vs.filter((v) => /\d/.test(v.textContent)).map((v) => [`${v.dataset.theme}/${v.dataset.player}`, v.textContent.trim()])),
  );
}

test('the tour shows and speaks of a loaded model’s scores, and of none for a blank one', async () => {
  const page = await openPage(env.browser, `${env.origin}/teach.html`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.setInputFiles('#model-file', { name: 'loaded.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(LOADED)) });
  await page.waitForFunction(() => document.querySelector('#tour-diagram .tour-scores')?.textContent.startsWith('Loaded Co'));
  assert.deepEqual(await shownScores(page), {
    'integration/hr': '1',
    'integration/procurement': '3',
    'leadership/senior-leaders': '2',
  });
  // The readiness the steps name is the core's for this model.
  const readiness = await page.evaluate(async (model) => {
    const { Workspace } = await import('./pkg/workforce_ecosystem.js');
    const ws = new Workspace(JSON.stringify(model));
    const r = ws.analyze().readiness;
    ws.free();
    return r;
  }, LOADED);
  const pct = (x) => `${Math.round(x * 100)}%`;
  assert.equal(
    await page.textContent('#tour-diagram .tour-scores'),
    `Loaded Co, shown on the diagram with its current scores: overall readiness ${pct(readiness.overall)}, over 3 scored cells.`,
  );
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('#tour-panel', 'data-step'), 'theme:integration');
  assert.equal(
    await page.textContent('#tour-diagram .tour-scores'),
    `Loaded Co: readiness of “Integration architectures” is ${pct(readiness.themes.integration)}.`,
  );
  // The step's own cells keep their score colours, outlined; the rest faded.
  const fills = await page.$$eval('#tour-diagram .cell.is-highlighted', (cs) => cs.map((c) => getComputedStyle(c).fill));
  assert.equal(fills.length, 6);
  assert.ok(new Set(fills).size > 1, 'scored and unscored cells of the ring look different');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.getAttribute('#tour-panel', 'data-step'), 'axis:hr:procurement');
  assert.equal(
    await page.textContent('#tour-diagram .tour-scores'),
    `Loaded Co, readiness: HR ${pct(readiness.players.hr)}, Procurement ${pct(readiness.players.procurement)}.`,
  );
  await page.keyboard.press('End');
  assert.equal(await page.textContent('#tour-diagram .tour-scores'), 'Loaded Co, readiness: IT not assessed, Finance & legal not assessed.');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.screenshot({ path: `${SHOTS}tour-loaded-1366.png` });
  // In French, the sentence and its numbers follow.
  await page.selectOption('#lang', 'fr');
  await page.waitForFunction(() => document.querySelector('#tour-diagram .tour-scores')?.textContent.includes('maturité'));
  assert.match(await page.textContent('#tour-diagram .tour-scores'), /^Loaded Co : maturité de « Approches de leadership » : \d+\s%\.$/u);
  await page.selectOption('#lang', 'en');
  // A model that scores nothing: the names alone, and no sentence of scores.
  const blank = { schema: 'workforce-ecosystem/v1', name: 'Blank Co', assessments: [] };
  await page.setInputFiles('#model-file', { name: 'blank.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(blank)) });
  await page.waitForFunction(() => document.getElementById('status').textContent.includes('Blank Co'));
  assert.equal(await page.locator('#tour-diagram .tour-scores').count(), 0);
  assert.deepEqual(await shownScores(page), {});
  assert.deepEqual(page.problems, []);
});

test('the tour isolates the model’s names from its sentences (a U+202E in a name does not turn the rest backwards), and a long unbroken label wraps in the step’s heading', async () => {
  const hostile = readFileSync(new URL('../fixtures/hostile.json', import.meta.url), 'utf8');
  const model = JSON.parse(hostile);
  const page = await openPage(env.browser, `${env.origin}/teach.html`, { viewport: { width: 1366, height: 768 } });
  await page.waitForSelector('body[data-ready="true"]');
  await page.setInputFiles('#model-file', { name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(hostile) });
  await page.waitForSelector('#tour-diagram .tour-scores');
  await page.focus('#tour-panel');
  await page.keyboard.press('Home');
  for (let i = 0; i < 8 && (await page.getAttribute('#tour-panel', 'data-step')) !== 'theme:technology'; i += 1) await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('#tour-panel', 'data-step'), 'theme:technology');
  const label = model.framework.themes.find((th) => th.id === 'technology').label;
  const sentence = await page.textContent('#tour-diagram .tour-scores');
  // the name (with its U+202E) in an isolate of its own, closed before the
  // sentence goes on; the label (no bidi of its own) as it is
  const name = sentence.slice(0, sentence.indexOf(': readiness of'));
  assert.ok(name.startsWith('\u2068') && name.endsWith('\u2069'), `the name is isolated: ${JSON.stringify(name.slice(0, 4))}…${JSON.stringify(name.slice(-4))}`);
  assert.equal(name.slice(1, -1).replace(/\u2069$/, ''), model.name);
  assert.match(sentence.slice(name.length), new RegExp(`^: readiness of “${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}” is \\d+%\\.$`));
  // the heading is the label: wrapped, not cut at the slide's edge
  const cut = (where) =>
    page.$eval('#tour-panel .tour-title', (h, w) => {
      const box = h.getBoundingClientRect();
      const panel = h.closest('#tour-panel').getBoundingClientRect();
      return { where: w, text: h.textContent, overflow: h.scrollWidth - h.clientWidth, right: Math.round(box.right), panel: Math.round(panel.right) };
    }, where);
  for (const where of ['tour', 'presenter']) {
    if (where === 'presenter') {
      await page.click('#presenter');
      await page.waitForFunction(() => document.getElementById('stage').classList.contains('is-presenting'));
      await page.waitForTimeout(300);
    }
    const heading = await cut(where);
    assert.equal(heading.text, label);
    assert.ok(heading.overflow <= 0 && heading.right <= heading.panel, `${where}: the heading is not cut (${JSON.stringify(heading)})`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
