export const NOTIFICATION_CHANNELS = ['in_app', 'email', 'webhook'] as const;
/** `in_app`: the user's live room and /api/me/notifications; `email`: SMTP; `webhook`: signed POST to an SMS/Zalo gateway. */
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export enum DeliveryState {
  /** Waiting for its first or next attempt (`nextAttemptAt`). */
  Pending = 'pending',
  Sent = 'sent',
  /** Every attempt failed (or the channel refused it for good); `lastError` says why. */
  Failed = 'failed',
  /** Never attempted: the channel is not configured or the recipient has no address for it (`lastError`). */
  Skipped = 'skipped',
}

/** A user of the service (e-mail from the account, phone from the linked person), or bare addresses. */
export type NotificationRecipient =
  { userId: string } | { email?: string; phone?: string; name?: string; userId?: undefined };

export interface EnqueueNotification {
  to: NotificationRecipient | NotificationRecipient[];
  channels: NotificationChannel[];
  /** What it is about, `domain.what`: `working_group.invitation`. */
  kind: string;
  /** Vietnamese; the e-mail subject and the in-app title. At most 300 characters. */
  subject: string;
  /** Vietnamese plain text; the e-mail's text part, the in-app body and the webhook's `text`. */
  text: string;
  /** HTML part of the e-mail; derived from `text` when omitted. */
  html?: string;
  /** Structured data for clients and gateways (ids, links). JSON. */
  data?: Record<string, unknown>;
}

export interface EnqueuedDelivery {
  id: string;
  channel: NotificationChannel;
  recipientUserId: string | null;
  address: string | null;
  state: DeliveryState;
  /** Why it was skipped. */
  reason: string | null;
}

export interface EnqueuedNotification {
  notificationId: string;
  deliveries: EnqueuedDelivery[];
}
