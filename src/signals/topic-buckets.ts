import type { SentimentLabel } from './sentiment-lexicon.js';
import type { FakeNewsLabel, MentionSourceType } from './mention-item.validator.js';

/** Bucket sizes a topic may use: divisors of an hour, so buckets line up with the clock. */
export const BUCKET_MINUTES = [1, 5, 10, 15, 30, 60] as const;
export const DEFAULT_BUCKET_MINUTES = 5;

/** Start of the bucket holding `at`, for buckets of `minutes` aligned on the Unix epoch (hence on the hour). */
export function bucketStart(at: Date, minutes: number): Date {
  const size = minutes * 60_000;
  return new Date(Math.floor(at.getTime() / size) * size);
}

/** What one mention adds to its topic's bucket. */
export interface MentionContribution {
  sentiment: SentimentLabel;
  fakeNewsLabel: FakeNewsLabel | null;
  sourceType: MentionSourceType;
  verified: boolean | null;
  reach: number | null;
  followers: number | null;
  reactions: number | null;
  comments: number | null;
  shares: number | null;
}

const SENTIMENT_WEIGHT: Record<SentimentLabel, number> = { negative: 1, neutral: 0.3, positive: 0.1 };
const PRESS: ReadonlySet<MentionSourceType> = new Set(['print', 'online_news', 'radio_tv']);

/**
 * The audience a mention reached, as best the source tells: its reach (or views); failing that, its
 * engagement (reactions + comments + shares, each a person who saw it); failing that, 1 (someone saw it).
 * Followers are not reach: most followers never see a given post.
 */
export function effectiveReach(
  m: Pick<MentionContribution, 'reach' | 'reactions' | 'comments' | 'shares'>,
): number {
  if (m.reach !== null) return Math.max(m.reach, 1);
  const engagement = (m.reactions ?? 0) + (m.comments ?? 0) + (m.shares ?? 0);
  return Math.max(engagement, 1);
}

/**
 * weighted_reach of a mention = effectiveReach × sentiment weight × authority weight, where
 * - sentiment weight: negative 1, neutral 0.3, positive 0.1 (what the bucket measures is harmful exposure;
 *   neutral coverage still spreads the story, positive coverage hardly harms);
 * - authority weight: 1, + 0.5 for a verified account, + 0.5 for the press (print, online news, radio/TV),
 *   whose reports others repeat and officials must answer.
 * A bucket's weighted_reach is the sum over its mentions.
 */
export function weightedReach(m: MentionContribution): number {
  const authority = 1 + (m.verified ? 0.5 : 0) + (PRESS.has(m.sourceType) ? 0.5 : 0);
  return effectiveReach(m) * SENTIMENT_WEIGHT[m.sentiment] * authority;
}

/** Fake-news labels that mean the content is false (tin_xac_thuc means verified true). */
export function isFalseContent(label: FakeNewsLabel | null): boolean {
  return label === 'tin_gia' || label === 'tin_sai_su_that';
}

/** One row of the per-batch aggregate upserted into topic_buckets. */
export interface BucketDelta {
  topicId: string;
  bucketStart: Date;
  bucketSeconds: number;
  volume: number;
  negativeCount: number;
  positiveCount: number;
  fakeNewsCount: number;
  namedCount: number;
  reachSum: number;
  negativeReachSum: number;
  weightedReach: number;
  maxNegativeReach: number;
}

/** Sums a batch's matched mentions per (topic, bucket); rows come out sorted so concurrent upserts lock in order. */
export class BucketAggregator {
  private readonly rows = new Map<string, BucketDelta>();

  add(topicId: string, at: Date, bucketMinutes: number, m: MentionContribution, named: boolean): BucketDelta {
    const start = bucketStart(at, bucketMinutes);
    const key = `${topicId}|${start.getTime()}`;
    let row = this.rows.get(key);
    if (!row) {
      row = {
        topicId,
        bucketStart: start,
        bucketSeconds: bucketMinutes * 60,
        volume: 0,
        negativeCount: 0,
        positiveCount: 0,
        fakeNewsCount: 0,
        namedCount: 0,
        reachSum: 0,
        negativeReachSum: 0,
        weightedReach: 0,
        maxNegativeReach: 0,
      };
      this.rows.set(key, row);
    }
    const reach = effectiveReach(m);
    row.volume++;
    row.reachSum += reach;
    row.weightedReach += weightedReach(m);
    if (m.sentiment === 'negative') {
      row.negativeCount++;
      row.negativeReachSum += reach;
      if (reach > row.maxNegativeReach) row.maxNegativeReach = reach;
    } else if (m.sentiment === 'positive') {
      row.positiveCount++;
    }
    if (isFalseContent(m.fakeNewsLabel)) row.fakeNewsCount++;
    if (named) row.namedCount++;
    return row;
  }

  sorted(): BucketDelta[] {
    return [...this.rows.values()].sort((a, b) =>
      a.topicId === b.topicId
        ? a.bucketStart.getTime() - b.bucketStart.getTime()
        : a.topicId < b.topicId
          ? -1
          : 1,
    );
  }
}
