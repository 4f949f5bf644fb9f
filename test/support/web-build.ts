import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

function newestMtime(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

/**
 * Builds web/dist when it is missing or older than its sources (the console's code, its page and config, and
 * the protocol types it shares with the server), so that the tests never run an out-of-date console.
 */
export function ensureWebBuild(): { built: boolean; ms: number } {
  const index = path.join(root, 'web', 'dist', 'index.html');
  const sources = Math.max(
    ...[
      'web/src',
      'web/index.html',
      'web/vite.config.ts',
      'src/rooms/rooms.events.ts',
      'src/contracts',
      'package-lock.json',
    ].map((p) => newestMtime(path.join(root, p))),
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return { built: false, ms: 0 };
  const started = Date.now();
  const result = spawnSync('npm', ['run', 'build:web'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`npm run build:web failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return { built: true, ms: Date.now() - started };
}
