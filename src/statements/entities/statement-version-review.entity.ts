import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { VersionStatus } from './statement-version.entity.js';

/** The review outcome of a version (mutable, unlike the version itself). */
@Entity('statement_version_reviews')
export class StatementVersionReview {
  @PrimaryColumn({ type: 'uuid' })
  versionId: string;

  @Column({ type: 'varchar', length: 20 })
  status: VersionStatus;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
