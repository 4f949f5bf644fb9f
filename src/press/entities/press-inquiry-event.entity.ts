import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { PressInquiry } from './press-inquiry.entity.js';

/** The request's timeline: every change, with the next per-request `seq`, in the transaction of the change. */
@Entity('press_inquiry_events')
@Index(['inquiryId', 'seq'], { unique: true })
export class PressInquiryEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  inquiryId: string;

  @ManyToOne(() => PressInquiry, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inquiry_id' })
  inquiry?: Relation<PressInquiry>;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 60 })
  type: string;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;
}
