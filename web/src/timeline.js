// Timeline: events per day (per week or month when the range is long) stacked by quad class, with the mean
// Goldstein score as a line (conflict below zero, cooperation above). Clicking a bar filters to its day (or week,
// month); dragging across the chart (a brush) filters to the range. Dates known less precisely than a bar (a week,
// month or year) and a few far outliers (an event of 1983 among last month's) are counted and said, not drawn, until
// "show all". With a directed dyad (source and target) chosen, the line is its trend both ways.
import { select, scaleUtc, scaleLinear, stack, max, axisBottom, axisLeft, axisRight, utcDay, utcMonday, utcMonth, utcFormat, brushX, pointer, line } from 'd3';
import { api } from './api.js';
import { QUADS, esc, num } from './format.js';
import { setFilters, setView, state } from './state.js';
import { emptyHtml } from './reason.js';
import { showTip, hideTip } from './tooltip.js';
import { timed } from './timing.js';

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
  let last = [];
  let reverse = null; // the dyad's other direction, when source and target are set
  let filters = {};
  let active = -1; // the bucket the keyboard is on
  const live = document.createElement('div');
  live.className = 'sr-only';
  live.setAttribute('aria-live', 'polite');
  container.after(live);
  sub.addEventListener('click', (e) => {
    const b = e.target.closest('[data-span]');
    if (b) setView({ span: b.dataset.span === 'all' ? 'all' : '' });
  });
  const view = {
    async update(f) {
      filters = f;
      const dyad = f.source && f.target;
      [last, reverse] = await Promise.all([api.timeseries(f), dyad ? api.timeseries({ ...f, source: f.target, target: f.source }) : null]);
      timed('draw:timeline', draw);
    },
    redraw: () => draw(),
  };

  function legendHtml(dyad) {
    return QUADS.map((q) => `<span class="key"><i style="background:${q.color}"></i>${q.name}</span>`).join('')
      + (dyad ? `<span class="line-key"><i class="line"></i>Goldstein ${esc(filters.source)} → ${esc(filters.target)}</span><span class="line-key"><i class="line dashed"></i>${esc(filters.target)} → ${esc(filters.source)}</span>`
        : '<span class="line-key"><i class="line"></i>mean Goldstein</span>');
  }

  function draw() {
    const dyad = !!(filters.source && filters.target);
    legend.innerHTML = legendHtml(dyad);
    const showAll = state.view.span === 'all';
    const rows = (Array.isArray(last) ? last : []).map((r) => ({ ...r, ...dated(r.day) }));
    const total = rows.reduce((n, r) => n + (r.events || 0), 0);
    // the range to draw: where the events are; a few far older (or later) ones are counted, not drawn
    const onAxis = rows.filter((r) => r.start && r.rank <= RANK.month);
    const [keep, outside] = showAll ? [onAxis, []] : trim(onAxis, total);
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
    const counted = new Set([...used, ...outside]);
    const coarse = rows.filter((r) => !counted.has(r)).reduce((n, r) => n + (r.events || 0), 0);
    const far = outside.reduce((n, r) => n + (r.events || 0), 0);

    const bucketOf = (list) => {
      const buckets = new Map();
      for (const r of list) {
        const start = unit.interval.floor(r.start);
        const k = +start;
        if (!buckets.has(k)) buckets.set(k, { start, 1: 0, 2: 0, 3: 0, 4: 0, total: 0, gsum: 0, gn: 0 });
        const b = buckets.get(k);
        const q = [1, 2, 3, 4].includes(Number(r.quad_class)) ? Number(r.quad_class) : 3;
        b[q] += r.events || 0;
        b.total += r.events || 0;
        if (r.goldstein != null) { b.gsum += r.goldstein * (r.events || 0); b.gn += r.events || 0; }
      }
      return [...buckets.values()].sort((a, b) => a.start - b.start);
    };
    const data = bucketOf(used);
    const back = dyad ? bucketOf((Array.isArray(reverse) ? reverse : []).map((r) => ({ ...r, ...dated(r.day) }))
      .filter((r) => r.start && r.rank <= RANK[unitName] && (!lo || (r.start >= unit.interval.floor(lo) && r.start <= hi)))) : [];
    const years = outside.map((r) => r.start.getUTCFullYear());
    const notDrawn = [
      coarse ? `${coarse} dated only to a ${{ day: 'week, month or year', week: 'month or year', month: 'year' }[unitName]}` : '',
      far ? `${far} far outlier${far === 1 ? '' : 's'} in ${Math.min(...years)}${Math.max(...years) !== Math.min(...years) ? `–${Math.max(...years)}` : ''}` : '',
    ].filter(Boolean);
    sub.innerHTML = `${total} event${total === 1 ? '' : 's'}, bars ${unit.label}` + (notDrawn.length ? ` · not drawn: ${esc(notDrawn.join(', '))}` : '')
      + (far ? ' <button type="button" class="chip" data-span="all" data-testid="timeline-show-all">show all</button>' : '')
      + (showAll ? ' <button type="button" class="chip" data-span="" data-testid="timeline-trim">hide far outliers</button>' : '')
      + ' <span class="muted small">· drag to zoom</span>';
    sub.dataset.outliers = String(far);
    sub.title = far ? 'events far outside the range the others fall in are counted but not drawn, so they do not squeeze the rest' : '';

    container.innerHTML = '';
    if (!total) { container.innerHTML = emptyHtml(filters, 'events'); return; }
    const width = Math.max(280, container.clientWidth);
    const height = Math.max(110, container.clientHeight || 150);
    const m = { top: 8, right: 34, bottom: 22, left: 34 };
    const svg = select(container).append('svg').attr('width', width).attr('height', height).attr('data-testid', 'timeline-svg')
      .attr('role', 'group').attr('tabindex', 0).attr('data-testid', 'timeline-svg')
      .attr('aria-label', `Timeline: ${total} events ${unit.label}. Left and right arrows move between ${unitName}s, Enter filters to one.`);
    if (!data.length) {
      svg.append('text').attr('x', width / 2).attr('y', height / 2).attr('text-anchor', 'middle').attr('class', 'empty').text('no events dated to the day, week or month');
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
    const g = scaleLinear().domain([-10, 10]).range([height - m.bottom, m.top]);
    svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${height - m.bottom})`)
      .call(axisBottom(x).ticks(Math.max(2, Math.floor(width / 90))).tickSizeOuter(0));
    svg.append('g').attr('class', 'axis').attr('transform', `translate(${m.left},0)`)
      .call(axisLeft(y).ticks(4).tickFormat((v) => (Number.isInteger(v) ? v : '')).tickSizeOuter(0));
    svg.append('g').attr('class', 'axis goldstein-axis').attr('transform', `translate(${width - m.right},0)`)
      .call(axisRight(g).tickValues([-10, 0, 10]).tickFormat((v) => (v > 0 ? `+${v}` : v)).tickSizeOuter(0));
    svg.append('line').attr('class', 'zero').attr('x1', m.left).attr('x2', width - m.right).attr('y1', g(0)).attr('y2', g(0));

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
      .attr('height', (d) => Math.max(0.5, y(d.v[0]) - y(d.v[1])));
    const mid = (d) => x(d.start) + bw(d) / 2;
    const mean = (d) => (d.gn ? d.gsum / d.gn : null);
    const trend = line().defined((d) => mean(d) != null).x(mid).y((d) => g(mean(d)));
    svg.append('path').attr('class', 'goldstein-line').attr('data-testid', 'timeline-goldstein').attr('d', trend(data));
    if (dyad) svg.append('path').attr('class', 'goldstein-line dashed').attr('data-testid', 'timeline-dyad-back').attr('d', trend(back));
    const focus = svg.append('rect').attr('class', 'bucket-focus').attr('hidden', true);

    const bucketAt = (px) => data.find((d) => px >= x(d.start) && px < x(unit.interval.offset(d.start, 1))) || null;
    const tip = (b) => `<b>${esc(unit.title(b.start))}</b><br>${QUADS.map((q) => `<span class="key"><i style="background:${q.color}"></i>${q.name}: ${b[q.id]}</span>`).join('<br>')}<br>mean Goldstein ${b.gn ? num(b.gsum / b.gn) : '–'}<br><span class="muted">click to filter to it, drag to zoom</span>`;
    const pick = (b) => {
      const start = b.start;
      if (unitName === 'day') setFilters({ from: iso(start), to: iso(start) });
      else if (unitName === 'month') setFilters({ from: unit.key(start), to: unit.key(start) });
      else setFilters({ from: iso(start), to: iso(utcDay.offset(start, 6)) });
    };
    // the brush lies over the bars: a drag picks a range, a click the bar under it
    const brush = brushX().extent([[m.left, m.top], [width - m.right, height - m.bottom]])
      .on('end', (event) => {
        if (!event.sourceEvent) return;
        hideTip();
        if (!event.selection) {
          const [px] = pointer(event.sourceEvent, svg.node());
          const b = bucketAt(px);
          if (b) pick(b);
          return;
        }
        const [a, z] = event.selection.map((p) => unit.interval.floor(x.invert(p)));
        const last = unit.interval.offset(z, 1);
        setFilters({ from: iso(a), to: iso(utcDay.offset(last, -1)) });
      });
    const overlay = svg.append('g').attr('class', 'brush').attr('data-testid', 'timeline-brush').call(brush);
    overlay.on('mousemove.tip', (event) => {
      const b = bucketAt(pointer(event, svg.node())[0]);
      if (b) showTip(tip(b), event); else hideTip();
    }).on('mouseleave.tip', hideTip);

    svg.on('keydown', (event) => {
      if (!['ArrowLeft', 'ArrowRight', 'Home', 'End', 'Enter', ' '].includes(event.key)) return;
      event.preventDefault();
      if (event.key === 'Enter' || event.key === ' ') { if (data[active]) pick(data[active]); return; }
      active = event.key === 'Home' ? 0 : event.key === 'End' ? data.length - 1
        : Math.max(0, Math.min(data.length - 1, (active < 0 ? (event.key === 'ArrowLeft' ? data.length : -1) : active) + (event.key === 'ArrowLeft' ? -1 : 1)));
      const b = data[active];
      focus.attr('hidden', null).attr('x', x(b.start) - 1).attr('width', bw(b) + 2).attr('y', m.top).attr('height', height - m.top - m.bottom);
      live.textContent = `${unit.title(b.start)}: ${b.total} events, ${QUADS.map((q) => `${b[q.id]} ${q.name.toLowerCase()}`).join(', ')}; mean Goldstein ${b.gn ? num(b.gsum / b.gn) : 'none'}`;
    });
    svg.on('blur', () => focus.attr('hidden', true));
    if (active >= data.length) active = -1;
  }
  return view;
}
