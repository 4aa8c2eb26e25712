// Actor network: actor codes as nodes (or their countries, when there are too many to read), source →
// target edges; edge width = events, colour = mean Goldstein. Clicking a node filters to that actor
// (a country node: to every actor code that starts with it). Cytoscape draws on a canvas, so the element
// counts are mirrored in data-nodes / data-edges for tests and scripts.
import cytoscape from 'cytoscape';
import { api } from './api.js';
import { goldsteinColor, esc, num } from './format.js';
import { state, setFilters } from './state.js';
import { showTip, hideTip } from './tooltip.js';

const AUTO_COUNTRY = 45; // more actor codes than this: draw countries

export function createNetwork(container, legend) {
  legend.innerHTML = `<span class="muted">mean Goldstein</span> <span class="gradient" style="background:linear-gradient(90deg,${[-10, -5, 0, 5, 10].map((v) => goldsteinColor(v)).join(',')})"></span><span class="scale"><span>−10</span><span>0</span><span>+10</span></span>`;
  const cy = cytoscape({
    container,
    minZoom: 0.2,
    maxZoom: 4,
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: {
        label: 'data(id)', 'font-size': 12, 'min-zoomed-font-size': 6, 'font-family': 'ui-monospace, SFMono-Regular, Menlo, monospace',
        'text-valign': 'bottom', 'text-margin-y': 3, color: '#263238',
        'background-color': '#546e7a', width: 'data(size)', height: 'data(size)',
        'text-background-color': '#fff', 'text-background-opacity': 0.75, 'text-background-padding': 1,
      } },
      { selector: 'node.selected', style: { 'background-color': '#f57c00', 'border-width': 2, 'border-color': '#e65100' } },
      { selector: 'edge', style: {
        width: 'data(width)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)',
        'target-arrow-shape': 'triangle', 'arrow-scale': 0.8, 'curve-style': 'bezier', opacity: 0.85,
      } },
      { selector: 'edge:selected, edge.hover', style: { opacity: 1, 'z-index': 10 } },
    ],
  });
  const note = document.createElement('div');
  note.className = 'overlay-note';
  note.textContent = 'no events with both a source and a target';
  container.appendChild(note);
  const sync = () => {
    container.dataset.nodes = String(cy.nodes().length);
    container.dataset.edges = String(cy.edges().length);
    note.hidden = cy.nodes().length > 0;
  };
  sync();
  // fit the graph, but do not blow a handful of nodes up to poster size
  const fit = () => {
    cy.fit(undefined, 24);
    if (cy.zoom() > 1.4) { cy.zoom(1.4); cy.center(); }
  };

  cy.on('tap', 'node', (e) => setFilters({ actor: e.target.id() }));
  cy.on('mouseover', 'node', (e) => {
    const n = e.target;
    showTip(`<b class="code">${esc(n.id())}</b><br>${n.data('events')} events<br><span class="muted">click to filter to ${container.dataset.level === 'country' ? 'actors coded ' + esc(n.id()) + '…' : 'this actor'}</span>`, e.originalEvent);
  });
  cy.on('mouseover', 'edge', (e) => {
    const d = e.target.data();
    e.target.addClass('hover');
    showTip(`<b class="code">${esc(d.source)} → ${esc(d.target)}</b><br>${d.events} events, mean Goldstein ${num(d.goldstein)}`, e.originalEvent);
  });
  cy.on('mouseout', 'node, edge', (e) => { e.target.removeClass('hover'); hideTip(); });

  // level: actor codes, or their first three letters (country, IGO, NGO…) when the graph is too big to read
  let pairs = [];
  let level = 'auto';
  const levels = document.createElement('span');
  levels.className = 'levels';
  levels.innerHTML = ['auto', 'actor', 'country'].map((l) => `<button type="button" data-level="${l}" data-testid="network-level-${l}">${l}</button>`).join('');
  legend.prepend(levels);
  levels.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-level]');
    if (!b) return;
    level = b.dataset.level;
    draw();
  });

  function draw() {
    const raw = (Array.isArray(pairs) ? pairs : []).filter((p) => p.source && p.target);
    const codes = new Set(raw.flatMap((p) => [p.source, p.target]));
    const byCountry = level === 'country' || (level === 'auto' && codes.size > AUTO_COUNTRY);
    for (const b of levels.children) b.classList.toggle('on', b.dataset.level === level);
    levels.title = `showing ${byCountry ? 'countries and organisations (first three letters of the codes)' : 'actor codes'}`;
    container.dataset.level = byCountry ? 'country' : 'actor';
    const key = (code) => (byCountry ? code.slice(0, 3) : code);
    const nodes = new Map();
    const merged = new Map();
    for (const p of raw) {
      const [a, b] = [key(p.source), key(p.target)];
      const n = p.events || 0;
      for (const code of new Set([a, b])) nodes.set(code, (nodes.get(code) || 0) + n);
      const id = `${a}>${b}`;
      const e = merged.get(id) || { id, source: a, target: b, events: 0, weighted: 0, scored: 0 };
      e.events += n;
      if (p.goldstein != null) { e.weighted += p.goldstein * n; e.scored += n; }
      merged.set(id, e);
    }
    cy.elements().remove();
    cy.add([...nodes].map(([id, n]) => ({ data: { id, events: n, size: 10 + 5 * Math.sqrt(n) } })));
    cy.add([...merged.values()].map((e) => {
      const goldstein = e.scored ? e.weighted / e.scored : null;
      return { data: {
        id: e.id, source: e.source, target: e.target, events: e.events, goldstein,
        width: 1 + 1.6 * Math.sqrt(e.events || 1), color: goldstein == null ? '#9e9e9e' : goldsteinColor(goldstein),
      } };
    }));
    const actor = state.filters.actor;
    if (actor) cy.nodes().filter((n) => n.id().startsWith(actor) || actor.startsWith(n.id())).addClass('selected');
    cy.resize();
    cy.layout({ name: nodes.size > 2 ? 'cose' : 'circle', animate: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 70, padding: 24, randomize: true }).run();
    fit();
    sync();
  }

  return {
    cy,
    async update(filters) {
      pairs = await api.actors(filters);
      draw();
    },
    redraw() { cy.resize(); fit(); },
  };
}
