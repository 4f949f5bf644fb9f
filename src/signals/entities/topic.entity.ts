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

/** What kind of incident a topic's mentions usually point to (a hint for detection and triage). */
export enum TopicCategory {
  FakeNews = 'fake_news',
  PolicyBacklash = 'policy_backlash',
  AccidentDisaster = 'accident_disaster',
  PublicHealth = 'public_health',
  ServiceFailure = 'service_failure',
  MisconductAllegation = 'misconduct_allegation',
  DataLeak = 'data_leak',
  Other = 'other',
}

/**
 * A watchlist topic owned by an org unit: keyword rules, names of the unit and its leaders, and a geographic
 * scope (see CompiledTopics for the exact matching rules). Mentions are counted per topic in time buckets.
 */
@Entity('topics')
@Index(['orgUnitId', 'name'], { unique: true })
export class Topic {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  orgUnitId: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: Relation<OrgUnit>;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'enum', enum: TopicCategory, enumName: 'topic_category', default: TopicCategory.Other })
  category: TopicCategory;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  anyTerms: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  allTerms: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  noneTerms: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  unitNames: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  leaderNames: string[];

  /** Administrative-unit codes of the topic's area; empty: anywhere. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  geoCodes: string[];

  /** Size of the topic's time buckets; fixed at creation so that a topic's history stays comparable. */
  @Column({ type: 'smallint', default: 5 })
  bucketMinutes: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
