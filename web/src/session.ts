import type { Tokens, TokenStore } from './api/client.js';

const DB_NAME = 'ungpho';
const STORE = 'session';
const KEY = 'tokens';
const LOCK = 'ungpho.refresh';
const CHANNEL = 'ungpho.session';

/**
 * The tokens of the user's tabs. Refresh tokens rotate on every use and presenting one twice revokes the whole
 * session, so a refresh runs under a Web Lock shared by the tabs, and whoever takes the lock next reads the tokens
 * from IndexedDB (a committed write is visible to every later transaction, in any tab: localStorage gives no such
 * guarantee between tabs). Reads outside the lock use an in-memory copy, kept current by a BroadcastChannel.
 */
export class BrowserTokenStore implements TokenStore {
  private cache: Tokens | null = null;
  private db: Promise<IDBDatabase | null>;
  private readonly channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  private readonly listeners = new Set<(tokens: Tokens | null) => void>();
  private tail: Promise<unknown> = Promise.resolve();

  constructor() {
    this.db = openDatabase().catch(() => null); // no IndexedDB: the session lasts as long as the tab
    this.channel?.addEventListener('message', (e: MessageEvent<Tokens | null>) => {
      this.cache = e.data;
      for (const l of [...this.listeners]) l(e.data);
    });
  }

  /** Reads the stored session (once, at start). */
  async load(): Promise<Tokens | null> {
    this.cache = await this.read();
    return this.cache;
  }

  get(): Tokens | null {
    return this.cache;
  }

  async set(tokens: Tokens | null): Promise<void> {
    this.cache = tokens;
    await this.write(tokens);
    this.channel?.postMessage(tokens);
  }

  exclusive<T>(work: (current: Tokens | null) => Promise<T>): Promise<T> {
    const run = async () => {
      this.cache = await this.read();
      return work(this.cache);
    };
    if (typeof navigator !== 'undefined' && navigator.locks) {
      return navigator.locks.request(LOCK, run) as Promise<T>;
    }
    const queued = this.tail.then(run, run);
    this.tail = queued.catch(() => undefined);
    return queued;
  }

  /** Called when another tab logs in, refreshes or logs out. */
  onChange(listener: (tokens: Tokens | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async read(): Promise<Tokens | null> {
    const db = await this.db;
    if (!db) return this.cache;
    return new Promise((resolve, reject) => {
      const req = db.transaction(STORE, 'readonly').objectStore(STORE).get(KEY);
      req.onsuccess = () => resolve((req.result as Tokens | undefined) ?? null);
      req.onerror = () => reject(req.error);
    });
  }

  private async write(tokens: Tokens | null): Promise<void> {
    const db = await this.db;
    if (!db) return;
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite');
      if (tokens) tx.objectStore(STORE).put(tokens, KEY);
      else tx.objectStore(STORE).delete(KEY);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  }
}

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
