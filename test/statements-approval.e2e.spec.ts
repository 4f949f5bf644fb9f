import { StatementApprovalsService } from '../src/statements/statement-approvals.service.js';
import { StatementClient } from './support/statement-client.js';
import { makeStatementTeam } from './support/statement-team.js';
import type { Member, StatementTeam } from './support/statement-team.js';
import { createTestApp, TestApp, TestUser } from './support/test-app.js';
import { RoomClient } from './support/ws-client.js';

interface Version {
  number: number;
  sha256: string;
}

describe(`${StatementApprovalsService.name} (e2e)`, () => {
  let t: TestApp;
  let team: StatementTeam;
  const sockets: RoomClient[] = [];
  const drafts: StatementClient[] = [];

  const draft = async (
    opts: { type?: string; title?: string; body?: string; incidentId?: string; by?: Member } = {},
  ): Promise<string> => {
    const res = await t
      .http()
      .post(`/api/incidents/${opts.incidentId ?? team.incidentId}/statements`)
      .set((opts.by ?? team.drafters[0]).auth)
      .send({
        type: opts.type ?? 'press_release',
        title: opts.title ?? 'Thông cáo báo chí về vụ ngộ độc tại trường Tiểu học Hòa Bình',
        body:
          opts.body ??
          'Sáng 01/12/2026, 12 học sinh có biểu hiện đau bụng sau bữa ăn bán trú.\n\nSở Y tế đã cử đoàn kiểm tra.',
      });
    expect(res.status).toBe(201);
    return res.body.id;
  };

  const submit = async (id: string, by: Member = team.drafters[0]): Promise<Version> => {
    const res = await t.http().post(`/api/statements/${id}/submit`).set(by.auth).send({});
    expect(res.status).toBe(200);
    return res.body.version;
  };

  const decide = (
    id: string,
    v: Version,
    by: TestUser,
    body: Record<string, unknown> = { decision: 'approve', password: by.password },
  ) =>
    t
      .http()
      .post(`/api/statements/${id}/versions/${v.number}/decisions`)
      .set(by.auth)
      .send({ sha256: v.sha256, ...body });

  const approve = async (id: string, v: Version, by: TestUser, extra: Record<string, unknown> = {}) => {
    const res = await decide(id, v, by, { decision: 'approve', password: by.password, ...extra });
    expect(res.body).toMatchObject({ decision: { decision: 'approve' } });
    return res.body;
  };

  const statement = async (id: string) =>
    (await t.http().get(`/api/statements/${id}`).set(team.admin.auth)).body;

  const stages = async (id: string) =>
    (await statement(id)).approval.stages.map((s: { key: string; status: string }) => `${s.key}:${s.status}`);

  beforeAll(async () => {
    t = await createTestApp();
    team = await makeStatementTeam(t);
  });
  afterEach(() => {
    for (const d of drafts.splice(0)) d.dispose();
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores an immutable version with the SHA-256 of its canonical text; the database refuses changes', async () => {
    const id = await draft({ body: 'Dòng một   \r\nDòng hai' });
    const v = await submit(id);
    const full = (await t.http().get(`/api/statements/${id}/versions/1`).set(team.reader.auth)).body;
    expect(full.rendered).toBe(
      'Thông cáo báo chí về vụ ngộ độc tại trường Tiểu học Hòa Bình\n\nDòng một\nDòng hai\n',
    );
    const { createHash } = await import('node:crypto');
    expect(v.sha256).toBe(createHash('sha256').update(full.rendered, 'utf8').digest('hex'));
    await expect(
      t.dataSource.query(`UPDATE statement_versions SET body = 'sửa lén' WHERE statement_id = $1`, [id]),
    ).rejects.toThrow(/immutable/);
    await expect(
      t.dataSource.query(`DELETE FROM statement_versions WHERE statement_id = $1`, [id]),
    ).rejects.toThrow(/immutable/);
    await expect(t.dataSource.query(`TRUNCATE statement_versions CASCADE`)).rejects.toThrow(/immutable/);
    const [row] = await t.dataSource.query(`SELECT body FROM statement_versions WHERE statement_id = $1`, [
      id,
    ]);
    expect(row.body).toBe('Dòng một   \r\nDòng hai'.normalize('NFC'));
    // Submitting again while in review is refused.
    const again = await t.http().post(`/api/statements/${id}/submit`).set(team.drafters[0].auth).send({});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('STATEMENT_NOT_DRAFT');
  });

  it('runs legal review and the team leader in parallel, then the approving leader; publishes only that text', async () => {
    const id = await draft();
    const v = await submit(id);
    expect(await stages(id)).toEqual([
      'legal_review:active',
      'team_leader:active',
      'leader_approval:waiting',
    ]);
    // The approving leader's turn has not come; an outsider to the chain is no approver at all.
    expect((await decide(id, v, team.approver)).body.code).toBe('NOT_AN_APPROVER');
    expect((await decide(id, v, team.drafters[0])).body.code).toBe('NOT_AN_APPROVER');
    // Inbox: the two reviewers see it, the approving leader not yet.
    const inbox = async (u: TestUser) =>
      (await t.http().get('/api/me/approvals').set(u.auth)).body.items.filter(
        (i: { statementId: string }) => i.statementId === id,
      );
    expect(await inbox(team.legal)).toHaveLength(1);
    expect(await inbox(team.approver)).toHaveLength(0);
    // Ký duyệt: no password, a wrong password, a wrong hash.
    expect((await decide(id, v, team.legal, { decision: 'approve' })).body.details[0].field).toBe('password');
    const wrong = await decide(id, v, team.legal, { decision: 'approve', password: 'sai-mat-khau' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('STEP_UP_FAILED');
    const mismatch = await t
      .http()
      .post(`/api/statements/${id}/versions/1/decisions`)
      .set(team.legal.auth)
      .send({ decision: 'approve', password: team.legal.password, sha256: 'a'.repeat(64) });
    expect(mismatch.status).toBe(409);
    expect(mismatch.body.code).toBe('STATEMENT_HASH_MISMATCH');
    // Publication before approval is refused.
    const early = await t
      .http()
      .post(`/api/statements/${id}/publications`)
      .set(team.spokesperson.auth)
      .send({ versionNumber: 1, sha256: v.sha256, channel: 'portal' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('STATEMENT_NOT_APPROVED');

    await approve(id, v, team.legal);
    expect(await stages(id)).toEqual([
      'legal_review:approved',
      'team_leader:active',
      'leader_approval:waiting',
    ]);
    expect((await decide(id, v, team.legal)).body.code).toBe('ALREADY_DECIDED');
    await approve(id, v, team.teamLeader);
    expect(await stages(id)).toEqual([
      'legal_review:approved',
      'team_leader:approved',
      'leader_approval:active',
    ]);
    expect(await inbox(team.approver)).toEqual([
      expect.objectContaining({
        versionNumber: 1,
        sha256: v.sha256,
        stage: expect.objectContaining({ key: 'leader_approval' }),
      }),
    ]);
    const final = await approve(id, v, team.approver);
    expect(final.statementStatus).toBe('approved');

    // Only the spokesperson, press liaison, team leader or deputy record publications; the hash must match.
    const byDrafter = await t
      .http()
      .post(`/api/statements/${id}/publications`)
      .set(team.drafters[0].auth)
      .send({ versionNumber: 1, sha256: v.sha256, channel: 'portal' });
    expect(byDrafter.status).toBe(403);
    const tampered = await t
      .http()
      .post(`/api/statements/${id}/publications`)
      .set(team.spokesperson.auth)
      .send({
        versionNumber: 1,
        sha256: v.sha256.replace(/^./, (c) => (c === '0' ? '1' : '0')),
        channel: 'portal',
      });
    expect(tampered.body.code).toBe('STATEMENT_HASH_MISMATCH');
    const published = await t
      .http()
      .post(`/api/statements/${id}/publications`)
      .set(team.spokesperson.auth)
      .send({
        versionNumber: 1,
        sha256: v.sha256,
        channel: 'portal',
        url: 'https://anhoa.gov.vn/thong-cao/01',
      });
    expect(published.status).toBe(201);
    const second = await t
      .http()
      .post(`/api/statements/${id}/publications`)
      .set(team.spokesperson.auth)
      .send({ versionNumber: 1, sha256: v.sha256, channel: 'press_conference' });
    expect(second.status).toBe(201);
    const s = await statement(id);
    expect(s.status).toBe('published');
    expect(s.publications.map((p: { channel: string }) => p.channel)).toEqual(['portal', 'press_conference']);

    // The initial-information clock stopped, met in time; every step is on the timeline.
    const incident = (await t.http().get(`/api/incidents/${team.incidentId}`).set(team.admin.auth)).body;
    const initial = incident.deadlines.find((d: { key: string }) => d.key === 'initial_information');
    expect(initial).toMatchObject({ met: true, overdue: false });
    expect(initial.stoppedAt).not.toBeNull();
    const events = (
      await t.http().get(`/api/incidents/${team.incidentId}/events`).set(team.admin.auth)
    ).body.items
      .filter((e: { payload: { statementId?: string } }) => e.payload.statementId === id)
      .map((e: { type: string }) => e.type);
    expect(events).toEqual([
      'statement.created',
      'statement.submitted',
      'statement.stage_opened',
      'statement.stage_opened',
      'statement.decision_recorded',
      'statement.stage_approved',
      'statement.decision_recorded',
      'statement.stage_approved',
      'statement.stage_opened',
      'statement.decision_recorded',
      'statement.stage_approved',
      'statement.approved',
      'statement.published',
      'legal_clock.stopped',
      'statement.published',
    ]);
    // Decisions and publications are append-only too.
    await expect(
      t.dataSource.query(`DELETE FROM statement_decisions WHERE statement_id = $1`, [id]),
    ).rejects.toThrow(/immutable/);
    await expect(
      t.dataSource.query(`UPDATE statement_publications SET url = NULL WHERE statement_id = $1`, [id]),
    ).rejects.toThrow(/immutable/);
  });

  it('binds approval to the hash: after changes are requested and the text edited, the old version cannot be approved', async () => {
    const id = await draft({ body: 'Nguyên nhân ban đầu là do thực phẩm.' });
    const v1 = await submit(id);
    const noReason = await decide(id, v1, team.legal, { decision: 'request_changes' });
    expect(noReason.body.details[0].field).toBe('reason');
    const changes = await decide(id, v1, team.legal, {
      decision: 'request_changes',
      reason: 'Chưa có kết luận chính thức về nguyên nhân; không nêu.',
    });
    expect(changes.body.statementStatus).toBe('draft');
    expect(await stages(id)).toEqual([
      'legal_review:rejected',
      'team_leader:cancelled',
      'leader_approval:cancelled',
    ]);
    // The draft is editable again: an editor changes it live.
    const room = await RoomClient.connect(t.url, team.drafters[1].accessToken);
    sockets.push(room);
    const editor = new StatementClient(room.socket, id);
    drafts.push(editor);
    expect((await editor.open()).canEdit).toBe(true);
    editor.body.delete(0, editor.body.length);
    editor.body.insert(0, 'Nguyên nhân đang được cơ quan chức năng xác minh.');
    await editor.flushed();
    const v2 = await submit(id, team.drafters[1]);
    expect(v2.number).toBe(2);
    expect(v2.sha256).not.toBe(v1.sha256);
    // Deciding on version 1 is refused whatever the hash.
    const stale = await decide(id, v1, team.teamLeader);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STATEMENT_VERSION_STALE');
    const oldHashOnNew = await t
      .http()
      .post(`/api/statements/${id}/versions/2/decisions`)
      .set(team.teamLeader.auth)
      .send({ decision: 'approve', password: team.teamLeader.password, sha256: v1.sha256 });
    expect(oldHashOnNew.body.code).toBe('STATEMENT_HASH_MISMATCH');
    // Decisions on version 1 did not carry over.
    expect(await stages(id)).toEqual([
      'legal_review:active',
      'team_leader:active',
      'leader_approval:waiting',
    ]);
    const diff = (await t.http().get(`/api/statements/${id}/diff?from=1&to=2`).set(team.reader.auth)).body;
    expect(
      diff.parts.filter((p: { op: string }) => p.op === 'delete').map((p: { text: string }) => p.text.trim()),
    ).toEqual(['ban đầu là do thực phẩm']);
    expect(
      diff.parts.filter((p: { op: string }) => p.op === 'insert').map((p: { text: string }) => p.text.trim()),
    ).toEqual(['đang được cơ quan chức năng xác minh']);
    expect(diff).toMatchObject({ insertedWords: 8, deletedWords: 6 });
    const versions = (await t.http().get(`/api/statements/${id}/versions`).set(team.reader.auth)).body.items;
    expect(versions.map((v: { number: number; status: string }) => `${v.number}:${v.status}`)).toEqual([
      '1:changes_requested',
      '2:in_review',
    ]);
    // Publication of the unapproved v2 is refused.
    const pub = await t
      .http()
      .post(`/api/statements/${id}/publications`)
      .set(team.spokesperson.auth)
      .send({ versionNumber: 2, sha256: v2.sha256, channel: 'portal' });
    expect(pub.body.code).toBe('STATEMENT_NOT_APPROVED');
    // A rejection needs a reason and sends the draft back too.
    const rejected = await decide(id, v2, team.teamLeader, {
      decision: 'reject',
      reason: 'Không phù hợp lúc này.',
    });
    expect(rejected.body.statementStatus).toBe('draft');
  });

  it('counts a quorum, and records two approvers acting at the same instant exactly once each', async () => {
    const policy = await t
      .http()
      .post('/api/approval-policies')
      .set(team.admin.auth)
      .send({
        key: 'two_deputies',
        name: 'Trả lời báo chí: hai Phó Giám đốc cùng duyệt, hoặc một trong hai với văn bản khác',
        priority: 50,
        statementTypes: ['press_answer', 'qa_sheet'],
        stages: [
          {
            key: 'both_deputies',
            name: 'Hai Phó Giám đốc cùng duyệt',
            step: 1,
            quorum: 2,
            approvers: [{ kind: 'unit_position', position: 'Phó Giám đốc' }],
            slaMinutes: { L1: 60, L2: 60, L3: 30, L4: 15 },
          },
        ],
        effectiveFrom: '2026-01-01',
      });
    expect(policy.status).toBe(201);
    await t
      .http()
      .post('/api/approval-policies')
      .set(team.admin.auth)
      .send({
        key: 'one_of_two',
        name: 'Hỏi - đáp: một trong hai Phó Giám đốc',
        priority: 60,
        statementTypes: ['qa_sheet'],
        stages: [
          {
            key: 'one_deputy',
            name: 'Một trong hai Phó Giám đốc',
            step: 1,
            quorum: 1,
            approvers: [{ kind: 'unit_position', position: 'Phó Giám đốc' }],
            slaMinutes: { L1: 60, L2: 60, L3: 30, L4: 15 },
          },
        ],
        effectiveFrom: '2026-01-01',
      })
      .expect(201);
    const badPolicy = await t
      .http()
      .post('/api/approval-policies')
      .set(team.admin.auth)
      .send({ key: 'x', name: 'Thiếu bước', stages: [], effectiveFrom: '2026-01-01', extra: true });
    expect(badPolicy.status).toBe(400);
    expect(badPolicy.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'extra',
      'key',
      'stages',
    ]);

    const [d1, d2] = team.deputies;
    // A stage that could never reach its quorum is refused at submission, with the reason.
    const unstaffed = await t
      .http()
      .post('/api/approval-policies')
      .set(team.admin.auth)
      .send({
        key: 'three_deputies',
        name: 'Ba Phó Giám đốc',
        priority: 70,
        statementTypes: ['correction_request'],
        stages: [
          {
            key: 'three',
            name: 'Ba Phó Giám đốc cùng duyệt',
            step: 1,
            quorum: 3,
            approvers: [{ kind: 'unit_position', position: 'Phó Giám đốc' }],
            slaMinutes: { L1: 60, L2: 60, L3: 30, L4: 15 },
          },
        ],
        effectiveFrom: '2026-01-01',
      });
    expect(unstaffed.status).toBe(201);
    const correction = await draft({ type: 'correction_request', title: 'Đề nghị cải chính bài báo' });
    const refused = await t
      .http()
      .post(`/api/statements/${correction}/submit`)
      .set(team.drafters[0].auth)
      .send({});
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/cần 3, có 2/);
    expect((await statement(correction)).status).toBe('draft');
    // Positions match exactly: a "Giám đốc" approver is not a "Phó Giám đốc".
    const { Approvers } = await import('../src/statements/approvers.js');
    const approvers = await t.app
      .get(Approvers)
      .of(t.dataSource.manager, { id: team.incidentId, responsibleOrgUnitId: team.unitId }, [
        { kind: 'unit_position', position: 'giám đốc' },
      ]);
    expect(approvers.map((a) => a.userId)).toEqual([team.approver.user.id]);
    const answer = await draft({ type: 'press_answer', title: 'Trả lời báo Sức khỏe & Đời sống' });
    const v = await submit(answer);
    const [r1, r2] = await Promise.all([decide(answer, v, d1), decide(answer, v, d2)]);
    expect([r1.status, r2.status]).toEqual([201, 201]);
    const s = await statement(answer);
    expect(s.status).toBe('approved');
    expect(s.approval.stages[0]).toMatchObject({ key: 'both_deputies', status: 'approved' });
    expect(
      s.approval.stages[0].decisions.map((d: { decidedByUserId: string }) => d.decidedByUserId).sort(),
    ).toEqual([d1.user.id, d2.user.id].sort());
    const events = (
      await t.http().get(`/api/incidents/${team.incidentId}/events`).set(team.admin.auth)
    ).body.items
      .filter((e: { payload: { statementId?: string } }) => e.payload.statementId === answer)
      .map((e: { type: string }) => e.type);
    expect(events.filter((e: string) => e === 'statement.approved')).toHaveLength(1);
    expect(events.filter((e: string) => e === 'statement.stage_approved')).toHaveLength(1);

    // Quorum 1 of 2: the first approval decides; the same approver twice at once is recorded once.
    const qa = await draft({ type: 'qa_sheet', title: 'Hỏi - đáp về an toàn thực phẩm bếp ăn bán trú' });
    const vq = await submit(qa);
    const twice = await Promise.all([decide(qa, vq, d1), decide(qa, vq, d1)]);
    expect(twice.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await statement(qa)).status).toBe('approved');
    const late = await decide(qa, vq, d2);
    expect(late.status).toBe(409);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM statement_decisions WHERE statement_id = $1`,
      [qa],
    );
    expect(n).toBe(1);
  });

  it('lets an approver delegate one matter for a period: valid, expired and sub-delegation', async () => {
    const other = await makeStatementTeam(t);
    const deputy = other.deputies[0];
    const id = await draft({ incidentId: other.incidentId, by: other.drafters[0] });
    const v = await (async () => {
      const res = await t.http().post(`/api/statements/${id}/submit`).set(other.drafters[0].auth).send({});
      return res.body.version as Version;
    })();
    await approve(id, v, other.legal);
    await approve(id, v, other.teamLeader);
    // Not delegated yet.
    expect((await decide(id, v, deputy)).body.code).toBe('NOT_AN_APPROVER');
    const delegation = (validTo: string, by: TestUser = other.approver, to: TestUser = deputy) =>
      t.http().post('/api/approval-delegations').set(by.auth).send({
        delegateUserId: to.user.id,
        incidentId: other.incidentId,
        matter: 'Phê duyệt thông cáo báo chí về vụ ngộ độc thực phẩm',
        validTo,
      });
    const past = await delegation(new Date(Date.now() - 1000).toISOString());
    expect(past.status).toBe(400);
    expect(past.body.details[0].field).toBe('validTo');
    const self = await t
      .http()
      .post('/api/approval-delegations')
      .set(other.approver.auth)
      .send({
        delegateUserId: other.approver.user.id,
        incidentId: other.incidentId,
        matter: 'Tự ủy quyền cho chính mình',
        validTo: new Date(Date.now() + 3600_000).toISOString(),
      });
    expect(self.body.details[0].field).toBe('delegateUserId');
    const short = await delegation(new Date(Date.now() + 1500).toISOString());
    expect(short.status).toBe(201);
    // The delegate may not pass it on.
    const sub = await delegation(new Date(Date.now() + 3600_000).toISOString(), deputy, other.deputies[1]);
    expect(sub.status).toBe(403);
    expect(sub.body.code).toBe('DELEGATION_INVALID');
    await new Promise((r) => setTimeout(r, 1700));
    const expired = await decide(id, v, deputy);
    expect(expired.status).toBe(403);
    expect(expired.body.code).toBe('DELEGATION_INVALID');
    expect(expired.body.message).toMatch(/hết hạn/);
    // A fresh delegation: the deputy decides in the approver's place, counted once for the approver.
    const fresh = await delegation(new Date(Date.now() + 3600_000).toISOString());
    expect(fresh.status).toBe(201);
    const inbox = (await t.http().get('/api/me/approvals').set(deputy.auth)).body.items;
    expect(inbox).toEqual([
      expect.objectContaining({ statementId: id, onBehalfOfUserId: other.approver.user.id }),
    ]);
    const done = await approve(id, v, deputy);
    expect(done.decision).toMatchObject({
      decidedByUserId: deputy.user.id,
      onBehalfOfUserId: other.approver.user.id,
    });
    expect(done.statementStatus).toBe('approved');
    const revoke = await t.http().post(`/api/approval-delegations/${fresh.body.id}/revoke`).set(deputy.auth);
    expect(revoke.status).toBe(403);
    const revoked = await t
      .http()
      .post(`/api/approval-delegations/${fresh.body.id}/revoke`)
      .set(other.approver.auth);
    expect(revoked.body).toMatchObject({ active: false });
  });

  it('takes the fast path for a holding statement built from pre-approved lines, not for one with own sentences', async () => {
    const lines =
      'Sở Y tế tỉnh An Hòa đã nắm được thông tin về vụ ngộ độc tại trường Tiểu học Hòa Bình và đang khẩn trương kiểm tra, xác minh.\n\n' +
      'Ngay khi có kết quả xác minh, Sở Y tế tỉnh An Hòa sẽ thông tin chính thức, đầy đủ tới các cơ quan báo chí và người dân.\n\n' +
      'Thông tin tiếp theo sẽ được cập nhật vào 17 giờ ngày 02/12/2026.';
    const fast = await draft({ type: 'holding_statement', title: 'Thông tin ban đầu', body: lines });
    const v = await submit(fast);
    const s = await statement(fast);
    expect(s.approval.policy).toMatchObject({ key: 'holding_fast_path', fastPath: true });
    expect(s.approval.policy.preApprovedLineIds).toHaveLength(3);
    expect(s.approval.stages.map((x: { key: string }) => x.key)).toEqual(['leader_approval']);
    expect((await approve(fast, v, team.approver)).statementStatus).toBe('approved');

    const own = await draft({
      type: 'holding_statement',
      title: 'Thông tin ban đầu',
      body: `${lines}\n\nNguyên nhân là do nhà cung cấp thực phẩm.`,
    });
    await submit(own);
    expect((await statement(own)).approval.policy).toMatchObject({ key: 'standard', fastPath: false });
    // Pre-approved lines are policy: admins only, and never mostly placeholders.
    const byLeader = await t
      .http()
      .post('/api/pre-approved-lines')
      .set(team.approver.auth)
      .send({ text: 'Sở {don_vi} khẳng định {noi_dung}', source: 'Tự đặt', effectiveFrom: '2026-01-01' });
    expect(byLeader.status).toBe(403);
    const loose = await t
      .http()
      .post('/api/pre-approved-lines')
      .set(team.admin.auth)
      .send({ text: '{don_vi} cho biết {noi_dung}.', source: 'Cẩm nang', effectiveFrom: '2026-01-01' });
    expect(loose.status).toBe(400);
    expect(loose.body.details[0].field).toBe('text');
  });

  it('cites only verified facts of the incident, pinned on the version', async () => {
    const fact = await t.http().post(`/api/incidents/${team.incidentId}/facts`).set(team.admin.auth).send({
      statement: '12 học sinh nhập viện theo dõi',
      source: 'Báo cáo của Bệnh viện đa khoa tỉnh',
      status: 'verified',
    });
    expect(fact.status).toBe(201);
    const unverified = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/facts`)
      .set(team.admin.auth)
      .send({ statement: 'Nghi do sữa hết hạn', source: 'Phụ huynh phản ánh' });
    const bad = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/statements`)
      .set(team.drafters[0].auth)
      .send({ type: 'press_release', title: 'Thông cáo', citedFactIds: [fact.body.id, unverified.body.id] });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0]).toMatchObject({ field: 'citedFactIds' });
    const ok = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/statements`)
      .set(team.drafters[0].auth)
      .send({ type: 'press_release', title: 'Thông cáo', body: 'Nội dung', citedFactIds: [fact.body.id] });
    expect(ok.status).toBe(201);
    const v = await submit(ok.body.id);
    const full = (
      await t.http().get(`/api/statements/${ok.body.id}/versions/${v.number}`).set(team.admin.auth)
    ).body;
    expect(full.citedFactIds).toEqual([fact.body.id]);
  });
});
