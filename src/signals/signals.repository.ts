import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { MentionInput } from './mention-item.validator.js';
import type { SentimentLabel } from './sentiment-lexicon.js';
import type { BucketContribution, TopicBucketRow } from './topic-buckets.js';
import type { MatchedOn } from './topic-matcher.js';

/** A validated, normalized mention ready to insert. */
export interface PreparedMention {
  id: string;
  input: MentionInput;
  title: string | null;
  text: string | null;
  contentHash: string;
  urlKey: string | null;
  collectedAt: Date;
  /** Publication time, else collection time: what buckets and windows use. */
  occurredAt: Date;
  sentiment: SentimentLabel;
  sentimentScore: number | null;
  sentimentOrigin: 'source' | 'lexicon';
}

/** A mention matched by a topic, with what it adds to the topic's bucket (see topic-buckets.ts). */
export interface MentionTopicLink {
  mentionId: string;
  topicId: string;
  matchedOn: MatchedOn;
  occurredAt: Date;
  bucketStart: Date;
  bucketSeconds: number;
  contribution: BucketContribution;
}

export interface BatchWrite {
  sourceId: string;
  mentions: PreparedMention[];
  links: MentionTopicLink[];
  /** Mentions detection may want to hear about, if they turn out to be new. */
  notableIds: string[];
}

export interface BatchWritten {
  accepted: number;
  /** The notableIds that were inserted (not duplicates). */
  notableInserted: Set<string>;
  /** The (topic, bucket) rows the batch added to, with their counters after this batch. */
  buckets: TopicBucketRow[];
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

const NEEDS_ESCAPE = /["\\]/;

/**
 * A PostgreSQL array literal (`{"a","b",NULL}`) for unnest(): built here in one pass, which is about twice as
 * fast as letting the driver serialize a JS array, and ingestion sends some forty arrays per batch.
 */
export function arrayLiteral(values: readonly (string | number | boolean | null)[]): string {
  return columnLiteral(values, (v) => v);
}

/** arrayLiteral of f over rows, without the intermediate array. */
export function columnLiteral<T>(
  rows: readonly T[],
  f: (row: T) => string | number | boolean | null,
): string {
  let out = '{';
  for (let i = 0; i < rows.length; i++) {
    const v = f(rows[i]);
    if (i) out += ',';
    if (v === null) out += 'NULL';
    else if (typeof v === 'string') out += `"${NEEDS_ESCAPE.test(v) ? v.replace(/["\\]/g, '\\$&') : v}"`;
    else if (typeof v === 'boolean') out += v ? 't' : 'f';
    else out += String(v);
  }
  return out + '}';
}

/**
 * The SQL of ingestion and of the reads detection makes. Each batch is one multi-row INSERT per table, the rows
 * passed as parallel arrays and expanded by unnest(): one round trip and one plan whatever the batch size.
 */
@Injectable()
export class SignalsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Writes a batch in one statement: the mentions that are not duplicates (the unique indexes decide, ON
   * CONFLICT DO NOTHING), the topic links of those that were inserted, and one aggregated upsert of the topic
   * buckets over those links, in (topic, bucket) order so that concurrent batches lock rows in the same order.
   * One round trip keeps the bucket rows, which every concurrent batch updates, locked for as short as possible.
   */
  async writeBatch(manager: EntityManager, batch: BatchWrite): Promise<BatchWritten> {
    const m = batch.mentions;
    const l = batch.links;
    const col = columnLiteral;
    const [row] = await manager.query(
      `WITH ins AS (
         INSERT INTO mentions (id, source_id, external_id, source_type, platform, outlet, followers, verified, url,
           title, text, content_hash, url_key, published_at, collected_at, reach, reactions, comments, shares,
           sentiment, sentiment_score, sentiment_origin, geo_code, language, fake_news_label, evidence_url)
         SELECT t.id, $1, t.external_id, t.source_type, t.platform, t.outlet, t.followers, t.verified, t.url,
           t.title, t.text, t.content_hash, t.url_key, t.published_at, t.collected_at, t.reach, t.reactions,
           t.comments, t.shares, t.sentiment, t.sentiment_score, t.sentiment_origin, t.geo_code, t.language,
           t.fake_news_label, t.evidence_url
         FROM unnest($2::uuid[], $3::varchar[], $4::mention_source_type[], $5::varchar[], $6::varchar[],
           $7::int8[], $8::bool[], $9::varchar[], $10::text[], $11::text[], $12::text[], $39::uuid[],
           $13::timestamptz[], $14::timestamptz[], $15::int8[], $16::int8[], $17::int8[], $18::int8[],
           $19::sentiment_label[], $20::float4[], $21::varchar[], $22::varchar[], $23::varchar[],
           $24::fake_news_label[], $25::varchar[])
           AS t(id, external_id, source_type, platform, outlet, followers, verified, url, title, text,
             content_hash, url_key, published_at, collected_at, reach, reactions, comments, shares, sentiment,
             sentiment_score, sentiment_origin, geo_code, language, fake_news_label, evidence_url)
         ON CONFLICT DO NOTHING
         RETURNING id
       ),
       link AS (
         SELECT k.*
         FROM unnest($26::uuid[], $27::uuid[], $28::mention_matched_on[], $29::timestamptz[], $30::timestamptz[],
           $31::int[], $32::int[], $33::int[], $34::int[], $35::int[], $36::int8[], $37::float8[])
           AS k(mention_id, topic_id, matched_on, occurred_at, bucket_start, bucket_seconds, negative, positive,
             fake_news, named, reach, weighted_reach)
         JOIN ins ON ins.id = k.mention_id
       ),
       linked AS (
         INSERT INTO mention_topics (mention_id, topic_id, matched_on, occurred_at)
         SELECT mention_id, topic_id, matched_on, occurred_at FROM link
       ),
       bucket AS (
         INSERT INTO topic_buckets AS b (topic_id, bucket_start, bucket_seconds, volume, negative_count,
           positive_count, fake_news_count, named_count, reach_sum, negative_reach_sum, weighted_reach,
           max_negative_reach, updated_at)
         SELECT topic_id, bucket_start, max(bucket_seconds), count(*), sum(negative), sum(positive),
           sum(fake_news), sum(named), sum(reach), sum(reach * negative), sum(weighted_reach),
           max(reach * negative), now()
         FROM link
         GROUP BY topic_id, bucket_start
         ORDER BY topic_id, bucket_start
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
           updated_at = now()
         RETURNING b.*
       )
       SELECT (SELECT count(*)::int FROM ins) AS accepted,
         (SELECT coalesce(array_agg(id), '{}') FROM ins WHERE id = ANY($38::uuid[])) AS notable,
         (SELECT coalesce(json_agg(json_build_array(topic_id, extract(epoch FROM bucket_start) * 1000,
             bucket_seconds, volume, negative_count, positive_count, fake_news_count, named_count, reach_sum,
             negative_reach_sum, weighted_reach, max_negative_reach) ORDER BY topic_id, bucket_start), '[]')
           FROM bucket) AS buckets`,
      [
        batch.sourceId,
        col(m, (r) => r.id),
        col(m, (r) => r.input.externalId),
        col(m, (r) => r.input.sourceType),
        col(m, (r) => r.input.platform),
        col(m, (r) => r.input.outlet),
        col(m, (r) => r.input.followers),
        col(m, (r) => r.input.verified),
        col(m, (r) => r.input.url),
        col(m, (r) => r.title),
        col(m, (r) => r.text),
        col(m, (r) => r.contentHash),
        col(m, (r) => iso(r.input.publishedAt)),
        col(m, (r) => r.collectedAt.toISOString()),
        col(m, (r) => r.input.reach),
        col(m, (r) => r.input.reactions),
        col(m, (r) => r.input.comments),
        col(m, (r) => r.input.shares),
        col(m, (r) => r.sentiment),
        col(m, (r) => r.sentimentScore),
        col(m, (r) => r.sentimentOrigin),
        col(m, (r) => r.input.geoCode),
        col(m, (r) => r.input.language),
        col(m, (r) => r.input.fakeNewsLabel),
        col(m, (r) => r.input.evidenceUrl),
        col(l, (r) => r.mentionId),
        col(l, (r) => r.topicId),
        col(l, (r) => r.matchedOn),
        col(l, (r) => r.occurredAt.toISOString()),
        col(l, (r) => r.bucketStart.toISOString()),
        col(l, (r) => r.bucketSeconds),
        col(l, (r) => r.contribution.negative),
        col(l, (r) => r.contribution.positive),
        col(l, (r) => r.contribution.fakeNews),
        col(l, (r) => (r.matchedOn === 'keywords' ? 0 : 1)),
        col(l, (r) => r.contribution.reach),
        col(l, (r) => r.contribution.weightedReach),
        arrayLiteral(batch.notableIds),
        col(m, (r) => r.urlKey),
      ],
    );
    return {
      accepted: row.accepted,
      notableInserted: new Set(row.notable as string[]),
      buckets: (row.buckets as (string | number)[][]).map((b) => ({
        topicId: b[0] as string,
        bucketStart: new Date(Number(b[1])),
        bucketSeconds: Number(b[2]),
        volume: Number(b[3]),
        negativeCount: Number(b[4]),
        positiveCount: Number(b[5]),
        fakeNewsCount: Number(b[6]),
        namedCount: Number(b[7]),
        reachSum: Number(b[8]),
        negativeReachSum: Number(b[9]),
        weightedReach: Number(b[10]),
        maxNegativeReach: Number(b[11]),
      })),
    };
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
