import { AuditService } from '../src/audit/audit.service.js';
import { Role } from '../src/auth/role.js';
import { createTestApp, TestApp } from './support/test-app.js';

describe(`${AuditService.name} (e2e)`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('records mutations in a verifiable chain and lists them for admins only', async () => {
    const admin = await t.createUser({ roles: [Role.Admin] });
    const officer = await t.createUser({ roles: [Role.Officer] });
    const created = await t
      .http()
      .post('/api/users')
      .set(admin.auth)
      .set('x-request-id', 'req-audit-1')
      .send({
        email: 'kiem.toan@anhoa.example.vn',
        displayName: 'Lê Văn Cường',
        password: 'mat-khau-du-dai',
        roles: ['observer'],
      });
    expect(created.status).toBe(201);

    const list = await t.http().get('/api/audit').query({ entityId: created.body.id }).set(admin.auth);
    expect(list.status).toBe(200);
    const entry = list.body.items.find((i: { action: string }) => i.action === 'user.created');
    expect(entry).toMatchObject({
      actorUserId: admin.user.id,
      entityType: 'user',
      correlationId: 'req-audit-1',
      data: { email: 'kiem.toan@anhoa.example.vn', roles: ['observer'] },
    });
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);

    expect((await t.http().get('/api/audit').set(officer.auth)).status).toBe(403);
    expect((await t.http().get('/api/audit/verify').set(officer.auth)).status).toBe(403);

    const verify = await t.http().get('/api/audit/verify').set(admin.auth);
    expect(verify.status).toBe(200);
    expect(verify.body.ok).toBe(true);
    expect(verify.body.checked).toBeGreaterThanOrEqual(4);
  });

  it('a row written under a present-tense name reads under today’s name and keeps its hash', async () => {
    const admin = await t.createUser({ roles: [Role.Admin] });
    const entityId = '00000000-0000-4000-8000-00000000a001';
    await t.dataSource.transaction((manager) =>
      t.app.get(AuditService).record(manager, {
        action: 'topic.update',
        entityType: 'topic',
        entityId,
        data: { legacy: true },
      }),
    );
    const stored: { action: string }[] = await t.dataSource.query(
      'SELECT action FROM audit_log WHERE entity_id = $1',
      [entityId],
    );
    expect(stored).toEqual([{ action: 'topic.update' }]);
    const list = await t
      .http()
      .get('/api/audit')
      .query({ action: 'topic.updated', entityId })
      .set(admin.auth);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { action: string }) => i.action)).toEqual(['topic.updated']);
    const verify = await t.http().get('/api/audit/verify').set(admin.auth);
    expect(verify.body.ok).toBe(true);
  });

  it('the database refuses UPDATE and DELETE on the audit log', async () => {
    await expect(t.dataSource.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });

  it('detects a row tampered with in SQL, naming the first broken row', async () => {
    const admin = await t.createUser({ roles: [Role.Admin] });
    for (let i = 0; i < 3; i++) await t.createUser();
    const rows: { id: string }[] = await t.dataSource.query(`SELECT id FROM audit_log ORDER BY id`);
    const victim = rows[Math.floor(rows.length / 2)].id;

    // Someone with database access bypasses the trigger and rewrites history.
    await t.dataSource.transaction(async (m) => {
      await m.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
      await m.query(`UPDATE audit_log SET data = '{"email":"gia.mao@example.vn"}' WHERE id = $1`, [victim]);
      await m.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
    });

    const res = await t.http().get('/api/audit/verify').set(admin.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: false, firstBrokenId: victim });
    expect(res.body.checked).toBe(rows.findIndex((r) => r.id === victim));
  });

  it('detects a deleted row through the broken link', async () => {
    const t2 = await createTestApp();
    try {
      const admin = await t2.createUser({ roles: [Role.Admin] });
      for (let i = 0; i < 3; i++) await t2.createUser();
      const rows: { id: string }[] = await t2.dataSource.query(`SELECT id FROM audit_log ORDER BY id`);
      await t2.dataSource.transaction(async (m) => {
        await m.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
        await m.query(`DELETE FROM audit_log WHERE id = $1`, [rows[1].id]);
        await m.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
      });
      const res = await t2.http().get('/api/audit/verify').set(admin.auth);
      expect(res.body).toMatchObject({ ok: false, firstBrokenId: rows[2].id });
    } finally {
      await t2.close();
    }
  });

  it('a failed mutation leaves neither the change nor an audit row', async () => {
    const admin = await t.createUser({ roles: [Role.Admin] });
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`);
    const res = await t
      .http()
      .post('/api/users')
      .set(admin.auth)
      .send({
        email: 'co.nguoi@anhoa.example.vn',
        displayName: 'Người thứ hai',
        password: 'mat-khau-du-dai',
        roles: ['officer'],
        personId: '00000000-0000-4000-8000-000000000000',
      });
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('personId');
    const after = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`);
    expect(after[0].n).toBe(before[0].n);
    const users = await t.dataSource.query(`SELECT 1 FROM users WHERE email = 'co.nguoi@anhoa.example.vn'`);
    expect(users).toHaveLength(0);
  });
});
