// The same answers natively and in the Wasm: `wfe` (the native build) and
// the page's module (run here in Node) list the findings in one order, ties
// of severity included, make the same plan, and export the same document
// and report. A tie was
// once broken by a hash that is 64 bits natively and 32 in the Wasm, so the
// page's export listed equal findings in another order than `wfe export`.
//
// Not a browser test, but it needs the Wasm build, so it lives with them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { initSync, Workspace, exportHtml, reportMarkdown } from '../../www/pkg/workforce_ecosystem.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
initSync({ module: readFileSync(`${ROOT}www/pkg/workforce_ecosystem_bg.wasm`) });

/** `wfe ARGS…` (built as `make test` builds it; cargo builds it if it is missing). */
const wfe = (...args) =>
  execFileSync('cargo', ['run', '--quiet', '--bin', 'wfe', '--', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });

const MODELS = ['www/models/sample.json', 'tests/fixtures/analysis/every-kind.json', 'tests/fixtures/custom-framework.json', 'tests/fixtures/voices/quarters.json'];

test('the findings come in the same order natively and in the Wasm, ties of severity included', () => {
  let ties = 0;
  for (const path of MODELS) {
    const native = JSON.parse(wfe('analyze', path)).findings;
    const ws = new Workspace(readFileSync(`${ROOT}${path}`, 'utf8'));
    const wasm = ws.analyze().findings;
    ws.free();
    assert.deepEqual(wasm.map((f) => f.id), native.map((f) => f.id), path);
    ties += native.filter((f, i) => i > 0 && f.severity === native[i - 1].severity && f.kind === native[i - 1].kind).length;
  }
  assert.ok(ties > 10, `the models have ties to order (${ties})`);
});

test('a plan is the same natively and in the Wasm', () => {
  for (const path of MODELS) {
    const ws = new Workspace(readFileSync(`${ROOT}${path}`, 'utf8'));
    const wasm = ws.makePlan({});
    ws.free();
    assert.deepEqual(wasm, JSON.parse(wfe('plan', path)), path);
  }
});

test('the exported document and the report are the same natively and in the Wasm', () => {
  for (const path of MODELS) {
    const json = readFileSync(`${ROOT}${path}`, 'utf8');
    assert.equal(exportHtml(json, { overlay: 'current', caption: false }), wfe('export', path, '--format', 'html', '--no-caption'), `${path}: the HTML document`);
    assert.equal(reportMarkdown(json), wfe('analyze', path, '--format', 'markdown'), `${path}: the report`);
  }
});
