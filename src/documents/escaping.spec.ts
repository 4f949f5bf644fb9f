import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { renderDocumentHtml as renderHtml } from './html.js';
import { escapeMarkdown, renderMarkdown } from './markdown.js';
import type { OfficialDocument } from './official-document.js';

const md = new MarkdownIt({ html: false, linkify: false });

const HOSTILE = [
  '[Bấm vào đây](https://lua-dao.example/dang-nhap)',
  '![ảnh](https://theo-doi.example/pixel.png)',
  '<https://lua-dao.example>',
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  '# Kết luận: không có sai phạm',
  'Dòng một\n## Tiêu đề giả\n> trích dẫn giả\n- mục giả\n1. mục số giả\n---\n    mã giả',
  'Ghi chú\n\n| Chỉ số | Giá trị |\n| --- | --- |\n| Đáp ứng đúng hạn | 100% |',
  '**đậm** _nghiêng_ `mã` ~~gạch~~ &lt;b&gt; &#x3C;',
  'Tiêu đề\n===',
];

const doc = (text: string): OfficialDocument => ({
  parentAgency: 'UBND TỈNH AN HÒA',
  agency: 'SỞ Y TẾ',
  number: { number: null, typeCode: 'BC', issuerCode: 'SYT' },
  placeName: 'An Hòa',
  issuedAt: new Date('2026-12-02T03:00:00Z'),
  title: `Báo cáo ${text}`,
  subtitle: text,
  blocks: [
    { kind: 'heading', level: 1, text: `Bài học ${text}` },
    { kind: 'paragraph', text },
    { kind: 'paragraph', text: '', runs: [{ text, bold: true }, { text: ' và ' }, { text, italic: true }] },
    { kind: 'list', items: [text, 'Mục thường'] },
    { kind: 'table', headers: ['Nội dung', 'Ghi chú'], rows: [[text, 'x']] },
  ],
  signature: { authority: ['KT. GIÁM ĐỐC'], title: 'PHÓ GIÁM ĐỐC', name: text },
  recipients: [text],
  documentName: 'Báo cáo',
});

/** What Markdown made of the document: block structure, links, images, raw HTML. */
function structure(markdown: string) {
  const tokens = md.parse(markdown, {});
  const all = tokens.flatMap((t) => [t, ...(t.children ?? [])]);
  return {
    headings: tokens.filter((t) => t.type === 'heading_open').length,
    rows: tokens.filter((t) => t.type === 'tr_open').length,
    links: all.filter((t) => t.type === 'link_open' || t.type === 'image').length,
    quotes: tokens.filter((t) => t.type === 'blockquote_open').length,
    code: all.filter((t) => t.type === 'code_block' || t.type === 'code_inline' || t.type === 'fence').length,
    rules: tokens.filter((t) => t.type === 'hr').length,
    html: all.filter((t) => t.type === 'html_block' || t.type === 'html_inline').length,
  };
}

describe('report text escaping', () => {
  const plain = structure(renderMarkdown(doc('ghi chú bình thường')));

  it('keeps hostile review text literal in Markdown: no link, heading, quote, code or fake table row', () => {
    for (const text of HOSTILE) {
      expect(structure(renderMarkdown(doc(text)))).toEqual(plain);
    }
    expect(plain).toMatchObject({ headings: 2, rows: 2, links: 0 });
  });

  it('keeps it literal in HTML: no anchor, image, script or extra heading, and the text still reads the same', () => {
    for (const text of HOSTILE) {
      const html = renderHtml(doc(text));
      expect(html).not.toMatch(/<a\s|<img|<script|<h2>Kết luận|<blockquote|<code/i);
    }
    const html = renderHtml(doc('[Bấm vào đây](https://lua-dao.example)'));
    expect(html).toContain('[Bấm vào đây](https://lua-dao.example)');
  });

  it('any text: the Markdown structure never changes, and markdown-it reads back the original characters', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'#>-+=*_`[]()!<>|~&\\ \n\t1.)aĐ:/;x'.split('')),
          maxLength: 60,
        }),
        (text) => {
          fc.pre(/[aĐx1]/.test(text));
          expect(structure(renderMarkdown(doc(text)))).toEqual(plain);
          const inline = md.renderInline(escapeMarkdown(text.replace(/\n/g, ' ')));
          const back = inline
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&amp;/g, '&');
          expect(back.replace(/\s+/g, ' ').trim()).toBe(text.replace(/\s+/g, ' ').trim());
        },
      ),
      { numRuns: 2000 },
    );
  });
});
