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
  RoomNotification,
  ServerToClientEvents,
} from '../../../src/rooms/rooms.events.js';
import type { ApiClient } from './client.js';
import { Emitter, LiveRoom, RoomCommandError } from './live-room.js';

export { LiveRoom, RoomCommandError } from './live-room.js';

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

/** A client-made id for idempotent commands (chat): random, also where crypto.randomUUID is unavailable. */
export function clientId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
