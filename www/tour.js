// The guided tour of the framework and the presenter view.
//
// The steps come from the core (`tourSteps`): the whole, each hexagon from the
// outside in, each axis with its players. For each step the tour marks the
// diagram's cells — `.is-highlighted` on the step's cells, `.is-dimmed` on the
// others — and shows the step's text from the language files. Arrow keys,
// Page Up/Down, Space, Enter, Home and End move; Escape leaves the presenter view.

/**
 * One step of the tour, as the core's `tourSteps` gives it: the cells of
 * `themes` × `players` are the step's.
 * @typedef {{ id: string, kind: 'whole' | 'theme' | 'axis', themes: string[], players: string[], standard: boolean }} TourStep
 */
/**
 * The words a tour is written with.
 * @typedef {object} TourWords
 * @property {(key: string, params?: Record<string, string | number>) => string} t the current language's text of `key`
 * @property {(key: string) => boolean} has whether there is a text for `key`
 * @property {(id: string) => string} themeLabel a theme's name, for generic text
 * @property {(id: string) => string} playerLabel a player's name, for generic text
 */

/**
 * Marks the cells of `themes` × `players` in the diagram under `container`,
 * and the labels of the themes or players a step singles out
 * (`.is-tour-label`): a theme step's ring name, an axis step's two players.
 */
export function highlight(container, themes, players) {
  const t = new Set(themes);
  const p = new Set(players);
  for (const cell of container.querySelectorAll('.cell')) {
    const on = t.has(cell.dataset.theme) && p.has(cell.dataset.player);
    cell.classList.toggle('is-highlighted', on);
    cell.classList.toggle('is-dimmed', !on);
  }
  const themeLabels = container.querySelectorAll('.theme-label[data-theme]');
  const playerLabels = container.querySelectorAll('.player-label[data-player]');
  const someThemes = t.size < themeLabels.length;
  const somePlayers = p.size < playerLabels.length;
  for (const l of themeLabels) l.classList.toggle('is-tour-label', someThemes && t.has(l.dataset.theme));
  for (const l of playerLabels) l.classList.toggle('is-tour-label', somePlayers && p.has(l.dataset.player));
}

/** Removes the tour's marks from the diagram under `container`. */
export function clearHighlight(container) {
  for (const cell of container.querySelectorAll('.cell')) cell.classList.remove('is-highlighted', 'is-dimmed');
  for (const l of container.querySelectorAll('.is-tour-label')) l.classList.remove('is-tour-label');
}

/**
 * The words of one step: `{kicker, title, paragraphs}`. The standard
 * framework's steps (the core says which) have their own text
 * (`tour.step.<id>.title|body`); other frameworks — even ones reusing the
 * standard ids under other names — get generic text built from their labels,
 * since the standard text counts six players and four hexagons and names them.
 * @param {TourStep[]} steps
 * @param {number} index
 * @param {TourWords} words
 */
export function stepText(steps, index, { t, has, themeLabel, playerLabel }) {
  const step = steps[index];
  const ofKind = steps.filter((s) => s.kind === step.kind);
  const n = ofKind.indexOf(step) + 1;
  const total = ofKind.length;
  const kicker = step.kind === 'whole' ? t('tour.kicker.whole') : t(`tour.kicker.${step.kind}`, { n, total });
  const own = `tour.step.${step.id}`;
  if (step.standard && has(`${own}.title`) && has(`${own}.body`)) {
    return { kicker, title: t(`${own}.title`), paragraphs: t(`${own}.body`).split('\n\n') };
  }
  // The generic texts speak of rings (another framework's are not always
  // hexagons): so does a theme step's kicker, not to mix both on one slide.
  const genericKicker = step.kind === 'theme' ? t('tour.generic.kicker.theme', { n, total }) : kicker;
  let title;
  let body;
  if (step.kind === 'whole') {
    const players = steps[0].players.length;
    const themes = steps[0].themes.length;
    title = t('tour.generic.whole.title');
    body = t('tour.generic.whole.body', { players, themes });
  } else if (step.kind === 'theme') {
    const label = themeLabel(step.themes[0]);
    title = label;
    body = t('tour.generic.theme.body', { label });
  } else {
    const [a, b] = step.players.map(playerLabel);
    title = b === undefined ? a : t('tour.generic.axis.title', { a, b });
    body = b === undefined ? t('tour.generic.axisOne.body', { a }) : t('tour.generic.axis.body', { a, b });
  }
  return { kicker: genericKicker, title, paragraphs: body.split('\n\n') };
}

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v);
  }
  node.append(...children);
  return node;
}

function isTyping(target) {
  return target instanceof Element && target.closest('input, select, textarea, [contenteditable="true"]') !== null;
}

/** Whether `target` is a control that acts on Enter and Space itself (a button, a link, a tab). */
function actsOnEnter(target) {
  return target instanceof Element && target.closest('button, a[href], summary, [role="button"], [role="tab"]') !== null;
}

/** A tour over `steps`, drawing its text into `panel` and its marks on `diagram`. */
export class Tour {
  /**
   * @param {TourWords & {
   *   panel: HTMLElement, diagram: HTMLElement, steps: TourStep[], onChange?: (index: number) => void
   * }} o `panel`: where the step's text and controls go; `diagram`: the
   *   element holding the diagram's SVG; `steps`: from the core's `tourSteps`;
   *   `onChange`: called with the index after each move
   */
  constructor({ panel, diagram, steps, t, has, themeLabel, playerLabel, onChange }) {
    this.panel = panel;
    this.diagram = diagram;
    this.steps = steps;
    this.t = t;
    this.has = has;
    this.themeLabel = themeLabel;
    this.playerLabel = playerLabel;
    this.onChange = onChange;
    this.index = 0;
  }

  get step() {
    return this.steps[this.index];
  }

  go(i) {
    if (this.steps.length === 0) return;
    this.index = Math.max(0, Math.min(this.steps.length - 1, i));
    this.render();
    this.onChange?.(this.index);
  }

  next() {
    this.go(this.index + 1);
  }

  prev() {
    this.go(this.index - 1);
  }

  /** Marks the diagram for the current step (call again after redrawing the diagram). */
  mark() {
    const s = this.step;
    if (!s) return;
    highlight(this.diagram, s.themes, s.players);
    this.diagram.dataset.tourStep = s.id;
    this.diagram.dataset.tourKind = s.kind;
  }

  /**
   * Draws the current step's text and controls, and marks the diagram.
   * Focus on one of the step's controls stays on it in the new panel: on
   * the same button, or on the current step's dot for a dot. At the first
   * and last steps Previous and Next say they do nothing (`aria-disabled`)
   * but stay focusable, so that a presenter pressing Enter on Next past the
   * end stays on the last step rather than landing on Previous and going
   * back.
   */
  render() {
    const { t } = this;
    const focused = this.panel.contains(document.activeElement) ? document.activeElement : null;
    const had = focused?.classList.contains('tour-dot') ? 'dot' : focused?.classList.contains('tour-prev') ? 'prev' : focused?.classList.contains('tour-next') ? 'next' : null;
    const words = (i) =>
      stepText(this.steps, i, { t, has: this.has, themeLabel: this.themeLabel, playerLabel: this.playerLabel });
    const { kicker, title, paragraphs } = words(this.index);
    const last = this.steps.length - 1;
    const prev = el('button', { type: 'button', class: 'tour-prev', text: `← ${t('tour.prev')}` });
    const next = el('button', { type: 'button', class: 'tour-next', text: `${t('tour.next')} →` });
    prev.setAttribute('aria-disabled', String(this.index === 0));
    next.setAttribute('aria-disabled', String(this.index === last));
    prev.addEventListener('click', () => this.index > 0 && this.prev());
    next.addEventListener('click', () => this.index < last && this.next());
    const dots = el(
      'ol',
      { class: 'tour-dots', 'aria-label': t('tour.progress') },
      this.steps.map((s, i) => {
        const b = el('button', {
          type: 'button',
          class: `tour-dot tour-dot-${s.kind}`,
          'aria-label': t('tour.goTo', { n: i + 1, title: words(i).title }),
        });
        if (i === this.index) b.setAttribute('aria-current', 'step');
        b.addEventListener('click', () => this.go(i));
        return el('li', {}, [b]);
      }),
    );
    const heading = el('h2', { class: 'tour-title', text: title });
    this.panel.replaceChildren(
      el('p', { class: 'tour-kicker', text: kicker }),
      heading,
      el('div', { class: 'tour-body' }, paragraphs.map((p) => el('p', { text: p }))),
      el('div', { class: 'tour-controls' }, [
        prev,
        el('span', { class: 'tour-count', text: t('tour.stepOf', { n: this.index + 1, total: this.steps.length }) }),
        next,
      ]),
      dots,
      el('p', { class: 'tour-keys', text: t('tour.keys') }),
    );
    this.panel.dataset.step = this.step.id;
    this.mark();
    if (had === 'dot') dots.querySelector('[aria-current="step"]')?.focus();
    else if (had) (had === 'next' ? next : prev).focus();
  }

  /** Handles a key press; returns whether the tour used it. */
  handleKey(e) {
    if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return false;
    // A focused button or link acts on Enter and Space itself; anywhere else
    // (the presenter view's slide, which has focus there) they go forward,
    // as a presenter's remote sends them.
    if ((e.key === ' ' || e.key === 'Enter') && actsOnEnter(e.target)) return false;
    const moves = {
      ArrowRight: () => this.next(),
      ArrowDown: () => this.next(),
      PageDown: () => this.next(),
      ' ': () => this.next(),
      Enter: () => this.next(),
      ArrowLeft: () => this.prev(),
      ArrowUp: () => this.prev(),
      PageUp: () => this.prev(),
      Home: () => this.go(0),
      End: () => this.go(this.steps.length - 1),
    };
    const move = moves[e.key];
    if (!move) return false;
    e.preventDefault();
    move();
    return true;
  }
}

/**
 * The presenter view of `element`: full screen through the Fullscreen API
 * when the browser grants it, else a fixed full-window layer; large type in
 * both cases (class `is-presenting`). Resolves to 'fullscreen' or 'window'.
 */
export async function enterPresenter(element) {
  element.classList.add('is-presenting');
  if (document.fullscreenEnabled && element.requestFullscreen) {
    try {
      await element.requestFullscreen({ navigationUI: 'hide' });
      return 'fullscreen';
    } catch {
      // Refused (no user gesture, iframe without permission): use the window.
    }
  }
  element.classList.add('is-presenting-window');
  return 'window';
}

/** Leaves the presenter view. */
export async function exitPresenter(element) {
  if (document.fullscreenElement === element) {
    try {
      await document.exitFullscreen();
    } catch {
      // Already left (Escape pressed at the same time).
    }
  }
  element.classList.remove('is-presenting', 'is-presenting-window');
}

/**
 * In the presenter view, sets the text's size (the custom property
 * `--tour-font-size` on `panel`) to the largest that lets the whole step fit
 * on `stage` without scrolling, between `min` and `max` pixels: short steps
 * get bigger type than long ones. Outside the presenter view it clears it.
 * @param {HTMLElement} stage
 * @param {HTMLElement} panel
 * @param {{ min?: number, max?: number }} [sizes] in CSS pixels (`max`: by default from the window's size)
 */
export function fitPresenterText(stage, panel, { min = 16, max } = {}) {
  if (!isPresenting(stage)) {
    panel.style.removeProperty('--tour-font-size');
    return null;
  }
  // About 22 px at 1280×800 and 32 px at 1920×1080 (the README says so).
  const top = max ?? Math.min(window.innerWidth * 0.017, window.innerHeight * 0.03);
  const fits = (px) => {
    panel.style.setProperty('--tour-font-size', `${px}px`);
    // The panel keeps to its cell of the stage's grid (teach.css) and
    // scrolls what does not fit: the step fits when the panel does not scroll.
    return (
      stage.scrollHeight <= stage.clientHeight + 1 &&
      panel.scrollHeight <= panel.clientHeight + 1 &&
      panel.scrollWidth <= panel.clientWidth + 1
    );
  };
  let lo = min;
  let hi = Math.max(min, top);
  if (fits(hi)) return hi;
  for (let i = 0; i < 8; i++) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  const size = Math.floor(lo * 10) / 10;
  fits(size);
  return size;
}

export function isPresenting(element) {
  return element.classList.contains('is-presenting');
}

/** Keeps the class in step when the browser leaves full screen by itself (Escape, F11). */
export function watchFullscreen(element, onLeave) {
  document.addEventListener('fullscreenchange', () => {
    if (!document.fullscreenElement && element.classList.contains('is-presenting') && !element.classList.contains('is-presenting-window')) {
      element.classList.remove('is-presenting');
      onLeave?.();
    }
  });
}
