import { AuthService } from '../src/auth/auth.service.js';
import { Role } from '../src/auth/role.js';
import { createTestApp, TestApp } from './support/test-app.js';

describe(`${AuthService.name} (e2e)`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs in with the right password and returns tokens and the user, never the hash', async () => {
    const u = await t.createUser({ roles: [Role.Leader] });
    const res = await t
      .http()
      .post('/api/auth/login')
      .send({ email: u.email.toUpperCase(), password: u.password });
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body.refreshToken).toMatch(/^[0-9a-f-]{36}\.[\w-]+$/);
    expect(res.body.user).toMatchObject({ email: u.email, roles: [Role.Leader] });
    expect(JSON.stringify(res.body)).not.toContain('argon2');

    const me = await t
      .http()
      .get('/api/me')
      .set({ Authorization: `Bearer ${res.body.accessToken}` });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: u.user.id, email: u.email });
    expect(me.body.passwordHash).toBeUndefined();
  });

  it('refuses a wrong password and an unknown e-mail with the same error', async () => {
    const u = await t.createUser();
    const wrong = await t
      .http()
      .post('/api/auth/login')
      .send({ email: u.email, password: 'sai-mat-khau-123' });
    const unknown = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'khong.co@ai.vn', password: 'sai-mat-khau-123' });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({
        statusCode: 401,
        code: 'INVALID_CREDENTIALS',
        message: expect.any(String),
      });
      expect(res.body.correlationId).toEqual(expect.any(String));
    }
  });

  it('rotates refresh tokens: the new one works, the old one is refused', async () => {
    const u = await t.createUser();
    const first = await t.http().post('/api/auth/refresh').send({ refreshToken: u.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(u.refreshToken);
    const me = await t
      .http()
      .get('/api/me')
      .set({ Authorization: `Bearer ${first.body.accessToken}` });
    expect(me.status).toBe(200);
    const second = await t.http().post('/api/auth/refresh').send({ refreshToken: first.body.refreshToken });
    expect(second.status).toBe(200);
  });

  it('revokes the whole family when an old refresh token is replayed', async () => {
    const u = await t.createUser();
    const rotated = await t.http().post('/api/auth/refresh').send({ refreshToken: u.refreshToken });
    expect(rotated.status).toBe(200);

    const replay = await t.http().post('/api/auth/refresh').send({ refreshToken: u.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('REFRESH_TOKEN_REUSED');

    // The legitimate holder's newer token is revoked too.
    const legit = await t.http().post('/api/auth/refresh').send({ refreshToken: rotated.body.refreshToken });
    expect(legit.status).toBe(401);
    expect(legit.body.code).toBe('REFRESH_TOKEN_REUSED');

    const { rows } = await t.dataSource
      .query(`SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL`, [
        u.user.id,
      ])
      .then((r) => ({ rows: r }));
    expect(rows[0].n).toBe(0);
    const audit = await t.dataSource.query(
      `SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'auth.refresh_reused'`,
      [u.user.id],
    );
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it('refuses a forged or malformed refresh token', async () => {
    const u = await t.createUser();
    const [id] = u.refreshToken.split('.');
    const forged = await t
      .http()
      .post('/api/auth/refresh')
      .send({ refreshToken: `${id}.forgedsecretvalue` });
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('TOKEN_INVALID');
    const garbage = await t.http().post('/api/auth/refresh').send({ refreshToken: 'not-a-token-at-all' });
    expect(garbage.status).toBe(401);
  });

  it('logout revokes the session: its refresh token no longer works, other sessions do', async () => {
    const u = await t.createUser();
    const other = await t.http().post('/api/auth/login').send({ email: u.email, password: u.password });
    const out = await t.http().post('/api/auth/logout').set(u.auth).send({ refreshToken: u.refreshToken });
    expect(out.status).toBe(200);
    expect(out.body.revoked).toBe(1);
    const after = await t.http().post('/api/auth/refresh').send({ refreshToken: u.refreshToken });
    expect(after.status).toBe(401);
    const still = await t.http().post('/api/auth/refresh').send({ refreshToken: other.body.refreshToken });
    expect(still.status).toBe(200);

    const all = await t.http().post('/api/auth/logout').set(u.auth).send({ allDevices: true });
    expect(all.status).toBe(200);
    const gone = await t.http().post('/api/auth/refresh').send({ refreshToken: still.body.refreshToken });
    expect(gone.status).toBe(401);
  });

  it('a locked account loses access at once, even with a valid access token', async () => {
    const admin = await t.createUser({ roles: [Role.Admin] });
    const u = await t.createUser();
    const lock = await t.http().patch(`/api/users/${u.user.id}`).set(admin.auth).send({ active: false });
    expect(lock.status).toBe(200);
    const me = await t.http().get('/api/me').set(u.auth);
    expect(me.status).toBe(403);
    expect(me.body.code).toBe('ACCOUNT_DISABLED');
    const refresh = await t.http().post('/api/auth/refresh').send({ refreshToken: u.refreshToken });
    expect(refresh.status).toBe(401);
  });

  it('rejects expired, tampered and missing access tokens with 401', async () => {
    const u = await t.createUser();
    const tampered = u.accessToken.slice(0, -3) + (u.accessToken.endsWith('abc') ? 'xyz' : 'abc');
    for (const headers of [{}, { Authorization: `Bearer ${tampered}` }, { Authorization: 'Basic abc' }]) {
      const res = await t.http().get('/api/me').set(headers);
      expect(res.status).toBe(401);
      expect(['UNAUTHENTICATED', 'TOKEN_INVALID']).toContain(res.body.code);
    }
  });

  describe('user administration', () => {
    it('only admins manage users; validation names the fields and refuses unknown ones', async () => {
      const admin = await t.createUser({ roles: [Role.Admin] });
      const officer = await t.createUser({ roles: [Role.Officer] });
      expect((await t.http().get('/api/users').set(officer.auth)).status).toBe(403);

      const bad = await t
        .http()
        .post('/api/users')
        .set(admin.auth)
        .send({
          email: 'khong-phai-email',
          displayName: 'A',
          password: 'ngan',
          roles: ['superuser'],
          isRoot: true,
        });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      const fields = bad.body.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['email', 'displayName', 'password', 'roles', 'isRoot']));
      expect(bad.body.message).toContain('isRoot');

      const ok = await t
        .http()
        .post('/api/users')
        .set(admin.auth)
        .send({
          email: 'Moi.Nguoi@AnHoa.example.vn',
          displayName: 'Trần Thị Bình',
          password: 'mat-khau-du-dai',
          roles: ['analyst'],
        });
      expect(ok.status).toBe(201);
      expect(ok.body.email).toBe('moi.nguoi@anhoa.example.vn');
      const dup = await t
        .http()
        .post('/api/users')
        .set(admin.auth)
        .send({
          email: 'moi.nguoi@anhoa.example.vn',
          displayName: 'Trùng',
          password: 'mat-khau-du-dai',
          roles: ['analyst'],
        });
      expect(dup.status).toBe(409);
    });
  });
});
