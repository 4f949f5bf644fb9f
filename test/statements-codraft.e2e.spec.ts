import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MAX_YJS_MESSAGE_BYTES } from '../src/rooms/rooms.events.js';
import { StatementsGateway } from '../src/statements/statements.gateway.js';
import { DraftSessions } from './support/draft-sessions.js';
import { StatementClient, StatementSyncError } from './support/statement-client.js';
import { makeStatementTeam } from './support/statement-team.js';
import type { Member, StatementTeam } from './support/statement-team.js';
import { createTestApp, TestApp, TestUser } from './support/test-app.js';
import { RoomClient } from './support/ws-client.js';

describe(`${StatementsGateway.name} co-drafting (e2e)`, () => {
  let t: TestApp;
  let team: StatementTeam;
  const sessions = new DraftSessions();
  const { sockets, drafts } = sessions;

  const open = (user: TestUser, statementId: string) => sessions.open(t.url, user, statementId);

  const createStatement = async (by: Member | TestUser, body = 'Nội dung ban đầu.') => {
    const res = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/statements`)
      .set(by.auth)
      .send({ type: 'press_release', title: 'Thông cáo báo chí về vụ việc', body, channels: ['portal'] });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  /** The stored draft, as a fresh reader loads it (snapshot + log) over HTTP. */
  const storedDraft = async (statementId: string) => {
    const res = await t.http().get(`/api/statements/${statementId}`).set(team.admin.auth);
    expect(res.status).toBe(200);
    return res.body.draft as { title: string; body: string };
  };

  const until = async (what: string, check: () => boolean | Promise<boolean>, ms = 10_000) => {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    team = await makeStatementTeam(t);
  });
  afterEach(() => sessions.closeAll());
  afterAll(async () => {
    await t?.close();
  });

  it('lets editors create a statement; observers and outsiders cannot, readers read', async () => {
    const id = await createStatement(team.drafters[0]);
    const observer = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/statements`)
      .set(team.observer.auth)
      .send({ type: 'press_release', title: 'Thông cáo của người quan sát' });
    expect(observer.status).toBe(403);
    expect(observer.body.code).toBe('FORBIDDEN');
    const unknownField = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/statements`)
      .set(team.drafters[0].auth)
      .send({ type: 'press_release', title: 'Thông cáo', colour: 'đỏ' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.details.map((d: { field: string }) => d.field)).toContain('colour');
    const badType = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/statements`)
      .set(team.drafters[0].auth)
      .send({ type: 'memo', title: 'Thông cáo' });
    expect(badType.status).toBe(400);
    expect(badType.body.details[0].field).toBe('type');

    const read = await t.http().get(`/api/statements/${id}`).set(team.reader.auth);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      type: 'press_release',
      typeLabel: 'Thông cáo báo chí',
      status: 'draft',
      draft: { title: 'Thông cáo báo chí về vụ việc', body: 'Nội dung ban đầu.' },
      rights: { canEdit: false },
    });
    const outsider = await t.createUser();
    expect((await t.http().get(`/api/statements/${id}`).set(outsider.auth)).status).toBe(404);
    const list = await t.http().get(`/api/incidents/${team.incidentId}/statements`).set(team.reader.auth);
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain(id);
  });

  it('three editors typing at once converge to the same text, which is what the server stored', async () => {
    const id = await createStatement(team.drafters[0], '');
    const [a, b, c] = await Promise.all(team.drafters.map((d) => open(d, id)));
    expect(a.opened?.canEdit).toBe(true);
    const words: Record<string, string[]> = {
      a: ['Sở', 'Y', 'tế', 'đã', 'nắm', 'được', 'thông', 'tin'],
      b: ['Đoàn', 'kiểm', 'tra', 'liên', 'ngành', 'đã', 'có', 'mặt'],
      c: ['Đề', 'nghị', 'người', 'dân', 'bình', 'tĩnh', 'theo', 'dõi'],
    };
    const type = async (client: StatementClient, list: string[]) => {
      for (const w of list) {
        const pos = Math.floor(Math.random() * (client.body.length + 1));
        client.body.insert(pos, `${w} `);
        if (Math.random() < 0.3 && client.body.length > 4) client.body.delete(0, 1);
        await new Promise((r) => setTimeout(r, Math.random() * 15));
      }
    };
    await Promise.all([type(a, words.a), type(b, words.b), type(c, words.c)]);
    await Promise.all([a, b, c].map((x) => x.flushed()));
    expect([a, b, c].flatMap((x) => x.refused)).toEqual([]);
    await until('convergence', () => new Set([a, b, c].map((x) => x.body.toString())).size === 1);
    const text = a.body.toString();
    expect(text.length).toBeGreaterThan(0);
    expect((await storedDraft(id)).body).toBe(text);
    // A late joiner starts from the same state.
    const late = await open(team.drafters[1], id);
    expect(late.body.toString()).toBe(text);
    const rows = await t.dataSource.query(
      `SELECT sum(update_count)::int AS n FROM statement_doc_updates WHERE statement_id = $1`,
      [id],
    );
    // Every insert is stored; a delete of what another editor had deleted already is acknowledged, not stored.
    expect(rows[0].n).toBeLessThanOrEqual(a.acked + b.acked + c.acked);
    expect(rows[0].n).toBeGreaterThanOrEqual(24);
  });

  it("refuses a non-editor's update and changes nothing, for them or anyone", async () => {
    const id = await createStatement(team.drafters[0], 'Văn bản gốc.');
    const editor = await open(team.drafters[0], id);
    for (const user of [team.observer, team.reader]) {
      const viewer = await open(user, id);
      expect(viewer.opened?.canEdit).toBe(false);
      expect(viewer.body.toString()).toBe('Văn bản gốc.');
      viewer.body.insert(0, 'CHÈN TRÁI PHÉP ');
      await viewer.flushed();
      expect(viewer.refused.map((e) => e.code)).toEqual(['FORBIDDEN']);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(editor.body.toString()).toBe('Văn bản gốc.');
    expect((await storedDraft(id)).body).toBe('Văn bản gốc.');
    // A reader's own step 2 that carries nothing new is accepted (ordinary sync), and edits still flow to it.
    const viewer = await open(team.reader, id);
    editor.body.insert(editor.body.length, ' Bổ sung.');
    await editor.flushed();
    await until('viewer sees the edit', () => viewer.body.toString() === 'Văn bản gốc. Bổ sung.');
  });

  it('refuses malformed, oversized and unknown-field messages with a clear error', async () => {
    const id = await createStatement(team.drafters[0]);
    const editor = await open(team.drafters[0], id);
    const garbage = await editor.rawSync(new Uint8Array([2, 5, 1, 2, 3]));
    expect(garbage.ok).toBe(false);
    if (!garbage.ok) expect(garbage.error.code).toBe('VALIDATION_FAILED');
    const big = await editor.rawSync(new Uint8Array(MAX_YJS_MESSAGE_BYTES + 1));
    expect(!big.ok && big.error.code).toBe('PAYLOAD_TOO_LARGE');
    const extra = (await editor.socket
      .timeout(5000)
      .emitWithAck('yjs:sync', { statementId: id, message: new Uint8Array([0, 0]), extra: 1 } as never)) as {
      ok: boolean;
      error?: { code: string; details: { field: string }[] };
    };
    expect(extra.ok).toBe(false);
    expect(extra.error?.details.map((d) => d.field)).toEqual(['extra']);
    const notBinary = (await editor.socket
      .timeout(5000)
      .emitWithAck('yjs:sync', { statementId: id, message: 'abc' } as never)) as {
      error?: { code: string; details: { field: string }[] };
    };
    expect(notBinary.error?.details[0].field).toBe('message');
    // Not opened on this socket.
    const other = await RoomClient.connect(t.url, team.drafters[1].accessToken);
    sockets.push(other);
    const stranger = new StatementClient(other.socket, id);
    drafts.push(stranger);
    const notOpen = await stranger.rawSync(new Uint8Array([0, 0]));
    expect(!notOpen.ok && notOpen.error.code).toBe('ROOM_NOT_JOINED');
    // Someone who cannot see the incident cannot open it.
    const outsider = await t.createUser();
    const out = await RoomClient.connect(t.url, outsider.accessToken);
    sockets.push(out);
    const refused = new StatementClient(out.socket, id);
    drafts.push(refused);
    await expect(refused.open()).rejects.toThrow(/NOT_FOUND/);
    expect((await storedDraft(id)).body).toBe('Nội dung ban đầu.');
  });

  it('relays awareness with the authenticated name, and removes it when the socket closes', async () => {
    const id = await createStatement(team.drafters[0]);
    const a = await open(team.drafters[0], id);
    const b = await open(team.drafters[1], id);
    a.awareness.setLocalState({ user: { name: 'Người khác', color: '#c00' }, cursor: { index: 3 } });
    await until('b sees a', () => b.awareness.getStates().has(a.doc.clientID));
    expect(b.awareness.getStates().get(a.doc.clientID)).toEqual({
      user: { name: team.drafters[0].user.displayName, color: '#c00', id: team.drafters[0].user.id },
      cursor: { index: 3 },
    });
    // b may not speak for a's client id.
    const forged = new awarenessProtocol.Awareness(new Y.Doc());
    forged.clientID = a.doc.clientID;
    forged.setLocalState({ user: { name: 'Giả mạo' } });
    const update = awarenessProtocol.encodeAwarenessUpdate(forged, [a.doc.clientID]);
    const res = (await b.socket.timeout(5000).emitWithAck('yjs:awareness', { statementId: id, update })) as {
      ok: boolean;
      error?: { code: string };
    };
    expect(res.error?.code).toBe('FORBIDDEN');
    forged.destroy();
    forged.doc.destroy();
    sockets[0].close();
    await until('a removed', () => !b.awareness.getStates().has(a.doc.clientID));
  });

  it('keeps comments anchored to their words while others edit around them', async () => {
    const id = await createStatement(team.drafters[0], 'Đoàn kiểm tra đã lấy mẫu thực phẩm để xét nghiệm.');
    const editor = await open(team.drafters[0], id);
    const start = editor.body.toString().indexOf('lấy mẫu thực phẩm');
    const res = await t.http().post(`/api/statements/${id}/comments`).set(team.legal.auth).send({
      field: 'body',
      index: start,
      length: 'lấy mẫu thực phẩm'.length,
      body: 'Ghi rõ số mẫu đã lấy.',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ quote: 'lấy mẫu thực phẩm', status: 'open' });
    // A second client anchors its own comment with Yjs relative positions.
    const i = editor.body.toString().indexOf('xét nghiệm');
    const rel = (n: number, assoc = 0) =>
      Buffer.from(
        Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(editor.body, n, assoc)),
      ).toString('base64');
    const second = await t
      .http()
      .post(`/api/statements/${id}/comments`)
      .set(team.drafters[1].auth)
      .send({
        field: 'body',
        anchorStart: rel(i),
        anchorEnd: rel(i + 'xét nghiệm'.length, -1),
        body: 'Nơi xét nghiệm?',
      });
    expect(second.status).toBe(201);
    expect(second.body.quote).toBe('xét nghiệm');
    const other = await open(team.drafters[1], id);
    editor.body.insert(0, 'Sáng 01/12, ');
    other.body.insert(other.body.toString().indexOf('thực phẩm'), 'nhiều loại ');
    other.body.insert(other.body.length, ' Kết quả dự kiến có sau 48 giờ.');
    await Promise.all([editor.flushed(), other.flushed()]);
    const list = await t.http().get(`/api/statements/${id}/comments`).set(team.reader.auth);
    expect(list.body.items.map((c: { range: { text: string } }) => c.range.text)).toEqual([
      'lấy mẫu nhiều loại thực phẩm',
      'xét nghiệm',
    ]);
    const observer = await t
      .http()
      .post(`/api/statements/${id}/comments`)
      .set(team.observer.auth)
      .send({ field: 'body', index: 0, length: 1, body: 'Ý kiến' });
    expect(observer.status).toBe(403);
    const resolved = await t
      .http()
      .post(`/api/statements/${id}/comments/${res.body.id}/resolve`)
      .set(team.drafters[0].auth);
    expect(resolved.body.status).toBe('resolved');
    const reopened = await t
      .http()
      .post(`/api/statements/${id}/comments/${res.body.id}/reopen`)
      .set(team.drafters[0].auth);
    expect(reopened.body).toMatchObject({ status: 'open', resolvedAt: null });
    const outOfRange = await t
      .http()
      .post(`/api/statements/${id}/comments`)
      .set(team.legal.auth)
      .send({ field: 'body', index: 10_000, length: 1, body: 'x' });
    expect(outOfRange.status).toBe(400);
  });

  it('freezes the draft on submission: later updates are refused and the version keeps what was acknowledged', async () => {
    const id = await createStatement(team.drafters[0], 'Dự thảo');
    const editor = await open(team.drafters[0], id);
    editor.body.insert(editor.body.length, ' đã sửa');
    await editor.flushed();
    const submitted = await t.http().post(`/api/statements/${id}/submit`).set(team.drafters[1].auth).send({});
    expect(submitted.status).toBe(200);
    expect(submitted.body.version).toMatchObject({ number: 1, body: 'Dự thảo đã sửa', status: 'in_review' });
    await until('status push', () => editor.statusPushes.some((p) => p.status === 'in_review'));
    editor.body.insert(0, 'Sau khi trình: ');
    await editor.flushed();
    expect(editor.refused.map((e: StatementSyncError) => e.code)).toEqual(['STATEMENT_NOT_DRAFT']);
    expect((await storedDraft(id)).body).toBe('Dự thảo đã sửa');
    // A forged update straight at the socket is refused the same way.
    const doc = new Y.Doc();
    doc.getText('body').insert(0, 'x');
    const encoder = encoding.createEncoder();
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc));
    const forged = await editor.rawSync(encoding.toUint8Array(encoder));
    expect(!forged.ok && forged.error.code).toBe('STATEMENT_NOT_DRAFT');

    // Changes requested: the draft opens again. The editor keeps typing on a replica that holds the refused
    // change; the server refuses to store updates built on it (they would be invisible) until the client
    // re-syncs, and then stores everything: nothing acknowledged is missing from the draft.
    const v = submitted.body.version;
    const back = await t
      .http()
      .post(`/api/statements/${id}/versions/1/decisions`)
      .set(team.legal.auth)
      .send({ decision: 'request_changes', sha256: v.sha256, reason: 'Bổ sung thời gian cụ thể.' });
    expect(back.body.statementStatus).toBe('draft');
    await until('status push', () => editor.statusPushes.some((p) => p.status === 'draft'));
    editor.body.insert(editor.body.length, ' lúc 9 giờ');
    await editor.flushed();
    expect(editor.refused.map((e: StatementSyncError) => e.code)).toEqual([
      'STATEMENT_NOT_DRAFT',
      'YJS_RESYNC_REQUIRED',
    ]);
    const text = editor.body.toString();
    expect(text).toBe('Sau khi trình: Dự thảo đã sửa lúc 9 giờ');
    expect((await storedDraft(id)).body).toBe(text);
    const reader = await open(team.reader, id);
    expect(reader.body.toString()).toBe(text);
  });

  it('caps the rate of Yjs messages per socket', async () => {
    const slow = await createTestApp({ codraft: { maxMessagesPerSecond: 3 } });
    try {
      const crew = await makeStatementTeam(slow, { drafters: 1 });
      const created = await slow
        .http()
        .post(`/api/incidents/${crew.incidentId}/statements`)
        .set(crew.drafters[0].auth)
        .send({ type: 'social_post', title: 'Bài đăng trên trang chính thức', body: '' });
      const room = await RoomClient.connect(slow.url, crew.drafters[0].accessToken);
      sockets.push(room);
      const editor = new StatementClient(room.socket, created.body.id);
      drafts.push(editor);
      await editor.open(); // two messages of the burst of six
      for (let i = 0; i < 8; i++) editor.body.insert(editor.body.length, `${i}`);
      await editor.flushed();
      expect(editor.refused.length).toBeGreaterThan(0);
      expect(editor.refused.every((e) => e.code === 'RATE_LIMITED')).toBe(true);
      // Once the bucket refills, a re-sync stores what was refused: the stored draft is the editor's text.
      await new Promise((r) => setTimeout(r, 1500));
      await editor.open();
      await editor.flushed();
      const stored = await slow.http().get(`/api/statements/${created.body.id}`).set(crew.admin.auth);
      expect(stored.body.draft.body).toBe('01234567');
    } finally {
      await slow.close();
    }
  });
});
