import { escapeHtml } from '../common/html.js';
import type { ChartSpec } from './official-document.js';

/**
 * Geometry of the spread chart (mention volume as bars, negative share as a line on a 0–100% axis, statement
 * publications as dashed markers), computed once and drawn by both the SVG (HTML, Markdown) and the PDF renderer.
 */
export interface ChartGeometry {
  width: number;
  height: number;
  plot: { x: number; y: number; w: number; h: number };
  bars: { x: number; y: number; w: number; h: number }[];
  shareLine: { x: number; y: number }[];
  /** `anchorEnd`: the label is drawn to the left of the line (near the right edge). */
  markers: { x: number; label: string; anchorEnd: boolean }[];
  yTicks: { y: number; left: string; right: string }[];
  xTicks: { x: number; label: string }[];
  maxVolume: number;
}

const VN_OFFSET_MS = 7 * 3600_000;
const two = (n: number) => String(n).padStart(2, '0');
function tickLabel(t: Date, withDate: boolean) {
  const d = new Date(t.getTime() + VN_OFFSET_MS);
  const hm = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  return withDate ? `${hm} ${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}` : hm;
}

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (v <= m * p) return m * p;
  return 10 * p;
}

export function chartGeometry(spec: ChartSpec, width = 640, height = 260): ChartGeometry {
  const plot = { x: 56, y: 16, w: width - 56 - 48, h: height - 16 - 44 };
  const n = Math.max(1, spec.points.length);
  const t0 = spec.points[0]?.t.getTime() ?? 0;
  const step = spec.bucketMinutes * 60_000;
  const span = n * step;
  const xOf = (t: number) => plot.x + ((t - t0) / span) * plot.w;
  const maxVolume = niceMax(Math.max(0, ...spec.points.map((p) => p.volume)));
  const slot = plot.w / n;
  const bars = spec.points.map((p, i) => {
    const h = (p.volume / maxVolume) * plot.h;
    return { x: plot.x + i * slot + slot * 0.1, y: plot.y + plot.h - h, w: Math.max(0.5, slot * 0.8), h };
  });
  const shareLine = spec.points
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.volume > 0)
    .map(({ p, i }) => ({
      x: plot.x + (i + 0.5) * slot,
      y: plot.y + plot.h - (p.negative / p.volume) * plot.h,
    }));
  const markers = spec.markers
    .filter((m) => m.t.getTime() >= t0 && m.t.getTime() <= t0 + span)
    .map((m) => {
      const x = xOf(m.t.getTime());
      return { x, label: m.label, anchorEnd: x > plot.x + plot.w - 110 };
    });
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => ({
    y: plot.y + plot.h - f * plot.h,
    left: Number.isInteger(maxVolume * f)
      ? String(maxVolume * f)
      : (maxVolume * f).toFixed(1).replace('.', ','),
    right: `${Math.round(f * 100)}\u00a0%`,
  }));
  const every = Math.max(1, Math.ceil(n / 8));
  const multiDay = span > 24 * 3600_000;
  const xTicks: ChartGeometry['xTicks'] = [];
  for (let i = 0; i < n; i += every) {
    xTicks.push({ x: plot.x + i * slot, label: tickLabel(new Date(t0 + i * step), multiDay || i === 0) });
  }
  return { width, height, plot, bars, shareLine, markers, yTicks, xTicks, maxVolume };
}

const f = (n: number) => n.toFixed(1);

/** The chart as a standalone SVG (embedded inline in HTML, as a data URI in Markdown). */
export function chartSvg(spec: ChartSpec): string {
  const g = chartGeometry(spec);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${g.width} ${g.height}" width="${g.width}" height="${g.height}" role="img" aria-label="${escapeHtml(spec.title)}" font-family="Times New Roman, Tinos, serif" font-size="10">`,
  );
  parts.push(`<title>${escapeHtml(spec.title)}</title>`);
  parts.push(`<rect x="0" y="0" width="${g.width}" height="${g.height}" fill="#fff"/>`);
  for (const t of g.yTicks) {
    parts.push(
      `<line x1="${g.plot.x}" x2="${g.plot.x + g.plot.w}" y1="${f(t.y)}" y2="${f(t.y)}" stroke="#ddd"/>`,
    );
    parts.push(
      `<text x="${g.plot.x - 6}" y="${f(t.y + 3)}" text-anchor="end" fill="#333">${escapeHtml(t.left)}</text>`,
    );
    parts.push(
      `<text x="${g.plot.x + g.plot.w + 6}" y="${f(t.y + 3)}" fill="#b00020">${escapeHtml(t.right)}</text>`,
    );
  }
  for (const b of g.bars) {
    parts.push(`<rect x="${f(b.x)}" y="${f(b.y)}" width="${f(b.w)}" height="${f(b.h)}" fill="#7a9cc6"/>`);
  }
  if (g.shareLine.length) {
    parts.push(
      `<polyline fill="none" stroke="#b00020" stroke-width="2" points="${g.shareLine.map((p) => `${f(p.x)},${f(p.y)}`).join(' ')}"/>`,
    );
  }
  for (const m of g.markers) {
    parts.push(
      `<line x1="${f(m.x)}" x2="${f(m.x)}" y1="${g.plot.y}" y2="${g.plot.y + g.plot.h}" stroke="#1b5e20" stroke-width="1.5" stroke-dasharray="4 3"/>`,
    );
    parts.push(
      `<text x="${f(m.anchorEnd ? m.x - 3 : m.x + 3)}" y="${g.plot.y + 10}" text-anchor="${m.anchorEnd ? 'end' : 'start'}" fill="#1b5e20">${escapeHtml(m.label)}</text>`,
    );
  }
  for (const t of g.xTicks) {
    parts.push(
      `<text x="${f(t.x)}" y="${g.plot.y + g.plot.h + 14}" fill="#333">${escapeHtml(t.label)}</text>`,
    );
  }
  const ly = g.height - 10;
  parts.push(`<rect x="${g.plot.x}" y="${ly - 8}" width="10" height="8" fill="#7a9cc6"/>`);
  parts.push(`<text x="${g.plot.x + 14}" y="${ly}">Số tin (trục trái)</text>`);
  parts.push(
    `<line x1="${g.plot.x + 130}" x2="${g.plot.x + 150}" y1="${ly - 4}" y2="${ly - 4}" stroke="#b00020" stroke-width="2"/>`,
  );
  parts.push(`<text x="${g.plot.x + 154}" y="${ly}">Tỷ lệ tiêu cực (trục phải)</text>`);
  parts.push(
    `<line x1="${g.plot.x + 300}" x2="${g.plot.x + 320}" y1="${ly - 4}" y2="${ly - 4}" stroke="#1b5e20" stroke-dasharray="4 3" stroke-width="1.5"/>`,
  );
  parts.push(`<text x="${g.plot.x + 324}" y="${ly}">Công bố văn bản</text>`);
  parts.push('</svg>');
  return parts.join('');
}
