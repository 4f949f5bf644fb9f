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
import { OrgUnit } from '../../../directory/entities/org-unit.entity.js';
import { SpokespersonDesignation } from '../../../directory/entities/spokesperson-designation.entity.js';
import { Incident } from '../../../incidents/entities/incident.entity.js';

export const CONFERENCE_KINDS = ['regular', 'thematic', 'emergency'] as const;
export type ConferenceKind = (typeof CONFERENCE_KINDS)[number];
export const CONFERENCE_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type ConferenceStatus = (typeof CONFERENCE_STATUSES)[number];

/** Where a prepared line comes from: a verified fact or an approved statement of the linked incident. */
export interface LineSource {
  kind: 'fact' | 'statement';
  id: string;
}

export interface AnticipatedQuestion {
  question: string;
  preparedLine: string;
  sources: LineSource[];
}

export interface StatementIssued {
  title: string;
  statementId: string | null;
}

/** An outlet present at the conference (from the invitations, or one that came uninvited). */
export interface Attendance {
  outletId: string | null;
  outletName: string;
}

/** A press conference (họp báo): regular (the cadence of NĐ 09/2017 art. 5), thematic or on an emergency. */
@Entity('press_conferences')
@Index('IDX_press_conferences_unit', ['orgUnitId', 'startsAt'])
@Check('CHK_press_conferences_kind', `"kind" IN ('regular', 'thematic', 'emergency')`)
@Check('CHK_press_conferences_status', `"status" IN ('planned', 'held', 'cancelled')`)
export class PressConference {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  orgUnitId: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'FK_press_conferences_unit' })
  orgUnit?: Relation<OrgUnit>;

  @Column({ type: 'varchar', length: 20 })
  kind: ConferenceKind;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endsAt: Date | null;

  @Column({ type: 'varchar', length: 300 })
  place: string;

  @Column({ type: 'varchar', length: 200 })
  chairName: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  chairPosition: string | null;

  /** The spokesperson's designation for the unit on the conference's date (the directory's record). */
  @Column({ type: 'uuid', nullable: true })
  spokespersonDesignationId: string | null;

  @ManyToOne(() => SpokespersonDesignation, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'spokesperson_designation_id',
    foreignKeyConstraintName: 'FK_press_conferences_designation',
  })
  spokespersonDesignation?: Relation<SpokespersonDesignation> | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  spokespersonName: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  spokespersonPosition: string | null;

  @Column({ type: 'uuid', nullable: true })
  incidentId: string | null;

  @ManyToOne(() => Incident, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'incident_id', foreignKeyConstraintName: 'FK_press_conferences_incident' })
  incident?: Relation<Incident> | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  agenda: string[];

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  invitedOutletIds: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  anticipatedQuestions: AnticipatedQuestion[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  statementsIssued: StatementIssued[];

  @Column({ type: 'varchar', length: 20, default: 'planned' })
  status: ConferenceStatus;

  @Column({ type: 'timestamptz', nullable: true })
  heldAt: Date | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  attendance: Attendance[];

  /** The chair's conclusion, written into the minutes. */
  @Column({ type: 'text', nullable: true })
  conclusion: string | null;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
