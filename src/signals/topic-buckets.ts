import type { SentimentLabel } from './sentiment-lexicon.js';
import type { FakeNewsLabel, MentionSourceType } from './mention-item.validator.js';
import type { MatchedOn } from './topic-matcher.js';

/** A topic's counters over one bucket, as detection reads them. */
export interface TopicBucketRow {
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
  return effectiveReach(m) * SENTIMENT_WEIGHT[m.sentiment] * authorityWeight(m);
}

function authorityWeight(m: Pick<MentionContribution, 'verified' | 'sourceType'>): number {
  return 1 + (m.verified ? 0.5 : 0) + (PRESS.has(m.sourceType) ? 0.5 : 0);
}

/** Fake-news labels that mean the content is false (tin_xac_thuc means verified true). */
export function isFalseContent(label: FakeNewsLabel | null): boolean {
  return label === 'tin_gia' || label === 'tin_sai_su_that';
}

/**
 * What one mention adds to a bucket of each topic it matched. The repository sums these per (topic, bucket) over
 * the mentions actually inserted: volume = count, negative_count = Σ negative, reach_sum = Σ reach,
 * negative_reach_sum = Σ reach × negative, weighted_reach = Σ weightedReach, max_negative_reach =
 * max(reach × negative), fake_news_count = Σ fakeNews; named_count counts links matched on a unit or leader name.
 */
export interface BucketContribution {
  negative: 0 | 1;
  positive: 0 | 1;
  fakeNews: 0 | 1;
  reach: number;
  weightedReach: number;
}

export function bucketContribution(
  m: Omit<MentionContribution, 'sentiment'>,
  sentiment: SentimentLabel,
): BucketContribution {
  const reach = effectiveReach(m);
  return {
    negative: sentiment === 'negative' ? 1 : 0,
    positive: sentiment === 'positive' ? 1 : 0,
    fakeNews: isFalseContent(m.fakeNewsLabel) ? 1 : 0,
    reach,
    weightedReach: reach * SENTIMENT_WEIGHT[sentiment] * authorityWeight(m),
  };
}

/** A bucket with every counter at zero. */
export function emptyBucket(topicId: string, bucketStart: Date, bucketSeconds: number): TopicBucketRow {
  return {
    topicId,
    bucketStart,
    bucketSeconds,
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
}

/**
 * What a batch adds to each (topic, bucket): its links' contributions summed, in (topic, bucket) order (the order in
 * which the bucket rows are then locked, the same for every batch, so that concurrent batches cannot deadlock on
 * them). named_count counts the links that matched on a unit or leader name.
 */
export function sumBuckets(
  links: readonly {
    topicId: string;
    bucketStart: Date;
    bucketSeconds: number;
    matchedOn: MatchedOn;
    contribution: BucketContribution;
  }[],
): TopicBucketRow[] {
  const sums = new Map<string, TopicBucketRow>();
  for (const l of links) {
    const key = `${l.topicId}|${l.bucketStart.getTime()}`;
    let s = sums.get(key);
    if (!s) sums.set(key, (s = emptyBucket(l.topicId, l.bucketStart, l.bucketSeconds)));
    const c = l.contribution;
    s.volume += 1;
    s.negativeCount += c.negative;
    s.positiveCount += c.positive;
    s.fakeNewsCount += c.fakeNews;
    s.namedCount += l.matchedOn === 'keywords' ? 0 : 1;
    s.reachSum += c.reach;
    s.negativeReachSum += c.reach * c.negative;
    s.weightedReach += c.weightedReach;
    s.maxNegativeReach = Math.max(s.maxNegativeReach, c.reach * c.negative);
  }
  return [...sums.values()].sort((a, b) =>
    a.topicId < b.topicId
      ? -1
      : a.topicId > b.topicId
        ? 1
        : a.bucketStart.getTime() - b.bucketStart.getTime(),
  );
}
