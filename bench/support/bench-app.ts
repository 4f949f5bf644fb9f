import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/database/embedded-database.js';

const MAIN = path.resolve(import.meta.dirname, '../../src/main.js');
const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface BenchApp {
  base: string;
  child: ChildProcess;
  logFile: string;
  /** Resident memory of the service, from /proc. */
  rssMb(): number | null;
  stop(): Promise<void>;
}

export const sleep = (n: number) => new Promise((resolve) => setTimeout(resolve, n));

/**
 * The built service (dist/src/main.js) as a child process on a free port, with the flags of
 * `npm run start:prod`, on the given database; resolves once /health answers. BENCH_APP_NODE_ARGS adds node
 * flags (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"), BENCH_APP_LOG_LEVEL the service's log level.
 */
export async function startBenchApp(
  databaseUrl: string,
  opts: { adminEmail: string; adminPassword: string; env?: Record<string, string> },
): Promise<BenchApp> {
  if (!existsSync(MAIN)) throw new Error(`Không thấy ${MAIN}: chạy npm run build trước`);
  const port = await freePort();
  const logFile = path.join(tmpdir(), `ungpho-bench-app-${process.pid}-${port}.log`);
  const out = createWriteStream(logFile);
  const nodeArgs = [
    '--max-semi-space-size=64',
    ...(process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean),
  ];
  const child = spawn(process.execPath, [...nodeArgs, MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: randomBytes(32).toString('hex'),
      JWT_ACCESS_TTL: '7200',
      UNGPHO_ADMIN_EMAIL: opts.adminEmail,
      UNGPHO_ADMIN_PASSWORD: opts.adminPassword,
      RATE_LIMIT_PER_MINUTE: '100000000',
      LOG_LEVEL: process.env.BENCH_APP_LOG_LEVEL ?? 'warn',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Dịch vụ dừng khi khởi động; xem ${logFile}`);
    try {
      const res = await fetch(`${base}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Dịch vụ không sẵn sàng sau 120 s; xem ${logFile}`);
    await sleep(200);
  }
  return {
    base,
    child,
    logFile,
    rssMb() {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        return m ? Math.round(Number(m[1]) / 1024) : null;
      } catch {
        return null;
      }
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(20_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** A JSON call to the service; throws with the status and the start of the body on an error status. */
export async function api<T>(
  base: string,
  method: string,
  url: string,
  token: string | null,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}
