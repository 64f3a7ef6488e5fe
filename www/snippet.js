// The embed snippets the page offers for the current model: HTML an intranet
// editor pastes into a page. Everything from the model or the options is
// escaped, so a label cannot close a tag or an attribute.
//
// The snippets point at a folder on the embedding site (the README's `/wfe/`
// unless the editor names another), never at the origin this tool is served
// from: an intranet page's policy (`script-src 'self'`) blocks scripts from
// anywhere else. The element's snippet carries a line of text inside the
// element, which readers see until the script upgrades it, and which stays
// when the files are missing or blocked; and, when the caller gives it, the
// core's picture of the model (`Workspace.picture`), which the element shows
// from the moment its script runs until the core has drawn, and keeps where
// the page does not allow WebAssembly.
import { modelFragment } from './fragment.js';

/** The folder the snippets use unless told otherwise (the README's). */
export const DEFAULT_BASE = '/wfe/';

/** The files of dist/ the custom element needs in that folder (the README lists the same). */
export const ELEMENT_FILES = ['element.js', 'pkg/diagram_bg.wasm'];

/** The files of dist/ the iframe needs besides ELEMENT_FILES (the README lists the same). */
export const IFRAME_FILES = ['embed.html', 'embed.js', 'embed.css', 'themes.css'];

/** The files an element speaking `lang` needs: ELEMENT_FILES, and the core's catalogue of a language but English. */
export function elementFiles(lang = 'en') {
  return lang === 'en' ? ELEMENT_FILES : [...ELEMENT_FILES, `i18n/core-${lang}.json`];
}

/** The line readers see inside the element until it is drawn, or if its files are missing, and the iframe's title, in the element's language. */
const FALLBACK = {
  en: {
    named: (name) => `Workforce ecosystem diagram of ${name}.`,
    unnamed: 'Workforce ecosystem diagram.',
    // the iframe's title, which a screen reader announces for the frame
    frame: (name) => `Workforce ecosystem diagram: ${name || 'Workforce ecosystem'}`,
    missing: (files) => `If this line stays, the diagram could not load: ${files.join(' and ')} must be on this site.`,
    missingElsewhere: (files) =>
      `If this line stays, the diagram could not load: ${files.join(' and ')} must be there, and this page must allow scripts from that site.`,
  },
  fr: {
    named: (name) => `Schéma de l’écosystème de main-d’œuvre de ${name}.`,
    unnamed: 'Schéma de l’écosystème de main-d’œuvre.',
    frame: (name) => (name ? `Schéma de l’écosystème de main-d’œuvre : ${name}` : 'Schéma de l’écosystème de main-d’œuvre'),
    missing: (files) => `Si cette ligne reste, le schéma n’a pas pu se charger : ${files.join(' et ')} doivent être sur ce site.`,
    missingElsewhere: (files) =>
      `Si cette ligne reste, le schéma n’a pas pu se charger : ${files.join(' et ')} doivent s’y trouver, et cette page doit autoriser les scripts de ce site.`,
  },
};

/**
 * The folder as the snippets write it: trimmed, ending in `/`, the default
 * when empty. A path (`/wfe/`), written from the site's root if typed
 * without its leading `/` (a relative one would load from beside each page
 * the snippet is pasted into, and break on all but one), or an http(s) URL
 * (see otherSite); throws, saying why, for anything else (quotes, spaces or
 * markup are refused rather than escaped: the folder also appears in the
 * snippet's comment).
 */
export function folderOf(base) {
  let folder = String(base ?? '').trim() || DEFAULT_BASE;
  let url;
  try {
    url = new URL(folder, 'https://intranet.invalid/');
  } catch {
    url = null;
  }
  if (!url || !/^https?:$/.test(url.protocol) || /[\s"'<>`\\]|--/.test(folder)) {
    throw new Error(`“${folder}” is not a folder the page can load files from: give a path such as ${DEFAULT_BASE}`);
  }
  if (!otherSite(folder) && !folder.startsWith('/')) folder = `/${folder.replace(/^(\.\/)+/, '')}`;
  return folder.endsWith('/') ? folder : `${folder}/`;
}

/**
 * Whether a folder names a site (`https://…/`, `//…/`): scripts from there
 * load only on pages of that site, or whose policy allows it, since the
 * README's `script-src 'self'` blocks a script from anywhere else.
 */
export function otherSite(folder) {
  return /^([a-z][a-z\d+.-]*:|\/\/)/i.test(String(folder).trim());
}

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
 * folder on the embedding site holding the files of ELEMENT_FILES (and, for
 * the iframe, those the README lists), as the page there writes it; default
 * `/wfe/`), `picture` (the core's markup from `Workspace.picture` for this
 * view, put inside the element as it is), `lang` (the language the element
 * speaks, the picture's: `en` or `fr`, default `en`), `width`/`height`
 * of the iframe in CSS pixels.
 *
 * Resolves to `{ element, iframe, url, folder }`: the custom-element HTML (a
 * comment naming the files to copy, the script tag, the element with the
 * model inline and a fallback line), the iframe HTML, the embed.html URL with
 * the model in its fragment, and the folder as written. Rejects if
 * `modelJson` is not JSON or `base` not a folder (folderOf).
 */
export async function embedSnippet(modelJson, options = {}) {
  const {
    overlay,
    unit,
    theme,
    readonly = true,
    base = DEFAULT_BASE,
    picture = '',
    lang = 'en',
    // (a square frame in which the square layout's text reads at 12 px, in
    // English and French: at 640 × 640 none did, and the drawing scrolled)
    width = 720,
    height = 720,
  } = options;
  let model;
  try {
    model = JSON.parse(modelJson);
  } catch (e) {
    throw new Error(`the model is not JSON: ${e.message}`);
  }
  const compact = JSON.stringify(model);
  const folder = folderOf(base);
  const name = typeof model?.name === 'string' && model.name ? model.name : '';
  const view = {
    overlay: overlay === 'none' ? undefined : overlay,
    unit,
    theme: theme === 'auto' ? undefined : theme,
  };
  const files = elementFiles(lang);
  const words = FALLBACK[lang] ?? FALLBACK.en;
  const elsewhere = otherSite(folder);
  const element =
    `<!-- Workforce ecosystem diagram: copy ${files.join(' and ')} from dist/ to ${folder}${elsewhere ? '' : ' on this site'} -->\n` +
    `<script type="module" src="${escapeHtml(`${folder}element.js`)}"></script>\n` +
    `<workforce-ecosystem${attrs([
      ['lang', lang],
      ['overlay', view.overlay],
      ['unit', view.unit],
      ['theme', view.theme],
      ['readonly', Boolean(readonly)],
    ])}>\n` +
    `  <script type="application/json">${scriptSafeJson(compact)}</script>\n` +
    (picture ? `${picture.trimEnd()}\n` : '') +
    `  <p>${escapeHtml(name ? words.named(name) : words.unnamed)} ` +
    `${escapeHtml((elsewhere ? words.missingElsewhere : words.missing)(files.map((f) => folder + f)))}</p>\n` +
    `</workforce-ecosystem>\n`;
  const url = `${folder}embed.html#${await modelFragment(compact, { ...view, controls: readonly ? undefined : '1', lang: lang === 'en' ? undefined : lang })}`;
  const iframe = `<iframe${attrs([
    ['src', url],
    ['title', words.frame(name)],
    ['width', width],
    ['height', height],
    ['loading', 'lazy'],
    // the README's rule for pages that must fit phones sizes iframe.wfe
    ['class', 'wfe'],
  ])}></iframe>\n`;
  return { element, iframe, url, folder };
}
