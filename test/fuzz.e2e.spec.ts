import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import {
  connectSocket,
  httpCaseArb,
  newTally,
  runHttpCase,
  runSocketCase,
  skipRoute,
  socketCaseArb,
  SOCKET_COMMANDS,
} from '../bench/support/fuzz-engine.js';
import type { FuzzTarget, OpenApiDoc } from '../bench/support/fuzz-engine.js';
import { Role } from '../src/auth/role.js';
import { makeStatementTeam } from './support/statement-team.js';
import { createTestApp, TestApp } from './support/test-app.js';

/** Bounded for the suite; `npm run fuzz` runs the same properties far longer. */
const HTTP_RUNS = Number(process.env.FUZZ_HTTP_RUNS ?? 3000);
const SOCKET_RUNS = Number(process.env.FUZZ_SOCKET_RUNS ?? 600);
/** Each property stops early (without failing) past this, so the file stays under a minute on a slow machine. */
const TIME_LIMIT_MS = Number(process.env.FUZZ_TIME_LIMIT_MS ?? 25_000);

describe('fuzzing every route of the OpenAPI document and every socket command (e2e)', () => {
  let t: TestApp;
  let target: FuzzTarget;
  let doc: OpenApiDoc;
  let ids: string[];

  beforeAll(async () => {
    t = await createTestApp();
    const team = await makeStatementTeam(t);
    const admin = await t.createUser({ roles: [Role.Admin] });
    const statement = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/statements`)
      .set(team.drafters[0].auth)
      .send({ type: 'press_release', title: 'Thông cáo', body: 'Nội dung.' });
    // Real ids, so that requests get past "not found" into the services (never the fuzzing account's own id).
    ids = [team.incidentId, statement.body.id, team.reader.user.id, team.drafters[1].user.id];
    doc = (await t.http().get('/docs-json')).body;
    target = {
      base: t.url,
      token: admin.accessToken,
      writesUnder: async (requestId) =>
        (
          await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE correlation_id = $1`, [
            requestId,
          ])
        )[0].n,
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers every generated request with 2xx or a documented 4xx, writing nothing on a 4xx', async () => {
    const { arb, routes } = httpCaseArb(doc, ids, skipRoute);
    expect(routes).toBeGreaterThan(80);
    const tally = newTally();
    await fc.assert(
      fc.asyncProperty(arb, async (c) => {
        const failure = await runHttpCase(target, c, tally);
        if (failure) throw new Error(failure);
      }),
      {
        numRuns: HTTP_RUNS,
        endOnFailure: true,
        interruptAfterTimeLimit: TIME_LIMIT_MS,
        markInterruptAsFailure: false,
      },
    );
    console.log(`[fuzz] ${tally.requests} requests on ${routes} routes: ${JSON.stringify(tally.byStatus)}`);
    expect(tally.requests).toBeGreaterThan(300);
    // The run reached the services, not only the validation: some requests succeeded, many were refused.
    expect(Object.keys(tally.byStatus).some((s) => s.startsWith('2'))).toBe(true);
    expect(tally.byStatus['400']).toBeGreaterThan(tally.requests / 10);
    expect((await t.http().get('/health')).status).toBe(200);
  }, 60_000);

  it('answers every generated socket command with an ack: ok, or a structured error other than INTERNAL', async () => {
    expect(Object.keys(SOCKET_COMMANDS).length).toBeGreaterThanOrEqual(15);
    const socket: Socket = await connectSocket(t.url, target.token);
    const tally = newTally();
    try {
      await fc.assert(
        fc.asyncProperty(socketCaseArb(ids), async (c) => {
          const failure = await runSocketCase(socket, c, tally);
          if (failure) throw new Error(failure);
        }),
        {
          numRuns: SOCKET_RUNS,
          endOnFailure: true,
          interruptAfterTimeLimit: TIME_LIMIT_MS / 2,
          markInterruptAsFailure: false,
        },
      );
      console.log(`[fuzz] ${tally.socketMessages} socket commands: ${JSON.stringify(tally.socketByOutcome)}`);
      expect(tally.socketMessages).toBeGreaterThan(100);
      expect(tally.socketByOutcome.ok).toBeGreaterThan(0);
      expect(tally.socketByOutcome.VALIDATION_FAILED).toBeGreaterThan(tally.socketMessages / 10);
      expect(tally.reconnects).toBe(0);
      expect(socket.connected).toBe(true);
    } finally {
      socket.close();
    }
  }, 60_000);
});
