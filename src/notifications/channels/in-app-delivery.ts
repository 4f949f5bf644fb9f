import { Logger } from '@nestjs/common';

/**
 * Injection token of the live in-app delivery. The rooms module provides it (e.g.
 * `{ provide: IN_APP_DELIVERY, useExisting: RoomsNotifier }`, emitting `notification` to the room `user:<id>`);
 * the notifications module finds it in whichever module provides it, and logs instead when none does.
 */
export const IN_APP_DELIVERY = Symbol('IN_APP_DELIVERY');

/** What a user's open clients receive; the same item `GET /api/me/notifications` lists. */
export interface InAppNotification {
  /** The delivery's id (one per notification and user). */
  id: string;
  notificationId: string;
  /** `domain.what`: `working_group.invitation`. */
  kind: string;
  subject: string;
  text: string;
  data: Record<string, unknown>;
  createdAt: string;
}

export interface InAppDelivery {
  /** Pushes to the user's live connections; resolving means handed over (an offline user reads it later). */
  deliver(userId: string, notification: InAppNotification): Promise<void>;
}

/** Used while no module provides IN_APP_DELIVERY: the notification is stored (and listed), not pushed. */
export class LoggingInAppDelivery implements InAppDelivery {
  private readonly logger = new Logger('InAppDelivery');

  async deliver(userId: string, notification: InAppNotification): Promise<void> {
    this.logger.debug(
      `in-app notification ${notification.id} (${notification.kind}) for user ${userId}: stored, not pushed live`,
    );
  }
}
