import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { MentionInput } from './mention-item.validator.js';
import type { SentimentLabel } from './sentiment-lexicon.js';
import type { BucketDelta } from './topic-buckets.js';
import type { MatchedOn } from './topic-matcher.js';

/** A validated, normalized mention ready to insert. */
export interface PreparedMention {
  id: string;
  input: MentionInput;
  title: string | null;
  text: string | null;
  contentHash: string;
  collectedAt: Date;
  /** Publication time, else collection time: what buckets and windows use. */
  occurredAt: Date;
  sentiment: SentimentLabel;
  sentimentScore: number | null;
  sentimentOrigin: 'source' | 'lexicon';
}

export interface MentionTopicLink {
  mentionId: string;
  topicId: string;
  matchedOn: MatchedOn;
  occurredAt: Date;
}

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

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The SQL of ingestion and of the reads detection makes. Each batch is one multi-row INSERT per table, the rows
 * passed as parallel arrays and expanded by unnest(): one round trip and one plan whatever the batch size.
 */
@Injectable()
export class SignalsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the mentions that are not duplicates; returns the ids actually inserted. */
  async insertMentions(
    manager: EntityManager,
    sourceId: string,
    rows: PreparedMention[],
  ): Promise<Set<string>> {
    if (!rows.length) return new Set();
    const col = <T>(f: (r: PreparedMention) => T) => rows.map(f);
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO mentions (id, source_id, external_id, source_type, platform, outlet, followers, verified, url,
         title, text, content_hash, published_at, collected_at, reach, reactions, comments, shares, sentiment,
         sentiment_score, sentiment_origin, geo_code, language, fake_news_label, evidence_url)
       SELECT t.id, $1, t.external_id, t.source_type, t.platform, t.outlet, t.followers, t.verified, t.url,
         t.title, t.text, t.content_hash, t.published_at, t.collected_at, t.reach, t.reactions, t.comments,
         t.shares, t.sentiment, t.sentiment_score, t.sentiment_origin, t.geo_code, t.language, t.fake_news_label,
         t.evidence_url
       FROM unnest($2::uuid[], $3::varchar[], $4::mention_source_type[], $5::varchar[], $6::varchar[], $7::int8[],
         $8::bool[], $9::varchar[], $10::text[], $11::text[], $12::text[], $13::timestamptz[], $14::timestamptz[],
         $15::int8[], $16::int8[], $17::int8[], $18::int8[], $19::sentiment_label[], $20::float4[], $21::varchar[],
         $22::varchar[], $23::varchar[], $24::fake_news_label[], $25::varchar[])
         AS t(id, external_id, source_type, platform, outlet, followers, verified, url, title, text, content_hash,
           published_at, collected_at, reach, reactions, comments, shares, sentiment, sentiment_score,
           sentiment_origin, geo_code, language, fake_news_label, evidence_url)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [
        sourceId,
        col((r) => r.id),
        col((r) => r.input.externalId),
        col((r) => r.input.sourceType),
        col((r) => r.input.platform),
        col((r) => r.input.outlet),
        col((r) => r.input.followers),
        col((r) => r.input.verified),
        col((r) => r.input.url),
        col((r) => r.title),
        col((r) => r.text),
        col((r) => r.contentHash),
        col((r) => iso(r.input.publishedAt)),
        col((r) => r.collectedAt.toISOString()),
        col((r) => r.input.reach),
        col((r) => r.input.reactions),
        col((r) => r.input.comments),
        col((r) => r.input.shares),
        col((r) => r.sentiment),
        col((r) => r.sentimentScore),
        col((r) => r.sentimentOrigin),
        col((r) => r.input.geoCode),
        col((r) => r.input.language),
        col((r) => r.input.fakeNewsLabel),
        col((r) => r.input.evidenceUrl),
      ],
    );
    return new Set(inserted.map((r) => r.id));
  }

  async insertMentionTopics(manager: EntityManager, links: MentionTopicLink[]): Promise<void> {
    if (!links.length) return;
    await manager.query(
      `INSERT INTO mention_topics (mention_id, topic_id, matched_on, occurred_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::mention_matched_on[], $4::timestamptz[])`,
      [
        links.map((l) => l.mentionId),
        links.map((l) => l.topicId),
        links.map((l) => l.matchedOn),
        links.map((l) => l.occurredAt.toISOString()),
      ],
    );
  }

  /** One upsert for the whole batch; `rows` sorted by (topic, bucket) so concurrent batches lock in the same order. */
  async upsertBuckets(manager: EntityManager, rows: BucketDelta[]): Promise<void> {
    if (!rows.length) return;
    await manager.query(
      `INSERT INTO topic_buckets AS b (topic_id, bucket_start, bucket_seconds, volume, negative_count,
         positive_count, fake_news_count, named_count, reach_sum, negative_reach_sum, weighted_reach,
         max_negative_reach, updated_at)
       SELECT t.*, now()
       FROM unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[],
         $9::int8[], $10::int8[], $11::float8[], $12::int8[])
         AS t(topic_id, bucket_start, bucket_seconds, volume, negative_count, positive_count, fake_news_count,
           named_count, reach_sum, negative_reach_sum, weighted_reach, max_negative_reach)
       ON CONFLICT (topic_id, bucket_start) DO UPDATE SET
         volume = b.volume + EXCLUDED.volume,
         negative_count = b.negative_count + EXCLUDED.negative_count,
         positive_count = b.positive_count + EXCLUDED.positive_count,
         fake_news_count = b.fake_news_count + EXCLUDED.fake_news_count,
         named_count = b.named_count + EXCLUDED.named_count,
         reach_sum = b.reach_sum + EXCLUDED.reach_sum,
         negative_reach_sum = b.negative_reach_sum + EXCLUDED.negative_reach_sum,
         weighted_reach = b.weighted_reach + EXCLUDED.weighted_reach,
         max_negative_reach = GREATEST(b.max_negative_reach, EXCLUDED.max_negative_reach),
         updated_at = now()`,
      [
        rows.map((r) => r.topicId),
        rows.map((r) => r.bucketStart.toISOString()),
        rows.map((r) => r.bucketSeconds),
        rows.map((r) => r.volume),
        rows.map((r) => r.negativeCount),
        rows.map((r) => r.positiveCount),
        rows.map((r) => r.fakeNewsCount),
        rows.map((r) => r.namedCount),
        rows.map((r) => Math.round(r.reachSum)),
        rows.map((r) => Math.round(r.negativeReachSum)),
        rows.map((r) => r.weightedReach),
        rows.map((r) => Math.round(r.maxNegativeReach)),
      ],
    );
  }

  /** Records a webhook signature; false when it was already seen (a replay). */
  async recordWebhookReceipt(
    manager: EntityManager,
    sourceId: string,
    signature: string,
    expiresAt: Date,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO signal_webhook_receipts (source_id, signature, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING signature`,
      [sourceId, signature, expiresAt],
    );
    return rows.length === 1;
  }

  async deleteExpiredReceipts(): Promise<number> {
    const [, count] = await this.dataSource.query(
      `DELETE FROM signal_webhook_receipts WHERE expires_at < now()`,
    );
    return Number(count ?? 0);
  }

  /** Changes whenever a topic is added or any topic's updated_at moves (also out of order across nodes). */
  async topicsVersion(): Promise<string> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::text || ':' || coalesce(sum(hashtext(id::text || updated_at::text)), 0)::text AS v
       FROM topics`,
    );
    return row.v;
  }

  async getBuckets(topicId: string, from: Date, to: Date): Promise<TopicBucketRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT topic_id, bucket_start, bucket_seconds, volume, negative_count, positive_count, fake_news_count,
         named_count, reach_sum::float8, negative_reach_sum::float8, weighted_reach, max_negative_reach::float8
       FROM topic_buckets
       WHERE topic_id = $1 AND bucket_start >= $2 AND bucket_start < $3
       ORDER BY bucket_start`,
      [topicId, from, to],
    );
    return rows.map((r) => ({
      topicId: r.topic_id as string,
      bucketStart: r.bucket_start as Date,
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
