// One source of truth for what crosses the Wasm boundary: the TypeScript types
// written by hand in src/wasm/types.rs (`typescript_custom_section`, shipped in
// www/pkg/workforce_ecosystem.d.ts) must describe what the core really
// returns. The built module runs in Node on the sample and the fixtures; each
// real result is written into a TypeScript file as `const x: TheType = <its
// JSON>;`, and tsc (strict) checks that file: a key the type lacks, a key
// the core does not write, or a null where the type has none all fail.
//
// Not a browser test (no DOM: `view` draws into a stand-in container), but
// it needs the Wasm build, so it lives with them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initSync, Workspace, compareModels, compareDates } from '../../www/pkg/workforce_ecosystem.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path) => readFileSync(join(ROOT, path), 'utf8');

initSync({ module: readFileSync(join(ROOT, 'www/pkg/workforce_ecosystem_bg.wasm')) });

/**
 * Where `view` draws: enough of an Element for the core to set the SVG and
 * look for its cells (none are found, so every view redraws; what is checked
 * here is the result it returns).
 */
function container() {
  return { innerHTML: '', querySelectorAll: () => ({ length: 0, item: () => null }) };
}

/** [name, type, value] of real results, from the sample and the fixtures. */
function results() {
  const out = [];
  const add = (name, type, value) => out.push([name, type, value]);
  const models = {
    sample: read('www/models/sample.json'),
    everyKind: read('tests/fixtures/analysis/every-kind.json'),
    everyKindScenario: read('tests/fixtures/analysis/every-kind-scenario.json'),
    custom: read('tests/fixtures/custom-framework.json'),
    minimal: read('tests/fixtures/minimal.json'),
    hostile: read('tests/fixtures/hostile.json'),
    // a respondent, merged responses and history
    quarters: read('tests/fixtures/voices/quarters.json'),
    coded: read('tests/fixtures/voices/coded-response.json'),
  };
  for (const [name, json] of Object.entries(models)) {
    const ws = new Workspace(json);
    const model = ws.model();
    add(`${name}_Model`, 'Model', model);
    add(`${name}_Outline`, 'ModelOutline', ws.outline());
    add(`${name}_Analysis`, 'Analysis', ws.analyze());
    add(`${name}_Session`, 'SessionInfo', ws.session());
    add(`${name}_Fit`, 'Fit', ws.fit({ overlay: 'current' }));
    const div = container();
    add(`${name}_View`, 'ViewResult', ws.view(div, { overlay: 'current' }));
    const unit = model.units[0]?.id ?? null;
    const finding = ws.analyze().findings[0]?.id ?? null;
    add(`${name}_ViewChosen`, 'ViewResult', ws.view(div, { overlay: 'gap', unit, finding, skipFindings: true, selected: { theme: model.framework.themes[0].id, player: model.framework.players[0].id } }));
    const { theme, player } = { theme: model.framework.themes[0].id, player: model.framework.players[0].id };
    add(`${name}_CellDetail`, 'CellDetail | null', ws.cellDetail(theme, player));

    // A what-if: a scenario with a changed score, then the comparison with the baseline.
    ws.startScenario('What if');
    ws.apply({ setAssessment: { theme, player, current: model.scale.max, target: model.scale.max } });
    if (unit) ws.apply({ setAssessment: { theme, player, unit, current: model.scale.min } });
    add(`${name}_Compare`, 'Comparison | null', ws.compare());
    add(`${name}_ScenarioView`, 'ViewResult', ws.view(div, { overlay: 'current', showChanges: true }));
    add(`${name}_ScenarioSession`, 'SessionInfo', ws.session());
    // A plan of the baseline, opened as a what-if, with and without a budget.
    add(`${name}_Plan`, 'Plan', ws.startPlan('Plan', undefined));
    add(`${name}_ScenarioPlan`, 'Plan | null', ws.scenarioPlan());
    add(`${name}_PlanSession`, 'SessionInfo', ws.session());
    add(`${name}_BudgetPlan`, 'Plan', ws.startPlan('Budget', { maxChanges: 2, readiness: 0.9, unit, kinds: ['maturity-gap'] }));
    ws.free();
  }
  for (const file of readdirSync(join(ROOT, 'tests/fixtures/invalid')).sort()) {
    const json = read(`tests/fixtures/invalid/${file}`);
    const name = file.replace(/\.json$/, '').replace(/-(\w)/g, (_, c) => c.toUpperCase());
    add(`${name}_Problems`, 'Problem[]', Workspace.problems(json));
    let thrown = null;
    try {
      new Workspace(json).free();
    } catch (e) {
      thrown = e;
    }
    assert.ok(thrown instanceof Error, `${file} is refused`);
    add(`${name}_Error`, 'Problem[]', thrown.problems);
  }
  // A refused edit throws the same kind of Error.
  const ws = new Workspace(models.sample);
  try {
    ws.apply({ addUnit: { id: 'ports', label: 'Again' } });
    assert.fail('a duplicate unit is refused');
  } catch (e) {
    add('refusedEdit', 'Problem[]', e.problems);
  }
  add('addedId', 'string | undefined', ws.apply({ addUnit: { id: '', label: 'New unit' } }));
  ws.free();
  // The classroom's comparison: a student who changed one cell, left one
  // blank and scored one the instructor did not (the organization's own).
  const student = JSON.parse(models.sample);
  student.assessments[0].current = student.assessments[0].current === 0 ? 1 : 0;
  student.assessments.splice(1, 1);
  student.assessments.push({ theme: 'leadership', player: 'hr', current: 2 });
  add('answer', 'AnswerComparison', compareModels(models.sample, JSON.stringify(student)));
  // Two dates of a model compared as a what-if with its baseline.
  add('quarters_CompareDates', 'Comparison', compareDates(models.quarters, '2026-03-31', '2026-06-30'));
  add('quarters_CompareNow', 'Comparison', compareDates(models.quarters, '2026-06-30', 'now'));
  return out;
}

test('the TypeScript types of the Wasm API describe what the core returns', () => {
  const rows = results();
  assert.ok(rows.length > 60);
  const types = [...new Set(rows.flatMap(([, type]) => type.match(/[A-Z]\w+/g) ?? []))].filter((t) => t !== 'Workspace');
  const lines = [
    '// Written by tests/e2e/wire-types.test.mjs: real results of the core, checked against its types.',
    `import type { ${types.join(', ')} } from '../../www/pkg/workforce_ecosystem.js';`,
    ...rows.map(([name, type, value]) => `export const ${name}: ${type} = ${value === undefined ? 'undefined' : JSON.stringify(value, null, 1)};`),
    '',
  ];
  const dir = join(ROOT, 'target/wire-types');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'results.ts'), lines.join('\n'));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      strict: true, exactOptionalPropertyTypes: true, noEmit: true, target: 'es2022',
      module: 'es2022', moduleResolution: 'bundler', lib: ['es2023', 'esnext.disposable', 'dom'], types: [],
    },
    files: ['results.ts'],
  }));
  let report = '';
  try {
    execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', dir], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    report = `${e.stdout}${e.stderr}`;
  }
  assert.equal(report, '', `the core's results do not match the types in src/wasm/types.rs (see target/wire-types/results.ts):\n${report}`);
});

/** Every object key of `value` with its path, but not the keys of id-keyed maps. */
function keys(value, path = '', out = []) {
  if (Array.isArray(value)) value.forEach((v, i) => keys(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    // readiness by theme, player and unit id, systems by contributor id: the keys are the model's ids;
    // the count of findings by kind: the kinds' names, as findings name them
    const byId = /readiness\.(themes|players|units)$|systems\.tracking$|\.findingCounts$/.test(path);
    for (const [k, v] of Object.entries(value)) {
      if (!byId) out.push([k, `${path}.${k}`]);
      keys(v, `${path}.${k}`, out);
    }
  }
  return out;
}

test('every key across the boundary is camelCase', () => {
  const found = new Map();
  for (const [name, , value] of results()) {
    for (const [key, path] of keys(value, name)) if (!/^[a-z][a-zA-Z0-9]*$/.test(key)) found.set(key, path);
  }
  assert.deepEqual([...found.keys()], [], [...found].map(([k, p]) => `${k} at ${p}`).join('\n'));
});
