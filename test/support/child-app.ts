import { transformFile } from '@swc/core';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Compiles the service (src, migrations) with swc into a private directory inside node_modules (so that packages
 * resolve), the way the jest transform sees it: a second or so, against a full tsc build's dozen.
 */
export async function compileService(): Promise<{ main: string; outDir: string; remove(): Promise<void> }> {
  const outDir = path.join(root, 'node_modules/.cache', `ungpho-child-${randomBytes(4).toString('hex')}`);
  const files: string[] = [];
  for (const dir of ['src', 'migrations']) {
    for (const entry of await readdir(path.join(root, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        files.push(path.join(entry.parentPath, entry.name));
      }
    }
  }
  await Promise.all(
    files.map(async (file) => {
      const { code } = await transformFile(file, {
        swcrc: false,
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          keepClassNames: true,
        },
        module: { type: 'es6' },
      });
      const out = path.join(outDir, path.relative(root, file)).replace(/\.ts$/, '.js');
      await mkdir(path.dirname(out), { recursive: true });
      await writeFile(out, code);
    }),
  );
  await writeFile(path.join(outDir, 'package.json'), JSON.stringify({ type: 'module' }));
  return {
    outDir,
    main: path.join(outDir, 'src/main.js'),
    remove: () => rm(outDir, { recursive: true, force: true }),
  };
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/** The service as its own process (`node dist/src/main.js`), so that a test can SIGKILL it. */
export class ChildService {
  private child?: ChildProcess;
  private output = '';

  constructor(
    private readonly main: string,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  /** Everything the process wrote (stdout and stderr) since it was last started. */
  get log(): string {
    return this.output;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(timeoutMs = 30_000): Promise<void> {
    this.output = '';
    const child = spawn(process.execPath, [this.main], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(this.port),
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (this.output += d));
    child.stderr!.on('data', (d) => (this.output += d));
    this.child = child;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`service exited (${child.exitCode}):\n${this.output}`);
      const ok = await fetch(`${this.url}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      if (Date.now() > deadline)
        throw new Error(`service not healthy after ${timeoutMs} ms:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** SIGKILL: no shutdown hook runs, open connections just die. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
