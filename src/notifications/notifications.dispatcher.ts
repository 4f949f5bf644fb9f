import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { backoffMs } from '../jobs/backoff.js';
import { describeError } from '../jobs/describe-error.js';
import { PollingLoop } from '../jobs/polling-loop.js';
import { EmailChannel } from './channels/email.channel.js';
import { InAppChannel } from './channels/in-app.channel.js';
import { PermanentDeliveryError } from './channels/notification-channel.js';
import type { ChannelSender } from './channels/notification-channel.js';
import { WebhookChannel } from './channels/webhook.channel.js';
import { NotificationsRepository } from './notifications.repository.js';
import type { NotificationChannel } from './notifications.types.js';

/** Deliveries sent at once by one node (each holds a connection and its row lock while it sends). */
const DISPATCH_LANES = 4;

/**
 * Sends pending outbox rows. A row is claimed with FOR UPDATE SKIP LOCKED and stays locked while it is sent,
 * then marked sent or failed in the same transaction: several nodes never send one row at the same time, and a
 * node that dies mid-send leaves the row pending for the others (delivery is at least once: gateways get a
 * stable delivery id to drop duplicates). Failures are retried with exponential backoff up to
 * NOTIFY_MAX_ATTEMPTS attempts in all.
 */
@Injectable()
export class NotificationsDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NotificationsDispatcher.name);
  private readonly loop: PollingLoop;
  private readonly senders: Record<NotificationChannel, ChannelSender>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: NotificationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    inApp: InAppChannel,
    email: EmailChannel,
    webhook: WebhookChannel,
  ) {
    this.senders = { in_app: inApp, email, webhook };
    this.loop = new PollingLoop({
      name: 'notifications',
      intervalMs: config.jobs.pollIntervalMs,
      lanes: DISPATCH_LANES,
      runOne: () => this.sendOne(),
      nextDueInMs: () => this.repository.nextDueInMs(),
      logger: this.logger,
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.jobs.workerEnabled) this.loop.start();
  }

  /** Graceful shutdown: no new claims; sends in flight finish and are recorded. */
  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  wake(): void {
    this.loop.wake();
  }

  /** Claims one due delivery and sends it; resolves false when none was due. */
  async sendOne(): Promise<boolean> {
    let retryAt: Date | undefined;
    const claimed = await this.dataSource.transaction(async (manager) => {
      const d = await this.repository.claimDue(manager);
      if (!d) return false;
      const attempt = d.attempts + 1;
      try {
        await this.senders[d.channel].send({
          ...d,
          deliveryId: d.id,
          createdAt: new Date(d.createdAt),
          attempt,
        });
        await this.repository.markSent(manager, d.id);
      } catch (e) {
        const { maxAttempts, retryBaseMs } = this.config.notifications;
        const retryInMs =
          e instanceof PermanentDeliveryError || attempt >= maxAttempts
            ? null
            : backoffMs(retryBaseMs, attempt);
        await this.repository.markFailed(manager, d.id, describeError(e), retryInMs);
        this.logger.warn(
          `${d.channel} delivery ${d.id} (${d.kind}) failed (attempt ${attempt}/${maxAttempts}` +
            `${retryInMs === null ? ', giving up' : `, retry in ${retryInMs} ms`}): ${describeError(e)}`,
        );
        if (retryInMs !== null) retryAt = new Date(Date.now() + retryInMs);
      }
      return true;
    });
    if (retryAt) this.loop.wakeAt(retryAt);
    return claimed;
  }
}
