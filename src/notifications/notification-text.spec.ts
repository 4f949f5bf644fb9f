import { escapeHtml } from '../common/html.js';
import { textToHtml } from './notification-text.js';

describe(textToHtml.name, () => {
  it('keeps Vietnamese text, escapes markup, splits paragraphs and lines', () => {
    const html = textToHtml(
      'Quyết định thành lập Tổ công tác',
      'Kính gửi đồng chí,\nĐề nghị xác nhận <ngay>.\n\nTrân trọng & cảm ơn.',
    );
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Quyết định thành lập Tổ công tác</title>');
    expect(html).toContain('<p>Kính gửi đồng chí,<br>\nĐề nghị xác nhận &lt;ngay&gt;.</p>');
    expect(html).toContain('<p>Trân trọng &amp; cảm ơn.</p>');
  });

  it('escapes quotes', () => {
    expect(escapeHtml(`"a" 'b'`)).toBe('&quot;a&quot; &#39;b&#39;');
  });
});
