import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A question actually asked at a press conference, by whom, and the answer given. */
@Entity('press_conference_questions')
@Unique('UQ_press_conference_questions_position', ['conferenceId', 'position'])
export class PressConferenceQuestion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  conferenceId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'uuid', nullable: true })
  journalistId: string | null;

  @Column({ type: 'varchar', length: 200 })
  askedBy: string;

  @Column({ type: 'uuid', nullable: true })
  outletId: string | null;

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
