// demo.html: the theme switch and setting a model from script.
import './element.js';

/** @typedef {import('./element.js').WorkforceEcosystem} WorkforceEcosystem */
const left = /** @type {WorkforceEcosystem} */ (document.getElementById('left'));
const right = /** @type {WorkforceEcosystem} */ (document.getElementById('right'));
const theme = /** @type {HTMLSelectElement} */ (document.getElementById('theme'));
const caption = document.getElementById('right-caption');

theme.addEventListener('change', () => {
  const look = theme.value;
  for (const el of [document.documentElement, left, right]) {
    const attr = el === document.documentElement ? 'data-theme' : 'theme';
    if (look === 'auto') el.removeAttribute(attr);
    else el.setAttribute(attr, look);
  }
});

// A model built in script: the right-hand studio after a what-if change.
document.getElementById('swap').addEventListener('click', () => {
  const model = right.model;
  if (!model) return;
  model.name = `${model.name} (what-if)`;
  for (const a of model.assessments ?? []) a.current = Math.min(a.current + 1, a.target ?? a.current);
  right.model = model;
  caption.textContent = 'The studio after a what-if raise of every score, set through the model property.';
});

document.getElementById('reset').addEventListener('click', () => {
  right.removeAttribute('src');
  right.setAttribute('src', 'models/studio.json');
  caption.textContent = 'A five-player studio from models/studio.json, gaps to target, read-only.';
});
