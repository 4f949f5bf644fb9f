import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

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
@Index(['orgUnitId', 'receivedAt'])
export class PressCoverage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The unit concerned, which verifies and answers. */
  @Column({ type: 'uuid' })
  orgUnitId: string;

  @Column({ type: 'uuid', nullable: true })
  outletId: string | null;

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
