import { chartSvg } from './chart.js';
import { MOTTO, NATION, numberLine, placeDateLine, signatureLines } from './official-document.js';
import type { Block, OfficialDocument, Run } from './official-document.js';

/**
 * Text (review notes, titles, names) as literal Markdown text: every character Markdown gives a meaning inline
 * (emphasis, code, links and images through their brackets, autolinks, raw HTML, entities, table pipes) is
 * backslash-escaped, and at the start of each line what would open a block (heading, quote, list, rule, setext
 * underline, indented code), so nobody's text becomes a link, a heading or a fake table row in the Markdown file or
 * the HTML page made from it.
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

/** One line of text where a block cannot start (heading text, table cell, emphasis). */
const inline = (s: string) => escapeInline(s.replace(/\r\n?|\n/g, ' '));
/** One line of text at the start of a line or of a list item. */
const oneLine = (s: string) => escapeMarkdown(s.replace(/\r\n?|\n/g, ' '));
const runs = (rs: Run[]) =>
  rs
    .map((r) => (r.bold ? `**${inline(r.text)}**` : r.italic ? `*${inline(r.text)}*` : inline(r.text)))
    .join('');

function blockMarkdown(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${b.level === 1 ? '##' : '###'} ${inline(b.text)}`;
    case 'paragraph':
      return b.runs?.length ? runs(b.runs) : escapeMarkdown(b.text);
    case 'list':
      return b.items
        .map(
          (item, i) =>
            `${b.ordered ? `${i + 1}.` : '-'} ${b.itemRuns?.[i] ? runs(b.itemRuns[i]) : oneLine(item)}`,
        )
        .join('\n');
    case 'table':
      return [
        `| ${b.headers.map(inline).join(' | ')} |`,
        `| ${b.headers.map(() => '---').join(' | ')} |`,
        ...b.rows.map((r) => `| ${r.map(inline).join(' | ')} |`),
      ].join('\n');
    case 'chart':
      return `![${inline(b.chart.title)}](data:image/svg+xml;base64,${Buffer.from(chartSvg(b.chart)).toString('base64')})`;
    case 'rule':
      return '---';
  }
}

/** The document in Markdown: heading lines, the blocks (charts as embedded SVG images), signature, recipients. */
export function renderMarkdown(doc: OfficialDocument): string {
  const sign = signatureLines(doc.signature);
  return [
    ...(doc.parentAgency ? [`${inline(doc.parentAgency.toLocaleUpperCase('vi-VN'))}  `] : []),
    `**${inline(doc.agency.toLocaleUpperCase('vi-VN'))}**  `,
    oneLine(numberLine(doc.number)),
    '',
    `**${NATION}**  `,
    `**${MOTTO}**`,
    '',
    `*${inline(placeDateLine(doc.placeName, doc.issuedAt))}*`,
    '',
    ...(doc.title ? [`# ${inline(doc.title)}`, ''] : []),
    ...(doc.subtitle ? [`**${inline(doc.subtitle)}**`, ''] : []),
    doc.blocks.map(blockMarkdown).join('\n\n'),
    '',
    `${sign.map((l) => `**${inline(l)}**`).join('  \n')}${doc.signature.name ? `  \n**${inline(doc.signature.name)}**` : ''}`,
    '',
    '***Nơi nhận:***',
    ...doc.recipients.map((r) => `- ${oneLine(r)}`),
    ...(doc.sha256 ? ['', `SHA-256: \`${doc.sha256}\``] : []),
    '',
  ].join('\n');
}
