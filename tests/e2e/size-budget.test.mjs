// Size guard on the freshly built www/pkg. Issue 7's budget (Wasm at most
// 150 KB gzip, each page with everything it loads at most 200 KB gzip) is NOT
// met yet: `make bench` prints the figures against it. Until it is, this test
// keeps the sizes from growing: the ceilings are today's sizes plus a little
// room, to be lowered as they shrink, never raised.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shippedSizes, wasmTotal, pageSizes, pageFiles } from '../../scripts/sizes.mjs';

const CEILING = { wasmGzip: 170 * 1024, pageGzip: 236 * 1024 };

test('the shipped Wasm and every page stay under their ceilings', () => {
  const sizes = shippedSizes();
  assert.ok(sizes.some((s) => s.file.endsWith('.wasm')), 'www/pkg holds a built Wasm module');
  const wasm = wasmTotal(sizes).gzip;
  assert.ok(wasm <= CEILING.wasmGzip, `wasm is ${wasm} bytes gzip, ceiling ${CEILING.wasmGzip}`);
  const pages = pageSizes();
  assert.ok(pages.length >= 4, 'the four pages are measured');
  for (const p of pages) assert.ok(p.gzip <= CEILING.pageGzip, `${p.page} is ${p.gzip} bytes gzip, ceiling ${CEILING.pageGzip}`);
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
});
