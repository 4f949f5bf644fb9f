import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Accounts } from '../access/accounts.js';
import type { AccountContact } from '../access/accounts.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { TransactionHooks } from '../jobs/transaction-hooks.js';
import type { OutboxQueryDto } from './dto/notification.dto.js';
import { NotificationsDispatcher } from './notifications.dispatcher.js';
import { NotificationsRepository } from './notifications.repository.js';
import { DeliveryState, NOTIFICATION_CHANNELS } from './notifications.types.js';
import type {
  EnqueuedNotification,
  EnqueueNotification,
  NotificationChannel,
  NotificationRecipient,
} from './notifications.types.js';

interface ResolvedDelivery {
  channel: NotificationChannel;
  recipientUserId: string | null;
  address: string | null;
  recipientName: string | null;
  /** Why it cannot be sent; null when it goes out. */
  skip: string | null;
}

/**
 * The notification outbox: `enqueue` writes one delivery row per channel and recipient in the caller's
 * transaction, so that nothing is sent for a change that rolled back and nothing is lost once it committed;
 * the dispatcher sends after commit, with retries.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly dispatcher: NotificationsDispatcher,
    private readonly hooks: TransactionHooks,
    private readonly accounts: Accounts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async enqueue(manager: EntityManager, n: EnqueueNotification): Promise<EnqueuedNotification> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(
        'NotificationsService.enqueue must run inside the transaction of the change it announces',
      );
    }
    const recipients = Array.isArray(n.to) ? n.to : [n.to];
    validate(n, recipients);
    const userIds = [...new Set(recipients.flatMap((r) => (r.userId ? [r.userId] : [])))];
    const users = new Map((await this.accounts.contacts(manager, userIds)).map((u) => [u.id, u]));
    for (const id of userIds) if (!users.has(id)) throw AppError.notFound('người nhận thông báo', id);

    const resolved = new Map<string, ResolvedDelivery>();
    for (const recipient of recipients) {
      for (const channel of new Set(n.channels)) {
        const d = this.resolve(channel, recipient, users);
        // The same person listed twice (or under two forms) gets one delivery per channel.
        resolved.set(`${channel} ${d.recipientUserId ?? d.address ?? JSON.stringify(recipient)}`, d);
      }
    }
    const notificationId = await this.repository.insertNotification(manager, {
      kind: n.kind,
      subject: n.subject.normalize('NFC'),
      text: n.text.normalize('NFC'),
      html: n.html?.normalize('NFC') ?? null,
      data: JSON.parse(JSON.stringify(n.data ?? {})) as Record<string, unknown>,
    });
    const list = [...resolved.values()];
    const ids = await this.repository.insertDeliveries(
      manager,
      list.map((d) => ({
        notificationId,
        channel: d.channel,
        recipientUserId: d.recipientUserId,
        address: d.address,
        recipientName: d.recipientName,
        state: d.skip ? DeliveryState.Skipped : DeliveryState.Pending,
        lastError: d.skip,
      })),
    );
    if (list.some((d) => !d.skip)) this.hooks.afterCommit(manager, () => this.dispatcher.wake());
    return {
      notificationId,
      deliveries: list.map((d, i) => ({
        id: ids[i],
        channel: d.channel,
        recipientUserId: d.recipientUserId,
        address: d.address,
        state: d.skip ? DeliveryState.Skipped : DeliveryState.Pending,
        reason: d.skip,
      })),
    };
  }

  listOutbox(query: OutboxQueryDto) {
    return this.repository.listOutbox(query);
  }

  listForUser(userId: string, page: { limit?: number; offset?: number }) {
    return this.repository.listForUser(userId, page);
  }

  private resolve(
    channel: NotificationChannel,
    recipient: NotificationRecipient,
    users: Map<string, AccountContact>,
  ): ResolvedDelivery {
    const user = recipient.userId ? users.get(recipient.userId)! : undefined;
    const bare = recipient.userId
      ? undefined
      : (recipient as Exclude<NotificationRecipient, { userId: string }>);
    const base = {
      channel,
      recipientUserId: user?.id ?? null,
      recipientName: user?.displayName ?? bare?.name ?? null,
    };
    const skip = (reason: string, address: string | null = null) => ({ ...base, address, skip: reason });
    if (user && !user.active) return skip('tài khoản người nhận đã bị khóa');
    switch (channel) {
      case 'in_app':
        return user ? { ...base, address: null, skip: null } : skip('người nhận không có tài khoản');
      case 'email': {
        const address = user?.email ?? bare?.email ?? null;
        if (!address) return skip('người nhận không có địa chỉ e-mail');
        if (!this.config.notifications.smtp) {
          return skip('kênh e-mail chưa được cấu hình (SMTP_URL)', address);
        }
        return { ...base, address, skip: null };
      }
      case 'webhook': {
        const address = user ? user.phone : (bare?.phone ?? null);
        if (!address) return skip('người nhận chưa có số điện thoại');
        if (!this.config.notifications.webhook) {
          return skip('kênh webhook chưa được cấu hình (NOTIFY_WEBHOOK_URL)', address);
        }
        return { ...base, address, skip: null };
      }
    }
  }
}

function validate(n: EnqueueNotification, recipients: NotificationRecipient[]): void {
  const problems: string[] = [];
  if (!/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/.test(n.kind) || n.kind.length > 100) {
    problems.push('kind phải có dạng domain.what (chữ thường, tối đa 100 ký tự)');
  }
  if (!n.subject?.trim() || n.subject.length > 300) problems.push('subject phải có từ 1 đến 300 ký tự');
  if (!n.text?.trim()) problems.push('text không được để trống');
  if (!n.channels.length || n.channels.some((c) => !NOTIFICATION_CHANNELS.includes(c))) {
    problems.push(`channels phải gồm một hoặc nhiều kênh trong ${NOTIFICATION_CHANNELS.join(', ')}`);
  }
  if (!recipients.length) problems.push('phải có ít nhất một người nhận');
  for (const r of recipients) {
    const bare = r as { userId?: string; email?: string; phone?: string };
    if (!bare.userId && !bare.email && !bare.phone)
      problems.push('mỗi người nhận cần userId, email hoặc phone');
  }
  if (problems.length) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, `Thông báo không hợp lệ: ${problems.join('; ')}`);
  }
}
