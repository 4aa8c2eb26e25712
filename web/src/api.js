// The sitrep JSON API. Every list endpoint takes the same filter parameters.
export const FILTER_KEYS = ['from', 'to', 'actor', 'source', 'target', 'country', 'type', 'acled', 'confidence', 'hedged', 'historical',
  'outlet', 'q', 'cluster'];

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

let scope = null;
/**
 * Calls {@code start} with the requests it makes (synchronously, before its first await) tied to {@code signal}: a
 * refresh of the views aborts the one before it, whose answers would only be drawn over.
 */
export function scoped(signal, start) {
  const outer = scope;
  scope = signal;
  try {
    return start();
  } finally {
    scope = outer;
  }
}

/** True for the error of a request aborted because a newer one took its place. */
export const aborted = (e) => e && e.name === 'AbortError';

export async function getJSON(path, filters, extra) {
  const signal = scope;
  return track((async () => {
    let res;
    try {
      res = await fetch(`api/${path}${queryString(filters, extra)}`, { headers: { Accept: 'application/json' }, signal });
    } catch (e) {
      if (aborted(e)) throw e;
      throw new ApiError(0, `the server does not answer (${e.message})`);
    }
    let body = null;
    try { body = await res.json(); } catch { /* not JSON */ }
    if (!res.ok) throw new ApiError(res.status, (body && body.error) || `${res.status} ${res.statusText}`);
    return body;
  })());
}

/** The URL of the filtered events as a file in one of the export formats. */
export const exportUrl = (filters, format) => `api/export${queryString(filters, { format })}`;

export const api = {
  events: (f, page, size, sort) => getJSON('events', f, { page, size, sort }),
  summary: (f) => getJSON('summary', f),
  types: (f) => getJSON('types', f),
  network: (f, level, limit) => getJSON('network', f, { level, limit }),
  actor: (code, f) => getJSON(`actor/${encodeURIComponent(code)}`, f),
  places: (f, grid) => getJSON('places', f, { grid }),
  timeseries: (f) => getJSON('timeseries', f),
  clusters: (f, page = 0, size = 500) => getJSON('clusters', f, { page, size }),
  formats: () => getJSON('export/formats'),
  health: () => getJSON('health'),
  document: (id) => getJSON(`documents/${encodeURIComponent(id)}`),
};
