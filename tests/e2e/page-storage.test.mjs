// Where the editor keeps work and how it never loses it: documents in this
// browser's IndexedDB; a share link or a file opens beside the work, never
// over it; an unreadable save is kept aside untouched and offered for
// download; two tabs never write older work over newer and say when the
// other changed a document; files are decoded by the core's rules (a
// Latin-1 file is refused, UTF-16 read), in the editor and on the classroom
// page alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setup, open, cell, openCell, setField, startScenario, exportedModel, storedDocs } from './page-helpers.mjs';
import { openPage } from './harness.mjs';

const env = setup();

/** The link: a model named "Colleague link", as `#json=`. */
const LINK = '#json=eyJzY2hlbWEiOiJ3b3JrZm9yY2UtZWNvc3lzdGVtL3YxIiwibmFtZSI6IkNvbGxlYWd1ZSBsaW5rIn0';

/** Another page in the same browser context (same storage), ready. */
async function tab(context, path = '/') {
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => page.problems.push(`pageerror: ${err.message}`));
  await page.goto(`${env.origin}${path}`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}


/** Waits until the stored documents satisfy `check(docs)`; returns them. */
async function waitForDocs(page, check, what = 'the stored documents') {
  const until = Date.now() + 10_000;
  for (;;) {
    const docs = await storedDocs(page);
    if (check(docs)) return docs;
    if (Date.now() > until) assert.fail(`${what} never came: ${JSON.stringify(docs.map((d) => ({ name: d.name, rev: d.rev })))}`);
    await page.waitForTimeout(100);
  }
}

/** Replaces a stored document's text, as a damaged disk or another version would. */
function putText(page, id, text) {
  return page.evaluate(([docId, value]) => new Promise((ok, fail) => {
    const req = indexedDB.open('wfe-documents');
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction('texts', 'readwrite');
      tx.objectStore('texts').put({ id: docId, text: value });
      tx.oncomplete = () => {
        db.close();
        ok();
      };
      tx.onerror = () => fail(tx.error);
    };
  }), [id, text]);
}

async function downloaded(page, click) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: d.suggestedFilename(), text: await readFile(await d.path(), 'utf8') };
}

const session = (text) => JSON.parse(text);

test('a share link opens beside the saved work: the work keeps its what-if and its undo history', async () => {
  // the steps: edit, start a what-if, close the tab, open the link
  const page = await open(env);
  const context = page.context();
  await openCell(page, 'technology', 'it');
  await setField(page, 'u:ports', 'current', 4);
  const edited = await cell(page, 'technology', 'it');
  await startScenario(page, 'Keep me');
  await setField(page, 'u:retail', 'current', 4);
  const saved = await waitForDocs(page, (docs) => docs.length === 1
    && session(docs[0].text).scenarios.length === 1
    && session(docs[0].text).scenarios[0].model.assessments.some((a) => a.theme === 'technology' && a.player === 'it' && a.unit === 'retail' && a.current === 4));
  await page.close();

  const linked = await tab(context, `/${LINK}`);
  assert.equal(await linked.inputValue('#model-name'), 'Colleague link');
  assert.match(await linked.textContent('#notice-text'), /Opened the shared link as a new document/);
  await linked.waitForTimeout(1000); // the issue lost the work within 300 ms
  const docs = await storedDocs(linked);
  assert.equal(docs.length, 2, 'the link has a document of its own');
  const before = docs.find((d) => d.id === saved[0].id);
  assert.equal(before.text, saved[0].text, 'the saved work is untouched, what-if included');
  assert.equal(before.rev, saved[0].rev);
  assert.equal(session(docs.find((d) => d.id !== before.id).text).baseline.name, 'Colleague link');

  // back to the work: its what-if is on show as it was left
  await linked.click('#notice-back');
  await linked.waitForFunction(() => document.getElementById('model-name').value === 'Harbourline Group');
  assert.match(await linked.textContent('#scenario-banner'), /Keep me/);
  // and its undo history came with it, though the tab that made it is closed:
  // Undo takes back the what-if's last edit, Redo puts it back
  assert.equal(await linked.$eval('#undo', (b) => b.disabled), false, 'the history was kept with the document');
  const inWhatIf = await cell(linked, 'technology', 'it');
  await linked.click('#undo');
  assert.notDeepEqual(await cell(linked, 'technology', 'it'), inWhatIf);
  await linked.click('#redo');
  assert.deepEqual(await cell(linked, 'technology', 'it'), inWhatIf);
  await linked.click('#scenario-bar [data-scenario="baseline"]');
  const back = await cell(linked, 'technology', 'it');
  assert.deepEqual([back.value, back.label], [edited.value, edited.label]);

  // a link followed in a tab at work (hashchange) opens beside it too, and
  // the way back keeps this tab's undo history of the work
  await openCell(linked, 'leadership', 'hr');
  const unedited = await cell(linked, 'leadership', 'hr');
  await setField(linked, 'u:ports', 'current', 4);
  const changed = await cell(linked, 'leadership', 'hr');
  assert.notDeepEqual(changed, unedited);
  await linked.evaluate((hash) => { location.hash = hash; }, LINK.slice(1));
  await linked.waitForFunction(() => document.getElementById('model-name').value === 'Colleague link');
  await linked.click('#notice-back');
  await linked.waitForFunction(() => document.getElementById('model-name').value === 'Harbourline Group');
  assert.deepEqual(await cell(linked, 'leadership', 'hr'), changed);
  assert.equal(await linked.$eval('#undo', (b) => b.disabled), false, 'the history came back with the document');
  await linked.click('#undo');
  assert.deepEqual(await cell(linked, 'leadership', 'hr'), unedited);
  assert.equal((await waitForDocs(linked, (d) => d.length === 3)).length, 3);
  assert.deepEqual(linked.problems, []);
});

test('the Documents list switches, renames, exports and deletes, from the keyboard too', async () => {
  const page = await open(env);
  await page.fill('#model-name', 'First work');
  await page.press('#model-name', 'Enter');
  await page.locator('#model-name').blur();
  await page.evaluate((hash) => { location.hash = hash; }, LINK.slice(1));
  await page.waitForFunction(() => document.getElementById('model-name').value === 'Colleague link');
  await waitForDocs(page, (d) => d.length === 2);

  await page.focus('#documents');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#dialog[open] #doc-list li[data-doc]');
  const rows = () => page.$$eval('#doc-list li[data-doc]', (els) => els.map((e) => ({
    name: e.querySelector('.doc-name').textContent,
    current: e.classList.contains('is-current'),
    facts: e.querySelector('.doc-facts').textContent,
  })));
  let list = await rows();
  assert.deepEqual(list.map((r) => [r.name, r.current]), [['Colleague link', true], ['First work', false]]);
  assert.match(list[0].facts, /edited .* · on show/);
  // focus starts on the document on show; Tab reaches the other one's name
  const focused = () => page.evaluate(() => document.activeElement?.textContent);
  assert.equal(await focused(), 'Rename');

  // rename with the keyboard
  await page.keyboard.press('Enter');
  await page.waitForSelector('#doc-list input');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Colleague’s model');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('#doc-list .doc-name')].some((e) => e.textContent === 'Colleague’s model'));
  assert.equal(await focused(), 'Rename', 'focus comes back to the row');
  const stored = await waitForDocs(page, (d) => d.some((x) => x.name === 'Colleague’s model' && x.named));
  assert.equal(stored.length, 2);

  // export: the stored text as it is
  const id = await page.$eval('#doc-list li.is-current', (e) => e.dataset.doc);
  const file = await downloaded(page, () => page.click('#doc-list li.is-current [data-action="export"]'));
  assert.equal(file.name, 'colleague-s-model.session.json', 'told apart from the model export (colleague-s-model.json)');
  assert.equal(file.text, stored.find((d) => d.id === id).text);

  // switch to the other document
  await page.click('#doc-list button.doc-name');
  await page.waitForFunction(() => !document.getElementById('dialog').open);
  assert.equal(await page.inputValue('#model-name'), 'First work');

  // delete the one not on show, after a question
  await page.click('#documents');
  await page.waitForSelector('#dialog[open] #doc-list li[data-doc]');
  await page.click(`#doc-list li[data-doc="${id}"] [data-action="delete"]`);
  assert.match(await page.textContent(`#doc-list li[data-doc="${id}"]`), /Delete “Colleague’s model” from this browser\?/);
  await page.click(`#doc-list li[data-doc="${id}"] [data-action="confirm-delete"]`);
  await page.waitForFunction((docId) => !document.querySelector(`#doc-list li[data-doc="${docId}"]`), id);
  list = await rows();
  assert.deepEqual(list.map((r) => r.name), ['First work']);
  assert.equal((await waitForDocs(page, (d) => d.length === 1))[0].name, 'First work');
  await page.keyboard.press('Escape');
  assert.deepEqual(page.problems, []);
});

test('a reload stays on the tab’s own document; a new tab opens the one shown last', async () => {
  const a = await open(env);
  await a.fill('#model-name', 'Tab A’s work');
  await a.press('#model-name', 'Enter');
  await a.locator('#model-name').blur();
  await waitForDocs(a, (d) => d.length === 1);
  const b = await tab(a.context(), `/${LINK}`);
  assert.equal(await b.inputValue('#model-name'), 'Colleague link');
  await waitForDocs(b, (d) => d.length === 2);
  await a.reload();
  await a.waitForSelector('body[data-ready="true"]');
  assert.equal(await a.inputValue('#model-name'), 'Tab A’s work');
  const c = await tab(a.context());
  assert.equal(await c.inputValue('#model-name'), 'Tab A’s work', 'shown last, by the reload');
  assert.deepEqual([...a.problems, ...b.problems, ...c.problems], []);
});

/** A valid saved session of a small model, for damaging. */
function validSession(extra = {}) {
  return JSON.stringify({
    schema: 'workforce-ecosystem/session/v1',
    baseline: { schema: 'workforce-ecosystem/v1', name: 'Precious work', assessments: [{ theme: 'integration', player: 'hr', current: 2, target: 3 }] },
    scenarios: [{ name: 'Plan B', model: { schema: 'workforce-ecosystem/v1', name: 'Precious work', assessments: [{ theme: 'integration', player: 'hr', current: 3 }] } }],
    ...extra,
  });
}

const DAMAGED = [
  { what: 'corrupt JSON', text: validSession().replace('"scenarios":', '"scenarios": oops'), reason: /JSON/ },
  { what: 'a value out of range', text: validSession().replace('"current":2', '"current":99'), reason: /baseline\.assessments\[0\]\.current/ },
  { what: 'a field a newer version writes', text: validSession({ layout: { zoom: 2 } }), reason: /unknown field "layout"/ },
  { what: 'truncated text', text: validSession().slice(0, 120), reason: /JSON/ },
];

for (const { what, text, reason } of DAMAGED) {
  test(`an unreadable autosave (${what}) is kept aside untouched and offered for download; a new document opens beside it`, async () => {
    // the single autosave of earlier versions, as the page left it in localStorage
    const page = await openPage(env.browser, `${env.origin}/favicon.svg`);
    await page.evaluate((t) => localStorage.setItem('wfe.session.v1', t), text);
    await page.goto(`${env.origin}/`);
    await page.waitForSelector('body[data-ready="true"]');

    const notice = await page.textContent('#notice-text');
    assert.match(notice, /could not be read/);
    assert.match(notice, reason);
    assert.match(notice, /kept aside, unchanged/);
    assert.equal(await page.getAttribute('#notice', 'data-tone'), 'warning');
    assert.equal(await page.inputValue('#model-name'), 'Harbourline Group', 'the sample opens, as a new document');

    // moved into a document, text untouched, and never replaced by the sample
    await page.waitForTimeout(1200);
    let docs = await storedDocs(page);
    assert.equal(docs.length, 1);
    assert.equal(docs[0].text, text);
    assert.ok(docs[0].problem, 'the reason is kept with it');
    assert.equal(await page.evaluate(() => localStorage.getItem('wfe.session.v1')), null, 'moved, not copied');
    const file = await downloaded(page, () => page.click('#doc-download-unreadable'));
    assert.equal(file.text, text, 'the download is the stored text, byte for byte');
    assert.match(file.name, /-unreadable\.json$/);

    // working on the sample stores it beside the kept one
    await openCell(page, 'leadership', 'hr');
    await setField(page, 'u:ports', 'current', 4);
    docs = await waitForDocs(page, (d) => d.length === 2);
    assert.equal(docs.find((d) => d.problem).text, text);

    // the list shows it with its reason and a download
    await page.click('#documents');
    await page.waitForSelector('#dialog[open] #doc-list li.is-unreadable');
    assert.match(await page.textContent('#doc-list li.is-unreadable .doc-problem'), reason);
    const again = await downloaded(page, () => page.click('#doc-list li.is-unreadable [data-action="export"]'));
    assert.equal(again.text, text);
    await page.keyboard.press('Escape');

    // and it survives a reload
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    docs = await storedDocs(page);
    assert.equal(docs.length, 2);
    assert.equal(docs.find((d) => d.problem).text, text);
    assert.deepEqual(page.problems, []);
  });
}

test('a stored document damaged later is kept aside too, and offered for download', async () => {
  const page = await open(env);
  await openCell(page, 'leadership', 'hr');
  await setField(page, 'u:ports', 'current', 4);
  const [doc] = await waitForDocs(page, (d) => d.length === 1);
  const damaged = doc.text.slice(0, Math.floor(doc.text.length / 2));
  await putText(page, doc.id, damaged);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.match(await page.textContent('#notice-text'), /“Harbourline Group” could not be read .*kept aside, unchanged/);
  const file = await downloaded(page, () => page.click('#doc-download-unreadable'));
  assert.equal(file.text, damaged);
  await page.waitForTimeout(800);
  const docs = await storedDocs(page);
  assert.equal(docs.find((d) => d.id === doc.id).text, damaged, 'not replaced');
  assert.deepEqual(page.problems, []);
});

test('the earlier single autosave becomes the first document, readable and whole', async () => {
  const page = await openPage(env.browser, `${env.origin}/favicon.svg`);
  const text = validSession();
  await page.evaluate((t) => localStorage.setItem('wfe.session.v1', t), text);
  await page.goto(`${env.origin}/`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.inputValue('#model-name'), 'Precious work');
  assert.match(await page.textContent('#scenario-bar'), /Plan B/);
  assert.match(await page.textContent('#notice-text'), /restored/);
  const docs = await storedDocs(page);
  assert.deepEqual(docs.map((d) => [d.name, d.text]), [['Precious work', text]]);
  assert.equal(await page.evaluate(() => localStorage.getItem('wfe.session.v1')), null);
  assert.deepEqual(page.problems, []);
});

/**
 * Holds `page`'s autosave: its timers of the autosave's quiet time
 * (SAVE_DELAY in documents.js) wait until `release`, so that the tab holds
 * unsaved work when another tab's save comes. (Playwright's clock would
 * stop the page's frames too.)
 */
async function holdAutosave(page) {
  await page.evaluate(() => {
    const real = window.setTimeout;
    const held = [];
    // @ts-ignore a test's stand-in
    window.setTimeout = (fn, ms, ...args) => (ms === 300 ? held.push(fn) : real(fn, ms, ...args));
    // @ts-ignore
    window.releaseAutosave = () => {
      window.setTimeout = real;
      for (const fn of held.splice(0)) fn();
    };
  });
}

/** Lets `page`'s held autosave run (holdAutosave). */
const releaseAutosave = (page) => page.evaluate(() => /** @type {any} */ (window).releaseAutosave());

/** A saved document, then two tabs of the same browser that open it: A, then B. */
async function twoTabsOnOneDocument() {
  const first = await open(env);
  const context = first.context();
  await openCell(first, 'leadership', 'hr');
  await setField(first, 'u:ports', 'current', 3);
  const [doc] = await waitForDocs(first, (d) => d.length === 1);
  await first.close();
  const a = await tab(context);
  const b = await tab(context);
  return { context, doc, a, b };
}

for (const quick of [false, true]) {
  test(`two tabs: the idle one never writes its older state over the other’s work, and is told of it${quick ? ' (the other closed before its autosave)' : ''}`, async () => {
    // the steps: open A, open B, work in B, close B, close the idle A
    const { context, doc, a, b } = await twoTabsOnOneDocument();
    await openCell(b, 'integration', 'hr');
    await setField(b, 'u:retail', 'current', 4);
    const worked = await cell(b, 'integration', 'hr');
    if (!quick) {
      await waitForDocs(b, (d) => d[0].rev > doc.rev, 'tab B’s save');
      // A, with nothing unsaved, simply shows B's version and says so quietly: nothing to reload or keep
      await a.waitForFunction(() => /Updated to the version saved in another tab/.test(document.getElementById('notice-text').textContent));
      const followed = await cell(a, 'integration', 'hr');
      assert.deepEqual([followed.value, followed.label], [worked.value, worked.label]);
      assert.equal(await a.$('#doc-reload'), null);
      assert.equal(await a.$('#doc-keep-copy'), null);
      assert.equal(await a.getAttribute('#notice', 'data-tone'), 'info');
    }

    await b.close(); // pagehide and visibilitychange run in B, then in A
    await a.close();
    const c = await tab(context);
    const after = await cell(c, 'integration', 'hr');
    assert.deepEqual([after.value, after.label], [worked.value, worked.label], 'B’s work survives A closing');
    assert.equal((await storedDocs(c)).length, 1, 'and nothing else was made of it');
    assert.deepEqual([...a.problems, ...b.problems, ...c.problems], []);
  });
}

test('two tabs: work closed in one tab before its save survives; the other tab, with work of its own, keeps its work as a copy', async () => {
  const { context, doc, a, b } = await twoTabsOnOneDocument();
  // B has a change not yet saved (its autosave waits) when A saves: B's stays unsaved work on the older state
  await holdAutosave(b);
  await openCell(b, 'integration', 'hr');
  await setField(b, 'u:retail', 'current', 4);
  // A works too, and saves first
  await openCell(a, 'technology', 'it');
  await setField(a, 'u:ports', 'current', 1);
  const aWork = await cell(a, 'technology', 'it');
  await waitForDocs(a, (d) => d[0].rev > doc.rev, 'tab A’s save');
  // B had loaded the older state: its change, closed before its save, must
  // not overwrite A's, nor be lost
  const bWork = await cell(b, 'integration', 'hr');
  await b.close();
  // B's changes are kept beside as a copy
  await a.waitForSelector('#notice:not([hidden])');
  const docs = await waitForDocs(a, (d) => d.length === 2, 'the copy of B’s work');
  const copy = docs.find((d) => d.name.endsWith('(recovered)'));
  assert.ok(copy, JSON.stringify(docs.map((d) => d.name)));

  // A goes on; reopening shows A's work in the document and B's in the copy
  await a.close();
  const c = await tab(context);
  const kept = await cell(c, 'technology', 'it');
  assert.deepEqual([kept.value, kept.label], [aWork.value, aWork.label]);
  await c.click('#documents');
  await c.click(`#doc-list li[data-doc="${copy.id}"] button.doc-name`);
  await c.waitForFunction(() => !document.getElementById('dialog').open);
  const recovered = await cell(c, 'integration', 'hr');
  assert.deepEqual([recovered.value, recovered.label], [bWork.value, bWork.label]);
  assert.deepEqual([...a.problems, ...b.problems, ...c.problems], []);
});

test('two tabs: “Reload it” shows the other tab’s version (undoable), “Keep yours as a copy” keeps this one beside it', async () => {
  const a = await open(env);
  const context = a.context();
  await openCell(a, 'leadership', 'hr');
  const ports = (doc) => session(doc.text).baseline.assessments.find((x) => x.theme === 'leadership' && x.player === 'hr' && x.unit === 'ports')?.current;
  await setField(a, 'u:ports', 'current', 3);
  // B opens A's saved work, edits it, and saves, while A has a change not yet saved
  await waitForDocs(a, (d) => d.length === 1 && ports(d[0]) === 3, 'A’s edit saved');
  const b = await tab(context);
  // A's autosave waits: A holds unsaved work when B's save comes
  await holdAutosave(a);
  await setField(a, 'u:retail', 'current', 0);
  await openCell(b, 'leadership', 'hr');
  await setField(b, 'u:ports', 'current', 4);
  await waitForDocs(b, (d) => ports(d[0]) === 4, 'B’s edit saved');
  const fromB = await cell(b, 'leadership', 'hr');
  await a.waitForSelector('#doc-reload');
  assert.match(await a.textContent('#notice-text'), /This document was changed in another tab/);
  const mine = await cell(a, 'leadership', 'hr');
  await a.click('#doc-reload');
  // the reload reads the store first: its notice says when it is done
  await a.waitForFunction(() => /other tab’s version; Undo brings yours back/.test(document.getElementById('notice-text')?.textContent ?? ''));
  const reloaded = await cell(a, 'leadership', 'hr');
  assert.deepEqual([reloaded.value, reloaded.label], [fromB.value, fromB.label]);
  // undoable: a step in this tab's history like any other
  await a.click('#undo');
  assert.deepEqual(await cell(a, 'leadership', 'hr'), mine);
  await a.click('#redo');
  assert.deepEqual(await cell(a, 'leadership', 'hr'), reloaded);
  // undo and redo are edits: saved, and B, with nothing unsaved, follows
  const stored = (await storedDocs(a))[0].rev;
  await releaseAutosave(a);
  await waitForDocs(a, (d) => d[0].rev > stored && ports(d[0]) === 4, 'A’s redo saved');
  await b.waitForFunction(() => /Updated to the version saved in another tab/.test(document.getElementById('notice-text')?.textContent ?? ''));
  assert.deepEqual(await cell(b, 'leadership', 'hr'), fromB);

  // now both change it: A, with a change not yet saved, keeps its version as a copy
  await holdAutosave(a);
  await setField(a, 'u:retail', 'current', 2);
  await setField(b, 'u:ports', 'current', 0);
  await a.waitForSelector('#doc-keep-copy');
  const fromA = await cell(a, 'leadership', 'hr');
  await a.click('#doc-keep-copy');
  const docs = await waitForDocs(a, (d) => d.length === 2 && d.some((x) => x.name.endsWith('(copy)')), 'A’s copy');
  const copy = docs.find((d) => d.name.endsWith('(copy)'));
  assert.equal(session(copy.text).baseline.assessments.find((x) => x.theme === 'leadership' && x.player === 'hr' && x.unit === 'retail')?.current, 2);
  const original = docs.find((d) => d !== copy);
  assert.equal(session(original.text).baseline.assessments.find((x) => x.theme === 'leadership' && x.player === 'hr' && x.unit === 'ports')?.current, 0, 'B’s version stays in the document');
  assert.deepEqual(await cell(a, 'leadership', 'hr'), fromA);
  assert.deepEqual([...a.problems, ...b.problems], []);
});

// "Société Générale Müller" in three encodings
const NAME = 'Société Générale Müller';
const MODEL = JSON.stringify({ schema: 'workforce-ecosystem/v1', name: NAME, assessments: [{ theme: 'technology', player: 'it', current: 3 }] });
const latin1 = Buffer.from(MODEL, 'latin1');
const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MODEL, 'utf16le')]);
const utf16be = Buffer.from(utf16le.map((_, i) => utf16le[i ^ 1]));
const twoMarks = Buffer.from(`\ufeff\ufeff${MODEL}`, 'utf8');

test('Open and drop decode a file as the CLI does: Latin-1 refused where it goes wrong, UTF-16 read, two marks refused', async () => {
  const page = await open(env);
  await page.setInputFiles('#file-input', { name: 'latin1.json', mimeType: 'application/json', buffer: latin1 });
  await page.waitForSelector('#dialog[open] .problems');
  assert.match(await page.textContent('#dialog .problems'), /line 1, column 48.*not UTF-8 text \(bad byte at offset 47\); save the model as UTF-8/);
  assert.match(await page.textContent('#dialog'), /latin1\.json/);
  await page.keyboard.press('Escape');
  assert.equal(await page.inputValue('#model-name'), 'Harbourline Group');

  // the same by drag-and-drop
  await page.evaluate((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'dropped.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [...latin1]);
  await page.waitForSelector('#dialog[open] .problems');
  assert.match(await page.textContent('#dialog .problems'), /not UTF-8 text/);
  await page.keyboard.press('Escape');

  // the same words as `wfe validate` (tests/cli.rs)
  await page.setInputFiles('#file-input', { name: 'marks.json', mimeType: 'application/json', buffer: twoMarks });
  await page.waitForSelector('#dialog[open] .problems');
  assert.match(await page.textContent('#dialog .problems'), /line 1, column 1.*two byte order marks \(U\+FEFF\) at the start; remove one \(a model may start with one at most\)/);
  await page.keyboard.press('Escape');
  assert.equal(await page.inputValue('#model-name'), 'Harbourline Group');
  assert.equal((await storedDocs(page)).length, 0, 'nothing refused was stored');

  for (const [i, [file, buffer]] of [['le.json', utf16le], ['be.json', utf16be]].entries()) {
    await page.setInputFiles('#file-input', { name: file, mimeType: 'application/json', buffer });
    await waitForDocs(page, (d) => d.length === i + 1, file);
    assert.equal(await page.inputValue('#model-name'), NAME);
    assert.equal((await cell(page, 'technology', 'it')).value, '3');
    assert.equal((await exportedModel(page)).name, NAME);
  }
  const names = (await storedDocs(page)).map((d) => d.name).sort();
  assert.deepEqual(names, [NAME, `${NAME} (2)`]);
  assert.deepEqual(page.problems, []);
});

test('the classroom page decodes files by the same rules: Latin-1 refused, UTF-16 read', async () => {
  const page = await openPage(env.browser, `${env.origin}/teach.html`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.setInputFiles('#model-file', { name: 'latin1.json', mimeType: 'application/json', buffer: latin1 });
  await page.waitForFunction(() => document.getElementById('status').classList.contains('is-error'));
  assert.match(await page.textContent('#status'), /latin1\.json: .*not UTF-8 text \(bad byte at offset 47\)/);
  await page.setInputFiles('#model-file', { name: 'le.json', mimeType: 'application/json', buffer: utf16le });
  await page.waitForFunction(() => !document.getElementById('status').classList.contains('is-error'));
  assert.match(await page.textContent('#status'), new RegExp(NAME));

  // comparing: a Latin-1 student file is refused with its name, nothing thrown
  await page.click('[role="tab"][data-view="compare"]');
  await page.check('#compare-use-current');
  await page.setInputFiles('#compare-student', { name: 'student.json', mimeType: 'application/json', buffer: latin1 });
  await page.click('#compare-run');
  await page.waitForFunction(() => /student\.json/.test(document.getElementById('compare-text').textContent));
  assert.match(await page.textContent('#compare-text'), /not UTF-8 text/);
  await page.setInputFiles('#compare-student', { name: 'student16.json', mimeType: 'application/json', buffer: utf16be });
  await page.click('#compare-run');
  await page.waitForFunction(() => /match/.test(document.getElementById('compare-text').textContent));
  assert.deepEqual(page.problems, []);
});

test('the kept-aside notice and the Documents dialog pass axe, at a narrow width too', async () => {
  const { readFileSync } = await import('node:fs');
  const { createRequire } = await import('node:module');
  const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
    const page = await openPage(env.browser, `${env.origin}/favicon.svg`, { viewport });
    await page.route(`${env.origin}/__axe.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: AXE }));
    await page.evaluate((t) => localStorage.setItem('wfe.session.v1', t), validSession().slice(0, 150));
    await page.goto(`${env.origin}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.addScriptTag({ url: '/__axe.js' });
    const serious = async (state) => (await page.evaluate(async () => (await window.axe.run(document)).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ')}`)))
      .map((f) => `${viewport.width} px, ${state}: ${f}`);
    const found = [...await serious('kept-aside notice')];
    await openCell(page, 'leadership', 'hr');
    await setField(page, 'u:ports', 'current', 4);
    await waitForDocs(page, (d) => d.length === 2);
    await page.click('#documents');
    await page.waitForSelector('#dialog[open] #doc-list li.is-unreadable');
    found.push(...await serious('documents'));
    await page.click('#doc-list li.is-current [data-action="rename"]');
    found.push(...await serious('renaming'));
    await page.keyboard.press('Escape');
    await page.click('#documents');
    await page.waitForSelector('#dialog[open] #doc-list li[data-doc]');
    await page.click('#doc-list li.is-unreadable [data-action="delete"]');
    found.push(...await serious('deleting'));
    assert.deepEqual(found, []);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

// ---- Many voices: merged responses and snapshots are work too ---------------

const VOICES = new URL('../fixtures/voices/responses/', import.meta.url);

/** Merges the three fixture responses into the model on show, then keeps a snapshot of it. */
async function mergeAndSnapshot(page) {
  const files = await Promise.all(['alice.json', 'bob.json', 'cho.json'].map(async (name) =>
    ({ name, mimeType: 'application/json', buffer: await readFile(new URL(name, VOICES)) })));
  await page.setInputFiles('#responses-input', files);
  await page.waitForFunction(() => /3 merged/.test(document.getElementById('notice-text')?.textContent ?? ''));
  await page.click('#export');
  await page.click('[data-export="snapshot"]');
  await page.waitForFunction(() => /snapshot/i.test(document.getElementById('notice-text')?.textContent ?? ''));
}

/** The responses and snapshots a stored document's baseline holds. */
function voicesOf(doc) {
  const { responses = [], history = [] } = session(doc.text).baseline;
  return { responses: responses.map((r) => r.respondent), dates: history.map((h) => h.date) };
}

test('merged responses and snapshots are saved with the document: a reload and a new tab show them whole', async () => {
  const a = await open(env);
  await mergeAndSnapshot(a);
  const before = await exportedModel(a);
  assert.deepEqual(before.responses.map((r) => r.respondent), ['Alice Martin', 'Bob Okafor', 'r-17']);
  assert.equal(before.history.length, 1);
  await waitForDocs(a, (d) => d.length === 1 && voicesOf(d[0]).responses.length === 3 && voicesOf(d[0]).dates.length === 1, 'the merge and the snapshot saved');

  await a.reload();
  await a.waitForSelector('body[data-ready="true"]');
  const after = await exportedModel(a);
  assert.deepEqual([after.responses, after.history, after.assessments], [before.responses, before.history, before.assessments]);
  // what they show is back too: the agreement overlay and the disagreement
  assert.ok(await a.$('#overlay [data-overlay="agreement"]'), 'Agreement offered after the reload');
  await a.click('#tab-findings');
  await a.waitForSelector('#pane-findings [data-finding="disagreement:integration:hr"]');

  const b = await tab(a.context());
  const other = await exportedModel(b);
  assert.deepEqual([other.responses, other.history], [before.responses, before.history], 'a new tab opens them as saved');
  assert.deepEqual([...a.problems, ...b.problems], []);
});

test('two tabs: responses merged and a snapshot kept in one tab, closed before its save, survive the idle tab closing', async () => {
  const { context, doc, a, b } = await twoTabsOnOneDocument();
  await mergeAndSnapshot(b);
  const merged = await exportedModel(b);
  await b.close(); // at once: the page saves as it goes
  await a.close();
  const c = await tab(context);
  const kept = await exportedModel(c);
  assert.deepEqual([kept.responses, kept.history], [merged.responses, merged.history]);
  const docs = await storedDocs(c);
  assert.equal(docs.length, 1, 'nothing else was made of it');
  assert.ok(docs[0].rev > doc.rev);
  assert.deepEqual([...a.problems, ...b.problems, ...c.problems], []);
});

test('a saved document whose responses or snapshots were damaged is kept aside untouched, and offered for download', async () => {
  const page = await open(env);
  await mergeAndSnapshot(page);
  const [doc] = await waitForDocs(page, (d) => d.length === 1 && voicesOf(d[0]).dates.length === 1);
  const saved = session(doc.text);
  const date = saved.baseline.history[0].date;
  for (const { damage, reason } of [
    { damage: (m) => { m.baseline.responses[1].scores[0].player = 'hx'; }, reason: /baseline\.responses\[1\]\.scores\[0\]\.player/ },
    { damage: (m) => { m.baseline.history[0].date = `${date.slice(0, 4)}-02-30`; }, reason: /baseline\.history\[0\]\.date/ },
  ]) {
    const copy = structuredClone(saved);
    damage(copy);
    const text = JSON.stringify(copy);
    await putText(page, doc.id, text);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    const notice = await page.textContent('#notice-text');
    assert.match(notice, /could not be read .*kept aside, unchanged/);
    assert.match(notice, reason);
    const file = await downloaded(page, () => page.click('#doc-download-unreadable'));
    assert.equal(file.text, text, 'the download is the stored text, byte for byte');
    await page.waitForTimeout(800);
    const docs = await storedDocs(page);
    assert.equal(docs.find((d) => d.id === doc.id).text, text, 'not replaced');
    // the next round damages the document again, from a fresh page on it
    for (const other of docs.filter((d) => d.id !== doc.id)) {
      await page.evaluate((id) => new Promise((ok) => {
        const req = indexedDB.open('wfe-documents');
        req.onsuccess = () => {
          const tx = req.result.transaction(['docs', 'texts'], 'readwrite');
          tx.objectStore('docs').delete(id);
          tx.objectStore('texts').delete(id);
          tx.oncomplete = () => { req.result.close(); ok(); };
        };
      }), other.id);
    }
  }
  assert.deepEqual(page.problems, []);
});

/** Clicks `button` in the Documents dialog and waits for the model `name` on show. */
async function fromDocuments(page, button, name) {
  await page.click('#documents');
  await page.waitForSelector('#dialog[open] #doc-list li[data-doc]');
  await page.click(button);
  await page.waitForFunction((n) => /** @type {HTMLInputElement} */ (document.getElementById('model-name')).value === n, name);
}

test('a new document, and one switched to, open with no cell, finding or highlight chosen in the one before', async () => {
  const page = await open(env);
  await openCell(page, 'integration', 'hr');
  await setField(page, 'u:ports', 'current', '3');
  await page.selectOption('#contributor-filter', { index: 1 });
  await page.waitForSelector('#diagram .cell.is-selected');
  /** What is chosen on show: the outlined cells, the Cell tab's title, the highlight. */
  const chosen = () => page.evaluate(() => ({
    outlined: document.querySelectorAll('#diagram .cell.is-selected, #diagram [aria-current="true"]').length,
    cell: document.querySelector('#pane-cell h2')?.textContent ?? '',
    highlight: /** @type {HTMLSelectElement} */ (document.getElementById('contributor-filter')).value,
  }));
  const before = await chosen();
  assert.ok(before.outlined > 0 && /Integration architectures/.test(before.cell) && before.highlight !== '', 'a cell and a highlight are chosen');
  await waitForDocs(page, (d) => d.length === 1);

  await fromDocuments(page, '#dialog button[value="new"]', 'New organization');
  const fresh = await chosen();
  assert.deepEqual([fresh.outlined, fresh.highlight], [0, ''], 'the new document has no cell outlined and no highlight');
  assert.doesNotMatch(fresh.cell, /Integration architectures/, 'the Cell tab shows no cell of the other document');

  // choose a cell here, then switch back: the first document shows its own
  await openCell(page, 'leadership', 'it');
  await waitForDocs(page, (d) => d.length === 2);
  await fromDocuments(page, '#doc-list li[data-doc]:not(.is-current) button.doc-name', 'Harbourline Group');
  const back = await chosen();
  assert.deepEqual(back, before, 'its own cell and highlight, not the other document\'s');
  assert.deepEqual(page.problems, []);
});
