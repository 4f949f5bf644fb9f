import { Redis } from 'ioredis';

/**
 * Counters with an expiry, shared by every node when Redis is configured (login limits), else per process.
 * Values are small integers; a key that expired reads as 0.
 */
export interface CounterStore {
  /** Adds one and returns the new value; the key expires `ttlMs` after it was first created. */
  hit(key: string, ttlMs: number): Promise<number>;
  /** Adds one and (re)sets the expiry to `ttlMs` from now. */
  bump(key: string, ttlMs: number): Promise<number>;
  get(key: string): Promise<number>;
  /** Sets the value and its expiry. */
  set(key: string, value: number, ttlMs: number): Promise<void>;
  delete(...keys: string[]): Promise<void>;
  close(): Promise<void>;
}

export class MemoryCounterStore implements CounterStore {
  private readonly values = new Map<string, { value: number; expiresAt: number }>();

  private live(key: string) {
    const entry = this.values.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      this.values.delete(key);
      return undefined;
    }
    return entry;
  }

  private sweep() {
    // Bounded memory: expired keys go when the map grows (an address spray cannot grow it for ever).
    if (this.values.size < 10_000) return;
    const now = Date.now();
    for (const [k, v] of this.values) if (v.expiresAt <= now) this.values.delete(k);
  }

  async hit(key: string, ttlMs: number) {
    this.sweep();
    const entry = this.live(key) ?? { value: 0, expiresAt: Date.now() + ttlMs };
    entry.value++;
    this.values.set(key, entry);
    return entry.value;
  }
  async bump(key: string, ttlMs: number) {
    this.sweep();
    const value = (this.live(key)?.value ?? 0) + 1;
    this.values.set(key, { value, expiresAt: Date.now() + ttlMs });
    return value;
  }
  async get(key: string) {
    return this.live(key)?.value ?? 0;
  }
  async set(key: string, value: number, ttlMs: number) {
    this.values.set(key, { value, expiresAt: Date.now() + ttlMs });
  }
  async delete(...keys: string[]) {
    for (const k of keys) this.values.delete(k);
  }
  async close() {
    this.values.clear();
  }
}

export class RedisCounterStore implements CounterStore {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    this.redis = new Redis(url, { connectionName: `${prefix}:counters`, maxRetriesPerRequest: 2 });
    // Failures surface on the commands (the caller decides); ioredis reconnects by itself.
    this.redis.on('error', () => undefined);
  }

  private k(key: string) {
    return `${this.prefix}:counter:${key}`;
  }
  async hit(key: string, ttlMs: number) {
    const [[, value]] = (await this.redis
      .multi()
      .incr(this.k(key))
      .pexpire(this.k(key), ttlMs, 'NX')
      .exec()) as [[unknown, number], [unknown, number]];
    return value;
  }
  async bump(key: string, ttlMs: number) {
    const [[, value]] = (await this.redis.multi().incr(this.k(key)).pexpire(this.k(key), ttlMs).exec()) as [
      [unknown, number],
      [unknown, number],
    ];
    return value;
  }
  async get(key: string) {
    return Number((await this.redis.get(this.k(key))) ?? 0);
  }
  async set(key: string, value: number, ttlMs: number) {
    await this.redis.set(this.k(key), String(value), 'PX', ttlMs);
  }
  async delete(...keys: string[]) {
    if (keys.length) await this.redis.del(...keys.map((k) => this.k(k)));
  }
  async close() {
    // Every write was awaited by the request that made it: nothing is left to flush.
    this.redis.disconnect();
  }
}

export function createCounterStore(redisUrl: string | undefined, prefix: string): CounterStore {
  return redisUrl ? new RedisCounterStore(redisUrl, prefix) : new MemoryCounterStore();
}
