// The event table: one row per coded event, newest first or sorted by a column header, paged on the server with
// first/previous/next/last and a page number to jump to (sort and page are in the URL). Cluster counts (how many
// documents and outlets report the same real-world event) come from /api/clusters when the server has it.
// Clicking a row (or Enter on it) opens the evidence view; an actor code opens its actor page.
import { api } from './api.js';
import { esc, flags, has, num, quadColor, quadName, sideLabel, cameoRootName } from './format.js';
import { state, setView } from './state.js';
import { emptyHtml } from './reason.js';
import { timed } from './timing.js';

const COLUMNS = [
  ['date', 'Date', 'c-date'], ['source', 'Source'], ['type', 'Event'], ['target', 'Target'], ['location', 'Location'],
  [null, 'Flags'], ['outlet', 'Outlet'], [null, 'Reports'], ['confidence', 'Conf.', 'num'],
];

const PAGE_SIZE = 25;

export function createTable(container, pager, sub, { onOpen, onCluster }) {
  let filters = {};
  let page = 0;
  let rows = [];
  let clusters = new Map();
  let selectedKey = null;

  pager.innerHTML = `<button type="button" data-testid="page-first" aria-label="first page">«</button><button type="button" data-testid="page-prev" aria-label="previous page">‹</button><span data-testid="page-info"></span>
    <label class="jump">page <input type="number" min="1" data-testid="page-jump" aria-label="go to page"></label><span data-testid="page-count"></span>
    <button type="button" data-testid="page-next" aria-label="next page">›</button><button type="button" data-testid="page-last" aria-label="last page">»</button>`;
  const q = (t) => pager.querySelector(`[data-testid=${t}]`);
  const [first, prev, info, jump, count, next, last] = ['page-first', 'page-prev', 'page-info', 'page-jump', 'page-count', 'page-next', 'page-last'].map(q);
  let total = 0;
  const pages = () => Math.max(1, Math.ceil(total / PAGE_SIZE));
  const go = (p) => setView({ page: p > 0 ? String(Math.min(p, pages() - 1) + 1) : '' });
  first.addEventListener('click', () => go(0));
  prev.addEventListener('click', () => go(page - 1));
  next.addEventListener('click', () => go(page + 1));
  last.addEventListener('click', () => go(pages() - 1));
  jump.addEventListener('change', () => { const p = Number(jump.value); if (p >= 1) go(p - 1); });
  container.addEventListener('click', (e) => {
    const th = e.target.closest('button[data-sort]');
    if (!th) return;
    const key = th.dataset.sort;
    const now = state.view.sort || '-date';
    const next = now === `-${key}` ? key : `-${key}`;
    setView({ sort: next === '-date' ? '' : next, page: '' });
  });

  container.addEventListener('click', (e) => {
    const link = e.target.closest('a[data-cluster]');
    if (link) { e.preventDefault(); onCluster(link.dataset.cluster); return; }
    const who = e.target.closest('a[data-who]');
    if (who) { e.preventDefault(); setView({ who: who.dataset.who }); return; }
    if (e.target.closest('button')) return;
    const tr = e.target.closest('tr[data-row]');
    if (!tr) return;
    if (e.target.closest('a')) return;
    open(Number(tr.dataset.row));
  });
  container.addEventListener('keydown', (e) => {
    const tr = e.target.closest('tr[data-row]');
    if (tr && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); open(Number(tr.dataset.row)); }
  });

  function open(i) {
    const row = rows[i];
    if (!row) return;
    selectedKey = `${row.doc_id}/${row.event_id}`;
    for (const tr of container.querySelectorAll('tr.selected')) tr.classList.remove('selected');
    const tr = container.querySelector(`tr[data-row="${i}"]`);
    tr?.classList.add('selected');
    onOpen(row, tr);
  }

  /** The real-world event (cluster) a row belongs to, with its counts: from the row itself, else from /api/clusters. */
  function clusterOf(row) {
    if (!row || !has(row.cluster_id)) return null;
    if (has(row.cluster_documents)) {
      return { cluster_id: row.cluster_id, documents: row.cluster_documents, sources: row.cluster_sources,
        independent: row.cluster_independent, mentions: row.cluster_mentions };
    }
    return clusters.get(String(row.cluster_id)) || null;
  }

  async function load() {
    const res = await api.events(filters, page, PAGE_SIZE, state.view.sort || '-date');
    total = res && Number.isFinite(res.total) ? res.total : 0;
    rows = res && Array.isArray(res.items) ? res.items : [];
    clusters = new Map();
    if (rows.some((r) => has(r.cluster_id) && !has(r.cluster_documents))) {
      // rows without their cluster's counts: ask for the clusters (older servers have none)
      const cl = await api.clusters(filters).catch(() => null);
      for (const c of (cl && Array.isArray(cl.items) ? cl.items : [])) clusters.set(String(c.cluster_id), c);
    }
    if (rows.length === 0 && page > 0 && total > 0) { page = Math.max(0, Math.ceil(total / PAGE_SIZE) - 1); return load(); }
    sub.textContent = `${total} event${total === 1 ? '' : 's'}`;
    sub.dataset.total = String(total);
    container.dataset.total = String(total);
    const from = total ? page * PAGE_SIZE + 1 : 0;
    info.textContent = `${from}–${page * PAGE_SIZE + rows.length} of ${total}`;
    jump.value = String(page + 1);
    jump.max = String(pages());
    count.textContent = `of ${pages()}`;
    first.disabled = prev.disabled = page === 0;
    next.disabled = last.disabled = (page + 1) * PAGE_SIZE >= total;
    timed('draw:table', render);
  }

  function render() {
    if (!rows.length) {
      container.innerHTML = emptyHtml(filters, 'events').replace('data-testid="empty-reason"', 'data-testid="table-empty"');
      return;
    }
    const showClusters = rows.some((r) => has(r.cluster_id));
    const sort = state.view.sort || '-date';
    const head = COLUMNS.filter(([key, label]) => showClusters || label !== 'Reports').map(([key, label, cls]) => {
      if (!key) return `<th scope="col"${cls ? ` class="${cls}"` : ''}>${label}</th>`;
      const dir = sort === key ? 'ascending' : sort === `-${key}` ? 'descending' : 'none';
      return `<th scope="col" aria-sort="${dir}"${cls ? ` class="${cls}"` : ''}><button type="button" class="sort" data-sort="${key}" data-testid="sort-${key}">${label}<span aria-hidden="true">${dir === 'ascending' ? ' ▲' : dir === 'descending' ? ' ▼' : ''}</span></button></th>`;
    }).join('');
    container.innerHTML = `<table aria-label="events, ${total} in all">
      <thead><tr>${head}</tr></thead>
      <tbody>${rows.map((r, i) => row(r, i, showClusters)).join('')}</tbody></table>`;
  }

  function row(r, i, showClusters) {
    const key = `${r.doc_id}/${r.event_id}`;
    const c = clusterOf(r);
    const reports = c
      ? `<span class="${c.documents > 1 ? 'multi' : 'muted'}" title="the same real-world event is reported by ${esc(c.documents)} document(s) from ${esc(c.sources)} outlet(s)${has(c.independent) ? `; ${esc(c.independent)} not copies of another` : ''}${has(c.mentions) ? `; ${esc(c.mentions)} mentions` : ''}">${esc(c.documents)} doc${c.documents === 1 ? '' : 's'} / ${esc(c.sources)} src</span>`
        + (has(c.independent) && c.independent < c.documents ? `<div class="muted small">${esc(c.independent)} independent</div>` : '')
        + (c.documents > 1 ? `<a href="#" class="small" data-cluster="${esc(c.cluster_id)}" data-testid="row-cluster" title="show every report of this event">all reports</a>` : '')
      : (has(r.mentions) && r.mentions > 1 ? `<span class="muted">${esc(r.mentions)} mentions</span>` : '<span class="muted">–</span>');
    const attribution = has(r.attribution) ? `<span class="flag flag-attr" title="attributed to">per ${esc(r.attribution)}</span>` : '';
    return `<tr data-row="${i}" data-testid="event-row" data-doc="${esc(r.doc_id)}" data-event="${esc(r.event_id)}"
      data-plover="${esc(r.plover || '')}" data-cameo="${esc(r.cameo || '')}" data-trigger="${esc(r.trigger || '')}"
      data-actors="${esc([r.source_code, r.target_code].filter(has).join(' '))}"
      data-countries="${esc([r.source_country, r.target_country, r.location_country].filter(has).join(' '))}" tabindex="0" class="${key === selectedKey ? 'selected' : ''}">
      <td class="c-date mono">${esc(r.date || '')}${r.date_precision && r.date_precision !== 'day' ? `<span class="muted" title="precision"> ${esc(r.date_precision)}</span>` : ''}</td>
      <td>${actorCell(r.source_code, r.source_text)}</td>
      <td><span class="quad" style="background:${quadColor(r.quad_class)}" title="${esc(quadName(r.quad_class))}, Goldstein ${num(r.goldstein)}"></span><span class="code" title="${esc(cameoRootName(r.cameo))}">${esc(r.cameo || '')}</span> <span class="plover">${esc(r.plover || '')}</span>${has(r.mode) ? `<span class="muted"> ${esc(r.mode)}</span>` : ''}<div class="trigger-cell" title="trigger">“${esc(r.trigger || '')}”</div></td>
      <td>${actorCell(r.target_code, r.target_text)}</td>
      <td>${has(r.location) ? `${esc(r.location)}${has(r.location_country) ? ` <span class="code muted">${esc(r.location_country)}</span>` : ''}` : '<span class="muted">–</span>'}</td>
      <td class="flags" data-testid="row-flags">${flags(r)}${attribution}</td>
      <td class="outlet">${esc(r.outlet || '')}</td>
      ${showClusters ? `<td class="reports" data-testid="row-reports">${reports}</td>` : ''}
      <td class="num mono">${num(r.confidence, 2)}</td>
    </tr>`;
  }

  /** An actor's code links to its actor page. */
  function actorCell(code, text) {
    if (!has(code)) return sideLabel(code, text);
    return `<a href="#" class="code" data-who="${esc(code)}" data-testid="actor-link" title="actor page of ${esc(code)}">${esc(code)}</a> ${has(text) ? `<span class="side-text">${esc(text)}</span>` : ''}`;
  }

  return {
    async update(f) {
      filters = f;
      page = Math.max(0, Number(state.view.page || 1) - 1);
      await load();
    },
    clusterOf,
    /** The row of an event on the current page, if it is there. */
    rowOf: (docId, eventId) => rows.find((r) => r.doc_id === docId && r.event_id === eventId) || null,
  };
}
