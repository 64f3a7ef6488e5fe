// The side panel's tabs (WAI-ARIA tabs pattern: arrow keys move between
// tabs, Tab goes into the panel).
const listeners = [];
let tabs = [];

/** The name of the tab on show: findings, readiness, cell or org. */
export function currentTab() {
  return tabs.find((b) => b.getAttribute('aria-selected') === 'true')?.id.replace('tab-', '');
}

/** Registers fn(name) to run when a tab is shown. */
export function onTab(fn) {
  listeners.push(fn);
}

/** Shows a tab; with focus, moves focus to the tab itself. */
export function showTab(name, { focus = false } = {}) {
  for (const b of tabs) {
    const on = b.id === `tab-${name}`;
    b.setAttribute('aria-selected', String(on));
    b.tabIndex = on ? 0 : -1;
    document.getElementById(b.getAttribute('aria-controls')).hidden = !on;
    if (on && focus) b.focus();
  }
  /** @type {HTMLElement} */ (document.querySelector('.workspace')).dataset.tab = name;
  for (const fn of listeners) fn(name);
}

export function initTabs() {
  tabs = [...document.querySelectorAll('#panel-tabs [role="tab"]')];
  for (const b of tabs) b.addEventListener('click', () => showTab(b.id.replace('tab-', '')));
  document.getElementById('panel-tabs').addEventListener('keydown', (ev) => {
    const i = tabs.indexOf(document.activeElement);
    if (i < 0) return;
    let next = null;
    if (ev.key === 'ArrowRight') next = tabs[(i + 1) % tabs.length];
    else if (ev.key === 'ArrowLeft') next = tabs[(i - 1 + tabs.length) % tabs.length];
    else if (ev.key === 'Home') next = tabs[0];
    else if (ev.key === 'End') next = tabs[tabs.length - 1];
    if (!next) return;
    ev.preventDefault();
    showTab(next.id.replace('tab-', ''), { focus: true });
  });
}
