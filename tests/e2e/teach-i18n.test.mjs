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
const SAME = new Set(['control.strict', 'org.actions', 'readiness.points.one', 'readiness.points.other', 'keys.undo.keys', 'keys.redo.keys']);

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
