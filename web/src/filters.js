// The header's filter bar: date range, actor (code or name), country, event type, free text. Text fields apply
// after a short pause or on Enter; dates and lists apply at once. Suggestions come from the data.
import { state, setFilters, onFilters } from './state.js';
import { PLOVER_TYPES, esc } from './format.js';

const FIELDS = [
  { key: 'from', label: 'From', type: 'date', placeholder: 'YYYY-MM-DD' },
  { key: 'to', label: 'To', type: 'date', placeholder: 'YYYY-MM-DD' },
  { key: 'actor', label: 'Actor', type: 'text', placeholder: 'code or name, e.g. IRNGOV', list: 'actor-options', width: 150 },
  { key: 'country', label: 'Country', type: 'text', placeholder: 'ISO3', list: 'country-options', width: 64 },
  { key: 'type', label: 'Type', type: 'text', placeholder: 'PLOVER or CAMEO', list: 'type-options', width: 120 },
  { key: 'q', label: 'Text', type: 'search', placeholder: 'words in the evidence', width: 170 },
];
// the second row: a directed dyad, ACLED type, reliability and outlet
const MORE = [
  { key: 'source', label: 'Source', type: 'text', placeholder: 'who acts', list: 'actor-options', width: 110 },
  { key: 'target', label: '→ Target', type: 'text', placeholder: 'on whom', list: 'actor-options', width: 110 },
  { key: 'acled', label: 'ACLED', type: 'text', placeholder: 'event or sub-event type', list: 'acled-options', width: 150 },
  { key: 'confidence', label: 'Confidence', type: 'select', options: [['', 'any'], ['0.5', '≥ 0.5'], ['0.7', '≥ 0.7'], ['0.9', '≥ 0.9']] },
  { key: 'hedged', label: 'Hedged', type: 'select', options: [['', 'any'], ['false', 'not hedged'], ['true', 'hedged only']] },
  { key: 'historical', label: 'Historical', type: 'select', options: [['', 'any'], ['false', 'current'], ['true', 'historical only']] },
  { key: 'outlet', label: 'Outlet', type: 'text', placeholder: 'outlet name', width: 110 },
];

function field(f) {
  const id = `filter-${f.key}`;
  if (f.type === 'select') {
    return `<label class="field" for="${id}"><span>${f.label}</span><select id="${id}" name="${f.key}" data-testid="${id}">${f.options.map(([v, t]) => `<option value="${v}">${esc(t)}</option>`).join('')}</select></label>`;
  }
  return `<label class="field" for="${id}"><span>${f.label}</span>
      <input id="${id}" name="${f.key}" type="${f.type === 'date' ? 'text' : f.type}" data-testid="${id}"
        placeholder="${esc(f.placeholder)}" ${f.list ? `list="${f.list}"` : ''}
        ${f.type === 'date' ? 'pattern="\\d{4}(-\\d{2}(-\\d{2})?)?" inputmode="numeric" maxlength="10" style="width:92px"' : `style="width:${f.width}px"`}>
    </label>`;
}

export function mountFilters(form) {
  form.innerHTML = FIELDS.map(field).join('') + `
    <span class="field cluster-chip" data-testid="filter-cluster" role="button" tabindex="0" hidden></span>
    <button type="button" class="reset more-toggle" data-testid="filter-more" aria-expanded="false" aria-controls="more-filters">More filters</button>
    <button type="button" class="reset" data-testid="filter-reset" title="clear all filters">Clear</button>
    <div class="more" id="more-filters" data-testid="more-filters" hidden>${MORE.map(field).join('')}</div>
    <datalist id="actor-options"></datalist>
    <datalist id="country-options"></datalist>
    <datalist id="acled-options"></datalist>
    <datalist id="type-options">${PLOVER_TYPES.map((t) => `<option value="${t}">`).join('')}</datalist>`;

  const inputs = [...form.querySelectorAll('input, select')];
  const apply = (input) => {
    if (input.name === 'from' || input.name === 'to') {
      if (input.value && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(input.value.trim())) {
        input.classList.add('invalid');
        input.setAttribute('aria-invalid', 'true');
        return;
      }
      input.classList.remove('invalid');
      input.removeAttribute('aria-invalid');
    }
    let v = input.value.trim();
    if (input.name === 'country' && /^[a-z]{3}$/.test(v)) v = v.toUpperCase();
    if (input.name === 'type' && /^[a-z]+$/.test(v)) v = v.toUpperCase();
    if (['actor', 'source', 'target'].includes(input.name)) v = resolveActor(v);
    setFilters({ [input.name]: v });
  };
  for (const input of inputs) {
    let timer = null;
    if (input.tagName === 'SELECT') { input.addEventListener('change', () => apply(input)); continue; }
    input.addEventListener('input', () => {
      clearTimeout(timer);
      // a chosen suggestion applies at once; typing waits for a pause
      timer = setTimeout(() => apply(input), input.list && [...input.list.options].some((o) => o.value === input.value) ? 0 : 500);
    });
    input.addEventListener('change', () => { clearTimeout(timer); apply(input); });
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    for (const input of inputs) apply(input);
  });
  form.querySelector('[data-testid=filter-reset]').addEventListener('click', () => setFilters({}, true));
  const more = form.querySelector('.more');
  const moreToggle = form.querySelector('.more-toggle');
  moreToggle.addEventListener('click', () => {
    more.hidden = !more.hidden;
    moreToggle.setAttribute('aria-expanded', String(!more.hidden));
  });
  const chip = form.querySelector('.cluster-chip');
  chip.addEventListener('click', () => setFilters({ cluster: '' }));
  chip.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); setFilters({ cluster: '' }); } });

  const sync = (filters) => {
    for (const input of inputs) input.value = filters[input.name] || '';
    chip.hidden = !filters.cluster;
    chip.textContent = filters.cluster ? `cluster ${filters.cluster} ✕` : '';
    const extra = MORE.filter((f) => filters[f.key]).length;
    moreToggle.textContent = extra ? `More filters (${extra})` : 'More filters';
    if (extra) { more.hidden = false; moreToggle.setAttribute('aria-expanded', 'true'); }
  };
  onFilters(sync);
  sync(state.filters);
}

/** Fills the ACLED type suggestions from the breakdown. */
export function suggestAcled(rows) {
  const names = new Set();
  for (const r of rows) { if (r.type) names.add(r.type); if (r.sub_type) names.add(r.sub_type); }
  document.getElementById('acled-options').innerHTML = [...names].sort().map((n) => `<option value="${esc(n)}">`).join('');
}

// actor code → how often each name was coded as it (from the suggestions' sample of events)
const actorNames = new Map();

/**
 * The API takes an actor as a code prefix (capitals) or as words of its name. A known code typed in lower
 * case ("irngov") is meant as the code.
 */
export function resolveActor(v) {
  if (!v || /^[A-Z0-9]+$/.test(v) || /\s/.test(v)) return v;
  const upper = v.toUpperCase();
  return [...actorNames.keys()].some((c) => c.startsWith(upper)) ? upper : v;
}

/** Fills the actor and country suggestions from what the store holds. */
export function suggest(form, rows) {
  const countries = new Set();
  actorNames.clear();
  for (const r of rows) {
    for (const [code, text, country] of [[r.source_code, r.source_text, r.source_country], [r.target_code, r.target_text, r.target_country]]) {
      if (code) {
        if (!actorNames.has(code)) actorNames.set(code, new Map());
        if (text) actorNames.get(code).set(text, (actorNames.get(code).get(text) || 0) + 1);
      }
      if (country) countries.add(country);
    }
    if (r.location_country) countries.add(r.location_country);
  }
  const label = (names) => [...names].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([n]) => n).join('; ');
  form.querySelector('#actor-options').innerHTML = [...actorNames].sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([code, names]) => `<option value="${esc(code)}">${esc(label(names))}</option>`).join('');
  form.querySelector('#country-options').innerHTML = [...countries].sort().map((c) => `<option value="${esc(c)}">`).join('');
}
