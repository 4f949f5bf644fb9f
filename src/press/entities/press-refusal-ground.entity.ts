import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A ground on which the law lets an agency refuse information to the press; dated, editable by admins. */
@Entity('press_refusal_grounds')
@Index(['key', 'effectiveFrom'], { unique: true })
@Check('CHK_press_refusal_grounds_range', '"effective_to" IS NULL OR "effective_to" >= "effective_from"')
export class PressRefusalGround {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 60 })
  key: string;

  @Column({ type: 'varchar', length: 300 })
  label: string;

  @Column({ type: 'text' })
  legalSource: string;

  @Column({ type: 'date' })
  effectiveFrom: string;

  @Column({ type: 'date', nullable: true })
  effectiveTo: string | null;
}
