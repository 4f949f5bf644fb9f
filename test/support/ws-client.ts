import { io, Socket } from 'socket.io-client';
import { ROOMS_NAMESPACE } from '../../src/rooms/rooms.events.js';
import type {
  Ack,
  AckResponse,
  ClientToServerEvents,
  CommandName,
  ConnectErrorData,
  JoinResult,
  PresenceUpdate,
  Replay,
  RoomEvent,
  RoomNotification,
  RoomRevoked,
  ServerToClientEvents,
  TypingUpdate,
} from '../../src/rooms/rooms.events.js';

export type RoomsClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type CommandRequest<K extends CommandName> = Parameters<ClientToServerEvents[K]>[0];
export type CommandData<K extends CommandName> =
  NonNullable<Parameters<ClientToServerEvents[K]>[1]> extends Ack<infer T> ? T : never;

export class RoomCommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(`${code}: ${message}`);
  }
}

interface RoomState {
  lastSeq: number;
  /** Live events ahead of a gap, waiting for the missing ones. */
  ahead: Map<number, RoomEvent>;
  joining: boolean;
  resyncTimer?: NodeJS.Timeout;
}

export interface RoomClientOptions {
  reconnection?: boolean;
  transports?: ('websocket' | 'polling')[];
  /** How long a gap may stay open before asking `room:resync` (live events can arrive out of order). */
  gapWaitMs?: number;
}

/**
 * A typed client of the live rooms, as a real front end would write it: keeps the last seq per room, drops
 * seqs it already has, holds events that arrive ahead of a gap and asks `room:resync` when the gap persists,
 * and on reconnect re-joins its rooms from the last seq it saw.
 */
export class RoomClient {
  readonly socket: RoomsClientSocket;
  /** Events delivered to the "application", per incident: in seq order, each once. */
  private readonly delivered = new Map<string, RoomEvent[]>();
  /** Every `room:event` as it came off the wire (to prove what a socket received at all). */
  readonly received: RoomEvent[] = [];
  readonly presence: PresenceUpdate[] = [];
  readonly typing: TypingUpdate[] = [];
  readonly revoked: RoomRevoked[] = [];
  readonly notifications: RoomNotification[] = [];
  readonly rejoinErrors: RoomCommandError[] = [];
  duplicatesDropped = 0;
  gapsSeen = 0;
  resyncs = 0;
  connects = 0;
  /** Test hook: drop the next N live events as if the network lost them. */
  loseNext = 0;
  private readonly rooms = new Map<string, RoomState>();
  private readonly gapWaitMs: number;

  private constructor(url: string, token: string | (() => string), opts: RoomClientOptions) {
    this.gapWaitMs = opts.gapWaitMs ?? 150;
    this.socket = io(`${url}${ROOMS_NAMESPACE}`, {
      auth: (cb) => cb({ token: typeof token === 'function' ? token() : token }),
      transports: opts.transports ?? ['websocket'],
      reconnection: opts.reconnection ?? true,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
      forceNew: true,
    });
    this.socket.on('room:event', (e) => this.onLive(e));
    this.socket.on('presence:update', (p) => this.presence.push(p));
    this.socket.on('typing:update', (t) => this.typing.push(t));
    this.socket.on('room:revoked', (r) => {
      this.revoked.push(r);
      this.rooms.delete(r.incidentId);
    });
    this.socket.on('notification', (n) => this.notifications.push(n));
    this.socket.on('connect', () => {
      this.connects++;
      if (this.connects > 1) void this.rejoinAll();
    });
  }

  static connect(
    url: string,
    token: string | (() => string),
    opts: RoomClientOptions = {},
  ): Promise<RoomClient> {
    const client = new RoomClient(url, token, opts);
    return new Promise((resolve, reject) => {
      const onConnect = () => {
        client.socket.off('connect_error', onError);
        resolve(client);
      };
      const onError = (e: Error) => {
        client.socket.off('connect', onConnect);
        client.close();
        reject(e);
      };
      client.socket.once('connect', onConnect);
      client.socket.once('connect_error', onError);
    });
  }

  /** Connects expecting the handshake to be refused; returns the error data the server sent. */
  static async refused(url: string, auth: Record<string, unknown>): Promise<ConnectErrorData> {
    const socket: RoomsClientSocket = io(`${url}${ROOMS_NAMESPACE}`, {
      auth,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    try {
      return await new Promise((resolve, reject) => {
        socket.once('connect', () => reject(new Error('handshake unexpectedly accepted')));
        socket.once('connect_error', (e) => resolve((e as Error & { data: ConnectErrorData }).data));
      });
    } finally {
      socket.close();
    }
  }

  /** Sends a command and returns its ack as is. */
  request<K extends CommandName>(
    name: K,
    payload: CommandRequest<K> | unknown,
    timeoutMs = 10_000,
  ): Promise<AckResponse<CommandData<K>>> {
    const emit = this.socket.timeout(timeoutMs).emitWithAck as unknown as (
      name: string,
      payload: unknown,
    ) => Promise<AckResponse<CommandData<K>>>;
    return emit.call(this.socket.timeout(timeoutMs), name, payload);
  }

  /** Sends a command; resolves with its data or throws RoomCommandError. */
  async call<K extends CommandName>(
    name: K,
    payload: CommandRequest<K>,
    timeoutMs?: number,
  ): Promise<CommandData<K>> {
    const res = await this.request(name, payload, timeoutMs);
    if (!res.ok) throw new RoomCommandError(res.error.code, res.error.message, res.error.details);
    return res.data;
  }

  /** Joins a room from `afterSeq` (default: what this client already has) and pages through the replay. */
  async join(incidentId: string, afterSeq?: number): Promise<JoinResult> {
    const state = this.state(incidentId);
    if (afterSeq !== undefined) state.lastSeq = afterSeq;
    state.joining = true;
    try {
      const result = await this.call('room:join', { incidentId, afterSeq: state.lastSeq });
      this.apply(result);
      if (result.hasMore) await this.resync(incidentId);
      return result;
    } catch (e) {
      this.rooms.delete(incidentId);
      throw e;
    } finally {
      state.joining = false;
      this.drain(incidentId);
    }
  }

  /** Fetches everything after the last delivered seq, page by page. */
  async resync(incidentId: string): Promise<void> {
    const state = this.state(incidentId);
    for (;;) {
      this.resyncs++;
      const page: Replay = await this.call('room:resync', { incidentId, afterSeq: state.lastSeq });
      this.apply(page);
      if (!page.hasMore) return;
    }
  }

  leave(incidentId: string) {
    this.rooms.delete(incidentId);
    return this.call('room:leave', { incidentId });
  }

  events(incidentId: string): RoomEvent[] {
    return this.delivered.get(incidentId) ?? [];
  }

  lastSeq(incidentId: string): number {
    return this.rooms.get(incidentId)?.lastSeq ?? this.events(incidentId).at(-1)?.seq ?? 0;
  }

  async waitFor(predicate: () => boolean, what = 'condition', timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  close() {
    for (const s of this.rooms.values()) clearTimeout(s.resyncTimer);
    this.socket.close();
  }

  private state(incidentId: string): RoomState {
    let s = this.rooms.get(incidentId);
    if (!s) {
      s = { lastSeq: this.events(incidentId).at(-1)?.seq ?? 0, ahead: new Map(), joining: false };
      this.rooms.set(incidentId, s);
    }
    return s;
  }

  private onLive(e: RoomEvent) {
    if (this.loseNext > 0) {
      this.loseNext--;
      return;
    }
    this.received.push(e);
    const state = this.rooms.get(e.incidentId);
    if (!state) return; // not (or no longer) in this room
    this.offer(state, e);
    if (state.ahead.size && !state.joining && !state.resyncTimer) {
      this.gapsSeen++;
      state.resyncTimer = setTimeout(() => {
        state.resyncTimer = undefined;
        if (state.ahead.size && this.rooms.get(e.incidentId) === state) {
          this.resync(e.incidentId).catch(() => undefined);
        }
      }, this.gapWaitMs);
    }
  }

  private apply(replay: Replay) {
    const state = this.state(replay.incidentId);
    for (const e of replay.events) this.offer(state, e);
  }

  private offer(state: RoomState, e: RoomEvent) {
    if (e.seq <= state.lastSeq || state.ahead.has(e.seq)) {
      this.duplicatesDropped++;
      return;
    }
    state.ahead.set(e.seq, e);
    this.drain(e.incidentId);
  }

  private drain(incidentId: string) {
    const state = this.rooms.get(incidentId);
    if (!state) return;
    for (let next = state.ahead.get(state.lastSeq + 1); next; next = state.ahead.get(state.lastSeq + 1)) {
      state.ahead.delete(next.seq);
      state.lastSeq = next.seq;
      const list = this.delivered.get(incidentId) ?? [];
      list.push(next);
      this.delivered.set(incidentId, list);
    }
  }

  private async rejoinAll() {
    for (const incidentId of [...this.rooms.keys()]) {
      await this.join(incidentId).catch((e: RoomCommandError) => this.rejoinErrors.push(e));
    }
  }
}
