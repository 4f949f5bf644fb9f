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
import type { InquiryChannel, InquiryOutcome } from '../press-inquiry-types.js';
import { InquiryStatus } from '../press-inquiry-types.js';
import { PressJournalist } from './press-journalist.entity.js';
import { PressOutlet } from './press-outlet.entity.js';

/** How the unit concerned was found: the unit asked, the successor or capability holder chosen, who speaks. */
export interface InquiryRouting {
  on: string;
  reason: 'addressed' | 'successor' | 'capability';
  addressed: { id: string; name: string } | null;
  via: { id: string; name: string; kind: string; effectiveOn: string }[];
  unit: { id: string; name: string };
  spokespersons: { personId: string; fullName: string; position: string }[];
}

/** A journalist's request for information (đề nghị cung cấp thông tin của cơ quan báo chí). */
@Entity('press_inquiries')
@Index(['orgUnitId', 'status', 'dueAt'])
@Check('CHK_press_inquiries_last_seq', '"last_seq" >= 0')
export class PressInquiry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  channel: InquiryChannel;

  @Column({ type: 'timestamptz' })
  receivedAt: Date;

  @Column({ type: 'varchar', length: 500 })
  subject: string;

  @Index()
  @Column({ type: 'uuid' })
  journalistId: string;

  @ManyToOne(() => PressJournalist, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'journalist_id' })
  journalist?: Relation<PressJournalist>;

  /** The journalist's outlet when the request came (a journalist may move later). */
  @Column({ type: 'uuid' })
  outletId: string;

  @ManyToOne(() => PressOutlet, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outlet_id' })
  outlet?: Relation<PressOutlet>;

  /** The unit the journalist wrote to (may have ended since). */
  @Column({ type: 'uuid', nullable: true })
  addressedOrgUnitId: string | null;

  /** The function asked about (a directory capability), when the journalist named a matter, not a unit. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  capability: string | null;

  /** The unit that answers: found by routing on the day of receipt, or set by a transfer. */
  @Column({ type: 'uuid' })
  orgUnitId: string;

  @Column({ type: 'jsonb' })
  routing: InquiryRouting;

  @Column({ type: 'uuid', nullable: true })
  spokespersonPersonId: string | null;

  @Column({ type: 'varchar', length: 60 })
  ruleKey: string;

  @Column({ type: 'uuid', nullable: true })
  ruleId: string | null;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  ownerUserId: string | null;

  @Column({ type: 'varchar', length: 20, default: InquiryStatus.Received })
  status: InquiryStatus;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  incidentId: string | null;

  /** The written answer (trả lời báo chí) or the refusal, a statement of the linked incident. */
  @Column({ type: 'uuid', nullable: true })
  statementId: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  outcome: InquiryOutcome | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  refusalGroundKey: string | null;

  @Column({ type: 'uuid', nullable: true })
  transferredToOrgUnitId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  sentVersionNumber: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  sentSha256: string | null;

  /** The highest share of the deadline (50, 80, 100) already warned about. */
  @Column({ type: 'int', default: 0 })
  warnedPercent: number;

  @Column({ type: 'int', default: 0 })
  lastSeq: number;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
