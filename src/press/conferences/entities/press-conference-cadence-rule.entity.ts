import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * How often a unit must hold a press conference, dated like every legal number: the default (no unit) is every
 * three months under Nghị định 09/2017/NĐ-CP art. 5; a province that asks for a monthly one adds a rule for a unit.
 * A unit's own rule wins over the default; a rule covers the unit's subtree unless a lower unit has its own.
 */
@Entity('press_conference_cadence_rules')
export class PressConferenceCadenceRule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  orgUnitId: string | null;

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
