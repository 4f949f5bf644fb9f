import MarkdownIt from 'markdown-it';
import { chartSvg } from './chart.js';
import { renderMarkdownBody } from './markdown.js';
import type { ReportDocument } from './report-document.js';
import { escapeHtml } from '../../common/html.js';

const md = new MarkdownIt({ html: false, linkify: false, breaks: false });
const placeholder = (i: number) => `CHART-PLACEHOLDER-${i}`;

const CSS = `
  body { font-family: "Times New Roman", "DejaVu Serif", serif; font-size: 14px; color: #111; background: #fff;
         max-width: 210mm; margin: 0 auto; padding: 20mm 15mm 20mm 30mm; line-height: 1.45; }
  .header { display: grid; grid-template-columns: 1fr 1.3fr; text-align: center; margin-bottom: 12px; }
  .agency .parent { text-transform: uppercase; }
  .agency .unit, .nation .motto { font-weight: bold; }
  .agency .unit { text-transform: uppercase; text-decoration: underline; text-underline-offset: 4px; }
  .nation .name { font-weight: bold; }
  .nation .motto { text-decoration: underline; text-underline-offset: 4px; }
  .number { margin-top: 6px; }
  .place { font-style: italic; margin-top: 6px; }
  h1.title { text-align: center; font-size: 16px; margin: 20px 0 0; }
  p.subtitle { text-align: center; font-weight: bold; margin: 4px 0 18px; }
  h2 { font-size: 15px; margin: 18px 0 6px; }
  h3 { font-size: 14px; margin: 12px 0 4px; }
  table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 13px; }
  th, td { border: 1px solid #555; padding: 3px 5px; vertical-align: top; text-align: left; }
  th { background: #eee; }
  td code, .hash { font-family: "DejaVu Sans Mono", monospace; font-size: 11px; word-break: break-all; }
  figure { margin: 8px 0; } figure svg { max-width: 100%; height: auto; }
  .signature { margin-top: 28px; display: grid; grid-template-columns: 1fr 1fr; }
  .signature .sign { text-align: center; font-weight: bold; }
  .signature .sign .name { margin-top: 60px; }
  .recipients { font-size: 12px; }
  @media print { body { padding: 0; } }
`;

/** The report as a standalone HTML page: the Markdown body through markdown-it, the chart as inline SVG. */
export function renderHtml(doc: ReportDocument): string {
  const charts = doc.blocks.filter((b) => b.kind === 'chart');
  const body = md.render(renderMarkdownBody(doc.blocks, placeholder));
  const withCharts = charts.reduce(
    (html, b, i) =>
      html.replace(
        `<p>${placeholder(i)}</p>`,
        `<figure>${b.kind === 'chart' ? chartSvg(b.chart) : ''}<figcaption>${escapeHtml(b.kind === 'chart' ? b.chart.title : '')}</figcaption></figure>`,
      ),
    body,
  );
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)} – ${escapeHtml(doc.subtitle)}</title><style>${CSS}</style></head>
<body>
<div class="header">
  <div class="agency"><div class="parent">${escapeHtml(doc.agencyParent)}</div><div class="unit">${escapeHtml(doc.agency)}</div><div class="number">${escapeHtml(doc.number)}</div></div>
  <div class="nation"><div class="name">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><div class="motto">Độc lập - Tự do - Hạnh phúc</div><div class="place">${escapeHtml(doc.placeDate)}</div></div>
</div>
<h1 class="title">${escapeHtml(doc.title)}</h1>
<p class="subtitle">${escapeHtml(doc.subtitle)}</p>
${withCharts}
<div class="signature">
  <div class="recipients"><em>Nơi nhận:</em><ul>${doc.recipients.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul></div>
  <div class="sign"><div>${escapeHtml(doc.signature.title).replace(/\n/g, '<br>')}</div><div class="name">${escapeHtml(doc.signature.name ?? '')}</div></div>
</div>
</body></html>`;
}
