import './resolve-ts.cjs';
import { rm } from 'node:fs/promises';
import type { EmbeddedDatabase } from '../../src/database/embedded-database.js';
import { withAdminClient } from './test-database.js';

export default async function globalTeardown() {
  const adminUrl = process.env.UNGPHO_TEST_ADMIN_URL!;
  const runId = process.env.UNGPHO_TEST_RUN_ID!;
  const state = (globalThis as { __UNGPHO_EMBEDDED__?: { embedded: EmbeddedDatabase; dir: string } })
    .__UNGPHO_EMBEDDED__;
  if (state) {
    await state.embedded.stop();
    await rm(state.dir, { recursive: true, force: true });
    return;
  }
  // On a shared server, drop what this run created (test files drop their own; this catches leftovers).
  await withAdminClient(adminUrl, async (c) => {
    const { rows } = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${runId}%`]);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
