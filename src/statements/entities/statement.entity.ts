import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { Incident } from '../../incidents/entities/incident.entity.js';
import { StatementStatus, StatementType } from '../statement-types.js';

/**
 * An official statement of an incident (DOMAIN.md "What an official statement carries"). The text lives in its
 * Yjs document (statement_doc_*) while it is a draft; each submission freezes it into an immutable version.
 */
@Entity('statements')
@Index(['incidentId', 'createdAt'])
export class Statement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  incidentId: string;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident>;

  @Column({ type: 'enum', enum: StatementType, enumName: 'statement_type' })
  type: StatementType;

  @Column({
    type: 'enum',
    enum: StatementStatus,
    enumName: 'statement_status',
    default: StatementStatus.Draft,
  })
  status: StatementStatus;

  /** Where it is meant to go out (portal, press conference, …). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  channels: string[];

  /** Verified facts of the incident's register this statement relies on. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  citedFactIds: string[];

  /** Number of the latest version (0: never submitted). */
  @Column({ type: 'int', default: 0 })
  currentVersion: number;

  /** The statement this one corrects or withdraws (a correction is a new statement). */
  @Column({ type: 'uuid', nullable: true })
  relatesToStatementId: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  relation: 'corrects' | 'withdraws' | null;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
