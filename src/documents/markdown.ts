import { chartSvg } from './chart.js';
import { MOTTO, NATION, numberLine, placeDateLine, signatureLines } from './official-document.js';
import type { Block, OfficialDocument, Run } from './official-document.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
const runs = (rs: Run[]) =>
  rs.map((r) => (r.bold ? `**${r.text}**` : r.italic ? `*${r.text}*` : r.text)).join('');

function blockMarkdown(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${b.level === 1 ? '##' : '###'} ${b.text}`;
    case 'paragraph':
      return b.runs?.length ? runs(b.runs) : b.text;
    case 'list':
      return b.items
        .map(
          (item, i) =>
            `${b.ordered ? `${i + 1}.` : '-'} ${(b.itemRuns?.[i] ? runs(b.itemRuns[i]) : item).replace(/\r?\n/g, ' ')}`,
        )
        .join('\n');
    case 'table':
      return [
        `| ${b.headers.map(cell).join(' | ')} |`,
        `| ${b.headers.map(() => '---').join(' | ')} |`,
        ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
      ].join('\n');
    case 'chart':
      return `![${b.chart.title}](data:image/svg+xml;base64,${Buffer.from(chartSvg(b.chart)).toString('base64')})`;
    case 'rule':
      return '---';
  }
}

/** The document in Markdown: heading lines, the blocks (charts as embedded SVG images), signature, recipients. */
export function renderMarkdown(doc: OfficialDocument): string {
  const sign = signatureLines(doc.signature);
  return [
    ...(doc.parentAgency ? [`${doc.parentAgency.toLocaleUpperCase('vi-VN')}  `] : []),
    `**${doc.agency.toLocaleUpperCase('vi-VN')}**  `,
    numberLine(doc.number),
    '',
    `**${NATION}**  `,
    `**${MOTTO}**`,
    '',
    `*${placeDateLine(doc.placeName, doc.issuedAt)}*`,
    '',
    ...(doc.title ? [`# ${doc.title}`, ''] : []),
    `**${doc.subtitle}**`,
    '',
    doc.blocks.map(blockMarkdown).join('\n\n'),
    '',
    `${sign.map((l) => `**${l}**`).join('  \n')}${doc.signature.name ? `  \n**${doc.signature.name}**` : ''}`,
    '',
    '***Nơi nhận:***',
    ...doc.recipients.map((r) => `- ${r}`),
    ...(doc.sha256 ? ['', `SHA-256: \`${doc.sha256}\``] : []),
    '',
  ].join('\n');
}
