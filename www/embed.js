// embed.html: one diagram filling an iframe, its model carried in the URL
// fragment (see fragment.js), so the model never reaches a server. Without a
// model in the fragment it shows the sample organization; with a damaged
// one, only what is wrong (never the sample in its place).
//
// The element is made here once the fragment is read, not written in the
// HTML: one in the page from the start would fetch the sample (a 404 where
// models/ was not copied) before it knew the link carries a model, and
// would show that failure beside the broken link's message.
import { WorkforceEcosystem, startCore } from './element.js';
import { readFragment, linkReason, LinkError } from './fragment.js';

// the core compiles while the link is read
startCore();

const problem = /** @type {HTMLElement} */ (document.getElementById('problem'));
/** @type {WorkforceEcosystem | null} */
let diagram = null;

/** The diagram element, made (not yet in the page) on first use. */
function element() {
  if (!diagram) {
    diagram = new WorkforceEcosystem();
    diagram.id = 'diagram';
    diagram.addEventListener('wfe-load', (/** @type {CustomEvent<{ name: string }>} */ e) => {
      if (!broken) named(e.detail.name);
    });
  }
  return diagram;
}

function setAttr(name, value) {
  if (value) element().setAttribute(name, value);
  else element().removeAttribute(name);
}

const heading = /** @type {HTMLElement} */ (document.getElementById('heading'));

/**
 * The page's own words in each language the link may ask for (`lang=`); the
 * element says its own, the core the diagram's, fragment.js why a link is
 * broken.
 */
const WORDS = {
  en: {
    title: 'Workforce ecosystem diagram',
    named: (name) => `${name} – workforce ecosystem`,
    broken: 'This embedded diagram’s link is broken:',
  },
  fr: {
    title: 'Schéma de l’écosystème de main-d’œuvre',
    named: (name) => `${name} – écosystème de main-d’œuvre`,
    broken: 'Le lien de ce schéma intégré est abîmé :',
  },
};

/** The language the link asks for, read even from a damaged link: `fr` or `en`. */
function langOf(hash) {
  return new URLSearchParams(hash.replace(/^#/, '')).get('lang') === 'fr' ? 'fr' : 'en';
}

/** The page's words, in the language it speaks now. */
const words = () => WORDS[document.documentElement.lang === 'fr' ? 'fr' : 'en'];
/** Whether the link is damaged: nothing the element draws meanwhile is shown. */
let broken = false;

async function apply() {
  // the frame's page speaks the embed's language, and so does the element in it
  document.documentElement.lang = langOf(location.hash);
  let view;
  try {
    view = await readFragment(location.hash);
  } catch (e) {
    broken = true;
    if (diagram) diagram.hidden = true;
    named(undefined);
    const reason = document.createElement('span');
    const lang = document.documentElement.lang === 'fr' ? 'fr' : 'en';
    // (in the page's language when it is fragment.js's; else as the browser said it)
    reason.lang = e instanceof LinkError ? lang : 'en';
    reason.textContent = `${linkReason(e, lang)}.`;
    problem.replaceChildren(`${words().broken} `, reason);
    problem.hidden = false;
    return;
  }
  const wasBroken = broken;
  broken = false;
  // the page's name in its language until the model's is known
  if (!diagram?.isConnected) named(undefined);
  const el = element();
  el.hidden = false;
  problem.hidden = true;
  setAttr('overlay', view.overlay);
  setAttr('unit', view.unit);
  setAttr('theme', view.theme);
  el.toggleAttribute('readonly', view.controls !== '1');
  if (view.theme) document.documentElement.dataset.theme = view.theme;
  else delete document.documentElement.dataset.theme;
  // The model first, then into the page: an element given its model before
  // it is connected never looks for the sample.
  if (view.json !== null) el.model = view.json;
  else if (wasBroken && el.state === 'ready') named(el.model?.name);
  if (!el.isConnected) problem.after(el);
}

/** @param {string | undefined} name */
function named(name) {
  document.title = name ? words().named(name) : words().title;
  heading.textContent = document.title;
}

window.addEventListener('hashchange', apply);
await apply();
