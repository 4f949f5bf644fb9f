import { createHash } from 'node:crypto';
import { AuditService } from '../src/audit/audit.service.js';
import { hashPassword } from '../src/auth/password.js';
import { Role } from '../src/auth/role.js';
import { loadConfig } from '../src/config/app-config.js';
import type { AppConfig } from '../src/config/app-config.js';
import { loadDemoProvince } from '../src/demo/demo-province.js';
import { PressInquiriesService } from '../src/press/press-inquiries.service.js';
import { makeOrgUnit, makePerson } from './support/factories.js';
import { startSmtpServer } from './support/smtp-server.js';
import { makeStatementTeam } from './support/statement-team.js';
import type { StatementTeam } from './support/statement-team.js';
import { createTestApp, TestApp, TestUser } from './support/test-app.js';
import { createTestDatabase, TestDatabase } from './support/test-database.js';

const defaults = loadConfig({ NODE_ENV: 'test' }, []);
const DAY_MS = 86_400_000;

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 15_000) {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe(PressInquiriesService.name, () => {
  let db: TestDatabase;
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let config: Partial<AppConfig>;
  let admin: TestUser;
  let journalistId: string;
  const journalistEmail = 'thu.ha@baoanhoa.example.vn';

  async function unitId(code: string): Promise<string> {
    const rows: { id: string }[] = await t.dataSource.query(`SELECT id FROM org_units WHERE code = $1`, [
      code,
    ]);
    if (rows.length !== 1) throw new Error(`expected one unit ${code}, got ${rows.length}`);
    return rows[0].id;
  }

  const inquiryEvents = (id: string) =>
    t.dataSource.query(
      `SELECT type, payload, occurred_at FROM press_inquiry_events WHERE inquiry_id = $1 ORDER BY seq`,
      [id],
    ) as Promise<{ type: string; payload: Record<string, unknown>; occurred_at: Date }[]>;

  const request = (extra: Record<string, unknown> = {}) => ({
    channel: 'email',
    subject: 'Việc cấp phép hoạt động cho trang tin điện tử tổng hợp',
    questions: ['Sở đã cấp bao nhiêu giấy phép trong năm?', 'Có trang nào bị thu hồi giấy phép không?'],
    journalistId,
    ...extra,
  });

  beforeAll(async () => {
    [smtp, db] = await Promise.all([startSmtpServer(), createTestDatabase()]);
    config = {
      jobs: { ...defaults.jobs, pollIntervalMs: 200 },
      notifications: {
        ...defaults.notifications,
        smtp: { url: smtp.url, from: '"Ứng phó – Tỉnh An Hòa" <ungpho@anhoa.example.vn>' },
        retryBaseMs: 100,
      },
    };
    t = await createTestApp(config, { database: db });
    admin = await t.createUser({ roles: [Role.Admin] });
    await t.dataSource.transaction((manager) =>
      loadDemoProvince(manager, {
        hashPassword,
        demoPassword: 'mat-khau-demo-2025',
        audit: t.app.get(AuditService),
      }),
    );
    const outlet = await t.http().post('/api/press/outlets').set(admin.auth).send({
      name: 'Báo An Hòa',
      type: 'newspaper',
      licenceNumber: '12/GP-BVHTTDL',
      governingBody: 'Tỉnh ủy An Hòa',
    });
    expect(outlet.status).toBe(201);
    const journalist = await t.http().post('/api/press/journalists').set(admin.auth).send({
      fullName: 'Nguyễn Thị Thu Hà',
      outletId: outlet.body.id,
      pressCardNumber: 'TNB-0456',
      pressCardExpiresOn: '2030-12-31',
      email: journalistEmail,
      phone: '0912 345 678',
      beat: 'Thông tin, truyền thông',
    });
    expect(journalist.status).toBe(201);
    journalistId = journalist.body.id;
  });

  afterAll(async () => {
    await t?.close().catch(() => undefined);
    await smtp?.close();
    await db?.drop();
  });

  it('routes a request to the former Sở TTTT received on 2024-11-03 to Sở TTTT, and one received today to its successor, each due by the rule in force at receipt', async () => {
    const ict = await unitId('AH-STTTT');
    const culture = await unitId('AH-SVHTTDL');
    const science = await unitId('AH-SKHCN');
    const old = await t
      .http()
      .post('/api/press/inquiries')
      .set(admin.auth)
      .send(
        request({
          receivedAt: '2024-11-03T09:00:00+07:00',
          addressedOrgUnitId: ict,
          capability: 'press_state_management',
        }),
      );
    expect(old.status).toBe(201);
    expect(old.body).toMatchObject({ orgUnitId: ict, status: 'received', ruleKey: 'press_inquiry_answer' });
    expect(old.body.routing).toMatchObject({ on: '2024-11-03', reason: 'addressed' });
    expect(old.body.orgUnitName).toBe('Sở Thông tin và Truyền thông tỉnh An Hòa');
    // The unit's own rule before the Press Law 2025: 7 days.
    expect(new Date(old.body.dueAt).getTime()).toBe(
      new Date('2024-11-03T09:00:00+07:00').getTime() + 7 * DAY_MS,
    );

    const now = await t
      .http()
      .post('/api/press/inquiries')
      .set(admin.auth)
      .send(request({ addressedOrgUnitId: ict, capability: 'press_state_management' }));
    expect(now.status).toBe(201);
    expect(now.body.orgUnitId).toBe(culture);
    expect(now.body.routing.reason).toBe('successor');
    expect(now.body.routing.via.map((v: { name: string }) => v.name)).toEqual([
      'Sở Văn hóa, Thể thao và Du lịch tỉnh An Hòa',
    ]);
    // From 1/7/2026 (Press Law 2025 in force): 5 days, from the moment of receipt.
    const received = new Date(now.body.receivedAt).getTime();
    expect(new Date(now.body.dueAt).getTime()).toBe(received + 5 * DAY_MS);
    const rule = (await t.http().get('/api/deadline-rules').set(admin.auth)).body.find(
      (r: { id: string }) => r.id === now.body.ruleId,
    );
    expect(rule).toMatchObject({
      key: 'press_inquiry_answer',
      value: 5,
      unit: 'days',
      effectiveFrom: '2026-07-01',
    });
    expect(rule.legalSource).toContain('126/2025/QH15');

    // No function named: the unit the whole of Sở TTTT merged into.
    const merged = await t
      .http()
      .post('/api/press/inquiries')
      .set(admin.auth)
      .send(request({ addressedOrgUnitId: ict }));
    expect(merged.body.orgUnitId).toBe(science);
    // At the weekly press briefing (HCMC 09/CT-UBND 1.b): the briefing rule, 3 days.
    const briefing = await t
      .http()
      .post('/api/press/inquiries')
      .set(admin.auth)
      .send(request({ channel: 'press_briefing', addressedOrgUnitId: culture }));
    expect(briefing.body.ruleKey).toBe('press_briefing_answer');
    expect(new Date(briefing.body.dueAt).getTime() - new Date(briefing.body.receivedAt).getTime()).toBe(
      3 * DAY_MS,
    );
    // Incidents do not carry the press desk's clocks.
    expect((await inquiryEvents(now.body.id)).map((e) => e.type)).toEqual(['inquiry.received']);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const culture = await unitId('AH-SVHTTDL');
    const before = Number((await t.dataSource.query('SELECT count(*) FROM press_inquiries'))[0].count);
    const cases: [Record<string, unknown>, string][] = [
      [request({ addressedOrgUnitId: culture, questions: [] }), 'questions'],
      [request({ addressedOrgUnitId: culture, channel: 'fax' }), 'channel'],
      [request({ addressedOrgUnitId: culture, capability: 'bao_chi' }), 'capability'],
      [
        request({ addressedOrgUnitId: culture, receivedAt: new Date(Date.now() + 3_600_000).toISOString() }),
        'receivedAt',
      ],
      [request({ addressedOrgUnitId: '00000000-0000-4000-8000-000000000000' }), 'addressedOrgUnitId'],
      [
        request({ addressedOrgUnitId: culture, journalistId: '00000000-0000-4000-8000-000000000000' }),
        'journalistId',
      ],
      [request({}), 'addressedOrgUnitId'],
      [request({ addressedOrgUnitId: culture, priority: 'cao' }), 'priority'],
    ];
    for (const [body, field] of cases) {
      const res = await t.http().post('/api/press/inquiries').set(admin.auth).send(body);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(JSON.stringify(res.body.details)).toContain(field);
    }
    const after = Number((await t.dataSource.query('SELECT count(*) FROM press_inquiries'))[0].count);
    expect(after).toBe(before);
  });

  it("shows a unit's requests to that unit and the units above it; another unit is refused, and journalists' contacts stay with the press office", async () => {
    const culture = await unitId('AH-SVHTTDL');
    const [{ parent_id: parent }] = await t.dataSource.query(
      'SELECT parent_id FROM org_units WHERE id = $1',
      [culture],
    );
    const other = await makeOrgUnit(t.dataSource, { name: 'Sở Y tế thử nghiệm' });
    const outsider = await t.createUser({
      roles: [Role.Officer],
      personId: (await makePerson(t.dataSource, other.id, { fullName: 'Lê Văn Ngoài' })).id,
    });
    const cultureOfficer = await t.createUser({
      roles: [Role.Officer],
      personId: (await makePerson(t.dataSource, culture, { fullName: 'Trần Thị Văn Hóa' })).id,
    });
    const above = await t.createUser({
      roles: [Role.Leader],
      personId: (await makePerson(t.dataSource, parent, { fullName: 'Phạm Cấp Trên' })).id,
    });
    const created = await t
      .http()
      .post('/api/press/inquiries')
      .set(cultureOfficer.auth)
      .send(request({ addressedOrgUnitId: culture }));
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await t.http().get(`/api/press/inquiries/${id}`).set(outsider.auth)).status).toBe(404);
    expect((await t.http().get(`/api/press/inquiries/${id}`).set(above.auth)).status).toBe(200);
    const refused = await t
      .http()
      .post('/api/press/inquiries')
      .set(outsider.auth)
      .send(request({ addressedOrgUnitId: culture }));
    expect(refused.status).toBe(403);
    const listed = (await t.http().get('/api/press/inquiries').set(outsider.auth)).body.items;
    expect(listed.map((i: { id: string }) => i.id)).not.toContain(id);
    // A plain officer sees the journalist's name and outlet, not the e-mail, phone or press card.
    const seen = (await t.http().get(`/api/press/inquiries/${id}`).set(cultureOfficer.auth)).body.journalist;
    expect(seen).toMatchObject({ fullName: 'Nguyễn Thị Thu Hà', contactsHidden: true });
    expect(seen.email).toBeUndefined();
    const byLeader = (await t.http().get(`/api/press/journalists/${journalistId}`).set(above.auth)).body;
    expect(byLeader).toMatchObject({ email: journalistEmail, pressCardNumber: 'TNB-0456' });
    expect(
      (
        await t
          .http()
          .patch(`/api/press/journalists/${journalistId}`)
          .set(cultureOfficer.auth)
          .send({ beat: 'Y tế' })
      ).status,
    ).toBe(403);
  });

  it('opens an incident from a request, and transfers a request to another unit with the same due time', async () => {
    const culture = await unitId('AH-SVHTTDL');
    const science = await unitId('AH-SKHCN');
    const created = await t
      .http()
      .post('/api/press/inquiries')
      .set(admin.auth)
      .send(request({ addressedOrgUnitId: culture, subject: 'Trang tin giả mạo cổng thông tin của tỉnh' }));
    const opened = await t
      .http()
      .post(`/api/press/inquiries/${created.body.id}/incident`)
      .set(admin.auth)
      .send({ openIncident: { category: 'fake_news', severity: 'L2' } });
    expect(opened.status).toBe(201);
    expect(opened.body.incidentId).toEqual(expect.any(String));
    const incident = (await t.http().get(`/api/incidents/${opened.body.incidentId}`).set(admin.auth)).body;
    expect(incident).toMatchObject({
      responsibleOrgUnitId: culture,
      category: 'fake_news',
      status: 'detected',
    });
    const events = (await t.http().get(`/api/incidents/${opened.body.incidentId}/events`).set(admin.auth))
      .body.items;
    expect(events.map((e: { type: string }) => e.type)).toContain('press_inquiry.linked');
    const twice = await t
      .http()
      .post(`/api/press/inquiries/${created.body.id}/incident`)
      .set(admin.auth)
      .send({ incidentId: opened.body.incidentId });
    expect(twice.status).toBe(400);
    expect(twice.body.details[0].field).toBe('incidentId');

    const moved = await t
      .http()
      .post(`/api/press/inquiries/${created.body.id}/transfer`)
      .set(admin.auth)
      .send({ toOrgUnitId: science, reason: 'Nội dung thuộc lĩnh vực chuyển đổi số do Sở KH&CN phụ trách' });
    expect(moved.status).toBe(201);
    expect(moved.body.transferred).toMatchObject({
      status: 'transferred',
      transferredToOrgUnitId: science,
      open: false,
    });
    const successor = (await t.http().get(`/api/press/inquiries/${moved.body.created.id}`).set(admin.auth))
      .body;
    expect(successor).toMatchObject({ orgUnitId: science, status: 'received', dueAt: created.body.dueAt });
    expect(successor.questions.map((q: { text: string }) => q.text)).toEqual(request().questions);
    const closed = await t
      .http()
      .post(`/api/press/inquiries/${created.body.id}/assign`)
      .set(admin.auth)
      .send({ ownerUserId: admin.user.id });
    expect(closed.status).toBe(409);
  });

  describe('answers', () => {
    let team: StatementTeam;

    async function openInquiry(extra: Record<string, unknown> = {}) {
      const res = await t
        .http()
        .post('/api/press/inquiries')
        .set(team.spokesperson.auth)
        .send(
          request({
            subject: 'Kết quả xét nghiệm mẫu thức ăn tại trường Tiểu học Hòa Bình',
            questions: ['Kết quả xét nghiệm mẫu thức ăn ra sao?', 'Có bao nhiêu học sinh còn điều trị?'],
            addressedOrgUnitId: team.unitId,
            incidentId: team.incidentId,
            ...extra,
          }),
        );
      expect(res.status).toBe(201);
      return res.body;
    }

    /** `stoppedAfterPublication`: a first send recorded the publication, then stopped before closing the request. */
    async function approveAndSend(
      inquiry: { id: string; statementId: string },
      { stoppedAfterPublication = false } = {},
    ) {
      const submitted = await t
        .http()
        .post(`/api/statements/${inquiry.statementId}/submit`)
        .set(team.drafters[0].auth)
        .send({});
      expect(submitted.status).toBe(200);
      const v = submitted.body.version;
      await waitFor(
        'in review',
        async () =>
          (await t.http().get(`/api/press/inquiries/${inquiry.id}`).set(admin.auth)).body.status ===
          'in_review',
      );
      // The standard chain: legal review and the team leader, then the approving leader.
      let approved: { statementStatus?: string } = {};
      for (const m of [team.legal, team.teamLeader, team.approver]) {
        const res = await t
          .http()
          .post(`/api/statements/${inquiry.statementId}/versions/1/decisions`)
          .set(m.auth)
          .send({ decision: 'approve', sha256: v.sha256, password: m.password });
        expect(res.status).toBeLessThan(300);
        approved = res.body;
      }
      expect(approved.statementStatus).toBe('approved');
      if (stoppedAfterPublication) {
        const recorded = await t
          .http()
          .post(`/api/statements/${inquiry.statementId}/publications`)
          .set(team.spokesperson.auth)
          .send({ versionNumber: 1, sha256: v.sha256, channel: 'press_outlets' });
        expect(recorded.status).toBe(201);
      }
      const sent = await t
        .http()
        .post(`/api/press/inquiries/${inquiry.id}/send`)
        .set(team.spokesperson.auth)
        .send({ versionNumber: 1, sha256: v.sha256 });
      expect(sent.status).toBe(201);
      return { sent: sent.body, version: v };
    }

    beforeAll(async () => {
      team = await makeStatementTeam(t);
    });

    it('drafts the written answer from each question, has it approved, and e-mails it to the journalist with the hash', async () => {
      const inquiry = await openInquiry();
      expect(inquiry.incidentId).toBe(team.incidentId);
      // Not every question answered yet: no draft.
      const early = await t
        .http()
        .post(`/api/press/inquiries/${inquiry.id}/answer`)
        .set(team.drafters[0].auth)
        .send({ outcome: 'answer' });
      expect(early.status).toBe(400);
      expect(early.body.details[0].field).toBe('questions');
      const answers = [
        'Kết quả xét nghiệm của Trung tâm Kiểm soát bệnh tật tỉnh: mẫu thức ăn nhiễm khuẩn Salmonella.',
        'Còn 3 học sinh điều trị tại Bệnh viện đa khoa tỉnh, sức khỏe ổn định.',
      ];
      for (const [i, q] of inquiry.questions.entries()) {
        const res = await t
          .http()
          .patch(`/api/press/inquiries/${inquiry.id}/questions/${q.id}`)
          .set(team.drafters[0].auth)
          .send({ answer: answers[i] });
        expect(res.status).toBe(200);
      }
      const drafted = await t
        .http()
        .post(`/api/press/inquiries/${inquiry.id}/answer`)
        .set(team.drafters[0].auth)
        .send({ outcome: 'answer' });
      expect(drafted.status).toBe(201);
      expect(drafted.body).toMatchObject({ status: 'drafting', outcome: 'answer' });
      const statement = (await t.http().get(`/api/statements/${drafted.body.statementId}`).set(admin.auth))
        .body;
      expect(statement).toMatchObject({ type: 'press_answer', incidentId: team.incidentId });

      const { sent, version } = await approveAndSend(drafted.body);
      expect(sent).toMatchObject({ status: 'answered', sentVersionNumber: 1, sentSha256: version.sha256 });
      expect(createHash('sha256').update(version.rendered, 'utf8').digest('hex')).toBe(version.sha256);
      const [mail] = await waitFor('the e-mail', async () => {
        const got = smtp.mailTo(journalistEmail).filter((m) => m.subject?.includes('Kết quả xét nghiệm'));
        return got.length ? got : undefined;
      });
      expect(mail.subject).toBe(
        'Trả lời báo chí: Kết quả xét nghiệm mẫu thức ăn tại trường Tiểu học Hòa Bình',
      );
      expect(mail.text).toContain('Kính gửi Nguyễn Thị Thu Hà (Báo An Hòa)');
      expect(mail.text).toContain(answers[0]);
      expect(mail.text).toContain(answers[1]);
      expect(mail.text).toContain(`Mã SHA-256 của văn bản: ${version.sha256}`);
      expect(mail.text).toContain(version.rendered.split('\n')[0]);
      const publications = (
        await t.http().get(`/api/statements/${drafted.body.statementId}/publications`).set(admin.auth)
      ).body.items;
      expect(publications).toEqual([
        expect.objectContaining({ channel: 'press_outlets', sha256: version.sha256 }),
      ]);
      const types = (await inquiryEvents(inquiry.id)).map((e) => e.type);
      expect(types).toEqual([
        'inquiry.received',
        'inquiry.incident_linked',
        'inquiry.question_answered',
        'inquiry.question_answered',
        'inquiry.assigned',
        'inquiry.drafting',
        'inquiry.status_changed',
        'inquiry.answered',
      ]);
      // Sent once: a second send is refused.
      const again = await t
        .http()
        .post(`/api/press/inquiries/${inquiry.id}/send`)
        .set(team.spokesperson.auth)
        .send({ versionNumber: 1, sha256: version.sha256 });
      expect(again.status).toBe(409);
    });

    it('a refusal names one of the Press Law grounds and is approved before it is sent', async () => {
      const inquiry = await openInquiry({ subject: 'Danh tính người bị tạm giữ trong vụ ngộ độc' });
      const url = `/api/press/inquiries/${inquiry.id}/answer`;
      const noGround = await t
        .http()
        .post(url)
        .set(team.drafters[0].auth)
        .send({ outcome: 'refusal', refusalReason: 'Đang điều tra' });
      expect(noGround.body.details[0].field).toBe('refusalGroundKey');
      const badGround = await t
        .http()
        .post(url)
        .set(team.drafters[0].auth)
        .send({ outcome: 'refusal', refusalGroundKey: 'khong_thich', refusalReason: 'x' });
      expect(badGround.status).toBe(400);
      expect(badGround.body.details[0].field).toBe('refusalGroundKey');
      const grounds = (await t.http().get('/api/press/refusal-grounds?on=2026-12-03').set(admin.auth)).body
        .items;
      expect(grounds.map((g: { key: string }) => g.key).sort()).toEqual([
        'personal_secret',
        'state_secret',
        'unconcluded_inspection',
        'under_investigation',
      ]);
      const drafted = await t.http().post(url).set(team.drafters[0].auth).send({
        outcome: 'refusal',
        refusalGroundKey: 'under_investigation',
        refusalReason: 'Cơ quan Cảnh sát điều tra Công an tỉnh đang thụ lý vụ việc.',
      });
      expect(drafted.status).toBe(201);
      // The first send stopped after recording the publication: sending again finishes it, recorded once.
      const { sent, version } = await approveAndSend(drafted.body, { stoppedAfterPublication: true });
      const publications = (
        await t.http().get(`/api/statements/${drafted.body.statementId}/publications`).set(admin.auth)
      ).body.items;
      expect(publications).toEqual([
        expect.objectContaining({ channel: 'press_outlets', versionNumber: 1, sha256: version.sha256 }),
      ]);
      expect(sent).toMatchObject({
        status: 'declined',
        outcome: 'refusal',
        refusalGroundKey: 'under_investigation',
      });
      const [mail] = await waitFor('the refusal e-mail', async () => {
        const got = smtp.mailTo(journalistEmail).filter((m) => m.subject?.includes('Danh tính'));
        return got.length ? got : undefined;
      });
      expect(mail.subject).toBe(
        'Trả lời (từ chối cung cấp thông tin): Danh tính người bị tạm giữ trong vụ ngộ độc',
      );
      expect(mail.text).toContain(
        'Căn cứ: Vụ việc đang điều tra hoặc chưa xét xử (Luật Báo chí 2025 (126/2025/QH15)',
      );
    });

    it('the dashboard lists open requests by due time, overdue ones by unit and answer times per unit', async () => {
      const dash = (await t.http().get('/api/press/dashboard').set(admin.auth)).body;
      const dues = dash.open.map((i: { dueAt: string }) => i.dueAt);
      expect(dues).toEqual([...dues].sort());
      const mine = dash.responseByUnit.find((r: { orgUnitId: string }) => r.orgUnitId === team.unitId);
      expect(mine).toMatchObject({ answered: 1, declined: 1, onTime: 2 });
      // The 2024 request to Sở TTTT is long overdue.
      const ict = await unitId('AH-STTTT');
      expect(dash.overdueByUnit.find((r: { orgUnitId: string }) => r.orgUnitId === ict)).toMatchObject({
        overdue: 1,
      });
      const outsider = await t.createUser({
        roles: [Role.Officer],
        personId: (await makePerson(t.dataSource, team.unitId)).id,
      });
      const scoped = (await t.http().get('/api/press/dashboard').set(outsider.auth)).body;
      expect(scoped.responseByUnit.map((r: { orgUnitId: string }) => r.orgUnitId)).toEqual([team.unitId]);
      expect(scoped.overdueByUnit).toEqual([]);
    });

    it('an overdue request is escalated to the unit leaders at 100 %, across a restart of the app', async () => {
      // Received 5 days minus 4 seconds ago: 50 % and 80 % are past (one reminder now), 100 % comes after the restart.
      const receivedAt = new Date(Date.now() - 5 * DAY_MS + 4_000);
      const inquiry = await openInquiry({
        subject: 'Tiến độ bồi thường cho gia đình học sinh',
        receivedAt: receivedAt.toISOString(),
      });
      const dueAt = new Date(inquiry.dueAt).getTime();
      await waitFor('the 80 % reminder', async () =>
        (await inquiryEvents(inquiry.id)).find(
          (e) => e.type === 'inquiry.deadline_warning' && e.payload.percent === 80,
        ),
      );
      await t.close();
      await new Promise((r) => setTimeout(r, Math.max(0, dueAt - Date.now()) + 500));
      t = await createTestApp(config, { database: db });
      const full = await waitFor('the 100 % escalation', async () =>
        (await inquiryEvents(inquiry.id)).find(
          (e) => e.type === 'inquiry.deadline_warning' && e.payload.percent === 100,
        ),
      );
      expect(full.payload).toMatchObject({ overdue: true });
      // The unit's leaders (in the group or not) are told in-app and by e-mail.
      expect(full.payload.escalatedTo).toEqual(
        expect.arrayContaining([team.teamLeader.user.id, team.approver.user.id, team.reader.user.id]),
      );
      const rows = await t.dataSource.query(
        `SELECT d.channel FROM notifications n JOIN notification_deliveries d ON d.notification_id = n.id
          WHERE n.kind = 'press_inquiry.overdue' AND d.recipient_user_id = $1 AND n.data->>'inquiryId' = $2`,
        [team.reader.user.id, inquiry.id],
      );
      expect(rows.map((r: { channel: string }) => r.channel).sort()).toEqual(['email', 'in_app']);
      await waitFor('the escalation e-mail', async () =>
        smtp
          .mailTo(team.reader.email)
          .find((m) => m.subject === 'Quá hạn trả lời báo chí: Tiến độ bồi thường cho gia đình học sinh'),
      );
      const warnings = (await inquiryEvents(inquiry.id)).filter((e) => e.type === 'inquiry.deadline_warning');
      expect(warnings.map((e) => e.payload.percent)).toEqual([80, 100]);
    });
  });
});
