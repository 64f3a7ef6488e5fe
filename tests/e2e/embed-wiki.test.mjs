// The text syntax in pages, in Chromium under the strict CSP: wiki.js on a
// page that a Markdown renderer (marked) made from a document with
// ```workforce-ecosystem blocks, the element's inline text, and the core's
// text API (Workspace.fromText, toText, replaceText).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { marked } from 'marked';
import { openPage, servePage, setup } from './harness.mjs';

const env = setup();

const MARKDOWN = `# Our ecosystem

Where we stand:

\`\`\`workforce-ecosystem
name "Today <b>&</b>"
score hr integration 1 -> 3
score procurement integration 2 -> 3
\`\`\`

Where the ports should be, with three players:

\`\`\`workforce-ecosystem
name "Ports"
player ops "Operations"
player hr
player legal
theme people
score ops people 3
score legal people 1
\`\`\`

And a block with a mistake:

\`\`\`workforce-ecosystem
score hr integration lots
\`\`\`
`;

/** Serves `body` at `path` of the test server with the strict CSP header. */
async function pageAt(path, body) {
  const page = await openPage(env.browser, null);
  await servePage(page, `${env.origin}${path}`, body);
  await page.goto(`${env.origin}${path}`);
  return page;
}

/** Waits until every <workforce-ecosystem> has settled; their states. */
async function settledAll(page, count) {
  await page.waitForFunction(
    (n) => {
      const all = [...document.querySelectorAll('workforce-ecosystem')];
      return all.length === n && all.every((e) => e.state && e.state !== 'loading');
    },
    count,
  );
  return page.$$eval('workforce-ecosystem', (all) => all.map((e) => e.state));
}

test('wiki.js draws every block of a Markdown page in place, keeping its source', async () => {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Wiki</title>
<script type="module" src="/wiki.js"></script></head><body>${marked.parse(MARKDOWN)}</body></html>`;
  assert.equal((html.match(/class="language-workforce-ecosystem"/g) ?? []).length, 3);
  const page = await pageAt('/wiki-test.html', html);
  assert.deepEqual(await settledAll(page, 3), ['ready', 'ready', 'error']);
  const figures = await page.$$eval('figure.wfe-wiki', (all) =>
    all.map((f) => {
      const e = f.querySelector('workforce-ecosystem');
      const svg = e.shadowRoot.querySelector('.diagram svg');
      const code = f.querySelector('details.wfe-wiki-source > pre > code');
      return {
        title: svg?.querySelector(':scope > title')?.textContent ?? null,
        players: [...new Set([...(svg?.querySelectorAll('.cell') ?? [])].map((c) => c.getAttribute('data-player')))],
        source: code?.textContent ?? null,
        error: e.shadowRoot.querySelector('.error').hidden ? null : e.shadowRoot.querySelector('.error').textContent,
        overlay: e.getAttribute('overlay'),
      };
    }),
  );
  assert.equal(figures.length, 3);
  // Each block's own model: names, players, scores shown.
  assert.ok(figures[0].title.startsWith('Today <b>&</b>:'), figures[0].title);
  assert.deepEqual(figures[0].players, ['senior-leaders', 'procurement', 'finance-legal', 'business-unit-leaders', 'it', 'hr']);
  assert.ok(figures[1].title.startsWith('Ports:'), figures[1].title);
  assert.deepEqual(figures[1].players, ['ops', 'hr', 'legal']);
  assert.equal(figures[0].overlay, 'current');
  // The source is kept, exactly, for copying.
  assert.equal(figures[0].source, 'name "Today <b>&</b>"\nscore hr integration 1 -> 3\nscore procurement integration 2 -> 3\n');
  assert.equal(figures[2].source, 'score hr integration lots\n');
  // The broken block says where and what, and draws nothing.
  assert.match(figures[2].error, /line 1, column 22\): expected the current score \(a number\), found "lots"/);
  // No <pre> of ours is left outside a figure; the hostile name made no element.
  assert.equal(await page.$$eval('body > pre', (p) => p.length), 0);
  assert.equal(await page.$$eval('b', (b) => b.length), 0);
  // The scored cell is drawn with its score.
  const scored = await page.$eval('figure.wfe-wiki workforce-ecosystem', (e) =>
    e.shadowRoot.querySelector('.cell[data-theme="integration"][data-player="hr"]').getAttribute('class'),
  );
  assert.match(scored, /level-1/);
  // Drawing again leaves drawn blocks alone.
  const again = await page.evaluate(async () => (await import('/wiki.js')).drawBlocks().length);
  assert.equal(again, 0);
  assert.deepEqual(page.problems, []);
  await page.screenshot({ path: 'target/wiki-test.png', fullPage: true });
  await page.context().close();
});

test('the element reads the text syntax inline, from a text/plain script or its own text', async () => {
  const page = await pageAt(
    '/inline-text.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inline</title>
<script type="module" src="/element.js"></script></head><body>
<workforce-ecosystem id="script"><script type="text/plain">name "From a script"
score hr integration 1 -> 3</script></workforce-ecosystem>
<workforce-ecosystem id="own">
  name "From its text"
  unit shops
  score it technology 2 unit shops
</workforce-ecosystem>
<workforce-ecosystem id="json"><script type="application/json">{"schema": "workforce-ecosystem/v1", "name": "JSON still"}</script></workforce-ecosystem>
</body></html>`,
  );
  assert.deepEqual(await settledAll(page, 3), ['ready', 'ready', 'ready']);
  const models = await page.$$eval('workforce-ecosystem', (all) => all.map((e) => e.model));
  assert.equal(models[0].name, 'From a script');
  assert.equal(models[0].assessments[0].target, 3);
  assert.equal(models[1].name, 'From its text');
  assert.deepEqual(models[1].units, [{ id: 'shops', label: 'shops' }]);
  assert.equal(models[2].name, 'JSON still');
  // The model property takes the text syntax too.
  const named = await page.evaluate(async () => {
    const e = document.getElementById('json');
    const loaded = new Promise((ok) => e.addEventListener('wfe-load', ok, { once: true }));
    e.model = 'name "Set as text"\nscore hr leadership 4';
    await loaded;
    return e.model.name;
  });
  assert.equal(named, 'Set as text');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the core reads and writes the text syntax for scripts', async () => {
  const page = await openPage(env.browser, `${env.origin}/embed.html`);
  const got = await page.evaluate(async () => {
    const { default: init, Workspace } = await import('/pkg/workforce_ecosystem.js');
    await init();
    const ws = Workspace.fromText('name "A"\nscore hr integration 1 -> 3\n');
    const text = ws.toText();
    let problems = null;
    try {
      ws.replaceText('score hr integration 9');
    } catch (e) {
      problems = e.problems;
    }
    const unchanged = ws.toText() === text;
    const changed = ws.replaceText('name "B"\nscore hr integration 2 -> 3\n');
    const same = ws.replaceText(ws.toText());
    const afterUndo = (ws.undo(), ws.model().name);
    ws.free();
    return { text, problems, unchanged, changed, same, afterUndo };
  });
  assert.equal(got.text, 'name "A"\n\nscore hr integration 1 -> 3\n');
  assert.deepEqual(got.problems, [
    { path: 'assessments[0].current', message: '9 is outside the scale 0 to 4', line: 1, column: 22 },
  ]);
  assert.equal(got.unchanged, true, 'an invalid text changes nothing');
  assert.equal(got.changed, true);
  assert.equal(got.same, false, 'the same model is no step');
  assert.equal(got.afterUndo, 'A', 'a text edit is one undoable step');
  await page.context().close();
});

test('a wiki block stays inert text when the page is serialised and parsed again', async () => {
  // A label that would close a raw-text element (a <script>) and open markup.
  const page = await pageAt(
    '/wiki-roundtrip.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Wiki</title>
<script type="module" src="/wiki.js"></script></head><body><main id="content">
<pre><code class="language-workforce-ecosystem">name "Acme &lt;/script&gt;&lt;img src=x onerror=document.title='PWNED'&gt;"
score hr integration 1 -&gt; 3
</code></pre></main></body></html>`,
  );
  assert.deepEqual(await settledAll(page, 1), ['ready']);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  // A wiki's preview or save: the drawn HTML, serialised and parsed again.
  await page.evaluate(() => {
    const main = /** @type {HTMLElement} */ (document.getElementById('content'));
    main.innerHTML = main.innerHTML;
  });
  assert.deepEqual(await settledAll(page, 1), ['ready']);
  const after = await page.evaluate(() => {
    const e = document.querySelector('workforce-ecosystem');
    return {
      imgs: document.querySelectorAll('img').length,
      title: document.title,
      name: e.model?.name,
      scored: e.shadowRoot.querySelector('.cell[data-theme="integration"][data-player="hr"]')?.getAttribute('class') ?? '',
      source: document.querySelector('details.wfe-wiki-source code')?.textContent,
    };
  });
  assert.equal(after.imgs, 0, 'no element was made from the label');
  assert.equal(after.title, 'Wiki');
  assert.ok(!requested.includes('/x'), requested.join(' '));
  // the same diagram, not the sample
  assert.equal(after.name, `Acme </script><img src=x onerror=document.title='PWNED'>`);
  assert.match(after.scored, /level-1/);
  assert.equal(after.source, `name "Acme </script><img src=x onerror=document.title='PWNED'>"\nscore hr integration 1 -> 3\n`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a broken block at 390 px: its view switch shows the block’s overlay, and every problem can be read', async () => {
  // A block with many mistakes, asking for the gaps view.
  const lines = ['name "Broken"', ...Array.from({ length: 12 }, (_, i) => `score hr integration lots${i}`)];
  const page = await openPage(env.browser, null, { viewport: { width: 390, height: 844 } });
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Wiki</title>
<script type="module" src="/wiki.js"></script></head><body>
<pre data-overlay="gap"><code class="language-workforce-ecosystem">${lines.join('\n')}
</code></pre></body></html>`;
  await servePage(page, `${env.origin}/wiki-broken.html`, body);
  await page.goto(`${env.origin}/wiki-broken.html`);
  assert.deepEqual(await settledAll(page, 1), ['error']);
  const seen = await page.evaluate(() => {
    const e = document.querySelector('workforce-ecosystem');
    const root = e.shadowRoot;
    const select = root.querySelector('select[name="overlay"]');
    // every scroll box in the error is one a keyboard can reach, or there is none
    const cut = [...root.querySelectorAll('.error, .error *')].filter(
      (x) => x.scrollHeight > x.clientHeight + 1 && getComputedStyle(x).overflowY !== 'visible' && x.tabIndex < 0,
    );
    return { attr: e.getAttribute('overlay'), value: select.value, said: select.selectedOptions[0]?.textContent, cut: cut.map((x) => x.tagName), text: root.querySelector('.error').textContent };
  });
  assert.equal(seen.attr, 'gap');
  assert.equal(seen.value, 'gap');
  assert.equal(seen.said, 'Gaps to target');
  assert.deepEqual(seen.cut, [], 'no part of the problems is hidden in a box the keyboard cannot scroll');
  assert.match(seen.text, /line 13, column \d+\): expected the current score \(a number\), found "lots11"/);
  await page.screenshot({ path: 'target/wiki-broken-390.png', fullPage: true });
  await page.context().close();
});
