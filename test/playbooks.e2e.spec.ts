import { Role } from '../src/auth/role.js';
import { SHIPPED_PLAYBOOKS } from '../src/playbooks/shipped/index.js';
import { makeStatementTeam } from './support/statement-team.js';
import type { StatementTeam } from './support/statement-team.js';
import { createTestApp, TestApp } from './support/test-app.js';

async function eventually<T>(
  read: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Playbooks, the library and the archive (e2e)', () => {
  let t: TestApp;
  let team: StatementTeam;
  let fakeNewsId: string;

  beforeAll(async () => {
    t = await createTestApp({
      jobs: { workerEnabled: true, pollIntervalMs: 100, maxAttempts: 3, retryBaseMs: 500 },
    });
    team = await makeStatementTeam(t, { category: 'fake_news', drafters: 2 });
    await t.dataSource.query(`UPDATE incidents SET title = $2, summary = $3 WHERE id = $1`, [
      team.incidentId,
      'Tin giả: Giám đốc Sở Y tế bị bắt, bệnh viện tỉnh đóng cửa',
      'Một tài khoản mạo danh đăng ảnh cắt ghép, lan truyền trên mạng xã hội.',
    ]);
  });

  afterAll(async () => {
    await t?.close();
  });

  const events = async (types: string[]) =>
    (
      await t.http().get(`/api/incidents/${team.incidentId}/events?after=0&limit=500`).set(team.admin.auth)
    ).body.items.filter((e: { type: string }) => types.includes(e.type));

  it('ships at least six Vietnamese playbooks covering the domain, versioned and readable by every role', async () => {
    const analyst = await t.createUser({ roles: [Role.Analyst] });
    const res = await t.http().get('/api/playbooks').set(analyst.auth);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(6);
    const categories = new Set(res.body.items.flatMap((p: { categories: string[] }) => p.categories));
    for (const c of [
      'fake_news',
      'policy_backlash',
      'accident_disaster',
      'public_health',
      'misconduct_allegation',
    ]) {
      expect(categories).toContain(c);
    }
    expect(categories.has('service_failure') || categories.has('data_leak')).toBe(true);
    const fake = res.body.items.find((p: { key: string }) => p.key === 'fake-news-agency');
    expect(fake).toMatchObject({
      shipped: true,
      currentVersion: 1,
      title: expect.stringContaining('Tin giả'),
    });
    fakeNewsId = fake.id;
    const one = await t.http().get(`/api/playbooks/${fakeNewsId}`).set(analyst.auth);
    expect(one.body.current.content.stages.length).toBeGreaterThanOrEqual(4);
    expect(one.body.versions).toEqual([expect.objectContaining({ version: 1, origin: 'shipped' })]);
    // Writing playbooks is for admins and leaders.
    const refused = await t
      .http()
      .post(`/api/playbooks/${fakeNewsId}/versions`)
      .set(analyst.auth)
      .send({ content: one.body.current.content });
    expect(refused.status).toBe(403);
  });

  it('suggests the best-matching playbook with its reasons, and writes the suggestion on activation', async () => {
    const res = await t
      .http()
      .get(`/api/incidents/${team.incidentId}/playbook-suggestions`)
      .set(team.teamLeader.auth);
    expect(res.status).toBe(200);
    expect(res.body.canApply).toBe(true);
    const asDrafter = await t
      .http()
      .get(`/api/incidents/${team.incidentId}/playbook-suggestions`)
      .set(team.drafters[0].auth);
    expect(asDrafter.body.canApply).toBe(false);
    const [best] = res.body.items;
    expect(best).toMatchObject({ playbookId: fakeNewsId, version: 1 });
    expect(best.reasons[0]).toBe('Cùng loại sự cố: Tin giả, tin sai sự thật');
    expect(best.reasons.join(' ')).toMatch(/Từ khóa khớp: .*"tin giả".*"mạo danh".*"cắt ghép"/);

    const active = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/transitions`)
      .set(team.teamLeader.auth)
      .send({ to: 'active' });
    expect(active.status).toBe(201);
    const [suggested] = await eventually(async () => {
      const found = await events(['playbook.suggested']);
      return found.length ? found : undefined;
    }, 'playbook.suggested');
    expect(suggested.payload.suggestions[0]).toMatchObject({ playbookId: fakeNewsId, title: best.title });
  });

  it('refuses to apply for someone who does not lead the response, and applies nothing half-way', async () => {
    const byDrafter = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/playbooks/${fakeNewsId}/apply`)
      .set(team.drafters[0].auth)
      .send({});
    expect(byDrafter.status).toBe(403);

    // A role the catalogue does not have is refused when the playbook is written, naming the field.
    const base = (await t.http().get(`/api/playbooks/${fakeNewsId}`).set(team.admin.auth)).body.current
      .content;
    const content = (role: string) => ({
      ...base,
      summary: 'Cẩm nang thử nghiệm',
      triggers: { keywords: [] },
      guidanceMarkdown: 'Thử nghiệm.',
      holdingLines: [],
      legalReferences: [],
      stages: [{ key: 'thu', title: 'Bước thử', tasks: [{ title: 'Việc thử', dueAfterMinutes: 10 }] }],
      statementTemplates: [],
      roleRequirements: [{ role, count: 1, required: true, reason: 'Thử' }],
    });
    const unknownRole = await t
      .http()
      .post('/api/playbooks')
      .set(team.admin.auth)
      .send({ key: 'unknown-role', title: 'Cẩm nang có vai trò lạ', content: content('no_such_role') });
    expect(unknownRole.status).toBe(400);
    expect(unknownRole.body.details[0].field).toBe('content.roleRequirements[0].role');
    // A role dropped from the catalogue after the playbook was written fails the apply after its tasks were
    // written: nothing stays.
    await t.dataSource.query(
      `INSERT INTO working_group_roles (key, name_vi, duties, can_edit_statements, can_approve, observer, sort_order)
       VALUES ('temp_role', 'Vai trò tạm', 'Thử', false, false, false, 999)`,
    );
    const broken = await t
      .http()
      .post('/api/playbooks')
      .set(team.admin.auth)
      .send({
        key: 'broken-roles',
        title: 'Cẩm nang thử nghiệm có vai trò lạ',
        content: content('temp_role'),
      });
    expect(broken.status).toBe(201);
    await t.dataSource.query(`DELETE FROM working_group_roles WHERE key = 'temp_role'`);
    const before = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM incident_tasks WHERE incident_id = $1)::int AS tasks,
              (SELECT count(*) FROM statements WHERE incident_id = $1)::int AS statements,
              (SELECT last_seq FROM incidents WHERE id = $1) AS seq`,
      [team.incidentId],
    );
    const failed = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/playbooks/${broken.body.id}/apply`)
      .set(team.teamLeader.auth)
      .send({});
    expect(failed.status).toBe(400);
    expect(failed.body.details[0].field).toBe('role');
    const after = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM incident_tasks WHERE incident_id = $1)::int AS tasks,
              (SELECT count(*) FROM statements WHERE incident_id = $1)::int AS statements,
              (SELECT last_seq FROM incidents WHERE id = $1) AS seq`,
      [team.incidentId],
    );
    expect(after).toEqual(before);
    // Unknown fields of a playbook are refused, naming the field.
    const unknown = await t
      .http()
      .post('/api/playbooks')
      .set(team.admin.auth)
      .send({ key: 'x-unknown', title: 'Cẩm nang có trường lạ', content: { ...base, colour: 'red' } });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body.details)).toContain('colour');
  });

  it('applies a playbook: tasks with deadlines from detection, role requirements, filled drafts, the version pinned', async () => {
    const shipped = SHIPPED_PLAYBOOKS.find((p) => p.key === 'fake-news-agency')!.content;
    const incident = (await t.http().get(`/api/incidents/${team.incidentId}`).set(team.admin.auth)).body;
    const res = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/playbooks/${fakeNewsId}/apply`)
      .set(team.teamLeader.auth)
      .send({});
    expect(res.status).toBe(201);
    const expectedTasks = shipped.stages.flatMap((s) => s.tasks);
    expect(res.body.taskIds).toHaveLength(expectedTasks.length);
    expect(res.body.statementIds).toHaveLength(shipped.statementTemplates.length);

    const tasks = (await t.http().get(`/api/incidents/${team.incidentId}/tasks`).set(team.admin.auth)).body;
    const list = Array.isArray(tasks) ? tasks : tasks.items;
    for (const expected of expectedTasks) {
      const task = list.find((x: { title: string }) => x.title === expected.title);
      expect(task).toBeDefined();
      expect(new Date(task.dueAt).getTime()).toBe(
        new Date(incident.detectedAt).getTime() + expected.dueAfterMinutes * 60_000,
      );
      // A task for the drafters goes to the group's accepted drafter.
      if (expected.role === 'drafter')
        expect([team.drafters[0].user.id, team.drafters[1].user.id]).toContain(task.assigneeUserId);
    }

    // Role requirements join the group's: the police liaison the fake-news playbook needs, with its reason.
    const group = (await t.http().get(`/api/incidents/${team.incidentId}/working-group`).set(team.admin.auth))
      .body;
    const police = group.requirements.find((r: { role: string }) => r.role === 'police_liaison');
    expect(police).toMatchObject({ required: true });
    const [requirements] = await events(['working_group.requirements_added']);
    expect(requirements.payload.origin).toBe('playbook:fake-news-agency@1');

    // Drafts from the templates, placeholders filled from the incident and the directory.
    const statements = (
      await t.http().get(`/api/incidents/${team.incidentId}/statements`).set(team.admin.auth)
    ).body.items;
    expect(statements.map((s: { type: string }) => s.type)).toEqual(
      shipped.statementTemplates.map((x) => x.type),
    );
    const holding = await t.http().get(`/api/statements/${statements[0].id}`).set(team.drafters[0].auth);
    const body: string = holding.body.draft.body;
    expect(body).toContain(incident.responsibleUnitSnapshot.name);
    expect(body).not.toMatch(/\{\{/);

    const pinned = await t.http().get(`/api/incidents/${team.incidentId}/playbook`).set(team.reader.auth);
    expect(pinned.body).toMatchObject({ playbookId: fakeNewsId, key: 'fake-news-agency', version: 1 });
    const again = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/playbooks/${fakeNewsId}/apply`)
      .set(team.teamLeader.auth)
      .send({});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PLAYBOOK_ALREADY_APPLIED');
  });

  it("lets a holding statement made of the applied playbook's holding lines take the fast path", async () => {
    const unit = (await t.http().get(`/api/incidents/${team.incidentId}`).set(team.admin.auth)).body
      .responsibleUnitSnapshot.name;
    const lines = SHIPPED_PLAYBOOKS.find((p) => p.key === 'fake-news-agency')!
      .content.holdingLines.slice(0, 2)
      .map((l) =>
        l
          .replace(/\{\{don_vi\}\}/g, unit)
          .replace(/\{\{cap_nhat_tiep_theo\}\}/g, '17 giờ 00 ngày 02/12/2026'),
      );
    const submitWith = async (body: string) => {
      const created = await t
        .http()
        .post(`/api/incidents/${team.incidentId}/statements`)
        .set(team.drafters[0].auth)
        .send({ type: 'holding_statement', title: 'Thông tin ban đầu', body });
      expect(created.status).toBe(201);
      expect(
        (await t.http().post(`/api/statements/${created.body.id}/submit`).set(team.drafters[0].auth).send({}))
          .status,
      ).toBe(200);
      return (await t.http().get(`/api/statements/${created.body.id}`).set(team.drafters[0].auth)).body
        .approval.policy;
    };
    expect(await submitWith(lines.join('\n\n'))).toMatchObject({ key: 'holding_fast_path', fastPath: true });
    expect(await submitWith(`${lines[0]}\n\nGiám đốc Sở đã bị bắt.`)).toMatchObject({
      key: 'standard',
      fastPath: false,
    });
  });

  it('turns lessons into a proposed version that an admin or leader (not the proposer) approves', async () => {
    const current = (await t.http().get(`/api/playbooks/${fakeNewsId}`).set(team.admin.auth)).body.current
      .content;
    const content = {
      ...current,
      guidanceMarkdown: `${current.guidanceMarkdown}\n\n## Bổ sung sau sự cố\nGửi đề nghị gỡ bỏ cho PA05 ngay trong giờ đầu.`,
    };
    const noReview = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/review/playbook-proposals`)
      .set(team.drafters[0].auth)
      .send({
        playbookId: fakeNewsId,
        title: 'Tin giả về cơ quan (bổ sung PA05)',
        content,
        rationale: 'Rút kinh nghiệm sự cố: gỡ bỏ chậm.',
      });
    expect(noReview.status).toBe(409);
    expect(noReview.body.code).toBe('REVIEW_REQUIRED');
    const saved = await t
      .http()
      .put(`/api/incidents/${team.incidentId}/review`)
      .set(team.drafters[0].auth)
      .send({ lessons: 'Cần gửi đề nghị gỡ bỏ sớm hơn.' });
    expect(saved.status).toBe(200);
    const proposal = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/review/playbook-proposals`)
      .set(team.drafters[0].auth)
      .send({
        playbookId: fakeNewsId,
        title: 'Tin giả về cơ quan (bổ sung PA05)',
        content,
        rationale: 'Rút kinh nghiệm sự cố: gỡ bỏ chậm.',
      });
    expect(proposal.status).toBe(201);
    expect(proposal.body).toMatchObject({
      status: 'pending',
      baseVersion: 1,
      sourceIncidentId: team.incidentId,
    });
    const byOfficer = await t
      .http()
      .post(`/api/playbook-proposals/${proposal.body.id}/decision`)
      .set(team.drafters[1].auth)
      .send({ decision: 'approve' });
    expect(byOfficer.status).toBe(403);
    // A shared (shipped) playbook is the admins' to change; a leader of one unit may not.
    const byLeader = await t
      .http()
      .post(`/api/playbook-proposals/${proposal.body.id}/decision`)
      .set(team.approver.auth)
      .send({ decision: 'approve' });
    expect(byLeader.status).toBe(403);
    // Leaders see the proposals of incidents they can see; a leader elsewhere does not.
    const listed = (await t.http().get('/api/playbook-proposals').set(team.approver.auth)).body;
    expect(listed.map((p: { id: string }) => p.id)).toContain(proposal.body.id);
    const elsewhere = await t.createUser({ roles: [Role.Leader] });
    expect((await t.http().get('/api/playbook-proposals').set(elsewhere.auth)).body).toEqual([]);
    const approved = await t
      .http()
      .post(`/api/playbook-proposals/${proposal.body.id}/decision`)
      .set(team.admin.auth)
      .send({ decision: 'approve' });
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ status: 'approved', resultingVersion: 2 });
    const pb = (await t.http().get(`/api/playbooks/${fakeNewsId}`).set(team.admin.auth)).body;
    expect(pb.currentVersion).toBe(2);
    expect(pb.current.content.guidanceMarkdown).toContain('Bổ sung sau sự cố');
    // The incident keeps the version it applied; a version is immutable in the database.
    expect(
      (await t.http().get(`/api/incidents/${team.incidentId}/playbook`).set(team.admin.auth)).body.version,
    ).toBe(1);
    await expect(
      t.dataSource.query(`UPDATE playbook_versions SET title = 'x' WHERE playbook_id = $1`, [fakeNewsId]),
    ).rejects.toThrow(/immutable/);
  });

  it('searches playbooks without diacritics, ranked, with highlighted snippets; refuses an empty query', async () => {
    const res = await t.http().get('/api/search').query({ q: 'tin gia mao danh' }).set(team.drafters[0].auth);
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ kind: 'playbook', id: fakeNewsId });
    expect(res.body.items[0].snippetHtml).toMatch(/<mark>(giả|mạo|danh|Tin|tin)<\/mark>/);
    const ranks = res.body.items.map((i: { rank: number }) => i.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    const dd = await t.http().get('/api/search').query({ q: 'dich benh ngo doc' }).set(team.drafters[0].auth);
    expect(dd.body.items[0].title).toMatch(/y tế|dịch bệnh|ngộ độc/i);
    // Legal references are searchable by their numbers and codes.
    const legal = await t
      .http()
      .get('/api/search')
      .query({ q: '147/2024', kind: 'playbook' })
      .set(team.drafters[0].auth);
    expect(legal.body.items.map((i: { id: string }) => i.id)).toContain(fakeNewsId);
    const empty = await t.http().get('/api/search').query({ q: '!!' }).set(team.drafters[0].auth);
    expect(empty.status).toBe(400);
    expect(empty.body.details[0].field).toBe('q');
    const extra = await t
      .http()
      .get('/api/search')
      .query({ q: 'tin gia', sort: 'x' })
      .set(team.drafters[0].auth);
    expect(extra.status).toBe(400);
  });

  it('closes only with a completed review; an archived incident is read-only and joins the library', async () => {
    const go = (to: string) =>
      t.http().post(`/api/incidents/${team.incidentId}/transitions`).set(team.teamLeader.auth).send({ to });
    expect((await go('resolved')).status).toBe(201);
    const early = await go('closed');
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('REVIEW_REQUIRED');

    const incomplete = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/review/complete`)
      .set(team.teamLeader.auth);
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.details.map((d: { field: string }) => d.field)).toEqual([
      'wentWell',
      'wentPoorly',
    ]);
    const filled = await t
      .http()
      .put(`/api/incidents/${team.incidentId}/review`)
      .set(team.teamLeader.auth)
      .send({
        wentWell: 'Phối hợp với Công an tỉnh nhanh; thông tin ban đầu đúng hạn.',
        wentPoorly: 'Nền tảng gỡ bỏ bài viết chậm; chưa có sẵn đầu mối báo chí.',
        actionItems: [
          { title: 'Lập danh sách đầu mối báo chí', ownerName: 'Đỗ Thu Phát Ngôn', dueDate: '2027-01-15' },
        ],
      });
    expect(filled.status).toBe(200);
    const completed = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/review/complete`)
      .set(team.teamLeader.auth);
    expect(completed.status).toBe(201);
    expect(completed.body.status).toBe('completed');
    expect((await go('closed')).status).toBe(201);
    expect((await go('archived')).status).toBe(201);

    // Read-only everywhere: tasks, review, statements, playbooks.
    const task = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/tasks`)
      .set(team.teamLeader.auth)
      .send({ title: 'Việc mới sau khi lưu trữ' });
    expect(task.status).toBe(409);
    expect(task.body.code).toBe('INCIDENT_READ_ONLY');
    const review = await t
      .http()
      .put(`/api/incidents/${team.incidentId}/review`)
      .set(team.teamLeader.auth)
      .send({ lessons: 'x' });
    expect(review.body.code).toBe('INCIDENT_READ_ONLY');
    const statement = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/statements`)
      .set(team.drafters[0].auth)
      .send({ type: 'press_release', title: 'Thông cáo sau lưu trữ' });
    expect(statement.body.code).toBe('INCIDENT_READ_ONLY');
    expect((await go('active')).body.code).toBe('INVALID_TRANSITION');

    // The library finds the case by its lessons, without diacritics; an outsider does not see it.
    const found = await t
      .http()
      .get('/api/search')
      .query({ q: 'dau moi bao chi', kind: 'incident' })
      .set(team.reader.auth);
    expect(found.body.items).toEqual([
      expect.objectContaining({
        kind: 'incident',
        id: team.incidentId,
        snippetHtml: expect.stringContaining('<mark>'),
      }),
    ]);
    // A member of the group sees the case; once out of the group (declined, removed), no longer.
    const asObserver = await t
      .http()
      .get('/api/search')
      .query({ q: 'dau moi bao chi', kind: 'incident' })
      .set(team.observer.auth);
    expect(asObserver.body.items).toHaveLength(1);
    await t.dataSource.query(
      `UPDATE working_group_members SET status = 'declined' WHERE incident_id = $1 AND person_id = $2`,
      [team.incidentId, team.observer.person.id],
    );
    const declined = await t
      .http()
      .get('/api/search')
      .query({ q: 'dau moi bao chi', kind: 'incident' })
      .set(team.observer.auth);
    expect(declined.body.items).toEqual([]);
    const outsider = await t.createUser({ roles: [Role.Leader] });
    const hidden = await t
      .http()
      .get('/api/search')
      .query({ q: 'dau moi bao chi', kind: 'incident' })
      .set(outsider.auth);
    expect(hidden.body.items).toEqual([]);
  });
});
