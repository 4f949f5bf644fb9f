import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Role } from '../src/auth/role.js';
import { RoomsGateway } from '../src/rooms/rooms.gateway.js';
import type { AckResponse, ChatSendResult } from '../src/rooms/rooms.events.js';
import { ChildService, compileService, freePort } from './support/child-app.js';
import { makePerson, makeProvinceTree } from './support/factories.js';
import { TcpProxy } from './support/tcp-proxy.js';
import { createTestApp, TestApp, TestUser } from './support/test-app.js';
import { createTestDatabase, TestDatabase } from './support/test-database.js';
import { RoomClient } from './support/ws-client.js';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** What the database holds for an incident, read directly (not through the app under test). */
async function timelineOf(databaseUrl: string, incidentId: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const [incident] = (await client.query(`SELECT last_seq FROM incidents WHERE id = $1`, [incidentId]))
      .rows;
    const events = (
      await client.query(
        `SELECT seq, type, payload FROM incident_events WHERE incident_id = $1 ORDER BY seq`,
        [incidentId],
      )
    ).rows as { seq: number; type: string; payload: Record<string, unknown> }[];
    const messages = (
      await client.query(
        `SELECT client_id, seq FROM incident_chat_messages WHERE incident_id = $1 ORDER BY seq`,
        [incidentId],
      )
    ).rows as { client_id: string; seq: number }[];
    const audited = (
      await client.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'chat.posted' AND (data->>'incidentId') = $1`,
        [incidentId],
      )
    ).rows[0].n as number;
    return { lastSeq: incident.last_seq as number, events, messages, audited };
  } finally {
    await client.end();
  }
}

/** Every message of the timeline is whole: event, chat row and audit row agree, seqs have no hole. */
function expectConsistent(t: Awaited<ReturnType<typeof timelineOf>>) {
  expect(t.events.map((e) => e.seq)).toEqual(range(1, t.lastSeq));
  const chats = t.events.filter((e) => e.type === 'chat.posted');
  expect(t.messages.map((m) => [m.client_id, m.seq])).toEqual(chats.map((e) => [e.payload.clientId, e.seq]));
  expect(t.audited).toBe(chats.length);
}

/** Sends until acknowledged (same clientId each time: the server must not post it twice). */
async function sendUntilAcked(
  client: RoomClient,
  incidentId: string,
  clientId: string,
  text: string,
  seen: AckResponse<ChatSendResult>[] = [],
  timeoutMs = 20_000,
): Promise<ChatSendResult> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await client
      .request('chat:send', { incidentId, clientId, text }, 2_000)
      .catch((e: Error) => ({ ok: false as const, error: { code: 'NO_ACK', message: e.message } }));
    seen.push(res);
    if (res.ok) return res.data;
    if (Date.now() > deadline) throw new Error(`not acknowledged: ${JSON.stringify(res)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe(`${RoomsGateway.name} reliability (e2e)`, () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof makeProvinceTree>>;
  let admin: TestUser;
  let leader: TestUser;
  let officer: TestUser;
  const clients: RoomClient[] = [];

  const connect = async (url: string, user: TestUser) => {
    const client = await RoomClient.connect(url, user.accessToken);
    clients.push(client);
    return client;
  };
  const declare = async (app: { http: TestApp['http'] }) => {
    const res = await app.http().post('/api/incidents').set(admin.auth).send({
      title: 'Sự cố kiểm thử độ bền',
      category: 'other',
      severity: 'L2',
      responsibleOrgUnitId: tree.department.id,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    t = await createTestApp();
    tree = await makeProvinceTree(t.dataSource);
    admin = await t.createUser({ roles: [Role.Admin] });
    leader = await t.createUser({
      roles: [Role.Leader],
      personId: (await makePerson(t.dataSource, tree.province.id)).id,
    });
    officer = await t.createUser({
      roles: [Role.Officer],
      personId: (await makePerson(t.dataSource, tree.department.id)).id,
    });
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('a service process killed (SIGKILL) and restarted on the same database', () => {
    let build: Awaited<ReturnType<typeof compileService>>;
    let service: ChildService;

    beforeAll(async () => {
      build = await compileService();
      service = new ChildService(build.main, await freePort(), {
        DATABASE_URL: t.database.url,
        JWT_SECRET: t.config.jwt.secret!,
        LOG_LEVEL: 'warn',
        CHAT_MAX_MESSAGES_PER_MINUTE: '1000000',
        UNGPHO_ADMIN_PASSWORD: 'mat-khau-quan-tri-thu',
      });
      await service.start();
    }, 60_000);
    afterAll(async () => {
      await service?.stop();
      await build?.remove();
    });

    it('clients reconnect and resync; every message is stored once and seen once, in order', async () => {
      const incidentId = await declare(t);
      const listener = await connect(service.url, leader);
      const sender = await connect(service.url, officer);
      await listener.join(incidentId);
      await sender.join(incidentId);

      const ids = range(1, 100).map((i) => ({
        clientId: `kill-${i}-${randomUUID()}`,
        text: `cập nhật ${i}`,
      }));
      const firstTry = ids.map(({ clientId, text }) =>
        sender
          .request('chat:send', { incidentId, clientId, text }, 3_000)
          .catch((e: Error) => ({ ok: false as const, error: { code: 'NO_ACK', message: e.message } })),
      );
      // Kill it in the middle of the burst.
      await listener.waitFor(() => listener.lastSeq(incidentId) >= 15, 'first part of the burst');
      await service.kill();
      const results = await Promise.all(firstTry);
      expect(results.some((r) => !r.ok)).toBe(true); // the kill did hit the burst
      await service.start();

      // The sender re-sends whatever was not acknowledged, with the same clientId.
      for (const [i, r] of results.entries()) {
        if (!r.ok) await sendUntilAcked(sender, incidentId, ids[i].clientId, ids[i].text);
      }
      const db = await timelineOf(t.database.url, incidentId);
      expectConsistent(db);
      expect(db.messages.map((m) => m.client_id).sort()).toEqual(ids.map((m) => m.clientId).sort());
      expect(db.lastSeq).toBe(101);

      await listener.waitFor(
        () => listener.lastSeq(incidentId) === db.lastSeq,
        `listener at seq ${db.lastSeq}`,
        20_000,
      );
      expect(listener.connects).toBeGreaterThanOrEqual(2);
      expect(listener.events(incidentId).map((e) => [e.seq, e.type])).toEqual(
        db.events.map((e) => [e.seq, e.type]),
      );
    }, 60_000);
  });

  describe('PostgreSQL unreachable for a few seconds', () => {
    let database: TestDatabase;
    let proxy: TcpProxy;
    let app: TestApp;
    let outageTree: Awaited<ReturnType<typeof makeProvinceTree>>;

    beforeAll(async () => {
      database = await createTestDatabase();
      const direct = new URL(database.url);
      proxy = await new TcpProxy(direct.hostname, Number(direct.port || 5432)).start();
      const via = new URL(database.url);
      via.hostname = '127.0.0.1';
      via.port = String(proxy.port);
      app = await createTestApp({ jwt: t.config.jwt }, { database, connectUrl: via.toString() });
      // The same accounts (ids, tokens) as on the main app's database, placed in a tree of this one.
      outageTree = await makeProvinceTree(app.dataSource);
      const units = new Map([
        [leader.user.id, outageTree.province.id],
        [officer.user.id, outageTree.department.id],
      ]);
      for (const u of [admin, leader, officer]) {
        const unit = units.get(u.user.id);
        const person = unit ? await makePerson(app.dataSource, unit) : null;
        await app.dataSource.query(
          `INSERT INTO users (id, email, display_name, password_hash, roles, person_id) VALUES ($1, $2, $3, 'x', $4, $5)`,
          [u.user.id, u.email, u.user.displayName, u.user.roles, person?.id ?? null],
        );
      }
    });
    afterAll(async () => {
      await app?.close();
      await proxy?.close();
      await database?.drop();
    });

    it('commands fail with a clear error, nothing is half-written, and the service recovers by itself', async () => {
      const res = await app.http().post('/api/incidents').set(admin.auth).send({
        title: 'Sự cố khi mất CSDL',
        category: 'other',
        severity: 'L2',
        responsibleOrgUnitId: outageTree.department.id,
      });
      expect(res.status).toBe(201);
      const incidentId: string = res.body.id;
      const listener = await connect(app.url, leader);
      const sender = await connect(app.url, officer);
      await listener.join(incidentId);
      await sender.join(incidentId);

      // A burst, cut off half-way.
      const ids = range(1, 100).map((i) => ({ clientId: `cut-${i}-${randomUUID()}`, text: `tin ${i}` }));
      const burst = ids.map(({ clientId, text }) =>
        sender.request('chat:send', { incidentId, clientId, text }, 5_000),
      );
      await listener.waitFor(() => listener.lastSeq(incidentId) >= 10, 'first part of the burst');
      await proxy.cut();
      const results = await Promise.all(burst);
      const failed = results.filter((r) => !r.ok);
      expect(failed.length).toBeGreaterThan(0);
      for (const r of failed) {
        expect(r.ok === false && r.error).toEqual({
          code: 'DATABASE_UNAVAILABLE',
          message: expect.stringContaining('Cơ sở dữ liệu tạm thời không truy cập được'),
        });
      }
      // While it is down: HTTP says 503, a new socket is told why it cannot connect.
      const http = await app.http().get(`/api/incidents/${incidentId}`).set(leader.auth);
      expect(http.status).toBe(503);
      expect(http.body).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
      expect((await RoomClient.refused(app.url, { token: leader.accessToken })).code).toBe(
        'DATABASE_UNAVAILABLE',
      );
      await new Promise((r) => setTimeout(r, 2_000));

      await proxy.restore();
      // No restart, no reconnect by hand: the next attempts go through.
      for (const [i, r] of results.entries()) {
        if (!r.ok) await sendUntilAcked(sender, incidentId, ids[i].clientId, ids[i].text);
      }
      const db = await timelineOf(database.url, incidentId);
      expectConsistent(db);
      expect(db.messages.map((m) => m.client_id).sort()).toEqual(ids.map((m) => m.clientId).sort());
      await listener.waitFor(() => listener.lastSeq(incidentId) === db.lastSeq, 'listener caught up');
      expect(listener.events(incidentId).map((e) => e.seq)).toEqual(range(1, db.lastSeq));
      expect((await app.http().get(`/api/incidents/${incidentId}`).set(leader.auth)).status).toBe(200);
    }, 60_000);
  });
});
