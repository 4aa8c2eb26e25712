// Timeline: events per day (per week or month when the range is long) stacked by quad class.
// Clicking a bar filters to its day (or week, month). Dates known only to the month or year are
// counted apart, not smeared over a day.
import { select, scaleUtc, scaleLinear, stack, max, axisBottom, axisLeft, utcDay, utcMonday, utcMonth, utcFormat } from 'd3';
import { api } from './api.js';
import { QUADS, esc } from './format.js';
import { setFilters } from './state.js';
import { showTip, hideTip } from './tooltip.js';

const UNITS = {
  day: { interval: utcDay, label: 'per day', key: utcFormat('%Y-%m-%d'), title: utcFormat('%a %d %b %Y') },
  week: { interval: utcMonday, label: 'per week', key: utcFormat('%Y-%m-%d'), title: (d) => `week of ${utcFormat('%d %b %Y')(d)}` },
  month: { interval: utcMonth, label: 'per month', key: utcFormat('%Y-%m'), title: utcFormat('%B %Y') },
};
const iso = utcFormat('%Y-%m-%d');

export function createTimeline(container, legend, sub) {
  legend.innerHTML = QUADS.map((q) => `<span class="key"><i style="background:${q.color}"></i>${q.id} ${q.name}</span>`).join('');
  let last = [];
  const view = {
    async update(filters) {
      last = await api.timeseries(filters);
      draw();
    },
    redraw: () => draw(),
  };

  function draw() {
    const rows = Array.isArray(last) ? last : [];
    const precise = rows.filter((r) => /^\d{4}-\d{2}-\d{2}/.test(r.day || ''));
    const months = rows.filter((r) => /^\d{4}-\d{2}$/.test(r.day || ''));
    const parse = (s) => new Date(`${s.slice(0, 10)}T00:00:00Z`);
    let dates = precise.map((r) => parse(r.day));
    let lo = dates.length ? new Date(Math.min(...dates)) : null;
    let hi = dates.length ? new Date(Math.max(...dates)) : null;
    const span = lo ? (hi - lo) / 864e5 : 0;
    const unitName = span <= 120 ? 'day' : span <= 730 ? 'week' : 'month';
    const unit = UNITS[unitName];
    const used = unitName === 'month' ? precise.concat(months.map((r) => ({ ...r, day: `${r.day}-01` }))) : precise;
    const coarse = rows.filter((r) => !used.includes(r) && !(unitName === 'month' && months.includes(r)))
      .reduce((n, r) => n + (r.events || 0), 0);
    if (unitName === 'month' && months.length) {
      dates = used.map((r) => parse(r.day));
      lo = new Date(Math.min(...dates));
      hi = new Date(Math.max(...dates));
    }

    const buckets = new Map();
    for (const r of used) {
      const start = unit.interval.floor(parse(r.day));
      const k = +start;
      if (!buckets.has(k)) buckets.set(k, { start, 1: 0, 2: 0, 3: 0, 4: 0, total: 0 });
      const b = buckets.get(k);
      const q = [1, 2, 3, 4].includes(Number(r.quad_class)) ? Number(r.quad_class) : 3;
      b[q] += r.events || 0;
      b.total += r.events || 0;
    }
    const data = [...buckets.values()].sort((a, b) => a.start - b.start);
    const total = rows.reduce((n, r) => n + (r.events || 0), 0);
    sub.textContent = `${total} event${total === 1 ? '' : 's'}, bars ${unit.label}` + (coarse ? ` · ${coarse} dated only to a month or year, not drawn` : '');

    container.innerHTML = '';
    const width = Math.max(300, container.clientWidth);
    const height = Math.max(110, container.clientHeight || 150);
    const m = { top: 8, right: 14, bottom: 22, left: 34 };
    const svg = select(container).append('svg').attr('width', width).attr('height', height).attr('data-testid', 'timeline-svg');
    if (!data.length) {
      svg.append('text').attr('x', width / 2).attr('y', height / 2).attr('text-anchor', 'middle').attr('class', 'empty').text('no dated events');
      return;
    }
    let d0 = unit.interval.floor(lo);
    let d1 = unit.interval.offset(unit.interval.floor(hi), 1);
    const minBuckets = 14;
    const n = unit.interval.count(d0, d1);
    if (n < minBuckets) {
      const padL = Math.floor((minBuckets - n) / 2);
      d0 = unit.interval.offset(d0, -padL);
      d1 = unit.interval.offset(d1, minBuckets - n - padL);
    }
    const x = scaleUtc().domain([d0, d1]).range([m.left, width - m.right]);
    const y = scaleLinear().domain([0, max(data, (d) => d.total) || 1]).nice().range([height - m.bottom, m.top]);
    svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${height - m.bottom})`)
      .call(axisBottom(x).ticks(Math.max(2, Math.floor(width / 90))).tickSizeOuter(0));
    svg.append('g').attr('class', 'axis').attr('transform', `translate(${m.left},0)`)
      .call(axisLeft(y).ticks(4).tickFormat((v) => (Number.isInteger(v) ? v : '')).tickSizeOuter(0));

    const series = stack().keys([1, 2, 3, 4])(data);
    const bw = (d) => Math.max(1, x(unit.interval.offset(d.start, 1)) - x(d.start) - (unitName === 'day' && width / n > 6 ? 1 : 0));
    svg.append('g').selectAll('g').data(series).join('g')
      .attr('fill', (s) => QUADS[s.key - 1].color)
      .selectAll('rect').data((s) => s.map((v) => ({ v, q: s.key })).filter((d) => d.v[1] > d.v[0])).join('rect')
      .attr('data-testid', 'timeline-bar')
      .attr('data-day', (d) => unit.key(d.v.data.start))
      .attr('data-quad', (d) => d.q)
      .attr('x', (d) => x(d.v.data.start))
      .attr('width', (d) => bw(d.v.data))
      .attr('y', (d) => y(d.v[1]))
      .attr('height', (d) => Math.max(0.5, y(d.v[0]) - y(d.v[1])))
      .on('mousemove', (event, d) => {
        const b = d.v.data;
        showTip(`<b>${esc(unit.title(b.start))}</b><br>${QUADS.map((q) => `<span class="key"><i style="background:${q.color}"></i>${q.name}: ${b[q.id]}</span>`).join('<br>')}<br><span class="muted">click to filter to it</span>`, event);
      })
      .on('mouseleave', hideTip)
      .on('click', (event, d) => {
        hideTip();
        const start = d.v.data.start;
        if (unitName === 'day') setFilters({ from: iso(start), to: iso(start) });
        else if (unitName === 'month') setFilters({ from: unit.key(start), to: unit.key(start) });
        else setFilters({ from: iso(start), to: iso(utcDay.offset(start, 6)) });
      });
  }
  return view;
}
