import { JwtService } from '@nestjs/jwt';
import { randomBytes, randomUUID } from 'node:crypto';
import { Role } from '../src/auth/role.js';
import { RoomsGateway } from '../src/rooms/rooms.gateway.js';
import { makePerson, makeProvinceTree } from './support/factories.js';
import { dropRedisKeys, redisProblem, TEST_REDIS_URL } from './support/redis.js';
import { createTestApp, TestApp, TestUser } from './support/test-app.js';
import { RoomClient } from './support/ws-client.js';

// Decided before the tests are declared: without Redis they are reported as skipped, with the reason.
const problem = await redisProblem();
if (problem)
  console.warn(`[rooms-cluster] SKIPPED: no Redis reachable (${problem}); start redis-server to run it`);
const describeWithRedis = problem ? describe.skip : describe;
const title = `${RoomsGateway.name} on two nodes through Redis (e2e)${problem ? ` — SKIPPED, no Redis: ${problem}` : ''}`;

describeWithRedis(title, () => {
  // A prefix of its own: parallel runs on the same Redis do not see each other's nodes.
  const prefix = `ungpho-test-${randomBytes(5).toString('hex')}`;
  let a: TestApp;
  let b: TestApp;
  let tree: Awaited<ReturnType<typeof makeProvinceTree>>;
  let admin: TestUser;
  let leader: TestUser;
  let officer: TestUser;
  const clients: RoomClient[] = [];

  const connect = async (node: TestApp, user: TestUser | string) => {
    const client = await RoomClient.connect(node.url, typeof user === 'string' ? user : user.accessToken);
    clients.push(client);
    return client;
  };
  const declare = async () => {
    const res = await a.http().post('/api/incidents').set(admin.auth).send({
      title: 'Sự cố trên hai nút',
      category: 'other',
      severity: 'L2',
      responsibleOrgUnitId: tree.department.id,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    a = await createTestApp({ redisUrl: TEST_REDIS_URL, redisKeyPrefix: prefix });
    b = await createTestApp(
      { redisUrl: TEST_REDIS_URL, redisKeyPrefix: prefix, jwt: a.config.jwt },
      { database: a.database },
    );
    tree = await makeProvinceTree(a.dataSource);
    const as = async (roles: Role[]) =>
      a.createUser({ roles, personId: (await makePerson(a.dataSource, tree.department.id)).id });
    admin = await a.createUser({ roles: [Role.Admin] });
    leader = await as([Role.Leader]);
    officer = await as([Role.Officer]);
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await dropRedisKeys(prefix);
  });

  it('a change made through node A reaches a client on node B, live and in seq order', async () => {
    const incidentId = await declare();
    const onA = await connect(a, officer);
    const onB = await connect(b, leader);
    await onA.join(incidentId);
    await onB.join(incidentId);
    const acks = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        onA.call('chat:send', { incidentId, clientId: randomUUID(), text: `tin từ nút A số ${i + 1}` }),
      ),
    );
    const task = await a
      .http()
      .post(`/api/incidents/${incidentId}/tasks`)
      .set(officer.auth)
      .send({ title: 'Theo dõi' });
    expect(task.status).toBe(201);
    const last = acks.at(-1)!.seq + 1;
    await onB.waitFor(() => onB.lastSeq(incidentId) === last, `seq ${last} on node B`);
    // Straight off the wire, no resync needed: node B got them live, in order.
    expect(onB.received.map((e) => e.seq)).toEqual(Array.from({ length: last - 1 }, (_, i) => i + 2));
    expect(onB.resyncs).toBe(0);
    expect(onB.events(incidentId).at(-1)).toMatchObject({
      seq: last,
      type: 'task.created',
      actor: officer.user.id,
    });
  });

  it('presence spans the nodes; several tabs on different nodes count once', async () => {
    const incidentId = await declare();
    const leaderOnA = await connect(a, leader);
    const leaderOnB = await connect(b, leader);
    const officerOnB = await connect(b, officer);
    await leaderOnA.join(incidentId);
    await leaderOnB.join(incidentId);
    const { present } = await officerOnB.join(incidentId);
    expect(present.map((p) => p.userId).sort()).toEqual([leader.user.id, officer.user.id].sort());
    leaderOnA.close();
    await officerOnB.call('chat:send', { incidentId, clientId: randomUUID(), text: 'còn ai không?' });
    await officerOnB.waitFor(() => officerOnB.lastSeq(incidentId) === 2, 'chat');
    expect(officerOnB.presence.filter((p) => p.member.userId === leader.user.id && !p.present)).toEqual([]);
    leaderOnB.close();
    await officerOnB.waitFor(
      () => officerOnB.presence.some((p) => p.member.userId === leader.user.id && !p.present),
      'leader gone',
    );
  });

  it('a mention made on node A notifies the user connected to node B', async () => {
    const incidentId = await declare();
    const author = await connect(a, officer);
    const mentioned = await connect(b, leader);
    await author.join(incidentId);
    const sent = await author.call('chat:send', {
      incidentId,
      clientId: randomUUID(),
      text: 'Xin ý kiến lãnh đạo',
      mentions: [leader.user.id],
    });
    await mentioned.waitFor(() => mentioned.notifications.length === 1, 'notification');
    expect(mentioned.notifications[0]).toMatchObject({ incidentId, seq: sent.seq, from: officer.user.id });
  });

  it('revoking access through node A takes the user out of the room on node B at once', async () => {
    const incidentId = await declare();
    const member = await a.createUser({
      roles: [Role.Officer],
      personId: (await makePerson(a.dataSource, tree.department.id)).id,
    });
    const revoked = await connect(b, member);
    const witness = await connect(b, leader); // same node, stays in the room
    const sender = await connect(a, officer);
    await revoked.join(incidentId);
    await witness.join(incidentId);
    await sender.join(incidentId);
    const patch = await a
      .http()
      .patch(`/api/users/${member.user.id}`)
      .set(admin.auth)
      .send({ roles: ['observer'] });
    expect(patch.status).toBe(200);
    await revoked.waitFor(() => revoked.revoked.length === 1, 'room:revoked');
    const before = revoked.received.length;
    const { seq } = await sender.call('chat:send', {
      incidentId,
      clientId: randomUUID(),
      text: 'sau khi rút quyền',
    });
    // Once the witness on node B has it, node B has delivered it to everyone still in the room.
    await witness.waitFor(() => witness.lastSeq(incidentId) === seq, 'message on node B');
    expect(revoked.received.length).toBe(before);
    await expect(revoked.join(incidentId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  describe('a socket whose session ends is cut on every node', () => {
    const member = async () =>
      a.createUser({
        roles: [Role.Officer],
        personId: (await makePerson(a.dataSource, tree.department.id)).id,
      });
    const cut = (client: RoomClient) =>
      client.waitFor(() => !client.socket.connected, 'socket cut by the server');

    /** The user's sockets on both nodes are cut; what is said in the room afterwards reaches neither. */
    const expectCut = async (incidentId: string, cutOnes: RoomClient[]) => {
      await Promise.all(cutOnes.map(cut));
      const witness = await connect(b, leader);
      await witness.join(incidentId);
      const sender = await connect(a, officer);
      await sender.join(incidentId);
      const { seq } = await sender.call('chat:send', {
        incidentId,
        clientId: randomUUID(),
        text: 'sau phiên',
      });
      await witness.waitFor(() => witness.lastSeq(incidentId) === seq, 'message on node B');
      for (const c of cutOnes) expect(c.received.some((e) => e.seq === seq)).toBe(false);
    };

    it('logout on all devices through node A: sockets on A and B cut, the old token refused', async () => {
      const incidentId = await declare();
      const user = await member();
      const onA = await connect(a, user);
      const onB = await connect(b, user);
      await onA.join(incidentId);
      await onB.join(incidentId);
      const out = await a.http().post('/api/auth/logout').set(user.auth).send({ allDevices: true });
      expect(out.status).toBe(200);
      await expectCut(incidentId, [onA, onB]);
      expect(await RoomClient.refused(b.url, { token: user.accessToken })).toMatchObject({
        code: 'TOKEN_INVALID',
      });
      expect((await b.http().get('/api/me').set(user.auth)).status).toBe(401);
    });

    it('a password reset by an admin through node A cuts the sockets on node B', async () => {
      const incidentId = await declare();
      const user = await member();
      const onB = await connect(b, user);
      await onB.join(incidentId);
      const reset = await a
        .http()
        .patch(`/api/users/${user.user.id}`)
        .set(admin.auth)
        .send({ password: `Mk-${randomBytes(9).toString('base64url')}` });
      expect(reset.status).toBe(200);
      await expectCut(incidentId, [onB]);
      expect(await RoomClient.refused(a.url, { token: user.accessToken })).toMatchObject({
        code: 'TOKEN_INVALID',
      });
    });

    it('a socket is cut when its access token expires, and receives nothing after', async () => {
      const incidentId = await declare();
      const user = await member();
      const shortLived = await a.app
        .get(JwtService)
        .signAsync(
          { sub: user.user.id, email: user.email, roles: user.user.roles, typ: 'access', sv: 0 },
          { expiresIn: 2 },
        );
      const onB = await connect(b, shortLived);
      await onB.join(incidentId);
      const connectedAt = Date.now();
      await cut(onB);
      expect(Date.now() - connectedAt).toBeGreaterThan(500);
      await expectCut(incidentId, [onB]);
      expect(await RoomClient.refused(b.url, { token: shortLived })).toMatchObject({ code: 'TOKEN_INVALID' });
    });
  });
});
