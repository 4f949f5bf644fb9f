// Over 400 lines: the ingestion write and the reads detection makes share one place for the mentions SQL.
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { copyLine } from './copy-text.js';
import { dedupFrom, keysOf, writeKeys } from './mention-key-table.repository.js';
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
  /** Who spoke (the outlet, else the platform, else the source type) and how: detection's voices, kept on the link. */
  author: string;
  sentiment: SentimentLabel;
  bucketStart: Date;
  bucketSeconds: number;
  contribution: BucketContribution;
}

export type { SourceActivityWrite } from './signal-activity.repository.js';
export type { EvidencePageMention, MentionSummary, RecentMention } from './topic-reads.repository.js';

export interface MentionsWrite {
  sourceId: string;
  mentions: PreparedMention[];
  links: MentionTopicLink[];
  /**
   * Through a staging table and `INSERT … ON CONFLICT DO NOTHING` instead of straight into the table: for a batch
   * that has already met a concurrent duplicate twice (see writeMentions).
   */
  staged: boolean;
}

export interface MentionsWritten {
  /** Ids of the mentions stored (the others were duplicates). */
  inserted: Set<string>;
  /** The topic links of the stored mentions. */
  links: MentionTopicLink[];
}

const NEEDS_QUOTE_ESCAPE = /["\\]/;

/**
 * A PostgreSQL array literal (`{"a","b",NULL}`) for `= ANY(…)` and unnest(): built here in one pass, which is
 * about twice as fast as letting the driver serialize a JS array.
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
    else if (typeof v === 'string')
      out += `"${NEEDS_QUOTE_ESCAPE.test(v) ? v.replace(/["\\]/g, '\\$&') : v}"`;
    else if (typeof v === 'boolean') out += v ? 't' : 'f';
    else out += String(v);
  }
  return out + '}';
}

/** The mentions columns ingestion writes, in the order of mentionCopyLine. */
export const MENTION_COLUMNS =
  'id, source_id, external_id, source_type, platform, outlet, followers, verified, url, title, text, ' +
  'content_hash, url_key, published_at, collected_at, reach, reactions, comments, shares, sentiment, ' +
  'sentiment_score, sentiment_origin, geo_code, language, fake_news_label, evidence_url, occurred_month';

/** The partition month of a mention: the first day (UTC) of the month it occurred in, `YYYY-MM-01`. */
export function occurredMonth(occurredAt: Date): string {
  return `${occurredAt.toISOString().slice(0, 7)}-01`;
}

function mentionCopyLine(m: PreparedMention, sourceId: string): string {
  const i = m.input;
  return copyLine([
    m.id,
    sourceId,
    i.externalId,
    i.sourceType,
    i.platform,
    i.outlet,
    i.followers,
    i.verified,
    i.url,
    m.title,
    m.text,
    m.contentHash,
    m.urlKey,
    i.publishedAt,
    m.collectedAt,
    i.reach,
    i.reactions,
    i.comments,
    i.shares,
    m.sentiment,
    m.sentimentScore,
    m.sentimentOrigin,
    i.geoCode,
    i.language,
    i.fakeNewsLabel,
    i.evidenceUrl,
    occurredMonth(m.occurredAt),
  ]);
}

/** COPY of a payload (COPY text lines) on the transaction's connection. */
async function copyIn(manager: EntityManager, sql: string, payload: string): Promise<void> {
  const client = (await (manager.queryRunner as PostgresQueryRunner).connect()) as pg.PoolClient;
  await pipeline(Readable.from([Buffer.from(payload)]), client.query(copyFrom(sql)));
}

/**
 * The SQL of ingestion: a batch's mentions and topic links go in by `COPY`, its bucket counters by one aggregated
 * upsert (see writeMentions and addToBuckets); webhook receipts; the topics' version. The reads of a topic's
 * buckets and mentions are in topic-reads.repository.ts.
 */
@Injectable()
export class SignalsRepository {
  private readonly dedupDays: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.dedupDays = config.signals.dedupDays;
  }

  /**
   * Stores the batch's mentions that are not duplicates, and the topic links of those, inside the caller's
   * transaction. Duplicates are the mentions whose (source, external id) or url key is already stored in their
   * month, or in the key table within the dedup horizon (any month), or was seen earlier in the batch (the first
   * one wins): one indexed lookup finds the stored ones, then the new rows and their keys go in by COPY.
   *
   * A concurrent batch may store one of the same mentions between that lookup and the COPY: a unique index (of the
   * month, or of today's keys) then refuses the COPY (unique_violation, 23505) and the whole transaction is rolled back, nothing half-written.
   * The caller retries; the lookup then sees the other batch's rows. A batch that meets such a race again is
   * written `staged`: COPY into a temporary table, then `INSERT … SELECT … ON CONFLICT DO NOTHING`, which cannot
   * fail on a duplicate.
   */
  async writeMentions(manager: EntityManager, write: MentionsWrite): Promise<MentionsWritten> {
    // A thousand index probes are cheap; the parallel workers the planner would start for them are not.
    await manager.query(`SELECT set_config('max_parallel_workers_per_gather', '0', true)`);
    const now = new Date();
    // Keys are unique within the month a mention occurred in (the partition): that part of the lookup reads only
    // the batch's months' partitions, whose indexes stay the size of a month however many months are stored. The
    // key table adds the keys seen in the last dedupDays days, whatever their month (mention-key-table.ts).
    const batch = write.mentions.map((m) => ({
      m,
      month: occurredMonth(m.occurredAt),
      keys: keysOf(m, write.sourceId),
    }));
    const stored: { external_id: string | null; url_key: string | null; month: string | null }[] =
      await manager.query(
        `SELECT external_id, NULL::uuid AS url_key, to_char(occurred_month, 'YYYY-MM-DD') AS month FROM mentions
         WHERE source_id = $1 AND external_id = ANY($2::varchar[]) AND occurred_month = ANY($4::date[])
       UNION ALL
       SELECT NULL, url_key, to_char(occurred_month, 'YYYY-MM-DD') FROM mentions
         WHERE url_key = ANY($3::uuid[]) AND occurred_month = ANY($4::date[])
       UNION ALL
       SELECT NULL, key, NULL FROM mention_keys WHERE key = ANY($5::uuid[]) AND seen_on >= $6::date`,
        [
          write.sourceId,
          arrayLiteral(
            write.mentions.flatMap((m) => (m.input.externalId === null ? [] : [m.input.externalId])),
          ),
          arrayLiteral(write.mentions.flatMap((m) => (m.urlKey === null ? [] : [m.urlKey]))),
          arrayLiteral([...new Set(batch.map((b) => b.month))]),
          arrayLiteral(
            batch.flatMap(({ keys: k }) => [k.external, k.url].filter((x): x is string => x !== null)),
          ),
          dedupFrom(now, this.dedupDays),
        ],
      );
    const inMonth = new Set<string>();
    const recent = new Set<string>();
    for (const r of stored) {
      if (r.month === null) recent.add(r.url_key!);
      else if (r.external_id !== null) inMonth.add(`e${r.external_id}\n${r.month}`);
      else if (r.url_key !== null) inMonth.add(`u${r.url_key}\n${r.month}`);
    }
    let fresh: typeof batch = [];
    for (const b of batch) {
      const { m, month, keys: k } = b;
      const externalId = m.input.externalId === null ? null : `e${m.input.externalId}\n${month}`;
      const urlKey = m.urlKey === null ? null : `u${m.urlKey}\n${month}`;
      if (
        (externalId !== null && inMonth.has(externalId)) ||
        (urlKey !== null && inMonth.has(urlKey)) ||
        (k.external !== null && recent.has(k.external)) ||
        (k.url !== null && recent.has(k.url))
      ) {
        continue;
      }
      fresh.push(b);
      // Earlier in the batch, in any month: the first one wins.
      if (k.external !== null) recent.add(k.external);
      if (k.url !== null) recent.add(k.url);
    }
    if (!fresh.length) return { inserted: new Set(), links: [] };

    let inserted: Set<string>;
    if (write.staged) {
      // Keys first: those a concurrent batch stored meanwhile leave their mentions out.
      const taken = await writeKeys(manager, fresh, now, true, copyIn);
      if (taken.size) fresh = fresh.filter((b) => !taken.has(b.m));
      if (!fresh.length) return { inserted: new Set(), links: [] };
      let payload = '';
      for (const b of fresh) payload += mentionCopyLine(b.m, write.sourceId);
      // A long import writes several chunks staged in one transaction: the table is made once, emptied after.
      await manager.query(
        `CREATE TEMPORARY TABLE IF NOT EXISTS mention_staging (LIKE mentions INCLUDING DEFAULTS) ON COMMIT DROP`,
      );
      await manager.query(`TRUNCATE mention_staging`);
      await copyIn(manager, `COPY mention_staging (${MENTION_COLUMNS}) FROM STDIN`, payload);
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO mentions (${MENTION_COLUMNS}) SELECT ${MENTION_COLUMNS} FROM mention_staging
         ON CONFLICT DO NOTHING RETURNING id`,
      );
      inserted = new Set(rows.map((r) => r.id));
    } else {
      let payload = '';
      for (const b of fresh) payload += mentionCopyLine(b.m, write.sourceId);
      await copyIn(manager, `COPY mentions (${MENTION_COLUMNS}) FROM STDIN`, payload);
      await writeKeys(manager, fresh, now, false, copyIn);
      inserted = new Set(fresh.map((b) => b.m.id));
    }

    const links = write.links.filter((l) => inserted.has(l.mentionId));
    if (links.length) {
      let linkPayload = '';
      for (const l of links)
        linkPayload += copyLine([l.mentionId, l.topicId, l.matchedOn, l.occurredAt, l.author, l.sentiment]);
      await copyIn(
        manager,
        'COPY mention_topics (mention_id, topic_id, matched_on, occurred_at, author, sentiment) FROM STDIN',
        linkPayload,
      );
    }
    return { inserted, links };
  }

  /**
   * Adds a batch's sums (see sumBuckets) to the topic buckets in one upsert, rows locked in (topic, bucket)
   * order so that concurrent batches lock alike, and returns the buckets' counters after it. The bucket rows
   * are what every concurrent batch updates: do this last in the transaction, so they stay locked only until
   * the commit.
   */
  async addToBuckets(manager: EntityManager, sums: readonly TopicBucketRow[]): Promise<TopicBucketRow[]> {
    if (!sums.length) return [];
    const col = columnLiteral;
    const rows: (string | number)[][] = (
      await manager.query(
        `WITH bucket AS (
           INSERT INTO topic_buckets AS b (topic_id, bucket_start, bucket_seconds, volume, negative_count,
             positive_count, fake_news_count, named_count, reach_sum, negative_reach_sum, weighted_reach,
             max_negative_reach, updated_at)
           SELECT *, now()
           FROM unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[],
             $8::int[], $9::int8[], $10::int8[], $11::float8[], $12::int8[])
           ORDER BY 1, 2
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
         SELECT coalesce(json_agg(json_build_array(topic_id, extract(epoch FROM bucket_start) * 1000,
             bucket_seconds, volume, negative_count, positive_count, fake_news_count, named_count, reach_sum,
             negative_reach_sum, weighted_reach, max_negative_reach) ORDER BY topic_id, bucket_start), '[]')
           AS buckets
         FROM bucket`,
        [
          col(sums, (s) => s.topicId),
          col(sums, (s) => s.bucketStart.toISOString()),
          col(sums, (s) => s.bucketSeconds),
          col(sums, (s) => s.volume),
          col(sums, (s) => s.negativeCount),
          col(sums, (s) => s.positiveCount),
          col(sums, (s) => s.fakeNewsCount),
          col(sums, (s) => s.namedCount),
          col(sums, (s) => s.reachSum),
          col(sums, (s) => s.negativeReachSum),
          col(sums, (s) => s.weightedReach),
          col(sums, (s) => s.maxNegativeReach),
        ],
      )
    )[0].buckets;
    return rows.map((b) => ({
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
    }));
  }

  /** The stored mention a duplicate stands for: same (source, external id), else same url key. */
  async storedMentionId(
    manager: EntityManager,
    sourceId: string,
    externalId: string | null,
    urlKey: string | null,
  ): Promise<string | null> {
    const [row] = await manager.query(
      `SELECT id FROM mentions WHERE (source_id = $1 AND external_id = $2) OR url_key = $3 LIMIT 1`,
      [sourceId, externalId, urlKey],
    );
    return row?.id ?? null;
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
}
