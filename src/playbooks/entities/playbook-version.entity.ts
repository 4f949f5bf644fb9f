import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import type { PlaybookContent } from '../playbook-content.js';
import { Playbook } from './playbook.entity.js';

/**
 * One version of a playbook, frozen: a database trigger refuses UPDATE and DELETE. `search_vector` is filled by
 * a trigger from the title and `search_text` with the `vi_unaccent` text-search configuration (diacritics folded).
 */
@Entity('playbook_versions')
@Index(['playbookId', 'version'], { unique: true })
@Index('IDX_playbook_versions_search', ['searchVector'], { type: 'gin' })
export class PlaybookVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  playbookId: string;

  @ManyToOne(() => Playbook, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'playbook_id' })
  playbook?: Relation<Playbook>;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'jsonb' })
  content: PlaybookContent;

  @Column({ type: 'text', array: true })
  categories: string[];

  @Column({ type: 'varchar', length: 2 })
  severityMin: string;

  @Column({ type: 'varchar', length: 2 })
  severityMax: string;

  /** The searchable text: summary, triggers, stages and tasks, templates' titles, guidance. */
  @Column({ type: 'text' })
  searchText: string;

  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector: string | null;

  /** shipped: installed with the product; created: written by an admin or leader; proposal: an approved proposal. */
  @Column({ type: 'varchar', length: 20 })
  origin: 'shipped' | 'created' | 'proposal';

  @Column({ type: 'uuid', nullable: true })
  proposalId: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
