// Why a view is empty: a filter that cannot match (dates the wrong way round, a country name where the API
// wants ISO3, a type that is no PLOVER type or CAMEO code), else the filters that narrow it, each removable.
import { PLOVER_TYPES, esc } from './format.js';
import { FILTER_KEYS } from './api.js';

const NAMES = { from: 'from', to: 'to', actor: 'actor', source: 'source', target: 'target', country: 'country', type: 'type', acled: 'ACLED type',
  confidence: 'confidence ≥', hedged: 'hedged', historical: 'historical', outlet: 'outlet', q: 'text', cluster: 'cluster' };

/** Filters that cannot select anything, each with the reason. */
export function impossible(f) {
  const out = [];
  if (f.from && f.to && f.from > f.to.padEnd(f.from.length, '9')) out.push(['from', `the "from" date ${f.from} is after the "to" date ${f.to}`]);
  if (f.country && !/^[A-Z]{3}$/.test(f.country)) out.push(['country', `country takes an ISO3 code such as SOM or IRQ, not "${f.country}"`]);
  if (f.type && !PLOVER_TYPES.includes(f.type.toUpperCase()) && !/^\d{2,4}$/.test(f.type)) {
    out.push(['type', `"${f.type}" is neither a PLOVER type (${PLOVER_TYPES.slice(0, 4).join(', ')}…) nor a CAMEO code (19, 190)`]);
  }
  if (f.confidence && !(Number(f.confidence) >= 0 && Number(f.confidence) <= 1)) out.push(['confidence', `confidence is between 0 and 1, not "${f.confidence}"`]);
  return out;
}

/** The HTML of an empty view: what is empty and why, with buttons that drop a filter. */
export function emptyHtml(filters, what) {
  const bad = impossible(filters);
  const active = FILTER_KEYS.filter((k) => filters[k]);
  const drop = (k) => `<button type="button" class="chip" data-drop="${k}" data-testid="drop-${k}">${esc(NAMES[k])}: ${esc(filters[k])} ✕</button>`;
  let why;
  if (bad.length) why = bad.map(([k, text]) => `${esc(text)} ${drop(k)}`).join('<br>');
  else if (active.length) why = `No ${esc(what)} match these filters. Remove one: ${active.map(drop).join(' ')}`;
  else why = `The store holds no ${esc(what)} yet.`;
  return `<div class="empty" role="status" data-testid="empty-reason">${why}</div>`;
}
