// The Wasm API the page is built on, called directly: errors arrive as JS
// Errors carrying the core's messages and every problem; an invalid edit
// changes nothing; the diagram is updated in place, keyed by the cells' ids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open } from './page-helpers.mjs';
import en from '../../www/i18n/en.js';

const env = setup();

test('the Workspace API: load, validate, layout, SVG, analyse, compare, edit', async () => {
  const page = await open(env);
  const out = await page.evaluate(async () => {
    const core = await import('./pkg/workforce_ecosystem.js');
    const { Workspace } = core;
    const sample = await (await fetch('models/sample.json')).text();
    const r = {};
    // the free functions (exports, classroom, voices) name every problem as the workspace does
    r.freeErrors = ['exportHtml', 'reportMarkdown', 'csvExport', 'tourSteps', 'progressSvg'].map((name) => {
      try {
        core[name]('{"schema": "nope"}', undefined);
        return `${name}: no error`;
      } catch (e) {
        return `${name}: ${e instanceof Error} ${e.problems?.map((p) => p.path).join(',')}`;
      }
    });
    try {
      new Workspace('{"schema": "nope", "assessments": [{"theme": "x", "player": "hr", "current": 1}]}');
    } catch (e) {
      r.ctorError = { isError: e instanceof Error, message: e.message, paths: e.problems.map((p) => p.path) };
    }
    r.problemsOfSample = Workspace.problems(sample);
    r.problemsOfJunk = Workspace.problems('[1,').length;
    const ws = new Workspace(sample);
    const layout = ws.layout();
    r.layoutCells = layout.cells.length;
    r.svgCells = (ws.svg({ overlay: 'gap' }).match(/class="cell /g) ?? []).length;
    r.findings = ws.analyze().findings.length;
    r.compareOnBaseline = ws.compare();
    const before = JSON.stringify(ws.model());
    try {
      ws.apply({ setAssessment: { theme: 'leadership', player: 'hr', current: 99 } });
    } catch (e) {
      r.editError = { isError: e instanceof Error, message: e.message, problems: e.problems.length };
    }
    try {
      ws.apply({ dropEverything: true });
    } catch (e) {
      r.unknownOp = e.message;
    }
    r.unchanged = JSON.stringify(ws.model()) === before;
    r.created = ws.apply({ addContributor: { id: '', label: 'Crowd workers', kind: 'external' } });
    ws.startScenario('W');
    ws.apply({ setAssessment: { theme: 'leadership', player: 'hr', unit: 'ports', current: 4, target: 3 } });
    const cmp = ws.compare();
    r.changed = cmp.changedCells.map((c) => `${c.theme}/${c.player}/${c.unit}`);
    r.resolvedKinds = [...new Set(cmp.resolved.map((f) => f.kind))];
    r.savedRoundTrip = new Workspace(ws.savedJson()).session().scenarios.map((s) => s.name);
    // the keyed update: a score edit touches one cell, an overlay change redraws
    const box = document.createElement('div');
    document.body.append(box);
    const first = ws.view(box, { overlay: 'current', unit: 'ports' });
    const cellEl = box.querySelector('.cell[data-theme="leadership"][data-player="hr"]');
    ws.apply({ setAssessment: { theme: 'leadership', player: 'hr', unit: 'ports', current: 1, target: 3 } });
    const second = ws.view(box, { overlay: 'current', unit: 'ports' });
    r.keyed = {
      firstFull: first.full,
      secondFull: second.full,
      touched: second.changed,
      sameElement: box.querySelector('.cell[data-theme="leadership"][data-player="hr"]') === cellEl,
      value: [...box.querySelectorAll('.cell-value')].find((v) => v.dataset.theme === 'leadership' && v.dataset.player === 'hr').textContent,
    };
    r.redraw = ws.view(box, { overlay: 'gap', unit: 'ports' }).full;
    box.remove();
    return r;
  });
  assert.equal(out.ctorError.isError, true);
  for (const line of out.freeErrors) assert.match(line, /^\w+: true schema/);
  assert.ok(out.ctorError.paths.includes('schema'), out.ctorError.paths.join(', '));
  assert.match(out.ctorError.message, /schema/);
  assert.deepEqual(out.problemsOfSample, []);
  assert.equal(out.problemsOfJunk, 1);
  assert.equal(out.layoutCells, 24);
  assert.equal(out.svgCells, 24);
  assert.ok(out.findings > 0);
  assert.equal(out.compareOnBaseline, null);
  assert.equal(out.editError.isError, true);
  assert.match(out.editError.message, /outside the scale/);
  assert.equal(out.editError.problems, 1);
  assert.match(out.unknownOp, /dropEverything/);
  assert.equal(out.unchanged, true, 'refused edits change nothing');
  assert.equal(out.created, 'crowd-workers');
  assert.deepEqual(out.changed, ['leadership/hr/ports']);
  assert.ok(out.resolvedKinds.includes('maturity-gap'));
  assert.deepEqual(out.savedRoundTrip, ['W']);
  assert.deepEqual(out.keyed, { firstFull: true, secondFull: false, touched: 1, sameElement: true, value: '1' });
  assert.equal(out.redraw, true);
  assert.deepEqual(page.problems, []);
});

test('a plan made apart (makePlan) opens with startPlanned as startPlan would; a damaged one is refused and changes nothing', async () => {
  const page = await open(env);
  const out = await page.evaluate(async () => {
    const { Workspace } = await import('./pkg/workforce_ecosystem.js');
    const sample = await (await fetch('models/sample.json')).text();
    const options = { kinds: ['maturity-gap'], maxChanges: 5 };
    const maker = new Workspace(sample);
    const plan = maker.makePlan(options);
    const r = { made: plan.changeCount, maker: maker.session().scenarios.length };
    // the same what-if as startPlan's, from the plan given
    const a = new Workspace(sample);
    a.startPlanned('P', plan);
    const b = new Workspace(sample);
    b.startPlan('P', options);
    r.sameModel = JSON.stringify(a.model()) === JSON.stringify(b.model());
    r.samePlan = JSON.stringify(a.scenarioPlan()) === JSON.stringify(plan);
    r.active = a.session().active?.name;
    // damaged: each refused with the same message, nothing started
    const c = new Workspace(sample);
    const before = c.savedJson();
    r.refused = [];
    for (const bad of [undefined, null, 7, 'a plan', { steps: 'no' }, JSON.parse(JSON.stringify(plan).replaceAll('"theme":"', '"theme":"nowhere-'))]) {
      try {
        c.startPlanned('Q', bad);
        r.refused.push('started');
      } catch (e) {
        r.refused.push(e instanceof Error ? e.message.slice(0, 40) : String(e));
      }
    }
    r.unchanged = c.savedJson() === before;
    return r;
  });
  assert.equal(out.made, 5);
  assert.equal(out.maker, 0, 'makePlan starts nothing');
  assert.equal(out.sameModel, true);
  assert.equal(out.samePlan, true);
  assert.equal(out.active, 'P');
  assert.equal(out.refused.length, 6);
  for (const m of out.refused.slice(0, 5)) assert.equal(m, 'the plan could not be read');
  assert.match(out.refused[5], /nowhere|theme/);
  assert.equal(out.unchanged, true);
  assert.deepEqual(page.problems, []);
});

test('every text of the page comes from the catalogue, and a new language redraws them', async () => {
  const page = await open(env);
  const out = await page.evaluate(async (en) => {
    const i18n = await import('./i18n.js');
    // a catalogue that marks every text: anything left unmarked is not from the catalogue
    const marked = Object.fromEntries(Object.entries(en).map(([k, v]) => [k, `«${v}»`]));
    i18n.addCatalogue('xx', marked);
    i18n.setLanguage('xx');
    await new Promise((ok) => requestAnimationFrame(ok));
    const texts = [];
    // (a language's name in the language switch is written in that language, marked by its own lang)
    const skip = (el) => el.closest('#diagram, #cell-table, [hidden], script, style, option[lang]') || el.closest('.visually-hidden') && el.id === 'announcer';
    for (const el of document.body.querySelectorAll('*')) {
      if (skip(el)) continue;
      for (const node of el.childNodes) {
        if (node.nodeType === Node.TEXT_NODE && node.textContent.trim()) texts.push(node.textContent.trim());
      }
      for (const attr of ['aria-label', 'title', 'placeholder']) {
        if (el.hasAttribute(attr)) texts.push(el.getAttribute(attr));
      }
    }
    // what comes from the model or from the core's own sentences is not the page's to translate
    const { Workspace } = await import('./pkg/workforce_ecosystem.js');
    const ws = new Workspace(await (await fetch('models/sample.json')).text());
    const m = ws.model();
    const data = [m.name, ...[m.units, m.contributors, m.systems, m.framework.players, m.framework.themes].flat().map((x) => x.label),
      ...ws.analyze().findings.map((f) => f.explanation),
      // the core's names of the kinds of finding, as its report and exports call them
      ...Workspace.findingKinds().flatMap((k) => [k.title, k.name, k.meaning])];
    return { lang: document.documentElement.lang, title: document.title, texts: texts.filter((x) => !data.includes(x)) };
  }, en);
  assert.equal(out.lang, 'xx');
  assert.match(out.title, /^«/);
  const unmarked = out.texts.filter((s) => !s.includes('«') && !['×', '→', '·'].includes(s) && !/^[\d\s.,%+−-]+$/.test(s));
  assert.ok(out.texts.filter((s) => s.includes('«')).length > 30, 'the page texts were redrawn in the new language');
  assert.deepEqual(unmarked, [], 'texts shown without coming from the catalogue');
  assert.deepEqual(page.problems, []);
});
