import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DecisionKind } from '../statement-types.js';

/**
 * A decision on one stage of one version, bound to the version's sha256. Append-only (trigger). One per stage
 * and approver counted: a deputy acting under delegation counts for the delegator, never both.
 */
@Entity('statement_decisions')
@Index(['stageId', 'countedForUserId'], { unique: true })
@Index(['versionId'])
export class ApprovalDecision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  statementId: string;

  @Column({ type: 'uuid' })
  versionId: string;

  @Column({ type: 'int' })
  versionNumber: number;

  @Column({ type: 'uuid' })
  stageId: string;

  @Column({ type: 'varchar', length: 20 })
  decision: DecisionKind;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'uuid' })
  decidedByUserId: string;

  /** The approver whose place this decision takes: the decider, or the delegator. */
  @Column({ type: 'uuid' })
  countedForUserId: string;

  @Column({ type: 'uuid', nullable: true })
  delegationId: string | null;

  /** The password was re-entered (ký duyệt). */
  @Column({ type: 'boolean', default: false })
  steppedUp: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
