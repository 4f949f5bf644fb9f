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
import { PressOutlet } from './press-outlet.entity.js';

/** A journalist (phóng viên, biên tập viên) of an outlet. Card number, e-mail and phone are personal data. */
@Entity('press_journalists')
@Index('UQ_press_journalists_card', ['pressCardNumber'], {
  unique: true,
  where: '"press_card_number" IS NOT NULL',
})
export class PressJournalist {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  fullName: string;

  @Index()
  @Column({ type: 'uuid' })
  outletId: string;

  @ManyToOne(() => PressOutlet, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outlet_id' })
  outlet?: Relation<PressOutlet>;

  /** Số thẻ nhà báo. */
  @Column({ type: 'varchar', length: 50, nullable: true })
  pressCardNumber: string | null;

  @Column({ type: 'date', nullable: true })
  pressCardExpiresOn: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  phone: string | null;

  /** Lĩnh vực phụ trách, e.g. "Y tế", "Đất đai". */
  @Column({ type: 'varchar', length: 200, nullable: true })
  beat: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
