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
import { Incident } from './incident.entity.js';

export enum FactStatus {
  Unverified = 'unverified',
  Verified = 'verified',
  Retracted = 'retracted',
}

/** The register of facts the agency may state: statements cite verified facts only. */
@Entity('incident_facts')
export class IncidentFact {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  incidentId: string;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident>;

  @Column({ type: 'text' })
  statement: string;

  /** Where it comes from: a report, an inspection, a unit's confirmation, a document number. */
  @Column({ type: 'text' })
  source: string;

  @Column({
    type: 'enum',
    enum: FactStatus,
    enumName: 'incident_fact_status',
    default: FactStatus.Unverified,
  })
  status: FactStatus;

  @Column({ type: 'uuid', nullable: true })
  verifiedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  retractionReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
