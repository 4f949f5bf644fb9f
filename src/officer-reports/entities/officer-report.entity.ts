import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An officer's report of a mention (báo cáo thủ công): what was seen, where, the evidence, and the incident it
 * opened or joined. The mention itself goes through signals' ingest path into the unit's manual source.
 */
@Entity('officer_reports')
export class OfficerReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  orgUnitId: string;

  @Column({ type: 'uuid' })
  sourceId: string;

  @Column({ type: 'uuid' })
  mentionId: string;

  @Column({ type: 'uuid' })
  reportedByUserId: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  url: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  title: string | null;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ type: 'varchar', length: 20 })
  sourceType: string;

  @Column({ type: 'varchar', length: 10 })
  sentiment: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fakeNewsLabel: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  archiveUrl: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** The screenshot, if any: its type (checked by its first bytes), size and SHA-256; bytes never in listings. */
  @Column({ type: 'varchar', length: 50, nullable: true })
  evidenceType: string | null;

  @Column({ type: 'int', nullable: true })
  evidenceSize: number | null;

  @Column({ type: 'char', length: 64, nullable: true })
  evidenceSha256: string | null;

  @Column({ type: 'bytea', nullable: true, select: false })
  evidence: Buffer | null;

  @Column({ type: 'uuid', nullable: true })
  incidentId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
