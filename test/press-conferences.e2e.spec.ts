import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Response } from 'superagent';
import { Role } from '../src/auth/role.js';
import { OrgUnitType } from '../src/directory/entities/org-unit.entity.js';
import { PressJournalist } from '../src/press/entities/press-journalist.entity.js';
import { PressOutlet } from '../src/press/entities/press-outlet.entity.js';
import { openDocx } from './support/docx.js';
import { makeOrgUnit, makePerson } from './support/factories.js';
import { pdfText, renderPdfPage } from './support/pdf.js';
import { makeStatementTeam } from './support/statement-team.js';
import type { StatementTeam } from './support/statement-team.js';
import { createTestApp, TestApp, TestUser } from './support/test-app.js';

const ARTIFACTS = path.resolve('test-artifacts/press');
const binary = (response: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (c: Buffer) => chunks.push(c));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};
const tag = () => randomBytes(3).toString('hex');
const fields = (res: { body: { details?: { field: string }[] } }) =>
  (res.body.details ?? []).map((d) => d.field);

describe('Press conferences (e2e)', () => {
  let t: TestApp;
  let team: StatementTeam;
  let outlets: PressOutlet[];
  let journalist: PressJournalist;
  let factId: string;
  let unverifiedFactId: string;
  let statementId: string;
  let designationId: string;
  let outsider: TestUser;

  const outlet = (name: string) =>
    t.dataSource
      .getRepository(PressOutlet)
      .save(t.dataSource.getRepository(PressOutlet).create({ name: `${name} ${tag()}`, type: 'newspaper' }));
  const plan = (over: Record<string, unknown> = {}) => ({
    orgUnitId: team.unitId,
    kind: 'emergency',
    title: 'Họp báo về vụ việc học sinh nghi ngộ độc thực phẩm',
    startsAt: '2026-12-02T08:00:00.000Z',
    endsAt: '2026-12-02T09:30:00.000Z',
    place: 'Hội trường Sở Y tế, số 5 đường Trần Phú',
    chairName: 'Phạm Minh Giám Đốc',
    chairPosition: 'Giám đốc Sở Y tế',
    spokespersonDesignationId: designationId,
    incidentId: team.incidentId,
    agenda: ['Thông tin diễn biến vụ việc và kết quả xác minh', 'Các biện pháp đã triển khai'],
    invitedOutletIds: outlets.map((o) => o.id),
    anticipatedQuestions: [
      {
        question: 'Bao nhiêu học sinh phải nhập viện?',
        sources: [
          { kind: 'fact', id: factId },
          { kind: 'statement', id: statementId },
        ],
      },
      {
        question: 'Ai chịu trách nhiệm về bếp ăn?',
        preparedLine: 'Đang chờ kết luận của đoàn kiểm tra liên ngành.',
      },
    ],
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp();
    team = await makeStatementTeam(t, { category: 'public_health', severity: 'L2' });
    outlets = [await outlet('Báo An Hòa'), await outlet('Đài Phát thanh và Truyền hình An Hòa')];
    journalist = await t.dataSource.getRepository(PressJournalist).save(
      t.dataSource.getRepository(PressJournalist).create({
        fullName: 'Lê Thị Phóng Viên',
        outletId: outlets[0].id,
        email: `pv.${tag()}@baoanhoa.vn`,
      }),
    );
    const fact = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/facts`)
      .set(team.drafters[0].auth)
      .send({
        statement: '12 học sinh được theo dõi tại trạm y tế, không ai nguy kịch.',
        source: 'Báo cáo của Trạm Y tế phường',
        status: 'verified',
      });
    expect(fact.status).toBe(201);
    factId = fact.body.id;
    const rumour = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/facts`)
      .set(team.drafters[0].auth)
      .send({ statement: 'Có học sinh tử vong.', source: 'Mạng xã hội' });
    unverifiedFactId = rumour.body.id;

    const draft = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/statements`)
      .set(team.drafters[0].auth)
      .send({
        type: 'press_release',
        title: 'Thông cáo về vụ việc tại Trường Tiểu học An Phú',
        body: 'Sở Y tế đã **niêm phong mẫu thức ăn** để xét nghiệm.',
      });
    expect(draft.status).toBe(201);
    statementId = draft.body.id;
    const submitted = await t
      .http()
      .post(`/api/statements/${statementId}/submit`)
      .set(team.drafters[0].auth)
      .send({});
    const v = submitted.body.version;
    for (const by of [team.legal, team.teamLeader, team.approver]) {
      const d = await t
        .http()
        .post(`/api/statements/${statementId}/versions/${v.number}/decisions`)
        .set(by.auth)
        .send({ sha256: v.sha256, decision: 'approve', password: by.password });
      expect(d.status).toBe(201);
    }
    const designation = await t.http().post('/api/spokesperson-designations').set(team.admin.auth).send({
      personId: team.spokesperson.person.id,
      orgUnitId: team.unitId,
      kind: 'spokesperson',
      validFrom: '2026-01-01',
      decisionRef: 'Quyết định 12/QĐ-SYT',
    });
    expect(designation.status).toBe(201);
    designationId = designation.body.id;
    const other = await makeOrgUnit(t.dataSource, {
      name: `Tỉnh khác ${tag()}`,
      unitType: OrgUnitType.Province,
    });
    outsider = await t.createUser({
      roles: [Role.Leader],
      personId: (await makePerson(t.dataSource, other.id)).id,
    });
  });

  afterAll(async () => {
    await t.close();
  });

  it('plans a conference with the designated spokesperson and lines drawn from verified facts and approved statements', async () => {
    const res = await t.http().post('/api/press/conferences').set(team.drafters[1].auth).send(plan());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'planned',
      spokespersonName: team.spokesperson.person.fullName,
      invitedOutlets: outlets.map((o) => ({ id: o.id, name: o.name })),
    });
    const [first, second] = res.body.anticipatedQuestions;
    expect(first.preparedLine).toContain('12 học sinh được theo dõi tại trạm y tế');
    expect(first.preparedLine).toContain('Sở Y tế đã niêm phong mẫu thức ăn để xét nghiệm.');
    expect(second.preparedLine).toBe('Đang chờ kết luận của đoàn kiểm tra liên ngành.');
    const sources = await t
      .http()
      .get(`/api/press/conferences/${res.body.id}/prepared-line-sources`)
      .set(team.drafters[1].auth);
    expect(sources.body.facts.map((f: { id: string }) => f.id)).toEqual([factId]);
    expect(sources.body.statements.map((s: { id: string }) => s.id)).toEqual([statementId]);
  });

  it('refuses a bad plan naming the field and keeps nothing', async () => {
    const count = async () =>
      Number((await t.dataSource.query('SELECT count(*) FROM press_conferences'))[0].count);
    const before = await count();
    const late = await t.http().post('/api/spokesperson-designations').set(team.admin.auth).send({
      personId: team.drafters[2].person.id,
      orgUnitId: team.unitId,
      kind: 'spokesperson',
      validFrom: '2027-01-01',
    });
    expect(late.status).toBe(201);
    const cases: [Record<string, unknown>, string][] = [
      [plan({ spokespersonDesignationId: late.body.id }), 'spokespersonDesignationId'],
      [plan({ invitedOutletIds: ['00000000-0000-4000-8000-000000000000'] }), 'invitedOutletIds'],
      [
        plan({
          anticipatedQuestions: [
            { question: 'Có học sinh tử vong không?', sources: [{ kind: 'fact', id: unverifiedFactId }] },
          ],
        }),
        'anticipatedQuestions[0].sources',
      ],
      [
        plan({ anticipatedQuestions: [{ question: 'Câu hỏi chưa có trả lời?' }] }),
        'anticipatedQuestions[0].preparedLine',
      ],
      [plan({ kind: 'weekly' }), 'kind'],
      [plan({ endsAt: '2026-12-02T07:00:00.000Z' }), 'endsAt'],
      [plan({ agenda: ['x'.repeat(501)] }), 'agenda'],
      [plan({ chairName: undefined }), 'chairName'],
      [plan({ secret: true }), 'secret'],
    ];
    for (const [body, field] of cases) {
      const res = await t.http().post('/api/press/conferences').set(team.drafters[1].auth).send(body);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(fields(res)).toContain(field);
    }
    expect(await count()).toBe(before);
  });

  it('records the questions asked and the commitments made, and issues the minutes as PDF and DOCX', async () => {
    const officer = team.drafters[1];
    const { body: planned } = await t.http().post('/api/press/conferences').set(officer.auth).send(plan());
    const id = planned.id;
    expect((await t.http().get(`/api/press/conferences/${id}/minutes`).set(officer.auth)).status).toBe(409);

    const held = await t
      .http()
      .post(`/api/press/conferences/${id}/held`)
      .set(officer.auth)
      .send({
        heldAt: '2026-12-02T08:05:00.000Z',
        endsAt: '2026-12-02T09:40:00.000Z',
        attendance: [
          { outletId: outlets[0].id },
          { outletId: outlets[1].id },
          { outletName: 'Báo Tuổi Trẻ' },
        ],
        statementsIssued: [{ title: 'Thông cáo về vụ việc tại Trường Tiểu học An Phú', statementId }],
        conclusion: 'Sở Y tế tiếp tục theo dõi sức khỏe học sinh và công bố kết quả xét nghiệm ngay khi có.',
      });
    expect(held.status).toBe(200);
    expect(held.body.status).toBe('held');

    const q1 = await t.http().post(`/api/press/conferences/${id}/questions`).set(officer.auth).send({
      journalistId: journalist.id,
      question: 'Khi nào có kết quả xét nghiệm mẫu thức ăn?',
      answer: 'Dự kiến trong 3 ngày làm việc.',
      answeredBy: team.spokesperson.person.fullName,
    });
    expect(q1.status).toBe(201);
    const q2 = await t.http().post(`/api/press/conferences/${id}/questions`).set(officer.auth).send({
      askedBy: 'Trần Văn Ký Giả',
      outletName: 'Báo Tuổi Trẻ',
      question: 'Nhà trường có tiếp tục hợp đồng với đơn vị cung cấp suất ăn?',
    });
    expect(q2.status).toBe(201);
    const asked = q2.body.questions;
    expect(
      asked.map((q: { position: number; askedBy: string; outletName: string }) => [
        q.position,
        q.askedBy,
        q.outletName,
      ]),
    ).toEqual([
      [1, 'Lê Thị Phóng Viên', outlets[0].name],
      [2, 'Trần Văn Ký Giả', 'Báo Tuổi Trẻ'],
    ]);

    const badCommitment = await t
      .http()
      .post(`/api/press/conferences/${id}/commitments`)
      .set(officer.auth)
      .send({
        description: 'Gửi kết quả xét nghiệm',
        ownerOrgUnitId: team.unitId,
        dueAt: '2026-11-01T00:00:00.000Z',
      });
    expect(badCommitment.status).toBe(400);
    expect(fields(badCommitment)).toEqual(['dueAt']);
    const commitment = await t
      .http()
      .post(`/api/press/conferences/${id}/commitments`)
      .set(officer.auth)
      .send({
        questionId: asked[0].id,
        description: 'Gửi kết quả xét nghiệm mẫu thức ăn cho các cơ quan báo chí dự họp',
        ownerOrgUnitId: team.unitId,
        ownerName: team.spokesperson.person.fullName,
        dueAt: '2026-12-05T10:00:00.000Z',
      });
    expect(commitment.status).toBe(201);
    expect(commitment.body.commitments).toEqual([
      expect.objectContaining({
        description: 'Gửi kết quả xét nghiệm mẫu thức ăn cho các cơ quan báo chí dự họp',
        doneAt: null,
      }),
    ]);
    const actions = (
      await t.dataSource.query('SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id', [id])
    ).map((r: { action: string }) => r.action);
    expect(actions).toEqual([
      'press_conference.created',
      'press_conference.held',
      'press_conference.question_recorded',
      'press_conference.question_recorded',
      'press_conference.commitment_added',
    ]);

    const pdf = await t
      .http()
      .get(`/api/press/conferences/${id}/minutes`)
      .query({ format: 'pdf' })
      .set(officer.auth)
      .buffer(true)
      .parse(binary);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { text } = await pdfText(pdf.body);
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BIÊN BẢN',
      'Hình thức: họp báo đột xuất.',
      'Họp báo về vụ việc học sinh nghi ngộ độc thực phẩm',
      'Số: …/BB-',
      'Thời gian bắt đầu: 15 giờ 05 phút, ngày 02 tháng 12 năm 2026',
      `Người phát ngôn: ${team.spokesperson.person.fullName}`,
      'Báo Tuổi Trẻ',
      'Khi nào có kết quả xét nghiệm mẫu thức ăn?',
      'Lê Thị Phóng Viên',
      'Gửi kết quả xét nghiệm mẫu thức ăn cho các cơ quan báo chí dự họp',
      'Họp báo kết thúc vào 16 giờ 40 phút cùng ngày',
      'CHỦ TRÌ',
      'Phạm Minh Giám Đốc',
    ]) {
      expect(flat).toContain(expected);
    }
    const page = await renderPdfPage(pdf.body, 1, path.join(ARTIFACTS, 'bien-ban-hop-bao-1.png'));
    expect(page.inkShare).toBeGreaterThan(0.01);

    const docx = await t
      .http()
      .get(`/api/press/conferences/${id}/minutes`)
      .query({ format: 'docx' })
      .set(officer.auth)
      .buffer(true)
      .parse(binary);
    expect(docx.status).toBe(200);
    const word = await openDocx(docx.body);
    for (const expected of [
      'BIÊN BẢN',
      'Khi nào có kết quả xét nghiệm mẫu thức ăn?',
      'Trần Văn Ký Giả',
      'CHỦ TRÌ',
    ]) {
      expect(word.text).toContain(expected);
    }

    const done = await t
      .http()
      .post(`/api/press/conferences/${id}/commitments/${commitment.body.commitments[0].id}/done`)
      .set(officer.auth);
    expect(done.status).toBe(200);
    expect(done.body.commitments[0].doneAt).not.toBeNull();
  });

  it('hides a unit’s conferences from other units and refuses them its writes', async () => {
    const { body } = await t.http().post('/api/press/conferences').set(team.drafters[1].auth).send(plan());
    expect((await t.http().get(`/api/press/conferences/${body.id}`).set(outsider.auth)).status).toBe(404);
    expect((await t.http().get(`/api/press/conferences/${body.id}/minutes`).set(outsider.auth)).status).toBe(
      404,
    );
    const q = await t
      .http()
      .post(`/api/press/conferences/${body.id}/questions`)
      .set(outsider.auth)
      .send({ askedBy: 'Người ngoài', question: 'Câu hỏi của đơn vị khác?' });
    expect(q.status).toBe(404);
    expect((await t.http().post('/api/press/conferences').set(outsider.auth).send(plan())).status).toBe(403);
    const list = await t.http().get('/api/press/conferences').set(outsider.auth);
    expect(list.body.items).toEqual([]);
    expect((await t.http().get('/api/press/conferences').set(team.observer.auth)).status).toBe(403);
  });

  it('shows the units late with their regular conference, under a province’s monthly rule, and counts them in the periodic report', async () => {
    const province = await makeOrgUnit(t.dataSource, {
      name: `Tỉnh An Hòa ${tag()}`,
      unitType: OrgUnitType.Province,
    });
    const health = await makeOrgUnit(t.dataSource, { name: 'Sở Y tế', parentId: province.id });
    const culture = await makeOrgUnit(t.dataSource, {
      name: 'Sở Văn hóa, Thể thao và Du lịch',
      parentId: province.id,
    });
    const ward = await makeOrgUnit(t.dataSource, {
      name: 'Phường An Phú',
      unitType: OrgUnitType.CommuneWard,
      parentId: province.id,
    });
    const leader = await t.createUser({
      roles: [Role.Leader],
      personId: (await makePerson(t.dataSource, province.id)).id,
    });
    const cadence = async (on: string) =>
      (
        await t
          .http()
          .get('/api/press/conferences/cadence')
          .query({ orgUnitId: province.id, on })
          .set(leader.auth)
      ).body;

    const held = async (orgUnitId: string, at: string, kind = 'regular') => {
      const c = await t
        .http()
        .post('/api/press/conferences')
        .set(leader.auth)
        .send({
          orgUnitId,
          kind,
          title: `Họp báo ${kind} ${at}`,
          startsAt: at,
          place: 'Trung tâm Báo chí tỉnh',
          chairName: 'Nguyễn Văn Chủ Trì',
        });
      expect(c.status).toBe(201);
      expect(
        (await t.http().post(`/api/press/conferences/${c.body.id}/held`).set(leader.auth).send({})).status,
      ).toBe(200);
    };
    await held(health.id, '2026-10-15T02:00:00.000Z');
    await held(province.id, '2026-11-20T02:00:00.000Z');
    await held(culture.id, '2026-11-25T02:00:00.000Z', 'thematic');

    // Under NĐ 09/2017 (every three months): the health department is on time, culture (no regular one) is late.
    let board = await cadence('2026-12-03');
    const row = (b: typeof board, id: string) =>
      b.units.find((u: { orgUnitId: string }) => u.orgUnitId === id);
    expect(board.units.map((u: { orgUnitId: string }) => u.orgUnitId).sort()).toEqual(
      [province.id, health.id, culture.id].sort(),
    );
    expect(row(board, ward.id)).toBeUndefined();
    expect(row(board, health.id)).toMatchObject({
      lastHeldOn: '2026-10-15',
      dueBy: '2027-01-15',
      late: false,
      rule: { intervalMonths: 3, own: false },
    });
    expect(row(board, culture.id)).toMatchObject({ lastHeldOn: null, late: true });
    expect(board.units[0].orgUnitId).toBe(culture.id);

    // The province asks for a monthly conference from 1/11/2026: its departments follow it.
    const bad = await t.http().post('/api/press/conferences/cadence-rules').set(leader.auth).send({
      orgUnitId: province.id,
      intervalMonths: 5,
      effectiveFrom: '2026-11-01',
      legalSource: 'Chỉ thị của UBND tỉnh',
    });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['intervalMonths']);
    expect(
      (
        await t.http().post('/api/press/conferences/cadence-rules').set(leader.auth).send({
          intervalMonths: 1,
          effectiveFrom: '2026-11-01',
          legalSource: 'Mặc định mới',
        })
      ).status,
    ).toBe(403);
    const rule = await t.http().post('/api/press/conferences/cadence-rules').set(leader.auth).send({
      orgUnitId: province.id,
      intervalMonths: 1,
      effectiveFrom: '2026-11-01',
      legalSource: 'Chỉ thị 01/CT-UBND của UBND tỉnh: họp báo định kỳ hằng tháng',
    });
    expect(rule.status).toBe(201);
    board = await cadence('2026-12-03');
    expect(row(board, health.id)).toMatchObject({
      dueBy: '2026-11-15',
      late: true,
      daysLate: 18,
      rule: { intervalMonths: 1, own: false },
    });
    expect(row(board, province.id)).toMatchObject({
      dueBy: '2026-12-20',
      late: false,
      rule: { intervalMonths: 1, own: true },
    });
    expect(board.late).toBe(2);
    // Before the province's rule, the three-monthly one applied.
    expect(row(await cadence('2026-10-31'), health.id)).toMatchObject({ rule: { intervalMonths: 3 } });
    expect(
      (
        await t
          .http()
          .get('/api/press/conferences/cadence')
          .query({ orgUnitId: province.id })
          .set(outsider.auth)
      ).status,
    ).toBe(403);

    // A press report of the health department, answered, and another still open.
    const officer = await t.createUser({
      roles: [Role.Officer],
      personId: (await makePerson(t.dataSource, health.id)).id,
    });
    const coverage = async () =>
      (
        await t.http().post('/api/press/coverage').set(officer.auth).send({
          orgUnitId: health.id,
          outletName: 'Báo Sức khỏe và Đời sống',
          medium: 'print',
          title: 'Thiếu thuốc tại trạm y tế phường',
          publishedAt: '2026-12-01T00:00:00.000Z',
          receivedAt: '2026-12-01T02:00:00.000Z',
          summary: 'Người dân phản ánh trạm y tế phường thiếu thuốc điều trị tăng huyết áp.',
        })
      ).body.id;
    const answered = await coverage();
    await coverage();
    await t
      .http()
      .post(`/api/press/coverage/${answered}/verification`)
      .set(officer.auth)
      .send({ verificationStatus: 'accurate', notes: 'Đã kiểm tra kho thuốc.' });
    await t
      .http()
      .post(`/api/press/coverage/${answered}/response`)
      .set(officer.auth)
      .send({ kind: 'answer', text: 'Sở Y tế đã bổ sung thuốc trong ngày 02/12/2026.' });

    // Requests for information of the health department as the press desk stores them: one answered on time, one
    // answered late, one refused as a matter under investigation, one still open.
    const inquiry = (status: string, dueAt: string, closedAt: string | null, ground: string | null = null) =>
      t.dataSource.query(
        `INSERT INTO press_inquiries (channel, received_at, subject, journalist_id, outlet_id, org_unit_id, routing,
                                      rule_key, due_at, status, closed_at, refusal_ground_key)
         VALUES ('email', '2026-11-02T02:00:00Z', 'Đề nghị cung cấp thông tin', $1, $2, $3, '{}'::jsonb,
                 'press_inquiry_answer', $4, $5, $6, $7)`,
        [journalist.id, outlets[0].id, health.id, dueAt, status, closedAt, ground],
      );
    await inquiry('answered', '2026-11-04T02:00:00Z', '2026-11-03T02:00:00Z');
    await inquiry('answered', '2026-11-04T02:00:00Z', '2026-11-06T02:00:00Z');
    await inquiry('declined', '2026-11-04T02:00:00Z', '2026-11-03T05:00:00Z', 'under_investigation');
    await inquiry('drafting', '2026-11-04T02:00:00Z', null);

    const report = await t
      .http()
      .get('/api/reports/periodic')
      .query({ orgUnitId: province.id, from: '2026-01-01', to: '2026-12-31' })
      .set(leader.auth);
    expect(report.status).toBe(200);
    expect(report.body.press.conferences).toEqual({
      held: 3,
      byKind: { regular: 2, thematic: 1, emergency: 0 },
      ownRegularHeld: 1,
      required: {
        count: 12,
        intervalMonths: 1,
        legalSource: 'Chỉ thị 01/CT-UBND của UBND tỉnh: họp báo định kỳ hằng tháng',
      },
    });
    expect(report.body.press.coverage).toMatchObject({
      received: 2,
      answered: 1,
      answeredOnTime: 0,
      answeredLate: 1,
      open: 1,
      overdue: 1,
    });
    expect(report.body.press.inquiries).toEqual({
      received: 4,
      answered: 2,
      answeredOnTime: 1,
      refusalsByGround: [
        { ground: 'under_investigation', label: expect.stringMatching(/điều tra/), count: 1 },
      ],
    });
    const docx = await t
      .http()
      .get('/api/reports/periodic')
      .query({ orgUnitId: province.id, from: '2026-01-01', to: '2026-12-31', format: 'docx' })
      .set(leader.auth)
      .buffer(true)
      .parse(binary);
    const word = (await openDocx(docx.body)).text.replace(/\s+/g, ' ');
    expect(word).toContain('Họp báo đã tổ chức: 3 (định kỳ 2, chuyên đề 1, đột xuất 0)');
    expect(word).toContain('1/12 cuộc theo quy định');
    expect(word).toContain('tiếp nhận 2, đã trả lời 1 (đúng hạn 0, chậm 1)');
    expect(word).toContain('Đề nghị cung cấp thông tin của báo chí: tiếp nhận 4, đã trả lời 2 (đúng hạn 1)');
  });
});
