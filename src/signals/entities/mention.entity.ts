import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { FAKE_NEWS_LABELS, MENTION_SOURCE_TYPES, SENTIMENT_LABELS } from '../mention-item.validator.js';
import type { FakeNewsLabel, MentionSourceType } from '../mention-item.validator.js';
import type { SentimentLabel } from '../sentiment-lexicon.js';
import { SignalSource } from './signal-source.entity.js';

/**
 * One mention from a monitoring feed (an article, a post, a video, a broadcast segment). Stored once: a second
 * delivery with the same (source, external id) or the same (url, content hash) — same urlKey — is a duplicate.
 * Ingestion writes this table with raw multi-row SQL (signals.repository.ts); the entity describes the schema.
 * Ids are time-ordered UUIDs (mention-keys.ts).
 *
 * Partitioned by `occurredMonth` (migration MentionPartitions, src/signals/README.md "Partitions and retention"):
 * the primary key is (id, occurred_month), the unique keys (source, external id, month) and (url key, month).
 * The schema belongs to the migration and the partition job (`synchronize: false`: TypeORM's schema builder does
 * not model partitioned tables).
 */
@Entity({ name: 'mentions', synchronize: false })
@Index(['sourceId', 'externalId', 'occurredMonth'], { unique: true })
export class Mention {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  sourceId: string;

  // No foreign-key constraint: checking it for every mention locked the one source row thousands of times a
  // second. Sources are never deleted (they are switched off), and ingestion checks the source first.
  @ManyToOne(() => SignalSource, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'source_id' })
  source?: Relation<SignalSource>;

  @Column({ type: 'varchar', length: 200, nullable: true })
  externalId: string | null;

  @Column({ type: 'enum', enum: [...MENTION_SOURCE_TYPES], enumName: 'mention_source_type' })
  sourceType: MentionSourceType;

  @Column({ type: 'varchar', length: 100, nullable: true })
  platform: string | null;

  /** Outlet (newspaper, station) or account name. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  outlet: string | null;

  @Column({ type: 'bigint', nullable: true })
  followers: string | null;

  @Column({ type: 'boolean', nullable: true })
  verified: boolean | null;

  /** Canonical URL (see the item validator); at most 2,000 characters so it fits the unique index. */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  url: string | null;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  /** NFC, whitespace collapsed; case and diacritics as the source wrote them. */
  @Column({ type: 'text', nullable: true })
  text: string | null;

  /** SHA-256 (hex) of title and text lower-cased, NFC, whitespace collapsed (mention-keys.ts). */
  @Column({ type: 'char', length: 64 })
  contentHash: string;

  /** Deduplication key of (url, content hash); null without a url (mention-keys.ts). */
  @Column({ type: 'uuid', nullable: true })
  urlKey: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'timestamptz' })
  collectedAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;

  /** Reach or views. */
  @Column({ type: 'bigint', nullable: true })
  reach: string | null;

  @Column({ type: 'bigint', nullable: true })
  reactions: string | null;

  @Column({ type: 'bigint', nullable: true })
  comments: string | null;

  @Column({ type: 'bigint', nullable: true })
  shares: string | null;

  @Column({ type: 'enum', enum: [...SENTIMENT_LABELS], enumName: 'sentiment_label' })
  sentiment: SentimentLabel;

  @Column({ type: 'real', nullable: true })
  sentimentScore: number | null;

  /** `source`: the feed said so; `lexicon`: scored by the service (sentiment-lexicon.ts). */
  @Column({ type: 'varchar', length: 10 })
  sentimentOrigin: 'source' | 'lexicon';

  @Column({ type: 'varchar', length: 20, nullable: true })
  geoCode: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  language: string | null;

  @Column({ type: 'enum', enum: [...FAKE_NEWS_LABELS], enumName: 'fake_news_label', nullable: true })
  fakeNewsLabel: FakeNewsLabel | null;

  /** Screenshot or archive link: takedown requests need it. */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  evidenceUrl: string | null;

  /** First day (UTC) of the month of publication, else of collection: the partition key. */
  @PrimaryColumn({ type: 'date' })
  occurredMonth: string;
}
