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
import { OrgUnit } from './org-unit.entity.js';

/**
 * How a unit continued after it ended, read from the predecessor's side:
 * merged_into: the predecessor was merged into the successor; renamed_to: it continued under a new name;
 * split_from: the successor was formed from (or took over functions split from) the predecessor.
 */
export enum SuccessionKind {
  MergedInto = 'merged_into',
  SplitFrom = 'split_from',
  RenamedTo = 'renamed_to',
}

@Entity('org_unit_successions')
@Index(['predecessorId', 'successorId', 'kind'], { unique: true })
export class OrgUnitSuccession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  predecessorId: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'predecessor_id' })
  predecessor?: Relation<OrgUnit>;

  @Index()
  @Column({ type: 'uuid' })
  successorId: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'successor_id' })
  successor?: Relation<OrgUnit>;

  @Column({ type: 'enum', enum: SuccessionKind, enumName: 'succession_kind' })
  kind: SuccessionKind;

  /** First day the successor carries on (e.g. 2025-03-01, 2025-07-01). */
  @Column({ type: 'date' })
  effectiveOn: string;

  /** Legal basis or explanation, e.g. the resolution that merged the units. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
