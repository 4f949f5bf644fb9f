import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Incident } from './incident.entity.js';

/** The incident timeline: one row per committed change, ordered by a gap-free per-incident seq. */
@Entity('incident_events')
@Index(['incidentId', 'seq'], { unique: true })
export class IncidentEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  incidentId: string;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident>;

  @Column({ type: 'int' })
  seq: number;

  /** `domain.verb`, e.g. incident.opened, incident.status_changed, task.created, fact.verified. */
  @Column({ type: 'varchar', length: 60 })
  type: string;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;
}
