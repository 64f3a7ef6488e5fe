// The classroom's class picture: the instructor opens several students'
// answers at once; the core merges them (the editor's merge) into one picture
// of the class, drawn with the agreement overlay beside the instructor's
// model; answers for another framework, for a unit the model lacks, or a
// second one from the same student are listed with the core's reasons while
// the rest merge. Checked against values worked out by hand from the
// fixtures in tests/fixtures/voices/, by keyboard, at 390 px, in forced
// colours and in French.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { setup, openTeach, axeViolations } from './page-helpers.mjs';

const env = setup();
const FIX = new URL('../fixtures/voices/', import.meta.url);
const SHOTS = process.env.SHOTS_DIR;

async function file(path) {
  return { name: path.split('/').pop(), mimeType: 'application/json', buffer: await readFile(new URL(path, FIX)) };
}

/** An answer that kept the worksheet's name ("Acme"): the student is named by the file. */
function worksheetAnswer(name, current) {
  const answer = { schema: 'workforce-ecosystem/v1', name: 'Acme', assessments: [{ theme: 'integration', player: 'hr', current }] };
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(answer)) };
}

/** The class picture's cell as drawn: its class and value. */
function classCell(page, figure, theme, player) {
  return page.evaluate(([f, t, p]) => {
    const root = document.getElementById(f);
    const el = [...root.querySelectorAll('.cell')].find((c) => c.dataset.theme === t && c.dataset.player === p);
    const value = [...root.querySelectorAll('.cell-value')].find((c) => c.dataset.theme === t && c.dataset.player === p);
    return { class: el?.getAttribute('class') ?? null, value: value?.textContent.trim() ?? null };
  }, [figure, theme, player]);
}

async function openClass(page, files) {
  await page.setInputFiles('#class-files', files);
  await page.waitForSelector('#class-text .class-summary');
}

test('several answers merge into a class picture beside the instructor’s; refused ones are listed and the rest merge', async () => {
  const page = await openTeach(env, { viewport: { width: 1366, height: 900 } });
  // The instructor's model: Acme, integration × HR scored 1.
  await page.setInputFiles('#model-file', await file('model.json'));
  await page.waitForFunction(() => /Acme/.test(document.getElementById('status').textContent));
  await page.click('#tab-compare');
  await openClass(page, await Promise.all(['responses/alice.json', 'responses/bob.json', 'responses/cho.json',
    'refused/other-framework.json', 'refused/unknown-unit.json', 'refused/bob-again.json'].map(file)));

  assert.equal(await page.textContent('#class-text .class-summary'), '3 answers in the class picture; 3 refused.');
  assert.equal(await page.textContent('#class-files-name'), '6 files chosen');
  const refused = await page.$$eval('.class-refusals li', (els) => els.map((e) => e.textContent));
  assert.equal(refused.length, 3, refused.join('\n'));
  assert.match(refused[0], /^other-framework\.json — another framework: its players or themes are not the model's$/);
  assert.match(refused[1], /^unknown-unit\.json — scores a cell of unit "retail", which the model does not define$/);
  assert.match(refused[2], /^bob-again\.json — a second response from "Bob Okafor", with other scores/);

  // By hand: integration × HR (0, 3, 2) mean 1.67, spread 3; technology × IT (2, 2, 3) spread 1;
  // leadership × senior leaders (Alice alone) has no spread, which a 0 would
  // show as the class agreeing; nobody answered management × HR.
  assert.match((await classCell(page, 'class-diagram', 'integration', 'hr')).class, /\bagree-3\b/);
  assert.match((await classCell(page, 'class-diagram', 'technology', 'it')).class, /\bagree-1\b/);
  assert.match((await classCell(page, 'class-diagram', 'leadership', 'senior-leaders')).class, /\bunassessed\b/);
  assert.match((await classCell(page, 'class-diagram', 'management', 'hr')).class, /\bunassessed\b/);
  // Beside it, the instructor's own scores: integration × HR 1, nothing else.
  assert.equal((await classCell(page, 'class-instructor', 'integration', 'hr')).value, '1');
  assert.match((await classCell(page, 'class-instructor', 'technology', 'it')).class, /\bunassessed\b/);
  const [left, right] = await page.$$eval('#class-figures figure', (els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  assert.ok(right.left >= left.right, 'side by side at 1366 px');
  assert.deepEqual(await page.$$eval('.class-disagreements li', (els) => els.map((e) => e.textContent)), [
    'The 3 respondents disagree on HR in Integration architectures: current scores range from 0 (HR lead) to 3 (IT lead), 3 steps apart.',
  ]);
  assert.deepEqual(await axeViolations(page, 'class picture'), []);
  if (SHOTS) {
    await mkdir(SHOTS, { recursive: true });
    await page.locator('.class-picture').screenshot({ path: `${SHOTS}/class-1366.png` });
  }

  // Two answers that kept the worksheet's name are two students, named by their files;
  // the same file twice is one student counted once. dana (4) widens the spread to 4 steps.
  await openClass(page, [...await Promise.all(['responses/alice.json', 'responses/bob.json', 'responses/cho.json'].map(file)),
    worksheetAnswer('dana.json', 4), worksheetAnswer('eli.json', 2)]);
  assert.equal(await page.textContent('#class-text .class-summary'), '5 answers in the class picture.');
  assert.equal(await page.$('.class-refusals'), null);
  assert.match((await classCell(page, 'class-diagram', 'integration', 'hr')).class, /\bagree-4\b/);
  assert.deepEqual(await page.$$eval('.class-disagreements li', (els) => els.map((e) => e.textContent)), [
    'The 5 respondents disagree on HR in Integration architectures: current scores range from 0 (HR lead) to 4 (dana), 4 steps apart.',
  ]);
  assert.deepEqual(page.problems, []);
});

test('the class picture by keyboard, at 390 px, in forced colours and in French', async () => {
  const page = await openTeach(env, { viewport: { width: 390, height: 844 } });
  await page.setInputFiles('#model-file', await file('model.json'));
  await page.waitForFunction(() => /Acme/.test(document.getElementById('status').textContent));
  await page.click('#tab-compare');
  // The file control is a Tab stop after Compare's own controls, with a visible focus.
  await page.focus('#compare-run');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'class-files');
  const outline = await page.$eval('#class-files', (e) => getComputedStyle(e.closest('.button-like')).outlineStyle);
  assert.notEqual(outline, 'none');

  await page.selectOption('#lang', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await openClass(page, await Promise.all(['responses/alice.json', 'responses/bob.json', 'responses/cho.json',
    'refused/other-framework.json'].map(file)));
  assert.equal(await page.textContent('#class-text .class-summary'), '3 réponses dans la photo de la classe ; 1 refusée.');
  assert.match(await page.textContent('.class-refusals li'), /^other-framework\.json — un autre cadre : ses acteurs ou ses thèmes ne sont pas ceux du modèle$/);
  assert.match(await page.textContent('.class-disagreements li'), /^Les 3 répondants divergent sur .* de 0 \(HR lead\) à 3 \(IT lead\), soit 3 niveaux d’écart\.$/);
  assert.equal(await page.textContent('#class-title'), 'La photo de la classe');

  // One column at 390 px, nothing wider than the screen.
  const [top, below] = await page.$$eval('#class-figures figure', (els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  assert.ok(below.top >= top.bottom, 'one above the other');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scrolling');
  if (SHOTS) {
    await mkdir(SHOTS, { recursive: true });
    await page.locator('.class-picture').screenshot({ path: `${SHOTS}/class-390-fr.png` });
  }
  await page.emulateMedia({ forcedColors: 'active' });
  assert.deepEqual(await axeViolations(page, 'class picture, forced colours'), []);
  if (SHOTS) {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.locator('.class-picture').screenshot({ path: `${SHOTS}/class-forced.png` });
  }
  assert.deepEqual(page.problems, []);
});

test('the instructor’s figure and the class’s are drawn in one layout, at one scale', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 1024, height: 768 }, { width: 1920, height: 1080 }]) {
    const page = await openTeach(env, { viewport });
    await page.setInputFiles('#model-file', await file('model.json'));
    await page.waitForFunction(() => /Acme/.test(document.getElementById('status').textContent));
    await page.click('#tab-compare');
    await openClass(page, await Promise.all(['responses/alice.json', 'responses/bob.json', 'responses/cho.json'].map(file)));
    const figures = await page.$$eval('#class-figures .teach-diagram', (ds) =>
      ds.map((d) => {
        const svg = d.querySelector('svg');
        const r = svg.getBoundingClientRect();
        const vb = svg.viewBox.baseVal;
        return { layout: d.dataset.layout, svgLayout: /wfe-layout-(\w+)/.exec(svg.getAttribute('class'))?.[1] ?? 'wide', scale: Math.min(r.width / vb.width, r.height / vb.height) };
      }),
    );
    const at = `${viewport.width}×${viewport.height}`;
    assert.equal(figures.length, 2);
    assert.equal(figures[0].svgLayout, figures[1].svgLayout, `one layout at ${at}`);
    assert.ok(Math.abs(figures[0].scale - figures[1].scale) <= 0.01 * figures[0].scale, `one scale at ${at}: ${figures[0].scale} and ${figures[1].scale}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('the class picture at 1366 px: names on both drawings (not numbered, with keys as large as a phone’s), each caption level and centred over its drawing', async () => {
  for (const viewport of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
    const page = await openTeach(env, { viewport });
    await page.click('#tab-compare');
    await openClass(page, await Promise.all(['responses/alice.json', 'responses/bob.json', 'responses/cho.json'].map(file)));
    await page.waitForSelector('#class-diagram svg');
    const figures = await page.$$eval('#class-figures .teach-diagram-wrap', (wraps) =>
      wraps.map((wrap) => {
        const svg = wrap.querySelector('svg');
        const box = svg.getBoundingClientRect();
        const view = svg.viewBox.baseVal;
        const scale = Math.min(box.width / view.width, box.height / view.height);
        const sizes = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim() && t.getClientRects().length).map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
        const caption = wrap.querySelector('figcaption');
        const cap = caption.getBoundingClientRect();
        return {
          layout: wrap.querySelector('.teach-diagram').dataset.layout,
          smallest: Math.min(...sizes),
          largest: Math.max(...sizes),
          captionTop: Math.round(cap.top),
          captionAbove: cap.bottom <= box.top + 1,
          captionCentre: Math.round(cap.left + cap.width / 2),
          drawingCentre: Math.round(box.left + box.width / 2),
          captionAlign: getComputedStyle(caption).textAlign,
          left: Math.round(wrap.getBoundingClientRect().left),
        };
      }),
    );
    const at = `${viewport.width}×${viewport.height}`;
    for (const f of figures) {
      assert.notEqual(f.layout, 'narrow', `${at}: names on the drawing, not numbers and a key`);
      assert.ok(f.smallest >= 12, `${at}: text ${f.smallest.toFixed(1)} px`);
      assert.ok(f.largest <= 20, `${at}: no text larger than the page's own (${f.largest.toFixed(1)} px)`);
      assert.ok(f.captionAbove, `${at}: the caption titles its drawing`);
      assert.equal(f.captionAlign, 'center', at);
      assert.ok(Math.abs(f.captionCentre - f.drawingCentre) <= 2, `${at}: caption centred over its drawing`);
    }
    if (figures[0].left !== figures[1].left) assert.equal(figures[0].captionTop, figures[1].captionTop, `${at}: the captions side by side are level`);
    // Side by side where the names read there.
    if (viewport.width === 1920) assert.notEqual(figures[0].left, figures[1].left, 'side by side at 1920');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});
