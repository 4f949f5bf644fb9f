import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { OrgUnitCapability } from './org-unit-capability.entity.js';

export enum OrgUnitType {
  Ministry = 'ministry',
  Province = 'province',
  ProvincialCommittee = 'provincial_committee',
  Department = 'department',
  District = 'district',
  CommuneWard = 'commune_ward',
  PressAgency = 'press_agency',
  PoliceUnit = 'police_unit',
  PartyBoard = 'party_board',
  PressCentre = 'press_centre',
  Other = 'other',
}

/**
 * A unit of the administration as it existed between validFrom and validTo (inclusive; null = still valid).
 * Reorganisations never rename or re-parent a row: they end it and link its successors.
 */
@Entity('org_units')
@Index(['code', 'validFrom'], { unique: true })
@Check('CHK_org_units_valid_range', '"valid_to" IS NULL OR "valid_to" >= "valid_from"')
export class OrgUnit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Official code (mã định danh), e.g. the administrative-unit or document-exchange code. */
  @Column({ type: 'varchar', length: 50 })
  code: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  shortName: string | null;

  @Column({ type: 'enum', enum: OrgUnitType, enumName: 'org_unit_type' })
  unitType: OrgUnitType;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => OrgUnit, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<OrgUnit> | null;

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  address: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  website: string | null;

  @OneToMany(() => OrgUnitCapability, (c) => c.orgUnit)
  capabilities?: Relation<OrgUnitCapability[]>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
