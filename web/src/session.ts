import type { Tokens, TokenStore } from './api/client.js';

const KEY = 'ungpho.session';
const LOCK = 'ungpho.refresh';

/**
 * Tokens in localStorage, shared by the user's tabs. Refresh tokens rotate on every use and presenting one twice
 * revokes the session, so refreshes are serialized across tabs with the Web Locks API (one tab at a time; the
 * next one re-reads the store and finds the rotated pair).
 */
export class BrowserTokenStore implements TokenStore {
  private tail: Promise<unknown> = Promise.resolve();

  get(): Tokens | null {
    try {
      const raw = localStorage.getItem(KEY);
      return raw ? (JSON.parse(raw) as Tokens) : null;
    } catch {
      return null;
    }
  }

  set(tokens: Tokens | null): void {
    if (tokens) localStorage.setItem(KEY, JSON.stringify(tokens));
    else localStorage.removeItem(KEY);
  }

  exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (typeof navigator !== 'undefined' && navigator.locks) {
      return navigator.locks.request(LOCK, () => work()) as Promise<T>;
    }
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Called when another tab logs in or out. */
  onChange(listener: (tokens: Tokens | null) => void): () => void {
    const handler = (e: StorageEvent) => {
      if (e.key === KEY) listener(this.get());
    };
    window.addEventListener('storage', handler);
    return () => window.removeEventListener('storage', handler);
  }
}
