import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What a label remembers of each finding behind a false alarm: its rule, the setting and how strong it was. */
export interface LabelledFinding {
  rule: string;
  setting: string | null;
  strength: number | null;
}

/**
 * A person's verdict on a detection: today "false_positive", from dismissing an incident opened by detection
 * or a watch signal. The topic's precision and suggested thresholds are computed from these.
 */
@Entity('detection_labels')
@Index(['topicId', 'createdAt'])
export class DetectionLabel {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  topicId: string | null;

  @Column({ type: 'uuid' })
  orgUnitId: string;

  @Column({ type: 'uuid', nullable: true })
  incidentId: string | null;

  @Column({ type: 'uuid', nullable: true })
  watchSignalId: string | null;

  @Column({ type: 'varchar', length: 30 })
  label: string;

  @Column({ type: 'jsonb' })
  findings: LabelledFinding[];

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
