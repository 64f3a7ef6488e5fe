// Many voices and many dates on the page: three response files merged into
// the model as one undoable step (refused ones listed, the model untouched by
// them), the agreement overlay against hand-computed spreads, a snapshot and
// the progress view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setup, open, cell, exportedModel } from './page-helpers.mjs';

const env = setup();
const FIX = new URL('../fixtures/voices/', import.meta.url);
const SHOTS = process.env.SHOTS_DIR;

async function file(path) {
  const name = path.split('/').pop();
  return { name, mimeType: 'application/json', buffer: await readFile(new URL(path, FIX)) };
}

async function openModel(page) {
  await page.setInputFiles('#file-input', await file('model.json'));
  await page.waitForFunction(() => document.querySelector('#model-name')?.value === 'Acme');
}

test('three responses merge into their means, the refused ones are listed, Undo takes them out', async () => {
  const page = await open(env);
  await openModel(page);
  const before = await cell(page, 'integration', 'hr');
  const files = await Promise.all(['responses/alice.json', 'responses/bob.json', 'responses/cho.json',
    'refused/other-framework.json', 'refused/unknown-unit.json', 'refused/bob-again.json'].map(file));
  await page.setInputFiles('#responses-input', files);
  await page.waitForSelector('#dialog[open] .refusals');
  const refused = await page.$$eval('#dialog .refusals li', (els) => els.map((e) => e.textContent));
  assert.equal(refused.length, 3, refused.join('\n'));
  assert.match(refused.join('\n'), /other-framework\.json.*another framework/);
  assert.match(refused.join('\n'), /unknown-unit\.json.*unit "retail"/);
  assert.match(refused.join('\n'), /bob-again\.json.*second response from "Bob Okafor"/);
  assert.match(await page.textContent('#dialog .error-lead'), /3 merged, 0 already merged, 3 refused/);
  await page.keyboard.press('Escape');

  // Means worked out by hand: (0 + 3 + 2) / 3 = 1.67, targets (3 + 4) / 2 = 3.5.
  const model = await exportedModel(page);
  const hr = model.assessments.find((a) => a.theme === 'integration' && a.player === 'hr' && !a.unit);
  assert.deepEqual([hr.current, hr.target, hr.weight], [1.67, 3.5, 2]);
  assert.deepEqual(model.responses.map((r) => r.respondent), ['Alice Martin', 'Bob Okafor', 'r-17']);

  // The agreement overlay: spreads 3 and 1 steps; one respondent alone has
  // no spread (not a zero that reads as all agreeing); nobody answered the rest.
  await page.click('[data-overlay="agreement"]');
  await page.waitForSelector('#diagram .cell.agree-3');
  assert.match((await cell(page, 'integration', 'hr')).class, /\bagree-3\b/);
  assert.match((await cell(page, 'technology', 'it')).class, /\bagree-1\b/);
  assert.match((await cell(page, 'leadership', 'senior-leaders')).class, /\bunassessed\b/);
  assert.match((await cell(page, 'management', 'hr')).class, /\bunassessed\b/);
  assert.match(await page.textContent('#diagram .legend'), /Fewer than two responses/);
  if (SHOTS) {
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/agreement-1366.png` });
  }

  // One step to undo: the model as it was.
  await page.click('#undo');
  await page.click('[data-overlay="current"]');
  assert.deepEqual(await cell(page, 'integration', 'hr'), before);
  const undone = await exportedModel(page);
  assert.equal(undone.responses, undefined, 'Undo takes the merged responses out too');
  assert.deepEqual(page.problems, []);
});

test('snapshots on three dates and the progress view', async () => {
  const page = await open(env, { viewport: { width: 1366, height: 900 } });
  await openModel(page);
  const dates = ['2026-01-15', '2026-04-15', '2026-07-15'];
  // The snapshot is dated by the page's clock: set it for each date.
  for (const [i, date] of dates.entries()) {
    if (i === 1) {
      const files = await Promise.all(['responses/alice.json', 'responses/bob.json', 'responses/cho.json'].map(file));
      await page.setInputFiles('#responses-input', files);
      await page.waitForSelector('.notice, [role="status"]');
    }
    await page.evaluate((d) => {
      const fixed = new Date(`${d}T12:00:00`).getTime();
      const RealDate = Date;
      // @ts-ignore: a clock stopped on the snapshot's date
      globalThis.Date = class extends RealDate { constructor(...a) { super(...(a.length ? a : [fixed])); } static now() { return fixed; } };
    }, date);
    await page.click('#export');
    await page.click('[data-export="snapshot"]');
  }
  const model = await exportedModel(page);
  assert.deepEqual(model.history.map((h) => h.date), dates);
  await page.click('#export');
  await page.click('[data-export="progress"]');
  await page.waitForSelector('#dialog[open] img.progress-chart');
  const alt = await page.getAttribute('#dialog img.progress-chart', 'alt');
  assert.match(alt, /3 snapshot dates, from 2026-01-15 to 2026-07-15/);
  await page.waitForFunction(() => document.querySelector('#dialog img.progress-chart')?.naturalWidth > 0);
  if (SHOTS) {
    await page.screenshot({ path: `${SHOTS}/progress-1366.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/progress-390.png` });
    await page.setViewportSize({ width: 1366, height: 900 });
  }
  await page.keyboard.press('Escape');

  // Compare now with the first date, then open that date as a what-if beside the model.
  assert.doesNotMatch((await cell(page, 'technology', 'it')).class, /unassessed/);
  await page.click('#export');
  await page.click('[data-export="compare-snapshot"]');
  await page.selectOption('#dialog select[name="From"]', 'now');
  await page.selectOption('#dialog select[name="To"]', '2026-01-15');
  await page.click('#dialog button.primary');
  await page.click('#dialog button:has-text("Show 2026-01-15 as a what-if")');
  await page.waitForFunction(() => /As on 2026-01-15/.test(document.body.textContent));
  // On 2026-01-15 only the model's own integration × HR score existed.
  assert.match((await cell(page, 'technology', 'it')).class, /unassessed/);
  assert.equal((await cell(page, 'integration', 'hr')).value, '1');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/compare-1366.png` });
  assert.deepEqual(page.problems, []);
});

/** The disagreements listed in the findings pane: each one's text and whether it is chosen. */
function disagreementsShown(page) {
  return page.$$eval('#pane-findings .finding-group[data-kind="disagreement"] .finding-button', (els) => els.map((b) => ({
    id: b.dataset.finding,
    text: b.querySelector('.finding-text').textContent,
    severity: b.querySelector('.severity').textContent,
    pressed: b.getAttribute('aria-pressed'),
  })));
}

test('disagreements are findings of their own: roles only among two, a code among three; choosing one highlights its cell', async () => {
  const page = await open(env, { viewport: { width: 1366, height: 900 } });
  await openModel(page);
  await page.click('#tab-findings');
  assert.equal(await page.$('#pane-findings .finding-group[data-kind="disagreement"]'), null, 'nothing merged, nothing to disagree on');

  // Two respondents: Alice (HR lead) 0 and r-17 (no role) 2 on integration × HR: 2 steps apart.
  // With two, the one without a role stays unnamed; technology × IT (2 and 3) is only 1 step apart.
  await page.setInputFiles('#responses-input', await Promise.all(['responses/alice.json', 'responses/cho.json'].map(file)));
  await page.waitForSelector('#pane-findings .finding-group[data-kind="disagreement"]');
  assert.deepEqual(await disagreementsShown(page), [{
    id: 'disagreement:integration:hr',
    text: 'The 2 respondents disagree on HR in Integration architectures: current scores range from 0 (HR lead) to 2, 2 steps apart.',
    severity: '2',
    pressed: 'false',
  }]);
  const group = page.locator('#pane-findings .finding-group[data-kind="disagreement"]');
  assert.equal(await group.locator('.group-title').textContent(), 'Disagreements 1');
  assert.match(await group.locator('.group-help').textContent(), /two scale steps apart or more/);
  assert.doesNotMatch(await page.textContent('#pane-findings'), /r-17|Cho Lee/);

  // Bob (IT lead) 3 makes three: 0 to 3, the ends named by their roles.
  await page.setInputFiles('#responses-input', await file('responses/bob.json'));
  await page.waitForFunction(() => /The 3 respondents/.test(document.querySelector('#pane-findings').textContent));
  const [three] = await disagreementsShown(page);
  assert.equal(three.text, 'The 3 respondents disagree on HR in Integration architectures: current scores range from 0 (HR lead) to 3 (IT lead), 3 steps apart.');
  assert.equal(three.severity, '3');
  // The badge counts it with the maturity gaps (the model's own integration × HR and the merged targets).
  const gaps = await page.$$eval('#pane-findings .finding-group[data-kind="maturity-gap"] .finding-button', (els) => els.length);
  assert.equal(await page.textContent('#findings-count'), String(gaps + 1));

  // Chosen by keyboard: its cell highlighted, the others dimmed; Edit and Show agreement offered.
  await page.focus('#pane-findings [data-finding="disagreement:integration:hr"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#pane-findings [data-finding="disagreement:integration:hr"][aria-pressed="true"]');
  assert.match((await cell(page, 'integration', 'hr')).class, /\bis-highlighted\b/);
  assert.match((await cell(page, 'technology', 'it')).class, /\bis-dimmed\b/);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/disagreement-1366.png` });
  const actions = await page.$$eval('#pane-findings .finding.is-chosen .finding-actions button', (els) => els.map((b) => b.textContent));
  assert.deepEqual(actions, ['Edit Integration architectures × HR', 'Show agreement']);
  await page.click('#pane-findings .finding.is-chosen button:has-text("Show agreement")');
  await page.waitForFunction(() => document.activeElement?.matches('#overlay [data-overlay="agreement"]'));
  assert.equal(await page.getAttribute('#overlay [data-overlay="agreement"]', 'aria-checked'), 'true');
  assert.match((await cell(page, 'integration', 'hr')).class, /\bagree-3\b/);
  assert.equal(await page.$('#pane-findings .finding.is-chosen button:has-text("Show agreement")'), null, 'on show already');

  // Edit goes to the cell.
  await page.click('#pane-findings .finding.is-chosen .finding-actions button');
  await page.waitForSelector('#cell-heading');
  assert.equal(await page.getAttribute('#diagram .cell.is-selected', 'data-theme'), 'integration');

  // In French, the core's sentence and the page's group title.
  await page.click('#tab-findings');
  await page.selectOption('.lang select', 'fr');
  await page.waitForFunction(() => /Désaccords/.test(document.querySelector('#pane-findings').textContent));
  const [fr] = await disagreementsShown(page);
  assert.match(fr.text, /^Les 3 répondants divergent sur .* : les scores actuels vont de 0 \(HR lead\) à 3 \(IT lead\), soit 3 niveaux d’écart\.$/);
  if (SHOTS) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/disagreement-390.png`, fullPage: true });
  }
  assert.deepEqual(page.problems, []);
});

test('Compare two dates: two of three snapshots, the changed cells as computed by hand', async () => {
  const page = await open(env, { viewport: { width: 1366, height: 900 } });
  await page.setInputFiles('#file-input', await file('quarters.json'));
  await page.waitForFunction(() => document.querySelector('#model-name')?.value === 'Harbour "Quarters"');
  await page.click('#export');
  await page.click('[data-export="compare-snapshot"]');
  await page.waitForSelector('#dialog[open] select[name="From"]');
  // The From picker has focus; both pickers are labelled and offer every date and now.
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'From');
  const labels = await page.$$eval('#dialog label', (els) => els.map((e) => e.textContent));
  assert.deepEqual(labels, ['From', 'To']);
  const options = await page.$$eval('#dialog select[name="To"] option', (els) => els.map((e) => e.getAttribute('value')));
  assert.deepEqual(options, ['2026-03-31', '2026-06-30', '2026-09-30', 'now']);
  // By keyboard: From → the first snapshot, To → the second.
  await page.keyboard.press('Home');
  assert.equal(await page.inputValue('#dialog select[name="From"]'), '2026-03-31');
  await page.keyboard.press('Tab');
  await page.selectOption('#dialog select[name="To"]', '2026-06-30');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Compare');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#dialog[open] .compare-dates table');
  assert.equal(await page.textContent('#dialog-title'), 'From 2026-03-31 to 2026-06-30');
  const rows = await page.$$eval('#dialog .compare-dates tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  // From the fixture by hand: HR's integration in Ports went 1 → 2 and IT's
  // technology in Retail 2 → 3, targets unchanged; the other cells did not move.
  assert.deepEqual(rows, [
    ['HR · Integration architectures', 'Ports', '1 (target 3)', '2 (target 3)'],
    ['IT · Technology enablers', 'Retail', '2 (target 4)', '3 (target 4)'],
  ]);
  assert.equal(await page.textContent('#dialog caption'), '2 cells changed from 2026-03-31 to 2026-06-30');
  if (SHOTS) {
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/compare-dates-1366.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/compare-dates-390.png` });
  }
  await page.keyboard.press('Escape');

  // June to September: procurement 1 → 1.5 in Ports, senior leaders 1 → 2.
  await page.click('#export');
  await page.click('[data-export="compare-snapshot"]');
  await page.selectOption('#dialog select[name="From"]', '2026-06-30');
  await page.selectOption('#dialog select[name="To"]', '2026-09-30');
  await page.click('#dialog button.primary');
  await page.waitForSelector('#dialog[open] .compare-dates table');
  const later = await page.$$eval('#dialog .compare-dates tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(later, [
    ['Procurement · Integration architectures', 'Ports', '1 (target 3)', '1.5 (target 3)'],
    ['Senior leaders · Leadership approaches', 'whole organization', '1', '2'],
  ]);
  await page.keyboard.press('Escape');
  // The model on show is untouched: no what-if was started.
  assert.equal(await page.$$eval('#scenario-bar [data-scenario]', (els) => els.length), 1);
  assert.deepEqual(page.problems, []);
});

test('the editor hands out the survey: one unit, in the page\'s language, answered in Chromium', async () => {
  const page = await open(env, { viewport: { width: 1366, height: 900 } });
  await page.setInputFiles('#file-input', await file('quarters.json'));
  await page.waitForFunction(() => document.querySelector('#model-name')?.value === 'Harbour "Quarters"');
  await page.selectOption('.lang select', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await page.click('#export');
  await page.click('[data-export="survey"]');
  await page.waitForSelector('#dialog[open] select');
  assert.equal(await page.textContent('#dialog-title'), 'Enquête à distribuer');
  const options = await page.$$eval('#dialog select option', (els) => els.map((e) => [e.value, e.textContent]));
  assert.deepEqual(options, [
    ['organization', 'Toute l’organisation'], ['every', 'L’unité que chacun choisit'], ['unit:ports', 'Ports'], ['unit:retail', 'Retail'],
  ]);
  // By keyboard: the picker has focus; End chooses the last unit, then Save.
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'SELECT');
  await page.keyboard.press('End');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Enregistrer l’enquête');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  // named in the page's language, as the survey speaks it
  assert.equal(download.suggestedFilename(), 'harbour-quarters-enquête.html');
  const dir = await mkdtemp(join(tmpdir(), 'wfe-handout-'));
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  assert.deepEqual(page.problems, []);

  // The survey opens on its own and speaks French; its scores are Retail's.
  const context = await env.browser.newContext({ acceptDownloads: true });
  const survey = await context.newPage();
  const problems = [];
  survey.on('pageerror', (e) => problems.push(e.message));
  survey.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await survey.goto(pathToFileURL(path).href);
  assert.equal(await survey.getAttribute('html', 'lang'), 'fr');
  assert.equal(await survey.textContent('h1'), 'Harbour "Quarters" — enquête sur l’écosystème de main-d’œuvre — Retail');
  assert.equal(await survey.textContent('button[type="submit"]'), 'Enregistrer ma réponse');
  await survey.fill('#survey-name', 'Fay');
  await survey.selectOption('#survey-cells tr[data-theme="management"][data-player="hr"] select[name="current"]', '2');
  const [saved] = await Promise.all([survey.waitForEvent('download'), survey.click('button[type="submit"]')]);
  const response = JSON.parse(await readFile(await saved.path(), 'utf8'));
  assert.deepEqual(response.assessments, [{ theme: 'management', player: 'hr', current: 2, unit: 'retail' }]);
  assert.equal(await survey.textContent('#survey-status'), 'Votre score est enregistré. Envoyez le fichier à qui vous l’a demandé.');
  assert.deepEqual(problems, [], 'the strict policy lets the survey run without errors');
  await context.close();
});

test('the progress chart tells its lines apart by their dashes too: lines that run together, and forced colours', async () => {
  const page = await open(env);
  const quarters = await readFile(new URL('quarters.json', FIX), 'utf8');
  const svg = await page.evaluate(async (json) => (await import('/pkg/workforce_ecosystem.js')).progressSvg(json), quarters);
  await page.context().close();
  for (const forcedColors of ['none', 'active']) {
    const chart = await env.browser.newPage();
    await chart.emulateMedia({ forcedColors });
    await chart.setContent(svg);
    const lines = await chart.$$eval('.wfe-progress-panel:last-of-type .wfe-progress-series', (groups) =>
      groups.map((g) => {
        const line = g.querySelector('.wfe-progress-line');
        const style = getComputedStyle(line);
        return { dashes: style.strokeDasharray, stroke: style.stroke };
      }),
    );
    assert.equal(lines.length, 6, 'one line (or legend swatch) per player');
    assert.equal(new Set(lines.map((l) => l.dashes)).size, 6, `${forcedColors}: six players, six dash patterns: ${JSON.stringify(lines)}`);
    if (forcedColors === 'active') assert.equal(new Set(lines.map((l) => l.stroke)).size, 1, 'one system colour for every line');
    await chart.close();
  }
});
