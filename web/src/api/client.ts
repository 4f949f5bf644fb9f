import type {
  AppliedPlaybook,
  ApprovalItem,
  CreateIncident,
  DecisionKind,
  DecisionResult,
  Detection,
  ErrorBody,
  Fact,
  InAppNotification,
  Incident,
  IncidentDetail,
  LoginResult,
  Mention,
  OrgUnit,
  OrgUnitDetail,
  Page,
  PlaybookDetail,
  PlaybookApplication,
  PlaybookSuggestions,
  PlaybookSummary,
  Publication,
  ReviewReport,
  SearchResult,
  Spokespersons,
  Statement,
  StatementComment,
  StatementDetail,
  SubmitResult,
  Task,
  TopicBucket,
  User,
  Version,
  VersionDetail,
  WorkingGroup,
  WorkingGroupRole,
} from './types.js';

/**
 * The console's client of the public HTTP API: bearer tokens, the API's error shape, and refresh tokens that
 * rotate on every use (`POST /api/auth/refresh`) renewed without the user noticing. Runs in the browser and in
 * Node (the browser tests drive the API through it too), so it touches no browser-only API itself.
 * Long file: the transport (tokens, refresh, errors), then one typed method per API route, read as a list.
 */

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

/**
 * Where the tokens live. `get` may lag behind another holder of the store (a browser tab); `exclusive` runs
 * `work` alone among all of them, with the tokens as stored when it starts, and `set` inside it is stored before
 * the next one starts.
 */
export interface TokenStore {
  get(): Tokens | null;
  set(tokens: Tokens | null): void | Promise<void>;
  exclusive<T>(work: (current: Tokens | null) => Promise<T>): Promise<T>;
}

/** Tokens in memory, refreshes serialized in this process. */
export class MemoryTokenStore implements TokenStore {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private tokens: Tokens | null = null) {}

  get(): Tokens | null {
    return this.tokens;
  }

  set(tokens: Tokens | null): void {
    this.tokens = tokens;
  }

  exclusive<T>(work: (current: Tokens | null) => Promise<T>): Promise<T> {
    const run = () => work(this.tokens);
    const queued = this.tail.then(run, run);
    this.tail = queued.catch(() => undefined);
    return queued;
  }
}

export const NETWORK_ERROR = 'NETWORK_ERROR';

/** An error answer of the API (`{ statusCode, code, message, details?, correlationId }`) or no answer at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly correlationId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field messages of a VALIDATION_FAILED answer, by field. */
  fieldMessages(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    if (!Array.isArray(this.details)) return out;
    for (const d of this.details as { field?: string; messages?: string[] }[]) {
      if (d.field) out[d.field] = d.messages ?? [];
    }
    return out;
  }
}

/** Expiry (epoch ms) of a JWT, read without verifying it; 0 when unreadable. */
export function tokenExpiresAt(jwt: string): number {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '='))) as {
      exp?: number;
    };
    return (claims.exp ?? 0) * 1000;
  } catch {
    return 0;
  }
}

export interface ApiClientOptions {
  /** Origin of the service ('' in the browser: same origin). */
  baseUrl?: string;
  store?: TokenStore;
  fetch?: typeof fetch;
  /** The session cannot be renewed (refresh refused, account locked): the user must log in again. */
  onSessionEnded?: (reason: ApiError) => void;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export class ApiClient {
  readonly baseUrl: string;
  readonly store: TokenStore;
  onSessionEnded?: (reason: ApiError) => void;
  /** Successful refreshes made by this client. */
  refreshes = 0;
  private readonly fetchImpl: typeof fetch;
  private refreshing?: Promise<Tokens | null>;

  constructor(opts: ApiClientOptions = {}) {
    this.baseUrl = opts.baseUrl ?? '';
    this.store = opts.store ?? new MemoryTokenStore();
    this.fetchImpl = opts.fetch ?? ((...args) => fetch(...args));
    this.onSessionEnded = opts.onSessionEnded;
  }

  get signedIn(): boolean {
    return this.store.get() !== null;
  }

  // ---- session ----------------------------------------------------------------------------------------------

  async login(email: string, password: string): Promise<LoginResult> {
    const res = await this.send('POST', '/api/auth/login', { email, password }, null);
    const body = (await this.parse(res)) as LoginResult;
    await this.store.set({ accessToken: body.accessToken, refreshToken: body.refreshToken });
    return body;
  }

  /** Revokes this session on the server (best effort) and forgets the tokens. */
  async logout(): Promise<void> {
    const tokens = this.store.get();
    await this.store.set(null);
    if (!tokens) return;
    await this.send(
      'POST',
      '/api/auth/logout',
      { refreshToken: tokens.refreshToken },
      tokens.accessToken,
    ).catch(() => undefined);
  }

  /** An access token valid for at least `minValidityMs` more (socket handshakes), refreshed if needed. */
  async accessToken(minValidityMs = 30_000): Promise<string | null> {
    const tokens = this.store.get();
    if (!tokens) return null;
    if (tokenExpiresAt(tokens.accessToken) - Date.now() > minValidityMs) return tokens.accessToken;
    return (await this.refresh(tokens))?.accessToken ?? null;
  }

  /** Refreshes although the token looks valid: the server refused it. */
  async renew(): Promise<string | null> {
    const tokens = this.store.get();
    return tokens ? ((await this.refresh(tokens))?.accessToken ?? null) : null;
  }

  /**
   * One refresh at a time (in this client, and across tabs through the store's lock). A rotated refresh token
   * presented twice revokes the whole session, so whoever waited re-reads the store: if someone else already
   * rotated the token we had, theirs is used.
   */
  private refresh(stale: Tokens): Promise<Tokens | null> {
    this.refreshing ??= this.store
      .exclusive(async (current) => {
        if (!current) return null;
        // Someone (another tab) rotated the pair we had meanwhile: theirs is the one to use.
        if (current.refreshToken !== stale.refreshToken) return current;
        const res = await this.send(
          'POST',
          '/api/auth/refresh',
          { refreshToken: current.refreshToken },
          null,
        );
        if (res.ok) {
          const body = (await res.json()) as LoginResult;
          const next = { accessToken: body.accessToken, refreshToken: body.refreshToken };
          await this.store.set(next); // stored before the lock passes on
          this.refreshes++;
          return next;
        }
        const error = await this.toError(res);
        if ([400, 401, 403].includes(res.status)) {
          await this.store.set(null);
          this.onSessionEnded?.(error);
          return null;
        }
        throw error; // rate-limited or unavailable: the session stays, the next call tries again
      })
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }

  // ---- transport --------------------------------------------------------------------------------------------

  async request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
    return (await this.parse(await this.authorized(method, path + queryString(query), body))) as T;
  }

  get<T>(path: string, query?: Query): Promise<T> {
    return this.request<T>('GET', path, undefined, query);
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  /** A multipart form (file uploads): the browser sets the boundary. */
  postForm<T>(path: string, form: FormData): Promise<T> {
    return this.request<T>('POST', path, form);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }

  /** A binary answer (PDF exports). */
  async blob(path: string, query?: Query): Promise<Blob> {
    const res = await this.authorized('GET', path + queryString(query));
    if (!res.ok) throw await this.toError(res);
    return res.blob();
  }

  /** Sends with the access token; a 401 refreshes once and sends again. */
  private async authorized(method: string, path: string, body?: unknown): Promise<Response> {
    const tokens = this.store.get();
    const res = await this.send(method, path, body, tokens?.accessToken ?? null);
    if (res.status !== 401 || !tokens) return res;
    const fresh = await this.refresh(tokens);
    if (!fresh) return res;
    return this.send(method, path, body, fresh.accessToken);
  }

  private async send(method: string, path: string, body: unknown, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const form = typeof FormData !== 'undefined' && body instanceof FormData;
    if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    try {
      return await this.fetchImpl(this.baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : form ? (body as FormData) : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, NETWORK_ERROR, 'Không kết nối được tới máy chủ; kiểm tra mạng và thử lại');
    }
  }

  private async parse(res: Response): Promise<unknown> {
    if (!res.ok) throw await this.toError(res);
    if (res.status === 204) return undefined;
    const text = await res.text();
    return text ? JSON.parse(text) : undefined;
  }

  private async toError(res: Response): Promise<ApiError> {
    let body: Partial<ErrorBody> = {};
    try {
      body = (await res.json()) as ErrorBody;
    } catch {
      // not the API's JSON (a proxy's page): keep the status
    }
    return new ApiError(
      res.status,
      body.code ?? `HTTP_${res.status}`,
      body.message ?? `Máy chủ trả lời lỗi ${res.status}`,
      body.details,
      body.correlationId,
    );
  }

  // ---- the API, typed ---------------------------------------------------------------------------------------

  me(): Promise<User> {
    return this.get('/api/me');
  }

  incidents(query: { status?: string; limit?: number; q?: string } = {}): Promise<Page<Incident>> {
    return this.get('/api/incidents', { limit: 100, ...query });
  }

  incident(id: string): Promise<IncidentDetail> {
    return this.get(`/api/incidents/${id}`);
  }

  createIncident(dto: CreateIncident): Promise<IncidentDetail> {
    return this.post('/api/incidents', dto);
  }

  transition(id: string, to: string, reason?: string): Promise<IncidentDetail> {
    return this.post(`/api/incidents/${id}/transitions`, reason ? { to, reason } : { to });
  }

  mentions(id: string, limit = 20): Promise<Page<Mention>> {
    return this.get(`/api/incidents/${id}/mentions`, { limit });
  }

  detections(incidentId: string): Promise<Page<Detection>> {
    return this.get('/api/detections', { incidentId, limit: 20 });
  }

  topicBuckets(topicId: string, from: string, to: string): Promise<TopicBucket[]> {
    return this.get(`/api/topics/${topicId}/buckets`, { from, to });
  }

  tasks(id: string): Promise<Task[] | Page<Task>> {
    return this.get(`/api/incidents/${id}/tasks`);
  }

  facts(id: string): Promise<Fact[] | Page<Fact>> {
    return this.get(`/api/incidents/${id}/facts`);
  }

  workingGroup(id: string): Promise<WorkingGroup> {
    return this.get(`/api/incidents/${id}/working-group`);
  }

  statements(incidentId: string): Promise<Page<Statement>> {
    return this.get(`/api/incidents/${incidentId}/statements`);
  }

  createStatement(
    incidentId: string,
    dto: { type: string; title: string; body?: string },
  ): Promise<Statement> {
    return this.post(`/api/incidents/${incidentId}/statements`, dto);
  }

  statement(id: string): Promise<StatementDetail> {
    return this.get(`/api/statements/${id}`);
  }

  submitStatement(id: string, note?: string): Promise<SubmitResult> {
    return this.post(`/api/statements/${id}/submit`, note ? { note } : {});
  }

  versions(id: string): Promise<Page<Version>> {
    return this.get(`/api/statements/${id}/versions`);
  }

  version(id: string, n: number): Promise<VersionDetail> {
    return this.get(`/api/statements/${id}/versions/${n}`);
  }

  decide(
    id: string,
    version: { number: number; sha256: string },
    decision: DecisionKind,
    extra: { password?: string; reason?: string; stageKey?: string } = {},
  ): Promise<DecisionResult> {
    return this.post(`/api/statements/${id}/versions/${version.number}/decisions`, {
      decision,
      sha256: version.sha256,
      ...extra,
    });
  }

  publish(
    id: string,
    version: { number: number; sha256: string },
    channel: string,
    extra: { url?: string } = {},
  ): Promise<Publication> {
    return this.post(`/api/statements/${id}/publications`, {
      versionNumber: version.number,
      sha256: version.sha256,
      channel,
      ...extra,
    });
  }

  comments(id: string): Promise<Page<StatementComment>> {
    return this.get(`/api/statements/${id}/comments`);
  }

  addComment(
    id: string,
    dto: { field: 'title' | 'body'; body: string } & (
      { anchorStart: string; anchorEnd: string } | { index: number; length: number }
    ),
  ): Promise<StatementComment> {
    return this.post(`/api/statements/${id}/comments`, dto);
  }

  setCommentStatus(id: string, commentId: string, resolved: boolean): Promise<StatementComment> {
    return this.post(`/api/statements/${id}/comments/${commentId}/${resolved ? 'resolve' : 'reopen'}`);
  }

  approvals(): Promise<Page<ApprovalItem>> {
    return this.get('/api/me/approvals');
  }

  notifications(limit = 20): Promise<Page<InAppNotification>> {
    return this.get('/api/me/notifications', { limit });
  }

  orgUnits(
    query: { q?: string; on?: string; parentId?: string; limit?: number } = {},
  ): Promise<Page<OrgUnit>> {
    return this.get('/api/org-units', { limit: 200, ...query });
  }

  orgUnit(id: string, on?: string): Promise<OrgUnitDetail> {
    return this.get(`/api/org-units/${id}`, { on });
  }

  spokespersons(id: string, on?: string): Promise<Spokespersons> {
    return this.get(`/api/org-units/${id}/spokespersons`, { on });
  }

  /** The working-group role catalogue (key → Vietnamese name, rights). */
  groupRoles(): Promise<WorkingGroupRole[]> {
    return this.get('/api/working-group-roles');
  }

  playbooks(category?: string): Promise<Page<PlaybookSummary>> {
    return this.get('/api/playbooks', { category });
  }

  playbook(id: string): Promise<PlaybookDetail> {
    return this.get(`/api/playbooks/${id}`);
  }

  search(q: string, kind?: 'playbook' | 'incident'): Promise<SearchResult> {
    return this.get('/api/search', { q, kind, limit: 20 });
  }

  playbookSuggestions(incidentId: string): Promise<PlaybookSuggestions> {
    return this.get(`/api/incidents/${incidentId}/playbook-suggestions`);
  }

  appliedPlaybook(incidentId: string): Promise<AppliedPlaybook | null> {
    return this.get(`/api/incidents/${incidentId}/playbook`);
  }

  applyPlaybook(incidentId: string, playbookId: string): Promise<PlaybookApplication> {
    return this.post(`/api/incidents/${incidentId}/playbooks/${playbookId}/apply`);
  }

  report(incidentId: string): Promise<ReviewReport> {
    return this.get(`/api/incidents/${incidentId}/report`, { format: 'json' });
  }

  reportPdf(incidentId: string): Promise<Blob> {
    return this.blob(`/api/incidents/${incidentId}/report`, { format: 'pdf' });
  }

  /** The review report as an official document: PDF (issued) or DOCX (to edit in Word). */
  reportDocument(incidentId: string, format: 'pdf' | 'docx'): Promise<Blob> {
    return this.blob(`/api/incidents/${incidentId}/report`, { format });
  }

  /** A statement version as an official document (Nghị định 30/2020/NĐ-CP). */
  versionDocument(id: string, n: number, format: 'pdf' | 'docx'): Promise<Blob> {
    return this.blob(`/api/statements/${id}/versions/${n}/document`, { format });
  }
}

function queryString(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** A list route's items, whether it answers `{ items }` or a bare array. */
export function itemsOf<T>(page: T[] | Page<T>): T[] {
  return Array.isArray(page) ? page : page.items;
}
