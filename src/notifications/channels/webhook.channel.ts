import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { SIGNATURE_HEADER, signPayload, TIMESTAMP_HEADER } from '../../signals/webhook-signature.js';
import { PermanentDeliveryError } from './notification-channel.js';
import type { ChannelSender, OutgoingNotification } from './notification-channel.js';

/** Also sent: the delivery id, the same on every retry, so that a gateway can drop duplicates. */
export const DELIVERY_HEADER = 'x-ungpho-delivery';

/** The JSON body a gateway receives. */
export interface WebhookNotificationBody {
  id: string;
  notificationId: string;
  kind: string;
  to: { userId: string | null; phone: string; name: string | null };
  subject: string;
  text: string;
  data: Record<string, unknown>;
  createdAt: string;
}

/**
 * A generic signed POST for SMS/Zalo gateways (NOTIFY_WEBHOOK_URL): JSON body, `X-Ungpho-Timestamp` and
 * `X-Ungpho-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">` with NOTIFY_WEBHOOK_SECRET — the
 * scheme inbound signal webhooks use. Any answer but 2xx, and a timeout, count as failures to retry.
 */
@Injectable()
export class WebhookChannel implements ChannelSender {
  readonly channel = 'webhook' as const;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return Boolean(this.config.notifications.webhook);
  }

  async send(n: OutgoingNotification): Promise<void> {
    const webhook = this.config.notifications.webhook;
    if (!webhook) throw new PermanentDeliveryError('kênh webhook chưa được cấu hình (NOTIFY_WEBHOOK_URL)');
    if (!n.address) throw new PermanentDeliveryError('không có số điện thoại');
    const body: WebhookNotificationBody = {
      id: n.deliveryId,
      notificationId: n.notificationId,
      kind: n.kind,
      to: { userId: n.recipientUserId, phone: n.address, name: n.recipientName },
      subject: n.subject,
      text: n.text,
      data: n.data,
      createdAt: n.createdAt.toISOString(),
    };
    const raw = JSON.stringify(body);
    const timestamp = Math.floor(Date.now() / 1000);
    let res: Response;
    try {
      res = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'ungpho-notifications/1',
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: `sha256=${signPayload(webhook.secret, timestamp, raw)}`,
          [DELIVERY_HEADER]: n.deliveryId,
        },
        body: raw,
        redirect: 'manual',
        signal: AbortSignal.timeout(webhook.timeoutMs),
      });
    } catch (e) {
      const err = e as Error;
      if (err.name === 'TimeoutError')
        throw new Error(`không có phản hồi sau ${webhook.timeoutMs} ms`, { cause: e });
      throw new Error(`không gửi được: ${(err.cause as Error | undefined)?.message ?? err.message}`, {
        cause: e,
      });
    }
    const answer = (await res.text().catch(() => '')).slice(0, 300);
    if (res.status < 200 || res.status >= 300) {
      throw new Error(`cổng nhận trả lời HTTP ${res.status}${answer ? `: ${answer}` : ''}`);
    }
  }
}
