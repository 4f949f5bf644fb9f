import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { IN_APP_DELIVERY, LoggingInAppDelivery } from './in-app-delivery.js';
import type { InAppDelivery } from './in-app-delivery.js';
import type { ChannelSender, OutgoingNotification } from './notification-channel.js';

/** In-app: the outbox row is the stored notification; sending pushes it to the user's live clients. */
@Injectable()
export class InAppChannel implements ChannelSender, OnModuleInit {
  readonly channel = 'in_app' as const;
  private readonly logger = new Logger(InAppChannel.name);
  private delivery: InAppDelivery = new LoggingInAppDelivery();

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    try {
      // Any module may provide the token (rooms does): looked up app-wide, so neither module imports the other.
      this.delivery = this.moduleRef.get<InAppDelivery>(IN_APP_DELIVERY, { strict: false });
    } catch {
      this.logger.log('no IN_APP_DELIVERY provider: in-app notifications are stored, not pushed live');
    }
  }

  async send(n: OutgoingNotification): Promise<void> {
    if (!n.recipientUserId) throw new Error('in-app delivery without a user');
    await this.delivery.deliver(n.recipientUserId, {
      id: n.deliveryId,
      notificationId: n.notificationId,
      kind: n.kind,
      subject: n.subject,
      text: n.text,
      data: n.data,
      createdAt: n.createdAt.toISOString(),
    });
  }
}
