// The editor in French: what the core writes — the findings' sentences, the
// diagram's player and theme names, its legend, and every number — comes in
// French with a decimal comma, from the catalogue the page hands the core
// (i18n/core-fr.json); back in English, the core's English returns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { setup, open, startScenario, openCell, exportedModel, openWithUnits, cellPoint } from './page-helpers.mjs';

const SHOTS = '/tmp/i14-class/';
mkdirSync(SHOTS, { recursive: true });

const env = setup();

/** Words of the core's English sentences and legends (never in a French one). */
const ENGLISH = /\b(the maturity|against a target|a gap of|nobody owns|both take on|all take on|duplicating effort|mixed messages|no system tracks|is split|owned by|has no integration|stays there|people\)|person\)|Current level|Target level|Gap to target|Not assessed|levels? below|On or above target)\b/i;
/** A number written with a decimal point ("2.5"). */
const POINT = /\d\.\d/;

async function findingTexts(page) {
  if (await page.isHidden('#pane-findings')) await page.click('#tab-findings');
  await page.waitForSelector('#pane-findings .finding-text');
  return page.$$eval('#pane-findings .finding-text', (els) => els.map((e) => e.textContent));
}

function diagramTexts(page) {
  return page.$$eval('#diagram svg text', (els) => els.map((e) => e.textContent.trim()).filter(Boolean));
}

test('in French the core writes findings, diagram names, legend and numbers in French', async () => {
  const page = await open(env, { viewport: { width: 1366, height: 768 } });
  const english = await findingTexts(page);
  assert.ok(english.some((s) => ENGLISH.test(s)), 'the English sentences to start with');
  assert.ok((await diagramTexts(page)).some((s) => POINT.test(s)), 'the sample averages units: "2.5"-style scores in English');

  await page.selectOption('.lang select', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await page.waitForFunction(() => [...document.querySelectorAll('#diagram svg text')].some((t) => t.textContent.trim() === 'RH'));
  const findings = await findingTexts(page);
  assert.equal(findings.length, english.length, 'the same findings');
  for (const s of findings) {
    assert.doesNotMatch(s, ENGLISH, `English left in: ${s}`);
    assert.doesNotMatch(s, POINT, `a decimal point in: ${s}`);
  }
  assert.ok(findings.some((s) => /^Dans .*, la maturité de /.test(s)), 'a gap, in French');
  const texts = await diagramTexts(page);
  for (const name of ['Direction générale', 'Achats', 'RH', 'Informatique', 'Approches de leadership', 'Architectures d’intégration']) {
    // a name on its ring may be wrapped: its lines are texts in a row
    assert.ok(texts.join(' ').includes(name), `the diagram names ${name}`);
  }
  for (const name of ['Senior leaders', 'Procurement', 'Leadership approaches', 'Integration architectures']) {
    assert.ok(!texts.some((s) => s.includes(name)), `no English "${name}" on the diagram`);
  }
  for (const s of texts) {
    assert.doesNotMatch(s, ENGLISH, `English on the diagram: ${s}`);
    assert.doesNotMatch(s, POINT, `a decimal point on the diagram: ${s}`);
  }
  assert.ok(texts.some((s) => /\d,\d/.test(s)), 'scores with a decimal comma');
  assert.equal((await page.textContent('#diagram .legend-title')).trim(), 'Niveau actuel');
  await page.screenshot({ path: `${SHOTS}editor-fr-1366.png` });

  // Export ▸ Standalone HTML: the document's own words are the core's, in
  // French as `wfe export --lang fr` writes them (the page passes none).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await page.click('#export');
      await page.click('[data-export="html"]');
    })(),
  ]);
  const html = await readFile(await download.path(), 'utf8');
  const doc = html.slice(0, html.indexOf('<script type="application/json"'));
  for (const french of [
    '<html lang="fr">',
    '<p class="subtitle">Cadre d’orchestration de l’écosystème de main-d’œuvre</p>',
    'aria-label="Schéma"',
    '<h2>Maturité</h2>',
    'Globale\u00a0: <strong>42\u202f%</strong>',
    '<caption>Thèmes</caption>',
    '<caption>Acteurs</caption>',
    '<caption>Unités</caption>',
    '<h2>Constats</h2>',
    '<span class="kind">Écart de maturité</span>',
    '<span class="severity">gravité 4,61</span>',
    '<th scope="row">Approches de leadership</th>',
    '<footer><p>Ce fichier contient aussi le modèle au format JSON',
  ]) {
    assert.ok(doc.includes(french), `the French export has ${french}`);
  }
  for (const english of ['orchestration framework', '"Diagram"', '>Readiness<', 'Overall', '>Themes<', '>Players<', '>Units<', '>Findings<', '>severity ', 'This file also holds', 'Maturity gap', 'Leadership approaches']) {
    assert.ok(!doc.includes(english), `no English ${english} in the French export`);
  }

  // Export ▸ Report (HTML) and Report (Markdown): the report's headings,
  // tables and sentences in French too, as `wfe export --format report-md
  // --lang fr` writes them.
  for (const format of ['report-html', 'report-md']) {
    const [d] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.click('#export');
        await page.click(`[data-export="${format}"]`);
      })(),
    ]);
    const report = await readFile(await d.path(), 'utf8');
    const md = format === 'report-md';
    const heading = (level, text) => (md ? `\n${'#'.repeat(level)} ${text}\n` : `<h${level}>${text}</h${level}>`);
    for (const french of [
      md ? '# Analyse de l’écosystème de main-d’œuvre' : '<h1>Analyse de l’écosystème de main-d’œuvre',
      heading(2, 'Synthèse'),
      'La maturité globale est de ',
      heading(2, 'Priorités'),
      heading(2, 'Maturité'),
      heading(3, 'Par thème'),
      heading(3, 'Note actuelle par case'),
      heading(2, 'Écarts de maturité'),
      heading(2, 'Systèmes'),
      '(gravité 4,61)',
      'Approches de leadership',
    ]) {
      assert.ok(report.includes(french), `the French ${format} has ${french}`);
    }
    const body = md ? report : report.slice(0, report.indexOf('<style>')) + report.slice(report.indexOf('</style>'));
    for (const english of ['Summary', 'Top priorities', 'Readiness', 'By theme', 'Current score by cell', 'Maturity gaps', 'severity', 'Leadership approaches', 'workforce ecosystem report']) {
      assert.ok(!body.includes(english), `no English ${english} in the French ${format}`);
    }
    if (!md) assert.ok(report.includes('<html lang="fr">'));
  }

  // Back to English: the core's English, byte for byte as before.
  await page.selectOption('.lang select', 'en');
  await page.waitForFunction(() => [...document.querySelectorAll('#diagram svg text')].some((t) => t.textContent.trim() === 'HR'));
  assert.deepEqual(await findingTexts(page), english);
  assert.deepEqual(page.problems, []);
});

/** Words of the core's English problems (never in a French one). */
const ENGLISH_PROBLEM = /\b(expected|found|unknown|known|must|is not|empty|required|missing|too long|characters|duplicate|appears|outside|invalid JSON|fields where|header|twice|itself|second assessment|the string|the number|an object|needs|save the|EOF|while parsing|trailing|is listed)\b/i;

/** The problems the dialog lists: each one's place and message as the page shows them. */
test('in French the page names players, themes and levels as the diagram does: cell editor, readiness, owners, table', async () => {
  const page = await open(env, { viewport: { width: 1366, height: 900 } });
  await page.selectOption('.lang select', 'fr');
  await page.waitForFunction(() => [...document.querySelectorAll('#diagram svg text')].some((t) => t.textContent.trim() === 'RH'));
  // the cell editor: its heading and its level menus
  await page.evaluate(() => document.querySelector('#diagram .cell[data-theme="integration"][data-player="hr"]')
    .dispatchEvent(new MouseEvent('click', { bubbles: true })));
  await page.waitForSelector('#pane-cell select');
  const cell = await page.$eval('#pane-cell', (p) => ({ heading: p.querySelector('h2')?.textContent ?? '', options: [...p.querySelectorAll('select option')].map((o) => o.textContent) }));
  assert.match(cell.heading, /Architectures d’intégration/);
  assert.match(cell.heading, /RH/);
  assert.ok(cell.options.some((o) => /Ponctuel/.test(o)), cell.options.join(' | '));
  assert.ok(!cell.options.some((o) => /Ad hoc|Defined|Orchestrated/.test(o)), cell.options.join(' | '));
  // readiness by theme and by player
  await page.click('#tab-readiness');
  const readiness = await page.textContent('#pane-readiness');
  assert.match(readiness, /Approches de leadership/);
  assert.match(readiness, /Direction générale/);
  assert.doesNotMatch(readiness, /Leadership approaches|Senior leaders|Procurement/);
  // the owners matrix
  await page.click('#tab-org');
  await page.click('.subnav-item[data-section="owners"]');
  const owners = await page.textContent('#pane-org');
  assert.match(owners, /Approches de leadership/);
  assert.doesNotMatch(owners, /Leadership approaches|Senior leaders/);
  // the table that stands in for the drawing
  await page.click('#display-toggle');
  await page.waitForSelector('#cell-table:not([hidden]) table');
  const table = await page.textContent('#cell-table');
  assert.match(table, /Architectures d’intégration/);
  assert.doesNotMatch(table, /Integration architectures|Orchestrated|Integrated|Defined/);
  assert.deepEqual(page.problems, []);
});

async function shownProblems(page, shot) {
  await page.waitForSelector('#dialog[open] .problems');
  if (shot) await page.screenshot({ path: shot });
  const items = await page.$$eval('#dialog .problems li', (els) => els.map((li) => ({
    where: li.querySelector('.problem-where')?.textContent ?? '',
    message: li.querySelector('.problem-message')?.textContent ?? '',
  })));
  await page.keyboard.press('Escape');
  return items;
}

test('in French an invalid model file and a bad CSV list their problems in French', async () => {
  const page = await open(env, { viewport: { width: 1366, height: 768 } });
  await page.selectOption('.lang select', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  const broken = JSON.stringify({
    schema: 'workforce-ecosystem/v1',
    name: 3,
    extra: true,
    units: [{ id: 'u1', label: 'A' }, { id: 'u1', label: 'B' }],
    assessments: [
      { theme: 'zz9', player: 'hr', current: 7.5 },
      { theme: 'leadership', player: 'hr', current: '2', weight: 0 },
    ],
    systems: [{ id: 's1', label: 'S', owner: 'hr', contributors: [] }],
    integrations: [{ from: 's1', to: 's1' }],
  }, null, 2);
  const files = [
    { name: 'broken.json', buffer: broken, at: '#file-input', type: 'application/json' },
    { name: 'junk.json', buffer: '{"schema": ', at: '#file-input', type: 'application/json' },
    { name: 'columns.csv', buffer: 'theme,player,current,bogus\n', at: '#csv-input', type: 'text/csv' },
    { name: 'bad.csv', buffer: 'theme,player,current,note\nzz9,hr,x,n\nleadership,,2,n\nleadership,hr,1\n', at: '#csv-input', type: 'text/csv' },
    { name: 'nohead.csv', buffer: 'theme,player\n"open,hr\n', at: '#csv-input', type: 'text/csv' },
  ];
  const all = [];
  for (const f of files) {
    await page.setInputFiles(f.at, { name: f.name, mimeType: f.type, buffer: Buffer.from(f.buffer) });
    const problems = await shownProblems(page, `${SHOTS}problems-fr-${f.name}.png`);
    assert.ok(problems.length >= 1, f.name);
    all.push(...problems);
  }
  assert.ok(all.length >= 10, `${all.length} problems`);
  for (const { where, message } of all) {
    // Ids and the file's text are quoted as they are; the sentence around them is French.
    const sentence = message.replace(/"(?:[^"\\]|\\.)*"/g, '·');
    assert.doesNotMatch(sentence, ENGLISH_PROBLEM, `English in: ${message}`);
    assert.doesNotMatch(where, /\b(line|row|column)\b/i, `English place: ${where}`);
  }
  const text = all.map((p) => `${p.where} ${p.message}`).join('\n');
  for (const french of ['attendu', 'identifiant inconnu', 'champs alors que', 'JSON invalide', 'ligne', 'n’est pas un nombre', '7,5']) {
    assert.ok(text.includes(french), `no “${french}” in:\n${text}`);
  }
  assert.deepEqual(page.problems, []);
});

test('a notice on show follows a change of language, its buttons too', async () => {
  const page = await open(env);
  await startScenario(page, 'Plan B');
  await page.click('#scenario-keep');
  await page.waitForSelector('#notice:not([hidden])');
  assert.equal(await page.textContent('#notice-text'), '“Plan B” is now the baseline.');
  assert.equal(await page.textContent('#notice-undo'), 'Undo');
  await page.focus('#notice-undo');
  await page.selectOption('.lang select', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.equal(await page.textContent('#notice-text'), '« Plan B » est maintenant la référence.');
  assert.equal(await page.textContent('#notice-undo'), 'Annuler');
  assert.equal(await page.getAttribute('#notice-actions button[aria-label]', 'aria-label'), 'Fermer ce message');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'notice-undo', 'focus stays on the button drawn again');
  // the notice still does what it says
  await page.click('#notice-undo');
  assert.equal(await page.isHidden('#notice'), true);
  assert.equal(await page.isVisible('#scenario-banner'), true, 'the what-if is back');
  assert.deepEqual(page.problems, []);
});

test('French says readiness with one word, maturité, in the catalogue and on the page: tab, what-if banner and plan', async () => {
  const { default: en } = await import('../../www/i18n/en.js');
  const { default: fr } = await import('../../www/i18n/fr.js');
  const other = Object.keys(en).filter((k) => /readiness/i.test(en[k]) && !/maturit/i.test(fr[k]));
  assert.deepEqual(other, [], 'every French string of readiness says maturité');

  const page = await open(env);
  await page.selectOption('.topbar .lang select', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await page.click('#suggest-plan');
  await page.waitForSelector('#dialog[open].plan-dialog');
  assert.doesNotMatch(await page.textContent('#dialog'), /[Pp]réparation cible/);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#pane-findings .plan');
  const words = (await page.evaluate(() => [
    document.getElementById('tab-readiness')?.textContent,
    document.getElementById('scenario-banner')?.textContent,
    document.querySelector('#pane-findings .plan')?.textContent,
  ].join(' '))).replace(/\s+/g, ' ');
  assert.match(words, /Maturité \d+ %.*→/, 'the plan says maturité');
  assert.doesNotMatch(words, /[Pp]réparation/, 'never préparation');
  assert.deepEqual(page.problems, []);
});

test('in French a weight is written with a decimal comma, and a number that is not one is refused at its field, never read as another', async () => {
  const page = await open(env, { viewport: { width: 1366, height: 768 } });
  await page.selectOption('.lang select', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await openCell(page, 'leadership', 'hr');
  const weight = '#pane-cell [data-key="u:ports:weight"]';
  await page.waitForSelector(`${weight}:not([disabled])`);
  const type = async (value) => {
    await page.fill(weight, '');
    await page.focus(weight);
    await page.keyboard.type(value);
    await page.keyboard.press('Tab');
  };
  const saved = async () => (await exportedModel(page)).assessments.find((a) => a.theme === 'leadership' && a.player === 'hr' && a.unit === 'ports').weight ?? 1;
  await type('1,5');
  assert.equal(await saved(), 1.5, '“1,5” is one and a half (Chromium’s number field read 15)');
  assert.equal(await page.inputValue(weight), '1,5', 'shown as French writes it');
  await type('2.25');
  assert.equal(await saved(), 2.25, 'a decimal point is read too');
  assert.equal(await page.inputValue(weight), '2,25');
  for (const bad of ['1,5,2', '1 5', 'deux']) {
    await type(bad);
    const message = await page.evaluate((sel) => document.getElementById(document.querySelector(sel).getAttribute('aria-describedby') ?? '')?.textContent ?? '', weight);
    assert.match(message, /^Le poids doit être un nombre positif, écrit par exemple 1,5\.$/, bad);
    assert.equal(await page.getAttribute(weight, 'aria-invalid'), 'true');
    assert.equal(await page.inputValue(weight), bad, 'what was typed stays, to be corrected');
    assert.equal(await saved(), 2.25, `${bad}: nothing saved`);
  }

  // a headcount is a whole number: refused at its field in French, with no browser bubble in another language
  await page.click('#tab-org');
  await page.fill('[data-key="c-new:label"]', 'Intérimaires');
  for (const bad of ['-5', '2,5', '1e3']) {
    await page.fill('[data-key="c-new:headcount"]', bad);
    await page.press('[data-key="c-new:headcount"]', 'Enter');
    const error = await page.evaluate(() => {
      const field = /** @type {HTMLInputElement} */ (document.querySelector('[data-key="c-new:headcount"]'));
      return { valid: field.validity.valid, text: document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent ?? '' };
    });
    assert.equal(error.valid, true, `${bad}: no native constraint to raise the browser's own bubble`);
    assert.equal(error.text, 'L’effectif doit être un nombre entier, zéro ou plus, par exemple 250.', bad);
  }
  await page.fill('[data-key="c-new:headcount"]', '4 200');
  await page.press('[data-key="c-new:headcount"]', 'Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-contributor] input[type="text"]')].some((e) => /** @type {HTMLInputElement} */ (e).value === 'Intérimaires'));
  assert.equal((await exportedModel(page)).contributors.find((c) => c.label === 'Intérimaires').headcount, 4200, 'French groups thousands with a space');
  assert.deepEqual(page.problems, []);
});

test('French wording: sentences start with a capital and agree whatever the source, one word for a what-if, limits at the fields, French browser first', async () => {
  const { default: en } = await import('../../www/i18n/en.js');
  const { default: fr } = await import('../../www/i18n/fr.js');
  assert.deepEqual(Object.keys(fr).filter((k) => /hypoth/i.test(fr[k])), [], 'a what-if is a scénario everywhere');
  // "+1 pt", "+2 pts"
  for (const cat of [en, fr]) assert.deepEqual([cat['readiness.points.one'], cat['readiness.points.other']], ['{points} pt', '{points} pts']);
  // a source ("le lien partagé", "l’organisation exemple") never starts a sentence
  for (const [k, v] of [...Object.entries(en), ...Object.entries(fr)]) assert.doesNotMatch(v, /^\{source\}/, k);

  // a French browser's first visit is in French, with nothing chosen
  const context = await env.browser.newContext({ locale: 'fr-FR', viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${env.origin}/`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  assert.equal(await page.evaluate(() => localStorage.getItem('wfe-lang')), null, 'nothing was chosen for the user');

  await page.click('#open');
  await page.click('[data-open="empty"]');
  await page.waitForFunction(() => /Nouveau document ouvert depuis Nouvelle organisation\./.test(document.getElementById('notice-text').textContent));
  // the name and a note are limited at their fields as the core limits them
  assert.equal(await page.getAttribute('#model-name', 'maxlength'), '200');
  await page.click('#open');
  await page.click('[data-open="sample"]');
  await page.waitForFunction(() => /Nouveau document ouvert depuis l’organisation exemple\./.test(document.getElementById('notice-text').textContent));
  await openCell(page, 'leadership', 'hr');
  assert.equal(await page.getAttribute('#pane-cell [data-key="u:ports:note"]', 'maxlength'), '5000');
  // a name the core refuses: its words as a sentence, with no path, and the field shows the name kept
  await page.evaluate(() => {
    const name = /** @type {HTMLInputElement} */ (document.getElementById('model-name'));
    name.removeAttribute('maxlength');
    name.value = 'x'.repeat(224);
    name.dispatchEvent(new Event('change'));
  });
  const refused = await page.textContent('#notice-text');
  assert.match(refused, /^Trop long/, refused);
  assert.doesNotMatch(refused, /name:/);
  assert.equal(await page.inputValue('#model-name'), 'Harbourline Group');
  // a damaged link: the problems' lead starts with a capital
  await page.goto(`${env.origin}/#m=garbage!!`);
  await page.waitForSelector('#dialog[open] .error-lead');
  assert.match(await page.textContent('#dialog .error-lead'), /^1 problème dans le lien partagé :/);
  await context.close();
});

test('in French at 1366 px the toolbar’s Unit and Highlight menus show their chosen value whole', async () => {
  const page = await open(env, { viewport: { width: 1366, height: 768 } });
  await page.selectOption('.lang select', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  /** How much of each menu's chosen text is cut: its width past the room the menu gives it (arrow and padding aside). */
  const cut = () => page.evaluate(() => ['unit-filter', 'contributor-filter'].map((id) => {
    const select = /** @type {HTMLSelectElement} */ (document.getElementById(id));
    const style = getComputedStyle(select);
    const probe = document.createElement('span');
    probe.style.font = style.font;
    probe.style.whiteSpace = 'pre';
    probe.style.position = 'absolute';
    probe.textContent = select.selectedOptions[0].textContent;
    document.body.append(probe);
    const text = probe.getBoundingClientRect().width;
    probe.remove();
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 12; // the arrow
    return { id, text: select.selectedOptions[0].textContent, cut: Math.max(0, Math.round(text - room)) };
  }));
  for (const c of await cut()) assert.equal(c.cut, 0, `${c.id}: “${c.text}”`);
  // a chosen unit and contributor of the sample, too
  await page.selectOption('#unit-filter', 'retail');
  await page.selectOption('#contributor-filter', 'alumni');
  for (const c of await cut()) assert.equal(c.cut, 0, `${c.id}: “${c.text}”`);
  assert.deepEqual(page.problems, []);
});

test('the tooltip counts the notes it leaves out, one in the singular, in English and French', async () => {
  const page = await open(env, { viewport: { width: 1366, height: 768 } });
  // Ports' note on this cell, once per added unit, beside the two of the sample
  await openWithUnits(page, 2, 'Four notes');
  const more = async () => {
    const { x, y } = await cellPoint(page, 'leadership', 'senior-leaders');
    await page.mouse.move(x, y);
    await page.waitForSelector('#tooltip:not([hidden]) .tooltip-more');
    const text = await page.textContent('#tooltip .tooltip-more');
    await page.mouse.move(1, 1);
    await page.waitForSelector('#tooltip', { state: 'hidden' });
    return text;
  };
  assert.equal(await more(), 'and 1 more note');
  await page.selectOption('.lang select', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.equal(await more(), 'et 1 autre note');
  await openWithUnits(page, 3, 'Cinq notes');
  assert.equal(await more(), 'et 2 autres notes');
  await page.selectOption('.lang select', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await more(), 'and 2 more notes');
  assert.deepEqual(page.problems, []);
});

test('in French the downloaded files are named in French: report, assessments, the plan’s roadmap and the what-if’s comparison', async () => {
  const page = await open(env);
  await page.selectOption('.lang select', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  const saved = async (click) => {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    return download.suggestedFilename();
  };
  const exported = (format) => saved(async () => {
    await page.click('#export');
    await page.click(`[data-export="${format}"]`);
  });
  assert.equal(await exported('report-md'), 'harbourline-group-rapport.md');
  assert.equal(await exported('csv'), 'harbourline-group-évaluations.csv');
  // a plan is a what-if: its roadmap, then its comparison with the baseline
  await page.click('#tab-findings');
  await page.click('#suggest-plan');
  await page.waitForSelector('#dialog[open].plan-dialog');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#pane-findings [data-key="plan-export:markdown"]');
  const plan = 'harbourline-group-plan-d-action-1';
  assert.equal(await saved(() => page.click('#pane-findings [data-key="plan-export:markdown"]')), `${plan}-feuille-de-route.md`);
  assert.equal(await saved(() => page.click('#pane-findings [data-key="plan-export:csv"]')), `${plan}-feuille-de-route.csv`);
  assert.equal(await exported('comparison-md'), `${plan}-comparaison.md`);
  assert.equal(await exported('comparison-html'), `${plan}-comparaison.html`);
  // back in English, the English names
  await page.selectOption('.lang select', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await exported('comparison-md'), `${plan}-comparison.md`);
  assert.deepEqual(page.problems, []);
});
