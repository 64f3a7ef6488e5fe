// embed.html: one diagram filling an iframe, its model carried in the URL
// fragment (see fragment.js), so the model never reaches a server. Without a
// model in the fragment it shows the sample organization.
import './element.js';
import { readFragment } from './fragment.js';

const diagram = /** @type {import('./element.js').WorkforceEcosystem} */ (document.getElementById('diagram'));
const problem = document.getElementById('problem');

function setAttr(name, value) {
  if (value) diagram.setAttribute(name, value);
  else diagram.removeAttribute(name);
}

async function apply() {
  let view;
  try {
    view = await readFragment(location.hash);
  } catch (e) {
    problem.textContent = `This embedded diagram's link is broken: ${e.message}.`;
    problem.hidden = false;
    return;
  }
  problem.hidden = true;
  setAttr('overlay', view.overlay);
  setAttr('unit', view.unit);
  setAttr('theme', view.theme);
  diagram.toggleAttribute('readonly', view.controls !== '1');
  if (view.theme) document.documentElement.dataset.theme = view.theme;
  else delete document.documentElement.dataset.theme;
  if (view.json !== null) diagram.model = view.json;
}

const heading = document.getElementById('heading');
diagram.addEventListener('wfe-load', (/** @type {CustomEvent<{ name: string }>} */ e) => {
  document.title = e.detail.name ? `${e.detail.name} – workforce ecosystem` : 'Workforce ecosystem diagram';
  heading.textContent = document.title;
});
window.addEventListener('hashchange', apply);
await apply();
