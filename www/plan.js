// Plans: *Suggest a plan* asks what to resolve and within which budget,
// then has the core open its plan (the fewest changes that resolve the
// findings) as a what-if (a large model's made in a worker, plan-worker.js,
// so that the page answers meanwhile); while a planned what-if is on show, its steps are
// listed with their effect, and the plan exported. The core makes the
// plan, its sentences and its files, and keeps it with the what-if in the
// saved session; nothing is computed here.
import { h, uid, fileSuffix } from './dom.js';
import { t, tn, formatPercent, language } from './i18n.js';
import { state, act, announce, fieldErrorText, currentModel } from './store.js';
import { openDialog, closeDialog, isDialogOpen } from './dialog.js';
import { saveText } from './io.js';
import { forgetDraftNamed } from './text-drafts.js';
import { focusActiveTab, nextName } from './scenarios.js';
import { compiling } from './core-start.js';
import { coreCatalogue, kindNamesOf } from './core-language.js';
import { afterPaint } from './after-paint.js';
import { numberInput, readDecimal, readWhole, showDecimal } from './number-field.js';

/** The kinds a plan resolves, in the order the findings pane groups them. */
const KINDS = ['maturity-gap', 'conflict', 'redundant', 'uncovered', 'fragmented', 'untracked', 'silo'];

/** The options last asked for, offered again next time. */
let last = { kinds: KINDS, budget: 'none', maxChanges: 10, readiness: 75, unit: '' };

/** A radio button with its label, and the field it enables. */
function choice(name, value, label, field) {
  const id = uid('plan-budget');
  const radio = h('input', { type: 'radio', id, name, value, checked: last.budget === value });
  return { radio, row: h('div', { class: 'plan-choice' }, h('label', { class: 'check', for: id }, radio, label), field) };
}

function numberField(label, value, mode) {
  const id = uid('plan-number');
  // read by the page (number-field.js): a browser's number field would read a French "7,5" as 75
  const input = numberInput(mode, { id, value: Number.isNaN(value) ? '' : showDecimal(value) });
  return { input, row: h('div', { class: 'field plan-amount' }, h('label', { for: id, text: label }), input) };
}

/**
 * From this many assessments a model's plans are made by a worker
 * (plan-worker.js), so that the page answers meanwhile: a plan of 4,800
 * held the page about 0.4 s, one of the largest model a file may hold many
 * seconds. A smaller model's plan takes the page less than the worker
 * takes to start (a few ms for the sample, against some 100 ms).
 */
const IN_A_WORKER = 4000;

/** The worker (started for the first large model; false where none can start). @type {Worker | null | false} */
let worker = null;
/** The session sent to the worker for the dialog open now, once sent. @type {Promise<void> | null} */
let sent = null;
/** Answers the plan asked of the worker, if one is awaited (the dialog may have been closed meanwhile). */
let waiting = /** @type {((plan: import('./pkg/workforce_ecosystem.js').Plan | null) => void) | null} */ (null);

/** A worker that cannot start here (say a policy without workers): the page makes plans from now on. */
function lost(/** @type {Worker} */ w) {
  if (worker === w) worker = false;
  waiting?.(null);
}

/**
 * The dialog opens: for a large model, the worker (started now, or anew if
 * it is still making a plan no one waits for) reads the session while the
 * person chooses.
 */
function preparePlans() {
  sent = null;
  if (worker === false || currentModel().assessmentCount < IN_A_WORKER) return;
  if (waiting && worker) {
    worker.terminate();
    worker = null;
    waiting = null;
  }
  if (!worker) {
    let w;
    try {
      w = new Worker(new URL('./plan-worker.js', import.meta.url), { type: 'module' });
    } catch {
      worker = false;
      return;
    }
    w.addEventListener('error', (e) => {
      e.preventDefault();
      lost(w);
    });
    w.addEventListener('messageerror', () => lost(w));
    w.addEventListener('message', (e) => waiting?.(e.data.plan ?? null));
    worker = w;
  }
  const w = worker;
  const session = state.ws.savedJson();
  const catalogue = coreCatalogue();
  sent = compiling.then((module) => w.postMessage({ module, session, catalogue }));
}

/**
 * The plan of the baseline on show under `options`, made by the worker;
 * null where it is not (a small model, no worker in this browser or under
 * this page's policy, or its core refused the options): the page then
 * makes it itself, and its core says what is wrong.
 * @param {import('./pkg/workforce_ecosystem.js').PlanOptions} options
 * @returns {Promise<import('./pkg/workforce_ecosystem.js').Plan | null>}
 */
async function makePlan(options) {
  if (!sent) return null;
  await sent;
  const w = worker;
  if (!w) return null;
  return new Promise((ok) => {
    waiting = (plan) => {
      waiting = null;
      ok(plan);
    };
    w.postMessage({ options });
  });
}

/** Asks for the plan's options, then opens the plan as a what-if. */
export async function suggestPlan() {
  const units = currentModel().units;
  const boxes = KINDS.map((kind) => h('input', { type: 'checkbox', value: kind, checked: last.kinds.includes(kind) }));
  const kinds = h('fieldset', { class: 'checks plan-kinds' },
    h('legend', { text: t('plan.kinds') }),
    KINDS.map((kind, i) => h('label', { class: 'check' }, boxes[i], kindNamesOf(kind)?.title ?? kind)));
  const group = uid('plan-budget');
  const changes = numberField(t('plan.maxChanges'), last.maxChanges, 'numeric');
  const readiness = numberField(t('plan.readiness'), last.readiness, 'decimal');
  const choices = [
    choice(group, 'none', t('plan.budget.none'), null),
    choice(group, 'changes', t('plan.budget.changes'), changes.row),
    choice(group, 'readiness', t('plan.budget.readiness'), readiness.row),
  ];
  const budget = h('fieldset', { class: 'plan-budget' }, h('legend', { text: t('plan.budget') }), choices.map((c) => c.row),
    h('p', { class: 'hint', text: t('plan.budget.help') }));
  const enable = () => {
    changes.input.disabled = !choices[1].radio.checked;
    readiness.input.disabled = !choices[2].radio.checked;
  };
  for (const c of choices) c.radio.addEventListener('change', enable);
  enable();
  const scopeId = uid('plan-scope');
  const scope = /** @type {HTMLSelectElement} */ (h('select', { id: scopeId },
    h('option', { value: '', text: t('plan.scope.all') }),
    units.map((u) => h('option', { value: u.id, text: t('plan.scope.unit', { unit: u.label }), selected: last.unit === u.id }))));
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  /** @type {import('./pkg/workforce_ecosystem.js').Plan | null} */
  let plan = null;
  let name = '';
  let working = false;
  const attempt = (ev) => {
    if (working) return ev.preventDefault();
    const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
    const by = choices.find((c) => c.radio.checked)?.radio.value ?? 'none';
    last = { kinds: chosen, budget: by, maxChanges: readWhole(changes.input.value) ?? NaN, readiness: readDecimal(readiness.input.value) ?? NaN, unit: scope.value };
    const fail = (message, field) => {
      ev.preventDefault();
      error.textContent = message;
      error.hidden = false;
      field.focus();
    };
    if (!chosen.length) return fail(t('plan.noKind'), boxes[0]);
    /** @type {import('./pkg/workforce_ecosystem.js').PlanOptions} */
    const options = { kinds: chosen, unit: scope.value || null };
    if (by === 'changes') {
      if (!Number.isInteger(last.maxChanges) || last.maxChanges < 1) return fail(t('plan.badChanges'), changes.input);
      options.maxChanges = last.maxChanges;
    }
    if (by === 'readiness') {
      if (!(last.readiness >= 0 && last.readiness <= 100)) return fail(t('plan.badReadiness'), readiness.input);
      options.readiness = last.readiness / 100;
    }
    // A plan of a large model takes the core a while (about 0.4 s for
    // 4,800 assessments, BENCHMARKS.md): it is made in a worker while the
    // button says so, and the dialog closes once the plan is open.
    ev.preventDefault();
    error.hidden = true;
    const button = /** @type {HTMLButtonElement} */ (ev.currentTarget);
    working = true;
    button.setAttribute('aria-busy', 'true');
    button.textContent = t('plan.working');
    const asked = state.ws;
    // painted before the page's own core starts on a plan, if it does
    makePlan(options).then((made) => (made ? made : afterPaint().then(() => null))).then((made) => {
      working = false;
      button.removeAttribute('aria-busy');
      button.textContent = t('plan.open');
      // closed meanwhile (Escape, Cancel): no plan was asked for
      if (!isDialogOpen() || state.ws !== asked) return;
      // made elsewhere, or (no worker, or its core refused) here
      if (!made) {
        try {
          made = state.ws.makePlan(options);
        } catch (error) {
          return fail(fieldErrorText(error), boxes[0]);
        }
      }
      // a plan without a change is not opened as an empty what-if: the
      // dialog says why there is nothing to do
      if (made.changeCount === 0) {
        if (typeof made.target === 'number' && made.reached) {
          return fail(t('plan.alreadyMet', { readiness: formatPercent(made.readiness.before ?? 0), target: formatPercent(made.target) }), readiness.input);
        }
        return fail(t('plan.nothingToDo'), boxes[0]);
      }
      const planned = made;
      name = nextName('plan.defaultName');
      forgetDraftNamed(name);
      const r = act((ws) => ws.startPlanned(name, planned));
      if (!r.ok) return fail(fieldErrorText(r.error), boxes[0]);
      plan = planned;
      closeDialog('plan');
      return undefined;
    });
    return undefined;
  };
  preparePlans();
  await openDialog({
    heading: t('plan.title'),
    className: 'plan-dialog',
    content: [
      h('p', { text: t('plan.intro') }),
      kinds,
      budget,
      units.length ? h('div', { class: 'field' }, h('label', { for: scopeId, text: t('plan.scope') }), scope) : null,
      error,
    ],
    actions: [
      { label: t('dialog.cancel'), value: 'cancel' },
      { label: t('plan.open'), value: 'plan', primary: true, onClick: attempt },
    ],
    onOpen: () => boxes[0].focus(),
  });
  if (plan) {
    // the what-if's tab: the Findings pane holding the opener is re-drawn
    focusActiveTab();
    announce(t('plan.started', { name, changes: tn('plan.changes', plan.changeCount) }));
  }
}

/** The plan of the what-if on show, fetched once per what-if and language. */
/** @type {{ key: string, plan: import('./pkg/workforce_ecosystem.js').Plan | null }} */
let shown = { key: '', plan: null };

function activePlan(result) {
  const active = result.session.active;
  if (!active?.planned) return null;
  const key = `${active.id}:${language()}:${result.structure}`;
  if (shown.key !== key) shown = { key, plan: state.ws.scenarioPlan() };
  return shown.plan;
}

function exportPlan(format) {
  const [type, ext, label] = {
    markdown: ['text/markdown', 'md', 'Markdown'],
    html: ['text/html', 'html', 'HTML'],
    csv: ['text/csv', 'csv', 'CSV'],
  }[format];
  saveText(state.ws.planText(format, language()), type, fileSuffix(t('file.plan'), ext), label);
}

/** The steps opened, by what-if: drawing the pane again keeps them open. */
const opened = new Map();

/**
 * One step: its title, its effect, and its changes, listed once it is
 * opened (a large model's plan makes thousands: listed up front, they took
 * the page a quarter of a second each time the pane was drawn).
 */
function stepItem(step, n, scenario) {
  const open = opened.get(scenario) ?? new Set();
  const effect = t('plan.stepEffect', {
    before: formatPercent(step.readiness.before),
    after: formatPercent(step.readiness.after),
    resolved: tn('plan.resolves', step.resolves.length),
  });
  const changes = h('ul', { class: 'plan-changes' });
  const list = () => {
    if (!changes.firstChild) changes.append(...step.texts.map((text) => h('li', { text })));
  };
  if (open.has(n)) list();
  return h('li', { class: 'plan-step', dataset: { kind: step.kind } },
    h('details', {
      open: open.has(n),
      on: {
        toggle: (ev) => {
          if (ev.currentTarget.open) {
            open.add(n);
            list();
          } else open.delete(n);
          opened.set(scenario, open);
        },
      },
    },
      // (listed on the click that opens it, mouse or keyboard, before it opens)
      h('summary', { dataset: { key: `plan-step:${n}` }, on: { click: list } },
        h('span', { class: 'plan-step-title', text: step.title }),
        h('span', { class: 'plan-step-effect', text: effect })),
      changes));
}

/**
 * The findings pane's part about plans: the steps of the planned what-if
 * on show, or the action that suggests a plan.
 * @param {import('./pkg/workforce_ecosystem.js').ViewResult} result
 */
export function planSection(result) {
  const plan = activePlan(result);
  if (!plan) {
    if (!result.findingCount) return null;
    return h('section', { class: 'plan-offer', 'aria-labelledby': 'plan-offer-title' },
      h('h3', { id: 'plan-offer-title', class: 'visually-hidden', text: t('plan.heading') }),
      h('button', { type: 'button', class: 'primary small', id: 'suggest-plan', dataset: { key: 'suggest-plan' }, on: { click: suggestPlan } }, t('plan.suggest')),
      h('p', { class: 'muted', text: t('plan.suggestHelp') }));
  }
  const facts = [t('plan.summary', {
    before: formatPercent(plan.readiness.before),
    after: formatPercent(plan.readiness.after),
    changes: tn('plan.changes', plan.changeCount),
    steps: tn('plan.steps', plan.steps.length),
  })];
  if (typeof plan.target === 'number') {
    facts.push(t(plan.reached ? 'plan.target.reached' : 'plan.target.missed', { target: formatPercent(plan.target) }));
  }
  if (plan.left.length) facts.push(tn('plan.left', plan.left.length));
  return h('section', { class: 'plan', 'aria-labelledby': 'plan-title' },
    h('h3', { id: 'plan-title', text: t('plan.heading') }),
    h('p', { class: 'muted', text: facts.join(' ') }),
    plan.steps.length ? h('ol', { class: 'plan-steps' }, plan.steps.map((step, n) => stepItem(step, n, result.session.active.id))) : null,
    h('p', { class: 'muted small', text: t('plan.edited') }),
    h('div', { class: 'plan-exports', role: 'group', 'aria-label': t('plan.export') },
      ['markdown', 'html', 'csv'].map((format) => h('button', {
        type: 'button',
        class: 'chip-button',
        dataset: { key: `plan-export:${format}` },
        on: { click: () => exportPlan(format) },
      }, t(`plan.export.${format}`)))));
}
