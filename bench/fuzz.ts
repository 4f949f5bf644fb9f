/**
 * npm run fuzz — the fuzz properties of test/fuzz.e2e.spec.ts, long: FUZZ_REQUESTS HTTP requests (default 50,000)
 * generated from the OpenAPI document over every route, and FUZZ_SOCKET_MESSAGES socket commands (default
 * 10,000) over every command of the event map, against the built service (`node dist/src/main.js`) as a child
 * process on a fresh database (DATABASE_URL's server, or an embedded PostgreSQL). FUZZ_SEED fixes the inputs.
 *
 * Invariant (bench/support/fuzz-engine.ts): 2xx, or 4xx in the documented error shape with nothing written under
 * its correlation id; never 5xx, never a dropped connection; every command acked, never INTERNAL; the service
 * stays up. Prints the counts by status and outcome, and exits 1 on any finding.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import pg from 'pg';
import { api, startBenchApp } from './support/bench-app.js';
import { startBenchDatabase } from './support/bench-database.js';
import {
  connectSocket,
  httpCaseArb,
  newTally,
  runHttpCase,
  runSocketCase,
  skipRoute,
  socketCaseArb,
} from './support/fuzz-engine.js';
import type { FuzzTarget, OpenApiDoc } from './support/fuzz-engine.js';

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 50_000);
const SOCKET_MESSAGES = Number(process.env.FUZZ_SOCKET_MESSAGES ?? 10_000);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 8);
const SOCKETS = 4;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

async function main() {
  const started = Date.now();
  console.log(`fuzz: ${REQUESTS} requests, ${SOCKET_MESSAGES} socket commands, seed ${SEED}`);
  const db = await startBenchDatabase('ungpho_fuzz', { log: console.log });
  const adminEmail = 'admin@ungpho.local';
  const adminPassword = `Mk-${randomBytes(12).toString('base64url')}`;
  const app = await startBenchApp(db.url, {
    adminEmail,
    adminPassword,
    env: {
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000000',
      LOGIN_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100000000',
      LOG_LEVEL: 'error',
    },
  });
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  let exitCode = 0;
  try {
    const { accessToken } = await api<{ accessToken: string }>(app.base, 'POST', '/api/auth/login', null, {
      email: adminEmail,
      password: adminPassword,
    });
    const unit = await api<{ id: string }>(app.base, 'POST', '/api/org-units', accessToken, {
      code: 'AH',
      name: 'UBND tỉnh An Hòa',
      unitType: 'province',
      validFrom: '2020-01-01',
    });
    const incident = await api<{ id: string }>(app.base, 'POST', '/api/incidents', accessToken, {
      title: 'Sự cố để thử nghiệm',
      category: 'other',
      severity: 'L1',
      responsibleOrgUnitId: unit.id,
    });
    const officer = await api<{ id: string }>(app.base, 'POST', '/api/users', accessToken, {
      email: `can.bo.${randomBytes(3).toString('hex')}@ungpho.local`,
      password: `Mk-${randomBytes(12).toString('base64url')}`,
      displayName: 'Cán bộ thử nghiệm',
      roles: ['officer'],
    });
    const ids = [incident.id, officer.id, unit.id];
    const doc = (await (await fetch(`${app.base}/docs-json`)).json()) as OpenApiDoc;
    const target: FuzzTarget = {
      base: app.base,
      token: accessToken,
      writesUnder: async (requestId) =>
        (await pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE correlation_id = $1`, [requestId]))
          .rows[0].n,
    };

    const tally = newTally();
    const { arb, routes } = httpCaseArb(doc, ids, skipRoute);
    const httpStarted = Date.now();
    let seed = SEED;
    while (tally.requests < REQUESTS && app.child.exitCode === null) {
      const batch = fc.sample(arb, { numRuns: Math.min(1000, REQUESTS - tally.requests), seed: seed++ });
      for (let i = 0; i < batch.length; i += CONCURRENCY) {
        await Promise.all(batch.slice(i, i + CONCURRENCY).map((c) => runHttpCase(target, c, tally)));
      }
      process.stdout.write(`\r  http ${tally.requests}/${REQUESTS}, findings ${tally.failures.length}   `);
    }
    const httpMs = Date.now() - httpStarted;
    console.log();

    const socketStarted = Date.now();
    const perSocket = Math.ceil(SOCKET_MESSAGES / SOCKETS);
    await Promise.all(
      Array.from({ length: SOCKETS }, async (_, s) => {
        const socket = await connectSocket(app.base, accessToken);
        try {
          const cases = fc.sample(socketCaseArb(ids), { numRuns: perSocket, seed: SEED + 1000 + s });
          for (const c of cases) await runSocketCase(socket, c, tally);
        } finally {
          socket.close();
        }
      }),
    );
    const socketMs = Date.now() - socketStarted;
    const health = await fetch(`${app.base}/health`).then(
      (r) => r.status,
      () => 0,
    );

    console.log(`HTTP: ${tally.requests} requests on ${routes} routes in ${(httpMs / 1000).toFixed(1)} s`);
    console.log(`  by status: ${JSON.stringify(tally.byStatus)}`);
    console.log(`socket: ${tally.socketMessages} commands in ${(socketMs / 1000).toFixed(1)} s`);
    console.log(`  by outcome: ${JSON.stringify(tally.socketByOutcome)}; reconnects ${tally.reconnects}`);
    console.log(
      `service: ${app.child.exitCode === null ? 'up' : `exited ${app.child.exitCode}`}, /health ${health}`,
    );
    const fiveXX = Object.entries(tally.byStatus)
      .filter(([s]) => s.startsWith('5') || s === 'dropped')
      .reduce((n, [, c]) => n + c, 0);
    if (tally.failures.length) {
      console.log(`findings (first ${tally.failures.length}):`);
      for (const f of tally.failures) console.log(`  - ${f}`);
    }
    if (tally.failures.length || health !== 200 || app.child.exitCode !== null) exitCode = 1;
    console.log(
      JSON.stringify({
        bench: 'fuzz',
        seed: SEED,
        requests: tally.requests,
        routes,
        fiveXX,
        socketMessages: tally.socketMessages,
        socketInternal: tally.socketByOutcome.INTERNAL ?? 0,
        findings: tally.failures.length,
        seconds: Math.round((Date.now() - started) / 1000),
      }),
    );
  } finally {
    await pool.end();
    await app.stop();
    await db.stop();
  }
  process.exit(exitCode);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
