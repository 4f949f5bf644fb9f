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
import type { CandidateSource } from './assembly-rule.entity.js';

/**
 * Roles an incident needs beyond its assembly rule (added by an applied playbook): merged with the rule's
 * requirements when the group is assembled, or invited at once when it already exists.
 */
@Entity('incident_role_requirements')
@Index(['incidentId', 'role', 'origin'], { unique: true })
export class IncidentRoleRequirement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  incidentId: string;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident>;

  @Column({ type: 'varchar', length: 50 })
  role: string;

  @Column({ type: 'int' })
  count: number;

  @Column({ type: 'boolean' })
  required: boolean;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  sources: CandidateSource[];

  @Column({ type: 'text' })
  reason: string;

  /** Where it came from, e.g. `playbook:fake-news-agency@2`. */
  @Column({ type: 'varchar', length: 200 })
  origin: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
