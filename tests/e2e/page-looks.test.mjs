// How the pages look beyond the phone: forced colours keep every diagram
// text and chosen state visible; at 1366 px a what-if or French keeps the
// top bar and the toolbar on one row and Organization keeps the panel's
// width; exports carry a title block; the presenter view's type and diagram
// are large and its buttons apart; a dark system setting darkens the editor;
// the classroom page asks for no /favicon.ico.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage } from './harness.mjs';
import { setup, open, startScenario, cellSelector, openWithUnits, openCell, setField } from './page-helpers.mjs';

const env = setup();

/** A page in a context of its own with extra context options (forced colours, dark). */
async function openWith(path, contextOptions, viewport = { width: 1366, height: 768 }) {
  const context = await env.browser.newContext({ viewport, acceptDownloads: true, ...contextOptions });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (err) => page.problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push(`console: ${msg.text()}`);
  });
  await page.goto(`${env.origin}${path}`);
  return page;
}

/** The computed colour of a system colour keyword, through a probe element. */
function systemColour(page, name) {
  return page.evaluate((n) => {
    const probe = document.createElement('span');
    probe.style.cssText = `color: ${n}`;
    document.body.append(probe);
    const c = getComputedStyle(probe).color;
    probe.remove();
    return c;
  }, name);
}

/** fill of every non-empty text in the SVG under `root` (a shadow host with `host`). */
function textFills({ root, host }) {
  const scope = host ? document.querySelector(host).shadowRoot : document;
  return [...scope.querySelectorAll(`${root} text`)]
    .filter((t) => t.textContent.trim())
    .map((t) => ({ text: t.textContent.trim(), cls: t.getAttribute('class') ?? t.closest('g')?.getAttribute('class'), fill: getComputedStyle(t).fill }));
}

test('forced colours: every diagram text and every chosen state stays visible', async () => {
  const page = await openWith('/', { forcedColors: 'active' });
  await page.waitForSelector('body[data-ready="true"]');
  const canvas = await systemColour(page, 'Canvas');
  const text = await systemColour(page, 'CanvasText');
  const highlight = await systemColour(page, 'Highlight');
  assert.notEqual(canvas, text);
  const fills = await page.evaluate(textFills, { root: '#diagram svg' });
  const kinds = new Set(fills.map((f) => f.cls));
  for (const kind of ['player-label', 'theme-label', 'legend-title', 'legend-label', 'cell-value']) assert.ok(kinds.has(kind), kind);
  for (const f of fills) assert.equal(f.fill, text, `${f.cls} “${f.text}” is drawn in ${f.fill}, not CanvasText ${text}`);
  // The chosen Show button stands apart from the others.
  const segs = await page.$$eval('#overlay .segment', (els) => els.map((el) => ({ on: el.getAttribute('aria-checked') === 'true', bg: getComputedStyle(el).backgroundColor, fg: getComputedStyle(el).color })));
  const on = segs.find((s) => s.on);
  const off = segs.find((s) => !s.on);
  assert.equal(on.bg, highlight, 'the chosen overlay is filled with Highlight');
  assert.notEqual(on.bg, off.bg);
  assert.notEqual(on.fg, on.bg);
  // The cell open in the editor is outlined in Highlight.
  await page.click(cellSelector('integration', 'procurement'));
  await page.waitForSelector(`${cellSelector('integration', 'procurement')}.is-selected`);
  const stroke = await page.$eval(cellSelector('integration', 'procurement'), (c) => getComputedStyle(c).stroke);
  assert.equal(stroke, highlight);
  assert.deepEqual(page.problems, []);
  await page.context().close();

  // The classroom page and the element carry the same rules (the element's in its own sheet).
  const teach = await openWith('/teach.html', { forcedColors: 'active' });
  await teach.waitForSelector('#tour-diagram svg');
  for (const f of await teach.evaluate(textFills, { root: '#tour-diagram svg' })) {
    assert.notEqual(f.fill, canvas, `classroom ${f.cls} “${f.text}” vanishes`);
  }
  await teach.context().close();
  const embed = await openWith('/embed.html', { forcedColors: 'active' });
  await embed.waitForFunction(() => document.getElementById('diagram').shadowRoot?.querySelector('svg.wfe-diagram'));
  const embedFills = await embed.evaluate(textFills, { root: 'svg.wfe-diagram', host: '#diagram' });
  assert.ok(embedFills.length >= 10, `${embedFills.length} texts`);
  for (const f of embedFills) assert.equal(f.fill, text, `element ${f.cls} “${f.text}”`);
  await embed.context().close();
});

/** Relative luminance of a computed `rgb(...)` colour (WCAG). */
function luminanceOf(rgb) {
  const [r, g, b] = rgb.match(/[\d.]+/g).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => {
  const [x, y] = [luminanceOf(a), luminanceOf(b)].sort((m, n) => n - m);
  return (x + 0.05) / (y + 0.05);
};

test('forced colours outweigh the embed’s theme: a dark theme on a light system palette (and a light one on a dark) keeps rings, focus and text visible', async () => {
  for (const [scheme, theme] of [['light', 'dark'], ['dark', 'light'], ['light', 'high-contrast']]) {
    const fills = {};
    for (const t of ['', theme]) {
      const page = await openWith(`/embed.html#controls=1${t ? `&theme=${t}` : ''}`, { forcedColors: 'active', colorScheme: scheme }, { width: 1366, height: 768 });
      await page.waitForFunction(() => document.getElementById('diagram')?.state === 'ready');
      const seen = await page.evaluate(() => {
        const root = document.getElementById('diagram').shadowRoot;
        const cells = [...root.querySelectorAll('svg.wfe-diagram .cell')];
        const probe = (name) => {
          const s = document.createElement('span');
          s.style.color = name;
          document.body.append(s);
          const c = getComputedStyle(s).color;
          s.remove();
          return c;
        };
        return {
          fills: cells.map((c) => getComputedStyle(c).fill),
          text: probe('CanvasText'),
          highlight: probe('Highlight'),
        };
      });
      fills[t || 'system'] = seen.fills;
      if (t) {
        for (const f of new Set(seen.fills)) {
          assert.ok(contrast(f, seen.text) >= 3, `${scheme} palette, theme=${t}: ring ${f} against the system text colour ${seen.text} (${contrast(f, seen.text).toFixed(2)}:1)`);
          assert.ok(contrast(f, seen.highlight) >= 3, `${scheme} palette, theme=${t}: ring ${f} against the focus ring’s Highlight ${seen.highlight} (${contrast(f, seen.highlight).toFixed(2)}:1)`);
        }
      }
      // (embed.html names no icon: Chromium's own request for /favicon.ico is the one 404)
      assert.deepEqual(page.problems.filter((p) => !/Failed to load resource: .* 404/.test(p)), []);
      await page.context().close();
    }
    assert.deepEqual(fills[theme], fills.system, `${scheme} palette: theme=${theme} fills as the system’s`);
  }
});

test('forced colours: in the element the focused cell’s ring differs from the picked cell’s', async () => {
  const page = await openWith('/embed.html#controls=1&overlay=current&theme=dark', { forcedColors: 'active', colorScheme: 'dark' });
  await page.waitForFunction(() => document.getElementById('diagram')?.state === 'ready');
  await page.evaluate(() => document.getElementById('diagram').shadowRoot.querySelector('.cell[tabindex="0"]').focus());
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(400); // (the rings' transitions)
  const looks = await page.evaluate(() => {
    const root = document.getElementById('diagram').shadowRoot;
    const look = (c) => {
      const cs = getComputedStyle(c);
      // (a pixel of width apart is no difference to the eye)
      return `${cs.stroke} ${cs.strokeDasharray}`;
    };
    const picked = root.querySelector('.cell[aria-pressed="true"]');
    const focused = root.activeElement;
    return { picked: picked && look(picked), focused: focused?.classList.contains('cell') && focused !== picked ? look(focused) : null };
  });
  assert.ok(looks.picked && looks.focused, JSON.stringify(looks));
  assert.notEqual(looks.focused, looks.picked, JSON.stringify(looks));
  await page.context().close();
});

/** The frames of a table-view cell: its outline, its border and its ::after frame, as computed. */
function tableCellLook(page, key) {
  return page.$eval(`#cell-table [data-key="${key}"]`, (button) => {
    const td = button.closest('td');
    const s = getComputedStyle(td);
    const after = getComputedStyle(td, '::after');
    return {
      outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
      border: `${s.borderTopStyle} ${s.borderTopWidth} ${s.borderTopColor}`,
      frame: after.content === 'none' ? 'none' : `${after.borderTopStyle} ${after.borderTopWidth} ${after.borderTopColor}`,
    };
  });
}

test('table view: a cell both changed (a what-if) and chosen (the finding’s) shows both, in forced colours and not', async () => {
  const page = await openWith('/', { forcedColors: 'active' });
  await page.waitForSelector('body[data-ready="true"]');
  await startScenario(page, 'Try');
  await page.click('#tab-findings');
  await page.click('#pane-findings .finding-button');
  const chosen = await page.$$eval('#diagram .cell.is-highlighted', (cs) => cs.map((c) => [c.dataset.theme, c.dataset.player]));
  assert.ok(chosen.length >= 2, 'the finding concerns two cells or more');
  const other = await page.$eval('#diagram .cell:not(.is-highlighted)', (c) => [c.dataset.theme, c.dataset.player]);
  // one of the finding's cells changed (in a unit it does not concern: it stays chosen), and one other cell
  for (const [theme, player] of [chosen[0], other]) {
    await openCell(page, theme, player);
    const row = (await page.$('#pane-cell [data-key="u:retail:current"]:not([disabled])')) ? 'u:retail' : 'u:ports';
    const was = Number(await page.inputValue(`#pane-cell [data-key="${row}:current"]`));
    await setField(page, row, 'current', was >= 1 ? was - 1 : was + 1);
  }
  await page.click('#display-toggle');
  await page.waitForSelector('#cell-table:not([hidden]) table');
  const key = ([theme, player]) => `table:${theme}:${player}`;
  const classes = (k) => page.$eval(`#cell-table [data-key="${k}"]`, (b) => b.closest('td').className);
  assert.equal(await classes(key(chosen[0])), 'table-cell is-changed is-highlighted');
  assert.equal(await classes(key(chosen[1])), 'table-cell is-highlighted');
  assert.match(await classes(key(other)), /^table-cell is-changed( is-dimmed)?$/);
  const highlight = await systemColour(page, 'Highlight');
  for (const forced of ['active', 'none']) {
    await page.emulateMedia({ forcedColors: forced });
    const [both, changed, picked] = [await tableCellLook(page, key(chosen[0])), await tableCellLook(page, key(other)), await tableCellLook(page, key(chosen[1]))];
    const look = JSON.stringify({ both, changed, picked });
    // the change's dashed outline, as on a cell only changed; the chosen's solid frame besides
    assert.equal(both.outline, changed.outline, `${forced}: a change is dashed alike: ${look}`);
    assert.match(both.outline, /^dashed /, look);
    assert.match(both.frame, /^solid /, look);
    assert.equal(changed.frame, 'none', look);
    assert.notDeepEqual(both, changed, `${forced}: changed and chosen looks unlike only changed: ${look}`);
    assert.notDeepEqual(both, picked, `${forced}: changed and chosen looks unlike only chosen: ${look}`);
    if (forced === 'active') {
      assert.ok(both.frame.endsWith(highlight), `the chosen's frame is drawn in Highlight: ${look}`);
      assert.ok(picked.outline.endsWith(highlight), `an only chosen cell's outline is Highlight: ${look}`);
    }
    await page.$eval(`#cell-table [data-key="${key(chosen[0])}"]`, (b) => b.closest('tr').scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: `/tmp/i14-class/table-both-${forced}.png` });
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('at 1366 px a what-if keeps one row (French gives the what-ifs a row of their own), Table view does not wrap, Organization keeps the panel', async () => {
  const rows = (page) =>
    page.evaluate(() => {
      const top = document.querySelector('.topbar');
      const items = [...top.children].filter((el) => el.getBoundingClientRect().height > 0 && !el.classList.contains('visually-hidden'));
      const bar = document.querySelector('.toolbar');
      const tools = [...bar.children].filter((el) => el.getBoundingClientRect().height > 0);
      const toggle = document.getElementById('display-toggle').getBoundingClientRect();
      // One row: some horizontal line crosses every item.
      const rowsOf = (els) => {
        const r = els.map((el) => el.getBoundingClientRect());
        return Math.max(...r.map((b) => b.top)) < Math.min(...r.map((b) => b.bottom)) ? 1 : 2;
      };
      return {
        topRows: rowsOf(items),
        toolRows: rowsOf(tools),
        toggleHeight: toggle.height,
        panel: document.querySelector('.panel').getBoundingClientRect().width,
        diagram: document.querySelector('#diagram svg').getBoundingClientRect().width,
      };
    });
  const page = await open(env, { viewport: { width: 1366, height: 768 } });
  const before = await rows(page);
  assert.equal(before.topRows, 1);
  assert.equal(before.toolRows, 1);
  await startScenario(page, 'Hire a platform lead');
  const after = await rows(page);
  assert.equal(after.topRows, 1, 'a what-if keeps the top bar on one row');
  assert.equal(after.toolRows, 1, 'the toolbar (with Mark changes) keeps one row');
  assert.ok(after.toggleHeight < 40, `Table view is one line (${after.toggleHeight} px)`);
  await page.click('#tab-org');
  await page.waitForSelector('#pane-org:not([hidden])');
  const org = await rows(page);
  assert.equal(org.panel, after.panel, 'Organization does not widen the panel');
  assert.equal(org.diagram, after.diagram, 'nor shrink the diagram');
  assert.deepEqual(page.problems, []);
  await page.context().close();

  const fr = await openWith('/', {});
  await fr.evaluate(() => localStorage.setItem('wfe-lang', 'fr'));
  await fr.reload();
  await fr.waitForSelector('body[data-ready="true"]');
  assert.equal(await fr.getAttribute('html', 'lang'), 'fr');
  await startScenario(fr, 'Recruter');
  const french = await rows(fr);
  // French's longer words leave the tabs no room beside the name and the
  // actions: they take a second row rather than squeeze the name (it was
  // cut to "Harbou") or hide the baseline's tab
  assert.equal(french.topRows, 2, 'French with a what-if gives the what-ifs a row of their own');
  assert.ok(await fr.evaluate(() => {
    const first = document.querySelector('#model-name')?.getBoundingClientRect();
    const tabs = document.querySelector('#scenario-bar')?.getBoundingClientRect();
    return !!first && !!tabs && tabs.top >= first.bottom && first.width >= 160;
  }), 'the tabs under the name, which keeps its width');
  assert.ok(french.toggleHeight < 40, 'the table button is one line in French');
  await fr.context().close();
});

test('exported SVG and PNG carry a title block; the live diagram does not', async () => {
  const page = await open(env);
  await startScenario(page, 'Hire a platform lead');
  await page.selectOption('#unit-filter', 'ports');
  assert.equal(await page.locator('#diagram .caption').count(), 0, 'no title block in the live diagram');
  const download = async (format) => {
    const [d] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.click('#export');
        await page.click(`[data-export="${format}"]`);
      })(),
    ]);
    return readFile(await d.path());
  };
  const svg = (await download('svg')).toString('utf8');
  const caption = /<g class="caption">([\s\S]*?)<\/g>\n<\/g>/.exec(svg)?.[1] ?? '';
  assert.match(caption, /Harbourline Group/);
  assert.match(caption, /Current levels · Ports and terminals · What-if: Hire a platform lead · \d{4}-\d{2}-\d{2}/);
  const [, , , h] = /viewBox="(\S+) (\S+) (\S+) (\S+)"/.exec(svg).slice(1).map(Number);
  // The PNG is the same picture at twice its size: the title block is in it.
  const png = await download('png');
  const pngHeight = png.readUInt32BE(20);
  assert.equal(pngHeight, Math.round(h * 2));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('presenter view: large type, a diagram filling its half with 12 px text, Leave apart from Next', async () => {
  for (const [viewport, body] of [
    [{ width: 1280, height: 800 }, 22],
    [{ width: 1920, height: 1080 }, 32],
  ]) {
    const page = await openPage(env.browser, `${env.origin}/teach.html`, { viewport });
    await page.waitForSelector('#tour-diagram svg');
    await page.click('#presenter');
    await page.waitForFunction(() => document.getElementById('stage').classList.contains('is-presenting'));
    await page.waitForTimeout(300);
    const m = await page.evaluate(() => {
      const svg = document.querySelector('#tour-diagram svg');
      const r = svg.getBoundingClientRect();
      const vb = svg.viewBox.baseVal;
      const scale = Math.min(r.width / vb.width, r.height / vb.height);
      const sizes = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim()).map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
      const leave = document.getElementById('leave-presenter').getBoundingClientRect();
      const next = document.querySelector('.tour-next').getBoundingClientRect();
      return {
        body: parseFloat(getComputedStyle(document.querySelector('.tour-body p')).fontSize),
        smallest: Math.min(...sizes),
        width: r.width,
        height: r.height,
        overlap: leave.left < next.right && next.left < leave.right && leave.top < next.bottom && next.top < leave.bottom,
      };
    });
    assert.ok(Math.abs(m.body - body) <= body * 0.2, `body text ${m.body}px at ${viewport.width}, about ${body}`);
    assert.ok(m.smallest >= 12, `diagram text ${m.smallest.toFixed(1)}px`);
    assert.ok(m.width >= viewport.width * 0.3 || m.height >= viewport.height * 0.85, `the diagram fills its half (${m.width}×${m.height})`);
    assert.equal(m.overlap, false, 'Leave presenter view overlaps Next');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('a dark system setting darkens the editor, its diagram included', async () => {
  const page = await openWith('/', { colorScheme: 'dark' });
  await page.waitForSelector('body[data-ready="true"]');
  const luminance = (rgb) => {
    const [r, g, b] = rgb.match(/\d+/g).map(Number);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const fg = await page.evaluate(() => getComputedStyle(document.body).color);
  assert.ok(luminance(bg) < 60, `page background ${bg}`);
  assert.ok(luminance(fg) > 180, `page text ${fg}`);
  const label = await page.$eval('#diagram .player-label text', (t) => getComputedStyle(t).fill);
  assert.ok(luminance(label) > 180, `diagram labels ${label}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the classroom page requests no /favicon.ico', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const asked = [];
  const failed = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  page.on('response', (r) => r.status() >= 400 && failed.push(r.url()));
  await page.goto(`${env.origin}/teach.html`);
  await page.waitForSelector('#tour-diagram svg');
  await page.waitForTimeout(500);
  assert.ok(!asked.includes('/favicon.ico'), asked.join(' '));
  assert.deepEqual(failed, []);
  const icon = await page.getAttribute('link[rel="icon"]', 'href');
  assert.ok(asked.includes(`/${icon}`) || icon.startsWith('data:'), `the page's icon ${icon} is what it asks for`);
  await context.close();
});

test('at 1366 px thousands of findings keep the panel’s tabs on one row: the badge in short, its label whole', async () => {
  const page = await open(env, { viewport: { width: 1366, height: 768 } });
  await openWithUnits(page, 80, 'Many Units');
  const badge = await page.$eval('#findings-count', (b) => ({ text: b.textContent, label: b.getAttribute('aria-label') }));
  const whole = Number(badge.label.replace(/\D/g, ''));
  assert.ok(whole >= 1000, badge.label);
  assert.match(badge.text, /^\d(\.\d)?K$/, 'in short');
  assert.equal(badge.label, `${whole.toLocaleString('en')} findings`);
  const rows = await page.$$eval('#panel-tabs [role="tab"]', (tabs) => new Set(tabs.map((t) => Math.round(t.getBoundingClientRect().top))).size);
  assert.equal(rows, 1, 'the tabs on one row');
  assert.deepEqual(page.problems, []);
});

/** The panel's tabs: how many rows, and any whose words are cut or run out of the row. */
function panelTabs(page) {
  return page.evaluate(() => {
    const list = document.getElementById('panel-tabs');
    const tabs = [...list.querySelectorAll('[role="tab"]')];
    const edge = list.getBoundingClientRect();
    return {
      rows: new Set(tabs.map((t) => Math.round(t.getBoundingClientRect().top))).size,
      cut: tabs.filter((t) => t.scrollWidth > t.clientWidth || t.getBoundingClientRect().right > edge.right + 0.5).map((t) => t.textContent.trim()),
      names: tabs.map((t) => t.textContent.trim().replace(/\s+/g, ' ')),
      pageScrolls: document.documentElement.scrollWidth > innerWidth,
    };
  });
}

test('in French too the panel’s tabs keep one row at 1366 px with thousands of findings, whole; at 390 px they wrap within the page', async () => {
  for (const viewport of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
    const page = await open(env, { viewport });
    await page.selectOption('.lang select', 'fr');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await openWithUnits(page, 80, 'Beaucoup d’unités');
    assert.match(await page.textContent('#findings-count'), /^\d(,\d)?\s?k$/, 'the badge in short, in French');
    const tabs = await panelTabs(page);
    assert.deepEqual(tabs.names.map((n) => n.replace(/\s.*/, '')), ['Constats', 'Maturité', 'Case', 'Organisation', 'Texte'], 'every name whole');
    assert.deepEqual(tabs.cut, [], 'no tab cut off');
    assert.equal(tabs.pageScrolls, false, 'the page does not scroll sideways');
    if (viewport.width === 1366) assert.equal(tabs.rows, 1, `the tabs on one row: ${tabs.names.join(' | ')}`);
    else assert.ok(tabs.rows <= 2, `${tabs.rows} rows`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});
