import {
  Check,
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

export const OUTLET_TYPES = ['newspaper', 'magazine', 'radio_tv', 'online'] as const;
export type OutletType = (typeof OUTLET_TYPES)[number];

/** A press outlet (cơ quan báo chí): a newspaper, magazine, radio/TV station or online paper. */
@Entity('press_outlets')
@Check('CHK_press_outlets_type', `"type" IN ('newspaper', 'magazine', 'radio_tv', 'online')`)
export class PressOutlet {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  type: OutletType;

  /** Số giấy phép hoạt động báo chí. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  licenceNumber: string | null;

  /** Cơ quan chủ quản. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  governingBody: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  address: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  website: string | null;

  /** The unit whose own list holds the outlet; null: the province's list, seen by every press office. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  orgUnitId: string | null;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: Relation<OrgUnit>;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
