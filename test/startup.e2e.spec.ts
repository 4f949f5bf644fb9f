import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');

/** Runs the real entry point the way `npm start` does (compiled), with a broken environment. */
describe('service start-up (e2e)', () => {
  // A private build (inside node_modules so that packages resolve), never a possibly stale dist/.
  const outDir = path.join(root, 'node_modules/.cache/ungpho-startup-test');
  const main = path.join(outDir, 'src/main.js');

  beforeAll(async () => {
    await rm(outDir, { recursive: true, force: true });
    await run(path.join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json', '--outDir', outDir], {
      cwd: root,
    });
    expect(existsSync(main)).toBe(true);
  }, 120_000);

  it('refuses to start with a bad variable, naming it, before touching any database', async () => {
    const env = {
      ...process.env,
      PORT: 'tam-nghin',
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      NODE_OPTIONS: '',
    };
    const result = await run('node', [main], { cwd: root, env, timeout: 20_000 }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('Cấu hình không hợp lệ');
    expect(result.stderr).toContain('PORT');
  }, 30_000);
});
