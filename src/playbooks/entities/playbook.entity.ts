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

/** A playbook (cẩm nang xử lý): a stable key and its versions; `currentVersion` is the one applied by default. */
@Entity('playbooks')
export class Playbook {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 100 })
  key: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'int' })
  currentVersion: number;

  /** Null: the whole system; else the unit (and the units below it) the playbook was written for. */
  @Column({ type: 'uuid', nullable: true })
  orgUnitId: string | null;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: Relation<OrgUnit> | null;

  /** Shipped with the product (installed at start when missing). */
  @Column({ type: 'boolean', default: false })
  shipped: boolean;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
