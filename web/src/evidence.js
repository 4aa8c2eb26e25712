// The evidence view: the article with the event's sentence marked and its trigger, actors, places
// and dates highlighted; the event's fields; the other events of the document; the causal chain
// between them (the record's relations); and how many documents report the same event.
import { api } from './api.js';
import { esc, flags, has, num, quadColor, quadName, cameoRootName, or } from './format.js';
import { setFilters, setOpen } from './state.js';

const PRONOUNS = new Set(['i', 'me', 'we', 'us', 'you', 'he', 'him', 'she', 'her', 'it', 'they', 'them', 'its', 'their', 'his', 'our', 'this', 'that', 'who', 'which']);
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?';
const DATE_RE = new RegExp([
  `\\b(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b`,
  `\\b\\d{1,2}\\s+(?:${MONTHS})(?:\\s+\\d{4})?\\b`,
  `\\b(?:${MONTHS})\\s+\\d{4}\\b`,
  '\\b(?:early|late|mid-?)?\\s?(?:on\\s+)?(?:last\\s+|next\\s+|this\\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\\s+(?:morning|afternoon|evening|night))?\\b',
  '\\b(?:yesterday|today|tonight|last\\s+(?:week|month|year|night)|earlier\\s+this\\s+(?:week|month|year)|this\\s+(?:week|month|year)|next\\s+(?:week|month|year))\\b',
  '\\b\\d{4}-\\d{2}-\\d{2}\\b',
  '\\bin\\s+(?:1[89]|20)\\d{2}\\b',
  '\\b(?:1[89]|20)\\d{2}s?\\b',
].join('|'), 'g');

export function createEvidence(panel, { rowOf, clusterOf }) {
  let doc = null;
  let current = null; // {docId, eventId}
  let seq = 0;

  panel.addEventListener('click', (e) => {
    const t = e.target.closest('[data-open-event], [data-open-doc], [data-action]');
    if (!t) return;
    e.preventDefault();
    if (t.dataset.action === 'close') close();
    else if (t.dataset.action === 'filter-cluster') setFilters({ cluster: t.dataset.cluster });
    else if (t.dataset.openDoc) open({ doc_id: t.dataset.openDoc, event_id: t.dataset.openEvent || null });
    else if (t.dataset.openEvent) show(t.dataset.openEvent, true);
  });
  panel.addEventListener('keydown', (e) => {
    if ((e.key === 'Enter' || e.key === ' ') && e.target.matches('li[data-open-event]')) { e.preventDefault(); e.target.click(); }
  });
  // a modal dialog: Escape closes it, Tab stays inside it, and focus goes back to what opened it
  let opener = null;
  document.addEventListener('keydown', (e) => {
    if (panel.hidden) return;
    if (e.key === 'Escape') { e.preventDefault(); close(); return; }
    if (e.key !== 'Tab') return;
    const items = [...panel.querySelectorAll('a[href], button, [tabindex]:not([tabindex="-1"])')].filter((x) => x.offsetParent !== null);
    if (!items.length) return;
    const [first, last] = [items[0], items[items.length - 1]];
    if (e.shiftKey && (document.activeElement === first || !panel.contains(document.activeElement))) { e.preventDefault(); last.focus(); }
    else if (!e.shiftKey && (document.activeElement === last || !panel.contains(document.activeElement))) { e.preventDefault(); first.focus(); }
  });

  /** Closes the dialog; {@code record} false when the URL already says it is closed (Back). */
  function close(record = true) {
    if (panel.hidden) return;
    panel.hidden = true;
    current = null;
    document.body.classList.remove('evidence-open');
    window.sitrep.evidence = null;
    if (record) setOpen(null);
    if (opener && document.contains(opener)) opener.focus();
    opener = null;
  }

  /** Opens an event (row of /api/events, or {doc_id, event_id}); loads its document. {@code from}: the element to refocus on close. */
  async function open(row, from = null) {
    const my = ++seq;
    if (panel.hidden) opener = from || (document.activeElement !== document.body ? document.activeElement : null);
    panel.hidden = false;
    document.body.classList.add('evidence-open');
    panel.dataset.state = 'loading';
    panel.innerHTML = `<div class="ev-head"><h2 id="evidence-title">Evidence</h2><button type="button" class="close" data-action="close" data-testid="evidence-close" aria-label="close the evidence (Esc)">✕</button></div><div class="ev-loading" role="status">Loading ${esc(row.doc_id)}…</div>`;
    panel.querySelector('.close').focus();
    try {
      const d = await api.document(row.doc_id);
      if (my !== seq) return;
      doc = d;
      const all = [...(d.events || []), ...(d.non_events || [])];
      const id = row.event_id && all.some((e) => e.id === row.event_id) ? row.event_id : (all[0] && all[0].id);
      await show(id, false, row);
    } catch (err) {
      if (my !== seq) return;
      panel.dataset.state = 'error';
      panel.querySelector('.ev-loading').textContent = `Could not load document ${row.doc_id}: ${err.message}`;
    }
  }

  async function show(eventId, scroll, row = null) {
    const all = [...(doc.events || []), ...(doc.non_events || [])];
    const ev = all.find((e) => e.id === eventId) || null;
    current = { docId: doc.id, eventId: ev && ev.id };
    window.sitrep.evidence = current;
    setOpen(current.docId, current.eventId);
    const r = row && row.event_id === (ev && ev.id) && row.event_id != null && 'cluster_id' in row ? row : await findRow(doc.id, ev);
    const hadFocus = panel.contains(document.activeElement);
    panel.innerHTML = render(doc, ev, r);
    panel.dataset.state = 'ready';
    if (hadFocus || !panel.contains(document.activeElement)) panel.querySelector('.close').focus({ preventScroll: true });
    panel.dataset.doc = doc.id;
    panel.dataset.event = ev ? ev.id : '';
    const box = panel.querySelector('.article');
    const mark = panel.querySelector('[data-testid="evidence-sentence"]');
    if (box && mark) box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
    if (!scroll) panel.scrollTop = 0;
    const clusterId = r && has(r.cluster_id) ? r.cluster_id : ev && (ev.cluster_id ?? null);
    if (has(clusterId)) await fillCluster(clusterId, r ? clusterOf(r) : null);
  }

  /** The event's row in the store (with its cluster): on the table's page, else found by its sentence. */
  async function findRow(docId, ev) {
    if (!ev) return null;
    const known = rowOf(docId, ev.id);
    if (known || !has(ev.evidence)) return known;
    try {
      const res = await api.events({ q: ev.evidence.slice(0, 100) }, 0, 100);
      return ((res && res.items) || []).find((x) => x.doc_id === docId && x.event_id === ev.id) || null;
    } catch {
      return null;
    }
  }

  async function fillCluster(clusterId, hint) {
    const box = panel.querySelector('[data-testid="evidence-cluster"]');
    if (!box) return;
    const my = seq;
    let c = hint;
    try {
      if (!c) {
        const res = await api.clusters({ cluster: clusterId }, 0, 50);
        c = (res && res.items || []).find((x) => String(x.cluster_id) === String(clusterId)) || null;
      }
      const others = !c || c.documents > 1 ? await api.events({ cluster: clusterId }, 0, 50).catch(() => null) : null;
      if (my !== seq) return;
      const docs = new Map();
      for (const e of (others && others.items) || []) if (e.doc_id !== doc.id && !docs.has(e.doc_id)) docs.set(e.doc_id, e);
      const n = c ? c.documents : docs.size + 1;
      box.innerHTML = `<b>Reported by ${esc(n)} document${n === 1 ? '' : 's'}${c && has(c.independent) ? ` (${esc(c.independent)} independent)` : ''}</b>${c && has(c.sources) ? ` · ${esc(c.sources)} outlet${c.sources === 1 ? '' : 's'}` : ''}${c && has(c.mentions) ? ` · ${esc(c.mentions)} mention${c.mentions === 1 ? '' : 's'}` : ''}
        ${n > 1 ? `<a href="#" data-action="filter-cluster" data-cluster="${esc(clusterId)}" data-testid="cluster-filter">show all in the table</a>` : ''}
        ${docs.size ? `<div class="muted small">also reported by:</div><ul class="reports">${[...docs.values()].map((e) => `<li><a href="#" data-open-doc="${esc(e.doc_id)}" data-open-event="${esc(e.event_id)}">${esc(e.doc_id)}</a> <span class="muted">${esc(e.outlet || '')} ${esc(e.date || '')}</span></li>`).join('')}</ul>` : ''}`;
      box.hidden = false;
    } catch {
      box.hidden = true;
    }
  }

  return { open, close, get current() { return current; } };
}

// ---------------------------------------------------------------- rendering

function render(d, ev, row) {
  const events = d.events || [];
  const nonEvents = d.non_events || [];
  return `
  <div class="ev-head">
    <h2 id="evidence-title">Evidence</h2>
    <span class="ev-doc" title="document id">${esc(d.id)}</span>
    <button type="button" class="close" data-action="close" data-testid="evidence-close" aria-label="close the evidence (Esc)">✕</button>
  </div>
  <div class="ev-meta" data-testid="evidence-meta">
    <div class="ev-title">${esc(d.title || d.id)}</div>
    <div class="muted">${[d.outlet, d.published].filter(has).map(esc).join(' · ')}${has(d.url) && /^https?:\/\//i.test(d.url) ? ` · <a href="${esc(d.url)}" target="_blank" rel="noopener noreferrer">source</a>` : ''}</div>
    ${has(d.duplicate_of) ? `<div class="dup" data-testid="evidence-duplicate">Near-duplicate${has(d.similarity) ? ` (overlap ${num(d.similarity, 2)})` : ''} of <a href="#" data-open-doc="${esc(d.duplicate_of)}">${esc(d.duplicate_of)}</a>: a copy of the same wire story, not an independent report</div>` : ''}
    ${Array.isArray(d.duplicates) && d.duplicates.length ? `<div class="dup" data-testid="evidence-copies">Copied by ${d.duplicates.length} document${d.duplicates.length === 1 ? '' : 's'}: ${d.duplicates.map((id) => `<a href="#" data-open-doc="${esc(id)}">${esc(id)}</a>`).join(', ')}</div>` : ''}
    <div class="cluster-line" data-testid="evidence-cluster" hidden></div>
  </div>
  ${ev ? fields(ev, d, row) : '<div class="empty">This document has no coded events.</div>'}
  <section class="ev-section">
    <h3>Article</h3>
    <div class="legend ev-legend" data-testid="evidence-legend">
      <span class="hl-trigger">trigger</span><span class="sent-current">sentence</span><span class="hl-source">source</span><span class="hl-target">target</span><span class="hl-actor">actor</span><span class="hl-place">place</span><span class="hl-date">date</span><span class="hl-other">other event</span>
    </div>
    <div class="article" data-testid="evidence-text">${article(d, ev)}</div>
  </section>
  <section class="ev-section" data-testid="evidence-chain">
    <h3>Causal chain</h3>
    ${chain(d, ev)}
  </section>
  <section class="ev-section">
    <h3>Events in this document <span class="muted">(${events.length})</span></h3>
    <ul class="ev-list" data-testid="evidence-events">${events.map((e) => item(e, ev)).join('')}</ul>
    ${nonEvents.length ? `<h3>Not counted as events <span class="muted">(${nonEvents.length}: negated, failed, demanded, threatened, conditional…)</span></h3>
    <ul class="ev-list non" data-testid="evidence-non-events">${nonEvents.map((e) => item(e, ev)).join('')}</ul>` : ''}
  </section>`;
}

function sides(list) {
  if (!Array.isArray(list) || !list.length) return '<span class="muted">–</span>';
  return list.map((s) => `<span class="code">${esc(s.code || '—')}</span> ${esc(s.text || '')}${s.inferred ? ' <span class="flag" title="country inferred from context">inferred</span>' : ''}`).join('; ');
}

function fields(ev, d, row) {
  const date = ev.date || {};
  const loc = ev.location || null;
  const counts = Object.entries(ev.counts || {}).filter(([, v]) => has(v));
  const conf = Number(ev.confidence);
  const attribution = ev.attribution ? `${esc(ev.attribution.text || '')}${has(ev.attribution.cue) ? ` <span class="muted">(“${esc(ev.attribution.cue)}”)</span>` : ''}` : '<span class="muted">none (the outlet itself)</span>';
  const f = (label, html, id) => `<dt>${label}</dt><dd${id ? ` data-testid="field-${id}"` : ''}>${html}</dd>`;
  return `
  <section class="ev-section ev-event">
    <div class="ev-summary">
      <span class="quad" style="background:${quadColor(ev.quad_class)}"></span>
      <span class="code big">${esc(ev.cameo || '')}</span>
      <span class="plover">${esc(ev.plover || '')}</span>${has(ev.mode) ? ` <span class="muted">${esc(ev.mode)}</span>` : ''}
      <span class="muted">${esc(cameoRootName(ev.cameo))}</span>
      <span class="flags">${flags(ev)}</span>
    </div>
    <dl class="fields" data-testid="evidence-fields">
      ${f('Source', sides(ev.source), 'source')}
      ${f('Target', sides(ev.target), 'target')}
      ${f('Trigger', `“${esc(ev.trigger && ev.trigger.text)}”${Array.isArray(ev.mentions) && ev.mentions.length ? ` <span class="muted">+ ${ev.mentions.length} re-mention${ev.mentions.length === 1 ? '' : 's'}</span>` : ''}`, 'trigger')}
      ${f('Date', `${esc(date.value || '–')} <span class="muted">${esc([date.precision, date.from && `from ${date.from}`].filter(has).join(', '))}</span>`, 'date')}
      ${f('Location', loc ? `${esc(loc.name || loc.text)}${has(loc.country) ? ` <span class="code">${esc(loc.country)}</span>` : ''}${has(loc.lat) ? ` <span class="muted mono">${num(loc.lat, 2)}, ${num(loc.lon, 2)}</span>` : ''}` : '<span class="muted">–</span>', 'location')}
      ${f('Quad / Goldstein', `${esc(ev.quad_class ?? '–')} ${esc(quadName(ev.quad_class))} · <span style="color:${quadColor(ev.quad_class)}">${num(ev.goldstein)}</span>`, 'goldstein')}
      ${f('Rule', `<code>${esc(ev.rule || '–')}</code>${has(ev.note) ? ` <span class="muted">${esc(ev.note)}</span>` : ''}`, 'rule')}
      ${f('Confidence', Number.isFinite(conf) ? `<span class="bar"><i style="width:${Math.round(conf * 100)}%"></i></span> ${conf.toFixed(2)}` : '–', 'confidence')}
      ${f('Attribution', attribution, 'attribution')}
      ${f('Modality', `${esc(or(ev.modality, '–'))} · polarity ${esc(or(ev.polarity, '–'))}${ev.hedged ? ' · <b>hedged</b>' : ''}${ev.historical ? ' · <b>historical</b>' : ''}`, 'modality')}
      ${counts.length ? f('Counts', counts.map(([k, v]) => `${esc(k)} ${esc(v)}`).join(' · '), 'counts') : ''}
      ${Array.isArray(ev.contexts) && ev.contexts.length ? f('Contexts', ev.contexts.map(esc).join(', '), 'contexts') : ''}
      ${row && has(row.cluster_id) ? f('Cluster', `<span class="mono">${esc(row.cluster_id)}</span>`, 'cluster') : ''}
    </dl>
  </section>`;
}

function item(e, current) {
  const src = (e.source || []).map((s) => s.code).filter(has).join(',') || '–';
  const tgt = (e.target || []).map((s) => s.code).filter(has).join(',') || '–';
  const why = [e.polarity !== 'asserted' && e.polarity, e.modality !== 'actual' && e.modality].filter(has).filter(Boolean).join(', ');
  return `<li tabindex="0" class="${current && e.id === current.id ? 'current' : ''}" data-open-event="${esc(e.id)}" data-testid="evidence-event" data-event="${esc(e.id)}">
    <span class="mono muted">${esc(e.id)}</span>
    <span class="quad" style="background:${quadColor(e.quad_class)}"></span><span class="code">${esc(e.cameo)}</span> <span class="plover">${esc(e.plover || '')}</span>
    <span class="mono">${esc(src)} → ${esc(tgt)}</span>
    <span class="trig">“${esc(e.trigger && e.trigger.text)}”</span>
    ${why ? `<span class="flag">${esc(why)}</span>` : ''}${flags({ ...e, polarity: null, modality: null })}
  </li>`;
}

// ------------------------------------------------------------- the chain

function chain(d, current) {
  const rels = (d.relations || []).filter((r) => r && r.from && r.to);
  if (!rels.length) return '<div class="muted">No causal links between events in this document.</div>';
  const byId = new Map([...(d.events || []), ...(d.non_events || [])].map((e) => [e.id, e]));
  const out = new Map();
  const hasIn = new Set();
  for (const r of rels) {
    if (!out.has(r.from)) out.set(r.from, []);
    out.get(r.from).push(r);
    hasIn.add(r.to);
  }
  // every path from a first cause to a last effect; cycles are cut
  const paths = [];
  const walk = (id, path, seen) => {
    const next = (out.get(id) || []).filter((r) => !seen.has(r.to));
    if (!next.length) { paths.push(path); return; }
    for (const r of next) walk(r.to, [...path, r], new Set([...seen, r.to]));
  };
  const starts = [...out.keys()].filter((id) => !hasIn.has(id));
  for (const s of (starts.length ? starts : [rels[0].from])) walk(s, [], new Set([s]));
  const box = (id) => {
    const e = byId.get(id);
    const cur = current && current.id === id;
    if (!e) return `<span class="chain-box missing">${esc(id)}</span>`;
    const src = (e.source || []).map((s) => s.code).filter(has).join(',');
    const tgt = (e.target || []).map((s) => s.code).filter(has).join(',');
    return `<a href="#" class="chain-box${cur ? ' current' : ''}" data-open-event="${esc(id)}" data-testid="chain-event" data-event="${esc(id)}" style="border-left-color:${quadColor(e.quad_class)}">
      <span class="mono muted">${esc(id)}</span> <span class="code">${esc(e.cameo)}</span> <span class="plover">${esc(e.plover || '')}</span><br>
      <span class="trig">“${esc(e.trigger && e.trigger.text)}”</span>${src || tgt ? `<br><span class="mono small">${esc(src || '–')} → ${esc(tgt || '–')}</span>` : ''}
    </a>`;
  };
  return `<div class="chains">${paths.map((p) => `<div class="chain">${box(p.length ? p[0].from : starts[0])}${p.map((r) => `
      <span class="chain-arrow" data-testid="chain-link" data-from="${esc(r.from)}" data-to="${esc(r.to)}"><span class="cue">${esc(r.cue || r.type || '')}</span><span class="arrow">⟶</span><span class="muted small">${esc(r.type || '')}</span></span>${box(r.to)}`).join('')}</div>`).join('')}</div>`;
}

// ------------------------------------------------------------ the article

/** The article text. Records carry it as `text`; older ones only hold the sentences that have events. */
function articleText(d) {
  if (typeof d.text === 'string') return { text: d.text, missing: new Set() };
  const sentences = d.sentences || [];
  const known = new Map();
  for (const e of [...(d.events || []), ...(d.non_events || [])]) if (e.sentence != null && has(e.evidence)) known.set(e.sentence, e.evidence);
  const len = Math.max(0, ...sentences.map((s) => s.end || 0));
  const chars = new Array(len).fill(' ');
  const missing = new Set();
  sentences.forEach((s, i) => {
    const t = known.get(i);
    if (t == null) { missing.add(i); return; }
    for (let k = 0; k < t.length && s.start + k < len; k++) chars[s.start + k] = t[k];
  });
  return { text: chars.join(''), missing };
}

function spans(d, ev, text) {
  const out = [];
  const add = (start, end, cls, attrs = {}) => {
    if (Number.isFinite(start) && Number.isFinite(end) && end > start) out.push({ start, end, cls, attrs });
  };
  const findAll = (needle, from = 0, to = text.length, cls, attrs) => {
    if (!needle || needle.length < 2) return;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
    re.lastIndex = from;
    let m;
    while ((m = re.exec(text)) && m.index < to) {
      if (m.index + m[0].length <= to) add(m.index, m.index + m[0].length, cls, attrs);
    }
  };
  // actors: their spans when the record has them, else where their words occur
  for (const a of d.actors || []) {
    if (Array.isArray(a.spans) && a.spans.length) { for (const [s, e] of a.spans) add(s, e, 'hl-actor', { title: a.code }); continue; }
    for (const t of new Set([a.text, ...(a.aliases || [])])) {
      if (has(t) && !PRONOUNS.has(t.toLowerCase()) && t.length > 2) findAll(t, 0, text.length, 'hl-actor', { title: a.code || '' });
    }
  }
  for (const p of d.places || []) for (const [s, e] of p.spans || []) add(s, e, 'hl-place', { title: [p.name, p.country].filter(has).join(', ') });
  for (const m of text.matchAll(DATE_RE)) add(m.index, m.index + m[0].length, 'hl-date');
  for (const e of [...(d.events || []), ...(d.non_events || [])]) {
    if (ev && e.id === ev.id) continue;
    if (e.trigger) add(e.trigger.start, e.trigger.end, 'hl-other', { 'data-open-event': e.id, title: `${e.id}: ${e.cameo} ${e.plover || ''}` });
  }
  if (ev) {
    const sent = (d.sentences || [])[ev.sentence];
    if (sent) {
      for (const s of ev.source || []) findAll(s.text, sent.start, sent.end, 'hl-source', { title: `source ${s.code || ''}` });
      for (const s of ev.target || []) findAll(s.text, sent.start, sent.end, 'hl-target', { title: `target ${s.code || ''}` });
    }
    for (const m of ev.mentions || []) if (m && Number.isFinite(m.start)) add(m.start, m.end, 'hl-mention', { title: 're-mention of the event' });
    if (ev.trigger) add(ev.trigger.start, ev.trigger.end, 'hl-trigger', { 'data-testid': 'evidence-trigger', title: 'trigger' });
  }
  return out;
}

/** Text from `start` to `end` with every span that overlaps it marked; overlapping spans nest as segments. */
function marked(text, start, end, all) {
  const inside = all.filter((s) => s.start < end && s.end > start);
  const cuts = new Set([start, end]);
  for (const s of inside) { cuts.add(Math.max(start, s.start)); cuts.add(Math.min(end, s.end)); }
  const points = [...cuts].sort((a, b) => a - b);
  let html = '';
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const cover = inside.filter((s) => s.start <= a && s.end >= b);
    const piece = esc(text.slice(a, b));
    if (!cover.length) { html += piece; continue; }
    const attrs = Object.assign({}, ...cover.map((s) => s.attrs));
    const cls = [...new Set(cover.map((s) => s.cls))].join(' ');
    html += `<span class="${cls}"${Object.entries(attrs).map(([k, v]) => ` ${k}="${esc(v)}"`).join('')}>${piece}</span>`;
  }
  return html;
}

function article(d, ev) {
  const { text, missing } = articleText(d);
  const all = spans(d, ev, text);
  const sentences = (d.sentences || []).length ? d.sentences : [{ start: 0, end: text.length }];
  let html = '';
  let pos = 0;
  sentences.forEach((s, i) => {
    if (s.start > pos) html += marked(text, pos, s.start, all);
    const cur = ev && ev.sentence === i;
    if (missing.has(i)) html += `<span class="sent missing" title="this sentence's text is not in the record">[…]</span>`;
    else html += `<span class="sent${cur ? ' sent-current' : ''}" data-sentence="${i}"${cur ? ' data-testid="evidence-sentence"' : ''}>${marked(text, s.start, s.end, all)}</span>`;
    pos = Math.max(pos, s.end);
  });
  if (pos < text.length) html += marked(text, pos, text.length, all);
  return html;
}
