import { validateMentionItem } from './mention-item.validator.js';

const now = Date.parse('2025-08-12T03:00:00Z');
const valid = {
  externalId: 'sb-1',
  sourceType: 'social',
  platform: 'facebook',
  outlet: 'Hội cư dân An Hòa',
  followers: 48200,
  verified: false,
  url: 'https://facebook.com/groups/anhoa/posts/1',
  title: 'Nghi ngộ độc',
  text: 'Nhiều học sinh nhập viện',
  publishedAt: '2025-08-12T07:45:00+07:00',
  collectedAt: '2025-08-12T00:52:10Z',
  reach: 120000,
  reactions: 3400,
  comments: 870,
  shares: 410,
  sentiment: 'negative',
  sentimentScore: -0.7,
  geoCode: '26734',
  language: 'vi',
  fakeNewsLabel: 'tin_gia',
  evidenceUrl: 'https://archive.example.vn/s/abc',
};

describe('validateMentionItem', () => {
  it('accepts a complete item and converts times', () => {
    const r = validateMentionItem(valid, 0, now);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.publishedAt?.toISOString()).toBe('2025-08-12T00:45:00.000Z');
    expect(r.value).toMatchObject({ externalId: 'sb-1', reach: 120000, fakeNewsLabel: 'tin_gia' });
  });

  it('accepts a minimal item and treats null as absent', () => {
    const r = validateMentionItem({ sourceType: 'print', text: 'Bài báo', url: null, reach: null }, 0, now);
    expect(r).toMatchObject({ ok: true, value: { url: null, reach: null, publishedAt: null } });
  });

  it.each([
    [{ publishedAt: '12/08/2025' }, 'publishedAt', 'items[3].publishedAt: phải là thời điểm ISO 8601'],
    [
      { publishedAt: '2025-08-12T07:45:00' },
      'publishedAt',
      'items[3].publishedAt: phải là thời điểm ISO 8601 có múi giờ',
    ],
    [{ publishedAt: '2025-02-30T07:45:00Z' }, 'publishedAt', 'ngày hoặc giờ không tồn tại'],
    [{ publishedAt: '2025-08-13T07:45:00+07:00' }, 'publishedAt', 'không được ở tương lai'],
    [{ sourceType: 'blog' }, 'sourceType', 'items[3].sourceType: phải là một trong: print, online_news'],
    [{ reach: -5 }, 'reach', 'items[3].reach: phải là số nguyên không âm'],
    [{ reach: 1.5 }, 'reach', 'phải là số nguyên không âm'],
    [{ followers: '1000' }, 'followers', 'phải là số nguyên không âm'],
    [{ sentimentScore: 2 }, 'sentimentScore', 'phải là số từ -1 đến 1'],
    [{ verified: 'yes' }, 'verified', 'phải là true hoặc false'],
    [{ url: 'ftp://x.vn/a' }, 'url', 'items[3].url: phải là đường dẫn http(s)'],
    [{ url: 'https://' + 'a'.repeat(2100) + '.vn' }, 'url', 'quá dài'],
    [{ fakeNewsLabel: 'fake' }, 'fakeNewsLabel', 'tin_gia, tin_sai_su_that, tin_xac_thuc'],
    [{ geoCode: 'Hà Nội' }, 'geoCode', 'mã đơn vị hành chính'],
    [{ externalId: '   ' }, 'externalId', 'không được để trống'],
    [{ colour: 'red' }, 'colour', 'items[3].colour: trường không được phép'],
    [{ text: 'Tin\u0000 giả' }, 'text', 'items[3].text: chứa ký tự NUL'],
    [{ outlet: 'Báo\u0000' }, 'outlet', 'chứa ký tự NUL'],
    [{ text: 'Tin \ud83d giả' }, 'text', 'items[3].text: chứa ký tự Unicode không hợp lệ'],
    [{ __proto__: 'x' }, undefined, undefined],
  ])('refuses %j naming the field', (patch, field, reason) => {
    const item = JSON.parse(JSON.stringify({ ...valid, ...patch }));
    const r = validateMentionItem(item, 3, now);
    if (field === undefined) return; // JSON.stringify drops __proto__: nothing to check
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.field).toBe(field);
    expect(r.reason).toContain(reason);
  });

  it('refuses a "__proto__" key coming from JSON', () => {
    const r = validateMentionItem(
      JSON.parse('{"sourceType":"social","text":"a","__proto__":{"x":1}}'),
      0,
      now,
    );
    expect(r).toMatchObject({ ok: false, field: '__proto__' });
  });

  it('requires sourceType and one of title or text', () => {
    expect(validateMentionItem({ text: 'a' }, 1, now)).toMatchObject({
      ok: false,
      field: 'sourceType',
      reason: 'items[1].sourceType: bắt buộc',
    });
    expect(validateMentionItem({ sourceType: 'social' }, 1, now)).toMatchObject({ ok: false, field: 'text' });
  });

  it('refuses what is not an object', () => {
    for (const bad of [null, 'text', 42, [valid]]) {
      expect(validateMentionItem(bad, 7, now)).toEqual({
        ok: false,
        reason: 'items[7]: phải là một đối tượng JSON',
      });
    }
  });

  it('canonicalizes URLs (host case, non-ASCII path)', () => {
    const r = validateMentionItem(
      { sourceType: 'online_news', title: 'a', url: 'HTTPS://Báo.VN/tin-giả' },
      0,
      now,
    );
    expect(r.ok && r.value.url).toBe('https://xn--bo-mia.vn/tin-gi%E1%BA%A3');
  });
});
