// Share ▸ Embed in a page, as an intranet editor meets it: the snippet loads
// the element from a folder of the intranet's own site (the README's /wfe/
// unless the editor names another, remembered), the dialog lists the files
// to copy there, and the element's markup carries a line readers see when
// the files are missing. Checked on a second origin serving a page under the
// README's policy, with the listed files copied, and without them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openPage, SITE } from './harness.mjs';
import { serve } from '../../scripts/serve.mjs';
import { setup, open } from './page-helpers.mjs';

const env = setup();

const SHOTS = process.env.WFE_SHOTS ?? join(tmpdir(), 'i14-share');
mkdirSync(SHOTS, { recursive: true });

/** The intranet: another origin (another port) with the README's policy. */
const INTRANET_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const intranet = {};
before(async () => {
  intranet.root = mkdtempSync(join(tmpdir(), 'wfe-intranet-'));
  intranet.server = await serve(intranet.root, 0, '127.0.0.1', { csp: INTRANET_CSP });
  intranet.origin = `http://127.0.0.1:${intranet.server.address().port}`;
});
after(() => {
  intranet.server?.close();
  rmSync(intranet.root, { recursive: true, force: true });
});

/** The share dialog's snippet and the files it says to copy ({from, to}). */
async function shareDialog(page) {
  await page.click('#share');
  await page.waitForSelector('#dialog[open] #embed-snippet');
  await page.waitForFunction(() => document.getElementById('embed-snippet').value.includes('<workforce-ecosystem'));
  const files = await page.$$eval('#dialog .embed-files:not(#embed-iframe-files) li', (items) =>
    items.map((li) => {
      const [from, to] = [...li.querySelectorAll('code')].map((c) => c.textContent);
      return { from, to };
    }),
  );
  return { snippet: await page.inputValue('#embed-snippet'), base: await page.inputValue('#embed-base'), files };
}

function intranetPage(name, snippet) {
  writeFileSync(
    join(intranet.root, name),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Our ecosystem</title></head>
<body><h1>Our ecosystem</h1>
${snippet}</body></html>`,
  );
  return `${intranet.origin}/${name}`;
}

test('the snippet loads from the folder the editor names, lists the files, and remembers the folder', async () => {
  const page = await open(env);
  const first = await shareDialog(page);
  assert.equal(first.base, '/wfe/', "the README's folder by default");
  assert.match(first.snippet, /<script type="module" src="\/wfe\/element\.js"><\/script>/);
  assert.ok(!first.snippet.includes(env.origin), 'nothing points at the origin the tool is served from');
  assert.deepEqual(first.files, [
    { from: 'dist/element.js', to: '/wfe/element.js' },
    { from: 'dist/pkg/diagram_bg.wasm', to: '/wfe/pkg/diagram_bg.wasm' },
  ]);
  // the fallback line names the organization
  assert.match(first.snippet, /<p>Workforce ecosystem diagram of Harbourline Group\. If this line stays/);

  await page.fill('#embed-base', '/intranet/tools/diagram');
  await page.waitForFunction(() => document.getElementById('embed-snippet').value.includes('/intranet/tools/diagram/element.js'));
  assert.equal(
    await page.$eval('#dialog .embed-files li:last-child code:last-child', (c) => c.textContent),
    '/intranet/tools/diagram/pkg/diagram_bg.wasm',
  );
  /** What the dialog offers for the folder typed. */
  const offered = () =>
    page.evaluate(() => {
      const problem = document.getElementById('embed-base-problem');
      return {
        invalid: document.getElementById('embed-base').getAttribute('aria-invalid'),
        problem: problem.hidden ? null : problem.textContent,
        element: document.getElementById('embed-snippet').value,
        iframe: document.getElementById('embed-iframe-snippet').value,
        copy: [document.getElementById('embed-copy').disabled, document.getElementById('embed-iframe-copy').disabled],
        files: document.querySelectorAll('#dialog .embed-files li').length,
      };
    });
  // something that is not a folder: said so, and nothing is left to copy
  // that would load from another folder than the one typed
  await page.fill('#embed-base', '/wfe/"><script>alert(1)</script>');
  await page.waitForSelector('#embed-base-problem:not([hidden])');
  let now = await offered();
  assert.match(now.problem, /is not a folder the page can load files from/);
  assert.equal(now.invalid, 'true');
  assert.deepEqual([now.element, now.iframe, now.copy, now.files], ['', '', [true, true], 0]);

  // a folder without its leading slash would load from beside each page: written from the site's root, and said so
  await page.fill('#embed-base', 'intranet/tools/wfe');
  await page.waitForFunction(() => document.getElementById('embed-snippet').value.includes('src="/intranet/tools/wfe/element.js"'));
  now = await offered();
  assert.equal(now.invalid, null);
  assert.deepEqual(now.copy, [false, false]);
  assert.match(now.iframe, /src="\/intranet\/tools\/wfe\/embed\.html#/);
  assert.match(now.problem, /\/intranet\/tools\/wfe\//);
  assert.match(now.problem, /from the site’s root/);

  // another site's folder: the page's policy (script-src 'self') blocks it, so a warning, and no "on this site"
  await page.fill('#embed-base', 'https://intranet.example/wfe/');
  await page.waitForFunction(() => document.getElementById('embed-snippet').value.includes('src="https://intranet.example/wfe/element.js"'));
  now = await offered();
  assert.equal(now.invalid, null);
  assert.deepEqual(now.copy, [false, false]);
  assert.match(now.problem, /another site/);
  assert.match(now.problem, /script-src 'self'/);
  assert.doesNotMatch(now.element, /on this site/);
  assert.match(now.element, /^<!-- Workforce ecosystem diagram: copy element\.js and pkg\/diagram_bg\.wasm from dist\/ to https:\/\/intranet\.example\/wfe\/ /);
  await page.fill('#embed-base', '//cdn.example/wfe');
  await page.waitForFunction(() => document.getElementById('embed-snippet').value.includes('src="//cdn.example/wfe/element.js"'));
  assert.match((await offered()).problem, /another site/);
  // the README's folder: no word
  await page.fill('#embed-base', '/wfe/');
  await page.waitForFunction(() => document.getElementById('embed-base-problem').hidden);
  await page.fill('#embed-base', 'https://intranet.example/wfe/');
  await page.waitForFunction(() => document.getElementById('embed-snippet').value.includes('src="https://intranet.example/wfe/element.js"'));
  await page.keyboard.press('Escape');

  // remembered for the next time, in this browser
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  const again = await shareDialog(page);
  assert.equal(again.base, 'https://intranet.example/wfe/');
  assert.match(again.snippet, /src="https:\/\/intranet\.example\/wfe\/element\.js"/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('pasted on another origin under the README policy, the snippet draws the diagram once its files are copied, and says so when they are not', async () => {
  const page = await open(env);
  const { snippet, files } = await shareDialog(page);
  await page.close();

  // 1. No files copied yet: the reader sees the fallback line, not a blank page.
  const missing = await openPage(env.browser, intranetPage('missing.html', snippet));
  await missing.waitForLoadState('load');
  const fallback = missing.locator('workforce-ecosystem > p');
  assert.equal(await fallback.isVisible(), true, 'the fallback line is shown');
  assert.match(await fallback.textContent(), /Harbourline Group\. If this line stays, the diagram could not load: \/wfe\/element\.js and \/wfe\/pkg\/diagram_bg\.wasm must be on this site\./);
  assert.equal(await missing.evaluate(() => customElements.get('workforce-ecosystem') ?? null), null);
  await missing.screenshot({ path: join(SHOTS, 'snippet-files-missing.png') });
  await missing.context().close();

  // 2. The script copied but not the Wasm file: the element shows the
  // snippet's picture of the diagram, still, instead of the line.
  const to = (f) => join(intranet.root, f.to);
  mkdirSync(dirname(to(files[0])), { recursive: true });
  copyFileSync(join(SITE, files[0].from.replace(/^dist\//, '')), to(files[0]));
  const noWasm = await openPage(env.browser, intranetPage('no-wasm.html', snippet));
  await noWasm.waitForFunction(() => document.querySelector('workforce-ecosystem').state === 'error');
  assert.equal(await noWasm.evaluate(() => document.querySelector('workforce-ecosystem').shadowRoot.querySelectorAll('.diagram svg .cell').length), 24, 'the picture is shown');
  assert.equal(await noWasm.locator('workforce-ecosystem > p').isVisible(), false, 'the picture, not the line');
  await noWasm.context().close();

  // 3. Every file the dialog lists copied to /wfe/: the diagram renders.
  for (const f of files) {
    mkdirSync(dirname(to(f)), { recursive: true });
    copyFileSync(join(SITE, f.from.replace(/^dist\//, '')), to(f));
  }
  const ok = await openPage(env.browser, intranetPage('ok.html', snippet), { viewport: { width: 1366, height: 768 } });
  await ok.waitForFunction(() => document.querySelector('workforce-ecosystem').state !== 'loading');
  const shown = await ok.evaluate(() => {
    const e = document.querySelector('workforce-ecosystem');
    return {
      state: e.state,
      cells: e.shadowRoot.querySelectorAll('.diagram svg .cell').length,
      title: e.shadowRoot.querySelector('.diagram svg > title')?.textContent ?? '',
    };
  });
  assert.equal(shown.state, 'ready');
  assert.equal(shown.cells, 24);
  assert.ok(shown.title.startsWith('Harbourline Group:'), shown.title);
  assert.equal(await ok.locator('workforce-ecosystem > p').isVisible(), false, 'the fallback line goes once the diagram is drawn');
  await ok.screenshot({ path: join(SHOTS, 'snippet-other-origin.png') });
  assert.deepEqual(ok.problems, [], 'no request blocked, nothing missing');
  await ok.context().close();
});

test('the dialog offers the iframe too, of the view on show and in the page language, which draws that view on another origin', async () => {
  const page = await open(env, { viewport: { width: 390, height: 844 } });
  await page.selectOption('.lang select', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await page.evaluate(() => /** @type {HTMLElement} */ (document.querySelector('#overlay [data-overlay="gap"]')).click());
  await page.selectOption('#unit-filter', 'ports');
  await shareDialog(page);
  // its own labelled box and copy button, reached from the element's by Tab
  const box = page.locator('#embed-iframe-snippet');
  assert.equal(await page.$eval('#embed-iframe-snippet', (a) => a.labels?.[0]?.textContent), 'Extrait iframe');
  assert.equal(await box.getAttribute('readonly'), '');
  const iframe = await box.inputValue();
  assert.match(iframe, /^<iframe src="\/wfe\/embed\.html#m=[A-Za-z0-9_-]+&amp;overlay=gap&amp;unit=ports&amp;lang=fr" title="Schéma de l’écosystème de main-d’œuvre : Harbourline Group"/);
  // the class the README's rule for pages that must fit phones sizes
  assert.match(iframe, / class="wfe"><\/iframe>/);
  await page.focus('#embed-copy');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'embed-iframe-snippet');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'embed-iframe-copy');
  // it fits the phone: no box wider than the dialog
  const widths = await page.$eval('#dialog', (d) => ({
    dialog: d.getBoundingClientRect().right,
    widest: Math.max(...[...d.querySelectorAll('textarea, button, ul')].map((e) => e.getBoundingClientRect().right)),
    scroll: d.scrollWidth - d.clientWidth,
  }));
  assert.ok(widths.widest <= widths.dialog && widths.scroll <= 0, JSON.stringify(widths));
  await page.screenshot({ path: join(SHOTS, 'share-iframe-390.png'), fullPage: true });
  const files = await page.$$eval('#dialog .embed-files li code:first-child', (c) => c.map((x) => x.textContent));
  assert.deepEqual(files, [
    'dist/element.js', 'dist/pkg/diagram_bg.wasm', 'dist/i18n/core-fr.json',
    'dist/embed.html', 'dist/embed.js', 'dist/embed.css', 'dist/themes.css',
  ]);
  await page.close();

  // pasted on the intranet with the listed files copied: the same view, in French
  for (const f of files) {
    const to = join(intranet.root, 'wfe', f.replace(/^dist\//, ''));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(join(SITE, f.replace(/^dist\//, '')), to);
  }
  const host = await openPage(env.browser, intranetPage('iframe.html', iframe));
  const frame = await (await host.waitForSelector('iframe')).contentFrame();
  await frame.waitForFunction(() => document.querySelector('workforce-ecosystem')?.state === 'ready');
  const shown = await frame.evaluate(() => {
    const e = document.querySelector('workforce-ecosystem');
    const svg = e.shadowRoot.querySelector('.diagram svg');
    const frame = e.shadowRoot.querySelector('.frame');
    return {
      lang: document.documentElement.lang,
      overlay: svg.getAttribute('data-overlay'),
      unit: svg.getAttribute('data-unit'),
      // the pasted frame's size has room for the drawing's text at 12 px: nothing scrolls
      scrolls: frame.classList.contains('room-scroll') || frame.scrollHeight > frame.clientHeight + 1,
    };
  });
  assert.deepEqual(shown, { lang: 'fr', overlay: 'gap', unit: 'ports', scrolls: false });
  assert.deepEqual(host.problems, []);
  await host.context().close();
});
