import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export enum DeadlineUnit {
  Minutes = 'minutes',
  Hours = 'hours',
  Days = 'days',
}

/**
 * Deadlines are policy, not code: each row says how long the agency has for something, from when to when it
 * was the rule, and which legal text says so. An incident's clock uses the rules in force at its detection.
 */
@Entity('deadline_rules')
@Index(['key', 'effectiveFrom'], { unique: true })
@Check('CHK_deadline_rules_range', '"effective_to" IS NULL OR "effective_to" >= "effective_from"')
@Check('CHK_deadline_rules_value', '"value" > 0')
export class DeadlineRule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stable key, e.g. initial_information, platform_takedown. */
  @Column({ type: 'varchar', length: 60 })
  key: string;

  /** What a person reads, in Vietnamese. */
  @Column({ type: 'varchar', length: 300 })
  label: string;

  @Column({ type: 'int' })
  value: number;

  @Column({ type: 'enum', enum: DeadlineUnit, enumName: 'deadline_unit' })
  unit: DeadlineUnit;

  /**
   * What starts the clock: `detected` (the incident's detection time) or a later act such as
   * `takedown_requested` (the platform's 24 hours run from the request, NĐ 147/2024).
   */
  @Column({ type: 'varchar', length: 40, default: 'detected' })
  anchor: string;

  /** Only incidents of these categories (empty: all). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  categories: string[];

  /** Only incidents at or above this severity (null: all). */
  @Column({ type: 'varchar', length: 2, nullable: true })
  minSeverity: string | null;

  @Column({ type: 'date' })
  effectiveFrom: string;

  @Column({ type: 'date', nullable: true })
  effectiveTo: string | null;

  @Column({ type: 'text' })
  legalSource: string;

  /**
   * Publishing a statement of one of these types meets the deadline and stops its clock (initial information:
   * a holding statement, a press release, …). Empty: no statement stops it.
   */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  stoppedByStatementTypes: string[];

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
