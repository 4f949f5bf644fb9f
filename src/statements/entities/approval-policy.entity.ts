import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { StageSpec } from '../statement-types.js';

/**
 * Who approves which statement (policy, not code): versioned rows matched on the statement type, the incident's
 * severity and responsible unit, and the submission date. Highest priority wins, then the newest version.
 */
@Entity('approval_policies')
@Index(['key', 'version'], { unique: true })
@Check('CHK_approval_policies_range', '"effective_to" IS NULL OR "effective_to" >= "effective_from"')
export class ApprovalPolicy {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 60 })
  key: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'int', default: 0 })
  priority: number;

  /** Statement types it applies to (empty: all). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  statementTypes: string[];

  @Column({ type: 'varchar', length: 2, nullable: true })
  minSeverity: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  maxSeverity: string | null;

  /** Only incidents of this unit or a unit below it (null: all). */
  @Column({ type: 'uuid', nullable: true })
  orgUnitId: string | null;

  /**
   * Fast path: applies only when every paragraph of the text is a pre-approved line (holding statements built
   * from the playbook's lines).
   */
  @Column({ type: 'boolean', default: false })
  fastPath: boolean;

  @Column({ type: 'jsonb' })
  stages: StageSpec[];

  @Column({ type: 'date' })
  effectiveFrom: string;

  @Column({ type: 'date', nullable: true })
  effectiveTo: string | null;

  @Column({ type: 'text', nullable: true })
  legalBasis: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
