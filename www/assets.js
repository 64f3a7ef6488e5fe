// What every page starts from besides its own code: the shipped sample
// organization and the diagram's stylesheet.
//
// The sample is served beside the page as models/sample.json instead of
// being compiled into the Wasm module, so a visit that opens saved work or an
// embedded model never downloads it. The stylesheet is the other way round:
// the core carries it anyway (standalone SVG embeds it, the element adopts it),
// so the classroom adopts that copy instead of downloading diagram.css again.
// (The editor links diagram.css: its first paint, first-paint.js, draws
// before the core has started.)
const SAMPLE = new URL('./models/sample.json', import.meta.url);

/** The sample's JSON text; throws an Error naming the file when it cannot be read. */
export async function sampleText() {
  let res;
  try {
    res = await fetch(SAMPLE);
  } catch {
    throw new Error(`could not load the sample organization from ${SAMPLE.href}`);
  }
  if (!res.ok) throw new Error(`could not load the sample organization from ${SAMPLE.href}: HTTP ${res.status}`);
  return res.text();
}

/**
 * Adds a stylesheet given as text after the document's own (so page rules of
 * equal specificity that must win need one more class). Constructed
 * stylesheets are allowed by `style-src 'self'`, inline `<style>` is not.
 */
export function adoptStylesheet(css) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
