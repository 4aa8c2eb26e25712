// An actor's page: the names it was written as, its partners in each direction (a partner sets the directed dyad
// filter), its event types (filter) and its events by month with the mean Goldstein score, within the filters.
import { select, scaleBand, scaleLinear, max } from 'd3';
import { api } from './api.js';
import { esc, goldsteinColor, num } from './format.js';
import { setFilters, setView } from './state.js';
import { emptyHtml } from './reason.js';

export function createActorPage(panel) {
  let code = null;
  panel.addEventListener('click', (e) => {
    const t = e.target.closest('[data-action]');
    if (!t) return;
    e.preventDefault();
    const a = t.dataset;
    if (a.action === 'close') setView({ who: '' });
    else if (a.action === 'dyad') setFilters(a.direction === 'to' ? { source: code, target: a.partner } : { source: a.partner, target: code });
    else if (a.action === 'type') setFilters({ type: a.type, actor: code });
    else if (a.action === 'filter') setFilters({ actor: code });
    else if (a.action === 'page') setView({ who: a.partner });
  });

  function chart(box, months) {
    const width = Math.max(240, box.clientWidth || 300);
    const height = 110;
    const m = { top: 6, right: 6, bottom: 18, left: 28 };
    const x = scaleBand().domain(months.map((d) => d.month)).range([m.left, width - m.right]).padding(0.15);
    const y = scaleLinear().domain([0, max(months, (d) => d.events) || 1]).nice().range([height - m.bottom, m.top]);
    const svg = select(box).append('svg').attr('width', width).attr('height', height).attr('role', 'img')
      .attr('aria-label', `events by month: ${months.map((d) => `${d.month} ${d.events}`).join(', ')}`);
    svg.selectAll('rect').data(months).join('rect').attr('x', (d) => x(d.month)).attr('width', x.bandwidth())
      .attr('y', (d) => y(d.events)).attr('height', (d) => y(0) - y(d.events)).attr('fill', (d) => (d.goldstein == null ? '#8a8a8a' : goldsteinColor(d.goldstein)))
      .append('title').text((d) => `${d.month}: ${d.events} events, mean Goldstein ${num(d.goldstein)}`);
    const ticks = months.filter((_, i) => i % Math.ceil(months.length / 6) === 0);
    svg.selectAll('text.tick').data(ticks).join('text').attr('class', 'tick').attr('x', (d) => x(d.month)).attr('y', height - 4).text((d) => d.month);
    svg.append('text').attr('class', 'tick').attr('x', 2).attr('y', m.top + 8).text(max(months, (d) => d.events) || 0);
  }

  return {
    async update(who, filters) {
      code = who;
      panel.hidden = false;
      const a = await api.actor(who, filters);
      const s = a.summary || {};
      const head = `<div class="panel-head"><h2 id="actor-title">Actor <span class="code">${esc(who)}</span></h2>
        <span class="sub">${s.events || 0} events (${s.as_source || 0} as source) · ${esc(s.first || '')}–${esc(s.last || '')} · mean Goldstein ${num(s.goldstein)}</span>
        <button type="button" class="link" data-action="filter" data-testid="actor-filter">filter to ${esc(who)}</button>
        <button type="button" class="link" data-action="close" data-testid="actor-close" aria-label="close the actor page">✕</button></div>`;
      if (!s.events) {
        panel.innerHTML = head + emptyHtml(filters, `events of ${who}`);
        panel.dataset.code = who;
        return;
      }
      const list = (rows, fn) => `<ul class="plain">${rows.map(fn).join('')}</ul>`;
      panel.innerHTML = `${head}<div class="actor-body">
        <div><h3>Written as</h3>${list(a.names || [], (n) => `<li data-testid="actor-name">“${esc(n.text)}” <span class="code muted">${esc(n.code)}</span> <span class="muted">${n.events}</span></li>`)}</div>
        <div><h3>Partners</h3>${list(a.partners || [], (p) => `<li data-testid="actor-partner"><button type="button" class="chip" data-action="dyad" data-partner="${esc(p.partner)}" data-direction="${esc(p.direction)}" data-testid="actor-dyad"
            aria-label="filter to ${p.direction === 'to' ? `${esc(who)} to ${esc(p.partner)}` : `${esc(p.partner)} to ${esc(who)}`}">${p.direction === 'to' ? `→ ${esc(p.partner)}` : `← ${esc(p.partner)}`}</button>
            <span class="muted">${p.events} · Goldstein ${num(p.goldstein)}</span> <a href="#" data-action="page" data-partner="${esc(p.partner)}" class="small">page</a></li>`)}</div>
        <div><h3>Event types</h3>${list(a.types || [], (t) => `<li><button type="button" class="chip" data-action="type" data-type="${esc(t.type)}" data-testid="actor-type">${esc(t.type)}</button> <span class="muted">${t.events}</span></li>`)}</div>
        <div class="actor-chart"><h3>By month</h3><div data-testid="actor-timeline"></div></div></div>`;
      panel.dataset.code = who;
      chart(panel.querySelector('[data-testid=actor-timeline]'), a.timeline || []);
    },
    close() {
      panel.hidden = true;
      panel.innerHTML = '';
      code = null;
    },
  };
}
