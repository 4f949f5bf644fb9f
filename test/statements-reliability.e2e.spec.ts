import * as awarenessProtocol from 'y-protocols/awareness';
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { StatementDocs } from '../src/statements/statement-docs.js';
import { ChildService, compileService, freePort } from './support/child-app.js';
import { dropRedisKeys, redisProblem, TEST_REDIS_URL } from './support/redis.js';
import { StatementClient } from './support/statement-client.js';
import { makeStatementTeam } from './support/statement-team.js';
import type { StatementTeam } from './support/statement-team.js';
import { createTestApp, TestApp, TestUser } from './support/test-app.js';
import { RoomClient } from './support/ws-client.js';

const problem = await redisProblem();
if (problem) console.warn(`[statements two nodes] SKIPPED: no Redis reachable (${problem})`);
const describeWithRedis = problem ? describe.skip : describe;

const until = async (what: string, check: () => boolean, ms = 15_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe(`${StatementDocs.name} reliability (e2e)`, () => {
  const sockets: RoomClient[] = [];
  const drafts: StatementClient[] = [];

  const open = async (url: string, user: TestUser, statementId: string, reconnection = true) => {
    const room = await RoomClient.connect(url, user.accessToken, { reconnection });
    sockets.push(room);
    const client = new StatementClient(room.socket, statementId, 3_000);
    drafts.push(client);
    await client.open();
    return client;
  };

  const createStatement = async (url: string, team: StatementTeam) => {
    const res = await fetch(`${url}/api/incidents/${team.incidentId}/statements`, {
      method: 'POST',
      headers: { ...team.drafters[0].auth, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'press_release', title: 'Thông cáo báo chí', body: '' }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };

  afterEach(() => {
    for (const d of drafts.splice(0)) d.dispose();
    for (const s of sockets.splice(0)) s.close();
  });

  describe('the service killed (SIGKILL) mid-edit and restarted', () => {
    let t: TestApp;
    let team: StatementTeam;
    let build: Awaited<ReturnType<typeof compileService>>;
    let service: ChildService;

    beforeAll(async () => {
      t = await createTestApp();
      team = await makeStatementTeam(t);
      build = await compileService();
      service = new ChildService(build.main, await freePort(), {
        DATABASE_URL: t.database.url,
        JWT_SECRET: t.config.jwt.secret!,
        LOG_LEVEL: 'warn',
        UNGPHO_ADMIN_PASSWORD: 'mat-khau-quan-tri-thu',
      });
      await service.start();
    }, 60_000);
    afterAll(async () => {
      await service?.stop();
      await build?.remove();
      await t?.close();
    });

    it('loses no acknowledged update', async () => {
      const id = await createStatement(service.url, team);
      const editor = await open(service.url, team.drafters[0], id, false);
      // Each word is one update. A socket's commands are answered in order, so the first `acked` words are the
      // acknowledged ones.
      for (let i = 1; i <= 300; i++) {
        editor.body.insert(editor.body.length, `từ${i} `);
        if (i === 120) void service.kill();
        await new Promise((r) => setTimeout(r, 2));
      }
      await editor.flushed();
      const acked = editor.acked;
      expect(acked).toBeGreaterThan(10);
      expect(acked).toBeLessThan(300); // the kill did hit the burst
      await service.start();
      const reader = await open(service.url, team.reader, id);
      const stored = reader.body.toString().split(' ').filter(Boolean);
      for (let i = 1; i <= acked; i++) expect(stored).toContain(`từ${i}`);
      // The editor's replica still holds every word; on a new connection its sync step 2 sends the server what
      // the kill cut off.
      const room = await RoomClient.connect(service.url, team.drafters[0].accessToken);
      sockets.push(room);
      const revived = new StatementClient(room.socket, id);
      drafts.push(revived);
      Y.applyUpdate(revived.doc, Y.encodeStateAsUpdate(editor.doc));
      await revived.open();
      await revived.flushed();
      expect(revived.refused).toEqual([]);
      const final = await open(service.url, team.reader, id);
      const words = final.body.toString().split(' ').filter(Boolean);
      for (let i = 1; i <= 300; i++) expect(words).toContain(`từ${i}`);
    }, 90_000);
  });

  describeWithRedis('two nodes through Redis', () => {
    const prefix = `ungpho-test-${randomBytes(5).toString('hex')}`;
    let a: TestApp;
    let b: TestApp;
    let team: StatementTeam;

    beforeAll(async () => {
      a = await createTestApp({ redisUrl: TEST_REDIS_URL, redisKeyPrefix: prefix });
      b = await createTestApp(
        { redisUrl: TEST_REDIS_URL, redisKeyPrefix: prefix, jwt: a.config.jwt },
        { database: a.database },
      );
      team = await makeStatementTeam(a);
    });
    afterAll(async () => {
      await b?.close();
      await a?.close();
      await dropRedisKeys(prefix);
    });

    it('three editors on two nodes converge, and both nodes hold the same draft', async () => {
      const id = await createStatement(a.url, team);
      const [x, y, z] = await Promise.all([
        open(a.url, team.drafters[0], id),
        open(b.url, team.drafters[1], id),
        open(b.url, team.drafters[2], id),
      ]);
      const viewerOnA = await open(a.url, team.reader, id);
      const type = async (client: StatementClient, tag: string) => {
        for (let i = 0; i < 25; i++) {
          // At a word boundary, so that every word stays whole.
          const text = client.body.toString();
          const boundaries = [0, ...[...text.matchAll(/ /g)].map((m) => m.index + 1)];
          client.body.insert(boundaries[Math.floor(Math.random() * boundaries.length)], `${tag}${i} `);
          await new Promise((r) => setTimeout(r, Math.random() * 10));
        }
      };
      await Promise.all([type(x, 'a'), type(y, 'b'), type(z, 'c')]);
      await Promise.all([x, y, z].map((c) => c.flushed()));
      expect([x, y, z].flatMap((c) => c.refused)).toEqual([]);
      await until(
        'convergence',
        () => new Set([x, y, z, viewerOnA].map((c) => c.body.toString())).size === 1,
      );
      const text = x.body.toString();
      expect(text.split(' ').filter(Boolean)).toHaveLength(75);
      // Fresh clients on each node start from that node's copy: the same text.
      const freshA = await open(a.url, team.reader, id);
      const freshB = await open(b.url, team.reader, id);
      expect(freshA.body.toString()).toBe(text);
      expect(freshB.body.toString()).toBe(text);
      // Awareness crosses nodes too.
      x.awareness.setLocalState({ cursor: { index: 0 } });
      await until('awareness on B', () => y.awareness.getStates().has(x.doc.clientID));
      expect(y.awareness.getStates().get(x.doc.clientID)).toMatchObject({
        user: { id: team.drafters[0].user.id },
      });
      // A socket on node B may not speak for a client id a socket on node A owns.
      const forged = new awarenessProtocol.Awareness(new Y.Doc());
      forged.clientID = x.doc.clientID;
      forged.setLocalState({ user: { name: 'Giả mạo' }, cursor: { index: 5 } });
      const claim = (await y.socket.timeout(5000).emitWithAck('yjs:awareness', {
        statementId: id,
        update: awarenessProtocol.encodeAwarenessUpdate(forged, [x.doc.clientID]),
      })) as { ok: boolean; error?: { code: string } };
      forged.destroy();
      forged.doc.destroy();
      expect(claim).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(viewerOnA.awareness.getStates().get(x.doc.clientID)).toMatchObject({ cursor: { index: 0 } });
      // A submission on node B freezes the draft for an editor on node A.
      const submitted = await b
        .http()
        .post(`/api/statements/${id}/submit`)
        .set(team.drafters[1].auth)
        .send({});
      expect(submitted.status).toBe(200);
      expect(submitted.body.version.body).toBe(text);
      await until('status on A', () => x.statusPushes.some((p) => p.status === 'in_review'));
      x.body.insert(0, 'muộn ');
      await x.flushed();
      expect(x.refused.map((e) => e.code)).toEqual(['STATEMENT_NOT_DRAFT']);
    });
  });
});
