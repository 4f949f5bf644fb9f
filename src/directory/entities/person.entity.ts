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
import { OrgUnit } from './org-unit.entity.js';

/** A person in the communication network (mạng lưới kết nối truyền thông); may or may not have a login. */
@Entity('people')
export class Person {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  fullName: string;

  /** Position or title as written in documents, e.g. "Phó Giám đốc". */
  @Column({ type: 'varchar', length: 200 })
  position: string;

  @Index()
  @Column({ type: 'uuid' })
  orgUnitId: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: Relation<OrgUnit>;

  @Column({ type: 'varchar', length: 50, nullable: true })
  phone: string | null;

  @Index()
  @Column({ type: 'varchar', length: 255, nullable: true })
  email: string | null;

  /** Skills and roles in crises: legal, drafting, monitoring, press_liaison, police_liaison, … */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
