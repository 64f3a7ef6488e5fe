// The three-respondent round trip as a user does it: `wfe survey` writes the
// page, three people open it in Chromium, score and save; the three files
// are merged by `wfe merge` and by the page, and both agree with the means
// and spreads worked out by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
      const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const problems = [];
      page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(pathToFileURL(survey).href);
      await page.fill('#survey-name', person.name);
      await page.fill('#survey-role', person.role);
      for (const [key, [current, target]] of Object.entries(person.scores)) {
        const [theme, player] = key.split('/');
        const row = `#survey-cells tr[data-theme="${theme}"][data-player="${player}"]`;
        await page.selectOption(`${row} select[name="current"]`, current);
        if (target) await page.selectOption(`${row} select[name="target"]`, target);
      }
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[type="submit"]')]);
      const path = join(dir, download.suggestedFilename());
      await download.saveAs(path);
      files.push(path);
      assert.match(await page.textContent('#survey-status'), /Saved your 2 scores/);
      assert.deepEqual(problems, [], 'the strict policy lets the survey run without errors');
      await context.close();
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
