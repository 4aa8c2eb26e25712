// Actor network: actor codes as nodes, source → target edges; edge width = events, colour = mean
// Goldstein. Clicking a node filters to that actor. Cytoscape draws on a canvas, so the element
// counts are mirrored in data-nodes / data-edges for tests and scripts.
import cytoscape from 'cytoscape';
import { api } from './api.js';
import { goldsteinColor, esc, num } from './format.js';
import { state, setFilters } from './state.js';
import { showTip, hideTip } from './tooltip.js';

export function createNetwork(container, legend) {
  legend.innerHTML = `<span class="muted">mean Goldstein</span> <span class="gradient" style="background:linear-gradient(90deg,${[-10, -5, 0, 5, 10].map((v) => goldsteinColor(v)).join(',')})"></span><span class="scale"><span>−10</span><span>0</span><span>+10</span></span>`;
  const cy = cytoscape({
    container,
    minZoom: 0.2,
    maxZoom: 4,
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: {
        label: 'data(id)', 'font-size': 10, 'font-family': 'ui-monospace, SFMono-Regular, Menlo, monospace',
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
    showTip(`<b class="code">${esc(n.id())}</b><br>${n.data('events')} events (${n.outdegree()} out, ${n.indegree()} in pairs)<br><span class="muted">click to filter to this actor</span>`, e.originalEvent);
  });
  cy.on('mouseover', 'edge', (e) => {
    const d = e.target.data();
    e.target.addClass('hover');
    showTip(`<b class="code">${esc(d.source)} → ${esc(d.target)}</b><br>${d.events} events, mean Goldstein ${num(d.goldstein)}`, e.originalEvent);
  });
  cy.on('mouseout', 'node, edge', (e) => { e.target.removeClass('hover'); hideTip(); });

  return {
    cy,
    async update(filters) {
      const pairs = await api.actors(filters);
      const nodes = new Map();
      const edges = [];
      for (const p of Array.isArray(pairs) ? pairs : []) {
        if (!p.source || !p.target) continue;
        for (const code of new Set([p.source, p.target])) nodes.set(code, (nodes.get(code) || 0) + (p.events || 0));
        edges.push({ data: {
          id: `${p.source}>${p.target}`, source: p.source, target: p.target, events: p.events || 0,
          goldstein: p.goldstein, width: 1 + 1.6 * Math.sqrt(p.events || 1),
          color: p.goldstein == null ? '#9e9e9e' : goldsteinColor(p.goldstein),
        } });
      }
      cy.elements().remove();
      cy.add([...nodes].map(([id, n]) => ({ data: { id, events: n, size: 10 + 5 * Math.sqrt(n) } })));
      cy.add(edges);
      const actor = state.filters.actor;
      if (actor) cy.nodes().filter((n) => n.id().startsWith(actor)).addClass('selected');
      cy.resize();
      cy.layout({ name: nodes.size > 2 ? 'cose' : 'circle', animate: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 70, padding: 24, randomize: true }).run();
      fit();
      sync();
    },
    redraw() { cy.resize(); fit(); },
  };
}
