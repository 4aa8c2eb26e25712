// Timeline: events per day (per week or month when the range is long) stacked by quad class.
// Clicking a bar filters to its day (or week, month). Dates known less precisely than a bar (a week,
// month or year) and a few far outliers (an event of 1983 among last month's) are counted, not drawn.
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
const RANK = { day: 0, week: 1, month: 2, year: 3 };

/** A stored date ("2024-03-12", "2025-W22", "2024-03", "2024") as its first day and precision. */
function dated(s) {
  let m;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s || ''))) return { start: new Date(Date.UTC(+m[1], m[2] - 1, +m[3])), rank: RANK.day };
  if ((m = /^(\d{4})-W(\d{2})$/.exec(s || ''))) {
    const jan4 = new Date(Date.UTC(+m[1], 0, 4)); // ISO week 1 holds 4 January
    return { start: utcDay.offset(utcMonday.floor(jan4), (m[2] - 1) * 7), rank: RANK.week };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(s || ''))) return { start: new Date(Date.UTC(+m[1], m[2] - 1, 1)), rank: RANK.month };
  if ((m = /^(\d{4})$/.exec(s || ''))) return { start: new Date(Date.UTC(+m[1], 0, 1)), rank: RANK.year };
  return { start: null, rank: 9 };
}

/**
 * Splits dated rows into those to draw and a few far outliers: events cut off from the rest by more than
 * a year that make up at most 5% of all (an old event the articles mention, a mistyped year).
 */
function trim(rows, total) {
  const sorted = [...rows].sort((a, b) => a.start - b.start);
  let lo = 0;
  let hi = sorted.length;
  let before = 0;
  for (let i = 1; i < sorted.length; i++) {
    before += sorted[i - 1].events || 0;
    if (before > total * 0.05) break;
    if (sorted[i].start - sorted[i - 1].start > 365 * 864e5) lo = i;
  }
  let after = 0;
  for (let i = sorted.length - 1; i > lo; i--) {
    after += sorted[i].events || 0;
    if (after > total * 0.05) break;
    if (sorted[i].start - sorted[i - 1].start > 365 * 864e5) hi = i;
  }
  return [sorted.slice(lo, hi), sorted.slice(0, lo).concat(sorted.slice(hi))];
}

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
    const rows = (Array.isArray(last) ? last : []).map((r) => ({ ...r, ...dated(r.day) }));
    const total = rows.reduce((n, r) => n + (r.events || 0), 0);
    // the range to draw: where the events are; a few far older (or later) ones are counted, not drawn
    const timed = rows.filter((r) => r.start && r.rank <= RANK.month);
    const [keep, outside] = trim(timed, total);
    const finest = keep.filter((r) => r.rank <= RANK.week);
    const basis = finest.length ? finest : keep;
    let lo = basis.length ? new Date(Math.min(...basis.map((r) => r.start))) : null;
    let hi = basis.length ? new Date(Math.max(...basis.map((r) => r.start))) : null;
    const span = lo ? (hi - lo) / 864e5 : 0;
    const unitName = span <= 120 ? 'day' : span <= 730 ? 'week' : 'month';
    const unit = UNITS[unitName];
    const used = keep.filter((r) => r.rank <= RANK[unitName]);
    if (used.length) {
      lo = new Date(Math.min(...used.map((r) => r.start)));
      hi = new Date(Math.max(...used.map((r) => r.start)));
    }
    const coarse = rows.filter((r) => !used.includes(r) && !outside.includes(r)).reduce((n, r) => n + (r.events || 0), 0);
    const far = outside.reduce((n, r) => n + (r.events || 0), 0);

    const buckets = new Map();
    for (const r of used) {
      const start = unit.interval.floor(r.start);
      const k = +start;
      if (!buckets.has(k)) buckets.set(k, { start, 1: 0, 2: 0, 3: 0, 4: 0, total: 0 });
      const b = buckets.get(k);
      const q = [1, 2, 3, 4].includes(Number(r.quad_class)) ? Number(r.quad_class) : 3;
      b[q] += r.events || 0;
      b.total += r.events || 0;
    }
    const data = [...buckets.values()].sort((a, b) => a.start - b.start);
    const years = outside.map((r) => r.start.getUTCFullYear());
    const notDrawn = [
      coarse ? `${coarse} dated only to a ${{ day: 'week, month or year', week: 'month or year', month: 'year' }[unitName]}` : '',
      far ? `${far} in ${Math.min(...years)}${Math.max(...years) !== Math.min(...years) ? `–${Math.max(...years)}` : ''}` : '',
    ].filter(Boolean);
    sub.textContent = `${total} event${total === 1 ? '' : 's'}, bars ${unit.label}` + (notDrawn.length ? ` · not drawn: ${notDrawn.join(', ')}` : '');
    sub.title = far ? 'events far outside the range the others fall in are counted but not drawn; filter by date to see them' : '';

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
