import type { NotificationChannel } from '../notifications.types.js';

/** One delivery as a channel sends it: the message, the recipient resolved at enqueue time, the attempt. */
export interface OutgoingNotification {
  deliveryId: string;
  notificationId: string;
  kind: string;
  subject: string;
  text: string;
  html: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
  recipientUserId: string | null;
  /** E-mail address (email) or phone number (webhook); null for in-app. */
  address: string | null;
  recipientName: string | null;
  /** 1 for the first attempt. */
  attempt: number;
}

/** Sends over one channel. Resolving means delivered; throwing means try again later (with backoff). */
export interface ChannelSender {
  readonly channel: NotificationChannel;
  send(notification: OutgoingNotification): Promise<void>;
}

/** A refusal that retrying cannot change (e.g. the mail server rejects the mailbox): the delivery fails at once. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}
