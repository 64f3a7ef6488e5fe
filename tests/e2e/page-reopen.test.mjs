// Every file the page exports as a model opens again: the self-contained
// HTML page (its footer says it can), the assessments CSV and the JSON, by
// the file picker and by drag-and-drop, each as a new document beside the
// work, holding the same model. The core finds the model in the HTML and
// reads the CSV; an HTML file without a model is refused, naming the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup, open, exportedModel } from './page-helpers.mjs';

const env = setup();
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

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

/** Waits for the notice of a file opened as a new document; its way back is offered (once the work is stored). */
async function openedBeside(page, name, { back = true } = {}) {
  await page.waitForFunction(
    (n) => document.getElementById('notice-text')?.textContent.includes(`Opened ${n} as a new document`),
    name,
  );
  if (back) assert.ok(await page.isVisible('#notice-back'), `the work before ${name} is one click away`);
}

/** The names of the stored documents, from the Documents dialog. */
async function documentNames(page) {
  await page.click('#documents');
  await page.waitForSelector('#dialog[open] #doc-list li[data-doc]');
  const names = await page.$$eval('#doc-list li[data-doc] .doc-name', (els) => els.map((e) => e.textContent));
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.getElementById('dialog').open);
  return names;
}

test('the HTML, CSV and JSON exports open again by the picker as new documents holding the same model', async () => {
  const page = await open(env);
  assert.match(await page.getAttribute('#file-input', 'accept'), /\.html.*\.csv|\.csv.*\.html/);
  await page.fill('#model-name', 'Round <trip> & Co');
  await page.press('#model-name', 'Enter');
  await page.locator('#model-name').blur();
  const original = await exportedModel(page);
  const files = {
    html: await download(page, 'html'),
    csv: await download(page, 'csv'),
    json: await download(page, 'json'),
  };
  assert.match(files.html.bytes.toString('utf8'), /can be opened again/);
  let count = (await documentNames(page)).length;
  for (const [format, file] of Object.entries(files)) {
    await page.setInputFiles('#file-input', { name: file.name, mimeType: format === 'csv' ? 'text/csv' : `text/${format}`, buffer: file.bytes });
    await openedBeside(page, file.name);
    assert.deepEqual(await exportedModel(page), original, `the ${format} export reopens as the same model`);
    const names = await documentNames(page);
    assert.equal(names.length, count + 1, `the ${format} file opens beside the work, as a document of its own`);
    count = names.length;
    // back to the work for the next file
    await page.click('#notice-back');
    await page.waitForFunction(() => document.getElementById('model-name').value === 'Round <trip> & Co');
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a CSV opened is read by the core into a copy of the model on show; an HTML page without a model is refused by name', async () => {
  const page = await open(env);
  const csv = (await download(page, 'csv')).bytes.toString('utf8').replace(/^\uFEFF/, '');
  const lines = csv.split(/\r?\n/);
  const header = lines[0].split(',');
  const at = (row, col) => row.split(',')[header.indexOf(col)];
  const index = lines.findIndex((l, i) => i > 0 && at(l, 'theme') === 'integration' && at(l, 'player') === 'procurement' && at(l, 'unit') === 'ports');
  assert.ok(index > 0, csv);
  const cells = lines[index].split(',');
  cells[header.indexOf('current')] = '4';
  lines[index] = cells.join(',');
  // dropped, with a name that does not say CSV: the core knows it by its header
  const drop = (text, name, type) =>
    page.evaluate(([t, n, ty]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], n, { type: ty }));
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, [text, name, type]);
  await drop(lines.join('\n'), 'scores.txt', 'text/plain');
  await openedBeside(page, 'scores.txt', { back: false }); // (the untouched sample is not stored)
  const changed = await exportedModel(page);
  const cell = changed.assessments.find((a) => a.theme === 'integration' && a.player === 'procurement' && a.unit === 'ports');
  assert.equal(cell.current, 4);
  assert.equal(changed.name, 'Harbourline Group');
  assert.equal(changed.contributors.length, 8, 'the rest of the model is the one on show');

  // the exported HTML page, dropped
  const html = (await download(page, 'html')).bytes.toString('utf8');
  await drop(html, 'dropped-export.html', 'text/html');
  await openedBeside(page, 'dropped-export.html');
  assert.deepEqual(await exportedModel(page), changed);

  // the report is an HTML page too, but carries no model
  const report = await download(page, 'report-html');
  await page.setInputFiles('#file-input', { name: report.name, mimeType: 'text/html', buffer: report.bytes });
  await page.waitForSelector('#dialog[open] .problems');
  const text = await page.textContent('#dialog');
  assert.ok(text.includes(report.name), 'the message names the file');
  assert.match(text, /this HTML page carries no model: only the page made by Export ▸ Self-contained HTML can be opened/);
  assert.match(text, /unchanged/);
  await page.keyboard.press('Escape');
  assert.deepEqual(await exportedModel(page), changed, 'the work on show is untouched');

  // the page's picture and Markdown report are said for what they are, not as broken text
  for (const [kind, said] of [
    ['svg', /this file is a drawing of the diagram \(SVG\), not a model/],
    ['png', /this file is a PNG image, not a model/],
    ['report-md', /this file is a Markdown document \(a report\?\), not a model/],
  ]) {
    const file = await download(page, kind);
    await page.setInputFiles('#file-input', { name: file.name, mimeType: 'application/octet-stream', buffer: file.bytes });
    await page.waitForSelector('#dialog[open] .problems');
    const shown = await page.textContent('#dialog');
    assert.match(shown, said, kind);
    assert.doesNotMatch(shown, /UTF-8|problems:/, kind);
    await page.keyboard.press('Escape');
  }
  assert.deepEqual(await exportedModel(page), changed, 'the work on show is untouched');
  assert.deepEqual(page.problems, []);
  await page.close();
});

/** A model just under the 10 MB limit: 100 units of 24 cells with long notes (as `wfe` tests it). */
function nearLimitModel() {
  const LIMIT = 10 * 1024 * 1024;
  const players = ['senior-leaders', 'procurement', 'finance-legal', 'business-unit-leaders', 'it', 'hr'];
  const themes = ['leadership', 'integration', 'technology', 'management'];
  const units = Array.from({ length: 100 }, (_, u) => ({ id: `u${u}`, label: `Unit ${u}` }));
  const of = (chars) => {
    const note = `${'x'.repeat(chars)}<b>&</b>`;
    const assessments = units.flatMap((u) => themes.flatMap((theme) => players.map((player) => ({ theme, player, unit: u.id, current: 1, target: 3, note }))));
    return JSON.stringify({ schema: 'workforce-ecosystem/v1', name: 'Big', units, assessments });
  };
  const first = Buffer.byteLength(of(4000));
  const text = of(4000 + Math.floor((LIMIT - 1000 - first) / 2400));
  assert.ok(Buffer.byteLength(text) <= LIMIT && Buffer.byteLength(text) > LIMIT - 4000);
  return text;
}

test('an exported page over 10 MB, of a model just under the limit, opens again; a JSON over 10 MB is refused by the core', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wfe-reopen-'));
  writeFileSync(join(dir, 'big.json'), nearLimitModel());
  // exported natively, as `wfe export` writes it (the page's Export writes the same document)
  execFileSync('cargo', ['run', '--quiet', '--bin', 'wfe', '--', 'export', join(dir, 'big.json'), '-o', join(dir, 'big.html')], { cwd: ROOT });
  const html = readFileSync(join(dir, 'big.html'));
  assert.ok(html.length > 10 * 1024 * 1024, `the page is ${html.length} bytes`);
  const page = await open(env);
  await page.setInputFiles('#file-input', { name: 'big.html', mimeType: 'text/html', buffer: html });
  await page.waitForFunction(() => document.getElementById('notice-text')?.textContent.includes('Opened big.html as a new document'), null, { timeout: 60_000 });
  const model = await exportedModel(page);
  assert.equal(model.assessments.length, 2400);
  assert.equal(model.units.length, 100);
  // Anything else over 10 MB is not a model.
  await page.setInputFiles('#file-input', { name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(' '.repeat(11 * 1024 * 1024)) });
  await page.waitForSelector('#dialog[open]');
  assert.match(await page.textContent('#dialog'), /the file is 11 MB; the limit is 10 MB/);
});
