import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A sentence approved in advance (the playbook's holding lines). `{...}` marks a placeholder filled per
 * incident (unit, time, …). A holding statement made only of such lines may take a policy's fast path.
 */
@Entity('pre_approved_lines')
export class PreApprovedLine {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  statementTypes: string[];

  /** Where it was approved (playbook, decision number). */
  @Column({ type: 'text' })
  source: string;

  @Column({ type: 'date' })
  effectiveFrom: string;

  @Column({ type: 'date', nullable: true })
  effectiveTo: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
