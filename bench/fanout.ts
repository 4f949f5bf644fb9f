/**
 * npm run bench:fanout — live-room fan-out through the real gateway, against a bare socket.io server.
 *
 * 1. PostgreSQL: DATABASE_URL's server (a fresh database, dropped at the end) or an embedded one in a temporary
 *    directory. BENCH_CLIENTS accounts (leaders of one unit) and one officer are written straight into it; access
 *    tokens are signed with the service's JWT secret, as a login would.
 * 2. Real gateway: the service (bench/fanout-node.ts app → createApp, as main.js) in a child process. BENCH_CLIENTS
 *    socket.io clients connect with their token and `room:join` one incident; the officer posts `chat:send` at
 *    BENCH_RATE per second for BENCH_SECONDS (auth, validation, access check, one write path, broadcast after
 *    commit). Latency = from the officer's send to each client's receipt of the `room:event` (one clock: every
 *    client lives in this process).
 * 3. Bare: the same clients and traffic on a bare socket.io server (no framework, no database).
 * 4. Two nodes: two service processes joined by the Redis Streams adapter (REDIS_URL, or the machine's Redis at
 *    127.0.0.1:6379), the clients split between them, the officer on the first.
 * Memory per socket: the server's heap + external memory (after GC) with all clients joined, minus before, / N.
 *
 * Output ends with one JSON line:
 * {"bench":"fanout","clients":N,"delivered":N,"expected":N,"p50Ms":N,"p99Ms":N,"bareP99Ms":N,"twoNodeP99Ms":N,"bytesPerSocket":N}
 */
import { JwtService } from '@nestjs/jwt';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';

import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { freePort } from '../src/database/embedded-database.js';
import { sql, startBenchDatabase } from './support/bench-database.js';
import type { BenchDatabase } from './support/bench-database.js';
import { ROOMS_NAMESPACE } from '../src/rooms/rooms.events.js';
import type { AckResponse, ChatSendResult, JoinResult, RoomEvent } from '../src/rooms/rooms.events.js';

const env = (name: string, fallback: number) => {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} phải là số dương (nhận "${v}")`);
  return n;
};

const CLIENTS = Math.floor(env('BENCH_CLIENTS', 500));
const RATE = env('BENCH_RATE', 20);
const SECONDS = env('BENCH_SECONDS', 30);
const WARMUP = Math.floor(env('BENCH_WARMUP_MESSAGES', 20));
const DRAIN_MS = env('BENCH_DRAIN_MS', 10_000);
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? 'real,bare,two').split(',');
const HERE = import.meta.dirname;
const JWT_SECRET = randomBytes(32).toString('hex');

const log = (...args: unknown[]) => console.log(...args);
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

// ---- database -------------------------------------------------------------------------------------------

async function startDatabase(): Promise<BenchDatabase> {
  return startBenchDatabase('ungpho_fanout', { log });
}

interface Accounts {
  poster: { id: string; token: string };
  clients: { id: string; token: string }[];
  unitId: string;
}

/** One unit, CLIENTS leaders and one officer in it; tokens as TokenService signs them. */
async function seed(url: string): Promise<Accounts> {
  const [{ id: unitId }] = await sql<{ id: string }>(
    url,
    `INSERT INTO org_units (code, name, unit_type, valid_from) VALUES ($1, 'Sở Y tế (thử tải)', 'department', '2020-01-01')
     RETURNING id`,
    [`BENCH-${randomBytes(3).toString('hex')}`],
  );
  const users = await sql<{ id: string; email: string; roles: string }>(
    url,
    `WITH p AS (
       INSERT INTO people (full_name, position, org_unit_id)
       SELECT 'Cán bộ thử tải ' || g, 'Chuyên viên', $1 FROM generate_series(0, $2) g RETURNING id
     ), numbered AS (SELECT id, row_number() OVER () - 1 AS n FROM p)
     INSERT INTO users (email, display_name, password_hash, roles, person_id)
     SELECT 'bench' || n || '@fanout.ungpho.vn', 'Cán bộ thử tải ' || n, 'không-đăng-nhập',
            CASE WHEN n = 0 THEN '{officer}'::user_role[] ELSE '{leader}'::user_role[] END, id
       FROM numbered
     RETURNING id, email, roles::text AS roles`,
    [unitId, CLIENTS],
  );
  const jwt = new JwtService({ secret: JWT_SECRET, signOptions: { issuer: 'ungpho', algorithm: 'HS256' } });
  const sign = (u: { id: string; email: string; roles: string }) =>
    jwt.sign(
      { sub: u.id, email: u.email, roles: u.roles.replace(/[{}]/g, '').split(','), typ: 'access' },
      { expiresIn: 3600 },
    );
  const officer = users.find((u) => u.roles === '{officer}')!;
  return {
    unitId,
    poster: { id: officer.id, token: sign(officer) },
    clients: users.filter((u) => u !== officer).map((u) => ({ id: u.id, token: sign(u) })),
  };
}

// ---- servers --------------------------------------------------------------------------------------------

interface Node {
  url: string;
  child: ChildProcess;
  memory(): Promise<NodeJS.MemoryUsage>;
  stop(): Promise<void>;
}

async function startNode(mode: 'app' | 'bare', extraEnv: Record<string, string> = {}): Promise<Node> {
  const script = path.join(HERE, 'fanout-node.js');
  if (!existsSync(script)) throw new Error(`Không thấy ${script}: chạy npm run build trước`);
  const port = await freePort();
  const child = fork(script, [mode], {
    // BENCH_NODE_ARGS: extra node flags for the servers, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
    execArgv: ['--expose-gc', ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)],
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      JWT_SECRET,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '1000000',
      CHAT_MAX_MESSAGES_PER_MINUTE: '1000000',
      ...extraEnv,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`máy chủ ${mode} đã dừng (mã ${code})`)));
    child.on('message', (m: { type?: string }) => m?.type === 'ready' && resolve());
  });
  child.removeAllListeners('exit');
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    memory: () =>
      new Promise((resolve) => {
        const onMessage = (m: { type?: string } & NodeJS.MemoryUsage) => {
          if (m?.type !== 'memory') return;
          child.off('message', onMessage);
          resolve(m);
        };
        child.on('message', onMessage);
        child.send({ type: 'memory' });
      }),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

// ---- clients --------------------------------------------------------------------------------------------

type ClientSocket = Socket;

function connectClient(url: string, token: string): Promise<ClientSocket> {
  const socket = io(`${url}${ROOMS_NAMESPACE}`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e: Error & { data?: unknown }) =>
      reject(new Error(`connect: ${e.message} ${JSON.stringify(e.data ?? '')}`)),
    );
  });
}

async function ack<T>(socket: ClientSocket, event: string, payload: unknown, timeoutMs = 30_000): Promise<T> {
  const res = (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as AckResponse<T>;
  if (!res.ok) throw new Error(`${event}: ${res.error.code} ${res.error.message}`);
  return res.data;
}

interface Result {
  name: string;
  clients: number;
  messages: number;
  expected: number;
  delivered: number;
  outOfOrder: number;
  latencies: Float64Array;
  postErrors: number;
  /** Officer's send → its ack: the server's own time for a command (queueing included). */
  ackLatencies: Float64Array;
  bytesPerSocket: number | null;
  rssPerSocket: number | null;
}

function percentile(sorted: Float64Array, p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** N clients in one room on `nodes` (round robin), one poster on the first node, RATE × SECONDS messages. */
async function run(
  name: string,
  nodes: Node[],
  accounts: Accounts,
  incidentId: string,
  measureMemory: boolean,
): Promise<Result> {
  log(`\n== ${name}: ${CLIENTS} máy khách, ${RATE} tin/giây trong ${SECONDS} giây`);
  const before = measureMemory ? await nodes[0].memory() : null;
  const messages = Math.round(RATE * SECONDS);
  const expected = messages * CLIENTS;
  const latencies = new Float64Array(expected);
  let delivered = 0;
  let outOfOrder = 0;
  const sentAt = new Map<string, number>();
  const measured = new Set<string>();

  const started = performance.now();
  const sockets: ClientSocket[] = [];
  for (let i = 0; i < accounts.clients.length; i += 50) {
    const batch = accounts.clients.slice(i, i + 50);
    const connected = await Promise.all(
      batch.map((c, j) => connectClient(nodes[(i + j) % nodes.length].url, c.token)),
    );
    await Promise.all(
      connected.map(async (socket) => {
        let lastSeq = (await ack<JoinResult>(socket, 'room:join', { incidentId })).lastSeq;
        socket.on('room:event', (e: RoomEvent) => {
          if (e.seq <= lastSeq) outOfOrder++;
          lastSeq = Math.max(lastSeq, e.seq);
          const clientId = e.payload.clientId as string;
          if (!measured.has(clientId)) return;
          latencies[delivered++] = performance.now() - sentAt.get(clientId)!;
        });
      }),
    );
    sockets.push(...connected);
  }
  log(`   ${sockets.length} máy khách đã vào phòng sau ${round((performance.now() - started) / 1000)} s`);
  const after = measureMemory ? await nodes[0].memory() : null;
  const poster = await connectClient(nodes[0].url, accounts.poster.token);
  await ack(poster, 'room:join', { incidentId });

  let postErrors = 0;
  const ackLatencies: number[] = [];
  const post = (clientId: string) => {
    const t0 = performance.now();
    sentAt.set(clientId, t0);
    return ack<ChatSendResult>(poster, 'chat:send', {
      incidentId,
      clientId,
      text: `Cập nhật tình hình ${clientId}`,
    }).then(
      () => {
        if (measured.has(clientId)) ackLatencies.push(performance.now() - t0);
      },
      (e: Error) => {
        postErrors++;
        log(`   lỗi gửi ${clientId}: ${e.message}`);
      },
    );
  };
  const pace = async (count: number, prefix: string, track: boolean) => {
    const t0 = performance.now();
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < count; i++) {
      const due = t0 + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const clientId = `${prefix}-${i}`;
      if (track) measured.add(clientId);
      pending.push(post(clientId));
    }
    await Promise.all(pending);
  };
  await pace(WARMUP, `warm-${name.length}-${Date.now()}`, false);
  await new Promise((r) => setTimeout(r, 500));
  await pace(messages, `m-${randomBytes(3).toString('hex')}`, true);
  const deadline = performance.now() + DRAIN_MS;
  while (delivered < expected && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));

  poster.close();
  for (const s of sockets) s.close();
  await new Promise((r) => setTimeout(r, 500));
  const rss = before && after ? (after.rss - before.rss) / CLIENTS : null;
  const heap =
    before && after ? (after.heapUsed + after.external - before.heapUsed - before.external) / CLIENTS : null;
  return {
    name,
    clients: CLIENTS,
    messages,
    expected,
    delivered,
    outOfOrder,
    latencies: latencies.slice(0, delivered).sort(),
    postErrors,
    ackLatencies: Float64Array.from(ackLatencies).sort(),
    bytesPerSocket: heap === null ? null : Math.round(heap),
    rssPerSocket: rss === null ? null : Math.round(rss),
  };
}

function report(r: Result) {
  const p = (n: number) => round(percentile(r.latencies, n));
  log(
    `   giao ${r.delivered}/${r.expected}${r.delivered === r.expected ? ' (không mất tin)' : ' — MẤT TIN'}, ` +
      `sai thứ tự ${r.outOfOrder}, lỗi gửi ${r.postErrors}`,
  );
  log(`   độ trễ p50 ${p(50)} ms · p95 ${p(95)} ms · p99 ${p(99)} ms · max ${p(100)} ms`);
  const a = (n: number) => round(percentile(r.ackLatencies, n));
  log(`   thời gian lệnh chat:send (gửi → ack) p50 ${a(50)} ms · p99 ${a(99)} ms`);
  if (r.bytesPerSocket !== null) {
    log(`   bộ nhớ máy chủ mỗi kết nối: heap+external ${r.bytesPerSocket} B · RSS ${r.rssPerSocket} B`);
  }
}

async function redisForBench(): Promise<string | null> {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return url;
  } catch (e) {
    log(`\n== Hai nút: bỏ qua, không kết nối được Redis ${url} (${(e as Error).message})`);
    return null;
  } finally {
    client.disconnect();
  }
}

async function main() {
  log(
    `bench:fanout — node ${process.version}, ${cpus().length} lõi ${cpus()[0]?.model ?? ''}, ${round(totalmem() / 2 ** 30)} GiB`,
  );
  const db = await startDatabase();
  const started: Node[] = [];
  const spawnNode = async (mode: 'app' | 'bare', extra: Record<string, string> = {}) => {
    const node = await startNode(mode, { DATABASE_URL: db.url, ...extra });
    started.push(node);
    return node;
  };
  try {
    // The first service start migrates the fresh database.
    let app = await spawnNode('app');
    const accounts = await seed(db.url);
    const res = await fetch(`${app.url}/api/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accounts.poster.token}` },
      body: JSON.stringify({
        title: 'Thử tải phòng tác chiến',
        category: 'other',
        severity: 'L3',
        responsibleOrgUnitId: accounts.unitId,
      }),
    });
    if (res.status !== 201) throw new Error(`không tạo được sự cố: ${res.status} ${await res.text()}`);
    const incidentId = ((await res.json()) as { id: string }).id;

    const want = (name: string) => SCENARIOS.includes(name);
    let real: Result | null = null;
    if (want('real')) {
      real = await run('Cổng thật (1 nút)', [app], accounts, incidentId, true);
      report(real);
    }
    await app.stop();

    let bare: Result | null = null;
    if (want('bare')) {
      const bareNode = await spawnNode('bare');
      bare = await run(
        'socket.io trần (không framework, không CSDL)',
        [bareNode],
        accounts,
        incidentId,
        true,
      );
      report(bare);
      await bareNode.stop();
    }

    let twoNode: Result | null = null;
    const redisUrl = want('two') ? await redisForBench() : null;
    if (redisUrl) {
      const redisEnv = {
        REDIS_URL: redisUrl,
        REDIS_KEY_PREFIX: `ungpho-bench-${randomBytes(4).toString('hex')}`,
      };
      app = await spawnNode('app', redisEnv);
      const second = await spawnNode('app', redisEnv);
      twoNode = await run('Cổng thật, 2 nút qua Redis Streams', [app, second], accounts, incidentId, false);
      report(twoNode);
      await Promise.all([app.stop(), second.stop()]);
      const cleanup = new Redis(redisUrl);
      const keys = await cleanup.keys(`${redisEnv.REDIS_KEY_PREFIX}*`);
      if (keys.length) await cleanup.del(...keys);
      cleanup.disconnect();
    }

    const p99 = real ? percentile(real.latencies, 99) : NaN;
    const bareP99 = bare ? percentile(bare.latencies, 99) : NaN;
    const num = (n: number) => (Number.isFinite(n) ? round(n) : null);
    log(`\n== Tổng kết`);
    log(
      `   p99 cổng thật / socket.io trần = ${round(p99)} / ${round(bareP99)} ms = ${round(p99 / bareP99, 2)}x (mục tiêu ≤ 1.5x)`,
    );
    log(
      `   tin giao: ${real ? `${real.delivered}/${real.expected} (1 nút)` : '-'}` +
        `${twoNode ? `, ${twoNode.delivered}/${twoNode.expected} (2 nút)` : ''}`,
    );
    console.log(
      JSON.stringify({
        bench: 'fanout',
        clients: CLIENTS,
        delivered: real?.delivered ?? null,
        expected: real?.expected ?? null,
        p50Ms: real ? num(percentile(real.latencies, 50)) : null,
        p99Ms: num(p99),
        bareP99Ms: num(bareP99),
        twoNodeP99Ms: twoNode ? num(percentile(twoNode.latencies, 99)) : null,
        bytesPerSocket: real?.bytesPerSocket ?? null,
      }),
    );
  } finally {
    await Promise.all(started.map((n) => n.stop().catch(() => undefined)));
    await db.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
