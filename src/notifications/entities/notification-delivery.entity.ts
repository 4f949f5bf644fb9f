import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { User } from '../../auth/entities/user.entity.js';
import { DeliveryState, NOTIFICATION_CHANNELS } from '../notifications.types.js';
import type { NotificationChannel } from '../notifications.types.js';
import { Notification } from './notification.entity.js';

/**
 * The outbox: one row per (notification, channel, recipient), written in the transaction of the change that
 * causes it and sent by the dispatcher after commit, with retries and backoff.
 */
@Entity('notification_deliveries')
@Index(['nextAttemptAt'], { where: `"state" = 'pending'` })
@Index(['recipientUserId', 'channel', 'createdAt'])
@Index(['state', 'createdAt'])
export class NotificationDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  notificationId: string;

  @ManyToOne(() => Notification, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id' })
  notification?: Relation<Notification>;

  @Column({ type: 'enum', enum: NOTIFICATION_CHANNELS, enumName: 'notification_channel' })
  channel: NotificationChannel;

  @Column({ type: 'uuid', nullable: true })
  recipientUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recipient_user_id' })
  recipientUser?: Relation<User> | null;

  /** E-mail address or phone number, as resolved when the notification was enqueued; null for in-app. */
  @Column({ type: 'varchar', length: 320, nullable: true })
  address: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  recipientName: string | null;

  @Column({
    type: 'enum',
    enum: DeliveryState,
    enumName: 'notification_delivery_state',
    default: DeliveryState.Pending,
  })
  state: DeliveryState;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
