// The classroom page by keyboard, zoom and forced colours: the drawings'
// cells, which do nothing, are not Tab stops; every focus shows; the tour's
// buttons keep focus when the panel is redrawn; nothing is wider than the
// window at 320 and 390 px, even with WCAG's text spacing; and the selected
// tab and the current step stand out in forced colours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openTeach, compareStudent as compare } from './page-helpers.mjs';

const env = setup();

/**
 * What has focus, and whether its focus shows: an outline of at least 2 px
 * that is not transparent, on the element or on the label styled as a
 * button that holds it, fully opaque.
 */
function focusNow(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { name: 'body', visible: false };
    const shown = el.closest('.button-like') ?? el;
    const cs = getComputedStyle(shown);
    let opacity = 1;
    for (let n = shown; n instanceof Element; n = n.parentElement) opacity *= Number(getComputedStyle(n).opacity);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 && cs.outlineColor !== 'rgba(0, 0, 0, 0)';
    const name = `${el.localName}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
    return { name, visible: outline && opacity === 1, cell: el.classList.contains('cell') };
  });
}

/** Tabs from the top of the page through every stop, back to the start: each stop's focusNow. */
async function tabThrough(page) {
  await page.evaluate(() => document.activeElement?.blur());
  const stops = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const now = await focusNow(page);
    if (stops.length > 0 && now.name === stops[0].name) break;
    if (now.name === 'body') continue;
    stops.push(now);
  }
  return stops;
}

test('the cells of the classroom drawings are not Tab stops; Next is a few stops from the top', async () => {
  const page = await openTeach(env);
  const stops = await tabThrough(page);
  const names = stops.map((s) => s.name);
  assert.ok(!stops.some((s) => s.cell), `no cell is a Tab stop: ${names.join(', ')}`);
  const next = names.indexOf('button.tour-next');
  assert.ok(next >= 0 && next < 8, `Next is among the first stops: ${names.join(', ')}`);
  // One Tab stop for the tabs (arrow keys move between them).
  assert.equal(names.filter((n) => n.startsWith('button#tab-')).length, 1, names.join(', '));
  // No drawing's cell is a button, focusable or inside something that claims to be one.
  for (const view of ['tour', 'blank']) {
    await page.click(`#tab-${view}`);
    assert.deepEqual(await page.$$eval('.teach-diagram .cell[tabindex], .teach-diagram [role="button"]', (els) => els.length), 0, view);
    assert.equal(await page.locator(`#${view}-diagram .cell[role="img"][aria-label]`).count(), 24, `${view}: each cell still has its name`);
  }
  await compare(page);
  assert.deepEqual(await page.$$eval('#compare-diagram .cell[tabindex], #compare-diagram [role="button"]', (els) => els.length), 0);
  // Home and End on the tabs go to the first and last.
  await page.focus('#tab-compare');
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-export');
  assert.equal(await page.getAttribute('#tab-export', 'aria-selected'), 'true');
  await page.keyboard.press('Home');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-tour');
  assert.deepEqual(page.problems, []);
});

test('every focus on the classroom page shows, in each view and in the presenter view', async () => {
  const page = await openTeach(env);
  const hidden = [];
  const check = async (view) => {
    const stops = await tabThrough(page);
    assert.ok(stops.length > 4, `${view}: ${stops.length} stops`);
    for (const s of stops) if (!s.visible) hidden.push(`${view}: ${s.name}`);
  };
  await check('tour');
  // A step in the middle: Previous, Next and every dot enabled.
  await page.click('.tour-dot >> nth=3');
  await check('tour, step 4');
  for (const view of ['blank', 'export']) {
    await page.click(`#tab-${view}`);
    await check(view);
  }
  await compare(page);
  await check('comparison');
  await page.click('#tab-tour');
  await page.click('#presenter');
  await page.waitForSelector('#stage.is-presenting');
  await page.keyboard.press('Tab');
  for (let i = 0; i < 14; i++) {
    const now = await focusNow(page);
    if (now.name !== 'body' && !now.visible) hidden.push(`presenter: ${now.name}`);
    await page.keyboard.press('Tab');
  }
  assert.deepEqual(hidden, []);
  assert.deepEqual(page.problems, []);
});

test("the tour's Next, Previous and step dots keep focus when the panel is redrawn", async () => {
  const page = await openTeach(env);
  const active = () => page.evaluate(() => ({
    cls: document.activeElement.className,
    current: document.activeElement.getAttribute('aria-current'),
    step: document.querySelector('#tour-panel .tour-count').textContent,
  }));
  await page.focus('.tour-next');
  await page.keyboard.press('Enter');
  assert.deepEqual(await active(), { cls: 'tour-next', current: null, step: 'Step 2 of 8' });
  await page.keyboard.press('Space');
  assert.deepEqual(await active(), { cls: 'tour-next', current: null, step: 'Step 3 of 8' });
  // Tab to Previous (the count is not a stop) and go back.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  assert.deepEqual(await active(), { cls: 'tour-prev', current: null, step: 'Step 2 of 8' });
  // Back at the first step Previous does nothing more and keeps focus: Enter again stays there.
  await page.keyboard.press('Enter');
  assert.deepEqual(await active(), { cls: 'tour-prev', current: null, step: 'Step 1 of 8' });
  assert.equal(await page.getAttribute('.tour-prev', 'aria-disabled'), 'true');
  await page.keyboard.press('Enter');
  assert.deepEqual(await active(), { cls: 'tour-prev', current: null, step: 'Step 1 of 8' });
  // A dot, by keyboard: focus stays on the dot of the step it went to.
  await page.focus('.tour-dot >> nth=5');
  await page.keyboard.press('Enter');
  assert.deepEqual(await active(), { cls: 'tour-dot tour-dot-axis', current: 'step', step: 'Step 6 of 8' });
  // Arrow keys on a dot move the step and focus follows to its dot.
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await active(), { cls: 'tour-dot tour-dot-axis', current: 'step', step: 'Step 7 of 8' });
  // Mouse clicks too; Next at the last step keeps focus, and does nothing more.
  await page.click('.tour-next');
  assert.deepEqual(await active(), { cls: 'tour-next', current: null, step: 'Step 8 of 8' });
  // (forced: Playwright waits for an aria-disabled button to be enabled)
  await page.click('.tour-next', { force: true });
  assert.deepEqual(await active(), { cls: 'tour-next', current: null, step: 'Step 8 of 8' });
  await page.click('.tour-prev');
  assert.deepEqual(await active(), { cls: 'tour-prev', current: null, step: 'Step 7 of 8' });
  // A language change redraws the panel: focus stays too.
  await page.selectOption('#lang', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await page.focus('.tour-next');
  await page.selectOption('#lang', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.notEqual(await page.evaluate(() => document.activeElement.localName), 'body');
  assert.deepEqual(page.problems, []);
});

const SPACING = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';

/** What is wider than the window, cut off by overflow hidden, or drawn outside its SVG. */
function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = [];
    if (document.documentElement.scrollWidth > width) out.push(`page ${document.documentElement.scrollWidth} > ${width}`);
    for (const e of document.querySelectorAll('body *')) {
      // (the announcer is cut to a pixel on purpose: it is heard, not seen)
      if (!e.getClientRects().length || e.closest('svg') || e.classList.contains('visually-hidden')) continue;
      const cs = getComputedStyle(e);
      const clips = (o) => o === 'hidden' || o === 'clip';
      if ((clips(cs.overflowX) && e.scrollWidth > e.clientWidth + 1) || (clips(cs.overflowY) && e.scrollHeight > e.clientHeight + 1)) {
        out.push(`cut off: ${e.localName}.${e.className}`);
      }
    }
    for (const svg of document.querySelectorAll('svg')) {
      const box = svg.getBoundingClientRect();
      if (!box.width) continue;
      for (const t of svg.querySelectorAll('text')) {
        const b = t.getBoundingClientRect();
        if (b.width && (b.left < box.left - 1 || b.right > box.right + 1)) out.push(`outside the drawing: ${t.textContent}`);
      }
    }
    return out;
  });
}

for (const width of [320, 390]) {
  test(`the classroom page reflows at ${width} px, with and without WCAG text spacing, in English and French`, async () => {
    const page = await openTeach(env, { viewport: { width, height: 700 } });
    const found = [];
    const sweep = async (label) => {
      for (const view of ['tour', 'blank', 'export']) {
        await page.click(`#tab-${view}`);
        found.push(...(await overflow(page)).map((o) => `${label} ${view}: ${o}`));
      }
      await compare(page);
      found.push(...(await overflow(page)).map((o) => `${label} comparison: ${o}`));
      await page.click('#tab-tour');
      await page.click('#presenter');
      await page.waitForSelector('#stage.is-presenting');
      found.push(...(await overflow(page)).map((o) => `${label} presenter: ${o}`));
      await page.click('#leave-presenter');
    };
    await sweep('en');
    await page.selectOption('#lang', 'fr');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await sweep('fr');
    // The style sheet a reader's text-spacing tool adds (constructed: the CSP allows no <style>).
    await page.evaluate((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }, SPACING);
    await sweep('fr, text spacing');
    assert.deepEqual(found, []);
    assert.deepEqual(page.problems, []);
  });
}

test('in forced colours the selected tab and the current step stand out from the others', async () => {
  const page = await openTeach(env, { media: { forcedColors: 'active' } });
  const looks = (selector) => page.$$eval(selector, (els) => els.map((e) => {
    const cs = getComputedStyle(e);
    return {
      on: e.getAttribute('aria-selected') === 'true' || e.getAttribute('aria-current') === 'step',
      look: `${cs.backgroundColor} ${cs.color} ${cs.borderBottomColor}`,
      underlined: e.getAttribute('role') === 'tab' && cs.borderBottomColor !== cs.backgroundColor,
    };
  }));
  for (const [what, selector] of [['tab', '.teach-tabs [role="tab"]'], ['step dot', '.tour-dot']]) {
    const all = await looks(selector);
    const on = all.filter((x) => x.on);
    const off = all.filter((x) => !x.on);
    assert.equal(on.length, 1, what);
    assert.ok(off.length > 0, what);
    for (const x of off) assert.notEqual(x.look, on[0].look, `the selected ${what} looks like another`);
    // Every unselected one looks the same (the state is the only difference),
    // and no unselected tab is underlined as if it were selected.
    assert.equal(new Set(off.map((x) => x.look)).size, 1, what);
    assert.ok(off.every((x) => !x.underlined), `${what}: ${off[0].look}`);
  }
  assert.deepEqual(page.problems, []);
});

test('the step dots, small targets, are spaced for a finger: 24 px or more between centres (WCAG 2.5.8), in the presenter view too', async () => {
  const page = await openTeach(env, { viewport: { width: 1366, height: 768 } });
  const spacing = () =>
    page.$$eval('.tour-dot', (dots) => {
      const centres = dots.map((d) => {
        const r = d.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
      let least = Infinity;
      for (let i = 0; i < centres.length; i += 1) {
        for (let j = i + 1; j < centres.length; j += 1) least = Math.min(least, Math.hypot(centres[i].x - centres[j].x, centres[i].y - centres[j].y));
      }
      return { count: dots.length, least };
    });
  let dots = await spacing();
  assert.ok(dots.count >= 8);
  assert.ok(dots.least >= 24, `${dots.least.toFixed(1)} px between centres`);
  await page.click('#presenter');
  await page.waitForFunction(() => document.getElementById('stage').classList.contains('is-presenting'));
  await page.waitForTimeout(300);
  dots = await spacing();
  assert.ok(dots.least >= 24, `presenter view: ${dots.least.toFixed(1)} px between centres`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
