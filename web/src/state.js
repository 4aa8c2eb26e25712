// The one piece of shared state: the filters and the view (table sort and page, the actor page, the open event,
// whether the timeline shows far outliers), mirrored in the URL hash both ways. A change the user makes is a
// history entry, so Back and Forward step through the analysis; editing the URL or going Back updates the views.
import { FILTER_KEYS } from './api.js';

const VIEW_KEYS = ['sort', 'page', 'who', 'span', 'open'];
const filterListeners = new Set();
const viewListeners = new Set();

function read() {
  const p = new URLSearchParams(location.hash.replace(/^#/, ''));
  const filters = {};
  for (const k of FILTER_KEYS) if (p.get(k)) filters[k] = p.get(k);
  const view = {};
  for (const k of VIEW_KEYS) if (p.get(k)) view[k] = p.get(k);
  return { filters, view };
}

const initial = read();
/** filters: the API's filter parameters; view: sort, page, who (actor page), span ("all": show outliers), open ("docId/eventId"). */
export const state = { filters: initial.filters, view: initial.view, get open() { return state.view.open || null; } };

function hash() {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (state.filters[k]) p.set(k, state.filters[k]);
  for (const k of VIEW_KEYS) if (state.view[k]) p.set(k, state.view[k]);
  const h = p.toString();
  return h ? `#${h}` : location.pathname + location.search;
}

function write(push) {
  const h = hash();
  if (h === (location.hash || location.pathname + location.search)) return;
  if (push) history.pushState(null, '', h);
  else history.replaceState(null, '', h);
}

function clean(base, patch) {
  const next = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v == null || String(v).trim() === '') delete next[k];
    else next[k] = String(v).trim();
  }
  return next;
}

/** Merges a patch into the filters (empty values remove a filter), goes back to the table's first page and tells every view. */
export function setFilters(patch, replace = false) {
  const next = clean(replace ? {} : state.filters, patch);
  if (JSON.stringify(next) === JSON.stringify(state.filters)) return;
  state.filters = next;
  const { page, ...view } = state.view;
  state.view = view;
  write(true);
  for (const fn of filterListeners) fn(state.filters);
}

/** Changes the view (sort, page, actor page, span); a history entry unless {@code push} is false. */
export function setView(patch, push = true) {
  const next = clean(state.view, patch);
  if (JSON.stringify(next) === JSON.stringify(state.view)) return;
  const changed = Object.keys({ ...next, ...state.view }).filter((k) => next[k] !== state.view[k]);
  state.view = next;
  write(push);
  for (const fn of viewListeners) fn(state.view, changed);
}

/** Records which event the evidence view shows (or null): replaces the entry, so closing it is not a step back. */
export function setOpen(docId, eventId) {
  setView({ open: docId ? `${docId}/${eventId || ''}` : null }, false);
}

export const onFilters = (fn) => filterListeners.add(fn);
export const onView = (fn) => viewListeners.add(fn);

// Back, Forward or an edited URL: read the hash and tell whoever's part changed
window.addEventListener('popstate', fromUrl);
window.addEventListener('hashchange', fromUrl);
function fromUrl() {
  const { filters, view } = read();
  const filtersChanged = JSON.stringify(filters) !== JSON.stringify(state.filters);
  const changed = Object.keys({ ...view, ...state.view }).filter((k) => view[k] !== state.view[k]);
  state.filters = filters;
  state.view = view;
  if (filtersChanged) for (const fn of filterListeners) fn(state.filters);
  if (changed.length) for (const fn of viewListeners) fn(state.view, changed);
}
