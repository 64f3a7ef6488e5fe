// The editor in French: what the core writes — the findings' sentences, the
// diagram's player and theme names, its legend, and every number — comes in
// French with a decimal comma, from the catalogue the page hands the core
// (i18n/core-fr.json); back in English, the core's English returns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { setup, open } from './page-helpers.mjs';

const SHOTS = '/tmp/i14-class/';
mkdirSync(SHOTS, { recursive: true });

const env = setup();

/** Words of the core's English sentences and legends (never in a French one). */
const ENGLISH = /\b(the maturity|against a target|a gap of|nobody owns|both take on|all take on|duplicating effort|mixed messages|no system tracks|is split|owned by|has no integration|stays there|people\)|person\)|Current level|Target level|Gap to target|Not assessed|levels? below|On or above target)\b/i;
/** A number written with a decimal point ("2.5"). */
const POINT = /\d\.\d/;

async function findingTexts(page) {
  if (await page.isHidden('#pane-findings')) await page.click('#tab-findings');
  await page.waitForSelector('#pane-findings .finding-text');
  return page.$$eval('#pane-findings .finding-text', (els) => els.map((e) => e.textContent));
}

function diagramTexts(page) {
  return page.$$eval('#diagram svg text', (els) => els.map((e) => e.textContent.trim()).filter(Boolean));
}

test('in French the core writes findings, diagram names, legend and numbers in French', async () => {
  const page = await open(env, { viewport: { width: 1366, height: 768 } });
  const english = await findingTexts(page);
  assert.ok(english.some((s) => ENGLISH.test(s)), 'the English sentences to start with');
  assert.ok((await diagramTexts(page)).some((s) => POINT.test(s)), 'the sample averages units: "2.5"-style scores in English');

  await page.selectOption('.lang select', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await page.waitForFunction(() => [...document.querySelectorAll('#diagram svg text')].some((t) => t.textContent.trim() === 'RH'));
  const findings = await findingTexts(page);
  assert.equal(findings.length, english.length, 'the same findings');
  for (const s of findings) {
    assert.doesNotMatch(s, ENGLISH, `English left in: ${s}`);
    assert.doesNotMatch(s, POINT, `a decimal point in: ${s}`);
  }
  assert.ok(findings.some((s) => /^Dans .*, la maturité de /.test(s)), 'a gap, in French');
  const texts = await diagramTexts(page);
  for (const name of ['Direction générale', 'Achats', 'RH', 'Informatique', 'Approches de leadership', 'Architectures d’intégration']) {
    assert.ok(texts.some((s) => s.includes(name)), `the diagram names ${name}`);
  }
  for (const name of ['Senior leaders', 'Procurement', 'Leadership approaches', 'Integration architectures']) {
    assert.ok(!texts.some((s) => s.includes(name)), `no English "${name}" on the diagram`);
  }
  for (const s of texts) {
    assert.doesNotMatch(s, ENGLISH, `English on the diagram: ${s}`);
    assert.doesNotMatch(s, POINT, `a decimal point on the diagram: ${s}`);
  }
  assert.ok(texts.some((s) => /\d,\d/.test(s)), 'scores with a decimal comma');
  assert.equal((await page.textContent('#diagram .legend-title')).trim(), 'Niveau actuel');
  await page.screenshot({ path: `${SHOTS}editor-fr-1366.png` });

  // Back to English: the core's English, byte for byte as before.
  await page.selectOption('.lang select', 'en');
  await page.waitForFunction(() => [...document.querySelectorAll('#diagram svg text')].some((t) => t.textContent.trim() === 'HR'));
  assert.deepEqual(await findingTexts(page), english);
  assert.deepEqual(page.problems, []);
});
