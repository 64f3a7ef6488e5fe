// Sizes of what the page ships (raw and gzip), shared by the size-budget test
// and `make bench`. "Shipped" is every file under www/ a browser may fetch,
// except the generated TypeScript declarations.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const WWW = fileURLToPath(new URL('../www/', import.meta.url));
/** Issue 7's budget: the goal. */
export const BUDGET = { wasmGzip: 150 * 1024, pageGzip: 200 * 1024 };
/** What the size test enforces until the budget is met: no growth past these. */
export const CEILING = { wasmGzip: 285 * 1024, pageGzip: 395 * 1024 };

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** [{ file, raw, gzip }] for every shipped file, largest first. */
export function shippedSizes(root = WWW) {
  return walk(root)
    .filter((p) => !p.endsWith('.d.ts') && !p.endsWith('.md'))
    .map((p) => {
      const bytes = readFileSync(p);
      return { file: relative(root, p), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

export function totals(sizes) {
  const sum = (f) => sizes.filter(f).reduce((acc, s) => ({ raw: acc.raw + s.raw, gzip: acc.gzip + s.gzip }), { raw: 0, gzip: 0 });
  return { wasm: sum((s) => s.file.endsWith('.wasm')), page: sum(() => true) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = shippedSizes();
  const t = totals(sizes);
  const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KB';
  console.log('Shipped assets (www/)            raw        gzip');
  for (const s of sizes) console.log(`  ${s.file.padEnd(28)}${kb(s.raw)}  ${kb(s.gzip)}`);
  const verdict = (n, b) => (n <= b ? 'within' : 'OVER');
  console.log(`  ${'wasm total'.padEnd(28)}${kb(t.wasm.raw)}  ${kb(t.wasm.gzip)}   ${verdict(t.wasm.gzip, BUDGET.wasmGzip)} the budget of ${kb(BUDGET.wasmGzip)} gzip`);
  console.log(`  ${'page total'.padEnd(28)}${kb(t.page.raw)}  ${kb(t.page.gzip)}   ${verdict(t.page.gzip, BUDGET.pageGzip)} the budget of ${kb(BUDGET.pageGzip)} gzip`);
}
