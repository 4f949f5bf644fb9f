import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { SignalSource } from './signal-source.entity.js';

/**
 * Signatures of accepted webhook deliveries, kept until their timestamp could no longer pass the age check:
 * the same signature presented again within the window is a replay.
 */
@Entity('signal_webhook_receipts')
export class SignalWebhookReceipt {
  @PrimaryColumn({ type: 'uuid' })
  sourceId: string;

  @PrimaryColumn({ type: 'char', length: 64 })
  signature: string;

  @ManyToOne(() => SignalSource, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source?: Relation<SignalSource>;

  @Index()
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;
}
