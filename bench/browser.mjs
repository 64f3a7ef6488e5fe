// The in-browser half of `make bench`: serves the repository root on loopback
// (no CSP: Mermaid injects inline styles) and runs bench/*.html pages in
// Debian's Chromium, printing their figures.
import { launch, openPage } from '../tests/e2e/harness.mjs';
import { serve } from '../scripts/serve.mjs';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const root = fileURLToPath(new URL('..', import.meta.url));
const server = await serve(root, 0, '127.0.0.1', { csp: null });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const ms = (x) => `${x.toFixed(2).padStart(8)} ms`;

/** Parse + validate + analyse, natively and in Wasm, on the same files. */
async function wasmAgainstNative() {
  const out = execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'scaled', '--', 'target/bench-models'], {
    cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
  });
  const native = out.trim().split('\n').map((l) => JSON.parse(l));
  const page = await openPage(browser, `${origin}/bench/wasm.html?files=${native.map((n) => n.file).join(',')}`);
  await page.waitForFunction(() => window.__results, null, { timeout: 300_000 });
  const wasm = await page.evaluate(() => window.__results);
  if (wasm.error) throw new Error(wasm.error);
  console.log('\nParse + validate + analyse + convert the result, native against Wasm (median)');
  console.log('  size    assessments      native        wasm   wasm/native');
  native.forEach((n, i) => {
    const w = wasm[i].wasm_ms;
    console.log(`  ${(n.factor + '×').padEnd(6)}${String(n.assessments).padStart(13)} ${ms(n.native_ms)} ${ms(w)}   ${(w / n.native_ms).toFixed(2).padStart(6)}×`);
  });
  // Goals for the plan: the sample's plan under 5 ms in Wasm, the 10× model's under 100 ms.
  const goals = { 1: 5, 10: 100 };
  console.log('\nA plan of every finding (native: plan + JSON; Wasm: startPlan, the plan opened as a what-if) (median)');
  console.log('  size    assessments      native        wasm   goal');
  native.forEach((n, i) => {
    const w = wasm[i].plan_ms;
    const goal = goals[n.factor];
    const verdict = goal ? `${w < goal ? 'under' : 'OVER'} ${goal} ms` : '';
    console.log(`  ${(n.factor + '×').padEnd(6)}${String(n.assessments).padStart(13)} ${ms(n.plan_ms)} ${ms(w)}   ${verdict}`);
  });
}

try {
  await wasmAgainstNative();
  const page = await openPage(browser, `${origin}/bench/radar.html?runs=30`);
  await page.waitForFunction(() => window.__results, null, { timeout: 120_000 });
  const r = await page.evaluate(() => window.__results);
  if (r.error) throw new Error(r.error);
  console.log('\nData → drawn diagram in Chromium, warm (same sample data, 30 runs after warm-up)');
  console.log(`  this project (Wasm, ${r.ours.cells} cells)   median ${ms(r.ours.median)}   p95 ${ms(r.ours.p95)}`);
  console.log(`    of which new Workspace ${ms(r.ours.parse)}, svg() ${ms(r.ours.svg)}, insert + layout ${ms(r.ours.insert)}`);
  console.log(`    a framework drawn for the first time (no layout kept) median ${ms(r.ours.fresh)}`);
  console.log(`  24 paths by hand, set as innerHTML   median ${ms(r.floor.median)}   p95 ${ms(r.floor.p95)}`);
  console.log(`  the core's drawing made ahead, set as innerHTML (a lower bound) median ${ms(r.drawn.median)}   ${(r.drawn.median / r.floor.median).toFixed(2)}× by hand`);
  console.log(`  Mermaid 11 radar-beta (6 axes, 2 curves) median ${ms(r.mermaid.median)}   p95 ${ms(r.mermaid.p95)}`);
  const ratio = r.ours.median / r.floor.median;
  console.log(`  this project / by hand: ${ratio.toFixed(2)}× — goal ≤ 2× ${ratio <= 2 ? 'met' : 'NOT met'}`);
  console.log(`  Mermaid / this project: ${(r.mermaid.median / r.ours.median).toFixed(1)}×`);
} finally {
  await browser.close();
  server.close();
}
