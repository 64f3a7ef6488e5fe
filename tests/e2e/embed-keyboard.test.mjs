// The custom element and the demo page by keyboard: an interactive element
// is one Tab stop whose cells arrow keys move between (as in the editor),
// Home and End go along the ring, Enter and Space pick, focus shows in the
// focus colour even on the picked cell and survives a redraw; a read-only
// element is no Tab stop at all; the demo's sideways-scrolling markup is
// reachable and named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './harness.mjs';
import { setup } from './page-helpers.mjs';

const env = setup();

async function openDemo() {
  const page = await openPage(env.browser, `${env.origin}/demo.html`);
  await page.waitForFunction(() => [...document.querySelectorAll('workforce-ecosystem')].every((e) => e.state === 'ready'));
  return page;
}

/** What has focus: in the element's shadow root the cell's theme/player, else the element. */
function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return 'body';
    if (el.classList.contains('cell')) return `${el.dataset.theme}/${el.dataset.player}`;
    return `${el.localName}${el.id ? `#${el.id}` : ''}${el.name ? `[${el.name}]` : ''}`;
  });
}

test('an interactive element is one Tab stop with arrow keys, Home, End, Enter and Space', async () => {
  const page = await openDemo();
  // Tab from the top: the left element's cells take one stop, the read-only one none.
  const stops = [];
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (stops.includes(now) || now === 'body') break;
    stops.push(now);
  }
  const cells = stops.filter((s) => s.includes('/'));
  assert.deepEqual(cells, ['leadership/senior-leaders'], stops.join(', '));
  assert.equal(await page.$eval('#left', (e) => e.shadowRoot.querySelectorAll('.cell[tabindex="0"]').length), 1);
  assert.equal(await page.$eval('#right', (e) => e.shadowRoot.querySelectorAll('.cell[tabindex]').length), 0);

  await page.focus('#left >> .cell[tabindex="0"]');
  const moves = [
    ['ArrowRight', 'leadership/procurement'],
    ['ArrowDown', 'integration/procurement'],
    ['ArrowDown', 'technology/procurement'],
    ['ArrowUp', 'integration/procurement'],
    ['End', 'integration/hr'],
    ['ArrowRight', 'integration/senior-leaders'],
    ['ArrowLeft', 'integration/hr'],
    ['Home', 'integration/senior-leaders'],
  ];
  for (const [key, to] of moves) {
    await page.keyboard.press(key);
    assert.equal(await focused(page), to, key);
    // The focused cell is the one Tab stop.
    assert.deepEqual(
      await page.$eval('#left', (e) => [...e.shadowRoot.querySelectorAll('.cell[tabindex="0"]')].map((c) => `${c.dataset.theme}/${c.dataset.player}`)),
      [to],
    );
  }
  // Enter and Space pick the focused cell; the details say which.
  const picks = await page.evaluate(() => {
    const seen = [];
    document.getElementById('left').addEventListener('wfe-select', (e) => seen.push(`${e.detail.theme}/${e.detail.player}`));
    window.picks = seen;
  });
  assert.equal(picks, undefined);
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press(' ');
  assert.deepEqual(await page.evaluate(() => window.picks), ['integration/senior-leaders', 'technology/senior-leaders']);
  assert.match(await page.$eval('#left', (e) => e.shadowRoot.querySelector('.details').textContent), /^Technology enablers, Senior leaders, mean of 2 scores: current /);

  // Focus shows in the focus colour, on the picked cell too, fully opaque
  // (measured without the stroke's transition).
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const look = await page.$eval('#left', (e) => {
    const cell = e.shadowRoot.activeElement;
    const cs = getComputedStyle(cell);
    const focus = getComputedStyle(e).getPropertyValue('--wfe-focus').trim();
    const probe = document.createElement('span');
    probe.style.color = focus;
    document.body.append(probe);
    const focusRgb = getComputedStyle(probe).color;
    probe.remove();
    return { picked: cell.classList.contains('is-highlighted'), stroke: cs.stroke, focusRgb, width: parseFloat(cs.strokeWidth), opacity: cs.opacity };
  });
  assert.equal(look.picked, true);
  assert.equal(look.stroke, look.focusRgb);
  assert.ok(look.width >= 4, `stroke ${look.width}`);
  assert.equal(look.opacity, '1');

  // A redraw (another overlay, set by script) keeps focus on the same cell.
  await page.$eval('#left', (e) => e.setAttribute('overlay', 'gap'));
  await page.waitForFunction(() => document.getElementById('left').shadowRoot.querySelector('svg.wfe-overlay-gap'));
  assert.equal(await focused(page), 'technology/senior-leaders');
  // Escape clears the pick, and tells the page (a `wfe-select` with no
  // cell), so a panel the page shows for the pick can follow; focus stays.
  await page.evaluate(() => {
    window.cleared = [];
    document.getElementById('left').addEventListener('wfe-select', (e) => window.cleared.push(e.detail));
  });
  await page.keyboard.press('Escape');
  assert.equal(await page.$eval('#left', (e) => e.shadowRoot.querySelectorAll('.cell.is-highlighted').length), 0);
  assert.equal(await focused(page), 'technology/senior-leaders');
  assert.deepEqual(await page.evaluate(() => window.cleared), [{ theme: null, player: null, label: '' }]);
  // nothing picked: a second Escape says nothing more
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => window.cleared.length), 1);
  // The details line is not a live region: the focused cell's name, which
  // it repeats, was just read, and Enter's pressed state says the pick.
  assert.equal(await page.$eval('#left', (e) => e.shadowRoot.querySelector('.details').getAttribute('aria-live')), null);
  assert.deepEqual(page.problems, []);
});

test("the demo's markup, which scrolls sideways, is a named Tab stop with its focus shown", async () => {
  const page = await openDemo();
  await page.setViewportSize({ width: 390, height: 800 });
  const pre = await page.$eval('pre', (e) => ({
    scrolls: e.scrollWidth > e.clientWidth,
    tabIndex: e.tabIndex,
    role: e.getAttribute('role'),
    name: document.getElementById(e.getAttribute('aria-labelledby'))?.textContent,
  }));
  assert.deepEqual(pre, { scrolls: true, tabIndex: 0, role: 'region', name: 'The markup' });
  // Reached by Tab, and the arrow keys scroll it.
  for (let i = 0; i < 20 && (await focused(page)) !== 'pre'; i++) await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'pre');
  const outline = await page.$eval('pre', (e) => [getComputedStyle(e).outlineStyle, parseFloat(getComputedStyle(e).outlineWidth)]);
  assert.equal(outline[0], 'solid');
  assert.ok(outline[1] >= 2);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('pre').scrollLeft > 0, null, { timeout: 3000 });
  assert.deepEqual(page.problems, []);
});
