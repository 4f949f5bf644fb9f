import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What the agency promised at a conference (to send figures, to inspect, to answer in writing), by whom and when. */
@Entity('press_conference_commitments')
@Index(['conferenceId'])
export class PressConferenceCommitment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  conferenceId: string;

  @Column({ type: 'uuid', nullable: true })
  questionId: string | null;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'uuid' })
  ownerOrgUnitId: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  ownerName: string | null;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
