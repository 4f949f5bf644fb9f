import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request facts that deep code (audit) needs without threading them through every call. */
export interface RequestContext {
  requestId?: string;
  userId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(ctx: RequestContext, fn: () => T): T {
    return storage.run(ctx, fn);
  },
  get(): RequestContext | undefined {
    return storage.getStore();
  },
  /** Sets a field on the current request's context (no-op outside a request). */
  set(patch: Partial<RequestContext>): void {
    const store = storage.getStore();
    if (store) Object.assign(store, patch);
  },
};
