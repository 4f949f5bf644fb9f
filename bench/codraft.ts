/**
 * npm run bench:codraft — real-time co-drafting of a statement (Yjs over socket.io) through the real gateway,
 * against a bare socket.io relay.
 *
 * 1. PostgreSQL: DATABASE_URL's server (a fresh database, dropped at the end) or an embedded one in a temporary
 *    directory. Accounts are written straight into it: one admin, the editors (officers of another unit whose
 *    people hold an accepted `drafter` role in the incident's working group: they see the incident only through
 *    it) and the viewers (leaders of the responsible unit). Access tokens are signed with the service's JWT
 *    secret, as a login would. The incident and each scenario's statement are created over HTTP by the admin.
 * 2. Scenarios (BENCH_SCENARIOS): typical = 5 editors + 50 viewers, stress = 20 editors + 200 viewers. Each editor
 *    types BENCH_RATE updates per second into the Y.Text `body` (a character or a short word at a random
 *    position; one in ten a replacement: a few characters deleted and one typed in the same transaction, so that
 *    every update carries new content) for BENCH_WARMUP_SECONDS (not measured) then BENCH_SECONDS.
 * 3. Real (service in a child process, bench/codraft-node.ts app): every client connects to /rooms with its token,
 *    `statement:open`s the statement (its own Y.Doc, synced both ways) and the editors type. Latency = from the
 *    editor's local change (the update being sent) to each other client having applied it: one clock, every
 *    client lives in this process. Each update is one (clientID, clock range); a receiver has it when its
 *    document's state for that clientID reaches the end of the range, whatever merged push brought it. One
 *    sample per (update, receiving client). At the end: every ack awaited, propagation settled, then the checks:
 *    every replica's body identical; a fresh client on the running service gets the same; the document decoded
 *    from statement_doc_snapshots + statement_doc_updates is the same and holds every editor's last clock; the
 *    update counts of those tables against the updates acknowledged; and a fresh client on a restarted service
 *    gets the same body again.
 * 4. Bare (bench/codraft-node.ts bare): a plain socket.io server that rebroadcasts `yjs:sync` to the others of
 *    the room and acks at once (no auth, no document, no persistence); same clients, same typing, same clock.
 * Memory per open statement: the server's heap + external memory (after GC) with the statement open and typed
 * into vs before it was opened (clients already connected), and the size of Y.encodeStateAsUpdate at the end.
 *
 * Knobs: BENCH_SECONDS (60), BENCH_RATE (5), BENCH_SCENARIOS (typical,stress), BENCH_MODES (real,bare),
 * BENCH_WARMUP_SECONDS (2), BENCH_DRAIN_MS (15000: the end waits while something still arrives, until this long
 * without progress), BENCH_SETTLE_MAX_MS (180000: at most this long), BENCH_ACK_TIMEOUT_MS (60000),
 * BENCH_NODE_ARGS (extra node flags for the servers).
 *
 * Output ends with one JSON line:
 * {"bench":"codraft","typical":{"p99Ms":N,"bareP99Ms":N},"stress":{"editors":N,"viewers":N,"p50Ms":N,"p99Ms":N,
 *  "bareP99Ms":N},"converged":true,"updatesSent":N,"updatesPersisted":N,"bytesPerStatement":N}
 * (updatesSent / updatesPersisted: both scenarios' real runs; converged: every check of the real runs passed (the
 * bare runs' checks are printed, they only say whether the bare figures hold); bytesPerStatement:
 * the largest Y.encodeStateAsUpdate of the real runs' documents.)
 */
import { JwtService } from '@nestjs/jwt';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { freePort } from '../src/database/embedded-database.js';
import { ROOMS_NAMESPACE } from '../src/rooms/rooms.events.js';
import { sql, startBenchDatabase } from './support/bench-database.js';
import type { BenchDatabase } from './support/bench-database.js';
import { CodraftClient } from './support/codraft-client.js';

const env = (name: string, fallback: number, allowZero = false) => {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || (n === 0 && !allowZero)) {
    throw new Error(`${name} phải là số dương (nhận "${v}")`);
  }
  return n;
};

const SECONDS = env('BENCH_SECONDS', 60);
const RATE = env('BENCH_RATE', 5);
const WARMUP_SECONDS = env('BENCH_WARMUP_SECONDS', 2, true);
const DRAIN_MS = env('BENCH_DRAIN_MS', 15_000);
const SETTLE_MAX_MS = env('BENCH_SETTLE_MAX_MS', 180_000);
const ACK_TIMEOUT_MS = env('BENCH_ACK_TIMEOUT_MS', 60_000);
const SCENARIO_DEFS = {
  typical: { editors: 5, viewers: 50 },
  stress: { editors: 20, viewers: 200 },
} as const;
type ScenarioName = keyof typeof SCENARIO_DEFS;
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? 'typical,stress').split(',').map((s) => s.trim());
for (const s of SCENARIOS) {
  if (!(s in SCENARIO_DEFS)) throw new Error(`BENCH_SCENARIOS: không có kịch bản "${s}" (typical, stress)`);
}
const MODES = (process.env.BENCH_MODES ?? 'real,bare').split(',').map((s) => s.trim());
const HERE = import.meta.dirname;
const JWT_SECRET = randomBytes(32).toString('hex');

const log = (...args: unknown[]) => console.log(...args);
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const num = (n: number | null | undefined) =>
  n !== null && n !== undefined && Number.isFinite(n) ? round(n) : null;

// ---- database -------------------------------------------------------------------------------------------

interface Account {
  id: string;
  token: string;
}

interface Accounts {
  admin: Account;
  editors: (Account & { personId: string })[];
  viewers: Account[];
  unitId: string;
}

const maxOf = (key: 'editors' | 'viewers') =>
  Math.max(...SCENARIOS.map((s) => SCENARIO_DEFS[s as ScenarioName][key]));

/** The responsible unit with its leaders (viewers), another unit with the editors' people, one admin. */
async function seedAccounts(url: string): Promise<Accounts> {
  const tag = randomBytes(3).toString('hex');
  const units = await sql<{ id: string; code: string }>(
    url,
    `INSERT INTO org_units (code, name, unit_type, valid_from)
     VALUES ($1, 'Sở Y tế (thử tải)', 'department', '2020-01-01'),
            ($2, 'Sở Thông tin và Truyền thông (thử tải)', 'department', '2020-01-01')
     RETURNING id, code`,
    [`BENCH-${tag}-A`, `BENCH-${tag}-B`],
  );
  const unitId = units.find((u) => u.code.endsWith('-A'))!.id;
  const editorUnitId = units.find((u) => u.code.endsWith('-B'))!.id;
  const people = async (unit: string, count: number, role: string, prefix: string) =>
    sql<{ id: string; email: string; roles: string; person_id: string }>(
      url,
      `WITH p AS (
         INSERT INTO people (full_name, position, org_unit_id)
         SELECT $4 || ' ' || g, 'Chuyên viên', $1 FROM generate_series(1, $2) g RETURNING id
       ), numbered AS (SELECT id, row_number() OVER () AS n FROM p)
       INSERT INTO users (email, display_name, password_hash, roles, person_id)
       SELECT $3 || n || '@codraft.ungpho.vn', $4 || ' ' || n, 'không-đăng-nhập', ARRAY[$5]::user_role[], id
         FROM numbered
       RETURNING id, email, roles::text AS roles, person_id`,
      [unit, count, `${role}-${tag}-`, prefix, role],
    );
  const viewers = await people(unitId, maxOf('viewers'), 'leader', 'Lãnh đạo thử tải');
  const editors = await people(editorUnitId, maxOf('editors'), 'officer', 'Chuyên viên soạn thảo thử tải');
  const [admin] = await sql<{ id: string; email: string; roles: string }>(
    url,
    `INSERT INTO users (email, display_name, password_hash, roles)
     VALUES ($1, 'Quản trị thử tải', 'không-đăng-nhập', '{admin}') RETURNING id, email, roles::text AS roles`,
    [`admin-${tag}@codraft.ungpho.vn`],
  );
  const jwt = new JwtService({ secret: JWT_SECRET, signOptions: { issuer: 'ungpho', algorithm: 'HS256' } });
  const sign = (u: { id: string; email: string; roles: string }) =>
    jwt.sign(
      { sub: u.id, email: u.email, roles: u.roles.replace(/[{}]/g, '').split(','), typ: 'access' },
      { expiresIn: 6 * 3600 },
    );
  return {
    unitId,
    admin: { id: admin.id, token: sign(admin) },
    editors: editors.map((u) => ({ id: u.id, token: sign(u), personId: u.person_id })),
    viewers: viewers.map((u) => ({ id: u.id, token: sign(u) })),
  };
}

/** The editors' people as accepted drafters of the incident's working group. */
async function seedWorkingGroup(url: string, incidentId: string, personIds: string[]) {
  await sql(
    url,
    `INSERT INTO working_groups (incident_id, activated_at, assembled_at) VALUES ($1, now(), now())
     ON CONFLICT (incident_id) DO NOTHING`,
    [incidentId],
  );
  await sql(
    url,
    `INSERT INTO working_group_members
       (incident_id, role, person_id, status, reason, pick, invited_at, ack_due_at, responded_at, ack_seconds,
        assumed_at)
     SELECT $1, 'drafter', p, 'accepted', 'Thử tải đồng soạn thảo', $3::jsonb, now(), now() + interval '1 hour',
            now(), 0, now()
       FROM unnest($2::uuid[]) p`,
    [
      incidentId,
      personIds,
      JSON.stringify({
        ruleId: null,
        ruleKey: null,
        ruleVersion: null,
        rank: 1,
        source: 'bench',
        load: 0,
        distance: null,
      }),
    ],
  );
}

async function http<T>(baseUrl: string, token: string, route: string, body: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  if (res.status !== 201) throw new Error(`POST ${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface StoredDoc {
  /** Why nothing could be read (tables or columns missing). */
  missing: string | null;
  rows: number;
  /** Sum of update_count over the rows after the snapshot; null when the column is missing. */
  rowUpdates: number | null;
  snapshot: { updateCount: number | null; lastUpdateId: string; bytes: number } | null;
  /** Client updates stored: the snapshot's count + the rows after it (null without update_count). */
  updates: number | null;
  /** The document decoded from the snapshot and every row. */
  doc: Y.Doc | null;
}

async function readStoredDoc(url: string, statementId: string): Promise<StoredDoc> {
  const cols = await sql<{ table_name: string; column_name: string }>(
    url,
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name IN ('statement_doc_updates', 'statement_doc_snapshots')`,
  );
  const has = (t: string, c: string) => cols.some((r) => r.table_name === t && r.column_name === c);
  if (!has('statement_doc_updates', 'data')) {
    return {
      missing: 'không có bảng statement_doc_updates(data)',
      rows: 0,
      rowUpdates: null,
      snapshot: null,
      updates: null,
      doc: null,
    };
  }
  const withCount = has('statement_doc_updates', 'update_count');
  const hasSnapshots = has('statement_doc_snapshots', 'state');
  const snapCount = has('statement_doc_snapshots', 'update_count');
  const doc = new Y.Doc();
  let snapshot: StoredDoc['snapshot'] = null;
  if (hasSnapshots) {
    const [s] = await sql<{ state: Buffer; last_update_id: string; update_count: number | null }>(
      url,
      `SELECT state, last_update_id::text AS last_update_id, ${snapCount ? 'update_count' : 'NULL::int AS update_count'}
         FROM statement_doc_snapshots WHERE statement_id = $1`,
      [statementId],
    );
    if (s) {
      Y.applyUpdate(doc, new Uint8Array(s.state));
      snapshot = { updateCount: s.update_count, lastUpdateId: s.last_update_id, bytes: s.state.length };
    }
  }
  const rows = await sql<{ id: string; data: Buffer; update_count: number | null }>(
    url,
    `SELECT id::text AS id, data, ${withCount ? 'update_count' : 'NULL::int AS update_count'}
       FROM statement_doc_updates WHERE statement_id = $1 ORDER BY id`,
    [statementId],
  );
  // Rows the snapshot already holds (if compaction keeps them) apply again harmlessly but are not counted twice.
  const after = rows.filter((r) => !snapshot || BigInt(r.id) > BigInt(snapshot.lastUpdateId));
  for (const r of rows) Y.applyUpdate(doc, new Uint8Array(r.data));
  const rowUpdates = withCount ? after.reduce((a, r) => a + (r.update_count ?? 0), 0) : null;
  const snapUpdates = snapshot ? snapshot.updateCount : 0;
  return {
    missing: withCount ? null : 'không có cột statement_doc_updates.update_count: chỉ đếm hàng',
    rows: after.length,
    rowUpdates,
    snapshot,
    updates: rowUpdates !== null && snapUpdates !== null ? snapUpdates + rowUpdates : null,
    doc,
  };
}

// ---- servers --------------------------------------------------------------------------------------------

interface ServerStats extends NodeJS.MemoryUsage {
  cpu: NodeJS.CpuUsage;
}

interface Node {
  url: string;
  child: ChildProcess;
  /** Memory after a forced GC (and CPU time): not while measuring latency. */
  stats(): Promise<ServerStats>;
  /** CPU time so far, no GC. */
  cpu(): Promise<NodeJS.CpuUsage>;
  /** Lines ADAPTER_WARNING printed so far. */
  adapterWarnings(): number;
  stop(): Promise<void>;
}

const started = new Set<Node>();
const ADAPTER_WARNING = 'this adapter does not support the serverSideEmit() functionality';

async function startNode(mode: 'app' | 'bare', extraEnv: Record<string, string> = {}): Promise<Node> {
  const script = path.join(HERE, 'codraft-node.js');
  if (!existsSync(script)) throw new Error(`Không thấy ${script}: chạy npm run build trước`);
  const port = await freePort();
  const child = fork(script, [mode], {
    execArgv: ['--expose-gc', ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)],
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      JWT_SECRET,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '1000000',
      ...extraEnv,
    },
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  // The server's stderr, but one known line (socket.io's in-memory adapter, on each serverSideEmit) only counted.
  let adapterWarnings = 0;
  createInterface({ input: child.stderr! }).on('line', (line) => {
    if (line === ADAPTER_WARNING) adapterWarnings++;
    else process.stderr.write(`${line}\n`);
  });
  const ask = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.off('message', onMessage);
        reject(new Error(`máy chủ không trả lời yêu cầu ${type}`));
      }, 30_000);
      const onMessage = (m: { type?: string }) => {
        if (m?.type !== type) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(m as T);
      };
      child.on('message', onMessage);
      child.send({ type });
    });
  const node: Node = {
    url: `http://127.0.0.1:${port}`,
    child,
    adapterWarnings: () => adapterWarnings,
    stats: () => ask<ServerStats>('memory'),
    cpu: async () => (await ask<{ cpu: NodeJS.CpuUsage }>('cpu')).cpu,
    stop: async () => {
      started.delete(node);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
  started.add(node);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`máy chủ ${mode} không sẵn sàng sau 120 s`)), 120_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`máy chủ ${mode} đã dừng (mã ${code})`));
    });
    child.on('message', (m: { type?: string }) => {
      if (m?.type !== 'ready') return;
      clearTimeout(timer);
      resolve();
    });
  }).catch(async (e) => {
    await node.stop();
    throw e;
  });
  child.removeAllListeners('exit');
  return node;
}

// ---- clients --------------------------------------------------------------------------------------------

/** `auth`: the access token (service), or `{ editor }` for the bare relay's canEdit. */
function connect(url: string, auth: { token: string } | { editor: boolean }): Promise<Socket> {
  const socket = io(`${url}${ROOMS_NAMESPACE}`, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 30_000,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e: Error & { data?: unknown }) => {
      socket.close();
      reject(new Error(`connect: ${e.message} ${JSON.stringify(e.data ?? '')}`));
    });
  });
}

async function inBatches<T, R>(items: T[], size: number, fn: (item: T, index: number) => Promise<R>) {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(...(await Promise.all(items.slice(i, i + size).map((item, j) => fn(item, i + j)))));
  }
  return out;
}

const LETTERS = 'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạếềểễệóòỏõọ ';
const WORDS = [
  ' và',
  ' các',
  ' thông tin',
  ' sự cố',
  ' đã',
  ' được',
  ' xử lý',
  ' kịp thời',
  ' người dân',
  ' UBND tỉnh',
  '.',
  ',',
  ' theo quy định',
];

/** One keystroke: a character or a short word at a random position; one in ten a replacement. */
function typeOnce(client: CodraftClient) {
  const body = client.body;
  const letter = () => LETTERS[Math.floor(Math.random() * LETTERS.length)];
  client.edit(() => {
    const len = body.length;
    const pos = Math.floor(Math.random() * (len + 1));
    const r = Math.random();
    if (r < 0.1 && len > 10) {
      const at = Math.min(pos, len - 1);
      body.delete(at, Math.min(1 + Math.floor(Math.random() * 5), len - at));
      body.insert(at, letter());
    } else if (r < 0.55) {
      body.insert(pos, letter());
    } else {
      body.insert(pos, WORDS[Math.floor(Math.random() * WORDS.length)]);
    }
  });
}

function percentile(sorted: Float64Array, p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

// ---- one run --------------------------------------------------------------------------------------------

interface Check {
  name: string;
  ok: boolean;
  detail: string;
  /** A check of the bare relay's run (the bench's own sanity, not the service's). */
  bare?: boolean;
}

interface RunResult {
  mode: 'real' | 'bare';
  scenario: ScenarioName;
  editors: number;
  viewers: number;
  seconds: number;
  measuredUpdates: number;
  expected: number;
  received: number;
  latencies: Float64Array;
  ackLatencies: Float64Array;
  sent: number;
  acked: number;
  ackedNotPersisted: number;
  refused: Map<string, { count: number; message: string }>;
  failed: number;
  failures: string[];
  applyErrors: string[];
  pushesPerClient: number;
  divergent: number;
  body: string;
  bodyLength: number;
  bytesPerStatement: number;
  memOpenBytes: number | null;
  memEndBytes: number | null;
  serverCpuPct: number | null;
  benchCpuPct: number;
  loopDelayP99Ms: number;
  /** The bench process's GC pauses while measuring. */
  gcTotalMs: number;
  gcMaxMs: number;
  /** The machine's 1-minute load average at the end of the typing (other work on it shows here). */
  loadAverage: number;
  /** ADAPTER_WARNING lines the server printed during the run. */
  adapterWarnings: number;
  checks: Check[];
  /** Every editor's own clock at the end: what any complete replica must hold. */
  targets: Map<number, number>;
}

async function run(
  mode: 'real' | 'bare',
  scenario: ScenarioName,
  node: Node,
  accounts: Accounts,
  statementId: string,
): Promise<RunResult> {
  const { editors: E, viewers: V } = SCENARIO_DEFS[scenario];
  log(
    `\n== ${scenario} · ${mode === 'real' ? 'cổng thật' : 'socket.io trần'}: ${E} người soạn, ${V} người xem, ` +
      `${RATE} cập nhật/giây/người soạn, ${WARMUP_SECONDS} s khởi động + ${SECONDS} s đo`,
  );
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, detail = '') => checks.push({ name, ok, detail });
  const t0 = performance.now();
  const people = [
    ...accounts.editors.slice(0, E).map((a) => ({ ...a, editor: true })),
    ...accounts.viewers.slice(0, V).map((a) => ({ ...a, editor: false })),
  ];
  const sockets = await inBatches(people, 50, (p) =>
    connect(node.url, mode === 'real' ? { token: p.token } : { editor: p.editor }),
  );
  const before = await node.stats();
  const warningsBefore = node.adapterWarnings();
  const clients = sockets.map((s) => new CodraftClient(s, statementId, ACK_TIMEOUT_MS));
  const opened = await inBatches(clients, 50, (c) => c.open());
  log(`   ${clients.length} máy khách đã mở văn bản sau ${round((performance.now() - t0) / 1000)} s`);
  const afterOpen = await node.stats();
  if (mode === 'real') {
    const wrong = opened.filter((o, i) => o.canEdit !== people[i].editor).length;
    check(
      'quyền sửa (canEdit) đúng vai trò',
      wrong === 0,
      wrong ? `${wrong} máy khách có canEdit sai` : `${E} được sửa, ${V} chỉ xem`,
    );
    const draft = opened.every((o) => o.status === 'draft');
    check('văn bản ở trạng thái draft', draft, draft ? '' : opened.map((o) => o.status).join(','));
  }
  const editors = clients.slice(0, E);
  // Distinct clientIDs among the editors and from those already in the document (random 32-bit ones could
  // collide); nothing was written locally yet, so the ID may still change.
  const ids = new Set<number>(editors[0]?.doc.store.clients.keys() ?? []);
  for (const c of editors) {
    while (ids.has(c.doc.clientID)) c.doc.clientID = Math.floor(Math.random() * 2 ** 31);
    ids.add(c.doc.clientID);
  }

  // ---- latency bookkeeping: per editor the end clock and send time of each update; per receiver a cursor.
  const perEditor = Math.round((WARMUP_SECONDS + SECONDS) * RATE);
  const warmupOps = Math.round(WARMUP_SECONDS * RATE);
  const measuredUpdates = (perEditor - warmupOps) * E;
  const expected = measuredUpdates * (clients.length - 1);
  const latencies = new Float64Array(expected);
  let received = 0;
  let untracked = 0;
  const tracks = editors.map((c) => ({
    clientID: c.doc.clientID,
    ends: [] as number[],
    times: [] as number[],
    measured: [] as boolean[],
    measuring: false,
  }));
  editors.forEach((c, k) => {
    const track = tracks[k];
    c.onLocalUpdate = () => {
      const end = Y.getState(c.doc.store, c.doc.clientID);
      const last = track.ends.length ? track.ends[track.ends.length - 1] : 0;
      if (end <= last) {
        untracked++; // a change without new content (cannot be told apart at the receivers)
        return;
      }
      track.ends.push(end);
      track.times.push(performance.now());
      track.measured.push(track.measuring);
    };
  });
  clients.forEach((c, i) => {
    const cursor = new Int32Array(E);
    c.onRemoteApplied = () => {
      const now = performance.now();
      for (let k = 0; k < E; k++) {
        if (k === i) continue;
        const t = tracks[k];
        if (cursor[k] >= t.ends.length) continue;
        const state = Y.getState(c.doc.store, t.clientID);
        let j = cursor[k];
        while (j < t.ends.length && t.ends[j] <= state) {
          if (t.measured[j] && received < expected) latencies[received++] = now - t.times[j];
          j++;
        }
        cursor[k] = j;
      }
    };
  });

  // ---- typing: each editor on its own schedule (random phase), RATE per second.
  for (const c of clients) c.received = 0; // pushes of the typing only (not the opens)
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const period = 1000 / RATE;
  const typingStart = performance.now() + 200;
  const measureStart = typingStart + warmupOps * period;
  let cpuStart = process.cpuUsage();
  let serverCpuStart = null as NodeJS.CpuUsage | null;
  let measureT0 = 0;
  // The bench's own GC pauses while measuring (they delay the receipt of updates like any other work here).
  const gc = { total: 0, max: 0, on: false };
  const gcObserver = new PerformanceObserver((list) => {
    if (!gc.on) return;
    for (const e of list.getEntries()) {
      gc.total += e.duration;
      gc.max = Math.max(gc.max, e.duration);
    }
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  const startMeasure = async () => {
    await sleep(Math.max(0, measureStart - performance.now()));
    cpuStart = process.cpuUsage();
    measureT0 = performance.now();
    loop.enable();
    gc.on = true;
    serverCpuStart = await node.cpu();
  };
  const measureTask = startMeasure();
  await Promise.all(
    editors.map(async (c, k) => {
      const phase = Math.random() * period;
      for (let i = 0; i < perEditor; i++) {
        const due = typingStart + phase + i * period;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        if (i === warmupOps) tracks[k].measuring = c.measureAcks = true;
        typeOnce(c);
      }
    }),
  );
  await measureTask;
  const typingEnd = performance.now();
  const cpuUsed = process.cpuUsage(cpuStart);
  loop.disable();
  gc.on = false;
  gcObserver.disconnect();
  const load = loadavg()[0];
  const serverCpuEnd = await node.cpu();
  const elapsed = typingEnd - measureT0;
  const benchCpuPct = ((cpuUsed.user + cpuUsed.system) / 1000 / elapsed) * 100;
  const serverCpuPct = serverCpuStart
    ? ((serverCpuEnd.user - serverCpuStart.user + serverCpuEnd.system - serverCpuStart.system) /
        1000 /
        elapsed) *
      100
    : null;

  // ---- settle: every ack, and every replica at every editor's last clock. Waits as long as something still
  // arrives (a saturated bench catches up late), at most BENCH_SETTLE_MAX_MS.
  const targets = new Map(editors.map((c) => [c.doc.clientID, Y.getState(c.doc.store, c.doc.clientID)]));
  const complete = (c: CodraftClient) =>
    [...targets].every(([id, clock]) => Y.getState(c.doc.store, id) >= clock);
  const pendingAcks = () => editors.reduce((a, c) => a + c.pending, 0);
  const progress = () => received + clients.reduce((a, c) => a + c.received, 0) - pendingAcks();
  const settled = () => pendingAcks() === 0 && clients.every(complete);
  const hardDeadline = performance.now() + SETTLE_MAX_MS;
  let lastProgress = progress();
  let lastChange = performance.now();
  while (!settled() && performance.now() < hardDeadline && performance.now() - lastChange < DRAIN_MS) {
    await sleep(20);
    const p = progress();
    if (p !== lastProgress) {
      lastProgress = p;
      lastChange = performance.now();
    }
  }
  const flushed = editors.map((c) => c.pending === 0);
  await sleep(200);
  const settleMs = performance.now() - typingEnd;
  const afterEnd = await node.stats();

  const stampedMeasured = tracks.reduce((a, t) => a + t.measured.filter(Boolean).length, 0);
  const expectedStamped = stampedMeasured * (clients.length - 1);
  const sum = (f: (c: CodraftClient) => number) => editors.reduce((a, c) => a + f(c), 0);
  const refused = new Map<string, { count: number; message: string }>();
  for (const c of editors) {
    for (const [code, r] of c.refused) {
      const prev = refused.get(code);
      if (prev) prev.count += r.count;
      else refused.set(code, { ...r });
    }
  }
  const sent = sum((c) => c.sent);
  const acked = sum((c) => c.acked);
  const ackedNotPersisted = sum((c) => c.ackedNotPersisted);
  const failed = sum((c) => c.failed);
  const failures = editors.flatMap((c) => c.failures).slice(0, 5);
  const applyErrors = clients.flatMap((c) => c.applyErrors).slice(0, 5);
  const incomplete = clients.filter((c) => !complete(c)).length;
  const body = editors[0].body.toString();
  const divergent = clients.filter((c) => c.body.toString() !== body).length;
  const bytesPerStatement = Y.encodeStateAsUpdate(editors[0].doc).byteLength;

  check(
    'mọi cập nhật được trả lời',
    flushed.every(Boolean) && failed === 0,
    `${sum((c) => c.pending)} còn chờ, ${failed} không trả lời${failures.length ? ` (${failures[0]})` : ''}`,
  );
  check(
    'không cập nhật nào bị từ chối',
    refused.size === 0,
    [...refused].map(([k, r]) => `${k}×${r.count}`).join(', '),
  );
  if (mode === 'real') {
    check(
      'mọi cập nhật được xác nhận đã lưu',
      acked === sent,
      `${acked}/${sent} persisted:true, ${ackedNotPersisted} ok nhưng persisted:false`,
    );
  }
  check('không lỗi áp dụng cập nhật', applyErrors.length === 0, applyErrors.join('; '));
  check(
    'mọi bản sao đủ mọi cập nhật',
    incomplete === 0,
    `${incomplete} bản sao thiếu sau ${round(settleMs / 1000)} s`,
  );
  check(
    'mọi bản sao hội tụ (body giống nhau)',
    divergent === 0,
    `${divergent}/${clients.length} khác bản của người soạn 1`,
  );
  check(
    'mọi mẫu độ trễ nhận đủ',
    received === expectedStamped,
    `${received}/${expectedStamped}${untracked ? `, ${untracked} cập nhật không theo dõi được` : ''}`,
  );

  const adapterWarnings = node.adapterWarnings() - warningsBefore;
  for (const s of sockets) s.close();
  await sleep(300);
  const heap = (m: ServerStats) => m.heapUsed + m.external;
  return {
    mode,
    scenario,
    editors: E,
    viewers: V,
    seconds: SECONDS,
    measuredUpdates: stampedMeasured,
    expected: expectedStamped,
    received,
    latencies: latencies.slice(0, received).sort(),
    ackLatencies: Float64Array.from(editors.flatMap((c) => c.ackLatencies)).sort(),
    sent,
    acked,
    ackedNotPersisted,
    refused,
    failed,
    failures,
    applyErrors,
    pushesPerClient: clients.slice(E).reduce((a, c) => a + c.received, 0) / Math.max(1, V),
    divergent,
    body,
    bodyLength: body.length,
    bytesPerStatement,
    memOpenBytes: heap(afterOpen) - heap(before),
    memEndBytes: heap(afterEnd) - heap(before),
    serverCpuPct,
    benchCpuPct,
    loopDelayP99Ms: loop.percentile(99) / 1e6,
    gcTotalMs: gc.total,
    gcMaxMs: gc.max,
    loadAverage: load,
    adapterWarnings,
    checks,
    targets,
  };
}

/** A new client (its own Y.Doc) opens the statement: what the server holds now. */
async function freshBody(node: Node, token: string, statementId: string) {
  const socket = await connect(node.url, { token });
  try {
    const c = new CodraftClient(socket, statementId, ACK_TIMEOUT_MS);
    await c.open();
    return c.doc;
  } finally {
    socket.close();
  }
}

const holdsAll = (doc: Y.Doc, targets: Map<number, number>) =>
  [...targets].filter(([id, clock]) => Y.getState(doc.store, id) < clock).length;

function reportRun(r: RunResult) {
  const p = (n: number) => round(percentile(r.latencies, n));
  const a = (n: number) => round(percentile(r.ackLatencies, n));
  log(
    `   độ trễ lan truyền: p50 ${p(50)} ms · p95 ${p(95)} ms · p99 ${p(99)} ms · max ${p(100)} ms ` +
      `(${r.received}/${r.expected} mẫu, ${r.measuredUpdates} cập nhật đo)`,
  );
  log(`   gửi → ack: p50 ${a(50)} ms · p99 ${a(99)} ms`);
  const refused = [...r.refused].map(([k, v]) => `${k}×${v.count} (${v.message})`).join(', ');
  log(
    `   cập nhật: gửi ${r.sent}, ack đã lưu ${r.acked}, ack chưa lưu ${r.ackedNotPersisted}, ` +
      `từ chối ${refused || 0}, không trả lời ${r.failed}`,
  );
  log(
    `   văn bản: ${r.bodyLength} ký tự, trạng thái Yjs ${r.bytesPerStatement} B · tin đẩy/người xem ` +
      `${round(r.pushesPerClient, 0)} (${round(r.sent / Math.max(1, r.pushesPerClient), 2)} cập nhật/tin)`,
  );
  const kb = (n: number | null) => (n === null ? '-' : `${round(n / 1024)} KiB`);
  log(
    `   bộ nhớ máy chủ (heap+external) so với trước khi mở: sau khi mở ${kb(r.memOpenBytes)}, ` +
      `cuối lượt ${kb(r.memEndBytes)}`,
  );
  log(
    `   CPU: máy chủ ${r.serverCpuPct === null ? '-' : round(r.serverCpuPct)}%, tiến trình đo ${round(r.benchCpuPct)}% ` +
      `(độ trễ vòng sự kiện p99 ${round(r.loopDelayP99Ms)} ms, GC ${round(r.gcTotalMs / 1000, 2)} s, dài nhất ${round(r.gcMaxMs)} ms) · tải máy ${round(r.loadAverage, 2)} trên ${cpus().length} lõi`,
  );
  if (r.adapterWarnings) {
    log(`   ! máy chủ in ${r.adapterWarnings} lần ra stderr: "${ADAPTER_WARNING}" (không in lại ở đây)`);
  }
  if (r.benchCpuPct > 85 || r.loopDelayP99Ms > 50) {
    log(
      '   ! tiến trình đo (mọi máy khách, một luồng) gần bão hòa: độ trễ đo được gồm cả hàng đợi phía máy khách',
    );
  }
}

function reportChecks(checks: Check[]) {
  for (const c of checks) log(`   ${c.ok ? '✓' : '✗'} ${c.name}${c.detail ? `: ${c.detail}` : ''}`);
}

// ---- main -----------------------------------------------------------------------------------------------

let db: BenchDatabase | null = null;

async function cleanup() {
  await Promise.all([...started].map((n) => n.stop().catch(() => undefined)));
  await db?.stop().catch(() => undefined);
  db = null;
}

async function main() {
  log(
    `bench:codraft — node ${process.version}, ${cpus().length} lõi ${cpus()[0]?.model ?? ''}, ${round(totalmem() / 2 ** 30)} GiB`,
  );
  const wantReal = MODES.includes('real');
  const wantBare = MODES.includes('bare');
  let accounts: Accounts;
  let incidentId = '';
  let dbUrl = '';
  const spawnApp = () => startNode('app', { DATABASE_URL: dbUrl });
  if (wantReal) {
    db = await startBenchDatabase('ungpho_codraft', { log });
    dbUrl = db.url;
    // The first service start migrates the fresh database.
    const app = await spawnApp();
    accounts = await seedAccounts(dbUrl);
    incidentId = (
      await http<{ id: string }>(app.url, accounts.admin.token, '/api/incidents', {
        title: 'Thử tải đồng soạn thảo thông cáo',
        category: 'policy_backlash',
        severity: 'L2',
        responsibleOrgUnitId: accounts.unitId,
      })
    ).id;
    await seedWorkingGroup(
      dbUrl,
      incidentId,
      accounts.editors.map((e) => e.personId),
    );
    await app.stop();
  } else {
    // The bare relay asks for no account.
    const none = (n: number) => Array.from({ length: n }, () => ({ id: '', token: '', personId: '' }));
    accounts = {
      admin: none(1)[0],
      editors: none(maxOf('editors')),
      viewers: none(maxOf('viewers')),
      unitId: '',
    };
  }

  const results: {
    scenario: ScenarioName;
    real: RunResult | null;
    bare: RunResult | null;
    checks: Check[];
  }[] = [];
  for (const scenario of SCENARIOS as ScenarioName[]) {
    const checks: Check[] = [];
    let real: RunResult | null = null;
    if (wantReal) {
      let app = await spawnApp();
      const statement = await http<{ id: string; status: string }>(
        app.url,
        accounts.admin.token,
        `/api/incidents/${incidentId}/statements`,
        { type: 'press_release', title: 'Thông cáo báo chí (thử tải)' },
      );
      const initial = await readStoredDoc(dbUrl, statement.id);
      real = await run('real', scenario, app, accounts, statement.id);
      reportRun(real);
      checks.push(...real.checks);

      // A viewer: it sends no step 2 when opening, so it adds nothing to the stored updates.
      const live = await freshBody(app, accounts.viewers[0].token, statement.id);
      const liveBody = live.getText('body').toString();
      checks.push({
        name: 'máy khách mới trên máy chủ đang chạy thấy đúng văn bản',
        ok: liveBody === real.body && holdsAll(live, real.targets) === 0,
        detail: liveBody === real.body ? '' : `${liveBody.length} ký tự, các bản sao ${real.body.length}`,
      });
      await app.stop();

      const stored = await readStoredDoc(dbUrl, statement.id);
      if (stored.doc) {
        const storedBody = stored.doc.getText('body').toString();
        const lacking = holdsAll(stored.doc, real.targets);
        checks.push({
          name: 'văn bản giải mã từ CSDL (snapshot + updates) giống các bản sao',
          ok: storedBody === real.body && lacking === 0,
          detail:
            `${storedBody.length} ký tự` +
            (lacking ? `, thiếu cập nhật của ${lacking} người soạn` : '') +
            (storedBody === real.body ? '' : `, các bản sao ${real.body.length} ký tự`),
        });
      }
      const stepTwos = real.editors; // each editor's step 2 when it opened (empty: the replicas were new)
      const delta =
        stored.updates !== null && initial.updates !== null ? stored.updates - initial.updates : null;
      log(
        `   CSDL: ${stored.rows} hàng statement_doc_updates sau snapshot` +
          (stored.rowUpdates !== null ? ` (tổng update_count ${stored.rowUpdates})` : '') +
          (stored.snapshot
            ? `, snapshot ${stored.snapshot.bytes} B gộp ${stored.snapshot.updateCount ?? '?'} cập nhật (đến hàng ${stored.snapshot.lastUpdateId})`
            : ', chưa có snapshot') +
          (initial.updates ? `; trước lượt đã có ${initial.updates}` : '') +
          (stored.missing ? ` — ${stored.missing}` : ''),
      );
      if (delta !== null) {
        checks.push({
          name: 'số cập nhật lưu trong CSDL khớp số đã xác nhận',
          ok: delta === real.acked || delta === real.acked + stepTwos,
          detail:
            `${delta} trong CSDL, ${real.acked} đã xác nhận` +
            (delta === real.acked + stepTwos ? ` (+${stepTwos}: bước 2 lúc mở của mỗi người soạn)` : ''),
        });
      }

      app = await spawnApp();
      const restarted = await freshBody(app, accounts.viewers[0].token, statement.id);
      const restartedBody = restarted.getText('body').toString();
      checks.push({
        name: 'sau khi khởi động lại máy chủ, máy khách mới thấy đúng văn bản',
        ok: restartedBody === real.body && holdsAll(restarted, real.targets) === 0,
        detail:
          restartedBody === real.body ? '' : `${restartedBody.length} ký tự, các bản sao ${real.body.length}`,
      });
      await app.stop();
    }
    let bare: RunResult | null = null;
    if (wantBare) {
      const node = await startNode('bare');
      bare = await run('bare', scenario, node, accounts, randomUUID());
      reportRun(bare);
      checks.push(...bare.checks.map((c) => ({ ...c, name: `(trần) ${c.name}`, bare: true })));
      if (bare.checks.some((c) => !c.ok)) {
        log(
          '   ! lượt socket.io trần không qua hết kiểm tra: số đo của nó không đáng tin (xem tải máy, CPU)',
        );
      }
      await node.stop();
    }
    log(`\n== ${scenario}: kiểm tra`);
    reportChecks(checks);
    results.push({ scenario, real, bare, checks });
  }

  // ---- summary
  log(`\n== Tổng kết (${SECONDS} s, ${RATE} cập nhật/giây/người soạn)`);
  const pad = (s: string, n: number) => s.padEnd(n);
  log(
    `   ${pad('kịch bản', 26)}${pad('thật p50', 11)}${pad('thật p99', 11)}${pad('trần p50', 11)}${pad('trần p99', 11)}p99 thật/trần`,
  );
  for (const { scenario, real, bare } of results) {
    const f = (r: RunResult | null, p: number) => (r ? `${round(percentile(r.latencies, p))} ms` : '-');
    const ratio =
      real && bare ? `${round(percentile(real.latencies, 99) / percentile(bare.latencies, 99), 2)}x` : '-';
    const def = SCENARIO_DEFS[scenario];
    log(
      `   ${pad(`${scenario} (${def.editors}+${def.viewers})`, 26)}${pad(f(real, 50), 11)}${pad(f(real, 99), 11)}` +
        `${pad(f(bare, 50), 11)}${pad(f(bare, 99), 11)}${ratio} (mục tiêu ≤ 1.5x)`,
    );
  }
  const reals = results.flatMap((r) => (r.real ? [r.real] : []));
  const allChecks = results.flatMap((r) => r.checks);
  const failedChecks = allChecks.filter((c) => !c.ok);
  // `converged` is about the service: the bare relay's checks only tell whether its figures can be trusted.
  const serviceChecks = wantReal ? allChecks.filter((c) => !c.bare) : allChecks;
  const converged = serviceChecks.length > 0 && serviceChecks.every((c) => c.ok);
  const updatesSent = reals.reduce((a, r) => a + r.sent, 0);
  const updatesPersisted = reals.reduce((a, r) => a + r.acked, 0);
  log(
    `   cập nhật (thật): gửi ${updatesSent}, xác nhận đã lưu ${updatesPersisted} · ` +
      `kiểm tra: ${allChecks.length - failedChecks.length}/${allChecks.length} đạt` +
      (failedChecks.length ? ` — KHÔNG ĐẠT: ${failedChecks.map((c) => c.name).join('; ')}` : ''),
  );
  const find = (s: ScenarioName) => results.find((r) => r.scenario === s);
  const typical = find('typical');
  const stress = find('stress');
  const p = (r: RunResult | null | undefined, q: number) => (r ? num(percentile(r.latencies, q)) : null);
  console.log(
    JSON.stringify({
      bench: 'codraft',
      typical: typical ? { p99Ms: p(typical.real, 99), bareP99Ms: p(typical.bare, 99) } : null,
      stress: stress
        ? {
            editors: SCENARIO_DEFS.stress.editors,
            viewers: SCENARIO_DEFS.stress.viewers,
            p50Ms: p(stress.real, 50),
            p99Ms: p(stress.real, 99),
            bareP99Ms: p(stress.bare, 99),
          }
        : null,
      converged,
      updatesSent,
      updatesPersisted,
      bytesPerStatement: reals.length ? Math.max(...reals.map((r) => r.bytesPerStatement)) : null,
    }),
  );
}

// Bounded in time whatever happens: each run is bounded (acks, drains), this is the backstop.
const budgetMs =
  SCENARIOS.length *
    MODES.length *
    ((WARMUP_SECONDS + SECONDS) * 1000 + SETTLE_MAX_MS + 2 * ACK_TIMEOUT_MS + 240_000) +
  300_000;
const watchdog = setTimeout(() => {
  console.error(`bench:codraft quá ${round(budgetMs / 60_000)} phút: dừng`);
  void Promise.race([cleanup(), sleep(30_000)]).finally(() => process.exit(2));
}, budgetMs);
watchdog.unref();

main()
  .then(
    () => 0,
    (e) => {
      console.error(e);
      return 1;
    },
  )
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  });
