// Helpers shared by the page's browser tests (not a test file itself).
import { readFileSync } from 'node:fs';
import { setup, openPage } from './harness.mjs';

export { setup };

/**
 * The sample with `units` more units, each scored as Ports, named `name`:
 * a large model (thousands of assessments and findings), as a file's bytes.
 */
export function sampleWithUnits(units, name) {
  const sample = JSON.parse(readFileSync(new URL('../../dist/models/sample.json', import.meta.url), 'utf8'));
  const ports = sample.assessments.filter((a) => a.unit === 'ports');
  for (let i = 0; i < units; i += 1) {
    sample.units.push({ id: `u${i}`, label: `Unit ${i}` });
    sample.assessments.push(...ports.map((a) => ({ ...a, unit: `u${i}` })));
  }
  sample.name = name;
  return Buffer.from(JSON.stringify(sample));
}

/** Opens a model's `bytes` in the editor as a user opens a file, and waits until its name, `name`, is on show. */
export async function openBytes(page, bytes, name) {
  await page.setInputFiles('#file-input', { name: 'large.json', mimeType: 'application/json', buffer: bytes });
  await page.waitForFunction((n) => document.getElementById('model-name').value === n, name);
}

/** Opens `sampleWithUnits(units, name)` in the editor as a user opens a file. */
export async function openWithUnits(page, units, name) {
  await openBytes(page, sampleWithUnits(units, name), name);
}

/**
 * The sample with 112 more contributors, "Crew 001" to "Crew 112", each
 * with HR owning every theme but Crew 100's technology (an uncovered pair,
 * on the third page of 50): 120 contributors, named `name`, as a file's
 * bytes. `more` adds to the model before it is written.
 * @param {string} name
 * @param {(model: any) => void} [more]
 */
export function sampleWithCrews(name, more) {
  const model = JSON.parse(readFileSync(new URL('../../dist/models/sample.json', import.meta.url), 'utf8'));
  for (let i = 1; i <= 112; i += 1) {
    const n = String(i).padStart(3, '0');
    model.contributors.push({ id: `crew-${n}`, label: `Crew ${n}`, kind: 'external' });
    for (const theme of ['leadership', 'integration', 'technology', 'management']) {
      if (!(i === 100 && theme === 'technology')) model.responsibilities.push({ contributor: `crew-${n}`, theme, player: 'hr' });
    }
  }
  more?.(model);
  model.name = name;
  return Buffer.from(JSON.stringify(model));
}

/** A fresh page at `viewport` with the model `bytes` (named `name`) opened as a file. */
export async function openModel(env, bytes, name, viewport = { width: 1366, height: 768 }) {
  const page = await open(env, { viewport });
  await openBytes(page, bytes, name);
  return page;
}

/** Shows the Organization tab's section `name` (contributors, owners, systems, units). */
export async function orgSection(page, name) {
  await page.click('#tab-org');
  await page.click(`.subnav-item[data-section="${name}"]`);
  await page.waitForSelector(`#pane-org .subpane[data-section="${name}"]`);
}

/** What an Organization section's pager says it shows ("Showing 1–50 of 120 contributors"). */
export const pagerShown = (page) => page.textContent('#pane-org .pager-shown');

/** The `data-key` of the element focused. */
export const focusedKey = (page) => page.evaluate(() => /** @type {HTMLElement} */ (document.activeElement)?.dataset.key);

/** Whether the element focused is the one `selector` finds, and lies in the viewport (else what is focused). */
export const focusedInView = (page, selector) => page.evaluate((s) => {
  const el = document.querySelector(s);
  if (!el || document.activeElement !== el) return { focused: false, on: document.activeElement?.outerHTML.slice(0, 80) };
  const box = el.getBoundingClientRect();
  return { focused: true, inView: box.top >= 0 && box.bottom <= innerHeight };
}, selector);

/**
 * What a browser test measures of the diagram `root` (a selector; `host`
 * pierces an element's shadow root), run in the page: its layout, place and
 * size, its smallest text in CSS px, which level labels lie on each other
 * (a name turned onto its ring is left to the core's tests: its box on
 * screen is not its shape), the turns of the names on rings, whether it has
 * a title block, and the page's width.
 */
export function measureDiagram({ root, host }) {
  const scope = host ? document.querySelector(host).shadowRoot : document;
  const svg = scope.querySelector(root);
  const box = svg.getBoundingClientRect();
  const vb = svg.viewBox.baseVal;
  const scale = Math.min(box.width / vb.width, box.height / vb.height);
  const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim() !== '' && t.getClientRects().length > 0);
  const sizes = texts.map((t) => ({ text: t.textContent.trim(), px: parseFloat(getComputedStyle(t).fontSize) * scale }));
  const smallest = sizes.reduce((a, b) => (b.px < a.px ? b : a), { text: '', px: Infinity });
  const labels = '.key, .player-label, .theme-label:not(.on-ring), .legend-title, .legend-label, .legend-note, .caption-title, .caption-text, .cell-value';
  const groups = [...svg.querySelectorAll(labels)].filter((g) => g.getClientRects().length > 0);
  const rects = groups.map((g) => g.getBoundingClientRect());
  const overlaps = [];
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) {
      const a = rects[i];
      const b = rects[j];
      // half a pixel of slack for the halo and rounding
      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {
        overlaps.push(`${groups[i].textContent.trim()} / ${groups[j].textContent.trim()}`);
      }
    }
  }
  return {
    layout: ['square', 'narrow'].find((k) => svg.classList.contains(`wfe-layout-${k}`)) ?? 'wide',
    top: box.top + scrollY,
    width: box.width,
    height: box.height,
    smallest: smallest.px,
    smallestText: smallest.text,
    overlaps,
    turns: [...svg.querySelectorAll('.on-ring')].map((g) => Number(/rotate\((\S+)/.exec(g.getAttribute('transform') ?? '')?.[1] ?? 0)),
    caption: svg.querySelector('.caption') !== null,
    count: texts.length,
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth,
  };
}

/** Opens the page in a fresh context (fresh storage) and waits until it is ready. */
export async function open(env, { path = '/', viewport } = {}) {
  const page = await openPage(env.browser, `${env.origin}${path}`, viewport ? { viewport } : undefined);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

export function cellSelector(theme, player) {
  return `#diagram .cell[data-theme="${theme}"][data-player="${player}"]`;
}

/** What a cell shows: its class, accessible name and value text. */
export function cell(page, theme, player) {
  return page.evaluate(([t, p]) => {
    const el = [...document.querySelectorAll('#diagram .cell')].find((c) => c.dataset.theme === t && c.dataset.player === p);
    const value = [...document.querySelectorAll('#diagram .cell-value')].find((c) => c.dataset.theme === t && c.dataset.player === p);
    return el ? { class: el.getAttribute('class'), label: el.getAttribute('aria-label'), value: value?.textContent ?? null } : null;
  }, [theme, player]);
}

/** The ids of every finding in the findings pane (long groups expanded). */
export async function findingIds(page) {
  if (await page.isHidden('#pane-findings')) await page.click('#tab-findings');
  for (;;) {
    const more = await page.$('#pane-findings button[data-key^="more:"]:not([data-expanded])');
    if (!more) break;
    const key = await more.getAttribute('data-key');
    if (/Show fewer/.test(await more.textContent())) {
      await more.evaluate((b) => b.setAttribute('data-expanded', ''));
      continue;
    }
    await more.click();
    await page.$eval(`#pane-findings [data-key="${key}"]`, (b) => b.setAttribute('data-expanded', ''));
  }
  return page.$$eval('#pane-findings .finding-button', (els) => els.map((e) => e.dataset.finding));
}

/** The model on show, as the core holds it (read through an export). */
export async function exportedModel(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await page.click('#export');
      await page.click('[data-export="json"]');
    })(),
  ]);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  return JSON.parse(await readFile(path, 'utf8'));
}

/** A point inside a cell: where its value is written (a chevron's box centre may be outside it). */
export async function cellPoint(page, theme, player) {
  const box = await page.locator(`#diagram .cell-value[data-theme="${theme}"][data-player="${player}"]`).boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Opens a cell's editor by clicking it. */
export async function openCell(page, theme, player) {
  const { x, y } = await cellPoint(page, theme, player);
  await page.mouse.click(x, y);
  await page.waitForSelector(`#cell-heading`);
  await page.waitForFunction(([t, p]) => {
    const el = document.querySelector('#diagram .cell.is-selected');
    return el && el.dataset.theme === t && el.dataset.player === p;
  }, [theme, player]);
}

/** Sets a field of the cell editor (`row`: 'org' or 'u:<unit id>'). */
export async function setField(page, row, field, value) {
  const sel = `#pane-cell [data-key="${row}:${field}"]`;
  const tag = await page.$eval(sel, (e) => e.tagName);
  await page.focus(sel);
  if (tag === 'SELECT') await page.selectOption(sel, String(value));
  else {
    await page.fill(sel, String(value));
    await page.$eval(sel, (e) => e.dispatchEvent(new Event('change', { bubbles: true })));
  }
}

/** Starts a what-if named `name` through the page's dialog. */
export async function startScenario(page, name) {
  await page.click('#new-scenario');
  await page.waitForSelector('#dialog[open]');
  await page.fill('#dialog input', name);
  await page.click('#dialog button[value="start"]');
  await page.waitForSelector('#scenario-banner:not([hidden])');
}

/**
 * Every record of the documents database's stores `names`, read from
 * IndexedDB directly: one list a store (empty ones before the page made them).
 */
function storedRecords(page, names) {
  return page.evaluate((stores) => new Promise((ok, fail) => {
    const req = indexedDB.open('wfe-documents');
    // not created yet: do not create it here (the page creates its stores)
    req.onupgradeneeded = () => req.transaction.abort();
    req.onerror = () => ok(stores.map(() => []));
    req.onsuccess = () => {
      const db = req.result;
      if (!stores.every((name) => db.objectStoreNames.contains(name))) {
        db.close();
        ok(stores.map(() => []));
        return;
      }
      const tx = db.transaction(stores);
      const all = stores.map((name) => tx.objectStore(name).getAll());
      tx.oncomplete = () => {
        db.close();
        ok(all.map((r) => r.result));
      };
      tx.onerror = () => fail(tx.error);
    };
  }), names);
}

/** Every stored document with its text. */
export async function storedDocs(page) {
  const [docs, texts] = await storedRecords(page, ['docs', 'texts']);
  return docs.map((d) => ({ ...d, text: texts.find((t) => t.id === d.id)?.text }));
}

/** The Text pane's stored drafts, `{ doc, scenario, text }`. */
export async function storedDrafts(page) {
  const [drafts] = await storedRecords(page, ['drafts']);
  return drafts.map(({ doc, scenario, text }) => ({ doc, scenario, text }));
}

const AXE_SOURCE = (() => {
  let text = null;
  return async () => {
    if (text === null) {
      const { readFileSync } = await import('node:fs');
      const { createRequire } = await import('node:module');
      text = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    }
    return text;
  };
})();

/** The WCAG 2.1 A and AA rules and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Every axe-core violation on the page as it is now, of any impact, as
 * "rule (impact): targets" lines (empty when there are none). axe is
 * served from the page's own origin (the CSP allows no inline script).
 * `state` names where the page was, for the message.
 */
export async function axeViolations(page, state = '') {
  if (!await page.evaluate(() => Boolean(window.axe))) {
    const origin = new URL(page.url()).origin;
    const body = await AXE_SOURCE();
    await page.route(`${origin}/__axe.js`, (route) => route.fulfill({ contentType: 'text/javascript', body }));
    await page.addScriptTag({ url: '/__axe.js' });
  }
  const found = await page.evaluate(async (tags) => (await window.axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ')}`), AXE_TAGS);
  return found.map((f) => (state ? `${state}: ${f}` : f));
}

/** The sample model's text, as the pages ship it. */
export const SAMPLE = readFileSync(new URL('../../www/models/sample.json', import.meta.url), 'utf8');

/** Opens the classroom page in a fresh context, once it is ready. */
export async function openTeach(env, { viewport, media } = {}) {
  const page = await openPage(env.browser, null, viewport ? { viewport } : undefined);
  if (media) await page.emulateMedia(media);
  await page.goto(`${env.origin}/teach.html`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** On the classroom page, runs a comparison whose student answered a few cells differently. */
export async function compareStudent(page) {
  const student = JSON.parse(SAMPLE);
  student.assessments = student.assessments.slice(0, 8).map((a) => ({ ...a, current: Math.max(0, a.current - 1) }));
  await page.click('#tab-compare');
  await page.setInputFiles('#compare-student', { name: 'student.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(student)) });
  await page.click('#compare-run');
  await page.waitForSelector('#compare-diagram svg');
}
