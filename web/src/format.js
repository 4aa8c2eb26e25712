// Shared vocabulary of the views: quad classes, the Goldstein colour scale, CAMEO root names, small
// HTML helpers. Everything here tolerates missing fields (null, undefined): the API grows over time.
import { scaleLinear, interpolateRgb } from 'd3';

export const QUADS = [
  // blues for cooperation, orange and red for conflict: told apart with any colour vision, each at least 3:1 on white
  { id: 1, name: 'Verbal cooperation', color: '#4f86c6' },
  { id: 2, name: 'Material cooperation', color: '#1f4e8c' },
  { id: 3, name: 'Verbal conflict', color: '#c46a00' },
  { id: 4, name: 'Material conflict', color: '#a3271d' },
];
export const quadColor = (q) => (QUADS.find((d) => d.id === Number(q)) || { color: '#999' }).color;
export const quadName = (q) => (QUADS.find((d) => d.id === Number(q)) || { name: 'unknown' }).name;

// Goldstein (-10 … +10): orange for conflict, grey for neutral, blue for cooperation (no red–green pair, so it
// reads with colour-blind eyes; every step at least 3:1 on white).
export const goldsteinColor = scaleLinear()
  .domain([-10, 0, 10])
  .range(['#b35806', '#8a8a8a', '#2166ac'])
  .interpolate(interpolateRgb)
  .clamp(true);

export const PLOVER_TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];

// The twenty CAMEO top-level categories (the first two digits of a code).
const CAMEO_ROOTS = {
  '01': 'Make public statement', '02': 'Appeal', '03': 'Express intent to cooperate', '04': 'Consult',
  '05': 'Engage in diplomatic cooperation', '06': 'Engage in material cooperation', '07': 'Provide aid',
  '08': 'Yield', '09': 'Investigate', '10': 'Demand', '11': 'Disapprove', '12': 'Reject', '13': 'Threaten',
  '14': 'Protest', '15': 'Exhibit force posture', '16': 'Reduce relations', '17': 'Coerce', '18': 'Assault',
  '19': 'Fight', '20': 'Use unconventional mass violence',
};
export const cameoRootName = (code) => (code ? CAMEO_ROOTS[String(code).slice(0, 2)] || '' : '');

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s) => (s == null ? '' : String(s).replace(/[&<>"']/g, (c) => ESC[c]));

export const num = (v, digits = 1) => (v == null || Number.isNaN(Number(v)) ? '–' : Number(v).toFixed(digits));
export const has = (v) => v != null && v !== '';

/** A compact "CODE text" label for one side of an event row. */
export function sideLabel(code, text) {
  if (!has(code) && !has(text)) return '<span class="muted">–</span>';
  return `${has(code) ? `<span class="code">${esc(code)}</span>` : ''} ${has(text) ? `<span class="side-text">${esc(text)}</span>` : ''}`;
}

/** The flags of an event (row or record event): hedged, negated, historical, non-actual modality, attribution. */
export function flags(e) {
  const out = [];
  if (e.hedged === true) out.push(['hedged', 'hedged']);
  if (has(e.polarity) && e.polarity !== 'asserted') out.push([e.polarity, 'negated']);
  if (e.historical === true) out.push(['historical', 'historical']);
  if (has(e.modality) && e.modality !== 'actual') out.push([e.modality, 'modality']);
  return out.map(([label, kind]) => `<span class="flag flag-${kind}" data-flag="${esc(kind)}">${esc(label)}</span>`).join('');
}

/** Coalesces null/undefined to a value. */
export const or = (v, fallback) => (v == null ? fallback : v);
