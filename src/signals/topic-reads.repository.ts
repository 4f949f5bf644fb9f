import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { SentimentLabel } from './sentiment-lexicon.js';
import type { TopicBucketRow } from './topic-buckets.js';
import type { MatchedOn } from './topic-matcher.js';

/** A mention as evidence: what a person needs to see why a topic lit up. */
export interface MentionSummary {
  id: string;
  topicId: string;
  matchedOn: MatchedOn;
  sourceId: string;
  sourceType: string;
  platform: string | null;
  outlet: string | null;
  followers: number | null;
  verified: boolean | null;
  url: string | null;
  title: string | null;
  /** The first 280 characters of the text. */
  snippet: string | null;
  publishedAt: Date | null;
  collectedAt: Date;
  occurredAt: Date;
  reach: number | null;
  /** Reach, else engagement (reactions + comments + shares). */
  effectiveReach: number;
  reactions: number | null;
  comments: number | null;
  shares: number | null;
  sentiment: SentimentLabel;
  sentimentScore: number | null;
  sentimentOrigin: 'source' | 'lexicon';
  geoCode: string | null;
  fakeNewsLabel: string | null;
  evidenceUrl: string | null;
}

/** A mention as an incident's evidence page lists it. */
export interface EvidencePageMention {
  id: string;
  sourceType: string;
  platform: string | null;
  outlet: string | null;
  url: string | null;
  title: string | null;
  /** The first 500 characters of the text. */
  snippet: string | null;
  publishedAt: Date | null;
  /** bigint, as the driver reads it. */
  reach: string | null;
  sentiment: SentimentLabel;
  fakeNewsLabel: string | null;
  evidenceUrl: string | null;
}

export interface RecentMention {
  id: string;
  title: string | null;
  text: string | null;
  outlet: string | null;
  platform: string | null;
  url: string | null;
  geoCode: string | null;
  sentiment: string | null;
  publishedAt: Date | null;
  collectedAt: Date;
}

/**
 * The reads of a topic's buckets and mentions: what detection evaluates (buckets, pick-up, new voices, top
 * mentions), what the console shows, and an incident's evidence page. Ingestion's writes are in
 * signals.repository.ts.
 */
@Injectable()
export class TopicReadsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async getBuckets(topicId: string, from: Date, to: Date): Promise<TopicBucketRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      // bucket_start as epoch milliseconds: detection reads many buckets per batch, and a number is much cheaper
      // to turn into a Date than a timestamp string.
      `SELECT topic_id, (extract(epoch FROM bucket_start) * 1000)::float8 AS bucket_ms, bucket_seconds, volume, negative_count, positive_count, fake_news_count,
         named_count, reach_sum::float8, negative_reach_sum::float8, weighted_reach, max_negative_reach::float8
       FROM topic_buckets
       WHERE topic_id = $1 AND bucket_start >= $2 AND bucket_start < $3
       ORDER BY bucket_start`,
      [topicId, from, to],
    );
    return rows.map((r) => ({
      topicId: r.topic_id as string,
      bucketStart: new Date(r.bucket_ms as number),
      bucketSeconds: r.bucket_seconds as number,
      volume: r.volume as number,
      negativeCount: r.negative_count as number,
      positiveCount: r.positive_count as number,
      fakeNewsCount: r.fake_news_count as number,
      namedCount: r.named_count as number,
      reachSum: r.reach_sum as number,
      negativeReachSum: r.negative_reach_sum as number,
      weightedReach: r.weighted_reach as number,
      maxNegativeReach: r.max_negative_reach as number,
    }));
  }

  /** Negative mentions on a topic in [from, to) from outlets other than `excludeMentionId`'s, their distinct outlets, and all mentions. */
  async negativePickup(
    topicId: string,
    from: Date,
    to: Date,
    excludeMentionId: string,
  ): Promise<{ mentions: number; outlets: number; volume: number }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE m.sentiment = 'negative' AND others)::int AS mentions,
         count(DISTINCT coalesce(m.outlet, m.platform, m.source_type::text)) FILTER (WHERE m.sentiment = 'negative' AND others)::int AS outlets,
         count(*)::int AS volume
       FROM mention_topics mt
         JOIN mentions m ON m.id = mt.mention_id
           AND m.occurred_month = date_trunc('month', mt.occurred_at AT TIME ZONE 'UTC')::date
           AND m.occurred_month BETWEEN date_trunc('month', $2::timestamptz AT TIME ZONE 'UTC')::date
             AND date_trunc('month', $3::timestamptz AT TIME ZONE 'UTC')::date,
         LATERAL (SELECT coalesce(m.outlet, '') <> coalesce((SELECT outlet FROM mentions WHERE id = $4), '') AS others) o
       WHERE mt.topic_id = $1 AND mt.occurred_at >= $2 AND mt.occurred_at < $3 AND m.id <> $4`,
      [topicId, from, to, excludeMentionId],
    );
    return { mentions: row.mentions as number, outlets: row.outlets as number, volume: row.volume as number };
  }

  /**
   * The topic's negative mentions in the given ranges [from, to) (epoch ms), each with its author (outlet, else
   * platform, else source type: as negativePickup counts them) and whether it is a new voice: its author posted
   * nothing on the topic in the `memoryMs` before it. Mentions from `scanFrom` on tell who posted before.
   */
  async negativeAuthorPosts(
    topicId: string,
    scanFrom: Date,
    to: Date,
    memoryMs: number,
    ranges: [number, number][],
  ): Promise<{ at: number; author: string; fresh: boolean }[]> {
    if (!ranges.length) return [];
    const rows: { at: string; author: string; fresh: boolean }[] = await this.dataSource.query(
      `WITH scan AS (
         SELECT mt.occurred_at AS at, mt.author, mt.sentiment FROM mention_topics mt
         WHERE mt.topic_id = $1 AND mt.occurred_at >= $2 AND mt.occurred_at < $3 AND mt.author IS NOT NULL
       ), flagged AS (
         SELECT at, author, sentiment, lag(at) OVER (PARTITION BY author ORDER BY at) AS prev FROM scan
       )
       SELECT (extract(epoch FROM f.at) * 1000)::float8 AS at, f.author,
         (f.prev IS NULL OR f.prev < f.at - make_interval(secs => $4::float8 / 1000)) AS fresh
       FROM flagged f
       WHERE f.sentiment = 'negative' AND EXISTS (
         SELECT 1 FROM unnest($5::float8[], $6::float8[]) r(a, b)
         WHERE f.at >= to_timestamp(r.a / 1000) AND f.at < to_timestamp(r.b / 1000))
       ORDER BY f.at`,
      [topicId, scanFrom, to, memoryMs, ranges.map((r) => r[0]), ranges.map((r) => r[1])],
    );
    return rows.map((r) => ({ at: Number(r.at), author: r.author, fresh: r.fresh }));
  }

  /** When the topic's first bucket starts (null: no mention yet). */
  async firstBucketStart(topicId: string): Promise<Date | null> {
    const [row] = await this.dataSource.query(
      `SELECT min(bucket_start) AS first FROM topic_buckets WHERE topic_id = $1`,
      [topicId],
    );
    return row?.first ? new Date(row.first) : null;
  }

  /**
   * The newest mentions collected since `since` (for trying a topic's rules before saving them), of the given
   * sources only (null: every source).
   */
  async recentMentions(since: Date, limit: number, sourceIds: string[] | null): Promise<RecentMention[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT id, title, text, outlet, platform, url, geo_code, sentiment, published_at, collected_at
         FROM mentions WHERE collected_at >= $1 AND ($3::uuid[] IS NULL OR source_id = ANY($3::uuid[]))
        ORDER BY collected_at DESC, id LIMIT $2`,
      [since, limit, sourceIds],
    );
    return rows.map((r) => ({
      id: r.id as string,
      title: r.title as string | null,
      text: r.text as string | null,
      outlet: r.outlet as string | null,
      platform: r.platform as string | null,
      url: r.url as string | null,
      geoCode: r.geo_code as string | null,
      sentiment: r.sentiment as string | null,
      publishedAt: r.published_at as Date | null,
      collectedAt: r.collected_at as Date,
    }));
  }

  /**
   * A page of the given mentions, widest reach first (then newest): what an incident shows of its evidence. The
   * caller owns the list (incidents' links); a mention no longer stored is left out of the page.
   */
  async mentionPage(ids: string[], limit: number, offset: number): Promise<EvidencePageMention[]> {
    if (!ids.length) return [];
    return this.dataSource.query(
      `SELECT m.id, m.source_type AS "sourceType", m.platform, m.outlet, m.url, m.title, left(m.text, 500) AS snippet,
         m.published_at AS "publishedAt", m.reach, m.sentiment, m.fake_news_label AS "fakeNewsLabel",
         m.evidence_url AS "evidenceUrl"
       FROM mentions m
       WHERE m.id = ANY($1::uuid[])
       ORDER BY coalesce(m.reach, 0) DESC, m.published_at DESC NULLS LAST, m.id
       LIMIT $2 OFFSET $3`,
      [ids, limit, offset],
    );
  }

  /** The title and the first `chars` characters of the text of the given mentions (those that still exist). */
  async mentionOpenings(
    manager: EntityManager,
    ids: string[],
    chars: number,
  ): Promise<{ id: string; title: string | null; text: string | null }[]> {
    if (!ids.length) return [];
    return manager.query(
      `SELECT m.id, m.title, left(m.text, $2) AS text FROM mentions m WHERE m.id = ANY($1::uuid[])`,
      [ids, chars],
    );
  }

  /** The topic's mentions in [from, to): negative first, then by reach (reach, else engagement). */
  async topMentions(topicId: string, from: Date, to: Date, limit: number): Promise<MentionSummary[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT m.id, mt.topic_id, mt.matched_on, m.source_id, m.source_type, m.platform, m.outlet,
         m.followers::float8 AS followers, m.verified, m.url, m.title, left(m.text, 280) AS snippet,
         m.published_at, m.collected_at, mt.occurred_at, m.reach::float8 AS reach,
         greatest(coalesce(m.reach, coalesce(m.reactions, 0) + coalesce(m.comments, 0) + coalesce(m.shares, 0)), 1)::float8
           AS effective_reach,
         m.reactions::float8 AS reactions, m.comments::float8 AS comments, m.shares::float8 AS shares, m.sentiment,
         m.sentiment_score, m.sentiment_origin, m.geo_code, m.fake_news_label, m.evidence_url
       FROM mention_topics mt
       JOIN mentions m ON m.id = mt.mention_id
         AND m.occurred_month = date_trunc('month', mt.occurred_at AT TIME ZONE 'UTC')::date
         AND m.occurred_month BETWEEN date_trunc('month', $2::timestamptz AT TIME ZONE 'UTC')::date
           AND date_trunc('month', $3::timestamptz AT TIME ZONE 'UTC')::date
       WHERE mt.topic_id = $1 AND mt.occurred_at >= $2 AND mt.occurred_at < $3
       ORDER BY (m.sentiment = 'negative') DESC, effective_reach DESC, mt.occurred_at DESC, m.id
       LIMIT $4`,
      [topicId, from, to, limit],
    );
    return rows.map((r) => ({
      id: r.id as string,
      topicId: r.topic_id as string,
      matchedOn: r.matched_on as MatchedOn,
      sourceId: r.source_id as string,
      sourceType: r.source_type as string,
      platform: r.platform as string | null,
      outlet: r.outlet as string | null,
      followers: r.followers as number | null,
      verified: r.verified as boolean | null,
      url: r.url as string | null,
      title: r.title as string | null,
      snippet: r.snippet as string | null,
      publishedAt: r.published_at as Date | null,
      collectedAt: r.collected_at as Date,
      occurredAt: r.occurred_at as Date,
      reach: r.reach as number | null,
      effectiveReach: r.effective_reach as number,
      reactions: r.reactions as number | null,
      comments: r.comments as number | null,
      shares: r.shares as number | null,
      sentiment: r.sentiment as SentimentLabel,
      sentimentScore: r.sentiment_score as number | null,
      sentimentOrigin: r.sentiment_origin as 'source' | 'lexicon',
      geoCode: r.geo_code as string | null,
      fakeNewsLabel: r.fake_news_label as string | null,
      evidenceUrl: r.evidence_url as string | null,
    }));
  }
}
