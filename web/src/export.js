// Export: the filtered events as a file, in JSON or any format `sitrep export` writes (the server lists them),
// as plain download links that follow the filters.
import { api, exportUrl } from './api.js';
import { state, onFilters } from './state.js';
import { esc } from './format.js';

const LABELS = { json: 'JSON', csv: 'CSV', parquet: 'Parquet', gdelt: 'GDELT', plover: 'PLOVER', acled: 'ACLED' };

export function createExport(box) {
  let formats = ['json', 'csv'];
  const render = () => {
    box.innerHTML = `<span class="muted">export</span> ${formats.map((f) => `<a class="chip" data-testid="export-${esc(f)}" data-format="${esc(f)}" href="${esc(exportUrl(state.filters, f))}" download>${esc(LABELS[f] || f)}</a>`).join(' ')}`;
    box.setAttribute('aria-label', 'export the filtered events');
  };
  render();
  onFilters(render);
  api.formats().then((f) => { if (Array.isArray(f) && f.length) { formats = f; render(); } }).catch(() => {});
}
