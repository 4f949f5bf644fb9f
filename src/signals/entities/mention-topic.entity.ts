import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { MatchedOn } from '../topic-matcher.js';
import { Mention } from './mention.entity.js';
import { Topic } from './topic.entity.js';

export const MATCHED_ON = ['keywords', 'unit_name', 'leader_name'] as const;

/** A mention matched by a watchlist topic, and why. */
@Entity('mention_topics')
@Index(['topicId', 'occurredAt'])
export class MentionTopic {
  @PrimaryColumn({ type: 'uuid' })
  mentionId: string;

  @PrimaryColumn({ type: 'uuid' })
  topicId: string;

  @ManyToOne(() => Mention, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mention_id' })
  mention?: Relation<Mention>;

  @ManyToOne(() => Topic, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'topic_id' })
  topic?: Relation<Topic>;

  @Column({ type: 'enum', enum: [...MATCHED_ON], enumName: 'mention_matched_on' })
  matchedOn: MatchedOn;

  /** The mention's publication time (collection time when unknown), copied here to read a topic's window fast. */
  @Column({ type: 'timestamptz' })
  occurredAt: Date;
}
