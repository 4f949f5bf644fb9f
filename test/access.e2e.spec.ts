import { randomBytes, randomUUID } from 'node:crypto';
import { IncidentVisibility } from '../src/access/incident-visibility.js';
import { Role } from '../src/auth/role.js';
import { makeOrgUnit, makePerson } from './support/factories.js';
import { makeStatementTeam } from './support/statement-team.js';
import type { StatementTeam } from './support/statement-team.js';
import { createTestApp, TestApp, TestUser } from './support/test-app.js';
import { RoomClient, RoomCommandError } from './support/ws-client.js';

const CHAT_PER_MINUTE = 3;

/**
 * The unit scope of the permission layer, as a caller of a second unit meets it: every finding of the access
 * review, each refused for the outsider and allowed for the owner (so the refusal is the rule, not a broken route).
 */
describe(`${IncidentVisibility.name} (e2e)`, () => {
  let t: TestApp;
  let provinceId: string;
  let unitA: string;
  let unitB: string;
  let unitC: string;
  let admin: TestUser;
  let provinceLeader: TestUser;
  let leaderA: TestUser;
  let officerA: TestUser;
  let analystA: TestUser;
  let leaderB: TestUser;
  let officerB: TestUser;
  let analystB: TestUser;
  let topicA: string;
  let spareTopicA: string;
  let incidentA: string;
  let detectionA: string;
  const clients: RoomClient[] = [];

  const tag = () => randomBytes(3).toString('hex');
  const as = async (unitId: string, roles: Role[]) =>
    t.createUser({ roles, personId: (await makePerson(t.dataSource, unitId)).id });
  const connect = async (u: TestUser) => {
    const c = await RoomClient.connect(t.url, u.accessToken);
    clients.push(c);
    return c;
  };
  const joinGroup = async (incidentId: string, personId: string, role: string) => {
    await t.dataSource.query(
      `INSERT INTO working_groups (incident_id, rule_id, activated_at) VALUES ($1, NULL, now()) ON CONFLICT DO NOTHING`,
      [incidentId],
    );
    await t.dataSource.query(
      `INSERT INTO working_group_members
         (incident_id, role, person_id, status, reason, pick, invited_at, ack_due_at, responded_at, assumed_at)
       VALUES ($1, $2, $3, 'accepted', 'Phân công trong kiểm thử', '{}'::jsonb, now(), now() + interval '1 hour', now(), now())`,
      [incidentId, role, personId],
    );
  };
  const personOf = async (u: TestUser): Promise<string> => u.user.personId!;

  beforeAll(async () => {
    t = await createTestApp({ chat: { maxMessagesPerMinute: CHAT_PER_MINUTE } });
    const ds = t.dataSource;
    provinceId = (await makeOrgUnit(ds, { name: `Tỉnh An Hòa ${tag()}`, unitType: 'province' as never })).id;
    unitA = (await makeOrgUnit(ds, { name: `Sở Công Thương ${tag()}`, parentId: provinceId })).id;
    unitB = (await makeOrgUnit(ds, { name: `Sở Y tế ${tag()}`, parentId: provinceId })).id;
    unitC = (await makeOrgUnit(ds, { name: `Công an tỉnh ${tag()}`, parentId: provinceId })).id;
    admin = await t.createUser({ roles: [Role.Admin] });
    provinceLeader = await as(provinceId, [Role.Leader]);
    leaderA = await as(unitA, [Role.Leader]);
    officerA = await as(unitA, [Role.Officer]);
    analystA = await as(unitA, [Role.Analyst]);
    leaderB = await as(unitB, [Role.Leader]);
    officerB = await as(unitB, [Role.Officer]);
    analystB = await as(unitB, [Role.Analyst]);

    const topic = async (by: TestUser, body: Record<string, unknown>) => {
      const res = await t.http().post('/api/topics').set(by.auth).send(body);
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    topicA = await topic(leaderA, {
      orgUnitId: unitA,
      name: 'Giá điện',
      anyTerms: ['gia dien'],
      unitNames: ['Sở Công Thương An Hòa'],
    });
    spareTopicA = await topic(analystA, { orgUnitId: unitA, name: 'Xăng dầu', anyTerms: ['xang dau'] });

    const declared = await t.http().post('/api/detections/manual').set(officerA.auth).send({
      title: 'Phản ánh tăng giá điện bất thường',
      note: 'Nhiều hộ dân phản ánh hóa đơn tiền điện tăng gấp đôi',
      category: 'policy_backlash',
      severity: 'L2',
      orgUnitId: unitA,
      topicId: topicA,
    });
    expect(declared.status).toBe(201);
    incidentA = declared.body.incidentId;
    detectionA = declared.body.detection.id;
  }, 60_000);

  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });
  afterAll(() => t?.close());

  describe('topics', () => {
    it('a leader of unit B may not create, change or move unit A’s topics', async () => {
      const create = await t
        .http()
        .post('/api/topics')
        .set(leaderB.auth)
        .send({ orgUnitId: unitA, name: `Chủ đề lạ ${tag()}`, anyTerms: ['dien'] });
      expect(create.status).toBe(403);
      expect(create.body.details[0].field).toBe('orgUnitId');

      for (const patch of [{ orgUnitId: unitB }, { active: false }, { anyTerms: ['khong lien quan'] }]) {
        const res = await t.http().patch(`/api/topics/${topicA}`).set(leaderB.auth).send(patch);
        expect(res.status).toBe(404);
      }
      // Its owner may change it, but not move it out of their own units.
      const away = await t.http().patch(`/api/topics/${topicA}`).set(leaderA.auth).send({ orgUnitId: unitB });
      expect(away.status).toBe(403);
      const [row] = await t.dataSource.query(
        `SELECT org_unit_id, active, any_terms FROM topics WHERE id = $1`,
        [topicA],
      );
      expect(row).toMatchObject({ org_unit_id: unitA, active: true, any_terms: ['gia dien'] });
      const own = await t
        .http()
        .patch(`/api/topics/${topicA}`)
        .set(leaderA.auth)
        .send({ description: 'Theo dõi phản ánh giá điện' });
      expect(own.status).toBe(200);
      // A leader above both units may move it between them.
      const moved = await t
        .http()
        .patch(`/api/topics/${spareTopicA}`)
        .set(provinceLeader.auth)
        .send({ orgUnitId: unitB });
      expect(moved.status).toBe(200);
      const back = await t
        .http()
        .patch(`/api/topics/${spareTopicA}`)
        .set(provinceLeader.auth)
        .send({ orgUnitId: unitA });
      expect(back.status).toBe(200);
    });

    it('unit B reads none of unit A’s topics, buckets or top mentions', async () => {
      for (const path of [
        `/api/topics/${topicA}`,
        `/api/topics/${topicA}/buckets`,
        `/api/topics/${topicA}/mentions`,
      ]) {
        expect((await t.http().get(path).set(leaderB.auth)).status).toBe(404);
        expect((await t.http().get(path).set(analystB.auth)).status).toBe(404);
        expect((await t.http().get(path).set(analystA.auth)).status).toBe(200);
      }
      const listB = await t.http().get('/api/topics').set(analystB.auth);
      expect(listB.status).toBe(200);
      expect(listB.body.map((x: { id: string }) => x.id)).not.toContain(topicA);
      const filtered = await t.http().get('/api/topics').query({ orgUnitId: unitA }).set(leaderB.auth);
      expect(filtered.body).toEqual([]);
      const listA = await t.http().get('/api/topics').set(leaderA.auth);
      expect(listA.body.map((x: { id: string }) => x.id)).toEqual(
        expect.arrayContaining([topicA, spareTopicA]),
      );
      const all = await t.http().get('/api/topics').set(provinceLeader.auth);
      expect(all.body.map((x: { id: string }) => x.id)).toContain(topicA);
    });
  });

  describe('detections and thresholds', () => {
    it('unit B reads none of unit A’s detections', async () => {
      const listB = await t.http().get('/api/detections').set(leaderB.auth);
      expect(listB.status).toBe(200);
      expect(listB.body.items.map((d: { id: string }) => d.id)).not.toContain(detectionA);
      const byIncident = await t
        .http()
        .get('/api/detections')
        .query({ incidentId: incidentA })
        .set(analystB.auth);
      expect(byIncident.body).toEqual({ items: [], total: 0 });
      expect((await t.http().get(`/api/detections/${detectionA}`).set(leaderB.auth)).status).toBe(404);

      const listA = await t.http().get('/api/detections').set(analystA.auth);
      expect(listA.body.items.map((d: { id: string }) => d.id)).toContain(detectionA);
      const one = await t.http().get(`/api/detections/${detectionA}`).set(leaderA.auth);
      expect(one.body).toMatchObject({ id: detectionA, incidentId: incidentA });
    });

    it('unit B reads unit A’s effective or own thresholds no more', async () => {
      const own = await t
        .http()
        .put(`/api/detection-settings/${unitA}`)
        .set(leaderA.auth)
        .send({ spikeZ: 5 });
      expect(own.status).toBe(200);
      const units = async (u: TestUser) =>
        (await t.http().get('/api/detection-settings').set(u.auth)).body.map(
          (s: { orgUnitId: string | null }) => s.orgUnitId,
        );
      expect(await units(leaderA)).toEqual(expect.arrayContaining([null, unitA]));
      expect(await units(leaderB)).not.toContain(unitA);
      expect(await units(leaderB)).toContain(null);
    });

    it('unit B reads unit A’s effective thresholds no more', async () => {
      const other = await t.http().get(`/api/detection-settings/effective/${unitA}`).set(leaderB.auth);
      expect(other.status).toBe(403);
      const own = await t.http().get(`/api/detection-settings/effective/${unitB}`).set(analystB.auth);
      expect(own.status).toBe(200);
      expect(own.body.thresholds).toBeDefined();
    });

    it('a manual declaration refuses another unit’s topic', async () => {
      const res = await t.http().post('/api/detections/manual').set(officerB.auth).send({
        title: 'Khai báo trên chủ đề của Sở Công Thương',
        note: 'Gắn chủ đề của đơn vị khác vào sự cố của mình',
        category: 'other',
        severity: 'L1',
        orgUnitId: unitB,
        topicId: spareTopicA,
      });
      expect(res.status).toBe(403);
      expect(res.body.details[0].field).toBe('topicId');
      const linked = await t.dataSource.query(`SELECT 1 FROM incident_topics WHERE topic_id = $1`, [
        spareTopicA,
      ]);
      expect(linked).toEqual([]);
      // Nor a unit's topic for an incident of the unit above it (the unit could not see it).
      const upward = await t.http().post('/api/detections/manual').set(provinceLeader.auth).send({
        title: 'Khai báo cấp tỉnh trên chủ đề của sở',
        note: 'Sự cố cấp tỉnh',
        category: 'other',
        severity: 'L1',
        orgUnitId: provinceId,
        topicId: spareTopicA,
      });
      expect(upward.status).toBe(403);
    });
  });

  describe('incidents', () => {
    it('a working-group member from unit C may not re-home the incident; a leader over both units may', async () => {
      const memberC = await as(unitC, [Role.Officer]);
      await joinGroup(incidentA, await personOf(memberC), 'police_liaison');
      expect((await t.http().get(`/api/incidents/${incidentA}`).set(memberC.auth)).status).toBe(200);
      const grab = await t
        .http()
        .patch(`/api/incidents/${incidentA}`)
        .set(memberC.auth)
        .send({ responsibleOrgUnitId: unitC });
      expect(grab.status).toBe(403);
      const still = await t.http().get(`/api/incidents/${incidentA}`).set(leaderA.auth);
      expect(still.status).toBe(200);
      expect(still.body.responsibleOrgUnitId ?? still.body.responsibleUnit?.id).toBe(unitA);

      const sibling = await t
        .http()
        .patch(`/api/incidents/${incidentA}`)
        .set(leaderA.auth)
        .send({ responsibleOrgUnitId: unitB });
      expect(sibling.status).toBe(403);
      const moved = await t
        .http()
        .patch(`/api/incidents/${incidentA}`)
        .set(provinceLeader.auth)
        .send({ responsibleOrgUnitId: unitC });
      expect(moved.status).toBe(200);
      const back = await t
        .http()
        .patch(`/api/incidents/${incidentA}`)
        .set(provinceLeader.auth)
        .send({ responsibleOrgUnitId: unitA });
      expect(back.status).toBe(200);
    });

    it('a deactivated person loses the unit’s incidents', async () => {
      const leaving = await as(unitA, [Role.Leader]);
      expect((await t.http().get(`/api/incidents/${incidentA}`).set(leaving.auth)).status).toBe(200);
      await t.dataSource.query(`UPDATE people SET active = false WHERE id = $1`, [leaving.user.personId]);
      expect((await t.http().get(`/api/incidents/${incidentA}`).set(leaving.auth)).status).toBe(404);
      const list = await t.http().get('/api/incidents').set(leaving.auth);
      expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(incidentA);
      expect((await t.http().get('/api/topics').set(leaving.auth)).body).toEqual([]);
    });
  });

  describe('room chat', () => {
    it('refuses observers (as tasks and facts do) and limits messages per user', async () => {
      const observer = await as(unitA, [Role.Observer]);
      await joinGroup(incidentA, await personOf(observer), 'party_propaganda_liaison');
      const watching = await connect(observer);
      await watching.join(incidentA);
      const said = watching.call('chat:send', {
        incidentId: incidentA,
        clientId: randomUUID(),
        text: 'Tôi chỉ xem',
      });
      await expect(said).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const task = watching.call('task:create', { incidentId: incidentA, title: 'Việc của người quan sát' });
      await expect(task).rejects.toMatchObject({ code: 'FORBIDDEN' });

      const writer = await connect(officerA);
      await writer.join(incidentA);
      for (let i = 0; i < CHAT_PER_MINUTE; i++) {
        const r = await writer.call('chat:send', {
          incidentId: incidentA,
          clientId: randomUUID(),
          text: `Tin ${i}`,
        });
        expect(r.duplicate).toBe(false);
      }
      const flood = await writer
        .call('chat:send', { incidentId: incidentA, clientId: randomUUID(), text: 'Tin thừa' })
        .catch((e: RoomCommandError) => e);
      expect(flood).toBeInstanceOf(RoomCommandError);
      expect((flood as RoomCommandError).code).toBe('RATE_LIMITED');
      // Per user: a second socket of the same user has no fresh budget.
      const again = await connect(officerA);
      await again.join(incidentA);
      await expect(
        again.call('chat:send', { incidentId: incidentA, clientId: randomUUID(), text: 'Qua kết nối khác' }),
      ).rejects.toMatchObject({ code: 'RATE_LIMITED' });
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM incident_chat_messages WHERE incident_id = $1`,
        [incidentA],
      );
      expect(n).toBe(CHAT_PER_MINUTE);
    });
  });

  describe('signal pushes', () => {
    const push = (by: TestUser, sourceId: string, items: unknown[]) =>
      t.http().post('/api/signals').set(by.auth).send({ sourceId, items });
    const source = async (orgUnitId?: string) => {
      const res = await t
        .http()
        .post('/api/signal-sources')
        .set(admin.auth)
        .send({ name: `Nguồn ${tag()}`, kind: 'social_listening', ...(orgUnitId ? { orgUnitId } : {}) });
      expect(res.status).toBe(201);
      return res.body.source.id as string;
    };
    const mention = (over: Record<string, unknown> = {}) => {
      const id = tag();
      return {
        externalId: `acc-${id}`,
        sourceType: 'social',
        platform: 'facebook',
        outlet: 'Nhóm cư dân An Hòa',
        url: `https://facebook.com/groups/anhoa/posts/${id}`,
        text: `Bàn chuyện xăng dầu tháng này (${id})`,
        publishedAt: new Date(Date.now() - 60_000).toISOString(),
        sentiment: 'neutral',
        ...over,
      };
    };

    it('only admins and the source’s units may push to it', async () => {
      const sourceA = await source(unitA);
      const noUnit = await source();
      const refused = await push(officerB, sourceA, [mention()]);
      expect(refused.status).toBe(403);
      expect(refused.body.details[0].field).toBe('sourceId');
      expect((await push(analystB, sourceA, [mention()])).status).toBe(403);
      expect((await push(analystA, sourceA, [mention()])).status).toBe(200);
      expect((await push(provinceLeader, sourceA, [mention()])).status).toBe(403); // leaders do not push
      expect((await push(analystA, noUnit, [mention()])).status).toBe(403);
      expect((await push(admin, noUnit, [mention()])).status).toBe(200);
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM mentions WHERE source_id = ANY($1::uuid[])`,
        [[sourceA, noUnit]],
      );
      expect(n).toBe(2);
    });

    it('unit B lists and reads none of unit A’s sources; province-wide ones stay visible', async () => {
      const sourceA = await source(unitA);
      const noUnit = await source();
      const listed = async (by: TestUser) =>
        ((await t.http().get('/api/signal-sources').set(by.auth).expect(200)).body as { id: string }[]).map(
          (s) => s.id,
        );
      expect(await listed(leaderB)).not.toContain(sourceA);
      expect(await listed(leaderB)).toContain(noUnit);
      expect(await listed(analystA)).toEqual(expect.arrayContaining([sourceA, noUnit]));
      expect(await listed(provinceLeader)).toContain(sourceA);
      expect((await t.http().get(`/api/signal-sources/${sourceA}`).set(leaderB.auth)).status).toBe(404);
      expect((await t.http().get(`/api/signal-sources/${sourceA}`).set(analystA.auth)).status).toBe(200);
      expect((await t.http().get(`/api/signal-sources/${sourceA}`).set(admin.auth)).status).toBe(200);
    });

    it('a topic preview scans the sources of the caller’s units and the province-wide ones only', async () => {
      const sourceA = await source(unitA);
      const sourceB = await source(unitB);
      const noUnit = await source();
      const word = `nuocngam${tag()}`;
      const said = (where: string) => mention({ text: `Người dân hỏi về ${word} ở ${where}` });
      expect((await push(officerA, sourceA, [said('nguồn A')])).status).toBe(200);
      expect((await push(officerB, sourceB, [said('nguồn B')])).status).toBe(200);
      expect((await push(admin, noUnit, [said('nguồn toàn tỉnh')])).status).toBe(200);
      const preview = async (by: TestUser) => {
        const res = await t
          .http()
          .post('/api/topics/preview')
          .set(by.auth)
          .send({ anyTerms: [word] });
        expect(res.status).toBe(200);
        return (res.body.items as { text: string }[]).map((i) => i.text.replace(/^.* ở /, '')).sort();
      };
      expect(await preview(analystB)).toEqual(['nguồn B', 'nguồn toàn tỉnh']);
      expect(await preview(leaderA)).toEqual(['nguồn A', 'nguồn toàn tỉnh']);
      expect(await preview(provinceLeader)).toEqual(['nguồn A', 'nguồn B', 'nguồn toàn tỉnh']);
      expect(await preview(admin)).toEqual(['nguồn A', 'nguồn B', 'nguồn toàn tỉnh']);
    });

    it('a tin_gia item naming another unit opens nothing there; from the unit’s own source it does', async () => {
      const sourceB = await source(unitB);
      const sourceA = await source(unitA);
      const openIn = async () =>
        (
          await t.dataSource.query(
            `SELECT i.id FROM incidents i JOIN incident_topics it ON it.incident_id = i.id
              WHERE it.topic_id = $1 AND i.category = 'fake_news'`,
            [topicA],
          )
        ).length;
      // topicA's incident is the manual one (not fake_news); a fake-news rule would open a second.
      const fake = () =>
        mention({
          text: 'Tin nóng: Sở Công Thương An Hòa bán điện giá gấp ba cho dân',
          sentiment: 'negative',
          fakeNewsLabel: 'tin_gia',
          reach: 900,
        });
      expect((await push(officerB, sourceB, [fake()])).status).toBe(200);
      expect(
        await t.dataSource.query(
          `SELECT 1 FROM detections WHERE topic_id = $1 AND rule = 'fake_news_named'`,
          [topicA],
        ),
      ).toEqual([]);
      expect(await openIn()).toBe(0);
      // The same item from unit A's own source is a fake-news finding for unit A.
      expect((await push(officerA, sourceA, [fake()])).status).toBe(200);
      const found = await t.dataSource.query(
        `SELECT org_unit_id FROM detections WHERE topic_id = $1 AND rule = 'fake_news_named'`,
        [topicA],
      );
      expect(found).toEqual([{ org_unit_id: unitA }]);
    });
  });

  describe('statements of a read-only incident, and approval delegations', () => {
    let team: StatementTeam;
    let statementId: string;
    const delegate = (by: TestUser, to: TestUser, incidentId = team.incidentId) =>
      t
        .http()
        .post('/api/approval-delegations')
        .set(by.auth)
        .send({
          delegateUserId: to.user.id,
          incidentId,
          matter: 'Phê duyệt thông cáo báo chí',
          validTo: new Date(Date.now() + 3600_000).toISOString(),
        });

    beforeAll(async () => {
      team = await makeStatementTeam(t);
      const res = await t
        .http()
        .post(`/api/incidents/${team.incidentId}/statements`)
        .set(team.drafters[0].auth)
        .send({ type: 'press_release', title: 'Thông cáo báo chí', body: 'Sở Y tế đã cử đoàn kiểm tra.' });
      expect(res.status).toBe(201);
      statementId = res.body.id;
    });

    it('who cannot approve cannot delegate approving', async () => {
      const analyst = await t.createUser({
        roles: [Role.Analyst],
        personId: (await makePerson(t.dataSource, team.unitId)).id,
      });
      await joinGroup(team.incidentId, analyst.user.personId!, 'drafter');
      for (const by of [team.observer, analyst, team.drafters[0]]) {
        const res = await delegate(by, team.deputies[0]);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
      expect(
        await t.dataSource.query(`SELECT 1 FROM approval_delegations WHERE incident_id = $1`, [
          team.incidentId,
        ]),
      ).toEqual([]);
      const ok = await delegate(team.approver, team.deputies[0]);
      expect(ok.status).toBe(201);
    });

    it('a deactivated person is no longer an approver', async () => {
      const submitted = await t
        .http()
        .post(`/api/statements/${statementId}/submit`)
        .set(team.drafters[0].auth)
        .send({});
      expect(submitted.status).toBe(200);
      const v = submitted.body.version as { number: number; sha256: string };
      const approvals = async (u: TestUser) =>
        (await t.http().get('/api/me/approvals').set(u.auth)).body.items.map(
          (i: { statementId: string }) => i.statementId,
        );
      expect(await approvals(team.legal)).toContain(statementId);
      await t.dataSource.query(`UPDATE people SET active = false WHERE id = $1`, [team.legal.person.id]);
      expect(await approvals(team.legal)).not.toContain(statementId);
      const decided = await t
        .http()
        .post(`/api/statements/${statementId}/versions/${v.number}/decisions`)
        .set(team.legal.auth)
        .send({ sha256: v.sha256, decision: 'approve', password: team.legal.password });
      expect(decided.status).toBe(403);
      expect(decided.body.code).toBe('NOT_AN_APPROVER');
    });

    it('comments and delegations respect the read-only state', async () => {
      const comment = () =>
        t
          .http()
          .post(`/api/statements/${statementId}/comments`)
          .set(team.approver.auth)
          .send({ field: 'body', index: 0, length: 3, body: 'Ghi rõ thời gian.' });
      expect((await comment()).status).toBe(201);
      const dismissed = await t
        .http()
        .post(`/api/incidents/${team.incidentId}/transitions`)
        .set(team.admin.auth)
        .send({ to: 'dismissed', reason: 'Đã xác minh: thông tin sai, không có ca ngộ độc' });
      expect(dismissed.status).toBe(201);
      const late = await comment();
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('INCIDENT_READ_ONLY');
      const d = await delegate(team.approver, team.deputies[1]);
      expect(d.status).toBe(409);
      expect(d.body.code).toBe('INCIDENT_READ_ONLY');
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM statement_comments WHERE statement_id = $1`,
        [statementId],
      );
      expect(n).toBe(1);
    });
  });
});
