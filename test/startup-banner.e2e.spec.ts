import { randomBytes } from 'node:crypto';
import { ChildService, compileService, freePort } from './support/child-app.js';
import { createTestDatabase } from './support/test-database.js';
import type { TestDatabase } from './support/test-database.js';

/** The start banner of `npm start --demo` on an empty database: readable, listing who can play a crisis. */
describe('start banner (e2e)', () => {
  let build: Awaited<ReturnType<typeof compileService>>;
  let database: TestDatabase;
  let service: ChildService | undefined;
  const demoPassword = `demo-${randomBytes(6).toString('hex')}`;
  const adminPassword = `quantri-${randomBytes(6).toString('hex')}`;

  beforeAll(async () => {
    [build, database] = await Promise.all([compileService(), createTestDatabase()]);
  }, 60_000);
  afterAll(async () => {
    await service?.stop();
    await build?.remove();
    await database?.drop();
  });

  const started = async (env: Record<string, string>) => {
    service = new ChildService(build.main, await freePort(), {
      DATABASE_URL: database.url,
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'info',
      UNGPHO_DEMO: 'true',
      ...env,
    });
    await service.start(60_000);
    const deadline = Date.now() + 10_000;
    while (!service.log.includes('Dừng: Ctrl-C') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const log = service.log;
    await service.stop();
    return log;
  };

  it('lists the demo accounts with what each does, never echoing passwords taken from the environment', async () => {
    const log = await started({ UNGPHO_DEMO_PASSWORD: demoPassword, UNGPHO_ADMIN_PASSWORD: adminPassword });
    expect(log).toContain('Dừng: Ctrl-C');
    expect(log).not.toContain(demoPassword);
    expect(log).not.toContain(adminPassword);
    expect(log).toContain('mật khẩu chung: giá trị của UNGPHO_DEMO_PASSWORD');
    expect(log).toContain('thanh.nv@example.vn');
    expect(log).toMatch(/thanh\.nv@example\.vn\s+Nguyễn Văn Thành — lãnh đạo phê duyệt/);
    for (const part of [
      'pháp chế',
      'chuyên viên soạn thảo',
      'người phát ngôn',
      'liên lạc công an (PA05)',
      'tổ phó',
    ]) {
      expect(log).toContain(`— ${part} [`);
    }
    // Nest's ~170 lines of modules and routes stay below info: the banner is not buried.
    expect(log).not.toMatch(/Mapped \{/);
    expect(log).not.toMatch(/dependencies initialized/);
  }, 90_000);

  it('prints a password only when it generated it (a second start loads nothing and prints none)', async () => {
    const log = await started({});
    // The demo is already loaded and the administrator exists: nothing generated, nothing printed.
    expect(log).toContain('tài khoản quản trị đã có từ trước');
    expect(log).not.toContain('Tài khoản mẫu');
    expect(log).not.toMatch(/chỉ hiện một lần/);
  }, 90_000);
});
