// The size budget of issue 7: the Wasm module at most 150 KB gzip, the whole
// page at most 200 KB gzip. Runs on the freshly built www/pkg.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shippedSizes, totals, BUDGET } from '../../scripts/sizes.mjs';

test('the shipped Wasm and the whole page stay within their gzip budgets', () => {
  const sizes = shippedSizes();
  assert.ok(sizes.some((s) => s.file.endsWith('.wasm')), 'www/pkg holds a built Wasm module');
  const t = totals(sizes);
  assert.ok(t.wasm.gzip <= BUDGET.wasmGzip, `wasm is ${t.wasm.gzip} bytes gzip, budget ${BUDGET.wasmGzip}`);
  assert.ok(t.page.gzip <= BUDGET.pageGzip, `page is ${t.page.gzip} bytes gzip, budget ${BUDGET.pageGzip}`);
});
