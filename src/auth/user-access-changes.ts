import { Injectable, Logger } from '@nestjs/common';

/** A user's account changed in a way that can change what they may see (locked, roles, linked person). */
export interface UserAccessChange {
  userId: string;
  active: boolean;
  /** Every session of the account ended (logout everywhere, password reset): its live sockets are cut. */
  sessionsEnded?: boolean;
}

export type UserAccessListener = (change: UserAccessChange) => void | Promise<void>;

/**
 * In-process notice of committed account changes, so that long-lived connections (live rooms) re-check access
 * at once instead of at the next command. Listeners run after commit; one that throws is only logged.
 */
@Injectable()
export class UserAccessChanges {
  private readonly logger = new Logger(UserAccessChanges.name);
  private readonly listeners = new Set<UserAccessListener>();

  subscribe(listener: UserAccessListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async publish(change: UserAccessChange): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(change);
      } catch (e) {
        this.logger.error(`user access listener failed: ${(e as Error).message}`, (e as Error).stack);
      }
    }
  }
}
