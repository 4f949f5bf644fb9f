import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ApproverSpec } from '../statement-types.js';
import { StageStatus } from '../statement-types.js';

/** One stage of a version's approval chain, as the policy said at submission. */
@Entity('statement_approval_stages')
@Index(['versionId', 'key'], { unique: true })
@Index(['status'])
export class ApprovalStage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  statementId: string;

  @Column({ type: 'uuid' })
  versionId: string;

  @Column({ type: 'varchar', length: 60 })
  key: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'int' })
  step: number;

  @Column({ type: 'int' })
  quorum: number;

  @Column({ type: 'jsonb' })
  approvers: ApproverSpec[];

  @Column({ type: 'varchar', length: 20 })
  status: StageStatus;

  @Column({ type: 'int' })
  slaMinutes: number;

  @Column({ type: 'timestamptz', nullable: true })
  activatedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;
}
