import type {
  PresenceMember,
  Replay,
  RoomEvent,
  RoomMember,
  RoomRevoked,
  TypingUpdate,
} from '../../../src/rooms/rooms.events.js';
import type { RoomsConnection } from './rooms.js';

/** One incident's live room as the console keeps it (rooms.ts holds the connection that serves it). */

/** Join failures worth another try by themselves (the others, such as NOT_FOUND, are shown). */
const RETRIED_JOIN_ERRORS = new Set([
  'TIMEOUT',
  'DATABASE_UNAVAILABLE',
  'TOKEN_INVALID',
  'RATE_LIMITED',
  'INTERNAL',
]);

export class RoomCommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'RoomCommandError';
  }
}

type Listener<T> = (value: T) => void;

/** A small typed event emitter (listeners are called in order; one may remove itself). */
export class Emitter<T> {
  private readonly listeners = new Set<Listener<T>>();

  on(listener: Listener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(value: T): void {
    for (const l of [...this.listeners]) l(value);
  }
}

/**
 * One incident's live room: the events delivered in seq order (each once), the members and who is present.
 * Subscribers are told after every change (`version` grows), which is what React reads.
 */
export class LiveRoom {
  readonly events: RoomEvent[] = [];
  members: RoomMember[] = [];
  readonly present = new Map<string, PresenceMember>();
  readonly typing = new Map<string, string>();
  lastSeq = 0;
  joined = false;
  /** The user should be in the room (joined, or to be joined again after a reconnect). */
  wanted = false;
  revoked: RoomRevoked | null = null;
  error: RoomCommandError | null = null;
  version = 0;
  readonly delivered = new Emitter<RoomEvent[]>();
  private readonly ahead = new Map<number, RoomEvent>();
  private holders = 0;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private joining?: Promise<void>;
  private gapTimer?: ReturnType<typeof setTimeout>;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly connection: RoomsConnection,
    readonly incidentId: string,
  ) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Joins (or re-joins) from the last seq seen and pages through what was missed. */
  join(): Promise<void> {
    this.wanted = true;
    this.joining ??= (async () => {
      try {
        const result = await this.connection.call('room:join', {
          incidentId: this.incidentId,
          afterSeq: this.lastSeq,
        });
        this.members = result.members;
        this.present.clear();
        for (const p of result.present) this.present.set(p.userId, p);
        this.revoked = null;
        this.error = null;
        this.accept(result.events);
        let more = result.hasMore;
        while (more) {
          const page: Replay = await this.connection.call('room:resync', {
            incidentId: this.incidentId,
            afterSeq: this.lastSeq,
          });
          this.accept(page.events);
          more = page.hasMore;
        }
        this.joined = true;
      } catch (e) {
        this.joined = false;
        this.error =
          e instanceof RoomCommandError
            ? e
            : new RoomCommandError('INTERNAL', (e as Error).message ?? String(e));
        // Passing troubles (no answer, database away, token renewal lost in a race): try again shortly.
        if (RETRIED_JOIN_ERRORS.has(this.error.code) && this.wanted) {
          clearTimeout(this.retryTimer);
          this.retryTimer = setTimeout(() => {
            if (this.wanted && !this.joined) this.join().catch(() => undefined);
          }, 1500);
        }
        throw this.error;
      } finally {
        this.joining = undefined;
        this.drain();
        this.changed();
      }
    })();
    return this.joining;
  }

  /**
   * One more screen shows this room: joined on the first. Screens of one incident hand the room over to each
   * other (the next one retains it before the previous one releases it), so it is not left and joined again.
   */
  retain(): void {
    this.holders++;
    if (this.holders === 1 && !this.wanted) this.join().catch(() => undefined);
  }

  /** A screen no longer shows it; the last one leaves the room (after the screen that follows had its turn). */
  release(): void {
    this.holders = Math.max(0, this.holders - 1);
    setTimeout(() => {
      if (this.holders === 0 && this.wanted) void this.leave();
    }, 0);
  }

  async leave(): Promise<void> {
    this.wanted = false;
    this.joined = false;
    clearTimeout(this.retryTimer);
    clearTimeout(this.gapTimer);
    this.gapTimer = undefined;
    this.connection.forget(this);
    if (this.connection.online) {
      await this.connection.call('room:leave', { incidentId: this.incidentId }).catch(() => undefined);
    }
  }

  dispose(): void {
    clearTimeout(this.gapTimer);
    clearTimeout(this.retryTimer);
    this.listeners.clear();
  }

  /** Asks for everything after the last delivered seq. */
  async resync(): Promise<void> {
    for (;;) {
      const page = await this.connection.call('room:resync', {
        incidentId: this.incidentId,
        afterSeq: this.lastSeq,
      });
      this.accept(page.events);
      if (!page.hasMore) return;
    }
  }

  offerLive(e: RoomEvent): void {
    if (!this.wanted) return;
    this.accept([e]);
    if (this.ahead.size && !this.joining && !this.gapTimer) {
      this.gapTimer = setTimeout(() => {
        this.gapTimer = undefined;
        if (this.ahead.size && this.wanted) this.resync().catch(() => undefined);
      }, this.connection.gapWaitMs);
    }
  }

  presenceChanged(member: PresenceMember, present: boolean): void {
    if (present) this.present.set(member.userId, member);
    else this.present.delete(member.userId);
    this.changed();
  }

  typingChanged(t: TypingUpdate): void {
    if (t.typing) this.typing.set(t.userId, t.displayName);
    else this.typing.delete(t.userId);
    this.changed();
  }

  revokedBy(r: RoomRevoked): void {
    this.revoked = r;
    this.joined = false;
    this.wanted = false;
    this.changed();
  }

  /** Display name of a user id among the room's members. */
  nameOf(userId: string | null): string | null {
    if (!userId) return null;
    return this.members.find((m) => m.userId === userId)?.displayName ?? null;
  }

  private accept(events: RoomEvent[]): void {
    for (const e of events) {
      if (e.seq <= this.lastSeq || this.ahead.has(e.seq)) continue;
      this.ahead.set(e.seq, e);
    }
    this.drain();
  }

  private drain(): void {
    const fresh: RoomEvent[] = [];
    for (let next = this.ahead.get(this.lastSeq + 1); next; next = this.ahead.get(this.lastSeq + 1)) {
      this.ahead.delete(next.seq);
      this.lastSeq = next.seq;
      this.events.push(next);
      fresh.push(next);
    }
    if (!this.ahead.size && this.gapTimer) {
      clearTimeout(this.gapTimer);
      this.gapTimer = undefined;
    }
    if (fresh.length) {
      this.delivered.emit(fresh);
      this.changed();
    }
  }

  private changed(): void {
    this.version++;
    for (const l of [...this.listeners]) l();
  }
}
