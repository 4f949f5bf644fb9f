import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Set by global-setup.ts: a superuser URL of the test server and the name of the migrated template. */
export function testServer(): { adminUrl: string; template: string; runId: string } {
  const adminUrl = process.env.UNGPHO_TEST_ADMIN_URL;
  const template = process.env.UNGPHO_TEST_TEMPLATE_DB;
  const runId = process.env.UNGPHO_TEST_RUN_ID;
  if (!adminUrl || !template || !runId) throw new Error('test/support/global-setup.ts did not run');
  return { adminUrl, template, runId };
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdminClient<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file: a copy of the migrated template (fast), or an empty one
 * (`{ empty: true }`) for tests that run the migrations themselves.
 */
export async function createTestDatabase(opts: { empty?: boolean } = {}): Promise<TestDatabase> {
  const { adminUrl, template, runId } = testServer();
  const name = `${runId}_${randomBytes(5).toString('hex')}`;
  await withAdminClient(adminUrl, (c) =>
    c.query(opts.empty ? `CREATE DATABASE "${name}"` : `CREATE DATABASE "${name}" TEMPLATE "${template}"`),
  );
  return {
    name,
    url: databaseUrl(adminUrl, name),
    drop: () =>
      withAdminClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
