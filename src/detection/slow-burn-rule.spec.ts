import { BucketCounts, DEFAULT_THRESHOLDS, Finding, holdDuringColdStart } from './detection-rules.js';
import {
  distinctAuthors,
  evaluateSlowBurn,
  NegativePost,
  newVoicesExcept,
  poissonSignificance,
} from './slow-burn-rule.js';

const BUCKET_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const t0 = new Date('2026-11-01T00:00:00Z').getTime();
const t = { ...DEFAULT_THRESHOLDS };

/**
 * Eight days of a topic: 8 mentions per bucket, 1 or 2 of them negative, written by a crowd of 40 regulars
 * (who come back every day); `extra(bucketIndex)` adds negative posts with their authors.
 */
function topicDays(extra: (i: number) => string[] = () => []) {
  const rows: BucketCounts[] = [];
  const posts: NegativePost[] = [];
  const lastSeen = new Map<string, number>();
  const post = (at: number, author: string) => {
    const before = lastSeen.get(author);
    posts.push({ at, author, fresh: before === undefined || before < at - t.trendBaselineDays * DAY_MS });
    lastSeen.set(author, at);
  };
  for (let i = 0; i < 8 * 288; i++) {
    const start = t0 + i * BUCKET_MS;
    const usual = i % 3 === 0 ? 2 : 1;
    for (let k = 0; k < usual; k++) post(start + 1000 * k, `Nhóm ${(i * 7 + k) % 40}`);
    const added = extra(i);
    added.forEach((author, k) => post(start + 60_000 + 1000 * k, author));
    rows.push({
      bucketStart: new Date(start),
      bucketSeconds: 300,
      volume: 8 + added.length,
      negativeCount: usual + added.length,
      reachSum: 1000,
      negativeReachSum: 0,
    });
  }
  const at = (end: number) =>
    evaluateSlowBurn(
      end,
      rows.filter((r) => r.bucketStart.getTime() < end),
      posts.filter((p) => p.at < end),
      t,
      'Phí gửi xe',
      t0,
    );
  return { at, posts };
}

/** Bucket index of the rise: day 8, 9:00 UTC. */
const RISE = 7 * 288 + 9 * 12;

describe('slow burn (new voices against the same hours of earlier days)', () => {
  it('a grievance spreading to new voices fires within three hours of the rise, in plain words', () => {
    let n = 0;
    // From the rise on, one more new person per bucket every hour (half a person per bucket at first).
    const { at } = topicDays((i) => {
      if (i < RISE) return [];
      const h = Math.floor((i - RISE) / 12);
      return (i - RISE) % 2 === 0 || h > 0 ? Array.from({ length: h + 1 }, () => `Người dân ${++n}`) : [];
    });
    const rise = t0 + RISE * BUCKET_MS;
    let first: Finding | null = null;
    for (let end = rise - 2 * HOUR_MS; end <= rise + 5 * HOUR_MS && !first; end += BUCKET_MS) {
      first = at(end);
      if (end <= rise) expect(first).toBeNull();
    }
    expect(first).not.toBeNull();
    expect(first!.windowEnd.getTime() - rise).toBeLessThanOrEqual(3 * HOUR_MS);
    const trend = first!.evidence.trend!;
    expect(trend.newAuthors).toBeGreaterThanOrEqual(t.trendMinAuthors);
    expect(trend.baselineDays).toBe(t.trendBaselineDays);
    expect(trend.hourly).toHaveLength(trend.windowHours);
    expect(first!.evidence.summary).toMatch(
      /^Ý kiến tiêu cực về «Phí gửi xe» đang lan sang nhiều người mới: trong \d giờ qua \d+ người, trang chưa từng nhắc đến chủ đề này/,
    );
    expect(first!.evidence.summary).not.toMatch(/z ?=|mức nền|significance|\d\.\d/);
  });

  it('the same negative volume from a handful of regulars never fires', () => {
    const { at } = topicDays((i) => {
      if (i < RISE) return [];
      const h = Math.floor((i - RISE) / 12);
      return Array.from({ length: h + 1 }, (_, k) => `Nhóm ${k % 4}`);
    });
    for (let end = t0 + RISE * BUCKET_MS; end <= t0 + (RISE + 72) * BUCKET_MS; end += BUCKET_MS)
      expect(at(end)).toBeNull();
  });

  it('the tail of a past burst of new voices does not fire again once new voices are back to a trickle', () => {
    let n = 0;
    // Twelve new people in the hour of the rise, then two an hour: a six-hour window still holds the burst.
    const { at } = topicDays((i) => {
      if (i < RISE) return [];
      if (i < RISE + 12) return [`Người dân ${++n}`];
      return (i - RISE) % 6 === 0 ? [`Người dân ${++n}`] : [];
    });
    expect(at(t0 + (RISE + 12) * BUCKET_MS)).not.toBeNull();
    for (
      let end = t0 + (RISE + 4 * 12) * BUCKET_MS;
      end <= t0 + (RISE + 7 * 12) * BUCKET_MS;
      end += BUCKET_MS
    )
      expect(at(end)).toBeNull();
  });

  it('ordinary days never fire, and a topic with no earlier day cannot', () => {
    const { at } = topicDays();
    for (let end = t0 + BUCKET_MS; end <= t0 + 8 * DAY_MS; end += 7 * BUCKET_MS) expect(at(end)).toBeNull();
    let n = 0;
    const young = topicDays((i) => (i < 12 * 12 ? Array.from({ length: 3 }, () => `Người ${++n}`) : []));
    expect(young.at(t0 + 6 * HOUR_MS)).toBeNull();
  });

  it('counts people, not posts, and the bound grows with the surprise', () => {
    const posts: NegativePost[] = [
      { at: 1, author: 'a', fresh: true },
      { at: 2, author: 'a', fresh: false },
      { at: 3, author: 'b', fresh: false },
    ];
    expect(distinctAuthors(posts, 0, 10)).toBe(2);
    expect(distinctAuthors(posts, 0, 10, true)).toBe(1);
    // An authority item's pick-up: new voices other than the item's own outlet.
    const pickup = [
      ...posts,
      { at: 4, author: 'c', fresh: true },
      { at: 5, author: 'VnExpress', fresh: true },
    ];
    expect(newVoicesExcept(pickup, 0, 10, 'VnExpress')).toBe(2);
    expect(newVoicesExcept(pickup, 2, 10, 'VnExpress')).toBe(1);
    expect(newVoicesExcept(pickup, 0, 10, null)).toBe(3);
    expect(poissonSignificance(3, 4)).toBe(0);
    expect(poissonSignificance(12, 2)).toBeGreaterThan(3);
    expect(poissonSignificance(20, 2)).toBeGreaterThan(poissonSignificance(12, 2));
  });
});

describe('cold start', () => {
  const finding = (rule: Finding['rule'], negative: number, reason?: 'reach'): Finding => ({
    rule,
    windowStart: new Date(t0),
    windowEnd: new Date(t0 + BUCKET_MS),
    mentionIds: [],
    reach: 0,
    velocityPerHour: 0,
    negativeShare: 1,
    evidence: {
      rule,
      summary: 'Tóm tắt',
      window: { start: '', end: '' },
      observed: { volume: negative, negative, reach: 0, velocityPerHour: 0 },
      thresholds: {},
      ...(reason ? { pickup: { mentions: 0, outlets: 0, expected: 0, newVoices: 0, reason } } : {}),
    },
  });

  it('holds findings that need a usual level on the watch list until the topic has coldStartHours', () => {
    const fs = [
      finding('negative_share', 60),
      finding('negative_spike', 150),
      finding('fake_news_named', 1),
      finding('authority_traction', 1, 'reach'),
      finding('authority_traction', 20),
      finding('volume_spike', 0),
    ];
    holdDuringColdStart(fs, t, 3.5);
    expect(fs.map((f) => Boolean(f.watchOnly))).toEqual([true, false, false, false, true, false]);
    expect(fs[0].evidence.coldStart).toEqual({ historyHours: 3.5, coldStartHours: t.coldStartHours });
    expect(fs[0].evidence.summary).toBe(
      'Tóm tắt. Chủ đề mới được theo dõi 3 giờ, chưa đủ để biết mức bình thường: đưa vào danh sách theo dõi, chưa mở phòng',
    );
    const warm = [finding('negative_share', 60)];
    holdDuringColdStart(warm, t, t.coldStartHours);
    expect(warm[0].watchOnly).toBeUndefined();
  });
});
