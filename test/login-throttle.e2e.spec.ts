import { randomBytes } from 'node:crypto';
import { LoginThrottle } from '../src/auth/login-throttle.js';
import { Role } from '../src/auth/role.js';
import { loadConfig } from '../src/config/app-config.js';
import { dropRedisKeys, redisProblem, TEST_REDIS_URL } from './support/redis.js';
import { createTestApp, TestApp, TestUser } from './support/test-app.js';

const problem = await redisProblem();
if (problem) console.warn(`[login-throttle] SKIPPED: no Redis reachable (${problem})`);
const describeWithRedis = problem ? describe.skip : describe;
const defaults = loadConfig({ NODE_ENV: 'test' }, []);

describeWithRedis(`${LoginThrottle.name} behind a trusted proxy, two nodes sharing Redis (e2e)`, () => {
  const prefix = `ungpho-test-${randomBytes(5).toString('hex')}`;
  let a: TestApp;
  let b: TestApp;
  let user: TestUser;

  const login = (node: TestApp, from: string, email: string, password: string) =>
    node.http().post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });

  beforeAll(async () => {
    const overrides = {
      redisUrl: TEST_REDIS_URL,
      redisKeyPrefix: prefix,
      trustProxy: ['loopback'],
      rateLimit: { perMinute: 100_000, loginPerMinute: 100 },
      loginThrottle: {
        perAddressPerMinute: 5,
        lockoutAfterFailures: 3,
        lockoutBaseSeconds: 1,
        lockoutMaxSeconds: 60,
      },
    };
    a = await createTestApp(overrides);
    b = await createTestApp({ ...overrides, jwt: a.config.jwt }, { database: a.database });
    // Test users log in from 127.0.0.1 without a forwarded address: the limits below use addresses of their own.
    user = await a.createUser({ roles: [Role.Officer] });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await dropRedisKeys(prefix);
  });

  it('locks an account after failures from many addresses on either node, for a time that doubles', async () => {
    const wrong = await Promise.all(
      [1, 2, 3].map((i) => login(i % 2 ? a : b, `203.0.113.${i}`, user.email, `sai-${i}`)),
    );
    expect(wrong.map((r) => r.status)).toEqual([401, 401, 401]);
    // Locked on both nodes, whatever the address, even with the right password (and it does not say so).
    const locked = await login(b, '203.0.113.50', user.email, user.password);
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 1 } });
    expect(Object.keys(locked.body).sort()).toEqual([
      'code',
      'correlationId',
      'details',
      'message',
      'statusCode',
    ]);
    expect((await login(a, '203.0.113.51', user.email, user.password)).status).toBe(429);
    await new Promise((r) => setTimeout(r, 1_100));
    // A fourth failure in a row: two seconds now.
    expect((await login(a, '203.0.113.4', user.email, 'sai-4')).status).toBe(401);
    const longer = await login(b, '203.0.113.52', user.email, user.password);
    expect(longer.body).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 2 } });
    await new Promise((r) => setTimeout(r, 1_200));
    expect((await login(b, '203.0.113.53', user.email, user.password)).status).toBe(429);
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await login(b, '203.0.113.54', user.email, user.password)).status).toBe(200);
    // The right password starts the count again: one typo is only a 401.
    expect((await login(a, '203.0.113.5', user.email, 'sai-5')).status).toBe(401);
    expect((await login(a, '203.0.113.55', user.email, user.password)).status).toBe(200);
  });

  it("limits one client address across accounts and nodes, by the proxy's X-Forwarded-For, not the proxy's address", async () => {
    const spray = [];
    for (let i = 0; i < 6; i++) {
      spray.push(
        await login(i % 2 ? a : b, '198.51.100.7', `khong.co.${i}.${prefix}@anhoa.example.vn`, 'mk'),
      );
    }
    expect(spray.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(spray[5].body).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringContaining('địa chỉ'),
    });
    // Another client behind the same proxy keeps its own budget.
    expect((await login(a, '198.51.100.8', user.email, user.password)).status).toBe(200);
  });

  it('answers a locked account the same whether the password was right or wrong', async () => {
    const locked = await a.createUser({ roles: [Role.Officer] });
    const admin = await a.createUser({ roles: [Role.Admin] });
    await a.http().patch(`/api/users/${locked.user.id}`).set(admin.auth).send({ active: false }).expect(200);
    const right = await login(a, '192.0.2.10', locked.email, locked.password);
    const wrong = await login(b, '192.0.2.11', locked.email, 'khong-dung');
    expect(right.status).toBe(wrong.status);
    const { correlationId: _r, ...rightBody } = right.body;
    const { correlationId: _w, ...wrongBody } = wrong.body;
    expect(rightBody).toEqual(wrongBody);
    expect(right.body.accessToken).toBeUndefined();
  });
});

describe('login limits without a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      trustProxy: false,
      loginThrottle: { ...defaults.loginThrottle, perAddressPerMinute: 3 },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('ignores a forged X-Forwarded-For from an untrusted peer: the budget stays with its real address', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const res = await t
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', `203.0.113.${100 + i}`)
        .send({ email: `ai.do.${i}@anhoa.example.vn`, password: 'mk' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
