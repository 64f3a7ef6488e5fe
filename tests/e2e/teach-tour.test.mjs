// The classroom tour and presenter view: each step highlights the right cells
// and shows its own text; keys move; the presenter view is full screen with
// large type that fits the screen; every visible string changes language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { openPage, setup } from './harness.mjs';

const SHOTS = new URL('../../test-results/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

const env = setup();

const THEMES = ['leadership', 'integration', 'technology', 'management'];
const PLAYERS = ['senior-leaders', 'procurement', 'finance-legal', 'business-unit-leaders', 'it', 'hr'];
// The tour of the standard framework, as the brief defines it.
const STEPS = [
  { title: 'The workforce ecosystem at a glance', themes: THEMES, players: PLAYERS },
  { title: 'Leadership approaches', themes: ['leadership'], players: PLAYERS },
  { title: 'Integration architectures', themes: ['integration'], players: PLAYERS },
  { title: 'Technology enablers', themes: ['technology'], players: PLAYERS },
  { title: 'Management practices', themes: ['management'], players: PLAYERS },
  { title: 'Senior leaders and business unit leaders', themes: THEMES, players: ['senior-leaders', 'business-unit-leaders'] },
  { title: 'HR and procurement', themes: THEMES, players: ['hr', 'procurement'] },
  { title: 'IT and finance & legal', themes: THEMES, players: ['it', 'finance-legal'] },
];

async function openTeach(viewport) {
  const page = await openPage(env.browser, `${env.origin}/teach.html`, viewport ? { viewport } : undefined);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** The diagram's cells as "theme/player" → 'on' | 'dim' | 'plain'. */
function marks(page, selector = '#tour-diagram') {
  return page.$$eval(`${selector} .cell`, (cells) =>
    Object.fromEntries(
      cells.map((c) => [
        `${c.dataset.theme}/${c.dataset.player}`,
        c.classList.contains('is-highlighted') ? (c.classList.contains('is-dimmed') ? 'both' : 'on') : c.classList.contains('is-dimmed') ? 'dim' : 'plain',
      ]),
    ),
  );
}

function expected(step) {
  const out = {};
  for (const t of THEMES) for (const p of PLAYERS) out[`${t}/${p}`] = step.themes.includes(t) && step.players.includes(p) ? 'on' : 'dim';
  return out;
}

test('each tour step highlights its cells and shows its own text', async () => {
  const page = await openTeach();
  assert.equal(await page.locator('#tour-diagram .cell').count(), 24);
  for (const [i, step] of STEPS.entries()) {
    assert.deepEqual(await marks(page), expected(step), `step ${i + 1}`);
    // The ring's name or the axis's players are singled out among the labels.
    const labels = await page.$$eval('#tour-diagram .is-tour-label', (ls) => ls.map((l) => l.dataset.theme ?? l.dataset.player));
    const single = i === 0 ? [] : step.themes.length === 1 ? step.themes : step.players;
    assert.deepEqual(labels.sort(), [...single].sort(), `step ${i + 1} labels`);
    assert.equal(await page.textContent('#tour-panel .tour-title'), step.title);
    assert.equal(await page.textContent('#tour-panel .tour-count'), `Step ${i + 1} of 8`);
    const body = await page.textContent('#tour-panel .tour-body');
    assert.ok(body.length > 200, `step ${i + 1} explains itself`);
    assert.equal(await page.getAttribute('#tour-panel .tour-dot[aria-current="step"]', 'aria-label'), `Go to step ${i + 1}: ${step.title}`);
    if (i < STEPS.length - 1) await page.keyboard.press('ArrowRight');
  }
  // At the end, Next says it does nothing and more presses stay on the last step.
  assert.equal(await page.getAttribute('.tour-next', 'aria-disabled'), 'true');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.textContent('#tour-panel .tour-title'), STEPS[7].title);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.textContent('#tour-panel .tour-title'), STEPS[6].title);
  await page.keyboard.press('Home');
  assert.equal(await page.textContent('#tour-panel .tour-title'), STEPS[0].title);
  assert.equal(await page.getAttribute('.tour-prev', 'aria-disabled'), 'true');
  await page.keyboard.press('End');
  assert.deepEqual(await marks(page), expected(STEPS[7]));
  // Buttons and the progress dots move too.
  await page.click('.tour-dot >> nth=2');
  assert.equal(await page.textContent('#tour-panel .tour-title'), STEPS[2].title);
  await page.click('.tour-prev');
  assert.equal(await page.textContent('#tour-panel .tour-title'), STEPS[1].title);
  await page.click('.tour-next');
  await page.click('.tour-next');
  assert.deepEqual(await marks(page), expected(STEPS[3]));
  await page.screenshot({ path: `${SHOTS}teach-tour.png` });
  assert.deepEqual(page.problems, []);
});

test('arrow keys do not move the tour while typing in a control', async () => {
  const page = await openTeach();
  await page.focus('#lang');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.getAttribute('#tour-panel', 'data-step'), 'whole');
  await page.focus('#model-file');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('#tour-panel', 'data-step'), 'whole');
  await page.focus('.tour-next');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('#tour-panel', 'data-step'), 'theme:leadership');
  assert.deepEqual(page.problems, []);
});

test('presenter view: full screen, large type that fits, Escape leaves', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
    const page = await openTeach(viewport);
    const normal = await page.$eval('.tour-body p', (p) => parseFloat(getComputedStyle(p).fontSize));
    await page.click('#presenter');
    await page.waitForFunction(() => document.getElementById('stage').classList.contains('is-presenting'));
    const mode = await page.evaluate(() =>
      document.fullscreenElement?.id === 'stage' ? 'fullscreen' : document.getElementById('stage').classList.contains('is-presenting-window') ? 'window' : 'none',
    );
    assert.notEqual(mode, 'none');
    const big = await page.$eval('.tour-body p', (p) => parseFloat(getComputedStyle(p).fontSize));
    // (the first step, the longest, a little smaller than the others: it fits in the text's own box)
    assert.ok(big >= 20, `presenter type is large (${big}px at ${viewport.width}×${viewport.height})`);
    assert.ok(big > normal, `larger than the normal view (${normal}px)`);
    // The stage covers the screen and every step fits without scrolling.
    const box = await page.$eval('#stage', (s) => s.getBoundingClientRect().toJSON());
    assert.equal(Math.round(box.width), viewport.width);
    assert.equal(Math.round(box.height), viewport.height);
    for (let i = 0; i < STEPS.length; i++) {
      const fit = await page.$eval('#stage', (s) => [s.scrollHeight, s.clientHeight]);
      assert.ok(fit[0] <= fit[1] + 1, `step ${i + 1} fits (${fit[0]} > ${fit[1]})`);
      assert.deepEqual(await marks(page), expected(STEPS[i]));
      await page.keyboard.press('ArrowRight');
    }
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    const second = await page.$eval('.tour-body p', (p) => parseFloat(getComputedStyle(p).fontSize));
    // (the README's figures: about 22 px at 1280×800, 32 px at 1920×1080)
    assert.ok(second >= (viewport.width >= 1920 ? 31 : 21), `a shorter step's type is larger (${second}px at ${viewport.width}×${viewport.height})`);
    await page.screenshot({ path: `${SHOTS}teach-presenter-${viewport.width}.png` });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.getElementById('stage').classList.contains('is-presenting'));
    assert.equal(await page.evaluate(() => document.fullscreenElement), null);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('the presenter view falls back to the whole window when full screen is refused', async () => {
  const page = await openTeach();
  await page.evaluate(() => {
    Element.prototype.requestFullscreen = () => Promise.reject(new TypeError('refused'));
  });
  await page.click('#presenter');
  await page.waitForFunction(() => document.getElementById('stage').classList.contains('is-presenting-window'));
  const box = await page.$eval('#stage', (s) => [getComputedStyle(s).position, s.getBoundingClientRect().width]);
  assert.deepEqual(box, ['fixed', 1280]);
  await page.click('#leave-presenter');
  assert.equal(await page.$eval('#stage', (s) => s.className), 'stage');
  assert.deepEqual(page.problems, []);
});

/** Every visible piece of text on the page (text nodes and the title). */
function visibleTexts(page) {
  return page.evaluate(() => {
    const out = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent.trim();
      const el = n.parentElement;
      if (!text || !el || el.closest('#lang, script, style, .file-name')) continue; // .file-name: the user's own file names
      const visible = el.closest('svg') ? el.getClientRects().length > 0 : el.checkVisibility({ visibilityProperty: true, opacityProperty: false });
      if (visible) out.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label]')) if (el.checkVisibility()) out.push(el.getAttribute('aria-label'));
    return out;
  });
}

test('switching language changes every visible string, in every view', async () => {
  const page = await openTeach();
  for (const view of ['tour', 'blank', 'compare', 'export']) {
    await page.selectOption('#lang', 'en');
    await page.click(`[role="tab"][data-view="${view}"]`);
    const en = await visibleTexts(page);
    await page.selectOption('#lang', 'fr');
    // (French's texts are fetched when it is first chosen)
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    const fr = await visibleTexts(page);
    const words = /\p{L}{2,}/u;
    const unchanged = en.filter((s) => words.test(s) && fr.includes(s));
    assert.deepEqual(unchanged, [], `${view}: strings left in English`);
    assert.ok(fr.length >= en.length - 1, `${view}: nothing disappeared`);
  }
  // The tour's words follow, including the framework's names on the panel.
  await page.click('[role="tab"][data-view="tour"]');
  // (from the panel: on the tabs, End goes to the last tab)
  await page.focus('.tour-next');
  await page.keyboard.press('End');
  assert.equal(await page.textContent('#tour-panel .tour-title'), 'Informatique, finance et juridique');
  assert.equal(await page.textContent('#tour-panel .tour-count'), 'Étape 8 sur 8');
  // The choice is remembered.
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.inputValue('#lang'), 'fr');
  assert.equal(await page.textContent('h1'), 'Enseigner le cadre');
  assert.deepEqual(page.problems, []);
});

test('the blank diagram has every cell and the blank model has no scores', async () => {
  const page = await openTeach();
  await page.click('[role="tab"][data-view="blank"]');
  assert.equal(await page.locator('#blank-diagram .cell').count(), 24);
  assert.equal(await page.isVisible('#tour-diagram'), false);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#blank-download')]);
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  const blank = JSON.parse(readFileSync(path, 'utf8'));
  assert.deepEqual(blank.assessments, []);
  assert.equal(blank.framework.players.length, 6);
  assert.equal(download.suggestedFilename(), 'blank-worksheet.json');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('.teach-bar'), false);
  assert.equal(await page.isVisible('#blank-print'), false);
  assert.equal(await page.isVisible('#blank-diagram svg'), true);
  await page.screenshot({ path: `${SHOTS}teach-blank-print.png` });
  assert.deepEqual(page.problems, []);
});

test('the printed handout is titled with the model’s name and has a line for the student’s name', async () => {
  const page = await openTeach();
  await page.click('[role="tab"][data-view="blank"]');
  // On screen: the page's own heading, no handout heading.
  assert.equal(await page.isVisible('.handout-head'), false);
  assert.equal(await page.isVisible('#view-blank h2'), true);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#view-blank h2'), false, 'not the screen heading "Blank diagram for students"');
  assert.equal(await page.textContent('#blank-handout-title'), 'Harbourline Group');
  assert.equal(await page.isVisible('#blank-handout-title'), true);
  assert.equal(await page.isVisible('.handout-name'), true);
  assert.equal((await page.textContent('.handout-name')).trim(), 'Name:');
  const line = await page.$eval('.handout-line', (l) => ({ width: l.getBoundingClientRect().width, border: getComputedStyle(l).borderBottomStyle }));
  assert.ok(line.width > 100 && line.border === 'solid', JSON.stringify(line));
  // Above the drawing, in the page's language.
  const [head, drawing] = await Promise.all(['.handout-head', '#blank-diagram svg'].map((s) => page.$eval(s, (e) => e.getBoundingClientRect().top)));
  assert.ok(head < drawing);
  await page.emulateMedia({ media: 'screen' });
  await page.selectOption('#lang', 'fr');
  await page.waitForFunction(() => document.querySelector('.handout-name')?.textContent.trim() === 'Nom :');
  assert.deepEqual(page.problems, []);
});

test('axe finds no accessibility violations in any view, nor in the presenter view', async () => {
  // axe is injected as a script, which the page's CSP would refuse.
  const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${env.origin}/teach.html`);
  await page.waitForSelector('body[data-ready="true"]');
  const axePath = new URL('../../node_modules/axe-core/axe.min.js', import.meta.url).pathname;
  await page.addScriptTag({ path: axePath });
  const violations = () =>
    page.evaluate(async () => (await globalThis.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
  for (const view of ['tour', 'blank', 'compare', 'export']) {
    await page.click(`[role="tab"][data-view="${view}"]`);
    assert.deepEqual(await violations(), [], view);
  }
  await page.click('[role="tab"][data-view="tour"]');
  await page.click('#presenter');
  await page.waitForFunction(() => document.getElementById('stage').classList.contains('is-presenting'));
  assert.deepEqual(await violations(), [], 'presenter');
  await context.close();
});

test('a custom framework gets a tour built from its own labels', async () => {
  const page = await openTeach();
  const model = {
    schema: 'workforce-ecosystem/v1',
    name: 'Five <b>players</b>',
    framework: {
      players: ['north', 'east', 'south-east', 'south-west', 'west'].map((id) => ({ id, label: `P ${id}` })),
      themes: ['outer', 'middle', 'inner'].map((id) => ({ id, label: `Ring <${id}>` })),
    },
  };
  await page.setInputFiles('#model-file', { name: 'five.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) });
  await page.waitForFunction(() => document.querySelectorAll('#tour-panel .tour-dot').length === 7);
  assert.equal(await page.textContent('#status'), 'Loaded “Five <b>players</b>”.');
  assert.equal(await page.locator('#tour-diagram .cell').count(), 15);
  const seen = [];
  for (let i = 0; i < 7; i++) {
    const on = await page.$$eval('#tour-diagram .cell.is-highlighted', (cs) => cs.map((c) => `${c.dataset.theme}/${c.dataset.player}`));
    seen.push([await page.textContent('#tour-panel .tour-title'), on.length]);
    await page.keyboard.press('ArrowRight');
  }
  assert.deepEqual(seen, [
    ['The framework at a glance', 15],
    ['Ring <outer>', 5],
    ['Ring <middle>', 5],
    ['Ring <inner>', 5],
    ['P north', 3],
    ['P west and P east', 6],
    ['P south-west and P south-east', 6],
  ]);
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await page.textContent('#tour-panel .tour-body'), 'Its highlighted cells are each player’s share of “Ring <inner>”.');
  // One word for the rings on the slide (these are pentagons: not "Hexagon" above "Ring").
  assert.equal(await page.textContent('#tour-panel .tour-kicker'), 'Ring 3 of 3, from the outside in');
  // An invalid file is refused and the current model stays.
  await page.setInputFiles('#model-file', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"schema":"nope"}') });
  await page.waitForSelector('#status.is-error');
  assert.match(await page.textContent('#status'), /^This file cannot be used: .*schema/s);
  assert.equal(await page.locator('#tour-diagram .cell').count(), 15);
  assert.deepEqual(page.problems, []);
});

test('the standard framework with a player renamed is toured in its own names, not the standard texts', async () => {
  const page = await openTeach();
  const model = JSON.parse(readFileSync(new URL('../../dist/models/sample.json', import.meta.url), 'utf8'));
  // the standard framework, names and all, but for one player's name
  const standard = ['Senior leaders', 'Procurement', 'Finance & legal', 'Business unit leaders', 'IT', 'HR'];
  model.framework = {
    players: PLAYERS.map((id, i) => ({ id, label: id === 'senior-leaders' ? 'Executive board' : standard[i] })),
    themes: THEMES.map((id, i) => ({ id, label: STEPS[i + 1].title })),
  };
  await page.setInputFiles('#model-file', { name: 'renamed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) });
  await page.waitForFunction(() => /^Loaded/.test(document.querySelector('#status')?.textContent ?? ''));
  const titles = [];
  const words = [];
  for (let i = 0; i < STEPS.length; i++) {
    titles.push(await page.textContent('#tour-panel .tour-title'));
    words.push(await page.textContent('#tour-panel .tour-kicker'), await page.textContent('#tour-panel .tour-body'));
    await page.keyboard.press('ArrowRight');
  }
  // The generic texts speak of rings: no slide says "Hexagon" above them.
  assert.ok(words.some((w) => /\bring\b/i.test(w)), words.join(' | '));
  assert.ok(!words.some((w) => /hexagon/i.test(w)), words.join(' | '));
  assert.equal(titles[0], 'The framework at a glance', 'the generic opening, not the standard one');
  assert.equal(titles[5], 'Executive board and Business unit leaders');
  const body = await page.textContent('#tour-panel .tour-body');
  assert.doesNotMatch(body, /Senior leaders/i, 'the old name is nowhere');
  // In French too: "Anneau", not "Hexagone" above it.
  await page.selectOption('#lang', 'fr');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('#tour-panel .tour-count')?.textContent === 'Étape 2 sur 8');
  assert.equal(await page.textContent('#tour-panel .tour-kicker'), 'Anneau 1 sur 4, de l’extérieur vers le centre');
  assert.deepEqual(page.problems, []);
});

test('a student file compared with the instructor’s highlights the cells that differ', async () => {
  const page = await openTeach();
  const instructor = await page.evaluate(async () => (await fetch('models/sample.json')).text());
  const model = JSON.parse(instructor);
  const student = structuredClone(model);
  // The student scored two cells differently and left one out.
  const a = student.assessments.findIndex((x) => x.theme === 'integration' && x.player === 'hr');
  const b = student.assessments.findIndex((x) => x.theme === 'leadership' && x.player === 'it');
  const c = student.assessments.findIndex((x) => x.theme === 'management' && x.player === 'procurement');
  const [hrUnit, itUnit, leftOut] = [student.assessments[a].unit, student.assessments[b].unit, student.assessments[c].unit];
  student.assessments[a].current = student.assessments[a].current === 4 ? 3 : 4;
  student.assessments[b].current = student.assessments[b].current === 0 ? 1 : 0;
  student.assessments.splice(c, 1);
  await page.click('[role="tab"][data-view="compare"]');
  assert.equal(await page.isChecked('#compare-use-current'), true, 'the toured model is the reference by default');
  await page.setInputFiles('#compare-student', { name: 'student.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(student)) });
  await page.click('#compare-run');
  await page.waitForSelector('#compare-text .compare-summary');
  assert.equal(await page.textContent('.compare-summary'), '45 of 47 answered cells match the instructor; 2 differ; 1 left blank.');
  // The diagram shows one unit at a time: the one of the changed HR cell here.
  await page.selectOption('#compare-unit', hrUnit);
  const on = await page.$$eval('#compare-diagram .cell.is-highlighted', (cs) => cs.map((x) => `${x.dataset.theme}/${x.dataset.player}`).sort());
  assert.deepEqual(on, ['integration/hr', ...(itUnit === hrUnit ? ['leadership/it'] : [])].sort());
  const dimmed = await page.$$eval('#compare-diagram .cell.is-dimmed', (cs) => cs.map((x) => `${x.dataset.theme}/${x.dataset.player}`));
  assert.deepEqual(dimmed, leftOut === hrUnit ? ['management/procurement'] : [], 'the cell left out is faded, not outlined');
  const rows = await page.$$eval('.compare-table tbody tr', (trs) => trs.map((tr) => [tr.dataset.theme, tr.dataset.player, tr.dataset.verdict]));
  assert.equal(rows.length, 47, 'every answered cell, none of the blank ones');
  assert.deepEqual(rows.slice(0, 2).map((r) => `${r[0]}/${r[1]}/${r[2]}`).sort(), ['integration/hr/differs', 'leadership/it/differs']);
  assert.match(await page.textContent('.compare-table tbody'), new RegExp(hrUnit ? 'Integration architectures – HR \\(' : 'Integration architectures – HR'));
  assert.match(await page.textContent('#compare-text'), /Overall readiness: instructor \d+%, student \d+%\./);
  // In French, the comparison's words follow, and the diagram shows no English.
  const before = await visibleTexts(page);
  await page.selectOption('#lang', 'fr');
  await page.waitForFunction(() => document.querySelector('.compare-summary')?.textContent.startsWith('45 cases'));
  const after = await visibleTexts(page);
  const unchanged = before.filter((s) => /\p{L}{2,}/u.test(s) && after.includes(s));
  assert.deepEqual(unchanged, [], 'strings left in English after comparing');
  assert.equal(await page.locator('#compare-diagram .cell.is-highlighted').count(), on.length);
  await page.selectOption('#lang', 'en');
  // An invalid student file is reported, naming whose file it is.
  await page.setInputFiles('#compare-student', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"schema":"x"}') });
  await page.click('#compare-run');
  await page.waitForSelector('#compare-text .is-error');
  assert.match(await page.textContent('#compare-text .is-error'), /^Student’s file: /);
  assert.deepEqual(page.problems, []);
});
