import { type Html, html } from '../html.ts';

/**
 * Server-rendered SVG charts. Each is an image with a title and a description (role="img",
 * aria-labelledby), and the page puts the same numbers in a table next to it, so nothing is
 * known only from the picture (WCAG 1.1.1). Series are told apart by dash pattern as well as
 * colour (WCAG 1.4.1).
 */

export type Series = { name: string; values: number[]; colour: string; dash: string };

const width = 640;
const height = 240;
const pad = { left: 40, right: 12, top: 12, bottom: 36 };

function niceMax(max: number): number {
  if (max <= 5) return 5;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / magnitude) * magnitude;
}

export function lineChart(id: string, title: string, labels: string[], series: Series[]): Html {
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const x = (i: number) =>
    pad.left + (labels.length <= 1 ? plotW / 2 : (i * plotW) / (labels.length - 1));
  const y = (v: number) => pad.top + plotH - (v / max) * plotH;
  const ticks = [0, max / 2, max];
  const every = Math.max(1, Math.ceil(labels.length / 12));
  const summary = series.map((s) => `${s.name}: ${s.values.reduce((a, b) => a + b, 0)}`).join(', ');
  return html`<figure class="chart">
<svg viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" width="100%" preserveAspectRatio="xMidYMid meet">
  <title id="${id}-title">${title}</title>
  <desc id="${id}-desc">Totals over ${labels.length} months: ${summary}. The table below lists every month.</desc>
  ${ticks.map((t) => html`<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(t)}" y2="${y(t)}" stroke="#ccc" stroke-width="1"/><text x="${pad.left - 6}" y="${y(t) + 4}" text-anchor="end" font-size="11">${t}</text>`)}
  ${labels.map((label, i) => (i % every === 0 ? html`<text x="${x(i)}" y="${height - pad.bottom + 16}" text-anchor="middle" font-size="11">${label}</text>` : ''))}
  ${series.map(
    (s) =>
      html`<polyline fill="none" stroke="${s.colour}" stroke-width="2" stroke-dasharray="${s.dash}" points="${s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}"/>`,
  )}
</svg>
<figcaption>${series.map(
    (s) =>
      html`<span class="legend"><svg width="28" height="10" aria-hidden="true"><line x1="0" x2="28" y1="5" y2="5" stroke="${s.colour}" stroke-width="2" stroke-dasharray="${s.dash}"/></svg> ${s.name}</span> `,
  )}</figcaption>
</figure>`;
}

/** Horizontal bars of shares (0..1), one per labelled row. */
export function barChart(
  id: string,
  title: string,
  rows: Array<{ label: string; value: number }>,
): Html {
  const rowH = 26;
  const labelW = 220;
  const barW = width - labelW - 60;
  const h = Math.max(rowH, rows.length * rowH) + 8;
  return html`<figure class="chart">
<svg viewBox="0 0 ${width} ${h}" role="img" aria-labelledby="${id}-title ${id}-desc" width="100%">
  <title id="${id}-title">${title}</title>
  <desc id="${id}-desc">${rows.map((r) => `${r.label}: ${Math.round(r.value * 100)}%`).join('; ')}</desc>
  ${rows.map(
    (
      r,
      i,
    ) => html`<text x="${labelW - 8}" y="${i * rowH + 18}" text-anchor="end" font-size="12">${r.label.length > 34 ? `${r.label.slice(0, 33)}…` : r.label}</text>
  <rect x="${labelW}" y="${i * rowH + 6}" width="${(barW * r.value).toFixed(1)}" height="16" fill="#1d4ed8"/>
  <text x="${labelW + barW * r.value + 6}" y="${i * rowH + 18}" font-size="12">${Math.round(r.value * 100)}%</text>`,
  )}
</svg>
</figure>`;
}
