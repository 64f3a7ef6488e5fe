// The three-respondent round trip as a user does it: `wfe survey` writes the
// page, three people open it in Chromium, score and save; the three files
// are merged by `wfe merge` and by the page, and both agree with the means
// and spreads worked out by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch } from './harness.mjs';
import { setup, open, cell, exportedModel } from './page-helpers.mjs';

const env = setup();
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MODEL = join(ROOT, 'tests/fixtures/voices/model.json');
const WFE = join(ROOT, 'target/debug/wfe');

// Who answers what: integration × HR 0 / 3 / 2 (spread 3), technology × IT 2 / 2 / 3.
const PEOPLE = [
  { name: 'Alice Martin', role: 'HR lead', scores: { 'integration/hr': ['0', '3'], 'technology/it': ['2', '4'] } },
  { name: 'Bob Okafor', role: 'IT lead', scores: { 'integration/hr': ['3', '4'], 'technology/it': ['2', '3'] } },
  { name: 'r-17', role: '', scores: { 'integration/hr': ['2', ''], 'technology/it': ['3', '4'] } },
];

test('a survey answered by three people merges in the CLI and in the page', async () => {
  execFileSync('cargo', ['build', '--quiet', '--bin', 'wfe'], { cwd: ROOT });
  const dir = await mkdtemp(join(tmpdir(), 'wfe-survey-'));
  const survey = join(dir, 'survey.html');
  execFileSync(WFE, ['survey', MODEL, '-o', survey]);

  const browser = await launch();
  const files = [];
  try {
    for (const person of PEOPLE) {
      const { look, path, problems } = await answer(browser, survey, dir, person);
      files.push(path);
      assert.match(basename(path), /^response-[\p{L}\p{N}_-]+\.json$/u);
      assert.match(look.status, /Saved your 2 scores/);
      assert.deepEqual(problems, [], 'the strict policy lets the survey run without errors');
    }
  } finally {
    await browser.close();
  }

  // Merged by the CLI: means and spreads worked out by hand.
  const merged = join(dir, 'merged.json');
  const r = spawnSync(WFE, ['merge', MODEL, ...files, '-o', merged], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const model = JSON.parse(await readFile(merged, 'utf8'));
  const hr = model.assessments.find((a) => a.theme === 'integration' && a.player === 'hr');
  assert.deepEqual([hr.current, hr.target], [1.67, 3.5]);
  const it = model.assessments.find((a) => a.theme === 'technology' && a.player === 'it');
  assert.deepEqual([it.current, it.target], [2.33, 3.67]);
  const analysis = JSON.parse(execFileSync(WFE, ['analyze', merged], { encoding: 'utf8' }));
  assert.equal(analysis.disagreements.length, 1);
  assert.match(analysis.disagreements[0].explanation, /from 0 \(HR lead\) to 3 \(IT lead\), 3 steps apart/);

  // Merged by the page: the same model, and the agreement overlay shows the spreads.
  const page = await open(env);
  await page.setInputFiles('#file-input', MODEL);
  await page.waitForFunction(() => document.querySelector('#model-name')?.value === 'Acme');
  await page.setInputFiles('#responses-input', files);
  await page.waitForFunction(() => /3 merged/.test(document.body.textContent));
  const inPage = await exportedModel(page);
  assert.deepEqual(inPage.assessments, model.assessments);
  assert.deepEqual(inPage.responses, model.responses);
  await page.click('[data-overlay="agreement"]');
  await page.waitForSelector('#diagram .cell.agree-3');
  assert.match((await cell(page, 'integration', 'hr')).class, /\bagree-3\b/);
  assert.match((await cell(page, 'technology', 'it')).class, /\bagree-1\b/);
  assert.deepEqual(page.problems, []);
});

/**
 * Opens a survey file in Chromium, as `person` fills it in (`unit`: the unit
 * they choose, when the survey asks), and saves the response in `dir`.
 * Returns the page's status line, the response's path, and what went wrong.
 */
async function answer(browser, survey, dir, person, unit) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(pathToFileURL(survey).href);
  const look = {
    lang: await page.getAttribute('html', 'lang'),
    h1: await page.textContent('h1'),
    heads: await page.$$eval('thead th', (ths) => ths.map((th) => th.textContent)),
    unitPicker: await page.$('#survey-unit') !== null,
    ariaLabel: await page.getAttribute('#survey-cells tr select[name="current"]', 'aria-label'),
    // the line for a page whose script could not run is gone
    blocked: await page.$('#survey-blocked'),
  };
  assert.equal(look.blocked, null, 'the script ran, and took away the line saying it could not');
  await page.fill('#survey-name', person.name);
  if (person.role) await page.fill('#survey-role', person.role);
  if (unit) {
    // Saving before choosing a unit is refused, in the page's language.
    const row = `#survey-cells tr[data-theme="technology"][data-player="it"]`;
    await page.selectOption(`${row} select[name="current"]`, '1');
    await page.click('button[type="submit"]');
    look.needUnit = await page.textContent('#survey-status');
    look.focused = await page.evaluate(() => document.activeElement?.id);
    await page.selectOption('#survey-unit', unit);
  }
  for (const [key, [current, target]] of Object.entries(person.scores)) {
    const [theme, player] = key.split('/');
    const row = `#survey-cells tr[data-theme="${theme}"][data-player="${player}"]`;
    await page.selectOption(`${row} select[name="current"]`, current);
    if (target) await page.selectOption(`${row} select[name="target"]`, target);
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[type="submit"]')]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  look.status = await page.textContent('#survey-status');
  await context.close();
  return { look, path, problems };
}

test('a survey for one unit, and one for the unit each person chooses, in French', async () => {
  execFileSync('cargo', ['build', '--quiet', '--bin', 'wfe'], { cwd: ROOT });
  const quarters = join(ROOT, 'tests/fixtures/voices/quarters.json');
  const dir = await mkdtemp(join(tmpdir(), 'wfe-survey-fr-'));
  const ports = join(dir, 'ports.html');
  const every = join(dir, 'every.html');
  execFileSync(WFE, ['survey', quarters, '--unit', 'ports', '--lang', 'fr', '-o', ports]);
  execFileSync(WFE, ['survey', quarters, '--all-units', '--lang', 'fr', '-o', every]);
  const bad = spawnSync(WFE, ['survey', quarters, '--unit', 'shops'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--unit: no unit "shops" in the model \(known: ports, retail\)/);

  const browser = await launch();
  let one;
  let chosen;
  try {
    one = await answer(browser, ports, dir, { name: 'Dana', scores: { 'integration/hr': ['3', '4'] } });
    chosen = await answer(browser, every, dir, { name: 'Eli', scores: { 'technology/it': ['4', ''], 'integration/procurement': ['2', '3'] } }, 'retail');
  } finally {
    await browser.close();
  }
  // The page's own words are the core's French ones, the framework's names too.
  assert.deepEqual(one.problems, [], 'the strict policy lets the survey run without errors');
  assert.deepEqual(chosen.problems, []);
  assert.equal(one.look.lang, 'fr');
  assert.equal(one.look.h1, 'Harbour "Quarters" — enquête sur l’écosystème de main-d’œuvre — Ports');
  assert.deepEqual(one.look.heads, ['Thème', 'Acteur', 'Actuel', 'Cible']);
  assert.equal(one.look.unitPicker, false, 'a one-unit survey asks for no unit');
  assert.match(one.look.ariaLabel, /: Actuel$/);
  assert.equal(one.look.status, 'Votre score est enregistré. Envoyez le fichier à qui vous l’a demandé.');
  assert.equal(chosen.look.unitPicker, true);
  assert.equal(chosen.look.needUnit, 'Choisissez votre unité.');
  assert.equal(chosen.look.focused, 'survey-unit');
  assert.equal(chosen.look.status, 'Vos 2 scores sont enregistrés. Envoyez le fichier à qui vous l’a demandé.');
  // the file saved is named in the survey's language too
  assert.equal(basename(one.path), 'réponse-Dana.json');

  // The responses score their unit's cells, and merge into the model.
  const dana = JSON.parse(await readFile(one.path, 'utf8'));
  assert.deepEqual(dana.assessments, [{ theme: 'integration', player: 'hr', current: 3, target: 4, unit: 'ports' }]);
  const eli = JSON.parse(await readFile(chosen.path, 'utf8'));
  assert.deepEqual(eli.assessments.map((a) => [a.theme, a.player, a.unit, a.current]),
    [['integration', 'procurement', 'retail', 2], ['technology', 'it', 'retail', 4]]);
  const merged = join(dir, 'merged.json');
  const r = spawnSync(WFE, ['merge', quarters, one.path, chosen.path, '-o', merged], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const model = JSON.parse(await readFile(merged, 'utf8'));
  // Ports × integration × HR: Alice 1, B-07 3, Dana 3 → 2.33; Retail × technology × IT: Eli 4;
  // Retail × integration × procurement, a cell nobody had scored: Eli 2 → 3.
  const at = (theme, player, unit) => model.assessments.find((a) => a.theme === theme && a.player === player && a.unit === unit);
  assert.equal(at('integration', 'hr', 'ports').current, 2.33);
  assert.equal(at('technology', 'it', 'retail').current, 4);
  assert.deepEqual([at('integration', 'procurement', 'retail').current, at('integration', 'procurement', 'retail').target], [2, 3]);
});

test('a survey put on a site whose policy blocks its script says so instead of showing an empty form', async () => {
  execFileSync('cargo', ['build', '--quiet', '--bin', 'wfe'], { cwd: ROOT });
  const dir = await mkdtemp(join(tmpdir(), 'wfe-survey-site-'));
  for (const lang of ['en', 'fr']) execFileSync(WFE, ['survey', MODEL, '--lang', lang, '-o', join(dir, `survey-${lang}.html`)]);
  const { serve, CSP } = await import('../../scripts/serve.mjs');
  const server = await serve(dir, 0, '127.0.0.1', { csp: CSP });
  const browser = await launch();
  try {
    for (const [lang, words] of [['en', /this page's script could not run here/], ['fr', /le script de cette page n’a pas pu s’exécuter ici/]]) {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await page.goto(`http://127.0.0.1:${server.address().port}/survey-${lang}.html`);
      await page.waitForTimeout(300);
      assert.equal(await page.$$eval('#survey-cells tr', (rows) => rows.length), 0, 'the policy kept the script from listing the cells');
      assert.equal(await page.isVisible('#survey-blocked'), true);
      assert.match(await page.textContent('#survey-blocked'), words);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
});
