// Exports and CSV in the browser: the Wasm functions round-trip CSV and name
// the row and column of every error; the page imports CSV and lists problems;
// the self-contained HTML opened from file:// with the network blocked (and
// with JavaScript off) shows the diagram; hostile labels stay inert.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { openPage, setup } from './harness.mjs';

const SHOTS = new URL('../../test-results/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

const env = setup();

async function openTeach() {
  const page = await openPage(env.browser, `${env.origin}/teach.html`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

const HOSTILE = '</script><script>window.pwned=1</script><img src=x onerror="window.pwned=2"><!--';
const MODEL = {
  schema: 'workforce-ecosystem/v1',
  name: `Hostile ${HOSTILE}`,
  units: [{ id: 'retail', label: `Retail ${HOSTILE}` }],
  assessments: [
    { theme: 'integration', player: 'hr', unit: 'retail', current: 1, target: 3, note: '=HYPERLINK("http://x")' },
    { theme: 'leadership', player: 'senior-leaders', current: 2.5, weight: 2, note: `multi\nline, "quoted" ${HOSTILE}` },
    { theme: 'technology', player: 'it', current: 0 },
  ],
};

test('CSV round trip and errors through the Wasm functions', async () => {
  const page = await openTeach();
  const result = await page.evaluate(async (model) => {
    const m = await import('./pkg/workforce_ecosystem.js');
    const json = JSON.stringify(model);
    const csv = m.csvExport(json);
    const back = JSON.parse(m.csvImport(json, csv));
    let error;
    try {
      m.csvImport(json, 'theme,player,current,note\nintegration,hr,three,x\nleadership,nobody,1,\n');
    } catch (e) {
      error = { isError: e instanceof Error, message: e.message, problems: e.problems };
    }
    // Bytes: UTF-8 imports; Windows-1252 ("é" as the byte 0xE9) is refused at its row.
    const utf8 = JSON.parse(m.csvImport(json, new TextEncoder().encode('theme,player,current,note\nintegration,hr,1,café\n')));
    let legacy;
    try {
      m.csvImport(json, new Uint8Array([...new TextEncoder().encode('theme,player,current,note\nintegration,hr,1,caf'), 0xe9, 10]));
    } catch (e) {
      legacy = { message: e.message, row: e.problems?.[0]?.row };
    }
    let wrongType;
    try {
      m.csvImport(json, 42);
    } catch (e) {
      wrongType = e.message;
    }
    let badModel;
    try {
      m.csvExport('{"schema":"nope"}');
    } catch (e) {
      badModel = e.message;
    }
    return { csv, back, error, badModel, utf8Note: utf8.assessments[0].note, legacy, wrongType };
  }, MODEL);
  assert.ok(result.csv.startsWith('\ufefftheme,player,unit,current,target,weight,note\r\n'));
  assert.ok(result.csv.includes(`'=HYPERLINK(""http://x"")`), 'formula defused');
  assert.deepEqual(result.back.assessments, MODEL.assessments);
  assert.equal(result.error.isError, true);
  assert.equal(
    result.error.message,
    'row 2, column "current": "three" is not a number\n' +
      'row 3, column "player": "nobody" is not a player of the model (known: senior-leaders, procurement, finance-legal, business-unit-leaders, it, hr)',
  );
  assert.deepEqual(
    result.error.problems.map((p) => [p.row, p.column]),
    [
      [2, 'current'],
      [3, 'player'],
    ],
  );
  assert.match(result.badModel, /schema/);
  assert.equal(result.utf8Note, 'café');
  assert.deepEqual(result.legacy, { message: 'row 2: not UTF-8 text (byte 47 cannot be read); save the file as "CSV UTF-8"', row: 2 });
  assert.match(result.wrongType, /string or a Uint8Array/);
  assert.deepEqual(page.problems, []);
});

test('the page exports CSV, imports it back, and lists the problems of a bad CSV', async () => {
  const page = await openTeach();
  await page.setInputFiles('#model-file', { name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(MODEL)) });
  await page.click('[role="tab"][data-view="export"]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.match(download.suggestedFilename(), /assessments\.csv$/);
  // Edit as a spreadsheet user would: change a score, then import.
  const edited = csv.replace('technology,it,,0,', 'technology,it,,4,');
  assert.notEqual(edited, csv);
  await page.setInputFiles('#csv-file', { name: 'edited.csv', mimeType: 'text/csv', buffer: Buffer.from(edited) });
  await page.waitForSelector('#csv-result .is-ok');
  assert.equal(await page.textContent('#csv-result'), 'Imported 3 assessments from edited.csv.');
  const [again] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  assert.equal(readFileSync(await again.path(), 'utf8'), edited);

  const bad = 'theme,player,unit,current\nintegration,hr,retail,1\nintegration,it,mars,x\n"open,hr,,1\n';
  await page.setInputFiles('#csv-file', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.waitForSelector('#csv-result .csv-errors');
  const items = await page.$$eval('#csv-errors li, .csv-errors li', (lis) => lis.map((li) => [li.textContent, li.dataset.row, li.dataset.column]));
  assert.deepEqual(items, [['row 4, column "theme": the quoted field is never closed (a " is missing)', '4', 'theme']]);
  const bad2 = 'theme,player,unit,current\nintegration,hr,retail,1\nintegration,it,mars,x\n';
  await page.setInputFiles('#csv-file', { name: 'bad2.csv', mimeType: 'text/csv', buffer: Buffer.from(bad2) });
  await page.waitForFunction(() => document.querySelectorAll('.csv-errors li').length === 2);
  const items2 = await page.$$eval('.csv-errors li', (lis) => lis.map((li) => [li.dataset.row, li.dataset.column, li.textContent]));
  assert.deepEqual(items2, [
    ['3', 'unit', 'row 3, column "unit": "mars" is not a unit of the model (known: retail)'],
    ['3', 'current', 'row 3, column "current": "x" is not a number'],
  ]);
  // The refused CSV changed nothing: exporting again gives the edited file.
  const [third] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  assert.equal(readFileSync(await third.path(), 'utf8'), edited);
  assert.deepEqual(page.problems, []);
});

/** Opens a local file in a context where every non-file request is aborted and recorded. */
async function openOffline(path, { javaScriptEnabled = true } = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 1400 }, javaScriptEnabled });
  const requests = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(path).href);
  await page.waitForLoadState('load');
  return { page, context, requests, dialogs, errors };
}

test('the self-contained export opens from file:// offline and shows the diagram', async () => {
  const page = await openTeach();
  await page.click('[role="tab"][data-view="export"]');
  await page.selectOption('#export-overlay', 'gap');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-html')]);
  const path = `${SHOTS}teach-export.html`;
  writeFileSync(path, readFileSync(await download.path()));
  for (const javaScriptEnabled of [true, false]) {
    const { page: doc, context, requests, errors } = await openOffline(path, { javaScriptEnabled });
    assert.deepEqual(requests, [], 'no request leaves the file');
    assert.deepEqual(errors, []);
    assert.equal(await doc.locator('svg .cell').count(), 24);
    const box = await doc.locator('figure.diagram svg').boundingBox();
    assert.ok(box && box.width > 400 && box.height > 300, `the diagram is drawn large (${JSON.stringify(box)})`);
    assert.equal(await doc.isVisible('h2:has-text("Findings")'), true);
    assert.equal(await doc.isVisible('h2:has-text("Readiness")'), true);
    // The model rides along and reads back.
    const embedded = await doc.$eval('#workforce-ecosystem-model', (s) => JSON.parse(s.textContent));
    assert.equal(embedded.schema, 'workforce-ecosystem/v1');
    if (javaScriptEnabled) {
      await doc.screenshot({ path: `${SHOTS}teach-export-offline.png`, fullPage: true });
      await doc.emulateMedia({ media: 'print' });
      assert.equal(await doc.isVisible('footer'), false);
      assert.equal(await doc.locator('figure.diagram svg').isVisible(), true);
      await doc.screenshot({ path: `${SHOTS}teach-export-print.png`, fullPage: true });
    }
    await context.close();
  }
  assert.deepEqual(page.problems, []);
});

test('hostile labels are inert in the exported HTML and report opened offline', async () => {
  const page = await openTeach();
  await page.setInputFiles('#model-file', { name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(MODEL)) });
  await page.click('[role="tab"][data-view="export"]');
  for (const button of ['#export-html', '#export-report-html']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    const path = `${SHOTS}teach-hostile-${button.slice(8)}.html`;
    writeFileSync(path, readFileSync(await download.path()));
    const { page: doc, context, requests, dialogs } = await openOffline(path);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(requests, [], 'the <img src=x> never loaded');
    assert.equal(await doc.evaluate(() => window.pwned), undefined);
    assert.equal(await doc.locator('img').count(), 0);
    assert.equal(await doc.locator('script:not([type="application/json"])').count(), 0);
    // The hostile name is shown as text.
    assert.ok((await doc.textContent('body')).includes('</script><script>window.pwned=1</script>'));
    if (button === '#export-html') {
      const embedded = await doc.$eval('#workforce-ecosystem-model', (s) => JSON.parse(s.textContent));
      assert.equal(embedded.name, MODEL.name);
      assert.equal(embedded.assessments[1].note, MODEL.assessments[1].note);
    }
    await context.close();
  }
  // The Markdown report downloads as text.
  const [md] = await Promise.all([page.waitForEvent('download'), page.click('#export-report-md')]);
  assert.match(md.suggestedFilename(), /report\.md$/);
  assert.ok(readFileSync(await md.path(), 'utf8').length > 0);
  assert.deepEqual(page.problems, []);
});

test('the export speaks the page language', async () => {
  const page = await openTeach();
  await page.selectOption('#lang', 'fr');
  // (French's texts are fetched when it is first chosen)
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await page.click('[role="tab"][data-view="export"]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-html')]);
  const html = readFileSync(await download.path(), 'utf8');
  assert.match(html, /<html lang="fr">/);
  assert.match(html, /<h2>Constats<\/h2>/);
  assert.match(html, /<h2>Maturité<\/h2>/);
  assert.deepEqual(page.problems, []);
});

test('an accented name keeps its letters in the file names, in the classroom and the editor alike', async () => {
  const named = { schema: 'workforce-ecosystem/v1', name: 'Équipe Nord / ﬁnances İstanbul', assessments: [{ theme: 'technology', player: 'it', current: 2 }] };
  const saved = async (page, click) => {
    const [d] = await Promise.all([page.waitForEvent('download'), click()]);
    return d.suggestedFilename();
  };
  const teach = await openTeach();
  await teach.setInputFiles('#model-file', { name: 'nord.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(named)) });
  await teach.waitForFunction(() => /Équipe/.test(document.body.textContent ?? ''));
  await teach.click('[role="tab"][data-view="export"]');
  assert.equal(await saved(teach, () => teach.click('#export-csv')), 'équipe-nord-finances-istanbul-assessments.csv');
  const editor = await openPage(env.browser, `${env.origin}/index.html`);
  await editor.waitForSelector('body[data-ready="true"]');
  await editor.setInputFiles('#file-input', { name: 'nord.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(named)) });
  await editor.waitForFunction(() => /** @type {HTMLInputElement} */ (document.getElementById('model-name')).value.startsWith('Équipe'));
  const exported = await saved(editor, async () => {
    await editor.click('#export');
    await editor.click('[data-export="json"]');
  });
  assert.equal(exported, 'équipe-nord-finances-istanbul.json');
  assert.deepEqual(teach.problems, []);
  assert.deepEqual(editor.problems, []);
});

test('in French the classroom names its downloads in French, a model without a name too', async () => {
  const page = await openTeach();
  await page.selectOption('#lang', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await page.click('[role="tab"][data-view="export"]');
  const saved = async (button) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    return download.suggestedFilename();
  };
  assert.equal(await saved('#export-report-md'), 'harbourline-group-rapport.md');
  assert.equal(await saved('#export-report-html'), 'harbourline-group-rapport.html');
  assert.equal(await saved('#export-csv'), 'harbourline-group-évaluations.csv');
  const nameless = { schema: 'workforce-ecosystem/v1', assessments: [{ theme: 'technology', player: 'it', current: 2 }] };
  await page.setInputFiles('#model-file', { name: 'sans-nom.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(nameless)) });
  await page.waitForFunction(() => !/Harbourline/.test(document.body.textContent ?? ''));
  await page.click('[role="tab"][data-view="export"]');
  assert.equal(await saved('#export-csv'), 'modèle-évaluations.csv');
  assert.deepEqual(page.problems, []);
});
