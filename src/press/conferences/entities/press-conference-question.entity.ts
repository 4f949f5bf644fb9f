import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { PressJournalist } from '../../entities/press-journalist.entity.js';
import { PressOutlet } from '../../entities/press-outlet.entity.js';
import { PressConference } from './press-conference.entity.js';

/** A question actually asked at a press conference, by whom, and the answer given. */
@Entity('press_conference_questions')
@Unique('UQ_press_conference_questions_position', ['conferenceId', 'position'])
export class PressConferenceQuestion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  conferenceId: string;

  @ManyToOne(() => PressConference, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conference_id', foreignKeyConstraintName: 'FK_press_conference_questions_conference' })
  conference?: Relation<PressConference>;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'uuid', nullable: true })
  journalistId: string | null;

  @ManyToOne(() => PressJournalist, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'journalist_id', foreignKeyConstraintName: 'FK_press_conference_questions_journalist' })
  journalist?: Relation<PressJournalist> | null;

  @Column({ type: 'varchar', length: 200 })
  askedBy: string;

  @Column({ type: 'uuid', nullable: true })
  outletId: string | null;

  @ManyToOne(() => PressOutlet, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outlet_id', foreignKeyConstraintName: 'FK_press_conference_questions_outlet' })
  outlet?: Relation<PressOutlet> | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  outletName: string | null;

  @Column({ type: 'text' })
  question: string;

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  answeredBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
