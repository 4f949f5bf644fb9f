import { randomUUID } from 'node:crypto';
import { registeredRoutes as routesOf } from './support/registered-routes.js';
import { createTestApp, TestApp } from './support/test-app.js';

/** Routes open to anonymous callers, on purpose. Adding one here is a security decision: say why. */
const PUBLIC_ROUTES = new Set([
  'POST /api/auth/login', // obtaining a token
  'POST /api/auth/refresh', // rotating a refresh token (the token itself is the credential)
  'GET /health', // load balancers and monitoring
  // monitoring feeds push mentions; authenticated by the source's HMAC signature instead of a user token
  'POST /api/signal-sources/:id/webhook',
]);

describe('route protection (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const registeredRoutes = () => routesOf(t.app);

  it('finds the application routes (the walk is not vacuous)', () => {
    const routes = registeredRoutes().map((r) => `${r.method} ${r.path}`);
    expect(routes.length).toBeGreaterThan(10);
    expect(routes).toEqual(expect.arrayContaining(['GET /api/me', 'GET /api/users', 'GET /api/audit']));
    for (const pub of PUBLIC_ROUTES) expect(routes).toContain(pub);
  });

  it('every non-public route answers 401 without a token', async () => {
    const failures: string[] = [];
    for (const { method, path } of registeredRoutes()) {
      const key = `${method} ${path}`;
      if (PUBLIC_ROUTES.has(key)) continue;
      const url = path.replace(/:(\w+)/g, () => randomUUID());
      const res = await t
        .http()
        [method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'](url)
        .send({});
      if (res.status !== 401 || res.body.code !== 'UNAUTHENTICATED')
        failures.push(`${key} → ${res.status} ${JSON.stringify(res.body)}`);
    }
    expect(failures).toEqual([]);
  });

  it('a token signed with another secret is refused everywhere', async () => {
    const other = await createTestApp();
    try {
      const foreign = await other.createUser();
      const res = await t.http().get('/api/me').set(foreign.auth);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('TOKEN_INVALID');
    } finally {
      await other.close();
    }
  });
});
