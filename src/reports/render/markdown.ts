import { chartSvg } from './chart.js';
import type { Block, ReportDocument } from './report-document.js';

/**
 * User text (review notes, titles, names) as literal Markdown text: every character Markdown gives a meaning inline
 * (emphasis, code, links and images through their brackets, autolinks, raw HTML, entities, table pipes) is backslash-escaped, and at the
 * start of each line what would open a block (heading, quote, list, rule, setext underline, indented code), so
 * nobody's text becomes a link, a heading or a fake table row in the Markdown file or the HTML page made from it.
 */
export function escapeMarkdown(text: string): string {
  return escapeInline(text.replace(/\r\n?/g, '\n'))
    .split('\n')
    .map((line) =>
      line
        .replace(/^[ \t]+/, '')
        .replace(/^([#>+=-])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .join('\n')
    .replace(/\n{2,}/g, '\n');
}

/** Escapes what Markdown reads inline; for text after a heading's `#` or inside a table cell (no block starts). */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]|&(?=#?\w+;)/g, '\\$&');
}

/** One line of user text where a block cannot start (heading text, table cell, emphasis). */
const inline = (s: string) => escapeInline(s.replace(/\r\n?|\n/g, ' '));
/** One line of user text at the start of a line or of a list item. */
const oneLine = (s: string) => escapeMarkdown(s.replace(/\r\n?|\n/g, ' '));
const cell = inline;

function blockMarkdown(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${b.level === 1 ? '##' : '###'} ${inline(b.text)}`;
    case 'paragraph':
      return escapeMarkdown(b.text);
    case 'list':
      return b.items.map((i) => `- ${oneLine(i)}`).join('\n');
    case 'table':
      return [
        `| ${b.headers.map(cell).join(' | ')} |`,
        `| ${b.headers.map(() => '---').join(' | ')} |`,
        ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
      ].join('\n');
    case 'chart':
      return `![${inline(b.chart.title)}](data:image/svg+xml;base64,${Buffer.from(chartSvg(b.chart)).toString('base64')})`;
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
    `**${[doc.agencyParent, doc.agency].filter(Boolean).map(inline).join(' – ')}**  `,
    `${oneLine(doc.number)}`,
    '',
    '**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  ',
    '**Độc lập - Tự do - Hạnh phúc**',
    '',
    `*${inline(doc.placeDate)}*`,
    '',
    `# ${inline(doc.title)}`,
    '',
    `**${inline(doc.subtitle)}**`,
    '',
    renderMarkdownBody(doc.blocks),
    '',
    `**${doc.signature.title.split('\n').map(inline).join('**  \n**')}**${doc.signature.name ? `  \n${oneLine(doc.signature.name)}` : ''}`,
    '',
    '*Nơi nhận:*',
    ...doc.recipients.map((r) => `- ${oneLine(r)}`),
    '',
  ].join('\n');
}
