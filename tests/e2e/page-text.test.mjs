// The editor's Text pane as a user tries it: the model as text, a score
// changed in the diagram shows in the text, a line changed in the text
// shows in the diagram, a broken line is marked at its line while the
// diagram keeps the last valid model, and the broken text is never
// replaced behind the user's back. Screenshots at 1366 px and 390 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, cell, openCell, setField, exportedModel } from './page-helpers.mjs';

const env = setup();

/** Types `text` into the Text pane as a whole and waits for the pane to read it. */
async function typeText(page, text) {
  const reads = await page.$eval('#text-status', (s) => Number(s.dataset.reads ?? 0));
  await page.fill('#model-text', text);
  await page.waitForFunction((n) => Number(document.querySelector('#text-status').dataset.reads ?? 0) > n, reads, {
    timeout: 5000,
  });
}

test('the Text pane shows the model, follows the diagram and drives it', async () => {
  const page = await open(env);
  await page.click('#tab-text');
  await page.waitForSelector('#model-text');
  const first = await page.inputValue('#model-text');
  assert.match(first, /^name "Harbourline Group"\n\nunit ports "Ports and terminals"\n/);
  assert.match(first, /\nscore hr integration 1 -> 2 unit ports note "HR sees crew members only when an incident report names them\."\n/);
  assert.equal(await page.textContent('#text-status'), 'The text and the diagram agree.');

  // The diagram → the text.
  await openCell(page, 'integration', 'hr');
  await setField(page, 'u:ports', 'current', 2);
  await page.click('#tab-text');
  const edited = await page.inputValue('#model-text');
  assert.match(edited, /\nscore hr integration 2 -> 2 unit ports note "HR sees crew/);
  assert.equal(edited.split('\n').length, first.split('\n').length);

  // The text → the diagram: HR × integration to 4 in ports, so the mean of ports and retail (1) is 2.5.
  const mine = `# my note, kept while I type\n${edited.replace('score hr integration 2 -> 2 unit ports', 'score hr integration 4 -> 4 unit ports')}`;
  await typeText(page, mine);
  assert.equal((await cell(page, 'integration', 'hr')).value, '2.5');
  assert.equal(await page.inputValue('#model-text'), mine, 'a valid text is left as typed (its comment too)');
  const model = await exportedModel(page);
  const a = model.assessments.find((x) => x.theme === 'integration' && x.player === 'hr' && x.unit === 'ports');
  assert.equal(a.current, 4);

  // A broken line: marked at its line, listed, and the diagram keeps the last valid model.
  const lines = mine.split('\n');
  const broken = [...lines.slice(0, 3), 'score hr integration lots', ...lines.slice(3)].join('\n');
  await typeText(page, broken);
  assert.equal(await page.textContent('#text-status'), '1 problem: the diagram shows the last valid model.');
  assert.equal(await page.getAttribute('#model-text', 'aria-invalid'), 'true');
  assert.deepEqual(await page.$$eval('.text-gutter .is-problem', (s) => s.map((e) => e.textContent)), ['! 4']);
  const problem = await page.textContent('#text-problems li');
  assert.equal(problem, 'Line 4, column 22: expected the current score (a number), found "lots"');
  assert.equal((await cell(page, 'integration', 'hr')).value, '2.5', 'the last valid diagram is kept');
  // The problem takes the caret to its place.
  await page.click('#text-problems button');
  const caret = await page.$eval('#model-text', (t) => [document.activeElement === t, t.selectionStart]);
  const at = lines.slice(0, 3).join('\n').length + 1 + 21;
  assert.deepEqual(caret, [true, at]);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ path: 'target/page-text-1366.png' });

  // The model changes elsewhere (undo) while the text is broken: the text stays, the pane says so.
  await page.click('#undo');
  assert.equal((await cell(page, 'integration', 'hr')).value, '1.5', 'undo brings back the diagram edit');
  await page.waitForSelector('.text-stale:not([hidden])');
  assert.equal(await page.inputValue('#model-text'), broken, 'the broken text is never replaced');
  await page.click('.text-stale button');
  assert.equal(await page.inputValue('#model-text'), edited, "the model's own text on request");
  assert.equal(await page.textContent('#text-status'), 'The text and the diagram agree.');
  assert.equal(await page.isHidden('.text-stale'), true);

  // Export ▸ Model as text gives that text; opened again, it is the same model.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await page.click('#export');
      await page.click('[data-export="text"]');
    })(),
  ]);
  assert.equal(download.suggestedFilename(), 'harbourline-group.txt');
  const { readFile } = await import('node:fs/promises');
  const exported = await readFile(await download.path(), 'utf8');
  assert.equal(exported, edited);
  const before = await exportedModel(page);
  await page.setInputFiles('#file-input', { name: 'org.txt', mimeType: 'text/plain', buffer: Buffer.from(exported) });
  await page.waitForFunction(() => document.getElementById('notice-text')?.textContent.includes('Opened org.txt as a new document'));
  assert.deepEqual(await exportedModel(page), before);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the Text pane on a phone', async () => {
  const page = await open(env, { viewport: { width: 390, height: 844 } });
  await page.click('#tab-text');
  await page.waitForSelector('#model-text');
  await typeText(page, 'name "Phone"\nscore hr integration 1 -> 3\nscore hr integration x\n');
  const box = await page.locator('.text-editor').boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 390, `the editor fits the phone: ${JSON.stringify(box)}`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scrolling: ${width}`);
  await page.locator('#pane-text').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'target/page-text-390.png', fullPage: false });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('at 1366 × 900 the text\'s problems are in sight beside the text box, with a draft kept', async () => {
  const page = await open(env, { viewport: { width: 1366, height: 900 } });
  await page.click('#tab-text');
  const text = await page.inputValue('#model-text');
  await page.fill('#model-text', text.replace(/score (\S+) (\S+) (\d)/, 'score $1 $2 x'));
  await page.waitForSelector('#text-problems li button');
  await page.waitForSelector('.text-draft:not([hidden])');
  const seen = await page.evaluate(() => {
    const pane = /** @type {HTMLElement} */ (document.getElementById('pane-text')).getBoundingClientRect();
    const inSight = (/** @type {string} */ sel) => {
      const r = /** @type {HTMLElement} */ (document.querySelector(sel)).getBoundingClientRect();
      return r.top >= pane.top && r.bottom <= Math.min(pane.bottom, innerHeight);
    };
    const box = /** @type {HTMLElement} */ (document.getElementById('model-text')).getBoundingClientRect();
    return { status: inSight('#text-status'), problem: inSight('#text-problems li button'), boxInPane: Math.min(box.bottom, pane.bottom) - box.top };
  });
  assert.equal(seen.status, true, 'the count of problems is in sight');
  assert.equal(seen.problem, true, 'the first problem is in sight');
  assert.ok(seen.boxInPane > 300, `the text box still has room (${seen.boxInPane} px in sight)`);
  assert.deepEqual(page.problems, []);
});
