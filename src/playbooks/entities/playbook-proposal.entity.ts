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
import { Incident } from '../../incidents/entities/incident.entity.js';
import type { PlaybookContent } from '../playbook-content.js';
import { Playbook } from './playbook.entity.js';

export enum ProposalStatus {
  Pending = 'pending',
  Approved = 'approved',
  Rejected = 'rejected',
}

/**
 * Lessons learned proposed as a new playbook version (or a new playbook when `playbookId` is null); an admin or
 * leader approves it, which writes the version.
 */
@Entity('playbook_proposals')
@Index(['status', 'createdAt'])
export class PlaybookProposal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  playbookId: string | null;

  @ManyToOne(() => Playbook, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'playbook_id' })
  playbook?: Relation<Playbook> | null;

  /** The version the proposal was written against. */
  @Column({ type: 'int', nullable: true })
  baseVersion: number | null;

  /** Key for a new playbook (when `playbookId` is null). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  newKey: string | null;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'jsonb' })
  content: PlaybookContent;

  @Column({ type: 'text' })
  rationale: string;

  @Column({ type: 'uuid', nullable: true })
  sourceIncidentId: string | null;

  @ManyToOne(() => Incident, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'source_incident_id' })
  sourceIncident?: Relation<Incident> | null;

  @Column({ type: 'enum', enum: ProposalStatus, enumName: 'playbook_proposal_status', default: 'pending' })
  status: ProposalStatus;

  @Column({ type: 'uuid' })
  proposedByUserId: string;

  @Column({ type: 'uuid', nullable: true })
  decidedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ type: 'int', nullable: true })
  resultingVersion: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
