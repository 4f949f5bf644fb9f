import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Topic } from '../../signals/entities/topic.entity.js';
import { Incident } from './incident.entity.js';

/** Watchlist topics an incident is about: later detections on them attach here instead of opening anew. */
@Entity('incident_topics')
@Index(['topicId'])
export class IncidentTopic {
  @PrimaryColumn({ type: 'uuid' })
  incidentId: string;

  @PrimaryColumn({ type: 'uuid' })
  topicId: string;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident>;

  @ManyToOne(() => Topic, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'topic_id' })
  topic?: Relation<Topic>;

  @CreateDateColumn({ type: 'timestamptz' })
  linkedAt: Date;
}
