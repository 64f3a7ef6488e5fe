// Waiting for the browser to paint: the editor's and the element's pictures
// ahead of time (first-paint.js, element.js) and the editor's first drawing
// (first-diagram.js) hold work back until what they show is on screen.

/**
 * Resolves once the browser has painted what is on the page (after the next
 * animation frame), or after a moment in a hidden tab, which paints nothing.
 * @returns {Promise<void>}
 */
export function afterPaint() {
  return new Promise((ok) => {
    const timer = setTimeout(ok, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        ok();
      }, 0),
    );
  });
}
