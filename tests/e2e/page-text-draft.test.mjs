// A text with problems typed in the Text pane is the user's work too: it
// changes nothing in the model, but it is kept as a draft of its document
// and comes back after a reload or a tab closed before its save, with its
// problems listed, the diagram on the last valid model and a notice saying
// where it is. It goes once it is resolved (valid, the model's text taken
// instead, or discarded), never shows in another document, and a second
// tab of the document neither takes it nor writes over it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setup, open, cell, storedDocs, storedDrafts, startScenario, axeViolations } from './page-helpers.mjs';

const env = setup();

/** The sample's line for HR × integration in ports, and the cell's mean with it at `n` (retail is 1). */
const PORTS_LINE = /score hr integration \d -> \d unit ports/;
const withPorts = (text, n) => text.replace(PORTS_LINE, `score hr integration ${n} -> ${n} unit ports`);
/** A broken line after the first three: one problem, at line 4. */
const PROBLEM = 'Line 4, column 22: expected the current score (a number), found "lots"';
const breakIt = (text) => {
  const lines = text.split('\n');
  return [...lines.slice(0, 3), 'score hr integration lots', ...lines.slice(3)].join('\n');
};

/** HR × integration's current score in ports, in a stored document's text. */
const storedPorts = (doc) => JSON.parse(doc.text).baseline.assessments.find((a) => a.theme === 'integration' && a.player === 'hr' && a.unit === 'ports')?.current;

/** Waits until `check(value)` holds for `read(page)`; returns the value. */
async function waitFor(page, read, check, what) {
  const until = Date.now() + 10_000;
  for (;;) {
    const value = await read(page);
    if (check(value)) return value;
    if (Date.now() > until) assert.fail(`${what} never came: ${JSON.stringify(value).slice(0, 300)}`);
    await page.waitForTimeout(100);
  }
}

/** Types `text` into the Text pane as a whole and waits for the pane to read it. */
async function typeText(page, text) {
  const reads = await page.$eval('#text-status', (s) => Number(s.dataset.reads ?? 0));
  await page.fill('#model-text', text);
  await page.waitForFunction((n) => Number(document.querySelector('#text-status').dataset.reads ?? 0) > n, reads);
}

async function textTab(page) {
  await page.click('#tab-text');
  await page.waitForSelector('#model-text');
  return page.inputValue('#model-text');
}

/** A page of the same browser (same storage), ready. */
async function tab(context) {
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (err) => page.problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push(`console: ${msg.text()}`);
  });
  await page.goto(`${env.origin}/`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** The page says a draft was restored; its Text tab holds `draft` with its problem listed. */
async function assertRestored(page, draft) {
  await page.waitForSelector('#notice:not([hidden]) #draft-show');
  assert.match(await page.textContent('#notice-text'), /An unfinished text draft was restored: it is in the Text tab/);
  await page.click('#draft-show');
  await page.waitForSelector('#model-text');
  assert.equal(await page.inputValue('#model-text'), draft, 'the draft as typed');
  await page.waitForFunction(() => document.getElementById('text-status').classList.contains('is-broken'));
  assert.equal(await page.textContent('#text-status'), '1 problem: the diagram shows the last valid model.');
  assert.equal(await page.textContent('#text-problems li'), PROBLEM);
  assert.equal(await page.isVisible('#text-discard'), true, 'a way to discard it');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-text', 'the notice took focus to the tab');
}

test('a text with problems survives a reload; made valid it replaces the model and goes; discarded it goes', async () => {
  const page = await open(env);
  const first = await textTab(page);
  // a valid edit: HR × integration at 4 in ports, the mean of ports and retail 2.5
  const valid = withPorts(first, 4);
  await typeText(page, valid);
  assert.equal((await cell(page, 'integration', 'hr')).value, '2.5');
  const draft = breakIt(valid);
  await typeText(page, draft);
  assert.equal(await page.textContent('#text-status'), '1 problem: the diagram shows the last valid model.');
  assert.match(await page.textContent('.text-draft'), /kept in this browser as a draft until it is valid/);
  const [doc] = await waitFor(page, storedDocs, (d) => d.length === 1 && storedPorts(d[0]) === 4, 'the valid edit’s save');
  const kept = await waitFor(page, storedDrafts, (d) => d.length === 1, 'the draft');
  assert.deepEqual(kept, [{ doc: doc.id, scenario: '', text: draft }]);

  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal((await cell(page, 'integration', 'hr')).value, '2.5', 'the diagram shows the last valid model');
  await page.waitForSelector('#notice:not([hidden]) #draft-show');
  // serious ones, as for the other notices (a notice is not in a landmark: moderate)
  const serious = async (state) => (await axeViolations(page, state)).filter((v) => /\((serious|critical)\)/.test(v));
  assert.deepEqual(await serious('the notice'), []);
  await assertRestored(page, draft);
  assert.deepEqual(await serious('the draft in the pane'), []);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ path: 'target/page-text-draft-1366.png' });

  // fixed: valid, it replaces the model, and the draft goes
  const fixed = withPorts(valid, 3);
  await typeText(page, fixed);
  assert.equal(await page.textContent('#text-status'), 'The text and the diagram agree.');
  assert.equal((await cell(page, 'integration', 'hr')).value, '2.0');
  assert.equal(await page.isHidden('.text-draft'), true);
  await waitFor(page, storedDrafts, (d) => d.length === 0, 'the draft’s removal');
  await waitFor(page, storedDocs, (d) => storedPorts(d[0]) === 3, 'the fixed model’s save');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal((await cell(page, 'integration', 'hr')).value, '2.0');
  assert.equal(await page.$('#draft-show'), null, 'no draft is offered');
  assert.equal(await textTab(page), fixed, 'the model’s text');

  // discarded from the notice: gone, the pane shows the model's text
  await typeText(page, breakIt(fixed));
  await waitFor(page, storedDrafts, (d) => d.length === 1, 'the second draft');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#tab-text');
  await page.waitForFunction(() => /lots/.test(document.getElementById('model-text')?.value ?? ''));
  await page.click('#draft-discard');
  await waitFor(page, storedDrafts, (d) => d.length === 0, 'the discarded draft’s removal');
  await page.waitForFunction(() => !/lots/.test(document.getElementById('model-text').value));
  assert.equal(await page.textContent('#text-status'), 'The text and the diagram agree.');

  // discarded from the pane: the model's text, nothing kept
  await typeText(page, breakIt(fixed));
  await waitFor(page, storedDrafts, (d) => d.length === 1, 'the third draft');
  await page.click('#text-discard');
  assert.doesNotMatch(await page.inputValue('#model-text'), /lots/);
  await waitFor(page, storedDrafts, (d) => d.length === 0, 'the draft discarded in the pane');
  assert.equal((await cell(page, 'integration', 'hr')).value, '2.0', 'the model stays as it was');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a passing notice in front of the restored draft’s notice gives it back when it goes', async () => {
  const page = await open(env);
  const draft = breakIt(await textTab(page));
  await typeText(page, draft);
  await waitFor(page, storedDrafts, (d) => d.length === 1, 'the draft');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#notice:not([hidden]) #draft-show');
  const restored = await page.textContent('#notice-text');
  // a what-if started and discarded: its notice, with Undo, takes the line
  await startScenario(page, 'Passing');
  await page.click('#scenario-discard');
  await page.waitForSelector('#notice:not([hidden]) #notice-undo');
  assert.match(await page.textContent('#notice-text'), /Passing/);
  assert.equal(await page.$('#draft-show'), null);
  // closed, it gives the line back to the draft's notice, with its answers
  await page.click('#notice button[aria-label="Close this message"]');
  await page.waitForSelector('#notice:not([hidden]) #draft-show');
  assert.equal(await page.textContent('#notice-text'), restored);
  // so does its Undo: the what-if is back, and so is the draft's notice
  await startScenario(page, 'Passing again');
  await page.click('#scenario-discard');
  await page.click('#notice-undo');
  await page.waitForSelector('#notice:not([hidden]) #draft-show');
  assert.equal(await page.textContent('#notice-text'), restored);
  assert.match(await page.textContent('#scenario-bar'), /Passing again/);
  // closed itself, it is gone for good
  await page.click('#notice button[aria-label="Close this message"]');
  assert.equal(await page.isHidden('#notice'), true);
  await page.click('#scenario-discard');
  await page.click('#notice button[aria-label="Close this message"]');
  assert.equal(await page.isHidden('#notice'), true, 'nothing came back');
  assert.deepEqual(page.problems, []);
});

test('a text with problems typed on a first visit survives the tab closed at once, before any save', async () => {
  const page = await open(env);
  const context = page.context();
  const draft = breakIt(await textTab(page));
  await page.fill('#model-text', draft); // closed before the pane reads it or anything is saved
  await page.close();
  const again = await tab(context);
  await assertRestored(again, draft);
  assert.equal((await cell(again, 'integration', 'hr')).value, '1.0', 'the sample as it was');
  const [doc] = await storedDocs(again);
  assert.deepEqual(await storedDrafts(again), [{ doc: doc.id, scenario: '', text: draft }]);
  assert.deepEqual(again.problems, []);
  await context.close();
});

test('a draft stays with its document and its tab: another document, a second tab', async () => {
  const a = await open(env);
  const context = a.context();
  const model = await textTab(a);
  const draft = breakIt(model);
  await typeText(a, draft);
  await waitFor(a, storedDrafts, (d) => d.length === 1, 'the draft');

  // another document shows its own text, without problems
  await a.click('#documents');
  await a.click('#dialog button[value="new"]');
  await a.waitForFunction(() => !document.getElementById('dialog').open);
  await a.waitForFunction(() => !/lots/.test(document.getElementById('model-text').value));
  assert.equal(await a.textContent('#text-status'), 'The text and the diagram agree.');
  assert.equal(await a.isHidden('.text-draft'), true);
  // back to the first document: its draft again
  await a.click('#documents');
  await a.click('#doc-list li:not(.is-current) button.doc-name');
  await a.waitForFunction(() => !document.getElementById('dialog').open);
  await a.waitForFunction((text) => document.getElementById('model-text').value === text, draft);
  assert.equal(await a.textContent('#text-problems li'), PROBLEM);

  // a second tab of the document while A lives: the model, no draft taken from A
  const b = await tab(context);
  assert.equal(await b.$('#draft-show'), null);
  assert.doesNotMatch(await textTab(b), /lots/);
  // A closes: its draft is left for the next page, not lost or overwritten by B
  await a.close();
  assert.equal((await storedDrafts(b)).length, 1);
  const c = await tab(context);
  await assertRestored(c, draft);
  assert.deepEqual([...a.problems, ...b.problems, ...c.problems], []);
  await context.close();
});

test('a draft typed in a what-if is that what-if’s: the baseline shows its own text, a reload brings the draft back', async () => {
  const page = await open(env);
  await startScenario(page, 'Plan B');
  const draft = breakIt(await textTab(page));
  await typeText(page, draft);
  const [doc] = await waitFor(page, storedDocs, (d) => d.length === 1 && JSON.parse(d[0].text).scenarios?.length === 1, 'the what-if’s save');
  assert.deepEqual(await waitFor(page, storedDrafts, (d) => d.length === 1, 'the draft'), [{ doc: doc.id, scenario: 'Plan B', text: draft }]);
  // the baseline: its own text, no problems
  await page.click('.scenario-tab[data-scenario="baseline"]');
  await page.waitForFunction(() => !/lots/.test(document.getElementById('model-text').value));
  assert.equal(await page.textContent('#text-status'), 'The text and the diagram agree.');
  await page.click('.scenario-tab:not(.is-baseline)');
  await page.waitForFunction((text) => document.getElementById('model-text').value === text, draft);
  // a reload, on the what-if as it was left
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await assertRestored(page, draft);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a discarded what-if’s draft: Undo brings both back, after a reload too; a new what-if of its name starts from the model’s text', async () => {
  const page = await open(env);
  await startScenario(page, 'Plan B');
  const draft = breakIt(await textTab(page));
  await typeText(page, draft);
  await waitFor(page, storedDrafts, (d) => d.length === 1, 'the draft');
  const showsDraft = () => page.waitForFunction((text) => document.getElementById('model-text')?.value === text, draft);
  // discarded, then undone from its notice
  await page.click('#scenario-discard');
  await page.click('#notice-undo');
  await page.waitForSelector('.scenario-tab:not(.is-baseline)');
  await showsDraft();
  // discarded, the page reloaded, then undone
  await page.click('#scenario-discard');
  await page.waitForTimeout(600); // the autosave's quiet time
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#undo');
  await page.waitForSelector('.scenario-tab:not(.is-baseline)');
  await page.click('#tab-text');
  await showsDraft();
  assert.equal(await page.textContent('#text-problems li'), PROBLEM);
  // discarded for good: a new what-if of the same name is the baseline's copy
  await page.click('#scenario-discard');
  await startScenario(page, 'Plan B');
  await page.waitForFunction(() => !/lots/.test(document.getElementById('model-text').value));
  assert.equal(await page.textContent('#text-status'), 'The text and the diagram agree.');
  await waitFor(page, storedDrafts, (d) => d.length === 0, 'the old draft’s removal');
  assert.deepEqual(page.problems, []);
});

test('a what-if kept as the baseline takes its draft along; Undo takes it back, with what was typed into it meanwhile', async () => {
  const page = await open(env);
  await startScenario(page, 'Plan K');
  const draft = breakIt(await textTab(page));
  await typeText(page, draft);
  await waitFor(page, storedDrafts, (d) => d.length === 1 && d[0].scenario === 'Plan K', 'the what-if’s draft');
  await page.click('#scenario-keep');
  await page.waitForSelector('#scenario-banner', { state: 'hidden' });
  // the baseline is the what-if's model now, and its draft is the baseline's
  await page.waitForFunction((text) => document.getElementById('model-text').value === text, draft);
  assert.equal(await page.textContent('#text-problems li'), PROBLEM);
  await waitFor(page, async (p) => (await storedDrafts(p)).map((d) => d.scenario), (d) => d.length === 1 && d[0] === '', 'the draft, the baseline’s');
  // typed into, and undone before the pane has read what was typed: the
  // what-if is back with its draft as last typed, the baseline without one
  const typed = `${draft}\n# one more line`;
  await page.fill('#model-text', typed);
  await page.click('#notice-undo');
  await page.waitForSelector('#scenario-banner:not([hidden])');
  await page.waitForFunction((text) => document.getElementById('model-text').value === text, typed);
  await waitFor(page, storedDrafts, (d) => d.length === 1 && d[0].scenario === 'Plan K' && d[0].text === typed, 'the draft, the what-if’s again');
  await page.click('.scenario-tab[data-scenario="baseline"]');
  await page.waitForFunction(() => !/lots/.test(document.getElementById('model-text').value));
  assert.equal(await page.textContent('#text-status'), 'The text and the diagram agree.');
  assert.deepEqual(page.problems, []);
});

test('a renamed what-if keeps its draft: renamed with the Text tab hidden, the renaming undone and redone, a reload', async () => {
  const page = await open(env);
  await startScenario(page, 'Plan B');
  const draft = breakIt(await textTab(page));
  await typeText(page, draft);
  const [doc] = await waitFor(page, storedDocs, (d) => d.length === 1 && JSON.parse(d[0].text).scenarios?.length === 1, 'the what-if’s save');
  const stored = (name) => [{ doc: doc.id, scenario: name, text: draft }];
  await waitFor(page, storedDrafts, (d) => d.length === 1 && d[0].scenario === 'Plan B', 'the draft');
  // renamed from its banner while another tab is on show
  await page.click('#tab-findings');
  await page.click('#scenario-rename');
  await page.fill('#dialog input', 'Plan C');
  await page.click('#dialog button[value="rename"]');
  assert.deepEqual(await waitFor(page, storedDrafts, (d) => d.length === 1 && d[0].scenario === 'Plan C', 'the draft under the new name'), stored('Plan C'));
  assert.equal(await textTab(page), draft, 'the Text tab still holds it');
  // the renaming undone, then redone: the draft follows the name each time
  await page.click('#undo');
  assert.deepEqual(await waitFor(page, storedDrafts, (d) => d.length === 1 && d[0].scenario === 'Plan B', 'the draft back under the old name'), stored('Plan B'));
  assert.equal(await page.inputValue('#model-text'), draft);
  await page.click('#redo');
  await waitFor(page, storedDrafts, (d) => d.length === 1 && d[0].scenario === 'Plan C', 'the draft under the new name again');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await assertRestored(page, draft);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('two closed tabs’ drafts of one model: the latest restored, the other offered for download and restored in turn; beside a tab’s own draft, offered alone and discarded on request', async () => {
  const a = await open(env);
  const context = a.context();
  const model = await textTab(a);
  const older = breakIt(model);
  await typeText(a, older);
  await waitFor(a, storedDrafts, (d) => d.length === 1, 'the first tab’s draft');
  // a second tab of the same document types its own
  const b = await tab(context);
  const newer = breakIt(model).replace('score hr integration lots', 'score hr integration lots # the second tab');
  assert.doesNotMatch(await textTab(b), /lots/);
  await typeText(b, newer);
  await waitFor(b, storedDrafts, (d) => d.length === 2, 'both drafts');
  await a.close();
  await b.close();

  const c = await tab(context);
  await c.waitForSelector('#notice:not([hidden]) #draft-download-others');
  assert.match(await c.textContent('#notice-text'), /restored.*Other drafts of this model, left by tabs now closed, are kept aside\./s);
  const [download] = await Promise.all([c.waitForEvent('download'), c.click('#draft-download-others')]);
  assert.equal(download.suggestedFilename(), 'drafts-kept-aside.txt');
  const text = await readFile(await download.path(), 'utf8');
  assert.ok(text.startsWith('# baseline '), text.slice(0, 40));
  assert.ok(text.includes(older), 'the older draft, as typed');
  assert.equal(await textTab(c), newer, 'the latest is the one restored');
  assert.equal((await storedDrafts(c)).length, 2, 'the other is still kept');

  // the restored one discarded, the next load restores the other
  await c.click('#text-discard');
  await waitFor(c, storedDrafts, (d) => d.length === 1 && d[0].text === older, 'the restored draft’s removal');
  await c.reload();
  await c.waitForSelector('body[data-ready="true"]');
  await assertRestored(c, older);
  assert.doesNotMatch(await c.textContent('#notice-text'), /Other drafts/);

  // a tab keeping its own draft, while a closed tab left one of the same
  // model: coming back to the document, the other is offered on its own
  const d = await tab(context);
  const third = older.replace('score hr integration lots', 'score hr integration lots # a third tab');
  assert.equal((await textTab(d)).includes('lots'), false);
  await typeText(d, third);
  await waitFor(d, storedDrafts, (x) => x.length === 2, 'the third tab’s draft');
  await d.close();
  await c.click('#documents');
  await c.click('#dialog button[value="new"]');
  await c.waitForFunction(() => !document.getElementById('dialog').open);
  await c.click('#documents');
  await c.click('#doc-list li:not(.is-current) button.doc-name');
  await c.waitForFunction(() => !document.getElementById('dialog').open);
  await c.waitForSelector('#notice:not([hidden]) #draft-discard-others');
  assert.match(await c.textContent('#notice-text'), /kept aside, unchanged: download them to keep a copy, or discard them/);
  await c.click('#draft-discard-others');
  const left = await waitFor(c, storedDrafts, (x) => x.length === 1, 'the other draft’s removal');
  assert.equal(left[0].text, older, 'this tab’s own draft stays');
  assert.deepEqual([...a.problems, ...b.problems, ...c.problems, ...d.problems], []);
  await context.close();
});

test('a draft over the model size limit is refused, and the person is told', async () => {
  const page = await open(env);
  const model = await textTab(page);
  // over 10 MB: a comment line long enough
  const huge = `${model}# ${'x'.repeat(10 * 1024 * 1024)}\n`;
  await page.$eval('#model-text', (area, text) => {
    area.value = text;
    area.dispatchEvent(new Event('input'));
  }, huge);
  await page.waitForFunction(() => /over 10 MB/.test(document.getElementById('notice-text')?.textContent ?? ''), null, { timeout: 20_000 });
  assert.equal(await page.getAttribute('#notice', 'data-tone'), 'warning');
  assert.deepEqual(await storedDrafts(page), []);
  assert.equal(await page.isHidden('.text-draft'), true, 'the pane does not say it is kept');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a stored draft that cannot be read is kept aside and offered for download', async () => {
  const page = await open(env);
  const draft = breakIt(await textTab(page));
  await typeText(page, draft);
  await waitFor(page, storedDrafts, (d) => d.length === 1, 'the draft');
  // the tab closes; on disk, its draft is damaged (its text no longer text)
  const context = page.context();
  await page.close();
  const plain = await context.newPage();
  await plain.goto(`${env.origin}/favicon.svg`);
  await plain.evaluate(() => new Promise((ok) => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('wfe.unsaved-draft.')) localStorage.removeItem(key);
    const req = indexedDB.open('wfe-documents');
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction('drafts', 'readwrite');
      const store = tx.objectStore('drafts');
      const all = store.getAll();
      all.onsuccess = () => {
        for (const r of all.result) store.put({ ...r, text: { broken: true } });
      };
      tx.oncomplete = () => {
        db.close();
        ok();
      };
    };
  }));
  await plain.close();
  const again = await tab(context);
  await again.waitForSelector('#notice:not([hidden]) #draft-download');
  assert.match(await again.textContent('#notice-text'), /could not be read. It is kept aside, unchanged/);
  const [download] = await Promise.all([again.waitForEvent('download'), again.click('#draft-download')]);
  assert.equal(download.suggestedFilename(), 'draft-unreadable.txt');
  assert.equal((await storedDrafts(again)).length, 1, 'kept as it was');
  assert.doesNotMatch(await textTab(again), /lots/, 'not shown as a draft');
  assert.deepEqual(again.problems, []);
  await again.context().close();
});
