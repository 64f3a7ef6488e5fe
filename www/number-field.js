// Number fields that read what a person types in the page's language.
// A browser's `type="number"` field reads only its own locale's decimal mark:
// Chromium turns a French "1,5" into 15 without a word. These fields are text
// fields with a numeric keyboard; the page reads them itself, takes a decimal
// comma or point, and refuses anything else at the field, in its own words.
import { h } from './dom.js';
import { language } from './i18n.js';

/** Digits, with one decimal comma or point (written "1,5", "1.5", ",5" or "2."). */
const DECIMAL = /^-?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;
/** Digits, with spaces between groups of thousands as French writes them ("4 200"). */
const WHOLE = /^\d{1,3}(?:[ \u00a0\u202f]\d{3})*$|^\d+$/;

/**
 * A text field for a number, with a numeric keyboard on phones.
 * @param {'decimal' | 'numeric'} mode
 * @param {Record<string, any>} props any other property of `h`
 */
export function numberInput(mode, props) {
  return /** @type {HTMLInputElement} */ (h('input', { type: 'text', inputmode: mode, autocomplete: 'off', spellcheck: 'false', maxlength: 30, ...props }));
}

/** The number written in `text` with a decimal comma or point; NaN if it is not one; undefined if blank. */
export function readDecimal(text) {
  const s = text.trim();
  if (s === '') return undefined;
  return DECIMAL.test(s) ? Number(s.replace(',', '.')) : NaN;
}

/** The whole number of zero or more written in `text`; NaN if it is not one; undefined if blank. */
export function readWhole(text) {
  const s = text.trim();
  if (s === '') return undefined;
  return WHOLE.test(s) ? Number(s.replace(/\D/g, '')) : NaN;
}

/** `value` as a person of the page's language writes it: "1,5" in French, all its decimals, no grouping. */
export function showDecimal(value) {
  if (format?.resolvedOptions().locale !== language()) format = new Intl.NumberFormat(language(), { maximumFractionDigits: 6, useGrouping: false });
  return format.format(value);
}
/** @type {Intl.NumberFormat | undefined} made once per language: a field is written on each edit */
let format;
