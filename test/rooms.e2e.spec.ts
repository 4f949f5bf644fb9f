import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { Role } from '../src/auth/role.js';
import { NotificationsService } from '../src/notifications/notifications.service.js';
import { RoomsGateway } from '../src/rooms/rooms.gateway.js';
import { RoomsNotifier } from '../src/rooms/rooms.notifier.js';
import { MAX_COMMAND_BYTES } from '../src/rooms/rooms.events.js';
import type { RoomEvent } from '../src/rooms/rooms.events.js';
import { makePerson, makeProvinceTree } from './support/factories.js';
import { createTestApp, TestApp, TestUser } from './support/test-app.js';
import { RoomClient } from './support/ws-client.js';

const seqs = (events: RoomEvent[]) => events.map((e) => e.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe(`${RoomsGateway.name} (e2e)`, () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof makeProvinceTree>>;
  let admin: TestUser;
  let provinceLeader: TestUser;
  let healthOfficer: TestUser;
  let healthOfficer2: TestUser;
  let communeOfficer: TestUser;
  let outsider: TestUser;
  let analyst: TestUser;
  const clients: RoomClient[] = [];

  const as = async (unitId: string, roles: Role[]) =>
    t.createUser({ roles, personId: (await makePerson(t.dataSource, unitId)).id });

  const connect = async (user: TestUser) => {
    const client = await RoomClient.connect(t.url, user.accessToken);
    clients.push(client);
    return client;
  };

  const declare = async (unitId: string, by: TestUser = admin): Promise<string> => {
    const res = await t.http().post('/api/incidents').set(by.auth).send({
      title: 'Tin đồn sai sự thật về dịch bệnh',
      category: 'public_health',
      severity: 'L2',
      responsibleOrgUnitId: unitId,
    });
    expect(res.status).toBe(201);
    return res.body.id;
  };

  const addTask = async (incidentId: string, title = 'Xác minh thông tin với UBND phường') => {
    const res = await t
      .http()
      .post(`/api/incidents/${incidentId}/tasks`)
      .set(healthOfficer.auth)
      .send({ title });
    expect(res.status).toBe(201);
    return res.body;
  };

  const dbEvents = async (incidentId: string): Promise<{ seq: number; type: string }[]> =>
    t.dataSource.query(`SELECT seq, type FROM incident_events WHERE incident_id = $1 ORDER BY seq`, [
      incidentId,
    ]);

  /** A round trip through the room: once `probe` sees this message, everything broadcast before it has arrived. */
  const flush = async (incidentId: string, sender: RoomClient, probe: RoomClient) => {
    const { seq } = await sender.call('chat:send', {
      incidentId,
      clientId: randomUUID(),
      text: 'kiểm tra đường truyền',
    });
    await probe.waitFor(() => probe.lastSeq(incidentId) >= seq, `seq ${seq}`);
    return seq;
  };

  beforeAll(async () => {
    t = await createTestApp();
    tree = await makeProvinceTree(t.dataSource);
    admin = await t.createUser({ roles: [Role.Admin], displayName: 'Quản trị' });
    provinceLeader = await as(tree.province.id, [Role.Leader]);
    healthOfficer = await as(tree.department.id, [Role.Officer]);
    healthOfficer2 = await as(tree.department.id, [Role.Officer]);
    communeOfficer = await as(tree.commune.id, [Role.Officer]);
    outsider = await as(tree.otherProvince.id, [Role.Leader]);
    analyst = await as(tree.department.id, [Role.Analyst]);
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('handshake', () => {
    it('refuses a missing, malformed or expired token and a locked account, with a code and a Vietnamese message', async () => {
      expect(await RoomClient.refused(t.url, {})).toEqual({
        code: 'UNAUTHENTICATED',
        message: expect.stringContaining('Cần đăng nhập'),
      });
      expect(await RoomClient.refused(t.url, { token: 'khong-phai-jwt' })).toEqual({
        code: 'TOKEN_INVALID',
        message: 'Mã truy cập không hợp lệ hoặc đã hết hạn',
      });
      const jwt = t.app.get(JwtService);
      const expired = await jwt.signAsync({
        sub: healthOfficer.user.id,
        email: healthOfficer.email,
        roles: ['officer'],
        typ: 'access',
        exp: Math.floor(Date.now() / 1000) - 5,
      });
      expect((await RoomClient.refused(t.url, { token: expired })).code).toBe('TOKEN_INVALID');
      // A refresh token is not an access token.
      expect((await RoomClient.refused(t.url, { token: healthOfficer.refreshToken })).code).toBe(
        'TOKEN_INVALID',
      );

      const locked = await as(tree.department.id, [Role.Officer]);
      const patch = await t
        .http()
        .patch(`/api/users/${locked.user.id}`)
        .set(admin.auth)
        .send({ active: false });
      expect(patch.status).toBe(200);
      expect(await RoomClient.refused(t.url, { token: locked.accessToken })).toEqual({
        code: 'ACCOUNT_DISABLED',
        message: expect.stringContaining('bị khóa'),
      });
    });

    it('accepts a valid token', async () => {
      const client = await connect(healthOfficer);
      expect(client.socket.connected).toBe(true);
    });
  });

  describe('room:join', () => {
    it('replays the events after afterSeq, with the members and who is present', async () => {
      const incidentId = await declare(tree.department.id);
      await addTask(incidentId, 'Nhiệm vụ 1');
      await addTask(incidentId, 'Nhiệm vụ 2');
      await addTask(incidentId, 'Nhiệm vụ 3');
      const officer = await connect(healthOfficer);
      const joined = await officer.join(incidentId, 2);
      expect(joined).toMatchObject({ incidentId, lastSeq: 4, hasMore: false });
      expect(joined.events.map((e) => [e.seq, e.type, e.actor])).toEqual([
        [3, 'task.created', healthOfficer.user.id],
        [4, 'task.created', healthOfficer.user.id],
      ]);
      expect(joined.events[0].payload).toMatchObject({ task: { title: 'Nhiệm vụ 2' } });
      const memberIds = joined.members.map((m) => m.userId);
      expect(memberIds).toEqual(
        expect.arrayContaining([
          admin.user.id,
          provinceLeader.user.id,
          healthOfficer.user.id,
          healthOfficer2.user.id,
        ]),
      );
      expect(memberIds).not.toContain(outsider.user.id);
      expect(memberIds).not.toContain(analyst.user.id);
      expect(memberIds).not.toContain(communeOfficer.user.id);
      expect(joined.present).toEqual([
        { userId: healthOfficer.user.id, displayName: healthOfficer.user.displayName, roles: ['officer'] },
      ]);

      // From the start: everything, including incident.opened.
      const leader = await connect(provinceLeader);
      const all = await leader.join(incidentId);
      expect(seqs(all.events)).toEqual([1, 2, 3, 4]);
      expect(all.events[0].type).toBe('incident.opened');
    });

    it('pages a long replay: hasMore until the client has caught up', async () => {
      const incidentId = await declare(tree.department.id);
      // 1 + 1100 events, written straight through the one write path's table shape for speed.
      await t.dataSource.query(
        `WITH bump AS (UPDATE incidents SET last_seq = last_seq + 1100 WHERE id = $1 RETURNING last_seq)
         INSERT INTO incident_events (incident_id, seq, type, actor_user_id, payload, occurred_at)
         SELECT $1, 1 + g, 'chat.posted', NULL, jsonb_build_object('text', 'tin ' || g), now()
           FROM generate_series(1, 1100) g`,
        [incidentId],
      );
      const client = await connect(provinceLeader);
      const joined = await client.join(incidentId);
      expect(joined.events).toHaveLength(1000);
      expect(joined.hasMore).toBe(true);
      expect(seqs(client.events(incidentId))).toEqual(range(1, 1101));
    });

    it('refuses non-members, who then receive nothing from the room', async () => {
      const incidentId = await declare(tree.department.id);
      const member = await connect(healthOfficer);
      await member.join(incidentId);
      const strangers = [await connect(outsider), await connect(analyst), await connect(communeOfficer)];
      for (const s of strangers) {
        await expect(s.join(incidentId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
        const chat = await s.request('chat:send', { incidentId, clientId: randomUUID(), text: 'xin chào' });
        expect(chat).toEqual({
          ok: false,
          error: { code: 'NOT_FOUND', message: expect.stringContaining('Không tìm thấy') },
        });
        expect((await s.request('room:resync', { incidentId, afterSeq: 0 })).ok).toBe(false);
        expect((await s.request('task:create', { incidentId, title: 'Nhiệm vụ lén' })).ok).toBe(false);
      }
      await addTask(incidentId);
      await flush(incidentId, member, member);
      for (const s of strangers) {
        expect(s.received).toEqual([]);
        expect(s.presence).toEqual([]);
      }
      const types = (await dbEvents(incidentId)).map((e) => e.type);
      expect(types.filter((x) => x === 'task.created')).toHaveLength(1); // the stranger's task was not written
    });

    it('an unknown incident gets the same answer as a hidden one', async () => {
      const client = await connect(admin);
      await expect(client.join(randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('commands', () => {
    let incidentId: string;
    beforeAll(async () => {
      incidentId = await declare(tree.department.id);
    });

    it('validates payloads like HTTP bodies: field named, unknown fields and oversize refused', async () => {
      const c = await connect(healthOfficer);
      await c.join(incidentId);
      const unknown = await c.request('chat:send', {
        incidentId,
        clientId: 'a1',
        text: 'x',
        priority: 'cao',
      });
      expect(unknown).toEqual({
        ok: false,
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Dữ liệu không hợp lệ: priority',
          details: [
            expect.objectContaining({ field: 'priority', messages: ['priority: trường không được phép'] }),
          ],
        },
      });
      const missing = await c.request('chat:send', { incidentId, clientId: 'a2' });
      expect(missing.ok === false && missing.error.details).toEqual([
        expect.objectContaining({ field: 'text' }),
      ]);
      const badId = await c.request('room:join', { incidentId: 'khong-phai-uuid' });
      expect(badId.ok === false && badId.error.message).toBe('Dữ liệu không hợp lệ: incidentId');
      const blank = await c.request('chat:send', { incidentId, clientId: 'a3', text: '   ' });
      expect(blank.ok === false && blank.error.code).toBe('VALIDATION_FAILED');
      const tooLongText = await c.request('chat:send', {
        incidentId,
        clientId: 'a4',
        text: 'a'.repeat(4001),
      });
      expect(tooLongText.ok === false && tooLongText.error.message).toBe('Dữ liệu không hợp lệ: text');
      const notObject = await c.request('chat:send', 'xin chào');
      expect(notObject).toEqual({
        ok: false,
        error: { code: 'VALIDATION_FAILED', message: 'Dữ liệu lệnh phải là một đối tượng JSON' },
      });
      const huge = await c.request('chat:send', {
        incidentId,
        clientId: 'a5',
        text: 'x'.repeat(MAX_COMMAND_BYTES),
      });
      expect(huge.ok === false && huge.error).toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        message: expect.stringContaining('quá lớn'),
      });
      // Nothing of that was written, and the socket still works.
      expect((await dbEvents(incidentId)).map((e) => e.type)).not.toContain('chat.posted');
      expect((await c.request('chat:send', { incidentId, clientId: 'a6', text: 'vẫn hoạt động' })).ok).toBe(
        true,
      );
    });

    it('chat:send is idempotent per clientId and broadcast once', async () => {
      const author = await connect(healthOfficer);
      const listener = await connect(provinceLeader);
      await author.join(incidentId);
      await listener.join(incidentId);
      const clientId = randomUUID();
      const first = await author.call('chat:send', { incidentId, clientId, text: 'Đã liên hệ phóng viên' });
      const again = await author.call('chat:send', { incidentId, clientId, text: 'Đã liên hệ phóng viên' });
      expect(first.duplicate).toBe(false);
      expect(again).toEqual({ messageId: first.messageId, seq: first.seq, duplicate: true });
      // Another tab (a new connection) resending after a lost ack gets the same answer.
      const otherTab = await connect(healthOfficer);
      expect(
        await otherTab.call('chat:send', { incidentId, clientId, text: 'Đã liên hệ phóng viên' }),
      ).toEqual(again);
      // Someone else cannot take over the id.
      await expect(
        listener.call('chat:send', { incidentId, clientId, text: 'tin khác' }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });

      await flush(incidentId, author, listener);
      const posted = listener.events(incidentId).filter((e) => e.payload.clientId === clientId);
      expect(posted).toEqual([
        {
          incidentId,
          seq: first.seq,
          type: 'chat.posted',
          actor: healthOfficer.user.id,
          payload: { messageId: first.messageId, clientId, text: 'Đã liên hệ phóng viên', mentions: [] },
          occurredAt: expect.any(String),
        },
      ]);
      const rows = await t.dataSource.query(
        `SELECT seq, author_user_id FROM incident_chat_messages WHERE incident_id = $1 AND client_id = $2`,
        [incidentId, clientId],
      );
      expect(rows).toEqual([{ seq: first.seq, author_user_id: healthOfficer.user.id }]);
      const audit = await t.dataSource.query(
        `SELECT action, actor_user_id FROM audit_log WHERE entity_id = $1`,
        [first.messageId],
      );
      expect(audit).toEqual([{ action: 'chat.posted', actor_user_id: healthOfficer.user.id }]);
    });

    it('mentions notify the mentioned members in their own room, never people outside the incident', async () => {
      const author = await connect(healthOfficer);
      const mentioned = await connect(healthOfficer2); // not in the room: notified anyway
      const stranger = await connect(outsider);
      await author.join(incidentId);
      const sent = await author.call('chat:send', {
        incidentId,
        clientId: randomUUID(),
        text: 'Anh xem giúp thông cáo',
        mentions: [healthOfficer2.user.id, outsider.user.id],
      });
      await mentioned.waitFor(() => mentioned.notifications.length === 1, 'mention');
      expect(mentioned.notifications[0]).toEqual({
        type: 'chat.mention',
        incidentId,
        seq: sent.seq,
        messageId: sent.messageId,
        from: healthOfficer.user.id,
        text: 'Anh xem giúp thông cáo',
        occurredAt: expect.any(String),
      });
      await flush(incidentId, author, author);
      expect(stranger.notifications).toEqual([]);
      expect(author.events(incidentId).find((e) => e.seq === sent.seq)?.payload.mentions).toEqual([
        healthOfficer2.user.id,
      ]);
    });

    it('outbox in-app notifications reach every open tab of their user, and only theirs', async () => {
      const tabA = await connect(healthOfficer2);
      const tabB = await connect(healthOfficer2);
      const other = await connect(healthOfficer);
      await t.dataSource.transaction((manager) =>
        t.app.get(NotificationsService).enqueue(manager, {
          to: { userId: healthOfficer2.user.id },
          channels: ['in_app'],
          kind: 'working_group.invitation',
          subject: 'Mời tham gia Tổ công tác',
          text: 'Đồng chí được mời tham gia Tổ công tác xử lý sự cố.',
        }),
      );
      for (const tab of [tabA, tabB]) {
        await tab.waitFor(() => tab.notifications.length === 1, 'outbox notification');
        expect(tab.notifications[0]).toMatchObject({
          type: 'working_group.invitation',
          subject: 'Mời tham gia Tổ công tác',
          text: 'Đồng chí được mời tham gia Tổ công tác xử lý sự cố.',
        });
      }
      const listed = await t.http().get('/api/me/notifications').set(healthOfficer2.auth);
      expect(listed.body.items ?? listed.body).toEqual(
        expect.arrayContaining([expect.objectContaining({ subject: 'Mời tham gia Tổ công tác' })]),
      );
      expect(other.notifications).toEqual([]);
    });

    it("handles one socket's commands in order", async () => {
      const c = await connect(healthOfficer);
      await c.join(incidentId);
      const acks = await Promise.all(
        range(1, 30).map((i) =>
          c.call('chat:send', { incidentId, clientId: `order-${i}-${randomUUID()}`, text: `tin ${i}` }),
        ),
      );
      const sent = acks.map((a) => a.seq);
      expect(sent).toEqual([...sent].sort((a, b) => a - b));
      expect(new Set(sent).size).toBe(30);
      await c.waitFor(() => c.lastSeq(incidentId) >= sent[29], 'all 30');
      const texts = c
        .events(incidentId)
        .filter((e) => sent.includes(e.seq))
        .map((e) => e.payload.text);
      expect(texts).toEqual(range(1, 30).map((i) => `tin ${i}`));
    });

    it('tasks and verified facts change live through the one write path', async () => {
      const officer = await connect(healthOfficer);
      const leader = await connect(provinceLeader);
      await officer.join(incidentId);
      await leader.join(incidentId);
      const task = await officer.call('task:create', {
        incidentId,
        title: 'Liên hệ Sở Y tế xác minh',
        assigneeUserId: healthOfficer2.user.id,
      });
      expect(task).toMatchObject({ incidentId, title: 'Liên hệ Sở Y tế xác minh', status: 'todo' });
      const done = await officer.call('task:update', { incidentId, taskId: task.id, status: 'done' });
      expect(done.completedAt).toEqual(expect.any(String));
      const fact = await leader.call('fact:create', {
        incidentId,
        statement: 'Không có ca ngộ độc nào được ghi nhận tại trường',
        source: 'Báo cáo của Trung tâm Y tế ngày 20/11',
        status: 'verified',
      });
      expect(fact.verifiedByUserId).toBe(provinceLeader.user.id);
      const retracted = await officer.call('fact:update', {
        incidentId,
        factId: fact.id,
        status: 'retracted',
        retractionReason: 'Trung tâm Y tế đính chính số liệu',
      });
      expect(retracted.status).toBe('retracted');
      const bad = await officer.request('task:update', { incidentId, taskId: task.id, status: 'xong' });
      expect(bad.ok === false && bad.error.code).toBe('VALIDATION_FAILED');
      const missing = await officer.request('task:update', {
        incidentId,
        taskId: randomUUID(),
        title: 'Không có',
      });
      expect(missing.ok === false && missing.error.code).toBe('NOT_FOUND');

      await flush(incidentId, officer, leader);
      const live = leader.events(incidentId).filter((e) => /^(task|fact)\./.test(e.type));
      expect(live.map((e) => [e.type, e.actor])).toEqual([
        ['task.created', healthOfficer.user.id],
        ['task.completed', healthOfficer.user.id],
        ['fact.recorded', provinceLeader.user.id],
        ['fact.retracted', healthOfficer.user.id],
      ]);
      expect(live[0].payload).toMatchObject({ task: { id: task.id } });
      // The same as the HTTP timeline: one log.
      const http = await t
        .http()
        .get(`/api/incidents/${incidentId}/events?limit=500`)
        .set(provinceLeader.auth);
      expect(leader.events(incidentId).map((e) => e.seq)).toEqual(
        http.body.items.map((e: RoomEvent) => e.seq),
      );
    });

    it('an analyst who can see nothing cannot write either', async () => {
      const c = await connect(analyst);
      const res = await c.request('fact:create', {
        incidentId,
        statement: 'Sự kiện giả',
        source: 'không rõ',
      });
      expect(res.ok === false && res.error.code).toBe('NOT_FOUND');
    });
  });

  describe('gaps and resync', () => {
    it('a client that misses a live event sees the gap and resyncs', async () => {
      const incidentId = await declare(tree.department.id);
      const sender = await connect(healthOfficer);
      const listener = await connect(provinceLeader);
      await sender.join(incidentId);
      await listener.join(incidentId);
      listener.loseNext = 2;
      for (let i = 0; i < 4; i++)
        await sender.call('chat:send', { incidentId, clientId: randomUUID(), text: `tin ${i}` });
      await listener.waitFor(() => listener.lastSeq(incidentId) === 5, 'resynced to seq 5');
      expect(seqs(listener.events(incidentId))).toEqual([1, 2, 3, 4, 5]);
      expect(listener.gapsSeen).toBeGreaterThanOrEqual(1);
      expect(listener.resyncs).toBeGreaterThanOrEqual(1);
    });

    it('room:resync returns what follows afterSeq, only to a socket in the room', async () => {
      const incidentId = await declare(tree.department.id);
      await addTask(incidentId);
      const c = await connect(healthOfficer);
      const notJoined = await c.request('room:resync', { incidentId, afterSeq: 0 });
      expect(notJoined.ok === false && notJoined.error.code).toBe('ROOM_NOT_JOINED');
      await c.join(incidentId);
      const page = await c.call('room:resync', { incidentId, afterSeq: 1 });
      expect(page).toMatchObject({ incidentId, lastSeq: 2, hasMore: false });
      expect(seqs(page.events)).toEqual([2]);
    });

    it('a client that drops during a burst and comes back gets every event exactly once, in order', async () => {
      const incidentId = await declare(tree.department.id);
      const sender = await connect(healthOfficer);
      const listener = await connect(provinceLeader);
      await sender.join(incidentId);
      await listener.join(incidentId);
      const burst = range(1, 60).map((i) =>
        sender
          .call('chat:send', { incidentId, clientId: `burst-${i}-${randomUUID()}`, text: `cập nhật ${i}` })
          .then((a) => {
            if (i === 15) listener.socket.disconnect();
            if (i === 40) listener.socket.connect();
            return a;
          }),
      );
      const acks = await Promise.all(burst);
      const last = acks[59].seq;
      await listener.waitFor(
        () => listener.lastSeq(incidentId) === last && listener.connects === 2,
        'caught up',
      );
      expect(seqs(listener.events(incidentId))).toEqual(range(1, last));
      expect(listener.events(incidentId).map((e) => e.type)).toEqual(
        (await dbEvents(incidentId)).map((e) => e.type),
      );
      // Some of them happened while it was away: they came from the replay, not live.
      expect(listener.received.length).toBeLessThan(last - 1);
      expect(listener.rejoinErrors).toEqual([]);
    });
  });

  describe('presence and typing', () => {
    it('lists each user once however many tabs, and says when their last tab leaves', async () => {
      const incidentId = await declare(tree.department.id);
      const watcher = await connect(healthOfficer);
      await watcher.join(incidentId);
      const tab1 = await connect(provinceLeader);
      const tab2 = await connect(provinceLeader);
      await tab1.join(incidentId);
      await tab2.join(incidentId);
      const third = await connect(admin);
      const { present } = await third.join(incidentId);
      expect(present.map((p) => p.userId).sort()).toEqual(
        [healthOfficer.user.id, provinceLeader.user.id, admin.user.id].sort(),
      );
      await flush(incidentId, third, watcher);
      const leaderUpdates = () => watcher.presence.filter((p) => p.member.userId === provinceLeader.user.id);
      expect(leaderUpdates().map((p) => p.present)).toEqual([true]);
      // Its own arrival is in its join answer, not echoed back.
      expect(watcher.presence.filter((p) => p.member.userId === healthOfficer.user.id)).toEqual([]);
      expect(leaderUpdates()[0].member).toEqual({
        userId: provinceLeader.user.id,
        displayName: provinceLeader.user.displayName,
        roles: ['leader'],
      });

      await tab1.leave(incidentId);
      await flush(incidentId, third, watcher);
      expect(leaderUpdates().map((p) => p.present)).toEqual([true]); // still there in tab 2

      tab2.close();
      await watcher.waitFor(() => leaderUpdates().length === 2, 'leader gone');
      expect(leaderUpdates().map((p) => p.present)).toEqual([true, false]);
      const after = await (await connect(admin)).join(incidentId);
      expect(after.present.map((p) => p.userId)).not.toContain(provinceLeader.user.id);
    });

    it('relays typing to the others in the room, without storing it', async () => {
      const incidentId = await declare(tree.department.id);
      const typist = await connect(healthOfficer);
      const reader = await connect(provinceLeader);
      const notJoined = await typist.request('typing:update', { incidentId, typing: true });
      expect(notJoined.ok === false && notJoined.error.code).toBe('ROOM_NOT_JOINED');
      await typist.join(incidentId);
      await reader.join(incidentId);
      await typist.call('typing:update', { incidentId, typing: true });
      await reader.waitFor(() => reader.typing.length === 1, 'typing');
      expect(reader.typing[0]).toEqual({
        incidentId,
        userId: healthOfficer.user.id,
        displayName: healthOfficer.user.displayName,
        typing: true,
      });
      expect(typist.typing).toEqual([]);
      expect((await dbEvents(incidentId)).map((e) => e.type)).toEqual(['incident.opened']);
    });
  });

  describe('revocation', () => {
    it('a user whose role no longer lets them see the incident leaves the room at once', async () => {
      const incidentId = await declare(tree.department.id);
      const member = await as(tree.department.id, [Role.Officer]);
      const revoked = await connect(member);
      const sender = await connect(healthOfficer);
      await revoked.join(incidentId);
      await sender.join(incidentId);
      await flush(incidentId, sender, revoked);

      const patch = await t
        .http()
        .patch(`/api/users/${member.user.id}`)
        .set(admin.auth)
        .send({ roles: ['analyst'] });
      expect(patch.status).toBe(200);
      expect(revoked.revoked).toEqual([
        { incidentId, reason: 'access_changed', message: expect.stringContaining('không còn quyền') },
      ]);
      const before = revoked.received.length;
      await addTask(incidentId);
      await flush(incidentId, sender, sender);
      expect(revoked.received.length).toBe(before);
      expect(revoked.socket.connected).toBe(true);
      await expect(revoked.join(incidentId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(sender.presence.filter((p) => p.member.userId === member.user.id).at(-1)?.present).toBe(false);
    });

    it('a locked account is taken out of its rooms and disconnected', async () => {
      const incidentId = await declare(tree.department.id);
      const member = await as(tree.department.id, [Role.Officer]);
      const locked = await connect(member);
      const sender = await connect(healthOfficer);
      await locked.join(incidentId);
      await sender.join(incidentId);
      const patch = await t
        .http()
        .patch(`/api/users/${member.user.id}`)
        .set(admin.auth)
        .send({ active: false });
      expect(patch.status).toBe(200);
      await locked.waitFor(() => !locked.socket.connected, 'disconnect');
      expect(locked.revoked.map((r) => r.reason)).toEqual(['account_disabled']);
      const before = locked.received.length;
      await flush(incidentId, sender, sender);
      expect(locked.received.length).toBe(before);
    });

    it('a change nobody announces (a person moved to another unit) is caught by the next command or the sweep', async () => {
      const incidentId = await declare(tree.department.id);
      const personA = await makePerson(t.dataSource, tree.department.id);
      const personB = await makePerson(t.dataSource, tree.department.id);
      const movedA = await t.createUser({ roles: [Role.Officer], personId: personA.id });
      const movedB = await t.createUser({ roles: [Role.Officer], personId: personB.id });
      const a = await connect(movedA);
      const b = await connect(movedB);
      await a.join(incidentId);
      await b.join(incidentId);
      for (const person of [personA, personB]) {
        const res = await t
          .http()
          .patch(`/api/people/${person.id}`)
          .set(admin.auth)
          .send({ orgUnitId: tree.otherProvince.id });
        expect(res.status).toBe(200);
      }
      // A: its next command is refused, and that takes it out of the room.
      const refused = await a.request('chat:send', {
        incidentId,
        clientId: randomUUID(),
        text: 'còn ở đây?',
      });
      expect(refused.ok === false && refused.error.code).toBe('NOT_FOUND');
      expect(a.revoked).toEqual([expect.objectContaining({ incidentId, reason: 'access_changed' })]);
      // B sends nothing: the periodic sweep finds it.
      expect(await t.app.get(RoomsNotifier).sweepAccess()).toBe(1);
      await b.waitFor(() => b.revoked.length === 1, 'revoked by the sweep');
      const sender = await connect(healthOfficer);
      await sender.join(incidentId);
      const before = [a.received.length, b.received.length];
      await flush(incidentId, sender, sender);
      expect([a.received.length, b.received.length]).toEqual(before);
    });

    it('moving an incident to another unit removes those who can no longer see it, before the change is shown', async () => {
      const incidentId = await declare(tree.commune.id, communeOfficer);
      const commune = await connect(communeOfficer);
      const leader = await connect(provinceLeader);
      await commune.join(incidentId);
      await leader.join(incidentId);
      const patch = await t
        .http()
        .patch(`/api/incidents/${incidentId}`)
        .set(admin.auth)
        .send({ responsibleOrgUnitId: tree.department.id });
      expect(patch.status).toBe(200);
      expect(commune.revoked).toEqual([expect.objectContaining({ incidentId, reason: 'access_changed' })]);
      await addTask(incidentId);
      await leader.waitFor(() => leader.events(incidentId).some((e) => e.type === 'task.created'), 'task');
      expect(leader.events(incidentId).map((e) => e.type)).toEqual([
        'incident.opened',
        'incident.updated',
        'task.created',
      ]);
      expect(commune.received.map((e) => e.type)).toEqual([]);
      expect(commune.events(incidentId).map((e) => e.type)).toEqual(['incident.opened']);
    });
  });
});
