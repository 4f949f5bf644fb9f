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

  /** Negative spike: z-score of the bucket's negative mentions against their EWMA baseline. */
  @Column({ type: 'double precision' })
  negativeSpikeZ: number;

  @Column({ type: 'int' })
  negativeSpikeMinCount: number;

  /** A burst must be at least this negative to be a negative spike (praise and neutral news are not). */
  @Column({ type: 'double precision' })
  negativeSpikeMinShare: number;

  /** Rolling windows of the slow-burn rule, in hours. */
  @Column({ type: 'int', array: true })
  trendWindowsHours: number[];

  /** Earlier days whose same hours are the slow-burn baseline (and how long an author is remembered). */
  @Column({ type: 'int' })
  trendBaselineDays: number;

  /** New voices (authors new to the topic) a slow-burn window needs at least. */
  @Column({ type: 'int' })
  trendMinAuthors: number;

  @Column({ type: 'int' })
  trendMinCount: number;

  @Column({ type: 'double precision' })
  trendMinShare: number;

  /** The window's new voices must be at most 1 in 10^this likely under the earlier days'. */
  @Column({ type: 'double precision' })
  trendSignificance: number;

  /** Reach from which a single authority item opens a room on its own. */
  @Column({ type: 'bigint' })
  authorityOpenReachThreshold: string;

  @Column({ type: 'int' })
  tractionWindowMinutes: number;

  @Column({ type: 'int' })
  tractionMinMentions: number;

  @Column({ type: 'int' })
  tractionMinOutlets: number;

  @Column({ type: 'double precision' })
  tractionRatio: number;

  /** The pick-up must be at least this share of everything said on the topic meanwhile. */
  @Column({ type: 'double precision' })
  tractionMinShare: number;

  /** The pick-up must come from at least this many new voices (no post on the topic in trendBaselineDays). */
  @Column({ type: 'int' })
  tractionMinNewVoices: number;

  /** At most one detection.attached per topic per this many minutes of stream time. */
  @Column({ type: 'int' })
  coalesceMinutes: number;

  /** A topic with less history than this puts its negative findings on the watch list (cold start). */
  @Column({ type: 'int' })
  coldStartHours: number;

  /** Negative mentions in a finding's window that open a room even during the cold start. */
  @Column({ type: 'int' })
  coldStartOpenCount: number;

  @Column({ type: 'uuid', nullable: true })
  updatedByUserId: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
