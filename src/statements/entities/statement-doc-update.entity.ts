import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The append-only log of a draft's Yjs updates (several client updates merged per row: group commit). Loading a
 * draft = its snapshot + the rows after it; compaction folds rows into the snapshot.
 */
@Entity('statement_doc_updates')
@Index(['statementId', 'id'])
export class StatementDocUpdate {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  statementId: string;

  @Column({ type: 'bytea' })
  data: Buffer;

  /** How many client updates were merged into this row. */
  @Column({ type: 'int' })
  updateCount: number;

  /** Who wrote them (attribution of the draft; versions are what the audit log records). */
  @Column({ type: 'uuid', array: true })
  userIds: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
