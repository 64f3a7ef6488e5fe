// The classroom's Compare as a course runs it: the instructor hands out the
// blank worksheet (teach.html), a student opens it in the editor
// (index.html), scores five cells of one unit (two as the instructor did)
// and exports; the instructor compares that file with the sample. The
// comparison tells cells left blank from cells that differ, matches them
// unit by unit, and says so as a teacher would read it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { openPage, setup } from './harness.mjs';
import { exportedModel, openCell, setField } from './page-helpers.mjs';

const SHOTS = '/tmp/i14-class/';
mkdirSync(SHOTS, { recursive: true });

const env = setup();

/** The five cells the student scores in the ports unit; the first two as the instructor did. */
const CELLS = [
  ['leadership', 'senior-leaders', true],
  ['integration', 'hr', true],
  ['technology', 'it', false],
  ['management', 'procurement', false],
  ['leadership', 'hr', false],
];

async function openTeach(viewport) {
  const page = await openPage(env.browser, `${env.origin}/teach.html`, viewport ? { viewport } : undefined);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

async function downloadText(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFileSync(await download.path(), 'utf8');
}

test('a student’s partly filled answer is compared unit by unit: matches counted, blanks apart, differences listed first', async () => {
  // The instructor hands out the blank worksheet.
  const teacher = await openTeach();
  const sample = JSON.parse(await teacher.evaluate(async () => (await fetch('models/sample.json')).text()));
  const instructorScore = (theme, player) =>
    sample.assessments.find((a) => a.theme === theme && a.player === player && a.unit === 'ports').current;
  await teacher.click('[role="tab"][data-view="blank"]');
  const blank = await downloadText(teacher, () => teacher.click('#blank-download'));
  assert.equal(JSON.parse(blank).assessments.length, 0);

  // The student opens it in the editor and scores five cells of the ports unit.
  const student = await openPage(env.browser, `${env.origin}/`);
  await student.waitForSelector('body[data-ready="true"]');
  await student.setInputFiles('#file-input', { name: 'blank-worksheet.json', mimeType: 'application/json', buffer: Buffer.from(blank) });
  await student.waitForFunction(() => document.getElementById('model-name').value === 'Harbourline Group');
  await student.selectOption('#unit-filter', 'ports');
  const expected = [];
  for (const [theme, player, same] of CELLS) {
    const theirs = instructorScore(theme, player);
    const value = same ? theirs : theirs >= 1 ? theirs - 1 : theirs + 1;
    expected.push([theme, player, same, theirs, value]);
    await openCell(student, theme, player);
    await setField(student, 'u:ports', 'current', value);
    await student.waitForFunction(
      ([t, p, v]) => document.querySelector(`#pane-cell [data-key="u:ports:current"]`)?.value === String(v),
      [theme, player, value],
    );
  }
  const answer = await exportedModel(student);
  assert.equal(answer.assessments.length, 5);
  assert.ok(answer.assessments.every((a) => a.unit === 'ports'));
  assert.deepEqual(student.problems, []);

  // The instructor compares it with the sample shown in the tour.
  await teacher.click('[role="tab"][data-view="compare"]');
  await teacher.setInputFiles('#compare-student', { name: 'student.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(answer)) });
  await teacher.click('#compare-run');
  await teacher.waitForSelector('#compare-text .compare-summary');
  assert.equal(
    await teacher.textContent('.compare-summary'),
    '2 of 5 answered cells match the instructor; 3 differ; 19 left blank.',
  );
  assert.equal(
    await teacher.textContent('.compare-unanswered'),
    'Not answered at all: Retail and delivery (24 cells the instructor scored).',
  );
  // The diagram shows the ports unit: the three differing cells outlined,
  // the two matches plain, the nineteen blanks faded.
  assert.match(await teacher.textContent('#compare-caption'), /for Ports and terminals;/);
  const marked = (cls) =>
    teacher.$$eval(`#compare-diagram .cell.${cls}`, (cs) => cs.map((c) => `${c.dataset.theme}/${c.dataset.player}`).sort());
  assert.deepEqual(await marked('is-highlighted'), ['leadership/hr', 'management/procurement', 'technology/it']);
  assert.equal((await marked('is-dimmed')).length, 19);
  const matches = await teacher.$$eval('#compare-diagram .cell[data-verdict="matches"]', (cs) => cs.map((c) => `${c.dataset.theme}/${c.dataset.player}`).sort());
  assert.deepEqual(matches, ['integration/hr', 'leadership/senior-leaders']);
  // The table lists the five answered cells, differences first; no blank row.
  const rows = await teacher.$$eval('.compare-table tbody tr', (trs) =>
    trs.map((tr) => [tr.dataset.theme, tr.dataset.player, tr.dataset.verdict, tr.cells[1].textContent, tr.cells[2].textContent, tr.cells[3].textContent]),
  );
  assert.equal(rows.length, 5);
  assert.deepEqual(
    rows.map((r) => r[2]),
    ['differs', 'differs', 'differs', 'matches', 'matches'],
  );
  for (const [theme, player, same, theirs, value] of expected) {
    const row = rows.find((r) => r[0] === theme && r[1] === player);
    assert.equal(row[2], same ? 'matches' : 'differs', `${theme}/${player}`);
    assert.match(row[3], new RegExp(`^${theirs}, target \\d`), 'the instructor’s score, with the target');
    assert.equal(row[4], String(value));
    assert.equal(row[5], same ? 'Matches' : 'Differs');
  }
  assert.match(await teacher.textContent('.compare-table tbody tr:first-child td:first-child'), /\(Ports and terminals\)$/);
  await teacher.screenshot({ path: `${SHOTS}compare-1366.png`, fullPage: true });

  // In French the summary reads the same way.
  await teacher.selectOption('#lang', 'fr');
  await teacher.waitForFunction(() => document.querySelector('.compare-summary')?.textContent.startsWith('2 cases'));
  assert.equal(
    await teacher.textContent('.compare-summary'),
    '2 cases remplies sur 5 correspondent à l’enseignant ; 3 diffèrent ; 19 laissées vides.',
  );
  assert.deepEqual(teacher.problems, []);
});

test('a student who answered two units gets a line per unit and a choice of the unit drawn', async () => {
  const teacher = await openTeach();
  const sample = JSON.parse(await teacher.evaluate(async () => (await fetch('models/sample.json')).text()));
  const answer = structuredClone(sample);
  // Every ports cell as the instructor's, one retail cell changed, one retail cell left out.
  const retail = answer.assessments.filter((a) => a.unit === 'retail');
  retail[0].current = retail[0].current >= 1 ? retail[0].current - 1 : retail[0].current + 1;
  answer.assessments.splice(answer.assessments.indexOf(retail[1]), 1);
  await teacher.click('[role="tab"][data-view="compare"]');
  await teacher.setInputFiles('#compare-student', { name: 'student.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(answer)) });
  await teacher.click('#compare-run');
  await teacher.waitForSelector('#compare-text .compare-summary');
  assert.equal(await teacher.textContent('.compare-summary'), '46 of 47 answered cells match the instructor; 1 differs; 1 left blank.');
  assert.deepEqual(await teacher.$$eval('.compare-units li', (lis) => lis.map((li) => li.textContent)), [
    'Ports and terminals: 24 of 24 answered cells match the instructor.',
    'Retail and delivery: 22 of 23 answered cells match the instructor; 1 differs; 1 left blank.',
  ]);
  assert.equal(await teacher.locator('.compare-unanswered').count(), 0);
  assert.equal(await teacher.locator('#compare-diagram .cell.is-highlighted').count(), 0, 'ports: nothing differs');
  await teacher.selectOption('#compare-unit', 'retail');
  const on = await teacher.$$eval('#compare-diagram .cell.is-highlighted', (cs) => cs.map((c) => `${c.dataset.theme}/${c.dataset.player}`));
  assert.deepEqual(on, [`${retail[0].theme}/${retail[0].player}`]);
  assert.equal(await teacher.locator('#compare-diagram .cell.is-dimmed').count(), 1);
  assert.match(await teacher.textContent('#compare-caption'), /for Retail and delivery;/);
  assert.equal(await teacher.$eval('.compare-table tbody tr', (tr) => tr.dataset.verdict), 'differs');
  assert.deepEqual(teacher.problems, []);
});

test('on a phone the comparison fits the width (390 and 320 CSS px)', async () => {
  for (const width of [390, 320]) {
    const teacher = await openTeach({ width, height: 844 });
    const sample = JSON.parse(await teacher.evaluate(async () => (await fetch('models/sample.json')).text()));
    const answer = { ...sample, assessments: sample.assessments.filter((a) => a.unit === 'ports').slice(0, 5) };
    answer.assessments[4] = { ...answer.assessments[4], current: answer.assessments[4].current >= 1 ? answer.assessments[4].current - 1 : 1 };
    await teacher.click('[role="tab"][data-view="compare"]');
    await teacher.setInputFiles('#compare-student', { name: 'student.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(answer)) });
    await teacher.click('#compare-run');
    await teacher.waitForSelector('.compare-table');
    assert.equal(await teacher.textContent('.compare-summary'), '4 of 5 answered cells match the instructor; 1 differs; 19 left blank.');
    const wide = await teacher.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= width, `the page is ${wide} px wide at ${width}`);
    if (width === 390) await teacher.screenshot({ path: `${SHOTS}compare-390.png`, fullPage: true });
    assert.deepEqual(teacher.problems, []);
    await teacher.context().close();
  }
});

/** Waits for the comparison to say `text` (it reads the files first). */
async function said(page, text) {
  await page.waitForFunction((t) => document.getElementById('compare-text').textContent === t, text, { timeout: 3000 }).catch(() => {});
  assert.equal(await page.textContent('#compare-text'), text);
}

test('before any file: no caption over empty space, no placeholder in the live region, and Compare says what is missing', async () => {
  const teacher = await openTeach({ width: 1280, height: 800 });
  await teacher.click('[role="tab"][data-view="compare"]');
  // The class picture's figures and their captions wait for students' answers.
  assert.equal(await teacher.isVisible('#class-figures'), false);
  assert.equal(await teacher.isVisible('#class-figures figcaption >> nth=0'), false);
  // Nothing in the comparison's live region before there is something to say.
  assert.doesNotMatch(await teacher.textContent('#compare-result'), /\{|\}/);
  assert.equal((await teacher.textContent('#compare-caption')).trim(), '');
  await teacher.selectOption('#lang', 'fr');
  await teacher.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.doesNotMatch(await teacher.textContent('#compare-result'), /\{|\}/);
  await teacher.selectOption('#lang', 'en');
  await teacher.waitForFunction(() => document.documentElement.lang === 'en');
  // The model on show is the instructor's: only the student's file is missing.
  await teacher.click('#compare-run');
  await said(teacher, 'Choose the student’s file first.');
  // Neither chosen.
  await teacher.uncheck('#compare-use-current');
  await teacher.click('#compare-run');
  await said(teacher, 'Choose both files first.');
  // The student's, not the instructor's.
  await teacher.setInputFiles('#compare-student', { name: 'student.json', mimeType: 'application/json', buffer: Buffer.from('{}') });
  await teacher.click('#compare-run');
  await said(teacher, 'Choose the instructor’s file first, or use the model shown in the tour.');
  assert.deepEqual(teacher.problems, []);
  await teacher.context().close();
});

test('a student file that is not a model: the core’s reason, naming the file, with no internal word', async () => {
  const teacher = await openTeach({ width: 1280, height: 800 });
  await teacher.click('[role="tab"][data-view="compare"]');
  await teacher.setInputFiles('#compare-student', { name: 'student.json', mimeType: 'application/json', buffer: Buffer.from('{x') });
  await teacher.click('#compare-run');
  await teacher.waitForSelector('#compare-text .is-error');
  const en = await teacher.textContent('#compare-text');
  assert.match(en, /^Student’s file: \(model\) \(line 1, column 2\)/);
  assert.doesNotMatch(en, /scenario|baseline/);
  await teacher.selectOption('#lang', 'fr');
  await teacher.waitForFunction(() => document.documentElement.lang === 'fr');
  await teacher.click('#compare-run');
  await teacher.waitForFunction(() => document.getElementById('compare-text').textContent.startsWith('Fichier'));
  const fr = await teacher.textContent('#compare-text');
  assert.match(fr, /^Fichier de l’étudiant : \(modèle\)/);
  assert.doesNotMatch(fr, /scenario|baseline/);
  // The instructor's file named when it is the wrong one.
  await teacher.uncheck('#compare-use-current');
  await teacher.setInputFiles('#compare-instructor', { name: 'teacher.json', mimeType: 'application/json', buffer: Buffer.from('[1') });
  await teacher.click('#compare-run');
  await teacher.waitForFunction(() => document.getElementById('compare-text').textContent.includes('enseignant'));
  const bad = await teacher.textContent('#compare-text');
  assert.match(bad, /^Fichier de l’enseignant : .*\(ligne 1, colonne 2\)/);
  assert.doesNotMatch(bad, /scenario|baseline/);
  assert.deepEqual(teacher.problems, []);
  await teacher.context().close();
});

test('a student who answered for the whole organization (a survey without a unit) is compared with the instructor’s mean over units', async () => {
  const teacher = await openTeach();
  const sample = JSON.parse(await teacher.evaluate(async () => (await fetch('models/sample.json')).text()));
  const mean = (theme, player) => {
    const scores = sample.assessments.filter((a) => a.theme === theme && a.player === player).map((a) => a.current);
    return scores.reduce((x, y) => x + y, 0) / scores.length;
  };
  const answer = structuredClone(sample);
  answer.assessments = [
    { theme: 'leadership', player: 'hr', current: mean('leadership', 'hr') },
    { theme: 'technology', player: 'it', current: mean('technology', 'it') >= 1 ? 0 : 4 },
  ];
  await teacher.click('[role="tab"][data-view="compare"]');
  await teacher.setInputFiles('#compare-student', { name: 'survey-answer.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(answer)) });
  await teacher.click('#compare-run');
  await teacher.waitForSelector('#compare-text .compare-summary');
  assert.equal(await teacher.textContent('.compare-summary'), '1 of 2 answered cells match the instructor; 1 differs; 22 left blank.');
  assert.match(await teacher.textContent('.compare-averaged'), /averaged over units/);
  assert.equal(await teacher.locator('.compare-unanswered').count(), 0, 'no unit is "not answered at all"');
  const rows = await teacher.$$eval('.compare-table tbody tr', (trs) => trs.map((tr) => [tr.dataset.verdict, tr.cells[1].textContent]));
  assert.deepEqual(rows.map((r) => r[0]), ['differs', 'matches']);
  assert.doesNotMatch(rows[0][1], /blank|—/i, 'the instructor’s mean is shown, not a blank');
  assert.deepEqual(teacher.problems, []);
});
