import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import nodemailer from 'nodemailer';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { textToHtml } from '../notification-text.js';
import { PermanentDeliveryError } from './notification-channel.js';
import type { ChannelSender, OutgoingNotification } from './notification-channel.js';

type Transport = ReturnType<typeof nodemailer.createTransport>;

/** E-mail over SMTP (SMTP_URL): UTF-8 text and HTML parts, the recipient's name in the To header. */
@Injectable()
export class EmailChannel implements ChannelSender, OnModuleDestroy {
  readonly channel = 'email' as const;
  private transport?: Transport;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return Boolean(this.config.notifications.smtp);
  }

  async send(n: OutgoingNotification): Promise<void> {
    if (!n.address) throw new PermanentDeliveryError('không có địa chỉ e-mail');
    try {
      await this.getTransport().sendMail({
        to: n.recipientName ? { name: n.recipientName, address: n.address } : n.address,
        subject: n.subject,
        text: n.text,
        html: n.html ?? textToHtml(n.subject, n.text),
        headers: { 'X-Ungpho-Notification': n.notificationId, 'X-Ungpho-Delivery': n.deliveryId },
      });
    } catch (e) {
      // 5xx: the server refuses this message or mailbox for good; anything else (network, 4xx) may pass later.
      const code = (e as { responseCode?: number }).responseCode;
      if (code !== undefined && code >= 500 && code < 600) {
        throw new PermanentDeliveryError(`máy chủ SMTP từ chối (${code}): ${(e as Error).message}`);
      }
      throw e;
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  private getTransport(): Transport {
    const smtp = this.config.notifications.smtp;
    if (!smtp) throw new PermanentDeliveryError('kênh e-mail chưa được cấu hình (SMTP_URL)');
    this.transport ??= nodemailer.createTransport(
      { url: smtp.url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
      { from: smtp.from },
    );
    return this.transport;
  }
}
