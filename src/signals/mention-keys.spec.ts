import { contentHash, mentionId, urlKey } from './mention-keys.js';

describe('mention keys', () => {
  it('hashes title and text case-insensitively', () => {
    expect(contentHash('Sập cầu', 'Hai người bị thương')).toBe(contentHash('SẬP CẦU', 'hai người bị thương'));
    expect(contentHash('Sập cầu', 'Hai người bị thương')).not.toBe(
      contentHash('Sập cầu', 'Ba người bị thương'),
    );
    expect(contentHash(null, 'a')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keys a url and content together, and nothing without a url', () => {
    const h = contentHash('a', 'b');
    expect(urlKey('https://a.vn/1', h)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(urlKey('https://a.vn/1', h)).toBe(urlKey('https://a.vn/1', h));
    expect(urlKey('https://a.vn/2', h)).not.toBe(urlKey('https://a.vn/1', h));
    expect(urlKey('https://a.vn/1', contentHash('a', 'c'))).not.toBe(urlKey('https://a.vn/1', h));
    expect(urlKey(null, h)).toBeNull();
  });

  it('makes version-7 UUIDs that sort by time', () => {
    const a = mentionId(Date.parse('2025-08-12T00:00:00Z'));
    const b = mentionId(Date.parse('2025-08-12T00:00:00.001Z'));
    for (const id of [a, b]) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(a < b).toBe(true);
    expect(a.slice(0, 13)).toBe('01989b93-a000'); // 2025-08-12T00:00:00Z in milliseconds, hex
    expect(new Set(Array.from({ length: 1000 }, () => mentionId())).size).toBe(1000);
  });
});
