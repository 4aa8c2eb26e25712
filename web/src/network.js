// Actor network: the busiest actor codes (or countries) as nodes, source → target edges; edge width = events,
// colour = mean Goldstein on a colour-blind-safe orange–blue scale. The server picks the top N and says how many
// it left out; a node's count is what clicking it selects (actor code prefix on either side; a country as either
// side or the place). Node positions are remembered by id, so a filter change moves only new nodes (placed by a
// d3-force simulation with the others held); labels that
// would overlap a bigger node's label are hidden until zoomed in. A list of the nodes beside the canvas gives
// keyboard and screen-reader access. Cytoscape draws on a canvas, so counts are mirrored in data-nodes / data-edges.
import cytoscape from 'cytoscape';
import { forceSimulation, forceManyBody, forceLink, forceCollide, forceX, forceY } from 'd3';
import { api } from './api.js';
import { goldsteinColor, esc, num } from './format.js';
import { state, setFilters, setView } from './state.js';
import { showTip, hideTip } from './tooltip.js';
import { emptyHtml } from './reason.js';
import { timed } from './timing.js';

const LIMITS = [20, 40, 80, 150];
const positions = new Map(); // node id → last position: the layout stays put across filter changes

/** A fixed pseudo-random spot for a node never placed before (same id, same spot). */
function seeded(id) {
  let h = 2166136261;
  for (const c of id) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  const a = ((h >>> 0) % 3600) / 3600 * 2 * Math.PI;
  const r = 60 + ((h >>> 12) % 200);
  return { x: Math.cos(a) * r, y: Math.sin(a) * r };
}

export function createNetwork(container, legend, sub) {
  let level = 'actor';
  let limit = 40;
  let filters = {};
  let net = null;
  let drawnLevel = null; // the level of the elements on the canvas
  legend.innerHTML = `<span class="levels" role="group" aria-label="nodes are">${['actor', 'country'].map((l) => `<button type="button" data-level="${l}" data-testid="network-level-${l}" aria-pressed="${l === level}">${l}</button>`).join('')}</span>
    <label class="top-n">top <select data-testid="network-limit" aria-label="how many nodes">${LIMITS.map((n) => `<option${n === limit ? ' selected' : ''}>${n}</option>`).join('')}</select></label>
    <span class="muted">Goldstein</span> <span class="gradient" aria-hidden="true" style="background:linear-gradient(90deg,${[-10, -5, 0, 5, 10].map((v) => goldsteinColor(v)).join(',')})"></span><span class="scale-ends">−10 conflict · +10 coop.</span>`;
  legend.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-level]');
    if (!b || b.dataset.level === level) return;
    level = b.dataset.level;
    for (const x of legend.querySelectorAll('button[data-level]')) x.setAttribute('aria-pressed', String(x.dataset.level === level));
    reload();
  });
  legend.querySelector('select').addEventListener('change', (e) => { limit = Number(e.target.value); reload(); });

  const canvas = document.createElement('div');
  canvas.className = 'network-canvas';
  canvas.setAttribute('role', 'img');
  container.appendChild(canvas);
  const list = document.createElement('ul');
  list.className = 'node-list';
  list.setAttribute('aria-label', 'network nodes, busiest first');
  list.dataset.testid = 'network-nodes';
  container.appendChild(list);
  const note = document.createElement('div');
  note.className = 'overlay-note';
  container.appendChild(note);

  const cy = cytoscape({
    container: canvas,
    minZoom: 0.2,
    maxZoom: 4,
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: {
        label: 'data(id)', 'font-size': 11, 'min-zoomed-font-size': 6, 'font-family': 'ui-monospace, SFMono-Regular, Menlo, monospace',
        'text-valign': 'bottom', 'text-margin-y': 2, color: '#1f2933',
        'background-color': '#546e7a', width: 'data(size)', height: 'data(size)',
        'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': 1,
      } },
      { selector: 'node.nolabel', style: { label: '' } },
      { selector: 'node.selected', style: { 'background-color': '#1d5fa7', 'border-width': 3, 'border-color': '#0b2e59' } },
      { selector: 'edge', style: {
        width: 'data(width)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)',
        'target-arrow-shape': 'triangle', 'arrow-scale': 0.8, 'curve-style': 'bezier', opacity: 0.85,
      } },
      { selector: 'edge:selected, edge.hover', style: { opacity: 1, 'z-index': 10 } },
    ],
  });
  const sync = () => {
    container.dataset.nodes = String(cy.nodes().length);
    container.dataset.edges = String(cy.edges().length);
    container.dataset.level = level;
  };
  sync();
  // fit the graph, but do not blow a handful of nodes up to poster size
  const fit = () => {
    cy.fit(cy.nodes(), 36);  // by the nodes: measuring every edge's curve costs more than the margin it would add
    if (cy.zoom() > 1.4) { cy.zoom(1.4); cy.center(); }
    declutter();
  };

  /**
   * Puts each new node beside the placed nodes it links to (else on a ring around the placed graph), at the first
   * of a dozen spots around that point that keeps clear of every other node.
   */
  function placeBeside(fresh, placed) {
    const bb = placed.boundingBox({ includeLabels: false, includeEdges: false });
    const centre = { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 };
    const ring = Math.max(bb.w, bb.h) / 2 + 60;
    const done = new Set(placed.map((n) => n.id()));
    const others = placed.map((n) => n.position());
    for (const n of fresh) {
      const near = n.neighborhood('node').filter((m) => done.has(m.id()));
      const turn = Math.atan2(seeded(n.id()).y, seeded(n.id()).x);
      let spot = null;
      for (let i = 0; i < 12 && !spot; i++) {
        const a = turn + (i * Math.PI) / 6;
        let p;
        if (near.length) {
          const c = near.reduce((o, m) => ({ x: o.x + m.position('x') / near.length, y: o.y + m.position('y') / near.length }), { x: 0, y: 0 });
          p = { x: c.x + Math.cos(a) * 70, y: c.y + Math.sin(a) * 70 };
        } else p = { x: centre.x + Math.cos(a) * ring, y: centre.y + Math.sin(a) * ring };
        if (others.every((o) => Math.hypot(o.x - p.x, o.y - p.y) > 40) || i === 11) spot = p;
      }
      n.position(spot);
      others.push(spot);
      done.add(n.id());
    }
  }

  /**
   * Places the nodes not in {@code fixed} by a force simulation (d3-force: links pull, nodes repel and do not
   * overlap), the fixed ones held where they are. It starts from each node's seeded spot, so the same graph gets
   * the same layout, and it costs a few milliseconds where cytoscape's cose layout took hundreds on a busy machine.
   */
  function forceLayout(fixed) {
    const sim = cy.nodes().map((n) => {
      const p = n.position();
      const held = fixed.has(n.id());
      return { id: n.id(), x: p.x, y: p.y, fx: held ? p.x : null, fy: held ? p.y : null, r: n.data('size') / 2 };
    });
    const links = cy.edges().filter((e) => e.source().id() !== e.target().id()).map((e) => ({ source: e.source().id(), target: e.target().id() }));
    forceSimulation(sim)
      .force('charge', forceManyBody().strength(-150))
      .force('link', forceLink(links).id((d) => d.id).distance(60).strength(0.3))
      .force('collide', forceCollide((d) => d.r + 14))
      .force('x', forceX(0).strength(0.1))
      .force('y', forceY(0).strength(0.1))
      .alphaDecay(0.04)  // 170 steps: settled enough for 150 nodes, cheap on a busy machine
      .stop()
      .tick(Math.ceil(Math.log(0.001) / Math.log(1 - 0.04)));
    cy.batch(() => { for (const d of sim) if (!fixed.has(d.id)) cy.getElementById(d.id).position({ x: d.x, y: d.y }); });
  }

  /** Hides the labels that would overlap the label of a busier node, so no two labels drawn overlap. */
  function declutter() {
    // every label is measured as drawn: the classes go first, outside a batch (inside one, a label hidden before
    // would still measure as hidden and be let through)
    cy.nodes('.nolabel').removeClass('nolabel');
    const shown = [];
    const hide = [];
    for (const n of cy.nodes().sort((a, b) => b.data('events') - a.data('events'))) {
      const bb = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
      if (shown.some((o) => bb.x1 < o.x2 && bb.x2 > o.x1 && bb.y1 < o.y2 && bb.y2 > o.y1)) hide.push(n); else shown.push(bb);
    }
    cy.batch(() => { for (const n of hide) n.addClass('nolabel'); });
    container.dataset.labels = String(shown.length);
  }
  cy.on('zoom', () => { clearTimeout(cy.declutterTimer); cy.declutterTimer = setTimeout(declutter, 80); });

  const clickFilter = (id) => (level === 'country' ? { country: id } : { actor: id });
  const tipHtml = (d) => `<b class="code">${esc(d.id)}</b>${d.name ? ` ${esc(d.name)}` : ''}<br>${d.events} events ${level === 'country' ? `involve ${esc(d.id)} (either side or the place)` : `with ${esc(d.id)}… on either side`}<br><span class="muted">click: filter to them${level === 'actor' ? '; double-click: actor page' : ''}</span>`;
  cy.on('tap', 'node', (e) => { hideTip(); setFilters(clickFilter(e.target.id())); });
  cy.on('dbltap', 'node', (e) => { if (level === 'actor') setView({ who: e.target.id() }); });
  cy.on('mouseover', 'node', (e) => showTip(tipHtml(e.target.data()), e.originalEvent));
  cy.on('mouseover', 'edge', (e) => {
    const d = e.target.data();
    e.target.addClass('hover');
    showTip(`<b class="code">${esc(d.source)} → ${esc(d.target)}</b><br>${d.events} events, mean Goldstein ${num(d.goldstein)}<br><span class="muted">click: filter to this dyad</span>`, e.originalEvent);
  });
  cy.on('tap', 'edge', (e) => {
    hideTip();
    const d = e.target.data();
    if (level === 'actor') setFilters({ source: d.source, target: d.target });
  });
  cy.on('mouseout', 'node, edge', (e) => { e.target.removeClass('hover'); hideTip(); });
  list.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-node]');
    if (!b) return;
    if (b.dataset.page) setView({ who: b.dataset.node }); else setFilters(clickFilter(b.dataset.node));
  });

  function draw() {
    const nodes = (net && net.nodes) || [];
    const edges = (net && net.edges) || [];
    const shownEvents = (net && net.shown_events) || 0;
    const among = (net && net.edges_among) || edges.length;
    const linkCut = among > edges.length ? ` · the busiest ${edges.length} of their ${among} links` : '';
    sub.textContent = net && net.total_nodes
      ? (net.total_nodes > nodes.length || among > edges.length
        ? `${net.total_nodes > nodes.length ? `top ${nodes.length} of ${net.total_nodes}` : nodes.length} ${level === 'country' ? 'countries' : 'actors'}${linkCut} · ${shownEvents} of ${net.events} events with both sides drawn`
        : `${nodes.length} ${level === 'country' ? 'countries' : 'actors'} · ${net.events} events with both sides`)
      : '';
    sub.title = 'the busiest nodes, and among them the busiest links (each node keeps its busiest), so the graph stays readable; the top-N menu draws more';
    sub.dataset.cut = String(net ? net.total_nodes - nodes.length : 0);
    canvas.setAttribute('aria-label', `Actor network of ${nodes.length} ${level === 'country' ? 'countries' : 'actors'} and ${edges.length} links; the list beside it names them`);
    const maxEvents = Math.max(1, ...nodes.map((n) => n.edge_events || 1));
    const maxEdge = Math.max(1, ...edges.map((e) => e.events || 1));
    const fresh = nodes.filter((n) => !positions.has(`${level}:${n.id}`));
    // the elements that stay are updated in place, not re-created: cytoscape keeps their drawn textures, and
    // the first frame after a filter change costs a fraction of a full redraw
    cy.batch(() => {
      if (drawnLevel !== level) cy.elements().remove();
      drawnLevel = level;
      const nodeData = new Map(nodes.map((n) => [n.id, { id: n.id, name: n.name, events: n.events, size: 10 + 26 * Math.sqrt((n.edge_events || 1) / maxEvents) }]));
      const edgeData = new Map(edges.map((e) => [`${e.source}>${e.target}`, {
        id: `${e.source}>${e.target}`, source: e.source, target: e.target, events: e.events, goldstein: e.goldstein,
        width: 1 + 6 * Math.sqrt((e.events || 1) / maxEdge), color: e.goldstein == null ? '#8a8a8a' : goldsteinColor(e.goldstein),
      }]));
      cy.nodes().filter((n) => !nodeData.has(n.id())).remove();
      cy.edges().filter((e) => !edgeData.has(e.id())).remove();
      cy.nodes().removeClass('selected');
      const add = [];
      for (const [id, data] of nodeData) {
        const el = cy.getElementById(id);
        if (el.nonempty()) el.data(data);
        else add.push({ group: 'nodes', data, position: positions.get(`${level}:${id}`) || seeded(id) });
      }
      for (const [id, data] of edgeData) {
        const el = cy.getElementById(id);
        if (el.nonempty()) el.data(data);
        else add.push({ group: 'edges', data });
      }
      cy.add(add);
    });
    const actor = level === 'country' ? state.filters.country : state.filters.actor;
    if (actor) cy.nodes().filter((n) => n.id() === actor || n.id().startsWith(actor)).addClass('selected');
    cy.resize();
    // only nodes never seen before are placed; the others keep their place
    // (the server sends only the busiest links, so even a dense graph is no hairball)
    if (fresh.length && nodes.length > 2) forceLayout(new Set(cy.nodes().filter((n) => positions.has(`${level}:${n.id()}`)).map((n) => n.id())));
    for (const n of cy.nodes()) positions.set(`${level}:${n.id()}`, { ...n.position() });
    fit();
    note.innerHTML = nodes.length ? '' : emptyHtml(filters, 'events with both a source and a target');
    note.hidden = nodes.length > 0;
    list.innerHTML = nodes.map((n) => `<li><button type="button" data-node="${esc(n.id)}" data-testid="network-node" data-events="${n.events}">${esc(n.id)} <span class="muted">${n.events}</span></button>${level === 'actor' ? `<button type="button" data-node="${esc(n.id)}" data-page="1" class="page-link" aria-label="actor page of ${esc(n.id)}">page</button>` : ''}</li>`).join('');
    sync();
  }

  async function reload() {
    net = await api.network(filters, level, limit);
    timed('draw:network', draw);
  }

  return {
    cy,
    async update(f) {
      filters = f;
      await reload();
    },
    redraw() { cy.resize(); fit(); },
  };
}
