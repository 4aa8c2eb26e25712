// The sitrep JSON API. Every list endpoint takes the same filter parameters.
export const FILTER_KEYS = ['from', 'to', 'actor', 'country', 'type', 'q', 'cluster'];

let pending = 0;
function track(promise) {
  pending += 1;
  document.body.dataset.pending = String(pending);
  return promise.finally(() => {
    pending -= 1;
    document.body.dataset.pending = String(pending);
  });
}

export function queryString(filters, extra = {}) {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = filters && filters[k];
    if (v != null && String(v).trim() !== '') p.set(k, String(v).trim());
  }
  for (const [k, v] of Object.entries(extra)) if (v != null) p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function getJSON(path, filters, extra) {
  return track((async () => {
    const res = await fetch(`api/${path}${queryString(filters, extra)}`, { headers: { Accept: 'application/json' } });
    let body = null;
    try { body = await res.json(); } catch { /* not JSON */ }
    if (!res.ok) throw new ApiError(res.status, (body && body.error) || `${res.status} ${res.statusText}`);
    return body;
  })());
}

export const api = {
  events: (f, page, size) => getJSON('events', f, { page, size }),
  actors: (f) => getJSON('actors', f, { limit: 300 }),
  places: (f) => getJSON('places', f),
  timeseries: (f) => getJSON('timeseries', f),
  clusters: (f, page = 0, size = 500) => getJSON('clusters', f, { page, size }),
  health: () => getJSON('health'),
  document: (id) => getJSON(`documents/${encodeURIComponent(id)}`),
};
