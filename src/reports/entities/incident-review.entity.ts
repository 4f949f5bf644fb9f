import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { Incident } from '../../incidents/entities/incident.entity.js';

export interface ReviewActionItem {
  title: string;
  /** Who owns it: a user of the system or a named person. */
  ownerUserId?: string | null;
  ownerName: string;
  dueDate?: string | null;
  status: 'open' | 'done';
}

/**
 * The post-incident review entered by the team: what went well, what went poorly, lessons and action items.
 * Figures never live here: the report computes them from the timeline. Closing an incident requires it completed.
 */
@Entity('incident_reviews')
export class IncidentReview {
  @PrimaryColumn({ type: 'uuid' })
  incidentId: string;

  @OneToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident>;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: 'draft' | 'completed';

  @Column({ type: 'text', default: '' })
  wentWell: string;

  @Column({ type: 'text', default: '' })
  wentPoorly: string;

  /** Shortcomings and their causes (section 8 of the report). */
  @Column({ type: 'text', default: '' })
  causes: string;

  @Column({ type: 'text', default: '' })
  lessons: string;

  @Column({ type: 'text', default: '' })
  proposals: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  actionItems: ReviewActionItem[];

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  completedByUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  updatedByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
