// Menu buttons (WAI-ARIA menu button pattern): the button opens a list of
// menu items; arrow keys move, Escape closes and returns to the button.
const menus = [];

function items(list) {
  return [...list.querySelectorAll('[role="menuitem"]:not([hidden])')];
}

function close(menu, { focusButton = false } = {}) {
  menu.list.hidden = true;
  menu.button.setAttribute('aria-expanded', 'false');
  if (focusButton) menu.button.focus();
}

function open(menu, which = 0) {
  for (const m of menus) if (m !== menu) close(m);
  menu.beforeOpen?.();
  menu.list.hidden = false;
  menu.button.setAttribute('aria-expanded', 'true');
  const all = items(menu.list);
  all.at(which)?.focus();
}

/**
 * Wires a menu button; `onChoose(item)` runs for the chosen item,
 * `beforeOpen()` each time the list opens (to show the items that apply).
 * @param {HTMLElement} button
 * @param {HTMLElement} list
 * @param {(item: HTMLElement) => void} onChoose
 * @param {{ beforeOpen?: () => void }} [options]
 */
export function initMenu(button, list, onChoose, { beforeOpen } = {}) {
  const menu = { button, list, beforeOpen };
  menus.push(menu);
  button.addEventListener('click', () => (list.hidden ? open(menu) : close(menu)));
  button.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      open(menu, ev.key === 'ArrowDown' ? 0 : -1);
    }
  });
  list.addEventListener('keydown', (ev) => {
    const all = items(list);
    const i = all.indexOf(document.activeElement);
    if (ev.key === 'ArrowDown') all[(i + 1) % all.length].focus();
    else if (ev.key === 'ArrowUp') all[(i - 1 + all.length) % all.length].focus();
    else if (ev.key === 'Home') all[0].focus();
    else if (ev.key === 'End') all[all.length - 1].focus();
    else if (ev.key === 'Escape') close(menu, { focusButton: true });
    else if (ev.key === 'Tab') {
      // back to the button first (the item focused is about to be hidden),
      // then the browser's own Tab moves on from there
      close(menu, { focusButton: true });
      return;
    } else return;
    ev.preventDefault();
  });
  list.addEventListener('click', (ev) => {
    const item = /** @type {HTMLElement | null} */ (/** @type {Element} */ (ev.target).closest('[role="menuitem"]'));
    if (!item) return;
    close(menu, { focusButton: true });
    onChoose(item);
  });
  document.addEventListener('pointerdown', (ev) => {
    const target = /** @type {Node} */ (ev.target);
    if (!list.hidden && !list.contains(target) && !button.contains(target)) close(menu);
  });
}
