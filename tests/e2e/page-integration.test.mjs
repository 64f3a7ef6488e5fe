// The teaching and embedding pieces as the main page offers them: the extra
// exports (self-contained HTML, reports, assessments CSV), assessments read
// from CSV (undoable, refused with row and column), the embed snippet in the
// share dialog, the language switch and the classroom link in the header,
// and a print stylesheet that keeps the diagram and the findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setup, open, cell, openCell, setField, startScenario } from './page-helpers.mjs';

const env = setup();

async function download(page, format) {
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await page.click('#export');
      await page.click(`[data-export="${format}"]`);
    })(),
  ]);
  return { name: d.suggestedFilename(), text: await readFile(await d.path(), 'utf8') };
}

async function importCsv(page, name, text) {
  await page.click('#open');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-open="csv"]')]);
  await chooser.setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

test('the new exports download valid files of the right kind, named safely', async () => {
  const page = await open(env);
  // a name that tries to choose the file's folder and carries control characters
  await page.fill('#model-name', '../../etc/pa\u0007ss<x>');
  await page.press('#model-name', 'Enter');
  const name = await page.inputValue('#model-name');
  assert.match(name, /etc/);

  const html = await download(page, 'html');
  assert.match(html.name, /^[\p{L}\p{N}-]+\.html$/u);
  assert.match(html.text, /^<!doctype html>/i);
  assert.match(html.text, /<svg[\s>]/);
  assert.match(html.text, /class="cell/);

  const report = await download(page, 'report-html');
  assert.match(report.name, /^[\p{L}\p{N}-]+-report\.html$/u);
  assert.match(report.text, /^<!doctype html>/i);
  assert.match(report.text, /<h1/);

  const md = await download(page, 'report-md');
  assert.match(md.name, /^[\p{L}\p{N}-]+-report\.md$/u);
  assert.match(md.text, /^# \S/m);

  const csv = await download(page, 'csv');
  assert.match(csv.name, /^[\p{L}\p{N}-]+-assessments\.csv$/u);
  assert.ok(csv.text.replace(/^\ufeff/, '').startsWith('theme,player,unit,current,target,weight,note\r\n'), csv.text.slice(0, 80));
  assert.ok(csv.text.split('\r\n').filter(Boolean).length > 2, 'the sample has assessments');

  for (const f of [html, report, md, csv]) {
    assert.doesNotMatch(f.name, /[/\\\u0000-\u001f<>]|\.\./, f.name);
    assert.match(f.name, /^etc-pa-ss-x/);
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the HTML export of a what-if is titled with the what-if and the date, once', async () => {
  const page = await open(env);
  await startScenario(page, 'Hire <b>two</b> & co');
  const today = await page.evaluate(() => new Date().toISOString().slice(0, 10));
  const { text } = await download(page, 'html');
  const doc = await page.context().newPage();
  await doc.setContent(text);
  const shown = await doc.textContent('header .shown');
  assert.match(shown, /What-if: Hire <b>two<\/b> & co/, shown);
  assert.ok(shown.endsWith(today), shown);
  // The header is the title block; the diagram below does not say it again.
  assert.equal(await doc.textContent('header h1'), await page.inputValue('#model-name'));
  assert.equal(await doc.$$eval('svg .caption', (c) => c.length), 0);
  // The name is text, never markup.
  assert.equal(await doc.$$eval('header b, svg b', (b) => b.length), 0);
  await doc.close();
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a what-if exports its comparison with the baseline, and its report says it is a what-if', async () => {
  const page = await open(env);
  // the items shown (not merely not [hidden]: a stylesheet's display beat the attribute once)
  const items = () => page.$$eval('#export-menu [role="menuitem"]', (b) => b.filter((x) => x.checkVisibility()).map((x) => x.dataset.export));
  await page.click('#export');
  assert.ok(!(await items()).includes('comparison-html'), 'on the baseline there is nothing to compare');
  await page.keyboard.press('Escape');
  await startScenario(page, 'Hire <b>two</b>');
  await openCell(page, 'integration', 'hr');
  await setField(page, 'u:ports', 'current', 4);
  await page.click('#export');
  assert.deepEqual((await items()).filter((x) => x.startsWith('comparison')), ['comparison-html', 'comparison-md']);
  await page.keyboard.press('Escape');

  const md = await download(page, 'comparison-md');
  assert.match(md.name, /-hire-b-two-b-comparison\.md$/);
  assert.match(md.text, /^# Scenario comparison — Harbourline Group → Hire \\<b\\>two\\<\/b\\>/);
  assert.match(md.text, /Integration architectures/, 'the changed cell');
  const html = await download(page, 'comparison-html');
  const doc = await page.context().newPage();
  await doc.setContent(html.text);
  assert.match(await doc.title(), /^Harbourline Group — what-if “Hire <b>two<\/b>” — scenario comparison$/);
  assert.equal(await doc.$$eval('main b', (b) => b.length), 0, 'the name is text');
  await doc.close();

  // the analysis report of a what-if is titled as one
  const report = await download(page, 'report-md');
  assert.match(report.text, /^# Workforce ecosystem analysis — Harbourline Group — what-if “Hire/);
  // back on the baseline the comparison is not offered
  await page.click('#scenario-bar [data-scenario="baseline"]');
  await page.click('#export');
  assert.ok(!(await items()).includes('comparison-md'), 'on the baseline again');
  await page.keyboard.press('Escape');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('assessments from CSV change a cell on the diagram, as one undoable step', async () => {
  const page = await open(env);
  const csv = (await download(page, 'csv')).text;
  const before = await cell(page, 'technology', 'it');
  // every technology × it row gets the current score 4 (the scale's top is at least 4)
  const lines = csv.split('\r\n');
  const header = lines[0].replace(/^\ufeff/, '').split(',');
  const [ti, pi, ci] = ['theme', 'player', 'current'].map((c) => header.indexOf(c));
  let changed = 0;
  const edited = lines.map((line, i) => {
    const cells = line.split(',');
    if (i === 0 || cells[ti] !== 'technology' || cells[pi] !== 'it') return line;
    changed += 1;
    cells[ci] = '4';
    return cells.join(',');
  }).join('\r\n');
  assert.ok(changed > 0, 'the sample assesses technology × it');
  assert.notEqual(edited, csv);

  await importCsv(page, 'edited.csv', edited);
  await page.waitForFunction(([b]) => {
    const v = [...document.querySelectorAll('#diagram .cell-value')].find((c) => c.dataset.theme === 'technology' && c.dataset.player === 'it');
    return v && v.textContent !== b;
  }, [before.value]);
  const after = await cell(page, 'technology', 'it');
  assert.notEqual(after.value, before.value);
  assert.match(after.value, /^4/);
  assert.match(await page.textContent('#notice'), /edited\.csv/);

  await page.click('#undo');
  await page.waitForFunction(([b]) => {
    const v = [...document.querySelectorAll('#diagram .cell-value')].find((c) => c.dataset.theme === 'technology' && c.dataset.player === 'it');
    return v && v.textContent === b;
  }, [before.value]);
  assert.deepEqual(await cell(page, 'technology', 'it'), before);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a CSV imported into a what-if changes that what-if only', async () => {
  const page = await open(env);
  const before = await cell(page, 'technology', 'it');
  await startScenario(page, 'Imported scores');
  const csv = (await download(page, 'csv')).text;
  const lines = csv.split('\r\n');
  const header = lines[0].replace(/^\ufeff/, '').split(',');
  const [ti, pi, ci] = ['theme', 'player', 'current'].map((c) => header.indexOf(c));
  const edited = lines
    .map((line, i) => {
      const cells = line.split(',');
      if (i > 0 && cells[ti] === 'technology' && cells[pi] === 'it') cells[ci] = '4';
      return cells.join(',');
    })
    .join('\r\n');
  await importCsv(page, 'what-if.csv', edited);
  await page.waitForFunction(([b]) => {
    const v = [...document.querySelectorAll('#diagram .cell-value')].find((c) => c.dataset.theme === 'technology' && c.dataset.player === 'it');
    return v && v.textContent !== b;
  }, [before.value]);
  // Still in the what-if, which now differs from the baseline.
  assert.match(await page.textContent('#scenario-banner'), /Imported scores/);
  assert.equal(await page.isVisible('#scenario-banner'), true);
  assert.match((await cell(page, 'technology', 'it')).value, /^4/);
  // The baseline kept its scores.
  await page.click('#scenario-bar [data-scenario="baseline"]');
  await page.waitForSelector('#scenario-banner', { state: 'hidden' });
  assert.deepEqual(await cell(page, 'technology', 'it'), before);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a bad CSV shows its row and column and keeps the model', async () => {
  const page = await open(env);
  const name = await page.inputValue('#model-name');
  const before = await cell(page, 'integration', 'hr');
  await importCsv(page, 'bad.csv', 'theme,player,current,note\nintegration,hr,three,x\nleadership,nobody,1,\n');
  await page.waitForSelector('#dialog[open] .problems');
  const dialog = await page.textContent('#dialog');
  assert.match(dialog, /bad\.csv/);
  assert.match(dialog, /could not be imported/);
  assert.match(dialog, /unchanged/);
  const problems = await page.$$eval('#dialog .problems li', (els) => els.map((e) => e.textContent));
  assert.ok(problems.some((p) => /row 2, column current/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /row 3, column player/.test(p)), problems.join('\n'));
  await page.keyboard.press('Escape');
  assert.equal(await page.inputValue('#model-name'), name);
  assert.deepEqual(await cell(page, 'integration', 'hr'), before);
  assert.equal(await page.$eval('#undo', (b) => b.disabled), true);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the share dialog offers the embed snippet of the model on show', async () => {
  const page = await open(env);
  await page.fill('#model-name', 'Acme </script><b>');
  await page.press('#model-name', 'Enter');
  await page.click('#share');
  await page.waitForSelector('#dialog[open] #embed-snippet');
  const snippet = await page.inputValue('#embed-snippet');
  assert.match(snippet, /<workforce-ecosystem[\s>]/);
  assert.match(snippet, /<script type="module" src="\/wfe\/element\.js"><\/script>/);
  // the model inline, its name unable to close the script
  const json = snippet.match(/<script type="application\/json">(.*)<\/script>/)[1];
  assert.equal(JSON.parse(json).name, 'Acme </script><b>');
  assert.equal(await page.$eval('#embed-snippet', (a) => a.readOnly), true);
  assert.ok(await page.isVisible('#embed-copy'));
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the header switches to French and links to the classroom page without any data', async () => {
  const page = await open(env);
  assert.equal(await page.textContent('#export'), 'Export');
  const href = await page.getAttribute('#teach-link', 'href');
  assert.equal(href, 'teach.html');
  await page.selectOption('.topbar .lang select', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.equal(await page.textContent('#export'), 'Exporter');
  assert.equal(await page.textContent('#share'), 'Partager');
  assert.equal(await page.textContent('#teach-link'), 'Enseigner');
  assert.equal(await page.textContent('#display-toggle'), (await import('../../www/i18n/fr.js')).default['toolbar.table']);
  await page.click('#export');
  assert.equal(await page.textContent('[data-export="csv"]'), 'Évaluations (CSV)');
  await page.keyboard.press('Escape');
  // remembered on the next visit in this browser
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.textContent('#share'), 'Partager');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('printing shows the model name, the diagram and the findings, without the controls', async () => {
  const page = await open(env);
  await page.click('#tab-readiness');
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  const seen = await page.evaluate(() => {
    const shown = (sel) => {
      const el = document.querySelector(sel);
      return Boolean(el) && el.checkVisibility();
    };
    return {
      title: document.getElementById('print-title').textContent,
      titleShown: shown('#print-title'),
      diagram: shown('#diagram svg'),
      findings: shown('#pane-findings .finding-text'),
      topbar: shown('.topbar'),
      toolbar: shown('.toolbar'),
      tabs: shown('.tabs'),
      readiness: shown('#pane-readiness'),
    };
  });
  assert.deepEqual(seen, {
    title: await page.inputValue('#model-name'),
    titleShown: true,
    diagram: true,
    findings: true,
    topbar: false,
    toolbar: false,
    tabs: false,
    readiness: false,
  });
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.isVisible('#print-title'), false);
  assert.deepEqual(page.problems, []);
  await page.close();
});
