import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { OrgUnit } from '../../directory/entities/org-unit.entity.js';
import { Incident } from '../../incidents/entities/incident.entity.js';
import { IncidentCategory } from '../../incidents/incident-types.js';
import { Topic } from '../../signals/entities/topic.entity.js';
import type { DetectionEvidence } from '../detection-rules.js';

export enum WatchSignalStatus {
  /** Waiting for an officer on the unit's watch list. */
  Pending = 'pending',
  /** An officer opened an incident from it (its evidence went with it). */
  Opened = 'opened',
  Dismissed = 'dismissed',
}

/** Why an officer dismissed a signal; `false_positive` is kept as a label for the topic's precision. */
export const DISMISS_REASONS = ['false_positive', 'not_relevant', 'handled_elsewhere', 'other'] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];

/**
 * A finding below the opening bar (a burst that is not negative, one major outlet's negative item without
 * pick-up): on its unit's watch list with its evidence, until an officer opens an incident from it or
 * dismisses it. At most one per topic, rule and window.
 */
@Entity('watch_signals')
@Index(['topicId', 'rule', 'windowStart'], { unique: true })
@Index(['orgUnitId', 'status', 'createdAt'])
export class WatchSignal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  topicId: string;

  @ManyToOne(() => Topic, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'topic_id' })
  topic?: Relation<Topic>;

  @Column({ type: 'uuid' })
  orgUnitId: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: Relation<OrgUnit>;

  @Column({ type: 'varchar', length: 40 })
  rule: string;

  @Column({ type: 'enum', enum: IncidentCategory, enumName: 'incident_category' })
  category: IncidentCategory;

  @Column({ type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'timestamptz' })
  windowEnd: Date;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'jsonb' })
  evidence: DetectionEvidence;

  /** The mentions behind it (linked to the incident when one is opened from it). */
  @Column({ type: 'uuid', array: true })
  mentionIds: string[];

  @Column({ type: 'varchar', length: 20, default: WatchSignalStatus.Pending })
  status: WatchSignalStatus;

  @Column({ type: 'uuid', nullable: true })
  incidentId: string | null;

  @ManyToOne(() => Incident, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident> | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  dismissReason: DismissReason | null;

  @Column({ type: 'text', nullable: true })
  dismissNote: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
