import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { IParagraphOptions, ParagraphChild } from 'docx';
import { keepDatesTogether, keepNameTogether, unbreakable } from './document-symbols.js';
import { FONT_FAMILY, LEFT_COLUMN_SHARE, MARGIN_MM, PAGE_MM, SIGNATURE_SPACE_PT, SIZE_PT } from './layout.js';
import { MOTTO, NATION, numberLine, placeDateLine, signatureLines } from './official-document.js';
import type { Block, OfficialDocument, Run } from './official-document.js';

const half = (pt: number) => pt * 2; // docx sizes are in half-points
/** Millimetres to twips, rounded (A4 is 11906 × 16838). */
const twip = (mm: number) => Math.round((mm * 1440) / 25.4);
const TEXT_WIDTH = twip(PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right);
const LEFT_W = Math.round(TEXT_WIDTH * LEFT_COLUMN_SHARE);
const RIGHT_W = TEXT_WIDTH - LEFT_W;
const upper = (s: string) => s.toLocaleUpperCase('vi-VN');
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE };
const NO_TABLE_BORDERS = { ...NO_BORDERS, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };

const run = (text: string, o: { bold?: boolean; italic?: boolean; size?: number } = {}) =>
  new TextRun({
    text: keepDatesTogether(text),
    bold: o.bold,
    italics: o.italic,
    size: half(o.size ?? SIZE_PT.body),
    font: FONT_FAMILY,
  });

function para(children: ParagraphChild[], o: IParagraphOptions = {}) {
  return new Paragraph({ spacing: { after: 0, before: 0 }, ...o, children });
}

/** A short rule centred in a column: an empty paragraph with a bottom border, indented from both sides. */
function rule(columnWidth: number, ruleWidth: number) {
  const indent = Math.max(0, Math.round((columnWidth - ruleWidth) / 2));
  return para([run('', { size: 2 })], {
    indent: { left: indent, right: indent },
    border: { bottom: LINE },
    spacing: { after: 80, line: 40, lineRule: LineRuleType.EXACT },
  });
}

/** Approximate width of bold Times text, in twips (average glyph about half the size). */
const approxWidth = (text: string, pt: number) => Math.round(text.length * pt * 0.52 * 20);

function heading(d: OfficialDocument): Table {
  const left = [
    ...(d.parentAgency
      ? [
          para([run(keepNameTogether(upper(d.parentAgency)), { size: SIZE_PT.heading })], {
            alignment: 'center',
          }),
        ]
      : []),
    para([run(keepNameTogether(upper(d.agency)), { bold: true, size: SIZE_PT.heading })], {
      alignment: AlignmentType.CENTER,
    }),
    rule(LEFT_W, LEFT_W / 3),
    para([run(unbreakable(numberLine(d.number)), { size: SIZE_PT.heading })], {
      alignment: AlignmentType.CENTER,
    }),
    ...(d.subjectLine ? [para([run(d.subjectLine, { size: 12 })], { alignment: AlignmentType.CENTER })] : []),
  ];
  const right = [
    para([run(NATION, { bold: true, size: SIZE_PT.nation })], { alignment: AlignmentType.CENTER }),
    para([run(MOTTO, { bold: true, size: SIZE_PT.motto })], { alignment: AlignmentType.CENTER }),
    rule(RIGHT_W, approxWidth(MOTTO, SIZE_PT.motto)),
    para([run(placeDateLine(d.placeName, d.issuedAt).replace(/ (?!ngày)/g, '\u00a0'), { italic: true })], {
      alignment: AlignmentType.CENTER,
      spacing: { before: 120 },
    }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT_W, RIGHT_W],
    layout: TableLayoutType.FIXED,
    borders: NO_TABLE_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: LEFT_W, type: WidthType.DXA },
            borders: NO_BORDERS,
            children: left,
          }),
          new TableCell({
            width: { size: RIGHT_W, type: WidthType.DXA },
            borders: NO_BORDERS,
            children: right,
          }),
        ],
      }),
    ],
  });
}

const runsOf = (runs: Run[], size = SIZE_PT.body) =>
  runs.flatMap((r) =>
    keepDatesTogether(r.text)
      .split('\n')
      .map(
        (t, i) =>
          new TextRun({
            text: t,
            bold: r.bold,
            italics: r.italic,
            size: half(size),
            font: FONT_FAMILY,
            break: i > 0 ? 1 : undefined,
          }),
      ),
  );

function table(b: Extract<Block, { kind: 'table' }>): Table {
  const cols = b.headers.length || (b.rows[0]?.length ?? 1);
  const weights = b.widths ?? Array.from({ length: cols }, () => 1);
  const total = weights.reduce((a, c) => a + c, 0);
  const widths = weights.map((w) => Math.round((w / total) * TEXT_WIDTH));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      shading: header ? { type: ShadingType.CLEAR, fill: 'EEEEEE', color: 'auto' } : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: (text || '')
        .split('\n')
        .map((line) => para([run(line, { bold: header, size: SIZE_PT.table })], { keepLines: true })),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: b.headers.map((h, i) => cell(h, i, true)),
      }),
      ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

function blocks(list: Block[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  list.forEach((b, k) => {
    // The last block keeps with the signature block that follows it.
    const last = k === list.length - 1;
    switch (b.kind) {
      case 'heading':
        out.push(
          para([run(b.text, { bold: true })], {
            keepNext: true,
            keepLines: true,
            spacing: { before: 160, after: 80 },
          }),
        );
        return;
      case 'paragraph':
        out.push(
          para(b.runs?.length ? runsOf(b.runs) : [run(b.text)], {
            alignment: b.align === 'center' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
            indent: b.align ? undefined : { firstLine: twip(10) },
            spacing: { after: 120 },
            keepNext: last,
            widowControl: true,
          }),
        );
        return;
      case 'list':
        b.items.forEach((item, i) =>
          out.push(
            para(
              runsOf([{ text: b.ordered ? `${i + 1}. ` : '- ' }, ...(b.itemRuns?.[i] ?? [{ text: item }])]),
              {
                alignment: AlignmentType.JUSTIFIED,
                indent: { firstLine: twip(10) },
                spacing: { after: 60 },
                keepNext: last && i === b.items.length - 1,
              },
            ),
          ),
        );
        return;
      case 'table':
        out.push(table(b), para([run('', { size: 6 })]));
        return;
      case 'chart':
        out.push(
          para(
            [run(`${b.chart.title} (biểu đồ in trong bản PDF của văn bản).`, { italic: true, size: 12 })],
            {
              alignment: AlignmentType.CENTER,
              spacing: { after: 120 },
            },
          ),
        );
        return;
      case 'rule':
        out.push(para([run('')], { spacing: { after: 60 } }));
        return;
    }
  });
  return out;
}

function closing(d: OfficialDocument): Table {
  const leftW = Math.round(TEXT_WIDTH / 2);
  const rightW = TEXT_WIDTH - leftW;
  const left = [
    para([run('Nơi nhận:', { bold: true, italic: true, size: SIZE_PT.recipientsLabel })], { keepNext: true }),
    ...d.recipients.map((r) => para([run(`- ${r}`, { size: SIZE_PT.recipients })], { keepNext: true })),
  ];
  const right = [
    ...signatureLines(d.signature).map((l) =>
      para([run(l, { bold: true })], { alignment: AlignmentType.CENTER, keepNext: true }),
    ),
    para([run('')], { spacing: { before: SIGNATURE_SPACE_PT * 20 - 280 }, keepNext: true }),
    para([run(d.signature.name ?? '', { bold: true })], { alignment: AlignmentType.CENTER }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftW, rightW],
    layout: TableLayoutType.FIXED,
    borders: NO_TABLE_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({ width: { size: leftW, type: WidthType.DXA }, borders: NO_BORDERS, children: left }),
          new TableCell({
            width: { size: rightW, type: WidthType.DXA },
            borders: NO_BORDERS,
            children: right,
          }),
        ],
      }),
    ],
  });
}

/**
 * The document as a Word file (Office Open XML), the format agencies edit in: A4 with the margins of
 * Nghị định 30/2020/NĐ-CP, Times New Roman throughout, the page number centred at the top from page 2 and the
 * version's SHA-256 in the footer and the file's properties.
 */
export async function renderDocx(d: OfficialDocument): Promise<Buffer> {
  const width = TEXT_WIDTH;
  const title = [
    ...(d.title
      ? [
          para([run(upper(d.title), { bold: true, size: SIZE_PT.title })], {
            alignment: AlignmentType.CENTER,
            spacing: { before: 360 },
            keepNext: true,
          }),
        ]
      : []),
    ...(d.subtitle
      ? [
          para([run(d.subtitle, { bold: true, size: SIZE_PT.subtitle })], {
            alignment: AlignmentType.CENTER,
            spacing: { before: d.title ? 0 : 240 },
            keepNext: true,
          }),
          ...(d.title ? [rule(width, Math.min(width / 3, twip(50)))] : []),
        ]
      : []),
    para([run('')], { spacing: { after: 120 } }),
  ];
  const footer = d.sha256
    ? new Footer({
        children: [para([run(`SHA-256: ${d.sha256}`, { size: SIZE_PT.footer })], { alignment: 'center' })],
      })
    : new Footer({ children: [] });
  const document = new Document({
    title: d.documentName,
    subject: d.sha256 ? `SHA-256: ${d.sha256}` : d.subtitle,
    keywords: d.sha256 ? `sha256:${d.sha256}` : '',
    creator: 'ungpho',
    description: d.subtitle,
    styles: {
      default: {
        document: {
          run: { font: FONT_FAMILY, size: half(SIZE_PT.body) },
          paragraph: { spacing: { line: 276 } },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: twip(PAGE_MM.width), height: twip(PAGE_MM.height) },
            margin: {
              top: twip(MARGIN_MM.top),
              bottom: twip(MARGIN_MM.bottom),
              left: twip(MARGIN_MM.left),
              right: twip(MARGIN_MM.right),
              header: twip(8),
              footer: twip(8),
            },
          },
        },
        headers: {
          first: new Header({ children: [] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: [PageNumber.CURRENT],
                    font: FONT_FAMILY,
                    size: half(SIZE_PT.pageNumber),
                  }),
                ],
              }),
            ],
          }),
        },
        footers: { first: footer, default: footer },
        children: [heading(d), ...title, ...blocks(d.blocks), para([run('')]), closing(d)],
      },
    ],
  });
  return Packer.toBuffer(document);
}
