// The embed snippets the page offers for the current model: HTML an intranet
// editor pastes into a page. Everything from the model or the options is
// escaped, so a label cannot close a tag or an attribute.
import { modelFragment } from './fragment.js';

/** Text made safe for HTML text and double- or single-quoted attribute values. */
export function escapeHtml(text) {
  return String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );
}

/**
 * JSON text that can sit inside <script type="application/json">: every `<`
 * becomes `\u003c` (only possible inside JSON strings, so the value is
 * unchanged), which rules out `</script>` and `<!--` in the data.
 */
export function scriptSafeJson(json) {
  return json.replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function attrs(pairs) {
  return pairs
    .filter(([, v]) => v !== undefined && v !== null && v !== false && v !== '')
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escapeHtml(v)}"`))
    .join('');
}

/**
 * The snippets for one model and view.
 *
 * `modelJson`: the model's JSON text. Options: `overlay`, `unit`, `theme`,
 * `readonly` (default true: the embed shows exactly this view), `base` (the
 * URL of the folder holding element.js and embed.html; default: this file's
 * folder), `width`/`height` of the iframe in CSS pixels.
 *
 * Resolves to `{ element, iframe, url }`: the custom-element HTML (script tag
 * plus element with the model inline), the iframe HTML, and the embed.html URL
 * with the model in its fragment. Rejects if `modelJson` is not JSON.
 */
export async function embedSnippet(modelJson, options = {}) {
  const {
    overlay,
    unit,
    theme,
    readonly = true,
    base = new URL('./', import.meta.url).href,
    width = 640,
    height = 640,
  } = options;
  let model;
  try {
    model = JSON.parse(modelJson);
  } catch (e) {
    throw new Error(`the model is not JSON: ${e.message}`);
  }
  const compact = JSON.stringify(model);
  const folder = new URL(base, document.baseURI);
  const view = {
    overlay: overlay === 'none' ? undefined : overlay,
    unit,
    theme: theme === 'auto' ? undefined : theme,
  };
  const element =
    `<script type="module" src="${escapeHtml(new URL('element.js', folder).href)}"></script>\n` +
    `<workforce-ecosystem${attrs([
      ['overlay', view.overlay],
      ['unit', view.unit],
      ['theme', view.theme],
      ['readonly', Boolean(readonly)],
    ])}>\n` +
    `  <script type="application/json">${scriptSafeJson(compact)}</script>\n` +
    `</workforce-ecosystem>\n`;
  const url = `${new URL('embed.html', folder).href}#${await modelFragment(compact, { ...view, controls: readonly ? undefined : '1' })}`;
  const name = typeof model?.name === 'string' && model.name ? model.name : 'Workforce ecosystem';
  const iframe = `<iframe${attrs([
    ['src', url],
    ['title', `Workforce ecosystem diagram: ${name}`],
    ['width', width],
    ['height', height],
    ['loading', 'lazy'],
  ])}></iframe>\n`;
  return { element, iframe, url };
}
