import { Inject, Injectable, Logger } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Server as HttpServer } from 'node:http';
import { Redis } from 'ioredis';
import { Namespace, Server, Socket } from 'socket.io';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ROOMS_NAMESPACE } from './rooms.events.js';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from './rooms.events.js';

export type RoomsNamespace = Namespace<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

export type RoomSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

/** The transport closes a connection whose single message exceeds this (commands have their own, lower cap). */
const MAX_TRANSPORT_BYTES = 1_000_000;
const REDIS_READY_TIMEOUT_MS = 5_000;
/** How long a cluster-wide socket lookup waits for the other nodes (a node killed without notice is silent). */
const FETCH_SOCKETS_TIMEOUT_MS = 2_000;

/**
 * Owns the socket.io server of the live rooms: attached to the HTTP server, with the Redis Streams adapter when
 * REDIS_URL is set (several nodes share rooms; it resumes the stream after a Redis restart) or the in-memory one.
 */
@Injectable()
export class RoomsServer {
  private readonly logger = new Logger(RoomsServer.name);
  private io?: Server;
  private namespace?: RoomsNamespace;
  private redisClients: Redis[] = [];
  private readonly startListeners: ((nsp: RoomsNamespace) => void)[] = [];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The `/rooms` namespace; undefined before start and after stop (nothing to emit to). */
  get nsp(): RoomsNamespace | undefined {
    return this.namespace;
  }

  /** Whether other nodes share the rooms (Redis adapter): server-side events then reach them. */
  get clustered(): boolean {
    return Boolean(this.config.redisUrl);
  }

  /** Runs `listener` with the namespace once it exists (at once if it already does): other modules' handlers. */
  onStart(listener: (nsp: RoomsNamespace) => void): void {
    if (this.namespace) listener(this.namespace);
    else this.startListeners.push(listener);
  }

  /**
   * The sockets in a room on every node. When a node does not answer in time (killed without notice, until the
   * adapter's heartbeat forgets it), this node's own sockets.
   */
  async fetchSockets(room: string) {
    const nsp = this.namespace;
    if (!nsp) return [];
    try {
      return await nsp.in(room).timeout(FETCH_SOCKETS_TIMEOUT_MS).fetchSockets();
    } catch (e) {
      this.logger.warn(
        `other nodes did not answer (${(e as Error).message}); using this node's sockets only`,
      );
      return nsp.local.in(room).fetchSockets();
    }
  }

  async start(httpServer: HttpServer): Promise<RoomsNamespace> {
    const adapter = this.config.redisUrl ? await this.redisAdapter(this.config.redisUrl) : undefined;
    const io = new Server(httpServer, {
      serveClient: false,
      maxHttpBufferSize: MAX_TRANSPORT_BYTES,
      cors: { origin: this.config.corsOrigins, credentials: true },
      ...(adapter ? { adapter } : {}),
    });
    // Everything lives in /rooms; the default namespace refuses connections.
    io.of('/').use((_socket, next) =>
      next(
        Object.assign(new Error('Không gian tên không tồn tại; dùng /rooms'), {
          data: { code: 'NOT_FOUND', message: 'Không gian tên không tồn tại; dùng /rooms' },
        }),
      ),
    );
    this.io = io;
    this.namespace = io.of(ROOMS_NAMESPACE) as RoomsNamespace;
    for (const listener of this.startListeners) listener(this.namespace);
    this.logger.log(
      `live rooms on ${ROOMS_NAMESPACE} (${adapter ? 'Redis Streams adapter' : 'in-memory adapter'})`,
    );
    return this.namespace;
  }

  /** Disconnects every client and leaves the HTTP server to Nest (which closes it next). */
  async stop(): Promise<void> {
    const io = this.io;
    if (!io) return;
    this.io = undefined;
    this.namespace = undefined;
    for (const name of ['/', ROOMS_NAMESPACE]) {
      const nsp = io.of(name);
      nsp.local.disconnectSockets(true);
      await Promise.resolve(nsp.adapter.close()).catch(() => undefined);
    }
    io.engine.close();
    const [main, ...duplicates] = this.redisClients.splice(0);
    // The stream reader may be blocked in XREAD: cut it. The main client quits after its queued commands, so
    // the other nodes do get this node's "adapter closed" and stop waiting for its answers.
    for (const client of duplicates) client.disconnect();
    if (main) {
      await Promise.race([
        main.quit().catch(() => undefined),
        new Promise((r) => setTimeout(r, 1_000).unref()),
      ]);
      main.disconnect();
    }
  }

  private async redisAdapter(url: string) {
    const prefix = `${this.config.redisKeyPrefix}:rooms`;
    // A short disconnectTimeout: the adapter's reader disconnects again after we did, arming ioredis' fallback timer.
    const main = new Redis(url, { connectionName: prefix, disconnectTimeout: 100 });
    let lastErrorLog = 0;
    const onError = (e: Error) => {
      // ioredis reconnects by itself; say so at most every 10 s rather than once per retry.
      if (Date.now() - lastErrorLog > 10_000) {
        lastErrorLog = Date.now();
        this.logger.warn(`Redis (live rooms): ${e.message}; reconnecting`);
      }
    };
    main.on('error', onError);
    this.redisClients.push(main);
    // The adapter duplicates the client (stream reader, pub/sub); keep them to close them all on shutdown,
    // without waiting for a blocking XREAD to time out.
    const duplicate = main.duplicate.bind(main);
    main.duplicate = (override) => {
      const client = duplicate(override);
      client.on('error', onError);
      this.redisClients.push(client);
      return client;
    };
    const ready = await new Promise<boolean>((resolve) => {
      if (main.status === 'ready') return resolve(true);
      const timer = setTimeout(() => resolve(false), REDIS_READY_TIMEOUT_MS);
      main.once('ready', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!ready) this.logger.warn('Redis chưa sẵn sàng; các nút sẽ nối lại phòng khi Redis trở lại');
    return createAdapter(main, {
      streamName: prefix,
      channelPrefix: prefix,
      sessionKeyPrefix: `${prefix}:session:`,
      // Short blocking reads: a stopping node is not held by a pending XREAD.
      blockTimeInMs: 1_000,
    });
  }
}
