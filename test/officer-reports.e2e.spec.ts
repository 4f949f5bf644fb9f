import { randomBytes } from 'node:crypto';
import { Role } from '../src/auth/role.js';
import { OfficerReportsService } from '../src/officer-reports/officer-reports.service.js';
import { createTestApp, TestApp, TestUser } from './support/test-app.js';

/** A 1×1 PNG: a real screenshot's first bytes and structure. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** Officers' reports: a mention with evidence through the ingest path, opening or joining an incident at once. */
describe(`${OfficerReportsService.name} (e2e)`, () => {
  let t: TestApp;
  let officer: TestUser;
  let analyst: TestUser;
  let outsider: TestUser;
  let unitId: string;
  let otherUnitId: string;
  const uid = () => randomBytes(5).toString('hex');

  async function createUnit(name: string, parentId: string | null, unitType = 'department') {
    const [row] = await t.dataSource.query(
      `INSERT INTO org_units (code, name, unit_type, valid_from, parent_id) VALUES ($1, $2, $3, '2025-03-01', $4) RETURNING id`,
      [`T-${uid()}`, name, unitType, parentId],
    );
    return row.id as string;
  }
  const personIn = async (unit: string) =>
    (
      await t.dataSource.query(
        `INSERT INTO people (full_name, position, org_unit_id, email, tags) VALUES ($1, 'Chuyên viên', $2, $3, '{}') RETURNING id`,
        [`Lê Văn ${uid()}`, unit, `${uid()}@anhoa.example.vn`],
      )
    )[0].id as string;
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await t.dataSource.query(sql, params))[0].n);
  const counts = async () => ({
    reports: await count(`SELECT count(*) AS n FROM officer_reports WHERE org_unit_id = $1`, [unitId]),
    mentions: await count(
      `SELECT count(*) AS n FROM mentions m JOIN signal_sources s ON s.id = m.source_id WHERE s.org_unit_id = $1`,
      [unitId],
    ),
    incidents: await count(`SELECT count(*) AS n FROM incidents WHERE responsible_org_unit_id = $1`, [
      unitId,
    ]),
  });

  const report = (
    fields: Record<string, string>,
    user = officer,
    evidence?: { bytes: Buffer; name: string },
  ) => {
    const req = t.http().post('/api/officer-reports').set(user.auth);
    for (const [k, v] of Object.entries(fields)) req.field(k, v);
    if (evidence) req.attach('evidence', evidence.bytes, evidence.name);
    return req;
  };

  beforeAll(async () => {
    t = await createTestApp({
      intake: { importDir: '.data/imports-test', importMaxBytes: 1024 * 1024, evidenceMaxBytes: 64 * 1024 },
    });
    const province = await createUnit('Tỉnh An Hòa', null, 'province');
    unitId = await createUnit('UBND phường Tân An', province, 'commune_ward');
    otherUnitId = await createUnit('Tỉnh Bình Sơn', null, 'province');
    [officer, analyst, outsider] = await Promise.all([
      t.createUser({ roles: [Role.Officer], personId: await personIn(province) }),
      t.createUser({ roles: [Role.Analyst], personId: await personIn(province) }),
      t.createUser({ roles: [Role.Officer], personId: await personIn(otherUnitId) }),
    ]);
  });
  afterAll(() => t?.close());

  it('stores a report with a PNG screenshot and opens an incident at once; the evidence is served to those who see it', async () => {
    const url = `https://facebook.com/groups/tanan/posts/${uid()}`;
    const res = await report(
      {
        orgUnitId: unitId,
        url,
        text: 'Bài đăng nói UBND phường Tân An thu phí vệ sinh gấp đôi: thông tin sai sự thật, đang được chia sẻ nhiều',
        sourceType: 'social',
        outlet: 'Nhóm Cư dân Tân An',
        sentiment: 'negative',
        fakeNewsLabel: 'tin_sai_su_that',
        archiveUrl: 'https://archive.ph/abcde',
        note: 'Đã có hơn 300 lượt chia sẻ trong buổi sáng, cần đính chính',
        action: 'open',
        severity: 'L2',
        category: 'fake_news',
        incidentTitle: 'Tin sai về phí vệ sinh ở phường Tân An',
      },
      officer,
      { bytes: PNG, name: 'anh-chup.png' },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      duplicate: false,
      incident: { outcome: 'opened', incidentId: expect.any(String) },
      report: {
        orgUnitId: unitId,
        evidenceType: 'image/png',
        evidenceSize: PNG.length,
        fakeNewsLabel: 'tin_sai_su_that',
      },
    });
    expect(res.body.report.evidence).toBeUndefined();
    const incidentId = res.body.incident.incidentId;

    const [mention] = await t.dataSource.query(
      `SELECT m.url, m.sentiment, m.fake_news_label, m.evidence_url, s.kind, s.org_unit_id FROM mentions m
       JOIN signal_sources s ON s.id = m.source_id WHERE m.id = $1`,
      [res.body.mentionId],
    );
    expect(mention).toMatchObject({
      url,
      sentiment: 'negative',
      fake_news_label: 'tin_sai_su_that',
      evidence_url: 'https://archive.ph/abcde',
      kind: 'manual',
      org_unit_id: unitId,
    });
    const incident = await t.http().get(`/api/incidents/${incidentId}`).set(officer.auth);
    expect(incident.status).toBe(200);
    expect(incident.body).toMatchObject({
      title: 'Tin sai về phí vệ sinh ở phường Tân An',
      category: 'fake_news',
      severity: 'L2',
    });
    expect(
      await count(`SELECT count(*) AS n FROM incident_mentions WHERE incident_id = $1 AND mention_id = $2`, [
        incidentId,
        res.body.mentionId,
      ]),
    ).toBe(1);
    const events = await t.http().get(`/api/incidents/${incidentId}/events`).set(officer.auth);
    expect(events.body.items.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['incident.opened', 'detection.recorded']),
    );

    const image = await t
      .http()
      .get(`/api/officer-reports/${res.body.report.id}/evidence`)
      .set(analyst.auth)
      .buffer(true);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(image.body as Buffer, PNG)).toBe(0);
    expect(
      (await t.http().get(`/api/officer-reports/${res.body.report.id}/evidence`).set(outsider.auth)).status,
    ).toBe(404);
    expect((await t.http().get(`/api/officer-reports/${res.body.report.id}`).set(outsider.auth)).status).toBe(
      404,
    );
    const list = await t.http().get('/api/officer-reports').set(outsider.auth);
    expect(list.body.map((r: { id: string }) => r.id)).not.toContain(res.body.report.id);
    // A hundred newer reports of another unit do not crowd this one out of its unit's list (the cap is 100).
    await t.dataSource.query(
      `INSERT INTO officer_reports (org_unit_id, source_id, mention_id, reported_by_user_id, text, source_type,
         sentiment, created_at)
       SELECT $2, source_id, mention_id, reported_by_user_id, text, source_type, sentiment, now() + interval '1 minute'
       FROM officer_reports, generate_series(1, 100) WHERE id = $1`,
      [res.body.report.id, otherUnitId],
    );
    const own = await t.http().get('/api/officer-reports').set(analyst.auth);
    expect(own.body.map((r: { id: string }) => r.id)).toContain(res.body.report.id);
    expect(own.body.every((r: { orgUnitId: string }) => r.orgUnitId !== otherUnitId)).toBe(true);

    // A colleague's report of the same post joins the open incident; the mention is the same one.
    const second = await report({
      orgUnitId: unitId,
      url,
      text: 'Bài đăng nói UBND phường Tân An thu phí vệ sinh gấp đôi: thông tin sai sự thật, đang được chia sẻ nhiều',
      sentiment: 'negative',
      action: 'attach',
      incidentId,
      note: 'Thêm một nhóm khác chia sẻ lại bài này',
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({
      duplicate: true,
      mentionId: res.body.mentionId,
      incident: { outcome: 'attached', incidentId },
    });
    expect(second.body.report.sourceId).toBe(res.body.report.sourceId);
    expect(
      await count(`SELECT count(*) AS n FROM signal_sources WHERE org_unit_id = $1 AND kind = 'manual'`, [
        unitId,
      ]),
    ).toBe(1);
    const audit = await t.dataSource.query(
      `SELECT data FROM audit_log WHERE action = 'officer_report.created' AND entity_id = $1`,
      [res.body.report.id],
    );
    expect(audit[0].data).toMatchObject({ action: 'open', incidentId, evidence: { type: 'image/png' } });
  });

  it('refuses a disguised screenshot, a bad field, another unit, and leaves nothing behind', async () => {
    const before = await counts();
    const fake = await report(
      { orgUnitId: unitId, text: 'Một bài viết tiêu cực về phường', sentiment: 'negative' },
      officer,
      {
        bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'.padEnd(200, ' ')),
        name: 'anh.png',
      },
    );
    expect(fake.status).toBe(400);
    expect(fake.body.details[0]).toMatchObject({ field: 'evidence' });
    expect(fake.body.details[0].messages[0]).toContain('PNG, JPEG hoặc WebP');

    const huge = await report(
      { orgUnitId: unitId, text: 'Một bài viết tiêu cực về phường', sentiment: 'negative' },
      officer,
      { bytes: Buffer.concat([PNG, Buffer.alloc(70 * 1024)]), name: 'anh-lon.png' },
    );
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'Dữ liệu gửi lên quá lớn' });

    const badUrl = await report({ orgUnitId: unitId, url: 'javascript:alert(1)', sentiment: 'negative' });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.details[0].field).toBe('url');
    const badArchive = await report({
      orgUnitId: unitId,
      text: 'Nội dung bài viết',
      sentiment: 'neutral',
      archiveUrl: 'archive',
    });
    expect(badArchive.status).toBe(400);
    expect(badArchive.body.details[0].field).toBe('archiveUrl');
    const unknown = await report({
      orgUnitId: unitId,
      text: 'Nội dung bài viết',
      sentiment: 'neutral',
      hacker: '1',
    });
    expect(unknown.status).toBe(400);
    const nothing = await report({ orgUnitId: unitId, sentiment: 'neutral' });
    expect(nothing.status).toBe(400);
    expect(nothing.body.details[0].field).toBe('text');

    const otherUnit = await report(
      { orgUnitId: unitId, text: 'Bài viết về phường Tân An', sentiment: 'negative' },
      outsider,
    );
    expect(otherUnit.status).toBe(403);

    // An incident of another unit cannot be joined: the whole report is refused, nothing is written.
    const theirs = await report(
      {
        orgUnitId: otherUnitId,
        text: 'Bài viết về tỉnh Bình Sơn',
        sentiment: 'negative',
        action: 'open',
        note: 'Cần theo dõi ngay lập tức',
      },
      outsider,
    );
    expect(theirs.status).toBe(201);
    const attach = await report({
      orgUnitId: unitId,
      text: 'Bài viết khác về phường Tân An',
      sentiment: 'negative',
      action: 'attach',
      incidentId: theirs.body.incident.incidentId,
    });
    expect(attach.status).toBe(404);
    expect(await counts()).toEqual(before);
  });
});
