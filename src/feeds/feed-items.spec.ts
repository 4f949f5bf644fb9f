import { FeedOutletType } from './entities/feed.entity.js';
import { decodeFeed, FeedContentError, parseEntries, toMentionItem } from './feed-items.js';

const outlet = {
  feedUrl: 'https://baoanhoa.example.vn/rss/thoi-su.rss',
  outletName: 'Báo An Hòa',
  outletType: FeedOutletType.Magazine,
};
const now = Date.parse('2026-12-03T08:00:00Z');

describe('feed items', () => {
  it('reads a JSON Feed and maps its items like RSS ones', () => {
    const entries = parseEntries(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Tạp chí An Hòa',
        items: [
          {
            id: 42,
            url: '/so-12/bai-1',
            title: 'Chuyện mùa lũ',
            content_text: 'Nước lên <nhanh> & người dân chủ động.',
            date_published: '2026-12-03T07:30:00+07:00',
          },
        ],
      }),
      'application/feed+json',
    );
    expect(toMentionItem(entries[0], outlet, now)).toEqual({
      externalId: 'baoanhoa.example.vn:42',
      sourceType: 'print',
      platform: 'web',
      outlet: 'Báo An Hòa',
      url: 'https://baoanhoa.example.vn/so-12/bai-1',
      title: 'Chuyện mùa lũ',
      text: 'Nước lên <nhanh> & người dân chủ động.',
      publishedAt: '2026-12-03T00:30:00.000Z',
      language: 'vi',
    });
  });

  it('drops a publication time in the future (a feed’s time-zone mistake) instead of refusing the item', () => {
    const item = toMentionItem(
      {
        id: null,
        title: 'Tin',
        html: null,
        link: 'https://a.example.vn/1',
        published: new Date(now + 7 * 3_600_000),
      },
      outlet,
      now,
    );
    expect(item.publishedAt).toBeNull();
    expect(item.externalId).toBe('https://a.example.vn/1');
  });

  it('decodes by the declared charset and refuses what is not a feed', () => {
    const latin = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss/>', 'latin1');
    expect(decodeFeed(latin, null)).toContain('<rss/>');
    expect(() => parseEntries('<html><body>Trang chủ</body></html>', 'text/html')).toThrow(FeedContentError);
    expect(() => parseEntries('{"items": []}', 'application/json')).toThrow('JSON Feed');
  });
});
