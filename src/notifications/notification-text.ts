import { escapeHtml } from '../common/html.js';

/**
 * The HTML part of an e-mail written as plain text: paragraphs at blank lines, line breaks kept, everything
 * escaped; declared UTF-8 and Vietnamese so that clients render the diacritics and pick the right fonts.
 */
export function textToHtml(subject: string, text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>\n')}</p>`);
  return [
    '<!DOCTYPE html>',
    '<html lang="vi">',
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5">',
    ...paragraphs,
    '</body>',
    '</html>',
  ].join('\n');
}
