// The diagram and its text alternative: focus and keyboard moves between
// cells, the tooltip, opening the cell editor, and the table of cells and
// scores. The SVG itself is drawn and updated in place by the core
// (Workspace.view); this module only adds what interaction needs.
import { h, replace } from './dom.js';
import { t, tn, formatNumber } from './i18n.js';
import { state, onRefresh, setView, refresh, announce } from './store.js';
import { layoutFor, roomIn } from './layout-choice.js';

let container;
let tooltip;
let table;
/** @type {(theme: string, player: string) => void} */
let onOpenCell = () => {};
/** The cell that holds tabindex=0 (roving focus). */
let rover = null;
/** Shows the tooltip of another cell, or hides it, after a moment. */
let tipTimer = 0;

const key = (theme, player) => `${theme}\u0000${player}`;

function cellInfo(theme, player) {
  return state.result?.cells.find((c) => c.theme === theme && c.player === player);
}

function cellElement(theme, player) {
  for (const el of container.querySelectorAll('.cell')) {
    if (el.dataset.theme === theme && el.dataset.player === player) return el;
  }
  return null;
}

/** The cells in layout order, as [themeIndex][playerIndex] of ids. */
function grid() {
  const themes = [];
  const players = [];
  for (const c of state.result.cells) {
    if (!themes.includes(c.theme)) themes.push(c.theme);
    if (!players.includes(c.player)) players.push(c.player);
  }
  return { themes, players };
}

/** Readies a freshly drawn SVG for interaction. */
function prepare() {
  const svg = container.querySelector('svg');
  if (!svg) return;
  // cells are interactive, so the drawing is a group of buttons, not one image
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', t('diagram.svgLabel', { name: state.ws ? currentName() : '' }));
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.setAttribute('focusable', 'false');
  for (const el of svg.querySelectorAll('.cell')) {
    el.setAttribute('role', 'button');
    el.setAttribute('tabindex', '-1');
  }
  // text in the drawing is read through the cells' names
  for (const el of svg.querySelectorAll('text')) el.setAttribute('aria-hidden', 'true');
  const keep = rover && cellElement(rover.theme, rover.player);
  const first = state.result.cells[0];
  setRover(keep ? rover : first ? { theme: first.theme, player: first.player } : null);
}

function currentName() {
  const active = state.result?.session?.active;
  return active ? active.name : /** @type {HTMLInputElement | null} */ (document.getElementById('model-name'))?.value ?? '';
}

function setRover(cell) {
  if (rover) cellElement(rover.theme, rover.player)?.setAttribute('tabindex', '-1');
  rover = cell;
  if (rover) cellElement(rover.theme, rover.player)?.setAttribute('tabindex', '0');
}

/** Moves keyboard focus to a cell. */
export function focusCell(theme, player) {
  if (state.display === 'table') {
    table.querySelector(`[data-key="${CSS.escape(`table:${theme}:${player}`)}"]`)?.focus();
    return;
  }
  const el = cellElement(theme, player);
  if (!el) return;
  setRover({ theme, player });
  el.focus();
}

function fromEvent(ev) {
  const el = ev.target.closest?.('.cell');
  if (!el || !container.contains(el)) return null;
  return { el, theme: el.dataset.theme, player: el.dataset.player };
}

function onKey(ev) {
  const hit = fromEvent(ev);
  if (!hit) return;
  const { themes, players } = grid();
  let ti = themes.indexOf(hit.theme);
  let pi = players.indexOf(hit.player);
  switch (ev.key) {
    case 'ArrowRight':
      pi = (pi + 1) % players.length;
      break;
    case 'ArrowLeft':
      pi = (pi - 1 + players.length) % players.length;
      break;
    case 'ArrowUp':
      ti = Math.max(0, ti - 1);
      break;
    case 'ArrowDown':
      ti = Math.min(themes.length - 1, ti + 1);
      break;
    case 'Home':
      pi = 0;
      break;
    case 'End':
      pi = players.length - 1;
      break;
    case 'Enter':
    case ' ':
      ev.preventDefault();
      open(hit.theme, hit.player);
      return;
    default:
      return;
  }
  ev.preventDefault();
  focusCell(themes[ti], players[pi]);
}

function open(theme, player) {
  setRover({ theme, player });
  hideTooltip();
  setView({ selected: { theme, player } });
  onOpenCell(theme, player);
}

function tooltipContent(info) {
  const rows = [];
  const score = (value, label) =>
    value === null ? t('cell.notAssessed') : label ? t('cell.scoreWithLabel', { value: formatNumber(value), label }) : formatNumber(value);
  rows.push(h('p', { class: 'tooltip-title', text: t('cell.title', { theme: info.themeLabel, player: info.playerLabel }) }));
  const dl = h('dl', { class: 'tooltip-scores' });
  dl.append(h('dt', { text: t('cell.current') }), h('dd', { text: score(info.current, info.currentLabel) }));
  if (info.assessed > 0) {
    dl.append(
      h('dt', { text: t('cell.target') }),
      h('dd', { text: info.target === null ? t('cell.noTarget') : score(info.target, info.targetLabel) }),
      h('dt', { text: t('cell.gap') }),
      h('dd', { text: info.gap === null ? t('value.none') : formatNumber(info.gap) }),
    );
  }
  if (info.assessed > 1) dl.append(h('dt', { text: t('cell.assessments') }), h('dd', { text: formatNumber(info.assessed, 0) }));
  rows.push(dl);
  for (const note of info.notes.slice(0, 3)) rows.push(h('p', { class: 'tooltip-note', text: note }));
  if (info.notes.length > 3) rows.push(h('p', { class: 'tooltip-more', text: tn('cell.moreNotes', info.notes.length - 3) }));
  if (info.changed) rows.push(h('p', { class: 'tooltip-changed', text: t('cell.changedInScenario') }));
  return rows;
}

function showTooltip(hit) {
  const info = cellInfo(hit.theme, hit.player);
  if (!info) return;
  replace(tooltip, tooltipContent(info));
  tooltip.hidden = false;
  const box = hit.el.getBoundingClientRect();
  const host = container.parentElement.getBoundingClientRect();
  const tip = tooltip.getBoundingClientRect();
  let x = box.left + box.width / 2 - host.left - tip.width / 2;
  // close to the cell, so that the pointer can move onto it (it stays while hovered)
  let y = box.top - host.top - tip.height - 4;
  if (y < 4) y = box.bottom - host.top + 4;
  x = Math.max(4, Math.min(x, host.width - tip.width - 4));
  y = Math.max(4, Math.min(y, host.height - tip.height - 4));
  tooltip.style.setProperty('--tip-x', `${Math.round(x)}px`);
  tooltip.style.setProperty('--tip-y', `${Math.round(y)}px`);
  hit.el.setAttribute('aria-describedby', 'tooltip');
}

function hideTooltip() {
  clearTimeout(tipTimer);
  tooltip.hidden = true;
  for (const el of container.querySelectorAll('[aria-describedby="tooltip"]')) el.removeAttribute('aria-describedby');
}

/**
 * A cell's state in words (its strokes and shading say it to the eye): the
 * cell being edited is the current one; changed in the what-if or
 * concerned by the chosen finding is its description.
 * @param {(cls: string) => boolean} has whether the cell has a class
 */
function stateOf(has) {
  return {
    'aria-current': has('is-selected') ? 'true' : null,
    'aria-description': ['changed', 'highlighted'].filter((s) => has(`is-${s}`)).map((s) => t(`cell.state.${s}`)).join(' ') || null,
  };
}

/**
 * Rings around the focused cell and the cells a finding concerns, drawn
 * over every cell (WCAG 1.4.11): a cell's own stroke is half covered by its
 * neighbours, and no one colour stands out from every fill, light and dark,
 * so each ring is a dark band on a light one (light on dark in the dark
 * theme): whatever the fill, one of them contrasts with it. They
 * copy the cell's outline into a layer after the cells, hidden from
 * assistive technology (the cells say their state in words).
 */
function drawRings() {
  const cells = container.querySelector('svg .cell')?.parentNode;
  if (!cells) return;
  const want = [...container.querySelectorAll('.cell.is-highlighted')].map((el) => [el, 'highlight']);
  const focused = document.activeElement;
  if (focused?.matches('.cell:focus-visible') && container.contains(focused)) want.push([focused, 'focus']);
  // The same rings, still over every cell, are left as they are: an edit
  // redraws the rings only when what they ring changed.
  const drawn = want.map(([el, kind]) => `${kind} ${el.getAttribute('points') ?? el.getAttribute('d')} ${el.getAttribute('transform') ?? ''}`).join('\n');
  const old = cells.querySelector(':scope > .state-rings');
  if (old && old === cells.lastElementChild && old.dataset.drawn === drawn) return;
  const layer = old ?? document.createElementNS(cells.namespaceURI, 'g');
  layer.setAttribute('class', 'state-rings');
  layer.setAttribute('aria-hidden', 'true');
  layer.dataset.drawn = drawn;
  // always last, over every cell drawn since
  if (layer !== cells.lastElementChild) cells.append(layer);
  // each ring's bands, outermost first (style.css colours them)
  layer.replaceChildren(...want.flatMap(([el, kind]) => ['light', 'dark', kind === 'focus' ? '' : 'hue'].filter(Boolean).map((band) => {
    const ring = /** @type {Element} */ (el.cloneNode());
    for (const name of ring.getAttributeNames()) if (!['points', 'd', 'transform'].includes(name)) ring.removeAttribute(name);
    ring.setAttribute('class', `ring ring-${kind} ring-${band}`);
    return ring;
  })));
}

/** The table that stands in for the drawing. */
function renderTable(result) {
  const { themes, players } = grid();
  const byKey = new Map(result.cells.map((c) => [key(c.theme, c.player), c]));
  const head = h('tr', {}, h('th', { scope: 'col', text: t('table.theme') }));
  for (const p of players) head.append(h('th', { scope: 'col', text: byKey.get(key(themes[0], p))?.playerLabel ?? p }));
  const body = themes.map((th) => {
    const row = h('tr', {}, h('th', { scope: 'row', text: byKey.get(key(th, players[0]))?.themeLabel ?? th }));
    for (const p of players) {
      const c = byKey.get(key(th, p));
      const text = !c || c.current === null
        ? t('cell.notAssessed')
        : c.target === null
          ? t('table.score', { current: formatNumber(c.current), label: c.currentLabel ?? '' })
          : t('table.scoreTarget', { current: formatNumber(c.current), label: c.currentLabel ?? '', target: formatNumber(c.target) });
      const classes = ['table-cell', c?.changed ? 'is-changed' : '', c?.highlighted === true ? 'is-highlighted' : '', c?.highlighted === false ? 'is-dimmed' : ''];
      const selected = state.view.selected?.theme === th && state.view.selected?.player === p;
      // What colour shows of the cell, in words: in its name (not a
      // description, which not every screen reader reads), and the change
      // also on screen, where no colour tells it in forced colours.
      const states = ['changed', 'highlighted'].filter((s) => classes.includes(`is-${s}`)).map((s) => t(`cell.state.${s}`));
      const name = t('table.edit', { cell: t('cell.title', { theme: c?.themeLabel ?? th, player: c?.playerLabel ?? p }), score: text });
      const button = h('button', {
        'aria-current': stateOf((cls) => cls === 'is-selected' && selected)['aria-current'],
        type: 'button',
        class: 'link',
        dataset: { key: `table:${th}:${p}`, theme: th, player: p },
        'aria-label': [name, ...states].join('. '),
        on: { click: () => open(th, p) },
      }, text);
      row.append(
        h('td', { class: classes.filter(Boolean).join(' ') },
          button,
          // (in the button's name already)
          c?.changed ? h('span', { class: 'table-state', 'aria-hidden': 'true', text: t('cell.state.changed') }) : null,
          c?.notes.length ? h('span', { class: 'table-note', text: c.notes.join(' · ') }) : null,
        ),
      );
    }
    return row;
  });
  const active = /** @type {HTMLElement | null} */ (document.activeElement)?.dataset?.key;
  replace(table,
    h('table', {},
      h('caption', { text: t('table.caption') }),
      h('thead', {}, head),
      h('tbody', {}, body)));
  if (active && table.contains(document.activeElement) === false) {
    table.querySelector(`[data-key="${CSS.escape(active)}"]`)?.focus();
  }
}

/** Shows the drawing or the table. */
export function setDisplay(display) {
  state.display = display;
  const asTable = display === 'table';
  container.hidden = asTable;
  table.hidden = !asTable;
  document.getElementById('diagram-hint').hidden = asTable;
  const toggle = document.getElementById('display-toggle');
  toggle.setAttribute('aria-pressed', String(asTable));
  toggle.textContent = asTable ? t('toolbar.diagram') : t('toolbar.table');
  hideTooltip();
  if (asTable && state.result) renderTable(state.result);
}

/**
 * Switches between the drawing and the table (the `T` shortcut): focus on a
 * cell of one goes to the same cell of the other, focus in the view that is
 * hidden (or nowhere) to the other, and the switch is announced; focus
 * elsewhere (a pane, the toolbar) stays.
 */
export function toggleDisplay() {
  const el = /** @type {HTMLElement} */ (document.activeElement);
  const inView = el && (container.contains(el) || table.contains(el));
  // a cell of the drawing, or a table cell's button: both say theirs
  const at = inView ? /** @type {HTMLElement | null} */ (el.closest('[data-theme][data-player]'))?.dataset ?? {} : null;
  setDisplay(state.display === 'table' ? 'diagram' : 'table');
  if (at?.theme && at.player) focusCell(at.theme, at.player);
  else if (at || !el || el === document.body) focusDiagram();
  announce(t(state.display === 'table' ? 'display.tableShown' : 'display.diagramShown'));
}

/**
 * Picks the layout for the room `box` has (the core chooses, for the model
 * and view on show), and redraws when the room calls for another. The room
 * is measured when it may have changed (the box or something sharing it
 * resized), not on every update: measuring forces the page's style and
 * layout in the middle of an update, about 3.5 ms of an edit on a model of
 * a few thousand assessments.
 */
function followRoom(box) {
  let room = roomIn(box, container);
  const choose = () => {
    const { overlay, unit } = state.view;
    const layout = layoutFor(state.ws, room.width, room.height, { overlay, unit });
    if (box.dataset.layout !== layout) box.dataset.layout = layout;
    return layout;
  };
  state.chooseLayout = choose;
  choose();
  const observer = new ResizeObserver(() => {
    room = roomIn(box, container);
    if (choose() !== state.layout && state.ws && state.result) refresh();
  });
  observer.observe(box);
  for (const child of box.children) if (child !== container) observer.observe(child);
}

export function initDiagram({ openCell }) {
  container = document.getElementById('diagram');
  tooltip = document.getElementById('tooltip');
  table = document.getElementById('cell-table');
  state.diagram = container;
  onOpenCell = openCell;
  followRoom(/** @type {HTMLElement} */ (container.parentElement));

  container.addEventListener('keydown', onKey);
  container.addEventListener('click', (ev) => {
    const hit = fromEvent(ev);
    if (hit) open(hit.theme, hit.player);
  });
  // The tooltip can be hovered (WCAG 1.4.13): leaving the diagram or
  // crossing other cells on the way to it leaves it a moment to be reached;
  // Escape dismisses it wherever the focus is.
  container.addEventListener('pointerover', (ev) => {
    const hit = fromEvent(ev);
    if (!hit) return;
    clearTimeout(tipTimer);
    if (tooltip.hidden) showTooltip(hit);
    else tipTimer = setTimeout(() => showTooltip(hit), 150);
  });
  container.addEventListener('pointerleave', (ev) => {
    clearTimeout(tipTimer);
    if (!tooltip.contains(/** @type {Node | null} */ (ev.relatedTarget))) tipTimer = setTimeout(hideTooltip, 300);
  });
  tooltip.addEventListener('pointerenter', () => clearTimeout(tipTimer));
  tooltip.addEventListener('pointerleave', (ev) => {
    if (!container.contains(/** @type {Node | null} */ (ev.relatedTarget))) hideTooltip();
  });
  document.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Escape' || tooltip.hidden) return;
    ev.preventDefault();
    ev.stopPropagation();
    hideTooltip();
  }, true);
  container.addEventListener('focusin', (ev) => {
    const hit = fromEvent(ev);
    if (!hit) return;
    setRover({ theme: hit.theme, player: hit.player });
    showTooltip(hit);
  });
  container.addEventListener('focusout', hideTooltip);
  // A redraw (the layout chosen again for the room: the window resized, the
  // drawing shown again after the table) replaces the cells, and the focus
  // with them: it goes on to the same cell of the new drawing, once drawn.
  container.addEventListener('focusout', (ev) => {
    const gone = /** @type {SVGElement} */ (ev.target);
    if (ev.relatedTarget || !gone.classList.contains('cell')) return;
    queueMicrotask(() => {
      const nowhere = !document.activeElement || document.activeElement === document.body;
      if (!gone.isConnected && nowhere && state.display !== 'table') focusCell(gone.dataset.theme ?? '', gone.dataset.player ?? '');
    });
  });
  // the focus ring follows the focus (after it moved: focusin runs before :focus-visible applies)
  container.addEventListener('focusin', () => queueMicrotask(drawRings));
  container.addEventListener('focusout', () => queueMicrotask(drawRings));
  document.getElementById('display-toggle').addEventListener('click', () => {
    setDisplay(state.display === 'table' ? 'diagram' : 'table');
  });

  onRefresh((result) => {
    if (result.full) prepare();
    for (const el of container.querySelectorAll('.cell')) {
      for (const [name, value] of Object.entries(stateOf((cls) => el.classList.contains(cls)))) {
        if (el.getAttribute(name) !== value) value === null ? el.removeAttribute(name) : el.setAttribute(name, value);
      }
    }
    drawRings();
    if (!tooltip.hidden) {
      const described = container.querySelector('[aria-describedby="tooltip"]');
      if (described) showTooltip({ el: described, theme: described.dataset.theme, player: described.dataset.player });
    }
    if (state.display === 'table') renderTable(result);
  });
}

/** Puts focus on the diagram's current cell (or the table). */
export function focusDiagram() {
  if (state.display === 'table') {
    table.querySelector('button')?.focus();
    return;
  }
  const el = rover && cellElement(rover.theme, rover.player);
  (el ?? container.querySelector('.cell'))?.focus();
}
