import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { PressInquiry } from './press-inquiry.entity.js';

/** One question of a request, answered on its own. */
@Entity('press_inquiry_questions')
@Index(['inquiryId', 'position'], { unique: true })
export class PressInquiryQuestion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  inquiryId: string;

  @ManyToOne(() => PressInquiry, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inquiry_id' })
  inquiry?: Relation<PressInquiry>;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 4000 })
  text: string;

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;
}
