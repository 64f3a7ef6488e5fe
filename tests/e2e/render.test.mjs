// The diagram through Wasm: byte-identical to the native golden files, styled
// by diagram.css under the strict CSP, and its cells reachable by keyboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, setup } from './harness.mjs';

const golden = (name) => readFileSync(new URL(`../golden/${name}`, import.meta.url), 'utf8');

const env = setup();

test('Wasm renders the same bytes as the native golden files', async () => {
  const page = await openPage(env.browser, `${env.origin}/`);
  await page.waitForSelector('body[data-ready="true"]');
  const cases = [
    ['standard.json', { overlay: 'current', standalone: true }, 'standard-current.svg'],
    ['standard.json', { overlay: 'gap', unit: 'retail', standalone: true }, 'standard-gap-retail.svg'],
    ['five.json', { overlay: 'current', standalone: true }, 'five-current.svg'],
    ['eight.json', { overlay: 'target', standalone: true }, 'eight-target.svg'],
  ];
  for (const [model, options, expected] of cases) {
    const svg = await page.evaluate(
      async ([json, opts]) => {
        const { Workspace } = await import('./pkg/workforce_ecosystem.js');
        return new Workspace(json).svg(opts);
      },
      [golden(model), options],
    );
    assert.equal(svg, golden(expected), `${model} ${JSON.stringify(options)}`);
  }
  assert.deepEqual(page.problems, []);
});

test('the page diagram is styled by diagram.css and its cells take focus', async () => {
  const page = await openPage(env.browser, `${env.origin}/`);
  await page.waitForSelector('body[data-ready="true"]');
  const info = await page.evaluate(() => {
    const svg = document.querySelector('#diagram svg');
    const scored = svg.querySelector('.cell:not(.unassessed)');
    const font = getComputedStyle(svg).fontFamily;
    return {
      role: svg.getAttribute('role'),
      fill: scored ? getComputedStyle(scored).fill : null,
      font,
      buttons: svg.querySelectorAll('.cell[role="button"][aria-label]').length,
      // The page keeps the diagram one Tab stop (roving tabindex).
      tabStops: svg.querySelectorAll('.cell[tabindex="0"]').length,
      values: svg.querySelectorAll('.cell-value[data-theme][data-player]').length,
    };
  });
  assert.equal(info.role, 'group');
  // Without diagram.css a polygon fills black; with it, a level colour.
  assert.match(info.fill ?? '', /^rgb/);
  assert.notEqual(info.fill, 'rgb(0, 0, 0)');
  assert.match(info.font, /DejaVu Sans/);
  assert.equal(info.buttons, 24);
  assert.equal(info.tabStops, 1);
  assert.equal(info.values, 24);
  await page.locator('#diagram .cell[tabindex="0"]').focus();
  const key = () => page.evaluate(() => {
    const a = document.activeElement;
    return a?.classList.contains('cell') ? `${a.dataset.theme}/${a.dataset.player}` : null;
  });
  const before = await key();
  await page.keyboard.press('ArrowRight');
  const after = await key();
  assert.ok(before && after && before !== after, `arrow keys move focus between cells (${before} → ${after})`);
  assert.deepEqual(page.problems, []);
});
