// <workforce-ecosystem>: the diagram as a custom element for intranet pages.
//
//   <script type="module" src="/wfe/element.js"></script>
//   <workforce-ecosystem src="model.json" overlay="gap" unit="retail" readonly></workforce-ecosystem>
//
// It fetches nothing but the Wasm core next to this file (pkg/), the
// model named by `src` and, for an element in French, the core's French
// (i18n/core-fr.json). The diagram lives in a shadow root whose styles are a
// constructed stylesheet — allowed under `style-src 'self'`, where inline
// <style> is not — so host-page CSS cannot break it, yet the `--wfe-*` custom
// properties, which inherit through the shadow boundary, theme it.
//
// Model sources, the latest change wins: the `model` property (object, JSON
// text or the text syntax of docs/text-syntax.md), the `src` attribute
// (same-origin URL; JSON or the text syntax), a child
// <script type="application/json">, a child <script type="text/plain"> in the
// text syntax, or the element's own text in the text syntax
// (<workforce-ecosystem>score hr integration 1 -> 3</workforce-ecosystem>),
// else the core's sample organization.
// Attributes: overlay (none|current|target|gap|agreement), unit (a unit id), readonly
// (a still picture: no view controls, cells not selectable), theme
// (light|dark|high-contrast; absent or auto follows the reader's system),
// lang (en|fr; absent, the nearest `lang` above it in the page).
// Child <template data-wfe-picture> elements (the Embed dialog's snippet,
// `wfe render --picture`) hold the diagram drawn ahead of time, shown until
// the core has drawn it, and kept where the page does not allow WebAssembly.
// Events: `wfe-load` after a model is drawn, `wfe-error` with the core's
// message, `wfe-select` when the reader picks a cell or clears the pick
// (Esc; `theme` and `player` null). Nothing is ever thrown
// into the page. An overlay the core does not know draws the framework
// (`none`) instead, a unit the model does not define the mean over all units,
// each with a note and a `wfe-error` carrying the core's message; a
// language whose file was not copied beside this one draws in English, with
// a note, a console warning and a `wfe-error` naming the file.
import init, { Workspace, setLanguage } from './pkg/diagram.js';
// The diagram's stylesheet, bundled in (the build minifies it): a picture
// made ahead of time (below) is styled before the core has started, and the
// element stays one script plus the Wasm file. It is the text the core
// embeds in a `wfe render` export, from the same file.
import DIAGRAM_CSS from './diagram.css' with { type: 'text' };
import { afterPaint } from './after-paint.js';

/**
 * The looks: values of the `--wfe-*` custom properties per theme. The diagram's
 * own properties (see diagram.css; light = its defaults) plus `bg` (the surface
 * behind the diagram), `accent` and `error-*` for the element's controls and
 * messages. themes.css holds the same sets for pages; a browser test keeps them equal.
 */
export const THEMES = {
  light: {
    bg: '#ffffff',
    text: '#1a1a1a',
    'text-muted': '#4a4a4a',
    background: 'transparent',
    'level-0': '#f4f8fc',
    'level-1': '#c6dbef',
    'level-2': '#7fb1d9',
    'level-3': '#3a7fbf',
    'level-4': '#0b4a8b',
    'gap-0': '#f7f7f4',
    'gap-1': '#fcc98f',
    'gap-2': '#f29443',
    'gap-3': '#c94c12',
    'gap-4': '#8f2a04',
    'agree-0': '#f2f0f7',
    'agree-1': '#cbc9e2',
    'agree-2': '#9e9ac8',
    'agree-3': '#756bb1',
    'agree-4': '#54278f',
    'ring-a': '#e9eef5',
    'ring-b': '#d5dfeb',
    unassessed: '#ffffff',
    hatch: '#8a8a8a',
    'cell-edge': '#ffffff',
    'ring-edge': '#2b2b2b',
    axis: '#2b2b2b',
    leader: '#5a5a5a',
    'value-halo': '#ffffff',
    focus: '#c2185b',
    highlight: '#e8590c',
    changed: '#7b2cbf',
    accent: '#0b4a8b',
    'error-bg': '#fff1f0',
    'error-text': '#82071e',
    'error-edge': '#cf222e',
  },
  dark: {
    bg: '#14181f',
    text: '#e8eaed',
    'text-muted': '#b0b6bf',
    background: 'transparent',
    'level-0': '#1e2733',
    'level-1': '#21405f',
    'level-2': '#2f6aa3',
    'level-3': '#5b9bd8',
    'level-4': '#a9d1f5',
    'gap-0': '#1f2421',
    'gap-1': '#5c3a12',
    'gap-2': '#9a5213',
    'gap-3': '#d9731f',
    'gap-4': '#ffab5e',
    'agree-0': '#26213a',
    'agree-1': '#3f3670',
    'agree-2': '#6a5fb0',
    'agree-3': '#9e94e0',
    'agree-4': '#d4ccff',
    'ring-a': '#1c232d',
    'ring-b': '#263140',
    unassessed: '#14181f',
    hatch: '#6b7480',
    'cell-edge': '#14181f',
    'ring-edge': '#c9d1d9',
    axis: '#c9d1d9',
    leader: '#9aa4af',
    'value-halo': '#14181f',
    focus: '#ff79b0',
    highlight: '#ffa657',
    changed: '#d2a8ff',
    accent: '#79b8ff',
    'error-bg': '#2d1214',
    'error-text': '#ffb3b8',
    'error-edge': '#f85149',
  },
  'high-contrast': {
    bg: '#000000',
    text: '#ffffff',
    'text-muted': '#ffffff',
    background: '#000000',
    'level-0': '#000000',
    'level-1': '#003f7f',
    'level-2': '#0069d6',
    'level-3': '#59a8ff',
    'level-4': '#c8e3ff',
    'gap-0': '#000000',
    'gap-1': '#6b3b00',
    'gap-2': '#b35f00',
    'gap-3': '#ff8c1a',
    'gap-4': '#ffd27f',
    'agree-0': '#000000',
    'agree-1': '#3d1a73',
    'agree-2': '#6a3dc2',
    'agree-3': '#a98bff',
    'agree-4': '#e0d4ff',
    'ring-a': '#000000',
    'ring-b': '#1f1f1f',
    unassessed: '#000000',
    hatch: '#9a9a9a',
    'cell-edge': '#ffffff',
    'ring-edge': '#ffffff',
    axis: '#ffffff',
    leader: '#ffffff',
    'value-halo': '#000000',
    focus: '#ffff00',
    highlight: '#00ffff',
    changed: '#ff00ff',
    accent: '#ffff00',
    'error-bg': '#000000',
    'error-text': '#ffffff',
    'error-edge': '#ffff00',
  },
};

/** Before it has a model, below this width (CSS px) the element takes the narrow layout. */
const NARROW_BELOW = 700;

// `agreement` colours cells by how far merged responses' scores spread: the
// view switch offers it only for a model with responses (or when asked for).
const OVERLAYS = ['none', 'current', 'target', 'gap', 'agreement'];

/**
 * The element's own words in each language it speaks (the core says the
 * diagram's: names, legend, descriptions, its messages). A language is the
 * element's `lang` or the nearest one above it in the page, by its primary
 * subtag; any other is English.
 */
const WORDS = {
  en: {
    show: 'Show',
    unit: 'Unit',
    allUnits: 'All units',
    overlay: { none: 'Framework only', current: 'Current scores', target: 'Target scores', gap: 'Gaps to target', agreement: 'Agreement of responses' },
    unknownOverlay: 'Unknown overlay; the diagram shows the framework (none) instead.',
    unknownUnit: 'Unknown unit; the diagram shows the mean over all units instead.',
    noWords: 'The diagram’s words in this language could not be loaded; it is drawn in English.',
    noCatalogue: (lang, url, reason) =>
      `the diagram's words in "${lang}" could not be loaded from ${url} (${reason}): it is drawn in English; copy dist/i18n/core-${lang}.json to i18n/core-${lang}.json beside element.js`,
    notUpdated: 'The diagram could not be updated; it still shows the last good model.',
    notShown: 'The diagram could not be shown.',
    notUrl: (src) => `src "${src}" is not a URL`,
    notLoaded: (url) => `could not load the model from ${url}`,
    notOwn: " (only this site's own files can be loaded)",
    notFound: (url, status) => `could not load the model from ${url}: HTTP ${status}`,
    notModel: 'the model must be an object or JSON text',
    engineDown: 'This page does not let the diagram’s engine run, so the diagram cannot be drawn here.',
    technical: 'Details for the site’s editors',
  },
  fr: {
    show: 'Afficher',
    unit: 'Unité',
    allUnits: 'Toutes les unités',
    overlay: { none: 'Le cadre seul', current: 'Niveaux actuels', target: 'Niveaux cibles', gap: 'Écarts à la cible', agreement: 'Accord des réponses' },
    unknownOverlay: 'Calque inconnu : le schéma montre le cadre seul (none) à la place.',
    unknownUnit: 'Unité inconnue : le schéma montre la moyenne de toutes les unités à la place.',
    noWords: 'Les textes du schéma en français n’ont pas pu être chargés : il est dessiné en anglais.',
    noCatalogue: (lang, url, reason) =>
      `les textes du schéma dans la langue « ${lang} » n’ont pas pu être chargés depuis ${url} (${reason}) : il est dessiné en anglais ; copiez dist/i18n/core-${lang}.json dans i18n/core-${lang}.json, à côté de element.js`,
    notUpdated: 'Le schéma n’a pas pu être mis à jour ; il montre encore le dernier modèle valide.',
    notShown: 'Le schéma n’a pas pu être affiché.',
    notUrl: (src) => `src « ${src} » n’est pas une URL`,
    notLoaded: (url) => `le modèle n’a pas pu être chargé depuis ${url}`,
    notOwn: ' (seuls les fichiers de ce site peuvent être chargés)',
    notFound: (url, status) => `le modèle n’a pas pu être chargé depuis ${url} : HTTP ${status}`,
    notModel: 'le modèle doit être un objet ou un texte JSON',
    engineDown: 'Cette page ne laisse pas fonctionner le moteur du schéma : le schéma ne peut pas être dessiné ici.',
    technical: 'Détails pour les responsables du site',
  },
};

const decls = (vars) =>
  Object.entries(vars)
    .map(([k, v]) => `--wfe-${k}: ${v};`)
    .join(' ');

const AUTO = ':host(:not([theme])), :host([theme="auto"])';
/** Every element, whatever its theme, as specific as a theme's rule (so later ones outweigh it). */
const EVERY = ':host([theme]), :host(:not([theme]))';

const ELEMENT_CSS = `
:host { color-scheme: light; ${decls(THEMES.light)}
  --wfe-font: "DejaVu Sans", Verdana, sans-serif; --wfe-transition: 150ms; --wfe-dimmed-opacity: 0.3;
  display: block; box-sizing: border-box; position: relative;
  color: var(--wfe-text); background: var(--wfe-bg); font-family: var(--wfe-font);
  font-size: var(--wfe-ui-font-size, 0.95rem); max-width: var(--wfe-max-width, none); }
@media (prefers-color-scheme: dark) { ${AUTO} { color-scheme: dark; ${decls(THEMES.dark)} } }
@media (prefers-contrast: more) { ${AUTO} { color-scheme: dark; ${decls(THEMES['high-contrast'])} } }
:host([theme="light"]) { color-scheme: light; ${decls(THEMES.light)} }
:host([theme="dark"]) { color-scheme: dark; ${decls(THEMES.dark)} }
:host([theme="high-contrast"]) { color-scheme: dark; ${decls(THEMES['high-contrast'])} }
/* Forced colours draw lines and text in the system's colours but leave the
   cells' fills to us: they take the palette as light or dark as the system's,
   whatever the theme asked (a dark theme's rings under a light palette's
   black lines and Highlight focus ring could not be told apart). */
@media (forced-colors: active) { ${EVERY} { color-scheme: light; ${decls(THEMES.light)} } }
@media (forced-colors: active) and (prefers-color-scheme: dark) { ${EVERY} { color-scheme: dark; ${decls(THEMES.dark)} } }
@media (forced-colors: active) { ${EVERY} { --wfe-bg: Canvas; --wfe-text: CanvasText; --wfe-text-muted: CanvasText;
  --wfe-accent: LinkText; --wfe-focus: Highlight; --wfe-error-bg: Canvas; --wfe-error-text: CanvasText;
  --wfe-error-edge: CanvasText; } }
@media (prefers-reduced-motion: reduce) { :host { --wfe-transition: 0s; }
  *, *::before, *::after { transition: none !important; animation: none !important; } }
:host([hidden]) { display: none; }
.frame { display: flex; flex-direction: column; gap: 0.5em; height: 100%; }
.bar { display: flex; flex-wrap: wrap; gap: 0.5em 1.25em; align-items: center; }
/* no view to switch: read-only, on paper, or without the core to draw another */
:host([readonly]) .bar, .bar[hidden] { display: none; }
@media print { .bar { display: none; } }
/* A menu as wide as its longest option (a long unit name) shrinks to the
   element's width rather than push out of it. */
.bar label { display: inline-flex; gap: 0.4em; align-items: center; min-width: 0; max-width: 100%; }
.bar select { font: inherit; color: var(--wfe-text); background: var(--wfe-bg);
  border: 1px solid var(--wfe-text-muted); border-radius: 4px; padding: 0.15em 0.3em; min-width: 0; max-width: 100%;
  text-overflow: ellipsis; }
.bar select:focus-visible { outline: 3px solid var(--wfe-focus); outline-offset: 1px; }
/* Focus shows in the focus colour on every cell, the picked one too (the
   diagram's own sheet, adopted after this one, would show the pick's). */
.diagram .wfe-diagram .cell:focus-visible { stroke: var(--wfe-focus); stroke-width: 8; opacity: 1; }
/* Forced colours give focus and the pick the same Highlight: focus is dashed, as the page's (diagram.css). */
@media (forced-colors: active) { .diagram .wfe-diagram .cell:focus-visible { stroke-dasharray: 9 5; } }
.bar [hidden] { display: none; }
.diagram { flex: 1 1 auto; min-height: 0; }
.diagram svg { display: block; width: 100%; height: 100%; max-height: var(--wfe-max-height, none); }
.diagram[aria-busy="true"]:empty { min-height: 8em; }
/* A room too small for the drawing's text at 12 px (#fit): the drawing
   keeps a readable size, as tall as that needs, and scrolls in its box. */
.room-scroll .diagram { overflow: auto; }
.room-scroll .diagram svg { height: var(--room-height); max-height: none; }
.diagram:focus-visible { outline: 3px solid var(--wfe-focus); outline-offset: -3px; }
.diagram .cell { transition: stroke var(--wfe-transition), stroke-width var(--wfe-transition); }
/* The picked cell's line keeps its height, the drawing shrinking to leave
   it room. In a room of fixed height (embed.html's frame) its room, two
   lines, is kept from the start: the layout is chosen for the height left,
   and picking a cell neither shrinks the drawing nor pushes the line out. */
.details { margin: 0; min-height: 1.45em; color: var(--wfe-text); flex: none; }
.details[hidden] { display: none; }
.room-fixed .details { min-height: 2.9em; }
:host(:not([readonly])) .room-fixed .details[hidden] { display: block; visibility: hidden; }
.fallback[hidden] { display: none; }
.fallback ::slotted(img), .fallback ::slotted(svg) { display: block; max-width: 100%; height: auto; }
.error { border: 2px solid var(--wfe-error-edge); background: var(--wfe-error-bg); color: var(--wfe-error-text);
  border-radius: 4px; padding: 0.5em 0.75em; }
.error[hidden] { display: none; }
.error strong { display: block; }
/* The problems grow with the box (no scroll box of their own: one a keyboard
   cannot reach would cut the last of them off). */
.error pre { margin: 0.3em 0 0; white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; }
.error p { margin: 0.3em 0 0; }
.error details { margin-top: 0.3em; }
.error summary { cursor: pointer; }
.error summary:focus-visible { outline: 3px solid var(--wfe-focus); outline-offset: 1px; }
`;

/** The stylesheet every element adopts: its own rules and the diagram's. */
let sheet;
function sharedSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`${ELEMENT_CSS}\n${DIAGRAM_CSS}`);
  }
  return sheet;
}

/** Starts the Wasm core once per page; every element shares it. */
let corePromise;
function core() {
  corePromise ??= init().then(
    () => {},
    (e) => {
      // the browser's own words (a CSP refusal ends in its own full stop) for
      // developers; readers are told in a plain sentence (WORDS.engineDown)
      const why = String(e?.message ?? e).trim().replace(/[.\s]+$/, '');
      const error = new Error(
        `The diagram engine (WebAssembly) could not start on this page: ${why}. ` +
          'Where WebAssembly is not allowed (the page\'s Content-Security-Policy needs \'wasm-unsafe-eval\' in script-src), ' +
          'embed the SVG made by `wfe render` instead.',
      );
      throw Object.assign(error, { engine: true });
    },
  );
  return corePromise;
}

/**
 * Starts the core now, for a page that will show an element but has other
 * work first (embed.html reads and inflates its link): the core compiles
 * meanwhile instead of after. Its failure is reported by the element.
 */
export function startCore() {
  core().catch(() => {});
}

// A page with the element in its HTML, without a picture to show first,
// starts the core as this file runs, not once the element is upgraded and
// connected: the module's download and compile begin sooner on a cold load.
// (One with its picture shows that first: compiling the core meanwhile
// delayed it, BENCHMARKS.md.)
const waiting = [...document.getElementsByTagName('workforce-ecosystem')];
if (waiting.some((e) => !e.querySelector(':scope > template[data-wfe-picture]'))) startCore();

/** Where the core's catalogue of `lang` is: i18n/ beside this file. */
const catalogueUrl = (lang) => new URL(`./i18n/core-${lang}.json`, import.meta.url);

/**
 * The core's catalogue of each language but English, fetched once a page;
 * rejects with the reason alone (`HTTP 404`), which each element words in
 * its language (`noCatalogue`).
 */
const catalogues = new Map();
function catalogue(lang) {
  if (!catalogues.has(lang)) {
    catalogues.set(
      lang,
      fetch(catalogueUrl(lang)).then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.text();
      }),
    );
  }
  return catalogues.get(lang);
}

/** The language the core speaks now: one for every element of the page, so each says its own before the core draws for it. */
let coreSpeaks = 'en';
function speak(lang, text) {
  if (lang === coreSpeaks) return;
  setLanguage(lang === 'en' ? undefined : text);
  coreSpeaks = lang;
}

// The <style> element of a standalone SVG: dropped before parsing, since the
// stylesheet is adopted once per page and a parsed <style> counts as inline
// style under the CSP. The core embeds diagram.css (less its comments) and
// escapes every `<` from the model, so the first `<style ...>` to `</style>`
// is exactly it.
const STYLE_ELEMENT = /<style\b[^>]*>([\s\S]*?)<\/style>/;

// The shipped sample, served beside this file (not carried by the Wasm module).
const SAMPLE = new URL('./models/sample.json', import.meta.url);

/**
 * Resolves once the page's deferred and module scripts have run (at
 * DOMContentLoaded; already, if it has fired, which Navigation Timing tells
 * where `readyState` does not).
 * @returns {Promise<void>}
 */
function scriptsRun() {
  const nav = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType?.('navigation')[0]);
  if (document.readyState === 'complete' || !nav || nav.domContentLoadedEventStart > 0) return Promise.resolve();
  return new Promise((done) => document.addEventListener('DOMContentLoaded', () => done(), { once: true }));
}

/**
 * Fetches a model's text with a readable error, in the element's words: from a same-origin URL (an
 * author's `src`), or from where this file is served (the sample, `own`),
 * which may be another site that allows it, as it must for the Wasm module.
 */
async function fetchModel(src, words, own = false) {
  let url;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    throw new Error(words.notUrl(src));
  }
  let res;
  try {
    res = await fetchOnce(url, own);
  } catch {
    throw new Error(`${words.notLoaded(url.href)}${own ? '' : words.notOwn}`);
  }
  if (!res.ok) throw new Error(words.notFound(url.href, res.status));
  return res.text;
}

/** Requests in flight, by mode and address. */
const inFlight = new Map();

/**
 * A file's status and text, asked for once while a request for it is in
 * flight: elements that show the same file (a dashboard of several views
 * of one model) start together and share one request. A later element asks
 * again, so a changed file is read anew.
 * @returns {Promise<{ ok: boolean, status: number, text: string }>}
 */
function fetchOnce(url, own) {
  const key = `${own}:${url.href}`;
  let request = inFlight.get(key);
  if (!request) {
    request = fetch(url, { mode: own ? 'cors' : 'same-origin', credentials: 'same-origin' })
      .then(async (res) => ({ ok: res.ok, status: res.status, text: res.ok ? await res.text() : '' }));
    inFlight.set(key, request);
    const done = () => inFlight.delete(key);
    request.then(done, done);
  }
  return request;
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

export class WorkforceEcosystem extends HTMLElement {
  static observedAttributes = ['src', 'overlay', 'unit', 'readonly', 'theme', 'layout', 'caption', 'lang'];

  #shadow;
  #internals;
  #parts;
  /** The source picked by the latest change: {kind, text?, url?}. */
  #source = null;
  #seq = 0;
  #ws = null;
  #json = null;
  #model = null;
  #state = 'loading';
  #started = false;
  /** The picked cell as {theme, player}, kept across redraws. */
  #selected = null;
  /** The view last drawn (an unknown overlay or unit replaced): {overlay, unit}. */
  #drawn = null;

  /** The core layout of the drawing on show, and whether it scrolls in its box, how tall (see #fit). */
  #drawnLayout = null;
  #drawnRoom = { scrolls: false, height: 0 };
  /** Whether the page sizes the element (`--wfe-room: fixed`), as last measured. */
  #roomFixed = false;
  /** The snippet's picture on show (one of its templates) until the core draws. */
  #picture = null;
  /** Whether the core could not start here (no WebAssembly, or its file missing): a picture is shown whatever the room. */
  #engineDown = false;
  /** The language the element speaks, and the core's catalogue of it (null for English). */
  #speaks = { lang: 'en', text: /** @type {string | null} */ (null) };
  /** Why the diagram is drawn in English rather than the element's language (its catalogue could not be had), or null. */
  #noWords = /** @type {string | null} */ (null);

  /**
   * The layout for the element's width (and height, in a room of fixed
   * height), as the core chooses it: of wide and square, the one drawn
   * largest with its text at 12 CSS px or more, else the one whose text is
   * largest (the `layout` attribute may fix one).
   */
  #layout(overlay = this.overlay, unit = this.unit, height = this.#roomHeight()) {
    const fixed = this.getAttribute('layout');
    if (fixed === 'wide' || fixed === 'square' || fixed === 'narrow') return fixed;
    const width = this.clientWidth;
    if (this.#ws && width > 0) {
      try {
        this.#speak();
        return this.#ws.fittingLayout(width, height, { overlay, unit: unit || null, caption: this.#caption() });
      } catch {
        // an overlay or unit the core refuses: #svg reports it
      }
    }
    return width > 0 && width < NARROW_BELOW ? 'narrow' : 'wide';
  }

  /**
   * The height of the drawing's room in CSS px, which the layout must fit
   * as well as the width: 0 (as tall as the drawing needs) unless the page
   * sizes the element and says so with `--wfe-room: fixed` (embed.html's
   * frame does), then the height left for the drawing, or caps it with
   * `--wfe-max-height`, whichever is lower.
   */
  #roomHeight() {
    const cap = this.#heightCap();
    const fixed = getComputedStyle(this).getPropertyValue('--wfe-room').trim() === 'fixed';
    // (the room of the picked cell's line is kept in such a room: see the CSS)
    this.#parts.frame.classList.toggle('room-fixed', fixed);
    this.#roomFixed = fixed;
    if (!fixed) return cap;
    const height = this.#parts.diagram.clientHeight;
    return cap > 0 && (height === 0 || cap < height) ? cap : height;
  }

  /**
   * The layout to draw, and whether the drawing scrolls in its box, drawn
   * `height` CSS px tall (0: as tall as the width makes it). In a room of
   * fixed height where the core's layout would show its text under 12 CSS
   * px (a small frame; 200 % zoom, which halves the room), the room is
   * taken as tall as it must be for a layout of its width to read at 12 px,
   * the core lays the drawing out for that room, and the box scrolls (WCAG
   * 1.4.4: zooming in enlarges the text rather than shrinking it). Where
   * none reads even so (narrower than the narrow layout at 12 px), the
   * drawing is the core's for the width alone.
   * @returns {{ layout: string, scrolls: boolean, height: number }}
   */
  #fit(overlay = this.overlay, unit = this.unit) {
    const height = this.#roomHeight();
    // the room as it is, unless it is of fixed height and too low: one
    // question to the core for the height, one for the layout
    const inRoom = () => ({ layout: this.#layout(overlay, unit, height), scrolls: false, height: 0 });
    if (!this.#roomFixed || height === 0 || !this.#ws) return inRoom();
    const fixed = this.getAttribute('layout');
    let least;
    try {
      this.#speak();
      least = this.#ws.readableHeight(this.clientWidth, { overlay, unit: unit || null, caption: this.#caption() }, ['wide', 'square', 'narrow'].includes(fixed ?? '') ? fixed : undefined);
    } catch {
      // an overlay or unit the core refuses: #svg reports it
      return inRoom();
    }
    if (least === undefined) return { layout: this.#layout(overlay, unit, 0), scrolls: true, height: 0 };
    if (least <= height) return inRoom();
    const tall = Math.ceil(least);
    return { layout: this.#layout(overlay, unit, tall), scrolls: true, height: tall };
  }

  /**
   * The drawing's `max-height` (`--wfe-max-height`) in CSS px, 0 for none:
   * as the browser resolves it for the drawing's <svg> (rem, vh, calc), read
   * from a stand-in before the first one is drawn.
   */
  #heightCap() {
    const { diagram } = this.#parts;
    const svg = diagram.querySelector(':scope > svg');
    const probe = svg ? null : diagram.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));
    const max = getComputedStyle(svg ?? /** @type {Element} */ (probe)).maxHeight;
    probe?.remove();
    // a percentage of a height the page leaves open caps nothing
    return max.endsWith('px') ? parseFloat(max) : 0;
  }

  /** The title block the `caption` attribute asks for (its text, if any, dates it); none without. */
  #caption() {
    const text = this.getAttribute('caption');
    return text === null ? null : { date: text.trim() || null };
  }

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: 'open' });
    this.#internals = this.attachInternals?.();
    const overlay = el('select', { name: 'overlay' });
    for (const value of OVERLAYS) overlay.append(el('option', { value }));
    const unit = el('select', { name: 'unit' });
    const unitWord = el('span');
    const unitLabel = el('label', { hidden: true }, unitWord, ' ', unit);
    const diagram = el('div', { className: 'diagram' });
    diagram.setAttribute('part', 'diagram');
    diagram.setAttribute('aria-busy', 'true');
    const error = el('div', { className: 'error', hidden: true });
    error.setAttribute('part', 'error');
    error.setAttribute('role', 'alert');
    const showWord = el('span');
    const bar = el('div', { className: 'bar' }, el('label', {}, showWord, ' ', overlay), unitLabel);
    bar.setAttribute('part', 'toolbar');
    // Light-DOM children (say an <img> of the `wfe render` SVG) show only when the core cannot run.
    const fallback = el('div', { className: 'fallback', hidden: true }, el('slot'));
    // Not a live region: it repeats the name of the cell just focused and
    // picked (its pressed state says the pick), which would be heard twice.
    const details = el('p', { className: 'details', hidden: true });
    details.setAttribute('part', 'details');
    // Its words and the core's (names, scores, messages) are in the
    // language it speaks, which the frame says for screen readers.
    const frame = el('div', { className: 'frame' }, bar, error, diagram, details, fallback);
    this.#shadow.append(frame);
    this.#shadow.adoptedStyleSheets = [sharedSheet()];
    this.#parts = { bar, overlay, unit, unitLabel, diagram, error, fallback, details, frame, showWord, unitWord };
    this.#say();
    diagram.addEventListener('click', (e) => {
      const cell = e.target.closest?.('.cell');
      if (cell && !this.readOnly) this.#select(cell);
    });
    diagram.addEventListener('keydown', (e) => {
      const cell = e.target.closest?.('.cell');
      if (!cell || this.readOnly) return;
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        this.#select(cell);
      } else if (e.key === 'Escape') this.#select(null);
      else this.#move(cell, e);
    });
    // The layout follows the room: where the text beside the drawing would
    // fall under 12 px, names and legend go below it (readable on a phone).
    new ResizeObserver(() => {
      if (!this.#ws) {
        if (this.#picture) this.#showPicture();
        return;
      }
      const { layout, scrolls, height } = this.#fit(this.#drawn?.overlay, this.#drawn?.unit);
      if (layout !== this.#drawnLayout || scrolls !== this.#drawnRoom.scrolls || height !== this.#drawnRoom.height) this.#redraw();
    }).observe(this);
    overlay.addEventListener('change', () => this.setAttribute('overlay', overlay.value));
    unit.addEventListener('change', () => {
      if (unit.value) this.setAttribute('unit', unit.value);
      else this.removeAttribute('unit');
    });
  }

  connectedCallback() {
    this.#say();
    if (!this.#started) this.#takeEarlyProperties();
    if (this.#started) return;
    this.#started = true;
    if (this.#source) return; // `model` was set before the element was connected
    const load = () => {
      if (this.#source) return;
      const src = this.getAttribute('src');
      if (src) this.#load({ kind: 'src', url: src });
      else {
        const inline = /** @type {HTMLScriptElement | null} */ (
          this.querySelector(':scope > script[type="application/json"], :scope > script[type="text/plain"]')
        );
        // Only the element's own text nodes: a fallback child's words are not a model.
        const own = [...this.childNodes]
          .filter((n) => n instanceof Text)
          .map((n) => /** @type {Text} */ (n).data)
          .join('');
        if (inline) this.#load({ kind: 'inline', text: inline.textContent, syntax: inline.type === 'text/plain' });
        else if (own.trim()) this.#load({ kind: 'inline', text: own, syntax: true });
        else this.#load({ kind: 'sample' });
      }
    };
    // With the snippet's picture on show, the core is started once it is
    // painted: starting it (the fetch, the glue's set-up) takes some 10 ms
    // of the main thread (a trace of a cold load), which would come first.
    const begin = () => (this.#showPicture() ? afterPaint().then(load) : load());
    // Children of a parser-inserted element may not exist yet when it upgrades.
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', begin, { once: true });
    else begin();
  }

  /**
   * What a page's script set on the element before this file defined it
   * (a module listed before element.js, or an element made and given its
   * model before element.js was imported) sits on the instance and hides
   * the class's setters: without this, such a model was never read and
   * the element showed the sample as if it were the page's organisation.
   * Each goes through its setter now, the model last.
   */
  #takeEarlyProperties() {
    for (const name of ['src', 'overlay', 'unit', 'readOnly', 'theme', 'model']) {
      if (!Object.hasOwn(this, name)) continue;
      const value = /** @type {any} */ (this)[name];
      delete (/** @type {any} */ (this))[name];
      /** @type {any} */ (this)[name] = value;
    }
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === 'src') {
      if (!this.#started) return;
      if (newValue) this.#load({ kind: 'src', url: newValue });
    } else if (name === 'lang') {
      if (!this.#say() || !this.#ws) return;
      // another language: its catalogue first, then the diagram in it
      const seq = this.#seq;
      this.#language().then(() => {
        if (seq === this.#seq && this.#ws) this.#redraw();
      });
    } else if (name === 'overlay' || name === 'unit' || name === 'readonly' || name === 'layout' || name === 'caption') {
      if (this.#ws) this.#redraw();
      else if (this.#picture) this.#showPicture();
    }
  }

  /**
   * The model drawn as the core reads it (an older version migrated,
   * defaults filled in), not the text as given: copied out of the core once
   * per workspace, when first needed.
   */
  #copyModel() {
    if (this.#ws && this.#json == null) {
      this.#model = this.#ws.model();
      this.#json = JSON.stringify(this.#model);
    }
    return this.#model;
  }

  /** The model shown (a parsed copy), or null before one is loaded. */
  get model() {
    this.#copyModel();
    return this.#json == null ? null : JSON.parse(this.#json);
  }

  /** Shows a model given as an object or JSON text; an invalid one shows its problems and keeps the diagram. */
  set model(value) {
    let text;
    try {
      text = typeof value === 'string' ? value : JSON.stringify(value);
      if (typeof text !== 'string') throw new Error(WORDS[this.#lang()].notModel);
    } catch (e) {
      this.#source = { kind: 'model' };
      this.#seq++;
      this.#fail(e);
      return;
    }
    this.#started = true;
    this.#load({ kind: 'model', text });
  }

  /** The shown model's JSON text, or null. */
  get modelJson() {
    this.#copyModel();
    return this.#json;
  }

  /** 'loading', 'ready' or 'error'. */
  get state() {
    return this.#state;
  }

  get overlay() {
    return this.getAttribute('overlay') ?? 'none';
  }
  set overlay(v) {
    this.setAttribute('overlay', v);
  }
  get unit() {
    return this.getAttribute('unit') ?? '';
  }
  set unit(v) {
    if (v) this.setAttribute('unit', v);
    else this.removeAttribute('unit');
  }
  get src() {
    return this.getAttribute('src') ?? '';
  }
  set src(v) {
    this.setAttribute('src', v);
  }
  get readOnly() {
    return this.hasAttribute('readonly');
  }
  set readOnly(v) {
    this.toggleAttribute('readonly', Boolean(v));
  }
  get theme() {
    return this.getAttribute('theme') ?? 'auto';
  }
  set theme(v) {
    this.setAttribute('theme', v);
  }

  /** The diagram as SVG text with its stylesheet embedded, for download. */
  standaloneSvg() {
    const { overlay, unit } = this.#drawn ?? {};
    // a file, not the screen: the wide picture, whatever the element's width,
    // with the title block a picture on its own needs
    const caption = this.#caption() ?? { date: new Date().toISOString().slice(0, 10) };
    return this.#ws ? this.#ws.svg({ ...this.#options(overlay, unit), layout: 'wide', standalone: true, caption }) : null;
  }

  async #load(source) {
    this.#source = source;
    const seq = ++this.#seq;
    this.#setState('loading');
    // The model's text is fetched while the core starts, not after.
    let model;
    const words = WORDS[this.#lang()];
    if (source.kind === 'src') model = fetchModel(source.url, words);
    // The sample only once the core has started and the page's own scripts
    // have run: one that sets `model` meanwhile (from its own data) makes
    // no request for a file it need not have copied.
    else if (source.kind === 'sample') model = Promise.all([core(), scriptsRun()]).then(() => (seq === this.#seq ? fetchModel(SAMPLE, words, true) : ''));
    else model = Promise.resolve(source.text);
    model.catch(() => {}); // reported below, after the core's own failure
    try {
      await core();
      await this.#language();
      const text = await model;
      if (seq !== this.#seq) return;
      this.#speak();
      // The text syntax when the source says so (a JSON object still reads
      // as JSON); otherwise the core tells JSON from the text syntax itself.
      const ws = source.syntax && !text.trimStart().startsWith('{') ? Workspace.fromText(text) : new Workspace(text);
      // The new workspace is drawn from while it is tried; a drawing it
      // cannot make (options it refuses) leaves the element with the model
      // it showed, or, on a first load, with this one, drawn once the
      // options allow.
      const was = { ws: this.#ws, model: this.#model, json: this.#json };
      this.#ws = ws;
      this.#model = this.#json = null;
      try {
        // The diagram first; the model's copy for scripts, the unit menu and
        // `wfe-load` once it is painted (copying the model out of the core
        // costs about as much as drawing it, and a reader waits for the picture).
        this.#draw({ ready: false });
      } catch (e) {
        if (was.ws) {
          ws.free();
          ({ ws: this.#ws, model: this.#model, json: this.#json } = was);
        }
        throw e;
      }
      was.ws?.free();
      await afterPaint();
      if (seq !== this.#seq) return;
      this.#copyModel();
      this.#fillUnits();
      this.#setState('ready');
      this.#emit('wfe-load', { source: source.kind, name: this.#model.name ?? '' });
    } catch (e) {
      if (seq === this.#seq) this.#fail(e);
    }
  }

  /**
   * Shows the picture an embed snippet carries (`Workspace.picture`: the
   * model drawn ahead of time, a <template data-wfe-picture> per layout
   * with the run of widths the core would choose it for) until the core
   * has drawn: the one for the element's width, if it was drawn for the
   * element's overlay, unit, form (read-only or not) and title block. Else, or once
   * nothing fits, the diagram waits for the core. Whether a picture is on show.
   */
  #showPicture() {
    if (this.#ws) return false;
    // The picture's layouts are the core's for the width alone, for an
    // element as tall as its drawing (Workspace.picture). One whose height
    // the page caps (`--wfe-max-height`) or fixes may get another layout:
    // it waits for the core rather than show one drawing and then another,
    // unless the core cannot start, when the picture is better than none.
    const sized = !this.#engineDown && this.#roomHeight() > 0;
    const fixed = this.getAttribute('layout');
    const width = this.clientWidth;
    const templates = /** @type {HTMLTemplateElement[]} */ ([...this.querySelectorAll(':scope > template[data-wfe-picture]')]);
    const pick = templates.find((t) => {
      if (fixed) return t.dataset.wfePicture === fixed;
      const below = t.dataset.below;
      return width >= Number(t.dataset.from ?? 0) && (below === undefined || width < Number(below));
    });
    const svg = pick?.content.firstElementChild;
    const fits =
      !sized &&
      svg?.localName === 'svg' &&
      svg.getAttribute('data-overlay') === this.overlay &&
      (svg.getAttribute('data-unit') ?? '') === this.unit &&
      svg.classList.contains('wfe-interactive') === !this.readOnly &&
      (svg.querySelector('.caption-title') !== null) === this.hasAttribute('caption');
    if (fits && pick === this.#picture) return true;
    const { diagram } = this.#parts;
    if (fits) {
      diagram.replaceChildren(document.importNode(svg, true));
      this.#picture = pick;
      if (!this.readOnly) this.#setRover(diagram.querySelector('.cell'));
    } else if (this.#picture) {
      diagram.replaceChildren();
      this.#picture = null;
    }
    return Boolean(fits);
  }

  /** The language the element speaks: its own `lang` or the nearest above it, if the element knows it; else English. */
  #lang() {
    const tag = this.closest('[lang]')?.getAttribute('lang') ?? '';
    const lang = tag.split('-')[0].toLowerCase();
    return Object.hasOwn(WORDS, lang) ? lang : 'en';
  }

  /** Writes the element's words in its language; whether the language changed. */
  #say() {
    const lang = this.#lang();
    const { frame, showWord, unitWord, overlay, unit } = this.#parts;
    const changed = frame.lang !== lang;
    const words = WORDS[lang];
    frame.lang = lang;
    showWord.textContent = words.show;
    unitWord.textContent = words.unit;
    for (const option of overlay.options) option.textContent = words.overlay[option.value] ?? option.value;
    if (unit.options[0]?.value === '') unit.options[0].textContent = words.allUnits;
    return changed;
  }

  /**
   * Fetches the core's catalogue of the element's language, once a page;
   * where it cannot be had, the element draws in English and tells the page.
   */
  async #language() {
    const lang = this.#lang();
    if (lang === this.#speaks.lang) return;
    this.#noWords = null;
    if (lang === 'en') {
      this.#speaks = { lang, text: null };
      return;
    }
    try {
      this.#speaks = { lang, text: await catalogue(lang) };
    } catch (e) {
      this.#speaks = { lang: 'en', text: null };
      const reason = e instanceof Error ? e.message : String(e);
      const message = WORDS[lang].noCatalogue(lang, catalogueUrl(lang).href, reason);
      // A missing file is the embedder's to fix: said where they look (the
      // console, a note on the element as for an unknown overlay), not only
      // to a script that listens.
      this.#noWords = message;
      console.warn(`<workforce-ecosystem>: ${message}`);
      this.#emit('wfe-error', { message, source: 'lang' });
    }
  }

  /** The core speaks this element's language for what it is asked next. */
  #speak() {
    speak(this.#speaks.lang, this.#speaks.text);
  }

  #options(overlay = this.overlay, unit = this.unit, layout = this.#layout(overlay, unit)) {
    // Read-only shows the export form: one image with every cell described.
    // Otherwise cells are buttons (the interactive form) the reader can pick.
    const opts = { overlay, standalone: this.readOnly, layout };
    if (unit) opts.unit = unit;
    const caption = this.#caption();
    if (caption) opts.caption = caption;
    return opts;
  }

  /**
   * The diagram's SVG text, the view and layout drawn, and the core's
   * message for each attribute it refused: an overlay it does not know (the
   * framework, `none`, is drawn instead) or a unit the model does not define
   * (the mean over all units instead).
   */
  #svg() {
    let overlay = this.overlay;
    let unit = this.unit;
    const notes = [];
    for (;;) {
      try {
        const { layout, scrolls, height } = this.#fit(overlay, unit);
        const options = this.#options(overlay, unit, layout);
        this.#speak();
        return { text: this.#ws.svg(options), overlay, unit, layout, room: { scrolls, height }, notes };
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        if (!OVERLAYS.includes(overlay)) {
          notes.push({ source: 'overlay', message, headline: WORDS[this.#lang()].unknownOverlay });
          overlay = 'none';
        } else if (unit && !this.#copyModel()?.units?.some((u) => u.id === unit)) {
          notes.push({ source: 'unit', message, headline: WORDS[this.#lang()].unknownUnit });
          unit = '';
        } else throw e;
      }
    }
  }

  #redraw() {
    try {
      this.#draw();
    } catch (e) {
      this.#fail(e);
    }
  }

  /** Draws the diagram; `ready`: the element is then ready (else its load goes on). */
  #draw({ ready = true } = {}) {
    const svgText = this.#svg();
    this.#drawn = { overlay: svgText.overlay, unit: svgText.unit };
    const text = svgText.text.replace(STYLE_ELEMENT, '');
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const svg = doc.documentElement;
    if (svg.localName !== 'svg') throw new Error('the core returned a diagram that is not SVG');
    // In the export form the picture's <desc> already lists every cell; names on
    // shapes inside role="img" are not allowed by ARIA and are never read.
    if (this.readOnly) for (const c of svg.querySelectorAll('.cell[aria-label]')) c.removeAttribute('aria-label');
    const { diagram, error, overlay, unit } = this.#parts;
    // The cell that had focus (or was last focused) keeps it across the redraw.
    const rover = diagram.querySelector('.cell[tabindex="0"]');
    const had = rover && { theme: rover.getAttribute('data-theme'), player: rover.getAttribute('data-player'), focused: this.#shadow.activeElement === rover };
    for (const c of svg.querySelectorAll('.cell[tabindex]')) c.setAttribute('tabindex', '-1');
    diagram.replaceChildren(document.importNode(svg, true));
    this.#picture = null;
    if (!this.readOnly) {
      const keep = (had && this.#cell(had.theme, had.player)) || (this.#selected && this.#cell(this.#selected.theme, this.#selected.player));
      const cell = keep || diagram.querySelector('.cell');
      this.#setRover(cell);
      if (had?.focused) cell?.focus();
    }
    // (asking the core again would lay the diagram out twice more, for nothing)
    this.#drawnLayout = svgText.layout;
    this.#drawnRoom = svgText.room;
    const { scrolls, height } = svgText.room;
    this.#parts.frame.classList.toggle('room-scroll', scrolls);
    diagram.style.setProperty('--room-height', height > 0 ? `${height}px` : 'auto');
    // a read-only drawing has no cells to focus: its box, when it scrolls, is the Tab stop the arrow keys scroll
    if (scrolls && this.readOnly) diagram.tabIndex = 0;
    else diagram.removeAttribute('tabindex');
    // the drawing is in the core's language, which is English where the
    // element's could not be had (its own words keep the frame's)
    diagram.lang = this.#speaks.lang;
    diagram.removeAttribute('aria-busy');
    error.hidden = true;
    error.replaceChildren();
    this.#offerAgreement(svgText.overlay);
    overlay.value = svgText.overlay;
    unit.value = svgText.unit;
    this.#showSelection();
    if (ready) this.#setState('ready');
    // (the missing language was told the page's scripts when it was found missing)
    const noWords = this.#noWords && this.#speaks.lang !== this.#lang()
      ? [el('strong', { textContent: WORDS[this.#lang()].noWords }), el('pre', { textContent: this.#noWords })]
      : [];
    if (svgText.notes.length || noWords.length) {
      error.replaceChildren(
        ...noWords,
        ...svgText.notes.flatMap((n) => [el('strong', { textContent: n.headline }), el('pre', { textContent: n.message })]),
      );
      error.hidden = false;
      for (const n of svgText.notes) this.#emit('wfe-error', { message: n.message, source: n.source });
    }
  }

  /**
   * The diagram is one Tab stop, as in the editor: the cell last focused (at
   * first the picked one, else the first) has tabindex 0, the others -1.
   */
  #setRover(cell) {
    for (const c of this.#parts.diagram.querySelectorAll('.cell[tabindex="0"]')) c.setAttribute('tabindex', '-1');
    cell?.setAttribute('tabindex', '0');
  }

  /**
   * Arrow keys move between cells: left and right around the ring (from one
   * player to the next, wrapping), up and down between rings (outwards and
   * inwards); Home and End go to the ring's first and last player.
   */
  #move(cell, e) {
    const cells = [...this.#parts.diagram.querySelectorAll('.cell')];
    const themes = [...new Set(cells.map((c) => c.getAttribute('data-theme')))];
    const players = [...new Set(cells.map((c) => c.getAttribute('data-player')))];
    let ti = themes.indexOf(cell.getAttribute('data-theme'));
    let pi = players.indexOf(cell.getAttribute('data-player'));
    const n = players.length;
    if (e.key === 'ArrowRight') pi = (pi + 1) % n;
    else if (e.key === 'ArrowLeft') pi = (pi + n - 1) % n;
    else if (e.key === 'ArrowUp') ti = Math.max(0, ti - 1);
    else if (e.key === 'ArrowDown') ti = Math.min(themes.length - 1, ti + 1);
    else if (e.key === 'Home') pi = 0;
    else if (e.key === 'End') pi = n - 1;
    else return;
    e.preventDefault();
    const to = this.#cell(themes[ti], players[pi]);
    if (!to) return;
    this.#setRover(to);
    to.focus();
  }

  #cell(theme, player) {
    return [...this.#parts.diagram.querySelectorAll('.cell')].find(
      (c) => c.getAttribute('data-theme') === theme && c.getAttribute('data-player') === player,
    );
  }

  /**
   * Picks a cell (or none): it is outlined and its description shown below
   * the diagram. The page hears of either, so a panel it shows for the pick
   * never outlives it (none: `theme` and `player` null).
   */
  #select(cell) {
    if (!cell && !this.#selected) return;
    if (cell) this.#setRover(cell);
    this.#selected = cell ? { theme: cell.getAttribute('data-theme'), player: cell.getAttribute('data-player') } : null;
    this.#showSelection();
    this.#emit('wfe-select', cell ? { ...this.#selected, label: cell.getAttribute('aria-label') ?? '' } : { theme: null, player: null, label: '' });
  }

  #showSelection() {
    const { diagram, details } = this.#parts;
    for (const c of diagram.querySelectorAll('.cell.is-highlighted')) {
      c.classList.remove('is-highlighted');
      c.removeAttribute('aria-pressed');
    }
    const cell = this.#selected && !this.readOnly ? this.#cell(this.#selected.theme, this.#selected.player) : null;
    if (cell) {
      cell.classList.add('is-highlighted');
      cell.setAttribute('aria-pressed', 'true');
    }
    details.textContent = cell ? (cell.getAttribute('aria-label') ?? '') : '';
    details.hidden = !cell;
  }

  /** The view switch offers `agreement` for a model with merged responses, or while it is the overlay shown. */
  #offerAgreement(shown) {
    const option = [...this.#parts.overlay.options].find((o) => o.value === 'agreement');
    if (option) option.hidden = !((this.#model?.responses?.length ?? 0) > 0 || shown === 'agreement');
  }

  #fillUnits() {
    this.#offerAgreement(this.#drawn?.overlay);
    const { unit, unitLabel } = this.#parts;
    const units = this.#model?.units ?? [];
    unit.replaceChildren(el('option', { value: '', textContent: WORDS[this.#lang()].allUnits }));
    for (const u of units) unit.append(el('option', { value: u.id, textContent: u.label }));
    // the unit drawn: a unit the model does not define draws all units (and the menu would show none)
    unit.value = this.#drawn?.unit ?? this.unit;
    unitLabel.hidden = units.length === 0;
  }

  #fail(e) {
    const message = e instanceof Error ? e.message : String(e);
    const { diagram, error, fallback, overlay, bar } = this.#parts;
    diagram.removeAttribute('aria-busy');
    const engineDown = !this.#ws && e?.engine === true;
    if (engineDown) {
      bar.hidden = true;
      this.#engineDown = true;
      this.#showPicture();
    }
    const hasFallback = fallback
      .querySelector('slot')
      .assignedElements()
      .some((n) => n.localName !== 'script' && n.localName !== 'template');
    if (engineDown && this.#picture) {
      // the snippet's picture is the diagram as it would be drawn: it stays,
      // still, and the event tells the page's scripts why
    } else if (engineDown && hasFallback) {
      fallback.hidden = false;
    } else {
      const words = WORDS[this.#lang()];
      const kept = diagram.firstElementChild !== null;
      const headline = kept ? words.notUpdated : words.notShown;
      error.replaceChildren(
        el('strong', { textContent: headline }),
        ...(engineDown
          ? // readers get a plain sentence; the browser's words are for the site's editors
            [el('p', { textContent: words.engineDown }), el('details', {}, el('summary', { textContent: words.technical }), el('pre', { textContent: message, lang: 'en' }))]
          : [el('pre', { textContent: message })]),
      );
      error.hidden = false;
    }
    // the view switch says the view asked for (or the one still drawn), not its first option
    this.#offerAgreement(this.#drawn?.overlay ?? this.overlay);
    overlay.value = this.#drawn?.overlay ?? this.overlay;
    this.#setState('error');
    this.#emit('wfe-error', { message, source: this.#source?.kind ?? null });
  }

  #setState(state) {
    this.#state = state;
    const states = this.#internals?.states;
    if (states) {
      for (const s of ['loading', 'ready', 'error']) states.delete(s);
      try {
        states.add(state);
      } catch {
        /* older engines accept only --dashed states; the property still tells */
      }
    }
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

if (!customElements.get('workforce-ecosystem')) customElements.define('workforce-ecosystem', WorkforceEcosystem);
