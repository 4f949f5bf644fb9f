import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { OutboxQueryDto } from './dto/notification.dto.js';
import { NotificationDelivery } from './entities/notification-delivery.entity.js';
import { Notification } from './entities/notification.entity.js';
import { DeliveryState } from './notifications.types.js';
import type { NotificationChannel } from './notifications.types.js';

/** A due delivery with its message, locked by the claiming transaction. */
export interface ClaimedDelivery {
  id: string;
  channel: NotificationChannel;
  recipientUserId: string | null;
  address: string | null;
  recipientName: string | null;
  /** Attempts made before this one. */
  attempts: number;
  notificationId: string;
  kind: string;
  subject: string;
  text: string;
  html: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

export interface OutboxItem {
  id: string;
  notificationId: string;
  kind: string;
  subject: string;
  channel: NotificationChannel;
  recipientUserId: string | null;
  address: string | null;
  recipientName: string | null;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

export interface UserNotificationItem {
  id: string;
  notificationId: string;
  kind: string;
  subject: string;
  text: string;
  data: Record<string, unknown>;
  createdAt: Date;
}

/**
 * The SQL of the outbox (exercised by test/notifications.e2e.spec.ts against PostgreSQL). Recipients' contacts
 * come from access/Accounts (users and people are not this module's tables).
 */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertNotification(
    manager: EntityManager,
    n: Pick<Notification, 'kind' | 'subject' | 'text' | 'html' | 'data'>,
  ): Promise<string> {
    const result = await manager.insert(Notification, n as QueryDeepPartialEntity<Notification>);
    return result.identifiers[0].id as string;
  }

  async insertDeliveries(
    manager: EntityManager,
    rows: Pick<
      NotificationDelivery,
      'notificationId' | 'channel' | 'recipientUserId' | 'address' | 'recipientName' | 'state' | 'lastError'
    >[],
  ): Promise<string[]> {
    if (!rows.length) return [];
    const result = await manager.insert(
      NotificationDelivery,
      rows as QueryDeepPartialEntity<NotificationDelivery>[],
    );
    return result.identifiers.map((i) => i.id as string);
  }

  /** Locks the most overdue pending delivery, skipping those other dispatchers hold. */
  async claimDue(manager: EntityManager): Promise<ClaimedDelivery | null> {
    const [row] = await manager.query(
      `SELECT d.id, d.channel, d.recipient_user_id AS "recipientUserId", d.address,
              d.recipient_name AS "recipientName", d.attempts,
              n.id AS "notificationId", n.kind, n.subject, n.text, n.html, n.data, n.created_at AS "createdAt"
         FROM notification_deliveries d
         JOIN notifications n ON n.id = d.notification_id
        WHERE d.state = 'pending' AND d.next_attempt_at <= now()
        ORDER BY d.next_attempt_at
        LIMIT 1
        FOR UPDATE OF d SKIP LOCKED`,
    );
    return row ?? null;
  }

  async markSent(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE notification_deliveries
          SET state = 'sent', attempts = attempts + 1, sent_at = clock_timestamp()
        WHERE id = $1`,
      [id],
    );
  }

  /** Records a failed attempt: tried again in `retryInMs`, or `failed` for good when it is null. */
  async markFailed(
    manager: EntityManager,
    id: string,
    error: string,
    retryInMs: number | null,
  ): Promise<void> {
    await manager.query(
      retryInMs === null
        ? `UPDATE notification_deliveries SET state = 'failed', attempts = attempts + 1, last_error = $2
            WHERE id = $1`
        : `UPDATE notification_deliveries
              SET attempts = attempts + 1, last_error = $2,
                  next_attempt_at = clock_timestamp() + $3 * interval '1 millisecond'
            WHERE id = $1`,
      retryInMs === null ? [id, error] : [id, error, retryInMs],
    );
  }

  /** Milliseconds until the earliest pending delivery (0 if overdue), null when there is none. */
  async nextDueInMs(): Promise<number | null> {
    const [row] = await this.dataSource.query(
      `SELECT (EXTRACT(EPOCH FROM (min(next_attempt_at) - clock_timestamp())) * 1000)::float8 AS ms
         FROM notification_deliveries
        WHERE state = 'pending'`,
    );
    return row.ms === null ? null : Math.max(0, Number(row.ms));
  }

  async listOutbox(query: OutboxQueryDto): Promise<{ items: OutboxItem[]; total: number }> {
    const qb = this.dataSource
      .getRepository(NotificationDelivery)
      .createQueryBuilder('d')
      .innerJoin('d.notification', 'n')
      .select([
        'd.id AS id',
        'd.notificationId AS "notificationId"',
        'n.kind AS kind',
        'n.subject AS subject',
        'd.channel AS channel',
        'd.recipientUserId AS "recipientUserId"',
        'd.address AS address',
        'd.recipientName AS "recipientName"',
        'd.state AS state',
        'd.attempts AS attempts',
        'd.nextAttemptAt AS "nextAttemptAt"',
        'd.lastError AS "lastError"',
        'd.sentAt AS "sentAt"',
        'd.createdAt AS "createdAt"',
      ])
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'ASC')
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0);
    if (query.state) qb.andWhere('d.state = :state', { state: query.state });
    if (query.channel) qb.andWhere('d.channel = :channel', { channel: query.channel });
    if (query.kind) qb.andWhere('n.kind = :kind', { kind: query.kind });
    if (query.recipientUserId) {
      qb.andWhere('d.recipientUserId = :recipientUserId', { recipientUserId: query.recipientUserId });
    }
    const [items, total] = await Promise.all([qb.getRawMany<OutboxItem>(), qb.getCount()]);
    return { items, total };
  }

  /** A user's in-app notifications, newest first. */
  async listForUser(
    userId: string,
    page: { limit?: number; offset?: number },
  ): Promise<{ items: UserNotificationItem[]; total: number }> {
    const qb = this.dataSource
      .getRepository(NotificationDelivery)
      .createQueryBuilder('d')
      .innerJoin('d.notification', 'n')
      .select([
        'd.id AS id',
        'n.id AS "notificationId"',
        'n.kind AS kind',
        'n.subject AS subject',
        'n.text AS text',
        'n.data AS data',
        'n.createdAt AS "createdAt"',
      ])
      .where('d.recipientUserId = :userId', { userId })
      .andWhere(`d.channel = 'in_app'`)
      .andWhere('d.state <> :skipped', { skipped: DeliveryState.Skipped })
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'ASC')
      .limit(page.limit ?? 50)
      .offset(page.offset ?? 0);
    const [items, total] = await Promise.all([qb.getRawMany<UserNotificationItem>(), qb.getCount()]);
    return { items, total };
  }
}
