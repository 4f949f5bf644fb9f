import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { OrgUnit } from '../../directory/entities/org-unit.entity.js';
import type { SeverityRule } from '../detection-rules.js';

/**
 * Detection thresholds of an org unit (null: the defaults for everyone). A unit without its own row uses its
 * nearest ancestor's. Every change is in the audit log with its time and author.
 */
@Entity('detection_settings')
@Index(['orgUnitId'], { unique: true, where: '"org_unit_id" IS NOT NULL' })
@Index(['isDefault'], { unique: true, where: '"is_default"' })
export class DetectionSettings {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'boolean', default: false })
  isDefault: boolean;

  @Column({ type: 'uuid', nullable: true })
  orgUnitId: string | null;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: Relation<OrgUnit> | null;

  /** Rules that may fire; the others are off for this unit. */
  @Column({ type: 'text', array: true })
  enabledRules: string[];

  /** History the spike baseline looks at (market tools: the previous 12 hours for social media). */
  @Column({ type: 'int' })
  baselineWindowHours: number;

  /** Half-life of the exponentially weighted mean and variance. */
  @Column({ type: 'double precision' })
  baselineHalfLifeHours: number;

  /** Buckets older than this are counted but never open incidents (backfills of old data). */
  @Column({ type: 'int' })
  evaluationHorizonHours: number;

  @Column({ type: 'double precision' })
  spikeZ: number;

  @Column({ type: 'int' })
  spikeMinCount: number;

  @Column({ type: 'double precision' })
  negativeShareThreshold: number;

  @Column({ type: 'int' })
  negativeMinCount: number;

  @Column({ type: 'int' })
  negativeWindowMinutes: number;

  @Column({ type: 'bigint' })
  authorityReachThreshold: string;

  @Column({ type: 'bigint' })
  authorityFollowersThreshold: string;

  /** Outlets whose negative item alone is worth a room (compared without diacritics and case). */
  @Column({ type: 'text', array: true })
  majorOutlets: string[];

  /** After a dismissal, detections on the same topic are recorded but open nothing for this long. */
  @Column({ type: 'int' })
  dismissalSuppressionHours: number;

  /** Ordered L4 → L1; the first that matches gives the severity (L1 when none does). */
  @Column({ type: 'jsonb' })
  severityRules: SeverityRule[];

  @Column({ type: 'uuid', nullable: true })
  updatedByUserId: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
