// <workforce-ecosystem> in Chromium under the strict CSP: several elements on
// one page, attribute changes, the model property, errors, themes, and the
// fallback when a page forbids WebAssembly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, servePage, setup, startServer } from './harness.mjs';
import { CSP } from '../../scripts/serve.mjs';

/** The SVG title names the model first, then says what the diagram shows. */
function startsWithName(title, name) {
  return typeof title === 'string' && title.startsWith(`${name}:`);
}

const env = setup();

/** Waits until the element matched by `sel` has finished loading (ready or error). */
async function settled(page, sel) {
  await page.waitForFunction((s) => {
    const e = document.querySelector(s);
    return e && typeof e.state === 'string' && e.state !== 'loading';
  }, sel);
  return page.evaluate((s) => document.querySelector(s).state, sel);
}

/** What the element shows: state, cell ids, SVG title, error text, toolbar visibility. */
function shown(page, sel) {
  return page.evaluate((s) => {
    const e = document.querySelector(s);
    const root = e.shadowRoot;
    const cells = [...root.querySelectorAll('.diagram svg .cell')];
    const error = root.querySelector('.error');
    return {
      state: e.state,
      cells: cells.length,
      players: [...new Set(cells.map((c) => c.getAttribute('data-player')))],
      title: root.querySelector('.diagram svg > title')?.textContent ?? null,
      error: error.hidden ? null : error.textContent,
      toolbar: getComputedStyle(root.querySelector('.bar')).display !== 'none',
    };
  }, sel);
}

/**
 * The element's drawn SVG equals the core's own output for its model and these
 * options: the interactive form, or for readonly the export form without its
 * <style> (the element adopts that stylesheet instead) and without names on
 * the cells (its <desc> lists them), in the layout the core picks for its width; the
 * interactive form with one cell a Tab stop (tabindex 0, the others -1).
 */
function drawnMatchesCore(page, sel, options) {
  return page.evaluate(
    async ([s, opts]) => {
      // (the element carries its own copy of the core: the one scripts import is started here)
      const { default: init, Workspace } = await import('/pkg/workforce_ecosystem.js');
      await init();
      const e = document.querySelector(s);
      const ws = new Workspace(e.modelJson);
      // the layout the core chooses for the element's width
      const layout = ws.fittingLayout(e.clientWidth, 0, { ...opts, caption: null });
      const text = ws.svg({ ...opts, layout, standalone: e.hasAttribute('readonly') }).replace(/<style\b[^>]*>[\s\S]*?<\/style>/, '');
      const expected = new DOMParser().parseFromString(text, 'image/svg+xml');
      const drawn = e.shadowRoot.querySelector('.diagram svg');
      if (e.hasAttribute('readonly')) {
        for (const c of expected.querySelectorAll('.cell')) c.removeAttribute('aria-label');
      } else {
        // One Tab stop (roving tabindex): exactly one cell has tabindex 0.
        const rovers = drawn.querySelectorAll('.cell[tabindex="0"]');
        if (rovers.length !== 1) return false;
        for (const c of expected.querySelectorAll('.cell')) {
          const on = c.dataset.theme === rovers[0].dataset.theme && c.dataset.player === rovers[0].dataset.player;
          c.setAttribute('tabindex', on ? '0' : '-1');
        }
      }
      ws.free();
      const ser = new XMLSerializer();
      return ser.serializeToString(drawn) === ser.serializeToString(expected.documentElement);
    },
    [sel, options],
  );
}

test('two elements on one page show different models independently', async () => {
  const page = await openPage(env.browser, `${env.origin}/demo.html`);
  assert.equal(await settled(page, '#left'), 'ready');
  assert.equal(await settled(page, '#right'), 'ready');
  const left = await shown(page, '#left');
  const right = await shown(page, '#right');
  assert.equal(left.cells, 24, 'the sample uses the standard 6 players × 4 themes');
  assert.equal(right.cells, 15, 'the studio model has 5 players × 3 themes');
  assert.ok(left.players.includes('senior-leaders') && !left.players.includes('founders'));
  assert.ok(right.players.includes('founders') && !right.players.includes('senior-leaders'));
  assert.ok(startsWithName(right.title, 'Harbour Design Studio'));
  assert.notEqual(left.title, right.title);
  assert.equal(left.toolbar, true, 'without readonly the reader can switch the view');
  assert.equal(right.toolbar, false, 'readonly hides the view controls');
  assert.ok(await drawnMatchesCore(page, '#left', { overlay: 'current' }));
  assert.ok(await drawnMatchesCore(page, '#right', { overlay: 'gap' }));
  const exported = await page.evaluate(() => document.getElementById('right').standaloneSvg());
  assert.match(exported, /^<svg[^>]*class="wfe-diagram wfe-overlay-gap"/);
  assert.match(exported, /<style/, 'the download carries its stylesheet');
  assert.deepEqual(page.problems, []);
});

test('attribute changes re-render only the element they are made on', async () => {
  const page = await openPage(env.browser, `${env.origin}/demo.html`);
  await settled(page, '#left');
  await settled(page, '#right');
  // Mark both drawn SVG nodes so a re-render (a fresh node) is visible.
  await page.evaluate(() => {
    for (const id of ['left', 'right']) document.getElementById(id).shadowRoot.querySelector('.diagram svg').marked = id;
  });
  const marks = () =>
    page.evaluate(() => ['left', 'right'].map((id) => document.getElementById(id).shadowRoot.querySelector('.diagram svg').marked ?? null));

  await page.evaluate(() => document.getElementById('right').setAttribute('overlay', 'target'));
  assert.deepEqual(await marks(), ['left', null], 'overlay change redraws the right element only');
  assert.ok(await drawnMatchesCore(page, '#right', { overlay: 'target' }));

  await page.evaluate(() => document.getElementById('right').setAttribute('unit', 'print'));
  assert.ok(await drawnMatchesCore(page, '#right', { overlay: 'target', unit: 'print' }));

  // Switching src loads another model into the left element; the right keeps its own.
  await page.evaluate(() => document.getElementById('left').setAttribute('src', 'models/studio.json'));
  assert.equal(await settled(page, '#left'), 'ready');
  await page.waitForFunction(() => document.getElementById('left').shadowRoot.querySelectorAll('.cell').length === 15);
  assert.ok(startsWithName((await shown(page, '#left')).title, 'Harbour Design Studio'));
  assert.ok(await drawnMatchesCore(page, '#left', { overlay: 'current' }));

  // readonly can be toggled after load.
  await page.evaluate(() => document.getElementById('right').removeAttribute('readonly'));
  assert.equal((await shown(page, '#right')).toolbar, true);
  // The toolbar writes its choice back to the attribute, and the unit list comes from the model.
  const units = await page.evaluate(() => {
    const root = document.getElementById('right').shadowRoot;
    const select = root.querySelector('select[name="overlay"]');
    select.value = 'current';
    select.dispatchEvent(new Event('change'));
    return [...root.querySelectorAll('select[name="unit"] option')].map((o) => o.value);
  });
  assert.equal(await page.getAttribute('#right', 'overlay'), 'current');
  assert.deepEqual(units, ['', 'web', 'print']);
  assert.ok(await drawnMatchesCore(page, '#right', { overlay: 'current', unit: 'print' }));
  assert.deepEqual(page.problems, []);
});

test('a model set from script is drawn; an invalid one shows the core message and keeps the diagram', async () => {
  const page = await openPage(env.browser, `${env.origin}/demo.html`);
  await settled(page, '#right');
  const loaded = await page.evaluate(async () => {
    const el = document.getElementById('right');
    const model = el.model;
    model.name = 'Studio from script';
    model.units = [];
    model.assessments = model.assessments.filter((a) => a.unit === 'web').map(({ unit, ...rest }) => rest);
    const event = new Promise((ok) => {
      el.addEventListener('wfe-load', (e) => ok(e.detail), { once: true });
      el.addEventListener('wfe-error', (e) => ok(e.detail), { once: true });
    });
    el.model = model;
    return event;
  });
  assert.deepEqual(loaded, { source: 'model', name: 'Studio from script' });
  let right = await shown(page, '#right');
  assert.ok(startsWithName(right.title, 'Studio from script'));
  assert.equal(right.cells, 15);

  // Invalid: a score that is not a number.
  const result = await page.evaluate(async () => {
    const el = document.getElementById('right');
    const bad = JSON.stringify({
      schema: 'workforce-ecosystem/v1',
      name: 'Broken',
      assessments: [{ theme: 'integration', player: 'hr', current: 'high' }],
    });
    // (the element carries its own copy of the core: the one scripts import is started here)
    const { default: init, Workspace } = await import('/pkg/workforce_ecosystem.js');
    await init();
    let coreMessage = null;
    try {
      new Workspace(bad);
    } catch (e) {
      coreMessage = e.message;
    }
    const svgBefore = el.shadowRoot.querySelector('.diagram svg');
    const event = new Promise((ok) => {
      el.addEventListener('wfe-error', (e) => ok(e.detail), { once: true });
      el.addEventListener('wfe-load', () => ok({ message: 'unexpectedly loaded' }), { once: true });
    });
    let thrown = null;
    try {
      el.model = bad;
    } catch (e) {
      thrown = e.message;
    }
    const detail = await event;
    return { coreMessage, detail, thrown, kept: el.shadowRoot.querySelector('.diagram svg') === svgBefore, json: el.model.name };
  });
  assert.equal(result.thrown, null, 'nothing is thrown into the host page');
  assert.ok(result.coreMessage, 'the core rejects the model');
  assert.equal(result.detail.message, result.coreMessage, 'wfe-error carries the core message');
  assert.equal(result.kept, true, 'the previous diagram stays');
  assert.equal(result.json, 'Studio from script', 'the model property still holds the last good model');
  right = await shown(page, '#right');
  assert.equal(right.state, 'error');
  assert.ok(right.error.includes(result.coreMessage), 'the error is shown inside the element');
  assert.match(right.error, /still shows the last good model/);

  // Not JSON at all, and a value that cannot be serialised: still no exception.
  const more = await page.evaluate(() => {
    const el = document.getElementById('right');
    const errors = [];
    el.addEventListener('wfe-error', (e) => errors.push(e.detail.message));
    const cyclic = {};
    cyclic.self = cyclic;
    el.model = cyclic;
    el.model = '{ not json';
    return new Promise((ok) => setTimeout(() => ok(errors), 300));
  });
  assert.equal(more.length, 2);
  assert.match(more[0], /circular/i);

  // A valid model afterwards clears the error.
  await page.evaluate(() => {
    document.getElementById('right').model = { schema: 'workforce-ecosystem/v1', name: 'Recovered' };
  });
  await page.waitForFunction(() => document.getElementById('right').state === 'ready');
  right = await shown(page, '#right');
  assert.equal(right.error, null);
  assert.ok(startsWithName(right.title, 'Recovered'));
  assert.equal(right.cells, 24);
  assert.deepEqual(page.problems, []);
});

test('elements made from script, with an inline JSON model, or with a missing src', async () => {
  const page = await openPage(env.browser, `${env.origin}/demo.html`);
  await settled(page, '#left');
  const made = await page.evaluate(async () => {
    const a = document.createElement('workforce-ecosystem');
    a.id = 'scripted';
    a.model = { schema: 'workforce-ecosystem/v1', name: 'Made in script' }; // before it is connected
    const b = document.createElement('div');
    b.innerHTML =
      '<workforce-ecosystem id="inline" overlay="current"><script type="application/json">' +
      '{"schema":"workforce-ecosystem/v1","name":"Inline \\u003c/script> model"}</script></workforce-ecosystem>' +
      '<workforce-ecosystem id="missing" src="models/nope.json"></workforce-ecosystem>';
    document.body.append(a, b);
    return true;
  });
  assert.ok(made);
  assert.equal(await settled(page, '#scripted'), 'ready');
  assert.ok(startsWithName((await shown(page, '#scripted')).title, 'Made in script'));
  assert.equal(await settled(page, '#inline'), 'ready');
  assert.ok(startsWithName((await shown(page, '#inline')).title, 'Inline </script> model'));
  assert.equal(await settled(page, '#missing'), 'error');
  const missing = await shown(page, '#missing');
  assert.match(missing.error, /could not be shown/);
  assert.match(missing.error, /models\/nope\.json: HTTP 404/);
  assert.equal(missing.cells, 0);
  assert.deepEqual(
    page.problems.filter((p) => !p.includes('404')),
    [],
    'only the missing file is reported by the browser',
  );
});

test('readers pick cells in an interactive element; a readonly one is a still picture', async () => {
  const page = await openPage(env.browser, `${env.origin}/demo.html`);
  await settled(page, '#left');
  await settled(page, '#right');
  const roles = await page.evaluate(() =>
    ['left', 'right'].map((id) => {
      const svg = document.getElementById(id).shadowRoot.querySelector('.diagram svg');
      return [svg.getAttribute('role'), svg.querySelector('.cell').getAttribute('tabindex')];
    }),
  );
  assert.deepEqual(roles, [['group', '0'], ['img', null]], 'cells are buttons only when the reader may pick them');

  const picked = await page.evaluate(() => {
    const el = document.getElementById('left');
    const seen = [];
    el.addEventListener('wfe-select', (e) => seen.push(e.detail));
    const cell = el.shadowRoot.querySelector('.cell[data-theme="integration"][data-player="hr"]');
    cell.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    return seen;
  });
  assert.equal(picked.length, 1);
  assert.equal(picked[0].theme, 'integration');
  assert.equal(picked[0].player, 'hr');
  const state = () =>
    page.evaluate(() => {
      const root = document.getElementById('left').shadowRoot;
      const details = root.querySelector('.details');
      return {
        highlighted: [...root.querySelectorAll('.cell.is-highlighted')].map((c) => `${c.dataset.theme}/${c.dataset.player}`),
        details: details.hidden ? null : details.textContent,
        label: root.querySelector('.cell[data-theme="integration"][data-player="hr"]').getAttribute('aria-label'),
      };
    });
  let now = await state();
  assert.deepEqual(now.highlighted, ['integration/hr']);
  assert.equal(now.details, now.label);
  assert.equal(picked[0].label, now.label);

  // The pick survives a redraw and follows the new cell's description.
  await page.evaluate(() => document.getElementById('left').setAttribute('overlay', 'none'));
  now = await state();
  assert.deepEqual(now.highlighted, ['integration/hr']);
  assert.equal(now.details, now.label);

  // Keyboard: Enter on another focused cell picks it, Escape clears.
  await page.focus('#left >> .cell[data-theme="leadership"][data-player="it"]');
  await page.keyboard.press('Enter');
  now = await state();
  assert.deepEqual(now.highlighted, ['leadership/it']);
  await page.keyboard.press('Escape');
  now = await state();
  assert.deepEqual(now.highlighted, []);
  assert.equal(now.details, null);

  // Readonly ignores clicks.
  await page.evaluate(() => {
    const root = document.getElementById('right').shadowRoot;
    root.querySelector('.cell').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
  });
  assert.equal(await page.evaluate(() => document.getElementById('right').shadowRoot.querySelectorAll('.is-highlighted').length), 0);
  assert.deepEqual(page.problems, []);
});

test('themes: the theme attribute, the system colour scheme, reduced motion, and host overrides', async () => {
  const page = await openPage(env.browser, `${env.origin}/demo.html`);
  // Both diagrams: the right one fetches its own model, so it may draw later.
  await settled(page, '#left');
  await settled(page, '#right');
  const prop = (sel, name) =>
    page.evaluate(([s, n]) => getComputedStyle(document.querySelector(s)).getPropertyValue(n).trim(), [sel, name]);
  const themes = await page.evaluate(async () => (await import('/element.js')).THEMES);

  assert.equal(await prop('#left', '--wfe-bg'), themes.light.bg);
  // Colours really reach the drawing: a gap cell of the studio is filled from the theme.
  const gapFill = () =>
    page.evaluate(() => getComputedStyle(document.getElementById('right').shadowRoot.querySelector('.cell.gap-2')).fill);
  const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
  assert.equal(await gapFill(), rgb(themes.light['gap-2']));
  await page.evaluate(() => document.getElementById('right').setAttribute('theme', 'dark'));
  assert.equal(await gapFill(), rgb(themes.dark['gap-2']));
  await page.evaluate(() => document.getElementById('right').removeAttribute('theme'));
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await prop('#left', '--wfe-bg'), themes.dark.bg, 'no theme attribute follows prefers-color-scheme');
  await page.evaluate(() => document.getElementById('left').setAttribute('theme', 'light'));
  assert.equal(await prop('#left', '--wfe-bg'), themes.light.bg, 'an explicit theme wins over the system');
  await page.evaluate(() => document.getElementById('left').setAttribute('theme', 'high-contrast'));
  assert.equal(await prop('#left', '--wfe-level-4'), themes['high-contrast']['level-4']);
  await page.emulateMedia({ colorScheme: 'light', contrast: 'more' });
  assert.equal(await prop('#right', '--wfe-bg'), themes['high-contrast'].bg, 'prefers-contrast: more picks high contrast');
  await page.emulateMedia({ contrast: 'no-preference' });

  assert.equal(await prop('#right', '--wfe-transition'), '150ms');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  assert.equal(await prop('#right', '--wfe-transition'), '0s', 'prefers-reduced-motion turns transitions off');

  // The host page brands an element by setting custom properties on it; they reach the shadow tree.
  const fill = await page.evaluate(() => {
    const el = document.getElementById('right');
    el.style.setProperty('--wfe-level-2', 'rgb(1, 2, 3)');
    const probe = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    probe.setAttribute('fill', 'var(--wfe-level-2)');
    el.shadowRoot.querySelector('.diagram svg').append(probe);
    const v = getComputedStyle(probe).fill;
    probe.remove();
    return v;
  });
  assert.equal(fill, 'rgb(1, 2, 3)');
  assert.deepEqual(page.problems, []);
});

test('every theme defines every property diagram.css uses, and light is diagram.css itself', async () => {
  const page = await openPage(env.browser, `${env.origin}/demo.html`);
  await settled(page, '#left');
  const report = await page.evaluate(async () => {
    const { THEMES } = await import('/element.js');
    const css = await (await fetch('/diagram.css')).text();
    const used = [...new Set([...css.matchAll(/var\(--wfe-([a-z0-9-]+)/g)].map((m) => m[1]))];
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    const root = [...sheet.cssRules].find((r) => r.selectorText === ':where(:root)');
    const defaults = {};
    for (const name of root.style) defaults[name.slice('--wfe-'.length)] = root.style.getPropertyValue(name).trim();
    const missing = [];
    for (const [theme, vars] of Object.entries(THEMES)) {
      for (const name of used) if (!(name in vars) && name !== 'font' && name !== 'dimmed-opacity') missing.push(`${theme}: ${name}`);
    }
    const differ = Object.entries(defaults)
      .filter(([k, v]) => k in THEMES.light && THEMES.light[k] !== v)
      .map(([k, v]) => `${k}: diagram.css ${v}, light ${THEMES.light[k]}`);
    return { used: used.length, missing, differ };
  });
  assert.ok(report.used > 10, 'diagram.css styles through custom properties');
  assert.deepEqual(report.missing, []);
  assert.deepEqual(report.differ, []);
});

test('themes.css gives pages exactly the looks the element carries', async () => {
  const page = await openPage(env.browser, `${env.origin}/demo.html`);
  await settled(page, '#left');
  const mismatches = await page.evaluate(async () => {
    const { THEMES } = await import('/element.js');
    const out = [];
    const el = document.getElementById('left');
    for (const [name, vars] of Object.entries(THEMES)) {
      document.documentElement.dataset.theme = name;
      el.setAttribute('theme', name);
      const pageStyle = getComputedStyle(document.documentElement);
      const elStyle = getComputedStyle(el);
      for (const key of Object.keys(vars)) {
        const p = pageStyle.getPropertyValue(`--wfe-${key}`).trim();
        const e = elStyle.getPropertyValue(`--wfe-${key}`).trim();
        if (p !== e || e !== vars[key]) out.push(`${name} --wfe-${key}: page ${p}, element ${e}`);
      }
    }
    return out;
  });
  assert.deepEqual(mismatches, []);
});

/** The page's policy without 'wasm-unsafe-eval': the core cannot start. */
const NO_WASM = CSP.replace(" 'wasm-unsafe-eval'", '');

/**
 * A server of the site under NO_WASM and a page on which `body` is served at
 * `path` under it too; resolves to { page, strict } (close strict.server).
 */
async function underNoWasm(path, body) {
  const strict = await startServer({ csp: NO_WASM });
  const page = await openPage(env.browser, null);
  await servePage(page, `${strict.origin}${path}`, body, NO_WASM);
  return { page, strict };
}

test('where the page forbids WebAssembly the element shows its fallback picture or a readable error', async () => {
  // The fallback picture: the standalone SVG `wfe render` writes (the Wasm core
  // gives byte-identical output), made on a page that may run WebAssembly.
  const maker = await openPage(env.browser, `${env.origin}/demo.html`);
  await settled(maker, '#right');
  const { svg, gapColour } = await maker.evaluate(async () => {
    // (the element carries its own copy of the core: the one scripts import is started here)
    const { default: init, Workspace } = await import('/pkg/workforce_ecosystem.js');
    await init();
    const { THEMES } = await import('/element.js');
    const ws = new Workspace(await (await fetch('/models/studio.json')).text());
    const out = ws.svg({ overlay: 'gap', standalone: true });
    ws.free();
    return { svg: out, gapColour: THEMES.light['gap-2'] };
  });
  assert.match(svg, /<style/);

  const noWasm = NO_WASM;
  assert.notEqual(noWasm, CSP);
  // A page of our own under the stricter policy: one element with a fallback <img>, one without.
  const { page, strict } = await underNoWasm(
    '/fallback-test.html',
    `<!doctype html><title>t</title><script type="module" src="/element.js"></script>
<workforce-ecosystem id="with" src="models/studio.json"><img src="/studio-gap.svg" alt="The studio diagram"></workforce-ecosystem>
<workforce-ecosystem id="without" src="models/studio.json"></workforce-ecosystem>`,
  );
  try {
    // Served like any file of an intranet under the same policy.
    await page.route(`${strict.origin}/studio-gap.svg`, (route) =>
      route.fulfill({ contentType: 'image/svg+xml', headers: { 'Content-Security-Policy': noWasm }, body: svg }),
    );
    await page.goto(`${strict.origin}/fallback-test.html`);
    assert.equal(await settled(page, '#with'), 'error');
    assert.equal(await settled(page, '#without'), 'error');
    await page.waitForFunction(() => document.querySelector('#with img').complete);
    const result = await page.evaluate((hex) => {
      const vis = (el) => el.getBoundingClientRect().height > 0;
      const w = document.getElementById('with');
      const wo = document.getElementById('without');
      // Does the picture keep its own colours? Look for the gap-2 orange among its pixels.
      const img = w.querySelector('img');
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      let found = 0;
      for (let i = 0; i < px.length; i += 4) {
        if (Math.abs(px[i] - want[0]) + Math.abs(px[i + 1] - want[1]) + Math.abs(px[i + 2] - want[2]) < 6) found++;
      }
      return {
        imgShown: vis(img),
        colouredPixels: found,
        withError: !w.shadowRoot.querySelector('.error').hidden,
        withoutError: wo.shadowRoot.querySelector('.error').textContent,
      };
    }, gapColour);
    assert.equal(result.imgShown, true, 'the slotted fallback image is displayed');
    assert.ok(result.colouredPixels > 500, `the <img> SVG keeps its stylesheet (${result.colouredPixels} gap-coloured pixels)`);
    assert.equal(result.withError, false);
    assert.match(result.withoutError, /WebAssembly\) could not start/);
    assert.match(result.withoutError, /wfe render/);
    assert.ok(page.problems.every((p) => /WebAssembly|wasm|Content Security Policy/i.test(p)), page.problems.join('\n'));
  } finally {
    strict.server.close();
  }
});

test('an element speaks its page’s language: French words and diagram in a French page, English where it says so, English when the French file is missing', async () => {
  const page = await openPage(env.browser, `${env.origin}/demo.html`);
  await settled(page, '#left');
  await page.evaluate(() => {
    window.told = [];
    document.addEventListener('wfe-error', (e) => window.told.push(e.detail));
    const box = document.createElement('div');
    box.lang = 'fr-CA';
    box.innerHTML =
      '<workforce-ecosystem id="fr" src="models/sample.json" overlay="gap"></workforce-ecosystem>' +
      '<workforce-ecosystem id="en" lang="en" src="models/sample.json" overlay="gap"></workforce-ecosystem>';
    document.body.append(box);
  });
  assert.equal(await settled(page, '#fr'), 'ready');
  assert.equal(await settled(page, '#en'), 'ready');
  const words = (id) =>
    page.evaluate((i) => {
      const root = document.getElementById(i).shadowRoot;
      return {
        lang: root.querySelector('.frame').lang,
        bar: root.querySelector('.bar').textContent,
        legend: root.querySelector('.diagram svg').textContent,
      };
    }, id);
  const fr = await words('fr');
  assert.equal(fr.lang, 'fr');
  assert.match(fr.bar, /Afficher/);
  assert.match(fr.bar, /Écarts à la cible/);
  assert.match(fr.legend, /Approches de leadership/);
  const en = await words('en');
  assert.equal(en.lang, 'en');
  assert.match(en.bar, /Show/);
  assert.match(en.legend, /Leadership approaches/);
  assert.doesNotMatch(en.legend, /Approches de leadership/);
  // switched to English by its attribute: words and diagram follow
  await page.evaluate(() => document.getElementById('fr').setAttribute('lang', 'en'));
  await page.waitForFunction(() => /Leadership approaches/.test(document.getElementById('fr').shadowRoot.querySelector('.diagram svg').textContent));
  assert.match((await words('fr')).bar, /Show/);
  assert.deepEqual(await page.evaluate(() => window.told), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();

  // the French file not copied beside element.js: English, and the page is told
  const bare = await openPage(env.browser, null);
  await bare.route('**/i18n/core-fr.json', (route) => route.fulfill({ status: 404, body: '' }));
  await bare.goto(`${env.origin}/demo.html`);
  await settled(bare, '#left');
  await bare.evaluate(() => {
    window.told = [];
    document.addEventListener('wfe-error', (e) => window.told.push(e.detail));
    document.body.insertAdjacentHTML('beforeend', '<workforce-ecosystem id="lost" lang="fr" src="models/sample.json"></workforce-ecosystem>');
  });
  assert.equal(await settled(bare, '#lost'), 'ready');
  assert.match(await bare.evaluate(() => document.getElementById('lost').shadowRoot.querySelector('.diagram svg').textContent), /Leadership approaches/);
  assert.deepEqual(
    await bare.evaluate(() => {
      const root = document.getElementById('lost').shadowRoot;
      return [root.querySelector('.frame').lang, root.querySelector('.diagram').lang];
    }),
    ['fr', 'en'],
    'its own words French, the drawing said to be English',
  );
  const told = await bare.evaluate(() => window.told);
  assert.equal(told.length, 1);
  assert.equal(told[0].source, 'lang');
  // in the element's language, the address and the reason as they are
  assert.match(told[0].message, /^les textes du schéma dans la langue « fr » n’ont pas pu être chargés depuis http:\/\/.*\/i18n\/core-fr\.json \(HTTP 404\) : il est dessiné en anglais ; copiez dist\/i18n\/core-fr\.json dans i18n\/core-fr\.json, à côté de element\.js$/);
  await bare.context().close();
});

test('a French element says in French why its model could not be loaded: missing, another site’s, not a URL', async () => {
  const page = await openPage(env.browser, `${env.origin}/demo.html`);
  await settled(page, '#left');
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.lang = 'fr';
    box.innerHTML =
      '<workforce-ecosystem id="missing" overlay="gap" src="models/nope.json"></workforce-ecosystem>' +
      '<workforce-ecosystem id="foreign" src="http://localhost:9/model.json"></workforce-ecosystem>' +
      '<workforce-ecosystem id="nourl" src="http://[x"></workforce-ecosystem>';
    document.body.append(box);
  });
  for (const id of ['#missing', '#foreign', '#nourl']) assert.equal(await settled(page, id), 'error');
  const missing = await shown(page, '#missing');
  assert.match(missing.error, /^Le schéma n’a pas pu être affiché\.le modèle n’a pas pu être chargé depuis http:\/\/127\.0\.0\.1:\d+\/models\/nope\.json : HTTP 404$/);
  assert.match((await shown(page, '#foreign')).error, /le modèle n’a pas pu être chargé depuis http:\/\/localhost:9\/model\.json \(seuls les fichiers de ce site peuvent être chargés\)$/);
  assert.match((await shown(page, '#nourl')).error, /src « http:\/\/\[x » n’est pas une URL$/);
  await page.context().close();
});

test('where WebAssembly is refused, readers get a plain sentence in their language; the browser’s words are for developers', async () => {
  const { page, strict } = await underNoWasm(
    '/nowasm-test.html',
    `<!doctype html><html lang="en"><title>t</title><script type="module" src="/element.js"></script>
<workforce-ecosystem id="en" src="models/studio.json"></workforce-ecosystem>
<div lang="fr"><workforce-ecosystem id="fr" src="models/studio.json"></workforce-ecosystem></div>`,
  );
  try {
    await page.addInitScript(() => {
      window.told = [];
      document.addEventListener('wfe-error', (e) => window.told.push(e.detail.message));
    });
    await page.goto(`${strict.origin}/nowasm-test.html`);
    assert.equal(await settled(page, '#en'), 'error');
    assert.equal(await settled(page, '#fr'), 'error');
    const box = (id) =>
      page.evaluate((i) => {
        const error = document.getElementById(i).shadowRoot.querySelector('.error');
        return {
          seen: error.innerText.trim().replace(/\n+/g, '\n'),
          details: error.querySelector('details')?.open,
          technical: error.querySelector('details pre')?.textContent ?? '',
        };
      }, id);
    const en = await box('en');
    const fr = await box('fr');
    // what a reader sees: a headline and one plain sentence, the details closed
    assert.equal(en.seen, 'The diagram could not be shown.\nThis page does not let the diagram’s engine run, so the diagram cannot be drawn here.\nDetails for the site’s editors');
    assert.equal(fr.seen, 'Le schéma n’a pas pu être affiché.\nCette page ne laisse pas fonctionner le moteur du schéma : le schéma ne peut pas être dessiné ici.\nDétails pour les responsables du site');
    assert.equal(en.details, false);
    // no view controls left over that could change nothing
    assert.equal((await shown(page, '#en')).toolbar, false);
    assert.equal((await shown(page, '#fr')).toolbar, false);
    // for developers: the browser's words and what to do, without a doubled full stop
    for (const text of [en.technical, ...(await page.evaluate(() => window.told))]) {
      assert.match(text, /^The diagram engine \(WebAssembly\) could not start on this page: .*Content Security Policy.*wasm-unsafe-eval.*wfe render/s);
      assert.doesNotMatch(text, /\.\./);
    }
  } finally {
    strict.server.close();
  }
});

test('the agreement overlay: drawn from merged responses, offered by the view switch only where there are some', async () => {
  const { readFileSync } = await import('node:fs');
  const merged = readFileSync(new URL('../fixtures/voices/quarters.json', import.meta.url), 'utf8');
  const page = await openPage(env.browser, `${env.origin}/demo.html`);
  await settled(page, '#left');
  await page.evaluate((json) => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<workforce-ecosystem id="plain" src="models/studio.json" overlay="gap"></workforce-ecosystem>' +
        '<workforce-ecosystem id="asked" src="models/studio.json" overlay="agreement"></workforce-ecosystem>' +
        '<workforce-ecosystem id="merged" overlay="agreement"></workforce-ecosystem>',
    );
    /** @type {any} */ (document.getElementById('merged')).model = json;
  }, merged);
  for (const id of ['#plain', '#asked', '#merged']) assert.equal(await settled(page, id), 'ready');
  const view = (id) =>
    page.evaluate((s) => {
      const root = document.querySelector(s).shadowRoot;
      const select = root.querySelector('select[name="overlay"]');
      return {
        value: select.value,
        offered: [...select.options].filter((o) => !o.hidden).map((o) => o.value),
        drawn: root.querySelector('.diagram svg').getAttribute('data-overlay'),
        agreeing: root.querySelectorAll('.diagram svg .cell[class*="agree"]').length,
      };
    }, id);
  const plain = await view('#plain');
  assert.deepEqual(plain.offered, ['none', 'current', 'target', 'gap'], 'no responses: no agreement to offer');
  const asked = await view('#asked');
  assert.equal(asked.value, 'agreement', 'the switch says the overlay drawn');
  assert.equal(asked.drawn, 'agreement');
  assert.equal(asked.agreeing, 0, 'without responses no cell has an agreement to show');
  const merged2 = await view('#merged');
  assert.deepEqual(merged2.offered, ['none', 'current', 'target', 'gap', 'agreement']);
  assert.ok(merged2.agreeing > 0, 'cells coloured by the spread of the responses');
  // switched away, the merged model still offers it
  await page.evaluate(() => document.getElementById('merged').setAttribute('overlay', 'current'));
  assert.ok((await view('#merged')).offered.includes('agreement'));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a unit the model does not define: the Unit menu shows All units, which is what is drawn', async () => {
  const page = await openPage(env.browser, `${env.origin}/demo.html`);
  await settled(page, '#left');
  // from the first load (a unit set after it was already right)
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<workforce-ecosystem id="nowhere" src="models/sample.json" unit="nowhere"></workforce-ecosystem>'));
  assert.equal(await settled(page, '#nowhere'), 'ready');
  const menu = await page.$eval('#nowhere', (e) => {
    const select = e.shadowRoot.querySelector('select[name="unit"]');
    return { shown: !select.closest('label').hidden, value: select.value, text: select.selectedOptions[0]?.textContent ?? null };
  });
  assert.deepEqual(menu, { shown: true, value: '', text: 'All units' });
  await page.context().close();
});

test('a new model without the unit shown is drawn as on a first load: the mean over all units, with a note; a failed draw keeps the old model whole', async () => {
  const page = await openPage(env.browser, `${env.origin}/demo.html`);
  await settled(page, '#left');
  await page.evaluate(() => {
    window.told = [];
    document.body.insertAdjacentHTML('beforeend', '<workforce-ecosystem id="what-if" src="models/studio.json" unit="print" overlay="gap"></workforce-ecosystem>');
    const e = document.getElementById('what-if');
    for (const type of ['wfe-load', 'wfe-error']) e.addEventListener(type, (ev) => window.told.push({ type, ...ev.detail }));
  });
  assert.equal(await settled(page, '#what-if'), 'ready');
  assert.equal(await page.evaluate(() => document.getElementById('what-if').model.name), 'Harbour Design Studio');
  const result = await page.evaluate(async () => {
    const e = document.getElementById('what-if');
    window.told.length = 0;
    const done = new Promise((ok) => {
      e.addEventListener('wfe-load', ok, { once: true });
      e.addEventListener('wfe-error', (ev) => ev.detail.source !== 'unit' && ok(), { once: true });
      setTimeout(ok, 5000);
    });
    e.model = { schema: 'workforce-ecosystem/v1', name: 'What-if', assessments: [] };
    await done;
    let exported;
    try {
      exported = /<title>What-if/.test(e.standaloneSvg());
    } catch (err) {
      exported = `threw: ${err.message}`;
    }
    return {
      state: e.state,
      name: e.model.name,
      unitAttr: e.getAttribute('unit'),
      title: e.shadowRoot.querySelector('.diagram svg > title')?.textContent ?? '',
      drawnUnit: e.shadowRoot.querySelector('.diagram svg').getAttribute('data-unit'),
      menu: e.shadowRoot.querySelector('select[name="unit"]').selectedOptions[0]?.textContent ?? null,
      error: e.shadowRoot.querySelector('.error').textContent,
      told: window.told.map((t) => `${t.type} ${t.source}`),
      exported,
    };
  });
  assert.equal(result.state, 'ready');
  assert.equal(result.name, 'What-if');
  assert.equal(result.unitAttr, 'print', 'the page’s attribute is left as it set it');
  assert.ok(startsWithName(result.title, 'What-if'), result.title);
  assert.equal(result.drawnUnit, null, 'the mean over all units');
  assert.equal(result.menu, 'All units', 'the Unit menu says what is drawn, not nothing');
  assert.match(result.error, /Unknown unit; the diagram shows the mean over all units instead\./);
  assert.deepEqual(result.told, ['wfe-error unit', 'wfe-load model']);
  assert.equal(result.exported, true);

  // A model the core reads but cannot draw with the element's options (a
  // caption longer than a label): the element keeps the model it shows, its
  // drawing and its copy alike, and draws that one once the options allow.
  const kept = await page.evaluate(async () => {
    const e = document.getElementById('what-if');
    e.removeAttribute('unit');
    e.setAttribute('caption', 'x'.repeat(1000));
    const failed = new Promise((ok) => {
      e.addEventListener('wfe-error', (ev) => ok(ev.detail.source), { once: true });
      setTimeout(() => ok('nothing'), 5000);
    });
    e.model = { schema: 'workforce-ecosystem/v1', name: 'Never drawn', assessments: [] };
    const source = await failed;
    const during = { state: e.state, name: e.model.name };
    e.removeAttribute('caption');
    return { source, during, state: e.state, name: e.model.name, title: e.shadowRoot.querySelector('.diagram svg > title')?.textContent ?? '' };
  });
  assert.equal(kept.source, 'model');
  assert.deepEqual(kept.during, { state: 'error', name: 'What-if' });
  assert.equal(kept.state, 'ready');
  assert.equal(kept.name, 'What-if', 'the model property names the model drawn');
  assert.ok(startsWithName(kept.title, 'What-if'), kept.title);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('elements showing the same file ask for it once; a later one reads it anew', async () => {
  const page = await openPage(env.browser, null);
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  const html = `<!doctype html><html lang="en"><title>t</title><script type="module" src="/element.js"></script>
${['current', 'target', 'gap', 'none'].map((o, i) => `<workforce-ecosystem id="v${i}" src="/models/studio.json" overlay="${o}"></workforce-ecosystem>`).join('\n')}`;
  await servePage(page, `${env.origin}/four-views.html`, html);
  await page.goto(`${env.origin}/four-views.html`);
  for (let i = 0; i < 4; i++) assert.equal(await settled(page, `#v${i}`), 'ready');
  assert.deepEqual(asked.filter((p) => p.endsWith('studio.json')), ['/models/studio.json'], 'one request for four elements');
  for (let i = 0; i < 4; i++) assert.ok(startsWithName((await shown(page, `#v${i}`)).title, 'Harbour Design Studio'));
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<workforce-ecosystem id="later" src="/models/studio.json"></workforce-ecosystem>'));
  assert.equal(await settled(page, '#later'), 'ready');
  assert.equal(asked.filter((p) => p.endsWith('studio.json')).length, 2, 'a later element asks again');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('an element given its model by a script as the page starts never asks for the sample', async () => {
  const page = await openPage(env.browser, null);
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  const html = `<!doctype html><html lang="en"><title>t</title><script type="module" src="/element.js"></script>
<workforce-ecosystem id="scripted" overlay="current"></workforce-ecosystem>
<script type="module" src="/scripted-model.js"></script>`;
  const js = `document.getElementById('scripted').model = { schema: 'workforce-ecosystem/v1', name: 'From the page' };`;
  await servePage(page, `${env.origin}/scripted-model.html`, html);
  // the page's script arriving late: the core has started before it runs
  let late = false;
  await page.route(`${env.origin}/scripted-model.js`, async (route) => {
    if (late) await new Promise((ok) => setTimeout(ok, 1500));
    await route.fulfill({ contentType: 'text/javascript', body: js });
  });
  for (const slow of [false, true]) {
    late = slow;
    asked.length = 0;
    await page.goto(`${env.origin}/scripted-model.html`);
    assert.equal(await settled(page, '#scripted'), 'ready');
    assert.ok(startsWithName((await shown(page, '#scripted')).title, 'From the page'));
    assert.deepEqual(asked.filter((p) => p.includes('sample')), [], `the sample is not fetched (${slow ? 'late' : 'prompt'} script)`);
  }
  // without a model from the page, the sample is still what it shows
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<workforce-ecosystem id="plain"></workforce-ecosystem>'));
  assert.equal(await settled(page, '#plain'), 'ready');
  assert.equal((await shown(page, '#plain')).cells, 24);
  assert.deepEqual(asked.filter((p) => p.includes('sample')), ['/models/sample.json']);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a model and attributes a page set before element.js ran are the ones drawn, not the sample', async () => {
  const page = await openPage(env.browser, null);
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  // the page's script runs first, then element.js defines the element; and
  // an element made by script before element.js is imported at all
  const html = `<!doctype html><html lang="en"><title>t</title>
<workforce-ecosystem id="early"></workforce-ecosystem>
<script type="module" src="/early-model.js"></script>
<script type="module" src="/element.js"></script>`;
  const js = `const model = { schema: 'workforce-ecosystem/v1', name: 'Set early' };
const early = document.getElementById('early');
early.model = model;
early.overlay = 'gap';
const made = document.createElement('workforce-ecosystem');
made.id = 'made';
made.model = { ...model, name: 'Made early' };
made.readOnly = true;
document.body.append(made);`;
  await page.route(`${env.origin}/early-model.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: js }));
  await servePage(page, `${env.origin}/early-model.html`, html);
  await page.goto(`${env.origin}/early-model.html`);
  for (const [sel, name] of [['#early', 'Set early'], ['#made', 'Made early']]) {
    assert.equal(await settled(page, sel), 'ready');
    assert.ok(startsWithName((await shown(page, sel)).title, name), `${sel} draws the page's model`);
    assert.equal(await page.evaluate((s) => document.querySelector(s).model.name, sel), name);
  }
  assert.equal(await page.getAttribute('#early', 'overlay'), 'gap');
  assert.ok(await page.evaluate(() => document.getElementById('early').shadowRoot.querySelector('svg').classList.contains('wfe-overlay-gap')));
  assert.equal(await page.evaluate(() => document.getElementById('made').readOnly), true);
  assert.deepEqual(asked.filter((p) => p.includes('sample')), [], 'the sample is not fetched');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('--wfe-max-height: the layout is the one for the room the cap leaves, not for the width alone', async () => {
  const page = await openPage(env.browser, `${env.origin}/demo.html`, { viewport: { width: 1366, height: 768 } });
  await settled(page, '#left');
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.id = 'column';
    box.style.width = '670px';
    box.innerHTML =
      '<workforce-ecosystem id="free" overlay="gap"></workforce-ecosystem>' +
      '<workforce-ecosystem id="capped" overlay="gap"></workforce-ecosystem>' +
      '<workforce-ecosystem id="studio" src="models/studio.json" overlay="gap"></workforce-ecosystem>';
    document.body.prepend(box);
    document.getElementById('capped').style.setProperty('--wfe-max-height', '32rem');
    document.getElementById('studio').style.setProperty('--wfe-max-height', '24rem');
  });
  for (const id of ['#free', '#capped', '#studio']) assert.equal(await settled(page, id), 'ready');
  const drawn = (id) =>
    page.evaluate((s) => {
      const svg = document.querySelector(s).shadowRoot.querySelector('.diagram svg');
      const box = svg.getBoundingClientRect();
      return { layout: svg.getAttribute('class').match(/layout-(\w+)/)?.[1] ?? 'wide', height: Math.round(box.height) };
    }, id);
  // the core's choices for 670 px across: square when the height is free, wide in 670 × 512 or 670 × 384
  assert.equal((await drawn('#free')).layout, 'square');
  const capped = await drawn('#capped');
  assert.equal(capped.layout, 'wide');
  assert.ok(capped.height <= 512, `capped at 32rem (${capped.height})`);
  assert.equal((await drawn('#studio')).layout, 'wide', 'the studio would be narrow for the width alone');
  // the cap lifted, the layout is the width's again
  await page.evaluate(() => document.getElementById('capped').style.removeProperty('--wfe-max-height'));
  await page.evaluate(() => document.getElementById('column').style.width = '671px'); // a resize to look again
  await page.waitForFunction(() => /layout-square/.test(document.getElementById('capped').shadowRoot.querySelector('.diagram svg').getAttribute('class')));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('in a narrow sidebar a long unit name does not push the toolbar out of the element', async () => {
  const page = await openPage(env.browser, `${env.origin}/demo.html`, { viewport: { width: 1366, height: 768 } });
  await settled(page, '#right');
  await page.evaluate(async () => {
    const model = document.getElementById('right').model;
    model.units[1].label = 'Retail stores, outlets and the franchise partners of the northern region';
    const box = document.createElement('aside');
    box.style.width = '280px';
    box.innerHTML = '<workforce-ecosystem id="side" overlay="gap" unit="print"></workforce-ecosystem>';
    document.body.prepend(box);
    document.getElementById('side').model = model;
  });
  assert.equal(await settled(page, '#side'), 'ready');
  const fit = await page.evaluate(() => {
    const e = document.getElementById('side');
    const host = e.getBoundingClientRect();
    const select = e.shadowRoot.querySelector('select[name="unit"]');
    const s = select.getBoundingClientRect();
    return { width: e.clientWidth, scroll: e.scrollWidth, right: s.right - host.right, shown: select.selectedOptions[0].textContent, selectWidth: s.width };
  });
  assert.equal(fit.scroll, fit.width, 'nothing sticks out of the element');
  assert.ok(fit.right <= 0.5, `the unit menu ends inside the element (${fit.right} px past it)`);
  assert.ok(fit.selectWidth > 100, 'the menu keeps a usable width');
  assert.match(fit.shown, /^Retail stores/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('printed, an interactive element is its diagram without the view controls', async () => {
  const page = await openPage(env.browser, `${env.origin}/demo.html`);
  await settled(page, '#left');
  const bar = () => page.evaluate(() => getComputedStyle(document.getElementById('left').shadowRoot.querySelector('.bar')).display);
  assert.equal(await bar(), 'flex');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await bar(), 'none');
  assert.ok(await page.evaluate(() => document.getElementById('left').shadowRoot.querySelector('.diagram svg').getBoundingClientRect().height > 100));
  await page.context().close();
});

test('French without its file beside element.js: the element and embed.html say why they draw in English, on the element and in the console', async () => {
  for (const path of ['/demo.html', '/embed.html#lang=fr']) {
    const page = await openPage(env.browser, null);
    const warnings = [];
    page.on('console', (msg) => msg.type() === 'warning' && warnings.push(msg.text()));
    await page.route('**/i18n/core-fr.json', (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(`${env.origin}${path}`);
    let sel = '#diagram';
    if (path === '/demo.html') {
      await settled(page, '#left');
      await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<workforce-ecosystem id="lost" lang="fr" src="models/sample.json"></workforce-ecosystem>'));
      sel = '#lost';
    }
    assert.equal(await settled(page, sel), 'ready', path);
    const seen = await shown(page, sel);
    assert.match(await page.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('.diagram svg').textContent, sel), /Leadership approaches/, `${path}: drawn in English`);
    assert.ok(seen.error, `${path}: a note on the element`);
    assert.match(seen.error, /^Les textes du schéma en français n’ont pas pu être chargés : il est dessiné en anglais\./, path);
    assert.match(seen.error, /i18n\/core-fr\.json \(HTTP 404\)/, `${path}: the note names the file`);
    // its technical line in French too (the address, the files and the reason as they are), said to be
    const note = await page.evaluate((s) => [...document.querySelector(s).shadowRoot.querySelectorAll('.error pre')].map((p) => ({ text: p.textContent, lang: p.closest('[lang]')?.lang })), sel);
    assert.equal(note.length, 1, path);
    assert.match(note[0].text, /^les textes du schéma dans la langue « fr » n’ont pas pu être chargés depuis http:\/\/.*\/i18n\/core-fr\.json \(HTTP 404\) : il est dessiné en anglais ; copiez dist\/i18n\/core-fr\.json dans i18n\/core-fr\.json, à côté de element\.js$/, path);
    assert.equal(note[0].lang, 'fr', `${path}: the note's line is marked French`);
    assert.doesNotMatch(seen.error, /could not|drawn in English|copy |beside/, `${path}: no English left in the note`);
    const said = warnings.filter((w) => /i18n\/core-fr\.json/.test(w));
    assert.equal(said.length, 1, `${path}: one console warning naming the file: ${warnings.join(' | ')}`);
    assert.equal(said[0], `<workforce-ecosystem>: ${note[0].text}`, `${path}: the console says the note's line`);
    // switched to English, the element has nothing to excuse
    await page.evaluate((s) => document.querySelector(s).setAttribute('lang', 'en'), sel);
    await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('.error').hidden, sel);
    await page.context().close();
  }
});
