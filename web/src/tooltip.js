// One floating tooltip shared by the views.
const el = () => document.getElementById('tooltip');

export function showTip(html, event) {
  const t = el();
  t.innerHTML = html;
  t.hidden = false;
  const pad = 14;
  const { innerWidth: w, innerHeight: h } = window;
  const r = t.getBoundingClientRect();
  let x = event.clientX + pad;
  let y = event.clientY + pad;
  if (x + r.width > w - 4) x = event.clientX - r.width - pad;
  if (y + r.height > h - 4) y = event.clientY - r.height - pad;
  t.style.left = `${Math.max(4, x)}px`;
  t.style.top = `${Math.max(4, y)}px`;
}

export function hideTip() {
  el().hidden = true;
}
