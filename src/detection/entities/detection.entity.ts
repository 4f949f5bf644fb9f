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
import { IncidentCategory, Severity } from '../../incidents/incident-types.js';
import { Topic } from '../../signals/entities/topic.entity.js';
import type { DetectionEvidence } from '../detection-rules.js';

export enum DetectionRuleName {
  VolumeSpike = 'volume_spike',
  NegativeShare = 'negative_share',
  HighAuthorityNegative = 'high_authority_negative',
  FakeNewsNamed = 'fake_news_named',
  Manual = 'manual',
  NegativeSpike = 'negative_spike',
  NegativeTrend = 'negative_trend',
  AuthorityTraction = 'authority_traction',
}

export enum DetectionOutcome {
  Opened = 'opened',
  Attached = 'attached',
  Suppressed = 'suppressed',
}

/**
 * One firing of a detection rule, with the evidence a person needs to see why: rule, window, baseline,
 * observed values, z-score, negative share, top mentions and outlets. At most one per topic, rule and window.
 */
@Entity('detections')
@Index(['topicId', 'rule', 'windowStart'], { unique: true })
@Index(['createdAt'])
export class Detection {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  topicId: string | null;

  @ManyToOne(() => Topic, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'topic_id' })
  topic?: Relation<Topic> | null;

  @Column({ type: 'uuid' })
  orgUnitId: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: Relation<OrgUnit>;

  @Column({ type: 'enum', enum: DetectionRuleName, enumName: 'detection_rule' })
  rule: DetectionRuleName;

  @Column({ type: 'enum', enum: IncidentCategory, enumName: 'incident_category' })
  category: IncidentCategory;

  @Column({ type: 'enum', enum: Severity, enumName: 'incident_severity' })
  severity: Severity;

  @Column({ type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'timestamptz' })
  windowEnd: Date;

  @Column({ type: 'jsonb' })
  evidence: DetectionEvidence;

  @Column({ type: 'enum', enum: DetectionOutcome, enumName: 'detection_outcome' })
  outcome: DetectionOutcome;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  incidentId: string | null;

  @ManyToOne(() => Incident, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident> | null;

  @Column({ type: 'uuid', nullable: true })
  declaredByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
