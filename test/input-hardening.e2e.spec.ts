import { randomUUID } from 'node:crypto';
import { inputGuard } from '../src/common/input-guard.js';
import { makeStatementTeam } from './support/statement-team.js';
import type { StatementTeam } from './support/statement-team.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { RoomClient } from './support/ws-client.js';

/** The documented error shape, and the field it names. */
const expect400 = (res: { status: number; body: Record<string, unknown> }, field: string) => {
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({
    statusCode: 400,
    code: 'VALIDATION_FAILED',
    correlationId: expect.any(String),
  });
  const fields = ((res.body.details as { field: string }[] | undefined) ?? []).map((d) => d.field);
  expect(fields.some((f) => f === field || f.startsWith(`${field}.`) || f.startsWith(`${field}[`))).toBe(
    true,
  );
};

describe(`${inputGuard.name} and input limits at the edge (e2e)`, () => {
  let t: TestApp;
  let team: StatementTeam;

  beforeAll(async () => {
    t = await createTestApp();
    team = await makeStatementTeam(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const rowCount = async (table: string) =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  it('refuses NUL and lone surrogates in any string of a body or query, naming the field, storing nothing', async () => {
    const before = await rowCount('statements');
    const nul = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/statements`)
      .set(team.drafters[0].auth)
      .send({ type: 'press_release', title: 'Thông cáo', body: 'Nội dung\u0000ẩn' });
    expect400(nul, 'body');
    expect(nul.body.details[0].constraints).toEqual(['noNul']);
    expect(await rowCount('statements')).toBe(before);
    const login = await t.http().post('/api/auth/login').send({ email: 'a\ud800@x.vn', password: 'x' });
    expect400(login, 'email');
    expect(login.body.details[0].constraints).toEqual(['wellFormedUnicode']);
    const query = await t
      .http()
      .get(`/api/incidents?q=${encodeURIComponent('a\u0000b')}`)
      .set(team.admin.auth);
    expect400(query, 'q');
    const nested = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/tasks`)
      .set(team.admin.auth)
      .send({ title: 'Việc', description: ['\udfff'] });
    expect400(nested, 'description[0]');
  });

  it('refuses prototype keys anywhere, and a body sent to a route that takes none', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const res = await t
        .http()
        .post('/api/incidents')
        .set(team.admin.auth)
        .set('content-type', 'application/json')
        .send(`{"title":"Sự cố","category":"other","severity":"L1","extra":{"${key}":{"isAdmin":true}}}`);
      expect400(res, `extra.${key}`);
      expect(res.body.details[0].constraints).toEqual(['noPrototypeKey']);
    }
    for (const body of ['[]', '{"x":1}', '"chuỗi"']) {
      const res = await t
        .http()
        .post(`/api/approval-delegations/${randomUUID()}/revoke`)
        .set(team.admin.auth)
        .set('content-type', 'application/json')
        .send(body);
      expect(res.status).toBe(400);
      if (body !== '"chuỗi"') expect(res.body.message).toContain('không nhận nội dung');
    }
    // Without a body, the same route goes on to its own answer.
    expect(
      (await t.http().post(`/api/approval-delegations/${randomUUID()}/revoke`).set(team.admin.auth)).status,
    ).toBe(404);
  });

  it('refuses numbers outside safe ranges: paging, seqs, versions', async () => {
    for (const q of [
      'offset=99999999999999999999',
      'offset=1e308',
      'offset=-1',
      'limit=1e3',
      'offset=2000000',
    ]) {
      const res = await t.http().get(`/api/incidents?${q}`).set(team.admin.auth);
      expect400(res, q.split('=')[0]);
    }
    for (const after of ['1e308', '3000000000', '-1', 'abc']) {
      const res = await t
        .http()
        .get(`/api/incidents/${team.incidentId}/events?after=${after}`)
        .set(team.admin.auth);
      expect400(res, 'after');
    }
    for (const n of ['-1', '0', '99999999999', '1.5', 'x']) {
      const res = await t
        .http()
        .post(`/api/statements/${randomUUID()}/versions/${n}/decisions`)
        .set(team.approver.auth)
        .send({ decision: 'approve', sha256: 'a'.repeat(64), password: 'x' });
      expect({ n, status: res.status }).toEqual({ n, status: 400 });
      expect400(res, 'n');
    }
    const version = await t.http().get(`/api/playbooks/${randomUUID()}/versions/-1`).set(team.admin.auth);
    expect400(version, 'version');
  });

  it('answers a socket command with afterSeq out of range as a validation error, and stays up', async () => {
    const client = await RoomClient.connect(t.url, team.admin.accessToken);
    try {
      for (const command of ['room:join', 'room:resync'] as const) {
        for (const afterSeq of [1e300, 3e9, -1, 1.5, Number.MAX_SAFE_INTEGER + 2]) {
          const ack = await client.request(command, { incidentId: team.incidentId, afterSeq });
          expect(ack).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
        }
      }
      const nul = await client.request('chat:send', {
        incidentId: team.incidentId,
        clientId: randomUUID(),
        text: 'tin\u0000nhắn',
      });
      expect(nul).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      const proto = await client.request(
        'room:join',
        JSON.parse(`{"incidentId":"${team.incidentId}","__proto__":{}}`),
      );
      expect(proto).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      expect((await client.request('room:join', { incidentId: team.incidentId, afterSeq: 0 })).ok).toBe(true);
    } finally {
      client.close();
    }
  });

  it('names a missing nested object instead of failing inside the service', async () => {
    const playbook = await t
      .http()
      .post('/api/playbooks')
      .set(team.admin.auth)
      .send({ key: `thu-${randomUUID().slice(0, 8)}`, title: 'Cẩm nang thử' });
    expect400(playbook, 'content');
    const version = await t
      .http()
      .post(`/api/playbooks/${randomUUID()}/versions`)
      .set(team.admin.auth)
      .send({ title: 'Phiên bản' });
    expect400(version, 'content');
    const proposal = await t
      .http()
      .post('/api/playbook-proposals')
      .set(team.admin.auth)
      .send({ playbookId: randomUUID(), title: 'Đề xuất' });
    expect400(proposal, 'content');
    const rule = {
      key: 'thu_quy_tac',
      name: 'Quy tắc thử',
      roles: [{ role: 'press_liaison', count: 1, required: true, sources: [{ from: 'responsible_unit' }] }],
      effectiveFrom: '2020-01-01',
    };
    const before = await rowCount('working_group_rules');
    expect400(
      await t.http().post('/api/working-group-rules').set(team.admin.auth).send(rule),
      'ackDeadlineSeconds',
    );
    const ack = { ackDeadlineSeconds: { L1: 600, L2: 600, L3: 600, L4: 600 } };
    const huge = await t
      .http()
      .post('/api/working-group-rules')
      .set(team.admin.auth)
      .send({ ...rule, ...ack, categories: Array.from({ length: 10_000 }, (_, i) => `loai_${i}`) });
    expect400(huge, 'categories');
    const long = await t
      .http()
      .post('/api/working-group-rules')
      .set(team.admin.auth)
      .send({ ...rule, ...ack, categories: ['x'.repeat(100_000)] });
    expect400(long, 'categories');
    expect(await rowCount('working_group_rules')).toBe(before);
  });

  it('checks a comment anchor type, and answers 404 for settings of a unit that does not exist', async () => {
    const created = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/statements`)
      .set(team.drafters[0].auth)
      .send({ type: 'press_release', title: 'Thông cáo', body: 'Nội dung thông cáo.' });
    for (const anchorEnd of [5, { a: 1 }, ['AA==']]) {
      const res = await t
        .http()
        .post(`/api/statements/${created.body.id}/comments`)
        .set(team.drafters[0].auth)
        .send({ field: 'body', index: 0, length: 3, anchorEnd, text: 'Góp ý' });
      expect400(res, 'anchorEnd');
    }
    const nil = await t
      .http()
      .get('/api/detection-settings/effective/00000000-0000-0000-0000-000000000000')
      .set(team.admin.auth);
    expect(nil.status).toBe(404);
    expect(nil.body).toMatchObject({ code: 'NOT_FOUND', correlationId: expect.any(String) });
  });
});
