import { bucketContribution, bucketStart, effectiveReach, weightedReach } from './topic-buckets.js';
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
});
