import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedDatabase } from '../../src/database/embedded-database.js';
import type { EmbeddedDatabase } from '../../src/database/embedded-database.js';

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** One query on a short-lived connection. */
export async function sql<T = Record<string, unknown>>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

/** The benchmark's departments straight into the directory table (the directory API is not what is measured): key → id. */
export async function insertBenchUnits(url: string, units: readonly { key: string; name: string }[]) {
  const ids = new Map<string, string>();
  for (const u of units) {
    const [row] = await sql(
      url,
      `INSERT INTO org_units (code, name, unit_type, valid_from) VALUES ($1, $2, 'department', '2025-07-01') RETURNING id`,
      [`AH-${u.key.toUpperCase()}`, u.name],
    );
    ids.set(u.key, row.id as string);
  }
  return ids;
}

export interface BenchDatabase {
  /** The maintenance database of the server (for CREATE/DROP DATABASE). */
  adminUrl: string;
  url: string;
  name: string;
  /** Data directory of the embedded server, when one was started (its postmaster.pid gives its CPU). */
  dataDir?: string;
  stop(): Promise<void>;
}

/**
 * A fresh database for one benchmark run: on DATABASE_URL's server, or on an embedded PostgreSQL in a temporary
 * directory. `keep` leaves the database and the directory in place for inspection.
 */
export async function startBenchDatabase(
  prefix: string,
  opts: { keep?: boolean; log?: (line: string) => void } = {},
): Promise<BenchDatabase> {
  const log = opts.log ?? (() => undefined);
  // A random suffix: seeds started in parallel processes within the same millisecond get their own database.
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  let embedded: EmbeddedDatabase | undefined;
  let dir: string | undefined;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
    log(`PostgreSQL: máy chủ của DATABASE_URL, cơ sở dữ liệu mới ${name}`);
  } else {
    dir = await mkdtemp(path.join(tmpdir(), `${prefix}-pg-`));
    await chmod(dir, 0o755); // the postgres system user must reach its data directory
    embedded = await startEmbeddedDatabase(path.join(dir, 'data'), { databaseName: 'postgres' });
    adminUrl = embedded.adminUrl;
    log(`PostgreSQL: nhúng (cổng ${embedded.port}, ${dir})`);
  }
  await sql(adminUrl, `CREATE DATABASE "${name}"`);
  return {
    adminUrl,
    url: withDatabase(adminUrl, name),
    name,
    dataDir: dir ? path.join(dir, 'data') : undefined,
    async stop() {
      if (!opts.keep)
        await sql(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
      await embedded?.stop();
      if (dir && !opts.keep) await rm(dir, { recursive: true, force: true });
    },
  };
}
