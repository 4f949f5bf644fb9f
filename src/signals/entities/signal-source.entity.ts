import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { OrgUnit } from '../../directory/entities/org-unit.entity.js';

export enum SignalSourceKind {
  /** A provincial social-listening system (e.g. HCMC's SocialBeat). */
  SocialListening = 'social_listening',
  /** A commercial listening platform. */
  CommercialPlatform = 'commercial_platform',
  /** The press centre's daily press review. */
  PressReview = 'press_review',
  /** Reports typed in by officers or passed on from citizens. */
  Manual = 'manual',
  /** RSS, Atom or JSON Feed URLs polled by the service (src/feeds). */
  Feed = 'feed',
}

/**
 * A monitoring feed. Each has its own webhook secret (HMAC-SHA256 key), shown once when created or rotated.
 * The secret is kept as is because verifying a signature needs it; it never leaves the service again
 * (`select: false`), and it can be rotated, the previous one staying valid for a short grace period.
 */
@Entity('signal_sources')
export class SignalSource {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'enum', enum: SignalSourceKind, enumName: 'signal_source_kind' })
  kind: SignalSourceKind;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** The unit that runs or pays for the feed, if any. */
  @Column({ type: 'uuid', nullable: true })
  orgUnitId: string | null;

  @ManyToOne(() => OrgUnit, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: Relation<OrgUnit> | null;

  /** An inactive source's batches and webhooks are refused. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'varchar', length: 100, select: false })
  secret: string;

  @Column({ type: 'varchar', length: 100, nullable: true, select: false })
  previousSecret: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  previousSecretValidUntil: Date | null;

  @Column({ type: 'timestamptz' })
  secretRotatedAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
