// The in-browser half of `make bench`: serves the repository root on loopback
// (no CSP: Mermaid injects inline styles) and runs bench/*.html pages in
// Debian's Chromium, printing their figures.
import { launch, openPage } from '../tests/e2e/harness.mjs';
import { serve } from '../scripts/serve.mjs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const server = await serve(root, 0, '127.0.0.1', { csp: null });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const ms = (x) => `${x.toFixed(2).padStart(8)} ms`;

try {
  const page = await openPage(browser, `${origin}/bench/radar.html?runs=30`);
  await page.waitForFunction(() => window.__results, null, { timeout: 120_000 });
  const r = await page.evaluate(() => window.__results);
  if (r.error) throw new Error(r.error);
  console.log('\nData → drawn diagram in Chromium (same sample data, 30 runs after warm-up)');
  console.log(`  this project (Wasm, ${r.ours.cells} cells)   median ${ms(r.ours.median)}   p95 ${ms(r.ours.p95)}`);
  console.log(`  Mermaid 11 radar-beta (6 axes, 2 curves) median ${ms(r.mermaid.median)}   p95 ${ms(r.mermaid.p95)}`);
  console.log(`  ratio Mermaid / this project: ${(r.mermaid.median / r.ours.median).toFixed(1)}×`);
} finally {
  await browser.close();
  server.close();
}
