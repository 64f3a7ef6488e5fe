// The size guards on the built site (dist/, `make build`): the Wasm module at
// most 200 KB gzip, and each page with everything it can make the browser
// fetch (scripts/sizes.mjs says what that is, chunks loaded on demand
// included) at most 250 KB gzip. Guards only: the goal is the time to the
// diagram, which `make bench` prints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUDGET, shippedSizes, wasmTotal, pageSizes, pageFiles } from '../../scripts/sizes.mjs';

test('the shipped Wasm and every page stay within the guards', () => {
  const sizes = shippedSizes();
  assert.ok(sizes.some((s) => s.file.endsWith('.wasm')), 'dist/pkg holds a built Wasm module');
  const wasm = wasmTotal(sizes).gzip;
  assert.ok(wasm <= BUDGET.wasmGzip, `wasm is ${wasm} bytes gzip, at most ${BUDGET.wasmGzip}`);
  const pages = pageSizes();
  assert.deepEqual(pages.map((p) => p.page).sort(), ['demo.html', 'embed.html', 'index.html', 'teach.html']);
  for (const p of pages) assert.ok(p.gzip <= BUDGET.pageGzip, `${p.page} is ${p.gzip} bytes gzip, at most ${BUDGET.pageGzip}`);
});

test('a page is measured with everything it loads, on demand too, and nothing it only links to', () => {
  const index = pageFiles('index.html');
  const has = (files, prefix) => files.some((f) => f.startsWith(prefix));
  for (const f of ['app.js', 'style.css', 'pkg/workforce_ecosystem_bg.wasm', 'favicon.svg', 'models/sample.json']) {
    assert.ok(index.includes(f), `index.html loads ${f}`);
  }
  assert.ok(index.some((f) => /^chunk-\w+\.js$/.test(f)), 'the shared chunks are counted');
  assert.ok(has(index, 'fr-') && has(index, 'org-') && index.includes('snippet.js'), 'the parts loaded on demand are counted');
  assert.ok(!index.includes('teach.html'), 'a link to another page is not part of the page');
  assert.ok(!has(index, 'fr-teach-'), 'the classroom texts load only on the classroom page');
  assert.ok(has(pageFiles('teach.html'), 'fr-teach-'));
  assert.ok(pageFiles('demo.html').includes('models/studio.json'), 'a model file a script names is counted');
  assert.ok(pageFiles('embed.html').includes('element.js'), 'embed.html imports the element');
  assert.ok(!index.includes('diagram.css'), 'the page adopts the stylesheet the core carries');
});
