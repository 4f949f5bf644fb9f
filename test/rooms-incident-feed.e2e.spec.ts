import { Role } from '../src/auth/role.js';
import { IncidentFeed } from '../src/rooms/incident-feed.js';
import type { IncidentChangedPush } from '../src/rooms/rooms.events.js';
import { makeOrgUnit, makePerson, makeProvinceTree } from './support/factories.js';
import { createTestApp, TestApp, TestUser } from './support/test-app.js';
import { RoomClient } from './support/ws-client.js';

describe(`${IncidentFeed.name} (e2e)`, () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof makeProvinceTree>>;
  let admin: TestUser;
  let provinceLeader: TestUser;
  let healthOfficer: TestUser;
  let communeOfficer: TestUser;
  let outsider: TestUser;
  let analyst: TestUser;
  const clients: RoomClient[] = [];

  const as = async (unitId: string, roles: Role[]) =>
    t.createUser({ roles, personId: (await makePerson(t.dataSource, unitId)).id });

  /** A socket that records the list pushes it receives (it joins no incident room). */
  const listen = async (user: TestUser) => {
    const client = await RoomClient.connect(t.url, user.accessToken);
    clients.push(client);
    const pushes: IncidentChangedPush[] = [];
    client.socket.on('incident:changed', (p) => pushes.push(p));
    return { client, pushes };
  };

  const declare = async (unitId: string): Promise<string> => {
    const res = await t.http().post('/api/incidents').set(admin.auth).send({
      title: 'Tin đồn sai sự thật về dịch sốt xuất huyết',
      category: 'public_health',
      severity: 'L2',
      responsibleOrgUnitId: unitId,
    });
    expect(res.status).toBe(201);
    return res.body.id;
  };

  const settle = () => new Promise((r) => setTimeout(r, 300));

  beforeAll(async () => {
    t = await createTestApp();
    tree = await makeProvinceTree(t.dataSource);
    admin = await t.createUser({ roles: [Role.Admin] });
    provinceLeader = await as(tree.province.id, [Role.Leader]);
    healthOfficer = await as(tree.department.id, [Role.Officer]);
    communeOfficer = await as(tree.commune.id, [Role.Officer]);
    outsider = await as(tree.otherProvince.id, [Role.Leader]);
    analyst = await as(tree.department.id, [Role.Analyst]);
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('announces a new incident to everyone who may see it, and to nobody else, without joining a room', async () => {
    const [a, leader, health, commune, other, reader] = await Promise.all(
      [admin, provinceLeader, healthOfficer, communeOfficer, outsider, analyst].map(listen),
    );
    const id = await declare(tree.department.id);
    for (const who of [a, leader, health]) {
      await who.client.waitFor(() => who.pushes.some((p) => p.incidentId === id), 'incident:changed');
      expect(who.pushes).toEqual([{ incidentId: id, seq: 1, type: 'incident.opened' }]);
    }
    await settle();
    // A sibling unit, another province and a role that does not read incidents hear nothing.
    expect(commune.pushes).toEqual([]);
    expect(other.pushes).toEqual([]);
    expect(reader.pushes).toEqual([]);
    // The push carries no content: the list is read again over HTTP, where access is checked.
    const list = await t.http().get('/api/incidents').set(healthOfficer.auth);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('tells a member removed from the working group at once, so their list drops the row', async () => {
    const id = await declare(tree.department.id);
    const person = outsider.user.personId!;
    await t.dataSource.query(
      `INSERT INTO working_groups (incident_id, rule_id, activated_at) VALUES ($1, NULL, now()) ON CONFLICT DO NOTHING`,
      [id],
    );
    const [{ id: memberId }] = await t.dataSource.query(
      `INSERT INTO working_group_members
         (incident_id, role, person_id, status, reason, pick, invited_at, ack_due_at, responded_at, assumed_at)
       VALUES ($1, 'monitoring_analyst', $2, 'accepted', 'Phân công trong kiểm thử', '{}'::jsonb, now(),
               now() + interval '1 hour', now(), now()) RETURNING id`,
      [id, person],
    );
    const member = await listen(outsider);
    const removed = await t
      .http()
      .delete(`/api/incidents/${id}/working-group/members/${memberId}`)
      .set(admin.auth)
      .send({ reason: 'Chuyển công tác khác' });
    expect(removed.status).toBe(200);
    await member.client.waitFor(
      () => member.pushes.some((p) => p.incidentId === id && p.type === 'working_group.member_removed'),
      'incident:changed for the removal',
    );
    // Their list, read again, no longer has the incident.
    const list = await t.http().get('/api/incidents').set(outsider.auth);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('announces status and severity changes; timeline-only events (tasks, chat) are not list changes', async () => {
    const id = await declare(tree.department.id);
    const health = await listen(healthOfficer);
    await t
      .http()
      .post(`/api/incidents/${id}/tasks`)
      .set(healthOfficer.auth)
      .send({ title: 'Xác minh nguồn tin' });
    const moved = await t
      .http()
      .post(`/api/incidents/${id}/transitions`)
      .set(healthOfficer.auth)
      .send({ to: 'triaged' });
    expect(moved.status).toBe(201);
    await t.http().patch(`/api/incidents/${id}`).set(healthOfficer.auth).send({ severity: 'L3' });
    await health.client.waitFor(() => health.pushes.length >= 2, 'two pushes');
    await settle();
    expect(health.pushes.map((p) => p.type)).toEqual([
      'incident.status_changed',
      'incident.severity_changed',
    ]);
  });

  it('tells the former unit and the new unit when the responsible unit changes', async () => {
    const id = await declare(tree.department.id);
    const health = await listen(healthOfficer);
    const commune = await listen(communeOfficer);
    const res = await t
      .http()
      .patch(`/api/incidents/${id}`)
      .set(admin.auth)
      .send({ responsibleOrgUnitId: tree.commune.id });
    expect(res.status).toBe(200);
    for (const who of [health, commune]) {
      await who.client.waitFor(() => who.pushes.some((p) => p.type === 'incident.updated'), 'unit change');
    }
    // The former unit's officer no longer sees it once the list is read again.
    const list = await t.http().get('/api/incidents').set(healthOfficer.auth);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('reaches a working-group member of another unit when they are invited', async () => {
    const elsewhere = await makeOrgUnit(t.dataSource, { name: 'Trung tâm Báo chí tỉnh' });
    const person = await makePerson(t.dataSource, elsewhere.id);
    const liaison = await t.createUser({ roles: [Role.Officer], personId: person.id });
    const id = await declare(tree.department.id);
    const them = await listen(liaison);
    const res = await t
      .http()
      .post(`/api/incidents/${id}/working-group/members`)
      .set(admin.auth)
      .send({ role: 'press_liaison', personId: person.id });
    expect(res.status).toBe(201);
    await them.client.waitFor(
      () => them.pushes.some((p) => p.incidentId === id && p.type === 'working_group.member_invited'),
      'invitation push',
    );
  });
});
