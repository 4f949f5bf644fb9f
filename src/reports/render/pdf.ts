import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { chartGeometry } from './chart.js';
import type { Block, ChartSpec, ReportDocument } from './report-document.js';

// DejaVu Serif covers every Vietnamese letter (precomposed and combining); it ships inside the npm package, so
// the PDF looks the same on any machine.
const FONT_DIR = path.join(
  path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);
const FONTS = {
  regular: path.join(FONT_DIR, 'DejaVuSerif.ttf'),
  bold: path.join(FONT_DIR, 'DejaVuSerif-Bold.ttf'),
  italic: path.join(FONT_DIR, 'DejaVuSerif-Italic.ttf'),
  mono: path.join(FONT_DIR, 'DejaVuSansMono.ttf'),
};

const MM = 72 / 25.4;
/** Margins of administrative documents (Nghị định 30/2020/NĐ-CP): top/bottom 20 mm, left 30 mm, right 15 mm. */
const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const BODY = 11;
const SMALL = 9;

type Doc = PDFKit.PDFDocument;

function bottom(doc: Doc) {
  return doc.page.height - MARGINS.bottom;
}

function ensure(doc: Doc, height: number) {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function header(doc: Doc, r: ReportDocument) {
  const width = doc.page.width - MARGINS.left - MARGINS.right;
  const leftW = width * 0.42;
  const rightX = MARGINS.left + leftW;
  const rightW = width - leftW;
  const top = doc.y;
  doc.font('regular').fontSize(10.5);
  let yL = top;
  if (r.agencyParent) {
    doc.text(r.agencyParent.toUpperCase(), MARGINS.left, yL, { width: leftW, align: 'center' });
    yL = doc.y;
  }
  doc.font('bold').text(r.agency.toUpperCase(), MARGINS.left, yL, { width: leftW, align: 'center' });
  yL = doc.y + 2;
  doc
    .moveTo(MARGINS.left + leftW * 0.35, yL)
    .lineTo(MARGINS.left + leftW * 0.65, yL)
    .lineWidth(0.6)
    .stroke();
  doc
    .font('regular')
    .fontSize(10)
    .text(r.number, MARGINS.left, yL + 5, { width: leftW, align: 'center' });
  yL = doc.y;

  doc
    .font('bold')
    .fontSize(10.5)
    .text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, { width: rightW, align: 'center' });
  doc
    .font('bold')
    .fontSize(11)
    .text('Độc lập - Tự do - Hạnh phúc', rightX, doc.y, { width: rightW, align: 'center' });
  const motto = doc.widthOfString('Độc lập - Tự do - Hạnh phúc');
  const yR = doc.y + 2;
  doc
    .moveTo(rightX + (rightW - motto) / 2, yR)
    .lineTo(rightX + (rightW + motto) / 2, yR)
    .lineWidth(0.6)
    .stroke();
  doc
    .font('italic')
    .fontSize(10.5)
    .text(r.placeDate, rightX, yR + 5, { width: rightW, align: 'center' });
  doc.x = MARGINS.left;
  doc.y = Math.max(yL, doc.y) + 18;
  doc.font('bold').fontSize(14).text(r.title, { align: 'center' });
  doc.font('bold').fontSize(12).text(r.subtitle, { align: 'center' });
  doc.moveDown(1);
}

function table(doc: Doc, b: Extract<Block, { kind: 'table' }>) {
  const width = doc.page.width - MARGINS.left - MARGINS.right;
  const weights = b.widths ?? b.headers.map(() => 1);
  const total = weights.reduce((a, c) => a + c, 0);
  const widths = weights.map((w) => (w / total) * width);
  const pad = 3;
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(SMALL);
    return (
      Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i] - 2 * pad }))) + 2 * pad
    );
  };
  const drawRow = (cells: string[], font: string, fill?: string) => {
    const h = rowHeight(cells, font);
    let x = MARGINS.left;
    const y = doc.y;
    cells.forEach((c, i) => {
      if (fill) doc.rect(x, y, widths[i], h).fillAndStroke(fill, '#444');
      else doc.rect(x, y, widths[i], h).lineWidth(0.5).stroke('#444');
      doc
        .fillColor('#000')
        .font(font)
        .fontSize(SMALL)
        .text(c || '', x + pad, y + pad, { width: widths[i] - 2 * pad });
      x += widths[i];
    });
    doc.x = MARGINS.left;
    doc.y = y + h;
  };
  ensure(doc, rowHeight(b.headers, 'bold') + (b.rows[0] ? rowHeight(b.rows[0], 'regular') : 0));
  drawRow(b.headers, 'bold', '#e8e8e8');
  for (const row of b.rows) {
    const h = rowHeight(row, 'regular');
    if (doc.y + h > bottom(doc)) {
      doc.addPage();
      drawRow(b.headers, 'bold', '#e8e8e8');
    }
    drawRow(row, 'regular');
  }
  doc.moveDown(0.6);
}

function chart(doc: Doc, spec: ChartSpec) {
  const width = doc.page.width - MARGINS.left - MARGINS.right;
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
  doc.font('italic').fontSize(SMALL).fillColor('#000').text(spec.title, { align: 'center' });
  doc.moveDown(0.6);
}

function block(doc: Doc, b: Block) {
  doc.fillColor('#000');
  switch (b.kind) {
    case 'heading':
      // Never a heading alone at the foot of a page.
      ensure(doc, 80);
      doc
        .moveDown(0.4)
        .font('bold')
        .fontSize(b.level === 1 ? 12 : 11)
        .text(b.text, { align: 'left' });
      doc.moveDown(0.2);
      return;
    case 'paragraph':
      doc.font('regular').fontSize(BODY).text(b.text, { align: 'justify', paragraphGap: 4 });
      return;
    case 'list':
      doc.font('regular').fontSize(BODY);
      for (const item of b.items) doc.text(`- ${item}`, { indent: 10, align: 'justify', paragraphGap: 2 });
      doc.moveDown(0.3);
      return;
    case 'table':
      table(doc, b);
      return;
    case 'chart':
      chart(doc, b.chart);
      return;
  }
}

/** The report as an A4 PDF in the form of a Vietnamese administrative report. */
export function renderPdf(r: ReportDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    info: { Title: `${r.title} – ${r.subtitle}`, Author: r.agency, Subject: r.subtitle, Creator: 'ungpho' },
    lang: 'vi-VN',
  } as PDFKit.PDFDocumentOptions);
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('italic', FONTS.italic);
  doc.registerFont('mono', FONTS.mono);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  header(doc, r);
  for (const b of r.blocks) block(doc, b);

  ensure(doc, 120);
  doc.moveDown(1);
  const width = doc.page.width - MARGINS.left - MARGINS.right;
  const y = doc.y;
  doc
    .font('italic')
    .fontSize(10)
    .text('Nơi nhận:', MARGINS.left, y, { width: width / 2 });
  doc.font('regular').fontSize(9);
  for (const rcp of r.recipients) doc.text(`- ${rcp}`, { width: width / 2 });
  doc
    .font('bold')
    .fontSize(11)
    .text(r.signature.title, MARGINS.left + width / 2, y, { width: width / 2, align: 'center' });
  if (r.signature.name) {
    doc
      .font('bold')
      .text(r.signature.name, MARGINS.left + width / 2, y + 70, { width: width / 2, align: 'center' });
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Below the bottom margin: lift it for the footer, or pdfkit would start a new page.
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8).fillColor('#555');
    doc.text(`Trang ${i + 1}/${range.count}`, MARGINS.left, doc.page.height - MARGINS.bottom + 14, {
      width,
      align: 'center',
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}
