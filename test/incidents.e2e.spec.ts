import { IncidentTask } from '../src/incidents/entities/incident-task.entity.js';
import { IncidentTimeline } from '../src/incidents/incident-timeline.js';
import { IncidentsService } from '../src/incidents/incidents.service.js';
import { Role } from '../src/auth/role.js';
import { makeOrgUnit, makePerson, makeProvinceTree } from './support/factories.js';
import { createTestApp, TestApp, TestUser } from './support/test-app.js';

describe(`${IncidentsService.name} (e2e)`, () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof makeProvinceTree>>;
  let admin: TestUser;
  let provinceLeader: TestUser;
  let healthOfficer: TestUser;
  let communeOfficer: TestUser;
  let outsider: TestUser;
  let analyst: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    tree = await makeProvinceTree(t.dataSource);
    const as = async (unitId: string, roles: Role[]) =>
      t.createUser({ roles, personId: (await makePerson(t.dataSource, unitId)).id });
    admin = await t.createUser({ roles: [Role.Admin] });
    provinceLeader = await as(tree.province.id, [Role.Leader]);
    healthOfficer = await as(tree.department.id, [Role.Officer]);
    communeOfficer = await as(tree.commune.id, [Role.Officer]);
    outsider = await as(tree.otherProvince.id, [Role.Leader]);
    analyst = await as(tree.department.id, [Role.Analyst]);
  });
  afterAll(async () => {
    await t.close();
  });

  const declare = (user: TestUser, patch: Record<string, unknown> = {}) =>
    t
      .http()
      .post('/api/incidents')
      .set(user.auth)
      .send({
        title: 'Tin đồn ngộ độc thực phẩm tại trường tiểu học',
        category: 'public_health',
        severity: 'L2',
        responsibleOrgUnitId: tree.department.id,
        ...patch,
      });

  it('an officer declares an incident for their unit: opened event, snapshot, legal clock', async () => {
    const res = await declare(healthOfficer, { concernedOrgUnitIds: [tree.commune.id] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: expect.stringMatching(/^SC-\d{4}-\d{4}$/),
      status: 'detected',
      origin: 'manual',
      lastSeq: 1,
      responsibleUnitSnapshot: { id: tree.department.id, name: 'Sở Y tế' },
      concernedUnits: [{ id: tree.commune.id, name: 'Phường An Hòa' }],
      allowedTransitions: expect.arrayContaining(['triaged', 'active', 'dismissed']),
    });
    const info = res.body.deadlines.find((d: { key: string }) => d.key === 'initial_information');
    expect(info.rule.value).toBe(24);
    expect(info.rule.unit).toBe('hours');
    expect(new Date(info.dueAt).getTime() - new Date(res.body.detectedAt).getTime()).toBe(24 * 3_600_000);

    const events = await t.http().get(`/api/incidents/${res.body.id}/events`).set(healthOfficer.auth);
    expect(events.body.items).toEqual([
      expect.objectContaining({ seq: 1, type: 'incident.opened', actor: healthOfficer.user.id }),
    ]);
    const audit = await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [
      res.body.id,
    ]);
    expect(audit.map((a: { action: string }) => a.action)).toContain('incident.opened');
  });

  it('legal clock of an incident detected before 1/7/2026 follows the older rule', async () => {
    const res = await declare(admin, { detectedAt: '2026-05-10T09:00:00+07:00' });
    expect(res.status).toBe(201);
    const info = res.body.deadlines.find((d: { key: string }) => d.key === 'initial_information');
    expect(info.rule).toMatchObject({ value: 1, unit: 'days', effectiveTo: '2026-06-30' });
    expect(info.overdue).toBe(true);
  });

  it('shows incidents to their unit, its ancestors and admins; 404 to everyone else', async () => {
    const { body } = await declare(healthOfficer);
    const status = async (u: TestUser) =>
      (await t.http().get(`/api/incidents/${body.id}`).set(u.auth)).status;
    expect(await status(healthOfficer)).toBe(200);
    expect(await status(provinceLeader)).toBe(200);
    expect(await status(admin)).toBe(200);
    expect(await status(communeOfficer)).toBe(404);
    expect(await status(outsider)).toBe(404);
    expect(await status(analyst)).toBe(404);

    const list = await t.http().get('/api/incidents').set(outsider.auth);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(body.id);
    const mine = await t.http().get('/api/incidents').query({ status: 'detected' }).set(provinceLeader.auth);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(body.id);
    expect((await t.http().get(`/api/incidents/${body.id}/events`).set(outsider.auth)).status).toBe(404);
  });

  it('refuses declaring for a unit outside one’s own tree, and validates fields', async () => {
    const foreign = await declare(communeOfficer);
    expect(foreign.status).toBe(403);
    const bad = await declare(healthOfficer, {
      category: 'tin_don',
      severity: 'L9',
      responsibleOrgUnitId: 'x',
      extra: 1,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'category',
      'extra',
      'responsibleOrgUnitId',
      'severity',
    ]);
    const ended = await makeOrgUnit(t.dataSource, { parentId: tree.province.id, validTo: '2025-02-28' });
    const res = await declare(admin, { responsibleOrgUnitId: ended.id });
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('responsibleOrgUnitId');
  });

  it('reassigns an incident only within one’s own unit tree', async () => {
    const { body } = await declare(healthOfficer);
    const away = await t
      .http()
      .patch(`/api/incidents/${body.id}`)
      .set(healthOfficer.auth)
      .send({ responsibleOrgUnitId: tree.otherProvince.id });
    expect(away.status).toBe(403);
    const byLeader = await t
      .http()
      .patch(`/api/incidents/${body.id}`)
      .set(provinceLeader.auth)
      .send({ responsibleOrgUnitId: tree.commune.id });
    expect(byLeader.status).toBe(200);
    expect(byLeader.body.responsibleUnitSnapshot.id).toBe(tree.commune.id);
  });

  it('follows the lifecycle and refuses illegal transitions with a clear error', async () => {
    const { body } = await declare(healthOfficer);
    const move = (to: string, reason?: string) =>
      t.http().post(`/api/incidents/${body.id}/transitions`).set(healthOfficer.auth).send({ to, reason });

    const illegal = await move('closed');
    expect(illegal.status).toBe(409);
    expect(illegal.body.code).toBe('INVALID_TRANSITION');
    expect(illegal.body.message).toContain('Mới phát hiện');
    expect(illegal.body.details.allowed).toEqual(expect.arrayContaining(['triaged', 'active', 'dismissed']));

    for (const to of ['triaged', 'active', 'monitoring', 'resolved', 'closed', 'archived']) {
      if (to === 'closed') {
        // Closing needs the post-incident review completed (src/reports).
        const early = await move('closed');
        expect(early.status).toBe(409);
        expect(early.body.code).toBe('REVIEW_REQUIRED');
        await t
          .http()
          .put(`/api/incidents/${body.id}/review`)
          .set(healthOfficer.auth)
          .send({
            wentWell: 'Phản hồi kịp thời.',
            wentPoorly: 'Thiếu đầu mối báo chí.',
            lessons: 'Lập sẵn danh sách.',
          })
          .expect(200);
        await t.http().post(`/api/incidents/${body.id}/review/complete`).set(healthOfficer.auth).expect(201);
      }
      const res = await move(to);
      expect(res.status).toBe(201);
      expect(res.body.status).toBe(to);
    }
    const events = await t
      .http()
      .get(`/api/incidents/${body.id}/events`)
      .query({ after: 1 })
      .set(healthOfficer.auth);
    // Activation also assembles the working group (its events interleave): seqs stay gap-free.
    const items: { seq: number; type: string; payload: Record<string, unknown> }[] = events.body.items;
    expect(items.map((e) => e.seq)).toEqual(items.map((_e, i) => i + 2));
    const moves = items.filter((e) => e.type === 'incident.status_changed');
    expect(moves.map((e) => e.payload.to)).toEqual([
      'triaged',
      'active',
      'monitoring',
      'resolved',
      'closed',
      'archived',
    ]);
    expect(moves[5].payload).toMatchObject({ from: 'closed', to: 'archived' });

    const frozen = await t
      .http()
      .patch(`/api/incidents/${body.id}`)
      .set(healthOfficer.auth)
      .send({ title: 'Sửa sau khi lưu trữ' });
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('INCIDENT_READ_ONLY');
  });

  it('dismissal needs a reason and records it', async () => {
    const { body } = await declare(healthOfficer);
    const noReason = await t
      .http()
      .post(`/api/incidents/${body.id}/transitions`)
      .set(healthOfficer.auth)
      .send({ to: 'dismissed' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details[0].field).toBe('reason');
    const ok = await t
      .http()
      .post(`/api/incidents/${body.id}/transitions`)
      .set(provinceLeader.auth)
      .send({ to: 'dismissed', reason: 'Báo động nhầm: bài viết cũ từ năm 2019 được chia sẻ lại' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: 'dismissed', dismissedReason: expect.stringContaining('2019') });
  });

  it('tasks and verified facts change through the timeline', async () => {
    const { body } = await declare(healthOfficer);
    const task = await t.http().post(`/api/incidents/${body.id}/tasks`).set(healthOfficer.auth).send({
      title: 'Xác minh với Ban giám hiệu nhà trường',
      assigneeUserId: healthOfficer.user.id,
      dueAt: '2026-11-24T10:00:00+07:00',
    });
    expect(task.status).toBe(201);
    const done = await t
      .http()
      .patch(`/api/incidents/${body.id}/tasks/${task.body.id}`)
      .set(healthOfficer.auth)
      .send({ status: 'done' });
    expect(done.body).toMatchObject({ status: 'done', completedAt: expect.any(String) });

    const fact = await t.http().post(`/api/incidents/${body.id}/facts`).set(healthOfficer.auth).send({
      statement: 'Có 12 học sinh đau bụng nhẹ, đã được khám và về nhà trong ngày.',
      source: 'Báo cáo của Trung tâm Y tế khu vực',
    });
    expect(fact.body.status).toBe('unverified');
    const verified = await t
      .http()
      .patch(`/api/incidents/${body.id}/facts/${fact.body.id}`)
      .set(provinceLeader.auth)
      .send({ status: 'verified' });
    expect(verified.body).toMatchObject({ status: 'verified', verifiedByUserId: provinceLeader.user.id });
    const retractNoReason = await t
      .http()
      .patch(`/api/incidents/${body.id}/facts/${fact.body.id}`)
      .set(provinceLeader.auth)
      .send({ status: 'retracted' });
    expect(retractNoReason.status).toBe(400);

    const readOnly = await t
      .http()
      .post(`/api/incidents/${body.id}/facts`)
      .set(analyst.auth)
      .send({ statement: 'abcdef', source: 'abc' });
    expect(readOnly.status).toBe(404); // analysts of the unit do not see incidents at all

    const events = await t.http().get(`/api/incidents/${body.id}/events`).set(healthOfficer.auth);
    expect(events.body.items.map((e: { type: string }) => e.type)).toEqual([
      'incident.opened',
      'task.created',
      'task.completed',
      'fact.recorded',
      'fact.verified',
    ]);
    expect(events.body.items.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps seqs gap-free and unique under concurrent writes to one incident', async () => {
    const { body } = await declare(healthOfficer);
    const writes = Array.from({ length: 40 }, (_, i) =>
      t
        .http()
        .post(`/api/incidents/${body.id}/tasks`)
        .set(i % 2 ? healthOfficer.auth : provinceLeader.auth)
        .send({ title: `Nhiệm vụ song song số ${i}` }),
    );
    const results = await Promise.all(writes);
    expect(results.every((r) => r.status === 201)).toBe(true);
    const rows: { seq: number }[] = await t.dataSource.query(
      `SELECT seq FROM incident_events WHERE incident_id = $1 ORDER BY seq`,
      [body.id],
    );
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
    const [incident] = await t.dataSource.query(`SELECT last_seq FROM incidents WHERE id = $1`, [body.id]);
    expect(incident.last_seq).toBe(41);
  });

  it('a failed change writes no event and no audit row', async () => {
    const { body } = await declare(healthOfficer);
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`);
    const res = await t.http().post(`/api/incidents/${body.id}/tasks`).set(healthOfficer.auth).send({
      title: 'Giao cho người không tồn tại',
      assigneeUserId: '00000000-0000-4000-8000-000000000000',
    });
    expect(res.status).toBe(400);
    const events = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM incident_events WHERE incident_id = $1`,
      [body.id],
    );
    expect(events[0].n).toBe(1);
    const after = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('a change that fails after writing leaves neither the write, nor an event, nor an audit row', async () => {
    const { body } = await declare(healthOfficer);
    const count = async (sql: string) => (await t.dataSource.query(sql, [body.id]))[0].n as number;
    const before = {
      tasks: await count(`SELECT count(*)::int AS n FROM incident_tasks WHERE incident_id = $1`),
      events: await count(`SELECT count(*)::int AS n FROM incident_events WHERE incident_id = $1`),
      audit: await count(`SELECT count(*)::int AS n FROM audit_log WHERE data->>'incidentId' = $1`),
    };
    await expect(
      t.app.get(IncidentTimeline).change(body.id, async (change) => {
        await change.manager.insert(IncidentTask, { incidentId: body.id, title: 'Ghi rồi mới lỗi' });
        change.emit('task.created', { title: 'Ghi rồi mới lỗi' });
        throw new Error('lỗi giữa chừng');
      }),
    ).rejects.toThrow('lỗi giữa chừng');
    expect(await count(`SELECT count(*)::int AS n FROM incident_tasks WHERE incident_id = $1`)).toBe(
      before.tasks,
    );
    expect(await count(`SELECT count(*)::int AS n FROM incident_events WHERE incident_id = $1`)).toBe(
      before.events,
    );
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE data->>'incidentId' = $1`)).toBe(
      before.audit,
    );
    const [row] = await t.dataSource.query(`SELECT last_seq FROM incidents WHERE id = $1`, [body.id]);
    expect(row.last_seq).toBe(before.events);
  });

  it('deadline rules are dated data that only admins edit', async () => {
    const list = await t.http().get('/api/deadline-rules').set(analyst.auth);
    expect(list.status).toBe(200);
    expect(list.body.map((r: { key: string }) => r.key)).toEqual(
      expect.arrayContaining(['initial_information', 'platform_takedown']),
    );
    const rule = {
      key: 'initial_information',
      label: 'Thông tin ban đầu (6 giờ)',
      value: 6,
      unit: 'hours',
      effectiveFrom: '2027-01-01',
      legalSource: 'Thử nghiệm',
    };
    expect((await t.http().post('/api/deadline-rules').set(provinceLeader.auth).send(rule)).status).toBe(403);
    const overlap = await t.http().post('/api/deadline-rules').set(admin.auth).send(rule);
    expect(overlap.status).toBe(409);
    const current = list.body.find(
      (r: { key: string; effectiveTo: string | null }) => r.key === 'initial_information' && !r.effectiveTo,
    );
    const ended = await t
      .http()
      .patch(`/api/deadline-rules/${current.id}`)
      .set(admin.auth)
      .send({ effectiveTo: '2026-12-31' });
    expect(ended.status).toBe(200);
    const created = await t.http().post('/api/deadline-rules').set(admin.auth).send(rule);
    expect(created.status).toBe(201);

    // A press desk rule is counted from the request it answers (the anchor the press desk's rules carry).
    const pressRule = {
      key: 'press_inquiry_follow_up',
      label: 'Bổ sung thông tin cho cơ quan báo chí',
      value: 3,
      unit: 'days',
      anchor: 'press_inquiry_received',
      effectiveFrom: '2027-01-01',
      legalSource: 'Quy chế phát ngôn của đơn vị (thử nghiệm)',
    };
    const unknownAnchor = await t
      .http()
      .post('/api/deadline-rules')
      .set(admin.auth)
      .send({ ...pressRule, anchor: 'press_request_received' });
    expect(unknownAnchor.status).toBe(400);
    expect(JSON.stringify(unknownAnchor.body)).toContain('anchor');
    const pressCreated = await t.http().post('/api/deadline-rules').set(admin.auth).send(pressRule);
    expect(pressCreated.status).toBe(201);
    expect(pressCreated.body).toMatchObject({
      key: 'press_inquiry_follow_up',
      anchor: 'press_inquiry_received',
    });
  });
});
