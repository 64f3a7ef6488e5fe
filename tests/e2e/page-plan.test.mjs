// Suggest a plan, as a user does it: choose what to resolve and a budget in
// the dialog (by keyboard), see the plan open as a what-if with its steps
// and their effect, edit it, find its steps again after a reload, export
// the roadmap, and keep or discard it like any what-if.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setup, open, findingIds, openCell, setField, storedDocs, axeViolations, openWithUnits } from './page-helpers.mjs';
import { openPage } from './harness.mjs';

const env = setup();

async function openPlanDialog(page) {
  if (await page.isHidden('#pane-findings')) await page.click('#tab-findings');
  await page.click('#suggest-plan');
  await page.waitForSelector('#dialog[open].plan-dialog');
}

async function stepTitles(page) {
  return page.$$eval('#pane-findings .plan-step-title', (els) => els.map((e) => e.textContent));
}

test('the whole plan opens as a what-if that resolves every finding, survives a reload and is kept', async () => {
  const page = await open(env);
  const before = await findingIds(page);
  assert.ok(before.length > 40);
  await openPlanDialog(page);
  // every kind is chosen, no budget: Enter opens it
  assert.equal(await page.$$eval('#dialog .plan-kinds input:checked', (e) => e.length), 7);
  // the button says the plan is being made while the core makes it
  await page.evaluate(() => {
    const b = document.querySelector('#dialog button[value="plan"]');
    new MutationObserver(() => {
      if (b.getAttribute('aria-busy') === 'true') window.busySaid = b.textContent;
    }).observe(b, { attributes: true, childList: true });
  });
  await page.keyboard.press('Enter');
  await page.waitForSelector('#scenario-banner:not([hidden])');
  assert.equal(await page.evaluate(() => window.busySaid), 'Making the plan…');
  assert.equal(await page.evaluate(() => document.getElementById('dialog').open), false, 'the dialog closed once the plan was open');
  assert.match(await page.textContent('#scenario-banner'), /Plan 1/);
  assert.match(await page.textContent('#scenario-banner'), new RegExp(`${before.length} findings resolved`));
  assert.deepEqual(await page.$$eval('#pane-findings .finding-button', (e) => e.length), 0, 'nothing left to resolve');
  // what it resolves: a page of them, then all on request, then a page again
  const resolvedShown = () => page.$$eval('#pane-findings .finding.is-resolved', (e) => e.length);
  assert.equal(await resolvedShown(), 8);
  const more = '#pane-findings button[data-key="more:resolved"]';
  assert.equal(await page.textContent(more), `Show all ${before.length}`);
  await page.click(more);
  await page.waitForFunction((n) => document.querySelectorAll('#pane-findings .finding.is-resolved').length === n, before.length);
  assert.equal(await page.textContent(more), 'Show fewer');
  await page.click(more);
  await page.waitForFunction(() => document.querySelectorAll('#pane-findings .finding.is-resolved').length === 8);
  const titles = await stepTitles(page);
  assert.equal(titles[0], 'Name an owner where nobody owns the work');
  assert.ok(titles.includes('Raise maturity in Leadership approaches'));
  assert.match(await page.textContent('#pane-findings .plan'), /Readiness 42% → 66% with 45 changes in 8 steps/);

  // a step opens to list its changes, with the sentence of each
  await page.click('#pane-findings .plan-step summary >> nth=0');
  const changes = await page.$$eval('#pane-findings .plan-step >> nth=0 >> .plan-changes li', (e) => e.map((x) => x.textContent));
  assert.equal(changes.length, 2);
  assert.match(changes[0], /^Make .+ responsible for Delivery drivers/);

  // the what-if is edited like any other; the steps stay
  await openCell(page, 'integration', 'hr');
  await setField(page, 'u:ports', 'current', 1);
  await page.click('#tab-findings');
  assert.equal((await findingIds(page)).length, 1, 'the edit brought one gap back');
  assert.deepEqual(await stepTitles(page), titles);

  // the roadmap as Markdown, from the core
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#pane-findings [data-key="plan-export:markdown"]')]);
  assert.match(download.suggestedFilename(), /^harbourline-group-plan-1-plan\.md$/);
  const md = await readFile(await download.path(), 'utf8');
  assert.match(md, /^# Plan — Harbourline Group\n/);
  assert.match(md, /## Step 8\. Raise maturity in Management practices/);

  // after a reload the what-if comes back with its plan
  await page.waitForFunction(() => true);
  await page.waitForTimeout(1200);
  const stored = (await storedDocs(page))[0].text;
  assert.match(stored, /"plan":\{/, 'the plan is saved with the what-if');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#scenario-banner:not([hidden])');
  if (await page.isHidden('#pane-findings')) await page.click('#tab-findings');
  assert.deepEqual(await stepTitles(page), titles);

  // kept as the baseline: the plan was the what-if's, the offer comes back
  await page.click('#scenario-keep');
  assert.equal(await page.isHidden('#scenario-banner'), true);
  assert.equal(await page.$$eval('#pane-findings .plan', (e) => e.length), 0);
  assert.equal(await page.$$eval('#suggest-plan', (e) => e.length), 1);
  assert.deepEqual(page.problems, []);
});

/** Counts the plan workers the page starts and the answers they give. */
function countPlanWorkers() {
  const Made = window.Worker;
  window.planWorkers = { started: 0, answers: 0 };
  window.Worker = class extends Made {
    constructor(url, options) {
      super(url, options);
      if (!String(url).includes('plan-worker')) return;
      window.planWorkers.started += 1;
      this.addEventListener('message', () => { window.planWorkers.answers += 1; });
    }
  };
}

async function planAll(page) {
  await openPlanDialog(page);
  await page.click('#dialog button[value="plan"]');
  await page.waitForSelector('#scenario-banner:not([hidden])');
  await page.click('#pane-findings .plan-step summary >> nth=0');
  return page.$$eval('#pane-findings .plan-step >> nth=0 >> .plan-changes li', (e) => e.map((x) => x.textContent));
}

/** The sample with 170 more units scored as ports is: 4,128 assessments, a large model. */
async function openLarge(page) {
  await openWithUnits(page, 170, 'Large Co');
}

test('a large model’s plan is made off the page’s thread, by a worker, in the page’s language; a small one’s and, where no worker can start, a large one’s by the page', async () => {
  const page = await openPage(env.browser, null);
  await page.addInitScript(countPlanWorkers);
  await page.addInitScript(() => localStorage.setItem('wfe-lang', 'fr'));
  await page.goto(`${env.origin}/`);
  await page.waitForSelector('body[data-ready="true"]');
  // the sample: the page makes it, at once
  assert.match((await planAll(page))[0], /^Rendre .+ responsable de /);
  assert.deepEqual(await page.evaluate(() => window.planWorkers), { started: 0, answers: 0 });
  await openLarge(page);
  const french = await planAll(page);
  assert.match(french[0], /^Rendre .+ responsable de /, 'the worker speaks the page’s language');
  assert.deepEqual(await page.evaluate(() => window.planWorkers), { started: 1, answers: 1 });
  // a second plan: the same worker
  await page.click('.scenario-tab[data-scenario="baseline"]');
  await planAll(page);
  assert.deepEqual(await page.evaluate(() => window.planWorkers), { started: 1, answers: 2 });
  assert.match(await page.textContent('#scenario-banner'), /Plan d’action 2/);
  assert.deepEqual(page.problems, []);
  await page.context().close();

  // no worker here (an old browser, a policy): the page makes the same plan itself
  const plain = await openPage(env.browser, null);
  await plain.addInitScript(() => {
    window.Worker = class {
      constructor() {
        throw new Error('no workers here');
      }
    };
  });
  await plain.goto(`${env.origin}/`);
  await plain.waitForSelector('body[data-ready="true"]');
  await openLarge(plain);
  const english = await planAll(plain);
  assert.match(english[0], /^Make .+ responsible for Delivery drivers/);
  assert.match(await plain.textContent('#scenario-banner'), /Plan 1/);
  assert.deepEqual(plain.problems, []);
  await plain.context().close();

  // a worker that cannot start (its file missing): the page makes the plan, and does not wait for ever
  const broken = await openPage(env.browser, `${env.origin}/`);
  await broken.route('**/plan-worker.js', (route) => route.fulfill({ status: 404, body: 'not here' }));
  await broken.waitForSelector('body[data-ready="true"]');
  await openLarge(broken);
  assert.match((await planAll(broken))[0], /^Make .+ responsible for Delivery drivers/);
  assert.deepEqual(broken.problems.filter((p) => !/404/.test(p)), []);
  await broken.context().close();
});

test('a budget, chosen kinds and a unit, by keyboard; a bad budget is refused in the dialog', async () => {
  const page = await open(env);
  await openPlanDialog(page);
  // only maturity gaps: uncheck the others
  for (const kind of ['conflict', 'redundant', 'uncovered', 'fragmented', 'untracked', 'silo']) {
    await page.uncheck(`#dialog .plan-kinds input[value="${kind}"]`);
  }
  await page.check('#dialog input[type="radio"][value="changes"]');
  // what a budget favours, said where it is chosen (a board expected the worst first)
  assert.match(await page.textContent('#dialog .plan-budget .hint'), /raise readiness most per change first: a conflict may wait/);
  const amount = page.locator('#dialog .plan-amount input >> nth=0');
  assert.equal(await amount.isEnabled(), true);
  await amount.fill('0');
  await page.keyboard.press('Enter');
  assert.match(await page.textContent('#dialog .error'), /whole number, 1 or more/);
  assert.equal(await page.isVisible('#dialog[open]'), true, 'the dialog stays open');
  await amount.fill('4');
  await page.selectOption('#dialog select', 'ports');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#scenario-banner:not([hidden])');
  const banner = await page.textContent('#scenario-banner');
  assert.match(banner, /Changed: 4 scores/);
  assert.match(banner, /4 findings resolved/);
  const text = await page.textContent('#pane-findings .plan');
  assert.match(text, /4 changes/);
  assert.match(text, /findings are left for later/);
  // discard it like any what-if
  await page.click('#scenario-discard');
  assert.equal(await page.isHidden('#scenario-banner'), true);
  assert.equal((await findingIds(page)).length, 48);
  assert.deepEqual(page.problems, []);
});

test('the plan dialog and the steps are labelled and reachable by keyboard', async () => {
  const page = await open(env, { viewport: { width: 390, height: 844 } });
  await page.click('#tab-findings');
  await page.focus('#suggest-plan');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#dialog[open].plan-dialog');
  // every control of the dialog has a name
  const unnamed = await page.$$eval('#dialog input, #dialog select', (els) => els.filter((e) => !e.labels?.length).length);
  assert.equal(unnamed, 0);
  assert.deepEqual(await page.$$eval('#dialog legend', (e) => e.map((x) => x.textContent)), ['Findings to resolve', 'Budget']);
  // nothing overflows the phone's width
  const wide = await page.$eval('#dialog', (d) => d.scrollWidth > d.clientWidth + 1);
  assert.equal(wide, false);
  assert.deepEqual(await axeViolations(page, 'the plan dialog'), []);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#scenario-banner:not([hidden])');
  // a step opens from the keyboard
  await page.focus('#pane-findings .plan-step summary >> nth=1');
  await page.keyboard.press('Enter');
  assert.equal(await page.$eval('#pane-findings .plan-step >> nth=1', (li) => li.querySelector('details').open), true);
  assert.deepEqual(await axeViolations(page, 'the plan’s steps'), []);
  assert.deepEqual(page.problems, []);
});

test('a readiness target already met opens nothing: the dialog says so', async () => {
  const page = await open(env);
  await openPlanDialog(page);
  await page.check('#dialog input[type="radio"][value="readiness"]');
  const target = page.locator('#dialog .plan-amount input >> nth=1');
  await target.fill('20');
  await page.click('#dialog button[value="plan"]');
  await page.waitForSelector('#dialog .error:not([hidden])');
  assert.match(await page.textContent('#dialog .error'), /already 42\s?%.*target of 20\s?%.*nothing to plan/);
  assert.equal(await page.isVisible('#dialog[open]'), true, 'the dialog stays open');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('.plan-amount') !== null), true, 'the target, to raise, has the focus');
  assert.equal(await page.$$eval('#scenario-bar .scenario-tab', (e) => e.length), 1, 'no what-if was opened');
  // a target above it makes a plan
  await target.fill('50');
  await page.click('#dialog button[value="plan"]');
  await page.waitForSelector('#scenario-banner:not([hidden])');
  assert.match(await page.textContent('#pane-findings .plan'), /The target of 50\s?% is reached/);
  assert.deepEqual(page.problems, []);
});
