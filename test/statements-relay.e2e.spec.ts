import pg from 'pg';
import * as Y from 'yjs';
import { StatementDocs } from '../src/statements/statement-docs.js';
import { ChildService, compileService, freePort } from './support/child-app.js';
import { StatementClient } from './support/statement-client.js';
import { makeStatementTeam } from './support/statement-team.js';
import type { StatementTeam } from './support/statement-team.js';
import { createTestApp, TestApp, TestUser } from './support/test-app.js';
import { RoomClient } from './support/ws-client.js';

const until = async (what: string, check: () => boolean | Promise<boolean>, ms = 15_000) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/**
 * Holds the statement row the way a submission does (FOR NO KEY UPDATE conflicts with the appends' FOR SHARE):
 * every append of the draft waits until `release`.
 */
async function holdAppends(url: string, statementId: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT id FROM statements WHERE id = $1 FOR NO KEY UPDATE', [statementId]);
  return {
    release: async () => {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

describe(`${StatementDocs.name}: relayed at once, acknowledged once stored (e2e)`, () => {
  const sockets: RoomClient[] = [];
  const drafts: StatementClient[] = [];

  const open = async (url: string, user: TestUser, statementId: string, reconnection = true) => {
    const room = await RoomClient.connect(url, user.accessToken, { reconnection });
    sockets.push(room);
    const client = new StatementClient(room.socket, statementId, 30_000);
    drafts.push(client);
    await client.open();
    return client;
  };

  const createStatement = async (url: string, team: StatementTeam, body = 'Dự thảo') => {
    const res = await fetch(`${url}/api/incidents/${team.incidentId}/statements`, {
      method: 'POST',
      headers: { ...team.drafters[0].auth, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'press_release', title: 'Thông cáo báo chí', body }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };

  const storedBody = async (t: TestApp, statementId: string) => {
    const res = await t
      .http()
      .get(`/api/statements/${statementId}`)
      .set((await team(t)).admin.auth);
    expect(res.status).toBe(200);
    return (res.body.draft as { body: string }).body;
  };

  const teams = new Map<TestApp, StatementTeam>();
  const team = async (t: TestApp) => {
    if (!teams.has(t)) teams.set(t, await makeStatementTeam(t));
    return teams.get(t)!;
  };

  afterEach(() => {
    for (const d of drafts.splice(0)) d.dispose();
    for (const s of sockets.splice(0)) s.close();
  });

  describe('one node', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(async () => {
      await t?.close();
    });

    it('relays before storing, acknowledges after storing, and a submission stores everything relayed', async () => {
      const crew = await team(t);
      const id = await createStatement(t.url, crew);
      const editor = await open(t.url, crew.drafters[0], id);
      const viewer = await open(t.url, crew.reader, id);
      const held = await holdAppends(t.database.url, id);
      let submitting: Promise<{ status: number; body: { version: { body: string } } }> | undefined;
      try {
        editor.body.insert(editor.body.length, ' đã chuyển');
        // The viewer has it while the database has not taken it, and the editor has no acknowledgement yet.
        await until('relay', () => viewer.body.toString() === 'Dự thảo đã chuyển');
        expect(editor.acked).toBe(0);
        expect(await storedBody(t, id)).toBe('Dự thảo');

        // A submission now waits for that relayed change to be stored; meanwhile the draft takes nothing new.
        submitting = t
          .http()
          .post(`/api/statements/${id}/submit`)
          .set(crew.drafters[1].auth)
          .send({})
          .then((r) => r);
        await until('gate closed', () => docs(t).gateOf(id) === 'freezing');
        // Refused before it is relayed (its answer leaves after the first one's: answers keep their order).
        editor.body.insert(0, 'Muộn: ');
        await new Promise((r) => setTimeout(r, 300));
        expect(viewer.body.toString()).toBe('Dự thảo đã chuyển');
        expect(editor.acked).toBe(0);
        expect(editor.refused).toEqual([]);
      } finally {
        await held.release();
      }
      await editor.flushed();
      expect(editor.acked).toBe(1);
      expect(editor.refused.map((e) => e.code)).toEqual(['STATEMENT_NOT_DRAFT']);
      // The submission went through once the relayed change was stored, and its version holds it.
      const res = await submitting!;
      expect(res.status).toBe(200);
      expect(res.body.version.body).toBe('Dự thảo đã chuyển');
      const version = await t.http().get(`/api/statements/${id}/versions/1`).set(crew.admin.auth).expect(200);
      expect(version.body.body).toBe('Dự thảo đã chuyển');
      expect(await storedBody(t, id)).toBe('Dự thảo đã chuyển');
      expect(docs(t).gateOf(id)).toBe('not_draft');
    }, 60_000);
  });
});

const docs = (t: TestApp) => t.app.get(StatementDocs);

describe(`${StatementDocs.name}: a restart between relay and storage (e2e)`, () => {
  const sockets: RoomClient[] = [];
  const drafts: StatementClient[] = [];
  let t: TestApp;
  let crew: StatementTeam;
  let build: Awaited<ReturnType<typeof compileService>>;
  let service: ChildService;

  const open = async (user: TestUser, statementId: string, seed?: Y.Doc) => {
    const room = await RoomClient.connect(service.url, user.accessToken, { reconnection: false });
    sockets.push(room);
    const client = new StatementClient(room.socket, statementId, 30_000);
    drafts.push(client);
    if (seed) Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(seed));
    await client.open();
    return client;
  };

  beforeAll(async () => {
    t = await createTestApp();
    crew = await makeStatementTeam(t);
    build = await compileService();
    service = new ChildService(build.main, await freePort(), {
      DATABASE_URL: t.database.url,
      JWT_SECRET: t.config.jwt.secret!,
      LOG_LEVEL: 'error',
      UNGPHO_ADMIN_PASSWORD: 'mat-khau-quan-tri-thu',
    });
    await service.start();
  }, 60_000);
  afterAll(async () => {
    for (const d of drafts.splice(0)) d.dispose();
    for (const s of sockets.splice(0)) s.close();
    await service?.stop();
    await build?.remove();
    await t?.close();
  });

  it('keeps what was acknowledged; what was only relayed comes back from its author', async () => {
    const res = await fetch(`${service.url}/api/incidents/${crew.incidentId}/statements`, {
      method: 'POST',
      headers: { ...crew.drafters[0].auth, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'press_release', title: 'Thông cáo báo chí', body: 'Dự thảo' }),
    });
    expect(res.status).toBe(201);
    const id = ((await res.json()) as { id: string }).id;
    const editor = await open(crew.drafters[0], id);
    const viewer = await open(crew.reader, id);
    editor.body.insert(editor.body.length, ' đã lưu');
    await editor.flushed();
    expect(editor.acked).toBe(1);

    const held = await holdAppends(t.database.url, id);
    try {
      editor.body.insert(editor.body.length, ' chỉ mới chuyển');
      await until('relay', () => viewer.body.toString() === 'Dự thảo đã lưu chỉ mới chuyển');
      expect(editor.acked).toBe(1);
      await service.kill();
      // The killed service's append may still be waiting on the lock: it goes with its process.
      await t.dataSource.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
      );
    } finally {
      await held.release();
    }
    await editor.flushed();
    expect(editor.acked).toBe(1);
    await service.start();

    // The acknowledged change survived; the relayed one was not stored.
    const fresh = await open(crew.reader, id);
    expect(fresh.body.toString()).toBe('Dự thảo đã lưu');
    // The author's replica still holds it: on its new connection, its step 2 sends it again, once.
    const revived = await open(crew.drafters[0], id, editor.doc);
    await revived.flushed();
    expect(revived.refused).toEqual([]);
    const after = await open(crew.reader, id);
    expect(after.body.toString()).toBe('Dự thảo đã lưu chỉ mới chuyển');
    // The viewer that had it from the relay re-syncs to the same text (Yjs: nothing doubled).
    const viewerAgain = await open(crew.reader, id, viewer.doc);
    expect(viewerAgain.body.toString()).toBe('Dự thảo đã lưu chỉ mới chuyển');
  }, 90_000);
});
