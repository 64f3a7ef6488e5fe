// wiki.js: draws the diagram in place of every ```workforce-ecosystem block
// of a page made from Markdown, as Mermaid does for its blocks.
//
//   <script type="module" src="/wfe/wiki.js"></script>
//
// Markdown renderers turn a fenced block into
// <pre><code class="language-workforce-ecosystem">…</code></pre>; each one
// becomes a <figure class="wfe-wiki"> holding a <workforce-ecosystem>
// element (element.js, beside this file, with pkg/) that reads the block's
// text — the text syntax of docs/text-syntax.md, or JSON — and, below it, a
// <details> with the block itself, so the source can still be read and
// copied. Nothing is fetched but the element's own files; nothing runs from
// the block (its text is read as text, never as markup, and stays text when the
// page's HTML is serialised and parsed again), so it works under
// `script-src 'self'` and offline. Blocks added later are drawn by calling
// `drawBlocks()` again.
import './element.js';

/** What the blocks are marked with, by renderers that write `lang-…` too. */
const SELECTOR = 'pre > code.language-workforce-ecosystem, pre > code.lang-workforce-ecosystem';

/**
 * Replaces each block under `root` not yet drawn with its diagram; returns
 * the elements made, in document order.
 * @param {ParentNode} [root]
 * @returns {HTMLElement[]}
 */
export function drawBlocks(root = document) {
  const made = [];
  for (const code of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll(SELECTOR))) {
    const pre = /** @type {HTMLElement} */ (code.parentElement);
    if (pre.closest('figure.wfe-wiki')) continue; // already drawn: kept as the source
    const figure = document.createElement('figure');
    figure.className = 'wfe-wiki';
    const diagram = document.createElement('workforce-ecosystem');
    diagram.setAttribute('overlay', pre.dataset.overlay ?? code.dataset.overlay ?? 'current');
    // The block's text as the element's own text (it reads that as the text
    // syntax, or JSON). A text node, not a text/plain <script>: a script's
    // text is written out raw when the page's HTML is serialised (a wiki's
    // preview or save), so a label holding `</script><img …>` would become
    // markup when parsed again; a text node's `<` and `&` are escaped.
    diagram.append(code.textContent ?? '');
    const details = document.createElement('details');
    details.className = 'wfe-wiki-source';
    const summary = document.createElement('summary');
    summary.textContent = 'Source';
    pre.replaceWith(figure);
    details.append(summary, pre);
    figure.append(diagram, details);
    made.push(diagram);
  }
  return made;
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => drawBlocks(), { once: true });
else drawBlocks();
