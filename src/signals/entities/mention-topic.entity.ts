import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { MatchedOn } from '../topic-matcher.js';
import { SENTIMENT_LABELS } from '../mention-item.validator.js';
import type { SentimentLabel } from '../sentiment-lexicon.js';
import { Mention } from './mention.entity.js';
import { Topic } from './topic.entity.js';

export const MATCHED_ON = ['keywords', 'unit_name', 'leader_name'] as const;

/**
 * A mention matched by a watchlist topic, and why. The primary key (topic, time, mention) is also the index that
 * reads a topic's window. No foreign-key constraints (their per-row checks were a fifth of the database's
 * ingestion cost): links are written in the same statement as their mentions, and topics are never deleted
 * (they are switched off). Retention drops a month's links with its mentions (src/signals/README.md).
 */
@Entity({ name: 'mention_topics', synchronize: false }) // partitioned by occurred_at (see Mention)
export class MentionTopic {
  @PrimaryColumn({ type: 'uuid' })
  topicId: string;

  /** The mention's publication time (collection time when unknown), copied here to read a topic's window fast. */
  @PrimaryColumn({ type: 'timestamptz' })
  occurredAt: Date;

  @PrimaryColumn({ type: 'uuid' })
  mentionId: string;

  @ManyToOne(() => Mention, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'mention_id' })
  mention?: Relation<Mention>;

  @ManyToOne(() => Topic, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'topic_id' })
  topic?: Relation<Topic>;

  @Column({ type: 'enum', enum: [...MATCHED_ON], enumName: 'mention_matched_on' })
  matchedOn: MatchedOn;

  /**
   * Who spoke: the mention's outlet, else its platform, else its source type (detection's voices), and the
   * mention's sentiment; copied here so that a topic's window tells who spoke how without reading `mentions`.
   * Null only for links older than migration MentionTopicVoices whose mention was gone.
   */
  @Column({ type: 'varchar', length: 300, nullable: true })
  author: string | null;

  @Column({ type: 'enum', enum: [...SENTIMENT_LABELS], enumName: 'sentiment_label', nullable: true })
  sentiment: SentimentLabel | null;
}
