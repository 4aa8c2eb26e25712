// The workbench: one page, five views over the same filters. A filter change reloads every view;
// `document.body.dataset.ready` / `.generation` and `window.sitrep` tell scripts and tests when the
// page has settled and what it shows.
import './style.css';
import { api } from './api.js';
import { state, onFilters, setFilters } from './state.js';
import { mountFilters, suggest } from './filters.js';
import { createTimeline } from './timeline.js';
import { createNetwork } from './network.js';
import { createMap } from './map.js';
import { createTable } from './table.js';
import { createEvidence } from './evidence.js';
import { esc } from './format.js';

const $ = (id) => document.getElementById(id);
const status = $('status');
window.sitrep = { state, generation: 0, errors: [] };

const form = $('filters');
mountFilters(form);
const timeline = createTimeline($('timeline'), $('timeline-legend'), $('timeline-sub'));
const network = createNetwork($('network'), $('network-legend'));
const map = createMap($('map'), $('map-reset'));
const table = createTable($('table'), $('pager'), $('table-sub'), {
  onOpen: (row) => evidence.open(row),
  onCluster: (id) => setFilters({ cluster: id }),
});
const evidence = createEvidence($('evidence'), { rowOf: table.rowOf, clusterOf: table.clusterOf });
Object.assign(window.sitrep, { cy: network.cy, evidence: null, open: (docId, eventId) => evidence.open({ doc_id: docId, event_id: eventId }) });

let generation = 0;
async function refresh() {
  const mine = ++generation;
  window.sitrep.started = mine;
  document.body.dataset.ready = 'false';
  const views = { timeline, network, map, table };
  const results = await Promise.allSettled(Object.values(views).map((v) => v.update(state.filters)));
  if (mine !== generation) return;
  const failed = results.map((r, i) => [Object.keys(views)[i], r]).filter(([, r]) => r.status === 'rejected');
  window.sitrep.errors = failed.map(([name, r]) => `${name}: ${r.reason && r.reason.message}`);
  status.innerHTML = failed.length
    ? `<span class="error" data-testid="status-error">${esc(window.sitrep.errors.join('; '))}</span>`
    : status.innerHTML;
  window.sitrep.generation = mine;
  document.body.dataset.generation = String(mine);
  document.body.dataset.ready = 'true';
}

async function loadStatus() {
  try {
    const h = await api.health();
    status.innerHTML = `<span title="documents and events in the store">${esc(h.documents)} documents · ${esc(h.events)} events</span>`;
  } catch (e) {
    status.innerHTML = `<span class="error" data-testid="status-error">API unreachable: ${esc(e.message)}</span>`;
  }
}

onFilters(refresh);
loadStatus();
refresh();
if (state.open) {
  const cut = state.open.lastIndexOf('/');
  evidence.open({ doc_id: cut < 0 ? state.open : state.open.slice(0, cut), event_id: cut < 0 ? null : state.open.slice(cut + 1) || null });
}
api.events({}, 0, 500).then((res) => suggest(form, (res && res.items) || [])).catch(() => {});

let resizeTimer = null;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => { timeline.redraw(); network.redraw(); map.redraw(); }, 150);
});
