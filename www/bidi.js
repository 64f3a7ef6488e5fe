// Keeping a user's text (a model's names) from reordering the page's
// sentences around it: the core's rule (src/bidi.rs), for the sentences the
// page writes itself. A name with right-to-left letters or bidi controls (an
// unclosed U+202E would turn the rest of the line backwards) goes between
// U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE, which also
// ends any embedding or override left open inside; other text stays as it is.

const NEEDS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/**
 * `text` isolated from the text around it, if it could affect it.
 * @param {string} text
 */
export function isolate(text) {
  if (!NEEDS.test(text)) return text;
  let open = 0;
  let out = '\u2068';
  for (const c of text) {
    if (c >= '\u2066' && c <= '\u2068') open += 1;
    else if (c === '\u2069') {
      // a pop with nothing of its own to close would close the isolate around it
      if (open === 0) continue;
      open -= 1;
    }
    out += c;
  }
  return `${out}${'\u2069'.repeat(open)}\u2069`;
}
