import { chartGeometry } from './chart.js';
import { keepDatesTogether } from './document-symbols.js';
import { SIZE_PT } from './layout.js';
import type { Block, ChartSpec, Run } from './official-document.js';
import { bottom, ensure, MARGINS, textWidth } from './pdf-page.js';
import type { Doc } from './pdf-page.js';

/** The body of a PDF document (pdf.ts): paragraphs, lists, tables and charts, kept together across pages. */

const fontOf = (r: Run) => (r.bold ? (r.italic ? 'boldItalic' : 'bold') : r.italic ? 'italic' : 'regular');

/** Paragraph of runs (bold, italic) as one flowing text. */
function runsText(doc: Doc, all: Run[], opts: PDFKit.Mixins.TextOptions) {
  const runs = all.filter((r) => r.text !== '').map((r) => ({ ...r, text: keepDatesTogether(r.text) }));
  runs.forEach((r, i) => {
    doc.font(fontOf(r)).text(r.text, { ...opts, continued: i < runs.length - 1 });
  });
}

function paragraphHeight(doc: Doc, text: string, width: number, size = SIZE_PT.body) {
  doc.font('regular').fontSize(size);
  return doc.heightOfString(text || ' ', { width, align: 'justify' }) + 6;
}

function table(doc: Doc, b: Extract<Block, { kind: 'table' }>, tail: number) {
  const width = textWidth(doc);
  const pad = 3;
  const cols = b.headers.length || (b.rows[0]?.length ?? 1);
  // Columns are never narrower than their longest word (a date must not break as "19/11/202 6").
  doc.fontSize(SIZE_PT.table);
  const minW = Array.from({ length: cols }, (_, c) => {
    let w = 0;
    for (const [k, row] of [b.headers, ...b.rows].entries()) {
      doc.font(k === 0 ? 'bold' : 'regular');
      for (const word of keepDatesTogether(row[c] ?? '').split(/[ \n]+/)) {
        if (word.length <= 40) w = Math.max(w, doc.widthOfString(word));
      }
    }
    return w + 2 * pad + 1;
  });
  const weights = b.widths ?? Array.from({ length: cols }, () => 1);
  const total = weights.reduce((a, c) => a + c, 0);
  const widths = weights.map((w) => (w / total) * width);
  for (let pass = 0; pass < 4; pass++) {
    const short = widths.map((w, i) => Math.max(0, minW[i] - w));
    const need = short.reduce((a, c) => a + c, 0);
    if (need <= 0.5) break;
    const spare = widths.map((w, i) => (short[i] > 0 ? 0 : Math.max(0, w - minW[i])));
    const spareTotal = spare.reduce((a, c) => a + c, 0);
    if (spareTotal <= 0) break;
    const take = Math.min(need, spareTotal);
    for (let i = 0; i < widths.length; i++) {
      widths[i] += short[i] > 0 ? (short[i] / need) * take : -(spare[i] / spareTotal) * take;
    }
  }
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(SIZE_PT.table);
    return (
      Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i] - 2 * pad }))) + 2 * pad
    );
  };
  const drawRow = (cells: string[], font: string, fill?: string) => {
    const h = rowHeight(cells, font);
    let x = MARGINS.left;
    const y = doc.y;
    cells.forEach((c, i) => {
      if (fill) doc.rect(x, y, widths[i], h).fillAndStroke(fill, '#000');
      else doc.rect(x, y, widths[i], h).lineWidth(0.5).stroke('#000');
      doc
        .fillColor('#000')
        .font(font)
        .fontSize(SIZE_PT.table)
        .text(keepDatesTogether(c || ''), x + pad, y + pad, { width: widths[i] - 2 * pad });
      x += widths[i];
    });
    doc.x = MARGINS.left;
    doc.y = y + h;
  };
  ensure(doc, rowHeight(b.headers, 'bold') + (b.rows[0] ? rowHeight(b.rows[0], 'regular') : 0));
  drawRow(b.headers, 'bold', '#eeeeee');
  b.rows.forEach((row, k) => {
    const h = rowHeight(row, 'regular') + (k === b.rows.length - 1 ? tail : 0);
    if (doc.y + h > bottom(doc)) {
      doc.addPage();
      drawRow(b.headers, 'bold', '#eeeeee');
    }
    drawRow(row, 'regular');
  });
  doc.moveDown(0.6);
}

function chart(doc: Doc, spec: ChartSpec) {
  const width = textWidth(doc);
  const g = chartGeometry(spec, 640, 260);
  const scale = width / g.width;
  ensure(doc, g.height * scale + 24);
  const ox = MARGINS.left;
  const oy = doc.y;
  const X = (x: number) => ox + x * scale;
  const Y = (y: number) => oy + y * scale;
  doc.save();
  doc.font('regular').fontSize(7);
  for (const t of g.yTicks) {
    doc
      .moveTo(X(g.plot.x), Y(t.y))
      .lineTo(X(g.plot.x + g.plot.w), Y(t.y))
      .lineWidth(0.3)
      .stroke('#cccccc');
    doc
      .fillColor('#333333')
      .text(t.left, X(0), Y(t.y) - 3, { width: X(g.plot.x - 4) - X(0), align: 'right' });
    doc.fillColor('#b00020').text(t.right, X(g.plot.x + g.plot.w + 4), Y(t.y) - 3);
  }
  for (const b of g.bars) doc.rect(X(b.x), Y(b.y), b.w * scale, b.h * scale).fill('#7a9cc6');
  if (g.shareLine.length) {
    doc.moveTo(X(g.shareLine[0].x), Y(g.shareLine[0].y));
    for (const p of g.shareLine.slice(1)) doc.lineTo(X(p.x), Y(p.y));
    doc.lineWidth(1.4).stroke('#b00020');
  }
  for (const m of g.markers) {
    doc
      .moveTo(X(m.x), Y(g.plot.y))
      .lineTo(X(m.x), Y(g.plot.y + g.plot.h))
      .dash(3, { space: 2 })
      .lineWidth(1)
      .stroke('#1b5e20');
    doc.undash();
    const w = doc.widthOfString(m.label);
    doc.fillColor('#1b5e20').text(m.label, m.anchorEnd ? X(m.x) - 2 - w : X(m.x) + 2, Y(g.plot.y) + 1, {
      lineBreak: false,
    });
  }
  doc.fillColor('#333333');
  for (const t of g.xTicks) doc.text(t.label, X(t.x), Y(g.plot.y + g.plot.h) + 4, { lineBreak: false });
  const ly = Y(g.height - 14);
  doc.rect(X(g.plot.x), ly, 7, 6).fill('#7a9cc6');
  doc.fillColor('#000').text('Số tin (trục trái)', X(g.plot.x) + 10, ly - 0.5, { lineBreak: false });
  doc
    .moveTo(X(g.plot.x + 130), ly + 3)
    .lineTo(X(g.plot.x + 150), ly + 3)
    .lineWidth(1.4)
    .stroke('#b00020');
  doc.text('Tỷ lệ tiêu cực (trục phải)', X(g.plot.x + 154), ly - 0.5, { lineBreak: false });
  doc
    .moveTo(X(g.plot.x + 300), ly + 3)
    .lineTo(X(g.plot.x + 320), ly + 3)
    .dash(3, { space: 2 })
    .stroke('#1b5e20');
  doc.undash();
  doc.text('Công bố văn bản', X(g.plot.x + 324), ly - 0.5, { lineBreak: false });
  doc.restore();
  doc.x = MARGINS.left;
  doc.y = oy + g.height * scale + 4;
  doc.font('italic').fontSize(12).fillColor('#000').text(spec.title, { align: 'center' });
  doc.moveDown(0.6);
}

/** Draws one block; `tail` is the height that must follow it on the same page (the signature block). */
export function block(doc: Doc, b: Block, tail: number) {
  const width = textWidth(doc);
  doc.fillColor('#000');
  switch (b.kind) {
    case 'heading': {
      // Never a heading alone at the foot of a page: it keeps at least three body lines with it.
      const h = paragraphHeight(doc, b.text, width, SIZE_PT.body) + 3 * SIZE_PT.body * 1.2 + 8;
      ensure(doc, h);
      doc
        .moveDown(0.3)
        .font('bold')
        .fontSize(SIZE_PT.body)
        .text(b.text, MARGINS.left, doc.y, { width, align: 'left' });
      doc.moveDown(0.2);
      return;
    }
    case 'paragraph': {
      const h = paragraphHeight(doc, b.text, width);
      ensure(doc, Math.min(h, 3 * SIZE_PT.body * 1.2) + tail);
      if (tail) ensure(doc, h + tail);
      doc.fontSize(SIZE_PT.body);
      const opts = { width, align: b.align ?? 'justify', paragraphGap: 6, indent: b.align ? 0 : 28 } as const;
      doc.x = MARGINS.left;
      if (b.runs?.length) runsText(doc, b.runs, opts);
      else doc.font('regular').text(keepDatesTogether(b.text), opts);
      return;
    }
    case 'list': {
      doc.fontSize(SIZE_PT.body);
      b.items.forEach((item, k) => {
        const marker = b.ordered ? `${k + 1}. ` : '- ';
        const last = k === b.items.length - 1;
        const h = paragraphHeight(doc, marker + item, width);
        ensure(doc, h + (last ? tail : 0));
        doc.x = MARGINS.left;
        const runs = b.itemRuns?.[k] ?? [{ text: item }];
        runsText(doc, [{ text: marker }, ...runs], { width, align: 'justify', paragraphGap: 3, indent: 28 });
      });
      doc.moveDown(0.3);
      return;
    }
    case 'table':
      table(doc, b, tail);
      return;
    case 'chart':
      chart(doc, b.chart);
      return;
    case 'rule':
      doc.moveDown(0.3);
      return;
  }
}
