// embed.html with the model in its URL fragment, and the paste-one-snippet
// promise: the snippets embedSnippet() builds work on a page of their own
// under the strict CSP, whatever the model's labels contain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, servePage, SITE, setup } from './harness.mjs';
import { measureDiagram } from './page-helpers.mjs';

const STUDIO = readFileSync(new URL('models/studio.json', `file://${SITE}`), 'utf8');

/** The SVG title names the model first, then says what the diagram shows. */
function startsWithName(title, name) {
  return typeof title === 'string' && title.startsWith(`${name}:`);
}

const env = setup();

/** Runs fragment.js in a page of this origin: the fragment for `json` and `view`. */
async function fragmentFor(page, json, view) {
  return page.evaluate(
    async ([j, v]) => (await import('/fragment.js')).modelFragment(j, v),
    [json, view],
  );
}

async function diagramIn(frameOrPage) {
  await frameOrPage.waitForFunction(() => {
    const e = document.querySelector('workforce-ecosystem');
    return e && e.state && e.state !== 'loading';
  });
  return frameOrPage.evaluate(() => {
    const e = document.querySelector('workforce-ecosystem');
    const root = e.shadowRoot;
    return {
      state: e.state,
      cells: root.querySelectorAll('.diagram svg .cell').length,
      title: root.querySelector('.diagram svg > title')?.textContent ?? null,
      overlay: e.getAttribute('overlay'),
      unit: e.getAttribute('unit'),
      theme: e.getAttribute('theme'),
      readonly: e.hasAttribute('readonly'),
      pageBg: getComputedStyle(document.body).backgroundColor,
      error: root.querySelector('.error').hidden ? null : root.querySelector('.error').textContent,
    };
  });
}

test('embed.html draws the compressed model of its fragment with the view options', async () => {
  const page = await openPage(env.browser, `${env.origin}/embed.html`);
  const fragment = await fragmentFor(page, STUDIO, { overlay: 'gap', unit: 'web', theme: 'dark' });
  assert.match(fragment, /^m=[A-Za-z0-9_-]+&overlay=gap&unit=web&theme=dark$/);
  assert.ok(fragment.length < STUDIO.length, 'the compressed form is shorter than the JSON');
  await page.goto(`${env.origin}/embed.html#${fragment}`);
  await page.reload(); // a fresh load, not only a hash change
  const shown = await diagramIn(page);
  assert.equal(shown.state, 'ready');
  assert.equal(shown.cells, 15);
  assert.ok(startsWithName(shown.title, 'Harbour Design Studio'));
  assert.deepEqual([shown.overlay, shown.unit, shown.theme, shown.readonly], ['gap', 'web', 'dark', true]);
  const darkBg = await page.evaluate(async () => {
    const probe = document.createElement('div');
    probe.style.color = (await import('/element.js')).THEMES.dark.bg;
    document.body.append(probe);
    const c = getComputedStyle(probe).color;
    probe.remove();
    return c;
  });
  assert.equal(shown.pageBg, darkBg, 'the page around the diagram takes the dark look');
  assert.equal(await page.title(), 'Harbour Design Studio – workforce ecosystem');
  assert.deepEqual(page.problems, []);
});

test('embed.html starts its core before it reads its link, so the two go on together', async () => {
  const page = await openPage(env.browser, `${env.origin}/embed.html`);
  const fragment = await fragmentFor(page, STUDIO, {});
  await page.addInitScript(() => {
    window.__order = [];
    const get = window.fetch;
    window.fetch = function (input, ...rest) {
      if (String(input instanceof Request ? input.url : input).endsWith('.wasm')) window.__order.push('core');
      return get.call(this, input, ...rest);
    };
    const Inflate = DecompressionStream;
    window.DecompressionStream = class extends Inflate {
      constructor(...args) {
        window.__order.push('link');
        super(...args);
      }
    };
  });
  await page.goto(`${env.origin}/embed.html#${fragment}`);
  await page.reload();
  assert.equal((await diagramIn(page)).state, 'ready');
  assert.deepEqual(await page.evaluate(() => window.__order), ['core', 'link']);
  assert.deepEqual(page.problems, []);
});

test('embed.html takes plain #json= too, follows hash changes, and explains a damaged link', async () => {
  const page = await openPage(env.browser, `${env.origin}/embed.html`);
  const shownSample = await diagramIn(page);
  assert.equal(shownSample.state, 'ready', 'without a fragment it shows the sample');
  assert.equal(shownSample.cells, 24);

  const plain = { schema: 'workforce-ecosystem/v1', name: 'Plain <b>link</b> & co' };
  const fragment = await fragmentFor(page, JSON.stringify(plain), { compress: false, controls: '1' });
  assert.match(fragment, /^json=[A-Za-z0-9_-]+&controls=1$/);
  await page.evaluate((f) => (location.hash = f), fragment);
  await page.waitForFunction(() => document.querySelector('workforce-ecosystem').model?.name?.startsWith('Plain'));
  const shown = await diagramIn(page);
  assert.ok(startsWithName(shown.title, 'Plain <b>link</b> & co'));
  assert.equal(shown.readonly, false, 'controls=1 lets readers switch the view');

  // A link cut short in the middle of the compressed data.
  const full = await fragmentFor(page, STUDIO, {});
  await page.evaluate((f) => (location.hash = f), full.slice(0, 40));
  await page.waitForSelector('#problem:not([hidden])');
  assert.match(await page.textContent('#problem'), /link is broken: the model in the link is damaged/);
  // The last good diagram stays.
  assert.ok(startsWithName((await diagramIn(page)).title, 'Plain <b>link</b> & co'));

  // Characters base64url does not use.
  await page.evaluate(() => (location.hash = 'm=abc$def'));
  await page.waitForFunction(() => /characters/.test(document.getElementById('problem').textContent));

  // A valid fragment holding an invalid model: the core's message inside the element.
  const badJson = '{"schema":"workforce-ecosystem/v1","name":"x","assessments":7}';
  const bad = await fragmentFor(page, badJson, {});
  await page.evaluate((f) => (location.hash = f), bad);
  await page.waitForFunction(() => document.querySelector('workforce-ecosystem').state === 'error');
  const failed = await diagramIn(page);
  const coreMessage = await page.evaluate(async (j) => {
    // (the element carries its own copy of the core: the one scripts import is started here)
    const { default: init, Workspace } = await import('/pkg/workforce_ecosystem.js');
    await init();
    try {
      new Workspace(j);
    } catch (e) {
      return e.message;
    }
  }, badJson);
  assert.ok(coreMessage && failed.error.includes(coreMessage), failed.error);
  assert.equal(await page.isHidden('#problem'), true);
  assert.deepEqual(page.problems, []);
});

test('a model too large once unpacked is refused without unpacking it all', async () => {
  const page = await openPage(env.browser, `${env.origin}/embed.html`);
  await diagramIn(page);
  const message = await page.evaluate(async () => {
    const { deflateRaw, base64urlEncode, readFragment } = await import('/fragment.js');
    const zeros = new Uint8Array(12 * 1024 * 1024); // 12 MB of zeros packs into a few KB
    const m = base64urlEncode(await deflateRaw(zeros));
    try {
      await readFragment(`#m=${m}`);
      return 'accepted';
    } catch (e) {
      return `${m.length}: ${e.message}`;
    }
  });
  assert.match(message, /^\d+: the model in the link is larger than 10 MB once unpacked$/);
  assert.ok(Number(message.split(':')[0]) < 100_000);
});

test('a pasted snippet gives a working, themed diagram under the strict CSP, with hostile labels inert', async () => {
  const page = await openPage(env.browser, `${env.origin}/demo.html`);
  const hostile = JSON.parse(STUDIO);
  hostile.name = `Studio "quoted" </script><img src=x id=pwned> & 'single'`;
  hostile.framework.players[0].label = '<script>window.pwned=1</script>';
  const snippets = await page.evaluate(
    // (the site's own root stands for the intranet's folder of copied files)
    async (json) => (await import('/snippet.js')).embedSnippet(json, { overlay: 'gap', unit: 'print', theme: 'high-contrast', base: '/' }),
    JSON.stringify(hostile, null, 2),
  );
  assert.match(snippets.element, /\n<script type="module" src="\/element\.js"><\/script>\n/);
  assert.match(snippets.element, /<workforce-ecosystem lang="en" overlay="gap" unit="print" theme="high-contrast" readonly>/);
  assert.ok(!snippets.element.includes('</script><img'), 'the inline model cannot close its script element');
  assert.match(snippets.url, /\/embed\.html#m=[A-Za-z0-9_-]+&overlay=gap&unit=print&theme=high-contrast$/);
  assert.ok(snippets.iframe.includes('&amp;overlay=gap'), 'the iframe URL is attribute-escaped');
  assert.ok(snippets.iframe.includes('title="Workforce ecosystem diagram: Studio &quot;quoted&quot; &lt;/script&gt;'));

  // An intranet page holding nothing but the two snippets, served under the same CSP.
  const host = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Intranet</title></head>
<body><h1>Our ecosystem</h1>
${snippets.element}
${snippets.iframe}
</body></html>`;
  const intranet = await openPage(env.browser, null);
  await servePage(intranet, `${env.origin}/intranet/page.html`, host);
  await intranet.goto(`${env.origin}/intranet/page.html`);
  const shown = await diagramIn(intranet);
  assert.equal(shown.state, 'ready');
  assert.equal(shown.cells, 15);
  assert.ok(startsWithName(shown.title, hostile.name));
  assert.deepEqual([shown.overlay, shown.unit, shown.theme, shown.readonly], ['gap', 'print', 'high-contrast', true]);
  const hostBg = await intranet.evaluate(() =>
    getComputedStyle(document.querySelector('workforce-ecosystem')).getPropertyValue('--wfe-bg').trim(),
  );
  assert.equal(hostBg, '#000000', 'the high-contrast look applies');
  assert.equal(await intranet.evaluate(() => document.querySelectorAll('#pwned, img').length), 0);
  assert.equal(await intranet.evaluate(() => window.pwned ?? null), null);

  await intranet.locator('iframe').scrollIntoViewIfNeeded(); // it loads lazily
  await intranet.waitForFunction(() => document.querySelector('iframe').contentDocument?.readyState === 'complete');
  const frame = intranet.frames().find((f) => f.url().includes('/embed.html'));
  assert.ok(frame, 'the iframe is on the page');
  const inFrame = await diagramIn(frame);
  assert.equal(inFrame.state, 'ready');
  assert.ok(startsWithName(inFrame.title, hostile.name));
  assert.deepEqual([inFrame.overlay, inFrame.unit, inFrame.theme], ['gap', 'print', 'high-contrast']);
  assert.deepEqual(intranet.problems, []);
  assert.deepEqual(page.problems, []);
});

test("the README's copy-paste examples work as written", async () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Embedding'), readme.indexOf('\n## ', readme.indexOf('## Embedding') + 5));
  const blocks = [...section.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]);
  // The examples use /wfe/ as the folder holding www/; here that is the root.
  const local = (html) => html.replaceAll('/wfe/', '/');

  const inline = blocks.find((b) => b.includes('application/json'));
  const iframe = blocks.find((b) => b.includes('<iframe'));
  assert.ok(inline && iframe, 'the section shows the inline-model snippet and the iframe');
  const page = await openPage(env.browser, null);
  await servePage(page, `${env.origin}/intranet/readme.html`,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>${local(inline)}${local(iframe)}</body></html>`);
  await page.goto(`${env.origin}/intranet/readme.html`);
  const shown = await diagramIn(page);
  assert.equal(shown.state, 'ready');
  assert.ok(startsWithName(shown.title, 'Example Co'));
  const frame = page.frames().find((f) => f.url().includes('/embed.html#m='));
  assert.ok(frame, 'the iframe example points at embed.html with a model');
  const inFrame = await diagramIn(frame);
  assert.equal(inFrame.state, 'ready');
  assert.ok(startsWithName(inFrame.title, 'Example Co'));
  assert.deepEqual([inFrame.overlay, inFrame.theme], ['gap', 'dark']);
  assert.deepEqual(page.problems, []);
});

test('embed.html in French: `lang=fr` in the fragment, the page and its diagram in French', async () => {
  const page = await openPage(env.browser, `${env.origin}/embed.html`);
  const fragment = await fragmentFor(page, STUDIO, { overlay: 'gap', lang: 'fr', controls: '1' });
  assert.match(fragment, /&overlay=gap&controls=1&lang=fr$/);
  await page.goto(`${env.origin}/embed.html#${fragment}`);
  await page.reload();
  const shown = await diagramIn(page);
  assert.equal(shown.state, 'ready');
  const said = await page.evaluate(() => {
    const root = document.querySelector('workforce-ecosystem').shadowRoot;
    return { lang: document.documentElement.lang, bar: root.querySelector('.bar').textContent, svg: root.querySelector('.diagram svg').textContent };
  });
  assert.equal(said.lang, 'fr');
  assert.match(said.bar, /Afficher/);
  assert.match(said.svg, /Écart/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('embed.html fits its layout to the frame, height too: the drawing with the largest text, not narrow, in a square frame', async () => {
  const sample = readFileSync(new URL('models/sample.json', `file://${SITE}`), 'utf8');
  /** The layout drawn in a frame of `width` × `height`, and its cells. */
  const drawnIn = async (width, height, lang) => {
    const page = await openPage(env.browser, `${env.origin}/embed.html`, { viewport: { width, height } });
    const fragment = await fragmentFor(page, sample, { overlay: 'current', lang });
    await page.goto(`${env.origin}/embed.html#${fragment}`);
    await page.reload();
    await diagramIn(page);
    await page.waitForTimeout(300); // a redraw the first layout pass may ask for
    const out = await page.evaluate(() => {
      const svg = document.querySelector('workforce-ecosystem').shadowRoot.querySelector('.diagram svg');
      return { layout: svg.getAttribute('class').match(/layout-(\w+)/)?.[1] ?? 'wide', cells: svg.querySelectorAll('.cell').length };
    });
    assert.deepEqual(page.problems, []);
    await page.context().close();
    return out;
  };
  // the Share dialog's square frame, with room for the square's text at 12
  // px: narrow's text would be the smallest there (a 640 × 640 frame has
  // room for none at 12 px: its drawing scrolls, see the zoom test below)
  for (const lang of [undefined, 'fr']) {
    const shown = await drawnIn(720, 720, lang);
    assert.equal(shown.cells, 24);
    assert.equal(shown.layout, 'square', `720 × 720 ${lang ?? 'en'}`);
  }
  assert.equal((await drawnIn(1000, 500)).layout, 'wide');
  // a phone-sized frame, tall: narrow, as before
  assert.equal((await drawnIn(360, 900)).layout, 'narrow');
});

test('embed.html zoomed in (200 % of 1366 × 768, a 320 × 568 phone): the text never falls under 12 px; the drawing scrolls in its box instead, reached by keyboard', async () => {
  const sample = readFileSync(new URL('models/sample.json', `file://${SITE}`), 'utf8');
  for (const [viewport, controls] of [[{ width: 683, height: 384 }, '1'], [{ width: 320, height: 568 }, '1'], [{ width: 683, height: 384 }, undefined]]) {
    const what = `${viewport.width} × ${viewport.height}${controls ? '' : ' read-only'}`;
    const page = await openPage(env.browser, `${env.origin}/embed.html`, { viewport });
    const fragment = await fragmentFor(page, sample, { overlay: 'gap', controls });
    await page.goto(`${env.origin}/embed.html#${fragment}`);
    await page.reload();
    assert.equal((await diagramIn(page)).state, 'ready');
    await page.waitForTimeout(300); // a redraw the first layout pass may ask for
    const m = await page.evaluate(measureDiagram, { root: '.diagram svg', host: 'workforce-ecosystem' });
    assert.ok(m.smallest >= 11.9, `${what}: the smallest text is ${m.smallest.toFixed(1)} px (${m.smallestText}, ${m.layout})`);
    assert.ok(m.scrollWidth <= viewport.width, `${what}: nothing scrolls sideways (${m.scrollWidth})`);
    const box = await page.evaluate(() => {
      const e = document.querySelector('workforce-ecosystem');
      const diagram = e.shadowRoot.querySelector('.diagram');
      return {
        scrolls: diagram.scrollHeight > diagram.clientHeight + 1,
        // the frame itself has no scroll bar: the toolbar and the picked cell's line stay in sight
        page: document.documentElement.scrollHeight,
        focusable: diagram.tabIndex === 0,
      };
    });
    assert.ok(box.scrolls, `${what}: the drawing scrolls in its box`);
    assert.ok(box.page <= viewport.height, `${what}: the frame does not scroll (${box.page})`);
    if (!controls) {
      // no cells to focus: the box it scrolls in is a Tab stop, for the arrow keys
      assert.ok(box.focusable, `${what}: the scrolling box is focusable`);
    } else {
      // the last cell, focused by keyboard, is scrolled into sight
      const onCell = () => page.evaluate(() => document.querySelector('workforce-ecosystem').shadowRoot.activeElement?.classList.contains('cell') ?? false);
      for (let i = 0; i < 4 && !(await onCell()); i += 1) await page.keyboard.press('Tab');
      assert.ok(await onCell(), `${what}: Tab reaches the cells`);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      const seen = await page.evaluate(() => {
        const root = document.querySelector('workforce-ecosystem').shadowRoot;
        const cell = root.activeElement.getBoundingClientRect();
        const diagram = root.querySelector('.diagram').getBoundingClientRect();
        return { top: cell.top, bottom: cell.bottom, boxTop: diagram.top, boxBottom: diagram.bottom, details: !root.querySelector('.details').hidden };
      });
      assert.ok(seen.bottom > seen.boxTop && seen.top < seen.boxBottom, `${what}: the focused cell is in sight (${JSON.stringify(seen)})`);
      assert.ok(seen.details, `${what}: the picked cell's line shows`);
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
  // a frame with room for 12 px text keeps fitting the drawing to it, without a scroll bar
  const page = await openPage(env.browser, `${env.origin}/embed.html`, { viewport: { width: 1366, height: 768 } });
  const fragment = await fragmentFor(page, sample, { overlay: 'gap', controls: '1' });
  await page.goto(`${env.origin}/embed.html#${fragment}`);
  await page.reload();
  await diagramIn(page);
  await page.waitForTimeout(300);
  const m = await page.evaluate(measureDiagram, { root: '.diagram svg', host: 'workforce-ecosystem' });
  assert.ok(m.smallest >= 12, `1366 × 768: ${m.smallest}`);
  assert.equal(await page.evaluate(() => {
    const d = document.querySelector('workforce-ecosystem').shadowRoot.querySelector('.diagram');
    return d.scrollHeight > d.clientHeight + 1;
  }), false, '1366 × 768: the drawing fits its box');
  await page.context().close();
});

test('embed.html in French says its own words in French: the title, the heading, a damaged link', async () => {
  const page = await openPage(env.browser, `${env.origin}/embed.html`);
  const fragment = await fragmentFor(page, STUDIO, { lang: 'fr' });
  await page.goto(`${env.origin}/embed.html#${fragment}`);
  await page.reload();
  assert.equal((await diagramIn(page)).state, 'ready');
  const name = JSON.parse(STUDIO).name;
  await page.waitForFunction((n) => document.title.startsWith(n), name);
  assert.equal(await page.title(), `${name} – écosystème de main-d’œuvre`);
  assert.equal(await page.textContent('#heading'), `${name} – écosystème de main-d’œuvre`);
  // a French link cut short: said in French, the reason too
  await page.evaluate((f) => (location.hash = f), `${fragment.slice(0, 40)}&lang=fr`);
  await page.waitForSelector('#problem:not([hidden])');
  const said = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    problem: document.getElementById('problem').textContent,
    reasonLang: document.querySelector('#problem span')?.lang,
  }));
  assert.deepEqual(
    { lang: said.lang, title: said.title, reasonLang: said.reasonLang },
    { lang: 'fr', title: 'Schéma de l’écosystème de main-d’œuvre', reasonLang: 'fr' },
  );
  assert.match(said.problem, /^Le lien de ce schéma intégré est abîmé : le modèle qu’il porte est illisible : /);
  // and in English without lang=
  await page.evaluate((f) => (location.hash = f), fragment.slice(0, 40));
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await page.textContent('#problem'), /^This embedded diagram’s link is broken: the model/);
  assert.equal(await page.title(), 'Workforce ecosystem diagram');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('embed.html with controls=1 in the Share dialog’s 640 × 640 frame: the picked cell’s line stays inside the frame, its room kept from the start', async () => {
  const long = JSON.parse(STUDIO);
  long.framework.players[0].label = 'Executive Leadership Committee and Board of Directors Strategic Oversight Group';
  long.framework.themes[1].label = 'Integration of the whole extended workforce across every business unit';
  for (const [name, json] of [['long labels', JSON.stringify(long)], ['studio', STUDIO]]) {
    const page = await openPage(env.browser, `${env.origin}/embed.html`, { viewport: { width: 640, height: 640 } });
    const fragment = await fragmentFor(page, json, { overlay: 'gap', controls: '1' });
    await page.goto(`${env.origin}/embed.html#${fragment}`);
    await page.reload();
    assert.equal((await diagramIn(page)).state, 'ready');
    await page.waitForTimeout(300); // a redraw the first layout pass may ask for
    const measure = () =>
      page.evaluate(() => {
        const root = document.querySelector('workforce-ecosystem').shadowRoot;
        const details = root.querySelector('.details');
        return {
          scroll: document.documentElement.scrollHeight,
          svg: Math.round(root.querySelector('.diagram svg').getBoundingClientRect().height),
          details: details.hidden ? null : Math.round(details.getBoundingClientRect().bottom),
          overflow: details.scrollHeight - details.clientHeight,
        };
      });
    const before = await measure();
    assert.equal(before.scroll, 640, `${name}: the frame has no scroll bar`);
    // a cell of the first player on the second ring: the longest description
    await page.locator(`workforce-ecosystem .cell[data-player="founders"][data-theme="${long.framework.themes[1].id}"]`).click();
    await page.waitForFunction(() => !document.querySelector('workforce-ecosystem').shadowRoot.querySelector('.details').hidden);
    const after = await measure();
    assert.equal(after.scroll, 640, `${name}: picking a cell adds no scroll bar`);
    assert.ok(after.details <= 640, `${name}: the line ends inside the frame (${after.details})`);
    assert.ok(after.overflow <= 0, `${name}: the line is not cut (${after.overflow} px)`);
    if (name === 'studio') assert.equal(after.svg, before.svg, 'a line the room was kept for: the drawing keeps its size');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});
