// The second language: French holds every key of English with the same
// parameters, and switching the main page to it changes every string the page
// writes itself. (Text the core writes — the diagram's labels and legend,
// the findings' sentences — is English whatever the language; see the README.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import en from '../../www/i18n/en.js';
import enTeach from '../../www/i18n/en-teach.js';
import fr from '../../www/i18n/fr.js';
import frTeach from '../../www/i18n/fr-teach.js';
import { openPage, setup } from './harness.mjs';

const params = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// Strings that are the same in both languages on purpose: symbols and
// keyboard keys, and words French shares with English.
const SAME = new Set(['control.strict', 'file.document', 'org.actions', 'readiness.points.one', 'readiness.points.other', 'keys.undo.keys', 'keys.redo.keys']);

for (const [name, english, french] of [
  ['page', en, fr],
  ['classroom', enTeach, frTeach],
]) {
  test(`the French ${name} catalogue has every key, with the same parameters, translated`, () => {
    assert.deepEqual(Object.keys(french).sort(), Object.keys(english).sort());
    for (const key of Object.keys(english)) {
      assert.deepEqual(params(french[key]), params(english[key]), key);
      if (/\p{L}{2,}/u.test(english[key].replace(/\{\w+\}/g, '')) && !SAME.has(key)) assert.notEqual(french[key], english[key], `${key} is translated`);
    }
  });
}

test('the two catalogues do not collide', () => {
  const shared = Object.keys(enTeach).filter((k) => k in en && en[k] !== enTeach[k]);
  assert.deepEqual(shared, [], 'a classroom key redefines a page key with another text');
});

const env = setup();

/** Visible text nodes the page writes itself: not the diagram, not the core's finding sentences. */
function pageTexts(page) {
  return page.evaluate(() => {
    const out = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent.trim();
      const el = n.parentElement;
      if (!text || !el || el.closest('script, style, svg, .finding-text')) continue;
      if (el.closest('.findings li') && !el.closest('.finding-kind')) continue;
      if (el.checkVisibility({ visibilityProperty: true })) out.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (el.closest('svg') || !el.checkVisibility()) continue;
      for (const a of ['aria-label', 'title', 'placeholder']) if (el.hasAttribute(a)) out.push(el.getAttribute(a));
    }
    return out;
  });
}

test('switching the main page to French changes every string it writes', async () => {
  const page = await openPage(env.browser, `${env.origin}/`);
  await page.waitForSelector('body[data-ready="true"]');
  // The model's own names are data, not interface text: they stay as written.
  const data = await page.evaluate(async () => {
    const m = await import('./pkg/workforce_ecosystem.js');
    const json = await (await fetch('models/sample.json')).text();
    const model = JSON.parse(json);
    const full = JSON.parse(m.blankModel(json));
    const items = [...full.framework.players, ...full.framework.themes, ...(model.units ?? []), ...(model.contributors ?? []), ...(model.systems ?? [])];
    return [model.name, ...items.map((i) => i.label)];
  });
  // as a reader does, with the language menu (French's texts are fetched the first time)
  const switchTo = async (code) => {
    await page.selectOption('.lang select', code);
    await page.waitForFunction((c) => document.documentElement.lang === c, code);
  };
  for (const tab of ['#tab-findings', '#tab-readiness', '#tab-cell', '#tab-org']) {
    await switchTo('en');
    await page.click(tab);
    // (a pane may be drawn by a part of the page fetched when it is first shown)
    await page.waitForFunction((id) => document.getElementById(id).childElementCount > 0, tab.replace('#tab-', 'pane-'));
    const english = await pageTexts(page);
    await switchTo('fr');
    const french = await pageTexts(page);
    const same = [...SAME].map((k) => en[k]);
    const left = english.filter((s) => /\p{L}{2,}/u.test(s) && !data.includes(s) && !same.includes(s) && french.includes(s));
    assert.deepEqual([...new Set(left)], [], `${tab}: English left after switching`);
  }
  assert.deepEqual(page.problems, []);
});

test('the classroom names the standard framework as the core does: in French after a switch, a custom name as typed, in every place', async () => {
  const page = await openPage(env.browser, `${env.origin}/teach.html`, { viewport: { width: 1366, height: 768 } });
  await page.waitForSelector('body[data-ready="true"]');
  // The standard framework and scale with one player and one level renamed.
  const model = await page.evaluate(async () => {
    const m = await import('./pkg/workforce_ecosystem.js');
    const full = JSON.parse(m.blankModel(JSON.stringify({ schema: 'workforce-ecosystem/v1', name: 'Named Co', assessments: [] })));
    full.framework.players.find((p) => p.id === 'hr').label = 'People team';
    full.scale.labels[4] = 'Stellar';
    full.assessments = [
      { theme: 'integration', player: 'hr', current: 1, target: 4 },
      { theme: 'integration', player: 'procurement', current: 3, target: 3 },
    ];
    return full;
  });
  const json = JSON.stringify(model);
  await page.setInputFiles('#model-file', { name: 'named.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await page.waitForFunction(() => document.querySelector('#tour-diagram .tour-scores')?.textContent.startsWith('Named Co'));
  // The tour at the step of the HR and procurement axis.
  await page.focus('#tour-panel');
  for (let i = 0; i < 12 && (await page.getAttribute('#tour-panel', 'data-step')) !== 'axis:hr:procurement'; i += 1) await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('#tour-panel', 'data-step'), 'axis:hr:procurement');

  const switchTo = async (code) => {
    await page.selectOption('#lang', code);
    await page.waitForFunction((c) => document.documentElement.lang === c, code);
  };
  const label = (sel) => page.$eval(sel, (el) => el.textContent.replace(/\s+/g, ' ').trim());
  const words = (text) => text.replace(/[\u2066-\u2069]/g, '');
  const drawn = (figure, player) =>
    page.$eval(`#${figure} .player-label[data-player="${player}"]`, (g) => [...g.querySelectorAll('tspan, text')].filter((n) => !n.querySelector('tspan')).map((n) => n.textContent.trim()).join(' '));
  /** The tour's words and drawing, the handout's scale and the comparison's rows, in `code`. */
  const check = async (code, procurement) => {
    await page.click('[role="tab"][data-view="tour"]');
    await page.waitForSelector('#tour-diagram svg');
    const sentence = words(await label('#tour-diagram .tour-scores'));
    assert.match(sentence, new RegExp(`People team .*${procurement}`), `${code}: the tour's sentence`);
    const heading = words(await label('#tour-panel .tour-title'));
    assert.ok(heading.includes('People team') && heading.includes(procurement), `${code}: the step's heading: ${heading}`);
    assert.equal(await drawn('tour-diagram', 'procurement'), procurement, `${code}: the tour's drawing`);
    assert.equal(await drawn('tour-diagram', 'hr'), 'People team', `${code}: the tour's drawing`);
    // the presenter view, drawn with its title block
    await page.click('#presenter');
    await page.waitForFunction(() => document.getElementById('stage').classList.contains('is-presenting'));
    assert.equal(await drawn('tour-diagram', 'procurement'), procurement, `${code}: the presenter view's drawing`);
    assert.match(words(await label('#tour-panel .tour-scores')), new RegExp(`People team .*${procurement}`), `${code}: the presenter view's sentence`);
    await page.click('#leave-presenter');
    await page.waitForFunction(() => !document.getElementById('stage').classList.contains('is-presenting'));
    // the handout's scale: the default levels in the language, the renamed one as typed
    await page.click('[role="tab"][data-view="blank"]');
    const scale = await label('#blank-scale');
    assert.match(scale, code === 'fr' ? /0 Inexistant · .* · 4 Stellar/ : /0 Absent · .* · 4 Stellar/, `${code}: the handout's scale`);
    assert.equal(await drawn('blank-diagram', 'procurement'), procurement, `${code}: the handout's drawing`);
    // the comparison (of the model with itself): its rows and its drawing
    await page.click('[role="tab"][data-view="compare"]');
    await page.waitForSelector('#compare-text .compare-table');
    const rows = await page.$$eval('#compare-text .compare-table tbody tr', (trs) =>
      Object.fromEntries(trs.map((tr) => [tr.dataset.player, tr.cells[0].textContent.replace(/[\u2066-\u2069]/g, '')])),
    );
    assert.ok(rows.hr.endsWith(' – People team'), `${code}: a custom player's row: ${rows.hr}`);
    assert.ok(rows.procurement.endsWith(` – ${procurement}`), `${code}: a standard player's row: ${rows.procurement}`);
    assert.equal(await drawn('compare-diagram', 'procurement'), procurement, `${code}: the comparison's drawing`);
  };
  await page.click('[role="tab"][data-view="compare"]');
  await page.setInputFiles('#compare-student', { name: 'named.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await page.click('#compare-run');
  await page.waitForSelector('#compare-text .compare-table');
  await check('en', 'Procurement');
  // switched while a comparison is shown: its names follow
  await switchTo('fr');
  await page.waitForFunction(() => document.querySelector('#compare-text .compare-table')?.textContent.includes('Achats'));
  await check('fr', 'Achats');
  await switchTo('en');
  await check('en', 'Procurement');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
