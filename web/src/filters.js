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

export function mountFilters(form) {
  form.innerHTML = FIELDS.map((f) => `
    <label class="field"><span>${f.label}</span>
      <input name="${f.key}" type="${f.type === 'date' ? 'text' : f.type}" data-testid="filter-${f.key}"
        placeholder="${esc(f.placeholder)}" ${f.list ? `list="${f.list}"` : ''}
        ${f.type === 'date' ? 'pattern="\\d{4}(-\\d{2}(-\\d{2})?)?" inputmode="numeric" maxlength="10" style="width:92px"' : `style="width:${f.width}px"`}>
    </label>`).join('') + `
    <span class="field cluster-chip" data-testid="filter-cluster" hidden></span>
    <button type="button" class="reset" data-testid="filter-reset" title="clear all filters">Clear</button>
    <datalist id="actor-options"></datalist>
    <datalist id="country-options"></datalist>
    <datalist id="type-options">${PLOVER_TYPES.map((t) => `<option value="${t}">`).join('')}</datalist>`;

  const inputs = [...form.querySelectorAll('input')];
  const apply = (input) => {
    if (input.name === 'from' || input.name === 'to') {
      if (input.value && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(input.value.trim())) {
        input.classList.add('invalid');
        return;
      }
      input.classList.remove('invalid');
    }
    let v = input.value.trim();
    if (input.name === 'country') v = v.toUpperCase();
    if (input.name === 'type' && /^[a-z]+$/.test(v)) v = v.toUpperCase();
    if (input.name === 'actor') v = resolveActor(v);
    setFilters({ [input.name]: v });
  };
  for (const input of inputs) {
    let timer = null;
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
  form.querySelector('.reset').addEventListener('click', () => setFilters({}, true));
  const chip = form.querySelector('.cluster-chip');
  chip.addEventListener('click', () => setFilters({ cluster: '' }));

  const sync = (filters) => {
    for (const input of inputs) input.value = filters[input.name] || '';
    chip.hidden = !filters.cluster;
    chip.textContent = filters.cluster ? `cluster ${filters.cluster} ✕` : '';
  };
  onFilters(sync);
  sync(state.filters);
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
