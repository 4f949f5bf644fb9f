// Runs on `npm install` / `npm ci` (the `prepare` script): builds the web console into web/dist, which the
// service serves at `/`. Skipped, with a note, where it cannot build: an install without dev dependencies, or
// without the web sources (the first layer of the Docker build copies only package*.json).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const skip = (why) => {
  console.log(`[web] bỏ qua build giao diện web: ${why} (chạy "npm run build:web" sau)`);
  process.exit(0);
};

if (!existsSync(path.join(root, 'web', 'index.html'))) skip('không có mã nguồn web/');
try {
  createRequire(path.join(root, 'package.json')).resolve('vite/package.json');
} catch {
  skip('chưa cài vite (cài không kèm devDependencies?)');
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['run', 'build:web'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
