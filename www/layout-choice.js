// The drawing's layout for the room it has: the editor's diagram (diagram.js)
// and its first drawing (first-diagram.js) choose alike, so the first drawing
// is the one the page goes on updating. element.js keeps its own copy of the
// rule, as embedders copy it alone.

/**
 * Below this width (CSS px) the drawing takes the core's narrow layout:
 * beside a wide drawing its labels would fall under 12 px.
 */
export const NARROW_BELOW = 700;

/**
 * @param {number} width the room's width in CSS px
 * @returns {'narrow' | 'wide'}
 */
export function layoutFor(width) {
  return width < NARROW_BELOW ? 'narrow' : 'wide';
}
