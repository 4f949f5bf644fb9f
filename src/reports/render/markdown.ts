import { chartSvg } from './chart.js';
import type { Block, ReportDocument } from './report-document.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

function blockMarkdown(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${b.level === 1 ? '##' : '###'} ${b.text}`;
    case 'paragraph':
      return b.text;
    case 'list':
      return b.items.map((i) => `- ${i.replace(/\r?\n/g, ' ')}`).join('\n');
    case 'table':
      return [
        `| ${b.headers.map(cell).join(' | ')} |`,
        `| ${b.headers.map(() => '---').join(' | ')} |`,
        ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
      ].join('\n');
    case 'chart':
      return `![${b.chart.title}](data:image/svg+xml;base64,${Buffer.from(chartSvg(b.chart)).toString('base64')})`;
  }
}

/** The blocks in Markdown; charts as embedded SVG images, or as placeholder paragraphs for the HTML renderer. */
export function renderMarkdownBody(blocks: Block[], chartPlaceholder?: (i: number) => string): string {
  let chart = 0;
  return blocks
    .map((b) => (b.kind === 'chart' && chartPlaceholder ? chartPlaceholder(chart++) : blockMarkdown(b)))
    .join('\n\n');
}

/** The report in Markdown: header lines, then the blocks (the chart as an embedded SVG image). */
export function renderMarkdown(doc: ReportDocument): string {
  return [
    `**${[doc.agencyParent, doc.agency].filter(Boolean).join(' – ')}**  `,
    `${doc.number}`,
    '',
    '**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  ',
    '**Độc lập - Tự do - Hạnh phúc**',
    '',
    `*${doc.placeDate}*`,
    '',
    `# ${doc.title}`,
    '',
    `**${doc.subtitle}**`,
    '',
    renderMarkdownBody(doc.blocks),
    '',
    `**${doc.signature.title.replace(/\n/g, '**  \n**')}**${doc.signature.name ? `  \n${doc.signature.name}` : ''}`,
    '',
    '*Nơi nhận:*',
    ...doc.recipients.map((r) => `- ${r}`),
    '',
  ].join('\n');
}
