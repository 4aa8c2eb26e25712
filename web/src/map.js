// World map: Natural Earth 110m countries (world-atlas, bundled into the build: no tile server),
// event locations as circles with area proportional to the number of events. Wheel to zoom, drag
// to pan; the view fits the events after each filter change ("world" zooms out); clicking a place filters to its country.
import { select, geoNaturalEarth1, geoPath, geoGraticule10, scaleSqrt, max, zoom, zoomIdentity } from 'd3';
import { feature, mesh } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import { api } from './api.js';
import { esc } from './format.js';
import { setFilters } from './state.js';
import { showTip, hideTip } from './tooltip.js';

const countries = feature(world, world.objects.countries);
const borders = mesh(world, world.objects.countries, (a, b) => a !== b);

export function createMap(container, resetButton) {
  let places = [];
  let svg;
  let g;
  let zoomer;
  let projection;
  let k = 1;

  function build() {
    container.innerHTML = '';
    const width = Math.max(300, container.clientWidth);
    const height = Math.max(200, container.clientHeight || 320);
    projection = geoNaturalEarth1().fitExtent([[6, 6], [width - 6, height - 6]], { type: 'Sphere' });
    const path = geoPath(projection);
    svg = select(container).append('svg').attr('width', width).attr('height', height).attr('data-testid', 'map-svg');
    g = svg.append('g');
    g.append('path').attr('class', 'sphere').attr('d', path({ type: 'Sphere' }));
    g.append('path').attr('class', 'graticule').attr('d', path(geoGraticule10()));
    g.append('g').selectAll('path').data(countries.features).join('path')
      .attr('class', 'country').attr('data-testid', 'map-country').attr('d', path)
      .append('title').text((d) => d.properties && d.properties.name);
    g.append('path').attr('class', 'borders').attr('d', path(borders));
    g.append('g').attr('class', 'points');
    zoomer = zoom().scaleExtent([1, 40]).on('zoom', (event) => {
      k = event.transform.k;
      g.attr('transform', event.transform);
      g.selectAll('circle.point').attr('r', (d) => d.r / k);
    });
    svg.call(zoomer);
  }

  function drawPoints() {
    const rows = (Array.isArray(places) ? places : []).filter((p) => p.lat != null && p.lon != null);
    const r = scaleSqrt().domain([0, max(rows, (d) => d.events) || 1]).range([0, 16]);
    const data = rows.map((p) => {
      const [x, y] = projection([p.lon, p.lat]) || [NaN, NaN];
      return { ...p, x, y, r: Math.max(3, r(p.events || 1)) };
    }).filter((d) => Number.isFinite(d.x));
    g.select('g.points').selectAll('circle').data(data.sort((a, b) => b.events - a.events)).join('circle')
      .attr('class', 'point').attr('data-testid', 'map-point')
      .attr('data-name', (d) => d.name).attr('data-country', (d) => d.country || '').attr('data-events', (d) => d.events)
      .attr('cx', (d) => d.x).attr('cy', (d) => d.y).attr('r', (d) => d.r / k)
      .on('mousemove', (event, d) => showTip(`<b>${esc(d.name || 'unnamed place')}</b>${d.country ? ` <span class="code">${esc(d.country)}</span>` : ''}<br>${d.events} event${d.events === 1 ? '' : 's'}<br><span class="muted">click to filter to ${esc(d.country || 'this country')}</span>`, event))
      .on('mouseleave', hideTip)
      .on('click', (event, d) => { hideTip(); if (d.country) setFilters({ country: d.country }); });
    container.dataset.points = String(data.length);
    fit(data);
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
    async update(filters) {
      places = await api.places(filters);
      drawPoints();
    },
    redraw() { build(); drawPoints(); },
  };
}
