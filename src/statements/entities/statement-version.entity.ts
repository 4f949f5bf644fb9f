import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum VersionStatus {
  InReview = 'in_review',
  Approved = 'approved',
  Rejected = 'rejected',
  ChangesRequested = 'changes_requested',
  /** A later version replaced it before a decision. */
  Superseded = 'superseded',
}

/**
 * A submitted text, frozen: a database trigger refuses UPDATE and DELETE of these columns. Decisions and
 * publications are bound to (number, sha256); the review outcome lives in `statement_version_reviews`.
 */
@Entity('statement_versions')
@Index(['statementId', 'number'], { unique: true })
export class StatementVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  statementId: string;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'text' })
  title: string;

  /** Markdown. */
  @Column({ type: 'text' })
  body: string;

  /** The canonical text that was hashed (`renderCanonical`). */
  @Column({ type: 'text' })
  rendered: string;

  /** SHA-256 (hex) of `rendered` as UTF-8. */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  citedFactIds: string[];

  /** The approval policy chosen at submission (key, version, fast path) and its stages as they were. */
  @Column({ type: 'jsonb' })
  policy: Record<string, unknown>;

  @Column({ type: 'uuid', nullable: true })
  submittedByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
