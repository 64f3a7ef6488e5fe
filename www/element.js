// <workforce-ecosystem>: the diagram as a custom element for intranet pages.
//
//   <script type="module" src="/wfe/element.js"></script>
//   <workforce-ecosystem src="model.json" overlay="gap" unit="retail" readonly></workforce-ecosystem>
//
// It fetches nothing but the Wasm core next to this file (pkg/) and the
// model named by `src`. The diagram lives in a shadow root whose styles are a
// constructed stylesheet — allowed under `style-src 'self'`, where inline
// <style> is not — so host-page CSS cannot break it, yet the `--wfe-*` custom
// properties, which inherit through the shadow boundary, theme it.
//
// Model sources, the latest change wins: the `model` property (object or JSON
// text), the `src` attribute (same-origin URL), a child
// <script type="application/json">, else the core's sample organization.
// Attributes: overlay (none|current|target|gap), unit (a unit id), readonly
// (no view controls), theme (light|dark|high-contrast; absent or auto follows
// the reader's system). Events: `wfe-load` after a model is drawn,
// `wfe-error` with the core's message; nothing is ever thrown into the page.
import init, { Workspace } from './pkg/workforce_ecosystem.js';

/** The looks: custom-property values per theme (themes.css holds the same for pages). */
export const THEMES = {
  light: {
    bg: '#ffffff',
    fg: '#1b1f24',
    muted: '#57606a',
    line: '#ffffff',
    accent: '#0b5cad',
    focus: '#0b5cad',
    'level-0': '#eef2f6',
    'level-1': '#c6d9ee',
    'level-2': '#8db5e0',
    'level-3': '#4a86c8',
    'level-4': '#1f4e8c',
    'error-bg': '#fff1f0',
    'error-fg': '#82071e',
    'error-line': '#cf222e',
  },
  dark: {
    bg: '#0d1117',
    fg: '#e6edf3',
    muted: '#9198a1',
    line: '#0d1117',
    accent: '#79b8ff',
    focus: '#79b8ff',
    'level-0': '#1c2430',
    'level-1': '#1d3b5e',
    'level-2': '#245a91',
    'level-3': '#3b82c4',
    'level-4': '#79b8ff',
    'error-bg': '#2d1214',
    'error-fg': '#ffb3b8',
    'error-line': '#f85149',
  },
  'high-contrast': {
    bg: '#000000',
    fg: '#ffffff',
    muted: '#ffffff',
    line: '#ffffff',
    accent: '#ffd700',
    focus: '#ffd700',
    'level-0': '#000000',
    'level-1': '#1c3f6e',
    'level-2': '#0063d1',
    'level-3': '#7ab8ff',
    'level-4': '#ffffff',
    'error-bg': '#000000',
    'error-fg': '#ffffff',
    'error-line': '#ffd700',
  },
};

const OVERLAYS = [
  ['none', 'Framework only'],
  ['current', 'Current scores'],
  ['target', 'Target scores'],
  ['gap', 'Gaps to target'],
];

const decls = (vars) =>
  Object.entries(vars)
    .map(([k, v]) => `--wfe-${k}: ${v};`)
    .join(' ');

const AUTO = ':host(:not([theme])), :host([theme="auto"])';

const ELEMENT_CSS = `
:host { color-scheme: light; ${decls(THEMES.light)}
  --wfe-font: "DejaVu Sans", Verdana, sans-serif; --wfe-transition: 150ms;
  display: block; box-sizing: border-box; position: relative;
  color: var(--wfe-fg); background: var(--wfe-bg); font-family: var(--wfe-font);
  font-size: var(--wfe-ui-font-size, 0.95rem); max-width: var(--wfe-max-width, none); }
@media (prefers-color-scheme: dark) { ${AUTO} { color-scheme: dark; ${decls(THEMES.dark)} } }
@media (prefers-contrast: more) { ${AUTO} { color-scheme: dark; ${decls(THEMES['high-contrast'])} } }
:host([theme="light"]) { color-scheme: light; ${decls(THEMES.light)} }
:host([theme="dark"]) { color-scheme: dark; ${decls(THEMES.dark)} }
:host([theme="high-contrast"]) { color-scheme: dark; ${decls(THEMES['high-contrast'])} }
@media (forced-colors: active) { :host { --wfe-bg: Canvas; --wfe-fg: CanvasText; --wfe-muted: CanvasText;
  --wfe-line: CanvasText; --wfe-accent: Highlight; --wfe-focus: Highlight; --wfe-error-bg: Canvas;
  --wfe-error-fg: CanvasText; --wfe-error-line: CanvasText; } }
@media (prefers-reduced-motion: reduce) { :host { --wfe-transition: 0s; }
  *, *::before, *::after { transition: none !important; animation: none !important; } }
:host([hidden]) { display: none; }
.frame { display: flex; flex-direction: column; gap: 0.5em; height: 100%; }
.bar { display: flex; flex-wrap: wrap; gap: 0.5em 1.25em; align-items: center; }
:host([readonly]) .bar { display: none; }
.bar label { display: inline-flex; gap: 0.4em; align-items: center; }
.bar select { font: inherit; color: var(--wfe-fg); background: var(--wfe-bg);
  border: 1px solid var(--wfe-muted); border-radius: 4px; padding: 0.15em 0.3em; }
.bar select:focus-visible { outline: 3px solid var(--wfe-focus); outline-offset: 1px; }
.bar [hidden] { display: none; }
.diagram { flex: 1 1 auto; min-height: 0; }
.diagram svg { display: block; width: 100%; height: 100%; max-height: var(--wfe-max-height, none); }
.diagram[aria-busy="true"]:empty { min-height: 8em; }
.fallback[hidden] { display: none; }
.fallback ::slotted(img), .fallback ::slotted(svg) { display: block; max-width: 100%; height: auto; }
.error { border: 2px solid var(--wfe-error-line); background: var(--wfe-error-bg); color: var(--wfe-error-fg);
  border-radius: 4px; padding: 0.5em 0.75em; }
.error[hidden] { display: none; }
.error strong { display: block; }
.error pre { margin: 0.3em 0 0; white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; max-height: 12em; overflow: auto; }
`;

/** The stylesheet every element adopts; the diagram's rules join it once the core runs. */
let sheet;
function sharedSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(ELEMENT_CSS);
  }
  return sheet;
}

/** Starts the Wasm core once per page; every element shares it. */
let corePromise;
function core() {
  corePromise ??= init().then(
    () => sharedSheet().replaceSync(`${ELEMENT_CSS}\n${diagramCss()}`),
    (e) => {
      throw new Error(
        `The diagram engine (WebAssembly) could not start on this page: ${e?.message ?? e}. ` +
          'Where WebAssembly is not allowed, embed the SVG made by `wfe render` instead.',
      );
    },
  );
  return corePromise;
}

/**
 * The diagram stylesheet the core embeds in standalone SVG. Taking it from the
 * core (rather than fetching diagram.css) keeps the element to one module and
 * the Wasm file, and keeps element and `wfe render` looking the same.
 */
function diagramCss() {
  if (typeof Workspace.diagramCss === 'function') return Workspace.diagramCss();
  const ws = new Workspace(Workspace.sampleJson());
  try {
    const doc = new DOMParser().parseFromString(ws.svg({ standalone: true }), 'image/svg+xml');
    return [...doc.getElementsByTagNameNS('http://www.w3.org/2000/svg', 'style')]
      .map((s) => s.textContent)
      .join('\n');
  } finally {
    ws.free();
  }
}

/** Fetches a model's text from a same-origin URL with a readable error. */
async function fetchModel(src) {
  let url;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    throw new Error(`src "${src}" is not a URL`);
  }
  let res;
  try {
    res = await fetch(url, { mode: 'same-origin', credentials: 'same-origin' });
  } catch {
    throw new Error(`could not load the model from ${url.href} (only this site's own files can be loaded)`);
  }
  if (!res.ok) throw new Error(`could not load the model from ${url.href}: HTTP ${res.status}`);
  return res.text();
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

export class WorkforceEcosystem extends HTMLElement {
  static observedAttributes = ['src', 'overlay', 'unit', 'readonly', 'theme'];

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

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: 'open' });
    this.#internals = this.attachInternals?.();
    const overlay = el('select', { name: 'overlay' });
    for (const [value, text] of OVERLAYS) overlay.append(el('option', { value, textContent: text }));
    const unit = el('select', { name: 'unit' });
    const unitLabel = el('label', { hidden: true }, 'Unit ', unit);
    const diagram = el('div', { className: 'diagram' });
    diagram.setAttribute('part', 'diagram');
    diagram.setAttribute('aria-busy', 'true');
    const error = el('div', { className: 'error', hidden: true });
    error.setAttribute('part', 'error');
    error.setAttribute('role', 'alert');
    const bar = el('div', { className: 'bar' }, el('label', {}, 'Show ', overlay), unitLabel);
    bar.setAttribute('part', 'toolbar');
    // Light-DOM children (say an <img> of the `wfe render` SVG) show only when the core cannot run.
    const fallback = el('div', { className: 'fallback', hidden: true }, el('slot'));
    const frame = el('div', { className: 'frame' }, bar, error, diagram, fallback);
    this.#shadow.append(frame);
    this.#shadow.adoptedStyleSheets = [sharedSheet()];
    this.#parts = { overlay, unit, unitLabel, diagram, error, fallback };
    overlay.addEventListener('change', () => this.setAttribute('overlay', overlay.value));
    unit.addEventListener('change', () => {
      if (unit.value) this.setAttribute('unit', unit.value);
      else this.removeAttribute('unit');
    });
  }

  connectedCallback() {
    if (this.#started) return;
    this.#started = true;
    if (this.#source) return; // `model` was set before the element was connected
    const begin = () => {
      if (this.#source) return;
      const src = this.getAttribute('src');
      if (src) this.#load({ kind: 'src', url: src });
      else {
        const inline = this.querySelector(':scope > script[type="application/json"]');
        if (inline) this.#load({ kind: 'inline', text: inline.textContent });
        else this.#load({ kind: 'sample' });
      }
    };
    // Children of a parser-inserted element may not exist yet when it upgrades.
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', begin, { once: true });
    else begin();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === 'src') {
      if (!this.#started) return;
      if (newValue) this.#load({ kind: 'src', url: newValue });
    } else if (name === 'overlay' || name === 'unit') {
      if (this.#ws) this.#redraw();
    }
  }

  /** The model shown (a parsed copy), or null before one is loaded. */
  get model() {
    return this.#json == null ? null : JSON.parse(this.#json);
  }

  /** Shows a model given as an object or JSON text; an invalid one shows its problems and keeps the diagram. */
  set model(value) {
    let text;
    try {
      text = typeof value === 'string' ? value : JSON.stringify(value);
      if (typeof text !== 'string') throw new Error('the model must be an object or JSON text');
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
    return this.#ws ? this.#ws.svg({ ...this.#options(), standalone: true }) : null;
  }

  async #load(source) {
    this.#source = source;
    const seq = ++this.#seq;
    this.#setState('loading');
    try {
      await core();
      let text;
      if (source.kind === 'src') text = await fetchModel(source.url);
      else if (source.kind === 'sample') text = Workspace.sampleJson();
      else text = source.text;
      if (seq !== this.#seq) return;
      const ws = new Workspace(text);
      this.#ws?.free();
      this.#ws = ws;
      this.#json = text;
      this.#model = JSON.parse(text);
      this.#fillUnits();
      this.#draw();
      this.#emit('wfe-load', { source: source.kind, name: this.#model?.name ?? '' });
    } catch (e) {
      if (seq === this.#seq) this.#fail(e);
    }
  }

  #options() {
    const opts = { overlay: this.overlay, standalone: false };
    if (this.unit) opts.unit = this.unit;
    return opts;
  }

  #redraw() {
    try {
      this.#draw();
    } catch (e) {
      this.#fail(e);
    }
  }

  #draw() {
    const text = this.#ws.svg(this.#options());
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const svg = doc.documentElement;
    if (svg.localName !== 'svg') throw new Error('the core returned a diagram that is not SVG');
    const { diagram, error, overlay, unit } = this.#parts;
    diagram.replaceChildren(document.importNode(svg, true));
    diagram.removeAttribute('aria-busy');
    error.hidden = true;
    error.replaceChildren();
    overlay.value = this.overlay;
    unit.value = this.unit;
    this.#setState('ready');
  }

  #fillUnits() {
    const { unit, unitLabel } = this.#parts;
    const units = Array.isArray(this.#model?.units) ? this.#model.units : [];
    unit.replaceChildren(el('option', { value: '', textContent: 'All units' }));
    for (const u of units) unit.append(el('option', { value: String(u.id), textContent: String(u.label ?? u.id) }));
    unitLabel.hidden = units.length === 0;
  }

  #fail(e) {
    const message = e instanceof Error ? e.message : String(e);
    const { diagram, error, fallback } = this.#parts;
    diagram.removeAttribute('aria-busy');
    const engineDown = !this.#ws && message.startsWith('The diagram engine');
    const hasFallback = fallback
      .querySelector('slot')
      .assignedElements()
      .some((n) => n.localName !== 'script');
    if (engineDown && hasFallback) {
      fallback.hidden = false;
    } else {
      const kept = diagram.firstElementChild !== null;
      const headline = kept
        ? 'The diagram could not be updated; it still shows the last good model.'
        : 'The diagram could not be shown.';
      error.replaceChildren(el('strong', { textContent: headline }), el('pre', { textContent: message }));
      error.hidden = false;
    }
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
