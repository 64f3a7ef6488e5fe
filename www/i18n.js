// Translation: every user-visible string of the page comes from a catalogue
// in i18n/ through t(key, params). Static markup names its strings with
// data-i18n* attributes, filled in by translateStatic().
import en from './i18n/en.js';

const catalogues = { en };
let current = en;
let currentLang = 'en';

/** Registers another language's catalogue (keys missing there fall back to English). */
export function addCatalogue(lang, catalogue) {
  catalogues[lang] = catalogue;
}

/** Switches the page's language; returns false for an unknown one. */
export function setLanguage(lang) {
  if (!catalogues[lang]) return false;
  current = catalogues[lang];
  currentLang = lang;
  intlCache.clear();
  document.documentElement.lang = lang;
  // the page redraws its texts (app.js listens)
  document.dispatchEvent(new CustomEvent('wfe-language', { detail: { lang } }));
  return true;
}

export function language() {
  return currentLang;
}

/** The text for `key`, with `{name}` placeholders replaced from `params`. */
export function t(key, params) {
  let text = current[key] ?? en[key];
  if (text === undefined) {
    console.warn(`i18n: missing key ${key}`);
    return key;
  }
  if (params) {
    text = text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
  }
  return text;
}

// Intl objects are costly to make (a fraction of a millisecond each) and the
// page formats many numbers per edit: keep one per language and options.
const intlCache = new Map();
function intl(Kind, options) {
  const key = `${Kind.name}|${currentLang}|${JSON.stringify(options)}`;
  let made = intlCache.get(key);
  if (!made) {
    made = new Kind(currentLang, options);
    intlCache.set(key, made);
  }
  return made;
}

/** A count-dependent text: `key.one` for 1, `key.other` otherwise. */
export function tn(key, count, params = {}) {
  const form = intl(Intl.PluralRules, {}).select(count) === 'one' ? 'one' : 'other';
  return t(`${key}.${form}`, { count: formatNumber(count, 0), ...params });
}

/** A number for people: at most `digits` decimals, in the page's language. */
export function formatNumber(value, digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return t('value.none');
  return intl(Intl.NumberFormat, { maximumFractionDigits: digits }).format(value);
}

/** A count in short, in the page's language ("4.1K", "4,1 k"). */
export function formatCompact(value) {
  return intl(Intl.NumberFormat, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** A share in [0, 1] as a whole percentage. */
export function formatPercent(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return t('value.none');
  return intl(Intl.NumberFormat, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** A change of readiness, in points, that is none: arithmetic's noise. */
const TINY = 1e-7;

/** Whether a readiness difference (a share) is a change at all. */
export function changed(delta) {
  return delta !== null && delta !== undefined && Math.abs(delta * 100) > TINY;
}

/**
 * A readiness difference in percentage points, signed with the minus sign
 * (U+2212: Intl writes a hyphen, which reads as a dash). Whole points from
 * one up; below one, one decimal; below a tenth, "under 0.1 pt down", so
 * that a small change never reads as none ("0 pts").
 */
export function formatPoints(delta) {
  const raw = delta * 100;
  // too small for one decimal, but which way it went is still said (the
  // core's reports say it alike, and round as below: src/analysis/report/comparison.rs, delta_cell)
  if (changed(delta) && Math.abs(raw) < 0.05) return t(raw < 0 ? 'readiness.points.tinyDown' : 'readiness.points.tinyUp');
  const fine = Math.abs(raw) < 0.95;
  const points = fine ? Math.round(raw * 10) / 10 : Math.round(raw);
  const options = fine ? { maximumFractionDigits: 1 } : {};
  const signed = intl(Intl.NumberFormat, { signDisplay: 'exceptZero', ...options }).format(points).replace(/-/g, '\u2212');
  // "+1 pt", "+2 pts", "−0.4 pts" ("−0,4 pt" in French): the count's form, whatever its sign
  return tn('readiness.points', Math.abs(points), { points: signed });
}

const ATTRS = ['aria-label', 'title', 'placeholder', 'aria-description'];

/** Fills `data-i18n` (text) and `data-i18n-<attr>` attributes under `root`. */
export function translateStatic(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(/** @type {HTMLElement} */ (el).dataset.i18n);
  for (const attr of ATTRS) {
    for (const el of root.querySelectorAll(`[data-i18n-${attr}]`)) {
      el.setAttribute(attr, t(el.getAttribute(`data-i18n-${attr}`)));
    }
  }
}
