import { randomBytes } from 'node:crypto';
import { Role } from '../src/auth/role.js';
import { PressOutlet } from '../src/press/entities/press-outlet.entity.js';
import { makePerson, makeProvinceTree } from './support/factories.js';
import { createTestApp, TestApp, TestUser } from './support/test-app.js';

const HOUR = 3_600_000;

describe('Press reports to answer (báo nêu) (e2e)', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof makeProvinceTree>>;
  let admin: TestUser;
  let officer: TestUser;
  let provinceLeader: TestUser;
  let outsider: TestUser;
  let observer: TestUser;
  let outlet: PressOutlet;

  const report = (over: Record<string, unknown> = {}) => ({
    orgUnitId: tree.department.id,
    outletId: outlet.id,
    medium: 'online',
    title: 'Bệnh nhân phải nằm ghép ba người một giường tại bệnh viện tỉnh',
    url: 'https://baoanhoa.vn/benh-nhan-nam-ghep.html',
    publishedAt: '2026-12-01T01:00:00.000Z',
    receivedAt: '2026-12-01T02:00:00.000Z',
    summary: 'Bài báo phản ánh tình trạng quá tải, người bệnh nằm ghép tại khoa Nhi bệnh viện đa khoa tỉnh.',
    evidence: [{ kind: 'archive', url: 'https://web.archive.org/web/2026/https://baoanhoa.vn/a.html' }],
    ...over,
  });
  const auditActions = async (entityId: string) =>
    (
      await t.dataSource.query('SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id', [entityId])
    ).map((r: { action: string }) => r.action);

  beforeAll(async () => {
    t = await createTestApp();
    tree = await makeProvinceTree(t.dataSource);
    admin = await t.createUser({ roles: [Role.Admin] });
    officer = await t.createUser({
      roles: [Role.Officer],
      personId: (await makePerson(t.dataSource, tree.department.id)).id,
    });
    provinceLeader = await t.createUser({
      roles: [Role.Leader],
      personId: (await makePerson(t.dataSource, tree.province.id)).id,
    });
    outsider = await t.createUser({
      roles: [Role.Leader],
      personId: (await makePerson(t.dataSource, tree.otherProvince.id)).id,
    });
    observer = await t.createUser({
      roles: [Role.Observer],
      personId: (await makePerson(t.dataSource, tree.department.id)).id,
    });
    outlet = await t.dataSource.getRepository(PressOutlet).save(
      t.dataSource.getRepository(PressOutlet).create({
        name: `Báo An Hòa ${randomBytes(3).toString('hex')}`,
        type: 'newspaper',
      }),
    );
  });

  afterAll(async () => {
    await t.close();
  });

  it('logs a report with the outlet’s name and a due time from the rule in force at receipt', async () => {
    const res = await t.http().post('/api/press/coverage').set(officer.auth).send(report());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      outletName: outlet.name,
      status: 'received',
      verificationStatus: 'pending',
      dueAt: new Date(Date.parse('2026-12-01T02:00:00.000Z') + 48 * HOUR).toISOString(),
    });
    const [rule] = await t.dataSource.query(
      `SELECT id, value, unit FROM deadline_rules WHERE key = 'press_coverage_response'`,
    );
    expect(res.body.deadlineRuleId).toBe(rule.id);
    expect(await auditActions(res.body.id)).toEqual(['press_coverage.created']);

    // The unit shortens its answer time from 2027: reports received before keep the old rule, later ones the new.
    const ended = await t
      .http()
      .patch(`/api/deadline-rules/${rule.id}`)
      .set(admin.auth)
      .send({ effectiveTo: '2026-12-31' });
    expect(ended.status).toBe(200);
    const added = await t.http().post('/api/deadline-rules').set(admin.auth).send({
      key: 'press_coverage_response',
      label: 'Xử lý, trả lời thông tin báo chí phản ánh (báo nêu)',
      value: 24,
      unit: 'hours',
      anchor: 'press_report_received',
      effectiveFrom: '2027-01-01',
      legalSource: 'Quy chế phát ngôn sửa đổi của Sở Y tế (thử nghiệm)',
    });
    expect(added.status).toBe(201);
    const before = await t
      .http()
      .post('/api/press/coverage')
      .set(officer.auth)
      .send(report({ publishedAt: '2026-12-30T01:00:00.000Z', receivedAt: '2026-12-30T03:00:00.000Z' }));
    const after = await t
      .http()
      .post('/api/press/coverage')
      .set(officer.auth)
      .send(report({ publishedAt: '2027-01-02T01:00:00.000Z', receivedAt: '2027-01-02T03:00:00.000Z' }));
    expect(before.body.dueAt).toBe('2027-01-01T03:00:00.000Z');
    expect(before.body.deadlineRuleId).toBe(rule.id);
    expect(after.body.dueAt).toBe('2027-01-03T03:00:00.000Z');
    expect(after.body.deadlineRuleId).toBe(added.body.id);
    // The press desk's rule never shows on an incident's legal clock.
    const incident = await t.http().post('/api/incidents').set(admin.auth).send({
      title: 'Sự cố thử để xem đồng hồ pháp lý',
      category: 'other',
      severity: 'L1',
      responsibleOrgUnitId: tree.department.id,
    });
    expect(incident.status).toBe(201);
    const clock = await t.http().get(`/api/incidents/${incident.body.id}`).set(admin.auth);
    expect(clock.body.deadlines.map((d: { key: string }) => d.key)).not.toContain('press_coverage_response');
  });

  it('verifies, answers the outlet and records the correction it published', async () => {
    const created = await t.http().post('/api/press/coverage').set(officer.auth).send(report());
    const id = created.body.id;
    const early = await t
      .http()
      .post(`/api/press/coverage/${id}/response`)
      .set(officer.auth)
      .send({ kind: 'answer', text: 'Sở Y tế trả lời như sau về tình trạng quá tải.' });
    expect(early.status).toBe(409);

    const verified = await t
      .http()
      .post(`/api/press/coverage/${id}/verification`)
      .set(officer.auth)
      .send({ verificationStatus: 'partly_accurate', notes: 'Có nằm ghép hai người, không có ba người.' });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: 'verified', verificationStatus: 'partly_accurate' });

    const responded = await t.http().post(`/api/press/coverage/${id}/response`).set(officer.auth).send({
      kind: 'correction_request',
      text: 'Đề nghị Báo An Hòa cải chính: không có trường hợp ba người bệnh nằm chung một giường.',
    });
    expect(responded.status).toBe(200);
    expect(responded.body).toMatchObject({ status: 'responded', responseKind: 'correction_request' });
    expect(responded.body.answeredOnTime).toBe(false); // received on 1/12/2026, answered today: late

    const noUrl = await t
      .http()
      .post(`/api/press/coverage/${id}/outcome`)
      .set(officer.auth)
      .send({ kind: 'correction_published' });
    expect(noUrl.status).toBe(400);
    expect(noUrl.body.details[0].field).toBe('url');
    const outcome = await t
      .http()
      .post(`/api/press/coverage/${id}/outcome`)
      .set(officer.auth)
      .send({ kind: 'correction_published', url: 'https://baoanhoa.vn/cai-chinh.html' });
    expect(outcome.status).toBe(200);
    expect(outcome.body).toMatchObject({ status: 'closed', outcomeKind: 'correction_published' });
    expect(await auditActions(id)).toEqual([
      'press_coverage.created',
      'press_coverage.verified',
      'press_coverage.responded',
      'press_coverage.outcome_recorded',
    ]);
  });

  it('refuses a correction request for an accurate report, naming the field', async () => {
    const { body } = await t.http().post('/api/press/coverage').set(officer.auth).send(report());
    await t
      .http()
      .post(`/api/press/coverage/${body.id}/verification`)
      .set(officer.auth)
      .send({ verificationStatus: 'accurate', notes: 'Đúng như bài báo phản ánh.' });
    const res = await t
      .http()
      .post(`/api/press/coverage/${body.id}/response`)
      .set(officer.auth)
      .send({ kind: 'reply_request', text: 'Đề nghị đăng ý kiến phản hồi của Sở Y tế.' });
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('kind');
  });

  it('opens an incident from a press report in the same transaction, through the manual declaration', async () => {
    const { body } = await t.http().post('/api/press/coverage').set(officer.auth).send(report());
    // A topic that does not exist: nothing is kept, neither the response nor an incident.
    const incidentsBefore = Number((await t.dataSource.query('SELECT count(*) FROM incidents'))[0].count);
    const failed = await t
      .http()
      .post(`/api/press/coverage/${body.id}/response`)
      .set(officer.auth)
      .send({
        kind: 'incident',
        text: 'Bài báo lan truyền mạnh, cần mở phòng xử lý.',
        incident: {
          category: 'public_health',
          severity: 'L2',
          topicId: '00000000-0000-4000-8000-000000000000',
        },
      });
    expect(failed.status).toBe(404);
    expect((await t.http().get(`/api/press/coverage/${body.id}`).set(officer.auth)).body.status).toBe(
      'received',
    );
    expect(Number((await t.dataSource.query('SELECT count(*) FROM incidents'))[0].count)).toBe(
      incidentsBefore,
    );

    const missing = await t
      .http()
      .post(`/api/press/coverage/${body.id}/response`)
      .set(officer.auth)
      .send({ kind: 'incident', text: 'Bài báo lan truyền mạnh, cần mở phòng xử lý.' });
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d: { field: string }) => d.field)).toContain('incident');

    const res = await t
      .http()
      .post(`/api/press/coverage/${body.id}/response`)
      .set(officer.auth)
      .send({
        kind: 'incident',
        text: 'Bài báo lan truyền mạnh trên mạng xã hội, cần mở phòng xử lý.',
        incident: { category: 'public_health', severity: 'L2' },
      });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'responded', responseKind: 'incident' });
    const incident = await t.http().get(`/api/incidents/${res.body.incidentId}`).set(officer.auth);
    expect(incident.status).toBe(200);
    expect(incident.body).toMatchObject({
      title: report().title,
      origin: 'manual',
      severity: 'L2',
      responsibleOrgUnitId: tree.department.id,
    });
    expect(incident.body.summary).toContain(outlet.name);
    const events = await t.http().get(`/api/incidents/${res.body.incidentId}/events`).set(officer.auth);
    expect(events.body.items.map((e: { type: string }) => e.type)).toContain('detection.recorded');
    const [detection] = await t.dataSource.query(
      'SELECT rule, declared_by_user_id FROM detections WHERE incident_id = $1',
      [res.body.incidentId],
    );
    expect(detection).toEqual({ rule: 'manual', declared_by_user_id: officer.user.id });
  });

  it('refuses bad input naming the field and keeps nothing', async () => {
    const count = async () =>
      Number((await t.dataSource.query('SELECT count(*) FROM press_coverage'))[0].count);
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [report({ url: 'javascript:alert(1)' }), 'url'],
      [report({ summary: 'ngắn' }), 'summary'],
      [report({ medium: 'fax' }), 'medium'],
      [report({ publishedAt: '2026-13-01' }), 'publishedAt'],
      [report({ outletId: undefined, outletName: undefined }), 'outletName'],
      [report({ evidence: [{ kind: 'screenshot', url: 'không phải đường dẫn' }] }), 'evidence[0].url'],
      [report({ title: 'x'.repeat(501) }), 'title'],
      [report({ extra: 1 }), 'extra'],
      [report({ outletId: '00000000-0000-4000-8000-000000000000' }), 'outletId'],
      [report({ publishedAt: '2026-12-02T00:00:00.000Z' }), 'publishedAt'],
    ];
    for (const [body, field] of cases) {
      const res = await t.http().post('/api/press/coverage').set(officer.auth).send(body);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(res.body.message).toMatch(/[àáảãạâăđêôơư]/);
    }
    expect(await count()).toBe(before);
  });

  it('shows a unit’s reports to that unit and its ancestors only', async () => {
    const { body } = await t.http().post('/api/press/coverage').set(officer.auth).send(report());
    expect((await t.http().get(`/api/press/coverage/${body.id}`).set(provinceLeader.auth)).status).toBe(200);
    expect((await t.http().get(`/api/press/coverage/${body.id}`).set(outsider.auth)).status).toBe(404);
    const theirs = await t.http().get('/api/press/coverage').set(outsider.auth);
    expect(theirs.body.items.map((c: { id: string }) => c.id)).not.toContain(body.id);
    const ours = await t.http().get('/api/press/coverage').query({ limit: 200 }).set(provinceLeader.auth);
    expect(ours.body.items.map((c: { id: string }) => c.id)).toContain(body.id);
    const write = await t
      .http()
      .post(`/api/press/coverage/${body.id}/verification`)
      .set(outsider.auth)
      .send({ verificationStatus: 'accurate', notes: 'Thử ghi của đơn vị khác.' });
    expect(write.status).toBe(404);
    const forOther = await t.http().post('/api/press/coverage').set(outsider.auth).send(report());
    expect(forOther.status).toBe(403);
    expect((await t.http().get('/api/press/coverage').set(observer.auth)).status).toBe(403);
    // A commune officer (a sibling of the department) does not see the department's reports either.
    const communeOfficer = await t.createUser({
      roles: [Role.Officer],
      personId: (await makePerson(t.dataSource, tree.commune.id)).id,
    });
    expect((await t.http().get(`/api/press/coverage/${body.id}`).set(communeOfficer.auth)).status).toBe(404);
  });
});
