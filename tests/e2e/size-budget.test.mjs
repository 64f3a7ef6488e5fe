// The size guard on the freshly built www/pkg: the Wasm module at most
// 200 KB gzip, and each page with everything it loads (scripts/sizes.mjs says
// what that is) at most 250 KB gzip. `make bench` prints the figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUDGET, shippedSizes, wasmTotal, pageSizes, pageFiles } from '../../scripts/sizes.mjs';

test('the shipped Wasm and every page stay within the budget', () => {
  const sizes = shippedSizes();
  assert.ok(sizes.some((s) => s.file.endsWith('.wasm')), 'www/pkg holds a built Wasm module');
  const wasm = wasmTotal(sizes).gzip;
  assert.ok(wasm <= BUDGET.wasmGzip, `wasm is ${wasm} bytes gzip, budget ${BUDGET.wasmGzip}`);
  const pages = pageSizes();
  assert.ok(pages.length >= 4, 'the four pages are measured');
  for (const p of pages) assert.ok(p.gzip <= BUDGET.pageGzip, `${p.page} is ${p.gzip} bytes gzip, budget ${BUDGET.pageGzip}`);
});

test('a page is measured with everything it loads and nothing it only links to', () => {
  const index = pageFiles('index.html');
  for (const f of ['app.js', 'style.css', 'i18n/fr.js', 'pkg/workforce_ecosystem.js', 'pkg/workforce_ecosystem_bg.wasm', 'favicon.svg']) {
    assert.ok(index.includes(f), `index.html loads ${f}`);
  }
  assert.ok(!index.includes('teach.html'), 'a link to another page is not part of the page');
  assert.ok(!index.includes('i18n/en-teach.js'), 'the classroom texts load only on the classroom page');
  assert.ok(pageFiles('teach.html').includes('i18n/fr-teach.js'));
  assert.ok(pageFiles('demo.html').includes('models/studio.json'), 'a model file a script names is counted');
  assert.ok(index.includes('models/sample.json'), 'the sample the page opens with is counted');
  assert.ok(!index.includes('diagram.css'), 'the page adopts the stylesheet the core carries');
});
