import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { Block, Run } from './official-document.js';

const md = new MarkdownIt({ html: false, linkify: false, breaks: false });

function runsOf(inline: Token | undefined): Run[] {
  const runs: Run[] = [];
  let bold = 0;
  let italic = 0;
  for (const t of inline?.children ?? []) {
    if (t.type === 'strong_open') bold++;
    else if (t.type === 'strong_close') bold--;
    else if (t.type === 'em_open') italic++;
    else if (t.type === 'em_close') italic--;
    else if (t.type === 'text' || t.type === 'code_inline') {
      runs.push({ text: t.content, ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}) });
    } else if (t.type === 'softbreak') runs.push({ text: ' ' });
    else if (t.type === 'hardbreak') runs.push({ text: '\n' });
  }
  // Merge neighbours with the same emphasis; drop empty runs (markdown-it yields them around emphasis).
  return runs
    .filter((r) => r.text !== '')
    .reduce<Run[]>((out, r) => {
      const last = out[out.length - 1];
      if (last && Boolean(last.bold) === Boolean(r.bold) && Boolean(last.italic) === Boolean(r.italic)) {
        last.text += r.text;
      } else out.push({ ...r });
      return out;
    }, []);
}

const plain = (runs: Run[]) => runs.map((r) => r.text).join('');

/**
 * A statement's Markdown body as document blocks: headings, paragraphs with bold and italic runs, lists (items
 * flattened to one line each), tables and horizontal rules. Raw HTML is not interpreted (markdown-it `html: false`).
 */
export function markdownBlocks(markdown: string): Block[] {
  const tokens = md.parse(markdown, {});
  const blocks: Block[] = [];
  let list: { ordered: boolean; items: Run[][] } | null = null;
  let table: { headers: string[]; rows: string[][]; row: string[] | null; inHead: boolean } | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    switch (t.type) {
      case 'heading_open': {
        const text = plain(runsOf(tokens[i + 1]));
        blocks.push({ kind: 'heading', level: t.tag === 'h1' || t.tag === 'h2' ? 1 : 2, text });
        i += 2;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        if (!list) list = { ordered: t.type === 'ordered_list_open', items: [] };
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        if (list && t.level === 0) {
          blocks.push({
            kind: 'list',
            ordered: list.ordered,
            items: list.items.map(plain),
            itemRuns: list.items,
          });
          list = null;
        }
        break;
      case 'paragraph_open': {
        const runs = runsOf(tokens[i + 1]);
        i += 2;
        if (list) list.items.push(runs);
        else if (runs.length) blocks.push({ kind: 'paragraph', text: plain(runs), runs });
        break;
      }
      case 'hr':
        blocks.push({ kind: 'rule' });
        break;
      case 'table_open':
        table = { headers: [], rows: [], row: null, inHead: false };
        break;
      case 'thead_open':
        if (table) table.inHead = true;
        break;
      case 'thead_close':
        if (table) table.inHead = false;
        break;
      case 'tr_open':
        if (table) table.row = [];
        break;
      case 'tr_close':
        if (table?.row) {
          if (table.inHead) table.headers = table.row;
          else table.rows.push(table.row);
          table.row = null;
        }
        break;
      case 'th_open':
      case 'td_open':
        if (table?.row) table.row.push(plain(runsOf(tokens[i + 1])));
        break;
      case 'table_close':
        if (table) blocks.push({ kind: 'table', headers: table.headers, rows: table.rows });
        table = null;
        break;
      case 'fence':
      case 'code_block':
        blocks.push({ kind: 'paragraph', text: t.content.trimEnd() });
        break;
    }
  }
  return blocks;
}
