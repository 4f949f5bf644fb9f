import { randomBytes } from 'node:crypto';
import { Role } from '../src/auth/role.js';
import { makeOrgUnit, makePerson } from './support/factories.js';
import { createTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

/** Routes the console's setup and room screens added: a topic rule tried before saving, an incident's volume. */
describe('console routes (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let analyst: TestUser;
  let leader: TestUser;
  let observer: TestUser;
  let outsider: TestUser;
  let unitId: string;
  let sourceId: string;
  let topicId: string;
  let incidentId: string;
  const tag = randomBytes(3).toString('hex');

  beforeAll(async () => {
    t = await createTestApp();
    const province = await makeOrgUnit(t.dataSource, {
      name: `Tỉnh An Hòa ${tag}`,
      unitType: 'province' as never,
    });
    unitId = (await makeOrgUnit(t.dataSource, { name: `Sở Giáo dục ${tag}`, parentId: province.id })).id;
    const other = await makeOrgUnit(t.dataSource, {
      name: `Tỉnh Bình Lâm ${tag}`,
      unitType: 'province' as never,
    });
    admin = await t.createUser({ roles: [Role.Admin] });
    // The province's monitoring analyst: topics and signals of every unit below the province are in scope.
    analyst = await t.createUser({
      roles: [Role.Analyst],
      personId: (await makePerson(t.dataSource, province.id)).id,
    });
    leader = await t.createUser({
      roles: [Role.Leader],
      personId: (await makePerson(t.dataSource, unitId)).id,
    });
    const observerPerson = await makePerson(t.dataSource, other.id);
    observer = await t.createUser({ roles: [Role.Observer], personId: observerPerson.id });
    outsider = await t.createUser({
      roles: [Role.Officer],
      personId: (await makePerson(t.dataSource, other.id)).id,
    });
    const source = await t
      .http()
      .post('/api/signal-sources')
      .set(admin.auth)
      .send({ name: `Lắng nghe ${tag}`, kind: 'social_listening', orgUnitId: province.id })
      .expect(201);
    sourceId = source.body.source.id;
    const topic = await t
      .http()
      .post('/api/topics')
      .set(analyst.auth)
      .send({ orgUnitId: unitId, name: `Bán trú ${tag}`, anyTerms: ['bán trú'], category: 'fake_news' })
      .expect(201);
    topicId = topic.body.id;
    const now = Date.now();
    // 300 mentions of the topic over the last hours (more than any page of attached mentions), 20 of others.
    const items = Array.from({ length: 320 }, (_, i) => ({
      externalId: `cr-${tag}-${i}`,
      sourceType: 'social',
      platform: 'facebook',
      outlet: `Nhóm ${i % 9}`,
      url: `https://example.vn/${tag}/${i}`,
      text: i < 300 ? `Tin đồn dừng bữa ăn bán trú (${i})` : `Giải bóng đá thiếu niên (${i})`,
      publishedAt: new Date(now - (i % 120) * 60_000).toISOString(),
      reach: 100,
      sentiment: 'negative',
    }));
    for (let i = 0; i < items.length; i += 160) {
      await t
        .http()
        .post('/api/signals')
        .set(analyst.auth)
        .send({ sourceId, items: items.slice(i, i + 160) })
        .expect(200);
    }
    const declared = await t
      .http()
      .post('/api/detections/manual')
      .set(leader.auth)
      .send({
        title: `Tin giả về bữa ăn bán trú ${tag}`,
        note: 'Nhiều nhóm phụ huynh chia sẻ tin tạm dừng bữa ăn bán trú.',
        category: 'fake_news',
        severity: 'L2',
        orgUnitId: unitId,
        topicId,
      })
      .expect(201);
    incidentId = declared.body.incidentId;
    // The Party propaganda liaison of another province sits in the group as an observer.
    await t.dataSource.query(
      `INSERT INTO working_groups (incident_id, rule_id, activated_at) VALUES ($1, NULL, now()) ON CONFLICT DO NOTHING`,
      [incidentId],
    );
    await t.dataSource.query(
      `INSERT INTO working_group_members
         (incident_id, role, person_id, status, reason, pick, invited_at, ack_due_at, responded_at, assumed_at)
       VALUES ($1, 'party_propaganda_liaison', $2, 'accepted', 'Kiểm thử', '{}'::jsonb, now(), now() + interval '1 hour', now(), now())`,
      [incidentId, observerPerson.id],
    );
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  describe('POST /api/topics/preview', () => {
    it('shows which recent mentions a rule matches, as ingestion would, storing nothing', async () => {
      const topicsBefore = await t.dataSource.query(`SELECT count(*)::int AS n FROM topics`);
      const res = await t
        .http()
        .post('/api/topics/preview')
        .set(analyst.auth)
        .send({ anyTerms: ['ban tru'] })
        .expect(200);
      // Folded like ingestion: "ban tru" matches "bán trú".
      expect(res.body).toMatchObject({ scanned: 320, matched: 300, scanLimit: 5000 });
      expect(res.body.items).toHaveLength(20);
      expect(res.body.items[0]).toMatchObject({
        matchedOn: 'keywords',
        text: expect.stringContaining('bán trú'),
      });
      const narrower = await t
        .http()
        .post('/api/topics/preview')
        .set(analyst.auth)
        .send({ anyTerms: ['bóng đá'] })
        .expect(200);
      expect(narrower.body.matched).toBe(20);
      const excluded = await t
        .http()
        .post('/api/topics/preview')
        .set(analyst.auth)
        .send({ anyTerms: ['bán trú'], noneTerms: ['tin đồn'] })
        .expect(200);
      expect(excluded.body).toMatchObject({ matched: 0, items: [] });
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM topics`)).toEqual(topicsBefore);
    });

    it('refuses a rule that matches nothing, unknown fields, and readers who may not write topics', async () => {
      const empty = await t.http().post('/api/topics/preview').set(analyst.auth).send({}).expect(400);
      expect(empty.body.details[0].field).toBe('anyTerms');
      const unknown = await t
        .http()
        .post('/api/topics/preview')
        .set(analyst.auth)
        .send({ anyTerms: ['bán trú'], orgUnit: 'x' })
        .expect(400);
      expect(JSON.stringify(unknown.body)).toContain('orgUnit');
      await t
        .http()
        .post('/api/topics/preview')
        .set(observer.auth)
        .send({ anyTerms: ['bán trú'] })
        .expect(403);
      await t
        .http()
        .post('/api/topics/preview')
        .set(outsider.auth)
        .send({ anyTerms: ['bán trú'] })
        .expect(403);
      await t
        .http()
        .post('/api/topics/preview')
        .send({ anyTerms: ['bán trú'] })
        .expect(401);
    });
  });

  describe('GET /api/incidents/:id/topic-buckets', () => {
    it("gives an observer of the group the incident's whole volume, which the topic route refuses them", async () => {
      await t.http().get(`/api/topics/${topicId}/buckets`).set(observer.auth).expect(403);
      const res = await t
        .http()
        .get(`/api/incidents/${incidentId}/topic-buckets`)
        .set(observer.auth)
        .expect(200);
      const total = (res.body as { volume: number; topicId: string }[]).reduce((n, b) => n + b.volume, 0);
      expect(total).toBe(300);
      expect(new Set(res.body.map((b: { topicId: string }) => b.topicId))).toEqual(new Set([topicId]));
      // The same figures the topic route gives those who may read topics.
      const direct = await t.http().get(`/api/topics/${topicId}/buckets`).set(analyst.auth).expect(200);
      expect(direct.body.reduce((n: number, b: { volume: number }) => n + b.volume, 0)).toBe(300);
    });

    it('answers 404 to whoever may not see the incident, and validates the window', async () => {
      const hidden = await t.http().get(`/api/incidents/${incidentId}/topic-buckets`).set(outsider.auth);
      expect(hidden.status).toBe(404);
      const bad = await t
        .http()
        .get(`/api/incidents/${incidentId}/topic-buckets`)
        .query({ from: 'hôm qua' })
        .set(leader.auth);
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body.details)).toContain('from');
    });
  });
});
