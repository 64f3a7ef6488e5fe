// A long list of the Organization pane (Owners' contributors, Systems,
// Contributors) shown a page at a time, with a find box. A large
// organisation's whole list (800 contributors × 4 controls, 700 system
// cards) took a fifth of a second to draw and as many Tab stops to cross;
// a small one is shown whole, as it always was, with neither.
import { h, preservingFocus, replace, uid } from './dom.js';
import { t, tn, formatNumber, language } from './i18n.js';
import { state, announce } from './store.js';
import { LABEL_CHARS } from './org.js';

/** Items a page shows. */
export const PAGE = 50;

/** A name as the find box compares it: any case, any accent. */
export function folded(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase(language());
}

/**
 * @typedef {{ id: string, label: string }} Item
 * @typedef {{
 *   afresh: () => boolean,
 *   show: (id: string | null) => void,
 *   again: () => void,
 *   reveal: (items: Item[], marked: Set<string>) => void,
 *   view: (items: Item[], list: (shown: any[], describedBy: string | null) => Node | Node[] | null, options?: { changed?: Set<string> | null }) => { filter: Node | null, part: HTMLElement },
 * }} Pager
 */

/**
 * The find box, page and finding-led turns of one list. `key` starts the
 * data-keys of its controls (`o` → `o-filter`, `o-page:next`); `words` starts
 * the keys of its sentences (`list.systems` → `list.systems.showing`).
 * @param {string} key
 * @param {string} words
 * @returns {Pager}
 */
export function listPager(key, words) {
  /** What the find box holds, and the first item shown (of those it lets through). */
  let query = '';
  let start = 0;
  /** Whether only the items the what-if on show changed are let through ("Changed only"). */
  let changedOnly = false;
  /** The items the what-if on show changed, as the list was last drawn. */
  let changedIds = /** @type {Set<string>} */ (new Set());
  /**
   * The items "Changed only" listed on the page on show, and the what-if
   * they were listed in: one set back as it was stays listed, so the reader
   * editing it does not see it (and focus) vanish, until they turn a page,
   * the toggle or the find box.
   */
  let held = /** @type {Set<string>} */ (new Set());
  let heldIn = /** @type {string | null} */ (null);
  /** The finding whose item was last brought into view: paging away from it afterwards is the reader's choice. */
  let revealedFor = /** @type {string | null | undefined} */ (null);
  /** An item to bring into view on the next draw. */
  let toReveal = /** @type {string | null} */ (null);
  /** The workspace (document: its baseline and what-ifs) all the above were set in. */
  let setIn = null;

  const matching = (items, q) => {
    const want = folded(q.trim());
    const kept = changedOnly ? items.filter((x) => changedIds.has(x.id) || held.has(x.id)) : items;
    return want ? kept.filter((x) => folded(x.label).includes(want)) : kept;
  };

  return {
    /** Another document starts at its first page, unfiltered: what was set for one does not hold for another. True when it did. */
    afresh() {
      if (state.ws === setIn) return false;
      setIn = state.ws;
      query = '';
      start = 0;
      changedOnly = false;
      held = new Set();
      revealedFor = null;
      toReveal = null;
      return true;
    },
    /** Brings the item `id` into view on the next draw (a finding opened it). */
    show(id) {
      toReveal = id;
    },
    /** Brings the chosen finding's first item into view on the next draw again, wherever the reader paged since. */
    again() {
      revealedFor = undefined;
    },
    /**
     * Moves the page (and clears a filter that hides it) to show the item
     * asked for, or else the first of `items` the chosen finding concerns,
     * once per finding.
     */
    reveal(items, marked) {
      const finding = state.view.finding ?? null;
      if (finding !== revealedFor) {
        revealedFor = finding;
        toReveal ??= items.find((x) => marked.has(x.id))?.id ?? null;
      }
      if (!toReveal) return;
      const id = toReveal;
      toReveal = null;
      if (!matching(items, query).some((x) => x.id === id)) {
        query = '';
        changedOnly = false;
        held = new Set();
      }
      const at = matching(items, query).findIndex((x) => x.id === id);
      if (at >= 0) start = Math.floor(at / PAGE) * PAGE;
    },
    /**
     * The find box (null for a short list) and the part that holds the pager
     * and the page of `items`, drawn by `list` (given the id of the line that
     * says which part is on show, to describe it by). `changed`: the ids of
     * the items the what-if on show changed, as the core's comparison says
     * (null while no changes are marked); a page marks only its own, so the
     * pager counts those on other pages and a toggle beside the find box
     * shows them alone. The part is drawn again
     * on its own as the box is typed into or a page turned, so the box keeps
     * its caret (and an input method its composition) and what lies below
     * stays as it is.
     */
    view(items, list, { changed: marked = null } = {}) {
      const paged = items.length > PAGE;
      const changed = marked ?? new Set();
      changedIds = changed;
      const changes = paged ? items.filter((x) => changed.has(x.id)).length : 0;
      // marks hidden (or the baseline on show): the toggle goes, and with it
      // what it kept back; nothing changed any more, it stays while pressed
      // (the reader is not thrown to the first page of everything)
      if (!marked || !paged) changedOnly = false;
      const whatIf = state.result?.session.active?.id ?? null;
      if (!changedOnly || whatIf !== heldIn) held = new Set();
      heldIn = whatIf;
      const part = h('div');
      // an id of the page's own: `key` may hold a model's id, spaces and all
      const shownId = uid('shown');
      const n = (x) => formatNumber(x, 0);
      const draw = (say = false) => {
        const all = paged ? matching(items, query) : items;
        start = Math.max(0, Math.min(start, Math.floor((all.length - 1) / PAGE) * PAGE));
        const shown = all.slice(start, start + PAGE);
        const which = changedOnly ? 'Changed' : '';
        const said = !shown.length ? `${words}.no${which}Match` : query.trim() ? `${words}.showing${which}Matching` : `${words}.showing${which}`;
        const params = { from: n(start + 1), to: n(start + shown.length), count: n(all.length), query: query.trim() };
        // the changed alone may be one ("of 1 changed system"); the whole list is more than a page
        const status = changedOnly && shown.length ? tn(said, all.length, params) : t(said, params);
        const onShow = new Set(shown.map((x) => x.id));
        if (changedOnly) held = onShow;
        const elsewhere = changedOnly ? 0 : all.filter((x) => changed.has(x.id) && !onShow.has(x.id)).length;
        // listed by "Changed only" but set back as they were since: said, not hidden
        const unchanged = changedOnly ? all.filter((x) => !changed.has(x.id)).length : 0;
        const turn = (by) => () => {
          start += by;
          held = new Set();
          draw(true);
          // the button pressed goes out of use at the first or last page (and
          // focus to the body): the other one takes it
          if (document.activeElement === document.body) /** @type {HTMLElement | null} */ (part.querySelector('.pager-turns :enabled'))?.focus();
        };
        // the next page may hold fewer than a page: it says how many
        const next = Math.min(PAGE, all.length - start - PAGE);
        preservingFocus(part, () => replace(part,
          paged && h('div', { class: 'pager' },
            h('p', { id: shownId, class: 'pager-shown', text: status }),
            elsewhere > 0 && h('p', { class: 'pager-changed', text: tn(`${words}.changedElsewhere`, elsewhere) }),
            unchanged > 0 && h('p', { class: 'pager-changed', text: tn('pager.noLongerChanged', unchanged) }),
            all.length > PAGE && h('div', { class: 'pager-turns', role: 'group', 'aria-label': t(`${words}.pages`) },
              h('button', { type: 'button', class: 'small', dataset: { key: `${key}-page:previous` }, disabled: start === 0, on: { click: turn(-PAGE) } },
                t('pager.previous', { count: n(PAGE) })),
              h('button', { type: 'button', class: 'small', dataset: { key: `${key}-page:next` }, disabled: next <= 0, on: { click: turn(PAGE) } },
                tn('pager.next', next > 0 ? next : PAGE)))),
          shown.length ? list(shown, paged ? shownId : null) : null));
        if (say) announce(status);
      };
      draw();
      if (!paged) return { filter: null, part };
      const box = h('input', {
        type: 'search', id: uid('find'), value: query, maxlength: LABEL_CHARS, dataset: { key: `${key}-filter` }, autocomplete: 'off',
        on: {
          input: (ev) => {
            query = ev.target.value;
            start = 0;
            held = new Set();
            draw(true);
          },
        },
      });
      const toggle = (changes > 0 || changedOnly) && h('button', {
        type: 'button', class: 'pager-toggle', 'aria-pressed': String(changedOnly), dataset: { key: `${key}-changed` },
        on: {
          click: (ev) => {
            const button = /** @type {HTMLElement} */ (ev.currentTarget);
            changedOnly = !changedOnly;
            button.setAttribute('aria-pressed', String(changedOnly));
            start = 0;
            held = new Set();
            draw(true);
            // released with nothing changed any more: it goes, and focus to the find box beside it
            if (!changedOnly && !items.some((x) => changedIds.has(x.id))) {
              box.focus();
              button.remove();
            }
          },
        },
      }, t(`${words}.changedOnly`));
      const filter = h('div', { class: 'pager-filter' },
        h('div', { class: 'field' }, h('label', { for: box.id, text: t(`${words}.filter`) }), box),
        toggle);
      return { filter, part };
    },
  };
}
