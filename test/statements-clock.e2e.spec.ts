import { loadConfig } from '../src/config/app-config.js';
import { LegalClockFlow } from '../src/statements/legal-clock.flow.js';
import { makeStatementTeam } from './support/statement-team.js';
import type { StatementTeam } from './support/statement-team.js';
import { createTestApp, TestApp } from './support/test-app.js';

const defaults = loadConfig({ NODE_ENV: 'test' }, []);
const DAY_MS = 24 * 3600_000;

interface Event {
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  occurredAt: string;
}

describe(`${LegalClockFlow.name} and approval SLAs (e2e)`, () => {
  let t: TestApp;

  const events = async (team: StatementTeam): Promise<Event[]> =>
    (await t.http().get(`/api/incidents/${team.incidentId}/events`).set(team.admin.auth)).body.items;

  const waitFor = async <T>(what: string, probe: () => Promise<T | undefined>, ms = 15_000): Promise<T> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = await probe();
      if (v !== undefined) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const notificationsOf = async (userId: string, kind: string) =>
    t.dataSource.query(
      `SELECT n.subject, n.data FROM notifications n JOIN notification_deliveries d ON d.notification_id = n.id
        WHERE d.recipient_user_id = $1 AND n.kind = $2 AND d.channel = 'in_app'`,
      [userId, kind],
    );

  beforeAll(async () => {
    t = await createTestApp({ jobs: { ...defaults.jobs, pollIntervalMs: 200 } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('warns the room and the leaders at 80 % and at 100 % of the 24-hour initial-information deadline, on time', async () => {
    // Detected 23 h 59 min 54 s ago: 50 % and 80 % are past (one warning now, the highest), 100 % is 6 s away.
    const detectedAt = new Date(Date.now() - DAY_MS + 6_000);
    const team = await makeStatementTeam(t, { detectedAt: detectedAt.toISOString() });
    const dueAt = detectedAt.getTime() + DAY_MS;
    const eighty = await waitFor('80 % warning', async () =>
      (await events(team)).find((e) => e.type === 'legal_clock.warning' && e.payload.percent === 80),
    );
    expect(eighty.payload).toMatchObject({
      ruleKey: 'initial_information',
      label: 'Cung cấp thông tin ban đầu cho báo chí',
      dueAt: new Date(dueAt).toISOString(),
    });
    const full = await waitFor('100 % warning', async () =>
      (await events(team)).find((e) => e.type === 'legal_clock.warning' && e.payload.percent === 100),
    );
    const firedAt = new Date(full.occurredAt).getTime();
    expect(firedAt).toBeGreaterThanOrEqual(dueAt);
    expect(firedAt - dueAt).toBeLessThan(3_000);
    const warnings = (await events(team)).filter((e) => e.type === 'legal_clock.warning');
    expect(warnings.map((e) => e.payload.percent)).toEqual([80, 100]);
    // The leaders: the group's team leader and approving leader, and the unit's leaders, each told in-app.
    for (const u of [team.teamLeader, team.approver, team.reader]) {
      const got = await notificationsOf(u.user.id, 'legal_clock.warning');
      expect(got.map((n: { data: { percent: number } }) => n.data.percent).sort()).toEqual([100, 80]);
    }
    expect(await notificationsOf(team.drafters[0].user.id, 'legal_clock.warning')).toEqual([]);
    const incident = (await t.http().get(`/api/incidents/${team.incidentId}`).set(team.admin.auth)).body;
    expect(incident.deadlines.find((d: { key: string }) => d.key === 'initial_information')).toMatchObject({
      overdue: true,
      met: null,
    });
  });

  it('a holding statement published in time stops the clock: no 100 % warning follows', async () => {
    const detectedAt = new Date(Date.now() - DAY_MS + 8_000);
    const team = await makeStatementTeam(t, { detectedAt: detectedAt.toISOString() });
    const body =
      'Sở Y tế tỉnh An Hòa đã nắm được thông tin về vụ việc tại trường Tiểu học Hòa Bình và đang khẩn trương kiểm tra, xác minh.';
    const created = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/statements`)
      .set(team.drafters[0].auth)
      .send({ type: 'holding_statement', title: 'Thông tin ban đầu', body });
    const id = created.body.id;
    const v = (await t.http().post(`/api/statements/${id}/submit`).set(team.drafters[0].auth).send({})).body
      .version;
    const approved = await t
      .http()
      .post(`/api/statements/${id}/versions/1/decisions`)
      .set(team.approver.auth)
      .send({ decision: 'approve', sha256: v.sha256, password: team.approver.password });
    expect(approved.body.statementStatus).toBe('approved');
    const published = await t
      .http()
      .post(`/api/statements/${id}/publications`)
      .set(team.spokesperson.auth)
      .send({ versionNumber: 1, sha256: v.sha256, channel: 'portal' });
    expect(published.status).toBe(201);
    const stopped = (await events(team)).find((e) => e.type === 'legal_clock.stopped');
    expect(stopped?.payload).toMatchObject({ ruleKey: 'initial_information', met: true, statementId: id });
    // Past the due time: the 100 % timer fires and finds the clock stopped; nothing is said.
    await new Promise((r) => setTimeout(r, Math.max(0, detectedAt.getTime() + DAY_MS - Date.now()) + 1_500));
    const warnings = (await events(team)).filter((e) => e.type === 'legal_clock.warning');
    expect(warnings.map((e) => e.payload.percent)).toEqual([80]);
    const [job] = await t.dataSource.query(`SELECT state FROM scheduled_jobs WHERE key = $1`, [
      `legal-clock:${team.incidentId}:initial_information:100`,
    ]);
    expect(job.state).toBe('done');
  });

  it('records a publication at the time it is recorded: a missed deadline cannot be back-dated into a met one', async () => {
    const detectedAt = new Date(Date.now() - DAY_MS - 6 * 3600_000);
    const team = await makeStatementTeam(t, { detectedAt: detectedAt.toISOString() });
    const created = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/statements`)
      .set(team.drafters[0].auth)
      .send({
        type: 'holding_statement',
        title: 'Thông tin ban đầu',
        body: 'Sở Y tế tỉnh An Hòa đã nắm được thông tin về vụ việc và đang khẩn trương kiểm tra, xác minh.',
      });
    const id = created.body.id;
    const v = (await t.http().post(`/api/statements/${id}/submit`).set(team.drafters[0].auth).send({})).body
      .version;
    await t
      .http()
      .post(`/api/statements/${id}/versions/1/decisions`)
      .set(team.approver.auth)
      .send({ decision: 'approve', sha256: v.sha256, password: team.approver.password })
      .expect(201);
    // Approved before the deadline (as if 8 hours ago), published after it: the record cannot say otherwise.
    await t.dataSource.query(
      `UPDATE statement_version_reviews SET decided_at = $2 WHERE version_id = (SELECT id FROM statement_versions WHERE statement_id = $1 AND number = 1)`,
      [id, new Date(Date.now() - 8 * 3600_000)],
    );
    const publish = (publishedAt?: string) =>
      t
        .http()
        .post(`/api/statements/${id}/publications`)
        .set(team.spokesperson.auth)
        .send({
          versionNumber: 1,
          sha256: v.sha256,
          channel: 'portal',
          ...(publishedAt ? { publishedAt } : {}),
        });
    for (const at of [
      new Date(detectedAt.getTime() + 20 * 3600_000).toISOString(),
      new Date(Date.now() - 5 * 60_000).toISOString(),
      new Date(Date.now() + 5 * 60_000).toISOString(),
    ]) {
      const backDated = await publish(at);
      expect(backDated.status).toBe(400);
      expect(backDated.body.details[0]).toMatchObject({ field: 'publishedAt', constraints: ['recordedNow'] });
    }
    expect((await events(team)).filter((e) => e.type === 'statement.published')).toEqual([]);
    const before = Date.now();
    const recorded = await publish(new Date().toISOString());
    expect(recorded.status).toBe(201);
    const at = new Date(recorded.body.publishedAt).getTime();
    expect(at).toBeGreaterThanOrEqual(before - 5);
    expect(at).toBeLessThanOrEqual(Date.now() + 5);
    const stopped = (await events(team)).find((e) => e.type === 'legal_clock.stopped');
    expect(stopped?.payload).toMatchObject({ ruleKey: 'initial_information', met: false, statementId: id });
    // A second record (another channel, a later correction) is a new entry; the first stays as it was.
    const again = await publish();
    expect(again.status).toBe(201);
    const list = (await t.http().get(`/api/statements/${id}/publications`).set(team.admin.auth)).body.items;
    expect(list).toHaveLength(2);
    expect(list[0].publishedAt).toBe(recorded.body.publishedAt);
    const audit = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action LIKE '%publi%' AND entity_id = ANY($1)`,
      [[recorded.body.id, again.body.id]],
    );
    expect(audit[0].n).toBe(2);
  });

  it('escalates an approval stage whose SLA passed to the head of the unit, once, through the durable timer', async () => {
    const team = await makeStatementTeam(t);
    const created = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/statements`)
      .set(team.drafters[0].auth)
      .send({ type: 'press_release', title: 'Thông cáo báo chí', body: 'Nội dung thông cáo.' });
    await t.http().post(`/api/statements/${created.body.id}/submit`).set(team.drafters[0].auth).send({});
    const stages: { id: string; key: string; due_at: Date }[] = await t.dataSource.query(
      `SELECT id, key, due_at FROM statement_approval_stages WHERE statement_id = $1 AND status = 'active' ORDER BY key`,
      [created.body.id],
    );
    expect(stages.map((s) => s.key)).toEqual(['legal_review', 'team_leader']);
    // L2: 120 minutes. Bring the legal review's timer to now, as if two hours had passed.
    const legal = stages[0];
    expect(new Date(legal.due_at).getTime() - Date.now()).toBeGreaterThan(119 * 60_000);
    const moved = await t.dataSource.query(
      `UPDATE scheduled_jobs SET due_at = now() WHERE key = $1 AND state = 'pending' RETURNING id`,
      [`approval-sla:${legal.id}`],
    );
    expect(moved[0]).toHaveLength(1);
    const overdue = await waitFor('overdue event', async () =>
      (await events(team)).find((e) => e.type === 'statement.approval_overdue'),
    );
    expect(overdue.payload).toMatchObject({
      stageKey: 'legal_review',
      escalatedToUserIds: [team.approver.user.id],
    });
    const told = await notificationsOf(team.approver.user.id, 'statement.approval_overdue');
    expect(told).toHaveLength(1);
    expect(told[0].subject).toMatch(/^Quá hạn phê duyệt/);
    expect(await notificationsOf(team.legal.user.id, 'statement.approval_overdue')).toHaveLength(1);
    // The team leader's stage is not overdue, and the escalation happened once.
    await new Promise((r) => setTimeout(r, 600));
    expect((await events(team)).filter((e) => e.type === 'statement.approval_overdue')).toHaveLength(1);
  });
});
