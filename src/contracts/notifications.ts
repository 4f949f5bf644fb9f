/** Notifications: one's in-app inbox and the administration's outbox. Plain TypeScript: no Nest or TypeORM imports. */

export interface InAppNotification {
  /** The delivery's id. */
  id: string;
  notificationId: string;
  kind: string;
  subject: string;
  text: string;
  data: Record<string, unknown>;
  createdAt: string;
}

export type DeliveryChannel = 'in_app' | 'email' | 'webhook';
export type DeliveryStateName = 'pending' | 'sent' | 'failed' | 'skipped';

/** One delivery of the outbox: a notification, over one channel, to one recipient. */
export interface OutboxDelivery {
  id: string;
  notificationId: string;
  kind: string;
  subject: string;
  channel: DeliveryChannel;
  recipientUserId: string | null;
  address: string | null;
  recipientName: string | null;
  state: DeliveryStateName;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}
