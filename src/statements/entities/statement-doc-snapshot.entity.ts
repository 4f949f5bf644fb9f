import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The compacted state of a draft: every update up to `lastUpdateId` merged into one. */
@Entity('statement_doc_snapshots')
export class StatementDocSnapshot {
  @PrimaryColumn({ type: 'uuid' })
  statementId: string;

  @Column({ type: 'bytea' })
  state: Buffer;

  @Column({ type: 'bigint' })
  lastUpdateId: string;

  /** Client updates folded in so far (for the bench and the statement view). */
  @Column({ type: 'int', default: 0 })
  updateCount: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
