import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Topic } from './topic.entity.js';

/**
 * Per-topic counters over fixed time buckets (by publication time), updated in the same transaction as the
 * mentions they count. Detection reads its baselines from here, so its state survives restarts.
 * Reach columns follow topic-buckets.ts (effectiveReach, weightedReach).
 */
@Entity('topic_buckets')
export class TopicBucket {
  @PrimaryColumn({ type: 'uuid' })
  topicId: string;

  @PrimaryColumn({ type: 'timestamptz' })
  bucketStart: Date;

  @ManyToOne(() => Topic, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'topic_id' })
  topic?: Relation<Topic>;

  @Column({ type: 'int' })
  bucketSeconds: number;

  @Column({ type: 'int', default: 0 })
  volume: number;

  @Column({ type: 'int', default: 0 })
  negativeCount: number;

  @Column({ type: 'int', default: 0 })
  positiveCount: number;

  /** Mentions labelled tin_gia or tin_sai_su_that. */
  @Column({ type: 'int', default: 0 })
  fakeNewsCount: number;

  /** Mentions that name the unit or one of its leaders. */
  @Column({ type: 'int', default: 0 })
  namedCount: number;

  @Column({ type: 'bigint', default: 0 })
  reachSum: string;

  @Column({ type: 'bigint', default: 0 })
  negativeReachSum: string;

  @Column({ type: 'double precision', default: 0 })
  weightedReach: number;

  /** Reach of the widest-spread negative mention: the single high-authority item rule reads it. */
  @Column({ type: 'bigint', default: 0 })
  maxNegativeReach: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
