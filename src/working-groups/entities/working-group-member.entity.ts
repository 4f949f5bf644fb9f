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
import { Person } from '../../directory/entities/person.entity.js';
import { Incident } from '../../incidents/entities/incident.entity.js';

export enum MemberStatus {
  Invited = 'invited',
  Accepted = 'accepted',
  Declined = 'declined',
  /** The acknowledgement deadline passed without an answer. */
  Expired = 'expired',
  Removed = 'removed',
  /** The role went to someone else (replace or hand over). */
  HandedOver = 'handed_over',
}

/** Statuses that hold a role (and open the incident's room). */
export const HOLDING_STATUSES = [MemberStatus.Invited, MemberStatus.Accepted];

export interface PickReason {
  ruleId: string | null;
  ruleKey: string | null;
  ruleVersion: number | null;
  /** 1 = first choice for the role. */
  rank: number | null;
  source: string | null;
  load: number | null;
  distance: number | null;
}

/**
 * A person in a role of an incident's working group over a period: the invitation (its id is the invitation
 * id), the answer, and the role history (assumed_at / renounced_at). A role handed over ends this row and
 * starts another.
 */
@Entity('working_group_members')
@Index(['incidentId', 'role'])
@Index(['personId', 'status'])
export class WorkingGroupMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  incidentId: string;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident>;

  @Column({ type: 'varchar', length: 50 })
  role: string;

  @Column({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<Person>;

  @Column({ type: 'varchar', length: 20 })
  status: MemberStatus;

  /** Why this person: rule, rank and reason in Vietnamese (shown in the group view). */
  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'jsonb' })
  pick: PickReason;

  /** The member this one replaces (decline, expiry, replace, hand-over). */
  @Column({ type: 'uuid', nullable: true })
  replacesMemberId: string | null;

  @Column({ type: 'timestamptz' })
  invitedAt: Date;

  @Column({ type: 'timestamptz' })
  ackDueAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  /** Time to acknowledge (invitation to answer), for reports. */
  @Column({ type: 'int', nullable: true })
  ackSeconds: number | null;

  @Column({ type: 'text', nullable: true })
  declineReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  assumedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  renouncedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  endReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
