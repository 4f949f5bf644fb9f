import './resolve-ts.cjs';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDataSource } from '../../src/database/data-source.js';
import { runMigrationsLocked } from '../../src/database/migrate.js';
import { startEmbeddedDatabase } from '../../src/database/embedded-database.js';
import { databaseUrl, withAdminClient } from './test-database.js';
import { ensureWebBuild } from './web-build.js';

/**
 * Starts PostgreSQL for the whole run (DATABASE_URL's server, or an embedded one in a temporary directory),
 * migrates a template database once; each test file then clones it (see test-database.ts).
 */
export default async function globalSetup() {
  // Once, before the workers start: the browser tests (test/browser) need a web/dist that matches web/src.
  ensureWebBuild();
  const runId = `ungpho_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = databaseUrl(process.env.DATABASE_URL, 'postgres');
  } else {
    const dir = await mkdtemp(path.join(tmpdir(), 'ungpho-test-pg-'));
    await chmod(dir, 0o755); // the postgres system user must reach its data directory
    const embedded = await startEmbeddedDatabase(path.join(dir, 'data'));
    adminUrl = embedded.adminUrl;
    (globalThis as { __UNGPHO_EMBEDDED__?: unknown }).__UNGPHO_EMBEDDED__ = { embedded, dir };
  }
  const template = `${runId}_template`;
  await withAdminClient(adminUrl, (c) => c.query(`CREATE DATABASE "${template}"`));
  const ds = createDataSource(databaseUrl(adminUrl, template));
  await ds.initialize();
  await runMigrationsLocked(ds);
  await ds.destroy();

  process.env.UNGPHO_TEST_ADMIN_URL = adminUrl;
  process.env.UNGPHO_TEST_TEMPLATE_DB = template;
  process.env.UNGPHO_TEST_RUN_ID = runId;
}
