// Whether this visit to the editor opens with the shipped sample, told before
// anything is loaded: the first paint (first-paint.js) and the first drawing
// (first-diagram.js) draw the sample early only then, so they never show it
// over a link's model or saved work.
import { mayHoldWork, startingLanguage } from './stored-keys.js';

/** Whether the address carries a model (a share link). */
export function hasLink() {
  const params = new URLSearchParams(location.hash.slice(1));
  return params.has('m') || params.has('json');
}

/**
 * Whether the visit opens with the sample: no link, no trace of documents or
 * unsaved work in this browser.
 */
export function opensWithSample() {
  return !hasLink() && !mayHoldWork();
}

/** Whether the page starts in English, the language the early drawings speak. */
export function startsInEnglish() {
  return startingLanguage() === 'en';
}
