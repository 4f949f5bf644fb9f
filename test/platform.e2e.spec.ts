import { Role } from '../src/auth/role.js';
import { createTestApp, TestApp } from './support/test-app.js';

describe('platform (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ corsOrigins: ['https://console.anhoa.example.vn'] });
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /health checks the database', async () => {
    const res = await t.http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('serves the OpenAPI document with the v1 contract paths and bearer auth', async () => {
    const res = await t.http().get('/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/auth/refresh',
        '/api/me',
        '/api/users',
        '/api/audit/verify',
        '/health',
      ]),
    );
    expect(res.body.components.securitySchemes.bearer).toBeDefined();
    const ui = await t.http().get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('echoes a sane X-Request-Id and uses it as the correlation id of errors', async () => {
    const res = await t.http().get('/api/me').set('x-request-id', 'abc-123');
    expect(res.headers['x-request-id']).toBe('abc-123');
    expect(res.body.correlationId).toBe('abc-123');
    const generated = await t.http().get('/api/me').set('x-request-id', 'bad id with spaces');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets security headers (helmet) and honours the CORS allow-list', async () => {
    const res = await t.http().get('/health').set('Origin', 'https://console.anhoa.example.vn');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['access-control-allow-origin']).toBe('https://console.anhoa.example.vn');
    const other = await t.http().get('/health').set('Origin', 'https://evil.example.com');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers malformed JSON, unknown routes and oversized bodies with the JSON error shape', async () => {
    const malformed = await t
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.vn", "password": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      correlationId: expect.any(String),
    });

    const unknown = await t.http().get('/api/khong-co');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');

    const huge = await t
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.vn', password: 'x'.repeat(11 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses bad types and unknown fields, naming each field', async () => {
    const res = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 42, password: ['x'], remember: true });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = res.body.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['email', 'password', 'remember']);
    const remember = res.body.details.find((d: { field: string }) => d.field === 'remember');
    expect(remember.messages[0]).toBe('remember: trường không được phép');

    const admin = await t.createUser({ roles: [Role.Admin] });
    const q = await t.http().get('/api/users').query({ limit: 'nhiều', extra: 1 }).set(admin.auth);
    expect(q.status).toBe(400);
    expect(q.body.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['limit', 'extra']),
    );
  });
});

describe('login rate limiting (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ rateLimit: { perMinute: 1000, loginPerMinute: 3 } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('stops password guessing after the per-minute budget, with a clear 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t
        .http()
        .post('/api/auth/login')
        .send({ email: 'nan.nhan@anhoa.example.vn', password: `doan-${i}` });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.body).toMatchObject({
          code: 'RATE_LIMITED',
          message: expect.stringContaining('Quá nhiều yêu cầu'),
        });
      }
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // Another account from the same address still has its own budget.
    const other = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'nguoi.khac@anhoa.example.vn', password: 'doan-0' });
    expect(other.status).toBe(401);
  });
});
