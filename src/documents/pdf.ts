import PDFDocument from 'pdfkit';
import { keepDatesTogether, keepNameTogether, unbreakable } from './document-symbols.js';
import { TINOS } from './fonts.js';
import { LEFT_COLUMN_SHARE, SIGNATURE_SPACE_PT, SIZE_PT } from './layout.js';
import { MOTTO, NATION, numberLine, placeDateLine, signatureLines } from './official-document.js';
import type { OfficialDocument } from './official-document.js';
import { block } from './pdf-blocks.js';
import { ensure, MARGINS, textWidth } from './pdf-page.js';
import type { Doc } from './pdf-page.js';

const upper = (s: string) => s.toLocaleUpperCase('vi-VN');

function underline(doc: Doc, cx: number, y: number, width: number) {
  doc
    .moveTo(cx - width / 2, y)
    .lineTo(cx + width / 2, y)
    .lineWidth(0.6)
    .stroke('#000');
}

function heading(doc: Doc, d: OfficialDocument) {
  const width = textWidth(doc);
  const leftW = width * LEFT_COLUMN_SHARE;
  const rightX = MARGINS.left + leftW;
  const rightW = width - leftW;
  const top = doc.y;
  const leftCx = MARGINS.left + leftW / 2;
  const rightCx = rightX + rightW / 2;

  doc.font('regular').fontSize(SIZE_PT.heading);
  let yL = top;
  if (d.parentAgency) {
    doc.text(keepNameTogether(upper(d.parentAgency)), MARGINS.left, yL, { width: leftW, align: 'center' });
    yL = doc.y;
  }
  doc
    .font('bold')
    .text(keepNameTogether(upper(d.agency)), MARGINS.left, yL, { width: leftW, align: 'center' });
  yL = doc.y + 4;
  underline(doc, leftCx, yL, leftW / 3);
  doc
    .font('regular')
    .fontSize(SIZE_PT.heading)
    .text(unbreakable(numberLine(d.number)), MARGINS.left, yL + 7, { width: leftW, align: 'center' });
  if (d.subjectLine) {
    doc.fontSize(12).text(d.subjectLine, MARGINS.left, doc.y + 2, { width: leftW, align: 'center' });
  }
  yL = doc.y;

  doc.font('bold').fontSize(SIZE_PT.nation).text(NATION, rightX, top, { width: rightW, align: 'center' });
  doc.font('bold').fontSize(SIZE_PT.motto).text(MOTTO, rightX, doc.y, { width: rightW, align: 'center' });
  const motto = doc.widthOfString(MOTTO);
  const yR = doc.y + 4;
  underline(doc, rightCx, yR, motto);
  doc
    .font('italic')
    .fontSize(SIZE_PT.body)
    .text(unbreakableDate(placeDateLine(d.placeName, d.issuedAt)), rightX, yR + 10, {
      width: rightW,
      align: 'center',
    });

  doc.x = MARGINS.left;
  doc.y = Math.max(yL, doc.y) + 22;
  if (d.title) {
    doc
      .font('bold')
      .fontSize(SIZE_PT.title)
      .text(upper(d.title), MARGINS.left, doc.y, { width, align: 'center' });
  }
  if (d.subtitle) {
    doc
      .font('bold')
      .fontSize(SIZE_PT.subtitle)
      .text(keepDatesTogether(d.subtitle), { width, align: 'center' });
    const y = doc.y + 6;
    if (d.title) underline(doc, MARGINS.left + width / 2, y, Math.min(width / 3, 140));
  }
  doc.moveDown(1);
}

/** "An Hòa, ngày 03 tháng 12 năm 2026": may break after the comma only. */
function unbreakableDate(line: string) {
  const i = line.indexOf(', ');
  return i < 0 ? unbreakable(line) : `${unbreakable(line.slice(0, i + 1))} ${unbreakable(line.slice(i + 2))}`;
}

function signatureHeight(doc: Doc, d: OfficialDocument) {
  const half = textWidth(doc) / 2;
  doc.font('bold').fontSize(SIZE_PT.body);
  const sign =
    signatureLines(d.signature).reduce((h, l) => h + doc.heightOfString(l, { width: half }), 0) +
    SIGNATURE_SPACE_PT +
    SIZE_PT.body * 1.3;
  doc.font('regular').fontSize(SIZE_PT.recipients);
  const rec = d.recipients.reduce((h, r) => h + doc.heightOfString(`- ${r}`, { width: half }), 20);
  return Math.max(sign, rec) + 16;
}

function closing(doc: Doc, d: OfficialDocument) {
  const width = textWidth(doc);
  const half = width / 2;
  doc.moveDown(0.8);
  const y = doc.y;
  doc
    .font('boldItalic')
    .fontSize(SIZE_PT.recipientsLabel)
    .text('Nơi nhận:', MARGINS.left, y, { width: half - 10 });
  doc.font('regular').fontSize(SIZE_PT.recipients);
  for (const r of d.recipients) doc.text(`- ${r}`, MARGINS.left, doc.y, { width: half - 10 });
  doc.font('bold').fontSize(SIZE_PT.body);
  let ys = y;
  for (const line of signatureLines(d.signature)) {
    doc.text(line, MARGINS.left + half, ys, { width: half, align: 'center' });
    ys = doc.y;
  }
  if (d.signature.name) {
    doc.text(d.signature.name, MARGINS.left + half, ys + SIGNATURE_SPACE_PT, {
      width: half,
      align: 'center',
    });
  }
}

/**
 * The document as an A4 PDF in the administrative form, in Tinos (Times New Roman metrics). The version's
 * SHA-256, when given, is printed in every page's footer and stored in the file's Subject and Keywords.
 */
export function renderPdf(d: OfficialDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    info: {
      Title: d.documentName,
      Author: d.agency,
      Subject: d.sha256 ? `SHA-256: ${d.sha256}` : d.subtitle,
      Keywords: d.sha256 ? `sha256:${d.sha256}` : '',
      Creator: 'ungpho',
    },
    lang: 'vi-VN',
  } as PDFKit.PDFDocumentOptions);
  doc.registerFont('regular', TINOS.regular);
  doc.registerFont('bold', TINOS.bold);
  doc.registerFont('italic', TINOS.italic);
  doc.registerFont('boldItalic', TINOS.boldItalic);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  heading(doc, d);
  // The last block goes to the page of the signature block, so no page holds the signature alone.
  const tail = signatureHeight(doc, d);
  d.blocks.forEach((b, i) => block(doc, b, i === d.blocks.length - 1 ? tail : 0));
  ensure(doc, tail);
  closing(doc, d);

  const range = doc.bufferedPageRange();
  const width = textWidth(doc);
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Outside the margins: lift them, or pdfkit would start a new page.
    doc.page.margins.bottom = 0;
    doc.page.margins.top = 0;
    if (i > range.start) {
      doc
        .font('regular')
        .fontSize(SIZE_PT.pageNumber)
        .fillColor('#000')
        .text(String(i - range.start + 1), MARGINS.left, MARGINS.top / 2 - 2, {
          width,
          align: 'center',
          lineBreak: false,
        });
    }
    if (d.sha256) {
      doc
        .font('regular')
        .fontSize(SIZE_PT.footer)
        .fillColor('#444')
        .text(`SHA-256: ${d.sha256}`, MARGINS.left, doc.page.height - MARGINS.bottom / 2, {
          width,
          align: 'center',
          lineBreak: false,
        });
    }
  }
  doc.end();
  return done;
}
