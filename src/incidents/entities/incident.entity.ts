import {
  Check,
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
import { OrgUnit } from '../../directory/entities/org-unit.entity.js';
import { IncidentCategory, IncidentStatus, Severity } from '../incident-types.js';

/** Unit names as they were when the incident was opened: reorganisations must not rewrite history. */
export interface OrgUnitSnapshot {
  id: string;
  code: string;
  name: string;
  unitType: string;
}

@Entity('incidents')
@Index(['status', 'detectedAt'])
@Check('CHK_incidents_last_seq', '"last_seq" >= 0')
export class Incident {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Human reference, e.g. SC-2026-0042. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 30 })
  code: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ type: 'enum', enum: IncidentCategory, enumName: 'incident_category' })
  category: IncidentCategory;

  @Column({ type: 'enum', enum: Severity, enumName: 'incident_severity' })
  severity: Severity;

  @Column({
    type: 'enum',
    enum: IncidentStatus,
    enumName: 'incident_status',
    default: IncidentStatus.Detected,
  })
  status: IncidentStatus;

  @Index()
  @Column({ type: 'uuid' })
  responsibleOrgUnitId: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'responsible_org_unit_id' })
  responsibleOrgUnit?: Relation<OrgUnit>;

  @Column({ type: 'jsonb' })
  responsibleUnitSnapshot: OrgUnitSnapshot;

  /** How it came to be: a detection rule, or declared by an officer. */
  @Column({ type: 'varchar', length: 20 })
  origin: 'detection' | 'manual';

  /** When the crisis was noticed: the legal clock runs from here. */
  @Column({ type: 'timestamptz' })
  detectedAt: Date;

  @Column({ type: 'timestamptz' })
  statusChangedAt: Date;

  @Column({ type: 'text', nullable: true })
  dismissedReason: string | null;

  /** Last timeline seq handed out; bumped in the same transaction as each event. */
  @Column({ type: 'int', default: 0 })
  lastSeq: number;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
