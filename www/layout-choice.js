// The drawing's layout for the room it has: the editor's diagram (diagram.js)
// and its first drawing (first-diagram.js) choose alike, so the first drawing
// is the one the page goes on updating. The core chooses (Workspace
// fittingLayout): of wide and square, the one drawn largest with its text at
// 12 CSS px or more, else the one whose text is largest in the room (narrow
// where the room grows with the drawing). element.js asks the core the same way.

/**
 * Before the core has a model: below this width (CSS px) the drawing takes
 * the narrow layout, beside a wide drawing its labels would fall under 12 px.
 */
export const NARROW_BELOW = 700;

/**
 * @param {{ fittingLayout(width: number, height: number, options?: object): string } | null | undefined} ws
 *   the workspace of the model drawn, if there is one yet
 * @param {number} width the room's width in CSS px
 * @param {number} height the room's height in CSS px (0: as tall as the drawing needs)
 * @param {object} [options] the render options the drawing is made with
 * @returns {'wide' | 'square' | 'narrow'}
 */
export function layoutFor(ws, width, height, options) {
  if (ws && width > 0) {
    try {
      return /** @type {'wide' | 'square' | 'narrow'} */ (ws.fittingLayout(width, height, options));
    } catch {
      // options the core refuses (an unknown unit) are reported where it draws
    }
  }
  return width < NARROW_BELOW ? 'narrow' : 'wide';
}

/**
 * The room a drawing has in `box` (its content box): width, and the height
 * left once the box's other children (a hint under the drawing) are placed;
 * a height of 0 when the box grows with its drawing (its CSS sets `--room:
 * flow`), so that the choice hangs on the width alone and never flips back
 * and forth as the box takes the height of what it was given.
 * @param {HTMLElement} box
 * @param {Element | null} drawing the element the drawing fills
 */
export function roomIn(box, drawing) {
  const style = getComputedStyle(box);
  if (style.getPropertyValue('--room').trim() === 'flow') {
    return { width: box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight), height: 0 };
  }
  const padX = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
  const padY = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
  let others = 0;
  for (const child of box.children) {
    if (child !== drawing && child instanceof HTMLElement && !child.hidden && child.offsetParent !== null) {
      if (getComputedStyle(child).position !== 'absolute') others += child.offsetHeight;
    }
  }
  return { width: box.clientWidth - padX, height: Math.max(0, box.clientHeight - padY - others) };
}

/**
 * The core's choice (Workspace fittingLayout, src/render/fit.rs `Fit::choose`)
 * made from the numbers it hands out (Workspace fit), for the first paint,
 * which chooses before any core is running. The same rule as the core's,
 * written out again for that one use; page-first-paint.test.mjs holds the two
 * to the same answers.
 * @param {import('./pkg/workforce_ecosystem.js').Fit} fit
 * @param {number} width
 * @param {number} height 0: as tall as it needs
 * @returns {'wide' | 'square' | 'narrow'}
 */
export function layoutFromFit(fit, width, height) {
  /** @param {import('./pkg/workforce_ecosystem.js').FitSize} size */
  const scaleOf = (size) => {
    const across = width / size.width;
    return height > 0 ? Math.min(across, height / size.height) : across;
  };
  /** @param {import('./pkg/workforce_ecosystem.js').FitSize} size */
  const readable = (size) => (scaleOf(size) >= size.minScale ? scaleOf(size) : null);
  const wide = readable(fit.wide);
  const square = readable(fit.square);
  if (wide !== null && square !== null && square > wide * 1.05) return 'square';
  if (wide !== null) return 'wide';
  if (square !== null) return 'square';
  // none reads at 12 px: the largest text, narrow first among equals
  /** @param {import('./pkg/workforce_ecosystem.js').FitSize} size */
  const share = (size) => scaleOf(size) / size.minScale;
  /** @type {'wide' | 'square' | 'narrow'} */
  let best = 'narrow';
  for (const kind of /** @type {const} */ (['wide', 'square'])) if (share(fit[kind]) > share(fit[best])) best = kind;
  return best;
}
