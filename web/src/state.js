// The one piece of shared state: the filters (mirrored in the URL hash, so a view can be bookmarked
// and reloaded) and the open event. Views subscribe; nobody else writes.
import { FILTER_KEYS } from './api.js';

const listeners = new Set();
const initial = new URLSearchParams(location.hash.replace(/^#/, ''));
/** filters: the API's filter parameters; open: "docId/eventId" of the event in the evidence view. */
export const state = { filters: readFilters(initial), open: initial.get('open') || null };

function readFilters(p) {
  const f = {};
  for (const k of FILTER_KEYS) if (p.get(k)) f[k] = p.get(k);
  return f;
}

function writeHash() {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (state.filters[k]) p.set(k, state.filters[k]);
  if (state.open) p.set('open', state.open);
  const h = p.toString();
  history.replaceState(null, '', h ? `#${h}` : location.pathname + location.search);
}

/** Merges a patch into the filters (empty values remove a filter) and tells every view. */
export function setFilters(patch, replace = false) {
  const next = replace ? {} : { ...state.filters };
  for (const [k, v] of Object.entries(patch)) {
    if (v == null || String(v).trim() === '') delete next[k];
    else next[k] = String(v).trim();
  }
  if (JSON.stringify(next) === JSON.stringify(state.filters)) return;
  state.filters = next;
  writeHash();
  for (const fn of listeners) fn(state.filters);
}

/** Records which event the evidence view shows (or null), for links and reloads. */
export function setOpen(docId, eventId) {
  state.open = docId ? `${docId}/${eventId || ''}` : null;
  writeHash();
}

export function onFilters(fn) {
  listeners.add(fn);
}
