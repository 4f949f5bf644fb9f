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
import { OrgUnit } from '../../../directory/entities/org-unit.entity.js';
import { PressConferenceQuestion } from './press-conference-question.entity.js';
import { PressConference } from './press-conference.entity.js';

/** What the agency promised at a conference (to send figures, to inspect, to answer in writing), by whom and when. */
@Entity('press_conference_commitments')
@Index('IDX_press_conference_commitments_conference', ['conferenceId'])
export class PressConferenceCommitment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  conferenceId: string;

  @ManyToOne(() => PressConference, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'conference_id',
    foreignKeyConstraintName: 'FK_press_conference_commitments_conference',
  })
  conference?: Relation<PressConference>;

  @Column({ type: 'uuid', nullable: true })
  questionId: string | null;

  @ManyToOne(() => PressConferenceQuestion, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'question_id', foreignKeyConstraintName: 'FK_press_conference_commitments_question' })
  question?: Relation<PressConferenceQuestion> | null;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'uuid' })
  ownerOrgUnitId: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_org_unit_id', foreignKeyConstraintName: 'FK_press_conference_commitments_unit' })
  ownerOrgUnit?: Relation<OrgUnit>;

  @Column({ type: 'varchar', length: 200, nullable: true })
  ownerName: string | null;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
