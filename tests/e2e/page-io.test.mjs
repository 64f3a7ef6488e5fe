// Import (file picker, drag-and-drop) and export (JSON, SVG, PNG): an invalid
// file shows every problem and leaves the model untouched; a valid one opens
// as a new document beside the work; every export is a valid file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setup, open, cell, exportedModel } from './page-helpers.mjs';

const env = setup();

const BAD = JSON.stringify({
  schema: 'workforce-ecosystem/v1',
  name: 'Broken',
  assessments: [
    { theme: 'integration', player: 'nobody', current: 1 },
    { theme: 'leadership', player: 'hr', current: 9 },
  ],
  contributors: [{ id: 'gig', label: 'Gig', kind: 'external' }, { id: 'gig', label: 'Again', kind: 'external' }],
});

const GOOD = JSON.stringify({
  schema: 'workforce-ecosystem/v1',
  name: 'Imported Co',
  assessments: [{ theme: 'technology', player: 'it', current: 3, target: 4 }],
});

async function download(page, format) {
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await page.click('#export');
      await page.click(`[data-export="${format}"]`);
    })(),
  ]);
  return { name: d.suggestedFilename(), bytes: await readFile(await d.path()) };
}

test('an invalid file shows every problem and keeps the current model', async () => {
  const page = await open(env);
  const name = await page.inputValue('#model-name');
  const before = await cell(page, 'integration', 'hr');
  await page.setInputFiles('#file-input', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(BAD) });
  await page.waitForSelector('#dialog[open] .problems');
  const problems = await page.$$eval('#dialog .problems li', (els) => els.map((e) => e.textContent));
  assert.ok(problems.length >= 3, problems.join('\n'));
  const text = problems.join('\n');
  assert.match(text, /assessments\[0\]\.player/);
  assert.match(text, /assessments\[1\]\.current/);
  assert.match(text, /contributors\[1\]\.id/);
  assert.match(await page.textContent('#dialog'), /broken\.json/);
  assert.match(await page.textContent('#dialog'), /unchanged/);
  await page.keyboard.press('Escape');
  assert.equal(await page.inputValue('#model-name'), name);
  assert.deepEqual(await cell(page, 'integration', 'hr'), before);
  assert.equal(await page.$eval('#undo', (b) => b.disabled), true);

  // not JSON at all: the place is given
  await page.setInputFiles('#file-input', { name: 'junk.json', mimeType: 'application/json', buffer: Buffer.from('{"schema": ') });
  await page.waitForSelector('#dialog[open] .problems');
  assert.match(await page.textContent('#dialog .problems'), /line 1/);
  await page.keyboard.press('Escape');
  assert.equal(await page.inputValue('#model-name'), name);
  assert.deepEqual(page.problems, []);
});

test('a valid file opens by picker and by drag-and-drop as a new document, and the work before it is one click away', async () => {
  const page = await open(env);
  await page.fill('#model-name', 'My own work');
  await page.press('#model-name', 'Enter');
  await page.locator('#model-name').blur();
  const name = await page.inputValue('#model-name');
  await page.setInputFiles('#file-input', { name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(GOOD) });
  await page.waitForFunction(() => document.getElementById('model-name').value === 'Imported Co');
  assert.equal((await cell(page, 'technology', 'it')).value, '3');
  assert.equal((await cell(page, 'integration', 'hr')).value, '–', 'unassessed cells show a dash');
  // the notice comes once the new document is stored, a moment after it is shown
  await page.waitForSelector('#notice:not([hidden]) #notice-back');
  assert.match(await page.textContent('#notice-text'), /Opened good\.json as a new document/);
  assert.equal(await page.$eval('#undo', (b) => b.disabled), true, 'a new document, with its own history');
  await page.click('#notice-back');
  await page.waitForFunction((n) => document.getElementById('model-name').value === n, name);
  // the way back keeps this tab's history of that document
  await page.click('#undo');
  assert.equal(await page.inputValue('#model-name'), 'Harbourline Group');
  await page.click('#redo');

  // drag-and-drop: a bad file first, then a good one
  const drop = (text, file) => page.evaluate(([t, f]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], f, { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [text, file]);
  await drop(BAD, 'dropped.json');
  await page.waitForSelector('#dialog[open] .problems');
  assert.match(await page.textContent('#dialog'), /dropped\.json/);
  await page.keyboard.press('Escape');
  assert.equal(await page.inputValue('#model-name'), name);
  await drop(GOOD, 'dropped-good.json');
  await page.waitForFunction(() => document.getElementById('model-name').value === 'Imported Co');
  assert.equal(await page.isHidden('#drop-zone'), true);
  assert.deepEqual(page.problems, []);
});

test('every export is a valid file', async () => {
  const page = await open(env);
  await page.fill('#model-name', 'Export <Test> & Co');
  await page.press('#model-name', 'Enter');

  const json = await download(page, 'json');
  assert.match(json.name, /^export-test-co\.json$/);
  const model = JSON.parse(json.bytes.toString('utf8'));
  assert.equal(model.schema, 'workforce-ecosystem/v1');
  assert.equal(model.name, 'Export <Test> & Co');
  const problems = await page.evaluate(async (text) => {
    const { Workspace } = await import('./pkg/workforce_ecosystem.js');
    return Workspace.problems(text);
  }, json.bytes.toString('utf8'));
  assert.deepEqual(problems, [], 'the exported JSON validates');

  const svg = await download(page, 'svg');
  assert.match(svg.name, /\.svg$/);
  // parsed in a blank page: the page's policy rightly refuses the SVG's <style> in its own documents
  const scratch = await page.context().newPage();
  const svgCheck = await scratch.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.localName,
      cells: doc.querySelectorAll('.cell').length,
      style: doc.querySelectorAll('style').length,
      title: doc.querySelector('title')?.textContent,
    };
  }, svg.bytes.toString('utf8'));
  await scratch.close();
  assert.equal(svgCheck.error, null);
  assert.equal(svgCheck.root, 'svg');
  assert.equal(svgCheck.cells, 24);
  assert.equal(svgCheck.style, 1, 'a standalone SVG carries its stylesheet');
  assert.match(svgCheck.title, /Export <Test> & Co/);

  const png = await download(page, 'png');
  assert.match(png.name, /\.png$/);
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const size = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4 * 97) if (data[i] !== data[i + 1] || data[i + 1] !== data[i + 2]) coloured += 1;
    return { width: bitmap.width, height: bitmap.height, coloured };
  }, png.bytes.toString('base64'));
  assert.ok(size.width >= 800 && size.height >= 600, JSON.stringify(size));
  assert.ok(size.coloured > 100, 'the PNG shows the coloured cells, not a blank image');

  // the export reflects edits made in the page
  const again = await exportedModel(page);
  assert.equal(again.name, 'Export <Test> & Co');
  assert.deepEqual(page.problems, []);
});

test('Open ▸ Empty and ▸ Sample open new documents beside the work; without the sample file the page starts empty and says why', async () => {
  const page = await open(env);
  const sampleName = await page.inputValue('#model-name');
  await page.click('#open');
  await page.click('[data-open="empty"]');
  await page.waitForFunction((n) => document.querySelector('#model-name').value !== n, sampleName);
  assert.equal((await exportedModel(page)).assessments?.length ?? 0, 0);
  await page.click('#open');
  await page.click('[data-open="sample"]');
  await page.waitForFunction((n) => document.querySelector('#model-name').value === n, sampleName);
  assert.ok((await exportedModel(page)).assessments.length > 10);
  // the empty one is still there, beside the sample
  await page.click('#notice-back');
  await page.waitForFunction((n) => document.querySelector('#model-name').value !== n, sampleName);
  assert.equal((await exportedModel(page)).assessments?.length ?? 0, 0);

  // A host that did not copy models/sample.json: the page still opens, empty.
  const bare = await env.browser.newPage();
  await bare.route(`${env.origin}/models/sample.json`, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await bare.goto(`${env.origin}/`);
  await bare.waitForSelector('body[data-ready="true"]');
  assert.match(await bare.textContent('#notice-text'), /^The sample organization could not be loaded, so you start with an empty model \(could not load the sample organization from .*models\/sample\.json: HTTP 404/);
  assert.equal((await exportedModel(bare)).assessments?.length ?? 0, 0);
  await bare.close();
});
