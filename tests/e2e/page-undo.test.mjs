// Undo from wherever focus is, one step per change of a control, the chosen
// unit's row, notices that go once out of date, what an empty model says,
// and what a reload keeps: each reproduces a user's steps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, cell, openCell, setField, startScenario, openWithUnits, sampleWithUnits } from './page-helpers.mjs';

const env = setup();

const canUndo = (page) => page.$eval('#undo', (b) => !b.disabled);

/** What a cell shows, whether or not it is selected (a reload selects none). */
async function shown(page, theme, player) {
  const { label, value } = await cell(page, theme, player);
  return { label, value };
}

test('with one unit on show, a cell opens on that unit’s row; the whole organization says what it counts for', async () => {
  const page = await open(env);
  await page.selectOption('#unit-filter', 'retail');
  await openCell(page, 'management', 'hr');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.key), 'u:retail:current');
  assert.match(await page.$eval('#pane-cell [data-row="u:retail"]', (f) => f.className), /is-chosen/);
  assert.match(await page.textContent('#pane-cell [data-row="org"]'), /counts as one more score in the mean over all units/);
  // a score entered in the focused row is the unit's own
  const before = await cell(page, 'management', 'hr');
  await page.keyboard.press('End');
  const after = await cell(page, 'management', 'hr');
  assert.notEqual(after.value, before.value, 'the unit’s cell shows the new score');
  // without a unit, the first row (the whole organization) takes focus
  await page.selectOption('#unit-filter', '');
  await openCell(page, 'leadership', 'hr');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.key), 'org:current');
  assert.deepEqual(page.problems, []);
});

test('Ctrl+Z right after a change, with focus still on the dropdown; arrow keys make one step', async () => {
  const page = await open(env);
  await openCell(page, 'leadership', 'hr');
  const start = await cell(page, 'leadership', 'hr');
  const sel = '#pane-cell [data-key="u:ports:current"]';
  const original = await page.inputValue(sel);
  await setField(page, 'u:ports', 'current', 4);
  assert.notDeepEqual(await cell(page, 'leadership', 'hr'), start);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.key), 'u:ports:current');
  await page.keyboard.press('Control+z');
  assert.deepEqual(await cell(page, 'leadership', 'hr'), start, 'undone from the dropdown');
  assert.equal(await page.inputValue(sel), original);
  assert.equal(await canUndo(page), false);
  await page.keyboard.press('Control+Shift+Z');
  assert.equal(await page.inputValue(sel), '4');
  await page.keyboard.press('Control+z');
  assert.equal(await page.inputValue(sel), original);

  // three arrow presses on the closed dropdown: three values shown, one step to undo
  await setField(page, 'u:ports', 'current', 1);
  const one = await cell(page, 'leadership', 'hr');
  await page.focus('#pane-cell [data-key="u:ports:target"]');
  await page.focus(sel);
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
  assert.equal(await page.inputValue(sel), '4');
  assert.notDeepEqual(await cell(page, 'leadership', 'hr'), one);
  await page.keyboard.press('Control+z');
  assert.equal(await page.inputValue(sel), '1', 'one undo takes all three back');
  assert.deepEqual(await cell(page, 'leadership', 'hr'), one);
  await page.keyboard.press('Control+z');
  assert.equal(await page.inputValue(sel), original);
  assert.equal(await canUndo(page), false, 'two changes, two steps');
  await page.keyboard.press('Control+y');
  await page.keyboard.press('Control+y');
  assert.equal(await page.inputValue(sel), '4');

  // leaving the dropdown and coming back starts a new step
  await page.focus('#pane-cell [data-key="u:ports:target"]');
  await page.focus(sel);
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.inputValue(sel), '3');
  await page.keyboard.press('Control+z');
  assert.equal(await page.inputValue(sel), '4');
  assert.deepEqual(page.problems, []);
});

test('Ctrl+Z in a note: the typed text first (the browser’s), then the saved edits', async () => {
  const page = await open(env);
  await openCell(page, 'leadership', 'hr');
  await setField(page, 'u:ports', 'current', 4);
  const note = '#pane-cell [data-key="u:ports:note"]';
  const saved = await page.inputValue(note);
  await page.focus(note);
  await page.keyboard.press('End');
  await page.keyboard.type(' more');
  await page.keyboard.press('Control+z');
  assert.equal(await page.inputValue('#pane-cell [data-key="u:ports:current"]'), '4', 'the score edit is not undone while text is being typed');
  assert.equal(await page.inputValue(note), saved, 'the browser took the typing back');
  // nothing unsaved in the field now: Ctrl+Z undoes the last edit
  await page.keyboard.press('Control+z');
  assert.notEqual(await page.inputValue('#pane-cell [data-key="u:ports:current"]'), '4');
  assert.deepEqual(page.problems, []);
});

test('an empty model says what to do first', async () => {
  const page = await open(env);
  await page.click('#open');
  await page.click('[data-open="empty"]');
  await page.waitForFunction(() => document.getElementById('model-name').value === 'New organization');
  await page.click('#tab-findings');
  const text = await page.textContent('#pane-findings');
  assert.match(text, /Nothing to analyse yet/);
  assert.match(text, /Start by scoring a cell/);
  assert.doesNotMatch(text, /Every assessed cell meets its target/);
  assert.deepEqual(page.problems, []);
});

test('notices go once they are no longer true; an Undo offer goes once used', async () => {
  const page = await open(env);
  await openCell(page, 'leadership', 'hr');
  await setField(page, 'u:ports', 'current', 4);
  await page.waitForTimeout(700);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.match(await page.textContent('#notice-text'), /restored/);
  assert.equal(await page.isVisible('#notice'), true);
  // the next edit makes “restored” old news
  await openCell(page, 'technology', 'it');
  await setField(page, 'u:ports', 'current', 3);
  assert.equal(await page.isHidden('#notice'), true, 'the restored notice went with the first edit');

  // a discarded what-if offers Undo; undoing by shortcut takes the offer away
  await startScenario(page, 'Try');
  await page.click('#scenario-discard');
  assert.equal(await page.isVisible('#notice-undo'), true);
  await page.focus('#diagram .cell[data-theme="leadership"][data-player="hr"]');
  await page.keyboard.press('Control+z');
  assert.match(await page.textContent('#scenario-bar'), /Try/, 'the what-if is back');
  assert.equal(await page.isHidden('#notice'), true, 'no Undo left to offer');
  // and by its own button
  await page.click('#scenario-discard');
  await page.click('#notice-undo');
  assert.equal(await page.isHidden('#notice'), true);
  assert.match(await page.textContent('#scenario-bar'), /Try/);
  assert.deepEqual(page.problems, []);
});

test('a reload keeps the undo history and the unit on show, after several edits and undos', async () => {
  const page = await open(env);
  await page.selectOption('#unit-filter', 'ports');
  await openCell(page, 'leadership', 'hr');
  const start = await shown(page, 'leadership', 'hr');
  await setField(page, 'u:ports', 'current', 4);
  const one = await shown(page, 'leadership', 'hr');
  await setField(page, 'u:ports', 'target', 4);
  await startScenario(page, 'Later');
  await setField(page, 'u:ports', 'current', 2);
  await page.click('#scenario-bar [data-scenario="baseline"]');
  await page.fill('#model-name', 'Reloaded Org');
  await page.press('#model-name', 'Enter');
  await page.click('#undo'); // the rename
  await page.click('#undo'); // the score in the what-if (shows it)
  await page.waitForTimeout(700);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.inputValue('#unit-filter'), 'ports', 'the unit on show is kept');
  assert.equal(await page.inputValue('#model-name'), 'Harbourline Group');
  assert.equal(await canUndo(page), true, 'the history is kept');
  await page.click('#undo'); // the start of the what-if
  assert.doesNotMatch(await page.textContent('#scenario-bar'), /Later/);
  await page.click('#undo'); // the target
  assert.deepEqual(await shown(page, 'leadership', 'hr'), one);
  await page.click('#undo'); // the score
  assert.deepEqual(await shown(page, 'leadership', 'hr'), start);
  assert.equal(await canUndo(page), false);
  await page.click('#redo');
  assert.deepEqual(await shown(page, 'leadership', 'hr'), one);
  // and again: the history survives a second reload, without the undone steps
  await page.waitForTimeout(700);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.deepEqual(await shown(page, 'leadership', 'hr'), one);
  await page.click('#undo');
  assert.deepEqual(await shown(page, 'leadership', 'hr'), start);
  assert.deepEqual(page.problems, []);
});

test('a model of over a megabyte keeps its undo history across a reload, a what-if included', async () => {
  const page = await open(env);
  assert.ok(sampleWithUnits(400, 'Big').length > 1024 * 1024, 'the model is past a megabyte');
  await openWithUnits(page, 400, 'Big');
  await openCell(page, 'leadership', 'hr');
  const start = await shown(page, 'leadership', 'hr');
  await setField(page, 'org', 'current', 4);
  const one = await shown(page, 'leadership', 'hr');
  assert.notDeepEqual(one, start);
  await startScenario(page, 'Later');
  await setField(page, 'org', 'current', 0);
  await page.waitForTimeout(1500);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.inputValue('#model-name'), 'Big');
  assert.equal(await canUndo(page), true, 'the history is kept');
  await page.click('#undo'); // the score in the what-if
  await page.click('#undo'); // the start of the what-if
  assert.doesNotMatch(await page.textContent('#scenario-bar'), /Later/);
  assert.deepEqual(await shown(page, 'leadership', 'hr'), one);
  await page.click('#undo'); // the score
  assert.deepEqual(await shown(page, 'leadership', 'hr'), start);
  assert.deepEqual(page.problems, []);
});

test('after a reload, Undo takes back an edit made in the Text tab and the edits before it', async () => {
  const page = await open(env);
  await openCell(page, 'leadership', 'hr');
  const start = await shown(page, 'leadership', 'hr');
  await setField(page, 'u:ports', 'current', 4);
  const edited = await shown(page, 'leadership', 'hr');
  await page.click('#tab-text');
  await page.waitForSelector('#model-text');
  const reads = await page.$eval('#text-status', (s) => Number(s.dataset.reads ?? 0));
  await page.fill('#model-text', (await page.inputValue('#model-text')).replace('name "Harbourline Group"', 'name "Via text"'));
  await page.waitForFunction((n) => Number(document.querySelector('#text-status').dataset.reads ?? 0) > n, reads);
  assert.equal(await page.inputValue('#model-name'), 'Via text');
  await page.waitForTimeout(700);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.inputValue('#model-name'), 'Via text');
  assert.equal(await canUndo(page), true, 'the history is kept');
  await page.click('#undo'); // the Text tab's step
  assert.equal(await page.inputValue('#model-name'), 'Harbourline Group');
  assert.deepEqual(await shown(page, 'leadership', 'hr'), edited);
  await page.click('#undo'); // the score before it
  assert.deepEqual(await shown(page, 'leadership', 'hr'), start);
  assert.equal(await canUndo(page), false);
  assert.deepEqual(page.problems, []);
});

test('a stored document with a damaged history opens as it was saved, without the history', async () => {
  const page = await open(env);
  await openCell(page, 'leadership', 'hr');
  await setField(page, 'u:ports', 'current', 4);
  const edited = await shown(page, 'leadership', 'hr');
  // damage the stored history the way a hand edit or an old version might
  const damage = () => page.evaluate(() => new Promise((ok) => {
    const req = indexedDB.open('wfe-documents');
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction('texts', 'readwrite');
      const store = tx.objectStore('texts');
      const all = store.getAll();
      let damaged = false;
      all.onsuccess = () => {
        for (const rec of all.result) {
          if (!rec.text.includes('"history"')) continue;
          const v = JSON.parse(rec.text);
          v.history.steps[0] = { edits: { edits: [{ setAssessment: { theme: 'nowhere' } }] } };
          store.put({ ...rec, text: JSON.stringify(v) });
          damaged = true;
        }
      };
      tx.oncomplete = () => {
        db.close();
        ok(damaged);
      };
    };
    req.onerror = () => ok(false);
  }));
  for (let i = 0; !(await damage()); i += 1) {
    assert.ok(i < 50, 'the edit was never stored');
    await page.waitForTimeout(200);
  }
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.deepEqual(await shown(page, 'leadership', 'hr'), edited, 'the work is all there');
  assert.equal(await canUndo(page), false, 'the damaged history alone is dropped');
  assert.deepEqual(page.problems, []);
});

test('Undo and Redo say what they took back or made again, in the page’s language', async () => {
  const page = await open(env);
  const said = async (pattern) => {
    await page.waitForFunction((source) => new RegExp(source).test(document.getElementById('announcer')?.textContent ?? ''), pattern.source);
    return page.textContent('#announcer');
  };
  await openCell(page, 'leadership', 'procurement');
  await setField(page, 'u:ports', 'current', 4);
  await page.click('#undo');
  assert.equal(await said(/^Undone/), 'Undone: the score of Procurement on Leadership approaches in Ports and terminals.');
  await page.click('#redo');
  assert.equal(await said(/^Redone/), 'Redone: the score of Procurement on Leadership approaches in Ports and terminals.');
  await startScenario(page, 'Hire two');
  await page.click('#undo');
  assert.equal(await said(/^Undone: the what-if/), 'Undone: the what-if “Hire two”.');
  // in French, with the names in French and "de" elided before a vowel
  await page.selectOption('.topbar .lang select', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await page.click('#undo');
  assert.equal(await said(/^Annulé/), 'Annulé : le score d’Achats en Approches de leadership dans Ports and terminals.');
  assert.deepEqual(page.problems, []);
});

test('a reload keeps what was undone: Redo makes it again, a what-if included', async () => {
  const page = await open(env);
  const canRedo = () => page.$eval('#redo', (b) => !b.disabled);
  await openCell(page, 'leadership', 'hr');
  const start = await shown(page, 'leadership', 'hr');
  await setField(page, 'u:ports', 'current', 4);
  const one = await shown(page, 'leadership', 'hr');
  await startScenario(page, 'Redone');
  await page.click('#undo'); // the what-if
  await page.click('#undo'); // the score
  assert.deepEqual(await shown(page, 'leadership', 'hr'), start);
  await page.waitForTimeout(700);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.deepEqual(await shown(page, 'leadership', 'hr'), start, 'the undone state is what opens');
  assert.doesNotMatch(await page.textContent('#scenario-bar'), /Redone/);
  assert.equal(await canRedo(), true, 'the steps undone are still there to redo');
  assert.equal(await canUndo(page), false);
  await page.click('#redo');
  assert.deepEqual(await shown(page, 'leadership', 'hr'), one);
  await page.click('#redo');
  assert.match(await page.textContent('#scenario-bar'), /Redone/);
  assert.equal(await canRedo(), false);
  // and Undo still goes back past the reload
  await page.click('#undo');
  await page.click('#undo');
  assert.deepEqual(await shown(page, 'leadership', 'hr'), start);
  assert.deepEqual(page.problems, []);
});

test('a notice floats over the page: the one saying work was restored moves nothing when it comes or goes', async () => {
  const page = await open(env);
  await page.fill('#model-name', 'Restored Org');
  await page.press('#model-name', 'Enter');
  await page.waitForTimeout(700);
  await page.reload();
  await page.waitForSelector('#notice:not([hidden])');
  assert.match(await page.textContent('#notice-text'), /restored/);
  const top = () => page.$eval('main.workspace', (m) => m.getBoundingClientRect().top);
  const withNotice = await top();
  await page.click('#notice-actions [aria-label="Close this message"]');
  assert.equal(await page.isHidden('#notice'), true);
  assert.equal(await top(), withNotice, 'the workspace stays where it was');
  assert.deepEqual(page.problems, []);
});
