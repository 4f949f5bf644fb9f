import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module.js';
import { EmailChannel } from './channels/email.channel.js';
import { InAppChannel } from './channels/in-app.channel.js';
import { WebhookChannel } from './channels/webhook.channel.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsDispatcher } from './notifications.dispatcher.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';

/** Outbox of notifications and its channels: in-app (live rooms), e-mail (SMTP), signed webhook (SMS/Zalo). */
@Module({
  imports: [JobsModule],
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    NotificationsDispatcher,
    NotificationsRepository,
    InAppChannel,
    EmailChannel,
    WebhookChannel,
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
