import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A comment anchored to a range of the draft by Yjs relative positions: the anchor follows its text through
 * concurrent edits (inserts before it, deletes around it).
 */
@Entity('statement_comments')
@Index(['statementId', 'createdAt'])
export class StatementComment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  statementId: string;

  /** `title` or `body`. */
  @Column({ type: 'varchar', length: 10 })
  field: string;

  /** Y.encodeRelativePosition of the start and end. */
  @Column({ type: 'bytea' })
  anchorStart: Buffer;

  @Column({ type: 'bytea' })
  anchorEnd: Buffer;

  /** The text under the anchor when the comment was made. */
  @Column({ type: 'text' })
  quote: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 10, default: 'open' })
  status: 'open' | 'resolved';

  @Column({ type: 'uuid' })
  authorUserId: string;

  @Column({ type: 'uuid', nullable: true })
  resolvedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
