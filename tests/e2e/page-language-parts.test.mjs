// Language of parts (WCAG 3.1.2): with the page in French, every accessible
// name and description in the diagram — its title and description, each
// cell's name with its scores, the legend — is French, in the editor and on
// the classroom page: the core writes them in the page's language. The
// custom element speaks English only, so on a French page its words sit
// inside lang="en".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage } from './harness.mjs';
import { setup, open } from './page-helpers.mjs';

const env = setup();
const SAMPLE = JSON.parse(readFileSync(new URL('../../www/models/sample.json', import.meta.url), 'utf8'));
/** The model's own names, which stay as written in any language. */
const OWN_NAMES = [SAMPLE.name, ...(SAMPLE.units ?? []).map((u) => u.label)].filter(Boolean).sort((a, b) => b.length - a.length);

/** Words of the English the core writes into a diagram (names, description, legend). */
const ENGLISH = /\b(current|target|gap|not assessed|no target set|players around|clockwise|outside in|coloured|workforce ecosystem|cells have a value|mean over|Cells of|level|below|about|Leadership approaches|Senior leaders)\b/i;

/**
 * Every accessible name and description under `root` (a selector, inside
 * the element `host`'s shadow root when given) with the language it is in
 * (the nearest lang attribute).
 */
function names(page, root, host = null) {
  return page.evaluate(([sel, hostSel]) => {
    const base = hostSel ? document.querySelector(hostSel).shadowRoot : document;
    const out = [];
    const langOf = (el) => el.closest('[lang]')?.getAttribute('lang') ?? (hostSel ? document.querySelector(hostSel).closest('[lang]')?.getAttribute('lang') : null);
    for (const svg of base.querySelectorAll(`${sel} svg`)) {
      for (const el of [svg, ...svg.querySelectorAll('*')]) {
        if (el.closest('[aria-hidden="true"]')) continue;
        if (el.hasAttribute('aria-label')) out.push({ text: el.getAttribute('aria-label'), lang: langOf(el) });
        if (el.localName === 'title' || el.localName === 'desc') out.push({ text: el.textContent, lang: langOf(el) });
        if (el.localName === 'text' && getComputedStyle(el).display !== 'none') out.push({ text: el.textContent, lang: langOf(el) });
      }
    }
    return out;
  }, [root, host]);
}

/** The names that read as English yet are not marked lang="en". */
function englishUnmarked(found) {
  return found
    .filter(({ text, lang }) => ENGLISH.test(OWN_NAMES.reduce((t, n) => t.replaceAll(n, '·'), text)) && lang !== 'en')
    .map(({ text }) => text);
}

async function toFrench(page, select = '#lang') {
  await page.selectOption(select, 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
}

test('in French the editor’s diagram has no English name or description', async () => {
  const page = await open(env);
  const english = await names(page, '#diagram');
  assert.ok(english.filter(({ text }) => ENGLISH.test(text)).length > 24, 'the check sees the English (cells, title, description)');
  await toFrench(page, '.lang select');
  await page.waitForFunction(() => !/current/.test(document.querySelector('#diagram .cell').getAttribute('aria-label')));
  const french = await names(page, '#diagram');
  assert.ok(french.length >= 26, `${french.length} names`);
  assert.deepEqual(englishUnmarked(french), []);
  assert.deepEqual(page.problems, []);
});

test('in French the classroom page’s drawings have no English name or description', async () => {
  const page = await openPage(env.browser, `${env.origin}/teach.html`);
  await page.waitForSelector('body[data-ready="true"]');
  await toFrench(page);
  const found = [];
  for (const view of ['tour', 'blank']) {
    await page.click(`#tab-${view}`);
    const all = await names(page, `#${view}-diagram`);
    assert.ok(all.length >= 26, `${view}: ${all.length} names`);
    found.push(...englishUnmarked(all).map((t) => `${view}: ${t}`));
  }
  const student = structuredClone(SAMPLE);
  student.assessments = student.assessments.slice(0, 6);
  await page.click('#tab-compare');
  await page.setInputFiles('#compare-student', { name: 'student.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(student)) });
  await page.click('#compare-run');
  await page.waitForSelector('#compare-diagram svg');
  found.push(...englishUnmarked(await names(page, '#compare-diagram')).map((t) => `compare: ${t}`));
  assert.deepEqual(found, []);
  assert.deepEqual(page.problems, []);
});

test('on a French page the custom element’s English words sit inside lang="en"', async () => {
  const page = await openPage(env.browser, `${env.origin}/demo.html`);
  await page.waitForFunction(() => [...document.querySelectorAll('workforce-ecosystem')].every((e) => e.state === 'ready'));
  await page.evaluate(() => document.documentElement.setAttribute('lang', 'fr'));
  for (const host of ['#left', '#right']) {
    const all = await names(page, '.diagram', host);
    assert.ok(all.length > 2, host);
    assert.ok(all.some(({ text }) => ENGLISH.test(text)), `${host} speaks English`);
    assert.deepEqual(englishUnmarked(all), [], host);
    // The view controls too.
    const bar = await page.$eval(host, (e) => e.shadowRoot.querySelector('.bar').closest('[lang]')?.getAttribute('lang'));
    assert.equal(bar, 'en', host);
  }
  assert.deepEqual(page.problems, []);
});
