import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { ROOMS_NAMESPACE } from '../../../src/rooms/rooms.events.js';
import type {
  Ack,
  AckResponse,
  ClientToServerEvents,
  CommandName,
  ConnectErrorData,
  IncidentChangedPush,
  PresenceMember,
  Replay,
  RoomEvent,
  RoomMember,
  RoomNotification,
  RoomRevoked,
  ServerToClientEvents,
  TypingUpdate,
} from '../../../src/rooms/rooms.events.js';
import type { ApiClient } from './client.js';

/**
 * The console's client of the live rooms (socket.io namespace `/rooms`, src/rooms/README.md): the handshake
 * carries a fresh access token, commands are answered by acks, and each joined room keeps its last seq: events
 * are delivered once and in order, a gap that stays open asks `room:resync`, and after a reconnect every room is
 * joined again from its last seq, so nothing committed meanwhile is missed.
 */

export type RoomsSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type CommandRequest<K extends CommandName> = Parameters<ClientToServerEvents[K]>[0];
export type CommandData<K extends CommandName> =
  NonNullable<Parameters<ClientToServerEvents[K]>[1]> extends Ack<infer T> ? T : never;

export type ConnectionState = 'connecting' | 'online' | 'offline' | 'ended';

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

class Emitter<T> {
  private readonly listeners = new Set<Listener<T>>();

  on(listener: Listener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(value: T): void {
    for (const l of [...this.listeners]) l(value);
  }
}

export interface RoomsConnectionOptions {
  /** Origin of the service (defaults to the API client's). */
  url?: string;
  /** How long a gap in seqs may stay open before asking `room:resync` (events of two nodes may cross). */
  gapWaitMs?: number;
  commandTimeoutMs?: number;
}

export class RoomsConnection {
  readonly socket: RoomsSocket;
  state: ConnectionState = 'connecting';
  /** Reconnections after the first connection (each one re-joins the rooms). */
  reconnects = 0;
  readonly stateChanged = new Emitter<ConnectionState>();
  /** After a reconnect, once every room has replayed what it missed. */
  readonly resynced = new Emitter<void>();
  readonly incidentChanged = new Emitter<IncidentChangedPush>();
  readonly notification = new Emitter<RoomNotification>();
  /** The session cannot be renewed: the user must log in again. */
  readonly ended = new Emitter<ConnectErrorData>();
  readonly gapWaitMs: number;
  readonly commandTimeoutMs: number;
  private readonly rooms = new Map<string, LiveRoom>();
  private connectedOnce = false;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private retryDelay = 1000;
  private renewing?: Promise<void>;
  private closed = false;

  constructor(
    readonly api: ApiClient,
    opts: RoomsConnectionOptions = {},
  ) {
    this.gapWaitMs = opts.gapWaitMs ?? 300;
    this.commandTimeoutMs = opts.commandTimeoutMs ?? 10_000;
    this.socket = io(`${opts.url ?? api.baseUrl}${ROOMS_NAMESPACE}`, {
      // Asked at every (re)connection: a token about to expire is refreshed first.
      auth: (cb) => {
        api.accessToken().then(
          (token) => cb({ token: token ?? '' }),
          () => cb({ token: api.store.get()?.accessToken ?? '' }),
        );
      },
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 4000,
    });
    this.socket.on('connect', () => {
      const again = this.connectedOnce;
      this.connectedOnce = true;
      this.retryDelay = 1000;
      this.setState('online');
      if (again) {
        this.reconnects++;
        void this.rejoinAll();
      }
    });
    this.socket.on('disconnect', (reason) => {
      if (this.closed) return;
      this.setState('offline');
      // The server closed it (an account change): socket.io does not come back by itself.
      if (reason === 'io server disconnect') this.retryLater();
    });
    this.socket.on('connect_error', (err) => {
      if (this.closed) return;
      this.setState('offline');
      if (this.socket.active) return; // a transport failure: socket.io retries by itself
      const data = (err as Error & { data?: ConnectErrorData }).data;
      if (data?.code === 'TOKEN_INVALID') {
        this.api.renew().then(
          (token) => (token ? this.retryLater(0) : this.end(data)),
          () => this.retryLater(),
        );
      } else if (data?.code === 'ACCOUNT_DISABLED' || data?.code === 'UNAUTHENTICATED') {
        this.end(data);
      } else {
        this.retryLater(); // DATABASE_UNAVAILABLE and the like: try again later
      }
    });
    this.socket.on('room:event', (e) => this.rooms.get(e.incidentId)?.offerLive(e));
    this.socket.on('presence:update', (p) =>
      this.rooms.get(p.incidentId)?.presenceChanged(p.member, p.present),
    );
    this.socket.on('typing:update', (t) => this.rooms.get(t.incidentId)?.typingChanged(t));
    this.socket.on('room:revoked', (r) => this.rooms.get(r.incidentId)?.revokedBy(r));
    this.socket.on('incident:changed', (p) => this.incidentChanged.emit(p));
    this.socket.on('notification', (n) => this.notification.emit(n));
  }

  get online(): boolean {
    return this.state === 'online';
  }

  /** The live room of an incident (one per incident and connection); `join()` it to receive its events. */
  room(incidentId: string): LiveRoom {
    let room = this.rooms.get(incidentId);
    if (!room) {
      room = new LiveRoom(this, incidentId);
      this.rooms.set(incidentId, room);
    }
    return room;
  }

  forget(room: LiveRoom): void {
    if (this.rooms.get(room.incidentId) === room) this.rooms.delete(room.incidentId);
  }

  /** Sends a command and returns its ack as it came (a timeout is an ack with code TIMEOUT). */
  async request<K extends CommandName>(
    name: K,
    payload: CommandRequest<K>,
    timeoutMs = this.commandTimeoutMs,
  ): Promise<AckResponse<CommandData<K>>> {
    const socket = this.socket.timeout(timeoutMs);
    const emit = socket.emitWithAck as unknown as (
      name: string,
      payload: unknown,
    ) => Promise<AckResponse<CommandData<K>>>;
    try {
      return await emit.call(socket, name, payload);
    } catch {
      return {
        ok: false,
        error: {
          code: 'TIMEOUT',
          message: 'Máy chủ chưa trả lời (mất kết nối?); thao tác chưa được ghi nhận',
        },
      };
    }
  }

  /**
   * Sends a command; resolves with its data or throws RoomCommandError. A socket whose token expired gets
   * TOKEN_INVALID: it reconnects with a fresh token (rooms re-joined from their last seq) and sends once more.
   */
  async call<K extends CommandName>(
    name: K,
    payload: CommandRequest<K>,
    timeoutMs?: number,
  ): Promise<CommandData<K>> {
    let res = await this.request(name, payload, timeoutMs);
    // Twice at most: a slow reconnection may itself outlive a very short-lived token.
    for (let renewals = 0; !res.ok && res.error.code === 'TOKEN_INVALID' && renewals < 2; renewals++) {
      await this.renewConnection();
      res = await this.request(name, payload, timeoutMs);
    }
    if (!res.ok) throw new RoomCommandError(res.error.code, res.error.message, res.error.details);
    return res.data;
  }

  /** Reconnects with a fresh access token (one renewal at a time). */
  renewConnection(): Promise<void> {
    this.renewing ??= (async () => {
      const token = await this.api.renew();
      if (!token) return;
      let onConnect: () => void = () => undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const connected = new Promise<void>((resolve, reject) => {
        onConnect = () => resolve();
        this.socket.once('connect', onConnect);
        // Never wait for good: a connection that does not come back fails the command like a timeout.
        timer = setTimeout(
          () => reject(new RoomCommandError('TIMEOUT', 'Không kết nối lại được máy chủ')),
          this.commandTimeoutMs,
        );
      });
      this.socket.disconnect();
      this.socket.connect();
      try {
        await connected;
      } finally {
        clearTimeout(timer);
        this.socket.off('connect', onConnect);
      }
    })().finally(() => {
      this.renewing = undefined;
    });
    return this.renewing;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    for (const room of this.rooms.values()) room.dispose();
    this.rooms.clear();
    this.socket.close();
    this.setState('ended');
  }

  private async rejoinAll(): Promise<void> {
    await Promise.allSettled([...this.rooms.values()].filter((r) => r.wanted).map((r) => r.join()));
    this.resynced.emit();
  }

  private retryLater(delay = this.retryDelay): void {
    clearTimeout(this.retryTimer);
    this.retryDelay = Math.min(this.retryDelay * 2, 15_000);
    this.retryTimer = setTimeout(() => {
      if (!this.closed && !this.socket.connected) this.socket.connect();
    }, delay);
  }

  private end(data: ConnectErrorData): void {
    this.setState('ended');
    this.ended.emit(data);
  }

  private setState(state: ConnectionState): void {
    if (this.state === state || this.state === 'ended') return;
    this.state = state;
    this.stateChanged.emit(state);
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

/** A client-made id for idempotent commands (chat): random, also where crypto.randomUUID is unavailable. */
export function clientId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
