// embed.html: one diagram filling an iframe, its model carried in the URL
// fragment (see fragment.js), so the model never reaches a server. Without a
// model in the fragment it shows the sample organization; with a damaged
// one, only what is wrong (never the sample in its place).
import './element.js';
import { readFragment } from './fragment.js';

const diagram = /** @type {import('./element.js').WorkforceEcosystem} */ (document.getElementById('diagram'));
const problem = document.getElementById('problem');

function setAttr(name, value) {
  if (value) diagram.setAttribute(name, value);
  else diagram.removeAttribute(name);
}

const heading = document.getElementById('heading');
const TITLE = 'Workforce ecosystem diagram';
/** Whether the link is damaged: nothing the element draws meanwhile (the sample) is shown. */
let broken = false;

async function apply() {
  let view;
  try {
    view = await readFragment(location.hash);
  } catch (e) {
    broken = true;
    diagram.hidden = true;
    document.title = TITLE;
    heading.textContent = TITLE;
    problem.textContent = `This embedded diagram's link is broken: ${e.message}.`;
    problem.hidden = false;
    return;
  }
  const wasBroken = broken;
  broken = false;
  diagram.hidden = false;
  problem.hidden = true;
  setAttr('overlay', view.overlay);
  setAttr('unit', view.unit);
  setAttr('theme', view.theme);
  diagram.toggleAttribute('readonly', view.controls !== '1');
  if (view.theme) document.documentElement.dataset.theme = view.theme;
  else delete document.documentElement.dataset.theme;
  if (view.json !== null) diagram.model = view.json;
  else if (wasBroken && diagram.state === 'ready') named(diagram.model?.name);
}

/** @param {string | undefined} name */
function named(name) {
  document.title = name ? `${name} – workforce ecosystem` : TITLE;
  heading.textContent = document.title;
}

diagram.addEventListener('wfe-load', (/** @type {CustomEvent<{ name: string }>} */ e) => {
  if (!broken) named(e.detail.name);
});
window.addEventListener('hashchange', apply);
await apply();
