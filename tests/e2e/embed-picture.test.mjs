// The picture the Embed dialog's snippet carries (Workspace.picture): the
// element shows it from the moment its script runs, before the core has
// started, in the layout the core then draws and in the same place, and keeps
// it on a page that does not allow WebAssembly. Checked with the snippet the
// editor's dialog gives, pasted into a page under the project's policy, with
// the Wasm module held back until the picture has been looked at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage } from './harness.mjs';
import { setup, open, axeViolations } from './page-helpers.mjs';
import { CSP } from '../../scripts/serve.mjs';

const env = setup();
const SHOTS = process.env.WFE_SHOTS ?? join(tmpdir(), 'wfe-picture');
mkdirSync(SHOTS, { recursive: true });

/** The dialog's snippet, with the element's files at the site's root (where the test server has them). */
let snippet;
async function dialogSnippet() {
  if (snippet) return snippet;
  const page = await open(env);
  await page.click('#share');
  await page.waitForSelector('#dialog[open] #embed-snippet');
  await page.fill('#embed-base', '/');
  await page.waitForFunction(() => document.getElementById('embed-snippet').value.includes('src="/element.js"'));
  snippet = await page.inputValue('#embed-snippet');
  await page.context().close();
  return snippet;
}

/**
 * Opens a page holding `markup` under the project's policy, with the Wasm
 * module held back until `release()` (or refused, `wasm: 'refuse'`).
 */
async function host(markup, { viewport = { width: 1366, height: 900 }, wasm = 'hold', colorScheme, forcedColors, css = '' } = {}) {
  const page = await openPage(env.browser, null, { viewport });
  if (colorScheme || forcedColors) await page.emulateMedia({ colorScheme, forcedColors });
  // what the element tells the page, from the start
  await page.addInitScript(() => {
    window.told = [];
    document.addEventListener('wfe-error', (e) => window.told.push(e.detail.message));
  });
  let release;
  const gate = new Promise((ok) => (release = ok));
  await page.route('**/pkg/diagram_bg.wasm', async (route) => {
    if (wasm === 'refuse') return route.abort();
    await gate;
    return route.continue();
  });
  await page.route(`${env.origin}/intranet.html`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      headers: { 'content-security-policy': CSP },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Our ecosystem</title><link rel="stylesheet" href="/intranet.css"></head>
<body><main><h1>Our ecosystem</h1>
${markup}</main></body></html>`,
    }),
  );
  // the page's own stylesheet (an inline one would break the policy)
  await page.route(`${env.origin}/intranet.css`, (route) => route.fulfill({ contentType: 'text/css', body: css }));
  page.on('console', () => {}); // (the refused module's console error is expected there)
  await page.goto(`${env.origin}/intranet.html`);
  return { page, release };
}

/** What the element shows: its state, the drawing's layout, markup and place, and its own height. */
function seen(page) {
  return page.evaluate(() => {
    const e = document.querySelector('workforce-ecosystem');
    const svg = e.shadowRoot.querySelector('.diagram svg');
    const cell = svg?.querySelector('.cell');
    const box = cell?.getBoundingClientRect();
    return {
      state: e.state,
      cells: svg ? svg.querySelectorAll('.cell').length : 0,
      layout: svg ? (svg.getAttribute('class').match(/wfe-layout-(\w+)/)?.[1] ?? 'wide') : null,
      overlay: svg?.getAttribute('data-overlay') ?? null,
      // each element with its attributes (in any order) and its own text:
      // the spaces between elements and the order of attributes are how the
      // markup was written, not what it draws
      markup: svg
        ? [svg, ...svg.querySelectorAll('*')].map((n) =>
            [n.localName, ...[...n.attributes].map((a) => `${a.name}=${a.value}`).sort(), ...[...n.childNodes].filter((c) => c.nodeType === 3).map((c) => c.data.trim()).filter(Boolean)].join(' '),
          )
        : null,
      cell: box && [box.x, box.y, box.width, box.height].map((n) => Math.round(n * 10) / 10),
      height: Math.round(e.getBoundingClientRect().height * 10) / 10,
      error: !e.shadowRoot.querySelector('.error').hidden,
      fallback: [...e.children].find((c) => c.localName === 'p')?.checkVisibility() ?? false,
    };
  });
}

const drawn = (page) => page.waitForFunction(() => document.querySelector('workforce-ecosystem')?.shadowRoot?.querySelector('.diagram svg .cell'));
const settled = (page) => page.waitForFunction(() => document.querySelector('workforce-ecosystem').state !== 'loading');

test('the snippet carries the core picture: one template per layout the element can choose, each saying its widths', async () => {
  await dialogSnippet();
  const templates = [...snippet.matchAll(/<template data-wfe-picture="(\w+)" data-from="(\d+)"(?: data-below="(\d+)")?>/g)];
  assert.ok(templates.length >= 2, 'a narrow picture and one with the names beside');
  assert.equal(templates[0][1], 'narrow');
  assert.equal(templates[0][2], '0');
  for (let i = 1; i < templates.length; i++) assert.equal(templates[i][2], templates[i - 1][3], 'the runs of widths meet');
  assert.equal(templates.at(-1)[3], undefined, 'the last runs on');
  assert.ok(!/<style/.test(snippet), 'no inline stylesheet, which the policy would refuse');
});

// A desktop page, a phone, 200 % zoom (half the CSS px), and each side of the
// width where the sample's layout changes (the element is the page less 16 px).
for (const [name, viewport] of [
  ['1366 px', { width: 1366, height: 900 }],
  ['a 390 px phone', { width: 390, height: 844 }],
  ['200 % zoom', { width: 683, height: 450 }],
  ['just below the change', { width: 0, height: 900 }],
  ['at the change', { width: 0, height: 900 }],
]) {
  test(`${name}: the picture shows before the core, and the core's drawing takes its place unchanged`, async () => {
    await dialogSnippet();
    if (!viewport.width) {
      const from = Number(snippet.match(/<template data-wfe-picture="\w+" data-from="(\d+)"/g).at(-1).match(/data-from="(\d+)"/)[1]);
      viewport.width = from + 16 + (name === 'at the change' ? 0 : -1);
    }
    const { page, release } = await host(snippet, { viewport });
    await drawn(page);
    const before = await seen(page);
    assert.equal(before.state, 'loading', 'the core has not started');
    assert.equal(before.cells, 24);
    assert.equal(before.overlay, 'current');
    assert.equal(before.fallback, false, 'the fallback line is not shown');
    if (name === 'a 390 px phone') assert.equal(before.layout, 'narrow');
    if (name === '1366 px') {
      assert.notEqual(before.layout, 'narrow');
      // the picture as readers meet it: an image with its description
      assert.deepEqual(await axeViolations(page, 'the picture'), []);
    }
    await page.screenshot({ path: join(SHOTS, `picture-${name.replace(/\W+/g, '-')}.png`) });
    release();
    await settled(page);
    const after = await seen(page);
    assert.equal(after.state, 'ready');
    assert.equal(after.layout, before.layout, 'the core draws the layout the picture showed');
    assert.deepEqual(after.cell, before.cell, 'the first cell stays where it was');
    assert.equal(after.height, before.height, 'the element keeps its height');
    assert.deepEqual(after.markup, before.markup, 'the picture is the drawing the core makes');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('where WebAssembly cannot run, the picture stays, still, and the page is told why', async () => {
  await dialogSnippet();
  const { page } = await host(snippet, { wasm: 'refuse' });
  await settled(page);
  const s = await seen(page);
  assert.equal(s.state, 'error');
  assert.equal(s.cells, 24, 'the diagram is still there');
  assert.equal(s.error, false, 'no error box over a diagram that reads right');
  assert.equal(s.fallback, false);
  assert.match((await page.evaluate(() => window.told)).join(' '), /The diagram engine \(WebAssembly\) could not start/);
  await page.context().close();
});

test('a picture drawn for another view is not shown: the element waits for the core to draw its own', async () => {
  await dialogSnippet();
  for (const [name, from, to, check] of [
    ['another overlay', 'overlay="current"', 'overlay="gap"', (s) => s.overlay === 'gap'],
    ['a title block', 'overlay="current"', 'overlay="current" caption="2026-12"', (s) => s.markup.some((line) => line.includes('caption-title'))],
  ]) {
    const other = snippet.replace(`<workforce-ecosystem lang="en" ${from}`, `<workforce-ecosystem lang="en" ${to}`);
    assert.notEqual(other, snippet);
    const { page, release } = await host(other);
    await page.waitForFunction(() => customElements.get('workforce-ecosystem'));
    await page.waitForTimeout(200);
    assert.equal((await seen(page)).cells, 0, `${name}: no picture of another view`);
    release();
    await settled(page);
    const s = await seen(page);
    assert.equal(s.state, 'ready');
    assert.ok(check(s), `${name}: the core draws the element's own view`);
    await page.context().close();
  }
});

test('an element whose height the page caps waits for the core: no picture of a layout the core would not choose', async () => {
  await dialogSnippet();
  // the README's theming example caps the drawing's height; at 1366 px the
  // picture for the width alone is square, the core's choice in 32rem wide
  const css = 'workforce-ecosystem { --wfe-max-height: 32rem; }';
  for (const wasm of ['hold', 'refuse']) {
    const { page, release } = await host(snippet, { wasm, css });
    await page.waitForFunction(() => customElements.get('workforce-ecosystem'));
    if (wasm === 'hold') {
      await page.waitForTimeout(200);
      assert.equal((await seen(page)).cells, 0, 'no picture before the core has chosen');
      const layouts = await page.evaluateHandle(() => {
        const seenLayouts = [];
        const root = document.querySelector('workforce-ecosystem').shadowRoot;
        new MutationObserver(() => {
          const svg = root.querySelector('.diagram svg');
          if (svg) seenLayouts.push(svg.getAttribute('class'));
        }).observe(root, { childList: true, subtree: true });
        return seenLayouts;
      });
      release();
      await settled(page);
      const s = await seen(page);
      assert.equal(s.state, 'ready');
      assert.equal(s.cells, 24);
      const classes = await layouts.jsonValue();
      assert.equal(new Set(classes.map((c) => c.match(/wfe-layout-(\w+)/)?.[1] ?? 'wide')).size, 1, `one layout drawn: ${classes}`);
    } else {
      // where the core cannot start, the picture is better than nothing
      await settled(page);
      const s = await seen(page);
      assert.equal(s.state, 'error');
      assert.equal(s.cells, 24, 'the picture is shown');
      assert.equal(s.error, false);
    }
    await page.context().close();
  }
});

test('the room changing before the core has started changes the picture with it', async () => {
  await dialogSnippet();
  const { page, release } = await host(snippet);
  await drawn(page);
  assert.notEqual((await seen(page)).layout, 'narrow');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForFunction(() => /wfe-layout-narrow/.test(document.querySelector('workforce-ecosystem').shadowRoot.querySelector('.diagram svg').getAttribute('class')));
  release();
  await settled(page);
  assert.equal((await seen(page)).layout, 'narrow');
  await page.context().close();
});

test('the picture takes the reader’s looks: dark and forced colours', async () => {
  await dialogSnippet();
  for (const [name, media] of [['dark', { colorScheme: 'dark' }], ['forced-colours', { forcedColors: 'active' }]]) {
    const { page, release } = await host(snippet, media);
    await drawn(page);
    const { fill, canvasText } = await page.evaluate(() => {
      const e = document.querySelector('workforce-ecosystem');
      const probe = document.body.appendChild(document.createElement('span'));
      probe.style.color = 'CanvasText';
      return { fill: getComputedStyle(e.shadowRoot.querySelector('.diagram svg text')).fill, canvasText: getComputedStyle(probe).color };
    });
    if (name === 'dark') {
      const [r, g, b] = fill.match(/\d+/g).map(Number);
      assert.ok(r + g + b > 600, `dark: light text, not ${fill}`);
    } else assert.equal(fill, canvasText, 'forced colours: the system’s text colour');
    await page.screenshot({ path: join(SHOTS, `picture-${name}.png`) });
    release();
    await page.context().close();
  }
});

test('an element that loads its model with src shows the picture `wfe render --picture` makes for it', async () => {
  // the templates as the CLI prints them: the core's Workspace.picture for the file and the attributes
  const probe = await openPage(env.browser, `${env.origin}/index.html`);
  const picture = await probe.evaluate(async () => {
    const { default: init, Workspace } = await import('/pkg/workforce_ecosystem.js');
    await init();
    const ws = new Workspace(await (await fetch('/models/sample.json')).text());
    return ws.picture({ overlay: 'gap', standalone: true });
  });
  await probe.context().close();
  const { page, release } = await host(`<script type="module" src="/element.js"></script>
<workforce-ecosystem src="/models/sample.json" overlay="gap" readonly>
${picture}</workforce-ecosystem>`);
  await drawn(page);
  const before = await seen(page);
  assert.equal(before.state, 'loading');
  assert.equal(before.overlay, 'gap');
  release();
  await settled(page);
  const after = await seen(page);
  assert.equal(after.state, 'ready');
  assert.deepEqual(after.markup, before.markup);
  await page.context().close();
});

test('an editor in French gives an element in French: its picture, the core’s drawing and the files to copy', async () => {
  const page = await open(env);
  await page.selectOption('.lang select', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await page.click('#share');
  await page.waitForSelector('#dialog[open] #embed-snippet');
  await page.fill('#embed-base', '/');
  await page.waitForFunction(() => document.getElementById('embed-snippet').value.includes('src="/element.js"'));
  const french = await page.inputValue('#embed-snippet');
  const files = await page.$$eval('#dialog .embed-files:not(#embed-iframe-files) li code:last-child', (c) => c.map((x) => x.textContent));
  await page.context().close();
  assert.deepEqual(files, ['/element.js', '/pkg/diagram_bg.wasm', '/i18n/core-fr.json']);
  assert.match(french, /<workforce-ecosystem lang="fr" overlay="current" readonly>/);
  assert.match(french, /<p>Schéma de l’écosystème de main-d’œuvre de Harbourline Group\. Si cette ligne reste/);
  const picture = french.slice(french.indexOf('<template'), french.lastIndexOf('</template>'));
  assert.match(picture, /Approches de leadership/);
  assert.doesNotMatch(picture, /Leadership approaches/);

  const { page: host1, release } = await host(french);
  await drawn(host1);
  const before = await seen(host1);
  release();
  await settled(host1);
  const after = await seen(host1);
  assert.equal(after.state, 'ready');
  assert.deepEqual(after.markup, before.markup, 'the core draws in French what the picture showed');
  assert.equal(await host1.evaluate(() => document.querySelector('workforce-ecosystem').shadowRoot.querySelector('.frame').lang), 'fr');
  assert.deepEqual(host1.problems, []);
  await host1.context().close();
});
