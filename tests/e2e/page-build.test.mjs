// The built site (scripts/build-page.mjs): each page asks for all its scripts,
// the Wasm module and the sample at once, compiles the core as it streams in,
// and fetches the parts few visits use only when they are needed; its HTML
// keeps the strict policy (no inline script or style).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, setup, SITE } from './harness.mjs';

const env = setup();

/** Notes every WebAssembly compilation and instantiation the page asks for, and from what. */
function watchWasm() {
  window.__wasm = [];
  for (const name of ['instantiateStreaming', 'compileStreaming', 'instantiate', 'compile']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      window.__wasm.push(args[0] instanceof WebAssembly.Module ? `${name}(compiled module)` : name);
      return original.apply(this, args);
    };
  }
}

/** The page's requests for scripts, the Wasm module and JSON, as paths. */
function fetched(page) {
  return page.evaluate(() =>
    performance.getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname.slice(1))
      .filter((p) => /\.(js|wasm|json)$/.test(p)));
}

/** What the page's HTML names: scripts, modulepreloads and preloads. */
function named(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('script[src], link[rel="modulepreload"], link[rel="preload"]')]
      .map((e) => new URL(e.src || e.href).pathname.slice(1)));
}

const LAZY = /^(fr|fr-teach|org|org-owners)-\w+\.js$|^snippet\.js$/;

for (const [path, ready] of [
  ['/', 'body[data-ready="true"]'],
  ['/teach.html', 'body[data-ready="true"]'],
  ['/embed.html', 'workforce-ecosystem:state(ready)'],
]) {
  test(`${path} asks for its scripts, the core and the sample at once, and compiles the core as it streams`, async () => {
    const page = await openPage(env.browser, null);
    await page.addInitScript(watchWasm);
    await page.goto(`${env.origin}${path}`);
    await page.waitForSelector(ready);
    const requests = await fetched(page);
    const html = await named(page);
    assert.deepEqual(requests.filter((f) => f.endsWith('.js') && !html.includes(f)), [], 'every script was named by the HTML (one wave, not one per level of imports)');
    assert.deepEqual(requests.filter((f) => LAZY.test(f)), [], 'no part loaded on demand was loaded');
    // the embed's element loads the diagram's own, smaller module
    const core = path === '/embed.html' ? 'pkg/diagram_bg.wasm' : 'pkg/workforce_ecosystem_bg.wasm';
    assert.deepEqual(requests.filter((f) => f.endsWith('.wasm')), [core], 'the core is fetched once');
    assert.ok(html.includes(core), 'the HTML preloads the core');
    if (path !== '/embed.html') {
      assert.deepEqual(requests.filter((f) => f.endsWith('.json')), ['models/sample.json'], 'the sample is fetched once');
      assert.ok(html.includes('models/sample.json'), 'the HTML preloads the sample');
    }
    // compiled as it streams in, once: by core-start.js as soon as the page
    // is parsed (the editor, the classroom), or by the element's init
    const wasm = await page.evaluate(() => window.__wasm);
    assert.deepEqual(wasm, path === '/embed.html' ? ['instantiateStreaming'] : ['compileStreaming', 'instantiate(compiled module)']);
    assert.deepEqual(page.problems, []);
  });
}

test('the parts few visits use are fetched when first needed, and work', async () => {
  const page = await openPage(env.browser, `${env.origin}/`);
  await page.waitForSelector('body[data-ready="true"]');
  const lazy = async () => (await fetched(page)).filter((f) => LAZY.test(f));
  assert.deepEqual(await lazy(), []);

  await page.click('#tab-org');
  await page.waitForSelector('#pane-org .subnav');
  assert.ok((await lazy()).some((f) => f.startsWith('org-')), 'the Organization editors');

  await page.selectOption('.lang select', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.ok((await lazy()).some((f) => /^fr-\w+\.js$/.test(f)), 'the French texts');
  assert.equal(await page.textContent('#tab-org'), 'Organisation');

  await page.click('#share');
  await page.waitForSelector('#embed-snippet');
  assert.ok((await lazy()).includes('snippet.js'), 'the embed snippet');
  assert.match(await page.inputValue('#embed-snippet'), /<workforce-ecosystem/);
  assert.deepEqual(page.problems, []);
});

test('a remembered language is fetched before the page is drawn', async () => {
  const page = await openPage(env.browser, null);
  await page.addInitScript(() => localStorage.setItem('wfe-lang', 'fr'));
  await page.goto(`${env.origin}/teach.html`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal(await page.textContent('h1'), 'Enseigner le cadre');
  assert.deepEqual(page.problems, []);
});

test('the built pages hold no inline script or style (strict CSP)', () => {
  const pages = readdirSync(SITE).filter((f) => f.endsWith('.html'));
  assert.ok(pages.length >= 4);
  for (const name of pages) {
    const html = readFileSync(join(SITE, name), 'utf8');
    assert.deepEqual(html.match(/<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=/gi), null, name);
  }
});
