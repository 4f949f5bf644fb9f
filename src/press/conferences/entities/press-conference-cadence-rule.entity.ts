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
import { OrgUnit } from '../../../directory/entities/org-unit.entity.js';

/**
 * How often a unit must hold a press conference, dated like every legal number: the default (no unit) is every
 * three months under Nghị định 09/2017/NĐ-CP art. 5; a province that asks for a monthly one adds a rule for a unit.
 * A unit's own rule wins over the default; a rule covers the unit's subtree unless a lower unit has its own.
 */
@Entity('press_conference_cadence_rules')
@Check('CHK_press_cadence_interval', '"interval_months" BETWEEN 1 AND 12')
@Check('CHK_press_cadence_range', '"effective_to" IS NULL OR "effective_to" >= "effective_from"')
// One rule per unit (or the default) and start date: an expression index the migration creates.
@Index('UQ_press_cadence_unit_from', { synchronize: false })
export class PressConferenceCadenceRule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  orgUnitId: string | null;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'FK_press_cadence_unit' })
  orgUnit?: Relation<OrgUnit> | null;

  @Column({ type: 'int' })
  intervalMonths: number;

  @Column({ type: 'date' })
  effectiveFrom: string;

  @Column({ type: 'date', nullable: true })
  effectiveTo: string | null;

  @Column({ type: 'text' })
  legalSource: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
