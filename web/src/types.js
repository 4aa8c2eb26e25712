// Event types: the filtered events by PLOVER type and by ACLED event type (with its sub-event types), as bars.
// A bar is a button: it filters to its type; the active type is marked and a second press drops it.
import { api } from './api.js';
import { esc, goldsteinColor, num } from './format.js';
import { setFilters, state } from './state.js';
import { emptyHtml } from './reason.js';
import { suggestAcled } from './filters.js';

export function createTypes(container, sub) {
  container.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-type], button[data-acled]');
    if (!b) return;
    if (b.dataset.type) setFilters({ type: state.filters.type === b.dataset.type ? '' : b.dataset.type });
    else setFilters({ acled: state.filters.acled === b.dataset.acled ? '' : b.dataset.acled });
  });

  function bars(rows, key, attr, max, label = (r) => r[key]) {
    return rows.map((r) => {
      const value = r[key];
      const on = state.filters[attr === 'type' ? 'type' : 'acled'] === value;
      return `<li><button type="button" class="type-bar${on ? ' on' : ''}" data-${attr}="${esc(value)}" data-testid="type-bar-${attr}" data-events="${r.events}"
        aria-pressed="${on}" aria-label="${esc(label(r))}: ${r.events} events${on ? ', filtered; press to remove' : ', press to filter'}">
        <span class="type-name">${esc(label(r))}</span>
        <span class="type-track"><i style="width:${(100 * r.events) / max}%;${r.goldstein != null ? `background:${goldsteinColor(r.goldstein)}` : ''}"></i></span>
        <span class="type-count">${r.events}</span></button></li>`;
    }).join('');
  }

  return {
    async update(filters) {
      const t = await api.types(filters);
      const plover = (t.plover || []).filter((r) => r.type);
      const acled = t.acled || [];
      suggestAcled(acled);
      const total = (t.plover || []).reduce((n, r) => n + r.events, 0);
      if (!total) {
        sub.textContent = '';
        container.innerHTML = emptyHtml(filters, 'events');
        return;
      }
      const uncoded = acled.filter((r) => !r.type).reduce((n, r) => n + r.events, 0);
      // ACLED: event types with their sub-event types beneath
      const byType = new Map();
      for (const r of acled.filter((x) => x.type)) {
        if (!byType.has(r.type)) byType.set(r.type, { type: r.type, events: 0, subs: [] });
        byType.get(r.type).events += r.events;
        if (r.sub_type) byType.get(r.type).subs.push(r);
      }
      const acledRows = [...byType.values()].sort((a, b) => b.events - a.events);
      const maxP = Math.max(1, ...plover.map((r) => r.events));
      const maxA = Math.max(1, ...acledRows.map((r) => r.events));
      sub.textContent = `${total} events · bar colour: mean Goldstein`;
      container.innerHTML = `<div class="types-col"><h3>PLOVER</h3><ul class="type-list" data-testid="types-plover">${bars(plover, 'type', 'type', maxP)}</ul></div>
        <div class="types-col"><h3>ACLED</h3>${acledRows.length ? `<ul class="type-list" data-testid="types-acled">${acledRows.map((r) => bars([r], 'type', 'acled', maxA)
          + (r.subs.length ? `<li><ul class="type-list subs">${bars(r.subs, 'sub_type', 'acled', maxA)}</ul></li>` : '')).join('')}</ul>` : ''}
        <p class="muted small" data-testid="types-acled-uncoded">${uncoded ? `${uncoded} of ${total} events ${acledRows.length ? 'have' : 'have yet'} no ACLED type (${num((100 * uncoded) / total, 0)}%): the coder assigns one only where ACLED's categories fit.` : 'every event has an ACLED type.'}</p></div>`;
    },
  };
}
