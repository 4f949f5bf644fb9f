import {
  Check,
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
import { Person } from './person.entity.js';

/**
 * Nghị định 09/2017/NĐ-CP art. 2: the head of the agency, the designated spokesperson, or a person authorised
 * in writing for one matter with an end date, who may not pass the authorisation on.
 */
export enum DesignationKind {
  Spokesperson = 'spokesperson',
  Authorized = 'authorized',
}

@Entity('spokesperson_designations')
@Index(['orgUnitId', 'validFrom'])
@Check('CHK_designations_valid_range', '"valid_to" IS NULL OR "valid_to" >= "valid_from"')
@Check(
  'CHK_designations_authorized_scope',
  `"kind" <> 'authorized' OR ("matter" IS NOT NULL AND "valid_to" IS NOT NULL)`,
)
export class SpokespersonDesignation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<Person>;

  @Column({ type: 'uuid' })
  orgUnitId: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: Relation<OrgUnit>;

  @Column({ type: 'enum', enum: DesignationKind, enumName: 'designation_kind' })
  kind: DesignationKind;

  /** For an authorised spokesperson: the one matter the authorisation covers. */
  @Column({ type: 'text', nullable: true })
  matter: string | null;

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  /** Whether name, title, phone and e-mail are published on the portal (art. 2, NĐ 09/2017). */
  @Column({ type: 'boolean', default: false })
  published: boolean;

  /** Number of the decision or written authorisation, e.g. "125/QĐ-UBND". */
  @Column({ type: 'varchar', length: 100, nullable: true })
  decisionRef: string | null;

  /** Who signed the authorisation (the head of the agency); required for authorised spokespersons. */
  @Column({ type: 'uuid', nullable: true })
  grantedByPersonId: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'granted_by_person_id' })
  grantedBy?: Relation<Person> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
