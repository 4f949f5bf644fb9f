import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Incident } from '../../incidents/entities/incident.entity.js';

/** One Tổ công tác per incident: which rule formed it and how long it took (reports). */
@Entity('working_groups')
export class WorkingGroup {
  @PrimaryColumn({ type: 'uuid' })
  incidentId: string;

  @OneToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident>;

  @Column({ type: 'uuid', nullable: true })
  ruleId: string | null;

  /** When the incident became active (or was detected at L3+): the start of time-to-assemble. */
  @Column({ type: 'timestamptz' })
  activatedAt: Date;

  /** When every required role had accepted members; null until then. */
  @Column({ type: 'timestamptz', nullable: true })
  assembledAt: Date | null;

  @Column({ type: 'int', nullable: true })
  assembleSeconds: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
