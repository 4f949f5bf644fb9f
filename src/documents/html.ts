import { escapeHtml } from '../common/html.js';
import { chartSvg } from './chart.js';
import { keepNameTogether, unbreakable } from './document-symbols.js';
import { MARGIN_MM, SIZE_PT } from './layout.js';
import { MOTTO, NATION, numberLine, placeDateLine, signatureLines } from './official-document.js';
import type { Block, OfficialDocument, Run } from './official-document.js';

const upper = (s: string) => s.toLocaleUpperCase('vi-VN');
const e = escapeHtml;

const CSS = `
  .vb { font-family: "Times New Roman", Tinos, serif; font-size: ${SIZE_PT.body}pt; color: #000; background: #fff;
        max-width: 210mm; margin: 0 auto; padding: ${MARGIN_MM.top}mm ${MARGIN_MM.right}mm ${MARGIN_MM.bottom}mm ${MARGIN_MM.left}mm;
        line-height: 1.35; box-sizing: border-box; }
  .vb .heading { display: grid; grid-template-columns: 42fr 58fr; text-align: center; font-size: ${SIZE_PT.heading}pt; }
  .vb .agency .unit, .vb .nation .name, .vb .nation .motto { font-weight: bold; }
  .vb .nation .motto { font-size: ${SIZE_PT.motto}pt; }
  .vb .rule { border-top: 1px solid #000; margin: 2px auto 6px; }
  .vb .agency .rule { width: 33%; }
  .vb .nation .rule { width: 68%; }
  .vb .place { font-style: italic; font-size: ${SIZE_PT.body}pt; margin-top: 8px; }
  .vb .nowrap { white-space: nowrap; }
  .vb .title { text-align: center; font-weight: bold; margin: 22px 0 0; font-size: ${SIZE_PT.title}pt; }
  .vb .subtitle { text-align: center; font-weight: bold; margin: 0 0 18px; }
  .vb .subtitle::after { content: ""; display: block; width: 30%; margin: 4px auto 0; border-top: 1px solid #000; }
  .vb .body p { text-align: justify; text-indent: 10mm; margin: 0 0 6pt; }
  .vb .body p.center { text-align: center; text-indent: 0; }
  .vb .body h2, .vb .body h3 { font-size: ${SIZE_PT.body}pt; margin: 10pt 0 4pt; }
  .vb .body ul, .vb .body ol { margin: 0 0 6pt; padding-left: 10mm; }
  .vb table.data { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: ${SIZE_PT.table}pt; }
  .vb table.data th, .vb table.data td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; text-align: left; }
  .vb table.data th { background: #eee; }
  .vb figure { margin: 8px 0; text-align: center; } .vb figure svg { max-width: 100%; height: auto; }
  .vb figcaption { font-style: italic; font-size: 12pt; }
  .vb .closing { display: grid; grid-template-columns: 1fr 1fr; margin-top: 18px; break-inside: avoid; }
  .vb .recipients { font-size: ${SIZE_PT.recipients}pt; }
  .vb .recipients .label { font-weight: bold; font-style: italic; font-size: ${SIZE_PT.recipientsLabel}pt; }
  .vb .recipients ul { list-style: none; padding: 0; margin: 0; }
  .vb .sign { text-align: center; font-weight: bold; }
  .vb .sign .name { margin-top: 64pt; }
`;

const runsHtml = (runs: Run[]) =>
  runs
    .map((r) => {
      let t = e(r.text).replace(/\n/g, '<br>');
      if (r.italic) t = `<em>${t}</em>`;
      if (r.bold) t = `<strong>${t}</strong>`;
      return t;
    })
    .join('');

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return b.level === 1 ? `<h2>${e(b.text)}</h2>` : `<h3>${e(b.text)}</h3>`;
    case 'paragraph':
      return `<p${b.align ? ' class="center"' : ''}>${b.runs?.length ? runsHtml(b.runs) : e(b.text).replace(/\n/g, '<br>')}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      const items = b.items.map((item, i) => `<li>${runsHtml(b.itemRuns?.[i] ?? [{ text: item }])}</li>`);
      return `<${tag}>${items.join('')}</${tag}>`;
    }
    case 'table':
      return (
        `<table class="data"><thead><tr>${b.headers.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>` +
        b.rows
          .map((r) => `<tr>${r.map((c) => `<td>${e(c).replace(/\n/g, '<br>')}</td>`).join('')}</tr>`)
          .join('') +
        '</tbody></table>'
      );
    case 'chart':
      return `<figure>${chartSvg(b.chart)}<figcaption>${e(b.chart.title)}</figcaption></figure>`;
    case 'rule':
      return '';
  }
}

/**
 * The document as an HTML fragment (`<section class="vb">` with its own style): the heading, body and signature
 * block exactly as the PDF and DOCX lay them out. Deterministic: the same document gives the same bytes, so its
 * SHA-256 identifies what a leader read.
 */
export function renderDocumentFragment(d: OfficialDocument): string {
  const nowrap = (s: string) => `<span class="nowrap">${e(s)}</span>`;
  const placeDate = placeDateLine(d.placeName, d.issuedAt);
  const comma = placeDate.indexOf(', ');
  return [
    `<section class="vb" lang="vi"><style>${CSS}</style>`,
    '<div class="heading">',
    '<div class="agency">',
    d.parentAgency ? `<div class="parent">${e(keepNameTogether(upper(d.parentAgency)))}</div>` : '',
    `<div class="unit">${e(keepNameTogether(upper(d.agency)))}</div><div class="rule"></div>`,
    `<div class="number">${e(unbreakable(numberLine(d.number)))}</div>`,
    d.subjectLine ? `<div class="subject">${e(d.subjectLine)}</div>` : '',
    '</div>',
    `<div class="nation"><div class="name">${NATION}</div><div class="motto">${MOTTO}</div><div class="rule"></div>`,
    `<div class="place">${comma < 0 ? nowrap(placeDate) : `${nowrap(placeDate.slice(0, comma + 1))} ${nowrap(placeDate.slice(comma + 2))}`}</div>`,
    '</div></div>',
    d.title ? `<div class="title">${e(upper(d.title))}</div>` : '',
    d.subtitle ? `<div class="subtitle">${e(d.subtitle)}</div>` : '',
    `<div class="body">${d.blocks.map(blockHtml).join('\n')}</div>`,
    '<div class="closing">',
    `<div class="recipients"><div class="label">Nơi nhận:</div><ul>${d.recipients.map((r) => `<li>- ${e(r)}</li>`).join('')}</ul></div>`,
    `<div class="sign">${signatureLines(d.signature)
      .map((l) => `<div>${e(l)}</div>`)
      .join('')}<div class="name">${e(d.signature.name ?? '')}</div></div>`,
    '</div>',
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The document as a standalone HTML page. */
export function renderDocumentHtml(d: OfficialDocument): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(d.documentName)}</title><style>body { margin: 0; background: #f4f4f4; } @media print { .vb { padding: 0; } }</style></head>
<body>
${renderDocumentFragment(d)}
</body></html>`;
}
