// Map: event places on the bundled world atlas (nothing is fetched). Places close together on screen are drawn as
// one cluster (re-formed on zoom), so thousands of events stay readable; area = events (legend), colour = mean
// Goldstein (orange conflict, blue cooperation). The header says how many events have no place. A cluster is a
// button: click or Enter filters to its country (one country) or zooms in on it (several).
import { select, geoNaturalEarth1, geoPath, geoGraticule10, zoom, zoomIdentity, scaleSqrt, max } from 'd3';
import { feature, mesh } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import { api } from './api.js';
import { esc, goldsteinColor, num } from './format.js';
import { setFilters } from './state.js';
import { showTip, hideTip } from './tooltip.js';
import { emptyHtml } from './reason.js';
import { timed } from './timing.js';

const countries = feature(world, world.objects.countries);
const borders = mesh(world, world.objects.countries, (a, b) => a !== b);
const CELL = 28; // px: places closer than this on screen form one cluster
const GRID = 0.1; // degrees: the server merges places closer than this (under 8 px at the deepest zoom)

export function createMap(container, resetButton, sub, legend) {
  let places = [];
  let filters = {};
  let svg;
  let g;
  let zoomer;
  let projection;
  let k = 1;
  let transform = zoomIdentity;
  let radius = () => 3;
  const note = document.createElement('div');
  note.className = 'overlay-note';
  note.hidden = true;

  function build() {
    container.innerHTML = '';
    const width = Math.max(280, container.clientWidth);
    const height = Math.max(200, container.clientHeight || 320);
    projection = geoNaturalEarth1().fitExtent([[6, 6], [width - 6, height - 6]], { type: 'Sphere' });
    const path = geoPath(projection);
    svg = select(container).append('svg').attr('width', width).attr('height', height).attr('data-testid', 'map-svg')
      .attr('role', 'group').attr('aria-label', 'Map of event places');
    g = svg.append('g');
    g.append('path').attr('class', 'sphere').attr('d', path({ type: 'Sphere' }));
    g.append('path').attr('class', 'graticule').attr('d', path(geoGraticule10()));
    g.append('g').attr('aria-hidden', 'true').selectAll('path').data(countries.features).join('path')
      .attr('class', 'country').attr('data-testid', 'map-country').attr('d', path)
      .append('title').text((d) => d.properties && d.properties.name);
    g.append('path').attr('class', 'borders').attr('d', path(borders));
    g.append('g').attr('class', 'points');
    zoomer = zoom().scaleExtent([1, 40]).on('zoom', (event) => {
      transform = event.transform;
      k = transform.k;
      g.attr('transform', transform);
      g.selectAll('circle.point').attr('r', (d) => d.r / k);
    }).on('end', () => drawPoints(false));
    svg.call(zoomer);
    container.appendChild(note);
  }

  /** Groups the places by screen cell at the current zoom: one circle per cell, at the events' weighted centre. */
  function clusters(rows) {
    const cells = new Map();
    for (const p of rows) {
      const [px, py] = projection([p.lon, p.lat]) || [NaN, NaN];
      if (!Number.isFinite(px)) continue;
      const key = `${Math.floor((px * k) / CELL)}:${Math.floor((py * k) / CELL)}`;
      let c = cells.get(key);
      if (!c) { c = { key, x: 0, y: 0, events: 0, gsum: 0, gn: 0, conflict: 0, places: [], merged: 0, countries: new Set() }; cells.set(key, c); }
      const n = p.events || 1;
      c.x += px * n; c.y += py * n; c.events += n;
      if (p.goldstein != null) { c.gsum += p.goldstein * n; c.gn += n; }
      c.conflict += p.conflict || 0;
      c.places.push(p);
      c.merged += p.places || 1;
      if (p.country) c.countries.add(p.country);
    }
    return [...cells.values()].map((c) => ({ ...c, x: c.x / c.events, y: c.y / c.events, goldstein: c.gn ? c.gsum / c.gn : null }));
  }

  function drawPoints(refit = true) {
    const rows = (Array.isArray(places) ? places : []).filter((p) => p.lat != null && p.lon != null);
    const data = clusters(rows).sort((a, b) => b.events - a.events);
    const r = scaleSqrt().domain([0, max(data, (d) => d.events) || 1]).range([0, 18]);
    radius = (n) => Math.max(3, r(n));
    for (const d of data) d.r = radius(d.events);
    const label = (d) => {
      const named = [...new Set(d.places.map((p) => p.name || 'unnamed'))];
      const names = named.slice(0, 3).join(', ') + (named.length > 3 ? ` and ${named.length - 3} more` : '');
      return `${names}: ${d.events} event${d.events === 1 ? '' : 's'}, mean Goldstein ${num(d.goldstein)}`;
    };
    g.select('g.points').selectAll('circle').data(data, (d) => d.key).join('circle')
      .attr('class', 'point').attr('data-testid', 'map-point').attr('tabindex', 0).attr('role', 'button')
      .attr('aria-label', (d) => `${label(d)}. ${d.countries.size === 1 ? `Press Enter to filter to ${[...d.countries][0]}` : 'Press Enter to zoom in'}`)
      .attr('data-name', (d) => d.places[0].name).attr('data-country', (d) => [...d.countries].join(' ')).attr('data-events', (d) => d.events)
      .attr('data-places', (d) => d.merged)
      .attr('fill', (d) => (d.goldstein == null ? '#8a8a8a' : goldsteinColor(d.goldstein)))
      .attr('cx', (d) => d.x).attr('cy', (d) => d.y).attr('r', (d) => d.r / k)
      .on('mousemove', (event, d) => showTip(`<b>${esc(d.merged > 1 ? `${d.merged} places` : d.places[0].name || 'unnamed place')}</b>${d.countries.size ? ` <span class="code">${esc([...d.countries].slice(0, 4).join(' '))}</span>` : ''}<br>${esc(label(d))}<br>${d.conflict} conflict events<br><span class="muted">click to ${d.countries.size === 1 ? `filter to ${esc([...d.countries][0])}` : 'zoom in'}</span>`, event))
      .on('mouseleave', hideTip)
      .on('click', (event, d) => activate(d))
      .on('keydown', (event, d) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); activate(d); } });
    container.dataset.points = String(data.length);
    container.dataset.located = String(rows.reduce((n, p) => n + (p.events || 0), 0));
    // size legend: three circle sizes on the current scale
    const top = max(data, (d) => d.events) || 1;
    const steps = [...new Set([1, Math.round(top / 4), top].filter((v) => v >= 1))];
    legend.innerHTML = `<span class="muted">events</span>${steps.map((v) => `<span class="size-key" data-testid="map-size-key"><svg width="${2 * radius(v) + 2}" height="${2 * radius(v) + 2}" aria-hidden="true"><circle cx="${radius(v) + 1}" cy="${radius(v) + 1}" r="${radius(v)}"></circle></svg>${v}</span>`).join('')}
      <span class="muted">colour: mean Goldstein</span><span class="gradient small-gradient" aria-hidden="true" style="background:linear-gradient(90deg,${[-10, 0, 10].map((v) => goldsteinColor(v)).join(',')})"></span><span class="scale-ends">conflict · coop.</span>`;
    note.hidden = data.length > 0;
    note.innerHTML = data.length ? '' : emptyHtml(filters, 'located events');
    if (refit) fit(data);
  }

  function activate(d) {
    hideTip();
    if (d.countries.size === 1) { setFilters({ country: [...d.countries][0] }); return; }
    const width = +svg.attr('width');
    const height = +svg.attr('height');
    const t = zoomIdentity.translate(width / 2, height / 2).scale(Math.min(40, k * 3)).translate(-d.x, -d.y);
    svg.call(zoomer.transform, t);
    drawPoints(false);
  }

  function fit(data) {
    const width = +svg.attr('width');
    const height = +svg.attr('height');
    if (!data.length) { svg.call(zoomer.transform, zoomIdentity); return; }
    const xs = data.map((d) => d.x);
    const ys = data.map((d) => d.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const scale = Math.max(1, Math.min(5, 0.8 / Math.max((x1 - x0) / width, (y1 - y0) / height, 1 / 6)));
    const t = zoomIdentity.translate(width / 2, height / 2).scale(scale).translate(-(x0 + x1) / 2, -(y0 + y1) / 2);
    svg.call(zoomer.transform, t);
  }

  resetButton.addEventListener('click', () => svg.call(zoomer.transform, zoomIdentity));
  build();
  return {
    async update(f) {
      filters = f;
      const [p, s] = await Promise.all([api.places(f, GRID), api.summary(f)]);
      places = p;
      const unlocated = s.events - s.located;
      sub.innerHTML = `${s.located} of ${s.events} events located${unlocated ? ` · <span data-testid="map-unlocated" data-unlocated="${unlocated}">${unlocated} without a place, not on the map</span>` : ''}`;
      sub.dataset.unlocated = String(unlocated);
      timed('draw:map', () => drawPoints());
    },
    redraw() { build(); drawPoints(); },
  };
}
