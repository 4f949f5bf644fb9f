import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { ApiClient } from './api/client.js';
import type { ConnectionState, LiveRoom, RoomsConnection } from './api/rooms.js';
import type { User } from './api/types.js';
import { label, translate } from './i18n.js';
import type { Lang, MessageKey } from './i18n.js';

export interface I18n {
  lang: Lang;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  l: (group: Parameters<typeof label>[1], value: string | null | undefined) => string;
}

export interface AppServices extends I18n {
  api: ApiClient;
  rooms: RoomsConnection;
  user: User;
}

export const I18nContext = createContext<I18n>({ lang: 'vi', ...makeTranslator('vi') });
export const AppContext = createContext<AppServices | null>(null);

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** The signed-in services (inside the console's layout only). */
export function useApp(): AppServices {
  const app = useContext(AppContext);
  if (!app) throw new Error('AppContext missing');
  return app;
}

export function makeTranslator(lang: Lang): Omit<I18n, 'lang'> {
  return {
    t: (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params),
    l: (group: Parameters<typeof label>[1], value: string | null | undefined) => label(lang, group, value),
  };
}

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => Promise<void>;
  setData: (update: (prev: T | undefined) => T | undefined) => void;
}

/** Loads with `load` when `deps` change; `reload` loads again quietly (keeps the data shown meanwhile). */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): AsyncState<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const loadRef = useRef(load);
  loadRef.current = load;
  const generation = useRef(0);
  const run = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const value = await loadRef.current();
      if (mine !== generation.current) return;
      setDataState(value);
      setError(null);
    } catch (e) {
      if (mine === generation.current) setError(e);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);
  useEffect(() => {
    setDataState(undefined);
    void run();
  }, deps);
  const setData = useCallback((update: (prev: T | undefined) => T | undefined) => setDataState(update), []);
  return { data, error, loading, reload: run, setData };
}

/** Re-renders on every change of a live room. */
export function useLiveRoom(room: LiveRoom | null): number {
  return useSyncExternalStore(
    useCallback((cb: () => void) => (room ? room.subscribe(cb) : () => undefined), [room]),
    () => room?.version ?? 0,
  );
}

export function useConnectionState(rooms: RoomsConnection): ConnectionState {
  return useSyncExternalStore(
    useCallback((cb: () => void) => rooms.stateChanged.on(cb), [rooms]),
    () => rooms.state,
  );
}

/** The current time, refreshed every `intervalMs` (countdowns). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
