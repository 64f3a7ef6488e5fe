// Accessibility of the page: axe-core finds no serious or critical violation
// in any of its states, every action is reachable by keyboard with a visible
// focus, and the diagram has a text alternative (the table of cells).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openPage } from './harness.mjs';
import { setup, open, openCell, setField, startScenario } from './page-helpers.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const env = setup();

/** Opens the page with axe served from this origin (the CSP allows no inline script). */
async function openWithAxe(viewport) {
  const page = await openPage(env.browser, null, viewport ? { viewport } : undefined);
  await page.route(`${env.origin}/__axe.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: AXE }));
  await page.goto(`${env.origin}/`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.addScriptTag({ url: '/__axe.js' });
  return page;
}

async function serious(page, state) {
  const found = await page.evaluate(async () => (await window.axe.run(document)).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ')}`));
  return found.map((f) => `${state}: ${f}`);
}

test('axe finds no serious or critical violation in any state of the page', async () => {
  const page = await openWithAxe();
  const found = [];
  found.push(...await serious(page, 'start'));
  await page.locator('#pane-findings .finding-button').first().click({ timeout: 2000 });
  found.push(...await serious(page, 'finding chosen'));
  await openCell(page, 'integration', 'hr');
  found.push(...await serious(page, 'cell editor'));
  await page.click('#tab-readiness');
  found.push(...await serious(page, 'readiness'));
  await page.click('#tab-org');
  for (const section of ['contributors', 'owners', 'systems', 'units']) {
    await page.click(`.subnav-item[data-section="${section}"]`);
    if (section === 'owners') await page.locator('.matrix-cell').first().click();
    found.push(...await serious(page, `organization ${section}`));
  }
  await page.click('#display-toggle');
  found.push(...await serious(page, 'table'));
  await page.click('#display-toggle');
  await page.click('#new-scenario');
  found.push(...await serious(page, 'new scenario dialog'));
  await page.click('#dialog button[value="start"]');
  found.push(...await serious(page, 'scenario'));
  await page.click('#share');
  await page.waitForSelector('#dialog[open] #share-link');
  found.push(...await serious(page, 'share dialog'));
  await page.keyboard.press('Escape');
  await page.click('#help');
  found.push(...await serious(page, 'shortcuts dialog'));
  await page.keyboard.press('Escape');
  await page.click('#export');
  found.push(...await serious(page, 'export menu'));
  await page.keyboard.press('Escape');
  assert.deepEqual(found, []);
  assert.deepEqual(page.problems, []);
});

test('axe finds no serious or critical violation at a narrow width', async () => {
  const page = await openWithAxe({ width: 390, height: 844 });
  assert.deepEqual(await serious(page, 'narrow'), []);
  assert.deepEqual(page.problems, []);
});

test('Tab reaches every part of the page with a visible focus, cells once', async () => {
  const page = await open(env);
  const seen = [];
  // one round: from the skip link back to it
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    if (i > 0 && await page.evaluate(() => document.activeElement.classList.contains('skip-link'))) break;
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      const visible = el instanceof SVGElement
        ? style.stroke !== 'none' && parseFloat(style.strokeWidth) >= 4
        : style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      const name = el.id || el.dataset?.key || el.dataset.overlay || el.dataset.scenario || el.className?.baseVal || el.className || el.tagName;
      return { name: String(name), visible, cell: el.classList.contains('cell'), matches: el.matches(':focus-visible') };
    });
    seen.push(info);
  }
  const names = seen.map((s) => s.name);
  for (const expected of ['model-name', 'undo', 'open', 'export', 'share', 'help', 'unit-filter', 'contributor-filter', 'display-toggle', 'tab-findings']) {
    if (expected === 'undo') continue; // disabled until there is something to undo
    assert.ok(names.includes(expected), `Tab reaches #${expected}: ${names.join(' > ')}`);
  }
  assert.equal(seen.filter((s) => s.cell).length, 1, 'the diagram is one stop; arrows move inside it');
  const hidden = seen.filter((s) => s.name !== 'BODY' && (!s.visible || !s.matches));
  assert.deepEqual(hidden, [], 'every focused control shows its focus');
  assert.deepEqual(page.problems, []);
});

test('the table stands in for the diagram and opens cells too', async () => {
  const page = await open(env);
  await page.keyboard.press('t');
  assert.equal(await page.isHidden('#diagram'), true);
  const rows = await page.$$eval('#cell-table tbody tr', (trs) => trs.map((tr) => tr.querySelector('th').textContent));
  assert.deepEqual(rows, ['Leadership approaches', 'Integration architectures', 'Technology enablers', 'Management practices']);
  const heads = await page.$$eval('#cell-table thead th', (ths) => ths.map((th) => th.textContent));
  assert.deepEqual(heads.slice(1), ['Senior leaders', 'Procurement', 'Finance & legal', 'Business unit leaders', 'IT', 'HR']);
  const hr = await page.textContent('#cell-table [data-key="table:integration:hr"]');
  assert.match(hr, /1 Ad hoc → 2/);
  await page.focus('#cell-table [data-key="table:integration:hr"]');
  await page.keyboard.press('Enter');
  assert.match(await page.textContent('#cell-heading'), /Integration architectures × HR/);
  await page.selectOption('#pane-cell [data-key="u:ports:current"]', '3');
  assert.match(await page.textContent('#cell-table [data-key="table:integration:hr"]'), /^2 Defined/, 'the table follows edits');
  await page.keyboard.press('Escape');
  await page.keyboard.press('t');
  assert.equal(await page.isVisible('#diagram'), true);
  assert.deepEqual(page.problems, []);
});

test('the table says in words, and shows by more than colour (forced colours too), which cells a what-if changed and which the chosen finding concerns', async () => {
  const page = await open(env);
  await startScenario(page, 'Hire');
  await openCell(page, 'integration', 'senior-leaders');
  await setField(page, 'u:ports', 'current', 4);
  await page.keyboard.press('Escape');
  await page.click('#tab-findings');
  await page.locator('#pane-findings .finding-button').first().click();
  await page.waitForSelector('#diagram .cell.is-highlighted');
  await page.click('#display-toggle');
  await page.waitForSelector('#cell-table:not([hidden]) table');
  const cells = () =>
    page.$$eval('#cell-table td', (tds) =>
      tds.map((td) => {
        const button = td.querySelector('button');
        const cs = getComputedStyle(td);
        return {
          key: button.dataset.key,
          is: ['is-changed', 'is-highlighted', 'is-dimmed'].filter((c) => td.classList.contains(c)),
          // the name a screen reader says on the button, and the cell's text
          name: button.getAttribute('aria-label'),
          text: td.innerText,
          mark: cs.outlineStyle === 'none' || parseFloat(cs.outlineWidth) === 0 ? 'none' : cs.outlineStyle,
        };
      }),
    );
  for (const forced of [false, true]) {
    if (forced) await page.emulateMedia({ forcedColors: 'active' });
    const all = await cells();
    const changed = all.filter((c) => c.is.includes('is-changed'));
    const concerned = all.filter((c) => c.is.includes('is-highlighted'));
    const plain = all.filter((c) => c.is.length === 0 || c.is.join() === 'is-dimmed');
    assert.deepEqual(changed.map((c) => c.key), ['table:integration:senior-leaders']);
    assert.ok(concerned.length > 0 && plain.length > 0);
    for (const c of changed) {
      assert.match(c.name, /Changed in this what-if/, c.key);
      assert.match(c.text, /Changed in this what-if/, `${c.key}: seen in words too`);
    }
    for (const c of concerned) assert.match(c.name, /Concerned by the chosen finding/, c.key);
    for (const c of plain) {
      assert.doesNotMatch(c.name, /Changed|Concerned/, c.key);
      assert.equal(c.mark, 'none', `${c.key}: no mark`);
    }
    // a mark that is no colour: a frame, dashed for a change, solid for the finding's cells
    for (const c of changed) assert.equal(c.mark, 'dashed', `${c.key}${forced ? ' (forced colours)' : ''}`);
    for (const c of concerned.filter((c) => !c.is.includes('is-changed'))) assert.equal(c.mark, 'solid', `${c.key}${forced ? ' (forced colours)' : ''}`);
  }
  assert.deepEqual(page.problems, []);
});

test('the shortcuts dialog lists the keys, and single-key shortcuts work', async () => {
  const page = await open(env);
  await page.keyboard.press('?');
  await page.waitForSelector('#dialog[open] .shortcuts');
  assert.ok((await page.$$eval('#dialog .shortcuts tr', (e) => e.length)) >= 10);
  await page.keyboard.press('Escape');
  await page.keyboard.press('g');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('cell')), true);
  await page.keyboard.press('f');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-findings');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-readiness');
  assert.equal(await page.isVisible('#pane-readiness'), true);
  // on a tab, a letter is not a shortcut; back in the diagram it is
  await page.keyboard.press('n');
  assert.equal(await page.isHidden('#dialog'), true);
  await page.focus('#diagram .cell[tabindex="0"]');
  await page.keyboard.press('n');
  await page.waitForSelector('#dialog[open]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#scenario-banner:not([hidden])');
  assert.deepEqual(page.problems, []);
});

/** The contrast ratio of two computed colours ("rgb(r, g, b)" or "rgba(...)"). */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** Every fill a cell can have (levels, gaps, rings, unassessed), read from the legend and cells of each overlay. */
async function cellFills(page) {
  const fills = new Map();
  for (const overlay of ['none', 'current', 'gap']) {
    await page.click(`.segment[data-overlay="${overlay}"]`);
    const found = await page.$$eval('#diagram .cell, #diagram .swatch, #diagram .hatch-ground, #diagram .hatch-line', (els) => els.map((el) => {
      const s = getComputedStyle(el);
      const paint = el.classList.contains('hatch-line') ? s.stroke : s.fill;
      return [[...el.classList].filter((c) => /^(level|gap|ring)-|hatch|unassessed/.test(c)).join(' '), paint];
    }));
    for (const [name, paint] of found) if (paint.startsWith('rgb')) fills.set(paint, name);
  }
  return fills;
}

for (const scheme of ['light', 'dark']) {
  test(`focus and finding rings stand out from every cell fill (${scheme}): 3:1 at least`, async () => {
    const page = await openPage(env.browser, null);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${env.origin}/`);
    await page.waitForSelector('body[data-ready="true"]');
    const fills = await cellFills(page);
    assert.ok(fills.size >= 12, `levels, gaps, rings and hatching: ${[...fills.values()].join(', ')}`);
    await page.click('.segment[data-overlay="current"]');
    await page.locator('#pane-findings .finding-button').first().click();
    await page.focus('#diagram .cell[tabindex="0"]');
    await page.keyboard.press('ArrowRight');
    const rings = await page.$$eval('#diagram .state-rings .ring', (els) => els.map((el) => ({ cls: el.getAttribute('class'), stroke: getComputedStyle(el).stroke, width: parseFloat(getComputedStyle(el).strokeWidth) })));
    for (const kind of ['focus', 'highlight']) {
      const bands = rings.filter((r) => r.cls.includes(`ring-${kind}`));
      assert.ok(bands.length >= 2, `the ${kind} ring is drawn: ${JSON.stringify(rings)}`);
      for (const [fill, name] of fills) {
        const best = Math.max(...bands.map((b) => contrast(b.stroke, fill)));
        assert.ok(best >= 3, `${kind} ring on ${name} (${fill}): ${best.toFixed(2)}:1`);
      }
      // its bands stand apart from each other too
      const [outer, inner] = bands;
      assert.ok(contrast(outer.stroke, inner.stroke) >= 3, `${kind} bands ${outer.stroke} / ${inner.stroke}`);
    }
    // fields' edges: 3:1 against what surrounds them
    await page.click('#tab-cell');
    await page.locator('#diagram .cell').first().click();
    const edges = await page.$$eval('#pane-cell select:not(:disabled), #pane-cell input:not(:disabled), #model-name, #unit-filter', (els) => els.map((el) => {
      let bg = 'rgba(0, 0, 0, 0)';
      for (let p = el.parentElement; p; p = p.parentElement) {
        bg = getComputedStyle(p).backgroundColor;
        if (!/rgba\(.*, 0\)$/.test(bg)) break;
      }
      return { key: el.dataset.key ?? el.id, border: getComputedStyle(el).borderTopColor, bg };
    }));
    assert.ok(edges.length >= 4);
    for (const e of edges) assert.ok(contrast(e.border, e.bg) >= 3, `${e.key}: border ${e.border} on ${e.bg}: ${contrast(e.border, e.bg).toFixed(2)}:1`);
    assert.deepEqual(page.problems, []);
  });
}

test('forced colours: the chosen Show option, tab, organization section and what-if stand apart', async () => {
  const page = await openPage(env.browser, null);
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(`${env.origin}/`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#tab-org');
  await page.waitForSelector('.subnav-item[data-section="contributors"]');
  await page.click('#new-scenario');
  await page.click('#dialog button[value="start"]');
  await page.waitForSelector('#scenario-banner:not([hidden])');
  const look = (sel) => page.$eval(sel, (el) => {
    const s = getComputedStyle(el);
    return `${s.backgroundColor} ${s.color} ${s.borderTopColor}`;
  });
  for (const [chosen, other] of [
    ['.segment[aria-checked="true"]', '.segment[aria-checked="false"]'],
    ['#tab-org', '#tab-findings'],
    ['.subnav-item.is-active', '.subnav-item:not(.is-active)'],
    ['.scenario-tab.is-active', '.scenario-tab:not(.is-active)'],
  ]) {
    const [a, b] = [await look(chosen), await look(other)];
    assert.notEqual(a, b, `${chosen} looks unlike ${other}`);
    const bgs = [a, b].map((x) => x.match(/rgba?\([^)]*\)/)[0]);
    assert.ok(contrast(bgs[0], bgs[1]) >= 3, `${chosen} (${bgs[0]}) stands out from ${other} (${bgs[1]})`);
  }
  assert.deepEqual(page.problems, []);
});

/** The text-spacing bookmarklet's overrides (WCAG 1.4.12), served from the page's origin (CSP). */
async function spaceText(page) {
  const css = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
  await page.route(`${env.origin}/__spacing.css`, (route) => route.fulfill({ contentType: 'text/css', body: css }));
  await page.addStyleTag({ url: '/__spacing.css' });
  await page.waitForTimeout(200); // the diagram follows its new size
}

/**
 * What does not fit: the page scrolling sideways, a visible element past
 * the window's right edge (but inside a box that scrolls, such as a wide
 * table's), and text clipped by a box that hides its overflow.
 */
function misfits(page) {
  return page.evaluate(() => {
    const out = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) out.push(`the page is ${root.scrollWidth} px wide in ${root.clientWidth}`);
    const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    const hides = (el) => ['hidden', 'clip'].includes(getComputedStyle(el).overflowX) || ['hidden', 'clip'].includes(getComputedStyle(el).overflowY);
    const name = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.getAttribute('class') ?? ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    for (const el of document.querySelectorAll('body *')) {
      // what is there for screen readers only (clipped to nothing on purpose)
      if (!el.checkVisibility() || el.closest('.visually-hidden, .skip-link') || getComputedStyle(el).clipPath === 'inset(50%)' || getComputedStyle(el).clip === 'rect(0px, 0px, 0px, 0px)') continue;
      const r = el.getBoundingClientRect();
      if (!r.width) continue;
      let scroller = null;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (scrolls(p)) { scroller = p; break; }
      if (r.right > root.clientWidth + 0.5 && !(scroller && scroller.getBoundingClientRect().right <= root.clientWidth + 0.5)) out.push(`${name(el)} ends at ${Math.round(r.right)}`);
      // text cut off by a box that hides what overflows it
      const text = el instanceof SVGTextElement || (el.childElementCount === 0 && (el.textContent ?? '').trim() !== '' && !['INPUT', 'SELECT', 'TEXTAREA', 'OPTION'].includes(el.tagName));
      if (!text) continue;
      if (hides(el) && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) && !el.classList.contains('tooltip-note')) out.push(`${name(el)} is cut short`);
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (scrolls(p)) break;
        if (!hides(p) || p.classList.contains('visually-hidden')) continue;
        const b = p.getBoundingClientRect();
        if (r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1) out.push(`${name(el)} is cut off by ${name(p)}`);
        break;
      }
    }
    return out;
  });
}

async function statesFit(page, label) {
  const found = [];
  const check = async (state) => {
    // after the diagram followed its new room
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    found.push(...(await misfits(page)).map((m) => `${label} ${state}: ${m}`));
  };
  await check('start');
  await openCell(page, 'integration', 'hr');
  await check('cell editor');
  await page.click('#tab-readiness');
  await check('readiness');
  await page.click('#tab-org');
  for (const section of ['contributors', 'owners', 'systems', 'units']) {
    await page.click(`.subnav-item[data-section="${section}"]`);
    await check(`organization ${section}`);
  }
  await page.click('#new-scenario');
  await page.click('#dialog button[value="start"]');
  await page.waitForSelector('#scenario-banner:not([hidden])');
  await check('what-if');
  await page.click('#display-toggle');
  await check('table');
  await page.click('#display-toggle');
  return found;
}

test('reflow at 320 px and text spacing: nothing scrolls sideways or is cut off, the last tab comes into view', async () => {
  for (const [width, spaced] of [[320, false], [320, true], [1366, true]]) {
    const page = await openPage(env.browser, null, { viewport: { width, height: 768 } });
    await page.goto(`${env.origin}/`);
    await page.waitForSelector('body[data-ready="true"]');
    if (spaced) await spaceText(page);
    const label = `${width} px${spaced ? ', text spaced' : ''}`;
    assert.deepEqual(await statesFit(page, label), []);
    // End in the tab list: the last tab is focused and whole in the window and in the panel
    await page.focus('#tab-findings');
    await page.keyboard.press('End');
    const tab = await page.evaluate(() => {
      const el = document.activeElement;
      const r = el.getBoundingClientRect();
      const list = el.parentElement.getBoundingClientRect();
      return { id: el.id, inWindow: r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight, inList: r.left >= list.left && r.right <= list.right };
    });
    assert.deepEqual(tab, { id: 'tab-text', inWindow: true, inList: true }, label);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('at 200 % zoom and at 1280×720 the hint never covers the diagram\'s labels', async () => {
  for (const [viewport, scale] of [[{ width: 683, height: 384 }, 2], [{ width: 1280, height: 720 }, 1], [{ width: 1366, height: 600 }, 1]]) {
    const context = await env.browser.newContext({ viewport, deviceScaleFactor: scale });
    const page = await context.newPage();
    await page.goto(`${env.origin}/`);
    await page.waitForSelector('body[data-ready="true"]');
    const overlaps = await page.evaluate(() => {
      const hint = document.getElementById('diagram-hint').getBoundingClientRect();
      return [...document.querySelectorAll('#diagram text')].filter((t) => {
        const r = t.getBoundingClientRect();
        return r.width && r.left < hint.right && r.right > hint.left && r.top < hint.bottom && r.bottom > hint.top;
      }).map((t) => t.textContent);
    });
    assert.deepEqual(overlaps, [], `${viewport.width}×${viewport.height} at ${scale * 100} %`);
    assert.deepEqual(await misfits(page), []);
    await context.close();
  }
});
