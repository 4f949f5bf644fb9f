import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One channel a version went out on (append-only: a correction is a new statement). */
@Entity('statement_publications')
@Index(['statementId', 'publishedAt'])
export class StatementPublication {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  statementId: string;

  @Column({ type: 'uuid' })
  versionId: string;

  @Column({ type: 'int' })
  versionNumber: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 30 })
  channel: string;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ type: 'timestamptz' })
  publishedAt: Date;

  /** Who spoke or signed (a person holding a spokesperson designation, or the head). */
  @Column({ type: 'uuid', nullable: true })
  spokespersonPersonId: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid' })
  recordedByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
