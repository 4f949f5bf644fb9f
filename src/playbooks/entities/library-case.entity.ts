import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Incident } from '../../incidents/entities/incident.entity.js';

/**
 * An archived incident in the library: what happened, what was said and what was learned, frozen at archiving
 * and searchable (`search_vector` filled by a trigger with the `vi_unaccent` configuration).
 */
@Entity('library_cases')
@Index('IDX_library_cases_search', ['searchVector'], { type: 'gin' })
export class LibraryCase {
  @PrimaryColumn({ type: 'uuid' })
  incidentId: string;

  @OneToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident>;

  @Column({ type: 'varchar', length: 30 })
  code: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 40 })
  category: string;

  @Column({ type: 'varchar', length: 2 })
  severity: string;

  @Index()
  @Column({ type: 'uuid' })
  responsibleOrgUnitId: string;

  @Column({ type: 'varchar', length: 300 })
  responsibleUnitName: string;

  @Column({ type: 'timestamptz' })
  detectedAt: Date;

  /** Summary, statements published, review (went well / poorly, lessons), as Markdown-ish plain text. */
  @Column({ type: 'text' })
  searchText: string;

  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  archivedAt: Date;
}
