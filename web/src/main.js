// The workbench: one page, several views over the same filters. A filter change reloads every view; each view's
// panel is dimmed while it loads, says why when it is empty and shows its error until the API answers again.
// `document.body.dataset.ready` / `.generation` and `window.sitrep` tell scripts and tests when the page has
// settled and what it shows.
import './style.css';
import { api, scoped, aborted } from './api.js';
import { state, onFilters, onView, setFilters, setView } from './state.js';
import { mountFilters, suggest } from './filters.js';
import { createTimeline } from './timeline.js';
import { createTypes } from './types.js';
import { createNetwork } from './network.js';
import { createMap } from './map.js';
import { createTable } from './table.js';
import { createEvidence } from './evidence.js';
import { createActorPage } from './actor.js';
import { createExport } from './export.js';
import { esc } from './format.js';
import { hideTip } from './tooltip.js';

const $ = (id) => document.getElementById(id);
const status = $('status');
window.sitrep = { state, generation: 0, errors: [], timings: [] };

const form = $('filters');
mountFilters(form);
const timeline = createTimeline($('timeline'), $('timeline-legend'), $('timeline-sub'));
const types = createTypes($('types'), $('types-sub'));
const network = createNetwork($('network'), $('network-legend'), $('network-sub'));
const map = createMap($('map'), $('map-reset'), $('map-sub'), $('map-legend'));
const table = createTable($('table'), $('pager'), $('table-sub'), {
  onOpen: (row, opener) => evidence.open(row, opener),
  onCluster: (id) => setFilters({ cluster: id }),
});
const evidence = createEvidence($('evidence'), { rowOf: table.rowOf, clusterOf: table.clusterOf });
const actorPage = createActorPage($('actor-page'));
createExport($('export'));
Object.assign(window.sitrep, { cy: network.cy, evidence: null, setFilters, setView, open: (docId, eventId) => evidence.open({ doc_id: docId, event_id: eventId }) });

const views = { timeline, types, network, map, table };

/** Runs one view's update inside its panel: dimmed while loading, its error shown in the panel until the next answer. */
const tickets = new WeakMap(); // panel → its latest load: an older one, aborted, leaves the panel to it
async function load(name, view, panel, run) {
  const ticket = (tickets.get(panel) || 0) + 1;
  tickets.set(panel, ticket);
  panel.classList.add('loading');
  panel.setAttribute('aria-busy', 'true');
  panel.dataset.state = 'loading';
  const start = performance.now();
  try {
    await run();
    panel.querySelector(':scope > .panel-error')?.remove();
    panel.dataset.state = 'ready';
  } catch (e) {
    if (aborted(e) || tickets.get(panel) !== ticket) throw e;
    let box = panel.querySelector(':scope > .panel-error');
    if (!box) {
      box = document.createElement('div');
      box.className = 'panel-error';
      box.setAttribute('role', 'alert');
      box.dataset.testid = 'panel-error';
      panel.appendChild(box);
    }
    box.innerHTML = `${esc(name)} could not load: ${esc(e.message)} <button type="button" class="chip" data-retry>retry</button>`;
    panel.dataset.state = 'error';
    throw e;
  } finally {
    if (tickets.get(panel) === ticket) {
      performance.measure(`view:${name}`, { start, end: performance.now() });
      panel.classList.remove('loading');
      panel.removeAttribute('aria-busy');
    }
  }
}

let generation = 0;
let inFlight = null; // the requests of the last refresh, aborted by the next (quick filter changes, Back twice)
async function refresh() {
  const mine = ++generation;
  const t0 = performance.now();
  window.sitrep.started = mine;
  document.body.dataset.ready = 'false';
  hideTip();
  inFlight?.abort();
  inFlight = new AbortController();
  const jobs = scoped(inFlight.signal, () => {
    const all = Object.entries(views).map(([name, v]) => load(name, v, $(`${name}-panel`), () => v.update(state.filters)));
    all.push(loadStatus());
    if (state.view.who) all.push(load('actor page', actorPage, $('actor-page'), () => actorPage.update(state.view.who, state.filters)));
    return all;
  });
  const results = await Promise.allSettled(jobs);
  if (mine !== generation) return;
  const names = [...Object.keys(views), 'status', 'actor page'];
  window.sitrep.errors = results.map((r, i) => [names[i], r]).filter(([, r]) => r.status === 'rejected').map(([n, r]) => `${n}: ${r.reason && r.reason.message}`);
  window.sitrep.timings.push(Math.round(performance.now() - t0));
  window.sitrep.generation = mine;
  document.body.dataset.generation = String(mine);
  document.body.dataset.ready = 'true';
}

/** The header's store counts, asked on every refresh, so an "unreachable" message clears once the API answers. */
async function loadStatus() {
  try {
    const h = await api.health();
    status.innerHTML = `<span title="documents and events in the store">${esc(h.documents)} documents · ${esc(h.events)} events</span>`;
  } catch (e) {
    if (aborted(e)) throw e;
    status.innerHTML = `<span class="error" role="alert" data-testid="status-error">API unreachable: ${esc(e.message)}</span>`;
    throw e;
  }
}

onFilters(refresh);
onView(async (view, changed) => {
  if (changed.includes('who')) {
    if (!view.who) actorPage.close();
    else {
      const mine = ++generation;
      window.sitrep.started = mine;
      document.body.dataset.ready = 'false';
      await load('actor page', actorPage, $('actor-page'), () => actorPage.update(view.who, state.filters)).catch(() => {});
      if (mine === generation) { window.sitrep.generation = mine; document.body.dataset.generation = String(mine); document.body.dataset.ready = 'true'; }
    }
  }
  if (changed.includes('sort') || changed.includes('page')) {
    const mine = ++generation;
    window.sitrep.started = mine;
    document.body.dataset.ready = 'false';
    await load('table', table, $('table-panel'), () => table.update(state.filters, false)).catch(() => {});
    if (mine === generation) { window.sitrep.generation = mine; document.body.dataset.generation = String(mine); document.body.dataset.ready = 'true'; }
  }
  if (changed.includes('span')) timeline.redraw();
  if (changed.includes('open')) {
    if (!view.open) evidence.close(false);
    else if (!evidence.current || `${evidence.current.docId}/${evidence.current.eventId || ''}` !== view.open) openFromState();
  }
});

// a chip that drops one filter (in empty views), a retry button (in failed views)
document.addEventListener('click', (e) => {
  const drop = e.target.closest('[data-drop]');
  if (drop) setFilters({ [drop.dataset.drop]: '' });
  if (e.target.closest('[data-retry]')) refresh();
});

function openFromState() {
  const cut = state.open.lastIndexOf('/');
  evidence.open({ doc_id: cut < 0 ? state.open : state.open.slice(0, cut), event_id: cut < 0 ? null : state.open.slice(cut + 1) || null });
}

// the suggestions wait until the first view has its answers: they share the one database connection
refresh().then(() => api.events({}, 0, 200)).then((res) => suggest(form, (res && res.items) || [])).catch(() => {});
if (state.open) openFromState();

let resizeTimer = null;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => { timeline.redraw(); network.redraw(); map.redraw(); }, 150);
});
