import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { OrgUnit } from '../../../directory/entities/org-unit.entity.js';
import { DeadlineRule } from '../../../incidents/entities/deadline-rule.entity.js';
import { Incident } from '../../../incidents/entities/incident.entity.js';
import { PressOutlet } from '../../entities/press-outlet.entity.js';

export const COVERAGE_MEDIA = ['print', 'online', 'radio_tv'] as const;
export type CoverageMedium = (typeof COVERAGE_MEDIA)[number];
export const COVERAGE_STATUSES = ['received', 'verified', 'responded', 'closed'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];
export const VERIFICATION_STATUSES = ['pending', 'accurate', 'partly_accurate', 'inaccurate'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];
/**
 * How the agency answers: a written answer to the outlet; a request to publish a correction or the agency's reply
 * (Nghị định 09/2017/NĐ-CP, art. 4.6); or, when the report reveals a crisis, an incident opened.
 */
export const RESPONSE_KINDS = ['answer', 'correction_request', 'reply_request', 'incident'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];
export const OUTCOME_KINDS = ['correction_published', 'follow_up_article', 'no_change'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export interface CoverageEvidence {
  kind: 'screenshot' | 'archive' | 'document' | 'other';
  url: string;
  note: string | null;
}

/** A press report to answer (báo nêu): an article or broadcast raising a problem the agency must look into. */
@Entity('press_coverage')
@Index('IDX_press_coverage_unit', ['orgUnitId', 'receivedAt'])
@Check('CHK_press_coverage_medium', `"medium" IN ('print', 'online', 'radio_tv')`)
@Check('CHK_press_coverage_status', `"status" IN ('received', 'verified', 'responded', 'closed')`)
@Check(
  'CHK_press_coverage_verification',
  `"verification_status" IN ('pending', 'accurate', 'partly_accurate', 'inaccurate')`,
)
@Check(
  'CHK_press_coverage_response',
  `"response_kind" IS NULL OR "response_kind" IN ('answer', 'correction_request', 'reply_request', 'incident')`,
)
@Check(
  'CHK_press_coverage_outcome',
  `"outcome_kind" IS NULL OR "outcome_kind" IN ('correction_published', 'follow_up_article', 'no_change')`,
)
export class PressCoverage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The unit concerned, which verifies and answers. */
  @Column({ type: 'uuid' })
  orgUnitId: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'FK_press_coverage_unit' })
  orgUnit?: Relation<OrgUnit>;

  @Column({ type: 'uuid', nullable: true })
  outletId: string | null;

  @ManyToOne(() => PressOutlet, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outlet_id', foreignKeyConstraintName: 'FK_press_coverage_outlet' })
  outlet?: Relation<PressOutlet> | null;

  /** The outlet's name as it was when the report was logged. */
  @Column({ type: 'varchar', length: 300 })
  outletName: string;

  @Column({ type: 'varchar', length: 20 })
  medium: CoverageMedium;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  url: string | null;

  @Column({ type: 'timestamptz' })
  publishedAt: Date;

  /** When the agency learnt of it: the deadline runs from here. */
  @Column({ type: 'timestamptz' })
  receivedAt: Date;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  evidence: CoverageEvidence[];

  @Column({ type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  /** The deadline rule in force at receipt (null when none was). */
  @Column({ type: 'uuid', nullable: true })
  deadlineRuleId: string | null;

  @ManyToOne(() => DeadlineRule, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'deadline_rule_id', foreignKeyConstraintName: 'FK_press_coverage_rule' })
  deadlineRule?: Relation<DeadlineRule> | null;

  @Column({ type: 'varchar', length: 20, default: 'received' })
  status: CoverageStatus;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  verificationStatus: VerificationStatus;

  @Column({ type: 'text', nullable: true })
  verificationNotes: string | null;

  @Column({ type: 'uuid', nullable: true })
  verifiedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  responseKind: ResponseKind | null;

  @Column({ type: 'text', nullable: true })
  responseText: string | null;

  @Column({ type: 'uuid', nullable: true })
  respondedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  /** The incident opened from (or attached to) this report. */
  @Column({ type: 'uuid', nullable: true })
  incidentId: string | null;

  @ManyToOne(() => Incident, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'incident_id', foreignKeyConstraintName: 'FK_press_coverage_incident' })
  incident?: Relation<Incident> | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  outcomeKind: OutcomeKind | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  outcomeUrl: string | null;

  @Column({ type: 'text', nullable: true })
  outcomeNotes: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  outcomeAt: Date | null;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
