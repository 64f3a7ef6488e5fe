// The embeddable diagram's Wasm module (pkg/diagram_bg.wasm, the crate
// without its `editor` feature; docs/design.md, "Two Wasm modules") next to
// the editor's: it offers what the custom element uses and nothing of the
// editor's API, and it draws exactly what the editor's module draws, for
// every overlay, layout and unit, and for the text syntax too.
//
// Not a browser test (the two modules run side by side in Node), but it
// needs the Wasm build, so it lives with them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as editor from '../../www/pkg/workforce_ecosystem.js';
import * as diagram from '../../www/pkg/diagram.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path) => readFileSync(join(ROOT, path), 'utf8');
editor.initSync({ module: readFileSync(join(ROOT, 'www/pkg/workforce_ecosystem_bg.wasm')) });
diagram.initSync({ module: readFileSync(join(ROOT, 'www/pkg/diagram_bg.wasm')) });

/** The instance methods and statics a module's Workspace offers. */
function api(Workspace) {
  const own = (o) => Object.getOwnPropertyNames(o).filter((n) => !n.startsWith('__') && n !== 'constructor' && n !== 'length' && n !== 'name' && n !== 'prototype');
  return { methods: own(Workspace.prototype).sort(), statics: own(Workspace).sort() };
}

test("the diagram's module offers what the element uses, and none of the editor's API", () => {
  const small = api(diagram.Workspace);
  assert.deepEqual(small.methods, ['fittingLayout', 'free', 'model', 'readableHeight', 'svg'].sort());
  assert.deepEqual(small.statics, ['fromText', 'problems'].sort());
  const full = api(editor.Workspace);
  for (const m of small.methods) assert.ok(full.methods.includes(m), `the editor's module has ${m} too`);
  for (const m of ['apply', 'undo', 'startPlan', 'view', 'draw', 'toText']) assert.ok(!small.methods.includes(m), `no ${m}`);
  // the element speaks the page's language (French too), as the editor does
  assert.equal(typeof diagram.setLanguage, 'function');
  for (const f of ['exportHtml', 'csvImport', 'compareModels', 'bytesToText']) {
    assert.equal(typeof editor[f], 'function', `the editor's module exports ${f}`);
    assert.equal(diagram[f], undefined, `the diagram's module leaves out ${f}`);
  }
});

test('both modules draw the same diagram in French', () => {
  const french = read('www/i18n/core-fr.json');
  editor.setLanguage(french);
  diagram.setLanguage(french);
  try {
    const a = new editor.Workspace(read('www/models/sample.json'));
    const b = new diagram.Workspace(read('www/models/sample.json'));
    for (const layout of ['wide', 'narrow']) {
      const options = { overlay: 'gap', layout, standalone: true };
      const svg = b.svg(options);
      assert.match(svg, /Approches de leadership/);
      assert.equal(svg, a.svg(options), layout);
    }
    a.free();
    b.free();
  } finally {
    editor.setLanguage(undefined);
    diagram.setLanguage(undefined);
  }
});

test("both modules draw the same diagram, byte for byte", () => {
  const sample = read('www/models/sample.json');
  const hostile = read('tests/fixtures/hostile.json');
  let compared = 0;
  for (const text of [sample, hostile]) {
    const a = new editor.Workspace(text);
    const b = new diagram.Workspace(text);
    assert.deepEqual(b.model(), a.model());
    const units = [null, ...a.model().units.map((u) => u.id)];
    for (const overlay of ['none', 'current', 'target', 'gap']) {
      for (const layout of ['wide', 'square', 'narrow']) {
        for (const unit of units.slice(0, 2)) {
          const options = { overlay, layout, unit, standalone: layout === 'square' };
          assert.equal(b.svg(options), a.svg(options), `${overlay} ${layout} ${unit}`);
          compared += 1;
        }
      }
      assert.equal(b.fittingLayout(420, 0, { overlay }), a.fittingLayout(420, 0, { overlay }));
    }
    a.free();
    b.free();
  }
  assert.ok(compared >= 24);
  const text = new editor.Workspace(sample).toText();
  assert.equal(diagram.Workspace.fromText(text).svg({ overlay: 'gap' }), editor.Workspace.fromText(text).svg({ overlay: 'gap' }));
});

test("the diagram's module refuses what the editor's refuses, with the same problems", () => {
  const bad = '{"schema":"workforce-ecosystem/v1","name":"x","assessments":[{"theme":"nope","player":"hr","current":9}]}';
  const problems = diagram.Workspace.problems(bad);
  assert.ok(problems.length >= 2, 'an unknown theme and a score off the scale');
  assert.deepEqual(problems, editor.Workspace.problems(bad));
  assert.throws(() => new diagram.Workspace(bad), (e) => e instanceof Error && /assessments\[0\]/.test(e.problems.map((p) => p.path).join(' ')));
});
