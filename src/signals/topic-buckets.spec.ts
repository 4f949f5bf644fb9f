import { BucketAggregator, bucketStart, effectiveReach, weightedReach } from './topic-buckets.js';
import type { MentionContribution } from './topic-buckets.js';

const base: MentionContribution = {
  sentiment: 'negative',
  fakeNewsLabel: null,
  sourceType: 'social',
  verified: false,
  reach: 1000,
  followers: 50_000,
  reactions: 10,
  comments: 5,
  shares: 1,
};

describe('topic buckets', () => {
  it('aligns buckets on the clock', () => {
    expect(bucketStart(new Date('2025-08-12T07:47:59.999Z'), 5).toISOString()).toBe(
      '2025-08-12T07:45:00.000Z',
    );
    expect(bucketStart(new Date('2025-08-12T07:45:00.000Z'), 5).toISOString()).toBe(
      '2025-08-12T07:45:00.000Z',
    );
    expect(bucketStart(new Date('2025-08-12T07:47:00.000Z'), 60).toISOString()).toBe(
      '2025-08-12T07:00:00.000Z',
    );
  });

  it('uses reach, else engagement, else 1; never followers', () => {
    expect(effectiveReach(base)).toBe(1000);
    expect(effectiveReach({ ...base, reach: null })).toBe(16);
    expect(effectiveReach({ ...base, reach: null, reactions: null, comments: null, shares: null })).toBe(1);
  });

  it('weights reach by sentiment and authority', () => {
    expect(weightedReach(base)).toBe(1000);
    expect(weightedReach({ ...base, sentiment: 'neutral' })).toBeCloseTo(300);
    expect(weightedReach({ ...base, sentiment: 'positive' })).toBeCloseTo(100);
    expect(weightedReach({ ...base, verified: true })).toBe(1500);
    expect(weightedReach({ ...base, verified: true, sourceType: 'online_news' })).toBe(2000);
  });

  it('aggregates per topic and bucket, sorted for locking', () => {
    const agg = new BucketAggregator();
    const t = new Date('2025-08-12T07:46:00Z');
    agg.add('b-topic', t, 5, base, false);
    agg.add('a-topic', t, 5, { ...base, sentiment: 'positive', reach: 10 }, true);
    agg.add(
      'a-topic',
      new Date('2025-08-12T07:49:00Z'),
      5,
      { ...base, fakeNewsLabel: 'tin_gia', reach: 5000 },
      false,
    );
    agg.add(
      'a-topic',
      new Date('2025-08-12T07:40:00Z'),
      5,
      { ...base, fakeNewsLabel: 'tin_xac_thuc' },
      false,
    );
    const rows = agg.sorted();
    expect(rows.map((r) => [r.topicId, r.bucketStart.toISOString()])).toEqual([
      ['a-topic', '2025-08-12T07:40:00.000Z'],
      ['a-topic', '2025-08-12T07:45:00.000Z'],
      ['b-topic', '2025-08-12T07:45:00.000Z'],
    ]);
    expect(rows[1]).toMatchObject({
      volume: 2,
      negativeCount: 1,
      positiveCount: 1,
      fakeNewsCount: 1,
      namedCount: 1,
      reachSum: 5010,
      negativeReachSum: 5000,
      maxNegativeReach: 5000,
      bucketSeconds: 300,
    });
    expect(rows[0].fakeNewsCount).toBe(0); // tin_xac_thuc is verified-true content
  });
});
