import {
  bucketContribution,
  bucketStart,
  effectiveReach,
  sumBuckets,
  weightedReach,
} from './topic-buckets.js';
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

  it('says what a mention adds to a bucket', () => {
    expect(bucketContribution(base, 'negative')).toEqual({
      negative: 1,
      positive: 0,
      fakeNews: 0,
      reach: 1000,
      weightedReach: 1000,
    });
    expect(
      bucketContribution({ ...base, verified: true, sourceType: 'print' }, 'neutral').weightedReach,
    ).toBeCloseTo(weightedReach({ ...base, verified: true, sourceType: 'print', sentiment: 'neutral' }));
    expect(bucketContribution({ ...base, reach: 10 }, 'positive')).toMatchObject({
      negative: 0,
      positive: 1,
      reach: 10,
    });
    expect(bucketContribution({ ...base, fakeNewsLabel: 'tin_gia' }, 'negative').fakeNews).toBe(1);
    expect(bucketContribution({ ...base, fakeNewsLabel: 'tin_sai_su_that' }, 'neutral').fakeNews).toBe(1);
    // tin_xac_thuc is verified-true content.
    expect(bucketContribution({ ...base, fakeNewsLabel: 'tin_xac_thuc' }, 'neutral').fakeNews).toBe(0);
  });

  it('sums a batch per (topic, bucket), in (topic, bucket) order', () => {
    const at = (iso: string) => new Date(iso);
    const link = (
      topicId: string,
      bucket: string,
      matchedOn: 'keywords' | 'unit_name',
      sentiment: 'negative' | 'neutral',
      reach: number,
    ) => ({
      topicId,
      bucketStart: at(bucket),
      bucketSeconds: 300,
      matchedOn,
      contribution: bucketContribution({ ...base, reach }, sentiment),
    });
    const sums = sumBuckets([
      link('b0000000-0000-4000-8000-000000000000', '2025-08-12T08:00:00Z', 'keywords', 'negative', 100),
      link('a0000000-0000-4000-8000-000000000000', '2025-08-12T08:05:00Z', 'keywords', 'neutral', 50),
      link('b0000000-0000-4000-8000-000000000000', '2025-08-12T08:00:00Z', 'unit_name', 'negative', 700),
      link('a0000000-0000-4000-8000-000000000000', '2025-08-12T08:00:00Z', 'keywords', 'neutral', 10),
    ]);
    expect(sums.map((s) => [s.topicId[0], s.bucketStart.toISOString().slice(11, 16), s.volume])).toEqual([
      ['a', '08:00', 1],
      ['a', '08:05', 1],
      ['b', '08:00', 2],
    ]);
    expect(sums[2]).toMatchObject({
      bucketSeconds: 300,
      negativeCount: 2,
      positiveCount: 0,
      fakeNewsCount: 0,
      namedCount: 1,
      reachSum: 800,
      negativeReachSum: 800,
      maxNegativeReach: 700,
      weightedReach: 800,
    });
    expect(sums[0]).toMatchObject({
      negativeCount: 0,
      negativeReachSum: 0,
      maxNegativeReach: 0,
      reachSum: 10,
      weightedReach: 3,
    });
    expect(sumBuckets([])).toEqual([]);
  });
});
